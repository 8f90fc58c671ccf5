"""Date handling without spaCy: header dates, and normalisation of dates mentioned in text.

`parse_header_date` reads the publication date of an article.  `normalize` resolves a date
expression found in the text ("October 7", "on Tuesday", "last month") against the article
date, TIMEX3-style: a day is ``YYYY-MM-DD``, a week ``YYYY-Www``, a month ``YYYY-MM``, a year
``YYYY``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2})?$")


class InvalidDate(ValueError):
    """A header date that cannot be read as a calendar day."""


def parse_header_date(value: str, *, dayfirst: bool = False) -> str:
    """Return the ISO day (YYYY-MM-DD) of a header date, or raise InvalidDate.

    ISO forms are read exactly; other forms ("March 13, 2024", "13/03/2024") go through
    python-dateutil, month first unless ``dayfirst``. A value missing its year, month or day
    is invalid.
    """
    text = value.strip().strip("`'\"").strip()
    if not text:
        raise InvalidDate("empty date")
    iso = _ISO.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError as exc:
            raise InvalidDate(f"invalid date {text!r}") from exc
    if not re.search(r"\d", text):
        raise InvalidDate(f"invalid date {text!r}")
    from dateutil import parser as dateparser

    first, second = datetime(1900, 1, 1), datetime(1904, 2, 2)
    try:
        a = dateparser.parse(text, default=first, dayfirst=dayfirst, fuzzy=False)
        b = dateparser.parse(text, default=second, dayfirst=dayfirst, fuzzy=False)
    except (ValueError, OverflowError) as exc:
        raise InvalidDate(f"invalid date {text!r}") from exc
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise InvalidDate(f"incomplete date {text!r}")
    return a.date().isoformat()


@dataclass(frozen=True)
class Resolved:
    """A normalised date expression."""

    value: str
    granularity: str  # day | week | month | year


def _day(d: date) -> Resolved:
    return Resolved(d.isoformat(), "day")


def _month(year: int, month: int) -> Resolved:
    while month < 1:
        month += 12
        year -= 1
    while month > 12:
        month -= 12
        year += 1
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _week(d: date) -> Resolved:
    year, week, _ = d.isocalendar()
    return Resolved(f"{year:04d}-W{week:02d}", "week")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_LEAD = re.compile(
    r"^(?:(?:on|in|since|by|until|till|from|during|as of|before|after|the|of|early|late|"
    r"mid|earlier|later)\b[\s-]*)+",
    re.I,
)
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_NAME = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_COUNT = r"(?P<count>\d+|" + "|".join(NUMBER_WORDS) + r")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")),
    ("mdy", re.compile(rf"^{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})$", re.I)),
    ("dmy", re.compile(
        rf"^(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_NAME},?\s+(?P<year>\d{{4}})$", re.I)),
    ("md", re.compile(rf"^{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORD}{_DAYPART}$", re.I)),
    ("dm", re.compile(rf"^(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_NAME}$", re.I)),
    ("my", re.compile(rf"^{_MONTH_NAME},?\s+(?:of\s+)?(?P<year>\d{{4}})$", re.I)),
    ("m", re.compile(rf"^(?:(?P<rel>last|this|next)\s+)?{_MONTH_NAME}$", re.I)),
    ("y", re.compile(r"^(?P<year>(?:19|20)\d{2})$")),
    ("wd", re.compile(rf"^(?:(?P<rel>last|this|next|past)\s+)?{_WEEKDAY_NAME}{_DAYPART}$", re.I)),
    ("deictic", re.compile(r"^(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|"
                           r"afternoon|evening))$", re.I)),
    ("rel", re.compile(r"^(?P<rel>last|this|next|past|coming)\s+(?P<unit>week|weekend|month|"
                       r"year)$", re.I)),
    ("ago", re.compile(rf"^{_COUNT}\s+{_UNIT}\s+ago$", re.I)),
]


def _clean(expr: str) -> str:
    text = expr.strip().replace("\u2019", "'")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"\s+", " ", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip()
    return text.rstrip(".,;:")


def _recent(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The occurrence of month/day nearest the anchor: on or before it, or after it if future."""
    years = (anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)
    for year in years:
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        if (future and candidate >= anchor) or (not future and candidate <= anchor):
            return candidate
    return None


def normalize(expr: str, anchor: date | None, tense: str = "past") -> Resolved | None:
    """Resolve a date expression against the article date ``anchor``.

    Returns None for expressions that are not points in time (durations such as "seven weeks",
    ordinals such as "its fifth month", ages, decades) and for relative expressions when there is
    no anchor. ``tense`` is past, present or future: it picks the direction for "October 7" or
    "on Tuesday".
    """
    text = _clean(expr)
    if not text:
        return None
    future = tense == "future"
    for name, pattern in _PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        g = found.groupdict()
        if name == "iso":
            day = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
            return _day(day) if day else None
        if name in ("mdy", "dmy"):
            day = _safe_date(int(g["year"]), MONTHS[g["month"].lower()], int(g["day"]))
            return _day(day) if day else None
        if name == "my":
            return _month(int(g["year"]), MONTHS[g["month"].lower()])
        if name == "y":
            return Resolved(g["year"], "year")
        if anchor is None:
            return None
        if name in ("md", "dm"):
            day = _recent(anchor, MONTHS[g["month"].lower()], int(g["day"]), future)
            return _day(day) if day else None
        if name == "m":
            return _resolve_month(anchor, MONTHS[g["month"].lower()], g.get("rel"), future)
        if name == "wd":
            return _day(_resolve_weekday(anchor, WEEKDAYS[g["weekday"].lower()], g.get("rel"),
                                         future))
        if name == "deictic":
            word = g["word"].lower()
            shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            return _day(anchor + timedelta(days=shift))
        if name == "rel":
            return _resolve_relative_unit(anchor, g["rel"].lower(), g["unit"].lower())
        if name == "ago":
            return _resolve_ago(anchor, g["count"].lower(), g["unit"].lower())
    return None


def _resolve_month(anchor: date, month: int, rel: str | None, future: bool) -> Resolved:
    rel = (rel or "").lower()
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _month(year, month)


def _resolve_weekday(anchor: date, weekday: int, rel: str | None, future: bool) -> date:
    rel = (rel or "").lower()
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if rel == "next":
        return anchor + timedelta(days=ahead or 7)
    if future:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _resolve_relative_unit(anchor: date, rel: str, unit: str) -> Resolved:
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit in ("week", "weekend"):
        return _week(anchor + timedelta(weeks=step))
    if unit == "month":
        return _month(anchor.year, anchor.month + step)
    return Resolved(f"{anchor.year + step:04d}", "year")


def _resolve_ago(anchor: date, count_text: str, unit: str) -> Resolved:
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS[count_text]
    if unit == "day":
        return _day(anchor - timedelta(days=count))
    if unit == "week":
        return _week(anchor - timedelta(weeks=count))
    if unit == "month":
        return _month(anchor.year, anchor.month - count)
    return Resolved(f"{anchor.year - count:04d}", "year")


def in_range(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or a prefix such as 2024-03) falls inside [since, until]."""
    if since is None and until is None:
        return True
    if value is None:
        return False
    if since is not None and value[: len(since)] < since[: len(value)]:
        return False
    return until is None or value[: len(until)] <= until[: len(value)]
