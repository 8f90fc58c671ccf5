"""Casualty figures answered by the store: one JSON text per figure, made by SQL over the
selected articles (``temp.selected``, `rafah.selection`) and streamed in corpus then text
order, never one Python object per figure.

The texts are byte for byte ``json.dumps(row, ensure_ascii=False)`` of the rows
`rafah.reports.casualties.figure_rows` and `flag_decreasing` make: the same fields in the
same order, the side and area of a figure without its own taken from its harm mention as
`figure_side_area` does, the same series and ids. Only the running totals that can be
flagged (dated, with a side and an area, not vague) come into Python, to be flagged.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from rafah import selection
from rafah.reports.casualties import FIGURE_TABLE, flag_decreasing
from rafah.reports.fetched import one_by_one, texts_in_chunks

FORMAT = "7"
"""The layout of the formatted figures: a change formats every figure again."""
CHUNK = 1000
"""Figures fetched at a time."""
_SERIAL = itertools.count(1)
"""Numbers each result's temporary table of flags."""
_TABLES = (
    "CREATE TABLE IF NOT EXISTS casualty_figures (analysis INTEGER NOT NULL, "
    "seq INTEGER NOT NULL, kind TEXT, value INTEGER, high INTEGER, qualifier TEXT, "
    "vague INTEGER, cumulative INTEGER, side TEXT, area TEXT, series TEXT, start INTEGER, "
    "part_of INTEGER, restates INTEGER, PRIMARY KEY (analysis, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS casualty_texts (analysis INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "kind TEXT, value INTEGER, id_tail TEXT, part_tail TEXT, restates_tail TEXT, body TEXT, "
    "PRIMARY KEY (analysis, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS casualty_sides (analysis INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "side TEXT, figures INTEGER, mentions INTEGER, killed INTEGER, passive INTEGER, "
    "PRIMARY KEY (analysis, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS casualty_done (analysis INTEGER PRIMARY KEY, figures INTEGER, "
    "stale INTEGER)",
    "CREATE TABLE IF NOT EXISTS casualty_format (version TEXT)",
)
_FORMATTED = ("casualty_texts", "casualty_figures", "casualty_sides")
_TRIGGERS = (
    "CREATE TRIGGER casualty_formatted_delete AFTER DELETE ON analyses BEGIN "
    + " ".join(f"DELETE FROM {table} WHERE analysis = old.id;" for table in _FORMATTED)
    + " DELETE FROM casualty_done WHERE analysis = old.id; END",
    "CREATE TRIGGER casualty_formatted_update AFTER UPDATE ON analyses BEGIN "
    "UPDATE casualty_done SET stale = 1 WHERE analysis = old.id; END",
)
"""A deleted analysis loses its formatted figures; a rewritten one is marked stale and
formatted again (its rows stay until then, for runs that are reading them)."""
_SIDES = (
    "DROP TABLE IF EXISTS temp.figure_sides",
    "CREATE TEMP TABLE figure_sides (analysis INTEGER, seq INTEGER, side TEXT, area TEXT, "
    "PRIMARY KEY (analysis, seq))",
    """INSERT INTO temp.figure_sides
WITH figures AS (
    SELECT DISTINCT c.analysis, c.seq, c.sent, c.kind, c.value, c.start
    FROM temp.casualty_todo t CROSS JOIN records_harm o ON o.analysis = t.analysis
    CROSS JOIN records_casualties c
        ON c.analysis = t.analysis AND c.sent = o.sent AND c.kind = o.kind
    WHERE c.side IS NULL),
candidates AS (
    SELECT f.analysis, f.seq, h.seq AS harm, h.side, h.area,
           CASE WHEN h.value = f.value THEN 0
                WHEN h.start <= f.start AND f.start < h."end" THEN 1 ELSE 2 END AS rank,
           count(*) OVER (PARTITION BY f.analysis, f.seq) AS same
    FROM figures f JOIN records_harm h
        ON h.analysis = f.analysis AND h.sent = f.sent AND h.kind = f.kind)
SELECT analysis, seq, side, area FROM (
    SELECT *, row_number() OVER (PARTITION BY analysis, seq ORDER BY rank, harm) AS choice
    FROM candidates WHERE rank < 2 OR same = 1)
WHERE choice = 1""",
)
"""The side and area of each figure without its own (of the analyses to format), from its
harm mention (the one of the same sentence and kind with the same value, else the one whose
span holds the figure, else the only one). Harm mentions are visited first (CROSS JOIN fixes
the order): only figures that have one need looking at."""
_BOOL = "CASE WHEN {0} IS NULL THEN 'null' WHEN {0} THEN 'true' ELSE 'false' END"
_BODY = (
    ("kind", "json_quote(kind)"), ("value", "json_quote(value)"),
    ("low", "json_quote(low)"), ("high", "json_quote(high)"),
    ("qualifier", "json_quote(qualifier)"), ("vague", _BOOL.format("vague")),
    ("group", 'json_quote("group")'), ("source", "json_quote(source)"),
    ("cumulative", _BOOL.format("cumulative")), ("side", "json_quote(figure_side)"),
    ("area", "json_quote(figure_area)"), ("series", "json_quote(series)"),
    ("sentence", "json_quote(sentence)"), ("start", "json_quote(start)"),
    ("end", 'json_quote("end")'),
)
"""The fields of a figure's JSON text that depend on its analysis only, in the row's order
(`rafah.reports.casualties.figure_rows`); the article's id and date come before them, the
ids of its parts, its article's copy and its flags after."""
_FORMAT_ROWS = """
INSERT INTO temp.formatted
WITH named AS (
    SELECT c.*, CASE WHEN c.side IS NOT NULL THEN c.side ELSE m.side END AS figure_side,
           CASE WHEN c.side IS NOT NULL THEN c.area ELSE m.area END AS figure_area
    FROM temp.casualty_todo t JOIN records_casualties c ON c.analysis = t.analysis
    LEFT JOIN temp.figure_sides m ON c.side IS NULL AND m.analysis = c.analysis
        AND m.seq = c.seq),
series AS (
    SELECT *, kind || '/' || coalesce(nullif(figure_side, ''), '-') || '/'
              || coalesce(nullif(figure_area, ''), '-') || '/'
              || CASE WHEN cumulative THEN 'total' ELSE 'incident' END AS series
    FROM named)
SELECT analysis, seq, kind, value, high, qualifier, vague, cumulative, figure_side,
       figure_area, series, start, part_of, restates, printf('""" + ", ".join(
    f'"{name}": %s' for name, _ in _BODY) + "', " + ", ".join(sql for _, sql in _BODY) + """)
FROM series"""
_SIDE_COUNTS = """
INSERT INTO casualty_sides
SELECT analysis, row_number() OVER (PARTITION BY analysis ORDER BY side), side, figures,
       mentions, killed, passive FROM (
SELECT analysis, side, sum(figure) AS figures, sum(mention) AS mentions, sum(killed) AS killed,
       sum(passive) AS passive FROM (
    SELECT c.analysis, c.side, 1 AS figure, 0 AS mention, 0 AS killed, 0 AS passive
    FROM temp.casualty_todo t JOIN casualty_figures c ON c.analysis = t.analysis
    UNION ALL
    SELECT h.analysis, h.side, 0, 1, h.kind = 'killed',
           h.voice = 'passive' AND coalesce(h.agent, '') = ''
    FROM temp.casualty_todo t JOIN records_harm h ON h.analysis = t.analysis)
GROUP BY analysis, side)"""
"""Per analysis and side (a figure's own or its harm mention's, a harm mention's): its figures,
its harm mentions, those of deaths and those in the passive without an agent (`coverage`)."""
_TAIL = "':' || {0} || '\"'"
_TEXTS = f"""INSERT INTO casualty_texts
SELECT analysis, seq, kind, value, {_TAIL.format("start")}, {_TAIL.format("part_of")},
       {_TAIL.format("restates")}, body FROM temp.formatted"""
"""Each figure's JSON text, with what ends the ids it names (``:start"``; null without one)
and the columns its filters read."""
_CHOSEN = """temp.selected s JOIN casualty_figures c ON c.analysis = s.analysis
    WHERE (:any_kind OR c.kind IN (SELECT value FROM json_each(:kinds)))
      AND c.value >= :min_value"""
_ID = "coalesce(substr(s.qid, 1, length(s.qid) - 1) || b.{0}_tail, 'null')"
_ROW_FORMAT = ('{"id": %s, "article": %s, "date": %s, %s, "part_of": %s, "restates": %s, '
               '"duplicate_of": %s, "flags": %s}')
_ROWS = f"""
SELECT printf('{_ROW_FORMAT}', {_ID.format("id")}, s.qid, s.qdate, b.body, {_ID.format("part")},
              {_ID.format("restates")}, s.qdup, $flags)
FROM temp.selected s JOIN casualty_texts b ON b.analysis = s.analysis $join
WHERE (:any_kind OR b.kind IN (SELECT value FROM json_each(:kinds))) AND b.value >= :min_value
ORDER BY s.idx, b.seq LIMIT :limit"""
"""Each figure's JSON text: its analysis's part (``body``) between its article's, made by one
``printf`` (a chain of ``||`` copies the growing text at each step: a third slower);
``$flags`` and ``$join``: where its flags come from. Every part is a text, never NULL."""
TABLE_CELLS = (*FIGURE_TABLE, "vague")
"""The columns of the terminal table, and whether the count is vague (the table marks it),
read by `_CELLS` (in this order)."""
_CELLS = """
SELECT s.date, c.kind, c.value, c.qualifier, c.side, c.series, r.source, s.id, c.vague
FROM temp.selected s JOIN casualty_figures c ON c.analysis = s.analysis
JOIN records_casualties r ON r.analysis = c.analysis AND r.seq = c.seq
WHERE (:any_kind OR c.kind IN (SELECT value FROM json_each(:kinds))) AND c.value >= :min_value
ORDER BY s.idx, c.seq LIMIT :limit"""
"""The figures' `TABLE_CELLS`, the values their JSON texts hold (the figure's side is its
own or its harm mention's, as in ``casualty_figures``), without a text to parse."""
_FLAGGED = ("coalesce(g.flags, '[]')",
            "LEFT JOIN temp.{flags} g ON g.idx = s.idx AND g.seq = b.seq")
_FLAGGABLE = f"""
SELECT s.idx, c.seq, s.id, s.date, c.kind, c.value, c.high, c.qualifier, c.vague,
       c.cumulative, c.series, c.side, c.area
FROM {_CHOSEN} AND c.cumulative AND NOT c.vague AND coalesce(s.date, '') != ''
    AND coalesce(c.side, '') != '' AND coalesce(c.area, '') != ''
ORDER BY s.idx, c.seq"""
_FLAG_NAMES = ("idx", "seq", "article", "date", "kind", "value", "high", "qualifier", "vague",
               "cumulative", "series", "side", "area")


def layout() -> str:
    """`FORMAT` and the code that formats the figures."""
    from rafah.fingerprint import code_digest

    return FORMAT + "/" + code_digest(("rafah.reports.casualty_bulk",))


def _ensure(connection: sqlite3.Connection) -> None:
    """The tables of formatted figures (emptied when their layout changed)."""
    triggers = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'casualty_%'")}
    version = connection.execute("SELECT version FROM casualty_format").fetchone() \
        if triggers == {"casualty_formatted_delete", "casualty_formatted_update"} else None
    current = layout()
    if version is not None and version[0] == current:
        return
    with connection:
        for name in triggers:
            connection.execute(f"DROP TRIGGER IF EXISTS {name}")
        for table in (*_FORMATTED, "casualty_done", "casualty_format"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in (*_TABLES, *_TRIGGERS):
            connection.execute(statement)
        connection.execute("INSERT INTO casualty_format VALUES (?)", (current,))
    selection.forget_prepared(connection, "casualty_figures/")  # the figures are all gone


def format_figures(connection: sqlite3.Connection, analyses: str) -> int:
    """Format the figures of the analyses ``analyses`` (a query of their ids) that are not
    formatted yet, into ``casualty_figures`` (what filters and flags read) and
    ``casualty_texts`` (their JSON); how many analyses were formatted."""
    _ensure(connection)
    with connection:
        connection.execute("DROP TABLE IF EXISTS temp.casualty_todo")
        connection.execute("CREATE TEMP TABLE casualty_todo (analysis INTEGER PRIMARY KEY)")
        connection.execute(f"INSERT OR IGNORE INTO temp.casualty_todo SELECT a FROM ({analyses}) "
                           "WHERE a IS NOT NULL AND a NOT IN "
                           "(SELECT analysis FROM casualty_done WHERE NOT stale)")
        todo = connection.execute("SELECT count(*) FROM temp.casualty_todo").fetchone()[0]
        if todo:
            for table in _FORMATTED:  # of a rewritten analysis
                connection.execute(f"DELETE FROM {table} WHERE analysis IN "
                                   "(SELECT analysis FROM temp.casualty_todo)")
            for statement in _SIDES:
                connection.execute(statement)
            connection.execute("DROP TABLE IF EXISTS temp.formatted")
            connection.execute("CREATE TEMP TABLE formatted AS SELECT *, NULL AS body "
                               "FROM casualty_figures LIMIT 0")
            connection.execute(_FORMAT_ROWS)
            connection.execute("INSERT INTO casualty_figures SELECT analysis, seq, kind, value, "
                               "high, qualifier, vague, cumulative, side, area, series, start, "
                               "part_of, restates FROM temp.formatted")
            connection.execute(_TEXTS)
            connection.execute("DROP TABLE temp.formatted")
            connection.execute(_SIDE_COUNTS)
            connection.execute("INSERT OR REPLACE INTO casualty_done SELECT t.analysis, "
                               "(SELECT count(*) FROM casualty_figures c WHERE c.analysis = "
                               "t.analysis), 0 FROM temp.casualty_todo t")
        connection.execute("DROP TABLE IF EXISTS temp.casualty_todo")
        connection.execute("DROP TABLE IF EXISTS temp.figure_sides")
    return todo


def prepare(connection: sqlite3.Connection) -> None:
    """Every selected figure formatted (`format_figures`), once for each kept selection."""
    what = "casualty_figures/" + layout()
    if not selection.prepared(connection, what):
        format_figures(connection, "SELECT analysis AS a FROM temp.selected")
        selection.mark_prepared(connection, what)


def _parameters(kinds: Iterable[str], min_value: int) -> dict[str, Any]:
    wanted = sorted(set(kinds))
    return {"any_kind": int(not wanted), "kinds": json.dumps(wanted), "min_value": min_value}


class FigureTexts:
    """The figures of the selected articles, filtered by kind and value: whether there is
    any, the warnings of running totals that went down, their count and their JSON texts."""

    def __init__(self, connection: sqlite3.Connection, *, kinds: Iterable[str] = (),
                 min_value: int = 0) -> None:
        self.connection = connection
        self.parameters = _parameters(kinds, min_value)
        self.flags = f"figure_flags_{next(_SERIAL)}"
        """This result's flags (a temporary table of its own: several results can be read on
        one connection, and none is dropped while another is read)."""
        prepare(connection)
        self.warnings = self._flag()
        self.any = connection.execute(f"SELECT 1 FROM {_CHOSEN} LIMIT 1",
                                      self.parameters).fetchone() is not None

    def _flag(self) -> list[str]:
        """Flag running totals (`flag_decreasing`) into this result's ``flags`` table."""
        rows: list[dict[str, Any]] = [
            dict(zip(_FLAG_NAMES, found, strict=True))
            for found in self.connection.execute(_FLAGGABLE, self.parameters)]
        messages = flag_decreasing(rows)
        self.connection.execute(f"CREATE TEMP TABLE {self.flags} (idx INTEGER, seq INTEGER, "
                                "flags TEXT, PRIMARY KEY (idx, seq))")
        self.connection.executemany(
            f"INSERT INTO temp.{self.flags} VALUES (?, ?, ?)",
            [(r["idx"], r["seq"], json.dumps(r["flags"], ensure_ascii=False))
             for r in rows if r["flags"]])
        self.connection.commit()
        return messages

    def count(self) -> int:
        """How many figures there are (without a filter, from each analysis's count)."""
        if self.parameters["any_kind"] and self.parameters["min_value"] <= 0:
            return int(self.connection.execute(
                "SELECT total(d.figures) FROM temp.selected s JOIN casualty_done d "
                "ON d.analysis = s.analysis").fetchone()[0])
        return self.connection.execute(f"SELECT count(*) FROM {_CHOSEN}",
                                       self.parameters).fetchone()[0]

    def chunks(self, limit: int | None = None) -> Iterator[list[str]]:
        """The JSON texts of the figures (the first ``limit``), in corpus then text order,
        `CHUNK` at a time."""
        parameters = {**self.parameters, "limit": limit if limit else -1}
        flagged = self.connection.execute(f"SELECT 1 FROM temp.{self.flags}").fetchone()
        flags, join = _FLAGGED if flagged else ("'[]'", "")
        join = join.format(flags=self.flags)
        query = _ROWS.replace("$flags", flags).replace("$join", join)
        return texts_in_chunks(self.connection.execute(query, parameters), CHUNK)

    def table_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The `TABLE_CELLS` of each figure (the first ``limit``), in corpus then text
        order."""
        parameters = {**self.parameters, "limit": limit if limit else -1}
        return [dict(zip(TABLE_CELLS, (*found, None if vague is None else bool(vague)),
                         strict=True))
                for *found, vague in self.connection.execute(_CELLS, parameters)]

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The JSON text of each figure (the first ``limit``), in corpus then text order."""
        return one_by_one(self.chunks(limit))
