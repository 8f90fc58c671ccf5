"""The coverage audit on a small hand-made corpus of two outlets: exactly the expected table."""

from __future__ import annotations

from pathlib import Path

import pytest

from rafah.records import Analysis, Article, CasualtyFigure, HarmMention
from rafah.reports.casualties import article_outlet, figure_rows, mention_rows
from rafah.reports.coverage import (
    COVERAGE_COLUMNS,
    coverage_rows,
    loaded_words,
    period_bounds,
    period_of,
)
from rafah.reports.reference import read_reference


def _article(id_: str, day: str, url: str | None = None) -> Article:
    return Article(id=id_, path=f"/corpus/{id_}", date=day, date_source="header", title=None,
                   paragraphs=[], url=url, text_hash=id_)


def _mention(kind: str, side: str | None, sentence: str, sent: int, *, voice: str = "passive",
             agent: str | None = None, value: int | None = None) -> HarmMention:
    return HarmMention(kind=kind, value=value, side=side, area="Gaza" if side == "Palestinian"
                       else None, verb="kill", voice=voice, agent=agent, victims=None,
                       sentence=sentence, start=sent * 100, end=sent * 100 + 6, sent=sent)


def _figure(value: int, sent: int) -> CasualtyFigure:
    return CasualtyFigure(kind="killed", value=value, low=value, high=value, qualifier=None,
                          vague=False, group="Palestinians", source=None, cumulative=True,
                          sentence="...", start=sent * 100, end=sent * 100 + 6, sent=sent)


S1 = "Israeli strikes killed 20 Palestinians in a massacre, medics said."
S2 = "Two Israeli soldiers were killed."
S3 = "Palestinians were killed and others were slaughtered in the massacre."
S4 = "A man was killed in a car crash."

ARTICLES = [
    _article("a1.md", "2024-07-16", "https://www.aljazeera.com/news/a1"),
    _article("a2.md", "2024-07-16", "https://www.aljazeera.com/news/a2"),
    _article("nyt/b1.md", "2024-07-16"),
    _article("nyt/b2.md", "2024-07-17"),
    _article("nyt/undated.md", None),  # type: ignore[arg-type]
]
ANALYSES = {
    "a1.md": Analysis(harm=[
        _mention("killed", "Palestinian", S1, 0, voice="active", agent="Israeli strikes",
                 value=20),
        _mention("killed", "Israeli", S2, 1, value=2)],
        casualties=[_figure(20, 0)]),
    "a2.md": Analysis(harm=[
        _mention("killed", "Palestinian", S3, 0), _mention("killed", "Palestinian", S3, 0)]),
    "nyt/b1.md": Analysis(harm=[
        _mention("killed", "Israeli", S2, 0, value=2),
        _mention("injured", "Palestinian", "Ten Palestinians were injured.", 1, value=10)]),
    "nyt/b2.md": Analysis(harm=[_mention("killed", None, S4, 0, value=1)]),
    "nyt/undated.md": Analysis(harm=[_mention("killed", "Palestinian", S3, 0)]),
}


@pytest.fixture()
def reference_file(tmp_path: Path) -> Path:
    path = tmp_path / "moh.csv"
    path.write_text("date,killed\n2024-07-15,38664\n2024-07-16,38713\n2024-07-17,38794\n",
                    encoding="utf-8")
    return path


def test_outlet_from_metadata_url_or_folder() -> None:
    assert [article_outlet(a) for a in ARTICLES] == ["aljazeera.com", "aljazeera.com", "nyt",
                                                     "nyt", "nyt"]
    top = Article(id="x.md", path="/data/cnn-week/x.md", date=None, date_source=None,
                  title=None, paragraphs=[])
    assert article_outlet(top) == "cnn-week"
    named = _article("y.md", "2024-07-16", "https://www.cnn.com/y")
    named.outlet = "The Guardian"  # type: ignore[attr-defined]
    assert article_outlet(named) == "The Guardian"


def test_coverage_table_exactly(reference_file: Path) -> None:
    reference = read_reference(reference_file, side="Palestinian", area="Gaza")
    rows = coverage_rows(ARTICLES, ANALYSES, by="day", reference=reference)
    assert [list(r) for r in rows] == [COVERAGE_COLUMNS] * len(rows)
    assert rows == [
        {"period": "2024-07-16", "outlet": "aljazeera.com", "side": "Palestinian",
         "articles": 2, "mentions": 3, "figures": 1, "passive": 0.667,
         "loaded": {"massacre": 2, "slaughter": 1}, "deaths": 49, "deaths_per_mention": 16.3},
        {"period": "2024-07-16", "outlet": "aljazeera.com", "side": "Israeli", "articles": 1,
         "mentions": 1, "figures": 0, "passive": 1.0, "loaded": {}, "deaths": None,
         "deaths_per_mention": None},
        {"period": "2024-07-16", "outlet": "nyt", "side": "Israeli", "articles": 1,
         "mentions": 1, "figures": 0, "passive": 1.0, "loaded": {}, "deaths": None,
         "deaths_per_mention": None},
        {"period": "2024-07-16", "outlet": "nyt", "side": "Palestinian", "articles": 1,
         "mentions": 1, "figures": 0, "passive": 1.0, "loaded": {}, "deaths": 49,
         "deaths_per_mention": None},
        {"period": "2024-07-17", "outlet": "nyt", "side": None, "articles": 1, "mentions": 1,
         "figures": 0, "passive": 1.0, "loaded": {}, "deaths": None,
         "deaths_per_mention": None},
    ]


def test_coverage_by_week_without_reference() -> None:
    rows = coverage_rows(ARTICLES, ANALYSES, by="week")
    assert [(r["period"], r["outlet"], r["side"], r["mentions"]) for r in rows] == [
        ("2024-W29", "aljazeera.com", "Palestinian", 3), ("2024-W29", "aljazeera.com",
                                                          "Israeli", 1),
        ("2024-W29", "nyt", "Israeli", 1), ("2024-W29", "nyt", "Palestinian", 1),
        ("2024-W29", "nyt", None, 1)]
    assert all(r["deaths"] is None for r in rows)


def test_periods() -> None:
    assert period_of("2024-07-16", "month") == "2024-07"
    assert period_of("2024-12-30", "week") == "2025-W01"
    assert period_bounds("2024-W29") == period_bounds("2024-W29")
    first, last = period_bounds("2024-02")
    assert (first.isoformat(), last.isoformat()) == ("2024-02-01", "2024-02-29")
    with pytest.raises(ValueError, match="period must be one of"):
        period_of("2024-07-16", "year")


def test_loaded_words() -> None:
    assert loaded_words("They massacred and slaughtered; a Massacre.") == {
        "massacre": 2, "slaughter": 1}


def test_figure_rows_take_side_and_ids() -> None:
    rows = figure_rows(ARTICLES, ANALYSES)
    assert [(r["id"], r["side"], r["area"], r["series"], r["part_of"], r["duplicate_of"])
            for r in rows] == [("a1.md:0", "Palestinian", "Gaza",
                                "killed/Palestinian/Gaza/total", None, None)]


def test_mention_rows() -> None:
    rows = mention_rows(ARTICLES[:1], ANALYSES, kinds=["killed"])
    assert [(r["id"], r["outlet"], r["value"], r["side"], r["voice"], r["agent"])
            for r in rows] == [
        ("a1.md:0", "aljazeera.com", 20, "Palestinian", "active", "Israeli strikes"),
        ("a1.md:100", "aljazeera.com", 2, "Israeli", "passive", None)]


def test_loaded_words_of_horror_and_cruelty() -> None:
    assert loaded_words("A horrific, gruesome attack; cold-blooded killers and their "
                        "heinous crimes; the horrors of the bloodshed.") == {
        "horrific": 2, "gruesome": 1, "cold-blooded": 1, "heinous": 1, "bloodshed": 1}
