"""Casualty figures across a corpus: rows, series over time, a reference series, consistency.

No spaCy: everything is computed from the stored figures and the article dates.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rafah.dates import InvalidDate, parse_header_date
from rafah.errors import InputFormatError
from rafah.records import Analysis, Article

KINDS = ("killed", "injured", "missing", "displaced", "hostages", "detained", "casualties")
FIGURE_COLUMNS = ["article", "date", "kind", "value", "low", "high", "qualifier", "vague",
                  "group", "source", "cumulative", "sentence", "start", "end"]
REFERENCE_COLUMNS = ["reference", "deviation"]


def figure_rows(articles: Iterable[Article], analyses: dict[str, Analysis], *,
                kinds: Iterable[str] = (), min_value: int = 0) -> list[dict[str, Any]]:
    """One record per figure (DESIGN.md casualty fields), in corpus then text order."""
    wanted = set(kinds)
    rows: list[dict[str, Any]] = []
    for article in articles:
        analysis = analyses.get(article.text_hash)
        if analysis is None:
            continue
        for figure in analysis.casualties:
            if (wanted and figure.kind not in wanted) or figure.value < min_value:
                continue
            rows.append({
                "article": article.id, "date": article.date, "kind": figure.kind,
                "value": figure.value, "low": figure.low, "high": figure.high,
                "qualifier": figure.qualifier, "vague": figure.vague, "group": figure.group,
                "source": figure.source, "cumulative": figure.cumulative,
                "sentence": figure.sentence, "start": figure.start, "end": figure.end,
            })
    return rows


def series_key(row: dict[str, Any]) -> tuple[str, str, str]:
    """Figures of one series share kind, victims and source (spelling-insensitive)."""
    from rafah.reports.entities import name_key

    return (row["kind"], name_key(row["group"] or ""), name_key(row["source"] or ""))


def series_label(row: dict[str, Any]) -> str:
    """How a series is named in a chart legend: kind, then the victims if known."""
    return f"{row['kind']} — {row['group']}" if row["group"] else row["kind"]


def flag_decreasing(rows: list[dict[str, Any]]) -> list[str]:
    """Add a `flags` list to every row; flag cumulative figures lower than an earlier figure of
    the same series (kind, victims, source). Returns one message per flagged figure."""
    messages: list[str] = []
    by_series: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        row["flags"] = []
        if row["cumulative"] and row["date"]:
            by_series[series_key(row)].append(row)
    for members in by_series.values():
        members.sort(key=lambda r: r["date"])
        highest: dict[str, Any] | None = None
        for row in members:
            if highest is not None and row["date"] > highest["date"] and \
                    row["value"] < highest["value"]:
                note = (f"running total went down: {row['value']:,} on {row['date']} after "
                        f"{highest['value']:,} on {highest['date']} ({highest['article']})")
                row["flags"].append(note)
                messages.append(f"{row['article']}: {row['kind']} {note}")
            if highest is None or row["value"] >= highest["value"]:
                highest = row
    return messages


@dataclass
class ReferenceSeries:
    """A daily official series: date → {kind: value}."""

    values: dict[date, dict[str, int]] = field(default_factory=dict)

    def kinds(self) -> list[str]:
        """The kinds the series has values for."""
        return sorted({k for day in self.values.values() for k in day})

    def nearest(self, day: date, kind: str, *, within_days: int = 1) -> int | None:
        """The value on ``day``, else on the nearest date within ``within_days`` (the earlier
        one when two are as near: a report usually gives the previous day's count)."""
        for distance in range(within_days + 1):
            for candidate in (day.fromordinal(day.toordinal() - distance),
                              day.fromordinal(day.toordinal() + distance)):
                value = self.values.get(candidate, {}).get(kind)
                if value is not None:
                    return value
        return None


def read_reference(path: str | Path) -> ReferenceSeries:
    """Read a reference CSV: a `date` column plus one column per kind (killed, injured, ...)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputFormatError(f"cannot read reference {str(path)!r}: {exc.strerror}") from exc
    reader = csv.DictReader(text.splitlines())
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "date" not in fields:
        raise InputFormatError(f"reference {str(path)!r} needs a 'date' column and one column "
                               f"per kind ({', '.join(KINDS)})")
    series = ReferenceSeries()
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        try:
            day = date.fromisoformat(parse_header_date(row["date"]))
        except (InvalidDate, ValueError) as exc:
            raise InputFormatError(f"reference {str(path)!r} line {number}: {exc}") from exc
        for kind in KINDS:
            value = row.get(kind, "").replace(",", "")
            if value:
                try:
                    series.values.setdefault(day, {})[kind] = int(float(value))
                except ValueError as exc:
                    raise InputFormatError(f"reference {str(path)!r} line {number}: "
                                           f"{kind} {value!r} is not a number") from exc
    return series


def compare_with_reference(rows: list[dict[str, Any]], reference: ReferenceSeries) -> None:
    """Add `reference` and `deviation` (percent) to every row; null where not comparable."""
    for row in rows:
        row["reference"] = row["deviation"] = None
        if not row["cumulative"] or not row["date"]:
            continue
        value = reference.nearest(date.fromisoformat(row["date"]), row["kind"])
        if value is None:
            continue
        row["reference"] = value
        row["deviation"] = round((row["value"] - value) / value * 100, 1) if value else None
