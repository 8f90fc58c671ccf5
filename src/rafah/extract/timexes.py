"""Date expressions in a parsed Doc, with the tense of the clause they sit in.

Normalisation against the article date happens later (`rafah.dates.normalize`), so the stored
analysis depends on the text alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.records import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

_FUTURE_VERBS = {"schedule", "slate", "plan", "expect", "due", "set"}
_FUTURE_WORDS = {"will", "'ll", "shall", "going", "plans", "plan", "expected", "scheduled",
                 "set", "upcoming", "next", "due"}


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def clause_tense(span: Span) -> str:
    """past, present or future, from the verb that governs a date expression.

    A date after "until" or "through" is a future limit unless the clause is in the simple
    past ("has paused until Wednesday" looks ahead; "stayed until Wednesday" does not).
    """
    verb = _governing_verb(span.root)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in ("until", "till", "through", "thru") and (verb is None or verb.tag_ != "VBD"):
        return "future"
    if verb is None:
        return "past"
    if verb.lemma_.lower() in _FUTURE_VERBS:
        return "future"
    related = [verb, *verb.children]
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and verb.head.i != verb.i:
        related += [verb.head, *verb.head.children]
    for token in related:
        if token.tag_ == "MD" and token.lower_ in ("will", "'ll", "shall", "wo"):
            return "future"
        if token.lower_ in _FUTURE_WORDS and token.dep_ in ("aux", "xcomp", "acomp", "amod"):
            return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
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
        if ent.label_ == "TIME" and not any(t.lower_ in ("tonight", "morning", "evening",
                                                          "afternoon", "night", "overnight")
                                             for t in ent):
            continue
        found.append(DateMention(ent.text, ent.start_char, ent.end_char,
                                 context.sentence_of[ent.start], clause_tense(ent),
                                 sentences[context.sentence_of[ent.start]].text.strip()))
    return found
