"""Implicit single victims: "killing a farmer", "a boy was killed", "shot him dead".

A person noun in the singular with a determiner, or a personal pronoun, governed by a harm
predicate counts one; coordinated singles count together ("a father and his daughter" = 2).
A bare proper name is never a figure, nor a single introduced by "including" / "among".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import clause_kind, governing, is_blocked
from rafah.extract.casualty_lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Single:
    """Coordinated single victims governed by one harm predicate."""

    first: Token
    head: Token
    last: Token
    count: int
    kinds: tuple[str, ...]
    definite: bool


def _determiner(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("det", "poss")), None)


def _is_single(token: Token) -> bool:
    """A singular person noun with a determiner ("a nurse", "his son"), or "him"/"she"."""
    lex = lexicon()
    if token.pos_ == "PRON":
        return lex.has("victim_pronouns", token.lower_) and token.dep_ == "dobj"
    if token.tag_ not in ("NN", "NNP") or token.like_num:
        return False
    if token.pos_ == "PROPN" and token.ent_type_ != "NORP":
        return False
    determiner = _determiner(token)
    if determiner is None or not lex.has("single_determiners", determiner.lower_):
        return False
    if any(c.dep_ in ("nummod", "quantmod") or lex.has("former_modifiers", c.lower_)
           for c in token.children):
        return False
    return lex.is_person(token)


def _chain(token: Token) -> list[Token]:
    """``token`` and the single victims coordinated with it."""
    members = [token]
    for child in token.children:
        if child.dep_ == "conj" and _is_single(child):
            members += _chain(child)
    return members


def _introduced_as_part(token: Token) -> bool:
    """ "12 people, including a child": the child is inside the 12."""
    head = token.head
    return token.dep_ == "pobj" and lexicon().has("subset_prepositions", head.lower_)


def _definite(token: Token) -> bool:
    determiner = _determiner(token)
    return token.pos_ == "PRON" or (determiner is not None and determiner.lower_ != "a"
                                    and determiner.lower_ != "an")


def _harm_predicate(predicate: Token | None) -> bool:
    """A harm verb or adjective, or a harm noun ("the death of a nurse"); not a toll."""
    return predicate is not None and (predicate.pos_ == "NOUN" or bool(clause_kind(predicate)))


def single_victims(sent: Span, taken: set[int]) -> list[Single]:
    """The single victims of a sentence, skipping tokens already part of a counted figure."""
    found = []
    for token in sent:
        if token.i in taken or not _is_single(token) or _introduced_as_part(token):
            continue
        if token.dep_ == "conj" and _is_single(token.head):
            continue
        governed = governing(token)
        if not governed.kinds or not _harm_predicate(governed.predicate) or \
                is_blocked(governed.predicate):
            continue
        chain = _chain(token)
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "poss", "amod",
                                                                       "compound")])
        found.append(Single(token.doc[start], token, chain[-1], len(chain),
                            tuple(governed.kinds), _definite(token)))
    return found

