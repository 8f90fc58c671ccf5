"""Harm mentions: holding verbs, and whether the people held are hostages, captives or
detainees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_fates import _verb_trigger
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_tokens import _children, _lemma
from rafah.extract.harm_victim_nouns import _counted, _human, _is_person
from rafah.extract.harm_voice import _agent_of
from rafah.extract.sides import noun_core, place_side, side_lexicon, words_side

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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


def _taken_for_care(verb: Token) -> bool:
    """"the four hostages rescued were taken to hospital": people a holding verb moves to
    care are held by nobody."""
    safe = harm_lexicon().safe_words
    return any(p.lower_ == "to" and any(_lemma(o) in safe for o in _children(p, "pobj"))
               for p in _children(verb, "prep"))


def _captive_word_kind(verb: Token, victims: list[Token]) -> str | None:
    """The kind of a captive word of a holding verb or of its people ("took two workers
    hostage", "holds 24 captives", "as prisoners of war"; none for people taken to care)."""
    lex = harm_lexicon()
    if _taken_for_care(verb):
        return None
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
