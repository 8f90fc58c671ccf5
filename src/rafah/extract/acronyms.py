"""Acronym definitions written in the text: "Israel Defense Forces (IDF)" (no spaCy)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rafah.records import Acronym

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from rafah.extract.context import ExtractContext

_SMALL = {"of", "the", "for", "and", "on", "in", "de", "al", "el", "du", "la", "to", "&"}
_DEFINITION = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*\s+)(?:(?:[A-Z][\w'\u2019.-]*|of|the|for|and|on|in|de|al|el|&)\s+)"
    r"{0,8}?[A-Z][\w'\u2019.-]*)\s+\(([A-Z][A-Za-z&.]{1,9})\)"
)


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL)


def acronym_definitions(doc: Doc, *, context: ExtractContext) -> list[Acronym]:
    """Acronyms defined in the text of ``doc``."""
    return [Acronym(long, short) for long, short in acronym_pairs(doc.text)]


def acronym_pairs(text: str) -> list[tuple[str, str]]:
    """(long form, acronym) pairs where the acronym's letters are the long form's initials."""
    pairs: list[tuple[str, str]] = []
    for found in _DEFINITION.finditer(text):
        words = found[1].split()
        acronym = found[2]
        letters = acronym.replace(".", "").replace("&", "").upper()
        for begin in range(len(words)):
            candidate = words[begin:]
            if candidate[0].lower() in _SMALL:
                continue
            initials = _initials(candidate)
            if initials == letters or initials.replace("-", "") == letters:
                pairs.append((" ".join(candidate), acronym))
                break
    return pairs
