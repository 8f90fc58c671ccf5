"""Harm mentions: one harm word with what the parse ties to it, and the word tests every
other harm module uses (lemmas, children, counts, person nouns).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rafah.extract.casualties import rate_follows
from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.numbers import VAGUE

if TYPE_CHECKING:
    from spacy.tokens import Token


_PARTICLES = {"by", "on", "in", "up", "out"}


_PARTITIVE = {"them", "whom", "those", "us"}


@dataclass
class _Harm:
    """One harm word with what the parse ties to it."""

    trigger: Token
    kind: str
    verb: str
    voice: str
    victims: list[Token] = field(default_factory=list)
    agent: list[Token] = field(default_factory=list)
    value: int | None = None
    """a count stated apart from the victims ("the death toll rose to 1,200")"""
    owners: list[Token] = field(default_factory=list)
    """the kin who lost the victims, whose words name their side ("Palestinian families")"""


def _lemma(token: Token) -> str:
    if token.pos_ == "NOUN":
        lex = harm_lexicon()
        lower = token.lower_
        if token.dep_ == "acl" and lower in lex.noun_forms:
            return lex.noun_forms[lower]
        if lower in lex.lemmas:
            return lex.lemmas[lower]
    return token.lemma_.lower()


def _is_verb(token: Token) -> bool:
    pos = token.pos_
    return pos in ("VERB", "AUX") or token.tag_.startswith("VB") or \
        (pos == "NOUN" and _noun_participle(token))


def _noun_participle(token: Token) -> bool:
    """"A teenager shot in Philadelphia": a past form of a harm verb the tagger took for a
    noun but the parse made a clause describing the noun before it (data:
    noun_like_past_forms); the lemmatiser's slips are mended in ``_lemma`` (data: lemmas)."""
    return token.pos_ == "NOUN" and token.dep_ == "acl" and \
        token.lower_ in harm_lexicon().noun_forms


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _partitive(token: Token) -> bool:
    """"most of them", "two of whom", "two of the three": a part of people named before."""
    return any(p.lower_ == "of" and any(o.lower_ in _PARTITIVE or _bare_definite_count(o)
                                        for o in _children(p, "pobj"))
               for p in _children(token, "prep"))


def _bare_definite_count(token: Token) -> bool:
    """"the three": a count with a definite article and no noun of its own."""
    return token.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                       for c in token.children) and \
        not any(c.dep_ == "prep" for c in token.children)


def _is_count(token: Token) -> bool:
    if token.ent_type_ == "ORDINAL" or _age_number(token) or _year(token) or \
            rate_follows(token.doc, token.i + 1):
        return False
    return (token.like_num and not token.is_punct) or token.lower_ in VAGUE or \
        token.lower_ in ("dozen", "dozens", "scores")


def _year(token: Token) -> bool:
    """"the 2023 attack": a four-digit number the entity recogniser took for a date."""
    return token.ent_type_ == "DATE" and len(token.text) == 4 and token.text.isdigit() and \
        1800 <= int(token.text) <= 2100


def _age_number(token: Token) -> bool:
    """"17" in "a 17-year-old": the number of an age, no count of people."""
    unit = token.head
    return token.dep_ == "nummod" and _lemma(unit) in harm_lexicon().age_units and \
        unit.dep_ in ("npadvmod", "compound") and unit.head.lower_ in ("old", "olds")


def _age_noun(token: Token) -> bool:
    """"a 17-year-old", "two 16-year-olds": an age phrase standing for the person (not "a
    17-year-old boy")."""
    return token.lower_ in ("old", "olds") and token.dep_ != "amod" and any(
        _lemma(c) in harm_lexicon().age_units for c in _children(token, "npadvmod", "compound"))


def _person_noun(token: Token) -> bool:
    """A noun of the person list (data/casualty_lexicon.json "people") or one whose first
    sense is a person (the WordNet list of the casualty lexicon)."""
    lex = harm_lexicon()
    people, lemma = lex.people, _lemma(token)
    return lemma in people or token.lower_ in people or \
        token.lower_ in lex.pair_collectives or _pair_of_people(token) or \
        token.lower_.rstrip("s") in people or \
        (token.pos_ == "NOUN" and (lemma in lexicon().person_nouns or
                                   lemma in lex.extra_people or _person_suffix(lemma)))


def _pair_of_people(token: Token) -> bool:
    """"the pair were hurt", "the duo": a pair noun standing for two people (not "a pair of
    boots")."""
    return token.lower_ in harm_lexicon().pairs and token.pos_ == "NOUN" and \
        not any(c.lower_ == "of" for c in token.children)


def _person_suffix(lemma: str) -> bool:
    """"videographer", "camerawoman", "trawlerman": a noun made with an ending that names
    a person (data: person_endings)."""
    return any(lemma.endswith(end) and len(lemma) >= len(end) + 3
               for end in harm_lexicon().person_endings)


def _hyphenated_person(token: Token) -> bool:
    """"a passer-by", "co-workers", "a first-responder": a hyphenated noun one of whose parts
    names a person, or an agent noun with a particle ("passer-by", "hanger-on")."""
    doc, parts = token.doc, [token]
    while parts[0].i >= 2 and doc[parts[0].i - 1].tag_ == "HYPH":
        parts.insert(0, doc[parts[0].i - 2])
    while parts[-1].i + 2 < len(doc) and doc[parts[-1].i + 1].tag_ == "HYPH":
        parts.append(doc[parts[-1].i + 2])
    if len(parts) < 2:
        return False
    if any(_person_noun(part) for part in parts[1:]):
        return True
    first = parts[0].lower_
    return first.endswith(("er", "ers")) and parts[1].lower_ in _PARTICLES
