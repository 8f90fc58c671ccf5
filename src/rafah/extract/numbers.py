"""Parsing of number expressions as written in news text (no spaCy).

``parse_number("1.5 million")`` → ``ParsedNumber(1500000, vague=False)``;
``parse_number("dozens")`` → ``ParsedNumber(24, vague=True)``; ordinals, money and anything that
is not a count give None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "dozen": 12, "score": 20}
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# A vague plural quantity stands for its smallest plausible value ("dozens" ≥ 24). The value of
# a vague figure is this placeholder and the figure is marked vague: never an exact count.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "tens": 20}
VAGUE_QUANTIFIER = 10
"""The placeholder of a vague quantifier ("many", "so many"): never shown as a count."""
VAGUE_MULTIPLIERS = {"thousands": 1_000, "millions": 1_000_000, "hundreds": 100}
"""The second word of "tens of thousands", "hundreds of thousands", "tens of millions"."""
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES) | set(VAGUE) | {"a", "an", "half", "of", "and"}

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn)$", re.I)


@dataclass(frozen=True)
class ParsedNumber:
    """A count read from text."""

    value: int
    vague: bool = False


def _word_value(word: str) -> int | None:
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and 0 < UNITS[parts[1]] < 10:
        return TENS[parts[0]] + UNITS[parts[1]]
    if len(parts) == 1:
        return UNITS.get(word, TENS.get(word))
    return None


class _Reader:
    """Reads number words left to right: ``total`` so far, ``current`` group, vagueness."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.index = 0
        self.total = 0
        self.current: float | None = None
        self.vague = False

    def _filler(self, word: str) -> bool:
        """ "and", "of", "a"/"an", "half": consumed without a value of their own."""
        words, index = self.words, self.index
        if word in ("and", "of") and self.current is not None:
            return True
        if word in ("a", "an") and (index == 0 or words[index - 1] == "half"):
            self.current = 1 if index == 0 else self.current
            return True
        if word == "half" and (self.current is None or self.current == 1):
            self.current = 0.5
            return True
        return False

    def _digits(self, word: str) -> bool | None:
        """Digits ("31,000", "1.5", "4k"): True when read, None when invalid, False if not."""
        if _DIGITS.match(word):
            if self.current is not None:
                return None
            self.current = float(word.replace(",", ""))
            return True
        found = _DIGITS_SUFFIX.match(word)
        if found:
            self.total += int(round(float(found[1]) * SCALE_SUFFIXES[found[2].lower()]))
            self.current = None
            return True
        return False

    def _scale(self, word: str) -> None:
        scale = SCALES[word]
        base = 1 if self.current is None else self.current
        if scale >= 1_000:
            self.total += int(round(base * scale))
            self.current = None
        else:
            self.current = base * scale

    def _vague(self, word: str) -> bool:
        """ "dozens", "tens of thousands": a placeholder value, marked vague."""
        self.vague = True
        if self.current is not None or self.total:
            return False
        base = VAGUE[word]
        self.current = base
        words, index = self.words, self.index
        if index + 2 < len(words) and words[index + 1] == "of" and words[index + 2] in VAGUE:
            multiplier = VAGUE_MULTIPLIERS.get(words[index + 2])
            if multiplier is None:
                return False
            self.current = base * multiplier
            self.index += 2
        return True

    def _word(self, word: str) -> bool:
        value = _word_value(word)
        if value is None:
            return False
        self.current = value if self.current is None else self.current + value
        return True

    def step(self, word: str) -> bool:
        """Read one word; False when the text is not a count."""
        if self._filler(word):
            return True
        digits = self._digits(word)
        if digits is not None and digits:
            return True
        if digits is None:
            return False
        if word in SCALES:
            self._scale(word)
            return True
        if word in VAGUE:
            return self._vague(word)
        return self._word(word)

    def read(self) -> ParsedNumber | None:
        """The count, or None."""
        while self.index < len(self.words):
            if not self.step(self.words[self.index]):
                return None
            self.index += 1
        total = self.total + (int(round(self.current)) if self.current is not None else 0)
        if total == 0 and not any(w == "zero" or w.strip("0,.") == "" for w in self.words):
            return None
        return ParsedNumber(int(total), self.vague)


def parse_number(text: str) -> ParsedNumber | None:
    """Read a count such as "31,000", "1.5 million", "twenty-five", "a dozen", "tens of
    thousands". Returns None when the text is not a count (ordinals, words, empty)."""
    words = re.sub(r"\s+", " ", text.strip().lower().replace("\u2013", "-")).split(" ")
    words = [w for w in words if w]
    if not words:
        return None
    return _Reader(words).read()
