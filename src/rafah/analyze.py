"""Per-article analysis with a cache: spaCy runs only on texts the store does not hold.

The analysis of one article depends on its text alone, so the same function could run over
partitions elsewhere. Long texts are cut at paragraph boundaries into chunks below spaCy's
``max_length`` and the chunk results are stitched back with correct offsets.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rafah.nlp import fingerprint, load_pipeline, resolve_model
from rafah.records import Analysis, Article, DateMention, Mention
from rafah.store import COLUMNS, Store

CHUNK_CHARS = 100_000
DEFAULT_BATCH_SIZE = 64


@dataclass
class AnalysisSettings:
    """What an analysis depends on besides the text, and how to run it."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    jobs: int = 0
    batch_size: int = DEFAULT_BATCH_SIZE

    def resolved_jobs(self) -> int:
        """Worker processes to use (0 means all cores)."""
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


@dataclass
class AnalysisRun:
    """The analyses of a corpus and how they were obtained."""

    analyses: dict[str, Analysis] = field(default_factory=dict)
    analysed: int = 0
    from_cache: int = 0
    seconds: float = 0.0


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


def merge_chunks(parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Join chunk analyses, shifting character offsets and sentence numbers."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    merged = Analysis()
    for offset, part in parts:
        base = len(merged.sentences)
        merged.sentences += [(s + offset, e + offset) for s, e in part.sentences]
        merged.mentions += [Mention(m.text, m.label, m.start + offset, m.end + offset,
                                    m.sent + base, m.surface) for m in part.mentions]
        for figure in part.casualties:
            figure.start += offset
            figure.end += offset
            figure.sent += base
            merged.casualties.append(figure)
        merged.dates += [DateMention(d.text, d.start + offset, d.end + offset, d.sent + base,
                                     d.tense) for d in part.dates]
        merged.acronyms += part.acronyms
    return merged


def _pending_chunks(texts: dict[str, str]) -> Iterator[tuple[str, tuple[str, int, int]]]:
    for text_hash, text in texts.items():
        chunks = chunk_text(text)
        for offset, chunk in chunks:
            yield chunk, (text_hash, offset, len(chunks))


def run_pipeline(texts: dict[str, str], settings: AnalysisSettings, model: str,
                 on_done: Callable[[str, Analysis], None]) -> None:
    """Analyse texts with spaCy (batched, in ``jobs`` processes), calling ``on_done`` per text."""
    from rafah.extract import analyse_doc

    nlp = load_pipeline(model, settings.gazetteers)
    jobs = min(settings.resolved_jobs(), max(1, len(texts) // 8))
    waiting: dict[str, list[tuple[int, Analysis]]] = {}
    stream = nlp.pipe(_pending_chunks(texts), as_tuples=True, batch_size=settings.batch_size,
                      n_process=jobs)
    for doc, (text_hash, offset, count) in stream:
        parts = waiting.setdefault(text_hash, [])
        parts.append((offset, analyse_doc(doc)))
        if len(parts) == count:
            del waiting[text_hash]
            on_done(text_hash, merge_chunks(sorted(parts, key=lambda p: p[0])))


def analyse_articles(articles: Iterable[Article], store: Store,
                     settings: AnalysisSettings | None = None, *,
                     columns: Iterable[str] = COLUMNS,
                     progress: Callable[[int, int], None] | None = None,
                     commit_every: int = 100) -> AnalysisRun:
    """Return the analysis of every article, from the store when possible.

    ``progress(done, total)`` is called as texts are analysed. Results are committed to the
    store in batches, so an interrupted run keeps what it finished.
    """
    settings = settings or AnalysisSettings()
    started = time.perf_counter()
    model = resolve_model(settings.model)
    key = fingerprint(model, settings.gazetteers)
    texts = {a.text_hash: a.text for a in articles}
    run = AnalysisRun()
    run.analyses = store.get_many(texts, key, columns)
    run.from_cache = len(run.analyses)
    missing = {h: t for h, t in texts.items() if h not in run.analyses}
    if missing:
        pending: list[tuple[str, Analysis]] = []

        def keep(text_hash: str, analysis: Analysis) -> None:
            run.analyses[text_hash] = analysis
            run.analysed += 1
            pending.append((text_hash, analysis))
            if len(pending) >= commit_every:
                store.put_many(pending, key)
                pending.clear()
            if progress:
                progress(run.analysed, len(missing))

        try:
            run_pipeline(missing, settings, model, keep)
        finally:
            store.put_many(pending, key)
    run.seconds = time.perf_counter() - started
    return run
