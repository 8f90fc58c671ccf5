"""Per-article analysis with a cache: spaCy runs only on texts the store does not hold.

The analysis of one article depends on its text alone, so the same function could run over
partitions elsewhere. Long texts are cut at paragraph boundaries into chunks below spaCy's
``max_length`` and the chunk results are stitched back with correct offsets.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rafah.nlp import fingerprint, resolve_model
from rafah.records import Analysis, Article
from rafah.store import Store

DEFAULT_BATCH_SIZE = 32


@dataclass
class AnalysisSettings:
    """What an analysis depends on besides the text, and how to run it."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    jobs: int = 0
    batch_size: int = DEFAULT_BATCH_SIZE
    scheduler: str | None = None
    """None: this machine's process pool; "local" or "tcp://host:8786": a Dask cluster."""

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
    words: int = 0
    """Words in the texts analysed by this run (not those from the store)."""


def analysis_key(settings: AnalysisSettings) -> str:
    """The fingerprint the analyses of these settings are stored under."""
    return fingerprint(resolve_model(settings.model), settings.gazetteers)


def run_pipeline(texts: Iterable[tuple[str, str]], total: int, settings: AnalysisSettings,
                 model: str, on_done: Callable[[str, Analysis], None]) -> None:
    """Analyse texts with spaCy, calling ``on_done`` per text as results arrive.

    The executor (`rafah.executors`) decides where: this process, a local process pool, or a
    Dask cluster (``settings.scheduler``). Workers send back only records, never Docs.
    """
    from rafah.executors import executor_for

    executor_for(settings).run(texts, total, settings, model, on_done)


def analyse_articles(articles: Iterable[Article], store: Store,
                     settings: AnalysisSettings | None = None, *,
                     names: Iterable[str] | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     commit_every: int = 50, commit_seconds: float = 3.0,
                     keep: bool = True) -> AnalysisRun:
    """Return the analysis of every article, from the store when possible.

    ``names`` are the extractors whose records are read back from the store (None: all).
    ``progress(done, total)`` is called in words: once before the model loads, then as texts
    are analysed. Results are committed to the
    store every ``commit_every`` texts or ``commit_seconds``, so an interrupted run keeps what
    it finished. With ``keep=False`` the
    analyses are only stored, not returned (bounded memory for very large corpora).
    """
    settings = settings or AnalysisSettings()
    started = time.perf_counter()
    model = resolve_model(settings.model)
    key = analysis_key(settings)
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
        words_of = {a.text_hash: a.words for a in missing}
        total_words = sum(words_of.values())
        if progress:
            progress(0, total_words)

        def done(text_hash: str, analysis: Analysis) -> None:
            if keep:
                run.analyses[text_hash] = analysis
            run.analysed += 1
            run.words += words_of.get(text_hash, 0)
            pending.append((text_hash, analysis))
            now = time.monotonic()
            if len(pending) >= commit_every or now - last_commit[0] >= commit_seconds:
                store.put_many(pending, key)
                pending.clear()
                last_commit[0] = now
            if progress:
                progress(run.words, total_words)

        texts = ((a.text_hash, a.text) for a in missing)
        try:
            run_pipeline(texts, len(missing), settings, model, done)
        finally:
            store.put_many(pending, key)
    run.seconds = time.perf_counter() - started
    return run
