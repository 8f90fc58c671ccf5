"""A 5 MB single article goes through the whole analysis path (chunking, every component and
extractor, merging, the store, the reports) in linear time.

The language model parses about 5,000 words a second per core, so a 5 MB article takes minutes
with it (benchmarks/long_text.py measures that against raw spaCy). This test uses a blank
English pipeline with a sentencizer in its place: what it proves is that nothing of rafah's own
is quadratic on a long text, and that the result is complete and correct in its offsets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah.cli import cli

from .conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    folder = tmp_path_factory.mktemp("blank") / "blank_en"
    nlp.meta.update({"name": "blank_test", "version": "0.0.1"})
    nlp.to_disk(folder)
    return folder


def _long_article(folder: Path, megabytes: float) -> Path:
    seeds = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(SEEDS.glob("*.txt"))]
    parts: list[str] = []
    size = copy = 0
    while size < megabytes * 1_000_000:
        for text in seeds:
            part = f"Part {copy}: {text}"
            parts.append(part)
            size += len(part.encode("utf-8"))
        copy += 1
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "long.txt"
    path.write_text("Date: 2024-03-20\n\n# A long report\n\n" + "\n\n".join(parts),
                    encoding="utf-8")
    return path


def _run(path: Path, model: Path, cache: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, str(path), "--model", str(model), "--cache",
                                      str(cache), "--format", "json", "-q", "-j", "1",
                                      "--max-bytes", "20000000"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_five_megabyte_article_is_analysed_completely(tmp_path: Path,
                                                        blank_model: Path) -> None:
    path = _long_article(tmp_path / "c", 5)
    started = time.perf_counter()
    rows = _run(path, blank_model, tmp_path / "s.sqlite3", "context", "Rafah")
    seconds = time.perf_counter() - started
    text = "\n\n".join(path.read_text(encoding="utf-8").split("\n\n")[2:])
    assert len(rows) == text.count("Rafah")
    assert all(r["match"] == "Rafah" for r in rows)
    assert seconds < 240, seconds


def test_doubling_the_text_at_most_doubles_the_time(tmp_path: Path, blank_model: Path) -> None:
    timings = []
    for megabytes in (0.5, 1.0):
        path = _long_article(tmp_path / str(megabytes), megabytes)
        started = time.perf_counter()
        _run(path, blank_model, tmp_path / f"{megabytes}.sqlite3", "entities")
        _run(path, blank_model, tmp_path / f"{megabytes}.sqlite3", "timeline", "--events")
        timings.append(time.perf_counter() - started)
    assert timings[1] < timings[0] * 3, timings
