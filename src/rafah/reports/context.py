"""Keyword in context: the sentences where an entity (any of its names) or a term occurs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rafah.records import Analysis, Article

DEFAULT_WIDTH = 60


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.I)


def surface_pattern(surfaces: Iterable[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    """A regex matching any of the surfaces as whole words, longest first; a leading article
    is not part of a name ("the Gaza Strip" matches as "Gaza Strip")."""
    forms = sorted({_LEADING_ARTICLE.sub("", s.strip()) for s in surfaces if s.strip()},
                   key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I if ignore_case else 0)


def context_rows(articles: Iterable[Article], analyses: dict[str, Analysis],
                 pattern: re.Pattern[str], *, width: int = DEFAULT_WIDTH) -> list[dict[str, Any]]:
    """One row per occurrence: article, date, left context, match, right context, sentence."""
    rows: list[dict[str, Any]] = []
    for article in articles:
        analysis = analyses.get(article.text_hash)
        text = article.text
        sentences = [(s.start, s.end) for s in analysis.sentences] if analysis and \
            analysis.sentences else [(0, len(text))]
        for start, end in sentences:
            sentence = text[start:end]
            for found in pattern.finditer(sentence):
                left = sentence[: found.start()].strip()
                right = sentence[found.end():].strip()
                rows.append({
                    "article": article.id,
                    "date": article.date,
                    "left": left if len(left) <= width else "…" + left[-width:].lstrip(),
                    "match": found.group(0),
                    "right": right if len(right) <= width else right[:width].rstrip() + "…",
                    "sentence": sentence.strip(),
                    "start": start + found.start(),
                    "end": start + found.end(),
                })
    return rows
