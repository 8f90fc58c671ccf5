"""Date expressions in a parsed Doc, with the tense of the clause they sit in.

Normalisation against the article date happens later (`rafah.dates.normalize`), so the stored
analysis depends on the text alone.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rafah.records import DateMention
from rafah.resources import json_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

@cache
def _words() -> dict[str, frozenset[str]]:
    """The tense cue words (data/timex_words.json)."""
    return {key: frozenset(values) for key, values in json_data("timex_words.json").items()}


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _future_marked(verb: Token) -> bool:
    """Whether the verb (or the clause it completes) carries a future marker: a modal such as
    "will", or "expected", "scheduled", "going to"."""
    words = _words()
    related = [verb, *verb.children]
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head.i != verb.i:
        related += [verb.head, *verb.head.children]
    return any((token.tag_ == "MD" and token.lower_ in words["future_modals"]) or
               (token.lower_ in words["future_words"] and
                token.dep_ in ("aux", "xcomp", "acomp", "amod"))
               for token in related)


def clause_tense(span: Span) -> str:
    """past, present or future, from the verb that governs a date expression.

    A date after "until" or "through" is a future limit unless the clause is in the simple
    past ("has paused until Wednesday" looks ahead; "stayed until Wednesday" does not).
    """
    verb = _governing_verb(span.root)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _words()["limit_words"] and (verb is None or verb.tag_ != "VBD"):
        return "future"
    if verb is None:
        return "past"
    if verb.lemma_.lower() in _words()["future_verbs"] or _future_marked(verb):
        return "future"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
    return "past"


def date_mentions(doc: Doc, *, context: ExtractContext) -> list[DateMention]:
    """DATE (and day-part TIME) entities with their offsets, sentence and tense."""
    found: list[DateMention] = []
    sentences = list(doc.sents)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or "\n" in ent.text:
            continue
        if ent.label_ == "TIME" and not any(t.lower_ in _words()["day_parts"] for t in ent):
            continue
        found.append(DateMention(ent.text, ent.start_char, ent.end_char,
                                 context.sentence_of[ent.start], clause_tense(ent),
                                 sentences[context.sentence_of[ent.start]].text.strip()))
    return found
