"""The analysis store and the cache logic (no model: spaCy is replaced by a counting fake)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from rafah import analyze
from rafah.analyze import AnalysisSettings, analyse_articles
from rafah.corpus import load_corpus
from rafah.pipeline import chunk_text
from rafah.records import (
    Acronym,
    Analysis,
    CasualtyFigure,
    DateMention,
    Mention,
    Sentence,
    merge_chunks,
)
from rafah.store import LAYOUT_VERSION, Store

from .conftest import SEEDS


@pytest.fixture()
def fake_model(tmp_path: Path) -> str:
    """A model folder with only a meta.json: enough for the fingerprint, never loaded."""
    folder = tmp_path / "fake_model"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"lang": "en", "name": "fake",
                                                  "version": "0.0.1"}))
    return str(folder)


@pytest.fixture()
def counting_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace spaCy by a function that records each text it analyses."""
    seen: list[str] = []

    def fake(texts, total, settings, model, on_done):  # noqa: ANN001
        for text_hash, text in texts:
            seen.append(text_hash)
            on_done(text_hash, Analysis(sentences=[Sentence(0, len(text))],
                                        mentions=[Mention("Rafah", "GPE", 0, 5, 0)]))

    monkeypatch.setattr(analyze, "run_pipeline", fake)
    return seen


def sample_analysis() -> Analysis:
    return Analysis(
        sentences=[Sentence(0, 10), Sentence(11, 30)],
        mentions=[Mention("United States", "GPE", 0, 13, 0, "the United States")],
        casualties=[CasualtyFigure("killed", 31000, 31000, None, "over", False, None,
                                   "Hamas Ministry of Health", True, "s", 3, 9, 1)],
        dates=[DateMention("October 7", 12, 21, 1, "past")],
        acronyms=[Acronym("Israel Defense Forces", "IDF")],
    )


def test_store_round_trip_and_column_selection(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.sqlite3")
    store.put_many([("h1", sample_analysis())], "fp")
    store.put_many([("h1", sample_analysis())], "fp")
    assert store.get_many(["h1", "h2"], "fp") == {"h1": sample_analysis()}
    assert store.get_many(["h1"], "other") == {}
    only_mentions = store.get_many(["h1"], "fp", ["mentions"])["h1"]
    assert only_mentions.mentions == sample_analysis().mentions and not only_mentions.casualties
    count = store.connection.execute("SELECT count(*) FROM analyses").fetchone()[0]
    assert count == 1


def test_records_are_stored_by_field_name_in_typed_columns(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.sqlite3")
    store.put_many([("h1", sample_analysis())], "fp")
    row = store.connection.execute(
        'SELECT kind, value, low, high, vague, cumulative, "end", sent FROM records_casualties'
    ).fetchone()
    assert row == ("killed", 31000, 31000, None, 0, 1, 9, 1)
    columns = [c[1] for c in store.connection.execute("PRAGMA table_info(records_mentions)")]
    assert columns == ["analysis", "seq", "text", "label", "start", "end", "sent", "surface"]


def test_store_of_an_older_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    with old:
        old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        old.execute("INSERT INTO meta VALUES ('schema', '2')")
        old.execute("CREATE TABLE analyses (text_hash TEXT, fingerprint TEXT, mentions TEXT, "
                    "created REAL, PRIMARY KEY (text_hash, fingerprint))")
        old.execute("INSERT INTO analyses VALUES ('h1', 'fp', '[[\"Gaza\"]]', 0)")
    old.close()
    store = Store(path)
    assert store.get_many(["h1"], "fp") == {}
    store.put_many([("h1", sample_analysis())], "fp")
    assert Store(path).get_many(["h1"], "fp") == {"h1": sample_analysis()}
    assert LAYOUT_VERSION != "2"


def test_second_run_is_answered_by_the_store(tmp_path: Path, fake_model: str,
                                             counting_pipeline: list[str]) -> None:
    articles = load_corpus(SEEDS).articles
    settings = AnalysisSettings(model=fake_model)
    first = analyse_articles(articles, Store(tmp_path / "c.sqlite3"), settings)
    second = analyse_articles(articles, Store(tmp_path / "c.sqlite3"), settings)
    assert (first.analysed, first.from_cache) == (5, 0)
    assert (second.analysed, second.from_cache) == (0, 5)
    assert len(counting_pipeline) == 5
    assert second.analyses == first.analyses


def test_corrupted_cache_file_is_rebuilt(tmp_path: Path, fake_model: str,
                                         counting_pipeline: list[str]) -> None:
    cache = tmp_path / "c.sqlite3"
    cache.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    articles = load_corpus(SEEDS).articles
    run = analyse_articles(articles, Store(cache, warn=warnings.append),
                           AnalysisSettings(model=fake_model))
    assert run.analysed == 5 and any("damaged" in w for w in warnings)
    again = analyse_articles(articles, Store(cache), AnalysisSettings(model=fake_model))
    assert again.from_cache == 5
    assert list(tmp_path.glob("c.sqlite3.corrupt-*"))


def test_unwritable_cache_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings: list[str] = []
    store = Store(blocker / "sub" / "a.sqlite3", warn=warnings.append)
    store.put_many([("h", sample_analysis())], "fp")
    assert store.path is None and store.get_many(["h"], "fp")
    assert warnings and "without a cache" in warnings[0]


def test_unreadable_rows_mean_reanalysis_not_a_crash(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.sqlite3")
    store.put_many([("h1", sample_analysis())], "fp")
    with store.connection:
        store.connection.execute("ALTER TABLE records_mentions RENAME COLUMN surface TO other")
    warnings: list[str] = []
    store.warn = warnings.append
    assert store.get_many(["h1"], "fp") == {} and warnings


def test_chunking_keeps_offsets() -> None:
    text = "\n\n".join(f"Paragraph number {i} is here." for i in range(50))
    chunks = chunk_text(text, limit=200)
    assert len(chunks) > 1 and all(len(c) <= 200 for _, c in chunks)
    assert "".join(c for _, c in chunks) == text
    for offset, chunk in chunks:
        assert text[offset: offset + len(chunk)] == chunk


def test_merging_chunks_shifts_offsets_and_sentences() -> None:
    part = Analysis(sentences=[Sentence(0, 5)], mentions=[Mention("Gaza", "GPE", 1, 5, 0)],
                    dates=[DateMention("May 1", 0, 5, 0, "past")])
    second = Analysis(sentences=[Sentence(0, 5)], mentions=[Mention("Gaza", "GPE", 1, 5, 0)])
    merged = merge_chunks([(0, part), (100, second)])
    assert merged.sentences == (Sentence(0, 5), Sentence(100, 105))
    assert [(m.start, m.sent) for m in merged.mentions] == [(1, 0), (101, 1)]
    assert [(d.start, d.sent) for d in merged.dates] == [(0, 0)]
    again = merge_chunks([(0, part), (100, second)])
    assert again == merged and second.mentions[0].start == 1


def test_sqlite_wal_mode(tmp_path: Path) -> None:
    Store(tmp_path / "a.sqlite3").close()
    mode = sqlite3.connect(tmp_path / "a.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_store_with_kept_selections_is_rebuilt_after_a_schema_change(tmp_path: Path) -> None:
    """SQLite's own tables (``sqlite_sequence``, made by the kept selections' AUTOINCREMENT)
    cannot be dropped: the rebuild leaves them and the store stays a store."""
    from rafah.session import Session, SessionOptions
    from tests.test_bulk_reports import _corpus

    corpus, cache = _corpus(tmp_path)
    session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
    assert session.selection() is not None
    session.close()
    store = Store(cache)
    with store.connection:
        store.connection.execute("UPDATE meta SET value = 'older' WHERE key = 'schema'")
    store.close()
    warnings: list[str] = []
    again = Store(cache, warn=warnings.append)
    assert warnings == []
    assert again.path == cache  # not "running without a cache"
    assert again.connection.execute("SELECT count(*) FROM analyses").fetchone() == (0,)
    again.close()
