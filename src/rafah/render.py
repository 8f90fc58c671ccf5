"""Output writers: rich tables for people, JSON / JSONL / CSV for programs.

Text from articles is always printed as plain text (never as rich markup), and CSV cells that
a spreadsheet would run as a formula are prefixed with a quote.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import IO, Any

FORMATS = ("table", "json", "jsonl", "csv")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NO_WRAP = {"date", "first_seen", "last_seen", "period", "type", "kind", "value"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences, newlines in file
    names) are shown as \\xNN instead of being sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def make_console(file: IO[str] | None = None, *, stderr: bool = False):  # noqa: ANN201
    """A rich Console for stdout (data) or stderr (messages); no colour when not a terminal
    or when NO_COLOR is set."""
    from rich.console import Console

    stream = file or (sys.stderr if stderr else sys.stdout)
    is_terminal = hasattr(stream, "isatty") and stream.isatty()
    width = None if is_terminal else int(os.environ.get("COLUMNS", "0") or 0) or 160
    return Console(file=stream, width=width, no_color=bool(os.environ.get("NO_COLOR")),
                   highlight=False, markup=False, emoji=False, soft_wrap=False,
                   force_terminal=None if is_terminal else False)


def cell_text(value: Any) -> str:
    """How one value reads in a table or CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 1_000 else str(value)
    return printable(str(value))


def csv_cell(value: Any) -> str:
    """CSV text for one value: lists joined with '; ', formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        text = "; ".join(csv_cell(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    if isinstance(value, str | list | tuple | dict) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_records(records: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str],
                  out: IO[str], *, title: str | None = None,
                  table_columns: Sequence[str] | None = None) -> None:
    """Write records in one of FORMATS. ``columns`` order JSON keys' CSV header;
    ``table_columns`` may pick fewer columns for the terminal table."""
    if fmt == "json":
        lines = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
        out.write(f"[\n{lines}\n]\n" if lines else "[]\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow([csv_cell(record.get(c)) for c in columns])
    else:
        print_table(records, table_columns or columns, out, title=title)


def print_table(records: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str], *,
                title: str | None = None) -> None:
    """A rich table of records."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for column in columns:
        numeric = records and all(isinstance(r.get(column), int | float) and
                                  not isinstance(r.get(column), bool)
                                  for r in records if r.get(column) is not None)
        table.add_column(column, justify="right" if numeric else "left", overflow="fold",
                         no_wrap=numeric or column in _NO_WRAP)
    for record in records:
        table.add_row(*(Text(cell_text(record.get(c))) for c in columns))
    make_console(out).print(table)
