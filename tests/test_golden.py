"""Golden outputs: the JSON of every command on the seeds, recorded before the structure
refactor, stays the same. When a change is meant to alter an output, re-record with
``python -m tests.test_golden`` and review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah.cli import cli

from .conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "articles": ["articles"],
    "entities": ["entities"],
    "casualties": ["casualties"],
    "timeline": ["timeline"],
    "events": ["timeline", "--events"],
    "context-Netanyahu": ["context", "Netanyahu"],
    "context-Gaza": ["context", "Gaza"],
}


def command_output(args: list[str], cache: Path) -> str:
    """A command's JSON on the seeds, with the seeds' folder written as SEEDS/."""
    result = CliRunner().invoke(cli, [*args, str(SEEDS), "--format", "json", "--cache",
                                      str(cache), "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(f"{SEEDS}/", "SEEDS/")


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_the_recorded_one(name: str, shared_cache: Path) -> None:
    expected = json.loads((GOLDEN / f"seeds-{name}.json").read_text(encoding="utf-8"))
    assert json.loads(command_output(CASES[name], shared_cache)) == expected


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for case, arguments in CASES.items():
            output = command_output(arguments, Path(folder) / "cache.sqlite3")
            (GOLDEN / f"seeds-{case}.json").write_text(output, encoding="utf-8")
            print(f"recorded {case}")
