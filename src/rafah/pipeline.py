"""What an analysis is: a text cut into chunks below spaCy's limit, each chunk parsed and
run through every extractor, the chunk results stitched back with the whole text's offsets.

This module (with the pipeline it is given and the extractors) decides the records; where and
how it runs (this process, a pool, a cluster) is `rafah.analyze` and `rafah.executors`, which
cannot change them. The cache fingerprint therefore follows this module, not those.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rafah.records import Analysis, merge_chunks

if TYPE_CHECKING:
    from spacy.language import Language

CHUNK_CHARS = 100_000


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, chunk) pieces of at most ``limit`` characters, at paragraph
    breaks when possible, else at a sentence end or a space."""
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), -1)
            if cut <= start:
                cut = text.rfind(". ", start, end)
                cut = cut + 1 if cut > start else text.rfind(" ", start, end)
            end = cut if cut > start else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _chunk_stream(texts: Iterable[tuple[str, str]]
                  ) -> Iterator[tuple[str, tuple[str, int, int]]]:
    for text_hash, text in texts:
        chunks = chunk_text(text)
        for offset, chunk in chunks:
            yield chunk, (text_hash, offset, len(chunks))


def analyse_texts(nlp: Language, texts: Iterable[tuple[str, str]], batch_size: int
                  ) -> Iterator[tuple[str, Analysis]]:
    """(text hash, analysis) for each text, streaming: no Doc outlives its extraction."""
    from rafah.extract.registry import analyse_doc

    waiting: dict[str, list[tuple[int, Analysis]]] = {}
    for doc, (text_hash, offset, count) in nlp.pipe(_chunk_stream(texts), as_tuples=True,
                                                     batch_size=batch_size):
        parts = waiting.setdefault(text_hash, [])
        parts.append((offset, analyse_doc(doc)))
        if len(parts) == count:
            del waiting[text_hash]
            yield text_hash, merge_chunks(sorted(parts, key=lambda p: p[0]))
