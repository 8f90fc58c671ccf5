"""Entity merging and typing mechanisms, from hand-made mentions (no model)."""

from __future__ import annotations

import json

import pytest

from rafah.gazetteer import GazetteerEntry
from rafah.records import Analysis, Article, Mention
from rafah.reports.entities import build_entities, filter_entities, geojson
from rafah.reports.entity_lexicon import lexicon
from rafah.reports.entity_merge import UnionFind, name_key
from rafah.reports.entity_types import cue_type


def article(index: int) -> Article:
    return Article(id=f"a{index}.txt", path=f"a{index}.txt", date="2024-07-20",
                   date_source="header", title=None, paragraphs=["x"], text_hash=f"h{index}")


def mentions(*items: tuple[str, str]) -> Analysis:
    found = []
    for text, label in items:
        cleaned = text.removeprefix("the ").removeprefix("The ")
        found.append(Mention(cleaned, label, 0, len(text), 0, "" if cleaned == text else text))
    return Analysis(mentions=found)


def rows(*articles: tuple[tuple[str, str], ...], gazetteer: tuple[GazetteerEntry, ...] = (),
         geo: bool = False) -> dict[str, tuple[str, int]]:
    """name → (type, mentions) of the entities of one article per argument."""
    arts = [article(i) for i in range(len(articles))]
    analyses = {f"h{i}": mentions(*items) for i, items in enumerate(articles)}
    return {e.name: (e.type, e.mentions)
            for e in build_entities(arts, analyses, gazetteer, geo=geo)}


def test_a_religious_or_national_group_is_never_a_person() -> None:
    found = rows((("Iraqi Yazidis", "PERSON"), ("Iraqi Yazidis", "PERSON"),
                  ("Druze", "PERSON"), ("Kurds", "ORG")))
    assert found == {"Iraqi Yazidis": ("NORP", 2), "Druze": ("NORP", 1), "Kurds": ("NORP", 1)}


def test_a_groups_forms_join_under_its_plural() -> None:
    found = rows((("Israeli", "NORP"), ("Israeli", "NORP"), ("Israelis", "NORP")),
                 (("Jewish", "NORP"), ("Jews", "NORP"), ("Democratic", "NORP"),
                  ("Democrats", "NORP"), ("Democrat", "NORP")))
    assert found == {"Israelis": ("NORP", 3), "Jews": ("NORP", 2), "Democrats": ("NORP", 3)}


def test_a_name_that_is_no_group_is_not_norp() -> None:
    found = rows((("Acme", "NORP"), ("Acme", "ORG"), ("Gazans", "NORP")))
    assert found == {"Acme": ("ORG", 2), "Gazans": ("NORP", 1)}


def test_a_countrys_formal_name_is_the_country() -> None:
    found = rows((("the State of Israel", "ORG"), ("Israel", "GPE"), ("Israel", "GPE")),
                 (("the Kingdom of Saudi Arabia", "ORG"), ("Saudi Arabia", "GPE")),
                 (("State of the Union", "ORG"),))
    assert found == {"Israel": ("GPE", 3), "Saudi Arabia": ("GPE", 2),
                     "State of the Union": ("ORG", 1)}


def test_agreements_are_laws_camps_and_coasts_places_storms_and_fires_events() -> None:
    found = rows((("the Abraham Accords", "ORG"), ("Oslo Agreement", "ORG"),
                  ("Nuseirat Camp", "ORG"), ("Gulf Coast", "PERSON"), ("Park Fire", "PERSON"),
                  ("Hurricane Beryl", "PERSON"), ("Beryl", "FAC"), ("Beryl", "PERSON"),
                  ("Camp David", "FAC"), ("Human Rights Campaign", "ORG")))
    assert found == {"Abraham Accords": ("LAW", 1), "Oslo Agreement": ("LAW", 1),
                     "Nuseirat Camp": ("GPE", 1), "Gulf Coast": ("LOC", 1),
                     "Park Fire": ("EVENT", 1), "Hurricane Beryl": ("EVENT", 3),
                     "Camp David": ("FAC", 1), "Human Rights Campaign": ("ORG", 1)}


def test_cue_type_leaves_places_and_plain_organisations_alone() -> None:
    lex = lexicon()
    assert cue_type("West Bank", "GPE", lex) is None
    assert cue_type("United Airlines", "ORG", lex) is None
    assert cue_type("Toronto Fire", "ORG", lex) is None


def test_a_first_name_alone_joins_its_person_or_is_no_row() -> None:
    found = rows((("Kamala Harris", "PERSON"), ("Kamala", "GPE"), ("Kamala", "PERSON")),
                 (("Richard Smith", "PERSON"), ("Richard Jones", "PERSON"),
                  ("Richard", "PERSON")))
    assert found == {"Kamala Harris": ("PERSON", 3), "Richard Smith": ("PERSON", 1),
                     "Richard Jones": ("PERSON", 1)}


def test_a_nickname_joins_the_formal_given_name() -> None:
    found = rows((("Bernard Sanders", "PERSON"), ("Bernie Sanders", "PERSON"),
                  ("Bernie Sanders", "PERSON")),)
    assert found == {"Bernie Sanders": ("PERSON", 3)}


def test_junk_words_acronyms_and_title_fragments_are_no_rows() -> None:
    found = rows((("Security", "ORG"), ("ESG", "ORG"), ("Emeritus", "ORG"), ("Jr.", "PERSON"),
                  ("Mar", "PERSON"), ("Homeland Security", "ORG")))
    assert found == {"Homeland Security": ("ORG", 1)}


def test_a_common_word_does_not_join_a_capitals_only_alias() -> None:
    gazetteer = (GazetteerEntry("United States", "GPE", ("US", "U.S.")),)
    arts = [article(0)]
    analyses = {"h0": mentions(("US", "GPE"), ("U.S.", "GPE"), ("Us", "GPE"), ("Us", "GPE"))}
    entities = {e.name: e for e in build_entities(arts, analyses, gazetteer, geo=False)}
    assert entities["United States"].mentions == 2
    assert "Us" not in entities["United States"].aliases
    assert "Us" not in entities  # alone, a common word (junk list)


def test_organisation_variants_with_the_same_words_and_place_join() -> None:
    found = rows((("the Gaza Health Ministry", "ORG"), ("Rafah", "GPE"), ("Gaza", "GPE")),
                 (("the Ministry of Health in Gaza", "ORG"), ("Gaza", "GPE")),
                 (("the Palestinian Ministry of Health", "ORG"), ("the Health Ministry", "ORG"),
                  ("the Israeli Health Ministry", "ORG")),
                 (("the Health Ministry", "ORG"), ("Gaza Health Ministry", "ORG")),
                 (("the Justice Department", "ORG"), ("the Department of Justice", "ORG")),
                 geo=True)
    organisations = {name: value for name, value in found.items() if value[0] == "ORG"}
    assert organisations == {"Ministry of Health in Gaza": ("ORG", 6),
                             "Israeli Health Ministry": ("ORG", 1),
                             "Justice Department": ("ORG", 2)}


def test_an_armed_wing_keeps_its_own_row_with_its_spellings() -> None:
    from rafah.gazetteer import load_entries

    found = rows((("Hamas", "ORG"), ("the Izz ad-Din al-Qassam Brigades", "ORG"),
                  ("al-Qassam Brigades", "ORG"), ("Qassam Brigades", "ORG")),
                 gazetteer=load_entries())
    assert found == {"Hamas": ("ORG", 1), "Al-Qassam Brigades": ("ORG", 3)}


def test_national_committees_are_organisations_not_conventions() -> None:
    from rafah.gazetteer import load_entries

    found = rows((("RNC", "ORG"), ("the Republican National Convention", "EVENT")),
                 gazetteer=load_entries())
    assert found == {"Republican National Committee": ("ORG", 1),
                     "Republican National Convention": ("EVENT", 1)}


def test_names_keys_drop_a_web_suffix() -> None:
    assert name_key("FlightAware.com") == name_key("FlightAware")
    uf = UnionFind()
    uf.union("a", "b")
    assert uf.find("b") == uf.find("a")


def test_places_get_coordinates_from_co_mentioned_places_and_filter_by_country() -> None:
    arts = [article(0), article(1)]
    analyses = {"h0": mentions(("Rafah", "GPE"), ("Khan Younis", "GPE"), ("Gaza", "GPE")),
                "h1": mentions(("Paris", "GPE"), ("France", "GPE"), ("Joe Biden", "PERSON"))}
    entities = build_entities(arts, analyses)
    by_name = {e.name: e for e in entities}
    assert by_name["Rafah"].country == "PS" and by_name["Paris"].country == "FR"
    assert abs(by_name["Rafah"].lat - 31.3) < 0.25 and abs(by_name["Rafah"].lon - 34.25) < 0.25
    assert by_name["Rafah"].geo_rule is not None
    assert [e.name for e in filter_entities(entities, country="ps")] == \
        [e.name for e in entities if e.country == "PS"]
    assert "Joe Biden" not in {e.name for e in filter_entities(entities, country="US")}
    collection = geojson(entities)
    assert collection["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in collection["features"]}
    assert "Paris" in names and "Joe Biden" not in names
    assert json.loads(json.dumps(collection)) == collection
    library = pytest.importorskip("geojson")
    parsed = library.loads(json.dumps(collection))
    assert isinstance(parsed, library.FeatureCollection) and parsed.is_valid


def test_place_rows_naming_the_same_place_join() -> None:
    arts = [article(0), article(1)]
    analyses = {"h0": mentions(("Washington, D.C.", "GPE"), ("Virginia", "GPE")),
                "h1": mentions(("Washington DC", "GPE"), ("Washington DC", "GPE"))}
    places = {e.name: e for e in build_entities(arts, analyses)}
    assert len([e for e in places.values() if e.country == "US" and e.lat and
                abs(e.lat - 38.9) < 0.1]) == 1


def test_with_the_gazetteer_groups_must_be_groups_and_unplaceable_places_are_retyped() -> None:
    found = rows((("Trumpian", "NORP"), ("Illinoisans", "NORP"), ("Swans", "NORP"),
                  ("Swans", "ORG"), ("Netflix", "GPE"), ("Netflix", "GPE"), ("Netflix", "ORG"),
                  ("Ohio", "GPE")), geo=True)
    assert found == {"Illinoisans": ("NORP", 1), "Swans": ("ORG", 2), "Netflix": ("ORG", 3),
                     "Ohio": ("GPE", 1)}


def test_surnames_joined_by_a_hyphen_are_no_row() -> None:
    found = rows((("Joe Biden", "PERSON"), ("Kamala Harris", "PERSON"),
                  ("the Biden-Harris", "FAC")),)
    assert found == {"Joe Biden": ("PERSON", 1), "Kamala Harris": ("PERSON", 1)}


def test_a_surname_joins_the_only_person_of_the_corpus_who_bears_it() -> None:
    found = rows((("Mackenzie Galloway-Cole", "PERSON"), *[("Galloway-Cole", "FAC")] * 30),)
    assert found == {"Mackenzie Galloway-Cole": ("PERSON", 31)}
