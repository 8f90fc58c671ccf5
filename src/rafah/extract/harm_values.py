"""Harm mentions: the value of a victim phrase and its groups (a list of people, a breakdown
by side, segments of a list with their own counts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBSET, _aside, _modifier_conjunct
from rafah.extract.harm_tokens import (
    _PARTITIVE,
    _children,
    _Harm,
    _is_count,
    _is_verb,
    _lemma,
    _partitive,
    _person_noun,
)
from rafah.extract.harm_victim_nouns import (
    _count,
    _counted,
    _households,
    _is_person,
    _of_people,
    _ordinal_one,
)
from rafah.extract.numbers import parse_number
from rafah.extract.sides import noun_core, side_lexicon, words_side

if TYPE_CHECKING:
    from spacy.tokens import Token


_SINGULAR = {"he", "she", "him", "her", "one", "someone", "somebody", "another", "i", "himself",
             "herself"}


_NOT_VICTIM = ("relcl", "acl", "appos", "conj", "cc", "punct")


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
            (any(c.lower_ in ("a", "an", "the", "his", "her") for c in noun.children) or
             _one_owner(noun)):
        return True
    return noun.lower_ == "both" or _both(noun)


def _one_owner(noun: Token) -> bool:
    """"the gunman's parents", "Smith's parents", "my parents": a pair noun owned by one person
    (not "the victims' parents")."""
    return any(c.dep_ == "poss" and (c.tag_ in ("NN", "NNP") or c.lower_ == "my")
               for c in noun.children)


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
    return victim.dep_ in ("conj", "appos", "npadvmod") and victim.pos_ == "NUM" and \
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
