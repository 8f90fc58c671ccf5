"""Generate docs/cli.md from the commands' --help (run: python -m tests.cli_reference)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rafah.cli import cli

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def render_reference() -> str:
    """The CLI reference: the group's help, then each command's."""
    runner = CliRunner()
    parts = ["# Command-line reference\n",
             "Generated from `--help` by `python -m tests.cli_reference`; "
             "`tests/test_docs.py` checks it is current.\n"]
    for name in [None, *sorted(cli.commands)]:
        args = [name, "--help"] if name else ["--help"]
        text = runner.invoke(cli, args, env={"COLUMNS": "100"}, terminal_width=100,
                             prog_name="rafah").stdout
        title = f"rafah {name}" if name else "rafah"
        parts.append(f"## {title}\n\n```\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    REFERENCE.write_text(render_reference(), encoding="utf-8")
    print(f"wrote {REFERENCE}")
