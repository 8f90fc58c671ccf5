"""Every command as a user runs it: in a pipeline closed early, and on a narrow terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS
from .test_render import run_on_terminal

pytestmark = pytest.mark.model

COMMANDS = [["articles"], ["entities"], ["casualties"], ["casualties", "--mentions"],
            ["timeline", "--events"], ["timeline", "--by", "week"], ["context", "Gaza"],
            ["coverage"]]


@pytest.fixture(scope="module")
def warm_cache(shared_cache: Path) -> Path:
    """The seeds analysed once, so that every run below answers from the store."""
    done = subprocess.run([sys.executable, "-m", "rafah", "timeline", str(SEEDS), "--cache",
                           str(shared_cache), "-q", "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return shared_cache


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_head_one_exits_0_under_pipefail(command: list[str], fmt: str, warm_cache: Path) -> None:
    args = " ".join([*command[:1], *command[1:], str(SEEDS), "--format", fmt,
                     "--cache", str(warm_cache), "-q"])
    done = subprocess.run(["bash", "-o", "pipefail", "-c",
                           f'"{sys.executable}" -m rafah {args} | head -1'],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and len(done.stdout.splitlines()) <= 1


def _on_terminal(args: list[str], columns: int, cache: Path) -> list[str]:
    script = ("import sys; from rafah.cli import main; "
              f"sys.argv = ['rafah', *{args!r}, '--cache', {str(cache)!r}, '-q']; main()")
    return [line for line in run_on_terminal(script, columns).splitlines() if line.strip()]


def test_entity_names_are_readable_at_60_columns(warm_cache: Path) -> None:
    lines = _on_terminal(["entities", str(SEEDS)], 60, warm_cache)
    assert all(len(line) <= 60 for line in lines), lines
    for name in ("Joe Biden", "Benjamin Netanyahu", "United States", "Rafah"):
        assert any(name in line for line in lines), name
    assert len(lines) <= 40


def test_casualty_values_are_readable_at_60_columns(warm_cache: Path) -> None:
    lines = _on_terminal(["casualties", str(SEEDS)], 60, warm_cache)
    assert all(len(line) <= 60 for line in lines), lines
    text = "\n".join(lines)
    for value in ("31,000", "1,500,000", "32,000", "34,900", "1,455"):
        assert value in text, value


def test_the_terminal_shows_at_most_40_lines_by_default(warm_cache: Path) -> None:
    for command in (["timeline", "--events"], ["entities"], ["articles"]):
        lines = _on_terminal([*command[:1], *command[1:], str(SEEDS)], 100, warm_cache)
        assert len(lines) <= 40, (command, len(lines))
