"""Progress on stderr while articles are analysed, and the summary line after.

On a terminal the bar appears within a second of the analysis starting (its first report,
``progress(0, total)``, comes before the model loads; the bar then shows while nothing else is
reported), counts words rather than files (one long report is most of the work
of a corpus), and estimates the time left from the rate of words done so far. Off a terminal
nothing is drawn; the summary line says what was analysed and why fewer texts than files.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Protocol

SHOW_AFTER_SECONDS = 0.5
_MIN_SECONDS_FOR_ESTIMATE = 1.0


class _Counted(Protocol):
    """What the summary needs of an article."""

    path: str
    text_hash: str
    duplicate_of: str | None


def plural(count: int, word: str, many: str | None = None) -> str:
    """"1 text", "2,048 texts"."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def duration(seconds: float) -> str:
    """A short human duration: "45 s", "3 min", "1 h 20 min"."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def estimate(done: int, total: int, elapsed: float) -> str:
    """Time left from the rate so far ("about 3 min left"), or "estimating…" until there is
    enough to go on (nothing done yet, or under a second of work)."""
    if done >= total > 0:
        return "finishing"
    if done <= 0 or elapsed < _MIN_SECONDS_FOR_ESTIMATE:
        return "estimating…"
    return f"about {duration((total - done) * elapsed / done)} left"


def status_text(done: int, total: int, elapsed: float, unit: str = "words") -> str:
    """The text beside the bar: "12,000/480,000 words · 3,100 words/s · about 3 min left"."""
    if done <= 0:
        return f"0/{total:,} {unit} · starting (loading the model, first batch)…"
    rate = f" · {done / elapsed:,.0f} {unit}/s" if done and elapsed >= 1 else ""
    return f"{done:,}/{total:,} {unit}{rate} · {estimate(done, total, elapsed)}"


class ProgressDisplay:
    """A rich bar on stderr, shown by a timer armed at the first report, so it appears
    while nothing more is reported (model loading, a long first text) and never for work
    answered from the cache (no report at all).

    Call it as ``display(done, total)`` (any unit; words preferred). The rate is words done
    over the time since the first report.
    """

    def __init__(self, unit: str = "words", stream: IO[str] | None = None,
                 show_after: float = SHOW_AFTER_SECONDS) -> None:
        self.unit = unit
        self.stream = stream or sys.stderr
        self.done = 0
        self.total = 0
        self.first_report: float | None = None
        self._lock = threading.Lock()
        self._bar: Any = None
        self._task: Any = None
        self._closed = False
        self._timer = threading.Timer(show_after, self._show)
        self._timer.daemon = True

    def _show(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from rafah.render import make_console

        with self._lock:
            if self._closed or self._bar is not None:
                return
            self._bar = Progress(TextColumn("analysing"), BarColumn(),
                                 TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                                 console=make_console(self.stream), transient=True,
                                 refresh_per_second=4)
            self._task = self._bar.add_task("analysing", total=self.total or None,
                                            status=self._status())
            self._bar.start()

    def _status(self) -> str:
        elapsed = 0.0 if self.first_report is None else time.monotonic() - self.first_report
        return status_text(self.done, self.total, elapsed, self.unit)

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            if self.first_report is None:
                self.first_report = time.monotonic()
                self._timer.start()
            self.done, self.total = done, total
            if self._bar is not None:
                self._bar.update(self._task, completed=done, total=total or None,
                                 status=self._status())

    def close(self) -> None:
        """Stop the timer and remove the bar."""
        with self._lock:
            self._closed = True
            self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()
                self._bar = None


@contextmanager
def progress_callback(enabled: bool = True, *, unit: str = "words",
                      stream: IO[str] | None = None,
                      show_after: float = SHOW_AFTER_SECONDS
                      ) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a ``callback(done, total)`` that drives a progress bar on a terminal, or None
    (disabled, or stderr is not a terminal). The bar shows ``show_after`` seconds after the
    first call even when no other call follows, and disappears on exit."""
    stream = stream or sys.stderr
    if not enabled or not getattr(stream, "isatty", lambda: False)():
        yield None
        return
    display = ProgressDisplay(unit, stream, show_after)
    try:
        yield display
    finally:
        display.close()


def corpus_counts(articles: Iterable[_Counted]) -> tuple[int, int, int, int]:
    """(articles, files, distinct texts, republished copies) of the selected articles."""
    total = copies = 0
    files: set[str] = set()
    for article in articles:
        total += 1
        files.add(article.path)
        copies += article.duplicate_of is not None
    return total, len(files), total - copies, copies


def duplicates_note(articles: Iterable[_Counted]) -> str | None:
    """"549 distinct texts of 1,135 files; 586 republished copies", or None when every
    text is distinct."""
    total, files, distinct, copies = corpus_counts(articles)
    if not copies:
        return None
    where = plural(files, "file") if files == total else \
        f"{plural(total, 'article')} in {plural(files, 'file')}"
    return (f"{plural(distinct, 'distinct text')} of {where}; "
            f"{plural(copies, 'republished copy', 'republished copies')}")


def summary_line(articles: Iterable[_Counted], *, analysed: int, from_cache: int,
                 seconds: float, words: int | None = None) -> str:
    """One line after an analysis: "analysed 12 texts (48,000 words) in 9.8 s, 537 from
    cache; 549 distinct texts of 1,135 files; 586 republished copies"."""
    size = f" ({plural(words, 'word')})" if words else ""
    line = (f"analysed {plural(analysed, 'text')}{size} in {seconds:.1f} s, "
            f"{from_cache:,} from cache")
    note = duplicates_note(articles)
    return f"{line}; {note}" if note else line
