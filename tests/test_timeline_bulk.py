"""Timeline rows the store makes (`rafah.reports.timeline_bulk`, `timeline_rows`) are byte for
byte the rows the per-article path makes (`article_rows`, `chronological`, `table_row`,
`csv_row`), and each article's top names (`rafah.reports.entity_arrays.top_rank_runs`,
`TopNames`) are those of the entity table (no model)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from rafah import commands, selection
from rafah.cli import cli
from rafah.corpus import load_corpus
from rafah.nlp import fingerprint, resolve_model
from rafah.records import Analysis, Lead, Mention
from rafah.reports import casualty_bulk, timeline_bulk, timeline_rows
from rafah.reports.entity_arrays import Pairs, top_rank_runs
from rafah.reports.timeline import (
    StoredSummary,
    chronological,
    compact_figure,
    figure_text,
    table_row,
)
from rafah.reports.top_names import TopNames, texts_of
from rafah.session import Session, SessionOptions
from rafah.store import Store
from tests.test_bulk_reports import RANGES, _figure

LONG = ("A lead with “quotes”, a \"plain\" quote, a back\\slash, a tab\tand ünïcode that runs "
        "well past the ninety characters a title takes.")
TEXTS = {
    "b.txt": "Title: B \"quoted\" ü\nDate: 2024-03-05\n\nA toll of 30 was given.\n",
    "a.txt": "Title: A\nDate: 2024-03-05\n\nTwelve people were killed in Gaza.\n",
    "sub/c.txt": "Title: A\nDate: 2024-03-01\n\nTwelve people were killed in Gaza.\n",
    "d.txt": "Undated text without a title line, with words.\n",
    "e.txt": "Title: E\nDate: 2024-02-28\n\n",
    "f.txt": "Date: 2024-03-05\n\nNo title here: the lead gives it.\n",
    "g.txt": "Title: G\nDate: 2024-03-02\n\nNothing named at all.\n",
}
"""``sub/c.txt`` republishes ``a.txt``; ``a.txt`` and ``b.txt`` share a date (the id orders
them); ``d.txt`` has no date, ``e.txt`` no word, ``d.txt`` and ``f.txt`` no title."""


def _mentions(*names: tuple[str, str, int]) -> list[Mention]:
    return [Mention(text, label, 0, len(text), 0) for text, label, count in names
            for _ in range(count)]


ANALYSES = {
    "a.txt": Analysis(records={
        "mentions": _mentions(("Joe Biden", "PERSON", 2), ("Biden", "PERSON", 1),
                              ("Gaza", "GPE", 3), ("Palestinians", "NORP", 5),
                              ("Café \"Ñ\"", "ORG", 1), ("Khan Younis", "GPE", 1),
                              ("Rafah", "GPE", 1), ("Cairo", "GPE", 1)),
        "casualties": [_figure(12, 0), _figure(3, 300, kind="injured", qualifier="over",
                                               low=3, cumulative=None)],
        "lead": [Lead(""), Lead("Twelve people were killed in Gaza.")]}),
    "b.txt": Analysis(records={
        "mentions": _mentions(("Gaza", "GPE", 1), ("Café \"Ñ\"", "ORG", 4)),
        "casualties": [_figure(2_000_000, 0, vague=True, group=None, source=None)],
        "lead": [Lead("A toll of 30 was given.")]}),
    "d.txt": Analysis(records={"mentions": _mentions(("Rafah", "GPE", 2)),
                               "lead": [Lead(LONG)]}),
    "f.txt": Analysis(records={"lead": [Lead("No title here:\u2028the lead\x1f gives it.")]}),
    "g.txt": Analysis(records={"lead": [Lead("Nothing named at all.")]}),
}


def _corpus(folder: Path) -> tuple[Path, Path]:
    corpus = folder / "corpus"
    for name, text in TEXTS.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    cache = folder / "s.sqlite3"
    store = Store(cache)
    by_id = {a.id: a for a in load_corpus(corpus, index=store).articles}
    analyses = {by_id[name].text_hash: analysis for name, analysis in ANALYSES.items()}
    analyses.update({a.text_hash: Analysis() for a in by_id.values()
                     if a.text_hash not in analyses})
    store.put_many(analyses.items(), fingerprint(resolve_model(None)))
    store.close()
    return corpus, cache


def _session(corpus: Path, cache: Path, **options: Any) -> Session:
    return Session(SessionOptions(str(corpus), cache=cache, **options), warn=print)


def _sql(cache: Path, *statements: str) -> list[tuple[Any, ...]]:
    """Run statements on the store; the rows of the last."""
    connection = sqlite3.connect(cache)
    try:
        found = [connection.execute(statement).fetchall() for statement in statements][-1]
        connection.commit()
        return found
    finally:
        connection.close()


def _per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-article path (the rows made in Python, as before)."""
    monkeypatch.setattr(commands, "_bulk_timeline", lambda *_args, **_kw: None)


@pytest.mark.parametrize("laid", [False, True])
@pytest.mark.parametrize(("since", "until", "distinct"), RANGES)
@pytest.mark.parametrize("shape", ["json", "table", "cells"])
def test_bulk_texts_are_the_rows_dumped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        since: str | None, until: str | None, distinct: bool,
                                        shape: str, laid: bool) -> None:
    """Read through the texts' table or (``laid``: after a report on the whole folder) from
    the copy in date order."""
    corpus, cache = _corpus(tmp_path)
    options = {"since": since, "until": until, "distinct": distinct}
    if laid:
        commands.timeline(_session(corpus, cache), shape="json")
    bulk = commands.timeline(_session(corpus, cache, **options), shape=shape)
    assert bulk.size is not None
    whole = laid or not any(options.values())  # the rows copied, else no copy made
    assert _sql(cache, "SELECT count(*) FROM timeline_chrono" if whole else
                "SELECT count(*) FROM sqlite_master WHERE name = 'timeline_chrono'") == \
        [(len(TEXTS) if whole else 0,)]
    _per_article(monkeypatch)
    rows = commands.timeline(_session(corpus, cache, **options)).rows
    assert bulk.size() == len(rows)
    if shape == "cells":  # each list joined as its table cell
        assert bulk.table_rows is not None and bulk.texts is None
        assert bulk.table_rows(None) == [
            {k: "; ".join(v) if isinstance(v, list) else v for k, v in table_row(r).items()}
            for r in rows]
        assert bulk.table_rows(2) == bulk.table_rows(None)[:2]
        return
    assert bulk.texts is not None
    texts = list(bulk.texts(None))
    expected = [table_row(r) for r in rows] if shape == "table" else rows
    assert texts == [json.dumps(r, ensure_ascii=False) for r in expected]
    assert list(bulk.texts(2)) == texts[:2]
    if (since, until, distinct) == (None, None, False):  # names, cut titles, ties by id
        assert [r["article"] for r in rows] == ["e.txt", "sub/c.txt", "g.txt", "a.txt",
                                                "b.txt", "f.txt", "d.txt"]
        assert rows[3]["entities"] == ["Gaza", "Joe Biden", "Café \"Ñ\"", "Rafah", "Cairo"]
        assert rows[-1]["title"].endswith("…") and rows[-1]["entities"] == ["Rafah"]


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "jsonl"],
                                  ["--format", "csv"], ["--top", "3"],
                                  ["--top", "2", "--format", "json"], ["--sort", "title"],
                                  ["--columns", "title,entities", "--format", "json"],
                                  ["--since", "2024-03-02", "--distinct"], ["--top", "0"],
                                  ["--columns", "entities,date"], ["--events"],
                                  ["--by", "week"]])
def test_the_command_prints_what_it_printed_before(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    args: list[str]) -> None:
    corpus, cache = _corpus(tmp_path)

    def run() -> tuple[str, str]:
        found = CliRunner().invoke(cli, ["timeline", str(corpus), "--cache", str(cache), *args])
        assert found.exit_code == 0, found.output
        return found.stdout, found.stderr

    bulk = run()
    _sql(cache, "DELETE FROM reports", "DROP TABLE IF EXISTS outputs")
    _per_article(monkeypatch)
    assert run() == bulk


@pytest.mark.parametrize("report", ["timeline", "entities", "casualties", "coverage"])
def test_a_report_on_part_of_a_folder_leaves_the_whole_folder_right(
        tmp_path: Path, report: str) -> None:
    """The work a report on --since/--until/--distinct does for its articles alone (entity
    rows, figures and timeline texts made from the analyses) is not remembered as done for
    the whole folder: the report on the whole folder that follows is the one a fresh store
    gives."""
    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    fresh.write_bytes(cache.read_bytes())

    def run(store: Path, *args: str) -> str:
        found = CliRunner().invoke(cli, [report, str(corpus), "--cache", str(store),
                                         "--format", "json", *args])
        assert found.exit_code == 0, found.output
        return found.stdout

    assert run(cache, "--since", "2024-03-05", "--distinct") != run(fresh)
    assert run(cache) == run(fresh)


def test_the_rows_are_checked_once_for_the_whole_kept_selection(tmp_path: Path) -> None:
    """The test that the store can make every row in date order is read until a report on
    the whole folder passes it; then never for that kept selection, whole or in part."""
    corpus, cache = _corpus(tmp_path)

    def checks(**options: Any) -> int:
        session = _session(corpus, cache, **options)
        statements: list[str] = []
        session.store().connection.set_trace_callback(statements.append)
        result = commands.timeline(session, shape="json")
        assert result.texts is not None
        assert list(result.texts(None))
        return sum("INDEXED BY timeline_texts_lead" in s for s in statements)

    part = {"since": "2024-03-02", "distinct": True}
    assert [checks(**part), checks(**part), checks(), checks(), checks(**part)] == \
        [1, 1, 1, 0, 0]


def test_the_copy_in_date_order_is_made_again_when_analyses_are_linked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text analysed after the rows were copied (its row linked to the kept rows later)
    gets its row: the copy is made again, not read short."""
    corpus, cache = _corpus(tmp_path)
    commands.timeline(_session(corpus, cache), shape="json")
    session = _session(corpus, cache)
    found = session.selection()
    assert found is not None
    with found.connection:  # as if d.txt had not been analysed when the rows were copied
        for table in ("corpus_rows", "corpus_chrono"):
            found.connection.execute(f"UPDATE {table} SET analysis = NULL WHERE id = 'd.txt'")
        found.connection.execute("DELETE FROM timeline_chrono WHERE id = 'd.txt'")
    found.link_analyses(session._fingerprint())
    bulk = commands.timeline(_session(corpus, cache), shape="json")
    assert bulk.texts is not None
    texts = list(bulk.texts(None))
    _per_article(monkeypatch)
    rows = commands.timeline(_session(corpus, cache)).rows
    assert texts == [json.dumps(r, ensure_ascii=False) for r in rows]
    assert any('"d.txt"' in text for text in texts)


def _timeline_texts(corpus: Path, cache: Path, **options: Any) -> list[str]:
    result = commands.timeline(_session(corpus, cache, **options), shape="json")
    assert result.texts is not None
    return list(result.texts(None))


def _casualty_texts(corpus: Path, cache: Path, **options: Any) -> list[str]:
    result = commands.casualties(_session(corpus, cache, **options), bulk=True)
    assert result.texts is not None
    return list(result.texts(None))


@pytest.mark.parametrize(("report", "module"), [(_timeline_texts, timeline_bulk),
                                                (_casualty_texts, casualty_bulk)])
def test_another_layout_in_between_leaves_the_whole_folder_right(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: Any, module: Any) -> None:
    """Another version of the code sharing the store formats the texts its own way (their
    tables emptied and made again): what the first version remembered as done is
    forgotten with them (found by review)."""
    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)
    expected = report(corpus, fresh)
    assert report(corpus, cache) == expected  # this version: its work marked done
    with monkeypatch.context() as other:  # another version, on part of the folder
        other.setattr(module, "FORMAT", "other")
        report(corpus, cache, until="2024-03-02")
    assert report(corpus, cache) == expected  # this version again, on the whole


def test_figures_formatted_by_other_code_are_formatted_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The formatted figures follow the code that formats them, not only `FORMAT`."""
    import rafah.fingerprint

    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)
    _casualty_texts(corpus, cache)  # formatted by the code before the edit
    edited = casualty_bulk._FORMAT_ROWS.replace("THEN 'total' ELSE 'incident'",
                                                "THEN 'running' ELSE 'incident'")
    assert edited != casualty_bulk._FORMAT_ROWS
    monkeypatch.setattr(casualty_bulk, "_FORMAT_ROWS", edited)  # an edit of the module ...
    digest = rafah.fingerprint.code_digest
    monkeypatch.setattr(rafah.fingerprint, "code_digest",  # ... changes its digest
                        lambda roots: digest(roots) + (
                            "-edited" if "rafah.reports.casualty_bulk" in tuple(roots) else ""))
    assert _casualty_texts(corpus, cache) == _casualty_texts(corpus, fresh)


def test_a_copy_in_date_order_made_by_other_code_is_made_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    _sql(cache, "CREATE TABLE timeline_chrono (selection INTEGER, rank INTEGER, x TEXT, "
                "PRIMARY KEY (selection, rank)) WITHOUT ROWID",
         "INSERT INTO timeline_chrono VALUES (1, 1, 'x')")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    expected = _timeline_texts(*_corpus(fresh))
    assert _timeline_texts(corpus, cache) == expected
    assert [row[1] for row in _sql(cache, "PRAGMA table_info(timeline_chrono)")] == \
        timeline_rows._TABLE_COLUMNS
    assert _sql(cache, "SELECT count(*) FROM timeline_chrono") == [(len(TEXTS),)]
    assert _timeline_texts(corpus, cache) == expected


def _other_code(patch: pytest.MonkeyPatch, *, extra_column: bool) -> None:
    """Another checkout of `timeline_rows` sharing the store: another code digest (its own
    mark); its copy holds the titles its own way, or has one more column."""
    mark = timeline_rows._laid_mark()
    patch.setattr(timeline_rows, "_laid_mark", lambda: mark + "-other")
    if extra_column:
        patch.setattr(timeline_rows, "_TABLE", timeline_rows._TABLE.replace(
            "figures_cell TEXT,", "figures_cell TEXT, extra TEXT,"))
        patch.setattr(timeline_rows, "_TABLE_COLUMNS", [*timeline_rows._TABLE_COLUMNS, "extra"])
        patch.setattr(timeline_rows, "_LAY_OUT", timeline_rows._LAY_OUT.replace(
            "t.figures_cell", "t.figures_cell, NULL"))
    else:
        patch.setattr(timeline_rows, "_LAY_OUT", timeline_rows._LAY_OUT.replace(
            "c.title,", "upper(c.title),"))


def test_a_copy_made_again_by_other_code_is_not_read_by_this_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other code lays the same selection out again its own way: this code's mark goes
    with the copy it vouched for (found by review)."""
    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)
    expected = _timeline_texts(corpus, fresh)
    assert _timeline_texts(corpus, cache) == expected  # laid out, marked by this code
    with monkeypatch.context() as other:
        _other_code(other, extra_column=False)
        assert _timeline_texts(corpus, cache) != expected  # its own copy, its own mark
    assert _timeline_texts(corpus, cache) == expected


def test_a_copy_dropped_by_other_code_is_not_read_short(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two folders in one store: other code's table of other columns replaces the copies of
    both, and every mark goes with them (found by review)."""
    corpus, cache = _corpus(tmp_path)
    second = tmp_path / "second"
    shutil.copytree(corpus, second)
    store = Store(cache)
    load_corpus(second, index=store)  # indexed (the same texts: analysed)
    store.close()
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)
    expected = _timeline_texts(corpus, fresh)
    assert _timeline_texts(corpus, cache) == expected  # the first folder laid out
    with monkeypatch.context() as other:
        _other_code(other, extra_column=True)
        _timeline_texts(second, cache)  # drops timeline_chrono: a table of other columns
    assert _timeline_texts(corpus, cache) == expected


def test_a_full_disk_while_the_rows_are_copied_still_gives_the_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy is only quicker: when the store cannot take it, the rows are read through
    the texts' table (found by review)."""
    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)
    expected = _timeline_texts(corpus, fresh)
    whole = selection.whole

    def full(connection: sqlite3.Connection) -> bool:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")  # no page left to write
        return whole(connection)

    monkeypatch.setattr(timeline_rows.kept_rows, "whole", full)
    assert _timeline_texts(corpus, cache) == expected
    assert _sql(cache, "SELECT count(*) FROM corpus_prepared WHERE what LIKE '%timeline rows/%'"
                ) == [(0,)]


def test_keeping_a_selection_does_not_read_the_copies(tmp_path: Path) -> None:
    """The sweep of rows whose selection is gone (`selection._clean`, in every keep) seeks
    by selection instead of reading every row of the copies (found by review)."""
    corpus, cache = _corpus(tmp_path)
    _timeline_texts(corpus, cache)  # the copy made
    _sql(cache, "INSERT INTO timeline_chrono (selection, rank) VALUES (999, 1)")  # an orphan
    connection = sqlite3.connect(cache)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    with connection:
        selection._clean(connection)
    connection.set_trace_callback(None)
    copies = ("timeline_chrono", "corpus_chrono")
    plans = [row[3] for s in statements if any(t in s for t in copies)
             for row in connection.execute("EXPLAIN QUERY PLAN " + s)]
    left = connection.execute("SELECT DISTINCT selection FROM timeline_chrono").fetchall()
    connection.close()
    assert plans and not [p for p in plans if p.startswith(tuple(f"SCAN {t}" for t in copies))]
    assert (999,) not in left and left


def test_a_changed_title_is_not_served_from_the_report_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a kept selection (the file index not usable) the report cache key names each
    article's title too (found by review)."""
    monkeypatch.setattr(selection, "select", lambda *_args, **_kw: None)
    corpus, cache = _corpus(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(cache, fresh)

    def titles(store: Path) -> list[str]:
        return [row["title"] for row in commands.timeline(_session(corpus, store)).records()]

    assert "G" in titles(cache)
    path = corpus / "g.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Title: G", "Title: G2"),
                    encoding="utf-8")
    assert titles(cache) == titles(fresh)


def test_a_text_with_words_and_no_stored_lead_takes_the_per_article_path(
        tmp_path: Path) -> None:
    """Its summary is cut from the text: the store makes no row."""
    corpus, cache = _corpus(tmp_path)
    _sql(cache, "DELETE FROM records_lead WHERE [text] LIKE 'Nothing%'")
    result = commands.timeline(_session(corpus, cache))
    assert result.texts is None
    row = next(r for r in result.rows if r["article"] == "g.txt")
    assert row["summary"] == "Nothing named at all."


def test_the_texts_of_an_analysis_are_its_parts_of_a_row() -> None:
    summary = StoredSummary(LONG, [{"kind": "killed", "value": 1200, "low": None,
                                    "high": 1500, "qualifier": "up to", "group": None,
                                    "source": "x", "cumulative": True}])
    has_lead, cut, middle, tail, table_tail, cut_text, cell = timeline_bulk.texts_of(summary)
    figures = [compact_figure(f) for f in summary.casualties]
    row = {"title": json.loads(cut), "summary": LONG, "entities": ["N"], "casualties": figures}
    assert has_lead == 1 and json.loads(cut).endswith("…")
    assert ('{"title": ' + cut + middle + '["N"]' + tail) == json.dumps(row, ensure_ascii=False)
    assert json.loads('{"x": 0' + table_tail)["casualties"] == [figure_text(figures[0])]
    assert (cut_text, cell) == (json.loads(cut), figure_text(figures[0]))
    assert timeline_bulk.texts_of(StoredSummary())[:3] == (0, '""',
                                                          ', "summary": "", "entities": ')


def test_a_rewritten_or_deleted_analysis_is_formatted_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    first = list(commands.timeline(_session(corpus, cache)).texts(None))  # type: ignore[misc]
    session = _session(corpus, cache)
    hashes = {a.id: a.text_hash for a in session.articles()}
    session.close()
    store = Store(cache)
    store.put_many([(hashes["g.txt"], Analysis(records={"lead": [Lead("Rewritten.")]}))],
                   fingerprint(resolve_model(None)))
    store.close()
    assert _sql(cache, "SELECT count(*) FROM timeline_texts WHERE stale") == [(1,)]
    again = list(commands.timeline(_session(corpus, cache)).texts(None))  # type: ignore[misc]
    assert [t for t in again if t not in first] == [
        t.replace("Nothing named at all.", "Rewritten.") for t in first if t not in again]
    _sql(cache, f"DELETE FROM analyses WHERE text_hash = '{hashes['g.txt']}'")
    assert _sql(cache, "SELECT count(*) FROM timeline_texts") == [(5,)]  # e.txt's too, not g


def _brute_top(rows: list[int], entities: list[int], mentions: list[int], rank_of: list[int],
               count: int) -> dict[int, list[int]]:
    summed: dict[int, dict[int, int]] = {}
    for row, entity, found in zip(rows, entities, mentions, strict=True):
        if rank_of[entity] >= 0:
            ranks = summed.setdefault(row, {})
            ranks[rank_of[entity]] = ranks.get(rank_of[entity], 0) + found
    return {row: [rank for rank, _ in sorted(ranks.items(), key=lambda i: (-i[1], i[0]))[:count]]
            for row, ranks in sorted(summed.items())}


@pytest.mark.parametrize("seed", range(6))
def test_top_ranks_are_the_most_mentioned_ranks(seed: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranks shared by several entity numbers (place rows that joined others) are summed;
    chunks of whole analyses give what one pass gives."""
    from rafah.reports import entity_arrays

    rng = np.random.default_rng(seed)
    pairs = sorted({(int(r), int(e)) for r, e in zip(rng.integers(0, 40, 600),
                                                        rng.integers(0, 30, 600), strict=True)})
    rows = np.array([r for r, _ in pairs], dtype=np.int32)
    entities = np.array([e for _, e in pairs], dtype=np.int32)
    mentions = rng.integers(1, 4, len(pairs)).astype(np.int32)
    rank_of = rng.integers(-1, 12 if seed % 2 else 40, 30)

    class Arrays:
        analysis = np.arange(40, dtype=np.int64) * 10 + 7

    expected = _brute_top(rows.tolist(), entities.tolist(), mentions.tolist(),
                          rank_of.tolist(), 3)
    slices: list[int] = []
    one_slice = entity_arrays._top_ranks_of
    monkeypatch.setattr(entity_arrays, "_top_ranks_of",
                        lambda *args: slices.append(len(args[0])) or one_slice(*args))
    monkeypatch.setattr(entity_arrays, "TOP_SLICE", 50)
    found = top_rank_runs(Pairs(Arrays(), rows, entities, mentions, 30),  # type: ignore[arg-type]
                          rank_of, 3)
    assert len(slices) > 1 and sum(slices) == len(pairs)
    bounds = found.bounds.tolist()
    assert {a: found.ranks[s:e].tolist() for a, s, e in zip(
        found.analyses.tolist(), bounds[:-1], bounds[1:], strict=True)} == {
        row * 10 + 7: ranks for row, ranks in expected.items() if ranks}
    names = [f"N\"{i}ü" for i in range(40)]
    top = TopNames(found, names, lambda: [(0, 7), (1, 17), (2, 7), (3, 99)])
    given = list(texts_of(top.stored()))
    assert [analysis for analysis, _ in given] == sorted(analysis for analysis, _ in given)
    assert dict(given) == {
        row * 10 + 7: json.dumps([names[r] for r in ranks], ensure_ascii=False)
        for row, ranks in expected.items() if ranks}
    assert dict(top) == {position: [names[r] for r in expected[(analysis - 7) // 10]]
                         for position, analysis in [(0, 7), (1, 17), (2, 7)]
                         if expected.get((analysis - 7) // 10)}


_KEYS = st.lists(st.tuples(st.one_of(st.none(), st.just(""), st.sampled_from(
    ["2024-03", "2024-03-05", "2024-03-05T10:00", "2023-12-31"])),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=6)), max_size=30)


@given(_KEYS)
def test_the_store_orders_rows_as_chronological_does(keys: list[tuple[str | None, str]]) -> None:
    """SQLite's order of the kept rows (`rafah.selection._CHRONO`: texts compared as UTF-8
    bytes) is Python's order of the rows (`chronological`, stable), for any ids, undated and
    empty dates and dates of other lengths; each keeps its title and words."""
    connection = sqlite3.connect(":memory:")
    for statement in selection._STORE_TABLES:
        connection.execute(statement)
    connection.execute("CREATE TEMP TABLE loaded (position INTEGER PRIMARY KEY, title TEXT, "
                       "words INTEGER)")
    connection.executemany(
        "INSERT INTO corpus_rows (selection, idx, id, date) VALUES (3, ?, ?, ?)",
        [(i + 1, article, day) for i, (day, article) in enumerate(keys)])
    connection.executemany("INSERT INTO temp.loaded VALUES (?, ?, ?)",
                           [(i + 1, f"title {i + 1}", i) for i in range(len(keys))])
    connection.execute(selection._CHRONO, {"selection": 3})
    found = connection.execute(
        "SELECT idx, title, words FROM corpus_chrono WHERE selection = 3 ORDER BY rank"
        ).fetchall()
    rows = [{"date": day, "kind": "article",
             "article": article, "idx": i + 1} for i, (day, article) in enumerate(keys)]
    assert found == [(row["idx"], f"title {row['idx']}", row["idx"] - 1)
                     for row in chronological(rows)]


def test_results_of_one_session_are_read_apart(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Each timeline result reads its own rows: another made later on the same connection,
    in another shape, while the first is half read, changes nothing; reading them leaves no
    transaction open (the store stays writable for other runs) and a limit of 0 or None is
    every row."""
    monkeypatch.setattr(timeline_rows, "CHUNK", 2)  # a half-read result keeps its cursor
    corpus, cache = _corpus(tmp_path)
    session = _session(corpus, cache)
    first = commands.timeline(session, shape="json")
    assert first.texts is not None and first.chunks is not None
    expected = list(first.texts(None))
    half = first.texts(None)
    next(half)  # a result half read
    cells = commands.timeline(session, shape="cells")
    assert cells.table_rows is not None
    assert [row["article"] for row in cells.table_rows(None)] == \
        [json.loads(text)["article"] for text in expected]
    assert list(first.texts(None)) == expected == list(first.texts(0))
    assert [text for chunk in first.chunks(None) for text in chunk] == expected
    assert [r["article"] for r in first.records()] == [json.loads(t)["article"] for t in expected]
    assert not session.store().connection.in_transaction


@pytest.mark.parametrize("rows", [
    [], [(1, 1, None)], [(1, 1, "")], [(1, 1, "2024-03-05")],
    [(3, 1, "2024-03-05"), (3, 2, None), (5, 3, "2024-02-01"), (5, 4, "2024-03")],
    [(5, 4, "2024-03"), (3, 2, None), (5, 3, "2024-02-01"), (3, 1, "2024-03-05"),
     (9, 7, ""), (1, 9, "2023-12-31")],  # read in any order
])
def test_each_analysis_has_its_articles_and_date_range(rows: list[tuple[int, int, str | None]]
                                                       ) -> None:
    """Per selected analysis: its articles, its first article and the codes of its first and
    last dates among the selection's dates (none: after every date / before every date);
    an undated selection of one article too."""
    from rafah.reports.entity_arrays import SelectionArrays

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE chosen (analysis INTEGER, idx INTEGER, date TEXT)")
    connection.executemany("INSERT INTO chosen VALUES (?, ?, ?)", rows)
    arrays = SelectionArrays.__new__(SelectionArrays)
    arrays._per_analysis(connection, "chosen")
    dates = sorted({day for _, _, day in rows if day})
    assert arrays.dates == dates
    expected = {}
    for analysis, idx, day in rows:
        count, first, low, high = expected.get(analysis, (0, idx, len(dates), -1))
        code = dates.index(day) if day else None
        expected[analysis] = (count + 1, min(first, idx),
                              low if code is None else min(low, code),
                              high if code is None else max(high, code))
    assert list(zip(arrays.analysis.tolist(), arrays.weight.tolist(),
                    arrays.first_idx.tolist(), arrays.dmin.tolist(),
                    arrays.dmax.tolist(), strict=True)) == \
        [(a, *found) for a, found in sorted(expected.items())]


def test_one_undated_article_has_its_entities_and_row(tmp_path: Path) -> None:
    """A corpus of one article without a date (its date is kept as "" in the selection):
    the entity table and the timeline are made from the store (this crashed once)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Joe Biden spoke in Gaza.\n", encoding="utf-8")
    cache = tmp_path / "s.sqlite3"
    store = Store(cache)
    (article,) = load_corpus(corpus, index=store).articles
    store.put_many([(article.text_hash, Analysis(records={
        "mentions": _mentions(("Joe Biden", "PERSON", 1), ("Gaza", "GPE", 1)),
        "lead": [Lead("Joe Biden spoke in Gaza.")]}))], fingerprint(resolve_model(None)))
    store.close()
    entities = commands.entities(_session(corpus, cache))
    assert sorted((r["name"], r["first_seen"]) for r in entities.records()) == \
        [("Gaza", None), ("Joe Biden", None)]
    rows = commands.timeline(_session(corpus, cache)).records()
    assert [(r["date"], r["entities"]) for r in rows] == [(None, ["Gaza", "Joe Biden"])]
