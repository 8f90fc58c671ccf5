"""The command line: output formats, streams, errors and help (no model needed)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah.cli import cli

from .conftest import SEEDS

COMMANDS = ["articles", "timeline", "entities", "casualties", "context"]


def run(*args: str, env: dict[str, str] | None = None):  # noqa: ANN201
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_articles_json_lists_the_seeds() -> None:
    result = run("articles", str(SEEDS), "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["date"] for r in records] == ["2024-03-13", "2024-03-19", "2024-03-21",
                                            "2024-03-24", None]
    assert set(records[0]) == {"id", "path", "date", "date_source", "title", "outlet",
                               "words", "duplicate_of", "warnings"}
    assert records[0]["id"] == "000_2d58e2d24ab33054.txt"


def test_articles_jsonl_and_csv_have_the_same_rows() -> None:
    lines = run("articles", str(SEEDS), "--format", "jsonl").stdout.splitlines()
    rows = list(csv.DictReader(io.StringIO(run("articles", str(SEEDS), "--format", "csv").stdout)))
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    assert rows[4]["date"] == "" and rows[0]["words"] == "321"


def test_since_and_until_filter_by_article_date() -> None:
    records = json.loads(run("articles", str(SEEDS), "--since", "2024-03-19", "--until",
                             "2024-03-21", "--format", "json").stdout)
    assert [r["date"] for r in records] == ["2024-03-19", "2024-03-21"]


def test_default_corpus_is_seeds_or_rafah_corpus(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS.parent)
    assert len(json.loads(run("articles", "--format", "json").stdout)) == 5
    (tmp_path / "x.txt").write_text("Date: 2024-01-01\n\nOne.")
    records = json.loads(run("articles", "--format", "json",
                             env={"RAFAH_CORPUS": str(tmp_path)}).stdout)
    assert [r["id"] for r in records] == ["x.txt"]


def test_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["articles", str(tmp_path / "nope")])
    assert missing.exit_code == 1
    assert missing.stderr.strip().splitlines() == [
        f"Error: corpus path '{tmp_path / 'nope'}' does not exist; pass a folder or a file of "
        "articles, or set RAFAH_CORPUS"]
    empty = CliRunner().invoke(cli, ["articles", str(tmp_path)])
    assert empty.exit_code == 1 and empty.stderr.startswith("Error: corpus folder")


def test_bad_file_among_good_ones_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Date: 2024-01-01\n\nGood.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run("articles", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == ["good.txt"]
    assert result.stderr == "warning: skipped bad.txt: binary file (contains NUL bytes)\n"
    quiet = run("articles", str(tmp_path), "--format", "json", "-q")
    assert quiet.stderr == "warning: 1 file(s) skipped\n"


def test_table_output_has_no_ansi_codes_when_piped() -> None:
    result = run("articles", str(SEEDS))
    assert "\x1b[" not in result.stdout and "000_2d58e2d24ab33054.txt" in result.stdout


def test_closed_pipe_exits_quietly() -> None:
    command = f"{sys.executable} -m rafah articles {SEEDS} | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"rafah {command}" in result.stdout
    for option in ("--format", "--since", "--until", "--cache", "--no-cache", "--quiet"):
        assert option in result.stdout
    analysing = ("--model", "--jobs", "--gazetteer")
    if command == "articles":
        assert not any(option in result.stdout for option in analysing)
    else:
        assert all(option in result.stdout for option in analysing)


def test_context_takes_the_corpus_from_the_environment(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAFAH_CORPUS", str(tmp_path / "missing"))
    result = run("context", "Netanyahu")
    assert result.exit_code == 1 and "missing" in result.output


def test_help_does_not_import_spacy() -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "rafah", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "rafah.cli" in imported and "spacy" not in imported


def test_unknown_type_is_refused_with_the_valid_ones() -> None:
    result = run("entities", str(SEEDS), "--type", "PEOPLE")
    assert result.exit_code == 2
    assert "PEOPLE" in result.output and "person" in result.output.lower()


def test_since_after_until_is_refused() -> None:
    result = run("articles", str(SEEDS), "--since", "2024-05", "--until", "2024-04")
    assert result.exit_code == 2 and "after --until" in result.output


def test_an_empty_date_range_says_why() -> None:
    result = run("articles", str(SEEDS), "--since", "2030-01-01", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no article is dated 2030-01-01 to the end; the corpus has 2024-03-13 to " \
           "2024-03-24" in result.stderr


def test_a_plot_file_rafah_cannot_write_is_refused_before_analysis(tmp_path: Path) -> None:
    result = run("casualties", str(SEEDS), "--plot-file", str(tmp_path / "c.jpg"), "--cache",
                 str(tmp_path / "c.sqlite3"))
    assert result.exit_code == 2 and ".png or .svg" in result.output
    assert "analysed" not in result.output and not (tmp_path / "c.sqlite3").exists()


@pytest.mark.model
def test_plot_prints_the_table_then_the_chart_and_keeps_json_pure(shared_cache: Path) -> None:
    cache = ["--cache", str(shared_cache), "-q"]
    table = run("casualties", str(SEEDS), "--plot", *cache)
    assert table.exit_code == 0
    assert table.stdout.index("kind") < table.stdout.index("31,000", table.stdout.index("kind"))
    as_json = run("casualties", str(SEEDS), "--plot", "--format", "json", *cache)
    assert as_json.exit_code == 0 and len(json.loads(as_json.stdout)) == 5


@pytest.mark.model
def test_places_as_geojson_and_by_country(shared_cache: Path, tmp_path: Path) -> None:
    geojson = pytest.importorskip("geojson")
    target = tmp_path / "places.geojson"
    done = run("entities", str(SEEDS), "-o", str(target), "--cache", str(shared_cache), "-q")
    assert done.exit_code == 0, done.output
    collection = geojson.loads(target.read_text(encoding="utf-8"))
    assert collection.is_valid and collection["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Rafah", "Gaza", "Israel", "Egypt"} <= names and "Hamas" not in names
    palestinian = run("entities", str(SEEDS), "--country", "PS", "--format", "json",
                      "--cache", str(shared_cache), "-q")
    rows = json.loads(palestinian.stdout)
    assert rows and {r["country"] for r in rows} == {"PS"}
    refused = run("casualties", str(SEEDS), "--format", "geojson")
    assert refused.exit_code == 2


@pytest.mark.model
def test_nothing_matched_says_why(shared_cache: Path) -> None:
    result = run("casualties", str(SEEDS), "--kind", "missing", "--format", "json",
                 "--cache", str(shared_cache))
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no casualty figure of kind missing in the 5 selected article(s)" in result.stderr
