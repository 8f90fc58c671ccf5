"""Canonical entities: merge name variants across a corpus and vote on their type (no spaCy).

Merging, in order:
1. the gazetteer (shipped + user): every alias of an entry joins its canonical name;
2. acronyms defined in the text ("Israel Defense Forces (IDF)") join their long form;
3. a one-word name ("Biden") joins the only full PERSON name in the same article that ends
   with it ("Joe Biden"); failing that, the full name that holds at least 80% of the corpus's
   full-name mentions ending with it; a one-word ORG ("United") likewise joins the ORG that
   starts with it and ends with an organisation word ("United Airlines");
4. spelling variants join by key: case, dots and apostrophes ("U.S." = "US").
The type is the gazetteer's when the entity is in it, else the vote of all merged mentions
(a one-word name merged into a person votes PERSON; a PERSON-labelled name ending in an
organisation word such as "Air" or "Defense" votes ORG). The canonical name is the gazetteer's;
for a person, the most frequent full name; else the longest form that is common (at least 20%
of the most frequent form's mentions).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rafah.gazetteer import GazetteerEntry
from rafah.records import Analysis, Article
from rafah.resources import resource_path, word_list

DATA_FILES = [resource_path("org_words.txt")]
SURNAME_SHARE = 0.8
LONG_FORM_SHARE = 0.05
ORG_LONG_FORM_SHARE = 0.2
COMMON_SHARE = 0.2
_TYPE_PRIORITY = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW",
                  "WORK_OF_ART", "LANGUAGE"]
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


_LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Spelling-insensitive key: "U.S." and "US" → "us"; "the" is not part of a name."""
    text = _LEADING_THE.sub("", text.replace("\u2019", "'").replace(".", "").strip())
    return " ".join(text.split()).casefold()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a


@dataclass
class _Occurrence:
    key: str
    cleaned: str
    written: str
    label: str
    article: int
    sent: int
    start: int
    end: int


@dataclass
class Entity:
    """A canonical entity with its aggregated statistics."""

    name: str
    type: str
    mentions: int
    articles: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[str]
    keys: set[str] = field(default_factory=set, repr=False)
    surfaces: set[str] = field(default_factory=set, repr=False)
    by_article: Counter[int] = field(default_factory=Counter, repr=False)

    def to_record(self) -> dict[str, Any]:
        """The public JSON record (DESIGN.md entity row)."""
        return {"name": self.name, "type": self.type, "mentions": self.mentions,
                "articles": self.articles, "first_seen": self.first_seen,
                "last_seen": self.last_seen, "aliases": self.aliases}

    def to_stored(self) -> dict[str, Any]:
        """Everything, for the report cache."""
        return {**self.to_record(), "keys": sorted(self.keys), "surfaces": sorted(self.surfaces),
                "by_article": sorted(self.by_article.items())}

    @classmethod
    def from_stored(cls, data: dict[str, Any]) -> Entity:
        """Rebuild an entity from the report cache."""
        return cls(name=data["name"], type=data["type"], mentions=data["mentions"],
                   articles=data["articles"], first_seen=data["first_seen"],
                   last_seen=data["last_seen"], aliases=data["aliases"],
                   keys=set(data["keys"]), surfaces=set(data["surfaces"]),
                   by_article=Counter(dict((int(k), v) for k, v in data["by_article"])))


def _short_form_targets(occurrences: list[_Occurrence], label: str, position: int
                        ) -> dict[str, str]:
    """Per article: one-word key → key of the only longer ``label`` name whose word at
    ``position`` it is (the last word for people: "Biden"; the first for organisations:
    "United" for "United Airlines")."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for occ in occurrences:
        words = occ.cleaned.split()
        if occ.label == label and len(words) >= 2 and (label != "ORG" or _org_like(words)):
            key = _person_signature(words) if label == "PERSON" else occ.key
            full_names[name_key(words[position])].add(key)
    return {word: next(iter(keys)) for word, keys in full_names.items() if len(keys) == 1}


def _person_signature(words: list[str]) -> str:
    """First and last word of a full name: "Donald J. Trump" and "Donald Trump" are one."""
    return name_key(f"{words[0]} {words[-1]}")


def _org_like(words: list[str]) -> bool:
    """Whether a name ends with an organisation word ("United Airlines", "ABC News")."""
    return words[-1].lower() in word_list("org_words.txt")


def _label(text: str, label: str) -> str:
    """The model's label, corrected for PERSON names that end like an organisation."""
    words = text.split()
    if label == "PERSON" and len(words) >= 2 and _org_like(words):
        return "ORG"
    return label


def build_entities(articles: Iterable[Article], analyses: dict[str, Analysis],
                   gazetteer: Iterable[GazetteerEntry] = ()) -> list[Entity]:
    """Merge the mentions of every article into canonical entities."""
    articles = list(articles)
    uf = _UnionFind()
    gazetteer_by_key: dict[str, GazetteerEntry] = {}
    for entry in gazetteer:
        root = name_key(entry.name)
        for surface in entry.surfaces:
            key = name_key(surface)
            gazetteer_by_key.setdefault(key, entry)
            uf.union(root, key)

    per_article: list[list[_Occurrence]] = []
    label_counts: dict[str, Counter[str]] = defaultdict(Counter)
    signature_counts: Counter[str] = Counter()
    signature_forms: dict[str, set[str]] = defaultdict(set)
    for index, article in enumerate(articles):
        analysis = analyses.get(article.text_hash)
        found: list[_Occurrence] = []
        if analysis is not None:
            for long_form, short in ((a.long, a.short) for a in analysis.acronyms):
                if name_key(short) not in gazetteer_by_key or \
                        name_key(long_form) in gazetteer_by_key:
                    uf.union(name_key(long_form), name_key(short))
            for m in analysis.mentions:
                key = name_key(m.text)
                if not key:
                    continue
                label = _label(m.text, m.label)
                words = m.text.split()
                if label == "PERSON" and len(words) >= 2:
                    signature_forms[_person_signature(words)].add(key)
                    signature_counts[_person_signature(words)] += 1
                found.append(_Occurrence(key, m.text, m.written, label, index, m.sent,
                                         m.start, m.end))
                label_counts[key][label] += 1
        per_article.append(found)

    # "Donald J. Trump" joins "Donald Trump" unless the corpus has middle names with different
    # initials for the same first and last name ("George H.W. Bush", "George W. Bush").
    for signature, forms in signature_forms.items():
        initials = {"".join(word[0] for word in form.split()[1:-1])
                    for form in forms if form != signature}
        if len(initials) <= 1:
            for form in forms:
                uf.union(signature, form)

    # Corpus-wide long names by last word (people) and first word (organisations), for
    # one-word names not resolved in their own article.
    surname_votes: dict[str, Counter[str]] = defaultdict(Counter)
    first_word_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for found in per_article:
        for occ in found:
            words = occ.cleaned.split()
            if occ.label == "PERSON" and len(words) >= 2:
                surname_votes[name_key(words[-1])][_person_signature(words)] += 1
            elif occ.label == "ORG" and len(words) >= 2 and _org_like(words):
                first_word_votes[name_key(words[0])][occ.key] += 1

    def plausible(short: str, long: str | None, share: float = LONG_FORM_SHARE) -> str | None:
        """A long form too rare beside its one-word form is a parsing accident, not a name."""
        if long is None:
            return None
        long_counts = label_counts.get(long)
        long_count = max(sum(long_counts.values()) if long_counts else 0,
                         signature_counts.get(long, 0))
        short_counts = label_counts.get(short)
        short_count = sum(short_counts.values()) if short_counts else 0
        return long if long_count >= share * short_count else None

    def dominant(votes: Counter[str] | None) -> str | None:
        if not votes:
            return None
        best, count = votes.most_common(1)[0]
        return best if count >= SURNAME_SHARE * sum(votes.values()) else None

    def mostly_person(key: str) -> bool:
        counts = label_counts.get(key, Counter())
        places = sum(counts[label] for label in _PLACE_LABELS)
        return counts["PERSON"] >= places

    occurrences: list[_Occurrence] = []
    for found in per_article:
        targets = _short_form_targets(found, "PERSON", -1)
        organisations = _short_form_targets(found, "ORG", 0)
        for occ in found:
            single = len(occ.cleaned.split()) == 1 and occ.key not in gazetteer_by_key
            organisation = plausible(occ.key, organisations.get(occ.key) or
                                     dominant(first_word_votes.get(occ.key)), ORG_LONG_FORM_SHARE)
            if single and occ.label == "ORG" and organisation and occ.key not in targets:
                occ = _Occurrence(organisation, occ.cleaned, occ.written, "ORG",
                                  occ.article, occ.sent, occ.start, occ.end)
            elif single and (occ.label == "PERSON" or occ.label not in _PLACE_LABELS or
                             mostly_person(occ.key)):
                target = plausible(occ.key, targets.get(occ.key) or
                                   dominant(surname_votes.get(occ.key)))
                if target is not None:
                    occ = _Occurrence(target, occ.cleaned, occ.written, "PERSON", occ.article,
                                      occ.sent, occ.start, occ.end)
            occurrences.append(occ)

    clusters: dict[str, list[_Occurrence]] = defaultdict(list)
    for occ in occurrences:
        clusters[uf.find(occ.key)].append(occ)

    entities = [_make_entity(root, members, articles, gazetteer_by_key)
                for root, members in clusters.items()]
    entities.sort(key=lambda e: (-e.articles, -e.mentions, e.name.casefold()))
    return entities


def _vote(members: list[_Occurrence]) -> str:
    votes = Counter(m.label for m in members)
    best = max(votes.values())
    tied = [label for label, count in votes.items() if count == best]
    return min(tied, key=lambda t: _TYPE_PRIORITY.index(t) if t in _TYPE_PRIORITY else 99)


def _canonical(members: list[_Occurrence], kind: str) -> str:
    forms = Counter(m.cleaned for m in members)
    if kind == "PERSON":
        full = {f: c for f, c in forms.items() if len(f.split()) >= 2}
        if full:
            return max(full, key=lambda f: (full[f], len(f.split()), f))
    top = max(forms.values())
    common = [f for f, count in forms.items() if count >= max(1.0, COMMON_SHARE * top)]
    return max(common, key=lambda f: (len(f.split()), forms[f], len(f)))


def _make_entity(root: str, members: list[_Occurrence], articles: list[Article],
                 gazetteer_by_key: dict[str, GazetteerEntry]) -> Entity:
    entry = next((gazetteer_by_key[m.key] for m in members if m.key in gazetteer_by_key), None)
    if entry is None:
        entry = gazetteer_by_key.get(root)
    kind = entry.type if entry else _vote(members)
    name = entry.name if entry else _canonical(members, kind)
    article_ids = {m.article for m in members}
    dates = sorted(d for d in (articles[i].date for i in article_ids) if d)
    surfaces = Counter(m.written for m in members) + Counter(m.cleaned for m in members)
    aliases = [s for s, _ in sorted(surfaces.items(), key=lambda p: (-p[1], p[0])) if s != name]
    return Entity(name=name, type=kind, mentions=len(members), articles=len(article_ids),
                  first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                  aliases=aliases, keys={m.key for m in members},
                  by_article=Counter(m.article for m in members),
                  surfaces=set(surfaces) | ({name} if entry else set()) |
                  (set(entry.surfaces) if entry else set()))


def top_names_by_article(entities: list[Entity], count: int, *,
                         skip_types: Iterable[str] = ("NORP",)) -> dict[int, list[str]]:
    """For each article index, the canonical names it mentions most (ties: corpus order)."""
    skipped = set(skip_types)
    ranked: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for rank, entity in enumerate(entities):
        if entity.type in skipped:
            continue
        for article, mentions in entity.by_article.items():
            ranked[article].append((-mentions, rank, entity.name))
    return {article: [name for _, _, name in sorted(items)[:count]]
            for article, items in ranked.items()}


def filter_entities(entities: list[Entity], *, types: Iterable[str] = (), top: int | None = None,
                    min_articles: int = 1) -> list[Entity]:
    """Keep the chosen types, entities in at least ``min_articles`` articles, the first ``top``."""
    wanted = {t.upper() for t in types}
    chosen = [e for e in entities if (not wanted or e.type in wanted) and
              e.articles >= min_articles]
    return chosen[:top] if top else chosen


def find_entity(entities: list[Entity], term: str) -> Entity | None:
    """The entity a search term names (its canonical name or any alias), most frequent first."""
    key = name_key(term)
    for entity in entities:
        if key == name_key(entity.name) or key in entity.keys or \
                key in {name_key(s) for s in entity.surfaces}:
            return entity
    return None
