"""Canonical entities from hand-made mentions (no model)."""

from __future__ import annotations

from rafah.gazetteer import GazetteerEntry, load_entries
from rafah.records import Acronym, Analysis, Article, Mention
from rafah.reports.entities import (
    build_entities,
    filter_entities,
    find_entity,
    name_key,
    top_names_by_article,
)


def article(index: int, date: str | None = "2024-03-13") -> Article:
    return Article(id=f"a{index}.txt", path=f"a{index}.txt", date=date, date_source="header",
                   title=None, paragraphs=["x"], text_hash=f"h{index}")


def mentions(*items: tuple[str, str]) -> Analysis:
    return Analysis(mentions=[Mention(text.removeprefix("the "), label, 0, len(text), 0,
                                      text if text.startswith("the ") else "")
                              for text, label in items])


def table(articles, analyses, gazetteer=(), *, geo=False):  # noqa: ANN001, ANN201
    return {e.name: e for e in build_entities(articles, analyses, gazetteer, geo=geo)}


def test_name_key_ignores_dots_case_and_the() -> None:
    assert name_key("U.S.") == name_key("US") == name_key("us")
    assert name_key("the United States") == name_key("United States")
    assert name_key("Israel\u2019s") != name_key("Israel")


def test_surname_joins_the_full_name_of_the_same_article() -> None:
    arts = [article(1), article(2)]
    analyses = {"h1": mentions(("Joe Biden", "PERSON"), ("Biden", "PERSON"),
                               ("Biden", "PERSON")),
                "h2": mentions(("Hunter Biden", "PERSON"), ("Biden", "PERSON"))}
    rows = table(arts, analyses)
    assert rows["Joe Biden"].mentions == 3 and rows["Joe Biden"].aliases == ["Biden"]
    assert rows["Hunter Biden"].mentions == 2
    assert "Biden" not in rows


def test_surname_alone_joins_a_dominant_full_name_of_the_corpus() -> None:
    arts = [article(1), article(2), article(3)]
    analyses = {"h1": mentions(("Benjamin Netanyahu", "PERSON")),
                "h2": mentions(("Benjamin Netanyahu", "PERSON")),
                "h3": mentions(("Netanyahu", "PERSON"), ("Netanyahu", "ORG"))}
    rows = table(arts, analyses)
    assert set(rows) == {"Benjamin Netanyahu"}
    entity = rows["Benjamin Netanyahu"]
    assert (entity.type, entity.mentions, entity.articles) == ("PERSON", 4, 3)


def test_ambiguous_surname_stays_apart() -> None:
    arts = [article(i) for i in range(1, 4)]
    analyses = {"h1": mentions(("Joe Biden", "PERSON")), "h2": mentions(("Jill Biden", "PERSON")),
                "h3": mentions(("Biden", "PERSON"))}
    assert set(table(arts, analyses)) == {"Joe Biden", "Jill Biden", "Biden"}


def test_person_canonical_is_the_most_frequent_full_name() -> None:
    analyses = {"h1": mentions(*[("Trump", "PERSON")] * 9, ("Donald Trump", "PERSON"),
                               ("Donald J. Trump", "PERSON"), ("Donald Trump", "PERSON"))}
    rows = table([article(1)], analyses)
    assert list(rows) == ["Donald Trump"] and rows["Donald Trump"].mentions == 12


def test_gazetteer_merges_variants_and_fixes_the_type() -> None:
    gazetteer = [GazetteerEntry("United States", "GPE", ("US", "U.S.", "America")),
                 GazetteerEntry("Rafah", "GPE")]
    analyses = {"h1": mentions(("US", "GPE"), ("U.S.", "GPE"), ("the United States", "GPE"),
                               ("Rafah", "PERSON"), ("Rafah", "PERSON"), ("Rafah", "GPE"))}
    rows = table([article(1)], analyses, gazetteer)
    assert set(rows) == {"United States", "Rafah"}
    assert rows["United States"].aliases == ["U.S.", "US"]  # never with a leading article
    assert rows["Rafah"].type == "GPE"


def test_acronym_defined_in_text_joins_its_long_form() -> None:
    analysis = mentions(("Israeli Defense Forces", "ORG"), ("IDF", "ORG"), ("IDF", "ORG"))
    analysis.records["acronyms"] = (Acronym("Israeli Defense Forces", "IDF"),)
    rows = table([article(1)], {"h1": analysis})
    assert list(rows) == ["Israeli Defense Forces"]
    assert rows["Israeli Defense Forces"].aliases == ["IDF"]


def test_shipped_alias_table_joins_idf_forms() -> None:
    analyses = {"h1": mentions(("Israeli Defense Forces", "ORG")), "h2": mentions(("IDF", "ORG"))}
    rows = table([article(1), article(2)], analyses, load_entries())
    assert list(rows) == ["Israel Defense Forces"]


def test_person_label_on_an_organisation_name_is_outvoted() -> None:
    analyses = {"h1": mentions(("Allegiant Air", "PERSON"), ("Allegiant Air", "PERSON"))}
    assert table([article(1)], analyses)["Allegiant Air"].type == "ORG"


def test_one_word_organisation_joins_its_full_name() -> None:
    analyses = {"h1": mentions(("United Airlines", "ORG"), ("United", "ORG")),
                "h2": mentions(("United", "ORG"))}
    rows = table([article(1), article(2)], analyses)
    assert list(rows) == ["United Airlines"] and rows["United Airlines"].articles == 2


def test_dates_counts_filters_and_order() -> None:
    arts = [article(1, "2024-03-13"), article(2, "2024-03-20"), article(3, None)]
    analyses = {"h1": mentions(("Gaza", "GPE"), ("Hamas", "ORG")),
                "h2": mentions(("Gaza", "GPE"), ("Gaza", "GPE")),
                "h3": mentions(("Gaza", "GPE"), ("Cairo", "GPE"))}
    entities = build_entities(arts, analyses)
    assert [(e.name, e.articles, e.mentions) for e in entities] == [
        ("Gaza", 3, 4), ("Cairo", 1, 1), ("Hamas", 1, 1)]
    gaza = entities[0]
    assert (gaza.first_seen, gaza.last_seen) == ("2024-03-13", "2024-03-20")
    assert entities[1].first_seen is None
    assert [e.name for e in filter_entities(entities, types=["gpe"], top=1)] == ["Gaza"]
    assert [e.name for e in filter_entities(entities, min_articles=2)] == ["Gaza"]
    assert find_entity(entities, "gaza") is gaza and find_entity(entities, "Nowhere") is None
    assert top_names_by_article(entities, 1) == {0: ["Gaza"], 1: ["Gaza"], 2: ["Gaza"]}


def test_record_fields() -> None:
    entity = build_entities([article(1)], {"h1": mentions(("Cairo", "GPE"))})[0]
    assert entity.to_record() == {"name": "Cairo", "type": "GPE", "mentions": 1, "articles": 1,
                                  "first_seen": "2024-03-13", "last_seen": "2024-03-13",
                                  "aliases": [], "country": "EG", "lat": 30.06263,
                                  "lon": 31.24967, "geonameid": 360630,
                                  "geo_rule": "population"}
    person = build_entities([article(1)], {"h1": mentions(("Joe Biden", "PERSON"))})[0]
    assert "country" not in person.to_record()


def test_user_gazetteer_files(tmp_path) -> None:  # noqa: ANN001
    import pytest

    from rafah.errors import InputFormatError

    csv_file = tmp_path / "names.csv"
    csv_file.write_text("name,type,aliases\nAl-Mawasi,GPE,Mawasi;al-Mawasi\n")
    jsonl_file = tmp_path / "names.jsonl"
    jsonl_file.write_text('{"label": "ORG", "pattern": "MoH", "id": "Gaza Health Ministry"}\n'
                          '{"name": "Shin Bet", "type": "ORG", "aliases": ["Shabak"]}\n')
    entries = load_entries((str(csv_file), str(jsonl_file)))
    added = {e.name: e for e in entries[-3:]}
    assert added["Al-Mawasi"].aliases == ("Mawasi", "al-Mawasi")
    assert added["Gaza Health Ministry"].type == "ORG" and added["Gaza Health Ministry"].aliases \
        == ("MoH",)
    analyses = {"h1": mentions(("Mawasi", "PERSON"), ("al-Mawasi", "ORG"))}
    rows = table([article(1)], analyses, entries)
    assert list(rows) == ["Al-Mawasi"] and rows["Al-Mawasi"].type == "GPE"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"oops": 1}\n')
    with pytest.raises(InputFormatError, match="line 1"):
        load_entries((str(bad),))
