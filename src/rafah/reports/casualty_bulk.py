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

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from rafah.reports.casualties import flag_decreasing

_CHOSEN = """temp.selected s JOIN records_casualties c ON c.analysis = s.analysis
    WHERE (:any_kind OR c.kind IN (SELECT value FROM json_each(:kinds)))
      AND c.value >= :min_value"""
_SIDES = (
    "DROP TABLE IF EXISTS temp.figure_sides",
    "CREATE TEMP TABLE figure_sides (idx INTEGER, seq INTEGER, side TEXT, area TEXT, "
    "PRIMARY KEY (idx, seq))",
    """INSERT INTO temp.figure_sides
WITH figures AS (
    SELECT DISTINCT s.idx, c.analysis, c.seq, c.sent, c.kind, c.value, c.start
    FROM temp.selected s CROSS JOIN records_harm o ON o.analysis = s.analysis
    CROSS JOIN records_casualties c
        ON c.analysis = s.analysis AND c.sent = o.sent AND c.kind = o.kind
    WHERE c.side IS NULL AND (:any_kind OR c.kind IN (SELECT value FROM json_each(:kinds)))
      AND c.value >= :min_value),
candidates AS (
    SELECT f.idx, f.seq, h.seq AS harm, h.side, h.area,
           CASE WHEN h.value = f.value THEN 0
                WHEN h.start <= f.start AND f.start < h."end" THEN 1 ELSE 2 END AS rank,
           count(*) OVER (PARTITION BY f.idx, f.seq) AS same
    FROM figures f JOIN records_harm h
        ON h.analysis = f.analysis AND h.sent = f.sent AND h.kind = f.kind)
SELECT idx, seq, side, area FROM (
    SELECT *, row_number() OVER (PARTITION BY idx, seq ORDER BY rank, harm) AS choice
    FROM candidates WHERE rank < 2 OR same = 1)
WHERE choice = 1""",
)
"""The side and area of each figure without its own, from its harm mention (the one of the
same sentence and kind with the same value, else the one whose span holds the figure, else
the only one). Harm mentions are visited first (CROSS JOIN fixes the order): only figures
that have one need looking at."""
_NAMED = """
WITH named AS (
    SELECT s.idx, c.seq, s.id AS article, s.date, s.duplicate_of, c.kind, c.value, c.low,
           c.high, c.qualifier, c.vague, c."group", c.source, c.cumulative, c.sentence,
           c.start, c."end", c.part_of, c.restates,
           CASE WHEN c.side IS NOT NULL THEN c.side ELSE m.side END AS figure_side,
           CASE WHEN c.side IS NOT NULL THEN c.area ELSE m.area END AS figure_area
    FROM """ + _CHOSEN.replace(" WHERE", " LEFT JOIN temp.figure_sides m ON c.side IS NULL "
                                        "AND m.idx = s.idx AND m.seq = c.seq WHERE", 1) + """
    {only}),
series AS (
    SELECT *, kind || '/' || coalesce(nullif(figure_side, ''), '-') || '/'
              || coalesce(nullif(figure_area, ''), '-') || '/'
              || CASE WHEN cumulative THEN 'total' ELSE 'incident' END AS series
    FROM named)
"""
_BOOL = "CASE WHEN {0} IS NULL THEN 'null' WHEN {0} THEN 'true' ELSE 'false' END"
_ID = "CASE WHEN {0} IS NULL THEN 'null' ELSE json_quote(article || ':' || {0}) END"
_FIELDS = (
    ("id", _ID.format("start")), ("article", "json_quote(article)"),
    ("date", "json_quote(date)"), ("kind", "json_quote(kind)"), ("value", "json_quote(value)"),
    ("low", "json_quote(low)"), ("high", "json_quote(high)"),
    ("qualifier", "json_quote(qualifier)"), ("vague", _BOOL.format("vague")),
    ("group", 'json_quote("group")'), ("source", "json_quote(source)"),
    ("cumulative", _BOOL.format("cumulative")), ("side", "json_quote(figure_side)"),
    ("area", "json_quote(figure_area)"), ("series", "json_quote(series)"),
    ("sentence", "json_quote(sentence)"), ("start", "json_quote(start)"),
    ("end", 'json_quote("end")'), ("part_of", _ID.format("part_of")),
    ("restates", _ID.format("restates")), ("duplicate_of", "json_quote(duplicate_of)"),
    ("flags", "coalesce(g.flags, '[]')"),
)
_FORMAT = "{" + ", ".join(f'"{name}": %s' for name, _ in _FIELDS) + "}"
_ROWS = _NAMED.format(only="") + f"""
SELECT printf('{_FORMAT}', {", ".join(sql for _, sql in _FIELDS)})
FROM series LEFT JOIN temp.figure_flags g ON g.idx = series.idx AND g.seq = series.seq
ORDER BY series.idx, series.seq LIMIT :limit"""
_FLAGGABLE = _NAMED.format(
    only="AND c.cumulative AND NOT c.vague AND coalesce(s.date, '') != ''") + """
SELECT idx, seq, article, date, kind, value, high, qualifier, vague, cumulative, series,
       figure_side, figure_area
FROM series WHERE coalesce(figure_side, '') != '' AND coalesce(figure_area, '') != ''
ORDER BY idx, seq"""
_FLAG_NAMES = ("idx", "seq", "article", "date", "kind", "value", "high", "qualifier", "vague",
               "cumulative", "series", "side", "area")


def _parameters(kinds: Iterable[str], min_value: int) -> dict[str, Any]:
    wanted = sorted(set(kinds))
    return {"any_kind": int(not wanted), "kinds": json.dumps(wanted), "min_value": min_value}


def figure_sides(connection: sqlite3.Connection, kinds: Iterable[str] = (),
                 min_value: int = 0) -> None:
    """``temp.figure_sides``: the side and area of each selected figure (of ``kinds``, at
    least ``min_value``) that has none of its own, from its harm mention."""
    for statement in _SIDES:
        connection.execute(statement, _parameters(kinds, min_value)
                           if "INSERT" in statement else ())
    connection.commit()


class FigureTexts:
    """The figures of the selected articles, filtered by kind and value: whether there is
    any, the warnings of running totals that went down, their count and their JSON texts."""

    def __init__(self, connection: sqlite3.Connection, *, kinds: Iterable[str] = (),
                 min_value: int = 0) -> None:
        self.connection = connection
        self.parameters = _parameters(kinds, min_value)
        figure_sides(connection, kinds, min_value)
        self.warnings = self._flag()
        self.any = connection.execute(f"SELECT 1 FROM {_CHOSEN} LIMIT 1",
                                      self.parameters).fetchone() is not None

    def _flag(self) -> list[str]:
        """Flag running totals (`flag_decreasing`) into ``temp.figure_flags``."""
        rows: list[dict[str, Any]] = [
            dict(zip(_FLAG_NAMES, found, strict=True))
            for found in self.connection.execute(_FLAGGABLE, self.parameters)]
        messages = flag_decreasing(rows)
        self.connection.execute("DROP TABLE IF EXISTS temp.figure_flags")
        self.connection.execute("CREATE TEMP TABLE figure_flags (idx INTEGER, seq INTEGER, "
                                "flags TEXT, PRIMARY KEY (idx, seq))")
        self.connection.executemany(
            "INSERT INTO temp.figure_flags VALUES (?, ?, ?)",
            [(r["idx"], r["seq"], json.dumps(r["flags"], ensure_ascii=False))
             for r in rows if r["flags"]])
        self.connection.commit()
        return messages

    def count(self) -> int:
        """How many figures there are."""
        return self.connection.execute(f"SELECT count(*) FROM {_CHOSEN}",
                                       self.parameters).fetchone()[0]

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The JSON text of each figure (the first ``limit``), in corpus then text order."""
        parameters = {**self.parameters, "limit": limit if limit else -1}
        for (text,) in self.connection.execute(_ROWS, parameters):
            yield text
