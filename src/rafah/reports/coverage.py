"""Coverage audit: how often each side's dead are mentioned, per period and outlet.

One row per period × outlet × side (the victims' side of the harm mentions; null for mentions
of no known side): ``articles`` (articles of that outlet and period with a mention of that
side), ``mentions`` (harm mentions), ``figures`` (casualty figures), ``passive`` (share of the
mentions in the passive voice without an agent), ``loaded`` (loaded words in the sentences of
those mentions, data/sides.json), and with a reference series of the side's killed total,
``deaths`` (its rise over the period) and ``deaths_per_mention`` (deaths per mention of
killing). No spaCy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from rafah.records import Analysis, Article, HarmMention
from rafah.reports.casualties import article_outlet, figure_side_area
from rafah.reports.reference import Reference
from rafah.reports.timeline import period_of as timeline_period
from rafah.resources import json_data

COVERAGE_COLUMNS = ["period", "outlet", "side", "articles", "mentions", "figures", "passive",
                    "loaded", "deaths", "deaths_per_mention"]
PERIODS = ("day", "week", "month")


@cache
def loaded_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(loaded word, pattern of its forms) from data/sides.json."""
    data = json_data("sides.json")["loaded"]
    return tuple((word, re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b",
                                   re.I)) for word, forms in data.items())


def loaded_words(text: str) -> Counter[str]:
    """Counts of loaded words in a text, by the word's base form ("massacred" → massacre)."""
    counts: Counter[str] = Counter()
    for word, pattern in loaded_patterns():
        found = len(pattern.findall(text))
        if found:
            counts[word] += found
    return counts


def period_of(day: str, by: str) -> str:
    """The period a date falls in: the day, the ISO week ("2024-W29") or the month (as the
    timeline's periods)."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return timeline_period(day, by)


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a period written by `period_of`."""
    if "-W" in period:
        year, week = period.split("-W")
        first = date.fromisocalendar(int(year), int(week), 1)
        return first, first + timedelta(days=6)
    if len(period) == 7:
        first = date.fromisoformat(f"{period}-01")
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    day = date.fromisoformat(period)
    return day, day


@dataclass
class _Cell:
    articles: set[str] = field(default_factory=set)
    mentions: int = 0
    killed: int = 0
    figures: int = 0
    passive: int = 0
    loaded: Counter[str] = field(default_factory=Counter)
    sentences: set[tuple[str, int]] = field(default_factory=set)


def _add_mentions(cell: _Cell, article: Article, mentions: list[HarmMention]) -> None:
    for mention in mentions:
        cell.articles.add(article.id)
        cell.mentions += 1
        cell.killed += mention.kind == "killed"
        cell.passive += mention.voice == "passive" and not mention.agent
        if (article.id, mention.sent) not in cell.sentences:
            cell.sentences.add((article.id, mention.sent))
            cell.loaded.update(loaded_words(mention.sentence))


def _cells(articles: Iterable[Article], analyses: dict[str, Analysis],
           by: str) -> dict[tuple[str, str, str | None], _Cell]:
    cells: dict[tuple[str, str, str | None], _Cell] = defaultdict(_Cell)
    for article in articles:
        analysis = analyses.get(article.text_hash)
        if analysis is None or not article.date:
            continue
        period = period_of(article.date, by)
        outlet = article_outlet(article) or ""
        mentions = [m for m in analysis.get("harm") if isinstance(m, HarmMention)]
        by_side: dict[str | None, list[HarmMention]] = defaultdict(list)
        for mention in mentions:
            by_side[mention.side].append(mention)
        for side, members in by_side.items():
            _add_mentions(cells[(period, outlet, side)], article, members)
        for figure in analysis.casualties:
            side = figure_side_area(figure, mentions)[0]
            cell = cells[(period, outlet, side)]
            cell.figures += 1
            cell.articles.add(article.id)
    return cells


def coverage_rows(articles: Iterable[Article], analyses: dict[str, Analysis], *,
                  by: str = "day", reference: Reference | None = None) -> list[dict[str, Any]]:
    """The coverage table (DESIGN.md coverage row), sorted by period, outlet and side (sides
    with more mentions first, the unknown side last)."""
    cells = _cells(articles, analyses, by)
    rows: list[dict[str, Any]] = []
    for (period, outlet, side), cell in cells.items():
        deaths = None
        series = reference.for_side("killed", side) if reference and side else None
        if series is not None:
            deaths = series.rise(*period_bounds(period))
        per_mention = round(deaths / cell.killed, 1) if deaths is not None and cell.killed \
            else None
        rows.append({
            "period": period, "outlet": outlet, "side": side, "articles": len(cell.articles),
            "mentions": cell.mentions, "figures": cell.figures,
            "passive": round(cell.passive / cell.mentions, 3) if cell.mentions else None,
            "loaded": dict(sorted(cell.loaded.items())), "deaths": deaths,
            "deaths_per_mention": per_mention,
        })
    rows.sort(key=lambda r: (r["period"], r["outlet"], r["side"] is None, -r["mentions"],
                             r["side"] or ""))
    return rows
