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
# A vague plural quantity stands for its smallest plausible value ("dozens" ≥ 24).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "tens": 20}
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


def parse_number(text: str) -> ParsedNumber | None:
    """Read a count such as "31,000", "1.5 million", "twenty-five", "a dozen", "tens of
    thousands". Returns None when the text is not a count (ordinals, words, empty)."""
    words = re.sub(r"\s+", " ", text.strip().lower().replace("\u2013", "-")).split(" ")
    words = [w for w in words if w]
    if not words:
        return None
    vague = False
    total = 0
    current: float | None = None
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("and", "of") and current is not None:
            index += 1
            continue
        if word in ("a", "an") and (index == 0 or words[index - 1] == "half"):
            current = 1 if index == 0 else current
            index += 1
            continue
        if word == "half" and (current is None or current == 1):
            current = 0.5
            index += 1
            continue
        if _DIGITS.match(word):
            if current is not None:
                return None
            current = float(word.replace(",", ""))
        elif _DIGITS_SUFFIX.match(word):
            found = _DIGITS_SUFFIX.match(word)
            assert found is not None
            total += int(round(float(found[1]) * SCALE_SUFFIXES[found[2].lower()]))
            current = None
        elif word in SCALES:
            scale = SCALES[word]
            base = 1 if current is None else current
            if scale >= 1_000:
                total += int(round(base * scale))
                current = None
            else:
                current = base * scale
        elif word in VAGUE:
            vague = True
            base = VAGUE[word]
            if current is not None or total:
                return None
            current = base
            if index + 2 < len(words) and words[index + 1] == "of" and words[index + 2] in VAGUE:
                multiplier = {"thousands": 1_000, "millions": 1_000_000, "hundreds": 100}.get(
                    words[index + 2])
                if multiplier is None:
                    return None
                current = base * multiplier
                index += 2
        else:
            value = _word_value(word)
            if value is None:
                return None
            current = value if current is None else current + value
        index += 1
    if current is not None:
        total += int(round(current))
    if total == 0 and not any(w == "zero" or w.strip("0,.") == "" for w in words):
        return None
    return ParsedNumber(int(total), vague)
