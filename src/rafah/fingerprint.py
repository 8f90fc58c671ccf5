"""What an analysis depends on besides the text, derived from the code rather than kept by hand.

The analysis code is every module the extractors and the pipeline import (followed through
their ``import`` statements, statically) and every shipped data file those modules name. A
change to any of them changes the digest, so the store never serves an analysis made by other
code.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rafah.resources import resource_path

PIPELINE_MODULES = ("rafah.analyze", "rafah.nlp", "rafah.gazetteer_component",
                    "rafah.records", "rafah.extract.registry", "rafah.extract.context")
"""Modules that shape every analysis whatever the extractors (chunking, components, records)."""


def _source(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


def _imported(tree: ast.AST) -> Iterable[str]:
    """Dotted names a module imports (``from a import b`` gives both a and a.b)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _strings(tree: ast.AST) -> Iterable[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def dependencies(roots: Iterable[str]) -> tuple[dict[str, Path], dict[str, Path]]:
    """(module name → source file, data file name → path) reachable from ``roots``.

    Only modules of the ``rafah`` package and the roots themselves are followed; third-party
    code is identified by the model's and the packages' versions elsewhere.
    """
    data_dir = resource_path("")
    data_names = {p.name for p in data_dir.iterdir() if p.is_file()} if data_dir.is_dir() else set()
    modules: dict[str, Path] = {}
    data: dict[str, Path] = {}
    waiting = list(roots)
    while waiting:
        name = waiting.pop()
        if name in modules:
            continue
        path = _source(name)
        if path is None:
            continue
        modules[name] = path
        tree = ast.parse(path.read_bytes())
        waiting += [m for m in _imported(tree) if m.startswith("rafah.") and m not in modules]
        data.update({s: data_dir / s for s in _strings(tree) if s in data_names})
    return modules, data


def code_digest(roots: Iterable[str]) -> str:
    """A short hash of the source of every module reachable from ``roots`` and the data files
    they name."""
    modules, data = dependencies(roots)
    hasher = hashlib.sha256()
    for label, path in sorted([*modules.items(), *data.items()]):
        hasher.update(label.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()[:12]


@cache
def _cached_digest(roots: tuple[str, ...]) -> str:
    return code_digest(roots)


def analysis_digest(extractor_modules: Iterable[str]) -> str:
    """The digest of the pipeline modules and the given extractor modules (cached per
    process: the code does not change under a running program)."""
    return _cached_digest(tuple(sorted({*PIPELINE_MODULES, *extractor_modules})))
