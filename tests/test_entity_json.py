"""Entity rows written as JSON texts without the encoder are json.dumps's texts (no model)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from rafah.reports.entities import Entity
from rafah.reports.entity_json import entity_text, solo_texts
from rafah.reports.entity_rows import solo_aliases

texts = st.text(max_size=12)
days = st.none() | st.dates().map(lambda d: d.isoformat())
kinds = st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"])
numbers = st.integers(0, 10**9)


@given(texts, kinds, numbers, numbers, days, days, st.lists(texts, max_size=3),
       st.none() | st.text(max_size=2), st.none() | st.floats(allow_nan=False,
                                                             allow_infinity=False),
       st.none() | st.floats(-180, 180), st.none() | numbers, st.none() | texts)
def test_an_entity_row_is_its_records_json(name: str, kind: str, mentions: int, articles: int,
                                           first: str | None, last: str | None,
                                           aliases: list[str], country: str | None,
                                           lat: float | None, lon: float | None,
                                           geonameid: int | None, rule: str | None) -> None:
    entity = Entity(name, kind, mentions, articles, first, last, aliases, country=country,
                    lat=lat, lon=lon, geonameid=geonameid, geo_rule=rule)
    assert entity_text(name, kind, mentions, articles, first, last, aliases,
                       (country, lat, lon, geonameid, rule)) == \
        json.dumps(entity.to_record(), ensure_ascii=False)


@given(st.lists(st.tuples(texts, texts, kinds, numbers, numbers, days, days), max_size=6))
def test_solo_rows_are_their_records_json(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * 7
    expected = [json.dumps(Entity(name, kind, mentions, articles, first, last,
                                  solo_aliases(name, written)).to_record(), ensure_ascii=False)
                for name, written, kind, mentions, articles, first, last in rows]
    assert list(solo_texts(*columns, aliases=solo_aliases)) == expected
