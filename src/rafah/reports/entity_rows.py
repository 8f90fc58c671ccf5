"""The rows of the entity report: merged entities as objects, solo forms as columns.

An entity of one solo form (`rafah.reports.entity_solo`) is named by the form's cleaned text,
has the form's written text as its only alias (unless they are the same, or it begins with an
article), its type code and no place: its row is made from columns, never an `Entity`, and
written as the JSON text `json.dumps(entity.to_record(), ensure_ascii=False)` would give.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rafah.reports.entity_json import entity_text, solo_texts
from rafah.reports.entity_solo import PLACE_TYPES, TYPES

if TYPE_CHECKING:
    from rafah.reports.entities import Entity


def has_article(surface: str) -> bool:
    """Whether a name begins with an article ("the Pentagon"): no alias."""
    return surface.split(" ", 1)[0].casefold() in ("the", "a", "an") and " " in surface


def solo_aliases(name: str, written: str) -> list[str]:
    """The aliases of an entity of one form: its written text when it differs."""
    return [written] if written != name and not has_article(written) else []


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

    def texts(self, indexes: list[int]) -> Iterator[str]:
        """Rows ``indexes`` as JSON texts."""
        names, written = self.names, self.written
        codes, mentions, articles = self.codes, self.mentions, self.articles
        first_seen, last_seen = self.first_seen, self.last_seen
        return solo_texts([names[i] for i in indexes], [written[i] for i in indexes],
                          [TYPES[codes[i] - 1] for i in indexes],
                          [mentions[i] for i in indexes], [articles[i] for i in indexes],
                          [first_seen[i] for i in indexes], [last_seen[i] for i in indexes],
                          solo_aliases)

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
        items = self.order[:limit] if limit else self.order
        solo = self.solo.texts([item - count for item in items if item >= count])
        for item in items:
            if item >= count:
                yield next(solo)
                continue
            e = self.merged[item]
            yield entity_text(e.name, e.type, e.mentions, e.articles, e.first_seen,
                              e.last_seen, e.aliases,
                              (e.country, e.lat, e.lon, e.geonameid, e.geo_rule))

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
