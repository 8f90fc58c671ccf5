"""Entity rows kept in the store: the store's merge equals the in-memory one (no model)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from rafah.records import Acronym, Analysis, Article, Mention
from rafah.reports.entities import (
    build_entities,
    derive_stored,
    store_entities,
    top_names_by_article,
)
from rafah.store import Store


def _article(index: int, text_hash: str, date: str | None) -> Article:
    return Article(id=f"a{index}.txt", path=f"a{index}.txt", date=date, date_source="header",
                   title=None, paragraphs=["x"], text_hash=text_hash)


def _analysis(*items: tuple[str, str], acronyms: tuple[Acronym, ...] = ()) -> Analysis:
    return Analysis(mentions=[Mention(text, label, 0, len(text), 0) for text, label in items],
                    acronyms=list(acronyms))


ANALYSES = {
    "h1": _analysis(("Joe Biden", "PERSON"), ("Biden", "PERSON"), ("Gaza", "GPE"),
                    ("Khan Younis", "GPE"), ("Israel Defense Forces", "ORG"), ("IDF", "ORG"),
                    acronyms=(Acronym("Israel Defense Forces", "IDF"),)),
    "h2": _analysis(("Biden", "PERSON"), ("Rafah", "GPE"), ("Gaza", "GPE"), ("IDF", "ORG")),
    "h3": _analysis(("Hunter Biden", "PERSON"), ("Biden", "PERSON"), ("Cairo", "GPE")),
}
ARTICLES = [_article(1, "h1", "2024-03-13"), _article(2, "h2", "2024-03-20"),
            _article(3, "h1", "2024-03-21"), _article(4, "h3", None)]
"""Article 3 republishes article 1."""


def _selected(store: Store) -> sqlite3.Connection:
    connection = store.connection
    ids = dict(connection.execute("SELECT text_hash, id FROM analyses"))
    connection.execute("CREATE TEMP TABLE chosen (idx INTEGER PRIMARY KEY, analysis INTEGER, "
                       "date TEXT)")
    connection.executemany("INSERT INTO temp.chosen VALUES (?, ?, ?)",
                           [(i, ids[a.text_hash], a.date) for i, a in enumerate(ARTICLES)])
    return connection


def test_the_store_merge_equals_the_in_memory_one(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    store.put_many(ANALYSES.items(), "fp")
    expected = build_entities(ARTICLES, ANALYSES)
    table = store_entities(_selected(store), "temp.chosen")
    assert [e.to_record() for e in table.entities] == [e.to_record() for e in expected]
    assert table.top_names(2) == top_names_by_article(expected, 2)
    biden = next(e for e in expected if e.name == "Joe Biden")
    assert biden.by_article == {0: 2, 2: 2} and biden.articles == 2  # the copy counts
    store.close()


def test_rows_are_derived_once_and_again_for_a_rewritten_analysis(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    store.put_many(ANALYSES.items(), "fp")
    assert derive_stored(store.connection) == 3
    assert derive_stored(store.connection) == 0
    store.put_many([("h2", _analysis(("Cairo", "GPE")))], "fp")
    assert derive_stored(store.connection) == 1
    table = store_entities(_selected(store), "temp.chosen")
    assert "Rafah" not in {e.name for e in table.entities}
    store.close()


def test_a_kept_selection_is_checked_for_missing_rows_once(tmp_path: Path,
                                                           monkeypatch: Any) -> None:
    from rafah.gazetteer import GazetteerEntry
    from rafah.reports import entity_index

    store = Store(tmp_path / "store.sqlite3")
    store.put_many(ANALYSES.items(), "fp")
    connection = _selected(store)
    connection.execute("CREATE TEMP TABLE selected AS SELECT * FROM temp.chosen")
    connection.execute("CREATE TEMP TABLE selection_kept AS SELECT 7 AS id, 1 AS whole")
    connection.execute("CREATE TABLE corpus_prepared (selection INTEGER, what TEXT, "
                       "PRIMARY KEY (selection, what)) WITHOUT ROWID")
    calls: list[str | None] = []
    derive = entity_index.derive_selected

    def counted(*args: Any) -> int:
        calls.append(args[1])
        return derive(*args)

    monkeypatch.setattr(entity_index, "derive_selected", counted)
    first = store_entities(connection, "temp.selected").entities
    again = store_entities(connection, "temp.selected").entities
    assert len(calls) == 1 and [e.to_record() for e in again] == [e.to_record() for e in first]
    other = [GazetteerEntry(name="Rafah City", type="GPE", aliases=("Rafah",))]
    store_entities(connection, "temp.selected", other)  # other rows: every mark is forgotten
    store_entities(connection, "temp.selected")
    assert len(calls) == 3
    store.close()


def test_top_names_are_keyed_by_position_when_idx_has_gaps(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    store.put_many(ANALYSES.items(), "fp")
    connection = _selected(store)
    connection.execute("CREATE TEMP TABLE sparse AS SELECT idx * 10 + 7 AS idx, analysis, date "
                       "FROM temp.chosen")
    expected = store_entities(connection, "temp.chosen").top_names(2)
    assert store_entities(connection, "temp.sparse").top_names(2) == expected
    assert set(expected) == {0, 1, 2, 3}
    store.close()
