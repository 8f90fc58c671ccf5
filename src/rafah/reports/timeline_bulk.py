"""Timeline article rows answered by the store: one JSON text per article, made from parts
the store keeps and streamed in chronological order, without one Python object per figure or
per name.

The texts are byte for byte ``json.dumps(row, ensure_ascii=False)`` of the rows
`rafah.reports.timeline.article_rows` makes from the file index's articles
(`rafah.reports.timeline.kept_articles`) sorted by `chronological`, or of their `table_row`:
what comes from one analysis alone (the summary, the title cut from it, the figures, and
their short texts for the table) is formatted once per analysis by Python's own functions and
kept (``timeline_texts``); SQL puts each article's id, date and title (from the selection and
the file index) before them; its top names, which depend on the whole selection, are one JSON
text per analysis (`rafah.reports.top_names.TopNames.texts`) put between them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rafah import selection as kept_rows
from rafah.reports.timeline import (
    COMPACT_FIELDS,
    StoredSummary,
    compact_figure,
    cut_at_word,
    figure_text,
)

FORMAT = "3"
"""The layout of the formatted texts: a change formats every analysis again (so does a
change of the code that formats them, `layout`)."""
CHUNK = 5_000
"""Analyses formatted at a time."""
CELL_SEPARATOR = "; "
"""How a table cell joins a list (`rafah.render.cell_text`)."""
_TABLES = (
    "CREATE TABLE IF NOT EXISTS timeline_texts (analysis INTEGER PRIMARY KEY, "
    "has_lead INTEGER, cut TEXT, middle TEXT, tail TEXT, table_tail TEXT, cut_text TEXT, "
    "figures_cell TEXT, "
    "stale INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS timeline_format (version TEXT)",
)
_TRIGGERS = (
    "CREATE TRIGGER timeline_texts_delete AFTER DELETE ON analyses BEGIN "
    "DELETE FROM timeline_texts WHERE analysis = old.id; END",
    "CREATE TRIGGER timeline_texts_update AFTER UPDATE ON analyses BEGIN "
    "UPDATE timeline_texts SET stale = 1 WHERE analysis = old.id; END",
)
"""A deleted analysis loses its texts; a rewritten one is marked stale and formatted again
(its row stays until then, for runs that are reading it)."""
_INDEX = (
    "DROP TABLE IF EXISTS temp.timeline_files",
    "CREATE TEMP TABLE timeline_files (pos INTEGER PRIMARY KEY, key TEXT)",
    "DROP TABLE IF EXISTS temp.timeline_index",
    "CREATE TEMP TABLE timeline_index (position INTEGER PRIMARY KEY, id TEXT, title TEXT, "
    "words INTEGER)",
)
_FILL_INDEX = ("INSERT INTO temp.timeline_index SELECT NULL, a.id, a.title, a.words "
               "FROM temp.timeline_files c JOIN file_articles a ON a.file = c.key "
               "ORDER BY c.pos, a.seq")
"""The file index's articles of the corpus files in the loader's order, numbered from 1 as
the selection's ``idx`` is."""
_TITLE = "CASE WHEN coalesce(i.title, '') != '' THEN json_quote(i.title) ELSE t.cut END"
_HEADS = {
    "json": f"""'{{"kind": "article", "date": ' || s.qdate || ', "article": ' || s.qid
        || ', "title": ' || {_TITLE} || t.middle, t.tail""",
    "table": f"""'{{"date": ' || CASE WHEN coalesce(s.date, '') = '' THEN '"undated"'
        ELSE s.qdate END || ', "kind": "article", "article": ' || s.qid || ', "title": '
        || {_TITLE} || ', "entities": ', t.table_tail""",
    "cells": "CASE WHEN coalesce(i.title, '') != '' THEN i.title ELSE t.cut_text END, "
             "t.figures_cell",
}
"""What comes before an article's top names in its row (`article_rows`) or its table row
(`table_row`), and what comes after them; for the cells of a table row, its title and its
figures' short texts joined as a table cell joins a list."""
_ROWS = """
SELECT s.analysis, s.date, s.id, i.id IS NULL OR i.id != s.id OR t.analysis IS NULL
           OR NOT (t.has_lead OR coalesce(i.words, -1) = 0), $head
FROM temp.selected s
LEFT JOIN temp.timeline_index i ON i.position = s.idx
LEFT JOIN timeline_texts t ON t.analysis = s.analysis
ORDER BY s.idx"""
"""Each article's parts, in corpus order (each table is read in the order it is kept), and
whether the store cannot make its row (`kept_articles` would give None): the file index does
not hold it at its place, it has no analysis, or it has words and its analysis no lead (its
summary is cut from the text)."""


def layout() -> str:
    """The layout of the formatted texts: `FORMAT` and the code that formats them."""
    from rafah.fingerprint import code_digest

    return FORMAT + "/" + code_digest(("rafah.reports.timeline_bulk",))


def _ensure(connection: sqlite3.Connection) -> None:
    """The table of formatted texts (emptied when its layout changed)."""
    triggers = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'timeline_%'")}
    version = connection.execute("SELECT version FROM timeline_format").fetchone() \
        if triggers == {"timeline_texts_delete", "timeline_texts_update"} else None
    current = layout()
    if version is not None and version[0] == current:
        return
    with connection:
        for name in triggers:
            connection.execute(f"DROP TRIGGER IF EXISTS {name}")
        for table in ("timeline_texts", "timeline_format"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in (*_TABLES, *_TRIGGERS):
            connection.execute(statement)
        connection.execute("INSERT INTO timeline_format VALUES (?)", (current,))


def _summaries(connection: sqlite3.Connection, analyses: Sequence[int]
               ) -> dict[int, StoredSummary]:
    """The lead and figures of each of ``analyses``, as `stored_summaries` reads them."""
    found = {analysis: StoredSummary() for analysis in analyses}
    chosen = json.dumps(list(analyses))
    for analysis, text in connection.execute(
            "SELECT analysis, [text] FROM records_lead WHERE analysis IN "
            "(SELECT value FROM json_each(?)) AND [text] != '' ORDER BY analysis, seq",
            (chosen,)):
        summary = found[analysis]
        summary.lead_text = summary.lead_text or text
    columns = ", ".join(f"[{name}]" for name in COMPACT_FIELDS)
    for analysis, *values in connection.execute(
            f"SELECT analysis, {columns} FROM records_casualties WHERE analysis IN "
            "(SELECT value FROM json_each(?)) ORDER BY analysis, seq", (chosen,)):
        figure = dict(zip(COMPACT_FIELDS, values, strict=True))
        cumulative = figure["cumulative"]
        figure["cumulative"] = None if cumulative is None else bool(cumulative)
        found[analysis].casualties.append(figure)
    return found


def texts_of(summary: StoredSummary) -> tuple[int, str, str, str, str, str, str]:
    """What an article row takes from its analysis alone, as parts of JSON texts: whether it
    has a lead, the title cut from it, what comes between the title and the top names (the
    summary), what follows them in a row (the figures) and in a table row (their short
    texts); then the title cut and the short texts joined as cells of a table."""
    lead = summary.lead_text
    cut = cut_at_word(lead)
    figures = [compact_figure(f) for f in summary.casualties]
    short = [figure_text(f) for f in figures]
    return (int(bool(lead)), json.dumps(cut, ensure_ascii=False),
            ', "summary": ' + json.dumps(lead, ensure_ascii=False) + ', "entities": ',
            ', "casualties": ' + json.dumps(figures, ensure_ascii=False) + "}",
            ', "casualties": ' + json.dumps(short, ensure_ascii=False) + "}",
            cut, CELL_SEPARATOR.join(short))


def format_texts(connection: sqlite3.Connection, analyses: str) -> int:
    """Format the texts of the analyses ``analyses`` (a query of their ids, column ``a``)
    that have none or a stale one, into ``timeline_texts``; how many were formatted."""
    _ensure(connection)
    todo = [a for (a,) in connection.execute(
        f"SELECT DISTINCT a FROM ({analyses}) WHERE a IS NOT NULL AND a NOT IN "
        "(SELECT analysis FROM timeline_texts WHERE NOT stale) ORDER BY a")]
    for start in range(0, len(todo), CHUNK):
        found = _summaries(connection, todo[start:start + CHUNK])
        with connection:
            connection.executemany(
                "INSERT OR REPLACE INTO timeline_texts VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [(analysis, *texts_of(summary)) for analysis, summary in found.items()])
    return len(todo)


def prepare(connection: sqlite3.Connection) -> None:
    """Every selected analysis's texts formatted (`format_texts`), once for each kept
    selection."""
    what = "timeline_texts/" + layout()
    if not kept_rows.prepared(connection, what):
        format_texts(connection, "SELECT analysis AS a FROM temp.selected")
        kept_rows.mark_prepared(connection, what)


class ArticleTexts:
    """The article rows of the kept selection as JSON texts, made by `make` (or None when
    the store cannot make them all), then given in chronological order by `texts`."""

    def __init__(self, connection: sqlite3.Connection, files: Sequence[str]) -> None:
        self.connection = connection
        self.keys: list[str] = []
        self.heads: list[str] = []
        self.tails: list[str] = []
        self.names: list[str] = []
        self.days: list[str] = []
        self.ids: list[str] = []
        prepare(connection)
        for statement in _INDEX:
            connection.execute(statement)
        connection.executemany("INSERT INTO temp.timeline_files VALUES (?, ?)",
                               enumerate(files))
        connection.execute(_FILL_INDEX)
        connection.execute("DROP TABLE temp.timeline_files")

    def make(self, shape: str, names: Mapping[int, str]) -> bool:
        """Read every row's parts (``shape``: "json", the row; "table", its table row;
        "cells", the cells of its table row) with the top names of its analysis (``names``:
        a JSON array text, or for "cells" the names joined as a cell); False when the store
        cannot make some row. The store makes the parts around the names in corpus order
        (ordering the texts in SQL sorted 100 MB at 200,000 articles, 2 s); each row gets one
        key string for `texts` to sort by: its date (or "1", after every date, when it has
        none), then its id."""
        keys, heads, tails, found = self.keys, self.heads, self.tails, self.names
        cells = shape == "cells"
        none = "" if cells else "[]"
        for analysis, day, article, misfit, head, tail in self.connection.execute(
                _ROWS.replace("$head", _HEADS[shape])):
            if misfit:
                for parts in (keys, heads, tails, found, self.days, self.ids):
                    parts.clear()
                return False
            keys.append(("1" if day is None else "0" + day) + "\0" + article)
            heads.append(head)
            found.append(names.get(analysis, none))
            tails.append(tail)
            if cells:
                self.days.append(day or "undated")
                self.ids.append(article)
        return True

    def count(self) -> int:
        """How many rows there are (every selected article)."""
        return len(self.keys)

    def _order(self, limit: int | None) -> list[int]:
        order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
        return order[:limit] if limit else order

    def table_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The rows read as "cells" as a table shows them (`table_row`, each list already
        joined as its cell: the same cells, without a JSON text between), the first
        ``limit``, in `chronological` order."""
        heads, names, tails, days, ids = self.heads, self.names, self.tails, self.days, self.ids
        return [{"date": days[p], "kind": "article", "article": ids[p], "title": heads[p],
                 "entities": names[p], "casualties": tails[p]} for p in self._order(limit)]

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The JSON text of each row, the first ``limit``, in `chronological` order (Python's
        sort is stable: equal keys keep corpus order); each is joined when it is given."""
        heads, names, tails = self.heads, self.names, self.tails
        for position in self._order(limit):
            yield heads[position] + names[position] + tails[position]
