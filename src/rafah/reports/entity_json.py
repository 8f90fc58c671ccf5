"""Entity rows as JSON texts, byte for byte ``json.dumps(record, ensure_ascii=False)`` of the
record `rafah.reports.entities.Entity.to_record` makes, without a dict or the encoder's walk
per row: the texts of a few hundred thousand rows are the larger part of the report's time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring  # the C function json.dumps(str) ends in
from typing import Any

from rafah.reports.entity_solo import PLACE_TYPES

_NULL_PLACE = ', "country": null, "lat": null, "lon": null, "geonameid": null, "geo_rule": null'


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _number(value: float | int | None) -> str:
    return "null" if value is None else json.dumps(value)


def _strings(values: Sequence[str]) -> str:
    return "[" + ", ".join(encode_basestring(v) for v in values) + "]" if values else "[]"


def entity_text(name: str, kind: str, mentions: int, articles: int, first_seen: str | None,
                last_seen: str | None, aliases: Sequence[str],
                place: tuple[Any, ...] | None = None) -> str:
    """One row (``place``: the geo fields of a place row; None for other rows)."""
    head = (f'{{"name": {encode_basestring(name)}, "type": {encode_basestring(kind)}, '
            f'"mentions": {mentions}, "articles": {articles}, "first_seen": '
            f'{_text(first_seen)}, "last_seen": {_text(last_seen)}, "aliases": '
            f'{_strings(aliases)}')
    if kind not in PLACE_TYPES:
        return head + "}"
    country, lat, lon, geonameid, rule = place or (None,) * 5
    return (f'{head}, "country": {_text(country)}, "lat": {_number(lat)}, "lon": '
            f'{_number(lon)}, "geonameid": {_number(geonameid)}, "geo_rule": {_text(rule)}}}')


def solo_texts(names: Sequence[str], written: Sequence[str], kinds: Sequence[str],
               mentions: Sequence[int], articles: Sequence[int],
               first_seen: Sequence[str | None], last_seen: Sequence[str | None],
               aliases: Any) -> Iterator[str]:
    """The rows of entities of one form each, from columns (``aliases(name, written)``:
    their aliases); a row with no place fields set."""
    quoted: dict[str | None, str] = {None: "null"}
    for day in (*first_seen, *last_seen):
        if day not in quoted:
            quoted[day] = _text(day)
    middles = {kind: f', "type": {encode_basestring(kind)}, "mentions": ' for kind in set(kinds)}
    tails = {kind: _NULL_PLACE + "}" if kind in PLACE_TYPES else "}" for kind in middles}
    for name, other, kind, count, found, first, last in zip(
            names, written, kinds, mentions, articles, first_seen, last_seen, strict=True):
        listed = "[]" if other == name else _strings(aliases(name, other))
        yield (f'{{"name": {encode_basestring(name)}{middles[kind]}{count}, "articles": '
               f'{found}, "first_seen": {quoted[first]}, "last_seen": {quoted[last]}, '
               f'"aliases": {listed}{tails[kind]}')
