"""Harm mentions: the voice of a harm verb, its subjects, its direct objects and its agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.harm_fates import _to_death, _verb_trigger
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_objects import (
    _more_object,
    _outcome_object,
    _outcome_objects,
    _stray_object,
)
from rafah.extract.harm_people import _INTRANSITIVE, _SUBJECTS, _SUBSET, _stray_subject
from rafah.extract.harm_tokens import (
    _PARTITIVE,
    _children,
    _is_count,
    _lemma,
    _noun_participle,
    _person_noun,
)
from rafah.extract.harm_victim_nouns import _is_person
from rafah.extract.sides import noun_core, side_lexicon, words_side

if TYPE_CHECKING:
    from spacy.tokens import Token


def _passive(verb: Token) -> bool:
    if _children(verb, "auxpass", "nsubjpass", "agent"):
        return True
    if _own_subject_relative(verb):
        return False
    if _elided_auxiliary(verb) or _reduced_relative(verb) is not None or _shared_passive(verb):
        return True
    if _past_as_participle(verb) or _counted_headline(verb):
        return True
    if (verb.tag_ != "VBN" and not _noun_participle(verb)) or _children(verb, "aux", "dobj"):
        return False
    return verb.dep_ in ("conj", "acl", "pcomp", "amod", "advcl", "relcl", "xcomp", "dep",
                         "parataxis") or _copula_complement(verb)


def _own_subject_relative(verb: Token) -> bool:
    """"the views the senator held": a relative clause with a subject of its own is active
    (its noun is the object), however the tagger took its verb."""
    return verb.dep_ in ("relcl", "acl") and bool(_children(verb, "nsubj"))


def _past_as_participle(verb: Token) -> bool:
    """"the four contractors gunned down at the roadside": a verb the tagger took for a past
    tense but the parse hung on the noun before it as a clause without subject or object (a
    participle describing its people; not one the parse cut off its object: "fighters abducted
    at least 40 women")."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return verb.tag_ == "VBD" and verb.dep_ == "acl" and verb.head.i < verb.i and \
        verb.head.pos_ in ("NOUN", "PROPN") and not _children(verb, *_SUBJECTS, "dobj") and \
        (after is None or after.is_punct or after.head.i == verb.i)


def _counted_headline(verb: Token) -> bool:
    """"Bus plunges into gorge, 27 killed", "Three hurt in Lagos blast": a transitive harm verb
    without object or auxiliary right after a bare count the parse made its subject (a
    headline's participle: a count alone cannot be the doer of a killing without victims)."""
    return _headline_count(verb) is not None


def _headline_count(verb: Token) -> Token | None:
    """The bare count right before a headline's harm participle ("27 killed"), or None (not in
    a clause complementing another verb: "saw more than 250 captured and taken hostage")."""
    lex = harm_lexicon()
    count = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if count is None or count.dep_ != "nsubj" or count.head.i != verb.i or \
            count.pos_ != "NUM" or not _is_count(count) or \
            verb.dep_ not in ("ROOT", "conj", "parataxis", "appos", "dep"):
        return None
    return count if _lemma(verb) in lex.verbs and \
        _lemma(verb) not in _INTRANSITIVE and verb.tag_ in ("VBD", "VBN") and \
        not _children(verb, "dobj", "aux", "auxpass", "ccomp", "xcomp") and \
        not any(c.dep_ == "prt" for c in verb.children) else None


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
    after being detained": the subject of the verb a preposition's clause hangs on; "are feared
    drowned": the subject of the verb it completes."""
    current = verb
    if _copula_complement(verb):
        return _children(verb.head, *_SUBJECTS)
    for _ in range(3):
        if (current.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep", "oprd") and
                not _agent_participle_clause(current) and not _likely(current)) or \
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
            return _proper_subjects(current, subjects)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
    return []


def _likely(adjective: Token) -> bool:
    """"Hundreds are likely to have died": an adjective of likelihood complementing a verb of
    being, whose subject its infinitive is said of."""
    return adjective.dep_ == "acomp" and _lemma(adjective) in harm_lexicon().likelihood


def _agent_participle_clause(verb: Token) -> bool:
    """"Rockets fired by Hamas injured a man": a verb the parse left unattached under the
    participle with an agent that it made the verb of the subject."""
    head = verb.head
    return verb.dep_ == "dep" and head.tag_ == "VBN" and head.i < verb.i and \
        bool(_children(head, "agent"))


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
    reduced = _bare_participle_subject(verb)
    if reduced is not None:
        return [reduced]
    subjects = _children(verb, *_SUBJECTS) or [s for aux in _children(verb, "aux", "auxpass")
                                               for s in _children(aux, *_SUBJECTS, "attr")]
    if subjects:
        return _proper_subjects(verb, subjects)
    if verb.dep_ in ("relcl", "acl") and (verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                                          or _elided_ordinal(verb.head)):
        return [verb.head]
    others = [c for c in _children(verb, "npadvmod", "advmod") if c.i < verb.i and
              c.lower_ in harm_lexicon().anaphors]
    return others or _stray_subject(verb) or _shared_subject(verb) or _fronted_apposition(verb)


def _bare_participle_subject(verb: Token) -> Token | None:
    """The people a participle without auxiliary is said of: those it describes (a reduced
    relative), a headline's bare count ("27 killed")."""
    reduced = _reduced_relative(verb)
    return reduced if reduced is not None else _headline_count(verb)


def _proper_subjects(verb: Token, subjects: list[Token]) -> list[Token]:
    """The subjects but asides; the people a quantifier aside is about when the parse made
    the aside the subject."""
    return [verb.head] if _quantifier_aside(verb, subjects) else _own_subjects(subjects)


def _quantifier_aside(verb: Token, subjects: list[Token]) -> bool:
    """"21 men, some with their hands bound, were found executed": a quantifier opening an
    aside set off by commas after the people, that the parse made the subject of the verb it
    hung on them as a relative clause."""
    doc = verb.doc
    first = subjects[0]
    return verb.dep_ == "relcl" and len(subjects) == 1 and first.tag_ == "DT" and \
        first.i > verb.head.i + 1 and doc[first.i - 1].text == "," and \
        any(doc[i].text == "," for i in range(first.i + 1, verb.i)) and \
        _person_noun(verb.head)


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
        if subjects and subjects[0].lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            return noun_core(verb.head)
        return _subject_phrase(subjects) + _misread_participle(subjects, verb)
    if voice != "passive":
        return []
    for child in verb.children:
        objects = _children(child, "pobj")
        if child.dep_ == "agent" and objects:
            return noun_core(objects[0])
        if child.lower_ in ("in", "by") and objects and _perpetrating(objects[0]):
            return noun_core(objects[0])
    return []


def _misread_participle(subjects: list[Token], verb: Token) -> list[Token]:
    """"Rockets fired by Hezbollah injured a man": the participle with its agent that the parse
    made the verb of the subject (the harm verb a clause of it), which says who struck."""
    participle = subjects[0].head if subjects else verb
    if participle.i == verb.i or participle.tag_ != "VBN" or \
            _children(participle, "aux", "auxpass") or participle.i > verb.i or \
            not _children(participle, "agent"):
        return []
    return [participle, *(t for a in _children(participle, "agent") for t in a.subtree)]


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


_COPULAS = {"be", "remain", "stay", "become"}
