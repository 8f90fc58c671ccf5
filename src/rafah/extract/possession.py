"""People named by their tie to someone: "his two sons", "two of her children"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def possessed_nouns(noun: Token, owner: Callable[[Token, Token], bool]) -> list[Token]:
    """``noun`` and the objects of its "of" phrases ("two of her children") when one of them
    has a possessive determiner that ``owner(noun, determiner)`` accepts; otherwise none."""
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj")]
    owned = any(c.dep_ == "poss" and owner(n, c) for n in nouns for c in n.children)
    return nouns if owned else []
