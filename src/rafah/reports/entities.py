"""Canonical entities: merge name variants across a corpus, vote on their type, place them.

The steps of ``build_entities``:
1. the gazetteer union (shipped + user + the general-knowledge variants file): every alias
   of an entry joins its canonical name; a capitals-only alias ("US") never takes a
   title-case word ("Us");
2. occurrences of every article; acronyms defined in the text join their long form;
3. name variants: a person's middle names and nicknames ("Bernie" = "Bernard"); a group's
   forms ("Israeli" = "Israelis", "Jewish" = "Jews"); a country's formal name ("the State of
   Israel"); organisation names with the same distinctive words and country ("Gaza Health
   Ministry" = "Ministry of Health in Gaza"); a storm's name ("Beryl" = "Hurricane Beryl");
4. short forms: a one-word name joins the only longer name of its article that ends (people)
   or starts (organisations) with it, failing that the corpus's dominant one; a first name
   alone likewise ("Kamala"), and is no row of its own when it joins nobody;
5. clustering, the type vote (``rafah.reports.entity_types``) and the canonical name;
6. rows that are no names are dropped (junk words, concept acronyms, title fragments);
7. places (GPE, LOC, FAC) are resolved with ``rafah.places`` using the other places of each
   article, and place rows naming the same place join ("DC" = "Washington, D.C.").
No spaCy here.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

from rafah.gazetteer import GazetteerEntry
from rafah.records import Analysis, Article
from rafah.reports import entity_index, entity_selection, entity_solo
from rafah.reports.entity_geo import merge_same_places, place_entities
from rafah.reports.entity_lexicon import Lexicon, lexicon, variants
from rafah.reports.entity_merge import (
    Corpus,
    Known,
    Occurrence,
    ShortFormResolver,
    UnionFind,
    join_formal_country_names,
    join_group_forms,
    join_org_variants,
    join_person_variants,
    join_storm_names,
    name_key,
    union_gazetteer,
)
from rafah.reports.entity_rows import EntityRows, SoloRows, has_article
from rafah.reports.entity_solo import PLACE_TYPES, TYPES, solo_type
from rafah.reports.entity_types import vote_type

if TYPE_CHECKING:
    from rafah.reports.entity_arrays import SelectionArrays
    from rafah.reports.entity_votes import VoteArrays

COMMON_SHARE = 0.2
BIG_CITY = 100_000
UNPLACED_SHARE = 0.25
PLACE_CODES = frozenset(TYPES.index(t) + 1 for t in PLACE_TYPES)
GEO_FIELDS = ("country", "lat", "lon", "geonameid", "geo_rule")

__all__ = ["Entity", "EntityTable", "build_entities", "derive_selected", "filter_entities",
           "find_entity", "geojson", "name_key", "store_entities", "top_names_by_article"]


@dataclass(slots=True)
class Entity:
    """A canonical entity with its aggregated statistics (places: where it is)."""

    name: str
    type: str
    mentions: int
    articles: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[str]
    keys: set[str] = field(default_factory=set, repr=False)
    surfaces: set[str] = field(default_factory=set, repr=False)
    by_article: dict[int, int] = field(default_factory=dict, repr=False)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    geo_rule: str | None = None
    labels: dict[str, int] = field(default_factory=dict, repr=False)
    parts: list[int] = field(default_factory=list, repr=False)
    """The numbers of the clusters merged into this row (`EntityTable`)."""

    @property
    def is_place(self) -> bool:
        """Whether the entity is a place (GPE, LOC or FAC)."""
        return self.type in PLACE_TYPES

    def to_record(self) -> dict[str, Any]:
        """The public JSON record (DESIGN.md entity row; places also their geo fields)."""
        record = {"name": self.name, "type": self.type, "mentions": self.mentions,
                  "articles": self.articles, "first_seen": self.first_seen,
                  "last_seen": self.last_seen, "aliases": self.aliases}
        if self.is_place:
            record.update({name: getattr(self, name) for name in GEO_FIELDS})
        return record

    def to_stored(self) -> list[Any]:
        """Everything, for the report cache: the values of the record's fields, the geo
        fields, the keys and the surfaces, as a list (no field name repeated in each of
        hundreds of thousands of rows)."""
        return [self.name, self.type, self.mentions, self.articles, self.first_seen,
                self.last_seen, self.aliases, self.country, self.lat, self.lon, self.geonameid,
                self.geo_rule, sorted(self.keys), sorted(self.surfaces)]

    @classmethod
    def from_stored(cls, data: list[Any]) -> Entity:
        """Rebuild an entity from the report cache."""
        (name, kind, mentions, articles, first_seen, last_seen, aliases, country, lat, lon,
         geonameid, geo_rule, keys, surfaces) = data
        return cls(name=name, type=kind, mentions=mentions, articles=articles,
                   first_seen=first_seen, last_seen=last_seen, aliases=aliases,
                   keys=set(keys), surfaces=set(surfaces), country=country, lat=lat, lon=lon,
                   geonameid=geonameid, geo_rule=geo_rule)


def build_entities(articles: Iterable[Article], analyses: dict[str, Analysis],
                   gazetteer: Iterable[GazetteerEntry] = (), *, geo: bool = True,
                   solo: bool = True) -> list[Entity]:
    """Merge the mentions of every article into canonical entities (``geo``: place them;
    ``solo``: forms that make an entity alone skip the merge), in memory; each entity's
    ``by_article`` is filled."""
    import sqlite3

    articles = list(articles)
    lex = lexicon()
    uf = UnionFind()
    known = union_gazetteer([*gazetteer, *variants()], uf)
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        entity_index.prepare(connection, "memory")
        ids = {h: i for i, h in enumerate(dict.fromkeys(
            a.text_hash for a in articles if a.text_hash in analyses), start=1)}
        entity_index.derive(connection, ((i, 0.0, analyses[h]) for h, i in ids.items()),
                            known, lex)
        connection.execute("CREATE TEMP TABLE chosen (idx INTEGER PRIMARY KEY, "
                           "analysis INTEGER, date TEXT)")
        connection.executemany("INSERT INTO temp.chosen VALUES (?, ?, ?)",
                               [(i, ids.get(a.text_hash), a.date)
                                for i, a in enumerate(articles)])
        table = EntityTable(connection, "temp.chosen", known, uf, lex, geo=geo, solo=solo)
        table.fill_by_article()
        return table.entities
    finally:
        connection.close()


def store_entities(connection: sqlite3.Connection, selection: str,
                   gazetteer: Iterable[GazetteerEntry] = ()) -> EntityTable:
    """The canonical entities of the articles of ``selection`` (a table of the store's
    connection: idx, analysis, date), deriving the entity rows of analyses that have none."""
    lex = lexicon()
    uf = UnionFind()
    known = union_gazetteer([*gazetteer, *variants()], uf)
    _derive_once(connection, selection, known, lex)
    return EntityTable(connection, selection, known, uf, lex)


def derive_stored(connection: sqlite3.Connection,
                  gazetteer: Iterable[GazetteerEntry] = ()) -> int:
    """Derive the entity rows of every stored analysis that has none (a migration: later
    reports then only read them); how many analyses were derived."""
    uf = UnionFind()
    known = union_gazetteer([*gazetteer, *variants()], uf)
    return _derive_once(connection, None, known, lexicon())


def derive_selected(connection: sqlite3.Connection,
                    gazetteer: Iterable[GazetteerEntry] = ()) -> int:
    """Derive the entity rows of the kept selection's analyses that have none and mark the
    selection as having them all (what a report on it does first); how many were derived."""
    uf = UnionFind()
    known = union_gazetteer([*gazetteer, *variants()], uf)
    return _derive_once(connection, "temp.selected", known, lexicon())


_PREPARED = "entity rows "
"""The mark (`rafah.selection.mark_prepared`, with the rows' stamp) of a kept selection whose
analyses all have their entity rows."""


def _derive_once(connection: sqlite3.Connection, selection: str | None, known: Known,
                 lex: Lexicon) -> int:
    """`entity_index.derive_selected`; on the kept selection (``temp.selected``) the check of
    every analysis is skipped once it was made for these rows. Marks are forgotten when the
    rows are derived again for other code or another gazetteer (every row is dropped)."""
    from rafah import selection as kept_rows

    stamp = entity_index.version(known)
    found = connection.execute("SELECT value FROM meta WHERE key = 'entity_index'").fetchone()
    on_kept = selection == "temp.selected" and connection.execute(
        "SELECT 1 FROM temp.sqlite_master WHERE name = 'selection_kept'").fetchone() is not None
    if found is not None and found[0] == stamp and on_kept and \
            kept_rows.prepared(connection, _PREPARED + stamp):
        return 0
    if found is None or found[0] != stamp:
        kept_rows.forget_prepared(connection, _PREPARED)
    done = entity_index.derive_selected(connection, selection, known, lex)
    if on_kept:
        kept_rows.mark_prepared(connection, _PREPARED + stamp)
    return done


class EntityTable:
    """The merge over the selected articles of a connection's entity rows (see
    `rafah.reports.entity_index`): ``rows`` in report order (forms that make an entity
    alone as columns: `rafah.reports.entity_solo`); ``pairs`` answers which articles name
    which entity."""

    def __init__(self, connection: sqlite3.Connection, selection: str, known: Known,
                 uf: UnionFind, lex: Lexicon, *, geo: bool = True, solo: bool = True) -> None:
        import numpy as np

        from rafah.reports.entity_arrays import SelectionArrays
        from rafah.reports.entity_votes import ShortFormVotes, vote_arrays

        self.connection = connection
        self.selection = selection
        arrays = SelectionArrays(connection, selection)
        acronyms = entity_selection.corpus_acronyms(connection, selection)
        for long_key, short_key in acronyms:
            uf.union(long_key, short_key)
        order, totals = arrays.form_order()
        facts = entity_solo.read_facts(connection)
        votes = vote_arrays(facts, order, totals, int(facts.max(initial=0)) + 1)
        alone, stored = _solo_forms(connection, facts, order, votes, acronyms, lex, solo)
        self._solo_codes = facts[order[alone], 6]
        merged = np.flatnonzero(~alone)
        corpus = Corpus(co_mentions=partial(_co_mentions, connection, arrays))
        forms = entity_selection.fill(corpus, stored, lex, order[merged].tolist(),
                                      totals[merged].tolist())
        del stored
        _join_variants(corpus, uf, known, lex, geo=geo)
        one_word = {occ.key: int(facts[form, 0]) for form, occ, _ in forms
                    if facts[form, 5] & entity_solo.ONE_WORD}
        resolver = ShortFormResolver(corpus, known, lex, _place_test(geo),
                                     ShortFormVotes.load(connection, votes, one_word))
        clusters: dict[str, list[Occurrence]] = defaultdict(list)
        firsts: list[int] = []
        roots = []
        for position, (form, occ, targets) in zip(merged.tolist(), forms, strict=True):
            resolved = resolver.resolve(occ, targets)
            root = uf.find(resolved.key)
            if root not in clusters:
                firsts.append(position)
            clusters[root].append(resolved)
            roots.append((form, root))
        numbers, solo_numbers = _numbering(np.array(firsts, dtype=np.int64),
                                           np.flatnonzero(alone))
        entities = [_make_entity(number, root, members, known, lex)
                    for number, (root, members) in zip(numbers.tolist(), clusters.items(),
                                                       strict=True)]
        surnames = _surnames(connection, entities, votes)
        entities = [e for e in entities if not _dropped(e, surnames, resolver, lex)]
        if geo:
            entities = _settle_groups(entities, lex, _place_named())
        root_numbers = dict(zip(clusters, numbers.tolist(), strict=True))
        owners = _form_owners(roots, root_numbers, {e.parts[0] for e in entities},
                              order[alone], solo_numbers)
        count = len(clusters) + len(solo_numbers)
        del forms, roots, root_numbers, resolver, corpus, clusters  # before the pairs
        self.pairs = arrays.pairs(owners, count)
        arrays.release()
        articles, first_seen, last_seen = self.pairs.entity_articles()
        self._articles(entities, articles, first_seen, last_seen)
        self._solo_numbers = solo_numbers
        if geo:
            place_entities(entities, lex.unmapped, self._place_contexts)
            _retype_unplaced(entities)
            entities = merge_same_places(entities)
            self._merged_articles([e for e in entities if len(e.parts) > 1])
        solo_rows = _solo_rows(connection, order[alone], self._solo_codes, totals[alone],
                               solo_numbers, (articles, first_seen, last_seen))
        self.rows = _report_order(entities, solo_rows, solo_numbers.tolist())

    @cached_property
    def entities(self) -> list[Entity]:
        """The rows as `Entity` objects, in report order (made when first asked)."""
        return self.rows.entities()

    @staticmethod
    def _articles(entities: list[Entity], articles: list[int], first_seen: list[str | None],
                  last_seen: list[str | None]) -> None:
        """Each entity's articles and dates (lists by entity number)."""
        for entity in entities:
            number = entity.parts[0]
            entity.articles = articles[number]
            entity.first_seen, entity.last_seen = first_seen[number], last_seen[number]

    def _place_contexts(self, places: list[Entity]) -> list[tuple[list[str], int]]:
        """The place names of each article (in entity order) with how many articles name
        exactly those, in the order the articles first name a place. Names no gazetteer
        knows are left out: they have no place and are no other name's context (solo
        places never have one, `rafah.reports.entity_solo`)."""
        from rafah.places import lookup

        names = {e.parts[0]: e.name for e in places}
        solo_places = [(number, False) for number, code in
                       zip(self._solo_numbers.tolist(), self._solo_codes.tolist(), strict=True)
                       if code in PLACE_CODES]
        sets = self.pairs.place_sets(
            [(e.parts[0], bool(e.name.strip() and lookup(e.name))) for e in places]
            + solo_places)
        return [([names[n] for n in found], weight) for found, weight in sets]

    def _merged_articles(self, merged: list[Entity]) -> None:
        """The articles of place rows that absorbed others."""
        if not merged:
            return
        found = self.pairs.grouped_articles({part: e.parts[0] for e in merged
                                             for part in e.parts})
        for entity in merged:
            entity.articles = found[entity.parts[0]]

    def _rank_of(self, skip_types: Iterable[str]) -> Any:
        """Each entity number → the rank of its row (-1: rows of ``skip_types``, or no
        row)."""
        import numpy as np

        skipped = set(skip_types)
        rows = self.rows
        count = len(rows.merged)
        rank_of = np.full(self.pairs.entities, -1, dtype=np.int64)
        order = np.array(rows.order, dtype=np.int64)
        ranks = np.arange(len(order))
        solo = order >= count
        index = order[solo] - count
        codes = np.array(rows.solo.codes, dtype=np.int64)[index]
        kept = ~np.isin(codes, [TYPES.index(t) + 1 for t in skipped if t in TYPES])
        rank_of[self._solo_numbers[index[kept]]] = ranks[solo][kept]
        for rank, item in zip(ranks[~solo].tolist(), order[~solo].tolist(), strict=True):
            entity = rows.merged[item]
            if entity.type not in skipped:
                rank_of[entity.parts] = rank
        return rank_of

    def _articles_of(self) -> list[tuple[int, int]]:
        """(position, analysis) of every selected article with an analysis, in order; the
        position counts every selected article from 0 (``idx`` may have gaps: a kept
        selection's rows are numbered over the whole corpus)."""
        return self.connection.execute(
            "SELECT position, analysis FROM (SELECT row_number() OVER (ORDER BY idx) - 1 AS "
            f"position, analysis FROM {self.selection}) WHERE analysis IS NOT NULL "
            "ORDER BY position").fetchall()

    def top_names(self, count: int, *, skip_types: Iterable[str] = ("NORP",)) -> Any:
        """For each article (its position in the selection, from 0), the canonical names it
        mentions most (ties: report order): a `rafah.reports.top_names.TopNames` mapping,
        which also gives them as one JSON text per analysis."""
        from rafah.reports.entity_arrays import top_rank_runs
        from rafah.reports.top_names import TopNames

        return TopNames(top_rank_runs(self.pairs, self._rank_of(skip_types), count),
                        self._names(), self._articles_of)

    def _names(self) -> list[str]:
        """The rows' names in report order."""
        return self.rows.names()

    def fill_by_article(self) -> None:
        """Each entity's mentions per article (its position in the selection, from 0)."""
        rank_of = self._rank_of(()).tolist()
        pairs = self.pairs.by_row()
        entities = self.entities
        for position, analysis in self._articles_of():
            for number, mentions in pairs.get(analysis, ()):
                found = entities[rank_of[number]].by_article
                found[position] = found.get(position, 0) + mentions


def _form_owners(roots: list[tuple[int, str]], numbers: dict[str, int], kept: set[int],
                 solo_forms: Any, solo_numbers: Any) -> Any:
    """Form id → the number of its entity (-1: a form of no kept entity)."""
    import numpy as np

    size = max(max((form for form, _ in roots), default=-1),
               int(solo_forms.max()) if len(solo_forms) else -1) + 1
    owners = np.full(size, -1, dtype=np.int32)
    for form, root in roots:
        if numbers[root] in kept:
            owners[form] = numbers[root]
    owners[solo_forms] = solo_numbers
    return owners


def _co_mentions(connection: sqlite3.Connection, arrays: SelectionArrays,
                 wanted: dict[str, dict[str, str]]) -> dict[str, tuple[int, Counter[str]]]:
    """`rafah.reports.entity_selection.co_mentions`, the selection's analyses written for it
    the first time it is asked something."""
    if wanted:
        entity_selection.select(connection, arrays.analysis.tolist(), arrays.weight.tolist())
    return entity_selection.co_mentions(connection, wanted)


def _numbering(firsts: Any, solo: Any) -> tuple[Any, Any]:
    """The entity numbers of the merged clusters (``firsts``: the position of each one's
    first form, ascending) and of the solo forms (``solo``: their positions, ascending):
    every entity is numbered by its first form's position, as one pass over all forms
    would number them."""
    import numpy as np

    clusters = np.arange(len(firsts)) + np.searchsorted(solo, firsts)
    alone = np.arange(len(solo)) + np.searchsorted(firsts, solo)
    return clusters.astype(np.int64), alone.astype(np.int64)


def _solo_forms(connection: sqlite3.Connection, facts: Any, order: Any, votes: VoteArrays,
                acronyms: list[tuple[str, str]], lex: Lexicon, wanted: bool = True
                ) -> tuple[Any, dict[int, tuple[Any, ...]]]:
    """Which of the forms ``order`` make an entity alone (`rafah.reports.entity_solo`;
    none unless ``wanted``), and the stored rows of the others."""
    import numpy as np

    if not wanted:
        return np.zeros(len(order), dtype=bool), \
            entity_selection.read_forms(connection, order.tolist())
    one_word = order[(facts[order, 5] & entity_solo.ONE_WORD) > 0]
    targets = votes.targets(np.unique(facts[one_word, 0]))
    solo = entity_solo.solo_mask(facts, order, targets)
    stored = entity_selection.read_forms(connection, order[~solo].tolist())
    named = order[(facts[order, 5] & entity_solo.NAME_JOINS) > 0].tolist()
    joined = entity_solo.joined_names([stored[form][1] for form in named], lex) | \
        {key for pair in acronyms for key in pair}
    ids = entity_solo.name_ids(connection, joined)
    if ids:
        again = entity_solo.solo_mask(facts, order, targets, ids.values())
        more = order[solo & ~again]
        solo = again
        stored.update(entity_selection.read_forms(connection, more.tolist()))
    return np.asarray(solo, dtype=bool), stored


def _surnames(connection: sqlite3.Connection, entities: list[Entity], votes: VoteArrays
              ) -> set[str]:
    """The parts of hyphenated names (`_dropped`) that are a surname of the selection."""
    parts = {part for e in entities if "-" in e.name
             for part in _uncached_key(e.name).split("-")}
    count = votes.surnames.count
    return {part for part, i in entity_solo.name_ids(connection, parts).items()
            if i < len(count) and count[i] > 0}


def _solo_rows(connection: sqlite3.Connection, forms: Any, codes: Any, mentions: Any,
               numbers: Any, counted: tuple[list[int], list[str | None], list[str | None]]
               ) -> SoloRows:
    """The rows of the solo ``forms`` (in their order) with their type ``codes``, mentions,
    entity ``numbers`` and the articles and dates ``counted`` per entity number."""
    import json

    cleaned, written = (json.loads(text or "[]") for text in connection.execute(
        "SELECT json_group_array(cleaned), json_group_array(written) FROM (SELECT f.cleaned, "
        "f.written FROM json_each(?) s JOIN entity_forms f ON f.id = s.value ORDER BY s.key)",
        (json.dumps(forms.tolist()),)).fetchone())
    articles, first_seen, last_seen = counted
    chosen = numbers.tolist()
    return SoloRows(cleaned, written, codes.tolist(), mentions.tolist(),
                    [articles[n] for n in chosen], [first_seen[n] for n in chosen],
                    [last_seen[n] for n in chosen])


def _report_order(merged: list[Entity], solo: SoloRows, numbers: list[int]) -> EntityRows:
    """The rows most widely reported first: by articles, mentions, name (case folded),
    then entity number (the order of their first mention)."""
    import numpy as np

    names = [e.name.casefold() for e in merged] + [n.casefold() for n in solo.names]
    rank = np.empty(len(names), dtype=np.int64)  # dense ranks of the names: no fixed-width
    dense, previous = -1, None                    # text array (one long name would size it)
    for index in sorted(range(len(names)), key=names.__getitem__):
        if names[index] != previous:
            dense, previous = dense + 1, names[index]
        rank[index] = dense
    articles = np.array([e.articles for e in merged] + solo.articles, dtype=np.int64)
    mentions = np.array([e.mentions for e in merged] + solo.mentions, dtype=np.int64)
    number = np.array([e.parts[0] for e in merged] + numbers, dtype=np.int64)
    order = np.lexsort((number, rank, -mentions, -articles))
    return EntityRows(merged, solo, order.tolist())


def _place_named() -> Callable[[str], bool]:
    """Whether a word names a place as such (no alternate spelling): "Ohio", "Gaza"."""
    from rafah.places import fold, lookup

    def named(stem: str) -> bool:
        return any(fold(p.name) == fold(stem) or p.curated or p.feature != "city"
                   for p in lookup(stem))

    return named


def _settle_groups(entities: list[Entity], lex: Lexicon, place_named: Callable[[str], bool]
                   ) -> list[Entity]:
    """A group row (NORP) must be a group: in the lexicon or named after a place
    ("Illinoisans", "Ohioan"); else it takes the model's other label, or is no row
    ("Trumpian", "Swans")."""
    kept = []
    for entity in entities:
        if entity.type != "NORP" or lex.is_group(entity.name) or any(
                place_named(stem) for stem in lex.demonym_stems(entity.name)):
            kept.append(entity)
            continue
        other = Counter({k: v for k, v in entity.labels.items() if k != "NORP"})
        if other:
            entity.type = other.most_common(1)[0][0]
            kept.append(entity)
    return kept


def _retype_unplaced(entities: list[Entity]) -> None:
    """A country-or-town row no gazetteer can place takes its next label when the model
    also called it an organisation or a person often enough ("Netflix")."""
    for entity in entities:
        if entity.type != "GPE" or entity.lat is not None or not entity.labels:
            continue
        other = Counter({k: v for k, v in entity.labels.items() if k in ("ORG", "PERSON")})
        if other and other.most_common(1)[0][1] >= UNPLACED_SHARE * entity.mentions:
            entity.type = other.most_common(1)[0][0]
            entity.country = entity.geo_rule = None


def _join_variants(corpus: Corpus, uf: UnionFind, known: Known, lex: Lexicon, *,
                   geo: bool) -> None:
    """Step 3: the name-variant joins (``geo``: places name countries of organisations)."""
    join_person_variants(corpus, uf)
    join_group_forms(corpus, uf, lex)
    join_formal_country_names(corpus, uf, known, lex, _country_test(geo))
    place_country = dict(_place_countries(corpus)) if geo else {}
    join_org_variants(corpus, uf, place_country, lex)
    join_storm_names(corpus, uf, lex)


def _place_test(geo: bool) -> Callable[[str], bool]:
    """Whether a one-word name is a well-known place: a country, a state or a city of
    100,000 people or more (always False without ``geo``)."""
    if not geo:
        return lambda _key: False
    from rafah.places import lookup

    def known(key: str) -> bool:
        return any(p.feature != "city" or (p.population or 0) >= BIG_CITY for p in lookup(key))

    return known


def _country_test(geo: bool) -> Callable[[str], bool] | None:
    """Whether a name is unambiguously a country (None without ``geo``: ask the corpus)."""
    if not geo:
        return None
    from rafah.places import lookup

    def country(name: str) -> bool:
        found = lookup(name)
        return bool(found) and found[0].feature == "country" and \
            all(p.feature != "state" for p in found)

    return country


def _place_countries(corpus: Corpus) -> Iterable[tuple[str, str]]:
    """One-word place keys of the corpus with the country ``rafah.places`` gives them."""
    from rafah.places import country_of

    for key in corpus.label_counts:
        if " " not in key and corpus.mostly(key, PLACE_TYPES) and corpus.count(key) >= 2:
            country = country_of(key)
            if country:
                yield key, country


_uncached_key = name_key.__wrapped__


def _dropped(entity: Entity, surnames: set[str], resolver: ShortFormResolver,
             lex: Lexicon) -> bool:
    """Rows that are no names: junk words only, a first name that joined nobody, surnames
    joined by a hyphen ("the Biden-Harris campaign"; ``surnames``: the parts of such names
    that are a surname of the selection)."""
    key = _uncached_key(entity.name)  # one call a row: a cache would only churn
    junk = lex.junk
    if key in junk or all(word in junk for word in key.split()):
        return True
    if "-" in key and all(part in surnames for part in key.split("-")):
        return True
    return entity.type == "PERSON" and entity.keys <= resolver.first_name_only


def _canonical(forms: Counter[str], kind: str, lex: Lexicon) -> str:
    """The name of an entity of type ``kind`` with these cleaned forms (and counts)."""
    if len(forms) == 1:
        return next(iter(forms))
    if kind == "PERSON":
        full = {f: c for f, c in forms.items() if len(f.split()) >= 2}
        if full:
            return max(full, key=lambda f: (full[f], len(f.split()), f))
    if kind in PLACE_TYPES:
        return max(forms, key=lambda f: (forms[f], -len(f), f))
    if kind == "NORP":
        groups = {f: c for f, c in forms.items() if lex.group_key(f) == name_key(f)}
        if groups:
            return max(groups, key=lambda f: (groups[f], f))
    top = max(forms.values())
    common = [f for f, count in forms.items() if count >= max(1.0, COMMON_SHARE * top)]
    return max(common, key=lambda f: (len(f.split()), forms[f], len(f)))


def _name_and_type(root: str, members: list[Occurrence], known: Known, lex: Lexicon
                   ) -> tuple[str, str, GazetteerEntry | None]:
    """The gazetteer's name and type when the entity is in it, else the vote's."""
    entry = known.by_key.get(members[0].key) if len(members) == 1 else next(
        (known.by_key[m.key] for m in members if m.key in known.by_key), None)
    if entry is None:
        entry = known.by_key.get(root)
    if entry is not None:
        return entry.name, entry.type, entry
    facts = members[0].facts
    if len(members) == 1 and facts is not None:  # its words' cue, derived with the form
        return members[0].cleaned, solo_type(members[0].label, facts), None
    forms: Counter[str] = Counter()
    for m in members:
        forms[m.cleaned] += m.count
    kind = vote_type(members, _canonical(forms, "", lex), lex)
    return _canonical(forms, kind, lex), kind, None


def _make_entity(number: int, root: str, members: list[Occurrence], known: Known,
                 lex: Lexicon) -> Entity:
    """An entity of the cluster ``root`` (``number``: its place in the clusters' order);
    its articles and dates are counted later, in the store."""
    name, kind, entry = _name_and_type(root, members, known, lex)
    if len(members) == 1:
        return _one_form_entity(number, name, kind, entry, members[0])
    surfaces: Counter[str] = Counter()
    for m in members:
        surfaces[m.written] += m.count
    for m in members:
        surfaces[m.cleaned] += m.count
    aliases = [s for s, _ in sorted(surfaces.items(), key=lambda p: (-p[1], p[0]))
               if s != name and not has_article(s)]
    known_names = {name, *entry.surfaces} if entry else set()
    labels: Counter[str] = Counter()
    for m in members:
        labels[m.label] += m.count
    return Entity(name=name, type=kind, mentions=sum(m.count for m in members), articles=0,
                  first_seen=None, last_seen=None, aliases=aliases,
                  keys={m.key for m in members}, surfaces=set(surfaces) | known_names,
                  labels=labels, parts=[number])


def _one_form_entity(number: int, name: str, kind: str, entry: GazetteerEntry | None,
                     form: Occurrence) -> Entity:
    """`_make_entity` of a cluster of one form (most of them), without counting."""
    written, cleaned = form.written, form.cleaned
    names = (written,) if written == cleaned else \
        (written, cleaned) if written < cleaned else (cleaned, written)
    return Entity(name, kind, form.count, 0, None, None,
                  [s for s in names if s != name and not has_article(s)],
                  {form.key}, {written, cleaned, name, *entry.surfaces}
                  if entry else {written, cleaned}, labels={form.label: form.count}, parts=[number])


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
                    min_articles: int = 1, country: str | None = None) -> list[Entity]:
    """Keep the chosen types, entities in at least ``min_articles`` articles, places in
    ``country`` (ISO 3166-1 alpha-2; other rows have no country and are left out), the
    first ``top``."""
    wanted = {t.upper() for t in types}
    code = country.upper() if country else None
    chosen = [e for e in entities if (not wanted or e.type in wanted) and
              e.articles >= min_articles and (code is None or e.country == code)]
    return chosen[:top] if top else chosen


def geojson(entities: Iterable[Entity]) -> dict[str, Any]:
    """Place rows with coordinates as a GeoJSON FeatureCollection (other rows left out)."""
    from rafah.places import feature_collection

    return feature_collection(e.to_record() for e in entities if e.is_place)


def find_entity(entities: list[Entity], term: str) -> Entity | None:
    """The entity a search term names (its canonical name or any alias), most frequent first."""
    key = name_key(term)
    for entity in entities:
        if key == name_key(entity.name) or key in entity.keys or \
                key in {name_key(s) for s in entity.surfaces}:
            return entity
    return None
