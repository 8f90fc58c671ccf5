"""The CLI side of the output cache (`rafah.output_cache`): a report command repeated on an
unchanged corpus with the same options prints what it printed before, messages included.

Only the CLI imports this module (it imports click). Commands with side effects besides
their output (charts, exports) and runs without a store are never replayed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, cast

import click

from rafah import __version__
from rafah.cli_options import CommonOptions, Reporter

_KEY = "rafah.output_key"
_RECORDER = "rafah.output_recorder"
_STORE = "rafah.store"
_NOT_KEYED = {"jobs", "scheduler"}
"""Options that change how the analysis runs, never what is printed."""
_NOT_READ = {"output", "cache_path", "corpus"}
_SIDE_EFFECTS = ("plot", "plot_file")
_DISPLAY_VARIABLES = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM")
"""Environment variables that change how a table looks."""
DATA_MARK = "data"
"""The transcript entry that stands where the data was written among the messages."""


def _read_files(params: dict[str, Any]) -> list[str]:
    """Files named by options (reference series, gazetteers): their contents are part of
    the key."""
    found: list[str] = []
    for name, value in sorted(params.items()):
        values = value if isinstance(value, (list, tuple)) else [value]
        if name in _NOT_READ:
            continue
        found += [str(v) for v in values if isinstance(v, (str, os.PathLike))
                  and os.path.isfile(v)]
    return found


def output_key(options: CommonOptions) -> str | None:
    """The key of what this command prints, or None when it is not kept."""
    from rafah.fingerprint import code_digest
    from rafah.nlp import fingerprint, resolve_model
    from rafah.output_cache import corpus_digest, output_key
    from rafah.render import is_terminal, output_width

    ctx = click.get_current_context()
    session = options.session
    if session.cache is None or any(ctx.params.get(name) for name in _SIDE_EFFECTS):
        return None
    corpus = corpus_digest(session.corpus, session.load)
    if corpus is None:
        return None
    terminal = options.output is None and is_terminal()
    parts = {
        "command": ctx.command_path.split(" ", 1)[-1], "version": __version__,
        "params": {k: v for k, v in sorted(ctx.params.items()) if k not in _NOT_KEYED},
        "corpus": corpus, "since": session.since, "until": session.until,
        "format": options.fmt, "terminal": terminal,
        "width": output_width() if options.output is None else None,
        "environment": {name: os.environ.get(name) for name in _DISPLAY_VARIABLES},
        "fingerprint": fingerprint(resolve_model(session.analysis.model),
                                   session.analysis.gazetteers),
        "code": code_digest(["rafah.cli"]),
    }
    return output_key(parts, _read_files(ctx.params))


def replayed(options: CommonOptions) -> bool:
    """Print the kept output of this command, if there is one (then True); else remember
    its key so that `recording` keeps what the command prints."""
    from rafah.output_cache import kept_output, replay
    from rafah.render import closed_pipe_ok, open_output
    from rafah.store import Store

    key = output_key(options)
    if key is None:
        return False
    store = Store(options.session.cache)
    try:
        found = kept_output(store, key)
        if found is None:
            click.get_current_context().meta[_KEY] = key
            return False
        messages, kept = found
        reporter = Reporter(options.quiet)
        with kept:
            for kind, message in messages:
                if kind != DATA_MARK:
                    reporter.replay(kind, message)
                    continue
                with open_output(options.output) as out, closed_pipe_ok(out):
                    replay(kept, out)
        return True
    finally:
        store.close()


@contextmanager
def recording(out: IO[str], reporter: Reporter) -> Iterator[IO[str]]:
    """The stream to write the data to: ``out``, kept in the session's store (`use_store`)
    when the command's key was taken by `replayed`."""
    from rafah.output_cache import Recorder

    ctx = click.get_current_context(silent=True)
    key = ctx.meta.get(_KEY) if ctx is not None else None
    store_of = ctx.meta.get(_STORE) if ctx is not None else None
    if key is None or store_of is None:
        yield out
        return
    reporter.transcript.append((DATA_MARK, ""))
    recorder = Recorder(out, store_of(), key)
    ctx.meta[_RECORDER] = recorder  # type: ignore[union-attr]
    yield cast(IO[str], recorder)


def use_store(store_of: Callable[[], Any]) -> None:
    """Where `recording` keeps the output: ``store_of()``, the session's store."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta[_STORE] = store_of


def finish(reporter: Reporter) -> None:
    """Keep the recorded output with the messages printed around it."""
    ctx = click.get_current_context(silent=True)
    recorder = ctx.meta.pop(_RECORDER, None) if ctx is not None else None
    if recorder is not None:
        recorder.finish(reporter.transcript)
