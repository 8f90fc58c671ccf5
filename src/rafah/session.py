"""One run over a corpus: load the articles, then fetch or compute their analyses.

The CLI builds a Session from its options; reports take the articles and analyses it returns.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rafah.analyze import AnalysisRun, AnalysisSettings, analyse_articles, analysis_key
from rafah.corpus import LoadOptions, LoadResult, load_corpus
from rafah.dates import in_range
from rafah.fingerprint import code_digest
from rafah.records import Analysis, Article
from rafah.store import Store, default_cache_path

if TYPE_CHECKING:
    from rafah.selection import Selection


@dataclass
class SessionOptions:
    """Everything a command needs to know about where articles and analyses come from."""

    corpus: str
    since: str | None = None
    until: str | None = None
    distinct: bool = False
    """Leave out republished copies (files whose text repeats an earlier file's)."""
    cache: Path | None = field(default_factory=default_cache_path)
    load: LoadOptions = field(default_factory=LoadOptions)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a report is made from stored analyses (never
    around spaCy): it builds millions of objects that hold no cycles, and each collection
    pass walks all of them (about a sixth of the CPU of a large entity table); reference
    counting still frees them. When it ends, the objects made meanwhile are moved to the
    oldest generation (`gc.freeze` then `gc.unfreeze`, no walk): left in the youngest, the
    first collection after would walk millions of them (2–3 s after a large entity table)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _ignore_run(_run: AnalysisRun) -> None:
    return None


class Session:
    """Loads a corpus once and hands out articles and analyses.

    ``progress(done, total)`` is called while texts are analysed; ``on_run`` once after each
    analysis pass with what was analysed and what came from the store.
    """

    def __init__(self, options: SessionOptions, warn: Callable[[str], None], *,
                 progress: Callable[[int, int], None] | None = None,
                 on_run: Callable[[AnalysisRun], None] = _ignore_run) -> None:
        self.options = options
        self.warn = warn
        self.progress = progress
        self.on_run = on_run
        self._loaded: LoadResult | None = None
        self._store: Store | None = None
        self._analysis_key: str | None = None
        self._selection: Selection | None = None

    def load(self) -> LoadResult:
        """All readable articles of the corpus (cached for this session)."""
        if self._loaded is None:
            self._loaded = load_corpus(self.options.corpus, options=self.options.load,
                                       index=self.store(), keep_text=False)
        return self._loaded

    def store(self) -> Store:
        """The analysis store (opened once per session)."""
        if self._store is None:
            self._store = Store(self.options.cache, warn=self.warn)
        return self._store

    def articles(self) -> list[Article]:
        """Articles within --since/--until (undated ones only when no range is given); with
        the ``distinct`` option, an article whose text repeats an earlier file's is left out
        (by default every file counts: a republished story is a second publication)."""
        since, until = self.options.since, self.options.until
        chosen = [a for a in self.load().articles if in_range(a.date, since, until)]
        return [a for a in chosen if not a.duplicate_of] if self.options.distinct else chosen

    def selection(self) -> Selection | None:
        """The selected articles as the store's ``temp.selected`` table (`rafah.selection`),
        from the file index; files it does not hold as they are now are read first. None
        when the index cannot be used (the caller then works from `articles`)."""
        if self._selection is None:
            self._selection = self._select()
            if self._selection is None:
                self.load()
                self._selection = self._select()
        return self._selection

    def _fingerprint(self) -> str:
        """The analysis fingerprint of this session's settings (computed once)."""
        if self._analysis_key is None:
            self._analysis_key = analysis_key(self.options.analysis)
        return self._analysis_key

    def _select(self) -> Selection | None:
        from rafah.selection import select

        options = self.options
        return select(self.store().connection, options.corpus, options.load,
                      since=options.since, until=options.until, distinct=options.distinct,
                      fingerprint=self._fingerprint())

    def analysed_selection(self) -> Selection | None:
        """`selection`, with every selected text analysed and linked to its analysis."""
        selection = self.selection()
        if selection is None:
            return None
        if not selection.missing_analyses():
            return selection
        run = analyse_articles(self.articles(), self.store(), self.options.analysis,
                               names=(), progress=self.progress, keep=False)
        self.on_run(run)
        if not selection.link_analyses(self._fingerprint()):
            self._selection = None  # the rows were dropped meanwhile: keep them anew
            selection = self.selection()
            if selection is None:
                return None
        return None if selection.missing_analyses() else selection

    def analyses(self, articles: Iterable[Article],
                 names: Iterable[str] | None = None) -> dict[str, Analysis]:
        """Analyses keyed by text hash, from the store or from spaCy, with the records of the
        extractors ``names`` (None: all)."""
        run = analyse_articles(articles, self.store(), self.options.analysis, names=names,
                               progress=self.progress)
        self.on_run(run)
        return run.analyses

    def report_key(self, name: str, articles: Iterable[Article], modules: Iterable[str]) -> str:
        """A key for a corpus-level report: the articles (id, text, date), the analysis
        fingerprint and the code of the report's modules (and what they import and read)."""
        hasher = hashlib.sha256(name.encode())
        hasher.update(self._fingerprint().encode())
        hasher.update(code_digest(modules).encode())
        for article in articles:
            hasher.update(json.dumps([article.id, article.text_hash, article.date,
                                      article.title, article.duplicate_of]).encode() + b"\n")
        return hasher.hexdigest()

    def selection_key(self) -> str | None:
        """Which articles are selected, without loading them: the kept selection's corpus key
        (path, loader options, fingerprint) and folder-listing digest, with --since, --until
        and --distinct; None when the file index cannot give the selection."""
        selection = self.selection()
        if selection is None:
            return None
        options = self.options
        return json.dumps([*selection.record[:2], options.since, options.until,
                           options.distinct])

    def selected_count(self) -> int:
        """How many articles are selected (from the kept selection when there is one)."""
        selection = self.selection()
        return selection.chosen if selection is not None else len(self.articles())

    def cached_report(self, name: str, modules: Iterable[str],
                      compute: Callable[[], Any]) -> Any:
        """A JSON-able corpus-level report, from the store when the selected articles, the
        analysis fingerprint and the code of the report's ``modules`` are unchanged; else
        computed and kept. On a kept selection the articles are known by its key (the corpus
        is not loaded), else by their ids, texts and dates."""
        selected = self.selection_key()
        key = self.report_key(name, self.articles(), modules) if selected is None else \
            self.report_key(f"{name}\0selection\0{selected}", (), modules)
        stored = self.store().get_report(key)
        if stored is not None:
            with collector_paused():  # a large report is many objects without cycles
                return json.loads(stored)
        value = compute()
        self.store().put_report(key, json.dumps(value, ensure_ascii=False))
        return value

    def close(self) -> None:
        """Release the store."""
        if self._store is not None:
            self._store.close()
            self._store = None
