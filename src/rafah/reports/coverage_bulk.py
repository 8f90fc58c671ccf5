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

_DATED = (
    "DROP TABLE IF EXISTS temp.coverage_articles",
    "CREATE TEMP TABLE coverage_articles (idx INTEGER PRIMARY KEY, period TEXT, outlet TEXT, "
    "analysis INTEGER)",
    "INSERT INTO temp.coverage_articles SELECT s.idx, p.period, "
    "coalesce(s.source_outlet, ''), s.analysis FROM temp.selected s "
    "JOIN temp.periods p ON p.date = s.date WHERE s.analysis IS NOT NULL",
)
"""The dated selected articles with their period and outlet."""
_CELLS = """
WITH sides AS (
    SELECT idx, side, sum(figure) AS figures FROM (
        SELECT d.idx, c.side, 1 AS figure
        FROM temp.coverage_articles d JOIN casualty_texts c ON c.analysis = d.analysis
        UNION ALL
        SELECT d.idx, h.side, 0
        FROM temp.coverage_articles d JOIN records_harm h ON h.analysis = d.analysis)
    GROUP BY idx, side),
counts AS (
    SELECT d.period, d.outlet, s.side, count(*) AS articles, sum(s.figures) AS figures,
           0 AS mentions, 0 AS killed, 0 AS passive
    FROM sides s JOIN temp.coverage_articles d ON d.idx = s.idx
    GROUP BY d.period, d.outlet, s.side
    UNION ALL
    SELECT d.period, d.outlet, h.side, 0, 0, count(*), sum(h.kind = 'killed'),
           sum(h.voice = 'passive' AND coalesce(h.agent, '') = '')
    FROM temp.coverage_articles d JOIN records_harm h ON h.analysis = d.analysis
    GROUP BY d.period, d.outlet, h.side)
SELECT period, outlet, side, sum(articles), sum(figures), sum(mentions), sum(killed),
       sum(passive)
FROM counts GROUP BY period, outlet, side"""
_SENTENCES = """
SELECT period, outlet, side, sentence FROM (
    SELECT d.period, d.outlet, h.side, h.sentence, row_number() OVER (
        PARTITION BY d.period, d.outlet, h.side, d.idx, h.sent ORDER BY h.seq) AS rank
    FROM temp.coverage_articles d JOIN records_harm h ON h.analysis = d.analysis)
WHERE rank = 1"""

Key = tuple[str, str, str | None]


@lru_cache(maxsize=65536)
def _loaded(sentence: str) -> Counter[str]:
    return loaded_words(sentence)


def _articles(connection: sqlite3.Connection, by: str) -> None:
    """``temp.coverage_articles``: the dated selected articles, their period and outlet."""
    dates = [d for (d,) in connection.execute(
        "SELECT DISTINCT date FROM temp.selected WHERE coalesce(date, '') != ''")]
    connection.execute("DROP TABLE IF EXISTS temp.periods")
    connection.execute("CREATE TEMP TABLE periods (date TEXT PRIMARY KEY, period TEXT)")
    connection.executemany("INSERT INTO temp.periods VALUES (?, ?)",
                           [(d, period_of(d, by)) for d in dates])
    for statement in _DATED:
        connection.execute(statement)
    connection.commit()


def _loaded_words(connection: sqlite3.Connection) -> dict[Key, Counter[str]]:
    """Loaded words per cell: of each sentence with a harm mention, counted once a cell."""
    found: dict[Key, Counter[str]] = defaultdict(Counter)
    for period, outlet, side, sentence in connection.execute(_SENTENCES):
        found[(period, outlet, side)].update(_loaded(sentence))
    return found


def coverage_rows(connection: sqlite3.Connection, *, by: str = "day",
                  reference: Reference | None = None) -> list[dict[str, Any]]:
    """The coverage table of the selection (DESIGN.md coverage row), in the order of
    `rafah.reports.coverage.coverage_rows`."""
    _articles(connection, by)
    casualty_bulk.prepare(connection)
    loaded = _loaded_words(connection)
    rows: list[dict[str, Any]] = []
    for period, outlet, side, articles, figures, mentions, killed, passive in \
            connection.execute(_CELLS):
        deaths = None
        series = reference.for_side("killed", side) if reference and side else None
        if series is not None:
            deaths = series.rise(*period_bounds(period))
        rows.append({
            "period": period, "outlet": outlet, "side": side, "articles": articles,
            "mentions": mentions, "figures": figures,
            "passive": round(passive / mentions, 3) if mentions else None,
            "loaded": dict(sorted(loaded.get((period, outlet, side), Counter()).items())),
            "deaths": deaths,
            "deaths_per_mention": round(deaths / killed, 1) if deaths is not None and killed
            else None,
        })
    rows.sort(key=lambda r: (r["period"], r["outlet"], r["side"] is None, -r["mentions"],
                             r["side"] or ""))
    return rows
