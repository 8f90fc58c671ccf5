"""Harm mentions: every mention of people killed, injured, missing, displaced, held or detained,
with a count or without one ("he was killed Saturday", "Palestinians were killed").

A pure function over a parsed spaCy Doc. A harm word (a verb such as "killed", an outcome such
as "shot dead", an adjective such as "missing", a noun such as "death toll" or "the massacre of")
is tied by the dependency parse to its victims; each victim phrase gives a count (or None), a
side and an area (rafah.extract.sides); the voice and the agent come from the harm word's
clause. Hypothetical, future and negated harm ("could kill", "nobody was hurt") is skipped.
Vocabulary: data/sides.json ("harm", "not_harm": which words are harm words, the lemma a
mention reports, outcomes, cues of unreal harm); data/casualty_lexicon.json (the kind of a harm
verb, noun or adjective, one table for both extractors; person words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from rafah.extract.casualties import rate_follows
from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.numbers import VAGUE, parse_number
from rafah.extract.possession import possessed_nouns
from rafah.extract.sides import (
    Evidence,
    is_backer,
    noun_core,
    opposing_side,
    place_side,
    record_victims,
    resolve_side,
    side_lexicon,
    words_side,
)
from rafah.records import HarmMention
from rafah.resources import json_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

_PERSON_PRONOUNS = {"he", "she", "him", "her", "they", "them", "one", "who", "whom", "we", "i",
                    "you", "us", "those", "others", "another", "other", "many", "some", "all",
                    "several", "few", "most", "both", "each", "everyone", "anyone", "somebody",
                    "someone", "himself", "herself", "themselves"}
_SINGULAR = {"he", "she", "him", "her", "one", "someone", "somebody", "another", "i", "himself",
             "herself"}
_SUBJECTS = ("nsubj", "nsubjpass")
_SCALES = {"million", "thousand", "hundred", "billion", "dozen", "-", "of"}
_MULTIPLIERS = {"million", "thousand", "hundred", "billion", "dozen"}
_NOT_VICTIM = ("relcl", "acl", "appos", "conj", "cc", "punct")
_SUBSET = {"including", "among", "like", "such", "mostly", "mainly"}
_PARTICLES = {"by", "on", "in", "up", "out"}
_INTRANSITIVE = {"die", "perish", "drown", "flee", "miss", "starve", "succumb", "disappear"}
_PARTITIVE = {"them", "whom", "those", "us"}
@dataclass(frozen=True)
class HarmLexicon:
    """Harm vocabulary and the cues of unreal harm (data/sides.json; the kinds of harm verbs,
    nouns and adjectives from data/casualty_lexicon.json)."""

    verbs: dict[str, str]
    outcome_verbs: dict[str, dict[str, str]]
    holding: dict[str, str]
    forcing: dict[str, str]
    losing: dict[str, dict[str, str]]
    adjectives: dict[str, tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    captive_nouns: dict[str, str]
    flee_verbs: frozenset[str]
    home_nouns: frozenset[str]
    bearing_verbs: frozenset[str]
    tally_nouns: frozenset[str]
    anaphors: frozenset[str]
    not_people: frozenset[str]
    modals: frozenset[str]
    intent_verbs: frozenset[str]
    negations: frozenset[str]
    negative_subjects: frozenset[str]
    conditions: frozenset[str]
    people: frozenset[str]
    not_outcome_verbs: frozenset[str]
    particle_verbs: dict[str, dict[str, str]]
    life_verbs: frozenset[str]
    subset_verbs: frozenset[str]
    pair_collectives: frozenset[str]
    """Collective nouns that always name two people ("couple")."""
    pairs: frozenset[str]
    """Nouns that name two people with a determiner ("the twins", "her parents")."""
    groups: frozenset[str]
    outcome_words: frozenset[str]
    age_units: frozenset[str]
    fates: dict[str, dict[str, str]]
    bereaving: frozenset[str]
    kin: frozenset[str]
    leaving: frozenset[str]
    intent_nouns: frozenset[str]
    false_words: frozenset[str]
    former_words: frozenset[str]
    custody: dict[str, str]
    """States of being held and their kinds ("in detention", "into custody")."""
    remainder: frozenset[str]
    """Nouns for the uncounted rest of people named before ("the rest")."""
    extra_people: frozenset[str]
    """Person nouns the WordNet list lacks ("influencer", "videographer")."""
    person_endings: tuple[str, ...]
    """Endings of nouns that name a person ("-grapher", "-woman")."""
    comrades: frozenset[str]
    """Nouns of one's own people whose loss is their death ("lost 14 of our men")."""
    units: frozenset[str]
    """Military units whose lost men are dead ("his unit lost 40 men")."""
    judicial: frozenset[str]
    """Verbs of putting to death by a state ("executed", "hanged")."""
    doubting: frozenset[str]
    """Verbs whose object's report is not taken as fact ("investigating claims that")."""
    hedging: frozenset[str]
    """Verbs whose passive hedges a report ("are feared killed", "are believed to have died")."""
    generic_people: frozenset[str]
    """Pronouns of anybody at all, whose harm is no event ("anyone convicted of kidnapping")."""
    sentencing: dict[str, dict[str, str]]
    """Verbs whose term after "to" puts people in custody ("sentenced to prison")."""
    not_custody: frozenset[str]
    """Words of a sentence that puts nobody in custody ("sentenced in absentia")."""
    care_verbs: frozenset[str]
    """Verbs of getting care whose subjects are the injured ("sought help for wounds")."""
    evacuating: frozenset[str]
    """Verbs whose many people moved out of harm's way are displaced ("120,000 evacuated")."""
    safe_words: frozenset[str]
    """Words that say the people moved came to no harm or were moved for care ("evacuated
    safely", "evacuated to hospital")."""
    remains: frozenset[str]
    """Nouns of the dead's bodies, a mention only when found or handled ("exhumed 447
    bodies")."""
    moments: frozenset[str]
    """Conjunctions of a clause telling the moment of a harm ("as they fled")."""
    destinations: frozenset[str]
    """Prepositions of where the displaced went ("fled to Chad")."""
    not_holding: frozenset[str]
    """Complements of "hold" in another sense ("held responsible", "held in high regard")."""
    hostage_takers: frozenset[str]
    households: frozenset[str]
    mourners: frozenset[str]
    trapping: frozenset[str]
    """Verbs (and the adjectives the tagger makes of them) whose people still held by them are
    missing ("are still trapped under rubble")."""
    """Bereaving verbs whose kin are dead only when people do it ("we buried my father"; not
    "the mudslide buried her sons")."""
    """Nouns whose count is of households, not of people ("1,200 families fled")."""
    """Holders whose captives are hostages ("kidnappers", "jihadists", "Hamas")."""
    custody_places: frozenset[str]
    """Where the held are detainees ("held in prison", "held in a cell")."""
    naming: frozenset[str]
    """Verbs whose passive says who people are ("the dead were identified as ...")."""
    falling: frozenset[str]
    """Verbs of falling whose subject dies "to his death" ("fell to his death")."""
    fugitives: frozenset[str]
    """People whose flight is an escape, no displacement ("the suspect fled")."""
    escapes: frozenset[str]
    """What people flee in escaping, not being displaced ("fled the scene")."""
    captivity: frozenset[str]
    """States of being held whose kind the story tells ("remain in captivity" after an
    abduction: hostages)."""
    refuges: frozenset[str]
    """Where people are forced to live away from home ("forced 300,000 into shelters")."""
    dependants: frozenset[str]
    """Uncounted people who go with counted ones ("1,200 herders and their families")."""


def _own_kinds(extra: dict[str, Any], kinds: dict[str, str], table: str) -> dict[str, Any]:
    """The harm words sides.json gives a kind of their own: only words casualty_lexicon.json
    lacks (a word it has takes its kind from there, so the two cannot disagree)."""
    shared = sorted(extra.keys() & kinds.keys())
    if shared:
        raise ValueError(f"sides.json harm extra_{table}: {shared} have their kind in "
                         f"casualty_lexicon.json {table!r}")
    return extra


def _with_kinds(lemmas: dict[str, str], kinds: dict[str, str], extra: dict[str, list[str]],
                table: str) -> dict[str, tuple[str, str]]:
    """word → (kind, reported lemma): the kind from the casualty lexicon, the lemma from
    sides.json; then the words with a kind of their own ([kind, lemma])."""
    found = {word: (kinds[word], lemma) for word, lemma in lemmas.items()}
    found.update((word, (kind, lemma)) for word, (kind, lemma) in
                 _own_kinds(extra, kinds, table).items())
    return found


@cache
def harm_lexicon() -> HarmLexicon:
    """The shipped harm vocabulary."""
    data = json_data("sides.json")
    harm, unreal = data["harm"], data["not_harm"]
    casualty = json_data("casualty_lexicon.json")
    return HarmLexicon(
        verbs={**{verb: casualty["verbs"][verb] for verb in harm["verbs"]},
               **_own_kinds(harm["extra_verbs"], casualty["verbs"], "verbs")},
        outcome_verbs=harm["outcome_verbs"], holding=harm["holding_verbs"],
        forcing=harm["forcing_verbs"], losing=harm["losing_verbs"],
        adjectives=_with_kinds(harm["adjectives"], casualty["adjectives"], {}, "adjectives"),
        nouns=_with_kinds(harm["nouns"], {**casualty["of_nouns"], **casualty["nouns"]},
                          harm["extra_nouns"], "nouns"),
        captive_nouns=harm["captive_nouns"], flee_verbs=frozenset(harm["flee_verbs"]),
        home_nouns=frozenset(harm["home_nouns"]), bearing_verbs=frozenset(harm["bearing_verbs"]),
        tally_nouns=frozenset(casualty["tally_nouns"]), anaphors=frozenset(harm["anaphors"]),
        not_people=frozenset(harm["not_people"]) | frozenset(casualty["animal_nouns"]),
        modals=frozenset(unreal["modals"]),
        intent_verbs=frozenset(unreal["intent_verbs"]),
        negations=frozenset(casualty["negators"]),
        negative_subjects=frozenset(unreal["negative_subjects"]),
        conditions=frozenset(unreal["conditions"]),
        people=frozenset(casualty["people"]),
        not_outcome_verbs=frozenset(unreal["not_outcome_verbs"]),
        particle_verbs=harm["particle_verbs"],
        life_verbs=frozenset(casualty["life_verbs"]) - frozenset(harm["losing_verbs"]),
        subset_verbs=frozenset(casualty["subset_verbs"]),
        pair_collectives=frozenset(casualty["pair_nouns"]) &
        frozenset(casualty["collective_nouns"]),
        pairs=frozenset(casualty["pair_nouns"]),
        groups=frozenset(casualty["group_nouns"]),
        outcome_words=frozenset(w for t in harm["outcome_verbs"].values() for w in t if w),
        age_units=frozenset(casualty["age_units"]),
        fates=harm["fate_verbs"], bereaving=frozenset(harm["bereaving_verbs"]),
        kin=frozenset(harm["kin_nouns"]),
        leaving=frozenset(harm["leaving_verbs"]), intent_nouns=frozenset(unreal["intent_nouns"]),
        false_words=frozenset(unreal["false_words"]),
        former_words=frozenset(unreal["former_words"]),
        custody=harm["custody_nouns"], remainder=frozenset(harm["remainder_nouns"]),
        not_holding=frozenset(unreal["not_holding_words"]),
        evacuating=frozenset(harm["evacuation_verbs"]),
        care_verbs=frozenset(harm["care_verbs"]),
        sentencing=harm["sentencing_verbs"],
        not_custody=frozenset(unreal["not_custody_words"]),
        generic_people=frozenset(unreal["generic_people"]),
        hedging=frozenset(unreal["hedging_verbs"]),
        doubting=frozenset(unreal["doubting_verbs"]),
        judicial=frozenset(harm["judicial_verbs"]),
        comrades=frozenset(harm["comrade_nouns"]),
        units=frozenset(harm["military_units"]),
        extra_people=frozenset(harm["person_nouns"]),
        person_endings=tuple(harm["person_endings"]),
        remains=frozenset(harm["remains_nouns"]),
        destinations=frozenset(harm["destination_prepositions"]),
        moments=frozenset(unreal["moment_conjunctions"]),
        safe_words=frozenset(unreal["not_evacuation_words"]) |
        frozenset(casualty["safe_complements"]),
        hostage_takers=frozenset(harm["hostage_takers"]),
        households=frozenset(harm["household_nouns"]),
        mourners=frozenset(harm["mourner_verbs"]),
        trapping=frozenset(harm["trapping_verbs"]),
        custody_places=frozenset(harm["custody_places"]),
        naming=frozenset(harm["naming_verbs"]),
        falling=frozenset(harm["falling_verbs"]),
        fugitives=frozenset(harm["fugitive_nouns"]),
        escapes=frozenset(harm["escape_nouns"]),
        captivity=frozenset(harm["captivity_nouns"]),
        refuges=frozenset(harm["refuge_nouns"]),
        dependants=frozenset(harm["dependant_nouns"]),
    )


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
    return token.lemma_.lower()


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _with_conjuncts(token: Token) -> list[Token]:
    """A victim and the victims coordinated with it ("Israelis and Palestinians"), not an
    aside about them ("among them two women"), the speaker the parse coordinated, nor people
    of a harm participle of their own ("1,400 injured and thousands driven from homes")."""
    found = [token]
    if _breakdown(token) or _listed_people(token):
        return found
    found += [c for c in token.children if _modifier_conjunct(c)]
    for child in token.children:
        if (child.dep_ == "conj" or _listed(child)) and \
                child.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and \
                not _aside(child) and not _speaker(child) and not _subject_elsewhere(child) \
                and not any(_verb_trigger(a) for a in _children(child, "acl")):
            found.extend(_with_conjuncts(child))
    return found


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


def _listed(child: Token) -> bool:
    """"A father, his wife and their four children": a list the parse made an apposition of
    its first person, one person (the apposition is coordinated with a person of its own);
    "two Germans, their French guide and three porters": of people the apposition's possessive
    refers back to (so not the same people)."""
    head = child.head
    first = (head.tag_ == "NN" and _person_noun(head)) or (_is_person(head) and
                                                           _refers_back(child))
    return child.dep_ == "appos" and (_person_noun(child) and child.pos_ == "NOUN" or
                                      child.pos_ == "NUM" and _refers_back(child)) and \
        first and any(
        c.dep_ == "conj" and _is_person(c) for c in child.children) and any(
        c.dep_ == "cc" for c in child.children)


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


def _is_person(token: Token) -> bool:
    """Whether a victim word can name people: a count, a person noun, a demonym, a pronoun."""
    lex = harm_lexicon()
    lower, lemma = token.lower_, _lemma(token)
    if lemma in lex.not_people or lower in lex.not_people or \
            (_is_count(token) and _lemma(_counted(token)[1]) in lex.not_people):
        return False
    if _place_name(token):
        return False
    if _is_count(token) or lower in _PERSON_PRONOUNS or lower in lex.anaphors or \
            lower in lex.remainder or token.ent_type_ in ("NORP", "PERSON") or \
            words_side([token], index=False)[0]:
        return True
    return not (token.pos_ == "PROPN" and token.ent_type_ in _THING_ENTITIES) and \
        _person_word(token)


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


def _counted_noun(token: Token) -> bool:
    """"40 farmworkers", "Four Thai farmworkers": a noun with a count names people."""
    return any(_is_count(c) for c in token.children if c.dep_ == "nummod") or \
        (token.pos_ == "NOUN" and bool(_left_count(token)))


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


def _outcome(verb: Token, table: dict[str, str]) -> str | None:
    """The outcome word after "shot"/"stabbed": "dead", "to death", a fatal adverb ("fatally
    shot"); "" when there is none."""
    near = [t for t in verb.doc[verb.i + 1: min(verb.i + 4, verb.sent.end)]]
    near += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    words = {t.lower_ for t in near} | {t.lower_ for t in verb.children}
    if any(lexicon().has("fatal_adverbs", c.lower_) for c in verb.children) and \
            "dead" in table:
        return table["dead"]
    for word, kind in table.items():
        if word and word in words:
            return kind
    return table.get("")


def _verb_trigger(token: Token) -> tuple[str, str] | None:
    """(kind, lemma) of a harm verb, or None."""
    lex = harm_lexicon()
    lemma = _lemma(token)
    if lemma in lex.verbs:
        return ("killed" if _to_death(token) else lex.verbs[lemma]), lemma
    phrasal = _phrasal_kind(token, lemma)
    if phrasal:
        return phrasal, lemma
    if lemma in lex.outcome_verbs:
        kind = _outcome(token, lex.outcome_verbs[lemma])
        return (kind, lemma) if kind else None
    if lemma in lex.forcing and _forced_out(token):
        return lex.forcing[lemma], lemma
    fate = _fate(token, lemma)
    if fate:
        return fate, lemma
    if lemma in lex.holding:
        return lex.holding[lemma], lemma
    if _to_death(token):
        return "killed", lemma
    return None


def _bereaved(verb: Token) -> list[Token]:
    """"families have lost children", "she lost her husband": the kin a bereaving verb's
    subject lost, "we lost 14 of our men": its own people, "we buried my father" (by people:
    not "the mudslide buried her sons"; not "lost their homes", nor "lost two players to
    injury", "lost its best officers to a rival")."""
    lex = harm_lexicon()
    if _lemma(verb) not in lex.bereaving or _not_mourned(verb):
        return []
    kin = [o for o in _children(verb, "dobj") if o.pos_ == "NOUN" and _lemma(o) in lex.kin]
    if kin or any(p.lower_ == "to" for p in _children(verb, "prep")):
        return kin
    armed = any(_key_in(s, side_lexicon().force_nouns) or _lemma(s) in harm_lexicon().units
                for s in _children(verb, "nsubj"))
    return [o for o in _children(verb, "dobj") if _own_people(_counted(o)[1], armed)]


def _not_mourned(verb: Token) -> bool:
    """A verb of mourners ("bury") whose subject is no person ("the mudslide buried")."""
    return _lemma(verb) in harm_lexicon().mourners and not any(
        _is_person(s) or s.pos_ == "PRON" for s in _children(verb, "nsubj"))


def _own_people(noun: Token, armed: bool) -> bool:
    """"14 of our men", "three of its soldiers", "his unit lost 40 men": people of the loser's
    own (a noun of comrades or soldiers, data: comrade_nouns, soldier_nouns, with a possessive
    or lost by an armed force or unit)."""
    comrades = harm_lexicon().comrades | side_lexicon().soldiers
    return _lemma(noun) in comrades and (armed or any(
        c.dep_ == "poss" and c.lower_ in ("our", "their", "its", "his", "her", "my")
        for c in noun.children))


def _key_in(token: Token, keys: frozenset[str]) -> bool:
    """Whether a token's lemma or text is among lower-case keys."""
    return _lemma(token) in keys or token.lower_ in keys


def _fate(verb: Token, lemma: str) -> str | None:
    """The kind of a verb whose object tells the harm: "lost their homes", "gave their lives"
    (losing verbs), "lost two sons" (bereaving), "fell in battle", "fell in the line of duty",
    "paid with their lives" (a prepositional object: fate verbs, whose subjects die)."""
    lex = harm_lexicon()
    for obj in [*_children(verb, "dobj"), *_fated_head(verb)]:
        if _lemma(obj) in lex.losing.get(lemma, {}):
            return lex.losing[lemma][_lemma(obj)]
    if _bereaved(verb):
        return "killed"
    table = lex.fates.get(lemma, {})
    for prep in _children(verb, "prep"):
        for word in prep.subtree:
            if word.dep_ == "pobj" and _lemma(word) in table:
                return table[_lemma(word)]
    return None


def _fated_head(verb: Token) -> list[Token]:
    """"hundreds more sought refuge" parsed as a modifier of "refuge": the object the parse
    made the head of the verb."""
    return [verb.head] if verb.dep_ == "amod" and verb.head.i > verb.i and \
        _lemma(verb.head) in harm_lexicon().losing.get(_lemma(verb), {}) else []


def _fated_people(verb: Token) -> list[Token]:
    """The people of a verb parsed as a modifier of its object: the possessor or subject the
    parse gave that object ("hundreds" in "hundreds more sought refuge")."""
    return [c for h in _fated_head(verb) for c in h.children
            if c.dep_ in ("poss", "nsubj", "compound") and c.i < verb.i]


def _phrasal_kind(verb: Token, lemma: str) -> str | None:
    """The kind of a verb that harms with its particle ("rounded up" people, not "carried off
    three awards"), its object ("claimed the lives of") or its term ("sentenced to ten years
    in prison": data sentencing_verbs)."""
    lex = harm_lexicon()
    for particle in _children(verb, "prt"):
        kind = lex.particle_verbs.get(lemma, {}).get(_lemma(particle))
        if kind and all(_human(o) for o in _children(verb, "dobj")):
            return kind
    terms = lex.sentencing.get(lemma, {})
    if any(t.lower_ in lex.not_custody for t in verb.subtree):
        terms = {}
    for prep in _children(verb, "prep"):
        kind = next((terms[_lemma(o)] for o in _children(prep, "pobj")
                     if prep.lower_ == "to" and _lemma(o) in terms), None)
        if kind:
            return kind
    return "killed" if lemma in lex.life_verbs and _lives(verb) else None


def _lives(verb: Token) -> list[Token]:
    """"claimed the lives of 500 people": the people whose lives a verb took ("claimed 1,300
    lives": the counted lives)."""
    lives = [obj for obj in _children(verb, "dobj") if _lemma(obj) == "life"]
    return [p for obj in lives for p in _of_people(obj) or
            [obj for c in _children(obj, "nummod") if _is_count(c)]]


def _to_death(verb: Token) -> bool:
    """"hacked to death", "were beaten to death", "fell to his death" (a verb of falling, with
    the faller's possessive): a verb whose outcome is death (not "sentenced to death", "led to
    his death")."""
    lex = harm_lexicon()
    if _lemma(verb) in lex.not_outcome_verbs:
        return False
    falling = _lemma(verb) in lex.falling
    return any(c.lower_ == "to" and any(
        _lemma(o) == "death" and (not list(o.children) or falling and _own_death(o))
        for o in _children(c, "pobj")) for c in _children(verb, "prep"))


def _own_death(noun: Token) -> bool:
    """"to his death", "to their deaths on K2": a death with its dier's possessive."""
    return any(p.dep_ == "poss" for p in noun.children) and all(
        p.dep_ == "prep" or (p.dep_ == "poss" and p.lower_ in ("his", "her", "their"))
        for p in noun.children)


def _forced_out(verb: Token) -> bool:
    """"forced to flee", "forced from their homes"; "120,000 were evacuated" (an evacuation of
    many people: data evacuation_verbs; not one wounded soldier, nor "evacuated safely", nor to
    a hospital)."""
    lex = harm_lexicon()
    if _forced_flight(verb) or _evacuated(verb):
        return True
    return any(_lemma(g) in lex.home_nouns for c in _children(verb, "prep")
               if c.lower_ in ("from", "out") for g in c.subtree if g.dep_ == "pobj") or \
        any(_lemma(g) in lex.refuges for c in _children(verb, "prep") if c.lower_ == "into"
            for g in _children(c, "pobj"))


def _evacuated(verb: Token) -> bool:
    """"more than 120,000 evacuated", "evacuated thousands of residents": many people moved
    out of harm's way (not "evacuated safely", "evacuated to hospital", nor one person, nor
    homes, the wounded or freed hostages)."""
    lex = harm_lexicon()
    if _lemma(verb) not in lex.evacuating or any(c.lower_ in lex.safe_words
                                                   for c in verb.subtree):
        return False
    people = _children(verb, "dobj") or _children(verb, "nsubjpass", "nsubj")
    return bool(people) and all(
        (p.tag_ in ("NNS", "NNPS") or _counted(p)[0] is not None) and _human(p) and
        _counted(p)[1].lower_ not in lex.adjectives and
        _lemma(_counted(p)[1]) not in lex.captive_nouns for p in people)


def _forced_flight(verb: Token) -> list[Token]:
    """The flight a verb forces: "forced to flee", "forcing 1,500 people to flee", "sent
    thousands of residents fleeing" (a flee verb the parse hung on the object)."""
    flee = harm_lexicon().flee_verbs
    found = [c for c in _children(verb, "xcomp") if _lemma(c) in flee]
    return found or [t for o in _children(verb, "dobj") for t in o.subtree
                     if t.dep_ in ("acl", "relcl") and _lemma(t) in flee and
                     not _children(t, *_SUBJECTS)]


def _passive(verb: Token) -> bool:
    if _children(verb, "auxpass", "nsubjpass", "agent"):
        return True
    if _elided_auxiliary(verb) or _reduced_relative(verb) is not None or _shared_passive(verb):
        return True
    if verb.tag_ != "VBN" or _children(verb, "aux", "dobj"):
        return False
    return verb.dep_ in ("conj", "acl", "pcomp", "amod", "advcl", "relcl", "xcomp", "dep",
                         "parataxis") or _copula_complement(verb)


def _copula_complement(verb: Token) -> bool:
    """"remain held in Gaza", "stay detained": a participle that is the complement of a verb
    of being, whose subject it is said of."""
    return verb.dep_ in ("acomp", "xcomp") and _lemma(verb.head) in _COPULAS


def _shared_passive(verb: Token) -> bool:
    """"were detained by police and deported across the border": a participle (even one the
    tagger took for a past tense) coordinated with a passive verb, with neither subject nor
    object of its own, shares its passive."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and head.i < verb.i and \
        not _children(verb, *_SUBJECTS, "dobj", "aux") and \
        bool(_children(head, "auxpass", "nsubjpass"))


def _elided_auxiliary(verb: Token) -> bool:
    """"One man was shot dead and his brother wounded": a participle coordinated with a
    passive harm verb, with a subject of its own and no object, is passive too."""
    head = verb.head
    return verb.dep_ == "conj" and _participle_form(verb) and head.i < verb.i and \
        bool(_children(verb, "nsubj")) and not _children(verb, "dobj", "aux", "auxpass") and \
        bool(_children(head, "auxpass")) and _verb_trigger(head) is not None


def _participle_form(verb: Token) -> bool:
    """A past participle, also one whose form is its base ("hurt", "cut") that the tagger took
    for a present tense or a noun ("and five hurt")."""
    return verb.tag_ in ("VBD", "VBN") or (
        verb.tag_ in ("VB", "VBP", "NN") and verb.lower_ == _lemma(verb) and
        verb.lower_ in harm_lexicon().verbs)


def _shared_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it is coordinated with or modifies (past a
    clause the parse made of the object: "killed 40 farmers harvesting rice and abducted ...");
    "an attack killed ... and wounded ...": the noun the first verb modifies; "was sentenced
    after being detained": the subject of the verb a preposition's clause hangs on."""
    current = verb
    if _copula_complement(verb):
        return _children(verb.head, *_SUBJECTS)
    for _ in range(3):
        if current.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or \
                current.head.i == current.i or \
                (current.dep_ == "pcomp" and not _children(current, "auxpass")):
            return []
        trailing = _trailing_participle(current)
        current = current.head
        if _small_clause(current) or trailing:
            current = current.head
        described = _participle_noun(current)
        if described is not None:
            return [described]
        subjects = _children(current, *_SUBJECTS)
        if subjects:
            return subjects
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
    return []


def _participle_noun(verb: Token) -> Token | None:
    """"100 hostages still believed to be held by Hamas": the noun right before (but for
    adverbs) a participle with no subject nor auxiliary, which it describes."""
    if verb.tag_ != "VBN" or _children(verb, *_SUBJECTS, "aux", "auxpass"):
        return None
    before = verb.i - 1
    while before > verb.sent.start and verb.doc[before].pos_ == "ADV" and \
            verb.doc[before].head.i == verb.i:
        before -= 1
    noun = verb.doc[before]
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i >= verb.sent.start else None


def _trailing_participle(clause: Token) -> bool:
    """"A rocket struck a yard shortly after the children had gone inside, lightly wounding a
    teacher": a participle set off by a comma that the parse hung on a subordinate clause
    (one with a conjunction such as "after") whose subject is people (who harm nobody there;
    not "before the missile struck, injuring 22") belongs to the main clause."""
    head, first = clause.head, clause.left_edge.i
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and first > 0 and \
        clause.doc[first - 1].text == "," and head.dep_ == "advcl" and \
        head.head.i != head.i and any(c.dep_ == "mark" for c in head.children) and \
        all(_is_person(s) for s in _children(head, *_SUBJECTS))


def _small_clause(clause: Token) -> bool:
    """"killed 40 farmers harvesting rice": a gerund clause the parse made of a harm verb's
    object, its subject being the victims."""
    gerund = clause.tag_ == "VBG" or clause.lower_.endswith("ing")
    return clause.dep_ == "ccomp" and gerund and \
        _verb_trigger(clause.head) is not None and not _children(clause.head, "dobj") and \
        any(_is_person(s) for s in _children(clause, "nsubj"))


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects (also one the parse hung on its auxiliary: "five are missing", "killed
    in the strike were a doctor and his wife"), else
    the noun it modifies, else an elided one the parse made an adverb ("and a third injured"),
    else the subject it shares with another verb."""
    reduced = _reduced_relative(verb)
    if reduced is not None:
        return [reduced]
    subjects = _children(verb, *_SUBJECTS) or [s for aux in _children(verb, "aux", "auxpass")
                                               for s in _children(aux, *_SUBJECTS, "attr")]
    if subjects:
        return _own_subjects(subjects)
    if verb.dep_ in ("relcl", "acl") and (verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                                          or _elided_ordinal(verb.head)):
        return [verb.head]
    others = [c for c in _children(verb, "npadvmod", "advmod") if c.i < verb.i and
              c.lower_ in harm_lexicon().anaphors]
    return others or _stray_subject(verb) or _shared_subject(verb) or _fronted_apposition(verb)


def _left_participle(verb: Token) -> bool:
    """"left 230 dead and more than a thousand injured": a harm participle the parse hung on a
    verb of leaving as a clause of its own."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj", "oprd", "xcomp") and \
        _lemma(verb.head) in harm_lexicon().leaving and verb.head.i < verb.i


def _own_subjects(subjects: list[Token]) -> list[Token]:
    """The subjects but a part of people named before, when there are others, and but a
    restatement of the subject before it set off by commas ("The couple, both in their 70s,
    were killed"; "Four tourists, two couples from Ohio, were found dead")."""
    own = [s for s in subjects if not _aside_subject(s)] or subjects
    return [s for s in own if not any(_restates(s, other) for other in own)]


def _restates(noun: Token, before: Token) -> bool:
    """A subject the parse split off the subject right before it: set off by commas, with
    nothing but a comma between the two."""
    doc = noun.doc
    first, last = noun.left_edge.i, noun.right_edge.i
    closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
    return before.i < noun.i and before.right_edge.i in (first - 2, first - 1) and \
        doc[first - 1].text == "," and closed


def _aside_subject(noun: Token) -> bool:
    """"Thirteen people died, three teenagers among them, and more than 60 were hurt": a part
    of people named before ("among them" after it) that the parse made a subject."""
    return any(p.dep_ == "prep" and p.lower_ in _SUBSET and p.i > noun.i and
               any(o.lower_ in _PARTITIVE for o in _children(p, "pobj"))
               for p in noun.children)


def _elided_ordinal(word: Token) -> bool:
    """"Two soldiers were killed and a third wounded": an ordinal with an article standing for
    one more person, coordinated with a harm verb."""
    return word.ent_type_ == "ORDINAL" and word.dep_ == "conj" and \
        any(c.dep_ == "det" for c in word.children) and _verb_trigger(word.head) is not None


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


_RELATIVE_DEPS = ("advcl", "acl", "conj", "ccomp", "dep", "relcl", "xcomp", "parataxis")


def _object_follows(verb: Token) -> bool:
    """Whether a noun phrase starts right after a verb ("killed at least 40 farmers"), as an
    object would (not a phrase: "detained during the war")."""
    doc, after = verb.doc, verb.i + 1
    if after >= verb.sent.end:
        return False
    word = doc[after]
    if word.pos_ in ("DET", "NUM", "NOUN", "PROPN", "PRON", "ADJ"):
        return True
    return word.pos_ in ("ADP", "ADV") and after + 1 < len(doc) and (
        doc[after + 1].like_num or doc[after + 1].lower_ in ("least", "most"))


def _reduced_relative(verb: Token) -> Token | None:
    """"about 1,700 Gazans detained during the war", "the number of Karabakh Armenians
    uprooted at 100,000", "the families of Israelis abducted on October 7 held a vigil": a
    transitive harm participle right after the people it describes (its subject, no subject,
    or the people they are of), with no object nor auxiliary, the parse having taken it for a
    clause of its own: the people, harmed in the passive."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or _lemma(verb) in _INTRANSITIVE or \
            _children(verb, "aux", "auxpass", "dobj", "nsubjpass", "attr", "oprd", "prt", "cc"):
        return None
    noun = _described(verb)
    if noun is None or _object_follows(verb) or _verb_trigger(verb) is None or \
            _lemma(verb) in harm_lexicon().losing or _direct_objects(verb) or \
            not _is_person(noun):
        return None
    return noun


def _described(verb: Token) -> Token | None:
    """The noun right before a participle that it may describe: its subject (or the noun the
    subject is of), or any noun when the participle has no subject and hangs as a clause
    (also a count of a preposition: "were among 11 killed")."""
    noun = verb.doc[verb.i - 1]
    subjects = _children(verb, "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head in subjects:
        subjects = [noun]
    counted = noun.pos_ == "NUM" and noun.dep_ == "pobj" and _is_count(noun)
    if (noun.pos_ not in ("NOUN", "PROPN") and not counted) or subjects not in ([], [noun]) or \
            (not subjects and verb.dep_ not in _RELATIVE_DEPS) or \
            (subjects and verb.dep_ == "relcl"):
        return None
    return noun


def _fronted_apposition(verb: Token) -> list[Token]:
    """"In Kharkiv, a woman and her daughter were wounded": people the parse made an
    apposition of the place of a fronted phrase, the verb having no subject."""
    return [c for p in _children(verb, "prep") if p.i < verb.i for o in _children(p, "pobj")
            for c in _children(o, "appos") if c.i > o.i and _is_person(c)]


def _agent_of(verb: Token, voice: str) -> list[Token]:
    """The agent of an active verb (its subject) or a passive one ("by ...", "in Israeli
    strikes")."""
    if voice == "active":
        subjects = [s for s in _subjects(verb) if s.dep_ != "nsubjpass"]
        if subjects and subjects[0].lower_ in ("that", "which") and verb.dep_ == "relcl":
            return noun_core(verb.head)
        return _subject_phrase(subjects)
    if voice != "passive":
        return []
    for child in verb.children:
        objects = _children(child, "pobj")
        if child.dep_ == "agent" and objects:
            return noun_core(objects[0])
        if child.lower_ in ("in", "by") and objects and _perpetrating(objects[0]):
            return noun_core(objects[0])
    return []


def _subject_phrase(subjects: list[Token]) -> list[Token]:
    """The phrase of the first subject and of those the parse split off right after it
    ("Fighters of the paramilitary | Rapid Support Forces")."""
    found = subjects[:1]
    for subject in subjects[1:]:
        if subject.left_edge.i == found[-1].right_edge.i + 1:
            found.append(subject)
    return [t for subject in found for t in _phrase(subject)]


def _phrase(noun: Token) -> list[Token]:
    """A noun phrase without its clauses: "The strike targeting X" → "The strike" (but "a
    drone launched by Hezbollah": a participle with its agent says who struck)."""
    skipped = {t.i for c in noun.children if c.dep_ in ("acl", "relcl", "appos") and
               not (c.dep_ == "acl" and _children(c, "agent")) for t in c.subtree}
    tokens = [t for t in noun.subtree if t.i not in skipped]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _perpetrating(noun: Token) -> bool:
    """A weapon or force noun whose modifiers name who used it: "an Israeli strike"."""
    lex = side_lexicon()
    if noun.lemma_.lower() not in lex.force_nouns and noun.lower_ not in lex.force_nouns:
        return False
    return bool(words_side(noun_core(noun)[:-1], index=False)[0]) or any(
        t.lower_ in lex.local_actors for t in noun_core(noun))


def _verb_harm(token: Token) -> _Harm | None:
    found = _verb_trigger(token)
    if found is None:
        return None
    kind, lemma = found
    lex = harm_lexicon()
    held: str | None
    if _bereaved(token):
        return _Harm(token, kind, lemma, "none", _bereaved(token), owners=_subjects(token))
    if lemma in _INTRANSITIVE or _subject_fate(lemma):
        if lemma == "miss" and token.tag_ == "VBN":
            return None
        voice = "passive" if _children(token, "auxpass") else "none"
        return _Harm(token, kind, lemma, voice, _subjects(token) or _fated_people(token))
    misread = _misread_conjunct(token)
    if misread is not None:
        return _Harm(token, kind, lemma, "active", [misread], _agent_of(misread.head, "active"))
    voice = _voice(token, lemma)
    if lemma in lex.life_verbs and _lives(token):
        return _Harm(token, kind, lemma, voice, _lives(token), _agent_of(token, voice))
    if voice != "active":
        victims, kind = _subjects(token), _either_kind(token, kind)
    else:
        victims, kind = _objects(token, kind)
    if lemma in lex.holding:
        held = _holding_kind(token, victims)
        if held is None:
            return None
        kind, victims = held, _held_objects(victims)
    return _Harm(token, kind, lemma, voice, victims, _agent_of(token, voice))


def _subject_fate(lemma: str) -> bool:
    """A verb whose harm befalls its subject: losing ("lost their homes"), fate ("fell in
    battle") and falling ("fell to his death") verbs."""
    lex = harm_lexicon()
    return lemma in lex.losing or lemma in lex.fates or lemma in lex.falling


def _misread_conjunct(verb: Token) -> Token | None:
    """"killed four traders and injured dozens": the object of a harm participle right after
    an "and" of an earlier active verb, which the parse made a modifier of that object and
    coordinated the object with the verb (a second active verb sharing its subject)."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "conj" or \
            noun.i < verb.i or verb.i == verb.sent.start:
        return None
    first, before = noun.head, verb.doc[verb.i - 1]
    if before.dep_ != "cc" or before.head.i != first.i or not _is_verb(first) or \
            _verb_trigger(first) is None or _passive(first):
        return None
    return noun


def _voice(verb: Token, lemma: str) -> str:
    """active | passive ("held hostage" is passive) | none ("received 60 wounded", "left four
    dead and another wounded": a participle with its own subject, a complement of "left")."""
    lex = harm_lexicon()
    if verb.lower_ in lex.adjectives and verb.dep_ == "acl" and verb.head.pos_ == "NUM" and \
            verb.head.i == verb.i - 1:
        return "passive" if _elided_passive(verb.head) else "none"
    if _left_complement(verb):
        return "none"
    complement = lemma in lex.holding and any(
        _lemma(c) in lex.captive_nouns and not list(c.children) for c in verb.children)
    return "passive" if _passive(verb) or (complement and verb.tag_ == "VBN") else "active"


def _left_complement(verb: Token) -> bool:
    """"left four dead and another wounded": a participle with its own subject (or right after
    the object it describes) that is a complement of a verb of leaving."""
    leaving = harm_lexicon().leaving
    own = bool(_children(verb, "nsubj")) or any(
        c.i < verb.i and c.lower_ in harm_lexicon().anaphors
        for c in _children(verb, "advmod", "npadvmod"))
    if verb.dep_ in ("conj", "ccomp", "oprd", "xcomp") and _lemma(verb.head) in leaving:
        return (own and not _children(verb, "dobj")) or bool(_stray_subject(verb))
    if verb.dep_ == "advcl" and _lemma(verb.head) in leaving:
        return bool(_stray_subject(verb))
    if verb.dep_ == "conj" and _outcome_list(verb.head):
        return own
    noun = verb.head
    return verb.dep_ == "acl" and noun.i == verb.i - 1 and noun.dep_ in ("dobj", "conj") and \
        _lemma(noun.head) in leaving


def _outcome_list(head: Token) -> bool:
    """"left 59 people dead and more than 150 injured", "put its losses at 80 soldiers dead and
    several hundred wounded": a harm adjective that is a complement of a verb that harms nobody
    (or such a verb with one, or a complement of a verb of leaving: "left dozens of homes
    destroyed and 15 people dead"), which the participle coordinated with it continues (not
    "shot dead and five wounded")."""
    adjectives = harm_lexicon().adjectives
    complements = ("oprd", "acomp", "advcl", "xcomp", "dobj")
    if head.lower_ in adjectives and head.dep_ in complements:
        return _verb_trigger(head.head) is None
    if _is_verb(head) and _verb_trigger(head) is None and head.dep_ in complements and \
            _lemma(head.head) in harm_lexicon().leaving:
        return True
    return _is_verb(head) and _verb_trigger(head) is None and any(
        c.lower_ in adjectives and c.dep_ in complements for c in head.children)


def _elided_passive(count: Token) -> bool:
    """"Four people were killed and at least 10 wounded": a count coordinated with a passive
    harm verb is the subject of a passive verb whose auxiliary is elided."""
    verb = count.head
    return count.dep_ == "conj" and _is_verb(verb) and verb.tag_ == "VBN" and \
        _verb_trigger(verb) is not None and _passive(verb)


def _either_kind(verb: Token, kind: str) -> str:
    """"were killed or wounded" → casualties ("killed or taken captive": each its own)."""
    return _merged_kind(kind, _disjunct_objects(verb)[1])


def _merged_kind(kind: str, other: str | None) -> str:
    """The kind of two harm verbs joined by "or": casualties for killing or wounding, else the
    first verb's own (the second is a mention of its own)."""
    return "casualties" if other not in (None, kind) and \
        {kind, other} <= {"killed", "injured", "casualties"} else kind


def _objects(verb: Token, kind: str) -> tuple[list[Token], str]:
    """The objects of an active harm verb (with nouns the parse hung on the verb: "kidnapped
    a priest and his driver", but not those after "among them"), and the kind ("kill or maim"
    → casualties)."""
    objects = _direct_objects(verb)
    if not objects:
        objects, other = _disjunct_objects(verb)
        return objects, _merged_kind(kind, other)
    subset = min((c.i for c in _children(verb, "prep") if c.lower_ in _SUBSET),
                 default=verb.sent.end)
    objects += [c for c in verb.children if c.dep_ == "conj" and
                (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "NUM" and _is_count(c))) and
                not any(_misread_conjunct(a) is not None for a in _children(c, "amod"))]
    objects += _stray_conjunct(verb, objects) + _gapped_counts(verb, objects)
    return [o for o in objects if o.i < subset and not _is_subset(o)], kind


def _gapped_counts(verb: Token, objects: list[Token]) -> list[Token]:
    """"killed eight people on the Ukrainian side and four in the Russian region of Belgorod":
    a bare count with a place of its own that the parse coordinated with the object of a
    phrase of the verb (or of its object) is a second object."""
    phrases = [p for owner in [verb, *objects] for p in _children(owner, "prep")]
    return [c for p in phrases for o in _children(p, "pobj") for c in _children(o, "conj")
            if c.pos_ == "NUM" and _is_count(c) and _counted(c)[1].i == c.i and
            any(q.lower_ in side_lexicon().locative for q in _children(c, "prep"))]


def _stray_conjunct(verb: Token, objects: list[Token]) -> list[Token]:
    """"injuring a man in his 60s and his wife, paramedics said": the person after an "and"
    the parse hung on the harm verb, that it made the subject of the speech verb whose true
    subject (the speaker) it made its apposition."""
    cc = _trailing_and(verb, objects)
    if cc is None:
        return []
    noun = _phrase_at(verb.doc[cc.i + 1])
    said = noun.head
    speakers = [c for c in _children(noun, "appos") if c.right_edge.i == said.i - 1]
    if noun.dep_ != "nsubj" or _lemma(said) not in side_lexicon().speech_verbs or \
            not speakers or not _is_person(noun):
        return []
    return [noun]


def _trailing_and(verb: Token, objects: list[Token]) -> Token | None:
    """The "and" the parse hung on a verb after its objects (and its phrases)."""
    last = max((o.right_edge.i for o in objects), default=verb.i)
    between = {t.i for c in _children(verb, "prep", "advmod", "npadvmod") for t in c.subtree}
    cc = next((c for c in _children(verb, "cc") if c.i > last), None)
    if cc is None or cc.i + 1 >= verb.sent.end or \
            any(i not in between for i in range(last + 1, cc.i)):
        return None
    return cc


def _phrase_at(first: Token) -> Token:
    """The head of the noun phrase that starts at a token (not climbing into a verb)."""
    noun = first
    while noun.head.i > noun.i and noun.head.left_edge.i == first.i and not _is_verb(noun.head):
        noun = noun.head
    return noun


def _is_subset(noun: Token) -> bool:
    """"among them three children": a part of the victims named before."""
    return any(c.dep_ == "prep" and c.lower_ in _SUBSET and c.i < noun.i for c in noun.children)


def _direct_objects(verb: Token) -> list[Token]:
    """The objects, an attribute the parse gave a participle ("had eliminated 1,400
    servicemen"), the people after "to death" ("clubbed to death four herders"), or the subject
    of a gerund clause made of the object or of an outcome ("beat two men unconscious") or of a
    captive word ("held 400 passengers hostage", "hostage" parsed as a verb), or the object of
    an outcome word the parse made a preposition ("shot dead a shopkeeper and his nephew")."""
    objects = [_outcome_object(o) for o in _children(verb, "dobj")]
    if not objects and _lemma(verb) != "be":
        objects = _children(verb, "attr")
    if not objects and _to_death(verb):
        objects = _children(verb, "npadvmod", "dep")
    lex = harm_lexicon()
    return objects or [s for c in _children(verb, "ccomp") if _small_clause(c) or
                       c.lower_ in lex.outcome_words or c.lower_ in lex.captive_nouns
                       for s in _children(c, "nsubj")] or _outcome_objects(verb) or \
        _more_object(verb) or _stray_object(verb)


def _outcome_objects(verb: Token) -> list[Token]:
    """"shot dead a shopkeeper and his nephew": the object of an outcome word right after the
    verb that the parse made a preposition or a complement ("shot dead his wife")."""
    return [o for c in _children(verb, "prep", "acomp", "xcomp", "oprd")
            if c.lower_ in harm_lexicon().outcome_words and c.i == verb.i + 1
            for o in _children(c, "pobj", "dobj") if not _split_word(o)]


def _split_word(token: Token) -> bool:
    """A word the parse split at a hyphen ("ex" of "ex-wife"): no whole noun of its own."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-" and \
        not token.whitespace_


def _more_object(verb: Token) -> list[Token]:
    """"rounded up dozens more", "killed 12 more": an object the parse made an adverb "more"
    with its count; "displaced 500,000 across Pakistan": a count the parse made an adverb."""
    return [c for m in _children(verb, "advmod", "npadvmod") if m.lower_ in harm_lexicon().anaphors
            and m.i > verb.i for c in _children(m, "npadvmod", "nummod") if _is_count(c)] or \
        [c for c in _children(verb, "npadvmod") if c.i > verb.i and c.pos_ == "NUM" and
         _is_count(c)]


def _stray_object(verb: Token) -> list[Token]:
    """"Rebels have detained at least 20 employees of UN agencies, the UN chief said": the
    people right after an active harm verb without an object, that the parse made a second
    subject of a later verb."""
    if verb.i + 1 >= verb.sent.end or _lemma(verb) in _INTRANSITIVE:
        return []
    noun = _phrase_at(verb.doc[verb.i + 1])
    later = noun.head
    if noun.dep_ != "nsubj" or later.i <= noun.i or not _is_verb(later) or \
            not (len(_children(later, "nsubj")) > 1 or _doing_object(verb, later)) or \
            not _is_person(noun):
        return []
    return [noun]


def _doing_object(verb: Token, later: Token) -> bool:
    """"killed a father and son tending their orchard": a clause of the verb made of an -ing
    participle, whose subject the parse took from the verb's object."""
    return later.tag_ == "VBG" and later.head.i == verb.i and \
        later.dep_ in ("advcl", "ccomp", "xcomp")


def _outcome_object(noun: Token) -> Token:
    """"beat an elderly shepherd unconscious": the person the parse made a modifier of the
    outcome word it took for the object."""
    if noun.lower_ not in harm_lexicon().outcome_words:
        return noun
    people = [m for m in _children(noun, "amod", "compound", "nmod") if _is_person(m)]
    return people[-1] if people else noun


def _disjunct_objects(verb: Token) -> tuple[list[Token], str | None]:
    """"kill or maim thousands": the object of the second verb, and that verb's kind."""
    for conj in _children(verb, "conj"):
        found = _verb_trigger(conj)
        if found and any(c.lower_ == "or" for c in verb.children):
            return _children(conj, "dobj"), found[0]
    return [], None


def _holding_kind(verb: Token, victims: list[Token]) -> str | None:
    """"held hostage" / "holds 24 captives" / "holding 40 soldiers as prisoners" → their kind;
    "were held in Gaza", "held by kidnappers" → hostages; "held without charge", "held in
    prison" → detained (``_captivity_kind``); not another sense of "hold" ("held responsible",
    "held a vigil", "held her son": an active "hold" needs counted people of a side or
    captors)."""
    named = _captive_word_kind(verb, victims)
    if named:
        return named
    if _lemma(verb) != "hold" or not victims or not _holding_sense(verb) or \
            not all(_human(v) for v in victims):
        return None
    if verb.dep_ == "conj" and (_verb_trigger(verb.head) or ("",))[0] in ("killed", "injured"):
        return "hostages"
    captors = _captors_kind(_agent_of(verb, "active" if _children(verb, "dobj") else "passive"))
    if _children(verb, "dobj") and not captors and not all(_held_people(v) for v in victims):
        return None
    return _captivity_kind(verb, captors)


def _captive_word_kind(verb: Token, victims: list[Token]) -> str | None:
    """The kind of a captive word of a holding verb or of its people ("took two workers
    hostage", "holds 24 captives", "as prisoners of war")."""
    lex = harm_lexicon()
    words = [*verb.children, *(g for c in _children(verb, "prep") if c.lower_ == "as"
                               for g in _children(c, "pobj")),
             *(t for v in victims for t in v.subtree)]
    return next((lex.captive_nouns[_lemma(w)] for w in words if _lemma(w) in lex.captive_nouns),
                None)


def _holding_sense(verb: Token) -> bool:
    """"held" as keeping people captive, not "held responsible", "held in high regard",
    "held back" (a particle) (data: not_holding_words)."""
    lex = harm_lexicon()
    if _children(verb, "prt"):
        return False
    near = [*_children(verb, "acomp", "oprd", "advmod", "xcomp", "ccomp"),
            *(g for c in _children(verb, "prep") for g in _children(c, "pobj"))]
    return not any(_lemma(w) in lex.not_holding for w in near)


def _captors_kind(agent: list[Token]) -> str | None:
    """What the holders say about the held: an armed group or kidnappers hold hostages
    ("held by jihadists"), police, an army or a state hold detainees ("held by Israel")."""
    if not agent:
        return None
    lex, sides = harm_lexicon(), side_lexicon()
    keys = {_lemma(t) for t in agent} | {t.lower_ for t in agent}
    if keys & lex.hostage_takers or any(k in sides.local_actors for k in keys) or \
            any(t.lower_ == "armed" and t.dep_ == "amod" for t in agent):
        return "hostages"
    if keys & sides.domestic or keys & sides.force_nouns or \
            words_side(agent, index=False)[0] or any(t.ent_type_ == "GPE" for t in agent):
        return "detained"
    return None


def _captivity_kind(verb: Token, captors: str | None) -> str:
    """The kind of people held: detained in prison, custody or on charges (data:
    custody_places, legal nouns of the casualty lexicon); else what their captors say; else
    hostages where people are held by an armed party (sides.json areas' "captors") or when the
    sentence or the one before tells of hostages or abductions; else detained."""
    lex = harm_lexicon()
    places = [g for c in _children(verb, "prep") for g in c.subtree
              if g.dep_ in ("pobj", "compound")]
    if any(_lemma(w) in lex.custody_places or lexicon().has("legal_nouns", _lemma(w))
           for w in places):
        return "detained"
    if captors:
        return captors
    areas = {place_side(g.text)[1] for g in places if g.pos_ == "PROPN"}
    if areas & side_lexicon().captor_areas or _hostage_story(verb):
        return "hostages"
    return "detained"


def _previous_sentence_start(sent: Span) -> int:
    """The first token of the sentence before ``sent`` (its own first token when it is the
    first sentence)."""
    return sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def _hostage_story(verb: Token) -> bool:
    """Whether the verb's sentence or the one before names hostages, captives or an
    abduction."""
    sent = verb.sent
    start = _previous_sentence_start(sent)
    lex = harm_lexicon()
    return any(lex.captive_nouns.get(_lemma(t)) == "hostages" or
               lex.verbs.get(_lemma(t)) == "hostages" for t in verb.doc[start: sent.end])


def _held_objects(victims: list[Token]) -> list[Token]:
    """The people held, not the captive word that is their complement ("took two workers
    hostage"); "took about 250 people hostage", "taking several guests hostage": the counted or
    plural people the parse made a compound of that word."""
    captives = harm_lexicon().captive_nouns
    bare = {v.i for v in victims if _lemma(v) in captives and not _children(
        v, "det", "nummod", "amod", "compound", "nmod", "poss", "quantmod")}
    found = [v for v in victims if v.i not in bare] or victims
    for index, noun in enumerate(found):
        people = [c for c in _children(noun, "compound", "nmod") if _is_person(c) and
                  (_counted(c)[0] is not None or c.tag_ in ("NNS", "NNPS"))]
        if _lemma(noun) in captives and people and not _children(noun, "nummod"):
            found[index] = people[-1]
    return found


def _held_people(token: Token) -> bool:
    """"holds about 8,000 Ukrainians", "has held two Israeli soldiers": a count of people named
    by their side."""
    count, noun = _counted(token)
    return count is not None and bool(words_side(noun_core(noun), index=False)[0])


def _adjective_harm(token: Token) -> _Harm | None:
    """"found dead", "remain missing", "left 9 dead", "among the dead were ...", "left two
    dead and several more wounded" (a harm adjective coordinated with the complement of a
    verb of leaving, with its own people)."""
    lex = harm_lexicon()
    if token.lower_ not in lex.adjectives or token.pos_ not in ("ADJ", "NOUN", "VERB"):
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
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in token.children):
        return _children(token, "nsubj")
    head = token.head
    if token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advcl") and _is_verb(head):
        return _complement_victims(token)
    if token.dep_ == "conj" and (_lemma(head) in harm_lexicon().leaving or _outcome_list(head)):
        people = [c for c in token.children if c.dep_ in ("nsubj", "advmod", "npadvmod") and
                  c.i < token.i and _is_person(c)]
        return people or None
    return _prepositional_victims(token)


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


def _modified_people(adjective: Token) -> list[Token]:
    """"a camp for displaced families", "wounded people were brought", "displaced
    Palestinians": the person noun (or people's name) a harm adjective modifies (before it)
    names the victims."""
    noun = adjective.head
    if adjective.dep_ != "amod" or noun.i < adjective.i or not _is_person(noun) or \
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


def _toll_value(noun: Token) -> tuple[int | None, Token | None]:
    """The count a toll is put at: "rose to 1,200", "put its toll at 49", "the toll is 31",
    "revised the toll down to 84 from 103", "rose from 80 to 95" (not the count it was before:
    "from")."""
    head = noun.head
    places = [c for c in head.children if c.dep_ in ("prep", "attr", "dobj") and c.i > noun.i]
    places += [p for a in _children(head, "advmod") if a.i > noun.i
               for p in _children(a, "prep")]
    places += [p for c in places if c.lower_ == "from" for p in _children(c, "prep")]
    for child in sorted(places, key=lambda c: (c.lower_ == "from", c.i)):
        target = _children(child, "pobj")[0] if _children(child, "pobj") else child
        if _is_count(target):
            return _count(target), target
    return None, None


def _noun_harm(token: Token) -> _Harm | None:
    """"31,000 deaths", "the death toll rose to 1,200", "the massacre of families", "taken to
    hospital with injuries"."""
    lemma = _lemma(token)
    entry = _noun_entry(token)
    if entry is None:
        return None
    kind, verb = entry
    if lemma == "toll" or _rising_tally(token):
        value, target = _toll_value(token)
        return _Harm(token, kind, verb, "none", [target], value=value) if target else None
    if token.dep_ == "dobj" and _lemma(token.head) in harm_lexicon().bearing_verbs:
        return _Harm(token, kind, verb, "none", _subjects(token.head))
    if lemma in harm_lexicon().remains and not _found_remains(token):
        return None
    counted = _counted_harm_noun(token)
    if counted:
        return _Harm(token, kind, verb, "none", counted)
    victims = _noun_people(token, kind)
    return _Harm(token, kind, verb, "none", victims, _by_phrase(token)) if victims else None


def _counted_harm_noun(noun: Token) -> list[Token]:
    """A harm noun that counts its victims itself ("31,000 deaths", "the hostages, a soldier
    and two workers"), or people counted by the count before "of" ("thousands of refugees";
    not events: "one of the largest kidnappings")."""
    if any(c.dep_ == "nummod" and _is_count(c) for c in noun.children) or \
            _listed_people(noun):
        return _counted_demonym(noun) or [noun]
    count = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _is_count(count) and \
            count.i < noun.i and (_person_noun(noun) or
                                  _lemma(noun) in harm_lexicon().captive_nouns):
        return [count]
    return []


def _counts_itself(noun: Token) -> bool:
    """A harm noun whose own count (or a counted demonym sharing it) counts its victims."""
    counted = _counted_harm_noun(noun)
    return bool(counted) and counted in ([noun], _counted_demonym(noun))


def _counted_demonym(noun: Token) -> list[Token]:
    """"103 Ukrainian and 103 Russian prisoners": a counted demonym (no noun of its own: not
    "30 Palestinians and 12 hostages") coordinated before a counted harm noun, whose noun it
    shares: the victims are the demonym and its conjuncts."""
    head = noun.head
    if noun.dep_ != "conj" or head.i > noun.i or head.tag_ in ("NNS", "NNPS") or \
            head.pos_ not in ("ADJ", "PROPN") or \
            not any(c.dep_ == "nummod" and _is_count(c) for c in head.children):
        return []
    return [head] if words_side([head], index=False)[0] else []


def _noun_people(noun: Token, kind: str) -> list[Token]:
    """The people of an uncounted harm noun: "the massacre of families" (not the captors of
    "a prisoner of the militia"), "taken to hospital with injuries", "her son's killing" (not
    for displacement: "another carrier's flight")."""
    captive = _lemma(noun) in harm_lexicon().captive_nouns
    return (_of_people(noun) if not captive else []) or \
        (_with_injuries(noun) if kind == "injured" else []) or \
        (_possessor_victims(noun) if kind != "displaced" else []) or \
        ([noun] if captive and _captives_subject(noun) else [])


def _captives_subject(noun: Token) -> bool:
    """"the remaining hostages were moved", "Israeli hostages are held in tunnels": uncounted
    captives (a plural captive noun, "the" or a side word before it) that are a subject (not
    of a verb of release: "the hostages were freed")."""
    return noun.dep_ in _SUBJECTS and noun.tag_ == "NNS" and \
        not lexicon().has("release_verbs", _lemma(noun.head)) and any(
        (c.dep_ == "det" and c.lower_ == "the") or words_side([c], index=False)[0]
        for c in noun.children if c.i < noun.i)


def _possessor_victims(noun: Token) -> list[Token]:
    """"her son's killing", "the boy's death": a person whose harm a noun names (a noun, not a
    pronoun: "died of his wounds" is no mention of its own; nor a group: "Hamas's killing")."""
    if _lemma(noun) in harm_lexicon().captive_nouns:
        return []
    return [p for p in _children(noun, "poss") if p.pos_ in ("NOUN", "PROPN") and
            _is_person(p) and p.ent_type_ not in ("GPE", "ORG", "NORP")]


def _found_remains(noun: Token) -> bool:
    """"exhumed 447 bodies", "the bodies of three men were found", "pulled 14 survivors and
    three bodies from": a noun of the dead counted when it is found, recovered or handled (the
    casualty lexicon's body verbs), not "two UN bodies", "a museum houses the bodies of two
    pharaohs"."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return _lemma(verb) in lexicon().sets["body_verbs"]


_COPULAS = {"be", "remain", "stay", "become"}


def _holding_word(token: Token) -> bool:
    """"held", "kept", "taken" (also as the adjective the tagger made of them)."""
    holding = harm_lexicon().holding
    return _lemma(token) in holding or any(
        token.lower_ == form for form in ("held", "kept", "taken"))


def _status_harm(token: Token) -> _Harm | None:
    """"remain hostage", "are still hostages", "remain held captive", "has been a prisoner of
    the militia": a captive word predicated of the subject of a copula (passive when a
    participle of holding comes with it)."""
    lex = harm_lexicon()
    kind = lex.captive_nouns.get(_lemma(token))
    if kind is None or token.dep_ not in ("attr", "acomp", "oprd") or \
            _children(token, "nummod"):
        return None
    head = token.head
    held = any(_holding_word(c) for c in _children(token, "amod"))
    if head.dep_ == "acomp" and _holding_word(head):
        head, held = head.head, True
    if _lemma(head) not in _COPULAS:
        return None
    return _Harm(token, kind, _lemma(token), "passive" if held else "none", _subjects(head))


def _rising_tally(noun: Token) -> bool:
    """"Fatalities from the heatwave rose to 14", "deaths have climbed to 300": an uncounted
    plural harm noun that is the subject of a verb of change (the casualty lexicon's toll
    verbs and prepositions)."""
    return noun.dep_ == "nsubj" and noun.tag_ == "NNS" and not _children(noun, "nummod") and \
        any(c.dep_ == "prep" and lexicon().has("toll_target_prepositions", c.lower_)
            for c in noun.head.children if c.i > noun.i)


def _custody_harm(token: Token) -> _Harm | None:
    """"remain in detention", "was taken into custody", "returned from captivity": a state of
    being held (data: custody_nouns) after a preposition harms the people of the verb the
    preposition hangs on, the verb's objects else its subjects (not those of a harm verb:
    "died in custody")."""
    kind = harm_lexicon().custody.get(_lemma(token))
    verb = token.head.head
    if kind is None or token.dep_ != "pobj" or token.head.dep_ != "prep" or \
            not _is_verb(verb) or _verb_harm(verb) is not None:
        return None
    objects = _children(verb, "dobj")
    voice = "active" if objects else "passive" if _passive(verb) else "none"
    victims = objects or _subjects(verb)
    kind = next((harm_lexicon().captive_nouns[_lemma(w)] for v in victims for w in v.subtree
                 if _lemma(w) in harm_lexicon().captive_nouns), _story_kind(token, kind))
    return _Harm(token, kind, _lemma(token), voice, victims, _agent_of(verb, voice))


def _story_kind(state: Token, kind: str) -> str:
    """"The three remain in captivity" after a sentence on an abduction: hostages (not a
    state's captivity: "returned from Russian captivity")."""
    if _lemma(state) not in harm_lexicon().captivity or \
            words_side(noun_core(state), index=False)[0] or not _hostage_story(state):
        return kind
    return "hostages"


def _noun_entry(token: Token) -> tuple[str, str] | None:
    """(kind, verb) of a harm noun: not a modifier of another ("death toll"), nor one of people
    no longer harmed ("former prisoners")."""
    lex = harm_lexicon()
    entry = lex.nouns.get(_lemma(token)) or _gerund(token)
    if token.pos_ != "NOUN" or entry is None or _former(token) or \
            (token.dep_ == "compound" and _lemma(token.head) in lex.nouns):
        return None
    return entry


def _gerund(noun: Token) -> tuple[str, str] | None:
    """"the wounding of three paramedics", "the jailing of": (kind, verb) of a noun in -ing
    made of a harm verb."""
    word = noun.lower_
    if not word.endswith("ing") or noun.tag_ != "NN":
        return None
    stem = word[:-3]
    verbs = harm_lexicon().verbs
    for verb in (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else ""):
        if verb in verbs:
            return verbs[verb], verb
    return None


def _by_phrase(noun: Token) -> list[Token]:
    """"the killing of 1,200 people by Hamas", "Hamas's killing of civilians": the agent of a
    harm noun (a group or state possessing it, when it has people of its own), who, as a
    passive's, says whose the victims are not."""
    for prep in _children(noun, "prep"):
        objects = _children(prep, "pobj")
        if prep.lower_ == "by" and objects:
            return noun_core(objects[0])
    return [t for p in _children(noun, "poss") if p.ent_type_ in ("GPE", "ORG", "NORP")
            and _of_people(noun) for t in noun_core(p)]


def _with_injuries(noun: Token) -> list[Token]:
    """"19 were rescued with injuries": the subjects of the verb the phrase hangs from."""
    if noun.head.dep_ != "prep" or noun.head.lower_ not in ("with", "for"):
        return []
    governor = _governing_verb(noun.head)
    return _subjects(governor) if governor is not None else []


def _of_people(noun: Token) -> list[Token]:
    """"the massacre of families": the people after "of"."""
    for prep in _children(noun, "prep"):
        objects = _children(prep, "pobj")
        if prep.lower_ == "of" and objects and _is_person(objects[0]):
            return objects
    return []


def _governing_verb(token: Token) -> Token | None:
    """The verb a prepositional phrase hangs from ("taken to hospital with injuries"), also past
    the object of a verb of getting care ("sought treatment for wounds")."""
    current = token.head
    while not _is_verb(current) and (current.dep_ in ("pobj", "prep") or _care(current)) and \
            current.head.i != current.i:
        current = current.head
    return current if _is_verb(current) else None


def _care(noun: Token) -> bool:
    """"sought medical help for gunshot wounds", "received treatment for burns": the object of
    a verb whose subject is the patient (data: care_verbs)."""
    return noun.dep_ == "dobj" and _lemma(noun.head) in harm_lexicon().care_verbs


def _unreal(harm: _Harm) -> bool:
    """Hypothetical, future or negated harm: "could kill", "threatened to kill", "if ...",
    "nobody was hurt", "no casualties", "the toll could rise" (a harm noun that is the subject
    of an unreal verb), "anyone convicted of kidnapping a child" (harm of anybody at all),
    proportions."""
    if _denied(harm.trigger) or _intended(harm.trigger) or _no_victims(harm) or \
            _no_displacement(harm) or _proportion(harm):
        return True
    current = harm.trigger
    if _reduced_relative(current) is not None:
        return any(_unreal_cue(child) for child in current.children)
    if _modal_subject(current):
        return True
    for _ in range(4):
        if any(_unreal_cue(child) for child in current.children):
            return True
        if current.head.i == current.i:
            return False
        if _unreal_governor(current):
            return True
        if not _shares_mood(current):
            return False
        current = current.head
    return False


def _shares_mood(clause: Token) -> bool:
    """Whether a clause shares the mood of the word it hangs on (a complement, a conjunct, a
    phrase, a bare participle clause, an infinitive after an adjective: "would make it easier
    to detain", a harm adjective that is the object of a verb of leaving: "could leave 900
    dead")."""
    return clause.dep_ in ("xcomp", "ccomp", "conj", "acomp", "oprd", "pobj", "prep", "pcomp") \
        or _bare_participle(clause) or (_infinitive(clause) and clause.head.pos_ == "ADJ") or \
        (clause.dep_ == "dobj" and clause.pos_ == "ADJ" and
         _lemma(clause.head) in harm_lexicon().leaving)


def _bare_participle(clause: Token) -> bool:
    """"would not go around hurting people": a participle clause with no conjunction of its
    own, under the verb whose mood it shares."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and \
        not _children(clause, "mark", *_SUBJECTS)


def _modal_subject(noun: Token) -> bool:
    """A harm noun that is the subject of a verb with a modal auxiliary ("the toll could
    rise")."""
    modals = harm_lexicon().modals
    return noun.pos_ == "NOUN" and noun.dep_ in _SUBJECTS and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in modals for c in noun.head.children)


def _unreal_governor(clause: Token) -> bool:
    """A clause under a verb of intent ("threatened to kill", "was asked to kill"; not a
    passive verb of fear or belief that hedges a report: "are feared killed"), or describing
    anybody at all ("anyone convicted of kidnapping")."""
    lex = harm_lexicon()
    head = clause.head
    if _lemma(head) in lex.intent_verbs and (clause.dep_ in ("xcomp", "ccomp") or
                                             _infinitive(clause)) and \
            not (_lemma(head) in lex.hedging and _children(head, "auxpass", "nsubjpass")):
        return True
    return clause.dep_ in ("acl", "relcl") and head.lower_ in lex.generic_people


def _proportion(harm: _Harm) -> bool:
    """"one in three of the dead", "one in five displaced households": a harm told as a
    proportion ("N in M", "N out of M") is no count of people."""
    chain, current = [], harm.trigger
    for _ in range(4):
        chain.append(current)
        current = current.head
    chain += [t for v in harm.victims for t in [v, *v.children] if t.i == v.i or
              t.dep_ == "nummod"]
    return any(_in_ratio(t) for t in chain)


def _in_ratio(count: Token) -> bool:
    """A number of a proportion: "one" or "three" in "one in three", "nine out of ten"."""
    if not count.like_num:
        return False
    head = count.head
    second = head.lower_ in ("in", "of") and head.head.like_num and head.head.i < count.i
    return second or any(p.lower_ in ("in", "out") and any(
        o.like_num for o in p.subtree if o.i != p.i) for p in _children(count, "prep"))


def _fleeing_victims(harm: _Harm) -> bool:
    """"killed two cousins as they fled toward a shelter", "shot while fleeing": flight of the
    victims (a pronoun, or no subject) that is the moment of another harm, not a displacement
    of its own (not "died ... while thousands of families have fled")."""
    verb, lex = harm.trigger, harm_lexicon()
    if harm.kind != "displaced" or verb.dep_ != "advcl" or \
            not any(c.dep_ == "mark" and c.lower_ in lex.moments for c in verb.children) or \
            any(s.pos_ != "PRON" for s in _children(verb, *_SUBJECTS)):
        return False
    found = _verb_trigger(verb.head) if _is_verb(verb.head) else None
    return found is not None and found[0] != "displaced"


def _no_displacement(harm: _Harm) -> bool:
    """Flight that displaces nobody: the victims' flight at another harm, an escape."""
    return _fleeing_victims(harm) or _escape(harm)


def _escape(harm: _Harm) -> bool:
    """"the suspect fled", "the driver fled the scene": the flight of a perpetrator or from
    the scene of a deed, an escape and no displacement."""
    lex, verb = harm_lexicon(), harm.trigger
    if harm.kind != "displaced" or _lemma(verb) not in lex.flee_verbs:
        return False
    fleeing = [_lemma(s) for s in _children(verb, *_SUBJECTS)]
    return any(f in lex.fugitives for f in fleeing) or \
        any(_lemma(o) in lex.escapes for o in _children(verb, "dobj"))


def _no_victims(harm: _Harm) -> bool:
    """"nobody was hurt", "no civilians were killed"."""
    lex = harm_lexicon()
    return any(v.lower_ in lex.negative_subjects or
               any(c.dep_ == "det" and c.lower_ in lex.negations for c in v.children)
               for v in harm.victims)


def _intended(trigger: Token) -> bool:
    """"could prevent 40,000 deaths": a harm noun that is the object of a verb of intent; "a
    plot to kidnap soldiers": an infinitive after a noun of intent."""
    lex = harm_lexicon()
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and \
            _lemma(trigger.head) in lex.intent_verbs:
        return True
    to = [a for a in _children(trigger, "aux") if a.lower_ == "to"]
    return bool(to) and to[0].i > 0 and _lemma(trigger.doc[to[0].i - 1]) in lex.intent_nouns


def _infinitive(verb: Token) -> bool:
    """"threatened on Monday to kill": an infinitive the parse made an adverbial clause."""
    return verb.dep_ == "advcl" and any(a.lower_ == "to" for a in _children(verb, "aux"))


def _denied(trigger: Token) -> bool:
    """"denied reports that any soldiers had been killed", "investigating claims that civilians
    were killed": harm told by a noun that is the object of a verb of denial, intent or doubt;
    "reports that soldiers had died were false": by one that is the subject of a word of
    falsity."""
    noun, lex = trigger.head, harm_lexicon()
    if trigger.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    if trigger.dep_ == "relcl" and not any(c.dep_ == "mark" and c.lower_ == "that"
                                           for c in trigger.children):
        return False
    if noun.dep_ == "dobj" and trigger.dep_ == "acl":
        return _lemma(noun.head) in lex.intent_verbs | lex.doubting
    return noun.dep_ in _SUBJECTS and any(c.dep_ in ("acomp", "attr") and c.lower_ in
                                          lex.false_words for c in noun.head.children)


def _unreal_cue(child: Token) -> bool:
    """A negation, a modal or a condition among a verb's dependents."""
    lex = harm_lexicon()
    return child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass") and
                                   child.lower_ in lex.modals) or \
        (child.dep_ in ("mark", "advmod") and child.lower_ in lex.conditions)


def _harms(sent: Span) -> list[_Harm]:
    """Every harm word of a sentence with its victims (before sides are known); a noun that is
    the victim of a harm verb ("holding 59 hostages") or of a killing or wounding ("the deaths
    of three detainees") is not a harm of its own, nor a harm word counted by another's victims
    ("two of the wounded later died"), nor a rank in a series beside a harm of its kind ("the
    third reporter to die this week"), nor the subject of a harm verb of its kind ("the
    massacre ... killed 25"), nor more people the rise of a toll counts."""
    found = list(_candidates(sent))
    kept = _own_harms(found)
    kept = [h for h in kept if not any(_fatal_outcome(h, other) or _rank_beside(h, other) or
                                       _harm_as_agent(h, other) or _toll_increment(h, other)
                                       for other in kept)]
    return [h for n, h in enumerate(kept) if not any(_same_harm(h, other) for other in kept[:n])]


def _own_harms(found: list[_Harm]) -> list[_Harm]:
    """The harms that are not the victims of another: a harm noun among a harm verb's or a
    killing's victims, a harm word standing for people counted by another's victims; a
    participle of holding that describes counted captives is theirs ("the 20 hostages still
    held in Gaza": the hostages)."""
    found = _without_described_captives(found)
    victims = {w.i for harm in found for v in harm.victims for w in (v, _counted(v)[1])
               if _covers_nouns(harm, v)}
    counted_of = {_counted(v)[1].i for harm in found for v in harm.victims
                  if _counted(v)[1].i != v.i}
    return [h for h in found if (h.trigger.pos_ != "NOUN" or h.trigger.i not in victims) and
            not (h.trigger.i in counted_of and [v.i for v in h.victims] == [h.trigger.i])]


def _without_described_captives(found: list[_Harm]) -> list[_Harm]:
    """The harms but a participle of holding that describes captives counted by their own
    noun ("the 20 hostages still held in Gaza": the hostages are the mention)."""
    held = ("hostages", "detained")
    counted = {h.trigger.i for h in found if h.trigger.pos_ == "NOUN" and h.kind in held and
               _counts_itself(h.trigger)}
    return [h for h in found if not (h.trigger.dep_ == "acl" and h.kind in held and
                                     h.trigger.head.i in counted)]


def _toll_increment(harm: _Harm, other: _Harm) -> bool:
    """"The toll rose to 18 after two more women died": the harm of more people that a clause
    of the toll's verb tells as the rise of the toll, which counts them."""
    clause = harm.trigger if _is_verb(harm.trigger) else harm.trigger.head
    toll = other.trigger
    return other.kind == harm.kind and toll.pos_ == "NOUN" and other.value is not None and \
        clause.dep_ == "advcl" and clause.head.i == toll.head.i and \
        any(w.lower_ == "more" for v in harm.victims for w in v.subtree)


def _harm_as_agent(harm: _Harm, other: _Harm) -> bool:
    """"The massacre of tourists near Pahalgam killed 25 Indians": a harm noun that is the
    subject of an active harm verb of its kind, whose victims it names again."""
    return harm.trigger.pos_ == "NOUN" and other.voice == "active" and \
        other.kind == harm.kind and harm.trigger.dep_ == "nsubj" and \
        harm.trigger.head.i == other.trigger.i


def _rank_beside(harm: _Harm, other: _Harm) -> bool:
    """A harm of people ranked in a series ("the third reporter to die") beside another harm of
    its kind, which it restates."""
    return other is not harm and other.kind == harm.kind and bool(harm.victims) and \
        all(_ranked(v) for v in harm.victims)


def _covers_nouns(harm: _Harm, victim: Token) -> bool:
    """Whether a harm noun among a harm's victims is no mention of its own: the victims of a
    harm verb or adjective, or of a killing or a wounding."""
    return harm.trigger.pos_ != "NOUN" or (harm.kind in ("killed", "injured") and
                                           victim.i != harm.trigger.i)


def _same_harm(harm: _Harm, other: _Harm) -> bool:
    """"the abduction of two aid workers, seized at gunpoint": a harm of the same kind whose
    victims are among those of one before it is the same mention ("nine civilians and a student,
    who was abducted"; held as hostages or detainees alike: "students who were abducted remain
    in captivity"); "183 detainees, many of them held for
    months": so is a harm of the same kind whose victims are only a part of people named
    before it ("many of them")."""
    held = ("hostages", "detained")
    if (harm.kind != other.kind and not (harm.kind in held and other.kind in held)) or \
            not harm.victims:
        return False
    return {v.i for v in harm.victims} <= {v.i for v in other.victims} or \
        (all(_partitive(v) for v in harm.victims) and other.trigger.i < harm.trigger.i) or \
        _restated_object(harm, other)


def _restated_object(harm: _Harm, other: _Harm) -> bool:
    """"detained a journalist and have held him for 11 days": a harm coordinated with the one
    before it whose victims are only an object pronoun (the people named there)."""
    return harm.trigger.dep_ == "conj" and harm.trigger.head.i == other.trigger.i and \
        all(v.lower_ in ("him", "her", "them") for v in harm.victims)


def _ranked(noun: Token) -> bool:
    """"the third reporter to die this week": a person ranked in a series (an ordinal with
    "the"), who restates a victim named before."""
    return any(c.ent_type_ == "ORDINAL" and c.dep_ in ("amod", "nummod") for c in noun.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _fatal_outcome(harm: _Harm, other: _Harm) -> bool:
    """"was shot in the head and died of his wounds", "was shot and killed", "died after being
    stabbed", "a woman who was wounded died": the injury ``other`` (a harm of the same victims
    coordinated with it, whose clause it is, or said of them in a relative clause) ends in is
    no mention of its own."""
    if harm.kind != "injured" or other.kind != "killed":
        return False
    linked = (other.trigger.dep_ == "conj" and other.trigger.head.i == harm.trigger.i) or \
        (harm.trigger.dep_ in ("pcomp", "advcl") and other.trigger.i in
         (harm.trigger.head.i, harm.trigger.head.head.i)) or harm.trigger.dep_ == "relcl"
    same = {v.i for v in other.victims} == {v.i for v in harm.victims}
    return linked and same and not any(c.lower_ == "or" for c in harm.trigger.children)


def _candidates(sent: Span) -> Iterator[_Harm]:
    used: set[int] = set()
    for token in sent:
        if token.i in used:
            continue
        for number, harm in enumerate(_readings(token)):
            if _unreal(harm):
                break
            if not number:
                used.update(_covered(token, harm))
            harm.victims = _people(harm)
            if harm.victims or harm.value is not None:
                yield harm
                break


def _readings(token: Token) -> Iterator[_Harm]:
    """The ways a word can be a harm word, best first (the next is tried when one finds no
    victims: "missing" in "30 others remain missing" is no verb with a subject)."""
    builders: list[Callable[[Token], _Harm | None]] = [_adjective_harm, _noun_harm,
                                                        _custody_harm, _status_harm,
                                                        _fatal_state_harm, _trapped_harm]
    if _is_verb(token) or _elided_auxiliary(token):
        builders.insert(0, _verb_harm)
    if _counted_participle(token):
        builders.insert(0, _nominal_harm)
    else:
        builders.append(_nominal_harm)
    for build in builders:
        harm = build(token)
        if harm is not None:
            yield harm


def _trapped_harm(token: Token) -> _Harm | None:
    """"Many are still trapped under the rubble", "dozens remain trapped": people a trapping
    verb still holds are missing (not "rescued 30 residents trapped on the upper floors", nor
    "40 people were trapped" with no "still")."""
    if not _key_in(token, harm_lexicon().trapping) or token.tag_ not in ("VBN", "JJ"):
        return None
    head = token.head if token.dep_ in ("acomp", "xcomp", "oprd") else token
    still = any(c.lower_ == "still" for c in [*token.children, *head.children])
    if not (still or _lemma(head) == "remain") or head.dep_ in ("acl", "relcl"):
        return None
    return _Harm(token, "missing", _lemma(token), "passive", _subjects(head))


def _fatal_state_harm(token: Token) -> _Harm | None:
    """"were found frozen to death": a state the parse made an adjective whose outcome is
    death, said of the people of the verb it complements."""
    if token.pos_ != "ADJ" or token.dep_ not in ("oprd", "acomp", "xcomp") or \
            not _to_death(token) or not _is_verb(token.head):
        return None
    head = token.head
    return _Harm(token, "killed", _lemma(token), "none",
                 _children(head, "dobj") or _subjects(head))


def _people(harm: _Harm) -> list[Token]:
    """The harm's victim words that can name people (a harm word standing for its victims:
    "the wounded")."""
    named = [_plural_antecedent(v, harm) or v for v in _one_name(_named(harm))]
    victims = [v for victim in named
               for v in _partition(_victim(victim)) or _with_conjuncts(_victim(victim))]
    people = [v for v in victims if v.i == harm.trigger.i or (
        (_is_person(v) or _person_conjunct(v, victims)) and not _other_harm(v, harm))]
    if harm.value is None:
        harm.value = _tally_value(people or victims, harm.trigger)
    return people


def _plural_antecedent(pronoun: Token, harm: _Harm) -> Token | None:
    """"abducted 30 villagers and later killed them", "buried four refugees ..., adding that
    they had died": the people named before a plural pronoun in its sentence (not the
    harm's agent), who give its count and side (a harm of the same kind on them restates
    the one before)."""
    if pronoun.lower_ not in ("they", "them") or _partitive(pronoun):
        return None
    skip = {t.i for t in harm.agent}
    for token in reversed(pronoun.doc[pronoun.sent.start: pronoun.i]):
        if token.i not in skip and _group_of_people(token) and token.tag_ in ("NNS", "NNPS") \
                and _human(token):
            return token.head if token.dep_ == "conj" and token.head.i < token.i else token
    return None


def _one_name(victims: list[Token]) -> list[Token]:
    """"Dr. Adnan al-Bursh died": the parts of one hyphenated name the parse made two subjects
    are one victim."""
    doc = victims[0].doc if victims else None
    return [v for v in victims if doc is None or v.pos_ != "PROPN" or v.left_edge.i < 2 or
            doc[v.left_edge.i - 1].text not in ("-", "\u2010") or not any(
                o.i != v.i and o.pos_ == "PROPN" and o.right_edge.i == v.left_edge.i - 2
                for o in victims)]


def _other_harm(noun: Token, harm: _Harm) -> bool:
    """"the release of 33 hostages and 1,900 prisoners": a conjunct that is a harm noun of
    another kind is a mention of its own (not people a harm verb names: "killed nine Lebanese
    citizens and three Syrian refugees")."""
    if harm.trigger.pos_ != "NOUN":
        return False
    found = harm_lexicon().nouns.get(_lemma(noun)) if noun.dep_ == "conj" else None
    return found is not None and found[0] != harm.kind


def _named(harm: _Harm) -> list[Token]:
    """The victim words that name the victims, not asides about part of them; else the people
    a partitive aside is part of."""
    named = [v for v in harm.victims if not _aside(v)] or harm.victims
    if any(_is_person(v) for v in named):
        return named
    parts = [p for v in harm.victims for p in _children(v, *_SUBJECTS) if _partitive(p)]
    return [a for a in map(_partitive_antecedent, parts) if a is not None] or named


def _partitive_antecedent(part: Token) -> Token | None:
    """"1,500 civilians, most of them Alawites, had been executed" (the parse made the aside's
    noun the victim, the partitive its subject): the people a partitive set off by a comma or a
    dash is part of (the nearest plural person noun before it)."""
    first = part.left_edge.i
    doc = part.doc
    if first == 0 or not doc[first - 1].is_punct:
        return None
    for token in reversed(doc[part.sent.start: first - 1]):
        if token.tag_ in ("NNS", "NNPS") and _is_person(token):
            return token
    return None


def _aside_count(noun: Token) -> Token | None:
    """"Haitian migrants, at least 40 of whom drowned", "conscripts — 49 of them, according to
    Kyiv —", "Kurds who fled — between 20,000 and 30,000 people —": the count of uncounted
    victims that an aside set off by a comma or a dash right after them gives (a partitive or a
    count of people, not one with a noun of its own: "12 of them children"; nor a part of them:
    "among them three children")."""
    doc, set_off = noun.doc, False
    for token in doc[noun.i + 1: noun.sent.end]:
        if token.is_punct and token.tag_ != "HYPH":
            set_off = True
            continue
        if token.lower_ in _SUBSET:
            return None
        if _is_count(token) and set_off:
            return token if _total(token) else None
        if _is_verb(token) and token.i not in {t.i for t in noun.subtree}:
            return None
    return None


def _total(count: Token) -> bool:
    """A count that stands for all the victims: "49 of them" or "30,000 people" followed by
    punctuation or a verb."""
    doc = count.doc
    if count.i + 2 < len(doc) and doc[count.i + 1].lower_ == "of" and \
            doc[count.i + 2].lower_ in _PARTITIVE:
        end = count.i + 2
    elif count.dep_ == "nummod" and _person_noun(count.head) and count.head.i > count.i:
        end = count.head.i
    else:
        return False
    following = doc[end + 1] if end + 1 < len(doc) else None
    return following is None or following.is_punct or _is_verb(following)


def _person_conjunct(noun: Token, victims: list[Token]) -> bool:
    """"Two soldiers and an interpreter": a noun coordinated with people names people too
    (not an animal)."""
    lex = harm_lexicon()
    return noun.dep_ == "conj" and noun.pos_ == "NOUN" and noun.head in victims and \
        _is_person(noun.head) and _lemma(noun) not in lex.not_people and \
        noun.lower_ not in lex.not_people and _lemma(noun) not in lex.home_nouns


def _nominal_harm(token: Token) -> _Harm | None:
    """"the wounded arriving", "treated nearly 3,000 wounded", "reported eight dead", "counted 60
    Palestinian dead": a harm adjective standing for its victims (the count before it or the
    count modifying it, else itself)."""
    lex = harm_lexicon()
    if token.lower_ not in lex.adjectives or token.i == token.sent.start or (
            token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") and
            not _set_off_nominal(token)):
        return None
    kind, verb = lex.adjectives[token.lower_]
    victims = _nominal_victims(token)
    return _Harm(token, kind, verb, "none", victims) if victims else None


def _nominal_victims(token: Token) -> list[Token]:
    """The victims a harm adjective standing for them names: "the dead" (or the people it is
    said to be, or a counted part of them), "the number of dead", a count before it or
    modifying it, the object of a verb of leaving it is coordinated with."""
    before = token.doc[token.i - 1]
    if before.lower_ == "the":
        return _listed_dead(token) or _counted_part(token) or [token]
    if before.lower_ == "of" and token.dep_ == "pobj" and \
            _lemma(before.head) in harm_lexicon().tally_nouns:
        return [token] if _tally_value([token], token) is not None else []
    count = _count_before(token)
    if count is not None:
        return [count]
    if _left_conjunct(token):
        return [token.head]
    if (any(_is_count(c) for c in _children(token, "nummod")) and
            token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr", "advmod",
                           "npadvmod")) or _reported_bare(token):
        return [token]
    return []


def _listed_dead(adjective: Token) -> list[Token]:
    """"the dead included a ranger and two fighters", "the dead were the driver and two men",
    "the dead were identified as a teacher and her sons", "the dead, a father and his son,":
    the people a bare harm adjective with "the" is said to be (which give its count)."""
    head = adjective.head
    lex = harm_lexicon()
    if adjective.dep_ == "nsubj" and _lemma(head) in lex.subset_verbs:
        return _children(head, "dobj")
    if adjective.dep_ == "nsubj" and _lemma(head) == "be":
        return [a for a in _children(head, "attr") if _is_person(a)]
    if adjective.dep_ == "nsubjpass" and _lemma(head) in lex.naming:
        return [o for p in _children(head, "prep") if p.lower_ == "as"
                for o in _children(p, "pobj") if _is_person(o)]
    return [a for a in _children(adjective, "appos") if _is_person(a)]


def _counted_part(adjective: Token) -> list[Token]:
    """"Three of the injured were airlifted": the count of a part of the people a bare harm
    adjective stands for, said to undergo no harm of its own (not "two of the wounded
    died")."""
    of = adjective.head
    count = of.head
    if adjective.dep_ != "pobj" or of.lower_ != "of" or not _is_count(count) or \
            count.i > adjective.i or not _is_verb(count.head) or \
            _verb_trigger(count.head) is not None:
        return []
    return [count]


def _left_conjunct(adjective: Token) -> bool:
    """"left at least ten Syrians and three Lebanese dead": a counted harm adjective the parse
    coordinated with the object of a verb of leaving, whose complement it is for both."""
    head = adjective.head
    return adjective.dep_ == "conj" and head.dep_ == "dobj" and head.i < adjective.i and \
        _lemma(head.head) in harm_lexicon().leaving and _is_person(head) and \
        any(_is_count(c) for c in _children(adjective, "nummod"))


def _reported_bare(adjective: Token) -> bool:
    """"Both sides reported dead and wounded": a bare harm adjective (or one coordinated with
    it) that an active reporting verb (the casualty lexicon's) takes as its object."""
    head = adjective.head
    if adjective.dep_ == "conj" and head.lower_ in harm_lexicon().adjectives:
        head = head.head
    return adjective.dep_ in ("oprd", "dobj", "conj") and \
        lexicon().has("reporting_verbs", _lemma(head)) and \
        not _children(head, "auxpass", "nsubjpass", "dobj") and \
        all(c.dep_ in ("prep", "cc", "conj") for c in adjective.children)


def _set_off_nominal(adjective: Token) -> bool:
    """"The injured, among them three children, ...": a harm adjective with its own article
    and a comma after it, which the parse made a modifier of a noun further on."""
    doc = adjective.doc
    return any(c.dep_ == "det" and c.lower_ == "the" for c in adjective.children) and \
        adjective.i + 1 < len(doc) and doc[adjective.i + 1].text == ","


def _count_before(token: Token) -> Token | None:
    """The count a harm word standing for its victims follows: "reported eight dead" (a count
    the parse did not make its modifier), "dozens of wounded" (a bare harm word after a
    count's "of")."""
    before = token.doc[token.i - 1]
    if _is_count(before) and before.dep_ not in ("nummod", "quantmod", "compound"):
        return before
    if before.lower_ == "of" and token.dep_ == "pobj" and before.head.i == before.i - 1 and \
            _is_count(before.head) and \
            all(c.dep_ == "prep" for c in token.children):
        return before.head
    return None


def _counted_participle(token: Token) -> bool:
    """"pulled 14 wounded from the rubble": a harm participle right after a count that is the
    object of the verb the participle hangs on, with no subject of its own."""
    if token.lower_ not in harm_lexicon().adjectives or token.i == token.sent.start:
        return False
    count = token.doc[token.i - 1]
    return _is_count(count) and count.dep_ in ("dobj", "pobj", "attr") and \
        count.head.i == token.head.i and not _children(token, *_SUBJECTS, "aux", "auxpass")


def _tally_value(victims: list[Token], trigger: Token) -> int | None:
    """"bringing the number of journalists killed to 170", "the number of people displaced
    has reached 123 million", "the number of dead rose to 92", "put the number detained at
    112": the count a tally of the victims is put at."""
    tally_nouns = harm_lexicon().tally_nouns
    tallies = [v.head.head for v in victims if v.dep_ == "pobj" and v.head.lower_ == "of" and
               _lemma(v.head.head) in tally_nouns] or \
        [v for v in victims if _lemma(v) in tally_nouns and v.i < trigger.i]
    if not tallies:
        return None
    places = [*_children(trigger, "prep"), *_children(tallies[0].head, "prep", "dobj", "attr"),
              *_children(tallies[0], "nummod")]
    for place in places:
        target = place if place.dep_ != "prep" else next(iter(_children(place, "pobj")), place)
        if place.lower_ not in ("in", "since", "during") and _is_count(target):
            return _count(target)
    return None


def _covered(token: Token, harm: _Harm) -> set[int]:
    """Words a harm word already stands for: "maim" in "kill or maim", "flee" in "forced to
    flee", "dead" in "shot dead"."""
    covered = {c.i for c in token.children if c.lower_ in ("dead", "death")}
    if any(c.lower_ == "or" for c in token.children) and harm.kind == "casualties":
        covered.update(c.i for c in _children(token, "conj"))
    if harm.verb in harm_lexicon().forcing:
        covered.update(c.i for c in _forced_flight(token))
    return covered


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
    counts += _left_count(victim)
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


def _left_count(noun: Token) -> list[Token]:
    """"Four Thai farmworkers", "two women's rights activists", "Three Thai agricultural
    workers": the count the parse hung on a modifier of the noun, first word of its phrase."""
    return [c for m in _children(noun, "amod", "compound", "poss", "nmod")
            for c in _children(m, "nummod", "compound")
            if _is_count(c) and c.i == noun.left_edge.i and c.ent_type_ != "DATE"]


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


def _victim_value(victim: Token) -> tuple[int | None, list[Token]]:
    """(count or None, words naming the victims) of one victim word."""
    count, noun = _victim_count(victim)
    value = _base_value(count, noun)
    if value is None and _ordinal_one(noun):
        value = 1
    listed = _listed_people(noun) if count is None and value is None else []
    if listed:
        value = sum(v for v, _ in listed)
    words = _victim_words(noun, {t.i for _, words in listed for t in words})
    if count is not None and count not in words:
        words.insert(0, count)
    return value, words or [noun]


def _base_value(count: Token | None, noun: Token) -> int | None:
    """The number a count says (none for households), else one for a singular victim."""
    if count is not None:
        return None if _households(count, noun) else _count(count)
    return None if _fraction(noun) else _singular(noun)


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


def _victim_words(noun: Token, kept: set[int]) -> list[Token]:
    """The words naming the victims of a victim noun: its phrase without clauses, asides and
    lists (but for the ``kept`` tokens, and the person noun describing a name: "Lena
    Varga, the first Hungarian journalist ..."), and a complement of "be"."""
    described = {t.i for c in _children(noun, "appos") if noun.pos_ == "PROPN" and
                 c.pos_ == "NOUN" and _person_noun(c) for t in noun_core(c)}
    skipped = {t.i for c in noun.children if c.dep_ in _NOT_VICTIM or c.lower_ in _SUBSET
               for t in c.subtree} - kept - described
    words = [t for t in noun.subtree if t.i not in skipped and not t.is_punct]
    if noun.dep_ == "nsubj" and _lemma(noun.head) == "be":
        words += _children(noun.head, "acomp", "attr")
    return words


def _listed_people(noun: Token) -> list[tuple[int, list[Token]]]:
    """"the victims, a retired teacher, 71, and her son, 44,": (count, words) of each person of
    a list set in apposition to uncounted plural victims (none unless every one is counted)."""
    items = _list_items(noun)
    if noun.tag_ not in ("NNS", "NNPS") or (items and _refers_back(items[0])):
        return []
    people = [p for item in items for p in
              [item, *(c for c in item.subtree if c.i != item.i and c.dep_ == "conj" and
                       _named_person(c))]]
    found = []
    for person in people:
        count = _counted(person)[0]
        value = _count(count) if count is not None else _singular(person)
        if value is None:
            return []
        found.append((value, noun_core(person)))
    return found if len(found) > 1 else []


def _refers_back(item: Token) -> bool:
    """"two Canadians, their Afghan driver and a translator", "a nurse, two of her colleagues
    and": a person (or a part of people) whose possessive refers to the people before it, so
    who continues a list of victims and does not restate them."""
    words = [item, *(o for p in _children(item, "prep") if p.lower_ == "of"
                     for o in _children(p, "pobj"))]
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
               for w in words for c in w.children)


def _list_items(noun: Token) -> list[Token]:
    """The people a noun's apposition lists, or the conjunct right after its comma."""
    doc = noun.doc
    after_comma = noun.i + 1 < len(doc) and doc[noun.i + 1].text == ","
    return [c for c in noun.children if c.i > noun.i and _named_person(c) and (
        c.dep_ == "appos" or (c.dep_ == "conj" and after_comma and c.left_edge.i == noun.i + 2))]


def _named_person(token: Token) -> bool:
    """A person noun or a person's name."""
    return _person_noun(token) or (token.pos_ == "PROPN" and token.ent_type_ == "PERSON")


def _victim_count(victim: Token) -> tuple[Token | None, Token]:
    """(count token or None, noun) of a victim word, also a count an aside gives uncounted
    plural victims ("all of the residents, more than 100,000 people,")."""
    count, noun = _counted(victim)
    plural = noun.tag_ in ("NNS", "NNPS") or (
        noun.lower_ in ("all", "most", "many") and
        any(p.lower_ == "of" for p in _children(noun, "prep")))
    if count is None and plural and not _listed_people(noun):
        return _aside_count(noun), noun
    return count, noun


def _singular(noun: Token) -> int | None:
    """1 for a singular victim ("a man", "he", "a Palestinian"), None for an uncounted
    plural (also "an unknown number of troops")."""
    lex = harm_lexicon()
    if _two(noun):
        return 2
    if (noun.tag_ == "NN" and _lemma(noun) in lex.groups) or _shared_noun(noun) or \
            noun.lower_ in lex.remainder or noun.lower_ in lex.adjectives or \
            (_lemma(noun) in lex.tally_nouns and _of_people(noun)):
        return None
    if noun.lower_ in _SINGULAR or (noun.tag_ in ("NN", "NNP") and noun.pos_ != "PRON") or \
            noun.lower_ == "old" or _article(noun) or _one_named(noun):
        return 1
    return None


def _one_named(noun: Token) -> bool:
    """"a third", "a Palestinian": an ordinal or a people's word with "a" standing for one."""
    return noun.ent_type_ in ("ORDINAL", "NORP") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _fraction(noun: Token) -> bool:
    """"a third of the residents": an ordinal word of a whole, a share of no known count."""
    return (noun.ent_type_ == "ORDINAL" or (noun.is_alpha and noun.like_num and
                                            parse_number(noun.text) is None)) and \
        any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _shared_noun(word: Token) -> bool:
    """"Thai and Nepali farmworkers": a bare side word the parse coordinated with the plural
    noun it modifies along with another side word (not one person, "a Thai")."""
    if any(c.dep_ not in ("cc", "conj") for c in word.children) or \
            not words_side([word], index=False)[0]:
        return False
    return any(c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") and any(
        words_side([m], index=False)[0] for m in _children(c, "amod", "compound"))
        for c in word.children)


def _two(noun: Token) -> bool:
    """"a couple", "the twins", "her newborn twins", "both", "both men": two people."""
    lex = harm_lexicon()
    if noun.lower_ in lex.pair_collectives | lex.pairs and not _children(noun, "nummod") and \
            any(c.lower_ in ("a", "an", "the", "his", "her") for c in noun.children):
        return True
    return noun.lower_ == "both" or _both(noun)


def _both(noun: Token) -> bool:
    """"both men" (two), not "both Israeli and Palestinian families" (both ... and)."""
    return any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in noun.children) and \
        not any(t.dep_ == "cc" for t in noun.subtree if t.i < noun.i)


def _article(noun: Token) -> bool:
    """"an elderly shepherd unconscious": a singular article the parse hung on the word after
    the noun (an outcome it made the object); "a paramedic and two journalists": on the people
    after it."""
    return (noun.dep_ in ("amod", "compound") and noun.head.i > noun.i and
            noun.head.lower_ in harm_lexicon().outcome_words and
            any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.head.children)) or \
        _modifier_conjunct(noun)


def _groups(harm: _Harm) -> list[tuple[int | None, list[Token], list[Token]]]:
    """Victims split by the side their own words name: (value, victim words, victim heads); the
    parts of one victim word (a breakdown by people) each a group of its own."""
    groups: list[_Group] = []
    for victim in harm.victims:
        parts = _parts(victim)
        if len(parts) > 1:
            groups += [(words_side(words, index=False)[0], value, words, [victim])
                       for value, words in parts]
            continue
        for value, words in parts:
            groups = _join(groups, value, words, victim)
    if harm.value is not None and groups:
        groups[0] = (groups[0][0], harm.value, groups[0][2], groups[0][3])
    found = [(value, words, heads) for _, value, words, heads in groups]
    return _owned(found, harm.owners) if harm.owners else found


def _owned(groups: list[tuple[int | None, list[Token], list[Token]]],
           owners: list[Token]) -> list[tuple[int | None, list[Token], list[Token]]]:
    """The victims of kin who lost them, whose words name their side: one group per side the
    kin's coordinated modifiers name ("Israeli and Palestinian families have lost children"),
    else the kin's words added to the victims'."""
    parts = [part for owner in owners for part in _side_modifiers(owner)]
    if not parts or len(groups) != 1:
        core = [t for owner in owners for t in noun_core(owner)]
        return [(value, [*core, *words], heads) for value, words, heads in groups]
    value, words, heads = groups[0]
    return [(value if len(parts) == 1 else None, [*part, *words], heads) for part in parts]


def _side_modifiers(noun: Token) -> list[list[Token]]:
    """"Israeli and Palestinian children": one word list per side that a noun's coordinated
    modifiers name, when they name more than one (not one person's two nationalities,
    "a British-Israeli woman")."""
    modifiers = [m for c in _children(noun, "amod", "compound") for m in c.subtree
                 if m.dep_ in ("amod", "compound", "conj") and m.pos_ in ("ADJ", "PROPN", "NOUN")]
    sided = [m for m in modifiers if words_side([m], index=False)[0]]
    if len({words_side([m], index=False)[0] for m in sided}) < 2 or \
            not any(m.dep_ == "conj" or _children(m, "cc") for m in modifiers):
        return []
    return [[m] for m in sided]


_Group = tuple[str | None, int | None, list["Token"], list["Token"]]


def _parts(victim: Token) -> list[tuple[int | None, list[Token]]]:
    """One victim word, one part per count of "four Syrian and three Iraqi militiamen" (also
    "seven Lebanese and three Syrian soldiers", a count on a modifier), or one part per
    people of a breakdown that sums to the count ("13 soldiers, nine of them South African,
    three Malawian and one Uruguayan")."""
    breakdown = _breakdown(victim) or _listed_sides(victim)
    if breakdown:
        return breakdown
    counts = _part_counts(victim)
    if not counts and _side_modifiers(victim):
        return [(None, [*part, victim]) for part in _side_modifiers(victim)]
    if len(counts) < 2 or any(c.i > victim.i for c in counts):
        return [_victim_value(victim)]
    parts = []
    for index, count in enumerate(counts):
        end = counts[index + 1].i if index + 1 < len(counts) else victim.i
        words = [t for t in victim.subtree if count.i < t.i < end and t.dep_ != "cc" and
                 not t.is_punct]
        parts.append((_count(count), [*words, victim]))
    return parts


def _listed_sides(victim: Token) -> list[tuple[int | None, list[Token]]]:
    """"the hostages, an Israeli soldier and two Thai workers": one part per person listed in
    apposition, when they name more than one side."""
    listed = _listed_people(victim) if _counted(victim)[0] is None else []
    sides = {words_side(words, index=False)[0] for _, words in listed}
    if len(sides) < 2 or None in sides:
        return []
    return [(value, words) for value, words in listed]


def _part_counts(victim: Token) -> list[Token]:
    """The counts on a victim noun and on its modifiers ("four Iraqi and two Turkish")."""
    modifiers = [victim, *_children(victim, "amod", "compound")]
    return sorted((c for m in modifiers for c in _children(m, "nummod", "conj")
                   if _is_count(c) and (c.dep_ == "nummod" or m.i != victim.i)),
                  key=lambda c: c.i)


def _breakdown(victim: Token) -> list[tuple[int | None, list[Token]]]:
    """The parts of an apposition listing the victims by people, each with its count and its
    side, when the counts add up to the victims' count: "seven aid workers, three Britons, an
    Australian and a Pole"; "23 employees, 22 of them Yemeni and one an Ethiopian"."""
    appositions = _appositions(victim)
    count = _counted(victim)[0]
    if not appositions or count is None:
        return []
    tokens = sorted({t for a in appositions for t in a.subtree}, key=lambda t: t.i)
    parts = _sided_parts(tokens)
    total = _count(count)
    if len(parts) < 2 or total is None or sum(v for v, _ in parts) != total:
        return []
    return list(parts)


def _appositions(victim: Token) -> list[Token]:
    """What the parse hung after a victim about it: appositions, a conjunct, a modifier or a
    sibling that is a partitive aside ("13 soldiers, nine of them ...")."""
    siblings = [s for s in victim.head.children if s.dep_ == victim.dep_ and s.i > victim.i
                and _aside(s)] if victim.head.i != victim.i else []
    return [c for c in victim.children if (c.dep_ == "appos" and c.i > victim.i) or
            (c.dep_ == "conj" and (_partitive(c) or _after_comma(c))) or
            (c.dep_ == "amod" and c.i > victim.i and _aside(c))] + siblings


def _after_comma(token: Token) -> bool:
    """A phrase set off by a comma ("five aid workers, three Britons and ...")."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def _sided_parts(tokens: list[Token]) -> list[tuple[int, list[Token]]]:
    """The leading segments that each give a count and people ("three Britons", "an
    Australian", "nine of them South African", "three foreign nationals"), when one of them at
    least names a side."""
    parts: list[tuple[int, list[Token]]] = []
    for segment in _segments(tokens):
        value = _segment_count(segment)
        words = segment[1:]
        if value is None or not words or not (words_side(words, index=False)[0] or
                                              any(_person_noun(w) for w in words)):
            break
        parts.append((value, words))
    return parts if any(words_side(w, index=False)[0] for _, w in parts) else []


def _segments(tokens: list[Token]) -> Iterator[list[Token]]:
    """Runs of tokens split at commas and coordinating conjunctions."""
    segment: list[Token] = []
    for token in tokens:
        if token.is_punct and token.tag_ != "HYPH" or token.dep_ == "cc":
            if segment:
                yield segment
            segment = []
            continue
        segment.append(token)
    if segment:
        yield segment


def _segment_count(segment: list[Token]) -> int | None:
    """The count a breakdown part starts with: a number, or "a"/"an"/"one" (1)."""
    first = segment[0]
    if first.lower_ in ("a", "an"):
        return 1
    return _count(first) if _is_count(first) else None


def _join(groups: list[_Group], value: int | None, words: list[Token],
          victim: Token) -> list[_Group]:
    """Add a victim part to the last group when its side is the same (or unknown); people
    "along with" the others, or a count coordinated with a place ("eight on the Ukrainian side
    and four in Belgorod", "40 in Pakistan and 16 in India"), are a group of their own."""
    side = words_side(words, index=False)[0]
    accompanying = (victim.dep_ == "pobj" and victim.head.lower_ == "with") or \
        (victim.dep_ == "conj" and victim.head.dep_ == "pobj" and victim.pos_ == "NUM") or \
        _placed_count(victim)
    if groups and not accompanying and \
            (side is None or side == groups[-1][0] or groups[-1][0] is None):
        last_side, last_value, last_words, heads = groups[-1]
        total = None if value is None or last_value is None else value + last_value
        if _shares_count(victim):
            total = last_value
        groups[-1] = (last_side or side, total, last_words + words, [*heads, victim])
    else:
        groups.append((side, value, words, [victim]))
    return groups


def _placed_count(victim: Token) -> bool:
    """"killed 40 civilians in Pakistan and 16 in India": a bare count with a place of its own
    that the parse coordinated with the harm verb or its victims."""
    return victim.dep_ == "conj" and victim.pos_ == "NUM" and \
        any(q.lower_ in side_lexicon().locative for q in _children(victim, "prep"))


def _shares_count(victim: Token) -> bool:
    """"Eighteen soldiers and policemen": a bare conjunct counted with the noun before it."""
    return victim.dep_ == "conj" and victim.head.i < victim.i and victim.pos_ != "NUM" and \
        (not any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in victim.children) or
         _their_kin(victim)) and \
        any(c.dep_ == "nummod" for c in victim.head.children)


def _their_kin(victim: Token) -> bool:
    """"1,200 herders and their families": uncounted people of the counted ones before them,
    the count of the phrase staying theirs."""
    return victim.tag_ in ("NNS", "NNPS") and not _children(victim, "nummod") and \
        _lemma(victim) in harm_lexicon().dependants and \
        any(c.dep_ == "poss" and c.lower_ == "their" for c in victim.children)


def _clause(trigger: Token) -> list[Token]:
    """Where to look for the place of the harm: the harm word's clause, else the sentence."""
    clause = trigger
    while not _is_verb(clause) and clause.head.i != clause.i:
        clause = clause.head
    return list(clause.subtree)


def harm_mentions(doc: Doc, *, context: ExtractContext) -> list[HarmMention]:
    """Every harm mention in a parsed Doc, in text order (none without a dependency parse)."""
    if not doc.has_annotation("DEP"):
        return []
    mentions: list[HarmMention] = []
    previous: list[HarmMention] = []
    for sent in doc.sents:
        harms = list(_harms(sent))
        found: list[HarmMention] = []
        by_harm: list[list[HarmMention]] = []
        away = frozenset(t.i for h in harms for t in _destinations(h))
        for harm in harms:
            others = frozenset(t.i for h in harms if h is not harm for v in h.victims
                               for t in _victim_value(v)[1]) | _other_clauses(harm, harms) | away
            by_harm.append(list(_mentions(doc, sent, harm, (others, away), context,
                                          previous + found)))
            found.extend(by_harm[-1])
        found = _shared_side(by_harm)
        record_victims(doc, sent, [(m.side, m.area) for m in found],
                       [(m.side, m.area) for m in found if m.kind == "hostages"])
        mentions.extend(found)
        previous = found
    return mentions


def _destinations(harm: _Harm) -> list[Token]:
    """Where the displaced went, which says nothing of whose they are: "fled to Chad", "sought
    refuge at a Russian air base" (data: destination_prepositions; any phrase of the refuge)."""
    if harm.kind != "displaced":
        return []
    lex = harm_lexicon()
    heads = [harm.trigger, *_fated_head(harm.trigger),
             *(o for o in _children(harm.trigger, "dobj") if _lemma(o) in
               lex.losing.get(_lemma(harm.trigger), {}) and
               lex.losing[_lemma(harm.trigger)][_lemma(o)] == "displaced")]
    return [t for head in heads for p in _children(head, "prep")
            if p.lower_ in lex.destinations or head.i != harm.trigger.i for t in p.subtree]


def _shared_side(by_harm: list[list[HarmMention]]) -> list[HarmMention]:
    """"RSF fighters killed 200 people ..., condemning the abduction of dozens of women": the
    mentions of a harm word that names no side take the one side the mentions of the
    sentence's other harm words all name (not "Four Kenyans were among the dead, along with
    dozens of residents": people set apart by the same harm word; nor foreigners, nor the
    attackers)."""
    sides = [(m.side, m.area) for found in by_harm for m in found if m.side]
    if not sides or len({side for side, _ in sides}) > 1:
        return [m for found in by_harm for m in found]
    return [m if any(n.side for n in found) or _foreigners(m) or _perpetrators(m) else
            replace(m, side=sides[0][0], area=sides[0][1]) for found in by_harm for m in found]


def _perpetrators(mention: HarmMention) -> bool:
    """Whether a mention's victims are the attackers ("six attackers were also killed", "the
    assailant was arrested"), who are not of their victims' side (data: fugitive_nouns)."""
    fugitives = harm_lexicon().fugitives
    words = (mention.victims or "").lower().split()
    return any(w in fugitives or w[:-1] in fugitives or w.replace("men", "man") in fugitives
               for w in words)


def _foreigners(mention: HarmMention) -> bool:
    """Whether a mention's victims are named as foreigners ("a foreign worker", "the crew"),
    who have no side of the place's people."""
    words = set((mention.victims or "").lower().replace("-", " ").split())
    return bool(words & side_lexicon().foreign)


def _other_clauses(harm: _Harm, harms: list[_Harm]) -> frozenset[int]:
    """Tokens of the clauses of the sentence's other harm words (not this one's own clause)."""
    return frozenset(t.i for h in harms if h is not harm and harm.trigger not in
                     h.trigger.subtree and _is_verb(h.trigger) for t in h.trigger.subtree)


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


def _antecedent_value(sent: Span, heads: list[Token]) -> int | None:
    """"The two climbers set off on Tuesday. They were reported missing": the count of the
    people a plural pronoun stands for, named in the sentence before (every one counted)."""
    if len(heads) != 1 or heads[0].lower_ not in ("they", "them") or _partitive(heads[0]):
        return None
    doc = sent.doc
    start = _previous_sentence_start(sent)
    named = [t for t in doc[start: sent.start] if _group_of_people(t) and _human(t)]
    if not named:
        return None
    first = named[-1].head if named[-1].dep_ == "conj" else named[-1]
    values = [_victim_value(noun)[0] for noun in _with_conjuncts(first)]
    return sum(v for v in values if v is not None) if None not in values else None


def _group_of_people(token: Token) -> bool:
    """A noun naming several people: plural, collective, or coordinated with another."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("amod", "compound", "poss") or \
            token.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or not _is_person(token):
        return False
    plural = token.tag_ in ("NNS", "NNPS") or _lemma(token) in harm_lexicon().groups or \
        lexicon().has("collective_nouns", token.lower_)
    return plural or (token.dep_ == "conj" and _is_person(token.head))


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


def _mentions(doc: Doc, sent: Span, harm: _Harm, skip: tuple[frozenset[int], frozenset[int]],
              context: ExtractContext, before: list[HarmMention]) -> Iterator[HarmMention]:
    """The mentions of one harm word: one per group of victims (``skip``: the tokens of other
    mentions and those that say nothing of any side)."""
    others, away = skip
    groups = _groups(harm)
    if not groups and harm.value is not None:
        groups = [(harm.value, [], [])]
    clause = _clause(harm.trigger)
    for value, words, heads in groups:
        if value is None:
            value = _antecedent_value(sent, heads)
        rest = others | {t.i for _, w, _ in groups for t in w if t not in words} | \
            {t.i for h in heads for t in _partitive_aside(h, harm.trigger)}
        evidence = _evidence(harm, heads, words, clause, (rest, away))
        side, area = _group_side(harm, heads, evidence, before, context)
        named = [t for t in words if not harm.owners or any(
            h.left_edge.i <= t.i <= h.right_edge.i for h in heads)] or words
        first, last = _extent(harm, named, heads)
        yield HarmMention(
            kind=harm.kind, value=value, side=side, area=area, verb=harm.verb,
            voice=harm.voice, agent=_text(harm.agent), victims=_text(named),
            sentence=sent.text.strip(), start=doc[first].idx,
            end=doc[last].idx + len(doc[last].text), sent=context.sentence_of[sent.start])


def _evidence(harm: _Harm, heads: list[Token], words: list[Token], clause: list[Token],
              skip: tuple[frozenset[int], frozenset[int]]) -> Evidence:
    """The evidence of one group of victims (people named as hostages: no agent as captors,
    unless they are taken hostage)."""
    held = _held(harm, heads)
    agent = harm.agent if not held or harm.kind == "hostages" else []
    return Evidence(words, clause, agent, skip[0], held=held, away=skip[1])


def _group_side(harm: _Harm, heads: list[Token], evidence: Evidence, before: list[HarmMention],
                context: ExtractContext) -> tuple[str | None, str | None]:
    """The side of one group of victims: the mention before that an anaphor continues, the
    people a referring victim stands for, the speaker of first-person victims, a state that
    executes, else the evidence of the sentence (also, for people named as hostages, without
    the reading of the place as the captors')."""
    sent, words = harm.trigger.sent, evidence.victims
    doc = sent.doc
    referring = _referring(heads, words)
    if referring and not evidence.held:
        evidence = replace(evidence, held=_held(harm, [_antecedent(sent, heads[0]) or
                                                       heads[0]]))
    steps: list[Callable[[], tuple[str | None, str | None]]] = [
        lambda: _anaphor_side(heads, before, context.sentence_of[sent.start]),
        lambda: _antecedent_side(sent, heads[0]) if referring else (None, None),
        lambda: _repeated_noun_side(heads, words),
        lambda: _quoted_side(words, sent),
        lambda: (None, None) if words_side(words, index=False)[0] else _judicial_side(harm),
        lambda: (None, None) if words_side(words, index=False)[0] else
        _majority_side(heads, harm.trigger),
        lambda: resolve_side(doc, sent, evidence),
        lambda: resolve_side(doc, sent, replace(evidence, held=False))
        if evidence.held and harm.kind != "hostages" else (None, None)]
    for step in steps:
        side = step()
        if side[0] is not None:
            return side
    return (None, None)


_MAJORITY = {"most", "all", "almost", "nearly", "mostly", "majority"}


def _majority_side(heads: list[Token], trigger: Token) -> tuple[str | None, str | None]:
    """"40 people, most of them Afghan refugees": the side an aside right after the victims
    names for most or all of them (read from the words, however the parse hung the aside)."""
    aside = _partitive_aside(heads[0], trigger) if len(heads) == 1 else []
    if not aside or aside[0].lower_ not in _MAJORITY:
        return (None, None)
    return words_side(aside, index=False)


def _partitive_aside(victim: Token, trigger: Token) -> list[Token]:
    """The words of a partitive aside set off right after a victim's phrase or its harm word
    ("40 people, most of them Afghan refugees,", "20 were wounded, two of them tourists")."""
    doc = victim.doc
    starts = [max(t.i for t in noun_core(victim)) + 1, trigger.i + 1]
    start = next((i for i in starts if i + 3 < len(doc) and
                  doc[i].text in (",", "\u2014", "\u2013", "-")), None)
    if start is None:
        return []
    aside = []
    for token in doc[start + 1: victim.sent.end]:
        if token.is_punct:
            break
        aside.append(token)
    return aside if len(aside) > 2 and aside[1].lower_ == "of" and \
        aside[2].lower_ in _PARTITIVE else []


_FIRST_PERSON = {"we", "us", "our", "ours"}


def _judicial_side(harm: _Harm) -> tuple[str | None, str | None]:
    """"Iran executed four men convicted of spying": a state or its authorities that put
    people to death (data: judicial_verbs) harm their own people, not the other party of a
    conflict (unlike "Russian troops executed five soldiers")."""
    sides = side_lexicon()
    agent = [t for t in harm.agent if not is_backer(t)]
    if harm.verb not in harm_lexicon().judicial or not any(
            t.ent_type_ == "GPE" or t.lower_ in sides.domestic for t in agent):
        return (None, None)
    return (words_side(agent, index=False)[0], None)


def _quoted_side(words: list[Token], sent: Span) -> tuple[str | None, str | None]:
    """"'We lost 14 of our men, and we killed 30 of theirs,' a Ukrainian commander said":
    victims named in the first person are of the speaker's side, "theirs" of its opponent."""
    lower = {t.lower_ for t in words if t.pos_ in ("PRON", "DET") or t.tag_.startswith("PRP")
             or t.lower_ == "theirs"}
    if not lower & (_FIRST_PERSON | {"theirs"}):
        return (None, None)
    speech = side_lexicon().speech_verbs
    speakers = [t for t in sent if t.dep_ == "nsubj" and _lemma(t.head) in speech]
    own = next((words_side(noun_core(s), index=False)[0] for s in speakers
                if words_side(noun_core(s), index=False)[0]), None)
    if own is None:
        return (None, None)
    return (own if lower & _FIRST_PERSON else opposing_side(own, []), None)


def _held(harm: _Harm, heads: list[Token]) -> bool:
    """Hostages, or victims named as hostages ("the bodies of six hostages were recovered in
    Rafah"): a place says where they were held, not whose they are."""
    captives = harm_lexicon().captive_nouns
    return harm.kind == "hostages" or any(
        captives.get(_lemma(_counted(h)[1])) == "hostages" for h in heads)


def _extent(harm: _Harm, words: list[Token], heads: list[Token]) -> tuple[int, int]:
    """(first, last) token of a mention: its victim words up to the last victim, else the
    harm word."""
    tokens = [t for t in words if t.i <= max(h.i for h in heads)] if heads else []
    return min(t.i for t in tokens or [harm.trigger]), max(t.i for t in tokens or [harm.trigger])


def _text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and ordered[-1].is_punct:
        ordered.pop()
    if not ordered:
        return None
    doc = ordered[0].doc
    return doc[ordered[0].i: ordered[-1].i + 1].text.strip() or None
