"""Which mentions name the same entity: keys, occurrences and the joins between them.

Every join is a union of two name keys (``_UnionFind``) or a re-pointing of a one-word
occurrence to a longer name; ``rafah.reports.entities`` runs the steps in order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple, Protocol

from rafah.gazetteer import GazetteerEntry
from rafah.records import Analysis
from rafah.reports.entity_lexicon import Lexicon, fold_word, spaced

SURNAME_SHARE = 0.8
LONG_FORM_SHARE = 0.05
ORG_LONG_FORM_SHARE = 0.2
CO_MENTION_SHARE = 0.3
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LEADING_THE = re.compile(r"^the\s+", re.I)
_WEB_SUFFIX = re.compile(r"\.(?:com|org|net)$", re.I)
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "at", "&", "'s", "to"})
CAPS_KEY_MARK = "\u2063"
"""Ends the key of a title-case form of a name the gazetteer writes in capitals only ("Us"
beside "US"): a key of its own."""
_INNER_POSSESSIVE = re.compile(r"\w(?:'s|\u2019s)\s")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Spelling-insensitive key: "U.S." and "US" → "us"; "the" and a web suffix
    ("FlightAware.com") are not part of a name."""
    text = _WEB_SUFFIX.sub("", text.strip())
    text = _LEADING_THE.sub("", text.replace("\u2019", "'").replace(".", "").strip())
    return " ".join(text.split()).casefold()


class UnionFind:
    """Disjoint sets of name keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        """The representative key of ``item``'s set."""
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        """Join the sets of ``a`` and ``b``."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


class FormFacts(NamedTuple):
    """What the merge needs of the words of a form alone, derived once with the form
    (`rafah.reports.entity_index`; "" for none): a multi-word person's signature and the
    keys of its last and first words, a multi-word organisation's first-word key, and the
    type its words impose (`rafah.reports.entity_types.cue_type`) under its own label and
    under PERSON."""

    signature: str
    surname: str
    first_name: str
    org_head: str
    cue: str
    person_cue: str


@dataclass(frozen=True)
class Occurrence:
    """One mention with its key and (corrected) label."""

    key: str
    cleaned: str
    written: str
    label: str
    article: int
    sent: int
    start: int
    end: int
    count: int = 1
    """How many mentions the occurrence stands for (a form of the corpus: all of them)."""
    facts: FormFacts | None = field(default=None, compare=False, repr=False)
    """The facts of its form (a form read from the store)."""


@dataclass
class Known:
    """The gazetteer union: every surface key → its entry; keys written only in capitals."""

    by_key: dict[str, GazetteerEntry] = field(default_factory=dict)
    caps_only: set[str] = field(default_factory=set)


CoMentions = Callable[[dict[str, dict[str, str]]], dict[str, tuple[int, Counter[str]]]]
"""For keys → {placed key: its country}: per key, (its articles, and of those naming
exactly one country through the placed keys, how many name each)."""


@dataclass
class Corpus:
    """The distinct forms of the selected articles (in order of first mention, each with its
    count) and the corpus-wide counts the joins consult; ``co_mentions`` answers what the
    articles of a key also name."""

    co_mentions: CoMentions
    forms: list[Occurrence] = field(default_factory=list)
    label_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    signature_counts: Counter[str] = field(default_factory=Counter)
    signature_forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, occ: Occurrence, lex: Lexicon) -> None:
        """Count one form (``occ.count`` mentions)."""
        signature = (occ.facts or form_facts(occ.cleaned, occ.label, lex)).signature
        if signature:
            self.signature_forms[signature].add(occ.key)
            self.signature_counts[signature] += occ.count
        counts = self.label_counts.get(occ.key)
        if counts is None:
            self.label_counts[occ.key] = {occ.label: occ.count}
        else:
            counts[occ.label] = counts.get(occ.label, 0) + occ.count
        self.forms.append(occ)

    def count(self, key: str) -> int:
        """How many mentions carry ``key``."""
        counts = self.label_counts.get(key)
        return sum(counts.values()) if counts else 0

    def mostly(self, key: str, labels: Iterable[str]) -> bool:
        """Whether ``labels`` hold at least half the mentions of ``key``."""
        counts = self.label_counts.get(key)
        if counts is None:
            return False
        chosen = 0
        for label in labels:
            chosen += counts.get(label, 0)
        return 2 * chosen >= max(1, sum(counts.values()))


def union_gazetteer(entries: Iterable[GazetteerEntry], uf: UnionFind) -> Known:
    """Step 1: every surface of a gazetteer entry joins its canonical name (first entry wins)."""
    known = Known()
    caps: dict[str, bool] = {}
    for entry in entries:
        root = name_key(entry.name)
        for surface in entry.surfaces:
            key = name_key(surface)
            known.by_key.setdefault(key, entry)
            uf.union(root, key)
            caps[key] = caps.get(key, True) and surface.replace(".", "").isupper()
    known.caps_only = {key for key, upper in caps.items() if upper}
    return known


def person_signature(words: Sequence[str], lex: Lexicon) -> str:
    """First and last word of a full name, the first as its formal given name: "Donald J.
    Trump" and "Donald Trump" are one; so are "Bernie Sanders" and "Bernard Sanders"."""
    return name_key(f"{lex.formal_first_name(words[0])} {words[-1]}")


def form_facts(cleaned: str, label: str, lex: Lexicon) -> FormFacts:
    """The `FormFacts` of a form written ``cleaned`` with ``label``."""
    from rafah.reports.entity_types import cue_type

    words = cleaned.split()
    person = label == "PERSON" and len(words) >= 2
    org = not person and label == "ORG" and len(words) >= 2 and org_like(words, lex)
    cue = cue_type(cleaned, label, lex) or ""
    return FormFacts(
        signature=person_signature(words, lex) if person else "",
        surname=name_key(words[-1]) if person else "",
        first_name=name_key(words[0]) if person else "",
        org_head=name_key(words[0]) if org else "",
        cue=cue, person_cue=cue if label == "PERSON" else cue_type(cleaned, "PERSON", lex) or "")


def org_like(words: Sequence[str], lex: Lexicon) -> bool:
    """Whether a name ends with an organisation word ("United Airlines", "ABC News")."""
    return words[-1].lower() in lex.org_words


def corrected_label(text: str, label: str, lex: Lexicon) -> str:
    """The model's label, corrected for PERSON names that end like an organisation."""
    words = text.split()
    if label == "PERSON" and len(words) >= 2 and org_like(words, lex):
        return "ORG"
    return label


def _occurrence_key(text: str, known: Known) -> str:
    """The key of a mention; a title-case form of a capitals-only name ("Us" beside "US")
    gets a key of its own, so a common word never joins an acronym."""
    key = name_key(text)
    if key in known.caps_only and not text.replace(".", "").isupper():
        return key + CAPS_KEY_MARK
    return key


def article_occurrences(analysis: Analysis, known: Known, lex: Lexicon
                        ) -> tuple[list[Occurrence], list[tuple[str, str]]]:
    """Step 2, one article: its occurrences, and the (long, short) keys of the acronyms it
    defines that join (unless the gazetteer gives the acronym to another name)."""
    pairs = []
    for acronym in analysis.acronyms:
        long_key, short_key = name_key(acronym.long), name_key(acronym.short)
        if short_key not in known.by_key or long_key in known.by_key:
            pairs.append((long_key, short_key))
    found: list[Occurrence] = []
    for m in analysis.mentions:
        key = _occurrence_key(m.text, known)
        if not key:
            continue
        label = corrected_label(m.text, m.label, lex)
        if label == "PERSON" and _INNER_POSSESSIVE.search(m.text):
            continue  # two names glued: "Trump's Twitter"
        found.append(Occurrence(key, m.text, m.written, label, 0, m.sent, m.start, m.end))
    return found, pairs


def article_targets(found: list[Occurrence], lex: Lexicon
                    ) -> Callable[[str], tuple[str, str, str]]:
    """Per article: a key → the keys of the only longer names of the article it can stand
    for ("" for none): a person by surname, a person by first name, an organisation."""
    surnames = _article_targets(found, "PERSON", -1, lex)
    firsts = _article_targets(found, "PERSON", 0, lex)
    organisations = _article_targets(found, "ORG", 0, lex)
    return lambda key: (surnames.get(key, ""), firsts.get(key, ""), organisations.get(key, ""))


def join_person_variants(corpus: Corpus, uf: UnionFind) -> None:
    """Step 3a: "Donald J. Trump" joins "Donald Trump" unless the corpus has middle names with
    different initials for the same first and last name ("George H.W. Bush", "George W.
    Bush")."""
    for signature, forms in corpus.signature_forms.items():
        initials = {"".join(word[0] for word in form.split()[1:-1])
                    for form in forms if form != signature}
        if len(initials) <= 1:
            for form in forms:
                uf.union(signature, form)


def join_group_forms(corpus: Corpus, uf: UnionFind, lex: Lexicon) -> None:
    """Step 3b: a group's forms join ("Israeli" = "Israelis", "Jewish" = "Jews") when the
    corpus calls them groups or persons (a group is never a person: "Briton")."""
    for key in list(corpus.label_counts):
        group = lex.group_key(key)
        if group and corpus.mostly(key, ("NORP", "PERSON")):
            uf.union(group, key)


def join_formal_country_names(corpus: Corpus, uf: UnionFind, known: Known, lex: Lexicon,
                              is_country: Callable[[str], bool] | None = None) -> None:
    """Step 3c: "the State of Israel" joins "Israel" when that is unambiguously a country
    (``is_country``), else when the gazetteer or the corpus calls it a place (GPE)."""
    for key in list(corpus.label_counts):
        rest = lex.formal_country_rest(key)
        if rest is None:
            continue
        rest_key = name_key(rest)
        entry = known.by_key.get(rest_key)
        if is_country is not None:
            joins = is_country(rest)
        else:
            joins = (entry is not None and entry.type == "GPE") or (
                rest_key in corpus.label_counts and corpus.mostly(rest_key, ("GPE",)))
        if joins:
            uf.union(rest_key, key)


def _org_parts(key: str, place_country: dict[str, str], lex: Lexicon
               ) -> tuple[frozenset[str], frozenset[str]]:
    """(distinctive words, countries) of an organisation name: "Ministry of Health in Gaza"
    → ({"ministry", "health"}, {"PS"}); a place or demonym names the country."""
    words: set[str] = set()
    countries: set[str] = set()
    for raw in re.split(r"[\s\-]+", key):
        word = fold_word(raw).removesuffix("'s")
        country = place_country.get(word) or lex.country_of_demonym(word)
        if country:
            countries.add(country)
        elif word not in _FUNCTION_WORDS and word not in ("run", "led", "backed"):
            words.add(word)
    return frozenset(words), frozenset(countries)


def _org_families(corpus: Corpus, place_country: dict[str, str], lex: Lexicon
                  ) -> dict[frozenset[str], dict[frozenset[str], list[str]]]:
    """Organisation keys by distinctive words, then by country (at most one)."""
    families: dict[frozenset[str], dict[frozenset[str], list[str]]] = defaultdict(
        lambda: defaultdict(list))
    for key in corpus.label_counts:
        if corpus.mostly(key, ("ORG",)) and not key.endswith(CAPS_KEY_MARK):
            words, countries = _org_parts(key, place_country, lex)
            if words and len(countries) <= 1:
                families[words][countries].append(key)
    return families


def _home_country(corpus: Corpus, place_country: dict[str, str]) -> frozenset[str]:
    """The country whose places the corpus mentions most."""
    weights: Counter[str] = Counter()
    for key, country in place_country.items():
        weights[country] += corpus.count(key)
    return frozenset(weights.most_common(1)[0][:1]) if weights else frozenset()


def join_org_variants(corpus: Corpus, uf: UnionFind, place_country: dict[str, str],
                      lex: Lexicon) -> None:
    """Step 3d: organisation names with the same distinctive words and the same country join
    ("Gaza Health Ministry" = "Ministry of Health in Gaza" = "Palestinian Ministry of
    Health"); a form without a country joins the one country variant it is mentioned with in
    at least 30% of its articles ("the Health Ministry" in Gaza stories); a one-word name
    joins its variant prefixed by the corpus's home country ("Senate" = "US Senate")."""
    families = _org_families(corpus, place_country, lex)
    home = _home_country(corpus, place_country)
    found = corpus.co_mentions(_placeless_owners(families))
    for words, variants in families.items():
        if len(words) == 1:
            if home in variants and frozenset() in variants:
                uf.union(variants[frozenset()][0], variants[home][0])
            continue
        for keys in variants.values():
            for key in keys[1:]:
                uf.union(keys[0], key)
        for key in variants.get(frozenset(), []):
            target = _co_mentioned_variant(found.get(key), variants)
            if target is not None:
                uf.union(target, key)


def _placeless_owners(families: dict[frozenset[str], dict[frozenset[str], list[str]]]
                      ) -> dict[str, dict[str, str]]:
    """Each form without a country of a family of several words → the family's placed
    forms with their country (forms of families without placed ones left out)."""
    owners: dict[str, dict[str, str]] = {}
    for words, variants in families.items():
        owner = {placed: next(iter(country)) for country, keys in variants.items()
                 if country for placed in keys}
        if len(words) != 1 and owner:
            owners.update((key, owner) for key in variants.get(frozenset(), []))
    return owners


def _co_mentioned_variant(found: tuple[int, Counter[str]] | None,
                          variants: dict[frozenset[str], list[str]]) -> str | None:
    """The key of the one placed variant mentioned in enough of the articles of a key."""
    if found is None or len(found[1]) != 1:
        return None
    articles, votes = found
    country, count = votes.most_common(1)[0]
    return variants[frozenset({country})][0] if count >= CO_MENTION_SHARE * articles else None


def join_storm_names(corpus: Corpus, uf: UnionFind, lex: Lexicon) -> None:
    """Step 3e: a one-word name joins the storm named after it ("Beryl" → "Hurricane
    Beryl") when the corpus has exactly one such storm."""
    storms: dict[str, set[str]] = defaultdict(set)
    starts = spaced(lex.event_first)
    for key in corpus.label_counts:
        if not key.startswith(starts):
            continue
        for prefix in lex.event_first:
            if key.startswith(prefix + " ") and len(key.split()) == len(prefix.split()) + 1:
                storms[key.split()[-1]].add(key)
    for word, keys in storms.items():
        if len(keys) == 1 and word in corpus.label_counts:
            uf.union(next(iter(keys)), word)


def _article_targets(occurrences: list[Occurrence], label: str, position: int, lex: Lexicon
                     ) -> dict[str, str]:
    """Per article: one-word key → key of the only longer ``label`` name whose word at
    ``position`` it is (the last word for people: "Biden"; the first for organisations:
    "United" for "United Airlines")."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for occ in occurrences:
        words = occ.cleaned.split()
        if occ.label == label and len(words) >= 2 and (label != "ORG" or org_like(words, lex)):
            key = person_signature(words, lex) if label == "PERSON" else occ.key
            full_names[name_key(words[position])].add(key)
    return {word: next(iter(keys)) for word, keys in full_names.items() if len(keys) == 1}


class ShortFormVotes(Protocol):
    """What the selection's longer names say of a one-word key
    (`rafah.reports.entity_votes.ShortFormVotes`)."""

    def surname_count(self, key: str) -> int: ...

    def dominant_surname(self, key: str) -> str | None: ...

    def is_first_name(self, key: str) -> bool: ...

    def dominant_first_name(self, key: str) -> str | None: ...

    def dominant_org(self, key: str) -> str | None: ...


class ShortFormResolver:
    """Step 4: a one-word name joins the longer name it abbreviates: a surname or a first
    name its person ("Biden", "Kamala"), a first word its organisation ("United"); the
    ``votes`` of the selection's longer names decide when the article does not."""

    def __init__(self, corpus: Corpus, known: Known, lex: Lexicon,
                 is_place: Callable[[str], bool], votes: ShortFormVotes) -> None:
        self.corpus = corpus
        self.known = known
        self.lex = lex
        self.is_place = is_place
        self.votes = votes
        self.first_name_only: set[str] = set()

    def _plausible(self, short: str, long: str | None, share: float = LONG_FORM_SHARE
                   ) -> str | None:
        """A long form too rare beside its one-word form is a parsing accident, not a name."""
        if long is None:
            return None
        long_count = max(self.corpus.count(long), self.corpus.signature_counts.get(long, 0))
        return long if long_count >= share * self.corpus.count(short) else None

    def _person(self, occ: Occurrence, surname: str, first: str) -> str | None:
        """The person a one-word name stands for (``surname``, ``first``: the article's)."""
        key = occ.key
        people = self.votes.surname_count(key)
        if surname and people == 1:
            target: str | None = surname  # the only person of the corpus with this surname
        else:
            target = self._plausible(key, surname or self.votes.dominant_surname(key))
        if target is None and not people and self._first_name_like(occ):
            target = self._plausible(key, first or self.votes.dominant_first_name(key))
            if target is None and self.votes.is_first_name(key) and occ.label == "PERSON":
                self.first_name_only.add(key)
        return target

    def _unknown_place(self, occ: Occurrence) -> bool:
        """A place's label on a word no gazetteer knows as a place."""
        return occ.label in PLACE_LABELS and occ.key not in self.known.by_key and \
            not self.is_place(occ.key)

    def _first_name_like(self, occ: Occurrence) -> bool:
        """A person's label, or a place's on a word no gazetteer knows as a place."""
        return occ.label == "PERSON" or self._unknown_place(occ)

    def _person_like(self, occ: Occurrence, surname: str) -> bool:
        if occ.label == "PERSON" or occ.label not in PLACE_LABELS:
            return True
        if self.corpus.mostly(occ.key, ("PERSON",)):
            return True
        return (bool(surname) or self.votes.is_first_name(occ.key)) and \
            self._unknown_place(occ)

    def resolve(self, occ: Occurrence, targets: tuple[str, str, str]) -> Occurrence:
        """A form pointed at its long form when it is a one-word name; ``targets``: the
        article's longer names it can stand for (`article_targets`)."""
        if len(occ.cleaned.split()) != 1 or occ.key in self.known.by_key:
            return occ  # only a one-word name the gazetteer does not know stands for another
        surname, first, local_org = targets
        organisation = self._plausible(
            occ.key, local_org or self.votes.dominant_org(occ.key), ORG_LONG_FORM_SHARE)
        if organisation and not surname and (
                occ.label == "ORG" or (local_org == organisation and self._unknown_place(occ))):
            return replace(occ, key=organisation)
        if self._person_like(occ, surname):
            target = self._person(occ, surname, first)
            if target is not None:
                return replace(occ, key=target, label="PERSON")
        return occ
