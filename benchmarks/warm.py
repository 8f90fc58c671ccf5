"""Warm commands as a user sees them: each command's wall time in the default format on a
pseudo-terminal, piped, and in JSON, answered from an analysed store.

    python benchmarks/warm.py ../shared/corpus/cnn-2024-07-16_22 --cache /tmp/dev.sqlite3

The store must already hold the corpus's analyses (run any report once first: the first run
analyses the corpus, which this script does not time). Output: a Markdown table on stdout
(command | output | seconds | lines shown), one row per command and output, best of three
runs each; the output column names the format (`table on a terminal` is the default a user
sees, 100 columns wide; `table piped` and `json piped` go to a pipe).
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = [["entities"], ["casualties"], ["timeline", "--events"], ["articles"],
            ["coverage"], ["casualties", "--mentions"]]


def run_on_pty(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a command with stdout and stderr on a pseudo-terminal: (seconds, what it printed)."""
    parent, child = pty.openpty()
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=child, stderr=child, env=env)
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([parent], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(parent, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    seconds = time.perf_counter() - started
    os.close(parent)
    return seconds, b"".join(chunks).decode("utf-8", "replace")


def on_terminal(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds and lines printed on a pseudo-terminal."""
    seconds, output = run_on_pty(args, env)
    return seconds, len([line for line in output.splitlines() if line.strip()])


def piped(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds and lines written to a pipe."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, env=env, check=True)
    return time.perf_counter() - started, len(done.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--cache", required=True, type=Path)
    args = parser.parse_args()
    env = {**os.environ, "COLUMNS": "100", "RAFAH_CACHE": str(args.cache)}
    print(f"Corpus: {args.corpus}; store {args.cache}; best of 3 runs\n")
    print("| command | output | seconds | lines shown |")
    print("| --- | --- | --- | --- |")
    for command in COMMANDS:
        base = [sys.executable, "-m", "rafah", *command[:1], args.corpus, *command[1:], "-q"]
        for label, runner, extra in (("table on a terminal (default)", on_terminal, []),
                                     ("table piped", piped, []),
                                     ("json piped", piped, ["--format", "json"])):
            runs = [runner(base + extra, env) for _ in range(3)]
            seconds, lines = min(runs)
            print(f"| `rafah {' '.join(command)}` | {label} | {seconds:.2f} | {lines:,} |")


if __name__ == "__main__":
    main()
