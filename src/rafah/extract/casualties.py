"""Casualty figures: counts of people killed, injured, displaced, missing, held or detained.

A pure function over a parsed spaCy Doc. A number becomes a figure only when the dependency
parse ties it to a casualty predicate: a casualty noun it counts ("31,000 deaths"), a verb whose
object or subject it counts ("killed 60 Palestinians", "60 Palestinians were killed"), an
adjective ("six people are dead"), a toll ("the death toll rose to 31,184"), or the participle
after it ("resulting in 6 killed"). A single victim named by a common noun or a pronoun in a
harm clause counts one (`casualty_singles`). Money, ages, dates, percentages, ordinals, ratios
and counts of things are never figures; nor are negated, hypothetical or future counts
(`casualty_kinds`). Subsets, parts of tolls and restatements are linked (`casualty_links`).

Sentences are cut at paragraph breaks: a figure's sentence never spans a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import (
    COMPLEMENT_DEPS,
    MIXED,
    forced_kind,
    governing,
    harm_first,
    has_tally_modifier,
    inverted_tally_kind,
    is_blocked,
    lemma,
    object_tally,
    only_released,
    predicate_kind,
    shared_subject_kinds,
    status_phrase,
    toll_kind,
    unblocked_conjunct_kind,
    verified,
    weak_kind,
)
from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.casualty_links import Candidate, link_figures
from rafah.extract.casualty_singles import Antecedents, Single, person_names, single_victims
from rafah.extract.casualty_sources import is_cumulative, next_sentence_source, sentence_source
from rafah.extract.numbers import (
    NUMBER_WORDS,
    SCALES,
    TENS,
    VAGUE,
    VAGUE_QUANTIFIER,
    parse_number,
)
from rafah.extract.possession import possessed_nouns
from rafah.extract.sides import figure_side
from rafah.records import CasualtyFigure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

PLACE_ENTITIES = ("GPE", "LOC", "FAC")
"""Entity types of a place people are held in or kept away in ("remain in Gaza")."""
SENTENCE_CHARS = 2000
"""Longest sentence stored whole with a figure; a longer run is cut around the figure."""

_GLUED = re.compile(r"^(\d[\d,.]*)([a-z]+)$", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$")
_STRONG = ("killed", "injured", MIXED)
PREVIOUS = -1
"""A parent hint meaning "the nearest earlier figure of the same kind"."""


@dataclass(frozen=True)
class Reading:
    """What the parse says about one count: its kinds, whether it is a total, its set."""

    kinds: list[str] = field(default_factory=list)
    total: bool = False
    inherit: bool = False
    separate: bool = False
    """A count of the same kind that is no part of the one before ("compared with 130")."""


# --- number expressions ----------------------------------------------------------------------

def _glued(token: Token) -> tuple[str, str] | None:
    """ "4people" → ("4", "people") when the letters are a person noun."""
    found = _GLUED.match(token.text)
    if not found or not lexicon().has("people", found[2].lower().rstrip("s")) and \
            not lexicon().has("people", found[2].lower()):
        return None
    return found[1], found[2]


def _vague_quantifier(token: Token) -> bool:
    """ "many people were killed", "so many lives", "many more": a quantifier used as an
    amount; not in a hedge ("as many as 40"), a question ("how many") or a comparison ("not
    as many")."""
    if not lexicon().has("vague_quantifiers", token.lower_):
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return not lexicon().has("quantifier_blockers", before) and after != "as" and \
        _quantified_person(token)


def _quantified_person(token: Token) -> bool:
    """ "many people", "many deaths", "many were killed": the quantifier counts people or a
    harm set, or nothing named ("many reasons" counts no one)."""
    noun = token.head
    if token.dep_ not in ("amod", "nummod", "det") or noun.i <= token.i or \
            noun.pos_ not in ("NOUN", "PROPN"):
        return True
    lex = lexicon()
    word = lemma(noun)
    return lex.is_person(noun) or _event_kind(noun) is not None or \
        lex.has("status_nouns", word) or lex.has("victim_nouns", word)


def _is_number_word(token: Token) -> bool:
    lower = token.lower_
    return (token.like_num and not token.is_punct) or lower in VAGUE or lower == "dozen" or \
        _glued(token) is not None or _vague_quantifier(token)


def _phrase_end(tokens: list[Token], end: int) -> int:
    while end < len(tokens):
        lower = tokens[end].lower_
        if lower in SCALES and lower != "score" or (
                _is_number_word(tokens[end]) and tokens[end - 1].lower_ != "," and
                not tokens[end].text[:1].isdigit()):
            end += 1
        elif lower == "of" and end + 1 < len(tokens) and tokens[end - 1].lower_ in VAGUE \
                and tokens[end + 1].lower_ in VAGUE or _hyphenated(tokens, end):
            end += 2
        else:
            break
    return end


def _hyphenated(tokens: list[Token], at: int) -> bool:
    """ "Fifty-eight" split by the tokenizer into "Fifty", "-", "eight"."""
    return at + 1 < len(tokens) and _number_hyphen(tokens[at])


def _number_hyphen(mark: Token) -> bool:
    """Whether ``mark`` is the hyphen inside a number word ("fifty-eight")."""
    doc = mark.doc
    if mark.text != "-" or mark.i == 0 or mark.i + 1 >= len(doc):
        return False
    tens, units = doc[mark.i - 1], doc[mark.i + 1]
    return not tens.whitespace_ and not mark.whitespace_ and \
        tens.lower_ in TENS and units.is_alpha and units.lower_ in NUMBER_WORDS


def _number_phrases(sent: Span) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) of number expressions in a sentence."""
    tokens = list(sent)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _is_number_word(token):
            index += 1
            continue
        start = index
        if index > 0 and tokens[index - 1].lower_ in ("a", "an", "half") and \
                token.lower_ in SCALES:
            start = index - 1
            if index > 1 and tokens[index - 2].lower_ == "half" and \
                    tokens[start].lower_ in ("a", "an"):
                start = index - 2
        end = _phrase_end(tokens, index + 1)
        end = _range_end(tokens, start, end)
        yield tokens[start].i, tokens[end - 1].i + 1
        index = end


_RANGE_LINKS = ("to", "-", "\u2013", "\u2014")


def _range_end(tokens: list[Token], start: int, end: int) -> int:
    """The end of "20 to 30", "15-20", "between 20 and 30" starting at ``start`` (the first
    number's phrase ends at ``end``): a range is one count; not "from 45 to 38", a change."""
    if not _range_link(tokens, start, end):
        return end
    second = _phrase_end(tokens, end + 2)
    low, high = (parse_number(" ".join(t.text for t in tokens[a:b]))
                 for a, b in ((start, end), (end + 1, second)))
    if low is None or high is None or low.vague or high.vague or high.value <= low.value:
        return end
    return second


def _range_link(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a range link and a number follow the number phrase [start, end)."""
    before = tokens[start - 1].lower_ if start > 0 else ""
    if end + 1 >= len(tokens) or before == "from":
        return False
    link, after = tokens[end].lower_, tokens[end + 1]
    return (link in _RANGE_LINKS or link == "and" and before == "between") and \
        (after.text[:1].isdigit() or after.lower_ in NUMBER_WORDS)


def _range_high(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(first token after the low number, high value) of a range phrase, or None."""
    links = [t for t in doc[start + 1: end - 1]
             if (t.lower_ in _RANGE_LINKS or t.lower_ == "and") and not _number_hyphen(t)]
    if not links:
        return None
    high = parse_number(doc[links[0].i + 1: end].text)
    return (links[0].i, high.value) if high is not None else None


def _next_to_unit(doc: Doc, start: int, end: int) -> bool:
    """Money, percentages, ages, house numbers, dates next to the number."""
    lex = lexicon()
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if lex.has("currency", before) or lex.has("age_words", before) or \
            lex.has("month_names", before.rstrip(".")) or lex.has("month_names", after):
        return True
    if start >= 2 and lex.has("age_words", doc[start - 2].lower_) and before == "of":
        return True
    if lex.has("currency", after) or lex.has("percent", after) or \
            lex.has("frequency_nouns", after):
        return True
    following = doc[end: end + 4].text.lower().replace(" ", "")
    return following.startswith(lex.tuples["age_suffixes"])


def rate_follows(doc: Doc, end: int) -> bool:
    """ "71 deaths per 100,000", "5 a day per capita": a rate after the number ending at
    ``end`` ("per" before a number or a unit; not "per the ministry", a source)."""
    lex = lexicon()
    return any(lex.has("rate_prepositions", t.lower_) and t.i + 1 < len(doc) and
               (doc[t.i + 1].like_num or lex.has("rate_units", doc[t.i + 1].lower_))
               for t in doc[end: end + 3])


def _time_rate(doc: Doc, end: int) -> bool:
    """ "200 wounded patients a day", "100 people every week": a count per unit of time (not
    "in a day", "a week ago")."""
    lex = lexicon()
    for t in doc[end: end + 4]:
        if not lex.has("rate_articles", t.lower_) or t.i + 1 >= len(doc) or \
                not lex.has("time_units", doc[t.i + 1].lemma_.lower()):
            continue
        after = doc[t.i + 2].lower_ if t.i + 2 < len(doc) else ""
        before = doc[t.i - 1]
        return not lex.has("time_anchors", after) and before.pos_ != "ADP"
    return False


def _one_in(doc: Doc, start: int) -> bool:
    """ "one in four", "1 in 5 of those killed": the second number of a ratio."""
    return start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].like_num


def _ratio(doc: Doc, start: int, end: int) -> bool:
    """ "three civilians for every fighter", "one in every four", "71 deaths per 100,000"."""
    lex = lexicon()
    if start > 0 and lex.has("ratio_words", doc[start - 1].lower_):
        return True
    if rate_follows(doc, end) or _time_rate(doc, end) or _one_in(doc, start):
        return True
    window = [t.lower_ for t in doc[end: end + 5]]
    return any(lex.has("ratio_links", w) and any(lex.has("ratio_words", v)
                                                 for v in window[i + 1: i + 4])
               for i, w in enumerate(window))


def _counts_people(last: Token) -> bool:
    """ "Forty villagers" tagged as a date: a number word counting a person noun is a count
    whatever the entity tagger said (digits keep the tag: "2023 protesters" stays a year)."""
    return last.dep_ == "nummod" and last.is_alpha and last.head.tag_ in ("NNS", "NNPS") \
        and lexicon().is_person(last.head)


def _entity_tokens(token: Token) -> list[Token]:
    """The tokens of the named entity ``token`` is in (none when it is in none), read from the
    IOB tags around it rather than from the Doc's entity list."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return []
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _harm_argument(doc: Doc, start: int, end: int) -> bool:
    """ "injuring 87" tagged as a date, "arrested 43 overnight" as a time: a lone bare number,
    the only number of its entity, that is the object of a harm verb (or a toll's target:
    "climbed past 500") is a count whatever the entity tagger said (a year shape stays a
    year)."""
    last = doc[end - 1]
    entity = _entity_tokens(last)
    alone = bool(entity) and not any(t.like_num for t in entity if t.i != last.i)
    if end != start + 1 or not alone or _YEAR.fullmatch(last.text):
        return False
    if last.dep_ in ("dobj", "nsubjpass"):
        return lexicon().kind("verbs", lemma(last.head)) is not None
    return last.dep_ == "pobj" and _toll_passing(last.head)


def _toll_passing(prep: Token) -> bool:
    """ "the death toll climbed past 500", "put the toll at 27": a toll's verb and its target
    preposition (also one under a moved tally: "bringing the number of troops killed since
    January to 140")."""
    lex = lexicon()
    if not lex.has("toll_target_prepositions", prep.lower_):
        return False
    return any(c.dep_ == "nsubj" and lex.kind("toll_nouns", lemma(c)) or
               c.dep_ == "dobj" and object_tally(c) is not None
               for c in prep.head.children) or object_tally(prep.head) is not None


def _in_name(last: Token) -> bool:
    """ "the Four Tops", "Seven Samurai": a number word inside a proper name of no people."""
    head = last.head
    return last.dep_ in ("compound", "nummod") and last.is_title and \
        not last.is_sent_start and head.pos_ == "PROPN" and head.ent_type_ != "NORP" and \
        not lexicon().is_person(head)


def _age_after_name(number: Token) -> bool:
    """ "John Smith, 45,", "his nephew, 19,": a number in apposition to a name or to one
    person is an age ("the West Bank, 11 of them in Jenin" is a partitive)."""
    head = number.head
    if number.dep_ != "appos" or _partitive(number):
        return False
    return head.pos_ == "PROPN" or head.tag_ == "NN" and lexicon().is_person(head) and \
        not any(c.dep_ == "nummod" for c in head.children)


def _children_count(number: Token) -> bool:
    """ "a mother of two", "father of five": the number of a parent's children; "a boy of
    about seven", "a man of 60": the age of one person (not "a family of four")."""
    prep = number.head
    if number.dep_ != "pobj" or prep.lower_ != "of":
        return False
    owner = prep.head
    lex = lexicon()
    return lex.has("parent_nouns", lemma(owner)) or owner.tag_ == "NN" and \
        lex.is_person(owner) and not lex.has("collective_nouns", lemma(owner)) and \
        not lex.has("group_nouns", lemma(owner))


def _partitive(number: Token) -> bool:
    """ "11 of them", "two of the wounded": a number with its set after "of"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and
               any(o.dep_ == "pobj" for o in c.children) for c in number.children)


def _threshold(doc: Doc, end: int) -> bool:
    """ "deaths of two or more people", "attacks in which four or more are shot": "N or more"
    under a verb in the simple present defines a category; it counts no one."""
    if end + 1 >= len(doc) or doc[end].lower_ != "or" or \
            doc[end + 1].lower_ not in ("more", "fewer", "less"):
        return False
    verb = next((a for a in doc[end - 1].ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and (verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children))


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Money, percentages, ages, dates, ordinals, ratios, names: never a casualty count."""
    first, last = doc[start], doc[end - 1]
    if any(lexicon().has("excluded_entities", doc[i].ent_type_) for i in range(start, end)) \
            and not (_counts_people(last) or _harm_argument(doc, start, end)):
        return True
    if _in_name(last) or _children_count(last) or _age_after_name(last):
        return True
    if _next_to_unit(doc, start, end) or _ratio(doc, start, end) or _threshold(doc, end):
        return True
    if start > 0 and lexicon().has("negators", doc[start - 1].lower_):
        return True
    if _YEAR.fullmatch(first.text) and start + 1 == end:
        return True
    return bool(_ORDINAL.search(last.lower_))


def _parse(doc: Doc, start: int, end: int) -> tuple[int, bool] | None:
    """(value, vague) of a number expression, or None."""
    if end == start + 1 and _vague_quantifier(doc[start]):
        return VAGUE_QUANTIFIER, True
    glued = _glued(doc[start]) if end == start + 1 else None
    ranged = _range_high(doc, start, end)
    end = ranged[0] if ranged else end
    words = [glued[0]] if glued else doc[start:end].text.split()
    if not any(any(ch.isdigit() for ch in w) or w.lower() in NUMBER_WORDS or
               w.lower().split("-")[0] in NUMBER_WORDS for w in words):
        return None
    parsed = parse_number(" ".join(words))
    if parsed is None or parsed.value <= 0:
        return None
    return parsed.value, parsed.vague or vague_scale(doc, start, end)


def vague_scale(doc: Doc, start: int, end: int) -> bool:
    """ "several thousand", "a few hundred": a bare scale word after a vague modifier is an
    amount, not a number (never shown as 1,000)."""
    before = doc[start - 1].lower_ if start > 0 else ""
    return lexicon().has("vague_scale_modifiers", before) and \
        all(t.lower_ in SCALES for t in doc[start:end])


# --- what the number counts ------------------------------------------------------------------

def _counted_noun(anchor: Token) -> tuple[Token | None, bool]:
    """(the noun a number counts, whether it is reached through "of"): "60 Palestinians",
    "dozens of people", "14 of the gunmen"; (None, False) when bare."""
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and \
            head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i > anchor.i:
        return head, False
    if head.i == anchor.i - 1 and head.pos_ == "NOUN" and _event_kind(head):
        return head, False
    of_set = _of_object(anchor) or _fronted_set(anchor)
    return (of_set, True) if of_set is not None else (None, False)


def _of_object(anchor: Token) -> Token | None:
    """ "14 of the gunmen", "dozens among them": the set after "of" or "among"."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (objects[0].pos_ in ("NOUN", "PROPN", "ADJ", "PRON") or
                            _nominal_participle(objects[0])):
                return objects[0]
    return None


def _fronted_set(anchor: Token) -> Token | None:
    """ "Of the deaths, 19 were caused by gunfire, four by beatings": the set a sentence opens
    with, which every bare number subject after it is a part of."""
    if anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    first = anchor.doc[anchor.sent.start]
    objects = [c for c in first.children if c.dep_ == "pobj"]
    if first.lower_ not in ("of", "among") or first.dep_ != "prep" or not objects:
        return None
    end = objects[0].right_edge.i + 1
    comma = end < anchor.i and anchor.doc[end].text == ","
    return objects[0] if comma and _harm_set(objects[0]) else None


def _event_kind(noun: Token) -> str | None:
    """The kind a casualty noun states by itself: "deaths", "injuries", "23 dead"."""
    lex = lexicon()
    word = lemma(noun)
    if lex.kind("nouns", word) and not lex.has("status_nouns", word) and \
            lex.has("people", noun.lower_) is False:
        return lex.kind("nouns", word)
    if (noun.pos_ == "ADJ" or _nominal_participle(noun)) and noun.lower_ != "missing":
        return lex.kind("adjectives", noun.lower_)
    if lex.has("case_nouns", word):
        return next((lex.kind("nouns", lemma(o)) for p in noun.children
                     if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), None)
    return _plain_noun_kind(noun)


def _plain_noun_kind(noun: Token) -> str | None:
    """ "628 kidnappings", "45 disappearances": a plural of an event that happens to one person
    counts the people; else a forced move ("2,400 forced deportations")."""
    if noun.tag_ == "NNS" and lexicon().kind("counted_event_nouns", lemma(noun)):
        return lexicon().kind("counted_event_nouns", lemma(noun))
    return forced_kind(noun) if noun.pos_ == "NOUN" else None


def _nominal_participle(token: Token) -> bool:
    """ "four of the injured" parsed with "injured" a verb: a determined participle used as
    a noun."""
    return token.tag_ == "VBN" and any(c.dep_ == "det" for c in token.children)


def _parenthetical_clauses(noun: Token) -> list[Token]:
    """ "Six people, including two nurses, who were found dead": a relative clause set off by
    a comma after an "including" list is about the whole count, not only the list."""
    found = []
    for prep in noun.children:
        if prep.dep_ != "prep" or not lexicon().has("subset_prepositions", prep.lower_):
            continue
        found += [m for m in prep.subtree if m.dep_ == "relcl" and _after_comma(m.left_edge)]
    return found


def _after_comma(token: Token) -> bool:
    """Whether the word before ``token`` (spaces skipped) is a comma."""
    before = [t for t in token.doc[max(0, token.i - 3): token.i] if not t.is_space]
    return bool(before) and before[-1].text == ","


def _modifier_kind(noun: Token) -> str | None:
    """Participles or adjectives modifying the counted noun: "Palestinians displaced by ...",
    also a verb coordinated with its relative clause's ("people who lived there and were
    displaced")."""
    for child in list(noun.children) + _parenthetical_clauses(noun):
        if child.dep_ in ("acl", "amod", "relcl") and child.i != noun.i:
            shared = shared_subject_kinds(child) if child.dep_ == "relcl" else []
            kind = predicate_kind(child) or weak_kind(child) or (shared[0] if shared else None)
            if kind and (child.dep_ != "amod" or child.i > noun.i or
                         lexicon().kind("adjectives", child.lower_)):
                return kind
    return None


def _small_clause_kind(noun: Token | None) -> str | None:
    """ "left 40 people dead": an adjective right after the counted noun."""
    if noun is None or noun.i + 1 >= len(noun.doc):
        return None
    after = noun.doc[noun.i + 1]
    if after.dep_ == "amod" and after.head.i == noun.i:
        return lexicon().kind("adjectives", after.lower_)
    return None


def _ellipsis_kind(doc: Doc, end: int) -> str | None:
    """ "resulting in 6 killed", "hundreds wounded": the participle right after the number."""
    lex = lexicon()
    number = doc[end - 1]
    while end < len(doc) and (lex.has("additive_words", doc[end].lower_) or
                              doc[end].tag_ == "RB" and doc[end].head.i != number.i):
        end += 1
    if end >= len(doc):
        return None
    after = doc[end]
    if after.tag_ in ("VBN", "VBD") and lex.kind("verbs", lemma(after)):
        return lex.kind("verbs", lemma(after))
    if after.dep_ == "prep" and after.head.i in (number.i, number.head.i):
        return status_phrase(after)
    return lex.kind("adjectives", after.lower_)


def _status_kind(noun: Token) -> str | None:
    """ "120 hostages", "30 detainees": a status noun, unless "former"."""
    lex = lexicon()
    if not lex.has("status_nouns", lemma(noun)):
        return None
    if any(lex.has("former_modifiers", c.lower_) for c in noun.children):
        return None
    return lex.kind("nouns", lemma(noun))


def _blocked_for(predicate: Token | None, kind: str | None) -> bool:
    """Whether ``predicate`` blocks a count of ``kind``: a release never blocks hostages
    ("rescued four hostages": they were held)."""
    return is_blocked(predicate) and not (kind == "hostages" and only_released(predicate))


def _presupposed(noun: Token) -> bool:
    """ "a deal that would bring all 120 hostages home": a definite count of a status noun
    says the people are held now, whatever the clause around it supposes."""
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    words = list(noun.children) + [c for n in numbers for c in n.children]
    return any(c.dep_ in ("det", "predet", "quantmod") and
               lexicon().has("definite_determiners", c.lower_) for c in words)


def _blocks_count(predicate: Token | None, noun: Token | None, via_of: bool) -> bool:
    """Whether ``predicate`` blocks the count of ``noun``. The noun's own participle ("five
    soldiers kidnapped by Hamas") counts as its status; a predicate reached through another
    noun's "of" ("the families of five soldiers kidnapped ... released photos") governs that
    noun, so it blocks nothing the counted noun's own participle states."""
    if noun is None:
        return _blocked_for(predicate, None)
    if _status_kind(noun) and _presupposed(noun):
        return False
    own = _modifier_kind(noun)
    if own and not via_of and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    return _blocked_for(predicate, _status_kind(noun))


def _event_reading(noun: Token) -> Reading:
    lex = lexicon()
    if lex.has("verification_nouns", lemma(noun)) and not verified(noun) and \
            not _verified_partitive(noun):
        return Reading()
    governed = governing(noun)
    kind = _event_kind(noun) or ""
    if _blocked_for(governed.predicate, kind):
        return Reading()
    total = has_tally_modifier(noun) or governed.total or toll_kind(noun) is not None
    return Reading([kind], total)


def _verified_partitive(noun: Token) -> bool:
    """ "17 of the bodies had been identified": the set of a partitive is verified by the
    predicate of the count that takes part of it."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < prep.i and \
        prep.head.like_num and verified(prep.head)


def _own_reading(noun: Token | None) -> Reading | None:
    """A noun that states its kind itself ("deaths"), in a small clause ("40 people dead") or,
    for a pronoun, in its participle ("five of those killed")."""
    if noun is not None and _event_kind(noun):
        return _event_reading(noun)
    participle = _pronoun_participle(noun)
    if participle is not None:
        kind = predicate_kind(participle)
        return Reading([kind]) if kind and not is_blocked(participle) else None
    small_clause = _small_clause_kind(noun)
    if small_clause:
        return Reading([small_clause])
    inverted = inverted_tally_kind(noun) if noun is not None else None
    return Reading([inverted], total=True) if inverted else None


def _pronoun_participle(noun: Token | None) -> Token | None:
    """ "those killed", "those wounded": the participle a pronoun's set is defined by."""
    if noun is None or noun.pos_ != "PRON":
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)


def _reading(anchor: Token, noun: Token | None, via_of: bool, end: int) -> Reading:
    """The kinds of one count, a harm predicate first, then modifiers and status nouns; a
    partitive's own predicate beats the kind of its set ("two of the injured died")."""
    partitive = _partitive_reading(anchor, noun, via_of)
    if partitive is not None:
        return partitive
    own = _own_reading(noun)
    if own is not None:
        return own
    if noun is None and _coordinated_with_complement(anchor):
        return _own_words_reading(anchor, end)
    governed = governing(anchor if noun is None or via_of else noun)
    if _blocks_count(governed.predicate, noun, via_of) or _not_people(noun):
        return _after_block(governed.predicate, noun)
    kinds = _admitted(governed.kinds, noun) or \
        _admitted([k for k in [_fallback_kind(anchor, noun, end)] if k], noun) or \
        _partitive_status(anchor, noun, via_of)
    return Reading(kinds, governed.total,
                   inherit=not kinds and (_pronoun_partitive(noun, via_of) or governed.total))


def _after_block(predicate: Token | None, noun: Token | None) -> Reading:
    """A count of people whose predicate is blocked takes the kind of a verb coordinated with
    it ("two passengers have never been found and are presumed dead")."""
    kind = None if _not_people(noun) else unblocked_conjunct_kind(predicate)
    return Reading([kind]) if kind else Reading()


def _partitive_status(anchor: Token, noun: Token | None, via_of: bool) -> list[str]:
    """ "nine of them in critical condition", "two of whom in custody": a pronoun partitive's
    own status phrase gives its kind."""
    if not _pronoun_partitive(noun, via_of) or not _after_people_count(anchor):
        return []
    return [k for p in anchor.children if p.dep_ == "prep" and p.i > anchor.i
            for k in [status_phrase(p)] if k][:1]


def _after_people_count(anchor: Token) -> bool:
    """Whether the nearest count before ``anchor`` in its sentence counts people ("58 people
    are being treated, nine of them ..."; not "1,500 beds, 600 of them ...")."""
    before = [t for t in anchor.doc[anchor.sent.start: anchor.i]
              if t.like_num and t.dep_ in ("nummod", "compound") and t.head.i > t.i]
    return bool(before) and lexicon().is_person(before[-1].head)


def _partitive_reading(anchor: Token, noun: Token | None, via_of: bool) -> Reading | None:
    """ "two of the injured died": the harm predicate of a partitive, if it has one."""
    if not via_of or noun is None or noun.pos_ == "PRON":
        return None
    governed = governing(anchor)
    kinds = _admitted(harm_first(governed.kinds), noun)
    if kinds and not _blocks_count(governed.predicate, noun, via_of):
        return Reading(kinds, governed.total)
    return None


def _not_people(noun: Token | None) -> bool:
    """Animals, plants, groups and places: "40 sheep", "many fruit trees", "one family",
    "dozens of villages"."""
    return noun is not None and (lexicon().has("animal_nouns", lemma(noun)) or
                                 lexicon().has("plant_nouns", lemma(noun)) or
                                 lexicon().has("group_nouns", lemma(noun)) or
                                 lexicon().has("place_nouns", lemma(noun)))


def _admitted(kinds: list[str], noun: Token | None) -> list[str]:
    """An open-class counted noun is a figure only by killing or wounding; animals and groups
    ("members of one family") never."""
    if _not_people(noun):
        return []
    open_class = _open_class(noun)
    return [k for k in kinds if k in _STRONG or not open_class]


def _own_words_reading(anchor: Token, end: int) -> Reading:
    """The kind a bare number's own following words give ("and dozens wounded"), or none."""
    kind = _fallback_kind(anchor, None, end)
    return Reading([kind] if kind else [])


def _coordinated_with_complement(anchor: Token) -> bool:
    """ "left 200 people dead and millions without heat", "left 8 dead and 2,000 homeless": a
    bare number coordinated with a harm complement, or with its own adjective, says its own
    kind, or none; it never takes the complement's."""
    head = anchor.head
    if anchor.dep_ == "conj" and any(c.dep_ == "amod" and c.i == anchor.i + 1 and
                                     lexicon().kind("adjectives", c.lower_)
                                     for c in anchor.children):
        return True
    return anchor.dep_ == "conj" and head.pos_ == "ADJ" and head.dep_ in COMPLEMENT_DEPS


def _pronoun_partitive(noun: Token | None, via_of: bool) -> bool:
    """ "11 of them", "four of whom"."""
    return via_of and noun is not None and lexicon().has("partitive_pronouns", noun.lower_)


def _open_class(noun: Token | None) -> bool:
    """A counted noun that is neither a listed person noun nor a status noun: only killing
    and wounding make it a figure ("three cousins were shot dead")."""
    lex = lexicon()
    return noun is not None and noun.pos_ != "PRON" and not lex.is_person(noun) and \
        not lex.has("status_nouns", lemma(noun))


def _fallback_kind(anchor: Token, noun: Token | None, end: int) -> str | None:
    """Without a governing harm predicate: the noun's modifiers or status, or the
    participle after a bare number."""
    if noun is None:
        return _ellipsis_kind(anchor.doc, end) or _modifier_kind(anchor) or \
            _labelled_kind(anchor)
    if noun.pos_ == "PRON":
        return None
    return _modifier_kind(noun) or _status_kind(noun) or _restated_kind(noun) or \
        _status_place(noun)


def _labelled_kind(anchor: Token) -> str | None:
    """ "Killed: 23", "Deaths: 45": a bare number after a harm label that opens its sentence
    and a colon (markdown emphasis skipped)."""
    doc = anchor.doc
    index = anchor.left_edge.i - 1
    while index > 0 and doc[index].text.strip("*_") == "":
        index -= 1
    if index < 1 or doc[index].text != ":":
        return None
    index -= 1
    while index > 0 and doc[index].text.strip("*_") == "":
        index -= 1
    label = doc[index]
    opening = doc[anchor.sent.start: label.left_edge.i]
    if any(t.text.strip("*_#") for t in opening):
        return None
    lex = lexicon()
    return lex.kind("nouns", lemma(label)) or lex.kind("adjectives", label.lower_) or \
        toll_kind(label)


def _status_place(noun: Token) -> str | None:
    """ "18 people with gunshot wounds", "40 protesters in custody": a phrase after the
    counted noun that says what happened to them."""
    kind = next((k for p in noun.children if p.dep_ == "prep" and p.i > noun.i
                 for k in [status_phrase(p)] if k), None)
    if kind is None or lexicon().has("status_kinds", kind) or _bears_status(noun):
        return kind
    return None


def _bears_status(noun: Token) -> bool:
    """ "18 people with gunshot wounds were treated", "40 patients in hospital", "treated 18
    people with gunshot wounds": the counted noun stands alone, is the subject of "be"/"remain"
    or of a harm or treatment verb, or the object of a treatment verb (not "two doctors in
    hospital said", "has three players with injuries")."""
    if noun.dep_ == "ROOT":
        return True
    lex = lexicon()
    word = lemma(noun.head)
    if noun.dep_ == "dobj" and lex.has("treatment_verbs", word):
        return True
    if noun.dep_ not in ("nsubj", "nsubjpass", "attr"):
        return False
    return word == "be" or lex.has("remain_verbs", word) or lex.has("treatment_verbs", word) \
        or lex.kind("verbs", word) is not None


def _restated_kind(noun: Token) -> str | None:
    """ "those killed in the floods – more than 300 people": a count in apposition to a set
    defined by a harm clause restates that set."""
    if noun.dep_ != "appos" or noun.head.i == noun.i:
        return None
    return _modifier_kind(noun.head)


# --- subsets -----------------------------------------------------------------------------------

def _among_parent(predicate: Token) -> int | None:
    """ "Among the dead were four children": the set "among" names (an "including" after the
    predicate names a subset of its subject, not a set it is in)."""
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            objects = [c.i for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _parent(anchor: Token, noun: Token | None, via_of: bool) -> int | None:
    """The token of the set this count is a part of, PREVIOUS, or None."""
    lex = lexicon()
    target = noun if noun is not None and not via_of else anchor
    if target.dep_ == "pobj" and lex.has("subset_prepositions", target.head.lower_):
        return target.head.head.i
    if via_of and noun is not None:
        if lex.has("partitive_pronouns", noun.lower_):
            return PREVIOUS
        return noun.i if _harm_set(noun) else None
    if _subset_object(target):
        verb = _conjunct_root(target).head
        subjects = [c.i for c in verb.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects else PREVIOUS
    if target.dep_ in ("attr", "nsubj", "nsubjpass"):
        return _among_parent(target.head)
    return _bracketed_parent(target)


def _harm_set(noun: Token) -> bool:
    """ "of the 20 miners", "of the dead", "of the hostages", "of the victims": a set counted or
    defined by harm, which a partitive is part of (not "two of his aides")."""
    lex = lexicon()
    return any(c.dep_ == "nummod" for c in noun.children) or _event_kind(noun) is not None or \
        lex.has("status_nouns", lemma(noun)) or lex.has("victim_nouns", lemma(noun)) or \
        _modifier_kind(noun) is not None


def _bracketed_parent(target: Token) -> int | None:
    """ "killing 4 Palestinians (a woman and 3 children)": the appositive list is a part."""
    while target.dep_ == "conj" and target.head.i != target.i:
        target = target.head
    if target.dep_ == "appos" and target.head.tag_ in ("NNS", "NNPS"):
        return target.head.i
    return None


def _additive(doc: Doc, start: int, end: int, noun: Token | None) -> bool:
    """ "another 12", "5 more Palestinians", "two other citizens": a count added to others."""
    lex = lexicon()
    near = [doc[start - 1]] if start > 0 else []
    near += list(doc[end: end + 1]) + (list(noun.children) if noun is not None else [])
    return any(lex.has("additive_words", t.lower_) for t in near)


def _definite(doc: Doc, start: int, noun: Token | None) -> bool:
    before = doc[start - 1].lower_ if start > 0 else ""
    return before in ("the", "these", "those") and noun is not None


# --- figures -----------------------------------------------------------------------------------

def _hedge(doc: Doc, sent: Span, start: int) -> tuple[str | None, str | None, int]:
    """(normalised qualifier, bound type, new start token) from words before the number."""
    prefix_start = max(sent.start, start - 4)
    prefix = doc[prefix_start:start].text if start > prefix_start else ""
    found = lexicon().hedge_pattern.search(prefix)
    if not found:
        return None, None, start
    phrase = re.sub(r"\s+", " ", found[1].lower())
    bound = dict(lexicon().hedges)[phrase]
    begin = doc[prefix_start].idx + found.start(1)
    token_start = start
    while token_start > prefix_start and doc[token_start - 1].idx >= begin:
        token_start -= 1
    return phrase, bound, token_start


def _bounds(value: int, vague: bool, bound: str | None) -> tuple[int | None, int | None]:
    if bound == "low" or (vague and bound is None):
        return value, None
    if bound == "high":
        return None, value
    if bound is None:
        return value, value
    return None, None


def _event_group(noun: Token, number_end: int) -> str | None:
    """ "deaths of 3 firefighters" → firefighters; "Palestinian deaths" → Palestinian."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and lexicon().is_person(objects[0]):
                return _group(objects[0], number_end)
    modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and
                 c.ent_type_ == "NORP"]
    return modifiers[0].text if modifiers else None


def _group(noun: Token | None, number_end: int) -> str | None:
    """The victims as written: the counted noun with its compound and adjective modifiers."""
    if noun is None or noun.pos_ == "PRON":
        return None
    lex = lexicon()
    if lex.kind("nouns", lemma(noun)) and not lex.has("people", noun.lower_):
        return _event_group(noun, number_end)
    if not lex.is_person(noun):
        return None
    keep = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and
            c.i >= number_end and not c.like_num and not lex.kind("adjectives", c.lower_)
            and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    start = min([noun.i] + [c.i for c in keep])
    return noun.doc[start: noun.i + 1].text


@dataclass
class _Sentence:
    """One sentence (cut at paragraph breaks) and where it is."""

    span: Span
    paragraph: int
    number: int
    found: list[Candidate] = field(default_factory=list)
    before: Candidate | None = None
    """The last figure of the sentences before it in its paragraph."""

    @cached_property
    def text(self) -> str:
        """The sentence's text (computed once, however many numbers it holds)."""
        return self.span.text.strip()

    @cached_property
    def cumulative(self) -> bool:
        """Whether the sentence speaks of a running total."""
        return is_cumulative(self.text)

    def text_near(self, char: int) -> str:
        """The sentence as stored with a figure: whole, unless it is a run-away "sentence"
        (a list or a dump), then a window of it around the figure."""
        if len(self.text) <= SENTENCE_CHARS:
            return self.text
        offset = max(0, char - self.span.start_char - SENTENCE_CHARS // 2)
        return "…" + self.text[offset: offset + SENTENCE_CHARS].strip() + "…"


def _set_off(doc: Doc, start: int) -> bool:
    """ "11 child deaths this year – six in the first half of this month": a bare number set
    off by a dash, bracket or comma after a figure restricts that figure."""
    return start > 0 and lexicon().has("set_off_marks", doc[start - 1].text)


def _still_held(sentence: _Sentence, anchor: Token) -> bool:
    """ "... abducting some 250. About 110 remain in Gaza": a bare number that remains after a
    count of people held, missing or displaced is still in that state."""
    earlier = sentence.found[-1] if sentence.found else sentence.before
    return anchor.dep_ == "nsubj" and lexicon().has("remain_verbs", lemma(anchor.head)) and \
        earlier is not None and lexicon().has("status_kinds", earlier.figure.kind) and \
        _held_complement(anchor.head)


def _held_complement(verb: Token) -> bool:
    """ "remain in custody", "remain missing", "remain hostages", "remain in Gaza": what they
    remain says they are still held, missing or away (never "remain free", "at large",
    "in the league")."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ == "prep" and _held_place(child):
            return True
        if child.dep_ in COMPLEMENT_DEPS + ("attr",) and lex.has("status_kinds", (
                lex.kind("adjectives", child.lower_) or lex.kind("verbs", lemma(child)) or
                lex.kind("captivity_complements", child.lower_) or "")):
            return True
    return False


def _held_place(prep: Token) -> bool:
    """ "in custody", "behind bars", "in Gaza", "in the forest" (not "in the league")."""
    lex = lexicon()
    if lex.has("status_kinds", status_phrase(prep) or ""):
        return True
    return lex.has("held_places", prep.lower_) and any(
        o.dep_ == "pobj" and (o.ent_type_ in PLACE_ENTITIES or lex.has("holding_places", lemma(o)))
        for o in prep.children)


def _parallel(sentence: _Sentence, anchor: Token, reading: Reading, parent: int | None
              ) -> tuple[Reading, int | None]:
    """ "Eight of the dead were women and five were children": a bare number subject of a
    clause coordinated with one whose subject is a figure counts the same set."""
    verb = anchor.head
    if anchor.dep_ != "nsubj" or lemma(verb) != "be" or verb.dep_ != "conj" or \
            verb.head.i == verb.i:
        return reading, parent
    subjects = {c.i for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    owner = next((c for c in sentence.found if c.tokens & subjects), None)
    if owner is None:
        return reading, parent
    counted = any(owner.parent in c.tokens for c in sentence.found)
    return replace(reading, kinds=[owner.figure.kind]), owner.parent if counted else None


def _conjunct_root(target: Token) -> Token:
    """The first member of the coordination or apposition ``target`` is in."""
    while target.dep_ in ("conj", "appos") and target.head.i != target.i:
        target = target.head
    return target


def _subset_object(target: Token) -> bool:
    """ "The four suspects detained include the owner and two nationals": an object (or one
    of the coordinated objects) of a subset verb."""
    target = _conjunct_root(target)
    return target.dep_ == "dobj" and lexicon().has("subset_verbs", lemma(target.head))


def _owner_kinds(sentence: _Sentence, parent: int | None) -> list[str]:
    """The kind of the figure in this sentence that holds token ``parent`` (a subset's set)."""
    owner = next((c for c in sentence.found if parent is not None and parent in c.tokens),
                 None)
    return [owner.figure.kind] if owner is not None else []


def _inherited(sentence: _Sentence, reading: Reading, parent: int | None, across: bool
               ) -> tuple[list[str], int | None]:
    """ "23 deaths, 11 of them in the north": a partitive without its own predicate, or a
    total without its own kind, takes the kind of the figure before it in the sentence, or, for
    a pronoun's ("of them"), in the paragraph ("... received 58 bodies. Many of them were
    homeless")."""
    earlier = sentence.found[-1] if sentence.found else sentence.before if across else None
    if not reading.inherit or earlier is None:
        return reading.kinds, parent
    kinds = [earlier.figure.kind]
    return kinds, PREVIOUS if parent is None and not reading.total and not reading.separate \
        else parent


def _named_member(anchor: Token, value: int) -> bool:
    """ "Smith is one of the hostages", "Lee became one of 12 detainees": the "one" is a named
    person, and a person known only by name is not a figure."""
    if value != 1 or anchor.dep_ != "attr":
        return False
    subjects = [c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    return subjects[0].pos_ == "PROPN" or subjects[0].text in person_names(anchor.doc)


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The token of a number expression that attaches it to the rest of the sentence."""
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    return outside[-1] if outside else doc[end - 1]


@dataclass(frozen=True)
class _Count:
    """What one number expression counts: its anchor, its noun, its kinds and its set."""

    anchor: Token
    noun: Token | None
    via_of: bool
    kinds: list[str]
    parent: int | None
    total: bool


def _count(sentence: _Sentence, start: int, end: int, anchor: Token) -> _Count:
    """The kinds and set of the count a number expression anchored at ``anchor`` states: its
    own reading, else a set-off partitive's, a subset object's or a parallel clause's."""
    noun, via_of = _counted_noun(anchor)
    reading = _reading(anchor, noun, via_of, end)
    parent = _parent(anchor, noun, via_of)
    across = _pronoun_partitive(noun, via_of) and (
        anchor.dep_ == "nsubj" and lemma(anchor.head) == "be" or
        anchor.dep_ in ("ROOT", "appos", "npadvmod", "dep") and
        not any(t.pos_ == "VERB" for t in anchor.subtree))
    if not reading.kinds:
        reading, parent, held = _elliptical(sentence, start, anchor, noun, via_of, reading,
                                            parent)
        across = across or held
    kinds, parent = _inherited(sentence, reading, parent, across)
    if kinds and any(c.dep_ == "advmod" and lexicon().has("fatal_adverbs", c.lower_)
                     for c in anchor.children):
        kinds = ["killed"]
    return _Count(anchor, noun, via_of, kinds, parent, reading.total)


def _introduced_subset(sentence: _Sentence, start: int, noun: Token | None, via_of: bool
                       ) -> str | None:
    """ "350 inmates were killed, including 79 in one riot", "18 bodies were recovered, among
    them four children": a count of people (or a bare number) right after a subset word,
    following a figure in the same sentence, is a part of it of its kind ("subset"); after a
    comparison ("102 deaths, compared with 130 a year before", "up from 12") it is a count of
    the same kind ("comparison"; not "down from", often a revised count)."""
    if not sentence.found or via_of or noun is not None and not lexicon().is_person(noun):
        return None
    doc = sentence.span.doc
    first = _hedge(doc, sentence.span, start)[2]
    if not _next_count(sentence, first):
        return None
    lex = lexicon()
    before = [t.lower_ for t in doc[max(sentence.span.start, first - 2): first]]
    if before and lex.has("subset_prepositions", before[-1]) or len(before) == 2 and \
            before[0] == "among" and lex.has("partitive_pronouns", before[1]):
        return "subset"
    return "comparison" if " ".join(before) in _COMPARISONS else None


def _next_count(sentence: _Sentence, first: int) -> bool:
    """Whether the number starting at token ``first`` is the first count after the last
    figure found in its sentence (dates between them aside)."""
    doc = sentence.span.doc
    last = max(sentence.found[-1].tokens)
    return last < first and not any(t.like_num and t.ent_type_ not in ("DATE", "TIME")
                                    for t in doc[last + 1: first])


_COMPARISONS = ("compared with", "compared to", "up from", "against", "versus")


def _introduced(sentence: _Sentence, start: int, noun: Token | None, via_of: bool,
                reading: Reading, parent: int | None) -> tuple[Reading, int | None]:
    """The reading and set of a count introduced as a subset or a comparison."""
    introduced = _introduced_subset(sentence, start, noun, via_of)
    if not introduced:
        return reading, parent
    if introduced == "comparison":
        return replace(reading, inherit=True, separate=True), None
    found = any(parent in c.tokens for c in sentence.found)
    return replace(reading, inherit=True), parent if found else PREVIOUS


def _elliptical(sentence: _Sentence, start: int, anchor: Token, noun: Token | None,
                via_of: bool, reading: Reading, parent: int | None
                ) -> tuple[Reading, int | None, bool]:
    """A count with no kind of its own: set off after a figure ("23 deaths – 11 in the
    north"), the object of a subset verb, the subject of a parallel clause, or what remains
    of people held; and whether it may take the kind of a figure in an earlier sentence."""
    if noun is None and _set_off(sentence.span.doc, start):
        reading = replace(reading, inherit=True)
    reading, parent = _introduced(sentence, start, noun, via_of, reading, parent)
    if _subset_object(noun if noun is not None and not via_of else anchor):
        reading = replace(reading, kinds=_owner_kinds(sentence, parent))
    if not reading.kinds and (noun is None or via_of):
        reading, parent = _parallel(sentence, anchor, reading, parent)
    held = not reading.kinds and noun is None and (
        _still_held(sentence, anchor) or _remaining_dead(sentence, anchor))
    return (replace(reading, inherit=True) if held else reading), parent, held


def _remaining_dead(sentence: _Sentence, anchor: Token) -> bool:
    """ "Eighteen bodies were recovered. The other nine were brought up later", "the
    remaining two will be identified": a bare number determined by "the" and a remainder word,
    the subject of a body verb, counts the rest of the dead counted before it (never "found
    alive")."""
    earlier = sentence.found[-1] if sentence.found else sentence.before
    lex = lexicon()
    return anchor.dep_ in ("nsubj", "nsubjpass") and earlier is not None and \
        earlier.figure.kind == "killed" and lex.has("body_verbs", lemma(anchor.head)) and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in anchor.children) and \
        any(c.dep_ == "amod" and lex.has("remainder_words", c.lower_) for c in anchor.children) \
        and not any(c.dep_ in COMPLEMENT_DEPS and lex.has("safe_complements", c.lower_)
                    for c in anchor.head.children)


def _number_candidates(sentence: _Sentence, start: int, end: int) -> list[Candidate]:
    """The figures one number expression gives: none, or one per kind it is tied to."""
    doc = sentence.span.doc
    parsed = None if _excluded(doc, start, end) else _parse(doc, start, end)
    if parsed is None:
        return []
    anchor = _anchor(doc, start, end)
    if _named_member(anchor, parsed[0]):
        return []
    count = _count(sentence, start, end, anchor)
    if not count.kinds:
        return []
    noun = count.noun
    value, vague = parsed
    qualifier, bound, hedge_start = _hedge(doc, sentence.span, start)
    low, high = _bounds(value, vague, bound)
    ranged = _range_high(doc, start, end)
    if ranged is not None:
        low, high = value, ranged[1]
    glued = _glued(doc[start]) if end == start + 1 else None
    figure = CasualtyFigure(
        kind="", value=value, low=low, high=high, qualifier=qualifier, vague=vague,
        group=glued[1] if glued else _group(noun, end), source=None,
        cumulative=sentence.cumulative or count.total, sentence=sentence.text_near(doc[start].idx),
        start=doc[hedge_start].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
        sent=sentence.number)
    same = [c.i for c in anchor.children if c.dep_ == "appos"] if value == 1 else []
    tokens = frozenset([anchor.i] + same +
                       ([noun.i] if noun is not None and not count.via_of else []))
    return [Candidate(replace(figure, kind=kind), sentence.paragraph, sentence.number, tokens,
                      parent=count.parent, total=count.total,
                      definite=_definite(doc, hedge_start, noun),
                      additive=_additive(doc, hedge_start, end, noun))
            for kind in count.kinds]


def _single_candidates(sentence: _Sentence, single: Single) -> list[Candidate]:
    doc = sentence.span.doc
    text = sentence.span.text.strip()
    words = [t for t in doc[single.first.i: single.head.i + 1]
             if t.dep_ not in ("det", "poss") or t.i == single.head.i]
    group = None if single.head.pos_ == "PRON" else doc[words[0].i: single.head.i + 1].text
    figure = CasualtyFigure(
        kind="", value=single.count, low=single.count, high=single.count, qualifier=None,
        vague=False, group=group if single.count == 1 else None, source=None,
        cumulative=False, sentence=text, start=single.first.idx,
        end=single.last.idx + len(single.last.text), sent=sentence.number)
    tokens = frozenset(range(single.first.i, single.last.i + 1))
    return [Candidate(replace(figure, kind=kind), sentence.paragraph, sentence.number, tokens,
                      parent=single.parent, definite=single.definite, single=True)
            for kind in single.kinds]


def _kin(member: Token) -> bool:
    """ "his two sons", "two of her children": people named by their tie to someone."""
    return bool(possessed_nouns(member, lambda _, owner: owner.pos_ == "PRON")) or \
        _shared_owner(member)


def _shared_owner(member: Token) -> bool:
    """ "whose wife and two sons", "his wife and three children": a possessive pronoun before
    the first conjunct owns a conjunct with no determiner of its own."""
    return member.dep_ == "conj" and \
        not any(c.dep_ in ("det", "poss") for c in member.children) and \
        any(c.dep_ == "poss" and c.tag_ in ("PRP$", "WP$") for c in member.head.children)


def _merge_families(sentence: _Sentence) -> None:
    """ "a man and his two sons were killed", "a woman and two of her children died": a single
    victim coordinated with a count of their kin is one figure of them all (as "a father and
    his daughter" is one of 2)."""
    doc = sentence.span.doc
    for single in [c for c in sentence.found if c.single]:
        members = [m for t in single.tokens for m in doc[t].children if m.dep_ == "conj"]
        for member in members:
            kin = _kin_count(sentence, single, member)
            if kin is not None:
                _absorb(single, kin, member)
                sentence.found.remove(kin)


def _kin_count(sentence: _Sentence, single: Candidate, member: Token) -> Candidate | None:
    """The count of ``member``, kin coordinated with a single victim, of the same kind."""
    if not _kin(member):
        return None
    return next((c for c in sentence.found if member.i in c.tokens and not c.single and
                 c.figure.kind == single.figure.kind and not c.figure.vague), None)


def _absorb(single: Candidate, kin: Candidate, member: Token) -> None:
    """Add the count of a single victim's kin to the single's figure."""
    figure = single.figure
    value = figure.value + kin.figure.value
    single.figure = replace(figure, value=value, low=value, high=value, group=None,
                            end=max(figure.end, kin.figure.end, member.idx + len(member.text)))
    single.tokens = single.tokens | kin.tokens


def _sentence_figures(sentence: _Sentence, antecedents: Antecedents) -> list[Candidate]:
    for start, end in _number_phrases(sentence.span):
        sentence.found += _number_candidates(sentence, start, end)
    taken = {i for c in sentence.found for i in c.tokens}
    for single in single_victims(sentence.span, taken, antecedents):
        sentence.found += _single_candidates(sentence, single)
    _merge_families(sentence)
    if sentence.found:
        source = sentence_source(sentence.span) or next_sentence_source(sentence.span)
        for candidate in sentence.found:
            candidate.figure = replace(candidate.figure, source=source)
    return sentence.found


def _segments(doc: Doc, context: ExtractContext) -> Iterator[_Sentence]:
    """Sentences cut at paragraph breaks ("\\n\\n"), with their paragraph number."""
    paragraph = 0
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n\n" in token.text:
                if token.i > start:
                    yield _Sentence(doc[start:token.i], paragraph, context.sentence_of[start])
                paragraph += 1
                start = token.i + 1
        if start < sent.end:
            yield _Sentence(doc[start:sent.end], paragraph, context.sentence_of[start])


def casualty_figures(doc: Doc, *, context: ExtractContext) -> list[CasualtyFigure]:
    """Every casualty figure in a parsed Doc, in text order, with subsets and restatements
    linked. Nothing without a dependency parse (a pipeline with no parser)."""
    if not doc.has_annotation("DEP"):
        return []
    candidates: list[Candidate] = []
    antecedents = Antecedents()
    for sentence in _segments(doc, context):
        last = candidates[-1] if candidates else None
        sentence.before = last if last is not None and last.paragraph == sentence.paragraph \
            else None
        candidates += _sentence_figures(sentence, antecedents)
    return [_with_side(doc, figure, context) for figure in link_figures(candidates)]


def _with_side(doc: Doc, figure: CasualtyFigure, context: ExtractContext) -> CasualtyFigure:
    """The figure with its victims' side and the area of the harm (`rafah.extract.sides`)."""
    side, area = figure_side(doc, figure.start, figure.end)
    return replace(figure, side=side, area=area)
