"""What each command computes, as plain functions over a Session that return records.

The CLI parses options, calls one of these and prints the result; nothing here prints or
imports click. Corpus-level reports that are costly to compute are kept in the report cache,
keyed by the selected articles, the analysis fingerprint and the code of the report modules
named here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rafah.reports.entity_rows import EntityRows
    from rafah.reports.reference import Reference
    from rafah.selection import Selection
    from rafah.session import Session

ARTICLE_COLUMNS = ["id", "path", "date", "date_source", "title", "outlet", "words",
                   "duplicate_of", "warnings"]
ARTICLE_TABLE = ["id", "date", "date_source", "title", "words", "warnings"]
ENTITY_COLUMNS = ["name", "type", "mentions", "articles", "first_seen", "last_seen", "aliases",
                  "country", "lat", "lon", "geonameid", "geo_rule"]
ENTITY_TABLE = ["name", "type", "mentions", "articles", "first_seen", "last_seen", "aliases"]
PLACE_TABLE = ["name", "type", "mentions", "articles", "country", "lat", "lon", "aliases"]
CONTEXT_COLUMNS = ["article", "date", "left", "match", "right", "sentence", "start", "end"]
CONTEXT_TABLE = ["article", "date", "left", "match", "right"]
MENTION_TABLE = ["date", "kind", "value", "side", "area", "verb", "voice", "agent", "article"]
REFERENCE_TABLE = ["reference", "deviation"]
TIMELINE_COLUMNS = ["kind", "date", "article", "title", "summary", "entities", "casualties"]
EVENT_COLUMNS = ["granularity", "text", "sentence"]
PERIOD_COLUMNS = ["period", "articles", "entities", "casualties"]

ENTITY_REPORT = ("rafah.commands", "rafah.reports.entities")
"""The code a cached report depends on (`Session.cached_report`): the report's modules and this
one, which computes it (how the rows are read, how articles are numbered)."""
TIMELINE_REPORT = ("rafah.commands", "rafah.reports.timeline", "rafah.reports.entities")
TIMELINE_BULK_REPORT = (*TIMELINE_REPORT, "rafah.reports.top_names")


@dataclass
class Result:
    """Records to print, the columns of every format, and those of the terminal table."""

    rows: list[dict[str, Any]]
    columns: list[str]
    table_columns: list[str] | None = None
    notes: list[str] = field(default_factory=list)
    """One-line remarks for stderr (what matched, why nothing did)."""
    warnings: list[str] = field(default_factory=list)
    geojson: Callable[[], dict[str, Any]] | None = None
    """Makes the rows' GeoJSON FeatureCollection (commands with places; only when asked)."""
    texts: Callable[[int | None], Iterator[str]] | None = None
    """Rows made in bulk by the store: the JSON text of each (the first N), in order;
    ``rows`` is then empty until `records` reads them."""
    chunks: Callable[[int | None], Iterator[list[str]]] | None = None
    """The texts of ``texts`` a list at a time (written with one call a list)."""
    size: Callable[[], int] | None = None
    """How many rows ``texts`` (or ``table_rows``) gives (counted when asked)."""
    table_rows: Callable[[int | None], list[dict[str, Any]]] | None = None
    """Rows made in bulk for a table (the first N), each list already joined as its cell:
    shown as they are, never sorted; ``rows`` is then empty until `records` reads them."""
    shown: Callable[[int | None], Iterable[dict[str, Any]]] | None = None
    """The first N rows of ``texts`` (all for None) as records, made without JSON."""

    def records(self) -> list[dict[str, Any]]:
        """The rows as records (read from ``shown``, ``texts`` or ``table_rows`` when made in
        bulk)."""
        if self.shown is not None and not self.rows:
            self.rows = list(self.shown(None))
        elif self.texts is not None and not self.rows:
            self.rows = [json.loads(text) for text in self.texts(None)]
        elif self.table_rows is not None and not self.rows:
            self.rows = self.table_rows(None)
        return self.rows


def articles(session: Session) -> Result:
    """The loader's view: one row per article."""
    from rafah.reports.articles import article_rows

    return Result(article_rows(session.articles()), ARTICLE_COLUMNS, ARTICLE_TABLE)


def canonical_entities(session: Session) -> EntityRows:
    """The canonical entities of the selected articles (from the report cache if kept)."""
    from rafah.reports.entity_rows import EntityRows
    from rafah.session import collector_paused

    computed: list[EntityRows] = []

    def compute() -> dict[str, Any]:
        computed.append(entity_table(session)[0])
        with collector_paused():
            return computed[0].to_stored()

    stored = session.cached_report("entities", ENTITY_REPORT, compute)
    if computed:
        return computed[0]
    with collector_paused():
        return EntityRows.from_stored(stored)


def entity_table(session: Session
                 ) -> tuple[EntityRows, Callable[[int], Mapping[int, list[str]]]]:
    """The canonical entities of the selected articles, computed, and a function giving the
    top N names of each article (its index in `Session.articles`): in the store when the
    selection can be made there, else in memory."""
    from rafah.gazetteer import load_entries
    from rafah.reports import entities as report
    from rafah.reports.entity_rows import EntityRows, SoloRows
    from rafah.session import collector_paused

    gazetteer = load_entries(session.options.analysis.gazetteers)
    selection = session.analysed_selection()
    if selection is not None:
        with collector_paused():
            table = report.store_entities(selection.connection, "temp.selected", gazetteer)

        def top_names(count: int) -> Mapping[int, list[str]]:
            with collector_paused():
                return table.top_names(count)

        return table.rows, top_names
    chosen = session.articles()
    analyses = session.analyses(chosen, ("mentions", "acronyms"))
    with collector_paused():
        found = report.build_entities(chosen, analyses, gazetteer)
    return EntityRows(found, SoloRows(), list(range(len(found)))), \
        partial(report.top_names_by_article, found)


def entities(session: Session, *, types: tuple[str, ...] = (), min_articles: int = 1,
             country: str | None = None) -> Result:
    """One row per canonical entity, most widely reported first; places with their country
    and coordinates (and as GeoJSON)."""
    from rafah.reports.entities import geojson

    found = canonical_entities(session)
    chosen = found.chosen(types=types, min_articles=min_articles, country=country)
    selected = 0 if len(chosen) else session.selected_count()
    notes = [] if len(chosen) or not selected else [
        f"no entity{' of type ' + '/'.join(types) if types else ''}"
        f"{' in ' + country.upper() if country else ''} named in at least {min_articles} of "
        f"the {selected} selected article(s)"]
    table = PLACE_TABLE if chosen.all_places() else ENTITY_TABLE
    return Result([], ENTITY_COLUMNS, table, notes=notes,
                  geojson=lambda: geojson(chosen.entities()), texts=chosen.texts,
                  size=lambda: len(chosen), shown=chosen.shown)


def context(session: Session, term: str, *, width: int) -> Result:
    """Every sentence that names an entity (any of its names) or the term."""
    from rafah.reports.context import context_rows, surface_pattern
    from rafah.reports.entities import find_entity

    found = canonical_entities(session).entities()
    chosen = session.articles()
    entity = find_entity(found, term)
    notes: list[str] = []
    if entity is not None:
        pattern = surface_pattern(entity.surfaces | {term})
        notes.append(f"matching {entity.name} ({entity.type}): "
                     f"{', '.join(sorted(entity.surfaces | {term}))}")
    else:
        pattern = surface_pattern([term], ignore_case=True)
    analyses = session.analyses(chosen, ("sentences",))
    rows = context_rows(chosen, analyses, pattern, width=width)
    if not rows:
        notes.append(f"no sentence mentions {term!r}")
    return Result(rows, CONTEXT_COLUMNS, CONTEXT_TABLE, notes)


def casualties(session: Session, *, kinds: tuple[str, ...] = (), min_value: int = 0,
               reference: Reference | None = None, bulk: bool = False) -> Result:
    """Every casualty figure, compared with the reference series of its kind, side and area
    where one is given (running totals only). ``bulk``: made by the store as JSON texts
    (without a reference series, when the file index is current)."""
    selection = session.analysed_selection() if bulk and reference is None else None
    if selection is not None:
        return _bulk_casualties(selection, kinds, min_value)
    from rafah.reports.casualties import (
        FIGURE_COLUMNS,
        FIGURE_TABLE,
        REFERENCE_COLUMNS,
        compare_with_reference,
        figure_rows,
        flag_decreasing,
    )

    chosen = session.articles()
    analyses = session.analyses(chosen, ("casualties", "harm"))
    rows = figure_rows(chosen, analyses, kinds=kinds, min_value=min_value)
    warnings = flag_decreasing(rows)
    notes = [] if rows or not chosen else _no_figure_note(kinds, min_value, len(chosen))
    columns, table = list(FIGURE_COLUMNS), list(FIGURE_TABLE)
    if reference is not None:
        notes += compare_with_reference(rows, reference)
        columns += REFERENCE_COLUMNS
        table += REFERENCE_TABLE
    columns.append("flags")
    return Result(rows, columns, table, notes=notes, warnings=warnings)


def _no_figure_note(kinds: tuple[str, ...], min_value: int, chosen: int) -> list[str]:
    return [f"no casualty figure{' of kind ' + '/'.join(kinds) if kinds else ''}"
            f"{f' of at least {min_value}' if min_value else ''} in the {chosen} selected "
            "article(s)"]


def _bulk_casualties(selection: Selection, kinds: tuple[str, ...], min_value: int) -> Result:
    from rafah.reports.casualties import FIGURE_COLUMNS, FIGURE_TABLE
    from rafah.reports.casualty_bulk import FigureTexts

    figures = FigureTexts(selection.connection, kinds=kinds, min_value=min_value)
    notes = [] if figures.any or not selection.chosen else \
        _no_figure_note(kinds, min_value, selection.chosen)
    return Result([], [*FIGURE_COLUMNS, "flags"], list(FIGURE_TABLE), notes=notes,
                  warnings=figures.warnings, texts=figures.texts, chunks=figures.chunks,
                  size=figures.count, table_rows=figures.table_rows)


def mentions(session: Session, *, kinds: tuple[str, ...] = ()) -> Result:
    """Every mention of people killed, injured, missing, displaced, held or detained, with a
    count or without one."""
    from rafah.reports.casualties import MENTION_COLUMNS, mention_rows

    chosen = session.articles()
    rows = mention_rows(chosen, session.analyses(chosen, ("harm",)), kinds=kinds)
    notes = [] if rows or not chosen else [
        f"no mention of harm in the {len(chosen)} selected article(s)"]
    return Result(rows, MENTION_COLUMNS, MENTION_TABLE, notes=notes)


def coverage(session: Session, *, by: str = "day", reference: Reference | None = None,
             bulk: bool = False) -> Result:
    """Mentions of each side's dead per outlet and period, beside the reference tolls
    (``bulk``: counted by the store, when the file index is current)."""
    from rafah.reports.coverage import COVERAGE_COLUMNS, coverage_rows

    selection = session.analysed_selection() if bulk else None
    if selection is not None:
        from rafah.reports import coverage_bulk

        rows = coverage_bulk.coverage_rows(selection.connection, by=by, reference=reference)
        chosen = selection.chosen
    else:
        articles = session.articles()
        analyses = session.analyses(articles, ("casualties", "harm"))
        rows = coverage_rows(articles, analyses, by=by, reference=reference)
        chosen = len(articles)
    notes = [] if rows or not chosen else [
        f"no dated mention of harm in the {chosen} selected article(s)"]
    return Result(rows, COVERAGE_COLUMNS, notes=notes)


def timeline(session: Session, *, events: bool = False, by: str | None = None,
             shape: str = "json") -> Result:
    """Articles by date (with --events, the dated events they mention), or one row a period.
    The article rows of a kept selection are made by the store as JSON texts (``shape``:
    "json", the rows; "table", the rows the terminal table shows,
    `rafah.reports.timeline.table_row`; "cells", those as ``table_rows`` with each list
    joined as its cell)."""
    if not (events or by):
        found = _bulk_timeline(session, shape=shape)
        if found is not None:
            return found
    from rafah.reports.timeline import (
        TOP_ENTITIES,
        Dated,
        Summary,
        article_rows,
        chronological,
        event_rows,
        kept_articles,
        period_rows,
        stored_summaries,
    )
    from rafah.session import collector_paused

    def compute() -> list[dict[str, Any]]:
        top_names = entity_table(session)[1](TOP_ENTITIES)
        selection = session.analysed_selection()
        chosen: Sequence[Dated]
        if selection is None:
            chosen = session.articles()
            analyses = session.analyses(chosen, ("lead", "casualties", "dates") if events
                                        else ("lead", "casualties"))
            summaries: Mapping[str, Summary] = analyses
        else:  # leads and figures read in bulk; titles kept with the selection
            with collector_paused():
                summaries = stored_summaries(selection.connection)
                kept = None if events else kept_articles(selection.connection, summaries,
                                                         selection.chosen)
            chosen = session.articles() if kept is None else kept
            analyses = session.analyses(session.articles(), ("dates",)) if events else {}
        with collector_paused():
            if by:
                return period_rows(chosen, summaries, top_names, by)
            rows = article_rows(chosen, summaries, top_names)
            if events:
                rows += event_rows(chosen, analyses)
            return chronological(rows)

    rows = session.cached_report(f"timeline|{events}|{by}", TIMELINE_REPORT, compute)
    if by:
        return Result(rows, PERIOD_COLUMNS)
    return Result(rows, TIMELINE_COLUMNS + (EVENT_COLUMNS if events else []))


def _bulk_timeline(session: Session, *, shape: str) -> Result | None:
    """The article rows made by the store (`rafah.reports.timeline_rows`) from the kept
    selection, or None when it cannot make them. The top names, which depend on the whole
    selection, are the report kept in the report cache (per analysis, as packed runs)."""
    from rafah.reports.timeline import TOP_ENTITIES
    from rafah.reports.timeline_rows import ArticleTexts
    from rafah.reports.top_names import TopNames, cells_of, texts_of

    selection = session.analysed_selection()
    if selection is None:
        return None
    rows = ArticleTexts(selection.connection, selection.chosen)

    def compute() -> list[Any]:
        names = entity_table(session)[1](TOP_ENTITIES)
        assert isinstance(names, TopNames)  # the kept selection's table is the store's
        return names.stored()

    stored = session.cached_report("timeline-names", TIMELINE_BULK_REPORT, compute)
    if not rows.make(shape, (cells_of if shape == "cells" else texts_of)(stored)):
        return None
    if shape == "json":
        return Result([], list(TIMELINE_COLUMNS), texts=rows.texts, chunks=rows.chunks,
                      size=rows.count)
    columns = ["date", "article", "title", "entities", "casualties"]
    if shape == "cells":
        return Result([], columns, table_rows=rows.table_rows, size=rows.count)
    return Result([], columns, texts=rows.texts, chunks=rows.chunks, size=rows.count)


CACHE_COLUMNS = ["fingerprint", "analyses", "last_written", "current"]


def cache_info(cache: Path | None, model: str | None, gazetteers: tuple[str, ...]) -> Result:
    """The store's path and size, and its analyses per pipeline version (one row each)."""
    from rafah.nlp import fingerprint, resolve_model
    from rafah.store import Store

    current = fingerprint(resolve_model(model), gazetteers)
    store = Store(cache)
    try:
        info = store.info()
    finally:
        store.close()
    rows = [{**v, "current": v["fingerprint"] == current} for v in info["versions"]]
    note = (f"store {info['path']}: {info['bytes'] / 2**20:.1f} MiB, {info['files']} file(s) "
            f"indexed, {info['reports']} report(s) kept")
    return Result(rows, CACHE_COLUMNS, notes=[note])


def cache_prune(cache: Path | None, model: str | None, gazetteers: tuple[str, ...]) -> Result:
    """Drop analyses of other pipeline versions and of files no longer present."""
    from rafah.nlp import fingerprint, resolve_model
    from rafah.store import Store

    current = fingerprint(resolve_model(model), gazetteers)
    store = Store(cache)
    try:
        before = store.info()["bytes"]
        dropped = store.prune(current)
        after = store.info()["bytes"]
    finally:
        store.close()
    rows = [{"dropped": name, "count": count} for name, count in dropped.items()]
    note = f"store {cache}: {before / 2**20:.1f} MiB → {after / 2**20:.1f} MiB"
    return Result(rows, ["dropped", "count"], notes=[note])


def export(session: Session, out_dir: Path, *, overwrite: bool = False) -> Result:
    """Every article and every per-article record as Parquet, partitioned by month."""
    from rafah.export import export_parquet

    written = export_parquet(out_dir, session.articles(),
                             lambda chunk: session.analyses(chunk, None), overwrite=overwrite)
    rows = [{"table": table, "rows": count} for table, count in written.items()]
    return Result(rows, ["table", "rows"], notes=[f"Parquet files written under {out_dir}"])
