"""Harm mentions: the victims of a harm word (antecedents of pronouns, named people, nominal
harm words, tallies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_fates import _forced_flight, _verb_trigger, _with_conjuncts
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBJECTS, _aside
from rafah.extract.harm_tokens import _children, _Harm, _is_count, _is_verb, _lemma, _partitive
from rafah.extract.harm_victim_nouns import _count, _human, _is_person, _partition, _victim

if TYPE_CHECKING:
    from spacy.tokens import Token


def _people(harm: _Harm) -> list[Token]:
    """The harm's victim words that can name people (a harm word standing for its victims:
    "the wounded")."""
    named = [_plural_antecedent(v, harm) or v for v in _one_name(_named(harm))]
    victims = [v for victim in named
               for v in _partition(_victim(victim)) or _with_conjuncts(_victim(victim))]
    people = [v for v in victims if v.i == harm.trigger.i or (
        (_is_person(v) or _person_conjunct(v, victims)) and not _other_harm(v, harm))]
    people = _not_harmed_apart(people, harm, victims)
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


def _not_harmed_apart(people: list[Token], harm: _Harm, victims: list[Token]) -> list[Token]:
    """The people but a part with a harm of its own, when others are left."""
    own = [v for v in people if not _harmed_apart(v, harm)]
    return own if own and len(own) < len(people) and len(victims) > 1 else people


def _harmed_apart(count: Token, harm: _Harm) -> bool:
    """"Sixteen of those on board drowned, and 28 remain missing": a part of people whose "of"
    phrase has a harm participle of its own is that harm's victims, not the coordinated
    harm's."""
    return count.pos_ == "NUM" and any(
        c.i != harm.trigger.i and _verb_trigger(c) is not None
        for p in _children(count, "prep") if p.lower_ == "of"
        for o in _children(p, "pobj") for c in _children(o, "acl", "relcl"))


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
    places = [*_children(trigger, "prep"), *_children(tallies[0], "nummod"),
              *_tally_phrases(tallies[0])]
    for place in places:
        target = place if place.dep_ != "prep" else next(iter(_children(place, "pobj")), place)
        if place.lower_ not in ("in", "since", "during") and _is_count(target):
            return _count(target)
    return None


def _tally_phrases(tally: Token) -> list[Token]:
    """The phrases, objects and attributes of the verb a tally is the subject or object of,
    and of the verb of change the parse made the clause whose subject is a participle the
    tally is the subject of ("the number of people confirmed dead rose to 4,300"), or which it
    coordinated with that participle."""
    verb = tally.head
    verbs = [verb]
    if tally.dep_ == "nsubj":
        verbs += [verb.head] if verb.dep_ == "csubj" else _children(verb, "conj")
    return [c for v in verbs for c in _children(v, "prep", "dobj", "attr")]


def _covered(token: Token, harm: _Harm) -> set[int]:
    """Words a harm word already stands for: "maim" in "kill or maim", "flee" in "forced to
    flee", "dead" in "shot dead"."""
    covered = {c.i for c in token.children if c.lower_ in ("dead", "death")}
    if any(c.lower_ == "or" for c in token.children) and harm.kind == "casualties":
        covered.update(c.i for c in _children(token, "conj"))
    if harm.verb in harm_lexicon().forcing:
        covered.update(c.i for c in _forced_flight(token))
    return covered


def _group_of_people(token: Token) -> bool:
    """A noun naming several people: plural, collective, or coordinated with another."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("amod", "compound", "poss") or \
            token.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or not _is_person(token):
        return False
    plural = token.tag_ in ("NNS", "NNPS") or _lemma(token) in harm_lexicon().groups or \
        lexicon().has("collective_nouns", token.lower_)
    return plural or (token.dep_ == "conj" and _is_person(token.head))
