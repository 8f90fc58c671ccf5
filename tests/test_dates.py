"""Date handling without a model: header dates and the normaliser of dates in the text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rafah.dates import InvalidDate, Resolved, in_range, normalize, parse_header_date

WED = date(2024, 3, 13)  # a Wednesday
JAN_2 = date(2024, 1, 2)  # a Tuesday, early in the year
LEAP = date(2024, 3, 1)  # a Friday, the day after 29 February

# (expression, anchor, tense, expected value, granularity); None = not a point in time.
CASES = [
    ("October 7", WED, "past", "2023-10-07", "day"),
    ("February 15", WED, "past", "2024-02-15", "day"),
    ("March 13", WED, "past", "2024-03-13", "day"),
    ("March 14", WED, "past", "2023-03-14", "day"),
    ("March 14", WED, "future", "2024-03-14", "day"),
    ("October 7", WED, "future", "2024-10-07", "day"),
    ("Oct. 7", WED, "past", "2023-10-07", "day"),
    ("7 October", WED, "past", "2023-10-07", "day"),
    ("October 7th", WED, "past", "2023-10-07", "day"),
    ("December 31", JAN_2, "past", "2023-12-31", "day"),
    ("January 5", JAN_2, "future", "2024-01-05", "day"),
    ("February 29", LEAP, "past", "2024-02-29", "day"),
    ("October 7, 2023", None, "past", "2023-10-07", "day"),
    ("7 October 2023", WED, "past", "2023-10-07", "day"),
    ("2024-02-30", WED, "past", None, None),
    ("2023-10-07", WED, "past", "2023-10-07", "day"),
    ("March 2024", WED, "past", "2024-03", "month"),
    ("in March of 2022", WED, "past", "2022-03", "month"),
    ("in 2022", WED, "past", "2022", "year"),
    ("2022", None, "past", "2022", "year"),
    ("November", WED, "past", "2023-11", "month"),
    ("November", WED, "future", "2024-11", "month"),
    ("last November", WED, "past", "2023-11", "month"),
    ("this March", WED, "past", "2024-03", "month"),
    ("on Tuesday", WED, "past", "2024-03-12", "day"),
    ("Wednesday", WED, "past", "2024-03-13", "day"),
    ("Monday", WED, "past", "2024-03-11", "day"),
    ("Thursday", WED, "past", "2024-03-07", "day"),
    ("on Thursday", WED, "future", "2024-03-14", "day"),
    ("Sunday", WED, "future", "2024-03-17", "day"),
    ("last Wednesday", WED, "past", "2024-03-06", "day"),
    ("next Monday", WED, "past", "2024-03-18", "day"),
    ("Monday evening's", WED, "past", "2024-03-11", "day"),
    ("Tuesday night", JAN_2, "past", "2024-01-02", "day"),
    ("Sunday", JAN_2, "past", "2023-12-31", "day"),
    ("Thursday", LEAP, "past", "2024-02-29", "day"),
    ("yesterday", JAN_2, "past", "2024-01-01", "day"),
    ("yesterday", date(2024, 1, 1), "past", "2023-12-31", "day"),
    ("tomorrow", date(2023, 12, 31), "future", "2024-01-01", "day"),
    ("today", WED, "present", "2024-03-13", "day"),
    ("this morning", WED, "past", "2024-03-13", "day"),
    ("last week", WED, "past", "2024-W10", "week"),
    ("next week", WED, "future", "2024-W12", "week"),
    ("last week", JAN_2, "past", "2023-W52", "week"),
    ("last month", WED, "past", "2024-02", "month"),
    ("last month", JAN_2, "past", "2023-12", "month"),
    ("next month", date(2024, 12, 5), "future", "2025-01", "month"),
    ("earlier this month", WED, "past", "2024-03", "month"),
    ("last year", WED, "past", "2023", "year"),
    ("this year", WED, "past", "2024", "year"),
    ("two days ago", LEAP, "past", "2024-02-28", "day"),
    ("three weeks ago", WED, "past", "2024-W08", "week"),
    ("five months ago", WED, "past", "2023-10", "month"),
    ("a year ago", WED, "past", "2023", "year"),
    ("seven weeks", WED, "past", None, None),
    ("its fifth month", WED, "past", None, None),
    ("the past 24 hours", WED, "past", None, None),
    ("five-year-old", WED, "past", None, None),
    ("the 1990s", WED, "past", None, None),
    ("decades", WED, "past", None, None),
    ("on Tuesday", None, "past", None, None),
    ("October 7", None, "past", None, None),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "value", "granularity"), CASES)
def test_normalize(expression: str, anchor: date | None, tense: str, value: str | None,
                   granularity: str | None) -> None:
    expected = Resolved(value, granularity) if value else None
    assert normalize(expression, anchor, tense) == expected


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-13", "2024-03-13"),
    ("2024-07-16 23:37:17", "2024-07-16"),
    ("`2024-07-16 23:37:17`", "2024-07-16"),
    ("2024-07-16T23:37:17+02:00", "2024-07-16"),
    ("March 13, 2024", "2024-03-13"),
    ("13 March 2024", "2024-03-13"),
    ("Wed, 13 Mar 2024 10:00:00 GMT", "2024-03-13"),
    ("03/04/2024", "2024-03-04"),
])
def test_header_dates(text: str, expected: str) -> None:
    assert parse_header_date(text) == expected


@pytest.mark.parametrize("text", ["2024-13-45", "", "yesterday", "March 2024", "2024-02-30",
                                  "not a date 12"])
def test_invalid_header_dates(text: str) -> None:
    with pytest.raises(InvalidDate):
        parse_header_date(text)


def test_dayfirst() -> None:
    assert parse_header_date("03/04/2024", dayfirst=True) == "2024-04-03"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%b %d %Y", "%Y-%m-%d 12:30:00",
                        "%A, %B %d, %Y"]))
def test_formatting_then_parsing_returns_the_date(day: date, pattern: str) -> None:
    assert parse_header_date(day.strftime(pattern)) == day.isoformat()


@given(st.text(max_size=40))
def test_header_parser_raises_only_invalid_date(text: str) -> None:
    try:
        value = parse_header_date(text)
    except InvalidDate:
        return
    assert date.fromisoformat(value)


@given(st.text(max_size=40), st.dates(), st.sampled_from(["past", "present", "future"]))
def test_normalizer_never_raises(text: str, anchor: date, tense: str) -> None:
    result = normalize(text, anchor, tense)
    assert result is None or result.granularity in ("day", "week", "month", "year")


def test_in_range_with_partial_dates() -> None:
    assert in_range("2024-03-13", "2024-03", None)
    assert in_range("2024-03-13", None, "2024-03-13")
    assert not in_range("2024-03-14", None, "2024-03-13")
    assert not in_range(None, "2024", None)
    assert in_range(None, None, None)
