"""The `articles` report: the loader's view of the corpus."""

from __future__ import annotations

from typing import Any

from rafah.records import Article


def article_rows(articles: list[Article]) -> list[dict[str, Any]]:
    """One record per article, in corpus order (DESIGN.md article fields)."""
    return [a.to_record() for a in articles]
