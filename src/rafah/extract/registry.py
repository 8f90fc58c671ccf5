"""The one list of extractors the analysis runs, and the function that runs them on a Doc.

Adding an extractor is: its module (``extract(doc, *, context) -> list[Record]``), its record
(a frozen dataclass deriving from `rafah.records.Record`), one line in ``_BUILT_IN`` (or a
`register` call), and its report. Storage columns, chunk merging and the cache fingerprint
follow from the record and the module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rafah.records import (
    Acronym,
    Analysis,
    CasualtyFigure,
    DateMention,
    HarmMention,
    Lead,
    Mention,
    Record,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rafah.extract.context import ExtractContext

ExtractFunction = Callable[..., list[Any]]


@dataclass(frozen=True)
class Extractor:
    """An extractor: its name (the store's table and the analysis attribute), its record
    type, and its function as ``"module:function"`` (imported only when analysing)."""

    name: str
    record: type[Record]
    function: str

    @property
    def module(self) -> str:
        """The dotted name of the module that holds the function."""
        return self.function.partition(":")[0]

    def load(self) -> ExtractFunction:
        """Import the function."""
        module, _, attribute = self.function.partition(":")
        loaded: ExtractFunction = getattr(importlib.import_module(module), attribute)
        return loaded


_BUILT_IN = (
    Extractor("sentences", Sentence, "rafah.extract.sentences:sentence_spans"),
    Extractor("lead", Lead, "rafah.extract.sentences:lead_sentence"),
    Extractor("mentions", Mention, "rafah.extract.mentions:entity_mentions"),
    # harm mentions record each sentence's victims on the Doc, which the casualty figures'
    # sides read when a sentence is silent: they run first.
    Extractor("harm", HarmMention, "rafah.extract.harm_mentions:harm_mentions"),
    Extractor("casualties", CasualtyFigure, "rafah.extract.casualties:casualty_figures"),
    Extractor("dates", DateMention, "rafah.extract.timexes:date_mentions"),
    Extractor("acronyms", Acronym, "rafah.extract.acronyms:acronym_definitions"),
)
_EXTRA: dict[str, Extractor] = {}


def register(extractor: Extractor) -> None:
    """Add (or replace) an extractor beyond the built-in ones, e.g. from a plug-in or a test."""
    if any(e.name == extractor.name for e in _BUILT_IN):
        raise ValueError(f"{extractor.name!r} is a built-in extractor")
    _EXTRA[extractor.name] = extractor


def unregister(name: str) -> None:
    """Remove an extractor added with `register`."""
    _EXTRA.pop(name, None)


def extractors() -> tuple[Extractor, ...]:
    """Every extractor, built-in first."""
    return _BUILT_IN + tuple(_EXTRA.values())


def extractor_names() -> tuple[str, ...]:
    """The names of every extractor (the store's record tables)."""
    return tuple(e.name for e in extractors())


def analyse_doc(doc: Doc, settings: Mapping[str, Any] | None = None) -> Analysis:
    """Run every extractor on one Doc."""
    from rafah.extract.context import ExtractContext

    context: ExtractContext = ExtractContext.for_doc(doc, settings)
    return Analysis({e.name: e.load()(doc, context=context) for e in extractors()})
