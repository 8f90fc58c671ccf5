"""The selection kept in the store (`rafah.selection`) and the figures kept formatted
(`rafah.reports.casualty_bulk`) are reused only while nothing they depend on changed: the
folder listing, the file index and the analyses."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import rafah.session
from rafah import commands, selection
from rafah.nlp import fingerprint, resolve_model
from rafah.records import Analysis, Lead
from rafah.render import write_texts
from rafah.session import Session, SessionOptions
from rafah.store import Store
from tests.test_bulk_reports import ANALYSES, RANGES, _corpus, _figure


def _session(corpus: Path, cache: Path, **options: Any) -> Session:
    return Session(SessionOptions(str(corpus), cache=cache, **options), warn=print)


def _kept(session: Session) -> int:
    found = session.selection()
    assert found is not None
    return found.kept


def _json(corpus: Path, cache: Path) -> str:
    result = commands.casualties(_session(corpus, cache), bulk=True)
    assert result.texts is not None
    out = io.StringIO()
    write_texts(result.texts(None), "json", out)
    return out.getvalue()


def _no_keeping(*_args: Any) -> None:
    raise AssertionError("the kept rows were built again")


def test_an_unchanged_folder_reuses_the_kept_rows(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path)
    first = _kept(_session(corpus, cache))
    monkeypatch.setattr(selection, "_keep", _no_keeping)
    again = _session(corpus, cache, since="2024-03", distinct=True)
    assert _kept(again) == first
    assert [a.id for a in again.articles()] == [
        i for (i,) in again.store().connection.execute("SELECT id FROM temp.selected")]


def test_a_new_analysis_or_a_changed_file_forgets_them(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    first = _kept(_session(corpus, cache))
    store = Store(cache)
    store.put_many([("unseen", Analysis())], fingerprint(resolve_model(None)))
    store.close()
    second = _kept(_session(corpus, cache))
    assert second != first
    (corpus / "b.txt").write_text("Title: B\nDate: 2024-03-06\n\nAnother text.\n")
    session = _session(corpus, cache)
    assert _kept(session) != second
    dates = [d for (d,) in session.store().connection.execute(
        "SELECT date FROM temp.selected WHERE id = 'b.txt'")]
    assert dates == ["2024-03-06"]


def _unlinked(corpus: Path, cache: Path, article: str) -> tuple[Session, selection.Selection]:
    """The session and kept selection of ``corpus`` with ``article`` not linked to its
    analysis (as before the analysis of a text new to the store)."""
    session = _session(corpus, cache)
    found = session.selection()
    assert found is not None
    with found.connection:
        for table in ("corpus_rows", "corpus_chrono"):
            found.connection.execute(f"UPDATE {table} SET analysis = NULL WHERE id = ?",
                                     (article,))
    return session, found


def test_rows_linked_after_analysis_are_kept(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path)
    session, found = _unlinked(corpus, cache, "a.txt")
    with found.connection:
        found.connection.execute("INSERT INTO analyses (text_hash, fingerprint, created) "
                                 "VALUES ('other', 'other', 0)")  # forgets the kept rows
    found.link_analyses(session._fingerprint())
    assert found.missing_analyses() == 0
    linked = found.connection.execute(
        "SELECT count(*), count(c.analysis) FROM corpus_chrono c JOIN corpus_rows r "
        "ON r.selection = c.selection AND r.idx = c.idx AND r.analysis = c.analysis "
        "WHERE c.selection = ?", (found.kept,)).fetchone()
    assert linked == (found.loaded, found.loaded)  # in date order too
    monkeypatch.setattr(selection, "_keep", _no_keeping)
    assert _kept(_session(corpus, cache)) == found.kept


def test_a_run_whose_rows_a_prune_dropped_while_it_analysed_keeps_them_anew(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`rafah cache prune` drops forgotten rows at once, those of a run still analysing
    included: linking its analyses then finds no rows, and the run keeps the rows anew
    rather than report on empty views."""
    corpus, cache = _corpus(tmp_path)
    expected = _json(corpus, cache)
    session, _ = _unlinked(corpus, cache, "a.txt")
    analyse = rafah.session.analyse_articles

    def analyse_then_prune(*args: Any, **options: Any) -> Any:
        run = analyse(*args, **options)
        store = Store(cache)  # another command
        store.put_many([("unseen", Analysis())], fingerprint(resolve_model(None)))  # forgets
        assert store.prune(fingerprint(resolve_model(None)))["selections"] >= 1
        store.close()
        return run

    monkeypatch.setattr(rafah.session, "analyse_articles", analyse_then_prune)
    result = commands.casualties(session, bulk=True)
    assert result.texts is not None
    out = io.StringIO()
    write_texts(result.texts(None), "json", out)
    assert out.getvalue() == expected


def test_analyses_linked_to_the_kept_rows_undo_what_was_done_for_them(
        tmp_path: Path) -> None:
    """Work remembered as done for every analysis of the kept rows (`mark_prepared`) is
    forgotten when analyses are linked to them: the new analyses lack it."""
    corpus, cache = _corpus(tmp_path)
    session, found = _unlinked(corpus, cache, "a.txt")
    selection.mark_prepared(found.connection, "figures")
    assert selection.prepared(found.connection, "figures")
    found.link_analyses(session._fingerprint())
    assert not selection.prepared(found.connection, "figures")


@pytest.mark.parametrize(("since", "until", "distinct"), RANGES[1:])
def test_work_done_for_part_of_the_kept_rows_is_not_remembered(
        tmp_path: Path, since: str | None, until: str | None, distinct: bool) -> None:
    corpus, cache = _corpus(tmp_path)
    part = _session(corpus, cache, since=since, until=until, distinct=distinct).selection()
    assert part is not None
    selection.mark_prepared(part.connection, "figures")
    assert not selection.prepared(part.connection, "figures")
    whole = _session(corpus, cache).selection()
    assert whole is not None and whole.kept == part.kept
    selection.mark_prepared(whole.connection, "figures")
    assert selection.prepared(whole.connection, "figures")
    again = _session(corpus, cache, since=since, until=until, distinct=distinct).selection()
    assert again is not None and selection.prepared(again.connection, "figures")


def test_marks_of_earlier_versions_are_not_read_and_forgetting_is_by_prefix(
        tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    found = _session(corpus, cache).selection()
    assert found is not None
    connection = found.connection
    with connection:  # as an earlier version left it, maybe after a report on a part
        connection.execute("INSERT INTO corpus_prepared VALUES (?, 'figures')", (found.kept,))
    assert not selection.prepared(connection, "figures")
    for what in ("figures", "entity rows a", "entity rows b", "entity_rows c"):
        selection.mark_prepared(connection, what)
    selection.forget_prepared(connection, "entity rows ")
    assert [selection.prepared(connection, w) for w in
            ("figures", "entity rows a", "entity rows b", "entity_rows c")] == \
        [True, False, False, True]
    assert connection.execute("SELECT count(*) FROM corpus_prepared WHERE what = 'figures'"
                              ).fetchone() == (0,)


def test_a_rewritten_analysis_is_formatted_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    before = _json(corpus, cache)
    session = _session(corpus, cache)
    articles = {a.id: a for a in session.articles()}
    changed = Analysis(casualties=[_figure(99, 0, side="Palestinian", area="Gaza")],
                       harm=ANALYSES["b.txt"].harm)
    store = Store(cache)
    store.put_many([(articles["b.txt"].text_hash, changed)], fingerprint(resolve_model(None)))
    store.close()
    after = _json(corpus, cache)
    assert after != before
    assert '"value": 99' in after and '"value": 30,' in before and '"value": 30,' not in after


def test_a_run_reading_forgotten_rows_still_sees_them(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    reading = _session(corpus, cache)
    before = _kept(reading)
    store = Store(cache)
    store.put_many([("unseen", Analysis())], fingerprint(resolve_model(None)))
    store.close()
    assert _kept(_session(corpus, cache)) != before  # kept again by another run
    ids = [i for (i,) in reading.store().connection.execute("SELECT id FROM temp.selected")]
    assert ids == [a.id for a in reading.articles()]


def _with_leads(corpus: Path, cache: Path) -> None:
    """Every analysis of a text with words gets a lead (as `lead_sentence` stores one)."""
    session = _session(corpus, cache)
    store = Store(cache)
    store.put_many([(a.text_hash, Analysis(
        records={**ANALYSES.get(a.id, Analysis()).records, "lead": [Lead("Lead of " + a.id)]}))
        for a in session.articles() if a.word_count and a.id != "sub/c.txt"],
        fingerprint(resolve_model(None)))
    store.close()
    session.close()


@pytest.mark.parametrize(("since", "until", "distinct"), RANGES)
def test_timeline_rows_from_the_file_index_are_the_loaders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, since: str | None, until: str | None,
        distinct: bool) -> None:
    """On a kept selection the timeline's articles (ids, dates, titles) come from the file
    index, kept with the selection (`rafah.reports.timeline.kept_articles`): the rows are
    those of the loaded corpus, an empty text's (no stored lead) too."""
    from rafah.reports import timeline

    corpus, cache = _corpus(tmp_path)
    _with_leads(corpus, cache)
    monkeypatch.setattr(Session, "cached_report", lambda _self, _name, _modules, compute:
                        compute())
    monkeypatch.setattr(commands, "_bulk_timeline", lambda *_args, **_kw: None)  # per article
    options = {"since": since, "until": until, "distinct": distinct}
    session = _session(corpus, cache, **options)
    selected = session.analysed_selection()
    assert selected is not None
    kept = timeline.kept_articles(selected.connection,
                                  timeline.stored_summaries(selected.connection),
                                  selected.chosen)
    assert kept is not None and [a.id for a in kept] == [a.id for a in session.articles()]
    from_index = commands.timeline(_session(corpus, cache, **options)).rows
    monkeypatch.setattr(timeline, "kept_articles", lambda *_args: None)
    assert from_index == commands.timeline(_session(corpus, cache, **options)).rows


def test_a_text_with_words_and_no_stored_lead_loads_the_corpus(tmp_path: Path) -> None:
    """Its summary is cut from the text, so `kept_articles` gives no rows."""
    from rafah.reports import timeline

    corpus, cache = _corpus(tmp_path)
    selected = _session(corpus, cache).analysed_selection()
    assert selected is not None
    assert timeline.kept_articles(selected.connection,
                                  timeline.stored_summaries(selected.connection),
                                  selected.chosen) is None


def test_a_file_indexed_again_during_a_run_changes_neither_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run indexes a file again (a new title) while this run reads its kept
    selection: the rows the store makes and the per-article rows both read the titles kept
    with the selection, so they stay the same (they read the file index apart once)."""
    import json
    import sqlite3

    corpus, cache = _corpus(tmp_path)
    _with_leads(corpus, cache)
    session = _session(corpus, cache)
    assert session.selection() is not None
    other = sqlite3.connect(cache)  # the other run
    with other:
        other.execute("UPDATE file_articles SET title = 'Changed' WHERE id = 'a.txt'")
        other.execute("UPDATE files SET payload = payload")  # as indexing does: forgets
    other.close()
    bulk = commands.timeline(session, shape="json")
    assert bulk.texts is not None
    texts = list(bulk.texts(None))
    monkeypatch.setattr(commands, "_bulk_timeline", lambda *_args, **_kw: None)
    rows = commands.timeline(session).rows
    assert texts == [json.dumps(row, ensure_ascii=False) for row in rows]
    assert not any("Changed" in text for text in texts)


def test_a_selection_without_its_date_order_is_made_per_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept rows in corpus order without their rows in date order (never made so; a store
    damaged): the timeline is made per article, not a short list of rows."""
    corpus, cache = _corpus(tmp_path)
    _with_leads(corpus, cache)
    session = _session(corpus, cache)
    found = session.selection()
    assert found is not None
    with found.connection:
        found.connection.execute("DELETE FROM corpus_chrono WHERE idx % 2 = 0")
    result = commands.timeline(session, shape="json")
    assert result.texts is None and len(result.rows) == found.chosen


def test_date_ordered_rows_left_by_an_earlier_version_are_dropped(tmp_path: Path) -> None:
    """An earlier version sharing the store drops a forgotten selection's rows but not its
    rows in date order, nor the timeline's copy of them: the next selection kept drops
    those."""
    corpus, cache = _corpus(tmp_path)
    _with_leads(corpus, cache)
    session = _session(corpus, cache)
    assert commands.timeline(session, shape="json").texts is not None  # laid out
    found = session.selection()
    assert found is not None
    assert found.connection.execute("SELECT count(*) FROM timeline_chrono").fetchone() == \
        (found.loaded,)
    with found.connection:
        for table in ("corpus_rows", "corpus_prepared", "corpus_selections"):
            found.connection.execute(f"DELETE FROM {table}")  # as that version drops them
    (corpus / "b.txt").write_text("Title: B\nDate: 2024-03-06\n\nAnother text.\n")
    again = _session(corpus, cache).selection()
    assert again is not None and again.kept != found.kept
    assert [row for row in again.connection.execute(
        "SELECT DISTINCT selection FROM corpus_chrono")] == [(again.kept,)]
    assert again.connection.execute("SELECT count(*) FROM timeline_chrono").fetchone() == (0,)


def test_cache_prune_drops_the_rows_of_forgotten_selections_at_once(tmp_path: Path) -> None:
    """Within the hour a forgotten selection's rows are kept for runs still reading them,
    `rafah cache prune` drops them (and its timeline copy); the current selection stays when
    prune drops no analysis (dropping one forgets every selection)."""
    corpus, cache = _corpus(tmp_path)
    _with_leads(corpus, cache)
    session = _session(corpus, cache)
    assert commands.timeline(session, shape="json").texts is not None  # laid out
    forgotten = _kept(session)
    session.close()
    (corpus / "new.txt").write_text("Title: N\nDate: 2024-03-07\n\nA text.\n")  # no analysis
    current = _kept(_session(corpus, cache))
    tables = ("corpus_rows", "corpus_chrono", "timeline_chrono")

    def rows(store: Store, kept: int) -> list[int]:
        return [store.connection.execute(f"SELECT count(*) FROM {table} WHERE selection = ?",
                                         (kept,)).fetchone()[0] for table in tables]

    store = Store(cache)
    before = rows(store, current)[:2]
    assert all(rows(store, forgotten)) and all(before)
    waiting = store.connection.execute("SELECT count(*) FROM corpus_forgotten").fetchone()[0]
    dropped = store.prune(fingerprint(resolve_model(None)))
    assert dropped["analyses"] == 0 and dropped["selections"] == waiting >= 1
    assert store.connection.execute("SELECT count(*) FROM corpus_forgotten").fetchone() == (0,)
    assert rows(store, forgotten) == [0, 0, 0] and rows(store, current)[:2] == before
    store.close()


def test_cache_prune_on_a_store_kept_by_an_earlier_layout(tmp_path: Path) -> None:
    """A store last written by a version without the rows in date order or the timeline's
    copy: prune drops its forgotten rows from the tables it has."""
    cache = tmp_path / "s.sqlite3"
    store = Store(cache)
    for statement in (
            "CREATE TABLE corpus_selections (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "corpus TEXT UNIQUE, digest TEXT, summary TEXT)",
            "CREATE TABLE corpus_rows (selection INTEGER NOT NULL, idx INTEGER NOT NULL, "
            "id TEXT, PRIMARY KEY (selection, idx)) WITHOUT ROWID",
            "CREATE TABLE corpus_forgotten (selection INTEGER PRIMARY KEY, at INTEGER)",
            "INSERT INTO corpus_rows VALUES (1, 0, 'a.txt')",
            "INSERT INTO corpus_forgotten VALUES (1, 0)"):
        store.connection.execute(statement)
    store.connection.commit()
    assert store.prune("current")["selections"] == 1
    assert store.connection.execute("SELECT count(*) FROM corpus_rows").fetchone() == (0,)
    store.close()
