"""Corpus-level reports and rendering from hand-made records (no model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rafah.charts import print_terminal_chart, write_image_chart
from rafah.errors import InputFormatError
from rafah.records import Analysis, Article, CasualtyFigure, DateMention
from rafah.render import csv_cell, write_records
from rafah.reports.casualties import (
    compare_with_reference,
    figure_rows,
    flag_decreasing,
    read_reference,
)
from rafah.reports.timeline import (
    article_rows,
    chronological,
    cut_at_word,
    event_rows,
    period_rows,
)


def figure(value: int, *, kind: str = "killed", qualifier: str | None = None,
           group: str | None = "Palestinians", source: str | None = "ministry",
           cumulative: bool = True) -> CasualtyFigure:
    low = value if qualifier in (None, "over") else None
    high = value if qualifier in (None, "nearly") else None
    side = {"Palestinians": "Palestinian", "Israelis": "Israeli"}.get(group or "")
    return CasualtyFigure(kind, value, low, high, qualifier, False, group, source, cumulative,
                          "s.", 0, 1, side=side, area="Gaza" if side == "Palestinian" else None)


def article(index: int, date: str | None, text: str = "Lead sentence here. Second one.",
            title: str | None = None) -> Article:
    return Article(id=f"a{index}", path=f"a{index}", date=date, date_source="header",
                   title=title, paragraphs=[text], text_hash=f"h{index}")


def test_figure_rows_filter_by_kind_and_value() -> None:
    arts = [article(1, "2024-03-01")]
    analyses = {"h1": Analysis(casualties=[figure(100), figure(5, kind="injured")])}
    assert [r["value"] for r in figure_rows(arts, analyses)] == [100, 5]
    assert [r["value"] for r in figure_rows(arts, analyses, kinds=["injured"])] == [5]
    assert [r["value"] for r in figure_rows(arts, analyses, min_value=10)] == [100]


def test_running_total_that_goes_down_is_flagged() -> None:
    arts = [article(1, "2024-03-01"), article(2, "2024-03-05"), article(3, "2024-03-09")]
    analyses = {"h1": Analysis(casualties=[figure(30000)]),
                "h2": Analysis(casualties=[figure(29000), figure(10, group="Israelis")]),
                "h3": Analysis(casualties=[figure(31000)])}
    rows = figure_rows(arts, analyses)
    messages = flag_decreasing(rows)
    assert [r["flags"] != [] for r in rows] == [False, True, False, False]
    assert messages == ["a2: killed/Palestinian/Gaza/total running total went down: 29,000 on "
                        "2024-03-05 after 30,000 on 2024-03-01 (a1)"]


def test_reference_series_and_deviation(tmp_path: Path) -> None:
    path = tmp_path / "ref.csv"
    path.write_text("date,killed,injured\n2024-03-01,\"30,000\",70000\n2024-03-03,31000,\n")
    reference = read_reference(path, side="Palestinian", area="Gaza")
    arts = [article(1, "2024-03-02"), article(2, "2024-03-10"), article(3, None)]
    analyses = {"h1": Analysis(casualties=[figure(31500), figure(9, cumulative=False)]),
                "h2": Analysis(casualties=[figure(40000)]),
                "h3": Analysis(casualties=[figure(32000)])}
    rows = figure_rows(arts, analyses)
    compare_with_reference(rows, reference)
    assert [(r["reference"], r["deviation"]) for r in rows] == [
        (30000, 5.0), (None, None), (None, None), (None, None)]
    assert reference.kinds() == ["injured", "killed"]


@pytest.mark.parametrize(("content", "message"), [
    ("day,killed\n2024-01-01,5\n", "expected a 'date' column"),
    ("date,killed\n2024-13-01,5\n", "line 2"),
    ("date,killed\n2024-01-01,many\n", "is not a number"),
])
def test_bad_reference_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "ref.csv"
    path.write_text(content)
    with pytest.raises(InputFormatError, match=message):
        read_reference(path)


def test_timeline_rows_headline_summary_and_order() -> None:
    long_lead = ("Amid escalating violence in the Gaza Strip, Israeli Minister Benny Gantz "
                 "announced intentions for a military operation in Rafah. Then more.")
    arts = [article(1, None), article(2, "2024-03-19", long_lead), article(3, "2024-03-13",
                                                                         title="Given title")]
    analyses = {"h1": Analysis(),
                "h2": Analysis(casualties=[figure(31000, qualifier="over")],
                               dates=[DateMention("October 7", 0, 9, 0, "past", "On October 7."),
                                      DateMention("seven weeks", 0, 9, 0, "past")],
                               lead=long_lead[:128]),
                "h3": Analysis()}
    rows = chronological(article_rows(arts, analyses, {1: ["Rafah"]}) +
                         event_rows(arts, analyses))
    assert [(r["kind"], r["date"], r["article"]) for r in rows] == [
        ("event", "2023-10-07", "a2"), ("article", "2024-03-13", "a3"),
        ("article", "2024-03-19", "a2"), ("article", None, "a1")]
    assert rows[1]["title"] == "Given title"
    assert rows[2]["title"] == ("Amid escalating violence in the Gaza Strip, Israeli Minister "
                                "Benny Gantz announced…")
    assert rows[2]["summary"].endswith("operation in Rafah.")
    assert rows[2]["entities"] == ["Rafah"]
    assert rows[2]["casualties"] == [{"kind": "killed", "value": 31000, "low": 31000,
                                      "high": None, "qualifier": "over",
                                      "group": "Palestinians", "source": "ministry",
                                      "cumulative": True}]
    assert rows[0]["granularity"] == "day" and rows[0]["text"] == "October 7"
    assert rows[0]["sentence"] == "On October 7."
    assert rows[3]["summary"] == "Lead sentence here."


def test_cut_at_word() -> None:
    assert cut_at_word("short one", 20) == "short one"
    assert cut_at_word("one two three four", 12) == "one two…"


def test_periods() -> None:
    arts = [article(1, "2024-03-11"), article(2, "2024-03-17"), article(3, "2024-03-18"),
            article(4, None)]
    analyses = {"h2": Analysis(casualties=[figure(5, qualifier="over")])}
    weeks = period_rows(arts, analyses, {0: ["Gaza"], 1: ["Gaza", "Rafah"]}, "week")
    assert [(r["period"], r["articles"]) for r in weeks] == [
        ("2024-W11", 2), ("2024-W12", 1), ("undated", 1)]
    assert weeks[0]["entities"] == ["Gaza", "Rafah"]
    assert weeks[0]["casualties"] == ["killed over 5 Palestinians"]
    months = period_rows(arts, analyses, {}, "month")
    assert [r["period"] for r in months] == ["2024-03", "undated"]


def test_csv_neutralises_formulas_and_joins_lists() -> None:
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("@cmd") == "'@cmd"
    assert csv_cell(-5) == "-5"
    assert csv_cell(["a", "b"]) == "a; b"
    assert csv_cell(None) == "" and csv_cell(True) == "true"


def test_writers() -> None:
    records = [{"name": "=x", "aliases": ["A", "B"], "n": 3, "flag": None}]
    out = io.StringIO()
    write_records(records, "csv", ["name", "aliases", "n", "flag"], out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["name", "aliases", "n", "flag"], ["'=x", "A; B", "3", ""]]
    out = io.StringIO()
    write_records(records, "jsonl", ["name"], out)
    assert json.loads(out.getvalue()) == records[0]
    out = io.StringIO()
    write_records([{"name": "[bold]x[/bold]", "n": 12345}], "table", ["name", "n"], out)
    assert "[bold]x[/bold]" in out.getvalue() and "12,345" in out.getvalue()
    assert "\x1b" not in out.getvalue()


def test_terminal_chart_shows_series_hedges_and_undated() -> None:
    arts = [article(1, "2024-03-13"), article(2, "2024-03-21"), article(3, None)]
    analyses = {"h1": Analysis(casualties=[figure(31000, qualifier="over", group=None)]),
                "h2": Analysis(casualties=[figure(32000, qualifier="nearly"),
                                           figure(7, cumulative=False)]),
                "h3": Analysis(casualties=[figure(34900, qualifier="over")])}
    out = io.StringIO()
    print_terminal_chart(figure_rows(arts, analyses), out)
    text = out.getvalue()
    assert "killed/Palestinian/Gaza (running total)" in text and "<32,000" in text
    unknown = text.index("victims' side unknown")
    assert text.index(">31,000") > unknown
    assert text.count("(running total)") == 1
    assert "Not charted — the article has no date:" in text and "killed >34,900" in text
    assert "1 single-incident figure(s)" in text


def test_image_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    arts = [article(1, "2024-03-13"), article(2, "2024-03-21")]
    analyses = {"h1": Analysis(casualties=[figure(31000, qualifier="over")]),
                "h2": Analysis(casualties=[figure(32000, qualifier="nearly")])}
    png = write_image_chart(figure_rows(arts, analyses), tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = write_image_chart(figure_rows(arts, analyses), tmp_path / "c.svg")
    assert "<svg" in svg.read_text()


def test_missing_matplotlib_is_a_clear_error(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from rafah.errors import OptionalDependencyError

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'rafah\[plot\]'"):
        write_image_chart([], tmp_path / "x.png")


def test_context_match_is_the_name_without_its_article() -> None:
    from rafah.reports.context import surface_pattern

    pattern = surface_pattern(["the Gaza Strip", "Gaza"])
    found = [m.group(0) for m in pattern.finditer("Strikes on the Gaza Strip and Gaza City.")]
    assert found == ["Gaza Strip", "Gaza"]
