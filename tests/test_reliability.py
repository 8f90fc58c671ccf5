"""Hostile input, cache faults, fuzzing and output safety (no model)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rafah.analyze import AnalysisSettings, analyse_articles
from rafah.cli import cli
from rafah.corpus import Unreadable, decode, load_corpus, split_header
from rafah.extract.numbers import parse_number
from rafah.records import Analysis
from rafah.store import Store

from .conftest import ROOT, SEEDS
from .test_store import counting_pipeline, fake_model, sample_analysis  # noqa: F401

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = "Date: 2024-03-0{day}\n\nOfficials in Gaza said {n} people were killed.\n"


def build_hostile(root: Path) -> dict[str, str]:
    """A corpus of awkward files; returns {file id: expected skip reason prefix} for the bad
    ones. Every other file is a readable article."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD.format(day=1, n=3))
    (root / "crlf.txt").write_bytes(GOOD.format(day=2, n=4).replace("\n", "\r\n").encode())
    (root / "mixed.txt").write_bytes(b"Date: 2024-03-03\r\n\nFirst line.\rSecond.\r\nThird.\n")
    (root / "name with spaces.md").write_text(GOOD.format(day=4, n=5))
    (root / "\u00fcn\u00efc\u00f6d\u00e9 \u540d.txt").write_text(GOOD.format(day=5, n=6))
    (root / "new\nline.txt").write_text(GOOD.format(day=6, n=7))
    (root / "escape\x1b[31m.txt").write_text("Date: 2024-03-07\n\nRed \x1b[31malert\x1b[0m.")
    deep = root.joinpath(*[f"d{i}" for i in range(40)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(GOOD.format(day=8, n=9))
    (root / "invalid-date.txt").write_text("Date: 2024-13-45\n\nBody.")
    (root / "ambiguous-date.txt").write_text("Date: 03/04/2024\n\nBody.")
    (root / "future.txt").write_text("Date: 2999-01-01\n\nBody from the future.")
    (root / "copy-a.txt").write_text("Date: 2024-03-09\n\nThe same body twice.")
    (root / "copy-b.txt").write_text("Date: 2024-03-09\n\nThe same body twice.")
    (root / "one-line.txt").write_text("Date: 2024-03-09\n\n" + "A long line of words. " * 50_000)
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "nul.txt").write_bytes(b"Date: 2024-03-01\n\nText with a \x00 NUL byte.")
    (root / "empty.txt").write_bytes(b"")
    (root / "five-mb.txt").write_text("Date: 2024-03-10\n\n" +
                                      "Officials met in Cairo on Monday. " * 150_000)
    (root / "too-big.txt").write_text("word " * 4_300_000)
    (root / "picture.jpg").write_bytes(b"\xff\xd8\xff")
    os.symlink(root, root / "loop")
    expected = {"binary.txt": "binary file", "nul.txt": "binary file", "empty.txt": "empty file",
                "too-big.txt": "larger than --max-bytes", "picture.jpg": "unsupported file type",
                "loop": "symbolic link to a folder"}
    if not IS_ROOT:
        locked = root / "locked.txt"
        locked.write_text(GOOD.format(day=1, n=1))
        locked.chmod(0)
        expected["locked.txt"] = "cannot read"
    return expected


def test_hostile_corpus_loads_every_readable_article(tmp_path: Path) -> None:
    expected = build_hostile(tmp_path / "c")
    result = load_corpus(tmp_path / "c")
    reasons = {s.path: s.reason for s in result.skipped}
    assert set(reasons) == set(expected)
    for name, prefix in expected.items():
        assert reasons[name].startswith(prefix), (name, reasons[name])
    ids = {a.id for a in result.articles}
    assert len(ids) == 15
    assert "d0/" + "/".join(f"d{i}" for i in range(1, 40)) + "/deep.txt" in ids
    by_id = {a.id: a for a in result.articles}
    assert by_id["crlf.txt"].paragraphs == ["Officials in Gaza said 4 people were killed."]
    assert by_id["mixed.txt"].paragraphs == ["First line.", "Second.", "Third."]
    assert by_id["escape\x1b[31m.txt"].paragraphs == ["Red alert."]
    assert by_id["invalid-date.txt"].date is None
    assert by_id["ambiguous-date.txt"].date == "2024-03-04"
    assert by_id["future.txt"].date == "2999-01-01"
    assert any("later than the file itself" in w for w in by_id["future.txt"].warnings)
    assert by_id["copy-b.txt"].duplicate_of == "copy-a.txt"
    assert "duplicate of copy-a.txt" in by_id["copy-b.txt"].to_record()["warnings"]
    assert by_id["one-line.txt"].words == 250_000
    assert by_id["five-mb.txt"].words == 900_000 and by_id["five-mb.txt"].date == "2024-03-10"


def test_hostile_corpus_through_the_cli_names_each_skip(tmp_path: Path) -> None:
    expected = build_hostile(tmp_path / "c")
    result = CliRunner().invoke(cli, ["articles", str(tmp_path / "c"), "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 15
    lines = result.stderr.splitlines()
    for name in expected:
        shown = name.replace("\n", "\\x0a")
        assert any(line.startswith(f"warning: skipped {shown}:") for line in lines), name
    assert "\x1b" not in result.stdout.replace("\\u001b", "") and "\x1b" not in result.stderr
    assert "Traceback" not in result.stderr
    quiet = CliRunner().invoke(cli, ["articles", str(tmp_path / "c"), "-q", "--format",
                                     "json"])
    assert quiet.stderr == f"warning: {len(expected)} file(s) skipped\n"


def test_table_output_never_carries_escape_sequences(tmp_path: Path) -> None:
    (tmp_path / "x\x1b]0;title\x07.txt").write_text("# Evil \x1b[2J title\n\nBody.")
    result = CliRunner().invoke(cli, ["articles", str(tmp_path)])
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.slow
def test_twenty_thousand_tiny_files(tmp_path: Path) -> None:
    for folder in range(20):
        sub = tmp_path / f"f{folder}"
        sub.mkdir()
        for index in range(1000):
            (sub / f"{index}.txt").write_text(f"Note {folder}-{index}.")
    result = load_corpus(tmp_path, keep_text=False)
    assert len(result.articles) == 20_000 and not result.skipped
    assert result.articles[0].text == "Note 0-0."


def test_file_index_answers_unchanged_files_and_rereads_changed_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Date: 2024-01-01\n\nFirst body.")
    (corpus / "b.txt").write_text("Date: 2024-01-02\n\nSecond body.")
    store = Store(tmp_path / "s.sqlite3")
    first = load_corpus(corpus, index=store, keep_text=False)
    assert [a.text for a in first.articles] == ["First body.", "Second body."]
    (corpus / "b.txt").write_text("Date: 2024-01-03\n\nSecond body, changed.")
    (corpus / "c.txt").write_text("Date: 2024-01-04\n\nThird body.")
    (corpus / "a.txt").touch()
    second = load_corpus(corpus, index=store, keep_text=False)
    assert [(a.id, a.date, a.text) for a in second.articles] == [
        ("a.txt", "2024-01-01", "First body."), ("b.txt", "2024-01-03", "Second body, changed."),
        ("c.txt", "2024-01-04", "Third body.")]
    (corpus / "c.txt").unlink()
    third = load_corpus(corpus, index=store, keep_text=False)
    assert [a.id for a in third.articles] == ["a.txt", "b.txt"]


class _FullDisk:
    """A connection whose writes fail as on a full disk."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def __enter__(self):  # noqa: ANN204
        return self.real.__enter__()

    def __exit__(self, *args):  # noqa: ANN002, ANN204
        return self.real.__exit__(*args)

    def execute(self, *args):  # noqa: ANN002, ANN201
        return self.real.execute(*args)

    def executemany(self, *args):  # noqa: ANN002, ANN201
        raise sqlite3.OperationalError("database or disk is full")

    def close(self) -> None:
        self.real.close()


def test_full_disk_is_a_warning_and_the_run_goes_on(tmp_path: Path, fake_model: str,  # noqa: F811
                                                    counting_pipeline: list[str]) -> None:  # noqa: F811
    warnings: list[str] = []
    store = Store(tmp_path / "s.sqlite3", warn=warnings.append)
    store.connection = _FullDisk(store.connection)
    run = analyse_articles(load_corpus(SEEDS).articles, store, AnalysisSettings(model=fake_model))
    assert run.analysed == 5 and len(run.analyses) == 5
    assert warnings and all("disk is full" in w for w in warnings)


def test_truncated_cache_file_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    store.put_many([(f"h{i}", sample_analysis()) for i in range(300)], "fp")
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    warnings: list[str] = []
    again = Store(path, warn=warnings.append)
    found = again.get_many([f"h{i}" for i in range(300)], "fp")
    again.put_many([("new", sample_analysis())], "fp")
    assert len(found) < 300 and any("damaged" in w for w in warnings)
    assert list(tmp_path.glob("s.sqlite3.corrupt-*"))
    assert Store(path).get_many(["new"], "fp") == {"new": sample_analysis()}


def test_missing_cache_folder_is_created(tmp_path: Path) -> None:
    store = Store(tmp_path / "a" / "b" / "c.sqlite3")
    store.put_many([("h", Analysis())], "fp")
    assert (tmp_path / "a" / "b" / "c.sqlite3").exists()


@pytest.mark.skipif(IS_ROOT, reason="root can write into read-only folders")
def test_read_only_cache_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    warnings: list[str] = []
    store = Store(folder / "a.sqlite3", warn=warnings.append)
    store.put_many([("h", Analysis())], "fp")
    assert warnings


def test_nothing_executable_is_stored_or_evaluated() -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "src" / "rafah").rglob("*.py"))
    assert not re.search(r"\bimport pickle\b|\bpickle\.|\beval\(|\bexec\(|\bmarshal\b", source)


@given(st.integers(min_value=1, max_value=10**9))
def test_number_parser_reads_digits_back(value: int) -> None:
    assert parse_number(str(value)).value == value
    assert parse_number(f"{value:,}").value == value


@given(st.text(max_size=60))
def test_number_parser_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or result.value >= 0


@given(st.binary(max_size=300))
def test_decoder_raises_only_unreadable(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except Unreadable:
        return
    assert "\x00" not in text and "\x1b" not in text


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_header_splitting_never_raises(text: str) -> None:
    header, body = split_header(text)
    assert "\n".join(body[1:]) == "" or text.endswith("\n".join(body[1:]))
    assert len(body) <= len(text.split("\n"))
