"""Harm mentions: coordination and ellipsis around the objects of a harm verb (gapped counts
and subjects, stray conjuncts, disjunct objects).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.harm_fates import _verb_trigger
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _INTRANSITIVE
from rafah.extract.harm_tokens import _children, _is_count, _is_verb, _lemma
from rafah.extract.harm_victim_nouns import _counted, _is_person
from rafah.extract.sides import side_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def _gapped_counts(verb: Token, objects: list[Token]) -> list[Token]:
    """"killed eight people on the Ukrainian side and four in the Russian region of Belgorod",
    "killed 40 people in Gaza, 12 in Lebanon and three in Syria": a bare count with a place of
    its own that the parse coordinated with (or set beside) the object of a phrase of the verb
    (or of its object, or its placed object itself), or made an adverb of the verb after its
    object, is a second object."""
    return [c for c in _beside_places(verb, objects) if c.pos_ == "NUM" and _is_count(c) and
            _counted(c)[1].i == c.i and
            any(q.lower_ in side_lexicon().locative for q in _children(c, "prep"))]


def _beside_places(verb: Token, objects: list[Token]) -> list[Token]:
    """Words the parse coordinated with or set beside the place of a verb or of its objects,
    beside a placed object, or made adverbs of the verb after its object."""
    phrases = [p for owner in [verb, *objects] for p in _children(owner, "prep")]
    found = [c for p in phrases for o in _children(p, "pobj")
             for c in _children(o, "conj", "appos")]
    found += [c for c in _children(verb, "npadvmod") if objects and c.i > objects[0].i]
    return found + [c for o in objects if _placed(o) for c in _children(o, "appos")]


def _placed(noun: Token) -> bool:
    """A noun with a phrase naming its place ("20 people in Kharkiv")."""
    return any(p.lower_ in side_lexicon().locative and _named_place(p)
               for p in _children(noun, "prep"))


def _gapped_subjects(verb: Token) -> list[Token]:
    """"1,100 people were killed in Israel and more than 37,000 in Gaza", "nine died in Aleppo
    and four in Idlib": a bare count with a place of its own that the parse coordinated with a
    passive or intransitive harm verb (or set beside the verb's place: "30 died in Punjab, 12
    in Sindh and nine in Khyber Pakhtunkhwa") is a second subject whose verb is elided."""
    places = [o for p in _children(verb, "prep") if p.lower_ in side_lexicon().locative
              for o in _children(p, "pobj")]
    found = _children(verb, "conj") + [c for o in places for c in _children(o, "appos")]
    return [c for c in found if c.pos_ == "NUM" and c.i > verb.i and
            _is_count(c) and _counted(c)[1].i == c.i and
            any(q.lower_ in side_lexicon().locative and _named_place(q)
                for q in _children(c, "prep"))]


def _named_place(phrase: Token) -> bool:
    """A place phrase that names a place ("in Gaza", "in the Kharkiv region"), not a state
    ("in critical condition")."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC")
               for o in _children(phrase, "pobj") for t in o.subtree if t.i <= o.i)


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
    if noun.dep_ != "nsubj" or later.i <= noun.i or not _is_verb(later):
        return []
    if _participle_modifier(noun, later):
        return [noun]
    if not (len(_children(later, "nsubj")) > 1 or _doing_object(verb, later)) or \
            not _is_person(noun):
        return []
    return [noun]


def _participle_modifier(count: Token, later: Token) -> bool:
    """"detained 14 wanted suspects", "arrested five suspected militants": a count before a
    participle modifying people, that the parse made the participle's subject."""
    return count.pos_ == "NUM" and _is_count(count) and later.i == count.i + 1 and \
        later.tag_ in ("VBD", "VBN") and \
        any(o.left_edge.i == later.i + 1 and _is_person(o) for o in _children(later, "dobj"))


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
