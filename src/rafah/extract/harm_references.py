"""Harm mentions: references back to earlier sentences (anaphors, antecedents and the side
of a repeated noun).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.harm_captivity import _previous_sentence_start
from rafah.extract.harm_fates import _verb_trigger, _with_conjuncts
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBJECTS
from rafah.extract.harm_tokens import (
    _children,
    _is_count,
    _is_verb,
    _lemma,
    _partitive,
    _person_noun,
)
from rafah.extract.harm_values import _both, _placed_count
from rafah.extract.harm_victim_nouns import _counted
from rafah.extract.harm_victims import _group_of_people
from rafah.extract.possession import possessed_nouns
from rafah.extract.sides import noun_core, words_side
from rafah.records import HarmMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _anaphor_side(heads: list[Token], before: list[HarmMention],
                  sent: int) -> tuple[str | None, str | None]:
    """"and another was wounded", "25 others injured": the side of the mention before (in
    the sentence or the one before it); "and seven wounded": the one before in the sentence."""
    if heads and all(_elliptical(h) for h in heads):
        before = [m for m in before if m.sent == sent and m.start < heads[0].idx]
    elif not heads or not all(_anaphoric(h) for h in heads):
        return (None, None)
    sided = [m for m in before if m.side]
    return (sided[-1].side, sided[-1].area) if sided else (None, None)


_REFERRING = {"they", "them", "those", "both", "all", "these"}


def _referring(heads: list[Token], words: list[Token]) -> bool:
    """Victims named only by reference to people named before, with no side of their own:
    "three of them", "all three", "both men", "they"."""
    if not heads or all(_elliptical(h) for h in heads):
        return False
    return not words_side(words, index=False)[0] and all(
        _partitive(h) or h.lower_ in _REFERRING or _both(h) or
        (_is_count(h) and _counted(h)[1].i == h.i and not _children(h, "prep"))
        for h in heads)


def _antecedent_side(sent: Span, victim: Token) -> tuple[str | None, str | None]:
    """The side of the people a referring victim stands for: the nearest group of people named
    before it, in its sentence or the one before (a plural noun, a collective one, or nouns
    coordinated: "an Israeli mother and her two sons")."""
    first = _antecedent(sent, victim)
    if first is None:
        return (None, None)
    words = [t for noun in _with_conjuncts(first) for t in noun_core(noun)]
    return words_side(words, index=False)


def _repeated_noun_side(heads: list[Token], words: list[Token]) -> tuple[str | None, str | None]:
    """"Gunmen ambushed a convoy of Chinese engineers ... Two of the engineers were killed":
    victims named again by a definite noun take the side of the people it named before (in
    the sentence or the one before), when their own words name none."""
    if len(heads) != 1 or words_side(words, index=False)[0]:
        return (None, None)
    noun = _counted(heads[0])[1]
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
               for c in noun.children) or not _person_noun(noun):
        return (None, None)
    sent = noun.sent
    start = _previous_sentence_start(sent)
    for token in reversed(noun.doc[start: noun.left_edge.i]):
        if _lemma(token) == _lemma(noun) and token.pos_ == "NOUN":
            return words_side(noun_core(token), index=False)
    return (None, None)


def _antecedent(sent: Span, victim: Token) -> Token | None:
    """The nearest group of people named before a referring victim, in its sentence or the one
    before."""
    doc = sent.doc
    start = _previous_sentence_start(sent)
    for token in reversed(doc[start: victim.left_edge.i]):
        if _group_of_people(token):
            return token.head if token.dep_ == "conj" and token.head.i < token.i else token
    return None


def _anaphoric(victim: Token) -> bool:
    """Victims named by reference to those named before: "another", "others", "two of them",
    "two other staff members", "two of his comrades"."""
    anaphors = harm_lexicon().anaphors
    return victim.lower_ in anaphors or _lemma(victim) in anaphors or _partitive(victim) or \
        _other(victim) or _kin(victim)


def _other(noun: Token) -> bool:
    """"two other staff members": victims set apart from those named before."""
    return any(c.dep_ == "amod" and c.lower_ in ("other", "another") for c in noun.children) \
        and not words_side([noun, *noun.children], index=False)[0]


def _kin(victim: Token) -> bool:
    """"two of his comrades", "her children", "their adult son": people named by their tie to
    someone named before (who gives their side), with no side of their own."""
    kin = harm_lexicon().kin
    nouns = possessed_nouns(victim, lambda noun, owner: owner.lower_ in ("his", "her") or (
        owner.lower_ == "their" and _lemma(noun) in kin))
    return bool(nouns) and not words_side([t for n in nouns for t in n.subtree], index=False)[0]


def _elliptical(count: Token) -> bool:
    """"Five soldiers were killed and seven wounded": a bare count subject of a coordinated
    clause, counting people of the victims named before it; "killed 28 people in Israel and
    wounded more than 3,000": a bare count object of a harm verb coordinated with one that
    has its own object (not a clause with a subject of its own: "and Israeli strikes killed
    30 in Khan Younis")."""
    if not _is_count(count) or _counted(count)[1].i != count.i or _placed_count(count):
        return False
    verb = count.head
    if count.dep_ == "dobj" and verb.dep_ == "conj" and _is_verb(verb.head) and \
            _verb_trigger(verb.head) is not None:
        return bool(_children(verb.head, "dobj")) and not _children(verb, *_SUBJECTS)
    while verb.dep_ in ("aux", "auxpass", "acl") and verb.head.i != verb.i:
        verb = verb.head
    return (count.dep_ == "conj" or verb.dep_ == "conj") and any(
        v.i < count.i for v in _children(verb.head if verb.dep_ == "conj" else verb,
                                         *_SUBJECTS))
