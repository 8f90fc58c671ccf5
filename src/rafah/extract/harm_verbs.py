"""Harm mentions: the reading of a harm verb (its kind, voice, victims and agent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import _recorded
from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_captivity import _held_objects, _holding_kind
from rafah.extract.harm_fates import (
    _bereaved,
    _fated_people,
    _lives,
    _particles,
    _to_death,
    _verb_trigger,
)
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_objects import (
    _disjunct_objects,
    _gapped_counts,
    _gapped_subjects,
    _stray_conjunct,
)
from rafah.extract.harm_people import _INTRANSITIVE, _SUBSET, _is_subset, _stray_subject
from rafah.extract.harm_tokens import _children, _Harm, _is_count, _is_verb, _lemma
from rafah.extract.harm_victim_nouns import _counted, _human, _victim
from rafah.extract.harm_voice import _agent_of, _direct_objects, _passive, _subjects
from rafah.extract.sides import side_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def _harm_trigger(token: Token) -> tuple[str, str] | None:
    """(kind, lemma) of a harm verb, but not of an injury by an illness."""
    found = _verb_trigger(token)
    return None if found is None or (found[0] == "injured" and _ill(token)) else found


def _verb_harm(token: Token) -> _Harm | None:
    found = _harm_trigger(token)
    if found is None:
        return None
    kind, lemma = found
    lex = harm_lexicon()
    if _bereaved(token):
        return _Harm(token, kind, lemma, "none", _bereaved(token), owners=_subjects(token))
    if _befalls_subject(token, lemma):
        if _object_sense(token, lemma):
            return None
        voice = "passive" if _children(token, "auxpass") else "none"
        people = (_subjects(token) or _fated_people(token)) + _gapped_subjects(token)
        return _Harm(token, kind, lemma, voice, _vanished(kind, people))
    misread = _misread_conjunct(token)
    if misread is not None:
        return _Harm(token, kind, lemma, "active", [misread], _agent_of(misread.head, "active"))
    voice = _voice(token, lemma)
    if lemma in lex.life_verbs and _lives(token):
        return _Harm(token, kind, lemma, voice, _lives(token), _agent_of(token, voice))
    if voice != "active":
        victims, kind = _subjects(token) + _gapped_subjects(token), _either_kind(token, kind)
    else:
        victims, kind = _objects(token, kind)
    agent = _agent_of(token, voice)
    taken = _taken_or_held(token, lemma, kind, victims, agent)
    if taken is None:
        return None
    kind, victims = taken
    return _Harm(token, kind, lemma, voice, victims, agent)


def _taken_or_held(token: Token, lemma: str, kind: str, victims: list[Token],
                   agent: list[Token]) -> tuple[str, list[Token]] | None:
    """The kind and people of a verb of taking (``_taken``: "captured the town" takes nobody,
    None) or of holding ("held responsible" holds nobody: None); other verbs as they are."""
    lex = harm_lexicon()
    if lemma in lex.taking:
        taken = _taken(token, lemma, kind, victims, agent)
        if taken is None:
            return None
        kind, victims = taken
    if lemma in lex.holding and kind != "injured":
        held = _holding_kind(token, victims)
        if held is None:
            return None
        kind, victims = held, _held_objects(victims)
    return kind, victims


def _taken(verb: Token, lemma: str, kind: str, victims: list[Token],
           agent: list[Token]) -> tuple[str, list[Token]] | None:
    """The kind and people of a verb of taking (data: taking_verbs): None when it takes places
    or things or films (``_takes_nobody``); else the kind of the captive word of its people
    (``_taken_kind``); a verb of seizing among them (data: arresting_verbs), which takes things
    as often as people, has only people as its victims, detained when it is an arrest
    (``_arrest``)."""
    if _takes_nobody(verb, victims):
        return None
    kind = _taken_kind(victims, kind)
    if lemma not in harm_lexicon().arresting_verbs:
        return kind, victims
    people = [v for v in victims if _human(v)]
    return ("detained" if _arrest(people, agent) else kind), people


def _arrest(victims: list[Token], agent: list[Token]) -> bool:
    """"Officers seized two suspects", "were snatched by police": a verb that is an abduction
    when armed men do it but an arrest when the police do it or suspects are taken (data:
    arresting_verbs, arresting_nouns, domestic forces; offender nouns)."""
    lex = harm_lexicon()
    keys = {_lemma(t) for t in agent} | {t.lower_ for t in agent}
    return bool(keys & (lex.arresting_nouns | side_lexicon().domestic)) or any(
        lexicon().has("offender_nouns", _lemma(_counted(v)[1])) for v in victims)


def _vanished(kind: str, people: list[Token]) -> list[Token]:
    """The people of a verb of going missing, which things do as often ("thousands of jobs
    vanished"): not a count of things, nor a count with a harm adjective of its own ("4,000
    dead, 10,000 missing")."""
    if kind != "missing":
        return people
    adjectives = harm_lexicon().adjectives
    return [p for p in people if (_counted(p)[1].i == p.i or _human(p)) and
            not any(c.lower_ in adjectives and c.i == p.i + 1 for c in _children(p, "amod"))]


def _taken_places(victims: list[Token]) -> bool:
    """"captured the village", "seized Shusha, the Lachin corridor and the Kalbajar district",
    "seized over 4 tons of cocaine": what a verb of taking takes is no people when none of it
    names people by itself or any of it (with its conjuncts and appositions) is a place (a
    place's name, a place noun of the casualty lexicon)."""
    taken = [t for v in victims for t in v.subtree if t.i == v.i or t.dep_ in ("appos", "conj")]
    return bool(victims) and (not any(_human(_victim(v)) for v in victims) or any(
        t.ent_type_ in ("GPE", "LOC", "FAC") or lexicon().has("place_nouns", _lemma(t))
        for t in taken))


def _takes_nobody(verb: Token, victims: list[Token]) -> bool:
    """A verb of taking that takes places or things, or films ("captured on video": the
    casualty lexicon's recording_nouns, as for casualties)."""
    return _taken_places(victims) or _recorded(verb)


def _taken_kind(victims: list[Token], kind: str) -> str:
    """"hostages who had been captured", "seized two prisoners": people a verb of taking
    takes are of the kind their captive word names (data: taking_verbs, captive_nouns)."""
    captives = harm_lexicon().captive_nouns
    named = (_lemma(_victim(v)) for v in victims)
    return next((captives[n] for n in named if n in captives), kind)


def _ill(verb: Token) -> bool:
    """"hospitalized with kidney failure", "treated for pneumonia": a harm verb of injury with
    an illness as its cause is no injury (data: illness_nouns)."""
    return any(_lemma(t) in harm_lexicon().illnesses for p in _children(verb, "prep")
               if p.lower_ in ("with", "for", "from") for o in _children(p, "pobj")
               for t in (o, *_children(o, "conj")))


def _object_sense(verb: Token, lemma: str) -> bool:
    """"missed their connecting flight", "I miss your voices", "was missed": a verb whose harm
    befalls its subject means something else as a participle or with an object (data:
    object_sense_verbs)."""
    return lemma in harm_lexicon().object_senses and (
        verb.tag_ == "VBN" or bool(_children(verb, "dobj", "ccomp", "xcomp")))


def _befalls_subject(verb: Token, lemma: str) -> bool:
    """A harm verb whose harm befalls its subject (intransitive, fate, particle fate, a verb of
    dying "to death": "froze to death", "bled to death")."""
    return lemma in _INTRANSITIVE or _subject_fate(lemma) or _particle_fate(verb) or (
        lemma in harm_lexicon().dying and _to_death(verb) and not _children(verb, "dobj"))


def _particle_fate(verb: Token) -> bool:
    """"passed away": a harm verb with its particle and no object befalls its subject."""
    return not _children(verb, "dobj") and any(
        _lemma(p) in harm_lexicon().particle_fates.get(_lemma(verb), {})
        for p in _particles(verb))


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
        return "passive" if _elided_passive(verb.head) or _with_count(verb.head) else "none"
    if _left_complement(verb):
        return "none"
    complement = lemma in lex.holding and any(
        _lemma(c) in lex.captive_nouns and not list(c.children) for c in verb.children)
    return "passive" if _passive(verb) or (complement and verb.tag_ == "VBN") else "active"


def _with_count(count: Token) -> bool:
    """"with a further 77,000 wounded": a count after "with" whose participle the parse hung
    on it (a passive without its auxiliary, like "with 120 wounded")."""
    return count.dep_ == "pobj" and count.head.lower_ == "with"


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
    if _continues_outcomes(verb):
        return own
    noun = verb.head
    return verb.dep_ == "acl" and noun.i == verb.i - 1 and noun.dep_ in ("dobj", "conj") and \
        _lemma(noun.head) in leaving


def _continues_outcomes(verb: Token) -> bool:
    """"counted 17 dead and 30 wounded": a participle coordinated with (or a clause without
    object of) a verb listing harm outcomes, which is no passive sharing its auxiliary ("were
    confirmed dead and 1,000 others injured")."""
    return (verb.dep_ == "conj" or (verb.dep_ == "advcl" and not _children(verb, "dobj"))) and \
        _outcome_list(verb.head, verb) and not _children(verb.head, "auxpass")


def _outcome_list(head: Token, own: Token | None = None) -> bool:
    """"left 59 people dead and more than 150 injured", "put its losses at 80 soldiers dead and
    several hundred wounded", "put the toll at 45 dead and 249 wounded", "counted 17 dead and
    30 wounded": a harm adjective that is a complement of a verb that harms nobody
    (or such a verb with one, or a complement of a verb of leaving: "left dozens of homes
    destroyed and 15 people dead"), which the participle coordinated with it continues (not
    "shot dead and five wounded"); ``own`` is the participle itself, no complement of its
    own."""
    adjectives = harm_lexicon().adjectives
    complements = ("oprd", "acomp", "advcl", "xcomp", "dobj")
    if head.lower_ in adjectives and head.dep_ in complements:
        return _verb_trigger(head.head) is None
    if _is_verb(head) and _verb_trigger(head) is None and head.dep_ in complements and \
            _lemma(head.head) in harm_lexicon().leaving:
        return True
    return _is_verb(head) and _verb_trigger(head) is None and \
        any(c.lower_ in adjectives for c in _complements(head, own))


def _complements(head: Token, own: Token | None) -> list[Token]:
    """A verb's complements and the objects of its phrases ("put the toll at 45 dead"), but
    the participle ``own``."""
    complements = ("oprd", "acomp", "advcl", "xcomp", "dobj")
    return [c for c in head.children if c.dep_ in complements and
            (own is None or c.i != own.i)] + \
        [o for p in _children(head, "prep") for o in _children(p, "pobj")]


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
