"""The resolved place: a frozen record with its coordinates and the rule that chose it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GEONAMES = "geonames"

# Rules, in the order they are tried (see rafah.places.resolve).
RULES = ("unique", "country", "coherence", "curated", "state", "population")


@dataclass(frozen=True)
class Place:
    """One real place: GeoNames or curated, with the rule that picked it (None in lookups)."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for seas and wide regions
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country, state, county, city, continent, territory, camp, crossing...
    population: int | None = None
    type: str = "GPE"  # the entity type: GPE, LOC or FAC
    admin: str | None = None  # GeoNames admin1 code (US: the state's postal code)
    source: str = GEONAMES  # "geonames" or the curated file: "conflict", "news"
    rule: str | None = None

    @property
    def curated(self) -> bool:
        """Whether the place comes from a curated data file."""
        return self.source != GEONAMES


def geo_fields(place: Place | None) -> dict[str, Any]:
    """The columns an entity row of type GPE/LOC/FAC takes from its place (None: unknown)."""
    if place is None:
        return {"country": None, "lat": None, "lon": None, "geonameid": None, "geo_rule": None}
    return {"country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "geo_rule": place.rule}
