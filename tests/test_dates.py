"""Date handling without a model: header dates and the normaliser of dates in the text."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rafah.dates import (
    InvalidDate,
    Resolved,
    bare_year,
    in_range,
    normalize,
    parse_header_date,
    two_digit_year,
)

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
    ("the 1990s", WED, "past", "199", "decade"),  # was None before decades were handled
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


SUMMER = date(2024, 7, 1)  # a Monday, in summer
FALL = date(2024, 9, 20)  # a Friday, in fall
SUNDAY = date(2024, 3, 17)

# Seasons, decades, centuries, two-digit years, parts of a month or year, year phrases,
# quarters, halves, the weekend, and what is no point in time.
NEW_CASES = [
    # seasons: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb named by the year it starts
    ("last summer", WED, "past", "2023-SU", "season"),
    ("last summer", FALL, "past", "2024-SU", "season"),
    ("this summer", SUMMER, "past", "2024-SU", "season"),
    ("this spring", WED, "past", "2024-SP", "season"),
    ("the summer of 2012", WED, "past", "2012-SU", "season"),
    ("the summer of 2012", None, "past", "2012-SU", "season"),
    ("winter 2023", WED, "past", "2023-WI", "season"),
    ("the winter of 2023-24", None, "past", "2023-WI", "season"),
    ("next fall", WED, "future", "2024-FA", "season"),
    ("next autumn", WED, "past", "2024-FA", "season"),
    ("last winter", WED, "past", "2023-WI", "season"),
    ("last winter", JAN_2, "past", "2022-WI", "season"),
    ("this winter", JAN_2, "past", "2023-WI", "season"),
    ("this winter", WED, "past", "2023-WI", "season"),
    ("this winter", WED, "future", "2024-WI", "season"),
    ("summer", WED, "past", "2023-SU", "season"),
    ("the summer", WED, "future", "2024-SU", "season"),
    ("summer of '69", WED, "past", "1969-SU", "season"),
    ("last summer", None, "past", None, None),
    ("the fall of Rafah", WED, "past", None, None),
    # "N units ago": hedges, number words, decades, centuries; vague counts are no points
    ("more than a year ago", WED, "past", "2023", "year"),
    ("nearly three years ago", WED, "past", "2021", "year"),
    ("some 40 years ago", WED, "past", "1984", "year"),
    ("twenty-one years ago", WED, "past", "2003", "year"),
    ("eighteen months ago", WED, "past", "2022-09", "month"),
    ("about twenty days ago", WED, "past", "2024-02-22", "day"),
    ("two decades ago", WED, "past", "200", "decade"),
    ("a decade ago", WED, "past", "201", "decade"),
    ("a century ago", WED, "past", "19", "century"),
    ("a few years ago", WED, "past", None, None),
    ("several months ago", WED, "past", None, None),
    ("years ago", WED, "past", None, None),
    ("999999999999 days ago", WED, "past", None, None),
    # decades
    ("the '90s", WED, "past", "199", "decade"),
    ("the 90s", WED, "past", "199", "decade"),
    ("the nineties", WED, "past", "199", "decade"),
    ("the 1990's", WED, "past", "199", "decade"),
    ("1990's", WED, "past", "1990", "year"),  # without "the": a possessive year
    ("the early 2000s", WED, "past", "200", "decade"),
    ("the late 1980s", None, "past", "198", "decade"),
    ("in the mid-'70s", WED, "past", "197", "decade"),
    ("the noughties", WED, "past", "200", "decade"),
    ("the twenties", WED, "past", "202", "decade"),
    ("this decade", WED, "past", "202", "decade"),
    ("the past decade", WED, "past", None, None),
    ("the last decade", WED, "past", None, None),
    ("in their 90s", WED, "past", None, None),
    ("nineties", WED, "past", None, None),
    ("the '90s", None, "past", None, None),
    # centuries
    ("the 20th century", WED, "past", "19", "century"),
    ("the twentieth century", WED, "past", "19", "century"),
    ("the 19th-century", WED, "past", "18", "century"),
    ("the twenty-first century", None, "past", "20", "century"),
    ("the early 1900s", WED, "past", "19", "century"),
    ("the 1800s", WED, "past", "18", "century"),
    ("last century", WED, "past", "19", "century"),
    ("the past century", WED, "past", None, None),
    # two-digit years: not after the anchor year; the nearest in the future tense
    ("'58", WED, "past", "1958", "year"),
    ("in '58", WED, "past", "1958", "year"),
    ("the class of '04", WED, "past", "2004", "year"),
    ("the class of 2004", None, "past", "2004", "year"),
    ("'24", WED, "past", "2024", "year"),
    ("'25", WED, "past", "1925", "year"),
    ("'25", WED, "future", "2025", "year"),
    ("by '30", WED, "future", "2030", "year"),
    ("March '22", WED, "past", "2022-03", "month"),
    ("'58", None, "past", None, None),
    # the end/start/middle of, early/mid/late
    ("the end of the year", WED, "past", "2024", "year"),
    ("the end of March", WED, "past", "2024-03", "month"),
    ("the start of 2023", WED, "past", "2023", "year"),
    ("the middle of next month", WED, "future", "2024-04", "month"),
    ("at the beginning of the month", WED, "past", "2024-03", "month"),
    ("by the end of the decade", WED, "future", "202", "decade"),
    ("mid-2022", WED, "past", "2022", "year"),
    ("early 2024", WED, "past", "2024", "year"),
    ("late March", WED, "past", "2024-03", "month"),
    ("early next year", WED, "future", "2025", "year"),
    ("mid-July", WED, "past", "2023-07", "month"),
    ("late last year", WED, "past", "2023", "year"),
    ("the end of the year", None, "past", None, None),
    ("the end of the war", WED, "past", None, None),
    # years in running text, and numbers that are not years
    ("in 2019", WED, "past", "2019", "year"),
    ("since 2014", WED, "past", "2014", "year"),
    ("by 2030", WED, "future", "2030", "year"),
    ("the 2020 election", WED, "past", "2020", "year"),
    ("the 2020 election", None, "past", "2020", "year"),
    ("Biden's 2020 campaign", WED, "past", "2020", "year"),
    ("a 2020-year-old", WED, "past", None, None),
    ("aged 19", WED, "past", None, None),
    ("2,000", WED, "past", None, None),
    ("$2020", WED, "past", None, None),
    ("20:20", WED, "past", None, None),
    ("2020 rockets", WED, "past", None, None),
    ("the 2019-20 season", WED, "past", None, None),
    # quarters and halves
    ("the first quarter of 2024", None, "past", "2024-Q1", "quarter"),
    ("Q3 2023", None, "past", "2023-Q3", "quarter"),
    ("the fourth quarter", WED, "past", "2023-Q4", "quarter"),
    ("the second quarter", WED, "future", "2024-Q2", "quarter"),
    ("last quarter", WED, "past", "2023-Q4", "quarter"),
    ("the last quarter of 2023", WED, "past", "2023-Q4", "quarter"),
    ("the second half of the year", WED, "past", "2024-H2", "half"),
    ("the first half of last year", WED, "past", "2023-H1", "half"),
    ("the second half of the year", None, "past", None, None),
    # the weekend (ISO week of its Saturday)
    ("the weekend", WED, "past", "2024-W10", "week"),
    ("over the weekend", WED, "future", "2024-W11", "week"),
    ("the weekend", SUNDAY, "past", "2024-W11", "week"),
    ("this past weekend", WED, "past", "2024-W10", "week"),
    ("this coming weekend", WED, "past", "2024-W11", "week"),
    # durations
    ("for three years", WED, "past", None, None),
    ("the past three years", WED, "past", None, None),
    ("three decades", WED, "past", None, None),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "value", "granularity"), NEW_CASES)
def test_normalize_new_classes(expression: str, anchor: date | None, tense: str,
                               value: str | None, granularity: str | None) -> None:
    expected = Resolved(value, granularity) if value else None
    assert normalize(expression, anchor, tense) == expected


def test_new_table_is_large_enough() -> None:
    assert len(NEW_CASES) >= 40
    assert not {c[0] for c in NEW_CASES} & {c[0] for c in CASES} - {"the 1990s"}


@pytest.mark.parametrize(("text", "expected"), [
    ("2019", 2019), ("in 2019", 2019), ("since 2014", 2014), ("by 2030", 2030),
    ("mid-2022", 2022), ("the 2020 election", 2020), ("a 2020 report", 2020),
    ("Israel\u2019s 2023 war", 2023), ("the country's 2014 war", 2014),
    ("a 2020-year-old", None), ("aged 19", None), ("2,000", None), ("2020.5", None),
    ("$2020", None), ("2020%", None), ("20:20", None), ("2019-20", None), ("12019", None),
    ("1848", None), ("2020 rockets", None), ("the 2020 hours", None), ("", None),
])
def test_bare_year(text: str, expected: int | None) -> None:
    assert bare_year(text) == expected


@pytest.mark.parametrize(("digits", "tense", "expected"), [
    (58, "past", 1958), (24, "past", 2024), (25, "past", 1925), (25, "present", 1925),
    (25, "future", 2025), (73, "future", 2073), (74, "future", 1974), (0, "past", 2000),
])
def test_two_digit_year(digits: int, tense: str, expected: int) -> None:
    assert two_digit_year(digits, date(2024, 6, 1), tense) == expected


VALUE_FORMS = {
    "day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])",
    "month": r"\d{4}-(0[1-9]|1[0-2])", "quarter": r"\d{4}-Q[1-4]", "half": r"\d{4}-H[12]",
    "season": r"\d{4}-(SP|SU|FA|WI)", "year": r"\d{4}", "decade": r"\d{3}",
    "century": r"\d{2}",
}
PIECES = [
    "the", "in", "early", "late", "mid-", "end of", "start of", "middle of", "last", "this",
    "next", "past", "coming", "this past", "more than", "nearly", "a", "a few", "two",
    "twenty-one", "ninety nine", "40", "999999999", "day", "days", "week", "weeks", "weekend",
    "month", "months", "quarter", "half", "year", "years", "decade", "decades", "century",
    "centuries", "ago", "of", "first", "second", "fourth", "Q2", "spring", "summer", "fall",
    "autumn", "winter", "1990s", "'90s", "90s", "the nineties", "1900s", "20th", "twentieth",
    "19th-century", "'58", "'00", "2019", "2019-20", "1999", "9999", "0001", "class of",
    "March", "Feb", "October 7", "7", "Tuesday", "today", "yesterday", "tomorrow", "2,000",
    "$2020", "20:20", "election", "aged", "year-old", "'s", "2024-02-29", "-", "/",
]
LEADS = ["", "the", "in", "nearly", "more than", "early", "late", "mid-", "the end of",
         "the first quarter of", "the second half of", "by the middle of"]
RELS = ["", "last", "this", "next", "past", "coming", "this past", "this coming"]
COUNTS = ["a", "an", "two", "twelve", "twenty", "twenty-one", "ninety nine", "0", "40",
          "100000", "999999999999"]
UNITS = ["day", "days", "week", "weeks", "weekend", "month", "months", "quarter", "year",
         "years", "decade", "decades", "century", "centuries", "spring", "summer", "fall",
         "winter", "March", "Tuesday"]
YEARS = ["", "2019", "of 2012", "'58", "of '04", "2023-24", "0001", "9999", "of the year",
         "of last year"]


def phrase(*parts: str) -> str:
    return " ".join(p for p in parts if p)


EXPRESSIONS = st.one_of(
    st.builds(phrase, st.sampled_from(LEADS), st.sampled_from(RELS), st.sampled_from(UNITS),
              st.sampled_from(YEARS)),
    st.builds(phrase, st.sampled_from(LEADS), st.sampled_from(COUNTS), st.sampled_from(UNITS),
              st.just("ago")),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map(" ".join),
    st.text(max_size=30),
)


@settings(max_examples=400)
@given(EXPRESSIONS, st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["past", "present", "future"]))
def test_values_match_their_granularity(text: str, anchor: date, tense: str) -> None:
    result = normalize(text, anchor, tense)
    if result is None:
        return
    assert re.fullmatch(VALUE_FORMS[result.granularity], result.value), result
    if result.granularity == "day":
        date.fromisoformat(result.value)


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
    assert result is None or result.granularity in VALUE_FORMS


def test_in_range_with_partial_dates() -> None:
    assert in_range("2024-03-13", "2024-03", None)
    assert in_range("2024-03-13", None, "2024-03-13")
    assert not in_range("2024-03-14", None, "2024-03-13")
    assert not in_range(None, "2024", None)
    assert in_range(None, None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Between 2008 and 2021 four", ["2008", "2021"]),
    ("from 2014 to 2016", ["2014", "2016"]),
    ("2014-2016", ["2014", "2016"]),
    ("2019\u20132020", ["2019", "2020"]),
    ("2021 and 2008", []),
    ("between 20 and 30", []),
    ("2014-20165", []),
])
def test_year_spans_give_both_ends(text: str, expected: list[str]) -> None:
    from rafah.dates import year_range_ends

    assert [r.value for r in year_range_ends(text)] == expected
    assert all(r.granularity == "year" for r in year_range_ends(text))
