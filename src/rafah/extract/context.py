"""What an extractor gets besides the Doc: sentence numbering and the extraction settings.

The analysis of a text depends on that text and the settings alone (the store keys it by the
text's hash), so the article's date or file name is deliberately not part of the context: a
republished copy dated a week later shares the analysis of the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ExtractContext:
    """Sentence numbering of one Doc and the settings extractors may read."""

    sentence_of: tuple[int, ...]
    """token index → sentence number"""
    settings: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def for_doc(cls, doc: Doc, settings: Mapping[str, Any] | None = None) -> ExtractContext:
        """Number the sentences of ``doc``."""
        sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            sentence_of[sent.start:sent.end] = [number] * (sent.end - sent.start)
        return cls(tuple(sentence_of), dict(settings or {}))
