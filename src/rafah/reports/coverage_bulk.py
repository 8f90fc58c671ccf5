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

from rafah.reports.casualty_bulk import figure_sides
from rafah.reports.coverage import loaded_words, period_bounds, period_of
from rafah.reports.reference import Reference

_DATED = """dated AS (
    SELECT s.idx, s.id, coalesce(s.source_outlet, '') AS outlet, s.analysis, p.period
    FROM temp.selected s JOIN temp.periods p ON p.date = s.date
    WHERE s.analysis IS NOT NULL)"""
_MENTIONS = f"""WITH {_DATED}
SELECT d.period, d.outlet, h.side, count(*), sum(h.kind = 'killed'),
       sum(h.voice = 'passive' AND coalesce(h.agent, '') = '')
FROM dated d JOIN records_harm h ON h.analysis = d.analysis
GROUP BY d.period, d.outlet, h.side"""
_FIGURES = f"""WITH {_DATED}
SELECT d.period, d.outlet, CASE WHEN c.side IS NOT NULL THEN c.side ELSE m.side END, count(*)
FROM dated d JOIN records_casualties c ON c.analysis = d.analysis
LEFT JOIN temp.figure_sides m ON c.side IS NULL AND m.idx = d.idx AND m.seq = c.seq
GROUP BY 1, 2, 3"""
_ARTICLES = f"""WITH {_DATED}
SELECT period, outlet, side, count(DISTINCT idx) FROM (
    SELECT d.period, d.outlet, h.side, d.idx
    FROM dated d JOIN records_harm h ON h.analysis = d.analysis
    UNION ALL
    SELECT d.period, d.outlet, CASE WHEN c.side IS NOT NULL THEN c.side ELSE m.side END, d.idx
    FROM dated d JOIN records_casualties c ON c.analysis = d.analysis
    LEFT JOIN temp.figure_sides m ON c.side IS NULL AND m.idx = d.idx AND m.seq = c.seq)
GROUP BY 1, 2, 3"""
_SENTENCES = f"""WITH {_DATED}
SELECT period, outlet, side, sentence FROM (
    SELECT d.period, d.outlet, h.side, h.sentence, row_number() OVER (
        PARTITION BY d.period, d.outlet, h.side, d.idx, h.sent ORDER BY h.seq) AS rank
    FROM dated d JOIN records_harm h ON h.analysis = d.analysis)
WHERE rank = 1"""

Key = tuple[str, str, str | None]


@lru_cache(maxsize=65536)
def _loaded(sentence: str) -> Counter[str]:
    return loaded_words(sentence)


def _periods(connection: sqlite3.Connection, by: str) -> None:
    """``temp.periods``: each article date of the selection with its period."""
    dates = [d for (d,) in connection.execute(
        "SELECT DISTINCT date FROM temp.selected WHERE coalesce(date, '') != ''")]
    connection.execute("DROP TABLE IF EXISTS temp.periods")
    connection.execute("CREATE TEMP TABLE periods (date TEXT PRIMARY KEY, period TEXT)")
    connection.executemany("INSERT INTO temp.periods VALUES (?, ?)",
                           [(d, period_of(d, by)) for d in dates])
    connection.commit()


def _cells(connection: sqlite3.Connection) -> dict[Key, dict[str, Any]]:
    cells: dict[Key, dict[str, Any]] = defaultdict(lambda: {
        "articles": 0, "mentions": 0, "killed": 0, "passive": 0, "figures": 0,
        "loaded": Counter()})
    for period, outlet, side, mentions, killed, passive in connection.execute(_MENTIONS):
        cells[(period, outlet, side)].update(mentions=mentions, killed=killed, passive=passive)
    for period, outlet, side, figures in connection.execute(_FIGURES):
        cells[(period, outlet, side)]["figures"] = figures
    for period, outlet, side, articles in connection.execute(_ARTICLES):
        cells[(period, outlet, side)]["articles"] = articles
    for period, outlet, side, sentence in connection.execute(_SENTENCES):
        cells[(period, outlet, side)]["loaded"].update(_loaded(sentence))
    return cells


def coverage_rows(connection: sqlite3.Connection, *, by: str = "day",
                  reference: Reference | None = None) -> list[dict[str, Any]]:
    """The coverage table of the selection (DESIGN.md coverage row), in the order of
    `rafah.reports.coverage.coverage_rows`."""
    _periods(connection, by)
    figure_sides(connection)
    rows: list[dict[str, Any]] = []
    for (period, outlet, side), cell in _cells(connection).items():
        deaths = None
        series = reference.for_side("killed", side) if reference and side else None
        if series is not None:
            deaths = series.rise(*period_bounds(period))
        killed, mentions = cell["killed"], cell["mentions"]
        rows.append({
            "period": period, "outlet": outlet, "side": side, "articles": cell["articles"],
            "mentions": mentions, "figures": cell["figures"],
            "passive": round(cell["passive"] / mentions, 3) if mentions else None,
            "loaded": dict(sorted(cell["loaded"].items())), "deaths": deaths,
            "deaths_per_mention": round(deaths / killed, 1) if deaths is not None and killed
            else None,
        })
    rows.sort(key=lambda r: (r["period"], r["outlet"], r["side"] is None, -r["mentions"],
                             r["side"] or ""))
    return rows
