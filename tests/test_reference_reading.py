"""Reference series: every accepted shape, bad files as one-line errors, like-with-like."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rafah.errors import InputFormatError, RafahError
from rafah.reports.casualties import compare_with_reference, flag_decreasing
from rafah.reports.reference import (
    Reference,
    read_reference,
    read_references,
    series_key,
)


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_series_key() -> None:
    assert series_key("killed", "Palestinian", "Gaza") == "killed/Palestinian/Gaza/total"
    assert series_key("injured", None, None, False) == "injured/-/-/incident"


def test_wide_csv_with_side_options(tmp_path: Path) -> None:
    path = _write(tmp_path, "moh.csv", "date,killed,injured\n2024-07-15,38664,89097\n"
                                        "2024-07-16,\"38,713\",89166\n")
    reference = read_reference(path, side="Palestinian", area="Gaza")
    assert sorted(reference.series) == ["injured/Palestinian/Gaza/total",
                                        "killed/Palestinian/Gaza/total"]
    killed = reference.find("killed", "Palestinian", "Gaza")
    assert killed is not None and killed.values[date(2024, 7, 16)] == 38713


def test_wide_csv_with_side_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "two.csv", "date,side,area,killed\n2024-07-16,Israeli,Israel,1200\n"
                                        "2024-07-16,Palestinian,Gaza,38713\n")
    reference = read_reference(path)
    assert sorted(reference.series) == ["killed/Israeli/Israel/total",
                                        "killed/Palestinian/Gaza/total"]


def test_long_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.csv", "date,kind,value,side,area\n"
                                         "2024-07-16,killed,38713,Palestinian,Gaza\n"
                                         "2024-07-16,killed,589,Palestinian,West Bank\n")
    reference = read_reference(path)
    west = reference.find("killed", "Palestinian", "West Bank")
    assert west is not None and west.values == {date(2024, 7, 16): 589}


def test_gaza_daily_json_read_as_it_is(tmp_path: Path) -> None:
    reports = [{"report_date": "2024-07-15", "ext_killed_cum": 38664, "killed_cum": 38664,
                "ext_injured_cum": 89097, "injured_cum": 89097, "killed_children_cum": 15000},
               {"report_date": "2024-07-16", "ext_killed_cum": 38713, "killed_cum": None,
                "injured_cum": 89166}]
    path = _write(tmp_path, "casualties_daily.json", json.dumps(reports))
    reference = read_reference(path)
    killed = reference.find("killed", "Palestinian", "Gaza")
    assert killed is not None
    assert killed.values == {date(2024, 7, 15): 38664, date(2024, 7, 16): 38713}
    assert reference.kinds() == ["injured", "killed"]


def test_cp1252_file_is_read(tmp_path: Path) -> None:
    text = "date,killed,note\n2024-07-16,38713,caf\xe9 \u2013 source\n"
    path = _write(tmp_path, "win.csv", text.encode("cp1252"))
    reference = read_reference(path, side="Palestinian", area="Gaza")
    assert reference.find("killed", "Palestinian", "Gaza") is not None


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("nodate.csv", "day,killed\n2024-07-16,3\n", "nodate.csv' line 1: expected a 'date' column"),
    ("nokind.csv", "date,total\n2024-07-16,3\n", "nokind.csv' line 1: expected a 'date'"),
    ("baddate.csv", "date,killed\nyesterday,3\n", "baddate.csv' line 2: expected a date"),
    ("badnum.csv", "date,killed\n2024-07-16,many\n", "badnum.csv' line 2: killed 'many' is not"),
    ("badkind.csv", "date,kind,value\n2024-07-16,eaten,3\n", "line 2: expected a kind"),
    ("bad.json", "[{\"report_date\": \"2024-07-16\",\n \"killed_cum\": }]",
     "bad.json' line 2: not valid JSON"),
    ("shape.json", "{\"killed\": 3}", "shape.json': expected a JSON list of daily reports"),
    ("nodate.json", "[{\"killed_cum\": 3}]", "nodate.json': report 1 has no report_date"),
])
def test_bad_files_give_one_line(tmp_path: Path, name: str, text: str, expected: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(InputFormatError) as error:
        read_reference(path)
    message = str(error.value)
    assert expected in message and "\n" not in message
    assert isinstance(error.value, RafahError)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="cannot read reference"):
        read_reference(tmp_path / "absent.csv")


@given(st.binary(max_size=200))
def test_any_bytes_read_or_fail_cleanly(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        try:
            read_reference(path, side="Palestinian")
        except InputFormatError as error:
            assert "\n" not in str(error)


def _row(**fields: Any) -> dict[str, Any]:
    row = {"id": "a.txt:0", "article": "a.txt", "date": "2024-07-16", "kind": "killed",
           "value": 38000, "cumulative": True, "vague": False, "side": "Palestinian",
           "area": "Gaza"}
    row.update(fields)
    row["series"] = series_key(row["kind"], row["side"], row["area"], row["cumulative"])
    return row


def _gaza(tmp_path: Path) -> Reference:
    path = _write(tmp_path, "moh.csv", "date,killed,injured\n2024-07-12,38345,88295\n"
                                        "2024-07-15,38664,89097\n")
    other = _write(tmp_path, "il.csv", "date,kind,value,side,area\n"
                                        "2024-07-01,killed,1200,Israeli,Israel\n")
    return read_references([path, other], side="Palestinian", area="Gaza")


def test_like_with_like_only(tmp_path: Path) -> None:
    rows = [
        _row(),
        _row(id="b", side="Indian", area="India", value=200),       # another place
        _row(id="c", side=None, area=None, value=5),               # unknown side
        _row(id="d", cumulative=False, value=20),                  # one incident
        _row(id="e", vague=True, value=20000),                     # "tens of thousands"
        _row(id="f", area="West Bank", value=589),                 # another area
        _row(id="g", kind="injured", value=89000),
        _row(id="h", side="Israeli", area="Israel", value=1195),
        _row(id="i", date="2024-07-30"),                           # no report within days
    ]
    compared = compare_with_reference(rows, _gaza(tmp_path))
    got = {r["id"]: (r["reference"], r["reference_date"], r["deviation"]) for r in rows}
    assert got == {
        "a.txt:0": (38664, "2024-07-15", -1.7), "b": (None, None, None),
        "c": (None, None, None), "d": (None, None, None), "e": (None, None, None),
        "f": (None, None, None), "g": (89097, "2024-07-15", -0.1), "h": (None, None, None),
        "i": (None, None, None)}
    assert len(compared) == 2
    assert compared[0] == ("a.txt:0: killed/Palestinian/Gaza/total 38,000 vs 38,664 "
                           "(moh.csv, 2024-07-15)")


def test_nearest_report_on_or_before(tmp_path: Path) -> None:
    killed = _gaza(tmp_path).find("killed", "Palestinian", "Gaza")
    assert killed is not None
    assert killed.on_or_before(date(2024, 7, 14)) == (date(2024, 7, 12), 38345)
    assert killed.on_or_before(date(2024, 7, 11)) is None
    assert killed.rise(date(2024, 7, 13), date(2024, 7, 15)) == 38664 - 38345


def test_decreasing_flagged_only_within_a_series() -> None:
    rows = [_row(id="1", date="2024-07-10", value=38713),
            _row(id="2", date="2024-07-12", value=20000, vague=True),
            _row(id="3", date="2024-07-13", side="Israeli", area="Israel", value=1200),
            _row(id="4", date="2024-07-14", value=38000),
            _row(id="5", date="2024-07-15", side=None, area=None, value=3),
            _row(id="6", date="2024-07-15", side="American", area=None, value=40),
            _row(id="7", date="2024-07-16", side="American", area=None, value=2)]
    messages = flag_decreasing(rows)
    assert [r["id"] for r in rows if r["flags"]] == ["4"]
    assert messages == ["a.txt: killed/Palestinian/Gaza/total running total went down: 38,000 "
                        "on 2024-07-14 after 38,713 on 2024-07-10 (a.txt)"]
