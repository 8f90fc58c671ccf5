"""Sentence spans and the lead sentence of a Doc."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.records import Lead, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rafah.extract.context import ExtractContext


def sentence_spans(doc: Doc, *, context: ExtractContext) -> list[Sentence]:
    """The character span of every sentence, in order (numbered as in ``context``)."""
    return [Sentence(sent.start_char, sent.end_char) for sent in doc.sents]


def lead_sentence(doc: Doc, *, context: ExtractContext) -> list[Lead]:
    """The first non-empty sentence, as one record (none for an empty text)."""
    lead = next((s.text.strip() for s in doc.sents if s.text.strip()), "")
    return [Lead(lead)] if lead else []
