"""The domain gazetteer: canonical names, their types and aliases (no spaCy).

The shipped list (data/gazetteer.jsonl) holds places and organisations that the small English
model mislabels in conflict news. Users add their own with ``--gazetteer FILE``: JSONL lines of
``{"name", "type", "aliases"}`` or spaCy EntityRuler ``{"label", "pattern", "id"}``, or CSV rows
``name,type[,alias;alias...]``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rafah.errors import InputFormatError
from rafah.resources import read_text


@dataclass(frozen=True)
class GazetteerEntry:
    """One real-world entity: its canonical name, type and other names."""

    name: str
    type: str
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every form the entity can be written in."""
        return (self.name, *self.aliases)


class GazetteerFormatError(InputFormatError):
    """A gazetteer file that is not UTF-8 text or not in one of the accepted shapes."""


_JSON_SHAPE = ('a JSON object {"name", "type", "aliases": [...]} or '
               '{"label", "pattern", "id"} per line')
_CSV_SHAPE = "name,type[,alias;alias...] (2 or 3 columns)"


def read_utf8(path: str | Path, what: str) -> str:
    """The text of a user's file; any problem is one GazetteerFormatError line naming the
    file, the line and what was expected (e.g. a spreadsheet's cp1252 export)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GazetteerFormatError(f"cannot read {what} {str(path)!r}: "
                                   f"{exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise GazetteerFormatError(
            f"{what} {str(path)!r} line {line}: expected UTF-8 text, found byte "
            f"0x{data[exc.start]:02x} at column {column} (saved as cp1252/Latin-1?); "
            "save it as UTF-8") from exc


def _named_entry(value: dict[str, object], where: str) -> GazetteerEntry:
    """An entry from a ``{"name", "type", "aliases"}`` object."""
    aliases = value.get("aliases") or []
    if not isinstance(aliases, list):
        raise GazetteerFormatError(f"{where}: expected \"aliases\" to be a list of names, "
                                   f"found {type(aliases).__name__}")
    if not str(value["name"]).strip() or not str(value["type"]).strip():
        raise GazetteerFormatError(f"{where}: expected a non-empty name and type")
    return GazetteerEntry(str(value["name"]), str(value["type"]).upper(),
                          tuple(str(a) for a in aliases))


def _entry_from_json(value: object, where: str) -> GazetteerEntry:
    if not isinstance(value, dict):
        raise GazetteerFormatError(f"{where}: expected {_JSON_SHAPE}, found "
                                   f"{type(value).__name__}")
    if "name" in value and "type" in value:
        return _named_entry(value, where)
    if "pattern" in value and "label" in value and isinstance(value["pattern"], str):
        name = str(value.get("id") or value["pattern"])
        aliases = () if value["pattern"] == name else (value["pattern"],)
        return GazetteerEntry(name, str(value["label"]).upper(), aliases)
    raise GazetteerFormatError(f"{where}: expected {_JSON_SHAPE}; found keys "
                               f"{', '.join(map(str, value)) or 'none'}")


def _entry_from_csv(row: list[str], where: str) -> GazetteerEntry | None:
    """One CSV row as an entry; None for a blank row or the header."""
    cells = [cell.strip() for cell in row]
    if not any(cells) or (cells[0].lower() == "name" and len(cells) > 1 and
                          cells[1].lower() in ("type", "label")):
        return None
    if len(cells) not in (2, 3) or not cells[0] or not cells[1]:
        problem = "an empty name or type" if len(cells) in (2, 3) else \
            f"{len(cells)} column{'s' if len(cells) != 1 else ''}"
        raise GazetteerFormatError(f"{where}: expected {_CSV_SHAPE}, found {problem}")
    listed = cells[2].split(";") if len(cells) > 2 else []
    return GazetteerEntry(cells[0], cells[1].upper(), tuple(a.strip() for a in listed
                                                           if a.strip()))


def _csv_entries(text: str, source: str) -> list[GazetteerEntry]:
    reader = csv.reader(io.StringIO(text))
    entries: list[GazetteerEntry] = []
    try:
        for row in reader:
            entry = _entry_from_csv(row, f"gazetteer {source} line {reader.line_num}")
            if entry is not None:
                entries.append(entry)
    except csv.Error as exc:
        raise GazetteerFormatError(f"gazetteer {source} line {reader.line_num}: expected "
                                   f"CSV rows of {_CSV_SHAPE} ({exc})") from exc
    return entries


def parse_entries(text: str, source: str, *, csv_format: bool = False) -> list[GazetteerEntry]:
    """Parse gazetteer text (JSONL, or CSV when ``csv_format``)."""
    entries: list[GazetteerEntry] = []
    if csv_format:
        return _csv_entries(text, source)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise GazetteerFormatError(f"gazetteer {source} line {number}: expected "
                                       f"{_JSON_SHAPE}; not valid JSON ({exc})") from exc
        entries.append(_entry_from_json(value, f"gazetteer {source} line {number}"))
    return entries


@cache
def load_entries(extra_files: tuple[str, ...] = ()) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer followed by the user's files (later entries win on conflicts)."""
    entries = parse_entries(read_text("gazetteer.jsonl"), "(shipped)")
    for name in extra_files:
        text = read_utf8(name, "gazetteer")
        entries.extend(parse_entries(text, repr(name), csv_format=name.lower().endswith(".csv")))
    return tuple(entries)


def digest(extra_files: tuple[str, ...] = ()) -> str:
    """A short hash of the gazetteer content (part of the analysis fingerprint)."""
    payload = json.dumps([[e.name, e.type, list(e.aliases)] for e in load_entries(extra_files)])
    return hashlib.sha256(payload.encode()).hexdigest()[:12]
