"""Timeline article rows answered by the store: one JSON text per article, made by SQL from
parts the store keeps and streamed in chronological order, without holding the rows.

The texts are byte for byte ``json.dumps(row, ensure_ascii=False)`` of the rows
`rafah.reports.timeline.article_rows` makes from the file index's articles
(`rafah.reports.timeline.kept_articles`) sorted by `chronological`, or of their `table_row`:
what comes from one analysis alone is kept formatted (`rafah.reports.timeline_bulk`); SQL puts
each article's id, date and title (from the selection, kept in chronological order with the
file index's titles: `rafah.selection`) before it and its top names, which depend on the whole
selection, between (one text per analysis from `rafah.reports.top_names`, put in by Python as
each row is read). The rows are read in the order the selection is kept in and given as they
are read: no sort. The first report on a whole kept selection copies its rows with their
texts into one table in that order (`_LAY_OUT`), which later reports read from start to end;
until then (reports on part of it), they are read through the texts' table.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from rafah import selection as kept_rows
from rafah.reports.fetched import in_chunks, one_by_one
from rafah.reports.timeline_bulk import layout, prepare

_CHECK = """
SELECT count(*),
       coalesce(max(t.analysis IS NULL OR NOT (t.has_lead OR coalesce(s.words, -1) = 0)), 0)
FROM temp.selected_by_date s
LEFT JOIN timeline_texts t INDEXED BY timeline_texts_lead ON t.analysis = s.analysis"""
"""How many rows there are in date order, and whether the store cannot make some row
(`kept_articles` would give None): it has no analysis, or it has words and its analysis no
lead (its summary is cut from the text). Read from the narrow index, not the texts; once a
kept selection passed it whole, it is not read again (`rafah.selection.mark_prepared`: the
same test on part of the rows passes)."""
_LAID = "timeline rows/"
"""The start of the mark of a kept selection whose rows `_CHECK` found whole and makeable
and `_LAY_OUT` copied (`_laid_mark`: with the layout of the texts and this module's code).
The copy is one per selection whatever the code: the code that copies it again, or drops
the table, forgets the other marks with it."""
_TABLE_COLUMNS = ["selection", "rank", "date", "duplicate_of", "analysis", "id", "qid", "qdate",
                  "title", "words", "cut", "middle", "tail", "table_tail", "cut_text",
                  "figures_cell"]
"""The copy's columns: the selection's rank, then those of `corpus_chrono` and of
`timeline_texts` that the rows and the views' test read."""
_INTEGERS = {"selection", "rank", "analysis", "words"}
_TABLE = ("CREATE TABLE IF NOT EXISTS timeline_chrono ("
          + ", ".join(f"{name} {'INTEGER' if name in _INTEGERS else 'TEXT'}"
                      + (" NOT NULL" if name in ("selection", "rank") else "")
                      for name in _TABLE_COLUMNS)
          + ", PRIMARY KEY (selection, rank)) WITHOUT ROWID")
_LAY_OUT = """
INSERT INTO timeline_chrono
SELECT c.selection, c.rank, c.date, c.duplicate_of, c.analysis, c.id, c.qid, c.qdate, c.title,
       c.words, t.cut, t.middle, t.tail, t.table_tail, t.cut_text, t.figures_cell
FROM main.corpus_chrono c JOIN timeline_texts t ON t.analysis = c.analysis
WHERE c.selection = ? ORDER BY c.rank"""
"""The kept selection's rows in date order with their analysis's texts, copied once into one
table in that order (`rafah.selection.LAID_OUT`): a report then reads them in the order they
are stored (the texts' own table is in analysis order: read in date order, a million rows
took 3.5 s warm and 8.7 s cold, against 2.1 and 3.6 s laid out)."""
_TITLE = "CASE WHEN coalesce(s.title, '') != '' THEN json_quote(s.title) ELSE t.cut END"
_HEAD_FORMAT = '{"kind": "article", "date": %s, "article": %s, "title": %s%s'
_TABLE_HEAD_FORMAT = '{"date": %s, "kind": "article", "article": %s, "title": %s, "entities": '
_UNDATED = "CASE WHEN coalesce(s.date, '') = '' THEN '\"undated\"' ELSE s.qdate END"
_COLUMNS = {
    "json": f"s.analysis, printf('{_HEAD_FORMAT}', s.qdate, s.qid, {_TITLE}, t.middle), t.tail",
    "table": f"s.analysis, printf('{_TABLE_HEAD_FORMAT}', {_UNDATED}, s.qid, {_TITLE}), "
             "t.table_tail",
    "cells": "s.analysis, coalesce(nullif(s.date, ''), 'undated'), s.id, "
             "CASE WHEN coalesce(s.title, '') != '' THEN s.title ELSE t.cut_text END, "
             "t.figures_cell",
}
"""Each row as `article_rows` makes it or as its `table_row` does, but for its top names:
its analysis, the text before the names (one ``printf``: a chain of ``||`` copies the
growing text at each step) and the text after them; or its analysis and the cells of its
table row but for the names (its title, and its figures' short texts joined as a table cell
joins a list). Every part is a text, never NULL."""
_ROWS = """
SELECT {columns}
FROM temp.selected_by_date s
JOIN timeline_texts t ON t.analysis = s.analysis
ORDER BY s.rank LIMIT ?"""
"""The rows in the order the store keeps the selection in (`rafah.selection`): no sort."""
_LAID_ROWS = """
SELECT {columns}
FROM (SELECT * FROM main.timeline_chrono l WHERE l.selection = {kept} AND {where}) s
ORDER BY s.rank LIMIT ?"""
"""The same rows from the copy `_LAY_OUT` made (the view's test on its own rows)."""
CHUNK = 1000
"""Rows fetched at a time."""


class ArticleTexts:
    """The article rows of the kept selection, checked by `make` (False when the store
    cannot make them all; on a whole selection it copies them in date order the first
    time), then read in chronological order by `texts`, `chunks` or `table_rows`."""

    def __init__(self, connection: sqlite3.Connection, chosen: int) -> None:
        self.connection = connection
        self.chosen = chosen
        """How many articles the selection has (`rafah.selection.Selection.chosen`)."""
        self.shape = "json"
        self.size = 0
        self.names: dict[int, str] = {}
        self.laid = False
        """Whether the rows are read from the copy in date order (`_LAY_OUT`)."""
        prepare(connection)

    def make(self, shape: str, names: Iterable[tuple[int, str]]) -> bool:
        """Get ready to read every row (``shape``: "json", the row; "table", its table row;
        "cells", the cells of its table row) with the top names of its analysis (``names``:
        (analysis, a JSON array text), or for "cells" the names joined as a cell); False when
        the store cannot make some row."""
        if shape not in _COLUMNS:
            raise ValueError(f"no timeline row shape {shape!r}")
        connection = self.connection
        laid = _laid_mark()
        self.laid = kept_rows.prepared(connection, laid)
        if not self.laid:
            size, misfit = connection.execute(_CHECK).fetchone()
            if misfit or size != self.chosen:
                return False  # (the selection in date order lacking rows: never seen)
            self.laid = _lay_out(connection, laid)
        self.shape, self.size, self.names = shape, self.chosen, dict(names)
        return True

    def count(self) -> int:
        """How many rows there are (every selected article)."""
        return self.size

    def _rows(self, limit: int | None) -> Iterator[list[Any]]:
        """The rows in order, the first ``limit`` (None or 0: all), a list at a time."""
        columns = _COLUMNS[self.shape]
        if self.laid:
            kept, where = kept_rows.kept_filter(self.connection)
            statement = _LAID_ROWS.format(columns=re.sub(r"\bt\.", "s.", columns), kept=kept,
                                          where=where)
        else:
            statement = _ROWS.format(columns=columns)
        return in_chunks(self.connection.execute(statement, (limit or -1,)), CHUNK)

    def table_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The rows read as "cells" as a table shows them (`table_row`, each list already
        joined as its cell: the same cells, without a JSON text between), the first
        ``limit``, in `chronological` order."""
        get = self.names.get
        return [{"date": day, "kind": "article", "article": article, "title": title,
                 "entities": get(analysis, ""), "casualties": figures}
                for chunk in self._rows(limit)
                for analysis, day, article, title, figures in chunk]

    def chunks(self, limit: int | None = None) -> Iterator[list[str]]:
        """The JSON texts of the rows, the first ``limit``, in `chronological` order, a list
        at a time, each read from the store as it is given (the names put in by Python: a
        table of them joined by SQLite took longer to fill than to read)."""
        get = self.names.get
        for chunk in self._rows(limit):
            yield [head + get(analysis, "[]") + tail for analysis, head, tail in chunk]

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The JSON text of each row, the first ``limit``, in `chronological` order."""
        return one_by_one(self.chunks(limit))


def _lay_out(connection: sqlite3.Connection, mark: str) -> bool:
    """Copy the kept selection's rows with their texts in date order (`_LAY_OUT`) and mark it
    so, when the views show all its rows (the check passed for all); whether it did. One
    transaction: the marks of copies it drops or replaces (another version's) go with them;
    a store that cannot be written (full) leaves the rows read through the texts' table."""
    if not kept_rows.whole(connection):
        return False
    kept, _ = kept_rows.kept_filter(connection)
    connection.commit()  # (nothing pending: a transaction of its own)
    try:
        connection.execute("BEGIN IMMEDIATE")
        columns = [row[1] for row in connection.execute(
            "PRAGMA main.table_info(timeline_chrono)")]
        if columns and columns != _TABLE_COLUMNS:
            connection.execute("DROP TABLE timeline_chrono")  # made by other code
            kept_rows.forget_marks(connection, _LAID)  # every copy is gone
        connection.execute(_TABLE)
        kept_rows.forget_marks(connection, _LAID, kept)  # this one is made again
        connection.execute("DELETE FROM timeline_chrono WHERE selection = ?", (kept,))
        connection.execute(_LAY_OUT, (kept,))
        kept_rows.put_mark(connection, kept, mark)
        connection.commit()
    except sqlite3.DatabaseError:
        connection.rollback()
        return False
    return True


def _laid_mark() -> str:
    """`_LAID` with the layout of the texts and this module's code (which lays out the
    copy and reads it)."""
    from rafah.fingerprint import code_digest

    return f"{_LAID}{layout()}/{code_digest(('rafah.reports.timeline_rows',))}"
