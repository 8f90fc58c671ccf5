"""Harm mentions: which words name people, and the phrases set apart from a list of them
(asides, speakers, stray subjects).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_tokens import (
    _age_noun,
    _children,
    _hyphenated_person,
    _is_count,
    _lemma,
    _partitive,
    _person_noun,
)
from rafah.extract.sides import side_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


_SUBJECTS = ("nsubj", "nsubjpass")


_SUBSET = {"including", "among", "like", "such", "mostly", "mainly"}


_INTRANSITIVE = {"die", "perish", "drown", "flee", "miss", "starve", "succumb", "disappear",
                 "vanish"}


def _modifier_conjunct(word: Token) -> bool:
    """"a paramedic and two journalists": a person noun after "a" with its "and" that the parse
    made a modifier of the counted people after it."""
    return word.dep_ in ("amod", "compound") and word.i < word.head.i and word.i > 0 and \
        word.doc[word.i - 1].lower_ in ("a", "an") and _person_noun(word) and \
        any(c.dep_ == "cc" for c in word.children)


def _subject_elsewhere(count: Token) -> bool:
    """"displaced 40,000 people and 17 are still missing": a count the parse coordinated with
    a victim that is the stray subject of the harm verb after it."""
    doc, after = count.doc, count.right_edge.i + 1
    while after < count.sent.end and doc[after].dep_ in ("aux", "auxpass", "advmod", "neg"):
        after += 1
    if after >= count.sent.end or not _is_count(count) or doc[after].i == count.i:
        return False
    return [t.i for t in _stray_subject(doc[after])] == [count.i]


def _aside(token: Token) -> bool:
    """A phrase about part of the victims named before it: "most of them women", "among them
    three journalists" (a noun whose subject is a partitive, or after "among them")."""
    return _partitive(token) or _is_subset(token) or \
        any(_partitive(s) and s.i < token.i for s in _children(token, *_SUBJECTS))


def _speaker(noun: Token) -> bool:
    """"62 others, police said": a conjunct right before a speech verb with no subject, its
    speaker (not one whose apposition is the speaker: "a man and his son, the ministry
    said")."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc) or any(c.dep_ == "appos" and c.right_edge.i + 1 == following
                                         for c in noun.children):
        return False
    verb = noun.doc[following]
    return _lemma(verb) in side_lexicon().speech_verbs and not _children(verb, *_SUBJECTS)


def _person_word(token: Token) -> bool:
    """A noun naming a person: listed, hyphenated, an age, counted, described by "who"."""
    return _person_noun(token) or _hyphenated_person(token) or _age_noun(token) or \
        _counted_noun(token) or _who(token) or _described_person(token)


def _described_person(noun: Token) -> bool:
    """"the vice principal, a father of six", "the mayor, a 61-year-old": a noun a person noun
    set in apposition to it describes names a person."""
    return noun.pos_ == "NOUN" and any(
        _person_noun(c) or _age_noun(c) for c in _children(noun, "appos") if c.i > noun.i)


_THING_ENTITIES = ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW")
"""Entities whose proper names name no person ("the Galaxy Leader", a ship)."""


def _who(noun: Token) -> bool:
    """"the vice principal, who tried to shield the students": a noun a relative clause
    introduced by "who" describes names a person."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") and w.i < c.i for w in c.children)
        for c in noun.children)


def _counted_noun(token: Token) -> bool:
    """"40 farmworkers", "Four Thai farmworkers": a noun with a count names people."""
    return any(_is_count(c) for c in token.children if c.dep_ == "nummod") or \
        (token.pos_ == "NOUN" and bool(_left_count(token)))


def _left_participle(verb: Token) -> bool:
    """"left 230 dead and more than a thousand injured": a harm participle the parse hung on a
    verb of leaving as a clause of its own."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj", "oprd", "xcomp") and \
        _lemma(verb.head) in harm_lexicon().leaving and verb.head.i < verb.i


def _stray_subject(verb: Token) -> list[Token]:
    """"70 people were killed, including 10 women, and more than 6,000 fled", "and 17 are
    still missing": the count right before an intransitive harm verb without a subject (and
    its auxiliaries and adverbs), that the parse hung elsewhere; "left
    230 dead and more than a thousand injured": so for a participle a verb of leaving takes."""
    first = min([verb.i, *(c.i for c in _children(verb, "aux", "auxpass", "advmod", "neg")
                           if c.i < verb.i)])
    if first == 0 or not (_lemma(verb) in _INTRANSITIVE and verb.dep_ == "conj" or
                          _left_participle(verb)):
        return []
    count = verb.doc[first - 1]
    if not _is_count(count) or count.head.i == verb.i or count.dep_ not in ("conj", "appos"):
        return []
    return [count]


def _is_subset(noun: Token) -> bool:
    """"among them three children": a part of the victims named before."""
    return any(c.dep_ == "prep" and c.lower_ in _SUBSET and c.i < noun.i for c in noun.children)


def _left_count(noun: Token) -> list[Token]:
    """"Four Thai farmworkers", "two women's rights activists", "Three Thai agricultural
    workers": the count the parse hung on a modifier of the noun, first word of its phrase."""
    return [c for m in _children(noun, "amod", "compound", "poss", "nmod")
            for c in _children(m, "nummod", "compound")
            if _is_count(c) and c.i == noun.left_edge.i and c.ent_type_ != "DATE"]
