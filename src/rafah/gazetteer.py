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


def _entry_from_json(value: object, where: str) -> GazetteerEntry:
    if not isinstance(value, dict):
        raise InputFormatError(f"{where}: not a JSON object")
    if "name" in value and "type" in value:
        aliases = value.get("aliases") or []
        return GazetteerEntry(str(value["name"]), str(value["type"]).upper(),
                              tuple(str(a) for a in aliases))
    if "pattern" in value and "label" in value and isinstance(value["pattern"], str):
        name = str(value.get("id") or value["pattern"])
        aliases = () if value["pattern"] == name else (value["pattern"],)
        return GazetteerEntry(name, str(value["label"]).upper(), aliases)
    raise InputFormatError(f"{where}: needs name and type (or label and a string pattern)")


def parse_entries(text: str, source: str, *, csv_format: bool = False) -> list[GazetteerEntry]:
    """Parse gazetteer text (JSONL, or CSV when ``csv_format``)."""
    entries: list[GazetteerEntry] = []
    if csv_format:
        for row in csv.reader(io.StringIO(text)):
            if len(row) < 2 or not row[0].strip() or row[0].strip().lower() == "name":
                continue
            listed = row[2].split(";") if len(row) > 2 else []
            aliases = tuple(a.strip() for a in listed if a.strip())
            entries.append(GazetteerEntry(row[0].strip(), row[1].strip().upper(), aliases))
        return entries
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise InputFormatError(f"gazetteer {source} line {number}: invalid JSON") from exc
        entries.append(_entry_from_json(value, f"gazetteer {source} line {number}"))
    return entries


@cache
def load_entries(extra_files: tuple[str, ...] = ()) -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer followed by the user's files (later entries win on conflicts)."""
    entries = parse_entries(read_text("gazetteer.jsonl"), "(shipped)")
    for name in extra_files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InputFormatError(f"cannot read gazetteer {name!r}: {exc.strerror}") from exc
        entries.extend(parse_entries(text, repr(name), csv_format=name.lower().endswith(".csv")))
    return tuple(entries)


def digest(extra_files: tuple[str, ...] = ()) -> str:
    """A short hash of the gazetteer content (part of the analysis fingerprint)."""
    payload = json.dumps([[e.name, e.type, list(e.aliases)] for e in load_entries(extra_files)])
    return hashlib.sha256(payload.encode()).hexdigest()[:12]
