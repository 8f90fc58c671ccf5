"""Place-name disambiguation in the manner of CLIFF-CLAVIN.

A name's candidates are the index rows of its best tier group (curated names and GeoNames
names first; names without their Arabic article next; GeoNames alternate names last). One
name is resolved by the first rule that decides, recorded in ``Place.rule``:

``unique``      only one candidate.
``country``     an exact country name or alias ("US", "Britain"), unless the article's other
                places contradict it: none of them is in that country while another candidate
                is in the same state or province as one of them ("Georgia" beside "Atlanta"),
                or is a US state in the same country as one of them ("Georgia, Alabama").
``coherence``   the candidate the article's other places support best: most places in the
                same state or province, then in the same country ("Rafah" beside
                "Khan Younis" is in Gaza; "Paris" beside "France" in France). When a US state
                competes, only towns and cities count at the state level, so "Virginia" beside
                "Minnesota" stays a state. Support at the country level alone never picks a
                place of under 1/20 the population of the largest candidate ("Moscow" beside
                "Washington" stays in Russia).
``curated``     a curated place (data/places_*.jsonl) when the article names no other place,
                or one in a country of that curated file ("Gaza" is the Strip).
``state``       a US state, when no curated place competes ("Virginia" alone).
``population``  the most populous candidate.

The other places of an article are their own context-free resolutions (a first pass).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from rafah.places.fold import fold
from rafah.places.index import TIER_LOOSE, TIER_NAME, get_index
from rafah.places.model import Place

ADMIN_FEATURES = frozenset({"country", "state", "county", "continent"})
DWARF = 20


class Candidate(NamedTuple):
    """A place a name may denote, with the tier of the match (0 best, 3 worst)."""

    place: Place
    tier: int


def _group(tier: int) -> int:
    """Tier groups: 0 names, 1 names without their article, 2 alternate names."""
    return 0 if tier <= TIER_NAME else 1 if tier == TIER_LOOSE else 2


def _default_order(candidate: Candidate) -> tuple[int, int, int, int, int]:
    """Sort key of candidates without context: group, countries, tier, states, population."""
    place = candidate.place
    return (_group(candidate.tier), place.feature != "country", candidate.tier,
            place.feature != "state", -(place.population or 0))


@lru_cache(maxsize=65536)
def _all_candidates(name: str) -> tuple[Candidate, ...]:
    """Every candidate of a name, best first (cached)."""
    index = get_index()
    found = [Candidate(index.place(row), tier) for row, tier in index.matches(name).items()]
    return tuple(sorted(found, key=_default_order))


def _candidates(name: str) -> tuple[Candidate, ...]:
    """The candidates of the best tier group, best first."""
    found = _all_candidates(name)
    if not found:
        return ()
    best = _group(found[0].tier)
    return tuple(c for c in found if _group(c.tier) == best)


def lookup(name: str) -> list[Place]:
    """Every place ``name`` may denote, the likeliest first (``rule`` is None)."""
    return [c.place for c in _all_candidates(name)]


# ---------------------------------------------------------------- support from the context

def _admin_support(place: Place, context: Sequence[Place], local_only: bool) -> int:
    """How many context places lie in the same state or province as ``place``."""
    if not place.admin:
        return 0
    return sum(1 for other in context
               if other.country == place.country and other.admin == place.admin
               and not (local_only and other.feature in ADMIN_FEATURES))


def _country_support(place: Place, context: Sequence[Place], below: bool = False) -> int:
    """How many context places lie in the country of ``place`` (``below``: countries aside)."""
    return sum(1 for other in context if other.country == place.country
               and not (below and other.feature == "country"))


def _overridden(country: Candidate, pool: Sequence[Candidate], context: Sequence[Place]) -> bool:
    """Whether the context speaks against a country name and for another candidate."""
    if _country_support(country.place, context):
        return False
    for other in pool:
        if other.place.feature == "country":
            continue
        if _admin_support(other.place, context, False):
            return True
        if other.place.feature == "state" and _country_support(other.place, context, True):
            return True
    return False


def _coherence(pool: Sequence[Candidate], context: Sequence[Place]
               ) -> tuple[list[Candidate], bool]:
    """The best supported candidates, and whether one alone is best."""
    if not context:
        return list(pool), False
    local_only = any(c.place.feature == "state" and _country_support(c.place, context, True)
                     for c in pool)
    scores = [(_admin_support(c.place, context, local_only), _country_support(c.place, context))
              for c in pool]
    best = max(scores)
    top = [c for c, score in zip(pool, scores, strict=True) if score == best]
    if best[0] == 0:  # country-level support alone does not pick a far smaller place
        largest = max(c.place.population or 0 for c in pool)
        top = [c for c in top if not _dwarfed(c.place, largest)]
    if best == (0, 0) or not top:
        return list(pool), False
    return top, len(top) == 1


def _dwarfed(place: Place, largest: int) -> bool:
    """Whether a known population is under 1/DWARF of the largest candidate's."""
    return bool(place.population) and (place.population or 0) * DWARF < largest


def _curated(pool: Sequence[Candidate], context: Sequence[Place], regions: dict[str, frozenset[str]]
             ) -> Candidate | None:
    """A curated candidate, when the context is empty or in its file's region."""
    curated = [c for c in pool if c.tier == 0 and c.place.curated]
    if not curated:
        return None
    countries = {p.country for p in context}
    region = regions.get(curated[0].place.source, frozenset())
    if context and not countries & region:
        return None
    return curated[0]


def _state(pool: Sequence[Candidate]) -> Candidate | None:
    """A US state, when no curated place competes."""
    if any(c.tier == 0 and c.place.curated for c in pool):
        return None
    return next((c for c in pool if c.place.feature == "state"), None)


def _natural_rule(candidate: Candidate) -> str:
    """The rule named when a candidate had no rival."""
    feature = candidate.place.feature
    if feature in ("country", "state"):
        return feature
    return "curated" if candidate.place.curated and candidate.tier == 0 else "unique"


def _mark(candidate: Candidate, rule: str) -> Place:
    """The candidate's place, stamped with the rule that chose it."""
    return replace(candidate.place, rule=rule)


def decide(candidates: Sequence[Candidate], context: Sequence[Place]) -> Place | None:
    """One name's place among ``candidates``, given the article's other places."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return _mark(candidates[0], _natural_rule(candidates[0]))
    pool = list(candidates)
    country = next((c for c in pool if c.place.feature == "country"), None)
    if country is not None:
        if not _overridden(country, pool, context):
            return _mark(country, "country")
        pool = [c for c in pool if c.place.feature != "country"]
    pool, decided = _coherence(pool, context)
    if decided:
        return _mark(pool[0], "coherence")
    curated = _curated(pool, context, get_index().regions)
    if curated is not None:
        return _mark(curated, "curated")
    state = _state(pool)
    if state is not None:
        return _mark(state, "state")
    return _mark(max(pool, key=lambda c: (c.place.population or 0, c.tier == 0)), "population")


# ---------------------------------------------------------------- articles and corpora

def resolve_article(names: Iterable[str]) -> dict[str, Place | None]:
    """One article's place names (a mapping of name → count works too) → their places."""
    distinct = [n for n in dict.fromkeys(names) if isinstance(n, str) and n.strip()]
    keys = {name: fold(name) for name in distinct}
    candidates = {name: _candidates(name) for name in distinct}
    first = {name: decide(found, ()) for name, found in candidates.items()}
    result: dict[str, Place | None] = {}
    for name, found in candidates.items():
        context = [place for other, place in first.items()
                   if place is not None and place.country and keys[other] != keys[name]]
        result[name] = decide(found, context)
    return result


def elect(votes: Counter[Place]) -> Place:
    """The place with the most votes (then the larger), with its most frequent rule."""
    tally: Counter[Place] = Counter()
    rules: dict[Place, Counter[str | None]] = defaultdict(Counter)
    for place, count in votes.items():
        plain = replace(place, rule=None)
        tally[plain] += count
        rules[plain][place.rule] += count
    best = max(tally, key=lambda p: (tally[p], p.population or 0))
    return replace(best, rule=rules[best].most_common(1)[0][0])


def resolve_corpus(per_article: Iterable[Iterable[str]]) -> dict[str, Place]:
    """Each name's place by a vote of the articles it occurs in (unresolved names left out)."""
    votes: dict[str, Counter[Place]] = defaultdict(Counter)
    for names in per_article:
        for name, place in resolve_article(names).items():
            if place is not None:
                votes[name][place] += 1
    return {name: elect(counter) for name, counter in votes.items()}


def country_of(name: str) -> str | None:
    """The ISO country code of the place ``name`` most likely denotes, with no context."""
    place = decide(_candidates(name), ())
    return place.country if place else None
