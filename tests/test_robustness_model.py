"""Every command on hostile input, interruptions, concurrent runs, long articles (real model).

These run rafah as a user does, in subprocesses, and are marked slow.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rafah.analyze import analyse_articles
from rafah.corpus import load_corpus
from rafah.store import Store

from .conftest import SEEDS
from .test_reliability import build_hostile

pytestmark = [pytest.mark.model, pytest.mark.slow]


def rafah(*args: str, cache: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rafah", *args, "--cache", str(cache)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def replicated_seeds(target: Path, copies: int) -> Path:
    """Distinct articles made from the seeds (each copy edited, so every text is new)."""
    target.mkdir()
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (target / f"{copy:03d}-{seed.name}").write_text(
                f"{text}\nCopy {copy} was made for a test.\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """The hostile corpus (with a long single-line article of casualty sentences) and one
    cache shared by the commands."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "c"
    expected = build_hostile(corpus)
    # Parsing 5 MB of text with the model takes minutes on two cores: these runs skip it with
    # --max-bytes (tests/test_long_text.py analyses a 5 MB article end to end with a blank
    # pipeline, and benchmarks/long_text.py times it with the model against raw spaCy).
    expected["five-mb.txt"] = "larger than --max-bytes"
    (corpus / "one-line.txt").write_text("Date: 2024-03-09\n\n" +
                                         "Officials said 3 people died. " * 5_000)
    return corpus, expected, folder / "cache.sqlite3"


@pytest.mark.parametrize("command", [["articles"], ["timeline", "--events"], ["entities"],
                                     ["casualties"], ["context", "Gaza"]])
def test_every_command_survives_the_hostile_corpus(hostile: tuple[Path, dict[str, str], Path],
                                                    command: list[str]) -> None:
    corpus, expected, cache = hostile
    args = [*command, str(corpus), "--format", "json", "--max-bytes", "2000000"]
    done = rafah(*args, cache=cache)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name in expected:
        assert f"skipped {name.replace(chr(10), chr(92) + 'x0a')}:" in done.stderr, name
    rows = json.loads(done.stdout)
    if command[0] == "articles":
        assert len(rows) == 14
    if command[0] == "casualties":
        assert {r["article"] for r in rows} >= {"good.txt", "crlf.txt", "one-line.txt"}
        long_rows = [r for r in rows if r["article"] == "one-line.txt"]
        assert len(long_rows) == 5_000
        text = load_corpus(corpus / "one-line.txt").articles[0].text
        assert all(text[r["start"]:r["end"]] == "3" for r in long_rows)


def test_long_article_is_analysed_in_chunks_with_true_offsets(tmp_path: Path) -> None:
    paragraph = "Israeli strikes killed 12 people in Rafah, officials said. " * 40
    body = "\n\n".join(paragraph.strip() for _ in range(60))
    (tmp_path / "long.txt").write_text(f"Date: 2024-03-01\n\n{body}\n")
    article = load_corpus(tmp_path).articles[0]
    assert len(article.text) > 100_000
    analysis = analyse_articles([article], Store(None)).analyses[article.text_hash]
    assert len(analysis.casualties) == 2400
    for figure in analysis.casualties:
        assert article.text[figure.start:figure.end] == "12"
    for mention in analysis.mentions:
        assert article.text[mention.start:mention.end] == mention.text


def test_sigkill_at_several_points_then_identical_results(tmp_path: Path) -> None:
    corpus = replicated_seeds(tmp_path / "c", 8)
    reference = rafah("entities", str(corpus), "--format", "json", "-q", "-j", "1",
                      cache=tmp_path / "reference.sqlite3")
    assert reference.returncode == 0
    cache = tmp_path / "killed.sqlite3"
    for delay in (1.0, 3.0, 5.0):
        process = subprocess.Popen([sys.executable, "-m", "rafah", "entities", str(corpus),
                                    "--cache", str(cache), "-q", "-j", "1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finished = rafah("entities", str(corpus), "--format", "json", "-q", "-j", "1", cache=cache)
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout) == json.loads(reference.stdout)


def test_ctrl_c_stops_with_one_line_and_keeps_finished_work(tmp_path: Path) -> None:
    corpus = replicated_seeds(tmp_path / "c", 24)
    cache = tmp_path / "cache.sqlite3"
    # A shell that starts a job in the background (`cmd &`, as CI runners may) makes its
    # children ignore SIGINT, and the ignoring is inherited: give the child the default back.
    process = subprocess.Popen([sys.executable, "-m", "rafah", "entities", str(corpus),
                                "--cache", str(cache), "-j", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.5)
        if cache.exists() and _stored(cache) > 0:
            break
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "Interrupted; finished analyses are kept in the " \
                                              "cache."
    assert "Traceback" not in stderr
    assert 0 < _stored(cache) < 120


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stored(cache: Path) -> int:
    try:
        reader = sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=1)
        return reader.execute("SELECT count(*) FROM analyses").fetchone()[0]
    except Exception:  # noqa: BLE001 - the table may not exist yet
        return 0


def test_two_processes_share_one_cache(tmp_path: Path) -> None:
    corpus = replicated_seeds(tmp_path / "c", 4)
    cache = tmp_path / "shared.sqlite3"
    command = [sys.executable, "-m", "rafah", "casualties", str(corpus), "--cache", str(cache),
               "--format", "json", "-q", "-j", "1"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out_first, err_first = first.communicate(timeout=300)
    out_second, err_second = second.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, err_first + err_second
    assert json.loads(out_first) == json.loads(out_second) and json.loads(out_first)
    rows = Store(cache).connection.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert rows == 20
