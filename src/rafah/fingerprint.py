"""What an analysis depends on besides the text, derived from the code rather than kept by hand.

The analysis code is every module the extractors and the pipeline import (followed through
their ``import`` statements, statically) and every shipped data file those modules name as a
string literal ("casualty_lexicon.json"). A
change to any of them changes the digest, so the store never serves an analysis made by other
code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rafah.resources import resource_path

PIPELINE_MODULES = ("rafah.pipeline", "rafah.nlp", "rafah.gazetteer_component",
                    "rafah.paragraph_component",
                    "rafah.records", "rafah.extract.registry", "rafah.extract.context")
"""Modules that shape every analysis whatever the extractors (chunking, components, records);
not `rafah.analyze` or `rafah.executors`, which only decide where the analysis runs."""


_PACKAGE = Path(__file__).resolve().parent


def _source(module: str) -> Path | None:
    """The source file of a module, found without importing anything (importing a parent
    package to look up a submodule could load spaCy)."""
    if module == "rafah" or module.startswith("rafah."):
        base = _PACKAGE.joinpath(*module.split(".")[1:])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None
    if "." in module:
        return None
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(rafah(?:\.\w+)*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([\w ,\t]+))"
    rb"|import[ \t]+(rafah(?:\.\w+)*))", re.M)


_LITERAL = re.compile(rb'"([\w.-]+)"')


@cache
def _scan(path: Path, mtime_ns: int, size: int) -> tuple[tuple[str, ...], frozenset[str], bytes]:
    """The rafah modules a source file imports (``from a import b`` gives a and a.b), the
    string literals it holds (data file names among them) and the digest of its bytes, read
    once per version of the file. A line scan, not a parse: it runs on every start."""
    source = path.read_bytes()
    found: list[str] = []
    for match in _IMPORT.finditer(source):
        module = (match[1] or match[4]).decode()
        found.append(module)
        names = (match[2] or match[3] or b"").decode().replace("\n", ",").split(",")
        found += [f"{module}.{n.split()[0]}" for n in names if n.strip()]
    literals = frozenset(m.decode() for m in _LITERAL.findall(source))
    return tuple(found), literals, hashlib.sha256(source).digest()


def _scanned(path: Path) -> tuple[tuple[str, ...], frozenset[str], bytes]:
    stat = path.stat()
    return _scan(path, stat.st_mtime_ns, stat.st_size)


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
        imports, literals, _ = _scanned(path)
        waiting += [m for m in imports if m not in modules]
        data.update({n: data_dir / n for n in data_names & literals})
    return modules, data


def code_digest(roots: Iterable[str]) -> str:
    """A short hash of the source of every module reachable from ``roots`` and the data files
    they name (each source file is read once per version)."""
    modules, data = dependencies(roots)
    hasher = hashlib.sha256()
    for label, path in sorted(modules.items()):
        hasher.update(label.encode() + b"\0" + _scanned(path)[2] + b"\0")
    for label, path in sorted(data.items()):
        hasher.update(label.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()[:12]


def analysis_digest(extractor_modules: Iterable[str]) -> str:
    """The digest of the pipeline modules and the given extractor modules."""
    return code_digest(sorted({*PIPELINE_MODULES, *extractor_modules}))
