"""Typed records passed between the loader, the extractors, the store and the reports."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import PurePosixPath
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

META_FIELDS = ("id", "path", "date", "date_source", "title", "headings", "warnings", "url",
               "outlet", "text_hash", "word_count")
ENTITY_TYPES = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                "LAW", "LANGUAGE")
"""The entity types rafah keeps (spaCy's OntoNotes labels for names)."""
KINDS = ("killed", "injured", "missing", "displaced", "hostages", "detained", "casualties")
"""The kinds of casualty figure, in the order tables list them."""


@dataclass
class Article:
    """One article as read from the corpus (no NLP).

    ``paragraphs`` is None when the body is not held in memory (a large corpus, or metadata
    from the file index); ``body()`` then reads it again through ``reload``.
    """

    id: str
    path: str
    date: str | None
    date_source: str | None
    title: str | None
    paragraphs: list[str] | None
    headings: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    text_hash: str = ""
    duplicate_of: str | None = None
    word_count: int = -1
    reload: Callable[[], list[str]] | None = field(default=None, repr=False, compare=False)

    def body(self) -> list[str]:
        """The body paragraphs, read again from the file when they are not in memory."""
        if self.paragraphs is not None:
            return self.paragraphs
        if self.reload is None:
            return []
        return self.reload()

    @property
    def text(self) -> str:
        """The body text that is analysed: paragraphs joined by blank lines."""
        return "\n\n".join(self.body())

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the body."""
        if self.word_count < 0:
            self.word_count = sum(len(p.split()) for p in self.body())
        return self.word_count

    def metadata(self) -> dict[str, Any]:
        """Everything but the body, for the file index."""
        return {name: getattr(self, name) for name in META_FIELDS}

    @property
    def source_outlet(self) -> str | None:
        """The outlet: from the metadata, else the URL's host without www., else the
        top-level folder of the corpus the file sits in (the corpus folder's own name for a
        file at its top)."""
        if self.outlet and self.outlet.strip():
            return self.outlet.strip()
        if self.url:
            host = urlsplit(self.url if "//" in self.url else f"//{self.url}").hostname
            if host:
                return host.lower().removeprefix("www.")
        parts = PurePosixPath(self.id.replace("\\", "/")).parts
        if len(parts) > 1:
            return parts[0]
        path = self.path.replace("\\", "/")
        if path.endswith(self.id):
            return PurePosixPath(path[: len(path) - len(self.id)].rstrip("/")).name or None
        return PurePosixPath(path).parent.name or None

    def to_record(self) -> dict[str, Any]:
        """The public JSON record (DESIGN.md field names)."""
        warnings = list(self.warnings)
        if self.duplicate_of:
            warnings.append(f"duplicate of {self.duplicate_of}")
        return {
            "id": self.id,
            "path": self.path,
            "date": self.date,
            "date_source": self.date_source,
            "title": self.title,
            "outlet": self.source_outlet,
            "words": self.words,
            "duplicate_of": self.duplicate_of,
            "warnings": warnings,
        }


def base_type(annotation: str) -> str:
    """A field's type as written, without its ``| None`` ("int | None" → "int")."""
    return annotation.replace(" | None", "").replace("None | ", "")


@cache
def _field_types(record: type) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, str(f.type)) for f in fields(record))


def _plus(value: int | None, step: int) -> int | None:
    return None if value is None else value + step


class Record:
    """Base of every per-article record: a frozen dataclass, stored and read by field name.

    ``OFFSET_FIELDS`` name the character offsets and ``SENTENCE_FIELDS`` the sentence numbers,
    so that records of a chunk of a long text can be shifted to the whole text's positions.
    """

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ()
    SENTENCE_FIELDS: ClassVar[tuple[str, ...]] = ()

    def shifted(self, offset: int, sentences: int) -> Self:
        """A copy moved by ``offset`` characters and ``sentences`` sentences (never mutated)."""
        if not (offset or sentences):
            return self
        changes = {name: _plus(getattr(self, name), offset) for name in self.OFFSET_FIELDS}
        changes.update({name: _plus(getattr(self, name), sentences)
                        for name in self.SENTENCE_FIELDS})
        return replace(self, **changes)  # type: ignore[type-var]

    def to_dict(self) -> dict[str, Any]:
        """Field name → value (plain JSON values)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def field_types(cls) -> tuple[tuple[str, str], ...]:
        """(name, type as written) of every field: the record's storage schema."""
        return _field_types(cls)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Sentence(Record):
    """A sentence's character span in the text."""

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")

    start: int
    end: int


@dataclass(frozen=True)
class Lead(Record):
    """The first non-empty sentence of a text (a summary for the timeline)."""

    text: str


@dataclass(frozen=True)
class Acronym(Record):
    """An acronym defined in the text: "Israel Defense Forces (IDF)"."""

    long: str
    short: str


@dataclass(frozen=True)
class Mention(Record):
    """An entity mention found in one article's text."""

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")
    SENTENCE_FIELDS: ClassVar[tuple[str, ...]] = ("sent",)

    text: str
    label: str
    start: int
    end: int
    sent: int
    surface: str = ""

    @property
    def written(self) -> str:
        """The form as written (may keep a leading "the"), else the cleaned text."""
        return self.surface or self.text


@dataclass(frozen=True)
class CasualtyFigure(Record):
    """A reported count of people harmed, as found in one sentence.

    ``value`` of a vague figure ("dozens", "thousands", "millions") is a placeholder, the
    smallest plausible amount (`rafah.extract.numbers.VAGUE`: dozens 24, scores 40, hundreds
    200, thousands 2,000, tens of thousands 20,000, millions 2,000,000), and
    ``vague`` is then true: the value is never an exact count. ``part_of`` and ``restates``
    are the character start (in the same text) of the figure this one is a part/subset of or
    says again, else None.
    """

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end", "part_of", "restates")
    SENTENCE_FIELDS: ClassVar[tuple[str, ...]] = ("sent",)

    kind: str
    value: int
    low: int | None
    high: int | None
    qualifier: str | None
    vague: bool
    group: str | None
    source: str | None
    cumulative: bool
    sentence: str
    start: int
    end: int
    sent: int = 0
    part_of: int | None = None
    restates: int | None = None
    side: str | None = None
    """The victims' community as a demonym (Palestinian, Israeli, ...), when known."""
    area: str | None = None
    """Where the harm happened (Gaza, West Bank, Israel, ...), when stated."""


@dataclass(frozen=True)
class DateMention(Record):
    """A date expression in the text, not yet normalised (that needs the article date)."""

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")
    SENTENCE_FIELDS: ClassVar[tuple[str, ...]] = ("sent",)

    text: str
    start: int
    end: int
    sent: int
    tense: str  # past | present | future
    sentence: str = ""


class Analysis:
    """Everything extracted from one article's text, by extractor name; depends on the text
    alone. ``analysis.mentions`` is the tuple of records of the extractor named "mentions"
    (empty when it was not read)."""

    __slots__ = ("records",)

    def __init__(self, records: Mapping[str, Sequence[Record]] | None = None,
                 **by_name: Sequence[Record]) -> None:
        merged = {**(records or {}), **by_name}
        self.records: dict[str, tuple[Record, ...]] = {k: tuple(v) for k, v in merged.items()}

    def __getattr__(self, name: str) -> tuple[Any, ...]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.records.get(name, ())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Analysis) and self.records == other.records

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.records.items())
        return f"Analysis({sizes})"

    def get(self, name: str) -> tuple[Record, ...]:
        """The records of one extractor (empty when absent)."""
        return self.records.get(name, ())

    def shifted(self, offset: int, sentences: int) -> Analysis:
        """A copy with every record moved (for the chunks of a long text)."""
        return Analysis({name: [r.shifted(offset, sentences) for r in items]
                         for name, items in self.records.items()})

    @property
    def lead_text(self) -> str:
        """The lead sentence, or ""."""
        leads = self.records.get("lead", ())
        return next((lead.text for lead in leads if isinstance(lead, Lead) and lead.text), "")


def merge_chunks(parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Join the analyses of a long text's chunks (offset, analysis), in order, shifting
    character offsets and sentence numbers; the inputs are left unchanged."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    merged: dict[str, list[Record]] = {}
    sentences = 0
    for offset, part in parts:
        for name, items in part.shifted(offset, sentences).records.items():
            merged.setdefault(name, []).extend(items)
        sentences += len(part.get("sentences"))
    return Analysis(merged)


@dataclass(frozen=True)
class HarmMention(Record):
    """A mention of people killed, injured, missing, displaced, held or detained, with a count
    (``value``) or without one (None): whose harm (``side``, ``area``), the harm word's lemma
    (``verb``), ``voice`` (active | passive | none) and the ``agent`` as written."""

    OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start", "end")
    SENTENCE_FIELDS: ClassVar[tuple[str, ...]] = ("sent",)

    kind: str
    value: int | None
    side: str | None
    area: str | None
    verb: str
    voice: str
    agent: str | None
    victims: str | None
    sentence: str
    start: int
    end: int
    sent: int = 0
