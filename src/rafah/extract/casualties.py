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
    has_tally_modifier,
    is_blocked,
    lemma,
    only_released,
    predicate_kind,
    toll_kind,
    verified,
    weak_kind,
)
from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.casualty_links import Candidate, link_figures
from rafah.extract.casualty_singles import Antecedents, Single, single_victims
from rafah.extract.casualty_sources import is_cumulative, next_sentence_source, sentence_source
from rafah.extract.numbers import NUMBER_WORDS, SCALES, VAGUE, VAGUE_QUANTIFIER, parse_number
from rafah.extract.sides import figure_side
from rafah.records import CasualtyFigure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

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


# --- number expressions ----------------------------------------------------------------------

def _glued(token: Token) -> tuple[str, str] | None:
    """ "4people" → ("4", "people") when the letters are a person noun."""
    found = _GLUED.match(token.text)
    if not found or not lexicon().has("people", found[2].lower().rstrip("s")) and \
            not lexicon().has("people", found[2].lower()):
        return None
    return found[1], found[2]


def _vague_quantifier(token: Token) -> bool:
    """ "so many lives", "too many": a quantifier stressed as an amount; bare "many" is not."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return lexicon().has("vague_quantifiers", token.lower_) and \
        lexicon().has("vague_degree_words", before)


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
                and tokens[end + 1].lower_ in VAGUE:
            end += 2
        else:
            break
    return end


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
        end = _phrase_end(tokens, index + 1)
        yield tokens[start].i, tokens[end - 1].i + 1
        index = end


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


def _ratio(doc: Doc, start: int, end: int) -> bool:
    """ "three civilians for every fighter", "one in every four", "71 deaths per 100,000"."""
    lex = lexicon()
    if start > 0 and lex.has("ratio_words", doc[start - 1].lower_):
        return True
    if rate_follows(doc, end):
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


def _harm_argument(doc: Doc, start: int, end: int) -> bool:
    """ "injuring 87" tagged as a date, "arrested 43 overnight" as a time: a lone bare number,
    the only number of its entity, that is the object of a harm verb (or a toll's target:
    "climbed past 500") is a count whatever the entity tagger said (a year shape stays a
    year)."""
    last = doc[end - 1]
    entity = next((e for e in doc.ents if e.start <= last.i < e.end), None)
    alone = entity is not None and not any(t.like_num for t in entity if t.i != last.i)
    if end != start + 1 or not alone or _YEAR.fullmatch(last.text):
        return False
    if last.dep_ in ("dobj", "nsubjpass"):
        return lexicon().kind("verbs", lemma(last.head)) is not None
    return last.dep_ == "pobj" and _toll_passing(last.head)


def _toll_passing(prep: Token) -> bool:
    """ "the death toll climbed past 500": a toll's verb and its target preposition."""
    lex = lexicon()
    return lex.has("toll_target_prepositions", prep.lower_) and any(
        c.dep_ == "nsubj" and lex.kind("toll_nouns", lemma(c)) for c in prep.head.children)


def _in_name(last: Token) -> bool:
    """ "the Four Tops", "Seven Samurai": a number word inside a proper name of no people."""
    head = last.head
    return last.dep_ in ("compound", "nummod") and last.is_title and \
        not last.is_sent_start and head.pos_ == "PROPN" and head.ent_type_ != "NORP" and \
        not lexicon().is_person(head)


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Money, percentages, ages, dates, ordinals, ratios, names: never a casualty count."""
    first, last = doc[start], doc[end - 1]
    if any(lexicon().has("excluded_entities", doc[i].ent_type_) for i in range(start, end)) \
            and not (_counts_people(last) or _harm_argument(doc, start, end)):
        return True
    if _in_name(last):
        return True
    if _next_to_unit(doc, start, end) or _ratio(doc, start, end):
        return True
    if start > 0 and lexicon().has("negators", doc[start - 1].lower_):
        return True
    if last.dep_ == "appos" and last.head.pos_ == "PROPN":
        return True
    if _YEAR.fullmatch(first.text) and start + 1 == end:
        return True
    return bool(_ORDINAL.search(last.lower_))


def _parse(doc: Doc, start: int, end: int) -> tuple[int, bool] | None:
    """(value, vague) of a number expression, or None."""
    if end == start + 1 and _vague_quantifier(doc[start]):
        return VAGUE_QUANTIFIER, True
    glued = _glued(doc[start]) if end == start + 1 else None
    words = [glued[0]] if glued else [t.text for t in doc[start:end]]
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
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
                return objects[0], True
    return None, False


def _event_kind(noun: Token) -> str | None:
    """The kind a casualty noun states by itself: "deaths", "injuries", "23 dead"."""
    lex = lexicon()
    word = lemma(noun)
    if lex.kind("nouns", word) and not lex.has("status_nouns", word) and \
            lex.has("people", noun.lower_) is False:
        return lex.kind("nouns", word)
    if noun.pos_ == "ADJ" and noun.lower_ != "missing":
        return lex.kind("adjectives", noun.lower_)
    return forced_kind(noun) if noun.pos_ == "NOUN" else None


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
    """Participles or adjectives modifying the counted noun: "Palestinians displaced by ..."."""
    for child in list(noun.children) + _parenthetical_clauses(noun):
        if child.dep_ in ("acl", "amod", "relcl") and child.i != noun.i:
            kind = predicate_kind(child) or weak_kind(child)
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
    while end < len(doc) and lex.has("additive_words", doc[end].lower_):
        end += 1
    if end >= len(doc):
        return None
    after = doc[end]
    if after.tag_ in ("VBN", "VBD") and lex.kind("verbs", lemma(after)):
        return lex.kind("verbs", lemma(after))
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
    if lex.has("verification_nouns", lemma(noun)) and not verified(noun):
        return Reading()
    governed = governing(noun)
    kind = _event_kind(noun) or ""
    if _blocked_for(governed.predicate, kind):
        return Reading()
    total = has_tally_modifier(noun) or governed.total or toll_kind(noun) is not None
    return Reading([kind], total)


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
    return Reading([small_clause]) if small_clause else None


def _pronoun_participle(noun: Token | None) -> Token | None:
    """ "those killed", "those wounded": the participle a pronoun's set is defined by."""
    if noun is None or noun.pos_ != "PRON":
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)


def _reading(anchor: Token, noun: Token | None, via_of: bool, end: int) -> Reading:
    """The kinds of one count, a harm predicate first, then modifiers and status nouns."""
    own = _own_reading(noun)
    if own is not None:
        return own
    if noun is None and _coordinated_with_complement(anchor):
        return _own_words_reading(anchor, end)
    governed = governing(anchor if noun is None or via_of else noun)
    if _blocks_count(governed.predicate, noun, via_of) or _not_people(noun):
        return Reading()
    kinds = _admitted(governed.kinds, noun) or \
        _admitted([k for k in [_fallback_kind(anchor, noun, end)] if k], noun)
    return Reading(kinds, governed.total,
                   inherit=not kinds and (_pronoun_partitive(noun, via_of) or governed.total))


def _not_people(noun: Token | None) -> bool:
    """Animals and groups: "40 sheep", "one family"."""
    return noun is not None and (lexicon().has("animal_nouns", lemma(noun)) or
                                 lexicon().has("group_nouns", lemma(noun)))


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
    """ "left 200 people dead and millions without heat": a bare number coordinated with a
    harm complement says its own kind, or none; it never takes the complement's."""
    head = anchor.head
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
        return _ellipsis_kind(anchor.doc, end) or _modifier_kind(anchor)
    if noun.pos_ == "PRON":
        return None
    return _modifier_kind(noun) or _status_kind(noun) or _restated_kind(noun)


def _restated_kind(noun: Token) -> str | None:
    """ "those killed in the floods – more than 300 people": a count in apposition to a set
    defined by a harm clause restates that set."""
    if noun.dep_ != "appos" or noun.head.i == noun.i:
        return None
    return _modifier_kind(noun.head)


# --- subsets -----------------------------------------------------------------------------------

def _among_parent(predicate: Token) -> int | None:
    for child in predicate.children:
        if child.dep_ == "prep" and lexicon().has("subset_prepositions", child.lower_):
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
        return PREVIOUS if lex.has("partitive_pronouns", noun.lower_) else noun.i
    if target.dep_ == "dobj" and lex.has("subset_verbs", lemma(target.head)):
        subjects = [c.i for c in target.head.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects else PREVIOUS
    if target.dep_ in ("attr", "nsubj", "nsubjpass"):
        return _among_parent(target.head)
    return _bracketed_parent(target)


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


def _inherited(sentence: _Sentence, reading: Reading, parent: int | None
               ) -> tuple[list[str], int | None]:
    """ "23 deaths, 11 of them in the north": a partitive without its own predicate, or a
    total without its own kind, takes the kind of the figure before it in the sentence."""
    if not (reading.inherit and sentence.found):
        return reading.kinds, parent
    kinds = [sentence.found[-1].figure.kind]
    return kinds, PREVIOUS if parent is None and not reading.total else parent


def _named_member(anchor: Token, value: int) -> bool:
    """ "Smith is one of the hostages", "Lee became one of 12 detainees": the "one" is a named
    person, and a person known only by name is not a figure."""
    if value != 1 or anchor.dep_ != "attr":
        return False
    subjects = [c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    names = {e[-1].text for e in anchor.doc.ents if e.label_ == "PERSON"}
    return subjects[0].pos_ == "PROPN" or subjects[0].text in names


def _anchor(doc: Doc, start: int, end: int) -> Token:
    """The token of a number expression that attaches it to the rest of the sentence."""
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    return outside[-1] if outside else doc[end - 1]


def _number_candidates(sentence: _Sentence, start: int, end: int) -> list[Candidate]:
    """The figures one number expression gives: none, or one per kind it is tied to."""
    doc = sentence.span.doc
    parsed = None if _excluded(doc, start, end) else _parse(doc, start, end)
    if parsed is None:
        return []
    anchor = _anchor(doc, start, end)
    if _named_member(anchor, parsed[0]):
        return []
    noun, via_of = _counted_noun(anchor)
    reading = _reading(anchor, noun, via_of, end)
    if not reading.kinds and noun is None and _set_off(doc, start):
        reading = replace(reading, inherit=True)
    kinds, parent = _inherited(sentence, reading, _parent(anchor, noun, via_of))
    if not kinds:
        return []
    value, vague = parsed
    qualifier, bound, hedge_start = _hedge(doc, sentence.span, start)
    low, high = _bounds(value, vague, bound)
    text = sentence.text_near(doc[start].idx)
    glued = _glued(doc[start]) if end == start + 1 else None
    figure = CasualtyFigure(
        kind="", value=value, low=low, high=high, qualifier=qualifier, vague=vague,
        group=glued[1] if glued else _group(noun, end), source=None,
        cumulative=sentence.cumulative or reading.total, sentence=text,
        start=doc[hedge_start].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
        sent=sentence.number)
    tokens = frozenset([anchor.i] + ([noun.i] if noun is not None and not via_of else []))
    return [Candidate(replace(figure, kind=kind), sentence.paragraph, sentence.number, tokens,
                      parent=parent, total=reading.total,
                      definite=_definite(doc, hedge_start, noun),
                      additive=_additive(doc, hedge_start, end, noun))
            for kind in kinds]


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


def _sentence_figures(sentence: _Sentence, antecedents: Antecedents) -> list[Candidate]:
    for start, end in _number_phrases(sentence.span):
        sentence.found += _number_candidates(sentence, start, end)
    taken = {i for c in sentence.found for i in c.tokens}
    for single in single_victims(sentence.span, taken, antecedents):
        sentence.found += _single_candidates(sentence, single)
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
        candidates += _sentence_figures(sentence, antecedents)
    return [_with_side(doc, figure, context) for figure in link_figures(candidates)]


def _with_side(doc: Doc, figure: CasualtyFigure, context: ExtractContext) -> CasualtyFigure:
    """The figure with its victims' side and the area of the harm (`rafah.extract.sides`)."""
    side, area = figure_side(doc, figure.start, figure.end)
    return replace(figure, side=side, area=area)
