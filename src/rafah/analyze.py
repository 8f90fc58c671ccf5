"""Per-article analysis with a cache: spaCy runs only on texts the store does not hold.

The analysis of one article depends on its text alone, so the same function could run over
partitions elsewhere. Long texts are cut at paragraph boundaries into chunks below spaCy's
``max_length`` and the chunk results are stitched back with correct offsets.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rafah.nlp import fingerprint, load_pipeline, resolve_model
from rafah.records import Analysis, Article, merge_chunks
from rafah.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

CHUNK_CHARS = 100_000
DEFAULT_BATCH_SIZE = 32


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


_WORKER: dict[str, object] = {}


def _start_worker(model: str, gazetteers: tuple[str, ...], batch_size: int) -> None:
    """Pool initializer: load the pipeline once per worker; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["nlp"] = load_pipeline(model, gazetteers)
    _WORKER["batch_size"] = batch_size


def _analyse_batch(batch: list[tuple[str, str]]) -> list[tuple[str, Analysis]]:
    """Worker task: analyse texts, return their records (plain dataclasses, never Docs)."""
    nlp = _WORKER["nlp"]
    batch_size = _WORKER["batch_size"]
    assert isinstance(batch_size, int)
    return list(analyse_texts(nlp, batch, batch_size))  # type: ignore[arg-type]


def _batches(texts: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for item in texts:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_pipeline(texts: Iterable[tuple[str, str]], total: int, settings: AnalysisSettings,
                 model: str, on_done: Callable[[str, Analysis], None]) -> None:
    """Analyse texts with spaCy, calling ``on_done`` per text as results arrive.

    One job runs ``nlp.pipe`` in this process. More jobs run ``nlp.pipe`` in worker processes
    that each load the pipeline once and send back only the extracted records (a Doc never
    crosses a process boundary); at most a few batches per worker are in flight, so memory
    does not grow with the corpus.
    """
    jobs = min(settings.resolved_jobs(), max(1, total // 16))
    if jobs <= 1:
        nlp = load_pipeline(model, settings.gazetteers)
        for text_hash, analysis in analyse_texts(nlp, texts, settings.batch_size):
            on_done(text_hash, analysis)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pending: deque = deque()
    with context.Pool(jobs, initializer=_start_worker,
                      initargs=(model, settings.gazetteers, settings.batch_size)) as pool:
        for batch in _batches(texts, settings.batch_size):
            pending.append(pool.apply_async(_analyse_batch, (batch,)))
            while len(pending) >= jobs * 3:
                _deliver(pending.popleft().get(), on_done)
        while pending:
            _deliver(pending.popleft().get(), on_done)


def _deliver(results: list[tuple[str, Analysis]],
             on_done: Callable[[str, Analysis], None]) -> None:
    for text_hash, analysis in results:
        on_done(text_hash, analysis)


def analyse_articles(articles: Iterable[Article], store: Store,
                     settings: AnalysisSettings | None = None, *,
                     names: Iterable[str] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     commit_every: int = 50, commit_seconds: float = 3.0,
                     keep: bool = True) -> AnalysisRun:
    """Return the analysis of every article, from the store when possible.

    ``names`` are the extractors whose records are read back from the store (None: all).
    ``progress(done, total)`` is called as texts are analysed. Results are committed to the
    store every ``commit_every`` texts or ``commit_seconds``, so an interrupted run keeps what
    it finished. With ``keep=False`` the
    analyses are only stored, not returned (bounded memory for very large corpora).
    """
    settings = settings or AnalysisSettings()
    started = time.perf_counter()
    model = resolve_model(settings.model)
    key = fingerprint(model, settings.gazetteers)
    articles = list(articles)
    hashes = list(dict.fromkeys(a.text_hash for a in articles))
    run = AnalysisRun()
    stored = store.get_many(hashes, key, names if keep else ())
    run.from_cache = len(stored)
    if keep:
        run.analyses = stored
    seen = set(stored)
    missing: list[Article] = []
    for article in articles:
        if article.text_hash not in seen:
            seen.add(article.text_hash)
            missing.append(article)
    del stored
    if missing:
        pending: list[tuple[str, Analysis]] = []
        last_commit = [time.monotonic()]

        def done(text_hash: str, analysis: Analysis) -> None:
            if keep:
                run.analyses[text_hash] = analysis
            run.analysed += 1
            pending.append((text_hash, analysis))
            now = time.monotonic()
            if len(pending) >= commit_every or now - last_commit[0] >= commit_seconds:
                store.put_many(pending, key)
                pending.clear()
                last_commit[0] = now
            if progress:
                progress(run.analysed, len(missing))

        texts = ((a.text_hash, a.text) for a in missing)
        try:
            run_pipeline(texts, len(missing), settings, model, done)
        finally:
            store.put_many(pending, key)
    run.seconds = time.perf_counter() - started
    return run
