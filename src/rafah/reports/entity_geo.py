"""Where the place rows are: coordinates and country from ``rafah.places``.

Each article's place names are resolved together, so the co-mentioned places decide ("Rafah"
beside "Khan Younis" is in Gaza); a name's place is the vote of its articles. A row whose
canonical name has no place tries its aliases, most frequent first. Rows naming the same place
then join ("DC" = "Washington, D.C."). The gazetteer is loaded only here, on first use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rafah.places import Place
    from rafah.reports.entities import Entity

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


Contexts = Callable[[list["Entity"]], list[tuple[list[str], int]]]
"""Place rows → the place names of each article (in row order) with how many articles name
exactly those, in the order the articles first name a place."""


def _vote(contexts: list[tuple[list[str], int]]) -> dict[str, Place]:
    """Each name's place by a vote of the articles it occurs in (unresolved names left out)."""
    from rafah.places import resolve_article
    from rafah.places.resolve import elect

    votes: dict[str, Counter[Place]] = defaultdict(Counter)
    for names, weight in contexts:
        for name, place in resolve_article(names).items():
            if place is not None:
                votes[name][place] += weight
    return {name: elect(counter) for name, counter in votes.items()}


def _alias_place(entity: Entity) -> Place | None:
    """The place of the first alias that has one, with no context."""
    from rafah.places import resolve_article

    for alias in entity.aliases:
        place = resolve_article([alias]).get(alias)
        if place is not None:
            return place
    return None


def _set_place(entity: Entity, place: Place | None) -> None:
    from rafah.places import geo_fields

    for name, value in geo_fields(place).items():
        setattr(entity, name, value)


def _fits(entity: Entity, place: Place | None, unmapped: frozenset[str]) -> Place | None:
    """The place, unless it cannot be the entity: a town for a location or facility
    ("Pacific", "Jupiter" are no towns), anything for a name of the sky ("Mars")."""
    if place is None or entity.name.casefold() in unmapped:
        return None
    if entity.type != "GPE" and place.feature == "city" and not place.curated:
        return None
    return place


def place_entities(entities: Iterable[Entity], unmapped: frozenset[str] = frozenset(),
                   contexts: Contexts | None = None) -> None:
    """Fill ``country``, ``lat``, ``lon``, ``geonameid`` and ``geo_rule`` of place rows
    (``contexts``: which articles name which rows)."""
    places = [e for e in entities if e.type in PLACE_TYPES and e.name.casefold() not in unmapped]
    found = _vote(contexts(places) if contexts else [])
    for entity in places:
        place = found.get(entity.name)
        place = place if place is not None else _alias_place(entity)
        _set_place(entity, _fits(entity, place, unmapped))


def _identity(entity: Entity) -> tuple[Any, ...] | None:
    """What makes two place rows one place; None for a row that joins nothing: no place, or
    a part named by direction ("Southern California" is not California)."""
    if entity.type not in PLACE_TYPES or entity.lat is None or entity.lon is None:
        return None
    from rafah.places.fold import fold, without_direction

    if without_direction(fold(entity.name)) is not None:
        return None
    if entity.geonameid is not None:
        return ("id", entity.geonameid)
    return ("at", entity.country, round(entity.lat, 3), round(entity.lon, 3))


def _absorb(into: Entity, other: Entity) -> None:
    """Add ``other``'s mentions and names to ``into`` (its articles are counted by the
    caller: ``parts`` names the rows joined)."""
    into.parts += other.parts
    into.mentions += other.mentions
    into.keys |= other.keys
    into.surfaces |= other.surfaces | {other.name}
    names = [other.name, *other.aliases]
    into.aliases += [n for n in names if n != into.name and n not in into.aliases]
    seen = [d for d in (into.first_seen, other.first_seen, into.last_seen, other.last_seen) if d]
    if seen:
        into.first_seen, into.last_seen = min(seen), max(seen)


def merge_same_places(entities: list[Entity]) -> list[Entity]:
    """Place rows that resolved to the same place become one row (the most mentioned
    names it)."""
    ordered = sorted(entities, key=lambda e: (-e.articles, -e.mentions, e.name.casefold()))
    first: dict[tuple[Any, ...], Entity] = {}
    kept: list[Entity] = []
    for entity in ordered:
        identity = _identity(entity)
        if identity is not None and identity in first:
            _absorb(first[identity], entity)
            continue
        if identity is not None:
            first[identity] = entity
        kept.append(entity)
    return kept
