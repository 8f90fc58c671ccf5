"""Charts by series: one line per series, unknown sides apart, vague never joined, SVG text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from rafah.charts import (
    apart,
    chart_series,
    print_terminal_chart,
    write_coverage_chart,
    write_image_chart,
)
from rafah.reports.casualties import compare_with_reference
from rafah.reports.reference import read_reference, series_key


def _row(value: int, day: str, *, side: str | None = "Palestinian", area: str | None = "Gaza",
         kind: str = "killed", vague: bool = False, group: str | None = None) -> dict[str, Any]:
    return {"id": f"a:{value}", "article": f"{day}.md", "date": day, "kind": kind,
            "value": value, "low": value, "high": None if vague else value, "qualifier": None,
            "vague": vague, "group": group, "source": None, "cumulative": True, "side": side,
            "area": area, "series": series_key(kind, side, area)}


ROWS = [_row(38243, "2024-07-10", group="Palestinians"), _row(38713, "2024-07-16"),
        _row(20000, "2024-07-16", vague=True, group="Palestinians"),
        _row(1200, "2024-07-16", side="Israeli", area="Israel"),
        _row(600, "2024-07-16", side=None, area=None, group="people")]


def test_one_series_per_kind_side_area() -> None:
    series = chart_series(ROWS)
    assert list(series) == ["killed/Israeli/Israel", "killed/Palestinian/Gaza"]
    assert [r["value"] for r in series["killed/Palestinian/Gaza"]] == [38243, 20000, 38713]
    assert [r["value"] for r in apart(ROWS)] == [600]


def test_terminal_chart(tmp_path: Path) -> None:
    reference = tmp_path / "moh.csv"
    reference.write_text("date,killed\n2024-07-16,38713\n", encoding="utf-8")
    loaded = read_reference(reference, side="Palestinian", area="Gaza")
    rows = [dict(r) for r in ROWS]
    compare_with_reference(rows, loaded)
    out = io.StringIO()
    print_terminal_chart(rows, out, loaded)
    text = out.getvalue()
    assert "killed/Palestinian/Gaza (running total) · reference moh.csv" in text
    assert "≥20,000" in text and "38,713 reference 2024-07-16 (+0.0%)" in text
    assert "Not charted — victims' side unknown:" in text and "600 people" in text


def test_svg_keeps_text_and_draws_vague_apart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = write_image_chart(ROWS, tmp_path / "chart.svg")
    svg = target.read_text(encoding="utf-8")
    assert "killed/Palestinian/Gaza" in svg and "38,713" in svg
    assert "1 running total(s) of unknown side not drawn" in svg


def test_coverage_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    rows = [{"period": "2024-07-16", "outlet": outlet, "side": side, "mentions": count,
             "deaths": deaths}
            for outlet, side, count, deaths in (("cnn.com", "Palestinian", 5, 49),
                                                ("cnn.com", "Israeli", 2, None),
                                                ("bbc.co.uk", None, 1, None))]
    svg = write_coverage_chart(rows, tmp_path / "coverage.svg").read_text(encoding="utf-8")
    assert "cnn.com" in svg and "bbc.co.uk" in svg and "Palestinian deaths (reference)" in svg
