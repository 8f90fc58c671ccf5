"""Extractors: pure functions from a parsed spaCy Doc to records (no I/O)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.acronyms import acronym_definitions
from rafah.extract.casualties import casualty_figures
from rafah.extract.mentions import entity_mentions
from rafah.extract.timexes import date_mentions
from rafah.records import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyse_doc(doc: Doc) -> Analysis:
    """Everything rafah stores about one text: sentences, mentions, figures, dates, acronyms."""
    sentences: list[tuple[int, int]] = []
    sentence_of = [0] * len(doc)
    sentence_by_start: dict[int, int] = {}
    for number, sent in enumerate(doc.sents):
        sentences.append((sent.start_char, sent.end_char))
        sentence_by_start[sent.start] = number
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    lead = next((s.text.strip() for s in doc.sents if s.text.strip()), "")
    return Analysis(
        lead=lead,
        sentences=sentences,
        mentions=entity_mentions(doc, sentence_of),
        casualties=casualty_figures(doc, sentence_index=sentence_by_start),
        dates=date_mentions(doc, sentence_of),
        acronyms=acronym_definitions(doc.text),
    )
