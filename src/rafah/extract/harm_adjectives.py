"""Harm mentions: harm adjectives ("missing", "dead") and the people they describe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.harm_fates import _verb_trigger
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBJECTS, _is_subset
from rafah.extract.harm_tokens import _children, _Harm, _is_count, _is_verb, _lemma
from rafah.extract.harm_verbs import _outcome_list
from rafah.extract.harm_victim_nouns import _is_person
from rafah.extract.harm_voice import _subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


def _adjective_harm(token: Token) -> _Harm | None:
    """"found dead", "remain missing", "left 9 dead", "among the dead were ...", "left two
    dead and several more wounded" (a harm adjective coordinated with the complement of a
    verb of leaving, with its own people)."""
    lex = harm_lexicon()
    if token.lower_ not in lex.adjectives or \
            (token.pos_ not in ("ADJ", "NOUN", "VERB") and not _capitalised_modifier(token)):
        return None
    kind, verb = lex.adjectives[token.lower_]
    victims = _adjective_victims(token)
    return _Harm(token, kind, verb, "none", victims) if victims is not None else None


def _adjective_victims(token: Token) -> list[Token] | None:
    """The victims of a harm adjective, None when it is no harm of its own (the outcome of a
    harm verb: "shot dead")."""
    near = _near_victims(token)
    if near:
        return near
    own = _clause_subjects(token)
    if own is not None:
        return own
    head = token.head
    if token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advcl") and _is_verb(head):
        return _complement_victims(token)
    if token.dep_ == "conj" and (_lemma(head) in harm_lexicon().leaving or _outcome_list(head)):
        people = [c for c in token.children if c.dep_ in ("nsubj", "advmod", "npadvmod") and
                  c.i < token.i and _is_person(c)]
        return people or None
    found = _prepositional_victims(token)
    return found if found is not None else _headline_tally(token)


def _headline_tally(adjective: Token) -> list[Token] | None:
    """"Israeli strike on Gaza school: 25 dead", "Mudslide in Kerala: 150 dead", "Gunmen
    stormed a hotel; 9 dead, 10 hurt": a counted harm adjective standing for its people in a
    verbless phrase set off by punctuation (an apposition, a modifier the parse hung across the
    punctuation, the root of its own); "Five dead, 12 wounded": the count the parse made the
    adjective's head, the phrase set off by punctuation after it."""
    head = adjective.head
    doc = adjective.doc
    if adjective.dep_ == "amod" and head.i == adjective.i - 1 and head.pos_ == "NUM" and \
            _is_count(head) and adjective.i + 1 < len(doc) and doc[adjective.i + 1].is_punct:
        return [head]
    if not any(_is_count(c) for c in _children(adjective, "nummod")):
        return None
    if adjective.dep_ == "ROOT":
        return [adjective] if not _children(adjective, *_SUBJECTS, "aux", "auxpass") else None
    first, last = sorted((head.i, adjective.i))
    between = any(t.is_punct for t in adjective.doc[first + 1: last])
    return [adjective] if adjective.dep_ in ("appos", "amod") and between else None


def _clause_subjects(adjective: Token) -> list[Token] | None:
    """The subjects of a harm adjective with a clause of its own: "with 31 dead", "four
    fishermen have been unaccounted for" (None when it has none)."""
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in adjective.children):
        return _children(adjective, "nsubj")
    if adjective.dep_ == "ROOT" and _children(adjective, "auxpass", "aux"):
        return [s for s in _children(adjective, *_SUBJECTS) if _is_person(s)] or None
    return None


def _complement_victims(adjective: Token) -> list[Token] | None:
    """"found dead", "remain missing", "left 9 dead": the people a harm adjective that is a
    verb's complement is said of (None for the outcome of a harm verb: "shot dead"); "left two
    soldiers and five gunmen dead": the object and the people the parse made its subject."""
    head = adjective.head
    if _verb_trigger(head):
        return None
    counted = [c for c in _children(adjective, "nummod") if _is_count(c)]
    objects = _children(head, "dobj")
    if objects and _lemma(head) in harm_lexicon().leaving:
        doc = head.doc
        objects += [s for s in _children(adjective, "nsubj") if s.i > objects[0].i and any(
            t.dep_ == "cc" for t in doc[objects[0].i + 1: s.left_edge.i])]
    return counted or objects or _children(adjective, "nsubj") or _subjects(head)


def _near_victims(adjective: Token) -> list[Token]:
    """The victims right at a harm adjective: the people before it ("leaving 14 people dead"),
    the people it modifies ("displaced families"), itself after an existential "be"."""
    found = _after_people(adjective) or _modified_people(adjective) or \
        _described_people(adjective)
    return found or ([adjective] if _existential(adjective) else [])


def _described_people(adjective: Token) -> list[Token]:
    """"those unaccounted for", "residents still missing": the people a harm adjective after
    them describes (a clause the parse hung on them)."""
    noun = adjective.head
    if adjective.dep_ != "acl" or noun.i > adjective.i or \
            not (_is_person(noun) or noun.lower_ in ("those", "these")):
        return []
    return [noun]


def _capitalised_modifier(word: Token) -> bool:
    """"Displaced Palestinians shelter in ...": a harm adjective opening a sentence that the
    tagger, from its capital, took for part of a name."""
    return word.pos_ == "PROPN" and word.i == word.sent.start and word.dep_ == "compound" and \
        word.head.i == word.i + 1


def _modified_people(adjective: Token) -> list[Token]:
    """"a camp for displaced families", "wounded people were brought", "displaced
    Palestinians": the person noun (or people's name) a harm adjective modifies (before it)
    names the victims."""
    noun = adjective.head
    if (adjective.dep_ != "amod" and not _capitalised_modifier(adjective)) or \
            noun.i < adjective.i or not _is_person(noun) or \
            (noun.pos_ != "NOUN" and noun.tag_ != "NNPS" and noun.ent_type_ != "NORP") or \
            _is_subset(noun):
        return []
    return [noun]


def _existential(adjective: Token) -> bool:
    """"There were dead and wounded everywhere": a harm word that is the complement of an
    existential "be" stands for its victims."""
    verb = adjective.head
    if adjective.dep_ == "conj" and verb.dep_ == "conj":
        verb = verb.head
    return adjective.dep_ in ("acomp", "attr", "conj") and _lemma(verb) == "be" and \
        bool(_children(verb, "expl"))


def _prepositional_victims(adjective: Token) -> list[Token] | None:
    """"were among the dead" (with those "along with" them; "among the 17 dead": the counted
    dead themselves), "with hundreds still
    unaccounted for" (an absolute construction), "were listed as missing": the victims, None when
    no such phrase."""
    head = adjective.head
    if adjective.dep_ == "pobj" and head.lower_ == "among" and _is_verb(head.head):
        if any(_is_count(c) for c in _children(adjective, "nummod")):
            return [adjective]
        return _children(head.head, "nsubj", "attr") + _along_with(head.head)
    if adjective.dep_ == "pcomp" and head.lower_ == "with":
        return _children(adjective, "nsubj")
    if adjective.dep_ in ("pcomp", "pobj") and head.lower_ == "as" and _is_verb(head.head):
        return _children(head.head, "dobj") or _subjects(head.head)
    return None


def _along_with(verb: Token) -> list[Token]:
    """"were among the dead, along with dozens of residents": the people counted with the
    subject."""
    return [o for p in _children(verb, "prep", "advmod") if p.lower_ in ("along", "together")
            for w in _children(p, "prep") if w.lower_ == "with" for o in _children(w, "pobj")]


def _after_people(adjective: Token) -> list[Token]:
    """"leaving 14 people dead", "put its losses at 80 soldiers dead": the object noun right
    before a harm adjective that follows it (a small clause)."""
    if adjective.dep_ not in ("amod", "advcl") or adjective.i == 0:
        return []
    before = adjective.doc[adjective.i - 1]
    if before.dep_ not in ("dobj", "pobj") or not _is_person(before) or \
            (adjective.dep_ == "amod" and adjective.head.i != before.i):
        return []
    return [before] if _is_verb(before.head) or before.head.dep_ == "prep" else []


def _former(noun: Token) -> bool:
    """"two former prisoners", "an ex-detainee": people no longer in the state the noun names."""
    words = [*noun.children, *noun.doc[max(noun.left_edge.i, 0): noun.i]]
    return any(w.lower_ in harm_lexicon().former_words for w in words)
