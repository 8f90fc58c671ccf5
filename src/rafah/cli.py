"""The `rafah` command line: thin click wrappers over `rafah.commands`.

Each command parses its options, calls one library function and prints the records it returns.
Data goes to stdout, progress and messages to stderr. Library errors become one line
``Error: ...`` and exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rafah import __version__, cli_replay
from rafah.cli_options import CommonOptions, Reporter, common_options, corpus_argument
from rafah.errors import RafahError
from rafah.records import ENTITY_TYPES, KINDS
from rafah.render import FORMATS, write_records
from rafah.store import default_cache_path

if TYPE_CHECKING:
    from rafah.commands import Result
    from rafah.session import Session

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@contextmanager
def _session(options: CommonOptions, *, bulk: bool = False
             ) -> Iterator[tuple[Session, Reporter]]:
    """A session with a progress bar on a terminal and messages on stderr (``bulk``: for a
    report the store makes, see `CommonOptions.open_session`)."""
    from rafah.progress import progress_callback

    reporter = Reporter(options.quiet)
    with progress_callback(enabled=not options.quiet) as callback:
        session = options.open_session(reporter, progress=callback, bulk=bulk)
        cli_replay.use_store(session.store)
        try:
            yield session, reporter
        finally:
            session.close()


def _emit(result: Result, options: CommonOptions, reporter: Reporter) -> None:
    """Warnings and notes on stderr, then the records (sorted, the first --top, the chosen
    columns) on stdout or in the -o file."""
    from rafah.render import choose_columns, open_output

    for message in result.warnings:
        reporter.warn(message)
    for note in result.notes:
        reporter.info(note)
    fmt = options.fmt or "table"
    if result.texts is not None and fmt in ("json", "jsonl") and not options.sort:
        _emit_texts(result, options, reporter, fmt)
        return
    if fmt == "geojson" and result.geojson is not None:
        with open_output(options.output) as out, cli_replay.recording(out, reporter) as target:
            target.write(json.dumps(result.geojson(), ensure_ascii=False) + "\n")
        cli_replay.finish(reporter)
        return
    rows, left_out = _shown_rows(result, options, fmt)
    columns = choose_columns(options.columns, result.columns, result.columns)
    table = choose_columns(options.columns, result.table_columns or result.columns,
                           result.columns)
    with open_output(options.output) as out, cli_replay.recording(out, reporter) as target:
        write_records(rows, fmt, columns, target, table_columns=table)
    if left_out:
        reporter.info(left_out)
    cli_replay.finish(reporter)


def _shown_rows(result: Result, options: CommonOptions, fmt: str
                ) -> tuple[Iterable[dict[str, Any]], str | None]:
    """The rows to write (sorted, the first --top or the table's default) and the note on
    those left out. Rows the store made are read only as far as they are shown, and one at
    a time for CSV."""
    from rafah.render import is_terminal, left_out_note, limit_rows, row_limit, sort_rows

    terminal = fmt == "table" and options.output is None and is_terminal()
    made = result.table_rows if fmt == "table" and not (
        options.columns and result.table_columns) else None  # made with the table's columns
    if (result.texts is None and made is None) or options.sort:
        rows = sort_rows(result.records(), options.sort, result.columns)
        return limit_rows(rows, options.top, terminal, table=fmt == "table")
    limit = row_limit(options.top, terminal, table=fmt == "table")
    note = left_out_note(result.size(), limit) if limit and result.size else None
    if made is not None:  # a table's rows made by the store, lists joined as their cells
        return made(limit or None), note
    records = _bulk_records(result, limit or None)
    return (records if fmt == "csv" else list(records)), note


def _bulk_records(result: Result, limit: int | None) -> Iterable[dict[str, Any]]:
    """The first ``limit`` rows made in bulk, as records: made without JSON when the result
    can (``shown``), else read from their JSON texts."""
    if result.shown is not None:
        return result.shown(limit)
    assert result.texts is not None
    return (json.loads(text) for text in result.texts(limit))


def _emit_texts(result: Result, options: CommonOptions, reporter: Reporter, fmt: str) -> None:
    """`_emit` for rows the store made as JSON texts: streamed, the first --top."""
    from rafah.render import left_out_note, open_output, write_chunks, write_texts

    assert result.texts is not None
    limit = options.top or None
    with open_output(options.output) as out, cli_replay.recording(out, reporter) as target:
        if result.chunks is not None:
            write_chunks(result.chunks(limit), fmt, target)
        else:
            write_texts(result.texts(limit), fmt, target)
    note = left_out_note(result.size(), limit) if limit and result.size else None
    if note:
        reporter.info(note)
    cli_replay.finish(reporter)


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
@common_options(analysis=False)
def articles_cli(options: CommonOptions) -> None:
    """One row per article: id, date, where the date came from, title, words, warnings.

    No language model is needed for this command.

    \b
    Example:
      rafah articles seeds/ --format json
    """
    from rafah import commands

    if cli_replay.replayed(options):
        return
    with _session(options) as (session, reporter):
        _emit(commands.articles(session), options, reporter)


@cli.command("entities")
@corpus_argument
@click.option("--type", "-t", "types", multiple=True,
              type=click.Choice(ENTITY_TYPES, case_sensitive=False),
              help="Only this type; repeatable.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only entities named in at least K articles.")
@click.option("--country", metavar="CC", default=None,
              help="Only places in this country (ISO 3166-1 alpha-2, e.g. PS, IL, US).")
@common_options(geojson=True)
def entities_cli(options: CommonOptions, types: tuple[str, ...], min_articles: int,
                 country: str | None) -> None:
    """Who and what the coverage is about: one row per real entity, name variants merged.

    Rows are sorted by the number of articles, then mentions. "Netanyahu" joins "Benjamin
    Netanyahu", "US" and "U.S." join "United States", "IDF" joins "Israel Defense Forces".
    Places (GPE, LOC, FAC) have their country and coordinates (GeoNames and rafah's conflict
    gazetteer); --format geojson writes them as a GeoJSON FeatureCollection.

    \b
    Examples:
      rafah entities seeds/ --type PERSON
      rafah entities corpus/ --type ORG --type GPE --top 30 --format csv
      rafah entities corpus/ --country PS -o places.geojson
    """
    from rafah import commands

    if cli_replay.replayed(options):
        return
    with _session(options, bulk=True) as (session, reporter):
        result = commands.entities(session, types=types, min_articles=min_articles,
                                   country=country)
        _emit(result, options, reporter)


@cli.command("context")
@click.argument("term")
@corpus_argument
@click.option("--width", type=click.IntRange(min=10), default=60, show_default=True,
              help="Characters of context on each side.")
@common_options()
def context_cli(options: CommonOptions, term: str, width: int) -> None:
    """Keyword in context: every sentence that names an entity (any of its names) or a term.

    When TERM names an entity, all its aliases match ("Netanyahu" also finds "Benjamin
    Netanyahu"); otherwise TERM is searched as a whole word, ignoring case.

    \b
    Examples:
      rafah context Netanyahu seeds/
      rafah context "Rafah Crossing" seeds/ --format json
    """
    from rafah import commands

    if cli_replay.replayed(options):
        return
    with _session(options) as (session, reporter):
        _emit(commands.context(session, term, width=width), options, reporter)


def reference_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--reference FILE (repeatable), --reference-side, --reference-area."""
    options = [
        click.option("--reference", "reference_files", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Official series to compare with (repeatable): a wide CSV (date, "
                          "one column per kind), a long CSV (date, kind, value, side, area) or "
                          "the Gaza daily casualties JSON."),
        click.option("--reference-side", metavar="SIDE", default=None,
                     help="Side of a wide CSV without a side column (e.g. Palestinian)."),
        click.option("--reference-area", metavar="AREA", default=None,
                     help="Area of a wide CSV without an area column (e.g. Gaza)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _references(files: tuple[str, ...], side: str | None, area: str | None) -> Any:
    """The reference series, read before any analysis starts (a bad file stops the run)."""
    if not files:
        return None
    from rafah.reports.reference import read_references

    try:
        return read_references(files, side=side, area=area)
    except RafahError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("casualties")
@corpus_argument
@click.option("--kind", "-k", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only this kind of figure; repeatable.")
@click.option("--min-value", type=click.IntRange(min=0), default=0, show_default=True,
              help="Only figures of at least this many people.")
@click.option("--mentions", is_flag=True,
              help="Every mention of harm instead, with a count or without one (side, verb, "
                   "voice, agent).")
@click.option("--plot", is_flag=True,
              help="After the table, draw running totals over time in the terminal (with "
                   "--format json|jsonl|csv the chart goes to stderr, stdout stays data).")
@click.option("--plot-file", type=click.Path(dir_okay=False), default=None, metavar="F.png|F.svg",
              help="Save the chart as an image (needs the 'plot' extra: matplotlib).")
@reference_options
@common_options()
def casualties_cli(options: CommonOptions, kinds: tuple[str, ...], min_value: int,
                   mentions: bool, plot: bool, plot_file: str | None,
                   reference_files: tuple[str, ...], reference_side: str | None,
                   reference_area: str | None) -> None:
    """Every reported count of people killed, injured, missing, displaced, held or detained.

    Each figure has its hedge ("over" → low bound, "nearly" → high bound), the victims as
    written and their side, the source it is attributed to, whether it is a running total, and
    its series (kind/side/area/total). A reference series is compared only with running
    totals of the same kind, side and area; a running total that goes down within its series
    is flagged.

    \b
    Examples:
      rafah casualties seeds/ --format json
      rafah casualties seeds/ --kind killed --plot
      rafah casualties corpus/ --mentions --format csv
      rafah casualties corpus/ --reference gaza_daily.json --plot-file killed.png
    """
    from rafah import commands

    if plot_file:
        _check_image_target(plot_file)
    reference = _references(reference_files, reference_side, reference_area)
    if cli_replay.replayed(options):
        return
    bulk = not (mentions or plot or plot_file) and reference is None
    with _session(options, bulk=bulk) as (session, reporter):
        if mentions:
            _emit(commands.mentions(session, kinds=kinds), options, reporter)
            return
        result = commands.casualties(session, kinds=kinds, min_value=min_value,
                                     reference=reference, bulk=bulk)
        _emit(result, options, reporter)
        if plot_file:
            from rafah.charts import write_image_chart

            written = write_image_chart(result.rows, plot_file, reference)
            reporter.info(f"chart written to {written}")
        if plot:
            from rafah.charts import print_terminal_chart
            from rafah.render import closed_pipe_ok

            chart_out = sys.stdout if (options.fmt or "table") == "table" and \
                options.output is None else sys.stderr
            with closed_pipe_ok(chart_out):
                print_terminal_chart(result.rows, chart_out, reference)


@cli.command("coverage")
@corpus_argument
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="day",
              show_default=True, help="The period of each row.")
@click.option("--plot-file", type=click.Path(dir_okay=False), default=None, metavar="F.png|F.svg",
              help="Save mentions per side over time, one panel per outlet, beside the "
                   "reference deaths (needs matplotlib).")
@reference_options
@common_options()
def coverage_cli(options: CommonOptions, by: str, plot_file: str | None,
                 reference_files: tuple[str, ...], reference_side: str | None,
                 reference_area: str | None) -> None:
    """How often each side's dead are mentioned, per outlet and period, against the official
    tolls: articles, mentions, figures, the share of passive mentions without an agent,
    loaded words, and (with a reference series of that side) deaths and deaths per mention.

    \b
    Examples:
      rafah coverage corpus/ --by week
      rafah coverage corpus/ --by month --reference gaza_daily.json --format csv
      rafah coverage corpus/ --by week --plot-file coverage.png
    """
    from rafah import commands

    if plot_file:
        _check_image_target(plot_file)
    reference = _references(reference_files, reference_side, reference_area)
    if cli_replay.replayed(options):
        return
    with _session(options, bulk=True) as (session, reporter):
        result = commands.coverage(session, by=by, reference=reference, bulk=True)
        _emit(result, options, reporter)
        if plot_file:
            from rafah.charts import write_coverage_chart

            reporter.info(f"chart written to {write_coverage_chart(result.rows, plot_file)}")


def _check_image_target(path: str) -> None:
    """Refuse an image file rafah cannot write before any analysis starts."""
    import importlib.util

    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise click.BadParameter(f"must end in .png or .svg, not {suffix or '(no suffix)'}",
                                 param_hint="--plot-file")
    if importlib.util.find_spec("matplotlib") is None:
        raise click.UsageError("--plot-file needs matplotlib: pip install 'rafah[plot]'")


@cli.command("timeline")
@corpus_argument
@click.option("--events", is_flag=True,
              help="Add the dated events the articles mention, normalised to calendar dates.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), default=None,
              help="One row per period instead: articles, top entities, casualty figures.")
@common_options()
def timeline_cli(options: CommonOptions, events: bool, by: str | None) -> None:
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
    from rafah import commands
    from rafah.session import collector_paused

    if cli_replay.replayed(options):
        return
    with _session(options, bulk=True) as (session, reporter):
        fmt = options.fmt or "table"
        shape = "json" if fmt != "table" else "table" if options.sort else "cells"
        result = commands.timeline(session, events=events, by=by, shape=shape)
        with collector_paused():  # rows read for a table: many objects, no cycle
            if not by:
                _timeline_shape(result, fmt, events)
            _emit(result, options, reporter)


def _timeline_shape(result: Result, fmt: str, events: bool) -> None:
    """Article and event rows as a table or CSV shows them (figures as short text; the rows
    the store made for a table are shaped already)."""
    from rafah.reports.timeline import csv_row, table_row

    if fmt == "csv":
        result.rows, result.texts = [csv_row(r) for r in result.records()], None
    elif fmt == "table" and result.texts is None and result.table_rows is None:
        result.rows = [table_row(r) for r in result.rows]
        result.columns = ["date", "kind", "article", "title"] if events else \
            ["date", "article", "title", "entities", "casualties"]


@cli.command("export")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@corpus_argument
@click.option("--overwrite", is_flag=True, help="Replace what OUT_DIR already holds.")
@common_options()
def export_cli(options: CommonOptions, out_dir: Path, overwrite: bool) -> None:
    """Every article and every per-article record (entity mentions, casualty figures, harm
    mentions, dated expressions, ...) as Parquet files partitioned by month, for DuckDB,
    pandas, R or Spark. Needs the parquet extra: pip install 'rafah[parquet]'.

    \b
    Examples:
      rafah export out/ corpus/
      duckdb -c "SELECT side, count(*) FROM 'out/harm/*/*.parquet' GROUP BY side"
    """
    from rafah import commands

    with _session(options) as (session, reporter):
        _emit(commands.export(session, out_dir, overwrite=overwrite), options, reporter)


@cli.group("cache")
def cache_cli() -> None:
    """The analysis store: what it holds, and pruning what is no longer used.

    \b
    Examples:
      rafah cache info
      rafah cache prune
    """


def _cache_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, envvar="RAFAH_CACHE", show_envvar=True,
                     help="Analysis store [default: the user cache folder]."),
        click.option("--model", metavar="NAME", default=None, envvar="RAFAH_MODEL",
                     show_envvar=True, help="The model whose analyses are current."),
        click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Extra gazetteers the current analyses were made with."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format [default: table]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cache_cli.command("info")
@_cache_options
def cache_info_cli(cache_path: Path | None, model: str | None, gazetteers: tuple[str, ...],
                   fmt: str | None) -> None:
    """The store's path and size, and how many analyses each pipeline version holds.

    \b
    Example:
      rafah cache info --format json
    """
    from rafah import commands

    result = _run_library(commands.cache_info, cache_path or default_cache_path(), model,
                          gazetteers)
    _emit(result, CommonOptions.output_only(fmt), Reporter(False))


@cache_cli.command("prune")
@_cache_options
def cache_prune_cli(cache_path: Path | None, model: str | None, gazetteers: tuple[str, ...],
                    fmt: str | None) -> None:
    """Drop analyses of other pipeline versions and of files no longer present, and compact
    the store.

    It also drops computed reports, and the rows kept for folders as they were before a
    change (other commands leave those an hour, for a run still reading them). Run it while
    no other rafah command uses the store.

    \b
    Example:
      rafah cache prune
    """
    from rafah import commands

    result = _run_library(commands.cache_prune, cache_path or default_cache_path(), model,
                          gazetteers)
    _emit(result, CommonOptions.output_only(fmt), Reporter(False))


def _run_library(function: Callable[..., Result], *args: Any) -> Result:
    """Call a library function; its errors become `Error: ...` and exit 1."""
    try:
        return function(*args)
    except RafahError as exc:
        raise click.ClickException(str(exc)) from exc


def main() -> None:
    """Entry point: run the CLI; quiet exit on a closed pipe, one line on Ctrl-C."""
    try:
        code = cli.main(prog_name="rafah", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except (click.exceptions.Abort, KeyboardInterrupt):
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
    from rafah.render import silence_stdout

    silence_stdout()
