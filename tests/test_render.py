"""Tables a journalist can read and writers a script can trust (no model)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from benchmarks.warm import run_on_pty

from rafah.errors import RafahError
from rafah.render import (
    PIPE_WIDTH,
    TABLE_TOP,
    TERMINAL_TOP,
    choose_columns,
    clip,
    fit_table,
    format_for_path,
    limit_rows,
    open_output,
    output_width,
    short_id,
    sort_rows,
    text_width,
    write_records,
)

ENTITY_COLUMNS = ["name", "type", "mentions", "articles", "first_seen", "last_seen", "aliases"]
FIGURE_COLUMNS = ["date", "kind", "value", "qualifier", "group", "source", "cumulative",
                  "article"]
LONG_ID = "2024-07-16/cnn-world-middleeast-live-news-israel-hamas-war-gaza-07-16-24.txt"


def entity(name: str, mentions: int = 3, **extra: object) -> dict:
    row = {"name": name, "type": "PERSON", "mentions": mentions, "articles": 2,
           "first_seen": "2024-07-16", "last_seen": "2024-07-22",
           "aliases": ["Prime Minister Benjamin Netanyahu", "Bibi", "Netanyahu"]}
    return {**row, **extra}


def figure(value: int, vague: bool = False) -> dict:
    return {"date": "2024-07-16", "kind": "displaced", "value": value, "vague": vague,
            "qualifier": "more than", "group": "Palestinians",
            "source": "the Hamas-run Gaza health ministry", "cumulative": True,
            "article": LONG_ID}


def table(records: list[dict], columns: list[str], width: int) -> list[str]:
    out = io.StringIO()
    write_records(records, "table", columns, out, width=width)
    return out.getvalue().splitlines()


def test_terminal_default_shows_25_rows_with_a_note() -> None:
    rows = list(range(5_541))
    shown, note = limit_rows(rows, None, terminal=True)
    assert shown == rows[:TERMINAL_TOP]
    assert note == "5,516 more rows; --top 0 shows all"
    assert limit_rows(rows, None, terminal=False) == (rows, None)
    assert limit_rows(rows, None, terminal=False, table=True) == (rows, None)
    assert limit_rows(rows, 0, terminal=True) == (rows, None)
    assert limit_rows(rows, 5_540, terminal=False) == \
        (rows[:5_540], "1 more row; --top 0 shows all")
    assert limit_rows(rows[:3], None, terminal=True) == (rows[:3], None)


def test_names_stay_readable_at_60_columns() -> None:
    lines = table([entity("Benjamin Netanyahu"), entity("Khan Younis")], ENTITY_COLUMNS, 60)
    assert all(text_width(line) <= 60 for line in lines)
    assert lines[0].split() == ["name", "type", "mentions", "articles", "first_seen"]
    assert lines[2].startswith("Benjamin Netanyahu  PERSON")
    assert "2024-07-16" in lines[2]
    assert lines[-1] == "(too narrow for: last_seen, aliases; see --columns)"


def test_a_long_name_is_shortened_not_erased() -> None:
    name = "Hamas-run Gaza health ministry spokesman Ashraf al-Qudra"
    lines = table([entity(name)], ENTITY_COLUMNS, 60)
    cell = lines[2].split("  ")[0]
    assert cell.endswith("…") and len(cell) >= 20 and name.startswith(cell[:-1])


def test_casualty_values_and_dates_are_never_cut_and_vague_figures_are_marked() -> None:
    rows = [figure(1_700_000), figure(200, vague=True)]
    lines = table(rows, FIGURE_COLUMNS, 60)
    assert all(text_width(line) <= 60 for line in lines)
    assert lines[2].split()[:3] == ["2024-07-16", "displaced", "1,700,000"]
    assert lines[3].split()[:3] == ["2024-07-16", "displaced", "~200"]
    assert lines[4].startswith("~ vague")


def test_article_ids_are_short_and_on_one_line() -> None:
    lines = table([figure(5)], FIGURE_COLUMNS, 140)
    assert len(lines) == 3
    assert lines[2].endswith("cnn-world-middleeast-liv…")
    assert short_id("a/b.txt") == "b.txt"
    assert short_id("dump/" + "x" * 30 + ".jsonl#12") == "x" * 24 + "…#12"
    assert short_id(LONG_ID + ":345").endswith("…:345")


def test_plain_rows_are_one_line_each_and_text_is_not_markup() -> None:
    rows = [entity(f"Name {i}\nwith a newline [bold]x[/bold]") for i in range(100)]
    lines = table(rows, ENTITY_COLUMNS, 200)
    assert len(lines) == 102
    assert "\\x0awith a newline [bold]x[/bold]" in lines[2]
    assert "\x1b" not in "".join(lines)


def test_wide_characters_are_measured_in_cells() -> None:
    assert text_width("加沙") == 4 and text_width("Gaza…") == 5
    assert text_width(clip("加沙地带加沙地带", 7)) <= 7
    assert clip("/very/long/path/file.txt", 10, keep_end=True) == "…/file.txt"


def test_piped_width_is_columns_or_100(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert output_width(io.StringIO()) == PIPE_WIDTH
    monkeypatch.setenv("COLUMNS", "72")
    assert output_width(io.StringIO()) == 72
    layout = fit_table([entity("X", aliases=["a" * 300])], ENTITY_COLUMNS, output_width())
    assert sum(c.width for c in layout.columns) + 2 * (len(layout.columns) - 1) <= 72


def test_columns_and_sort() -> None:
    assert choose_columns("name, aliases", ENTITY_COLUMNS[:3], ENTITY_COLUMNS) == \
        ["name", "aliases"]
    assert choose_columns(None, ["name"], ENTITY_COLUMNS) == ["name"]
    assert choose_columns(["all"], ["name"], ENTITY_COLUMNS) == ENTITY_COLUMNS
    with pytest.raises(RafahError, match="unknown column 'nam' for --columns; choose from name"):
        choose_columns("nam", ["name"], ENTITY_COLUMNS)
    rows = [entity("b", 5), entity("a", 5), entity("c", 9, first_seen=None)]
    assert [r["name"] for r in sort_rows(rows, "-mentions,name", ENTITY_COLUMNS)] == \
        ["c", "a", "b"]
    assert [r["name"] for r in sort_rows(rows, "first_seen:desc", ENTITY_COLUMNS)] == \
        ["b", "a", "c"]
    assert [r["name"] for r in sort_rows(rows, "name", ENTITY_COLUMNS)] == ["a", "b", "c"]
    with pytest.raises(RafahError, match="for --sort"):
        sort_rows(rows, "size", ENTITY_COLUMNS)


def test_format_from_the_output_suffix() -> None:
    assert format_for_path("out.csv", None) == "csv"
    assert format_for_path("out.JSONL", None) == "jsonl"
    assert format_for_path("out.txt", None) == "table"
    assert format_for_path("out.csv", "json") == "json"
    assert format_for_path(None, None) == "table"
    with pytest.raises(RafahError, match=r"cannot tell the output format of 'out.xlsx'.*--format"):
        format_for_path("out.xlsx", None)
    with pytest.raises(RafahError, match="writes table, json, jsonl, csv, not geojson"):
        format_for_path("places.geojson", None)
    assert format_for_path("places.geojson", None, (*("table", "json"), "geojson")) == "geojson"


def test_output_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "rows.jsonl"
    with open_output(target) as out:
        write_records([{"a": "é"}], "jsonl", ["a"], out)
    assert json.loads(target.read_text(encoding="utf-8")) == {"a": "é"}
    with pytest.raises(KeyboardInterrupt), open_output(tmp_path / "half.csv") as out:
        out.write("x")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == [target]
    with pytest.raises(RafahError, match="cannot write"), \
            open_output(tmp_path / "missing" / "x.csv"):
        pass


PIPE_SCRIPT = textwrap.dedent("""
    import sys
    from rafah.render import open_output, write_records
    rows = [{"name": "n%d" % i, "text": "x" * 200, "n": i} for i in range(50_000)]
    with open_output(None) as out:
        write_records(rows, sys.argv[1], ["name", "text", "n"], out)
    print("after the output", file=sys.stderr)
""")


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_closed_pipe_exits_0_quietly(fmt: str, tmp_path: Path) -> None:
    script = tmp_path / "write.py"
    script.write_text(PIPE_SCRIPT)
    done = subprocess.run(["bash", "-o", "pipefail", "-c",
                           f'"{sys.executable}" "{script}" {fmt} | head -1'],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "after the output\n"
    assert len(done.stdout.splitlines()) == 1


TTY_SCRIPT = textwrap.dedent("""
    import sys
    from rafah.render import write_records
    rows = [{"name": "Benjamin Netanyahu", "type": "PERSON", "mentions": 1234,
             "first_seen": "2024-07-16", "aliases": ["Netanyahu", "Bibi"] * 20}] * 3
    write_records(rows, "table", ["name", "type", "mentions", "first_seen", "aliases"],
                  sys.stdout)
""")


def run_on_terminal(script: str, columns: int) -> str:
    """Run a Python script with stdout on a pseudo-terminal; return what it printed."""
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "xterm"}
    _, text = run_on_pty([sys.executable, "-c", script], env)
    return re.sub(r"\x1b\[[0-9;]*m", "", text.replace("\r\n", "\n"))


def test_boxed_table_on_a_60_column_terminal_keeps_names_and_numbers() -> None:
    shown = run_on_terminal(TTY_SCRIPT, 60)
    lines = [line for line in shown.splitlines() if line.strip()]
    assert all(text_width(line) <= 60 for line in lines), shown
    assert sum("Benjamin Netanyahu" in line and "1,234" in line and "2024-07-16" in line
               for line in lines) == 3, shown
    assert len(lines) == 3 + 4 + 1 and lines[-1].startswith("(too narrow for: aliases"), shown


def test_a_table_shows_at_most_table_top_rows_unless_asked() -> None:
    rows = [{"n": i} for i in range(TABLE_TOP + 3)]
    shown, note = limit_rows(rows, None, terminal=False, table=True)
    assert shown == rows[:TABLE_TOP] and note == "3 more rows; --top 0 shows all"
    assert limit_rows(rows, 0, terminal=False, table=True) == (rows, None)
    assert limit_rows(rows, None, terminal=False) == (rows, None)
