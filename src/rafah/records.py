"""Typed records passed between the loader, the extractors, the store and the reports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One article as read from the corpus (no NLP)."""

    id: str
    path: str
    date: str | None
    date_source: str | None
    title: str | None
    paragraphs: list[str]
    headings: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    url: str | None = None
    text_hash: str = ""
    duplicate_of: str | None = None

    @property
    def text(self) -> str:
        """The body text that is analysed: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the body."""
        return sum(len(p.split()) for p in self.paragraphs)

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


@dataclass
class Analysis:
    """Everything extracted from one article's text; depends on that text alone."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    casualties: list[CasualtyFigure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    acronyms: list[tuple[str, str]] = field(default_factory=list)

    def to_json_parts(self) -> dict[str, list]:
        """Plain lists, one per stored column."""
        return {
            "sentences": [list(s) for s in self.sentences],
            "mentions": [[m.text, m.label, m.start, m.end, m.sent, m.surface]
                         for m in self.mentions],
            "casualties": [asdict(c) for c in self.casualties],
            "dates": [[d.text, d.start, d.end, d.sent, d.tense] for d in self.dates],
            "acronyms": [list(a) for a in self.acronyms],
        }

    @classmethod
    def from_json_parts(cls, parts: dict[str, list | None]) -> Analysis:
        """Rebuild an analysis from stored columns; a column that was not read stays empty."""
        return cls(
            sentences=[(s[0], s[1]) for s in parts.get("sentences") or []],
            mentions=[Mention(*m) for m in parts.get("mentions") or []],
            casualties=[CasualtyFigure(**c) for c in parts.get("casualties") or []],
            dates=[DateMention(*d) for d in parts.get("dates") or []],
            acronyms=[(a[0], a[1]) for a in parts.get("acronyms") or []],
        )
