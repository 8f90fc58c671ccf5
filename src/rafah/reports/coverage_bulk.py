"""The coverage table answered by the store: the cells (period × outlet × side) are counted
by SQL over the selected articles (``temp.selected``, `rafah.selection`); Python sees one
row per cell and one per distinct sentence of a harm mention (for its loaded words).

The rows are those `rafah.reports.coverage.coverage_rows` makes: the same cells, counts,
shares, loaded words, reference deaths and order. A figure's side is its own, else its harm
mention's, as `figure_side_area` gives it (`rafah.reports.casualty_bulk`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from rafah.reports import casualty_bulk
from rafah.reports.coverage import loaded_words, period_bounds, period_of
from rafah.reports.reference import Reference

_CELLS = """
SELECT s.date, s.source_outlet, a.side, count(*), sum(a.figures), sum(a.mentions),
       coalesce(sum(a.killed), 0), coalesce(sum(a.passive), 0)
FROM temp.selected s JOIN casualty_sides a ON a.analysis = s.analysis
WHERE coalesce(s.date, '') != ''
GROUP BY s.date, s.source_outlet, a.side"""
"""Per date, outlet and side: the articles with a figure or harm mention of the side, the
figures, harm mentions, those of deaths and those in the passive without an agent (from
``casualty_sides``, per analysis and side). The selection's rows are read in date and outlet
order (`rafah.selection` keeps them indexed so), so only the sides of one date and outlet
are sorted."""
_SENTENCES = """
SELECT period, outlet, side, sentence FROM (
    SELECT p.period, coalesce(s.source_outlet, '') AS outlet, h.side, h.sentence,
           row_number() OVER (PARTITION BY p.period, coalesce(s.source_outlet, ''), h.side,
                              s.idx, h.sent ORDER BY h.seq) AS rank
    FROM temp.selected s JOIN temp.periods p ON p.date = s.date
    JOIN records_harm h ON h.analysis = s.analysis)
WHERE rank = 1"""

Key = tuple[str, str, str | None]


@lru_cache(maxsize=65536)
def _loaded(sentence: str) -> Counter[str]:
    return loaded_words(sentence)


def _periods(connection: sqlite3.Connection, by: str) -> dict[str, str]:
    """``temp.periods``: the period of each date of the selection (also returned)."""
    periods = {d: period_of(d, by) for (d,) in connection.execute(
        "SELECT DISTINCT date FROM temp.selected WHERE coalesce(date, '') != ''")}
    connection.execute("DROP TABLE IF EXISTS temp.periods")
    connection.execute("CREATE TEMP TABLE periods (date TEXT PRIMARY KEY, period TEXT)")
    connection.executemany("INSERT INTO temp.periods VALUES (?, ?)", periods.items())
    connection.commit()
    return periods


def _loaded_words(connection: sqlite3.Connection) -> dict[Key, Counter[str]]:
    """Loaded words per cell: of each sentence with a harm mention, counted once a cell."""
    found: dict[Key, Counter[str]] = defaultdict(Counter)
    for period, outlet, side, sentence in connection.execute(_SENTENCES):
        found[(period, outlet, side)].update(_loaded(sentence))
    return found


def _cells(connection: sqlite3.Connection, periods: dict[str, str]) -> dict[Key, list[int]]:
    """[articles, figures, mentions, killed, passive] of each cell (period, outlet, side)."""
    cells: dict[Key, list[int]] = {}
    for day, outlet, side, *counts in connection.execute(_CELLS):
        key = (periods[day], outlet or "", side)
        found = cells.get(key)
        if found is None:
            cells[key] = counts
        else:
            cells[key] = [x + y for x, y in zip(found, counts, strict=True)]
    return cells


def coverage_rows(connection: sqlite3.Connection, *, by: str = "day",
                  reference: Reference | None = None) -> list[dict[str, Any]]:
    """The coverage table of the selection (DESIGN.md coverage row), in the order of
    `rafah.reports.coverage.coverage_rows`."""
    periods = _periods(connection, by)
    casualty_bulk.prepare(connection)
    loaded = _loaded_words(connection)
    rows: list[dict[str, Any]] = []
    for (period, outlet, side), counts in _cells(connection, periods).items():
        articles, figures, mentions, killed, passive = counts
        deaths = None
        series = reference.for_side("killed", side) if reference and side else None
        if series is not None:
            deaths = series.rise(*period_bounds(period))
        words = loaded.get((period, outlet, side)) if loaded else None
        rows.append({
            "period": period, "outlet": outlet, "side": side, "articles": articles,
            "mentions": mentions, "figures": figures,
            "passive": round(passive / mentions, 3) if mentions else None,
            "loaded": dict(sorted(words.items())) if words else {},
            "deaths": deaths,
            "deaths_per_mention": round(deaths / killed, 1) if deaths is not None and killed
            else None,
        })
    rows.sort(key=lambda r: (r["period"], r["outlet"], r["side"] is None, -r["mentions"],
                             r["side"] or ""))
    return rows
