"""Harm mentions: the harm words of a sentence, each read once (the readings of a token,
duplicate and overlapping readings dropped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rafah.extract.harm_adjectives import _adjective_harm
from rafah.extract.harm_fates import _key_in, _to_death
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_mood import _unreal, _unreal_cue
from rafah.extract.harm_nouns import _counts_itself, _custody_harm, _noun_harm, _status_harm
from rafah.extract.harm_tokens import _children, _Harm, _is_verb, _lemma, _partitive
from rafah.extract.harm_verbs import _verb_harm
from rafah.extract.harm_victim_nouns import _counted
from rafah.extract.harm_victims import _counted_participle, _covered, _nominal_harm, _people
from rafah.extract.harm_voice import _elided_auxiliary, _subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
                                       _harm_as_agent(h, other) or _toll_increment(h, other) or
                                       _graded_injury(h, other) for other in kept)]
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


def _graded_injury(harm: _Harm, other: _Harm) -> bool:
    """"Four people were injured, two in critical condition": the grave state of some of the
    injured another harm of the sentence tells is no mention of its own."""
    return harm is not other and harm.kind == other.kind == "injured" and \
        _lemma(harm.trigger) in harm_lexicon().conditions_of_health and \
        _lemma(other.trigger) not in harm_lexicon().conditions_of_health


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
        _restated_object(harm, other) or _latest_of_series(harm, other)


def _latest_of_series(harm: _Harm, other: _Harm) -> bool:
    """"Two engineers were kidnapped ..., in the latest abduction of foreign workers": a harm
    noun naming the harm told before it as the newest of a series."""
    return harm.trigger.pos_ == "NOUN" and other.trigger.i < harm.trigger.i and any(
        c.lower_ in harm_lexicon().series for c in _children(harm.trigger, "amod"))


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
    stabbed", "a woman who was wounded died", "a wounded man bled to death": the injury
    ``other`` (a harm of the same victims coordinated with it, whose clause it is, said of them
    in a relative clause or as their modifier: "three men shot at the protest died") ends in is
    no mention of its own."""
    if harm.kind != "injured" or other.kind != "killed":
        return False
    if harm.trigger.dep_ in ("amod", "acl") and \
            harm.trigger.head.i in {v.i for v in other.victims}:
        return True
    same = {v.i for v in other.victims} == {v.i for v in harm.victims}
    return _linked(harm.trigger, other.trigger) and same and \
        not any(c.lower_ == "or" for c in harm.trigger.children)


def _linked(injury: Token, death: Token) -> bool:
    """Whether a death is told with an injury: coordinated with it, the clause it hangs on, a
    relative clause, a main verb the parse hung on the injury."""
    return (death.dep_ == "conj" and death.head.i == injury.i) or \
        (injury.dep_ in ("pcomp", "advcl") and death.i in (injury.head.i, injury.head.head.i)) \
        or injury.dep_ == "relcl" or _misparsed_main_verb(death, injury)


def _misparsed_main_verb(verb: Token, head: Token) -> bool:
    """"Three men shot during the protest died later": a verb without conjunction or subject
    of its own that the parse hung on the participle describing its subject."""
    return verb.dep_ == "advcl" and verb.head.i == head.i and \
        not _children(verb, "mark", "nsubj", "nsubjpass")


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
                                                        _fatal_state_harm, _trapped_harm,
                                                        _noun_outcome_harm, _negated_fate]
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


def _negated_fate(token: Token) -> _Harm | None:
    """"two of the wounded did not survive": the negation of a verb whose negation harms its
    subject (not a modal one: "may not survive"); "none of the 72 passengers survived": the
    people a negative subject is part of."""
    verb = token.head
    kind = harm_lexicon().negated_fates.get(_lemma(verb))
    if kind is None or any(_unreal_cue(c) for c in verb.children if c.dep_ != "neg"):
        return None
    if token.dep_ == "nsubj" and token.lower_ in harm_lexicon().negative_subjects:
        people = [o for p in _children(token, "prep") if p.lower_ == "of"
                  for o in _children(p, "pobj")]
        return _Harm(token, kind, _lemma(verb), "none", people) if people else None
    return _Harm(token, kind, _lemma(verb), "none", _subjects(verb)) \
        if token.dep_ == "neg" else None


def _noun_outcome_harm(token: Token) -> _Harm | None:
    """"A settler shot dead a young man": an outcome verb the tagger took for a noun, the
    subject of its outcome word, which the parse made the verb of the people shot."""
    lex = harm_lexicon()
    lemma = lex.noun_forms.get(token.lower_)
    outcome = token.head
    if lemma is None or token.pos_ != "NOUN" or token.dep_ != "nsubj" or \
            outcome.i != token.i + 1:
        return None
    kind = lex.outcome_verbs.get(lemma, {}).get(outcome.lower_)
    victims = _children(outcome, "dobj")
    if kind is None or not victims or not _children(token, "compound"):
        return None
    agent = [t for t in token.subtree if t.i < token.i]
    return _Harm(token, kind, lemma, "active", victims, agent)


def _trapped_harm(token: Token) -> _Harm | None:
    """"Many are still trapped under the rubble", "dozens remain trapped": people a trapping
    verb still holds are missing ("the 19 miners still trapped underground"; not "rescued 30
    residents trapped on the upper floors", nor "40 people were trapped" with no "still")."""
    if not _key_in(token, harm_lexicon().trapping) or token.tag_ not in ("VBN", "JJ"):
        return None
    head = token.head if token.dep_ in ("acomp", "xcomp", "oprd") else token
    still = any(c.lower_ == "still" for c in [*token.children, *head.children])
    if not (still or _lemma(head) == "remain") or (head.dep_ == "relcl" or (
            head.dep_ == "acl" and not any(c.lower_ == "still" for c in token.children))):
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
