"""Republished copies: every file is reported by default, copies marked; --distinct collapses
them in every report (model-free: spaCy is replaced by a fake analysis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah import analyze
from rafah.cli import cli
from rafah.records import Analysis, CasualtyFigure, Sentence

STORY = "Date: {date}\n\n# Flood\n\nAt least 12 people were killed in the flood.\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "wire").mkdir(parents=True)
    (folder / "wire" / "a.txt").write_text(STORY.format(date="2024-07-01"))
    (folder / "wire" / "b.txt").write_text(STORY.format(date="2024-07-03"))
    (folder / "wire" / "c.txt").write_text(STORY.format(date="2024-07-02").replace("12", "14"))
    return folder


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(texts, total, settings, model, on_done):  # noqa: ANN001
        for text_hash, text in texts:
            value = 14 if "14" in text else 12
            start = text.index(str(value))
            figure = CasualtyFigure("killed", value, value, None, "at least", False, "people",
                                    None, False, text, start, start + 2, 0)
            on_done(text_hash, Analysis(sentences=[Sentence(0, len(text))],
                                        casualties=[figure]))

    monkeypatch.setattr(analyze, "run_pipeline", fake)
    monkeypatch.setattr(analyze, "resolve_model", lambda name=None: "fake")
    monkeypatch.setattr(analyze, "fingerprint", lambda model, gazetteers=(): "fake")


def run(corpus: Path, tmp_path: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, str(corpus), "--format", "json", "-q",
                                      "--cache", str(tmp_path / "c.sqlite3")])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_file_is_an_article_and_copies_are_marked(corpus: Path, tmp_path: Path) -> None:
    rows = run(corpus, tmp_path, "articles")
    assert [(r["id"], r["duplicate_of"]) for r in rows] == [
        ("wire/a.txt", None), ("wire/b.txt", "wire/a.txt"), ("wire/c.txt", None)]
    assert {r["outlet"] for r in rows} == {"wire"}
    distinct = run(corpus, tmp_path, "articles", "--distinct")
    assert [r["id"] for r in distinct] == ["wire/a.txt", "wire/c.txt"]


def test_figures_of_a_republished_copy_are_reported_unless_distinct(corpus: Path,
                                                                   tmp_path: Path) -> None:
    rows = run(corpus, tmp_path, "casualties")
    assert sorted((r["article"], r["value"]) for r in rows) == [
        ("wire/a.txt", 12), ("wire/b.txt", 12), ("wire/c.txt", 14)]
    distinct = run(corpus, tmp_path, "casualties", "--distinct")
    assert sorted((r["article"], r["value"]) for r in distinct) == [
        ("wire/a.txt", 12), ("wire/c.txt", 14)]
