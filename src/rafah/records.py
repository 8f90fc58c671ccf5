"""Typed records passed between the loader, the extractors, the store and the reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

META_FIELDS = ("id", "path", "date", "date_source", "title", "headings", "warnings", "url",
               "text_hash", "word_count")


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
            "words": self.words,
            "warnings": warnings,
        }


@dataclass(frozen=True)
class Mention:
    """An entity mention found in one article's text."""

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


@dataclass
class CasualtyFigure:
    """A reported count of people harmed, as found in one sentence."""

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


@dataclass
class DateMention:
    """A date expression in the text, not yet normalised (that needs the article date)."""

    text: str
    start: int
    end: int
    sent: int
    tense: str  # past | present | future
    sentence: str = ""


@dataclass
class Analysis:
    """Everything extracted from one article's text; depends on that text alone."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    casualties: list[CasualtyFigure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    acronyms: list[tuple[str, str]] = field(default_factory=list)
    lead: str = ""

    def to_json_parts(self) -> dict[str, Any]:
        """Plain values, one per stored column."""
        return {
            "lead": self.lead,
            "sentences": [list(s) for s in self.sentences],
            "mentions": [[m.text, m.label, m.start, m.end, m.sent, m.surface]
                         for m in self.mentions],
            "casualties": [asdict(c) for c in self.casualties],
            "dates": [[d.text, d.start, d.end, d.sent, d.tense, d.sentence]
                      for d in self.dates],
            "acronyms": [list(a) for a in self.acronyms],
        }

    @classmethod
    def from_json_parts(cls, parts: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from stored columns; a column that was not read stays empty."""
        return cls(
            lead=parts.get("lead") or "",
            sentences=[(s[0], s[1]) for s in parts.get("sentences") or []],
            mentions=[Mention(*m) for m in parts.get("mentions") or []],
            casualties=[CasualtyFigure(**c) for c in parts.get("casualties") or []],
            dates=[DateMention(*d) for d in parts.get("dates") or []],
            acronyms=[(a[0], a[1]) for a in parts.get("acronyms") or []],
        )
