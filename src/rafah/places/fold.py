"""Name folding: the keys of the place index.

``fold`` gives the strict key: case, diacritics, apostrophes, dots, hyphens and other
punctuation folded away, a leading "the" dropped, "St." read as "Saint", "refugee camp" as
"camp", and the Arabic article in its spellings (al-, el-, as-, ash-, ad-, ar-, at-, az-, an-,
ath-, adh-; with a hyphen or a space) written "al". ``loose`` also drops the article, so
"Deir al-Balah", "Deir el Balah" and "Deir Balah" meet.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "adh", "an", "ar", "at", "ath", "az"})
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "greater",
})
_DROP = {ord(ch): None for ch in "'’‘`´ʼʻʿʾ′."}
_LATIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                        "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"})
_SEPARATORS = re.compile(r"[\W_]+")


def _plain(text: str) -> str:
    """Lower case without diacritics, apostrophes or dots."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_LATIN).translate(_DROP)


def _normalise(tokens: list[str]) -> list[str]:
    """Token rewrites: "the", "st", articles, "refugee camp"."""
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] == "st":
        tokens = ["saint", *tokens[1:]]
    last = len(tokens) - 1
    out = ["al" if t in ARTICLES and i < last else t for i, t in enumerate(tokens)]
    if len(out) > 2 and out[-2:] == ["refugee", "camp"]:
        out = [*out[:-2], "camp"]
    return out


def fold(text: str) -> str:
    """The strict index key of a place name ("" when nothing is left)."""
    return " ".join(_normalise(_SEPARATORS.sub(" ", _plain(text)).split()))


def loose(key: str) -> str:
    """A folded key without its Arabic articles ("al" before another word)."""
    tokens = key.split()
    kept = [t for i, t in enumerate(tokens) if t != "al" or i == len(tokens) - 1]
    return " ".join(kept) if kept else key


def without_direction(key: str) -> str | None:
    """``"eastern ukraine"`` → ``"ukraine"``; None when the key has no leading direction."""
    head, _, rest = key.partition(" ")
    return rest if head in DIRECTIONS and rest else None
