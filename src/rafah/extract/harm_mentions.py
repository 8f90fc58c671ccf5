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
from rafah.extract.sides import (
    Evidence,
    noun_core,
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
                    "someone"}
_SINGULAR = {"he", "she", "him", "her", "one", "someone", "somebody", "another", "i"}
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
        negations=frozenset(unreal["negations"]),
        negative_subjects=frozenset(unreal["negative_subjects"]),
        conditions=frozenset(unreal["conditions"]),
        people=frozenset(casualty["people"]),
        not_outcome_verbs=frozenset(unreal["not_outcome_verbs"]),
        particle_verbs=harm["particle_verbs"],
        life_verbs=frozenset(casualty["life_verbs"]) - frozenset(harm["losing_verbs"]),
        subset_verbs=frozenset(casualty["subset_verbs"]),
        pair_collectives=frozenset(casualty["pair_nouns"]) &
        frozenset(casualty["collective_nouns"]),
        groups=frozenset(casualty["group_nouns"]),
        outcome_words=frozenset(w for t in harm["outcome_verbs"].values() for w in t if w),
        age_units=frozenset(casualty["age_units"]),
        fates=harm["fate_verbs"], bereaving=frozenset(harm["bereaving_verbs"]),
        kin=frozenset(harm["kin_nouns"]),
        leaving=frozenset(harm["leaving_verbs"]), intent_nouns=frozenset(unreal["intent_nouns"]),
        false_words=frozenset(unreal["false_words"]),
        former_words=frozenset(unreal["former_words"]),
        custody=harm["custody_nouns"], remainder=frozenset(harm["remainder_nouns"]),
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
    aside about them ("among them two women") nor the speaker the parse coordinated."""
    found = [token]
    if _breakdown(token):
        return found
    for child in token.children:
        if (child.dep_ == "conj" or _listed(child)) and \
                child.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") and \
                not _aside(child) and not _speaker(child):
            found.extend(_with_conjuncts(child))
    return found


def _listed(child: Token) -> bool:
    """"A father, his wife and their four children": a list the parse made an apposition of
    its first person, one person (the apposition is coordinated with a person of its own)."""
    return child.dep_ == "appos" and child.pos_ == "NOUN" and _person_noun(child) and \
        child.head.tag_ == "NN" and _person_noun(child.head) and any(
        c.dep_ == "conj" and _is_person(c) for c in child.children) and any(
        c.dep_ == "cc" for c in child.children)


def _partitive(token: Token) -> bool:
    """"most of them", "two of whom": a part of people named before."""
    return any(p.lower_ == "of" and any(o.lower_ in _PARTITIVE for o in _children(p, "pobj"))
               for p in _children(token, "prep"))


def _aside(token: Token) -> bool:
    """A phrase about part of the victims named before it: "most of them women", "among them
    three journalists" (a noun whose subject is a partitive, or after "among them")."""
    return _partitive(token) or _is_subset(token) or \
        any(_partitive(s) and s.i < token.i for s in _children(token, *_SUBJECTS))


def _speaker(noun: Token) -> bool:
    """"62 others, police said": a conjunct right before a speech verb with no subject, its
    speaker."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc):
        return False
    verb = noun.doc[following]
    return _lemma(verb) in side_lexicon().speech_verbs and not _children(verb, *_SUBJECTS)


def _is_count(token: Token) -> bool:
    if token.ent_type_ == "ORDINAL" or _age_number(token) or \
            rate_follows(token.doc, token.i + 1):
        return False
    return (token.like_num and not token.is_punct) or token.lower_ in VAGUE or \
        token.lower_ in ("dozen", "dozens", "scores")


def _is_person(token: Token) -> bool:
    """Whether a victim word can name people: a count, a person noun, a demonym, a pronoun."""
    lex = harm_lexicon()
    lower, lemma = token.lower_, _lemma(token)
    if lemma in lex.not_people or lower in lex.not_people or \
            (_is_count(token) and _lemma(_counted(token)[1]) in lex.not_people):
        return False
    if _is_count(token) or lower in _PERSON_PRONOUNS or lower in lex.anaphors or \
            lower in lex.remainder or \
            token.ent_type_ in ("NORP", "PERSON"):
        return True
    return _person_noun(token) or _hyphenated_person(token) or _age_noun(token) or \
        bool(words_side([token], index=False)[0]) or _counted_noun(token) or _who(token)


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
    people = harm_lexicon().people
    return _lemma(token) in people or token.lower_ in people or \
        token.lower_ in harm_lexicon().pair_collectives or \
        token.lower_.rstrip("s") in people or \
        (token.pos_ == "NOUN" and _lemma(token) in lexicon().person_nouns)


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
    """The outcome word after "shot"/"stabbed": "dead", "to death"; "" when there is none."""
    near = [t for t in verb.doc[verb.i + 1: min(verb.i + 4, verb.sent.end)]]
    near += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    words = {t.lower_ for t in near} | {t.lower_ for t in verb.children}
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
    subject lost (not "lost their homes", nor "lost two players to injury")."""
    if _lemma(verb) not in harm_lexicon().bereaving:
        return []
    return [o for o in _children(verb, "dobj") if o.pos_ == "NOUN" and
            _lemma(o) in harm_lexicon().kin]


def _fate(verb: Token, lemma: str) -> str | None:
    """The kind of a verb whose object tells the harm: "lost their homes", "gave their lives"
    (losing verbs), "lost two sons" (bereaving), "fell in battle", "fell in the line of duty",
    "paid with their lives" (a prepositional object: fate verbs, whose subjects die)."""
    lex = harm_lexicon()
    for obj in _children(verb, "dobj"):
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


def _phrasal_kind(verb: Token, lemma: str) -> str | None:
    """The kind of a verb that harms with its particle ("rounded up") or its object ("claimed
    the lives of")."""
    lex = harm_lexicon()
    for particle in _children(verb, "prt"):
        kind = lex.particle_verbs.get(lemma, {}).get(_lemma(particle))
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
    """"hacked to death", "were beaten to death": a verb whose outcome is death (not "sentenced
    to death", "led to his death")."""
    if _lemma(verb) in harm_lexicon().not_outcome_verbs:
        return False
    return any(c.lower_ == "to" and any(o.lower_ == "death" and not list(o.children)
                                        for o in _children(c, "pobj"))
               for c in _children(verb, "prep"))


def _forced_out(verb: Token) -> bool:
    """"forced to flee", "forced from their homes"."""
    lex = harm_lexicon()
    if _forced_flight(verb):
        return True
    return any(_lemma(g) in lex.home_nouns for c in _children(verb, "prep")
               if c.lower_ in ("from", "out") for g in c.subtree if g.dep_ == "pobj")


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
    if _elided_auxiliary(verb):
        return True
    if verb.tag_ != "VBN" or _children(verb, "aux", "dobj"):
        return False
    return verb.dep_ in ("conj", "acl", "pcomp", "amod", "advcl", "relcl", "xcomp", "dep",
                         "parataxis")


def _elided_auxiliary(verb: Token) -> bool:
    """"One man was shot dead and his brother wounded": a participle coordinated with a
    passive harm verb, with a subject of its own and no object, is passive too."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and head.i < verb.i and \
        bool(_children(verb, "nsubj")) and not _children(verb, "dobj", "aux", "auxpass") and \
        bool(_children(head, "auxpass")) and _verb_trigger(head) is not None


def _shared_subject(verb: Token) -> list[Token]:
    """The subject a verb shares with the verb it is coordinated with or modifies (past a
    clause the parse made of the object: "killed 40 farmers harvesting rice and abducted ...");
    "an attack killed ... and wounded ...": the noun the first verb modifies; "was sentenced
    after being detained": the subject of the verb a preposition's clause hangs on."""
    current = verb
    for _ in range(3):
        if current.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or \
                current.head.i == current.i or \
                (current.dep_ == "pcomp" and not _children(current, "auxpass")):
            return []
        current = current.head
        if _small_clause(current):
            current = current.head
        subjects = _children(current, *_SUBJECTS)
        if subjects:
            return subjects
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
    return []


def _small_clause(clause: Token) -> bool:
    """"killed 40 farmers harvesting rice": a gerund clause the parse made of a harm verb's
    object, its subject being the victims."""
    return clause.dep_ == "ccomp" and clause.tag_ == "VBG" and \
        _verb_trigger(clause.head) is not None and not _children(clause.head, "dobj") and \
        any(_is_person(s) for s in _children(clause, "nsubj"))


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects (also one the parse hung on its auxiliary: "five are missing"), else
    the noun it modifies, else the subject it shares with another verb."""
    subjects = _children(verb, *_SUBJECTS) or [s for aux in _children(verb, "aux", "auxpass")
                                               for s in _children(aux, *_SUBJECTS)]
    if subjects:
        return subjects
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return [verb.head]
    return _shared_subject(verb)


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
    if lemma in lex.losing or lemma in _INTRANSITIVE or lemma in lex.fates:
        if lemma == "miss" and token.tag_ == "VBN":
            return None
        return _Harm(token, kind, lemma, "none", _subjects(token))
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
    if verb.dep_ in ("conj", "ccomp", "oprd", "xcomp") and _lemma(verb.head) in leaving:
        return bool(_children(verb, "nsubj"))
    noun = verb.head
    return verb.dep_ == "acl" and noun.i == verb.i - 1 and noun.dep_ in ("dobj", "conj") and \
        _lemma(noun.head) in leaving


def _elided_passive(count: Token) -> bool:
    """"Four people were killed and at least 10 wounded": a count coordinated with a passive
    harm verb is the subject of a passive verb whose auxiliary is elided."""
    verb = count.head
    return count.dep_ == "conj" and _is_verb(verb) and verb.tag_ == "VBN" and \
        _verb_trigger(verb) is not None and _passive(verb)


def _either_kind(verb: Token, kind: str) -> str:
    """"were killed or wounded" → casualties."""
    other = _disjunct_objects(verb)[1]
    return kind if other in (None, kind) else "casualties"


def _objects(verb: Token, kind: str) -> tuple[list[Token], str]:
    """The objects of an active harm verb (with nouns the parse hung on the verb: "kidnapped
    a priest and his driver", but not those after "among them"), and the kind ("kill or maim"
    → casualties)."""
    objects = _direct_objects(verb)
    if not objects:
        objects, other = _disjunct_objects(verb)
        return objects, kind if other in (None, kind) else "casualties"
    subset = min((c.i for c in _children(verb, "prep") if c.lower_ in _SUBSET),
                 default=verb.sent.end)
    objects += [c for c in verb.children if c.dep_ == "conj" and
                (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "NUM" and _is_count(c)))]
    return [o for o in objects if o.i < subset and not _is_subset(o)], kind


def _is_subset(noun: Token) -> bool:
    """"among them three children": a part of the victims named before."""
    return any(c.dep_ == "prep" and c.lower_ in _SUBSET and c.i < noun.i for c in noun.children)


def _direct_objects(verb: Token) -> list[Token]:
    """The objects, an attribute the parse gave a participle ("had eliminated 1,400
    servicemen"), the people after "to death" ("clubbed to death four herders"), or the subject
    of a gerund clause made of the object or of an outcome ("beat two men unconscious")."""
    objects = [_outcome_object(o) for o in _children(verb, "dobj")]
    if not objects and _lemma(verb) != "be":
        objects = _children(verb, "attr")
    if not objects and _to_death(verb):
        objects = _children(verb, "npadvmod", "dep")
    return objects or [s for c in _children(verb, "ccomp") if _small_clause(c) or
                       c.lower_ in harm_lexicon().outcome_words for s in _children(c, "nsubj")]


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
    """"held hostage" / "holds 24 captives" → hostages; "holds 9,000 detainees" → detained."""
    lex = harm_lexicon()
    for word in [*verb.children, *(t for v in victims for t in v.subtree)]:
        if _lemma(word) in lex.captive_nouns:
            return lex.captive_nouns[_lemma(word)]
    if _lemma(verb) != "hold" or not victims:
        return None
    if verb.dep_ == "conj" and (_verb_trigger(verb.head) or ("",))[0] in ("killed", "injured"):
        return "hostages"
    return lex.holding["hold"] if all(_held_people(v) for v in victims) else None


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
    """"holds about 8,000 Ukrainians": a count of a people named by their side."""
    count, noun = _counted(token)
    return count is not None and bool(words_side([noun], index=False)[0])


def _adjective_harm(token: Token) -> _Harm | None:
    """"found dead", "remain missing", "left 9 dead", "among the dead were ..."."""
    lex = harm_lexicon()
    if token.lower_ not in lex.adjectives or token.pos_ not in ("ADJ", "NOUN", "VERB"):
        return None
    kind, verb = lex.adjectives[token.lower_]
    head = token.head
    near = _near_victims(token)
    if near:
        return _Harm(token, kind, verb, "none", near)
    if token.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advcl") and _is_verb(head):
        if _verb_trigger(head):
            return None
        counted = [c for c in _children(token, "nummod") if _is_count(c)]
        return _Harm(token, kind, verb, "none", counted or _children(head, "dobj") or
                     _children(token, "nsubj") or _subjects(head))
    victims = _prepositional_victims(token)
    return _Harm(token, kind, verb, "none", victims) if victims is not None else None


def _near_victims(adjective: Token) -> list[Token]:
    """The victims right at a harm adjective: the people before it ("leaving 14 people dead"),
    the people it modifies ("displaced families"), itself after an existential "be"."""
    found = _after_people(adjective) or _modified_people(adjective)
    return found or ([adjective] if _existential(adjective) else [])


def _modified_people(adjective: Token) -> list[Token]:
    """"a camp for displaced families", "wounded people were brought": the person noun a harm
    adjective modifies (before it) names the victims."""
    noun = adjective.head
    if adjective.dep_ != "amod" or noun.i < adjective.i or noun.pos_ != "NOUN" or \
            not _is_person(noun):
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
    """The count a toll is put at: "rose to 1,200", "put its toll at 49", "the toll is 31"."""
    head = noun.head
    places = [c for c in head.children if c.dep_ in ("prep", "attr", "dobj") and c.i > noun.i]
    for child in places:
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
    if lemma == "toll":
        value, target = _toll_value(token)
        return _Harm(token, kind, verb, "none", [target], value=value) if target else None
    if token.dep_ == "dobj" and _lemma(token.head) in harm_lexicon().bearing_verbs:
        return _Harm(token, kind, verb, "none", _subjects(token.head))
    if any(c.dep_ == "nummod" and _is_count(c) for c in token.children):
        return _Harm(token, kind, verb, "none", [token])
    victims = _of_people(token) or (_with_injuries(token) if kind == "injured" else [])
    return _Harm(token, kind, verb, "none", victims, _by_phrase(token)) if victims else None


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
                 if _lemma(w) in harm_lexicon().captive_nouns), kind)
    return _Harm(token, kind, _lemma(token), voice, victims, _agent_of(verb, voice))


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
    """"the killing of 1,200 people by Hamas": the agent of a harm noun, who, as a passive's,
    says whose the victims are not."""
    for prep in _children(noun, "prep"):
        objects = _children(prep, "pobj")
        if prep.lower_ == "by" and objects:
            return noun_core(objects[0])
    return []


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
    """The verb a prepositional phrase hangs from ("taken to hospital with injuries")."""
    current = token.head
    while not _is_verb(current) and current.dep_ in ("pobj", "prep") and \
            current.head.i != current.i:
        current = current.head
    return current if _is_verb(current) else None


def _unreal(harm: _Harm) -> bool:
    """Hypothetical, future or negated harm: "could kill", "threatened to kill", "if ...",
    "nobody was hurt", "no casualties"."""
    lex = harm_lexicon()
    if _denied(harm.trigger) or _intended(harm.trigger) or _no_victims(harm):
        return True
    current = harm.trigger
    for _ in range(4):
        if any(_unreal_cue(child) for child in current.children):
            return True
        if current.head.i == current.i:
            return False
        if _lemma(current.head) in lex.intent_verbs and (current.dep_ in ("xcomp", "ccomp") or
                                                         _infinitive(current)):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "conj", "acomp", "oprd", "pobj", "prep",
                                "pcomp"):
            return False
        current = current.head
    return False


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
    """"denied reports that any soldiers had been killed": harm told by a noun that is the
    object of a verb of denial or intent; "reports that soldiers had died were false": by one
    that is the subject of a word of falsity."""
    noun, lex = trigger.head, harm_lexicon()
    if trigger.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    if trigger.dep_ == "relcl" and not any(c.dep_ == "mark" and c.lower_ == "that"
                                           for c in trigger.children):
        return False
    if noun.dep_ == "dobj" and trigger.dep_ == "acl":
        return _lemma(noun.head) in lex.intent_verbs
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
    the victim of a harm verb ("holding 59 hostages") is not a harm of its own."""
    found = list(_candidates(sent))
    victims = {v.i for harm in found if harm.trigger.pos_ != "NOUN" for v in harm.victims}
    kept = [h for h in found if h.trigger.pos_ != "NOUN" or h.trigger.i not in victims]
    kept = [h for h in kept if not any(_fatal_outcome(h, other) for other in kept)]
    return [h for n, h in enumerate(kept) if not any(_same_harm(h, other) for other in kept[:n])]


def _same_harm(harm: _Harm, other: _Harm) -> bool:
    """"the abduction of two aid workers, seized at gunpoint": a harm of the same kind and the
    same victims as one before it is the same mention."""
    return harm.kind == other.kind and bool(harm.victims) and \
        {v.i for v in harm.victims} == {v.i for v in other.victims}


def _fatal_outcome(harm: _Harm, other: _Harm) -> bool:
    """"was shot in the head and died of his wounds", "was shot and killed": the injury
    ``other`` (a harm of the same victims coordinated with it) ends in is no mention of its
    own."""
    if harm.kind != "injured" or other.kind != "killed":
        return False
    linked = other.trigger.dep_ == "conj" and other.trigger.head.i == harm.trigger.i
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
                                                        _custody_harm]
    if _is_verb(token):
        builders.insert(0, _verb_harm)
    if _counted_participle(token):
        builders.insert(0, _nominal_harm)
    else:
        builders.append(_nominal_harm)
    for build in builders:
        harm = build(token)
        if harm is not None:
            yield harm


def _people(harm: _Harm) -> list[Token]:
    """The harm's victim words that can name people (a harm word standing for its victims:
    "the wounded")."""
    victims = [v for victim in _named(harm)
               for v in _partition(_victim(victim)) or _with_conjuncts(_victim(victim))]
    people = [v for v in victims if v.i == harm.trigger.i or (
        (_is_person(v) or _person_conjunct(v, victims)) and not _other_harm(v, harm))]
    if harm.value is None:
        harm.value = _tally_value(people, harm.trigger)
    return people


def _other_harm(noun: Token, harm: _Harm) -> bool:
    """"the release of 33 hostages and 1,900 prisoners": a conjunct that is a harm noun of
    another kind is a mention of its own."""
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
    count of people, not one with a noun of its own: "12 of them children")."""
    doc, set_off = noun.doc, False
    for token in doc[noun.i + 1: noun.sent.end]:
        if token.is_punct and token.tag_ != "HYPH":
            set_off = True
            continue
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
        noun.lower_ not in lex.not_people


def _nominal_harm(token: Token) -> _Harm | None:
    """"the wounded arriving", "treated nearly 3,000 wounded", "reported eight dead", "counted 60
    Palestinian dead": a harm adjective standing for its victims (the count before it or the
    count modifying it, else itself)."""
    lex = harm_lexicon()
    if token.lower_ not in lex.adjectives or token.i == token.sent.start or (
            token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN")):
        return None
    before = token.doc[token.i - 1]
    kind, verb = lex.adjectives[token.lower_]
    if before.lower_ == "the":
        listed = _children(token.head, "dobj") if token.dep_ == "nsubj" and \
            _lemma(token.head) in lex.subset_verbs else []
        return _Harm(token, kind, verb, "none", listed or [token])
    count = _count_before(token)
    if count is not None:
        return _Harm(token, kind, verb, "none", [count])
    if any(_is_count(c) for c in _children(token, "nummod")) and \
            token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr", "advmod",
                           "npadvmod"):
        return _Harm(token, kind, verb, "none", [token])
    return None


def _count_before(token: Token) -> Token | None:
    """The count a harm word standing for its victims follows: "reported eight dead" (a count
    the parse did not make its modifier), "dozens of wounded" (a bare harm word after a
    count's "of")."""
    before = token.doc[token.i - 1]
    if _is_count(before) and before.dep_ not in ("nummod", "quantmod", "compound"):
        return before
    if before.lower_ == "of" and token.dep_ == "pobj" and before.head.i == before.i - 1 and \
            _is_count(before.head) and not list(token.children):
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
    has reached 123 million": the count a tally of the victims is put at."""
    tallies = [v.head.head for v in victims if v.dep_ == "pobj" and v.head.lower_ == "of" and
               _lemma(v.head.head) in harm_lexicon().tally_nouns]
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
    if any(c.lower_ == "or" for c in token.children):
        covered.update(c.i for c in _children(token, "conj"))
    if harm.verb in harm_lexicon().forcing:
        covered.update(c.i for c in _forced_flight(token))
    return covered


def _victim(token: Token) -> Token:
    """The victim word a relative pronoun or a partitive stands for: "migrants who ...",
    "a record number of civilians"; "dozens of civilians" keeps "dozens" (the count)."""
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        head = token.head.head
        return _victim(head) if head.lower_ in _PARTITIVE else head
    placed = [c for c in _children(token, "appos") if _is_person(c)]
    if token.ent_type_ in ("GPE", "LOC", "FAC") and placed and not _is_person(token):
        return placed[0]
    if _among_uncounted(token):
        subjects = _children(token.head.head, "nsubj", "attr")
        return subjects[0] if subjects else token
    if _lemma(token) in harm_lexicon().tally_nouns:
        people = _of_people(token)
        return people[0] if people else token
    return token


def _among_uncounted(token: Token) -> bool:
    """"Among the dead were ...": the uncounted harm word whose victims are the subject (not
    "among the 17 dead", counted victims of their own)."""
    return token.dep_ == "pobj" and token.head.lower_ == "among" and \
        _lemma(token.head.head) == "be" and not _children(token, "nummod")


def _partition(victim: Token) -> list[Token]:
    """"Of the migrants who drowned, 23 were Ethiopian and six were Somali": the counts."""
    prep = victim.head
    if victim.dep_ != "pobj" or prep.lower_ != "of" or not _is_verb(prep.head):
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
    counts += _left_count(victim)
    counts += [o for p in _children(victim, "prep") if p.lower_ == "of"
               for o in _children(p, "pobj") if o.like_num and not list(o.children)]
    return (counts[0] if counts else None), victim


def _left_count(noun: Token) -> list[Token]:
    """"Four Thai farmworkers", "two women's rights activists": the count the parse hung on a
    modifier of the noun, first word of its phrase."""
    return [c for m in _children(noun, "amod", "compound", "poss")
            for c in _children(m, "nummod", "compound")
            if _is_count(c) and c.i == noun.left_edge.i and c.ent_type_ != "DATE"]


def _count(token: Token) -> int | None:
    """The number a count token and its number words say; None when vague."""
    if token.lower_ in _SCALES and any(lexicon().has("vague_scale_modifiers", c.lower_)
                                       for c in token.children) and \
            not any(c.like_num for c in token.children):
        return None
    words = [t for t in token.subtree if t.i <= token.i and
             (t.like_num or t.lower_ in _SCALES or t.lower_ in VAGUE)]
    while words and words[0].lower_ in ("-", "of"):
        words = words[1:]
    if not words:
        return None
    parsed = parse_number(token.doc[words[0].i: _count_end(token) + 1].text)
    if parsed is None or parsed.vague:
        return None
    return parsed.value


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
    value = _count(count) if count is not None else _singular(noun)
    skipped = {t.i for c in noun.children if c.dep_ in _NOT_VICTIM or c.lower_ in _SUBSET
               for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in skipped and not t.is_punct]
    if noun.dep_ == "nsubj" and _lemma(noun.head) == "be":
        words += _children(noun.head, "acomp", "attr")
    if count is not None and count not in words:
        words.insert(0, count)
    return value, words or [noun]


def _victim_count(victim: Token) -> tuple[Token | None, Token]:
    """(count token or None, noun) of a victim word, also a count an aside gives uncounted
    plural victims."""
    count, noun = _counted(victim)
    if count is None and noun.tag_ in ("NNS", "NNPS"):
        return _aside_count(noun), noun
    return count, noun


def _singular(noun: Token) -> int | None:
    """1 for a singular victim ("a man", "he"), None for an uncounted plural."""
    lex = harm_lexicon()
    if _two(noun):
        return 2
    if (noun.tag_ == "NN" and _lemma(noun) in lex.groups) or _shared_noun(noun) or \
            noun.lower_ in lex.remainder:
        return None
    if noun.lower_ in _SINGULAR or (noun.tag_ in ("NN", "NNP") and noun.pos_ != "PRON") or \
            noun.lower_ == "old" or _article(noun):
        return 1
    if noun.ent_type_ == "ORDINAL" and any(c.lower_ == "a" for c in noun.children):
        return 1
    return None


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
    """"a couple", "the twins", "both", "both men": two people."""
    if noun.lower_ in harm_lexicon().pair_collectives and \
            any(c.lower_ in ("a", "the") for c in noun.children):
        return True
    return noun.lower_ == "both" or _both(noun)


def _both(noun: Token) -> bool:
    """"both men" (two), not "both Israeli and Palestinian families" (both ... and)."""
    return any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in noun.children) and \
        not any(t.dep_ == "cc" for t in noun.subtree if t.i < noun.i)


def _article(noun: Token) -> bool:
    """"an elderly shepherd unconscious": a singular article the parse hung on the word after
    the noun (an outcome it made the object)."""
    return noun.dep_ in ("amod", "compound") and noun.head.i > noun.i and \
        noun.head.lower_ in harm_lexicon().outcome_words and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.head.children)


def _groups(harm: _Harm) -> list[tuple[int | None, list[Token], list[Token]]]:
    """Victims split by the side their own words name: (value, victim words, victim heads)."""
    groups: list[_Group] = []
    for victim in harm.victims:
        for value, words in _parts(victim):
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
    modifiers name, when they name more than one."""
    modifiers = [m for c in _children(noun, "amod", "compound") for m in c.subtree
                 if m.dep_ in ("amod", "compound", "conj") and m.pos_ in ("ADJ", "PROPN", "NOUN")]
    sided = [m for m in modifiers if words_side([m], index=False)[0]]
    if len({words_side([m], index=False)[0] for m in sided}) < 2:
        return []
    return [[m] for m in sided]


_Group = tuple[str | None, int | None, list["Token"], list["Token"]]


def _parts(victim: Token) -> list[tuple[int | None, list[Token]]]:
    """One victim word, one part per count of "four Syrian and three Iraqi militiamen" (also
    "seven Lebanese and three Syrian soldiers", a count on a modifier), or one part per
    people of a breakdown that sums to the count ("13 soldiers, nine of them South African,
    three Malawian and one Uruguayan")."""
    breakdown = _breakdown(victim)
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
    """What the parse hung after a victim about it: appositions, a conjunct or a sibling that
    is a partitive aside ("13 soldiers, nine of them ...")."""
    siblings = [s for s in victim.head.children if s.dep_ == victim.dep_ and s.i > victim.i
                and _aside(s)] if victim.head.i != victim.i else []
    return [c for c in victim.children if (c.dep_ == "appos" and c.i > victim.i) or
            (c.dep_ == "conj" and (_partitive(c) or _after_comma(c)))] + siblings


def _after_comma(token: Token) -> bool:
    """A phrase set off by a comma ("five aid workers, three Britons and ...")."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def _sided_parts(tokens: list[Token]) -> list[tuple[int, list[Token]]]:
    """The leading segments that each give a count and a side ("three Britons", "an
    Australian", "nine of them South African")."""
    parts: list[tuple[int, list[Token]]] = []
    for segment in _segments(tokens):
        value = _segment_count(segment)
        words = segment[1:]
        if value is None or not words or not words_side(words, index=False)[0]:
            break
        parts.append((value, words))
    return parts


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
    "along with" the others are a group of their own."""
    side = words_side(words, index=False)[0]
    accompanying = victim.dep_ == "pobj" and victim.head.lower_ == "with"
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


def _shares_count(victim: Token) -> bool:
    """"Eighteen soldiers and policemen": a bare conjunct counted with the noun before it."""
    return victim.dep_ == "conj" and victim.head.i < victim.i and not any(
        c.dep_ in ("det", "nummod", "poss", "quantmod") for c in victim.children) and \
        any(c.dep_ == "nummod" for c in victim.head.children)


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
        for harm in harms:
            others = frozenset(t.i for h in harms if h is not harm for v in h.victims
                               for t in _victim_value(v)[1]) | _other_clauses(harm, harms)
            by_harm.append(list(_mentions(doc, sent, harm, others, context, previous + found)))
            found.extend(by_harm[-1])
        found = _shared_side(by_harm)
        record_victims(doc, sent, [(m.side, m.area) for m in found])
        mentions.extend(found)
        previous = found
    return mentions


def _shared_side(by_harm: list[list[HarmMention]]) -> list[HarmMention]:
    """"RSF fighters killed 200 people ..., condemning the abduction of dozens of women": the
    mentions of a harm word that names no side take the one side the mentions of the
    sentence's other harm words all name (not "Four Kenyans were among the dead, along with
    dozens of residents": people set apart by the same harm word)."""
    sides = [(m.side, m.area) for found in by_harm for m in found if m.side]
    if not sides or len({side for side, _ in sides}) > 1:
        return [m for found in by_harm for m in found]
    return [m if any(n.side for n in found) else replace(m, side=sides[0][0], area=sides[0][1])
            for found in by_harm for m in found]


def _other_clauses(harm: _Harm, harms: list[_Harm]) -> frozenset[int]:
    """Tokens of the clauses of the sentence's other harm words (not this one's own clause)."""
    return frozenset(t.i for h in harms if h is not harm and harm.trigger not in
                     h.trigger.subtree and _is_verb(h.trigger) for t in h.trigger.subtree)


def _anaphor_side(heads: list[Token], before: list[HarmMention],
                  sent: int) -> tuple[str | None, ...]:
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
    doc = sent.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for token in reversed(doc[start: victim.left_edge.i]):
        if _group_of_people(token):
            first = token.head if token.dep_ == "conj" and token.head.i < token.i else token
            words = [t for noun in _with_conjuncts(first) for t in noun_core(noun)]
            return words_side(words, index=False)
    return (None, None)


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
    """"two of his comrades", "her children": people named by their tie to someone named before
    (who gives their side), with no side of their own."""
    nouns = [victim, *(o for p in _children(victim, "prep") if p.lower_ == "of"
                       for o in _children(p, "pobj"))]
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for n in nouns
               for c in n.children) and not words_side(
        [t for n in nouns for t in n.subtree], index=False)[0]


def _elliptical(count: Token) -> bool:
    """"Five soldiers were killed and seven wounded": a bare count subject of a coordinated
    clause, counting people of the victims named before it."""
    if not _is_count(count) or _counted(count)[1].i != count.i:
        return False
    verb = count.head
    while verb.dep_ in ("aux", "auxpass", "acl") and verb.head.i != verb.i:
        verb = verb.head
    return (count.dep_ == "conj" or verb.dep_ == "conj") and any(
        v.i < count.i for v in _children(verb.head if verb.dep_ == "conj" else verb,
                                         *_SUBJECTS))


def _mentions(doc: Doc, sent: Span, harm: _Harm, others: frozenset[int],
              context: ExtractContext, before: list[HarmMention]) -> Iterator[HarmMention]:
    groups = _groups(harm)
    if not groups and harm.value is not None:
        groups = [(harm.value, [], [])]
    clause = _clause(harm.trigger)
    for value, words, heads in groups:
        rest = others | {t.i for _, w, _ in groups for t in w if t not in words}
        evidence = Evidence(words, clause, harm.agent, rest, held=harm.kind == "hostages")
        side, area = _anaphor_side(heads, before, context.sentence_of[sent.start])
        if side is None and _referring(heads, words):
            side, area = _antecedent_side(sent, heads[0])
        if side is None:
            side, area = resolve_side(doc, sent, evidence)
        named = [t for t in words if not harm.owners or any(
            h.left_edge.i <= t.i <= h.right_edge.i for h in heads)] or words
        first, last = _extent(harm, named, heads)
        yield HarmMention(
            kind=harm.kind, value=value, side=side, area=area, verb=harm.verb,
            voice=harm.voice, agent=_text(harm.agent), victims=_text(named),
            sentence=sent.text.strip(), start=doc[first].idx,
            end=doc[last].idx + len(doc[last].text), sent=context.sentence_of[sent.start])


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
