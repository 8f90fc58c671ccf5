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
from dataclasses import replace
from typing import TYPE_CHECKING

from rafah.extract.harm_captivity import _previous_sentence_start
from rafah.extract.harm_fates import _fated_head, _with_conjuncts
from rafah.extract.harm_finding import _harms
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_references import (
    _anaphor_side,
    _antecedent,
    _antecedent_side,
    _referring,
    _repeated_noun_side,
)
from rafah.extract.harm_tokens import _PARTITIVE, _children, _Harm, _is_verb, _lemma, _partitive
from rafah.extract.harm_values import _groups, _victim_value
from rafah.extract.harm_victim_nouns import _counted, _human
from rafah.extract.harm_victims import _group_of_people
from rafah.extract.sides import (
    Evidence,
    is_backer,
    noun_core,
    opposing_side,
    record_victims,
    resolve_side,
    side_lexicon,
    words_side,
)
from rafah.records import HarmMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext


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
