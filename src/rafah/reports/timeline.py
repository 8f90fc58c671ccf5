"""Timelines: articles by date, the dated events they mention, and activity per period."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from rafah.dates import normalize, year_range_ends
from rafah.records import Analysis, CasualtyFigure

HEADLINE_CHARS = 90
TOP_ENTITIES = 5
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])")


COMPACT_FIELDS = ("kind", "value", "low", "high", "qualifier", "group", "source", "cumulative")
"""The fields of a casualty figure that a timeline row shows."""


class Summary(Protocol):
    """What an article row shows of an analysis: its lead and its casualty figures."""

    @property
    def lead_text(self) -> str: ...

    @property
    def casualties(self) -> Sequence[Any]: ...


@dataclass
class StoredSummary:
    """The lead sentence and casualty figures (as dicts) of a stored analysis, read in bulk
    by `stored_summaries` (no record objects)."""

    lead_text: str = ""
    casualties: list[dict[str, Any]] = field(default_factory=list)


class Dated(Protocol):
    """What an article row shows of an article: an `Article`, or a `KeptArticle`."""

    @property
    def id(self) -> str: ...

    @property
    def date(self) -> str | None: ...

    @property
    def title(self) -> str | None: ...

    @property
    def text_hash(self) -> str: ...

    def body(self) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class KeptArticle:
    """An article of the kept selection with its title from the file index: what a
    timeline row needs, without loading the corpus. Its body is never needed: its lead is
    stored with its analysis, or it has no word (`kept_articles`), and the lead cut from
    a body of white space is ""."""

    id: str
    date: str | None
    title: str | None
    text_hash: str

    def body(self) -> list[str]:
        """No paragraph with a word (see above)."""
        return []


def kept_articles(connection: sqlite3.Connection, summaries: Mapping[str, Summary],
                  chosen: int) -> list[KeptArticle] | None:
    """The articles of the kept selection (``temp.selected``, in order; ``chosen``: how many,
    `rafah.selection.Selection.chosen`) with the titles kept with it from the file index
    (`rafah.selection`: ``temp.selected_by_date``), or None when
    the corpus must be loaded: an article without an analysis or without its kept title, or
    one with words whose analysis has no lead (its summary is cut from the text)."""
    found = []
    for article_id, day, text_hash, title, words in connection.execute(
            "SELECT s.id, s.date, s.text_hash, c.title, c.words FROM temp.selected_by_date c "
            "JOIN temp.selected s ON s.idx = c.idx ORDER BY s.idx"):
        summary = summaries.get(text_hash)
        if summary is None or not (summary.lead_text or words == 0):
            return None
        found.append(KeptArticle(article_id, day, title, text_hash))
    return found if len(found) == chosen else None  # (titles lacking: never seen)


def stored_summaries(connection: sqlite3.Connection, selection: str = "temp.selected"
                     ) -> dict[str, StoredSummary]:
    """Per text hash of the ``selection`` (a table of the store's connection: text_hash,
    analysis), the lead and figures of its analysis, as `lead_sentence` and `compact_figure`
    read them from an `Analysis`."""
    chosen = f"(SELECT DISTINCT analysis FROM {selection} WHERE analysis IS NOT NULL)"
    found: dict[str, StoredSummary] = {}
    by_id: dict[int, StoredSummary] = {}
    for text_hash, analysis in connection.execute(  # republished copies: seen before
            f"SELECT text_hash, analysis FROM {selection} WHERE analysis IS NOT NULL"):
        if text_hash not in found:
            by_id[analysis] = found[text_hash] = StoredSummary()
    for analysis, text in connection.execute(
            f"SELECT analysis, [text] FROM records_lead WHERE analysis IN {chosen} "
            "AND [text] != '' ORDER BY analysis, seq"):
        summary = by_id[analysis]
        summary.lead_text = summary.lead_text or text
    columns = ", ".join(f"[{name}]" for name in COMPACT_FIELDS)
    for analysis, kind, value, low, high, qualifier, group, source, cumulative in \
            connection.execute(f"SELECT analysis, {columns} FROM records_casualties "
                               f"WHERE analysis IN {chosen} ORDER BY analysis, seq"):
        by_id[analysis].casualties.append(  # the keys of COMPACT_FIELDS, in order
            {"kind": kind, "value": value, "low": low, "high": high, "qualifier": qualifier,
             "group": group, "source": source,
             "cumulative": None if cumulative is None else bool(cumulative)})
    return found


def cut_at_word(text: str, limit: int = HEADLINE_CHARS) -> str:
    """Shorten text to at most ``limit`` characters at a word boundary, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def lead_sentence(article: Dated, analysis: Summary | None) -> str:
    """The first sentence of the body: stored with the analysis, else cut from the text."""
    if analysis is not None and analysis.lead_text:
        return analysis.lead_text
    body = article.body()
    if not body:
        return ""
    return _SENTENCE_END.split(body[0], maxsplit=1)[0].strip()


def compact_figure(figure: CasualtyFigure | dict[str, Any]) -> dict[str, Any]:
    """The fields of a casualty figure that a timeline row shows (a figure read in bulk by
    `stored_summaries` has exactly those: it is shown as it is, not copied)."""
    if isinstance(figure, dict) and tuple(figure) == COMPACT_FIELDS:
        return figure
    data = figure if isinstance(figure, dict) else figure.__dict__
    return {k: data[k] for k in COMPACT_FIELDS}


def figure_text(figure: dict[str, Any]) -> str:
    """A short reading of a figure: "killed over 31,000 Palestinians"."""
    parts = [figure["kind"], figure["qualifier"] or "", f"{figure['value']:,}",
             figure["group"] or ""]
    return " ".join(p for p in parts if p)


def article_rows(articles: Sequence[Dated], analyses: Mapping[str, Summary],
                 top_names: Mapping[int, list[str]]) -> list[dict[str, Any]]:
    """One row per article (DESIGN.md timeline fields), dated first, undated last."""
    rows = []
    for index, article in enumerate(articles):
        analysis = analyses.get(article.text_hash)
        lead = lead_sentence(article, analysis)
        rows.append({
            "kind": "article",
            "date": article.date,
            "article": article.id,
            "title": article.title or cut_at_word(lead),
            "summary": lead,
            "entities": top_names.get(index, []),
            "casualties": [compact_figure(f) for f in (analysis.casualties if analysis else [])],
        })
    return rows


def event_rows(articles: Sequence[Dated], analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    """Dated expressions in the text, normalised against each article's date."""
    rows = []
    for article in articles:
        analysis = analyses.get(article.text_hash)
        if analysis is None:
            continue
        anchor = date.fromisoformat(article.date) if article.date else None
        for mention in analysis.dates:
            resolved = normalize(mention.text, anchor, mention.tense)
            for point in [resolved] if resolved else year_range_ends(mention.text):
                rows.append({"kind": "event", "date": point.value,
                             "granularity": point.granularity, "text": mention.text,
                             "article": article.id, "sentence": mention.sentence})
    return rows


def chronological(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sort by date (undated last); articles before the events of the same date."""
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "",
                                       r["kind"] != "article", r["article"]))


def period_of(day: str | None, by: str) -> str:
    """The period (day, ISO week or month) an ISO date falls in; "undated" for None."""
    if not day:
        return "undated"
    if by == "month":
        return day[:7]
    if by == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day


def period_rows(articles: Sequence[Dated], analyses: Mapping[str, Summary],
                top_names: Mapping[int, list[str]], by: str) -> list[dict[str, Any]]:
    """One row per period: article count, most named entities, casualty figures reported."""
    periods: dict[str, dict[str, Any]] = {}
    for index, article in enumerate(articles):
        period = period_of(article.date, by)
        row = periods.setdefault(period, {"period": period, "articles": 0, "names": Counter(),
                                          "casualties": []})
        row["articles"] += 1
        for rank, name in enumerate(top_names.get(index, [])):
            row["names"][name] += TOP_ENTITIES - rank
        analysis = analyses.get(article.text_hash)
        for figure in analysis.casualties if analysis else []:
            row["casualties"].append(figure_text(compact_figure(figure)))
    result = []
    for period in sorted(periods, key=lambda p: (p == "undated", p)):
        row = periods[period]
        result.append({"period": period, "articles": row["articles"],
                       "entities": [n for n, _ in row["names"].most_common(TOP_ENTITIES)],
                       "casualties": row["casualties"]})
    return result


def table_row(row: dict[str, Any]) -> dict[str, Any]:
    """A timeline row as the terminal table shows it (figures as short text)."""
    if row["kind"] == "event":
        return {"date": f"{row['date']} ({row['granularity']})", "kind": "event",
                "article": row["article"], "title": f"“{row['text']}” — {row['sentence']}"}
    return {"date": row["date"] or "undated", "kind": "article", "article": row["article"],
            "title": row["title"], "entities": row["entities"],
            "casualties": [figure_text(f) for f in row["casualties"]]}


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A timeline row for CSV: figures as short text."""
    return {**row, "casualties": [figure_text(f) for f in row.get("casualties", [])]}
