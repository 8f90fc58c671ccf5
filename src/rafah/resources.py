"""Access to the data files shipped with the package (gazetteer, alias table, word lists)."""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def resource_path(name: str) -> Path:
    """The path of a shipped data file."""
    return Path(str(resources.files("rafah").joinpath("data", name)))


def read_text(name: str) -> str:
    """The text of a shipped data file."""
    return resources.files("rafah").joinpath("data", name).read_text(encoding="utf-8")


@cache
def word_list(name: str) -> frozenset[str]:
    """A shipped list: one lower-cased entry a line, # comments and blank lines ignored."""
    entries = (line.strip().lower() for line in read_text(name).splitlines())
    return frozenset(e for e in entries if e and not e.startswith("#"))


@cache
def json_data(name: str) -> Any:
    """A shipped JSON file."""
    return json.loads(read_text(name))


def user_cache_dir() -> Path:
    """rafah's folder in the platform's user cache folder (~/.cache/rafah on Linux)."""
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rafah"
