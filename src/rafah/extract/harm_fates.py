"""Harm mentions: which verbs harm and how (the kind of a harm verb, fates, outcomes, phrasal
verbs, "to death", forced flight, the bereaved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import (
    _SUBJECTS,
    _aside,
    _modifier_conjunct,
    _speaker,
    _subject_elsewhere,
)
from rafah.extract.harm_tokens import _children, _is_count, _lemma
from rafah.extract.harm_values import _breakdown, _listed, _listed_people
from rafah.extract.harm_victim_nouns import _counted, _human, _is_person, _of_people
from rafah.extract.sides import side_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


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


def _outcome(verb: Token, table: dict[str, str]) -> str | None:
    """The outcome word after "shot"/"stabbed": "dead", "to death", a fatal adverb ("fatally
    shot"); "" when there is none; None for a rise "to" somewhere ("shot to fame")."""
    near = [t for t in verb.doc[verb.i + 1: min(verb.i + 4, verb.sent.end)]]
    near += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    words = {t.lower_ for t in near} | {t.lower_ for t in verb.children}
    if any(lexicon().has("fatal_adverbs", c.lower_) for c in verb.children) and \
            "dead" in table:
        return table["dead"]
    for word, kind in table.items():
        if word and word in words:
            return kind
    return None if _rising_to(verb) else table.get("")


def _fatal_injury(verb: Token, kind: str) -> bool:
    """"fatally wounded", "mortally injured": an injury with a fatal adverb is a killing."""
    return kind == "injured" and any(lexicon().has("fatal_adverbs", c.lower_)
                                     for c in _children(verb, "advmod"))


def _rising_to(verb: Token) -> bool:
    """"shot to fame": a verb without object nor passive that goes "to" somewhere."""
    return not _children(verb, "dobj", "auxpass") and \
        any(p.lower_ == "to" and _children(p, "pobj") for p in _children(verb, "prep"))


def _verb_trigger(token: Token) -> tuple[str, str] | None:
    """(kind, lemma) of a harm verb, or None."""
    lex = harm_lexicon()
    lemma = _lemma(token)
    if lemma in lex.verbs:
        return ("killed" if _to_death(token) or _fatal_injury(token, lex.verbs[lemma])
                else lex.verbs[lemma]), lemma
    phrasal = _phrasal_kind(token, lemma)
    if phrasal:
        return phrasal, lemma
    kind = _outcome(token, lex.outcome_verbs[lemma]) if lemma in lex.outcome_verbs else None
    if kind:
        return kind, lemma
    if lemma in lex.forcing and _forced_out(token):
        return lex.forcing[lemma], lemma
    fate = _fate(token, lemma)
    if fate:
        return fate, lemma
    moved = _moved_harm(token, lemma)
    if moved:
        return moved, lemma
    if lemma in lex.holding:
        return lex.holding[lemma], lemma
    if _to_death(token):
        return "killed", lemma
    captive = _as_captives(token, lemma)
    return (captive, lemma) if captive else None


def _moved_harm(verb: Token, lemma: str) -> str | None:
    """The kind of a verb of moving or striking people that harms them: rushed to hospital or
    hit by a projectile (injured), moved by force (displaced)."""
    if _rushed_to_care(verb, lemma) or _struck_by_projectile(verb, lemma):
        return "killed" if _fatal_injury(verb, "injured") else "injured"
    return "displaced" if _forcibly_moved(verb, lemma) else None


def _struck_by_projectile(verb: Token, lemma: str) -> bool:
    """"Two paramedics were hit by shrapnel": people struck in the passive by a projectile (the
    casualty lexicon's impact verbs and projectile nouns) are injured (not "hit by a car" told
    as killed elsewhere: the harm verb of the sentence tells that; nor a relative clause or a
    clause of a harm verb, which tell how people named with their harm were hurt: "injured a
    man, who was hit by ...", "was injured when he was hit by ...")."""
    if not lexicon().has("impact_verbs", lemma) or not _children(verb, "nsubjpass") or \
            verb.dep_ == "relcl" or (verb.dep_ == "advcl" and _verb_trigger(verb.head)):
        return False
    return any(lexicon().has("projectile_nouns", _lemma(o)) for a in _children(verb, "agent")
               for o in _children(a, "pobj"))


def _forcibly_moved(verb: Token, lemma: str) -> bool:
    """"forcibly transferred 200 Palestinians", "were forcibly relocated": people moved by force
    (the casualty lexicon's relocation words and forced modifiers) are displaced."""
    return lexicon().has("relocation_words", lemma) and any(
        lexicon().has("forced_modifiers", c.lower_) for c in _children(verb, "advmod"))


def _rushed_to_care(verb: Token, lemma: str) -> bool:
    """"Eight people were rushed to hospital after the crash": people carried to hospital in
    the passive (data: rushing_verbs) are injured; not for checks or an illness (data:
    not_care_words, the casualty lexicon's diseases), nor "with injuries" (told by the noun),
    nor freed captives ("the hostages rescued were taken to hospital"), nor people a harm word
    names already ("the injured were taken to hospitals")."""
    lex = harm_lexicon()
    if lemma not in lex.rushing or not _children(verb, "nsubjpass") or \
            any(p.dep_ == "prep" and p.lower_ in ("with", "for") for p in verb.subtree) or \
            _no_injury_stay(verb):
        return False
    return any(p.lower_ == "to" and any(_lemma(o) in lex.hospitals for o in _children(p, "pobj"))
               for p in _children(verb, "prep"))


def _no_injury_stay(verb: Token) -> bool:
    """A stay in hospital for an illness or checks, or of people freed or named harmed
    already."""
    lex = harm_lexicon()
    if any(lexicon().has("disease_nouns", _lemma(t)) or _lemma(t) in lex.not_care
           for t in verb.sent):
        return True
    return any(lexicon().has("release_verbs", _lemma(t)) or _lemma(t) in lex.captive_nouns or
               lexicon().has("former_modifiers", t.lower_) or t.lower_ in lex.adjectives
               for s in _children(verb, "nsubjpass") for t in s.subtree)


def _as_captives(verb: Token, lemma: str) -> str | None:
    """"were dragged into Gaza as hostages", "led away as captives": the kind of a captive word
    after "as" that a verb makes its people (not a verb of freeing, naming, calling or saying:
    "freed as hostages", "listed as captives", "described as prisoners")."""
    lex = harm_lexicon()
    if lemma in lex.naming or lemma in lex.labelling or \
            lexicon().has("release_verbs", lemma) or lemma in side_lexicon().speech_verbs:
        return None
    return next((lex.captive_nouns[_lemma(o)] for p in _children(verb, "prep")
                 if p.lower_ == "as" for o in _children(p, "pobj")
                 if _lemma(o) in lex.captive_nouns), None)


def _bereaved(verb: Token) -> list[Token]:
    """"families have lost children", "she lost her husband": the kin a bereaving verb's
    subject lost, "we lost 14 of our men": its own people, "we buried my father" (by people:
    not "the mudslide buried her sons"; "Hezbollah said it had lost eight fighters": an armed
    group speaking of itself; not "lost their homes", nor "lost two players to
    injury", "lost its best officers to a rival")."""
    lex = harm_lexicon()
    if _lemma(verb) not in lex.bereaving or _not_mourned(verb):
        return []
    kin = [o for o in _children(verb, "dobj") if o.pos_ == "NOUN" and _lemma(o) in lex.kin]
    if kin or any(p.lower_ == "to" for p in _children(verb, "prep")):
        return kin
    armed = any(_armed_loser(s, verb) for s in _children(verb, "nsubj"))
    return [o for o in _children(verb, "dobj") if _own_people(_counted(o)[1], armed)]


def _armed_loser(subject: Token, verb: Token) -> bool:
    """An armed subject of a verb of losing, or a pronoun standing for the armed speaker the
    verb's clause is reported by ("Hezbollah said it had lost")."""
    return _armed(subject) or (subject.lower_ in ("it", "we", "they") and verb.dep_ == "ccomp"
                               and any(_armed(t) for t in _children(verb.head, "nsubj")))


def _armed(loser: Token) -> bool:
    """An armed force, unit or group ("the army", "his unit", "Hezbollah"), or a state, whose
    forces are its own ("Pakistan said it lost five troops")."""
    return _key_in(loser, side_lexicon().force_nouns) or _lemma(loser) in harm_lexicon().units \
        or any(k in side_lexicon().local_actors or k in side_lexicon().actors
               for k in (loser.lower_, _lemma(loser))) or \
        (loser.ent_type_ == "GPE" and loser.lower_ in side_lexicon().country_names)


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
        if _lemma(obj) in lex.losing.get(lemma, {}) and not _cover_from(verb, obj) and \
                not _in_room(verb, obj):
            return lex.losing[lemma][_lemma(obj)]
    if _bereaved(verb):
        return "killed"
    table = lex.fates.get(lemma, {})
    for prep in _children(verb, "prep"):
        for word in prep.subtree:
            if word.dep_ == "pobj" and _lemma(word) in table:
                return table[_lemma(word)]
    return _fate_clause(verb, lemma)


def _cover_from(verb: Token, obj: Token) -> bool:
    """"sought shelter from the bombardment": a noun of refuge that is also cover from a danger
    (data: cover_nouns), with the danger after "from", is no flight from home; nor is cover
    "in" something that is no place ("sought shelter in gold")."""
    if _lemma(obj) not in harm_lexicon().cover:
        return False
    phrases = [*_children(verb, "prep"), *_children(obj, "prep")]
    return any(p.lower_ == "from" or (p.lower_ == "in" and not any(
        _sheltering_place(o) for o in _children(p, "pobj"))) for p in phrases)


def _sheltering_place(noun: Token) -> bool:
    """A place people can shelter in: a place noun or refuge, a place's name."""
    return lexicon().has("place_nouns", _lemma(noun)) or _lemma(noun) in harm_lexicon().refuges \
        or noun.pos_ == "PROPN" or noun.ent_type_ in ("GPE", "LOC", "FAC")


def _fate_clause(verb: Token, lemma: str) -> str | None:
    """"fell defending the village", "fell while fighting in Gaza": a fate verb whose clause of
    fighting (data: fate_clauses) tells how its subjects died (not "fell while hiking")."""
    clauses = harm_lexicon().fate_clauses.get(lemma, {})
    return next((clauses[_lemma(c)] for c in _children(verb, "advcl", "xcomp")
                 if c.tag_ == "VBG" and _lemma(c) in clauses), None)


def _in_room(verb: Token, obj: Token) -> bool:
    """"sought refuge in the lounge", "took refuge in a basement": refuge in a room or a part
    of a building is shelter from a danger, no displacement (data: room_nouns)."""
    return any(_lemma(o) in harm_lexicon().rooms for w in (verb, obj) for p in _children(w, "prep")
               if p.lower_ in ("in", "inside", "into") for o in _children(p, "pobj"))


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
    for particle in _particles(verb):
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
    homes, the wounded or freed hostages); "300 residents evacuated": the people it describes;
    "many had been evacuated": a vague many."""
    lex = harm_lexicon()
    if _lemma(verb) not in lex.evacuating or any(c.lower_ in lex.safe_words
                                                   for c in verb.subtree):
        return False
    people = _children(verb, "dobj") or _children(verb, "nsubjpass", "nsubj") or \
        ([verb.head] if verb.dep_ == "acl" and verb.head.i < verb.i else [])
    return bool(people) and all(
        (p.tag_ in ("NNS", "NNPS") or _counted(p)[0] is not None or
         lexicon().has("vague_quantifiers", p.lower_)) and _human(p) and
        _counted(p)[1].lower_ not in lex.adjectives and
        _lemma(_counted(p)[1]) not in lex.captive_nouns for p in people)


def _forced_flight(verb: Token) -> list[Token]:
    """The flight a verb forces: "forced to flee", "forcing 1,500 people to flee", "sent
    thousands of residents fleeing" (a flee verb the parse hung on the object)."""
    flee = harm_lexicon().flee_verbs
    found = [c for c in _children(verb, "xcomp") if _lemma(c) in flee and not _left_activity(c)]
    return found or [t for o in _children(verb, "dobj") for t in o.subtree
                     if t.dep_ in ("acl", "relcl") and _lemma(t) in flee and
                     not _children(t, *_SUBJECTS)]


def _left_activity(verb: Token) -> bool:
    """"forced to leave the show", "fled the bond market": a verb of flight whose object is an
    activity or a body one takes part in, no home (data: activity_nouns)."""
    return any(_lemma(o) in harm_lexicon().activities for o in _children(verb, "dobj"))


def _particles(verb: Token) -> list[Token]:
    """A verb's particles (also one the parse made an adverb: "passed away", "spirited away
    two children": a particle word of the phrasal verbs' table)."""
    particles = harm_lexicon().particles
    return [c for c in verb.children if c.dep_ == "prt" or
            (c.dep_ == "advmod" and (c.tag_ == "RP" or c.lower_ in particles) and
             c.i == verb.i + 1)]
