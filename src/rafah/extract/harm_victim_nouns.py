"""Harm mentions: the noun a victim phrase is about and the count tied to it (persons,
partitives, places, the number words of a count).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import (
    _SUBSET,
    _THING_ENTITIES,
    _left_count,
    _modifier_conjunct,
    _person_word,
)
from rafah.extract.harm_tokens import (
    _PARTITIVE,
    _age_noun,
    _children,
    _hyphenated_person,
    _is_count,
    _is_verb,
    _lemma,
    _person_noun,
)
from rafah.extract.numbers import VAGUE, parse_number
from rafah.extract.sides import noun_core, place_side, words_side

if TYPE_CHECKING:
    from spacy.tokens import Token


_PERSON_PRONOUNS = {"he", "she", "him", "her", "they", "them", "one", "who", "whom", "we", "i",
                    "you", "us", "those", "others", "another", "other", "many", "some", "all",
                    "several", "few", "most", "both", "each", "everyone", "anyone", "somebody",
                    "someone", "himself", "herself", "themselves"}


_SCALES = {"million", "thousand", "hundred", "billion", "dozen", "-", "of"}


_MULTIPLIERS = {"million", "thousand", "hundred", "billion", "dozen"}


def _is_person(token: Token) -> bool:
    """Whether a victim word can name people: a count, a person noun, a demonym, a pronoun."""
    lex = harm_lexicon()
    lower, lemma = token.lower_, _lemma(token)
    if lemma in lex.not_people or lower in lex.not_people or \
            (_is_count(token) and _lemma(_counted(token)[1]) in lex.not_people):
        return False
    if _place_name(token) or _measure(token):
        return False
    if _is_count(token) or lower in _PERSON_PRONOUNS or lower in lex.anaphors or \
            lower in lex.remainder or token.ent_type_ in ("NORP", "PERSON") or \
            words_side([token], index=False)[0]:
        return True
    return not (token.pos_ == "PROPN" and token.ent_type_ in _THING_ENTITIES) and \
        _person_word(token)


_MEASURES = ("MONEY", "QUANTITY")


def _measure(token: Token) -> bool:
    """"a $2 billion share buyback", "2 million cubic meters of water": an amount of money or
    a quantity names no people (nor does the word it counts)."""
    return token.ent_type_ in _MEASURES or \
        any(c.dep_ == "nummod" and c.ent_type_ in _MEASURES for c in token.children)


def _place_name(token: Token) -> bool:
    """"M23 rebels seized Goma": a one-word proper name the side lexicon knows as a place (also
    one the entity recogniser took for a person's) names no people."""
    return token.ent_type_ in ("PERSON", "GPE", "LOC", "FAC") and token.pos_ == "PROPN" and \
        not _children(token, "compound", "appos") and token.head.ent_type_ != "PERSON" and \
        _known_place(token)


def _human(token: Token) -> bool:
    """A word that names people by itself (not a noun that is only counted: "30 homes"):
    a person noun, a people's name or word, a person's name, a pronoun, a count of people
    (also "8,000 of them")."""
    if token.lower_ in _PERSON_PRONOUNS or token.ent_type_ in ("NORP", "PERSON") or \
            words_side([token], index=False)[0]:
        return True
    noun = _counted(token)[1]
    return _person_noun(noun) or _hyphenated_person(noun) or _age_noun(noun) or \
        (noun.i != token.i and noun.lower_ in _PERSON_PRONOUNS) or \
        (noun.i == token.i and _is_count(token) and
         _lemma(token) not in harm_lexicon().not_people)


def _of_people(noun: Token) -> list[Token]:
    """"the massacre of families": the people after "of"."""
    for prep in _children(noun, "prep"):
        objects = _children(prep, "pobj")
        if prep.lower_ == "of" and objects and _is_person(objects[0]):
            return objects
    return []


def _victim(token: Token) -> Token:
    """The victim word a relative pronoun or a partitive stands for: "migrants who ...", "a
    record number of civilians"; "dozens of civilians" keeps "dozens" (the count); the
    people set in apposition to a place the parse made the subject ("In X, a dozen people
    ... were killed"); the people "those killed included"."""
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        return _relative_antecedent(token)
    for resolve in (_placed_people, _among_subject, _tallied_people, _included_people,
                    _split_apposition):
        found = resolve(token)
        if found is not None:
            return found
    return token


def _placed_people(token: Token) -> Token | None:
    """The people set in apposition to a place the parse made the victim."""
    placed = [c for c in _children(token, "appos") if _is_person(c)]
    if placed and (token.ent_type_ in ("GPE", "LOC", "FAC") and not _is_person(token) or
                   _known_place(token)):
        return placed[0]
    return None


def _among_subject(token: Token) -> Token | None:
    """"Among the dead were ...": the subject, when there is one."""
    if not _among_uncounted(token):
        return None
    subjects = _children(token.head.head, "nsubj", "attr")
    return subjects[0] if subjects else token


def _tallied_people(token: Token) -> Token | None:
    """"a record number of civilians": the people tallied."""
    if _lemma(token) not in harm_lexicon().tally_nouns:
        return None
    people = _of_people(token)
    return people[0] if people else token


def _included_people(token: Token) -> Token | None:
    """"Those killed included a baby and her grandmother": the people included."""
    if token.lower_ not in ("those", "these") or token.dep_ != "nsubj" or \
            _lemma(token.head) not in harm_lexicon().subset_verbs:
        return None
    included = _children(token.head, "dobj")
    return included[0] if included else None


def _relative_antecedent(pronoun: Token) -> Token:
    """The noun a relative pronoun stands for (through a partitive: "two of whom"; not a
    person's name the parse hung a "which" clause on)."""
    head = pronoun.head.head
    if pronoun.lower_ == "which" and head.ent_type_ == "PERSON":
        return pronoun
    if _closed_subset(pronoun, head):
        return head.head.head
    return _victim(head) if head.lower_ in _PARTITIVE else head


def _closed_subset(pronoun: Token, head: Token) -> bool:
    """"five civilians, including a girl, who died": a relative clause after a part of people set
    off by commas, said of the whole group (the pronoun right after the closing comma; not a
    part with a side of its own, "six people, including two US citizens, who ...", whose
    clause keeps that side's people)."""
    prep = head.head
    doc = pronoun.doc
    return head.dep_ == "pobj" and not words_side(noun_core(head), index=False)[0] and \
        prep.lower_ in _SUBSET and prep.dep_ == "prep" and \
        prep.i > 0 and doc[prep.i - 1].text == "," and doc[pronoun.i - 1].text == "," and \
        pronoun.head.left_edge.i == pronoun.i and \
        not any(t.text == "," for t in doc[prep.i + 1: pronoun.i - 1]) and \
        prep.head.pos_ in ("NOUN", "PROPN", "NUM")


def _known_place(name: Token) -> bool:
    """A proper name the side lexicon knows as a place, whatever the entity recogniser took it
    for ("Cité Soleil" tagged as a person)."""
    first = min([name.i, *(c.i for c in _children(name, "compound"))])
    return name.pos_ == "PROPN" and \
        place_side(name.doc[first: name.i + 1].text, use_index=False)[0] is not None


def _split_apposition(name: Token) -> Token | None:
    """"An Israeli reservist, Sgt. First Class Eitan Mor, 24, was killed": the person noun a
    name restates when the parse left that noun hanging as a root of its own (a title's full
    stop split the sentence)."""
    doc, first = name.doc, name.left_edge.i - 1
    if name.pos_ != "PROPN":
        return None
    while first > 0 and (doc[first].pos_ == "PROPN" or doc[first].text == "."):
        first -= 1
    if first <= 0 or doc[first].text != ",":
        return None
    noun = doc[first - 1]
    while noun.head.i != noun.i and noun.head.i < first:
        noun = noun.head
    return noun if noun.dep_ == "ROOT" and noun.pos_ == "NOUN" and _person_noun(noun) else None


def _among_uncounted(token: Token) -> bool:
    """"Among the dead were ...": the uncounted harm word whose victims are the subject (not
    "among the 17 dead", counted victims of their own)."""
    return token.dep_ == "pobj" and token.head.lower_ == "among" and \
        _lemma(token.head.head) == "be" and not _children(token, "nummod") and \
        not _is_count(token)


def _partition(victim: Token) -> list[Token]:
    """"Of the migrants who drowned, 23 were Ethiopian and six were Somali": the counts (not of
    counted victims, "of the 30 dead, 12 were children": the 30)."""
    prep = victim.head
    if victim.dep_ != "pobj" or prep.lower_ != "of" or not _is_verb(prep.head) or \
            _counted(victim)[0] is not None:
        return []
    verbs = [prep.head, *(c for c in prep.head.children if c.dep_ == "conj" and _is_verb(c))]
    return [s for verb in verbs for s in _children(verb, "nsubj") if _is_count(s)]


def _counted(victim: Token) -> tuple[Token | None, Token]:
    """(count token or None, noun naming the victims) of one victim word."""
    if _is_count(victim):
        for prep in _children(victim, "prep"):
            objects = _children(prep, "pobj")
            if prep.lower_ == "of" and objects:
                return victim, objects[0]
        return victim, victim
    counts = [c for c in victim.children if c.dep_ in ("nummod", "compound") and _is_count(c)]
    counts += _adjective_count(victim)
    counts += _left_count(victim) + _conjunct_count(victim)
    counts += [] if counts else _stranded_count(victim)
    counts += _of_count(victim)
    counts += [] if counts else _partitive_count(victim)
    return (counts[0] if counts else None), victim


_PARTITIVE_ROLES = ("nsubj", "nsubjpass", "dobj", "ROOT")


def _partitive_count(victim: Token) -> list[Token]:
    """"Eight of those held were released", "two of the men abducted": the count whose "of"
    phrase names uncounted people by the harm participle that follows them (a count that is
    itself a clause's subject or object, not "a relative of one of those killed")."""
    prep = victim.head
    if victim.dep_ != "pobj" or prep.lower_ != "of" or not _is_count(prep.head) or \
            prep.head.i > victim.i or prep.head.dep_ not in _PARTITIVE_ROLES:
        return []
    harmed = any(c.dep_ == "acl" and c.tag_ == "VBN" for c in victim.children)
    return [prep.head] if harmed else []


def _of_count(noun: Token) -> list[Token]:
    """"a family of four" (also with a clause the parse hung on the count: "of four whose
    house ..."): the count after "of"."""
    return [o for p in _children(noun, "prep") if p.lower_ == "of"
            for o in _children(p, "pobj") if o.like_num and
            all(c.dep_ in ("relcl", "punct") for c in o.children)]


def _stranded_count(noun: Token) -> list[Token]:
    """"By nightfall 46 women had been killed": the count right before plural people that the
    parse gave to the time phrase before it."""
    first = noun.left_edge.i
    if first == 0 or noun.tag_ not in ("NNS", "NNPS"):
        return []
    count = noun.doc[first - 1]
    time = count.head
    if count.dep_ != "nummod" or time.i >= count.i or not _is_count(count) or \
            time.ent_type_ not in ("DATE", "TIME") or count.ent_type_ != time.ent_type_:
        return []
    return [count]


def _adjective_count(noun: Token) -> list[Token]:
    """"Eleven Syrian conscripts": a number word opening the phrase that the parse took for an
    adjective (not an ordinal, "third")."""
    return [c for c in _children(noun, "amod") if c.i == noun.left_edge.i and
            _is_count(c) and parse_number(c.text) is not None]


def _conjunct_count(noun: Token) -> list[Token]:
    """"a paramedic and two ambulance drivers": the count of the people after the "and" that
    the parse coordinated with the person noun it made their modifier."""
    return [c for m in noun.children if _modifier_conjunct(m)
            for c in _children(m, "conj") if _is_count(c) and c.i < noun.i]


def _count(token: Token) -> int | None:
    """The number a count token and its number words say; None when vague."""
    if _vague_scale(token):
        return None
    words = [t for t in token.subtree if t.i <= token.i and
             (t.like_num or t.lower_ in _SCALES or t.lower_ in VAGUE)]
    while words and words[0].lower_ in ("-", "of"):
        words = words[1:]
    if not words:
        return None
    first = words[0].i
    if first > 1 and token.doc[first - 2: first].text.lower() == "half a":
        first -= 2
    parsed = parse_number(token.doc[first: _count_end(token) + 1].text)
    if parsed is None or parsed.vague:
        return None
    return parsed.value


def _vague_scale(token: Token) -> bool:
    """"several thousand", "a few hundred": a scale word with a vague modifier and no number."""
    return token.lower_ in _SCALES and any(lexicon().has("vague_scale_modifiers", c.lower_)
                                           for c in token.children) and \
        not any(c.like_num for c in token.children)


def _count_end(token: Token) -> int:
    """The last word of a count: "Two dozen" (a multiplier the parse hung on the number)."""
    last = token.i
    while last + 1 < len(token.doc) and token.doc[last + 1].lower_ in _MULTIPLIERS and \
            token.doc[last + 1].head.i == token.i:
        last += 1
    return last


def _households(count: Token, noun: Token) -> bool:
    """"1,200 families fled", "300 households were uprooted": a count of households, not of
    people (not "a family of four": the count after "of" is of people)."""
    return count.i < noun.i and _lemma(noun) in harm_lexicon().households


def _ordinal_one(noun: Token) -> bool:
    """"killed two soldiers and wounded a third": an ordinal word with "a" standing for one
    more person (not a fraction: "a third of the residents")."""
    return noun.is_alpha and noun.like_num and parse_number(noun.text) is None and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and \
        not any(c.lower_ == "of" for c in noun.children)
