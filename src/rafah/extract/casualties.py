"""Casualty figures: counts of people killed, injured, displaced, missing, held or detained.

A pure function over a parsed spaCy Doc. A number becomes a figure only when the dependency
parse ties it to a casualty predicate: a casualty noun it counts ("31,000 deaths"), a verb whose
object or subject it counts ("killed 60 Palestinians", "60 Palestinians were killed"), an
adjective ("six people are dead"), or a toll ("the death toll rose to 31,184"). Money, ages,
dates, percentages, ordinals and counts of things are never figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from rafah.dates import MONTHS
from rafah.extract.numbers import NUMBER_WORDS, VAGUE, parse_number
from rafah.records import CasualtyFigure
from rafah.resources import json_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from rafah.extract.context import ExtractContext

_EXCLUDED_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_CURRENCY = {"$", "€", "£", "¥", "us$", "usd", "eur", "gbp", "dollars", "dollar", "euros",
             "euro", "pounds", "shekels", "shekel", "nis", "rupees", "yuan", "francs"}
_PERCENT = {"%", "percent", "per", "pct"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "which", "who"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True)
class Lexicon:
    """Trigger words and cues, loaded from data/casualty_lexicon.json."""

    verbs: dict[str, str]
    weak_verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    people: frozenset[str]
    hedges: tuple[tuple[str, str], ...]
    reporting_verbs: frozenset[str]
    authority_nouns: frozenset[str]
    cumulative: tuple[re.Pattern[str], ...]
    hedge_pattern: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The shipped casualty lexicon."""
    data = json_data("casualty_lexicon.json")
    hedges = ([(h, "low") for h in data["hedges_low"]] + [(h, "high") for h in data["hedges_high"]]
              + [(h, "neutral") for h in data["hedges_neutral"]])
    hedges.sort(key=lambda pair: len(pair[0]), reverse=True)
    alternatives = "|".join(re.escape(h) for h, _ in hedges)
    return Lexicon(
        verbs=data["verbs"], weak_verbs=data["weak_verbs"], nouns=data["nouns"],
        adjectives=data["adjectives"], people=frozenset(data["people"]),
        hedges=tuple(hedges), reporting_verbs=frozenset(data["reporting_verbs"]),
        authority_nouns=frozenset(data["authority_nouns"]),
        cumulative=tuple(re.compile(p, re.I) for p in data["cumulative_patterns"]),
        hedge_pattern=re.compile(rf"(?:^|[\s(\u2014-])({alternatives})\s*$", re.I),
    )


def _is_number_word(token: Token) -> bool:
    lower = token.lower_
    return (token.like_num and not token.is_punct) or lower in VAGUE or lower in ("dozen",)


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
                token.lower_ in ("dozen", "million", "thousand", "hundred"):
            start = index - 1
        end = index + 1
        while end < len(tokens):
            lower = tokens[end].lower_
            if lower in ("million", "thousand", "hundred", "billion", "dozen") or (
                    _is_number_word(tokens[end]) and tokens[end - 1].lower_ != "," and
                    not tokens[end].text[:1].isdigit()):
                end += 1
            elif lower == "of" and end + 1 < len(tokens) and tokens[end - 1].lower_ in VAGUE \
                    and tokens[end + 1].lower_ in VAGUE:
                end += 2
            else:
                break
        yield tokens[start].i, tokens[end - 1].i + 1
        index = end


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Money, percentages, ages, dates, ordinals: never a casualty count."""
    first, last = doc[start], doc[end - 1]
    if any(doc[i].ent_type_ in _EXCLUDED_ENTS for i in range(start, end)):
        return True
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and (before.lower_ in _CURRENCY or before.text in _CURRENCY):
        return True
    if before is not None and before.lower_ in ("aged", "age", "ages", "no.", "number", "#"):
        return True
    if before is not None and before.lower_ in MONTHS:
        return True
    if start >= 2 and doc[start - 2].lower_ in ("age", "ages") and before is not None and \
            before.lower_ == "of":
        return True
    if after is not None and (after.lower_ in _CURRENCY or after.lower_ in _PERCENT):
        return True
    following = doc[end: end + 4].text.lower().replace(" ", "")
    if following.startswith(("-year", "year-old", "-month", "month-old", "-day-old", "years old",
                             "yearsold", "-week")):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d\d", first.text) and start + 1 == end:
        return True
    return bool(re.search(r"\d(?:st|nd|rd|th)$", last.lower_))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _person_noun(token: Token | None) -> bool:
    if token is None:
        return True
    lex = lexicon()
    return (token.ent_type_ == "NORP" or _lemma(token) in lex.people or token.lower_ in lex.people
            or token.lower_.rstrip("s") in lex.people)


def _counted_noun(anchor: Token) -> Token | None:
    """The noun a number counts: "60 Palestinians", "dozens of people"; None when bare."""
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and \
            anchor.head.pos_ in ("NOUN", "PROPN", "ADJ") and anchor.head.i > anchor.i:
        return anchor.head
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN", "ADJ"):
                return objects[0]
    return None


def _toll_kind(token: Token) -> str | None:
    """The kind a toll counts ("death toll" → killed, "the number of injured" → injured), or
    None for other nouns."""
    lemma = _lemma(token)
    if lemma == "toll":
        words = " ".join(c.lower_ for c in token.children
                         if c.dep_ in ("compound", "amod", "nmod"))
        if "injur" in words or "wound" in words:
            return "injured"
        if "casualt" in words:
            return "casualties"
        return "killed"
    if lemma in ("number", "tally", "count", "total"):
        lex = lexicon()
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return lex.adjectives.get(obj.lower_) or lex.nouns.get(_lemma(obj))
    return None


def _predicate_kind(token: Token) -> str | None:
    """Kind from a verb or adjective ("killed", "dead") and its complements."""
    lex = lexicon()
    lemma = _lemma(token)
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG"):
        if lemma in lex.verbs:
            return lex.verbs[lemma]
        for child in token.children:
            if child.dep_ in ("acomp", "oprd", "xcomp") and child.lower_ in lex.adjectives:
                return lex.adjectives[child.lower_]
        if lemma in ("leave", "be", "remain", "become", "lie", "find", "declare", "report",
                     "confirm", "feel", "get", "suffer", "sustain", "list"):
            for child in token.children:
                if child.dep_ in ("attr", "ccomp", "dobj") and child.lower_ in lex.adjectives:
                    return lex.adjectives[child.lower_]
                if child.dep_ in ("dobj", "attr") and _lemma(child) in lex.nouns and \
                        lemma in ("suffer", "sustain", "be"):
                    return lex.nouns[_lemma(child)]
                if child.dep_ == "prep" and child.lower_ == "among":
                    for obj in child.children:
                        if obj.dep_ != "pobj":
                            continue
                        if obj.lower_ in lex.adjectives or _lemma(obj) in lex.nouns:
                            return lex.adjectives.get(obj.lower_) or lex.nouns[_lemma(obj)]
                        for modifier in obj.children:
                            if modifier.dep_ in ("acl", "relcl", "amod"):
                                kind = _predicate_kind(modifier)
                                if kind:
                                    return kind
        return None
    if token.lower_ in lex.adjectives and token.pos_ in ("ADJ", "VERB"):
        return lex.adjectives[token.lower_]
    return None


def _weak_kind(token: Token) -> str | None:
    """Verbs that mean captivity only in some uses: "held (hostage)", "taken captive"."""
    lemma = _lemma(token)
    if lemma not in lexicon().weak_verbs or token.pos_ != "VERB":
        return None
    captive = any(c.lower_ in ("hostage", "hostages", "captive", "captives", "prisoner")
                  for c in token.children)
    if lemma == "take" and not captive:
        return None
    if lemma == "hold" and not captive and token.tag_ != "VBN":
        return None
    return lexicon().weak_verbs[lemma]


def _modifier_kind(noun: Token) -> str | None:
    """Participles or adjectives modifying the counted noun: "Palestinians displaced by ..."."""
    for child in noun.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.i != noun.i:
            kind = _predicate_kind(child) or _weak_kind(child)
            if kind and (child.dep_ != "amod" or child.i > noun.i or
                         child.lower_ in lexicon().adjectives):
                return kind
    return None


def _governing_kind(token: Token) -> str | None:
    """The first kind of the predicate that governs a counted noun or bare number."""
    kinds = _governing_kinds(token)
    return kinds[0] if kinds else None


def _clause_kind(verb: Token) -> str | None:
    return _predicate_kind(verb) or _weak_kind(verb)


def _shared_subject_kinds(verb: Token) -> list[str]:
    """Kinds of verbs coordinated with ``verb`` that share its subject: "were identified and
    were killed", "were taken hostage and murdered"."""
    kinds = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj", "dep", "npadvmod") or
                c.lower_ in ("another", "others") for c in child.children):
            kind = _clause_kind(child)
            if kind:
                kinds.append(kind)
    return kinds


def _governing_kinds(token: Token) -> list[str]:
    """Walk up from the counted noun (or bare number) to the predicate that governs it; return
    the kinds it (and verbs sharing its subject) express, first the governing one."""
    lex = lexicon()
    current = token
    for step in range(4):
        if current.dep_ in ("conj", "appos") and current.head.i != current.i and step == 0:
            current = current.head
            continue
        head = current.head
        if head.i == current.i:
            return []
        if current.dep_ == "pobj" and head.dep_ == "prep":
            preposition = head
            governor = preposition.head
            toll = _toll_kind(governor) if _lemma(governor) == "toll" else None
            if toll:
                return [toll]
            for child in governor.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _toll_kind(child):
                    return [_toll_kind(child)]
            if preposition.lower_ == "of" and _lemma(governor) == "life":
                return ["killed"] if _governing_kind(governor) else []
            if preposition.lower_ == "of" and _lemma(governor) in lex.nouns and \
                    governor.pos_ == "NOUN":
                return [lex.nouns[_lemma(governor)]]
            if preposition.lower_ == "by" and _predicate_kind(governor):
                return []
            if preposition.lower_ in ("including", "among") and governor.pos_ in ("VERB", "ADJ"):
                kind = _predicate_kind(governor)
                return [kind] if kind else []
            current = governor
            continue
        if current.dep_ in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "npadvmod", "dep",
                            "obj", "advmod"):
            if _lemma(current) == "life" and _lemma(head) in ("claim", "lose", "take"):
                return ["killed"]
            kind = _predicate_kind(head)
            if kind and current.dep_ == "nsubj" and head.pos_ == "VERB" and \
                    _lemma(head) in lex.verbs and _lemma(head) not in ("die", "perish") and \
                    head.tag_ not in ("VBN",) and not (_lemma(head) == "miss" and
                                                       head.tag_ == "VBG"):
                # "Rockets killed 12": the subject is the agent, not the victim.
                return []
            kinds = [kind or _weak_kind(head)]
            if current.dep_ in ("nsubjpass", "nsubj"):
                kinds += _shared_subject_kinds(head)
            return list(dict.fromkeys(k for k in kinds if k))
        return []
    return []


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


def _group(noun: Token | None, number_end: int) -> str | None:
    """The victims as written: the counted noun with its compound and adjective modifiers."""
    if noun is None:
        return None
    lex = lexicon()
    if _lemma(noun) in lex.nouns and noun.lower_ not in lex.people:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "among"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and _person_noun(objects[0]):
                    return _group(objects[0], number_end)
        modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and
                     c.ent_type_ == "NORP"]
        return modifiers[0].text if modifiers else None
    if not _person_noun(noun):
        return None
    keep = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and
            c.i >= number_end and not c.like_num and c.lower_ not in lex.adjectives
            and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    start = min([noun.i] + [c.i for c in keep])
    words = noun.doc[start: noun.i + 1].text
    return words


def _clean_source(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'\u201c\u201d")
    text = _LEADING.sub("", text)
    text = re.split(r",| who | which | that ", text)[0].strip()
    if not text or text.lower() in _PRONOUNS:
        return None
    return text


_EVENT_SUBJECTS = {"attack", "strike", "airstrike", "explosion", "blast", "fire", "shooting",
                   "bombing", "crash", "storm", "flood", "flooding", "earthquake", "quake",
                   "war", "conflict", "fighting", "violence", "incident", "collapse"}
_NEXT_SENTENCE_ATTRIBUTION = re.compile(
    r"^(?:that|this|those|these|the (?:figures?|numbers?|toll|tally|count))\b[^.]{0,40}?"
    r"\baccording to\b", re.I)


def _is_source_subject(subject: Token) -> bool:
    """Whether a reporting verb's subject can be a source: a name or an authority."""
    lex = lexicon()
    if subject.lower_ in _PRONOUNS or _lemma(subject) in _EVENT_SUBJECTS:
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return True
    return any(_lemma(t) in lex.authority_nouns or t.lower_ in lex.authority_nouns
               for t in subject.subtree)


def _sentence_source(sent: Span) -> str | None:
    """Attribution in a sentence: "according to X", "X said", "with X reporting"."""
    lex = lexicon()
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and \
                sent.doc[token.i + 1].lower_ == "to":
            to = sent.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                subtree = list(objects[0].subtree)
                return _clean_source(sent.doc[subtree[0].i: subtree[-1].i + 1].text)
            rest = sent.doc[to.i + 1: sent.end].text
            return _clean_source(rest)
    for token in sent:
        if _lemma(token) in lex.reporting_verbs and token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and
                        _is_source_subject(c)]
            if subjects:
                subtree = list(subjects[0].subtree)
                return _clean_source(sent.doc[subtree[0].i: subtree[-1].i + 1].text)
    for token in sent:
        if token.lower_ in ("quoting", "citing") and token.i + 1 < sent.end:
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            if objects and _is_source_subject(objects[0]):
                subtree = list(objects[0].subtree)
                return _clean_source(sent.doc[subtree[0].i: subtree[-1].i + 1].text)
    return None


def _next_sentence_source(sent: Span) -> str | None:
    """Attribution carried by the following sentence: "That is according to the ministry."."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    if not _NEXT_SENTENCE_ATTRIBUTION.match(following.text.strip()):
        return None
    return _sentence_source(following)


def _cumulative(sentence: str) -> bool:
    return any(p.search(sentence) for p in lexicon().cumulative)


def casualty_figures(doc: Doc, *, context: ExtractContext) -> list[CasualtyFigure]:
    """Every casualty figure in a parsed Doc, in text order."""
    figures: list[CasualtyFigure] = []
    for sent in doc.sents:
        sent_source: str | None | bool = False
        for start, end in _number_phrases(sent):
            for figure in _figures(doc, sent, start, end):
                if sent_source is False:
                    sent_source = _sentence_source(sent) or _next_sentence_source(sent)
                figures.append(replace(figure, source=sent_source or None,
                                       sent=context.sentence_starts[sent.start]))
    return figures


def _figures(doc: Doc, sent: Span, start: int, end: int) -> list[CasualtyFigure]:
    """The figures one number expression gives: none, or one per kind it is tied to."""
    if _excluded(doc, start, end):
        return []
    words = [t.text for t in doc[start:end]]
    if not any(any(ch.isdigit() for ch in w) or w.lower() in NUMBER_WORDS or
               w.lower().split("-")[0] in NUMBER_WORDS for w in words):
        return []
    parsed = parse_number(" ".join(words))
    if parsed is None or parsed.value <= 0:
        return []
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    anchor = outside[-1] if outside else doc[end - 1]
    noun = _counted_noun(anchor)
    lex = lexicon()
    kinds: list[str] = []
    if noun is not None and _lemma(noun) in lex.nouns and noun.lower_ not in lex.people:
        kinds = [lex.nouns[_lemma(noun)]]
        if _lemma(noun) in ("life", "body", "killing", "arrest", "refugee") and \
                not _governing_kind(noun):
            kinds = []
    elif noun is not None and noun.lower_ in lex.adjectives and noun.pos_ == "ADJ" and \
            noun.lower_ != "missing":
        kinds = [lex.adjectives[noun.lower_]]
    elif _person_noun(noun):
        modifier = _modifier_kind(noun) if noun is not None else None
        kinds = [modifier] if modifier else _governing_kinds(noun if noun is not None else anchor)
    if not kinds:
        return []
    qualifier, bound, hedge_start = _hedge(doc, sent, start)
    value = parsed.value
    low = high = None
    if bound == "low" or (parsed.vague and bound is None):
        low = value
    elif bound == "high":
        high = value
    elif bound is None:
        low = high = value
    span_start = doc[hedge_start].idx
    span_end = doc[end - 1].idx + len(doc[end - 1].text)
    sentence = sent.text.strip()
    cumulative = _cumulative(sentence) or (noun is not None and _toll_kind(noun) is not None)
    group = _group(noun, end)
    return [CasualtyFigure(kind=kind, value=value, low=low, high=high, qualifier=qualifier,
                           vague=parsed.vague, group=group, source=None, cumulative=cumulative,
                           sentence=sentence, start=span_start, end=span_end)
            for kind in kinds]
