"""Entity mentions from a parsed Doc, cleaned of the small model's usual slips."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rafah.records import ENTITY_TYPES, Mention
from rafah.resources import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rafah.extract.context import ExtractContext

ENTITY_LABELS = frozenset(ENTITY_TYPES)
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:and|or|of|the|for|in|on|at|to|&))+$", re.I)


def clean_surface(text: str) -> str:
    """Strip a leading article, a trailing possessive and stray punctuation from a name."""
    text = text.strip().strip(",;:\"\u201c\u201d()[]")
    text = _LEADING_DET.sub("", text)
    text = _TRAILING_POSSESSIVE.sub("", text).strip()
    text = _TRAILING_FUNCTION_WORD.sub("", text)
    return text.strip(",;:-\u2014 ")


def entity_mentions(doc: Doc, *, context: ExtractContext) -> list[Mention]:
    """Named-entity mentions with cleaned text, numbered by sentence."""
    stop = word_list("not_entities.txt")
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or "\n" in ent.text:
            continue
        text = clean_surface(ent.text)
        if sum(ch.isalpha() for ch in text) < 2 or text.lower() in stop:
            continue
        if not (text[0].isupper() or text[0].isdigit()):
            continue
        offset = ent.text.find(text)
        start = ent.start_char + max(offset, 0)
        written = _TRAILING_FUNCTION_WORD.sub(
            "", _TRAILING_POSSESSIVE.sub("", ent.text.strip()).strip()).strip(",;:-\u2014 ")
        mentions.append(Mention(text, ent.label_, start, start + len(text),
                                context.sentence_of[ent.start], "" if written == text else written))
    return mentions
