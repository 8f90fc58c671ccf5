"""Reports on a large store: a synthetic corpus of N analysed articles, built without spaCy,
then every report timed as a user runs it.

    python benchmarks/scale.py --articles 20000                  # table
    python benchmarks/scale.py --articles 200000 --json          # last line: one JSON object
    python benchmarks/scale.py --articles 20000 --keep /tmp/s20k  # keep (and reuse) the store
    python benchmarks/scale.py --compare-dask ../shared/corpus/cnn-2024-07-16_22 --limit 200

The corpus is JSONL files of 1,000 short articles (dates over two years, 5% republished
copies of an earlier text). The loader reads them once while building, so its file index is
filled as after a first run; then the records a real analysis would store are written in bulk
into the store's own tables (``analyses`` and ``records_<extractor>``, columns from the record
fields) under the pipeline fingerprint of this checkout: about 40 entity mentions (names drawn
Zipf-like from 300,000 synthetic names), 2 casualty figures, 10 dated expressions and 25
sentences per article. Building is not timed, nor is what the run that analysed a corpus
leaves in the store besides its analyses (`prepare`: the selection kept under the folder
listing, the figures and timeline texts formatted, the timeline rows checked and copied in
date order). A kept store is reused after the analysis code changed: its synthetic records
are relabelled with the new pipeline fingerprint.

Each report (`rafah entities|casualties|timeline|coverage CORPUS`) runs as a subprocess, first
with the report cache emptied, then repeated, with ``--format json`` and with the default
(table) output; the peak RSS of each run is read from the kernel (``wait4``).
``--compare-dask`` times the embedded analysis against ``--scheduler local`` on the same cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from rafah.corpus import load_corpus
from rafah.extract.registry import extractors
from rafah.nlp import fingerprint, resolve_model
from rafah.records import KINDS
from rafah.store import Store, schema_version

RAFAH = [sys.executable, "-m", "rafah"]
REPORTS = ("entities", "casualties", "timeline", "coverage")
PER_FILE = 1_000
NAMES = 300_000
MENTIONS, FIGURES, DATES, SENTENCES = 40, 2, 10, 25
REPUBLISHED = 0.05
START = date(2023, 1, 1)
DAYS = 730
SYLLABLES = ("ka", "lo", "mi", "ra", "sen", "tor", "vel", "an", "dri", "es", "mar", "nu",
             "pol", "qui", "sha", "ten", "ub", "var", "wen", "yas", "zel", "bor", "cal", "dun")
GROUPS = ("Palestinians", "Israelis", "Lebanese", "civilians", "children", "soldiers", None)
SOURCES = ("the Gaza health ministry", "the Israeli military", "the United Nations", None, None)
QUALIFIERS = ("over", "nearly", "at least", "about", None, None, None)
DATE_TEXTS = ("October 7", "last week", "Tuesday", "March 2024", "yesterday", "two days ago",
              "June 12", "earlier this month", "last year", "Sunday")
TENSES = ("past", "past", "past", "present", "future")
FILLER = ("the officials said on the ground that the situation remained very difficult for "
          "residents who had fled their homes earlier in the week according to reports")


# ---------------------------------------------------------------- synthetic data


def synthetic_names(count: int, seed: int) -> list[tuple[str, str]]:
    """(name, label) pairs: people as "First Last", organisations, places; distinct names."""
    rng = random.Random(seed)

    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    names: dict[str, str] = {}
    while len(names) < count:
        roll = rng.random()
        if roll < 0.6:
            names.setdefault(f"{word(2)} {word(rng.randint(2, 3))}", "PERSON")
        elif roll < 0.8:
            names.setdefault(f"{word(2)} {rng.choice(('Agency', 'Council', 'News', 'Group'))}",
                             "ORG")
        else:
            names.setdefault(word(rng.randint(2, 4)), "GPE")
    return list(names.items())


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, n: int, s: float, rng: np.random.Generator) -> None:
        weights = 1.0 / np.arange(1, n + 1) ** s
        self.cumulative = np.cumsum(weights) / weights.sum()
        self.rng = rng

    def draw(self, size: int) -> list[int]:
        """``size`` indexes."""
        found = np.searchsorted(self.cumulative, self.rng.random(size))
        return [int(i) for i in np.minimum(found, len(self.cumulative) - 1)]


def write_corpus(folder: Path, count: int, seed: int) -> None:
    """JSONL files of short articles; 5% repeat an earlier article's text (republished)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    for first in range(0, count, PER_FILE):
        lines = []
        for number in range(first, min(count, first + PER_FILE)):
            day = START + timedelta(days=rng.randrange(DAYS))
            if texts and rng.random() < REPUBLISHED:
                text = rng.choice(texts)
            else:
                text = f"Synthetic report {number} from the region. {FILLER}."
                if len(texts) < 10_000:
                    texts.append(text)
            outlet = f"outlet{rng.randrange(40)}.example"
            lines.append(json.dumps({"title": f"Report {number}", "date": day.isoformat(),
                                     "url": f"https://{outlet}/{number}", "text": text}))
        (folder / f"part-{first // PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n")


def _mentions(names: list[tuple[str, str]], picks: list[int]) -> list[dict[str, Any]]:
    rows = []
    for position, index in enumerate(picks):
        name, label = names[index]
        text = name.split()[-1] if label == "PERSON" and position % 3 == 2 else name
        start = position * 60
        rows.append({"text": text, "label": label, "start": start, "end": start + len(text),
                     "sent": position * SENTENCES // MENTIONS, "surface": text})
    return rows


def _figures(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for position in range(FIGURES):
        value = int(rng.paretovariate(1.2) * 10)
        qualifier = rng.choice(QUALIFIERS)
        group = rng.choice(GROUPS)
        start = 300 + position * 500
        rows.append({
            "kind": rng.choice(KINDS), "value": value,
            "low": value if qualifier in ("over", "at least") else None,
            "high": value if qualifier == "nearly" else None, "qualifier": qualifier,
            "vague": False, "group": group, "source": rng.choice(SOURCES),
            "cumulative": rng.random() < 0.4, "start": start, "end": start + 20,
            "sent": 3 + position * 5, "side": group.rstrip("s") if group else None,
            "sentence": f"At least {value:,} {group or 'people'} were killed in the strikes, "
                        f"officials said on {rng.choice(DATE_TEXTS)}.",
        })
    return rows


def _dates(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for position in range(DATES):
        text = rng.choice(DATE_TEXTS)
        start = 100 + position * 250
        rows.append({"text": text, "start": start, "end": start + len(text),
                     "sent": position * 2, "tense": rng.choice(TENSES),
                     "sentence": f"The attack happened {text}, witnesses told reporters at "
                                 "the scene near the crossing."})
    return rows


def _sentences() -> list[dict[str, Any]]:
    return [{"start": i * 120, "end": i * 120 + 118} for i in range(SENTENCES)]


def _encoder(kind: str) -> Callable[[Any], Any]:
    base = kind.replace(" | None", "").replace("None | ", "")
    if base == "bool":
        return lambda v: None if v is None else int(v)
    if base in ("int", "float", "str"):
        return lambda v: v
    return lambda v: None if v is None else json.dumps(v)


class Writer:
    """Bulk inserts into the store's tables, columns in the order of the record fields (a
    field the generator does not know is stored as null)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.tables: dict[str, tuple[str, list[str], list[Callable[[Any], Any]]]] = {}
        for extractor in extractors():
            fields = extractor.record.field_types()
            marks = ",".join("?" * (len(fields) + 2))
            self.tables[extractor.name] = (
                f"INSERT INTO records_{extractor.name} VALUES ({marks})",
                [name for name, _ in fields], [_encoder(kind) for _, kind in fields])
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in self.tables}

    def add(self, analysis: int, name: str, records: list[dict[str, Any]]) -> None:
        """Queue the records of one extractor of one analysis."""
        if name not in self.tables:
            return
        _, columns, encoders = self.tables[name]
        self.rows[name].extend(
            (analysis, seq, *(encode(record.get(column)) for column, encode in
                              zip(columns, encoders, strict=True)))
            for seq, record in enumerate(records))

    def flush(self) -> None:
        """Write what is queued."""
        with self.connection:
            for name, rows in self.rows.items():
                if rows:
                    self.connection.executemany(self.tables[name][0], rows)
                    rows.clear()


def build(folder: Path, count: int, seed: int = 7) -> dict[str, Any]:
    """Corpus + store for ``count`` articles (reused when ``folder`` already holds them)."""
    corpus, store_path = folder / "corpus", folder / "store.sqlite3"
    model = resolve_model(None)
    key = fingerprint(model)
    done = folder / "built.json"
    built = {"articles": count, "schema": schema_version()}
    if done.exists() and {k: v for k, v in json.loads(done.read_text()).items()
                          if k != "fingerprint"} == built:
        with sqlite3.connect(store_path) as connection:
            connection.execute("UPDATE analyses SET fingerprint = ? WHERE fingerprint != ?",
                               (key, key))
            connection.execute("DELETE FROM reports")
        store = Store(store_path)
        load_corpus(corpus, index=store, keep_text=False)  # the loader's code may have changed
        derive_entity_rows(store)
        store.close()
        prepare(corpus, store_path)
        done.write_text(json.dumps({**built, "fingerprint": key}))
        return {"corpus": corpus, "store": store_path, "fingerprint": key}
    if store_path.exists():
        store_path.unlink()
    started = time.perf_counter()
    write_corpus(corpus, count, seed)
    store = Store(store_path)
    hashes = list(dict.fromkeys(a.text_hash for a in
                                load_corpus(corpus, index=store, keep_text=False).articles))
    connection = store.connection
    names = synthetic_names(NAMES, seed)
    zipf = Zipf(len(names), 1.05, np.random.default_rng(seed))
    rng = random.Random(seed)
    writer = Writer(connection)
    for offset in range(0, len(hashes), 2_000):
        chunk = hashes[offset: offset + 2_000]
        picks = zipf.draw(len(chunk) * MENTIONS)
        with connection:
            first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM analyses"
                                       ).fetchone()[0]
            connection.executemany(
                "INSERT INTO analyses (id, text_hash, fingerprint, created) VALUES (?, ?, ?, ?)",
                [(first + i, h, key, time.time()) for i, h in enumerate(chunk)])
        for i in range(len(chunk)):
            analysis = first + i
            writer.add(analysis, "mentions",
                       _mentions(names, picks[i * MENTIONS:(i + 1) * MENTIONS]))
            writer.add(analysis, "casualties", _figures(rng))
            writer.add(analysis, "dates", _dates(rng))
            writer.add(analysis, "sentences", _sentences())
            writer.add(analysis, "lead", [{"text": f"Lead sentence of report {analysis}."}])
        writer.flush()
    derive_entity_rows(store)
    store.close()
    prepare(corpus, store_path)
    done.write_text(json.dumps({**built, "fingerprint": key}))
    print(f"built {count:,} articles ({len(hashes):,} distinct texts) in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return {"corpus": corpus, "store": store_path, "fingerprint": key}


def prepare(corpus: Path, store_path: Path) -> None:
    """What the run that analysed the corpus leaves in the store besides the analyses: the
    selection's rows kept under the folder listing (`rafah.selection`) and every figure
    formatted (`rafah.reports.casualty_bulk`), with each analysis's timeline texts
    (`rafah.reports.timeline_bulk`; the rows in date order checked and copied with their
    texts once, as the first `timeline` on a kept selection does) and the kept selection
    marked as having its entity rows
    (`rafah.reports.entities.derive_selected`: they are derived when the store is built);
    once for a store built or relabelled here."""
    from rafah.gazetteer import load_entries
    from rafah.reports.casualty_bulk import prepare as format_figures
    from rafah.reports.entities import derive_selected
    from rafah.reports.timeline_bulk import prepare as format_timeline
    from rafah.reports.timeline_rows import ArticleTexts
    from rafah.session import Session, SessionOptions

    started = time.perf_counter()
    session = Session(SessionOptions(str(corpus), cache=store_path), warn=print)
    selection = session.selection()
    if selection is None or selection.missing_analyses():
        raise SystemExit("the store does not hold an analysis of every article")
    format_figures(selection.connection)
    format_timeline(selection.connection)
    ArticleTexts(selection.connection, selection.chosen).make("json", [])  # rows laid out
    derive_selected(selection.connection, load_entries())
    session.store().close()
    print(f"prepared the store in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def derive_entity_rows(store: Store) -> None:
    """What the entity reports need of each article, derived once for the stored analyses
    (as the CLI does for analyses that have none; untimed, like the store)."""
    from rafah.gazetteer import load_entries
    from rafah.reports.entities import derive_stored

    started = time.perf_counter()
    count = derive_stored(store.connection, load_entries())
    if count:
        print(f"derived the entity rows of {count:,} analyses in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)


def build_apart(folder: Path, count: int) -> dict[str, Any]:
    """`build` in a child process, so that the process timing the reports stays small: a
    report's peak RSS is read from the kernel, which counts the pages it inherits when it is
    forked."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(build, (folder, count))


# ---------------------------------------------------------------- timing


def timed_run(command: list[str]) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak RSS in MiB) of one subprocess."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {errors.decode()[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def empty_report_cache(path: Path) -> None:
    """Forget every computed report and kept output (as before a first run)."""
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM reports")
        connection.execute("DROP TABLE IF EXISTS outputs")


def available_reports() -> list[str]:
    """The reports this checkout's CLI has (coverage may not exist yet)."""
    listing = subprocess.run([*RAFAH, "--help"], capture_output=True, text=True, check=True)
    return [r for r in REPORTS if f"  {r} " in listing.stdout]


def time_reports(built: dict[str, Any], reports: tuple[str, ...] = REPORTS) -> dict[str, Any]:
    """First (report cache emptied: computed reports and kept outputs) and repeated runs of
    ``reports``, JSON and table."""
    if fingerprint(resolve_model(None)) != built["fingerprint"]:
        raise SystemExit("the analysis code changed since the store was built; build again "
                         "(the CLI would analyse every article with spaCy)")
    base = ["--cache", str(built["store"]), "-q", "--jobs", "1"]
    results: dict[str, Any] = {}
    peak = 0.0
    available = available_reports()
    for report in REPORTS:
        if report not in available or report not in reports:
            results[report] = None
            continue
        row: dict[str, Any] = {}
        for label, extra in (("", ["--format", "json"]), ("table_", [])):
            command = [*RAFAH, report, str(built["corpus"]), *base, *extra]
            empty_report_cache(built["store"])
            row[f"{label}first"], row[f"{label}first_cpu"], rss_first = timed_run(command)
            row[f"{label}repeat"], row[f"{label}repeat_cpu"], rss_repeat = timed_run(command)
            row[f"{label}rss_mib"] = round(max(rss_first, rss_repeat), 1)
            peak = max(peak, rss_first, rss_repeat)
        results[report] = {k: round(v, 2) for k, v in row.items()}
    results["peak_rss_mib"] = round(peak, 1)
    return results


def print_table(count: int, results: dict[str, Any]) -> None:
    print(f"{count:,} articles · {platform.processor() or platform.machine()} · "
          f"{os.cpu_count()} cores · Python {platform.python_version()}")
    print("seconds wall (CPU); the report cache is emptied before each first run")
    print(f"{'report':<12}{'json first':>16}{'json repeat':>16}{'table first':>16}"
          f"{'table repeat':>16}{'peak RSS MiB':>14}")
    for report in REPORTS:
        row = results[report]
        if row is None:
            print(f"{report:<12}{'(not run)':>32}")
            continue
        cells = "".join(f"{row[k]:>8.2f} ({row[k + '_cpu']:>5.1f})"
                        for k in ("first", "repeat", "table_first", "table_repeat"))
        print(f"{report:<12}{cells}{max(row['rss_mib'], row['table_rss_mib']):>14.0f}")
    print(f"peak RSS over all runs: {results['peak_rss_mib']:.0f} MiB")


# ---------------------------------------------------------------- proposed store queries

PROPOSED = {
    "entity forms": """
        SELECT m.text, m.surface, m.label, count(*), count(DISTINCT m.analysis),
               min(s.date), max(s.date)
        FROM records_mentions m JOIN selected s ON s.analysis = m.analysis
        GROUP BY m.text, m.surface, m.label""",
    "one-word names resolved in their article": """
        WITH short AS (SELECT m.analysis, m.text, count(*) AS n FROM records_mentions m
                       JOIN selected s ON s.analysis = m.analysis
                       WHERE instr(m.text, ' ') = 0 GROUP BY m.analysis, m.text),
             long AS (SELECT DISTINCT m.analysis, m.text, last_word(m.text) AS last
                      FROM records_mentions m JOIN selected s ON s.analysis = m.analysis
                      WHERE m.label = 'PERSON' AND instr(m.text, ' ') > 0),
             unique_long AS (SELECT short.analysis, short.text AS short, min(long.text) AS long,
                                    short.n AS n
                             FROM short JOIN long ON long.analysis = short.analysis
                                                 AND long.last = short.text
                             GROUP BY short.analysis, short.text
                             HAVING count(DISTINCT long.text) = 1)
        SELECT short, long, sum(n), count(*) FROM unique_long GROUP BY short, long""",
    "top 5 forms per article": """
        SELECT analysis, text FROM (
            SELECT m.analysis, m.text, row_number() OVER (
                PARTITION BY m.analysis ORDER BY count(*) DESC, m.text) AS rank
            FROM records_mentions m JOIN selected s ON s.analysis = m.analysis
            WHERE m.label != 'NORP' GROUP BY m.analysis, m.text)
        WHERE rank <= 5""",
    "casualty rows in corpus order": """
        SELECT s.position, c.* FROM selected s
        JOIN records_casualties c ON c.analysis = s.analysis ORDER BY s.position, c.seq""",
    "timeline: lead and figures per article": """
        SELECT s.position, l.text, (SELECT json_group_array(json_array(c.kind, c.value,
                                             c.qualifier, c."group"))
                                    FROM records_casualties c WHERE c.analysis = s.analysis)
        FROM selected s LEFT JOIN records_lead l ON l.analysis = s.analysis AND l.seq = 0
        ORDER BY s.position""",
}
"""The aggregation the reports could ask of the store (see docs/scale.md): each returns one
row per distinct form, per article, or per figure, never every mention."""


def time_queries(built: dict[str, Any]) -> dict[str, Any]:
    """Seconds and rows of each proposed query over every distinct selected text, streamed
    (rows are counted, not kept), with the selection in a temporary table as a report would
    fill it from the loader's articles."""
    connection = sqlite3.connect(built["store"])
    connection.create_function("last_word", 1, lambda text: text.rsplit(" ", 1)[-1],
                               deterministic=True)
    started = time.perf_counter()
    articles = [a for a in load_corpus(built["corpus"], index=Store(built["store"])).articles
                if not a.duplicate_of]
    ids = dict(connection.execute("SELECT text_hash, id FROM analyses WHERE fingerprint = ?",
                                  (built["fingerprint"],)))
    connection.execute("CREATE TEMP TABLE selected (analysis INTEGER PRIMARY KEY, "
                       "position INTEGER, date TEXT)")
    connection.executemany("INSERT INTO selected VALUES (?, ?, ?)",
                           [(ids[a.text_hash], i, a.date) for i, a in enumerate(articles)])
    results: dict[str, Any] = {"select": round(time.perf_counter() - started, 2)}
    for name, query in PROPOSED.items():
        started = time.perf_counter()
        rows = sum(1 for _ in connection.execute(query))
        results[name] = {"seconds": round(time.perf_counter() - started, 2), "rows": rows}
    connection.close()
    return results


# ---------------------------------------------------------------- Dask against the pool


def compare_dask(corpus: str, limit: int, jobs: int, rounds: int) -> dict[str, Any]:
    """Seconds of a cold analysis of ``limit`` distinct articles, embedded pool vs a Dask
    LocalCluster with the same number of processes, alternating, ``rounds`` times each."""
    from rafah.analyze import AnalysisSettings, analyse_articles

    articles = [a for a in load_corpus(corpus).articles if not a.duplicate_of and a.words]
    articles = articles[:limit]
    seconds: dict[str, list[float]] = {"embedded": [], "dask": []}
    outputs: dict[str, Any] = {}
    for _ in range(rounds):
        for name, scheduler in (("embedded", None), ("dask", "local")):
            started = time.perf_counter()
            run = analyse_articles(articles, Store(None),
                                   AnalysisSettings(jobs=jobs, scheduler=scheduler))
            seconds[name].append(time.perf_counter() - started)
            outputs[name] = run.analyses
    best = {name: min(values) for name, values in seconds.items()}
    return {"articles": len(articles), "words": sum(a.words for a in articles), "jobs": jobs,
            "seconds": seconds, "ratio": round(best["embedded"] / best["dask"], 3),
            "identical": outputs["embedded"] == outputs["dask"]}


def _folders(keep: str | None) -> Iterator[Path]:
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the store in DIR")
    parser.add_argument("--compare-dask", metavar="CORPUS",
                        help="time embedded vs Dask analysis of CORPUS instead")
    parser.add_argument("--queries", action="store_true",
                        help="time the proposed store queries instead of the reports")
    parser.add_argument("--reports", default=",".join(REPORTS),
                        help="the reports to time, comma-separated [default: all]")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if args.compare_dask:
        print(json.dumps(compare_dask(args.compare_dask, args.limit, args.jobs, args.rounds)))
        return
    for folder in _folders(args.keep):
        built = build_apart(folder, args.articles)
        if args.queries:
            print(json.dumps(time_queries(built), indent=1))
            continue
        results = time_reports(built, tuple(args.reports.split(",")))
        if args.json:
            print(json.dumps({"articles": args.articles, **results}))
        else:
            print_table(args.articles, results)


if __name__ == "__main__":
    main()
