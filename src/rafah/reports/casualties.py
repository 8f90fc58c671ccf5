"""Casualty figures across a corpus: rows, series over time, a reference series, consistency.

No spaCy: everything is computed from the stored figures, harm mentions and article dates. A
figure belongs to a series (kind, victims' side, area, running total or not): only figures of
one series are compared with each other or with a reference series of the same series.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from rafah.records import Analysis, Article, HarmMention
from rafah.reports.reference import (
    KINDS,
    Reference,
    ReferenceSeries,
    read_reference,
    read_references,
    series_key,
)

__all__ = ["FIGURE_COLUMNS", "KINDS", "MENTION_COLUMNS", "REFERENCE_COLUMNS", "Reference",
           "ReferenceSeries", "article_outlet", "compare_with_reference", "figure_rows",
           "figure_side_area", "flag_decreasing", "mention_rows", "read_reference",
           "read_references", "series_key", "series_label"]

FIGURE_COLUMNS = ["id", "article", "date", "kind", "value", "low", "high", "qualifier", "vague",
                  "group", "source", "cumulative", "side", "area", "series", "sentence",
                  "start", "end", "part_of", "restates", "duplicate_of"]
FIGURE_TABLE = ["date", "kind", "value", "qualifier", "side", "series", "source", "article"]
"""The columns of the figures' terminal table."""
MENTION_COLUMNS = ["id", "article", "date", "outlet", "kind", "value", "side", "area", "verb",
                   "voice", "agent", "victims", "series", "sentence", "start", "end",
                   "duplicate_of"]
REFERENCE_COLUMNS = ["reference", "reference_date", "reference_series", "deviation"]


def article_outlet(article: Article) -> str | None:
    """The article's outlet (see `Article.source_outlet`)."""
    return article.source_outlet


def _figure_id(article: Article, start: int | None) -> str | None:
    return None if start is None else f"{article.id}:{start}"


def _mention_for(figure: Any, mentions: Sequence[HarmMention]) -> HarmMention | None:
    """The harm mention of the same sentence and kind that covers the figure's count."""
    same = [m for m in mentions if m.sent == figure.sent and m.kind == figure.kind]
    for matches in (lambda m: m.value == figure.value,
                    lambda m: m.start <= figure.start < m.end):
        found = [m for m in same if matches(m)]
        if found:
            return found[0]
    return same[0] if len(same) == 1 else None


def figure_side_area(figure: Any, mentions: Sequence[HarmMention]) -> tuple[str | None, str | None]:
    """The figure's own side and area, else those of its harm mention."""
    side = getattr(figure, "side", None)
    if side is not None:
        return side, getattr(figure, "area", None)
    mention = _mention_for(figure, mentions)
    return (mention.side, mention.area) if mention else (None, None)


def _analysed(articles: Iterable[Article], analyses: dict[str, Analysis]
              ) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis, in corpus order (articles without one left out)."""
    for article in articles:
        analysis = analyses.get(article.text_hash)
        if analysis is not None:
            yield article, analysis


def figure_rows(articles: Iterable[Article], analyses: dict[str, Analysis], *,
                kinds: Iterable[str] = (), min_value: int = 0) -> list[dict[str, Any]]:
    """One record per figure (DESIGN.md casualty fields), in corpus then text order."""
    wanted = set(kinds)
    rows: list[dict[str, Any]] = []
    for article, analysis in _analysed(articles, analyses):
        mentions = analysis.get("harm")
        for figure in analysis.casualties:
            if (wanted and figure.kind not in wanted) or figure.value < min_value:
                continue
            side, area = figure_side_area(figure, mentions)  # type: ignore[arg-type]
            rows.append({
                "id": _figure_id(article, figure.start), "article": article.id,
                "date": article.date, "kind": figure.kind, "value": figure.value,
                "low": figure.low, "high": figure.high, "qualifier": figure.qualifier,
                "vague": figure.vague, "group": figure.group, "source": figure.source,
                "cumulative": figure.cumulative, "side": side, "area": area,
                "series": series_key(figure.kind, side, area, figure.cumulative),
                "sentence": figure.sentence, "start": figure.start, "end": figure.end,
                "part_of": _figure_id(article, getattr(figure, "part_of", None)),
                "restates": _figure_id(article, getattr(figure, "restates", None)),
                "duplicate_of": article.duplicate_of,
            })
    return rows


def mention_rows(articles: Iterable[Article], analyses: dict[str, Analysis], *,
                 kinds: Iterable[str] = ()) -> list[dict[str, Any]]:
    """One record per harm mention (``casualties --mentions``), in corpus then text order."""
    wanted = set(kinds)
    rows: list[dict[str, Any]] = []
    for article, analysis in _analysed(articles, analyses):
        outlet = article_outlet(article)
        for mention in analysis.get("harm"):
            if not isinstance(mention, HarmMention) or (wanted and mention.kind not in wanted):
                continue
            rows.append({
                "id": _figure_id(article, mention.start), "article": article.id,
                "date": article.date, "outlet": outlet, "kind": mention.kind,
                "value": mention.value, "side": mention.side, "area": mention.area,
                "verb": mention.verb, "voice": mention.voice, "agent": mention.agent,
                "victims": mention.victims,
                "series": series_key(mention.kind, mention.side, mention.area, False),
                "sentence": mention.sentence, "start": mention.start, "end": mention.end,
                "duplicate_of": article.duplicate_of,
            })
    return rows


def series_label(row: dict[str, Any]) -> str:
    """How a series is named in a chart legend: its key without the running-total part."""
    return str(row.get("series") or series_key(row["kind"], row.get("side"), row.get("area"),
                                                row["cumulative"])).removesuffix("/total")


def _upper_bound(row: dict[str, Any]) -> int | None:
    """The most a figure can be: its value when exact, its high bound ("nearly 38,000"), None
    for an open "more than"."""
    if row.get("high") is not None:
        return int(row["high"])
    return None if row.get("qualifier") else int(row["value"])


def flag_decreasing(rows: list[dict[str, Any]]) -> list[str]:
    """Add a `flags` list to every row; flag a running total whose upper bound (its value, or
    the high bound of "nearly N"; "more than N" has none) is lower than an earlier figure of
    the same series (kind, side and area known). Vague figures ("tens of thousands") and
    figures of no known side or area (unrelated tolls of one country) are never compared.
    Returns one message per flagged figure."""
    messages: list[str] = []
    by_series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        row["flags"] = []
        if row["cumulative"] and row["date"] and row.get("side") and row.get("area") \
                and not row["vague"]:
            by_series[row["series"]].append(row)
    for members in by_series.values():
        members.sort(key=lambda r: r["date"])
        highest: dict[str, Any] | None = None
        for row in members:
            upper = _upper_bound(row)
            if highest is not None and upper is not None and row["date"] > highest["date"] \
                    and upper < highest["value"]:
                note = (f"running total went down: {row['value']:,} on {row['date']} after "
                        f"{highest['value']:,} on {highest['date']} ({highest['article']})")
                row["flags"].append(note)
                messages.append(f"{row['article']}: {row['series']} {note}")
            if highest is None or row["value"] >= highest["value"]:
                highest = row
    return messages


def compare_with_reference(rows: list[dict[str, Any]], reference: Reference) -> list[str]:
    """Add `reference`, `reference_date`, `reference_series` and `deviation` (percent) to every
    row: only an exact, dated running total is compared, and only with the series of its own
    kind, side and area, on the nearest report on or before the article date. Returns one line
    per compared figure."""
    compared: list[str] = []
    for row in rows:
        row.update(reference=None, reference_date=None, reference_series=None, deviation=None)
        if not row["cumulative"] or not row["date"] or row.get("vague"):
            continue
        series = reference.find(row["kind"], row.get("side"), row.get("area"))
        found = series.on_or_before(date.fromisoformat(row["date"])) if series else None
        if series is None or found is None:
            continue
        day, value = found
        row.update(reference=value, reference_date=day.isoformat(), reference_series=series.key)
        row["deviation"] = round((row["value"] - value) / value * 100, 1) if value else None
        compared.append(f"{row['id']}: {row['series']} {row['value']:,} vs {value:,} "
                        f"({series.source}, {day.isoformat()})")
    return compared
