"""Official reference series (daily running totals) read from user files, by kind, side, area.

Accepted shapes: a wide CSV (``date`` plus one column per kind; side and area from ``side`` /
``area`` columns or given by the caller), a long CSV (``date, kind, value, side, area``) and the
daily JSON of the public Gaza casualties dataset (a list of reports with ``report_date``,
``killed_cum``, ``injured_cum``, ...: Palestinian, Gaza), read as it is. A file that cannot be
read raises `InputFormatError` with one line naming the file, the line and what was expected.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rafah.dates import InvalidDate, parse_header_date
from rafah.errors import InputFormatError
from rafah.records import KINDS

WITHIN_DAYS = 3
"""how many days before an article's date a report may be (reports lag)"""
_GAZA_JSON = {"killed": ("killed_cum", "ext_killed_cum"),
              "injured": ("injured_cum", "ext_injured_cum")}
_GAZA_SIDE = ("Palestinian", "Gaza")
_WIDE_HELP = ("a 'date' column and one column per kind (killed, injured, ...), or the long "
              "columns date, kind, value, side, area")


def series_key(kind: str, side: str | None, area: str | None, cumulative: bool = True) -> str:
    """A readable series name: ``killed/Palestinian/Gaza/total`` ("-" for an unknown part)."""
    return f"{kind}/{side or '-'}/{area or '-'}/{'total' if cumulative else 'incident'}"


@dataclass
class ReferenceSeries:
    """One daily running total of one kind, side and area."""

    kind: str
    side: str | None
    area: str | None
    source: str
    values: dict[date, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The series key (`series_key`)."""
        return series_key(self.kind, self.side, self.area)

    def on_or_before(self, day: date, within_days: int = WITHIN_DAYS) -> tuple[date, int] | None:
        """The latest report on ``day`` or up to ``within_days`` before it."""
        for distance in range(within_days + 1):
            candidate = day - timedelta(days=distance)
            if candidate in self.values:
                return candidate, self.values[candidate]
        return None

    def rise(self, first: date, last: date) -> int | None:
        """How much the total grew from the day before ``first`` to ``last`` (None when the
        series has no report near either end)."""
        end = self.on_or_before(last)
        start = self.on_or_before(first - timedelta(days=1))
        if end is None or start is None:
            return None
        return end[1] - start[1]


@dataclass
class Reference:
    """Reference series from one or more files, by series key."""

    series: dict[str, ReferenceSeries] = field(default_factory=dict)

    def find(self, kind: str, side: str | None, area: str | None) -> ReferenceSeries | None:
        """The series of exactly this kind, side and area (None when the side is unknown)."""
        if side is None:
            return None
        return self.series.get(series_key(kind, side, area))

    def for_side(self, kind: str, side: str | None) -> ReferenceSeries | None:
        """The series of this kind and side (the first when several areas are given)."""
        found = [s for s in self.series.values() if s.kind == kind and s.side == side]
        return found[0] if found else None

    def kinds(self) -> list[str]:
        """The kinds the series have values for."""
        return sorted({s.kind for s in self.series.values()})

    def add(self, kind: str, side: str | None, area: str | None, source: str, day: date,
            value: int) -> None:
        """Add one day's value (later files add to the same series)."""
        key = series_key(kind, side, area)
        series = self.series.setdefault(key, ReferenceSeries(kind, side, area, source))
        series.values[day] = value

    def merged(self, other: Reference) -> Reference:
        """Both references' series (values of ``other`` win on the same day)."""
        result = Reference({k: ReferenceSeries(s.kind, s.side, s.area, s.source,
                                               dict(s.values)) for k, s in self.series.items()})
        for series in other.series.values():
            for day, value in series.values.items():
                result.add(series.kind, series.side, series.area, series.source, day, value)
        return result


def _decode(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 (never an error)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFormatError(f"cannot read reference {str(path)!r}: "
                               f"{exc.strerror or exc}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _fail(path: Path, line: int | None, message: str) -> InputFormatError:
    where = f" line {line}" if line else ""
    return InputFormatError(f"reference {str(path)!r}{where}: {message}")


def _day(path: Path, line: int, text: Any) -> date:
    try:
        return date.fromisoformat(parse_header_date(str(text).strip()))
    except (InvalidDate, ValueError) as exc:
        raise _fail(path, line, f"expected a date, not {str(text)!r}") from exc


def _number(path: Path, line: int, name: str, text: Any) -> int | None:
    if text is None:
        return None
    cleaned = str(text).strip().replace(",", "")
    if not cleaned:
        return None
    try:
        return int(float(cleaned))
    except ValueError as exc:
        raise _fail(path, line, f"{name} {str(text)!r} is not a number") from exc


def _read_json(path: Path, text: str) -> Reference:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, exc.lineno, f"not valid JSON ({exc.msg})") from exc
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise _fail(path, None, "expected a JSON list of daily reports (objects with "
                                "report_date and killed_cum or injured_cum)")
    reference = Reference()
    for number, report in enumerate(data, start=1):
        if "report_date" not in report:
            raise _fail(path, None, f"report {number} has no report_date")
        day = _day(path, number, report["report_date"])
        for kind, names in _GAZA_JSON.items():
            value = next((report[n] for n in names if report.get(n) is not None), None)
            parsed = _number(path, number, names[0], value)
            if parsed is not None:
                reference.add(kind, *_GAZA_SIDE, path.name, day, parsed)
    if not reference.series:
        raise _fail(path, None, "expected killed_cum or injured_cum values in the reports")
    return reference


def _read_csv(path: Path, text: str, side: str | None, area: str | None) -> Reference:
    reader = csv.DictReader(text.splitlines())
    long = _csv_shape(path, [f.strip().lower() for f in reader.fieldnames or []])
    reference = Reference()
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()
               if isinstance(v, str | type(None))}
        day = _day(path, number, row.get("date", ""))
        where = (row.get("side") or side, row.get("area") or area)
        for kind, value in (_long_values if long else _wide_values)(path, number, row):
            reference.add(kind, *where, path.name, day, value)
    return reference


def _csv_shape(path: Path, fields: list[str]) -> bool:
    """Whether the header is of a long CSV (else a wide one); an error when it is neither."""
    long = "kind" in fields and "value" in fields
    if "date" not in fields or not (long or set(fields) & set(KINDS)):
        raise _fail(path, 1, f"expected {_WIDE_HELP}")
    return long


def _long_values(path: Path, number: int, row: dict[str, str]) -> list[tuple[str, int]]:
    kind = row.get("kind", "").lower()
    if kind not in KINDS:
        raise _fail(path, number, f"expected a kind ({', '.join(KINDS)}), not {kind!r}")
    value = _number(path, number, "value", row.get("value"))
    return [] if value is None else [(kind, value)]


def _wide_values(path: Path, number: int, row: dict[str, str]) -> list[tuple[str, int]]:
    values = [(kind, _number(path, number, kind, row.get(kind))) for kind in KINDS]
    return [(kind, value) for kind, value in values if value is not None]


def read_reference(path: str | Path, *, side: str | None = None,
                   area: str | None = None) -> Reference:
    """Read one reference file (wide or long CSV, or the Gaza daily JSON). ``side`` and
    ``area`` apply to the rows of a wide CSV that have no ``side`` / ``area`` column."""
    target = Path(path)
    text = _decode(target)
    if text.lstrip().startswith(("[", "{")):
        return _read_json(target, text)
    return _read_csv(target, text, side, area)


def read_references(paths: Iterable[str | Path], *, side: str | None = None,
                    area: str | None = None) -> Reference:
    """Read several reference files into one `Reference`."""
    reference = Reference()
    for path in paths:
        reference = reference.merged(read_reference(path, side=side, area=area))
    return reference
