"""Timeline article rows answered by the store: one JSON text per article, made by SQL from
parts the store keeps and streamed in chronological order, without holding the rows.

The texts are byte for byte ``json.dumps(row, ensure_ascii=False)`` of the rows
`rafah.reports.timeline.article_rows` makes from the file index's articles
(`rafah.reports.timeline.kept_articles`) sorted by `chronological`, or of their `table_row`:
what comes from one analysis alone is kept formatted (`rafah.reports.timeline_bulk`); SQL puts
each article's id, date and title (from the selection and the file index) before it and its
top names, which depend on the whole selection, between (one text per analysis, written to a
temporary table from `rafah.reports.top_names`). The order is the selection's narrow columns
sorted once by SQL; the rows are then read in that order and given as they are read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rafah.reports.timeline_bulk import prepare

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
_ORDER = (
    "DROP TABLE IF EXISTS temp.timeline_order",
    "CREATE TEMP TABLE timeline_order (rank INTEGER PRIMARY KEY, idx INTEGER, "
    "analysis INTEGER, date TEXT, id TEXT, qdate TEXT, qid TEXT, title TEXT)",
    "INSERT INTO temp.timeline_order SELECT NULL, s.idx, s.analysis, s.date, s.id, s.qdate, "
    "s.qid, i.title FROM temp.selected s JOIN temp.timeline_index i ON i.position = s.idx "
    "ORDER BY s.date IS NULL, s.date, s.id, s.idx",
)
"""The selection in `chronological` order, with what the rows take from it and the file
index: by date, undated last, then by id; equal keys in corpus order. SQLite compares texts
as UTF-8 bytes, which order as their code points do, as Python's strings compare."""
_NAMES = (
    "DROP TABLE IF EXISTS temp.timeline_names",
    "CREATE TEMP TABLE timeline_names (analysis INTEGER PRIMARY KEY, names TEXT)",
)
_MISFIT = """
SELECT EXISTS (SELECT 1 FROM temp.selected s
LEFT JOIN temp.timeline_index i ON i.position = s.idx
LEFT JOIN timeline_texts t INDEXED BY timeline_texts_lead ON t.analysis = s.analysis
WHERE i.id IS NULL OR i.id != s.id OR t.analysis IS NULL
      OR NOT (t.has_lead OR coalesce(i.words, -1) = 0))"""
"""Whether the store cannot make some row (`kept_articles` would give None): the file index
does not hold it at its place, it has no analysis, or it has words and its analysis no lead
(its summary is cut from the text). Read from the narrow index, not the texts."""
_TITLE = "CASE WHEN coalesce(s.title, '') != '' THEN json_quote(s.title) ELSE t.cut END"
_NAMES_OR = "coalesce(n.names, '{}')"
_COLUMNS = {
    "json": f"""'{{"kind": "article", "date": ' || s.qdate || ', "article": ' || s.qid
        || ', "title": ' || {_TITLE} || t.middle || {_NAMES_OR.format('[]')} || t.tail""",
    "table": f"""'{{"date": ' || CASE WHEN coalesce(s.date, '') = '' THEN '"undated"'
        ELSE s.qdate END || ', "kind": "article", "article": ' || s.qid || ', "title": '
        || {_TITLE} || ', "entities": ' || {_NAMES_OR.format('[]')} || t.table_tail""",
    "cells": "coalesce(nullif(s.date, ''), 'undated'), s.id, "
             "CASE WHEN coalesce(s.title, '') != '' THEN s.title ELSE t.cut_text END, "
             f"{_NAMES_OR.format('')}, t.figures_cell",
}
"""Each row as `article_rows` makes it, as its `table_row` does, or the cells of its table
row (its title, and its names and figures' short texts joined as a table cell joins a list)."""
_ROWS = """
SELECT $columns
FROM temp.timeline_order s
JOIN timeline_texts t ON t.analysis = s.analysis
LEFT JOIN temp.timeline_names n ON n.analysis = s.analysis
ORDER BY s.rank LIMIT ?"""


class ArticleTexts:
    """The article rows of the kept selection, checked by `make` (False when the store
    cannot make them all), then read in chronological order by `texts` or `table_rows`."""

    def __init__(self, connection: sqlite3.Connection, files: Sequence[str]) -> None:
        self.connection = connection
        self.shape = "json"
        prepare(connection)
        for statement in _INDEX:
            connection.execute(statement)
        connection.executemany("INSERT INTO temp.timeline_files VALUES (?, ?)",
                               enumerate(files))
        connection.execute(_FILL_INDEX)
        connection.execute("DROP TABLE temp.timeline_files")

    def make(self, shape: str, names: Iterable[tuple[int, str]]) -> bool:
        """Get ready to read every row (``shape``: "json", the row; "table", its table row;
        "cells", the cells of its table row) with the top names of its analysis (``names``:
        (analysis, a JSON array text), or for "cells" the names joined as a cell); False when
        the store cannot make some row."""
        connection = self.connection
        if connection.execute(_MISFIT).fetchone()[0]:
            return False
        self.shape = shape
        for statement in (*_NAMES, *_ORDER):
            connection.execute(statement)
        connection.executemany("INSERT INTO temp.timeline_names VALUES (?, ?)", names)
        return True

    def count(self) -> int:
        """How many rows there are (every selected article)."""
        return int(self.connection.execute("SELECT count(*) FROM temp.selected").fetchone()[0])

    def _rows(self, limit: int | None) -> sqlite3.Cursor:
        statement = _ROWS.replace("$columns", _COLUMNS[self.shape])
        return self.connection.execute(statement, (-1 if limit is None else limit,))

    def table_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The rows read as "cells" as a table shows them (`table_row`, each list already
        joined as its cell: the same cells, without a JSON text between), the first
        ``limit``, in `chronological` order."""
        return [{"date": day, "kind": "article", "article": article, "title": title,
                 "entities": names, "casualties": figures}
                for day, article, title, names, figures in self._rows(limit)]

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The JSON text of each row, the first ``limit``, in `chronological` order, each
        read from the store as it is given."""
        for (text,) in self._rows(limit):
            yield text
