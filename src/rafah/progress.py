"""A progress bar on stderr while articles are analysed (only on a terminal, only when the
work lasts more than a second)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_DELAY_SECONDS = 1.0


@contextmanager
def progress_callback(enabled: bool = True) -> Iterator[Callable[[int, int], None] | None]:
    """Yield a ``callback(done, total)`` that drives a rich progress bar, or None."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from rafah.render import make_console

    started = time.monotonic()
    state: dict[str, object] = {}

    def callback(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            if time.monotonic() - started < _DELAY_SECONDS:
                return
            bar = Progress("analysing", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=make_console(stderr=True), transient=True)
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("analysing", total=total)
        bar.update(state["task"], completed=done, total=total)

    try:
        yield callback
    finally:
        bar = state.get("bar")
        if bar is not None:
            bar.stop()
