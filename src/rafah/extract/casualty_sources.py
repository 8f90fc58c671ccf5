"""Who a casualty figure is attributed to, and whether it is a running total.

"according to X", "X said", "citing X", or the next sentence ("That is according to the
ministry."); a running total is recognised by the lexicon's cumulative patterns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import lemma
from rafah.extract.casualty_lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_NEXT_SENTENCE_ATTRIBUTION = re.compile(
    r"^(?:that|this|those|these|the (?:figures?|numbers?|toll|tally|count))\b[^.]{0,40}?"
    r"\baccording to\b", re.I)


def _clean_source(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'\u201c\u201d")
    text = _LEADING.sub("", text)
    text = re.split(r",| who | which | that ", text)[0].strip()
    if not text or lexicon().has("source_pronouns", text.lower()):
        return None
    return text


def _is_source_subject(subject: Token) -> bool:
    """Whether a reporting verb's subject can be a source: a name or an authority."""
    lex = lexicon()
    if lex.has("source_pronouns", subject.lower_) or lex.has("event_subjects", lemma(subject)):
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return True
    return any(lex.has("authority_nouns", lemma(t)) or lex.has("authority_nouns", t.lower_)
               for t in subject.subtree)


def _subtree_text(token: Token) -> str | None:
    subtree = list(token.subtree)
    return _clean_source(token.doc[subtree[0].i: subtree[-1].i + 1].text)


def _according_to(sent: Span) -> str | None:
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and \
                sent.doc[token.i + 1].lower_ == "to":
            to = sent.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                return _subtree_text(objects[0])
            return _clean_source(sent.doc[to.i + 1: sent.end].text)
    return None


def _reported_by(sent: Span) -> str | None:
    lex = lexicon()
    for token in sent:
        if lex.has("reporting_verbs", lemma(token)) and token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and
                        _is_source_subject(c)]
            if subjects:
                return _subtree_text(subjects[0])
    return None


def _quoting(sent: Span) -> str | None:
    for token in sent:
        if token.lower_ in ("quoting", "citing") and token.i + 1 < sent.end:
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            if objects and _is_source_subject(objects[0]):
                return _subtree_text(objects[0])
    return None


def sentence_source(sent: Span) -> str | None:
    """Attribution in a sentence: "according to X", "X said", "citing X"."""
    return _according_to(sent) or _reported_by(sent) or _quoting(sent)


def next_sentence_source(sent: Span) -> str | None:
    """Attribution carried by the following sentence: "That is according to the ministry."."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    if not _NEXT_SENTENCE_ATTRIBUTION.match(following.text.strip()):
        return None
    return sentence_source(following)


def is_cumulative(sentence: str) -> bool:
    """Whether a sentence states a running total ("since October 7", "the death toll")."""
    return any(p.search(sentence) for p in lexicon().cumulative)
