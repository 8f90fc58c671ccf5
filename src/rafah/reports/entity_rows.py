"""The rows of the entity report: merged entities as objects, solo forms as columns.

An entity of one solo form (`rafah.reports.entity_solo`) is named by the form's cleaned text,
has the form's written text as its only alias (unless they are the same, or it begins with an
article), its type code and no place: its row is made from columns, never an `Entity`, and
written as the JSON text `json.dumps(entity.to_record(), ensure_ascii=False)` would give.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rafah.reports.entity_solo import PLACE_TYPES, TYPES

if TYPE_CHECKING:
    from rafah.reports.entities import Entity

_PLACE_TAIL = ', "country": null, "lat": null, "lon": null, "geonameid": null, "geo_rule": null'


def _has_article(surface: str) -> bool:
    return surface.split(" ", 1)[0].casefold() in ("the", "a", "an") and " " in surface


def solo_aliases(name: str, written: str) -> list[str]:
    """The aliases of an entity of one form: its written text when it differs."""
    return [written] if written != name and not _has_article(written) else []


@dataclass
class SoloRows:
    """Entities of one form each, as columns (one item per entity)."""

    names: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    first_seen: list[str | None] = field(default_factory=list)
    last_seen: list[str | None] = field(default_factory=list)

    COLUMNS = ("names", "written", "codes", "mentions", "articles", "first_seen", "last_seen")

    def type(self, index: int) -> str:
        """The type of row ``index``."""
        return TYPES[self.codes[index] - 1]

    def text(self, index: int) -> str:
        """Row ``index`` as a JSON text."""
        from json.encoder import encode_basestring

        name, kind = self.names[index], self.type(index)
        first, last = self.first_seen[index], self.last_seen[index]
        aliases = solo_aliases(name, self.written[index])
        return (f'{{"name": {encode_basestring(name)}, "type": "{kind}", '
                f'"mentions": {self.mentions[index]}, "articles": {self.articles[index]}, '
                f'"first_seen": {"null" if first is None else chr(34) + first + chr(34)}, '
                f'"last_seen": {"null" if last is None else chr(34) + last + chr(34)}, '
                f'"aliases": {json.dumps(aliases, ensure_ascii=False) if aliases else "[]"}'
                f'{_PLACE_TAIL if kind in PLACE_TYPES else ""}}}')

    def record(self, index: int) -> dict[str, Any]:
        """Row ``index`` as a record."""
        kind = self.type(index)
        record = {"name": self.names[index], "type": kind, "mentions": self.mentions[index],
                  "articles": self.articles[index], "first_seen": self.first_seen[index],
                  "last_seen": self.last_seen[index],
                  "aliases": solo_aliases(self.names[index], self.written[index])}
        if kind in PLACE_TYPES:
            record.update(country=None, lat=None, lon=None, geonameid=None, geo_rule=None)
        return record

    def entity(self, index: int) -> Entity:
        """Row ``index`` as an `Entity` (what the merge would have made of the form)."""
        from rafah.reports.entities import Entity
        from rafah.reports.entity_merge import name_key

        name, written = self.names[index], self.written[index]
        return Entity(name, self.type(index), self.mentions[index], self.articles[index],
                      self.first_seen[index], self.last_seen[index],
                      solo_aliases(name, written), {name_key(name)}, {name, written},
                      labels={})


@dataclass
class EntityRows:
    """The entity report: ``merged`` entities and ``solo`` rows; ``order`` lists the rows in
    report order (an item below ``len(merged)`` is a merged entity, the others solo rows)."""

    merged: list[Entity]
    solo: SoloRows
    order: list[int]

    def __len__(self) -> int:
        return len(self.order)

    def _is_solo(self, item: int) -> bool:
        return item >= len(self.merged)

    def type_of(self, item: int) -> str:
        """The type of an item of ``order``."""
        count = len(self.merged)
        return self.solo.type(item - count) if item >= count else self.merged[item].type

    def name_of(self, item: int) -> str:
        """The name of an item of ``order``."""
        count = len(self.merged)
        return self.solo.names[item - count] if item >= count else self.merged[item].name

    def names(self) -> list[str]:
        """The names in report order."""
        return [self.name_of(item) for item in self.order]

    def chosen(self, *, types: Iterable[str] = (), min_articles: int = 1,
               country: str | None = None, top: int | None = None) -> EntityRows:
        """`rafah.reports.entities.filter_entities` over the rows."""
        wanted = {t.upper() for t in types}
        code = country.upper() if country else None
        count, solo, merged = len(self.merged), self.solo, self.merged
        kept = []
        for item in self.order:
            if item >= count:
                index = item - count
                ok = code is None and solo.articles[index] >= min_articles and \
                    (not wanted or solo.type(index) in wanted)
            else:
                entity = merged[item]
                ok = (not wanted or entity.type in wanted) and \
                    entity.articles >= min_articles and (code is None or entity.country == code)
            if ok:
                kept.append(item)
        return EntityRows(merged, solo, kept[:top] if top else kept)

    def all_places(self) -> bool:
        """Whether there are rows and every one is a place."""
        return bool(self.order) and all(self.type_of(i) in PLACE_TYPES for i in self.order)

    def texts(self, limit: int | None = None) -> Iterator[str]:
        """The rows as JSON texts, in report order (the first ``limit``)."""
        count = len(self.merged)
        for item in self.order[:limit] if limit else self.order:
            yield self.solo.text(item - count) if item >= count else \
                json.dumps(self.merged[item].to_record(), ensure_ascii=False)

    def shown(self, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """The rows as records, in report order (the first ``limit``)."""
        count = len(self.merged)
        for item in self.order[:limit] if limit else self.order:
            yield self.solo.record(item - count) if item >= count else \
                self.merged[item].to_record()

    def entities(self) -> list[Entity]:
        """The rows as `Entity` objects, in report order."""
        count = len(self.merged)
        return [self.solo.entity(item - count) if item >= count else self.merged[item]
                for item in self.order]

    def to_stored(self) -> dict[str, Any]:
        """Everything, for the report cache."""
        return {"merged": [e.to_stored() for e in self.merged], "order": self.order,
                **{name: getattr(self.solo, name) for name in SoloRows.COLUMNS}}

    @classmethod
    def from_stored(cls, data: dict[str, Any]) -> EntityRows:
        """Rebuild the rows from the report cache."""
        from rafah.reports.entities import Entity

        return cls([Entity.from_stored(e) for e in data["merged"]],
                   SoloRows(**{name: data[name] for name in SoloRows.COLUMNS}), data["order"])
