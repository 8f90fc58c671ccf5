"""Output writers: tables for people, JSON / JSONL / CSV for programs.

Tables are plain text, one line per row, sized to ``$COLUMNS`` or the terminal (100 columns
when piped): dates and numbers are never cut, long text is shortened with "…", article ids are
shown short, and when the width is too small columns are left out from the right (named in a
footer) before the first text column (the name) gets narrow. A rich table (boxed) is drawn
only on a terminal and only for a few rows. Text from articles is always printed as plain text
(never as rich markup), and CSV cells that a spreadsheet would run as a formula are prefixed
with a quote. A reader that closes the pipe early (``| head -1``) ends the output quietly.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rafah.errors import RafahError

FORMATS = ("table", "json", "jsonl", "csv")
SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                  ".txt": "table", ".geojson": "geojson"}
TERMINAL_TOP = 25
TABLE_TOP = 100_000
"""The most rows a table shows without --top (a table is for reading; JSON, JSONL and CSV
are always complete)."""
RICH_MAX_ROWS = 60
PIPE_WIDTH = 100
SHORT_ID = 24
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NO_WRAP = {"date", "first_seen", "last_seen", "period", "type", "kind", "value", "granularity",
            "date_source", "start", "end", "side", "qualifier"}
_SHORT_ID_COLUMNS = {"article", "duplicate_of", "part_of", "restates"}
_TAIL_COLUMNS = {"id", "path"}
_PRIMARY_MIN = 20
_OTHER_MIN = 10
_GAP = "  "
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ID_SUFFIX = re.compile(r"(#\d+)?(:\d+)?$")
_WIDE_OR_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff"
    "\u1100-\u115f\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe00-\ufe0f\ufe20-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff"
    "\U00020000-\U0003fffd]")
VAGUE_NOTE = "~ vague (\"dozens\", \"hundreds\"): its smallest plausible count"


class OutputError(RafahError):
    """An output option cannot be honoured (unknown file suffix, column or sort key)."""


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences, newlines in file
    names) are shown as \\xNN instead of being sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def output_width(stream: IO[str] | None = None) -> int:
    """Columns to fill: ``$COLUMNS`` when set, else the terminal's width, else 100."""
    configured = os.environ.get("COLUMNS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    stream = stream or sys.stdout
    if is_terminal(stream):
        try:
            return os.get_terminal_size(stream.fileno()).columns or PIPE_WIDTH
        except (OSError, ValueError):
            return PIPE_WIDTH
    return PIPE_WIDTH


def is_terminal(stream: IO[str] | None = None) -> bool:
    """Whether the stream (stdout by default) is a terminal."""
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def make_console(file: IO[str] | None = None, *, stderr: bool = False):  # noqa: ANN201
    """A rich Console for stdout (data) or stderr (messages); no colour when not a terminal
    or when NO_COLOR is set; as wide as `output_width`."""
    from rich.console import Console

    stream = file or (sys.stderr if stderr else sys.stdout)
    terminal = is_terminal(stream)
    return Console(file=stream, width=output_width(stream),
                   no_color=bool(os.environ.get("NO_COLOR")), highlight=False, markup=False,
                   emoji=False, soft_wrap=False, force_terminal=None if terminal else False)


def cell_text(value: Any) -> str:
    """How one value reads in a table or CSV cell."""
    kind = type(value)
    if kind is str:
        return value if value.isprintable() else printable(value)
    if kind is int:
        return f"{value:,}" if abs(value) >= 1_000 else str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return _list_text(value)
    if isinstance(value, dict):
        return printable(json.dumps(value, ensure_ascii=False))
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 1_000 else str(value)
    return printable(str(value))


def _list_text(value: list[Any] | tuple[Any, ...]) -> str:
    """`cell_text` of a list: its items' texts joined ("; "); a list of printable texts is
    joined as it is."""
    if type(value) is list or type(value) is tuple:
        try:
            joined = "; ".join(value)
        except TypeError:
            joined = ""
        if joined.isprintable() and (joined or not value):
            return joined
    return "; ".join(cell_text(v) for v in value)


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


def short_id(article_id: str, limit: int = SHORT_ID) -> str:
    """An article id as a table shows it: the file name, its first ``limit`` characters and
    an ellipsis when longer; a record number (``#12``) or offset (``:345``) is kept."""
    name = article_id.rsplit("/", 1)[-1]
    if len(name) <= limit + 1:  # its stem is not longer
        return name
    match = _ID_SUFFIX.search(name)
    suffix = match.group(0) if match else ""
    stem = name[: len(name) - len(suffix)]
    if len(stem) <= limit + 1:
        return name
    return stem[:limit] + "…" + suffix


# ---------------------------------------------------------------- row selection


def row_limit(top: int | None, terminal: bool, *, table: bool = False) -> int:
    """How many rows to show (0: all): ``--top`` when given (0: all), else `TERMINAL_TOP`
    on a terminal, `TABLE_TOP` in a table written to a pipe or a file, all in JSON, JSONL
    and CSV."""
    if top is not None:
        return top
    return TERMINAL_TOP if terminal else TABLE_TOP if table else 0


def limit_rows(rows: Sequence[Any], top: int | None, terminal: bool, *, table: bool = False
               ) -> tuple[list[Any], str | None]:
    """The rows to show and a one-line note for stderr when some are left out (see
    `row_limit`)."""
    limit = row_limit(top, terminal, table=table)
    if limit <= 0 or len(rows) <= limit:
        return list(rows), None
    return list(rows[:limit]), left_out_note(len(rows), limit)


def left_out_note(total: int, limit: int) -> str | None:
    """The note for stderr when only ``limit`` (0: all) of ``total`` rows are shown."""
    hidden = total - limit
    if limit <= 0 or hidden <= 0:
        return None
    return f"{hidden:,} more row{'s' if hidden != 1 else ''}; --top 0 shows all"


def _names(spec: str | Sequence[str] | None) -> list[str]:
    if spec is None:
        return []
    parts = [spec] if isinstance(spec, str) else list(spec)
    return [name.strip() for part in parts for name in part.split(",") if name.strip()]


def choose_columns(spec: str | Sequence[str] | None, default: Sequence[str],
                   available: Sequence[str]) -> list[str]:
    """The columns ``--columns`` asks for ("name,type", repeatable; "all"), else ``default``.
    Raises OutputError naming the valid columns for an unknown one."""
    names = _names(spec)
    if not names:
        return list(default)
    if names == ["all"]:
        return list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        raise OutputError(f"unknown column {unknown[0]!r} for --columns; choose from "
                          f"{', '.join(available)} (or all)")
    return list(dict.fromkeys(names))


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "" or value == []:
        return (2, "")
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, int | float):
        return (0, value)
    return (1, cell_text(value).casefold())


def sort_rows(rows: Sequence[dict[str, Any]], spec: str | Sequence[str] | None,
              available: Sequence[str]) -> list[dict[str, Any]]:
    """Rows sorted by ``--sort`` keys: "mentions" (ascending), "-mentions" or "mentions:desc"
    (descending), several separated by commas; empty values last either way. The sort is
    stable, so rows equal on the keys keep their order. Raises OutputError for an unknown
    column."""
    result = list(rows)
    keys = []
    for name in _names(spec):
        descending = name.startswith("-") or name.endswith(":desc")
        column = name.lstrip("+-").removesuffix(":desc").removesuffix(":asc")
        if column not in available:
            raise OutputError(f"unknown column {column!r} for --sort; choose from "
                              f"{', '.join(available)} (prefix - for descending)")
        keys.append((column, descending))
    for column, descending in reversed(keys):
        keyed = [(_sort_key(r.get(column)), r) for r in result]
        present = [pair for pair in keyed if pair[0][0] < 2]
        present.sort(key=lambda pair: pair[0], reverse=descending)
        result = [r for _, r in present] + [r for key, r in keyed if key[0] == 2]
    return result


def format_for_path(path: str | os.PathLike[str] | None, fmt: str | None,
                    allowed: Sequence[str] = FORMATS) -> str:
    """The output format: ``--format`` when given, else from the suffix of ``-o FILE``
    (.json, .jsonl/.ndjson, .csv, .txt for a table), else table.
    Raises OutputError for a suffix it cannot tell or a format the command does not write."""
    if fmt:
        chosen = fmt
    elif path is None:
        chosen = "table"
    else:
        suffix = Path(path).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            known = ", ".join(s for s, f in SUFFIX_FORMATS.items() if f in allowed)
            raise OutputError(f"cannot tell the output format of {str(path)!r} from its "
                              f"suffix; use {known}, or give --format")
        chosen = SUFFIX_FORMATS[suffix]
    if chosen not in allowed:
        raise OutputError(f"this command writes {', '.join(allowed)}, not {chosen}")
    return chosen


# ---------------------------------------------------------------- pipes and files


def silence_stdout() -> None:
    """After the reader of a pipe has gone, send further output to the null device (so the
    flush at exit cannot fail again)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@contextmanager
def closed_pipe_ok(stream: IO[str] | None = None) -> Iterator[None]:
    """Write inside this block: when the reader closes the pipe (``| head -1``), the rest of
    the output is dropped quietly and the program goes on to exit 0.

    Catching BrokenPipeError here, inside the command, keeps click from turning it into
    exit code 1."""
    stream = stream or sys.stdout
    try:
        yield
        stream.flush()
    except BrokenPipeError:
        if stream is sys.stdout or stream is sys.__stdout__:
            silence_stdout()


@contextmanager
def open_output(path: str | os.PathLike[str] | None) -> Iterator[IO[str]]:
    """The stream to write data to: ``-o FILE`` (UTF-8, written whole or not at all) or
    stdout. Raises OutputError when the file cannot be written."""
    if path is None:
        with closed_pipe_ok(sys.stdout):
            yield sys.stdout
        return
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        handle = partial.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    try:
        with handle:
            yield handle
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise OutputError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- writers


def write_records(records: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str],
                  out: IO[str], *, title: str | None = None,
                  table_columns: Sequence[str] | None = None,
                  width: int | None = None) -> None:
    """Write records in one of FORMATS. ``columns`` order JSON keys' CSV header;
    ``table_columns`` may pick fewer columns for the terminal table. A closed pipe ends the
    output quietly."""
    if fmt in ("json", "jsonl"):
        write_texts((json.dumps(r, ensure_ascii=False) for r in records), fmt, out)
        return
    with closed_pipe_ok(out):
        if fmt == "csv":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(columns)
            for record in records:
                writer.writerow([csv_cell(record.get(c)) for c in columns])
        else:
            rows = records if isinstance(records, Sequence) else list(records)
            print_table(rows, table_columns or columns, out, title=title, width=width)


def write_texts(texts: Iterable[str], fmt: str, out: IO[str], chunk: int = 1000) -> None:
    """Write rows already serialised as JSON texts, as `write_records` writes them in
    ``json`` or ``jsonl`` (streamed: the rows are never all in memory). A closed pipe ends
    the output quietly."""
    write_chunks(_batched(texts, chunk), fmt, out)


def _batched(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """The texts in lists of ``size`` (the last shorter)."""
    iterator = iter(texts)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def write_chunks(chunks: Iterable[list[str]], fmt: str, out: IO[str]) -> None:
    """`write_texts` of rows given a list at a time (one write a list)."""
    separator, opening, closing = (",\n  ", "[\n  ", "\n]\n") if fmt == "json" else \
        ("\n", "", "\n")
    with closed_pipe_ok(out):
        written = False
        for texts in chunks:
            if texts:
                out.write((separator if written else opening) + separator.join(texts))
                written = True
        if written:
            out.write(closing)
        elif fmt == "json":
            out.write("[]\n")


def print_table(records: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str], *,
                title: str | None = None, width: int | None = None) -> None:
    """A table of records: rich (boxed) for a few rows on a terminal, else plain text."""
    boxed = is_terminal(out) and len(records) <= RICH_MAX_ROWS
    layout = fit_table(records, columns, width or output_width(out), boxed=boxed)
    if boxed:
        _print_rich(layout, out, title)
    else:
        out.write(render_plain(layout, title))


# ---------------------------------------------------------------- layout


def text_width(text: str) -> int:
    """Terminal cells a text takes (wide East Asian characters take two)."""
    if text.isascii() or not _WIDE_OR_COMBINING.search(text):
        return len(text)
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int, *, keep_end: bool = False) -> str:
    """Text cut to ``width`` cells with "…" where it was cut (at the start with
    ``keep_end``)."""
    if text_width(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    if text.isascii():
        return "…" + text[-(width - 1):] if keep_end else text[: width - 1] + "…"
    kept: list[str] = []
    used = 0
    for ch in reversed(text) if keep_end else text:
        size = text_width(ch)
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


@dataclass
class Column:
    """One column of a fitted table."""

    name: str
    cells: list[str]
    sizes: list[int]
    numeric: bool
    fixed: bool
    natural: int
    width: int = 0

    def cell(self, index: int) -> str:
        """Row ``index`` cut and padded to the column's width."""
        text, size = self.cells[index], self.sizes[index]
        if size > self.width:
            text = clip(text, self.width, keep_end=self.name in _TAIL_COLUMNS)
            size = text_width(text)
        if size == self.width:
            return text
        space = " " * (self.width - size)
        return space + text if self.numeric else text + space

    def rendered(self) -> list[str]:
        """Every row as `cell` gives it (one pass: a table of 100,000 rows has 500,000
        cells)."""
        width, keep_end = self.width, self.name in _TAIL_COLUMNS
        found = []
        for text, size in zip(self.cells, self.sizes, strict=True):
            if size > width:
                if width > 1 and text.isascii():  # "…" takes one cell
                    found.append("…" + text[-(width - 1):] if keep_end
                                 else text[: width - 1] + "…")
                    continue
                text = clip(text, width, keep_end=keep_end)
                size = text_width(text)
            if size == width:
                found.append(text)
            elif self.numeric:
                found.append(" " * (width - size) + text)
            else:
                found.append(text + " " * (width - size))
        return found


@dataclass
class Layout:
    """A table fitted to a width: its columns and those left out."""

    columns: list[Column]
    hidden: list[str]
    vague: bool


def _cells(records: Sequence[dict[str, Any]], name: str, values: list[Any],
           kinds: set[type]) -> list[str]:
    """`cell_text` of each value (``kinds``: the types of those not None), a column of
    texts or of integers at a time."""
    if name in _SHORT_ID_COLUMNS:
        return [short_id(cell_text(v)) for v in values]
    if name == "value":
        return [("~" if r.get("vague") else "") + cell_text(r.get(name)) for r in records]
    if kinds == {str}:
        return ["" if v is None else v if v.isprintable() else printable(v) for v in values]
    if kinds == {int}:  # "{:,}" writes a number below 1,000 as str() does
        return ["" if v is None else f"{v:,}" for v in values]
    return [cell_text(v) for v in values]


def _column(records: Sequence[dict[str, Any]], name: str) -> Column:
    values = [r.get(name) for r in records]
    kinds = set(map(type, values)) - {type(None)}
    numeric = bool(kinds) and all(issubclass(k, int | float) and not issubclass(k, bool)
                                  for k in kinds)
    cells = _cells(records, name, values, kinds)
    sizes = [len(c) if c.isascii() else text_width(c) for c in cells]
    natural = max([text_width(name), *sizes])
    fixed = numeric or name in _NO_WRAP or name.endswith(("date", "_seen")) or \
        bool(kinds) and all(issubclass(k, bool) for k in kinds)
    return Column(name, cells, sizes, numeric, fixed, natural, natural)


def _minimum(column: Column, primary: bool) -> int:
    if column.fixed:
        return column.natural
    if column.name in _SHORT_ID_COLUMNS:
        return column.natural
    return min(column.natural, _PRIMARY_MIN if primary else _OTHER_MIN)


def fit_table(records: Sequence[dict[str, Any]], columns: Sequence[str], width: int, *,
              boxed: bool = False) -> Layout:
    """Choose column widths for ``width`` terminal columns.

    Dates, numbers and other short fixed fields keep their width; text columns shrink, the
    last ones first, the first text column (the name) not below 20 cells. When even that does
    not fit, columns are left out from the right (never the first one).
    """
    table = [_column(records, name) for name in columns]
    vague = "value" in columns and any(r.get("vague") for r in records)
    hidden: list[str] = []
    gap, edges = (3, 4) if boxed else (len(_GAP), 0)
    primary = next((c for c in table if not c.fixed), None)

    def needed(chosen: list[Column]) -> int:
        return sum(_minimum(c, c is primary) for c in chosen) + gap * (len(chosen) - 1) + edges

    while len(table) > 1 and needed(table) > width:
        hidden.insert(0, table.pop().name)
    spare = width - sum(c.natural for c in table) - gap * (len(table) - 1) - edges
    for column in reversed([c for c in table if not c.fixed]):
        cut = min(column.natural - _minimum(column, column is primary), max(0, -spare))
        column.width = column.natural - cut
        spare += cut
    return Layout(table, hidden, vague)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - text_width(text))
    return space + text if right else text + space


def render_plain(layout: Layout, title: str | None = None) -> str:
    """The table as plain text: a header line, a rule, one line per row, and footers for
    vague figures and columns left out."""
    columns = layout.columns
    lines: list[str] = [title] if title else []
    lines.append(_GAP.join(_pad(clip(c.name, c.width), c.width, c.numeric)
                           for c in columns).rstrip())
    lines.append(_GAP.join("-" * c.width for c in columns))
    rendered = [c.rendered() for c in columns]
    lines.extend(_GAP.join(cells).rstrip() for cells in zip(*rendered, strict=True))
    lines.extend(footers(layout))
    return "\n".join(lines) + "\n"


def footers(layout: Layout) -> list[str]:
    """Lines under a table: what "~" means, which columns did not fit."""
    notes = []
    if layout.vague:
        notes.append(VAGUE_NOTE)
    if layout.hidden:
        notes.append(f"(too narrow for: {', '.join(layout.hidden)}; see --columns)")
    return notes


def _print_rich(layout: Layout, out: IO[str], title: str | None) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for column in layout.columns:
        table.add_column(clip(column.name, column.width),
                         justify="right" if column.numeric else "left",
                         no_wrap=True, overflow="ellipsis", min_width=column.width,
                         max_width=column.width)
    rows = len(layout.columns[0].cells) if layout.columns else 0
    for index in range(rows):
        table.add_row(*(Text(c.cell(index).strip()) for c in layout.columns))
    console = make_console(out)
    console.print(table)
    for note in footers(layout):
        console.print(Text(note))
