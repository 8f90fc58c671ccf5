"""Date handling without spaCy: header dates, and normalisation of dates mentioned in text.

`parse_header_date` reads the publication date of an article.  `normalize` resolves a date
expression found in the text ("October 7", "on Tuesday", "last month", "the summer of 2012")
against the article date, TIMEX3-style. The value's form depends on its granularity:

    day      YYYY-MM-DD        week     YYYY-Www          month    YYYY-MM
    quarter  YYYY-Qn (1-4)     half     YYYY-Hn (1-2)     season   YYYY-SP|SU|FA|WI
    year     YYYY              decade   YYY (199: 1990s)  century  YY (19: 1900-1999)

Modifiers ("early", "mid-", "late", "the end/start/middle of") and hedges ("nearly", "more
than", "about") are dropped: "late March" is the month, "nearly three years ago" the year.
TIMEX3 would keep them in a ``mod`` attribute; we keep the value and granularity only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

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
# Counts: a word up to twenty, a ten, or a ten and a unit ("twenty-one", "thirty two").
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Decade names, read only after "the" ("the nineties"): the digit of the tens.
DECADE_WORDS = {
    "noughties": 0, "aughts": 0, "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
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
    from dateutil import parser as dateparser  # type: ignore[import-untyped]

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
    """A normalised date expression (value forms: see the module docstring)."""

    value: str
    granularity: str  # day | week | month | quarter | half | season | year | decade | century


# ---------------------------------------------------------------------------------------------
# Values. A year outside 1-9999 gives None, so huge counts ("99999 years ago") are no dates.

def _in_calendar(year: int) -> bool:
    return 1 <= year <= 9999


def _day(d: date) -> Resolved:
    return Resolved(d.isoformat(), "day")


def _week(d: date) -> Resolved:
    year, week, _ = d.isocalendar()
    return Resolved(f"{year:04d}-W{week:02d}", "week")


def _month(year: int, month: int) -> Resolved | None:
    """The month ``month`` of ``year``; months before 1 or after 12 roll into other years."""
    year, index = divmod(year * 12 + month - 1, 12)
    return Resolved(f"{year:04d}-{index + 1:02d}", "month") if _in_calendar(year) else None


def _year(year: int) -> Resolved | None:
    return Resolved(f"{year:04d}", "year") if _in_calendar(year) else None


def _decade(year: int) -> Resolved | None:
    """The decade a year falls in: 1994 -> 199."""
    return Resolved(f"{year // 10:03d}", "decade") if _in_calendar(year) else None


def _century(year: int) -> Resolved | None:
    """The century a year falls in, TIMEX3-style: 1994 -> 19 (the 20th century)."""
    return Resolved(f"{year // 100:02d}", "century") if _in_calendar(year) else None


def _season(index: int) -> Resolved | None:
    """A season from its index year * 4 + (0 spring, 1 summer, 2 fall, 3 winter)."""
    year, part = divmod(index, 4)
    code = ("SP", "SU", "FA", "WI")[part]
    return Resolved(f"{year:04d}-{code}", "season") if _in_calendar(year) else None


def _part_of_year(index: int, per_year: int) -> Resolved | None:
    """A quarter (``per_year`` 4) or half (2) from its index year * per_year + (part - 1)."""
    year, part = divmod(index, per_year)
    letter, granularity = ("Q", "quarter") if per_year == 4 else ("H", "half")
    return Resolved(f"{year:04d}-{letter}{part + 1}", granularity) if _in_calendar(year) else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Moving the anchor by n units ("last", "next", "three ... ago", "this").
_SHIFTS: dict[str, Callable[[date, int], Resolved | None]] = {
    "day": lambda anchor, n: _day(anchor + timedelta(days=n)),
    "week": lambda anchor, n: _week(anchor + timedelta(weeks=n)),
    "weekend": lambda anchor, n: _week(anchor + timedelta(weeks=n)),
    "month": lambda anchor, n: _month(anchor.year, anchor.month + n),
    "quarter": lambda anchor, n: _part_of_year(_cycle_index(anchor, 4) + n, 4),
    "year": lambda anchor, n: _year(anchor.year + n),
    "decade": lambda anchor, n: _decade(anchor.year + 10 * n),
    "century": lambda anchor, n: _century(anchor.year + 100 * n),
}
_STEPS = {"last": -1, "past": -1, "this past": -1, "this": 0, "next": 1, "coming": 1,
          "this coming": 1}


# ---------------------------------------------------------------------------------------------
# Cycles (seasons, quarters, halves): pick the occurrence of part k nearest the anchor.

def _cycle_index(day: date, per_year: int) -> int:
    """year * per_year + the part of the year (quarter or half) the day falls in."""
    return day.year * per_year + (day.month - 1) * per_year // 12


def _season_index(day: date) -> int:
    """The season a day falls in (meteorological, northern hemisphere: spring is March-May).

    Winter belongs to the year it starts in: 15 January 2024 is in the winter 2023-WI.
    """
    year = day.year if day.month >= 3 else day.year - 1
    return year * 4 + (day.month - 3) % 12 // 3


def _previous(current: int, k: int, period: int) -> int:
    """The latest occurrence of part k strictly before the current one."""
    return current - ((current - k) % period or period)


def _following(current: int, k: int, period: int) -> int:
    """The first occurrence of part k strictly after the current one."""
    return current + ((k - current) % period or period)


def _nearest(current: int, k: int, period: int, tense: str) -> int:
    """Part k in progress, else the latest before it (the next one in the future tense)."""
    if (current - k) % period == 0:
        return current
    return _following(current, k, period) if tense == "future" else _previous(current, k, period)


def two_digit_year(digits: int, anchor: date, tense: str) -> int:
    """The year "'58" names: the latest year ending in those digits not after the anchor year.

    In the future tense, the one nearest the anchor year instead (ties go to the earlier):
    with a 2024 anchor, "'25" is 1925 in the past or present tense and 2025 in the future.
    """
    year = anchor.year - (anchor.year - digits) % 100
    if tense == "future" and anchor.year - year > 50:
        year += 100
    return year


def _year_number(token: str, anchor: date | None, tense: str) -> int | None:
    """A year written "2012" or "'12"; two digits need the anchor to pick the century."""
    if not token.startswith("'"):
        return int(token)
    return None if anchor is None else two_digit_year(int(token[1:]), anchor, tense)


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return sum(NUMBER_WORDS[part] for part in re.split(r"[-\s]+", text))


def _ordinal(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits[0])
    parts = re.split(r"[-\s]+", text)
    return 20 * (len(parts) - 1) + ORDINAL_WORDS[parts[-1]]


# ---------------------------------------------------------------------------------------------
# Bare years in running text.

_YEAR_LEAD = (r"(?:in|since|by|until|till|from|during|before|after|through|throughout|around|"
              r"circa|as of|early|mid|late|of)")
_BARE_YEAR = re.compile(
    rf"^(?:{_YEAR_LEAD}[\s-]+)*"
    r"(?P<det>(?:the|a|an|this|that|its|his|her|their|our|(?:the )?[\w.-]+'s) )?"
    r"(?:(?:early|mid|late)[\s-]+)?"
    r"(?P<year>(?:19|20)\d{2})"
    r"(?P<tail>(?: [a-z][a-z'-]*){0,3})$",
    re.I,
)
_NOT_YEAR_TAIL = frozenset({
    "year", "years", "yr", "yrs", "old", "year-old", "years-old", "aged", "hours", "hrs", "gmt",
    "utc", "dollars", "euros", "pounds", "shekels", "percent", "people",
})


def bare_year(text: str) -> int | None:
    """The year (1900-2099) a phrase such as "in 2019", "by 2030", "the 2020 election" names.

    The four digits must stand alone: never part of a count ("2,000", "2020.5"), an amount
    ("$2020", "2020%"), a time ("20:20"), an age ("a 2020-year-old", "aged 19") or a span
    ("2019-20"). Words may follow the year only after a determiner or a possessive ("the 2020
    election", "Biden's 2020 campaign"), and not units or ages ("the 2020 hours"): without
    one, "2020 rockets" reads as a count.
    """
    found = _BARE_YEAR.match(" ".join(text.replace("\u2019", "'").split()))
    if not found:
        return None
    tail = set(found["tail"].lower().split())
    if tail and (not found["det"] or tail & _NOT_YEAR_TAIL):
        return None
    return int(found["year"])


# ---------------------------------------------------------------------------------------------
# Cleaning an expression before the rules see it.

_LEAD = re.compile(
    r"^(?:(?:as of|more than|less than|fewer than|at least|at most|on|in|at|since|by|until|"
    r"till|from|during|before|after|towards?|the|of|early|late|mid|earlier|later|nearly|almost|"
    r"about|around|roughly|approximately|some|over|under|just|only|barely|circa)\b[\s-]*)+",
    re.I,
)
_DECADE_PHRASE = re.compile(
    r"\bthe ((?:(?:early|mid|late)[\s-]*)?)"
    r"(?:(?P<full>\d{3}0)'s|'?(?P<short>\d)0'?s|(?P<word>" + "|".join(DECADE_WORDS) + r"))"
    r"(?![\w'])"
)


def _mark_decade(found: re.Match[str]) -> str:
    """ "the 1990's" -> "the 1990s"; "the 90s", "the '90's", "the nineties" -> "the '90s"."""
    if found["full"]:
        decade = found["full"] + "s"
    else:
        digit = found["short"] or str(DECADE_WORDS[found["word"]])
        decade = f"'{digit}0s"
    return f"the {found[1]}{decade}"


def _clean(expr: str) -> str:
    """Lower case, single spaces, decades marked, leading prepositions/modifiers/hedges cut."""
    text = expr.strip().replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"\s+", " ", text)
    text = _DECADE_PHRASE.sub(_mark_decade, text)
    text = re.sub(r"'s$", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip()
    return text.rstrip(".,;:")


# ---------------------------------------------------------------------------------------------
# Resolvers: one per rule, each given the rule's match groups, the anchor and the tense.

Groups = dict[str, Any]
Resolver = Callable[[Groups, date | None, str], Resolved | None]
AnchoredResolver = Callable[[Groups, date, str], Resolved | None]


def _anchored(resolve: AnchoredResolver) -> Resolver:
    """A resolver for an expression relative to the anchor: None when there is no anchor."""
    def resolve_if_anchored(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
        return None if anchor is None else resolve(g, anchor, tense)
    return resolve_if_anchored


def _resolve_iso(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    day = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
    return _day(day) if day else None


def _resolve_full_date(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    day = _safe_date(int(g["year"]), MONTHS[g["month"]], int(g["day"]))
    return _day(day) if day else None


def _resolve_month_year(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    year = _year_number(g["year"], anchor, tense)
    return None if year is None else _month(year, MONTHS[g["month"]])


def _resolve_year(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    year = _year_number(g["year"], anchor, tense)
    return None if year is None else _year(year)


def _resolve_month_day(g: Groups, anchor: date, tense: str) -> Resolved | None:
    day = _recent(anchor, MONTHS[g["month"]], int(g["day"]), tense == "future")
    return _day(day) if day else None


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


def _resolve_month_name(g: Groups, anchor: date, tense: str) -> Resolved | None:
    return _resolve_month(anchor, MONTHS[g["month"]], g["rel"], tense == "future")


def _resolve_month(anchor: date, month: int, rel: str | None, future: bool) -> Resolved | None:
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


def _resolve_weekday_name(g: Groups, anchor: date, tense: str) -> Resolved | None:
    weekday = WEEKDAYS[g["weekday"]]
    return _day(_resolve_weekday(anchor, weekday, g["rel"], tense == "future"))


def _resolve_weekday(anchor: date, weekday: int, rel: str | None, future: bool) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if rel == "next":
        return anchor + timedelta(days=ahead or 7)
    if future:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _resolve_deictic(g: Groups, anchor: date, tense: str) -> Resolved | None:
    shift = {"yesterday": -1, "tomorrow": 1}.get(g["word"], 0)
    return _day(anchor + timedelta(days=shift))


def _resolve_relative(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "last week", "this year", "next quarter", "this decade", "last century"."""
    return _SHIFTS[g["unit"]](anchor, _STEPS[g["rel"]])


def _resolve_ago(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "three weeks ago" (a week), "a decade ago" (a decade), "a century ago" (a century)."""
    unit = "century" if g["unit"].startswith("centur") else g["unit"].rstrip("s")
    return _SHIFTS[unit](anchor, -_number(g["count"]))


def _resolve_weekend(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "the weekend": the last one begun by the anchor (past), the next (future), else its own."""
    if tense == "future":
        return _week(anchor + timedelta(days=(5 - anchor.weekday()) % 7))
    if tense == "present":
        return _week(anchor)
    return _week(anchor - timedelta(days=(anchor.weekday() - 5) % 7))


def _resolve_coming_weekend(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "this coming weekend": the next one, whatever the tense ("next weekend" is a week on)."""
    return _resolve_weekend(g, anchor, "future")


def _season_part(name: str) -> int:
    return ("SP", "SU", "FA", "WI").index(SEASONS[name])


def _resolve_season_of_year(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "summer 2012", "the winter of 2023-24" (2023-WI), "summer of '69"."""
    year = _year_number(g["year"], anchor, tense)
    return None if year is None else _season(year * 4 + _season_part(g["season"]))


def _resolve_season(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "last summer", "this spring", "next fall", "the winter" (see `normalize`)."""
    part, current, rel = _season_part(g["season"]), _season_index(anchor), g["rel"]
    if rel is not None and _STEPS[rel] < 0:
        return _season(_previous(current, part, 4))
    if rel is not None and _STEPS[rel] > 0:
        return _season(_following(current, part, 4))
    if rel == "this" and g["season"] != "winter":
        return _season(anchor.year * 4 + part)
    return _season(_nearest(current, part, 4, tense))


def _resolve_decade(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "the 1990s" -> 199; "the 1900s" and earlier round hundreds are centuries (19)."""
    start = int(g["decade"]) * 10
    if start % 100 == 0 and start < 2000:
        return _century(start)
    return _decade(start)


def _resolve_short_decade(g: Groups, anchor: date, tense: str) -> Resolved | None:
    """ "the '90s", "the nineties": the century as for a two-digit year."""
    return _decade(two_digit_year(int(g["digit"]) * 10, anchor, tense))


def _resolve_century(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "the 20th century", "the twentieth century", "19th-century" -> 19, 18."""
    return _century((_ordinal(g["ordinal"]) - 1) * 100 + 1)


_QUARTERS = {"first": 1, "1st": 1, "1": 1, "second": 2, "2nd": 2, "2": 2, "third": 3, "3rd": 3,
             "3": 3, "fourth": 4, "4th": 4, "4": 4, "final": 4, "last": 4}
_HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2, "final": 2}


def _resolve_quarter(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "the first quarter of 2024", "Q3 2023", "the fourth quarter"."""
    return _resolve_part_of_year(_QUARTERS[g["n"]], 4, g["rest"], anchor, tense)


def _resolve_half(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "the second half of the year", "the first half of 2023"."""
    return _resolve_part_of_year(_HALVES[g["n"]], 2, g["rest"], anchor, tense)


def _resolve_part_of_year(n: int, per_year: int, rest: str | None, anchor: date | None,
                          tense: str) -> Resolved | None:
    if rest is not None:
        year = _year_of(rest, anchor, tense)
        return None if year is None else _part_of_year(year * per_year + n - 1, per_year)
    if anchor is None:
        return None
    current = _cycle_index(anchor, per_year)
    return _part_of_year(_nearest(current, n - 1, per_year, tense), per_year)


def _year_of(rest: str, anchor: date | None, tense: str) -> int | None:
    """The year in "... of 2024", "... of last year", "... of the year" (the anchor's)."""
    resolved = _resolve_the_unit(rest, anchor, tense)
    return int(resolved.value) if resolved and resolved.granularity == "year" else None


_THE_UNITS = ("week", "month", "year", "decade", "century")


def _resolve_the_unit(rest: str, anchor: date | None, tense: str) -> Resolved | None:
    """ "the year", "the month" (the anchor's), or any other expression."""
    unit = _clean(rest)
    if unit in _THE_UNITS:
        return None if anchor is None else _SHIFTS[unit](anchor, 0)
    return normalize(unit, anchor, tense)


def _resolve_part_of(g: Groups, anchor: date | None, tense: str) -> Resolved | None:
    """ "the end of March", "the start of 2023", "the middle of next month": what they name."""
    return _resolve_the_unit(g["rest"], anchor, tense)


# ---------------------------------------------------------------------------------------------
# The rules: (pattern, resolver) on the cleaned, lower-cased expression; the first match decides.

_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_NAME = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = "|".join(sorted((w for w in NUMBER_WORDS if w not in _TENS.split("|")), key=len,
                         reverse=True))
_COUNT = rf"(?P<count>\d+|(?:{_TENS})(?:[-\s](?:{_UNITS}))?|{_SMALL})"
_ORDINAL = (r"(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|(?:twenty[-\s])?(?:"
            + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + "))")
_REL = r"(?P<rel>this past|this coming|last|this|next|past|coming)"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"

_RULES: list[tuple[re.Pattern[str], Resolver]] = [(re.compile(p), r) for p, r in [
    (r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$", _resolve_iso),
    (rf"^{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})$", _resolve_full_date),
    (rf"^(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_NAME},?\s+(?P<year>\d{{4}})$",
     _resolve_full_date),
    (rf"^{_MONTH_NAME}\s+(?P<day>\d{{1,2}}){_ORD}{_DAYPART}$", _anchored(_resolve_month_day)),
    (rf"^(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_NAME}$", _anchored(_resolve_month_day)),
    (rf"^{_MONTH_NAME},?\s+(?:of\s+)?{_YEAR}$", _resolve_month_year),
    (rf"^(?:(?P<rel>last|this|next)\s+)?{_MONTH_NAME}$", _anchored(_resolve_month_name)),
    (r"^(?:class of\s+)?(?P<year>(?:19|20)\d{2}|'\d{2})$", _resolve_year),
    (rf"^(?:(?P<rel>last|this|next|past)\s+)?{_WEEKDAY_NAME}{_DAYPART}$",
     _anchored(_resolve_weekday_name)),
    (r"^(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))$",
     _anchored(_resolve_deictic)),
    (r"^this coming weekend$", _anchored(_resolve_coming_weekend)),
    (rf"^{_REL}\s+(?P<unit>week|weekend|month|quarter|year)$", _anchored(_resolve_relative)),
    (r"^(?P<rel>this)\s+(?P<unit>decade)$", _anchored(_resolve_relative)),
    (r"^(?P<rel>last|this|next)\s+(?P<unit>century)$", _anchored(_resolve_relative)),
    (r"^weekend$", _anchored(_resolve_weekend)),
    (rf"^{_COUNT}\s+(?P<unit>(?:day|week|month|year|decade)s?|century|centuries)\s+ago$",
     _anchored(_resolve_ago)),
    (rf"^{_SEASON}\s+(?:of\s+)?{_YEAR}(?:\s*[-/\u2013]\s*(?:\d{{4}}|\d{{2}}))?$",
     _resolve_season_of_year),
    (rf"^(?:{_REL}\s+)?{_SEASON}$", _anchored(_resolve_season)),
    (r"^(?P<decade>\d{3})0s$", _resolve_decade),
    (r"^'(?P<digit>\d)0s$", _anchored(_resolve_short_decade)),
    (rf"^{_ORDINAL}[\s-]century$", _resolve_century),
    (r"^(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
     r"(?:\s+of\s+(?P<rest>.+))?$", _resolve_quarter),
    (r"^q(?P<n>[1-4])(?:\s+(?:of\s+)?(?P<rest>.+))?$", _resolve_quarter),
    (r"^(?P<n>first|second|latter|last|final|1st|2nd)\s+half(?:\s+of\s+(?P<rest>.+))?$",
     _resolve_half),
    (r"^(?:end|start|beginning|middle|close|rest|remainder)\s+of\s+(?P<rest>.+)$",
     _resolve_part_of),
]]


def normalize(expr: str, anchor: date | None, tense: str = "past") -> Resolved | None:
    """Resolve a date expression against the article date ``anchor``.

    Returns None for expressions that are not points in time: durations ("seven weeks", "for
    three years", "the past decade", "the last/next decade"), vague spans ("a few years ago",
    "years ago"), ordinals ("its fifth month"), ages ("aged 19", "in their 90s"), counts and
    amounts ("2,000", "$2020"); and for relative expressions when there is no anchor.

    ``tense`` (past, present or future) picks the direction: only the future tense looks
    ahead ("October 7", "on Tuesday", "the fourth quarter", "summer" are the latest on or
    before the anchor otherwise). Choices beyond that:

    - Seasons are meteorological (spring March-May, summer June-August, fall September-
      November, winter December-February) and, as in TIMEX3, a winter takes the year it starts
      in: "winter 2023" and "the winter of 2023-24" are 2023-WI (December 2023 to February
      2024), and "last winter" in March 2024 is 2023-WI too. "last <season>" is the latest one
      that has ended, "next <season>" the first not begun; "this spring/summer/fall" is the one
      of the anchor's year; "this winter" and a bare season are the one in progress, else the
      latest ended (the next one in the future tense).
    - Two-digit years ("'58", "the class of '04", "the '90s", "the nineties") take the latest
      century that does not put them after the anchor year (the nearest in the future tense):
      see `two_digit_year`. "the twenties" in 2024 is the 2020s. They need an anchor.
    - Decades: "the 1990s" (also "1990s", "the 1990's") is 199, "the early 2000s" 200; "90s",
      "nineties" without "the" or an apostrophe are not decades (ages). "the 1900s", "the
      1800s" are centuries (19, 18), "the 2000s" the decade. "this decade" is a decade; "the
      past/last/next decade" are spans of ten years: None. "last century" is the previous
      century (19 in 2024); "the past century" is a span: None.
    - "N units ago" gives the unit's granularity ("two decades ago" in 2024 is the decade 200,
      "a century ago" the century 19); counts are digits or words up to ninety-nine.
    - "the end/start/beginning/middle of X" and "early/mid/late X" are X ("the end of the
      year" is the anchor's year); "the first quarter of 2024" is 2024-Q1, "the second half
      of the year" the anchor's year's H2; without a year, the nearest quarter or half as
      above. "last/next quarter" step from the anchor's quarter.
    - "the weekend" is the week (ISO) of the last weekend begun by the anchor in the past
      tense, of the next one in the future tense, and of the anchor's own week in the present.
    - Year phrases ("in 2019", "by 2030", "the 2020 election") go through `bare_year`.
    """
    text = _clean(expr)
    if not text:
        return None
    for pattern, resolve in _RULES:
        found = pattern.match(text)
        if found:
            return _attempt(resolve, found.groupdict(), anchor, tense)
    year = bare_year(expr)
    return None if year is None else _year(year)


def _attempt(resolve: Resolver, groups: Groups, anchor: date | None,
             tense: str) -> Resolved | None:
    try:
        return resolve(groups, anchor, tense)
    except OverflowError:  # a day moved beyond year 1-9999 ("999999 days ago")
        return None


def in_range(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or a prefix such as 2024-03) falls inside [since, until]."""
    if since is None and until is None:
        return True
    if value is None:
        return False
    if since is not None and value[: len(since)] < since[: len(value)]:
        return False
    return until is None or value[: len(until)] <= until[: len(value)]


_YEAR_RANGE = re.compile(
    r"(?:^|\b(?:between|from)\s+)(?P<first>(?:19|20)\d{2})\s*(?:and|to|through|until|-|\u2013)"
    r"\s*(?P<last>(?:19|20)\d{2})(?!\d)", re.I)


def year_range_ends(expr: str) -> list[Resolved]:
    """The two years of a span such as "between 2008 and 2021" or "2014-2016" (in order),
    which `normalize` leaves out because a span is not one point in time."""
    found = _YEAR_RANGE.search(expr)
    if not found or found["first"] >= found["last"]:
        return []
    return [Resolved(found["first"], "year"), Resolved(found["last"], "year")]
