"""The loader's file index as rows: one per article read from each file (and one per file or
record skipped), so that the selection of a corpus is answered by SQL without building one
Python object per article.

Each article row also has its outlet (`rafah.records.Article.source_outlet`, kept by the
loader; ``outlet_known`` is 0 for a payload written before it was kept). The rows mirror the
``files`` table of the store (whose payload keeps the same metadata as
JSON for the loader): `index_files` writes both in one transaction, and ``indexed_files``
records which version (size, modification time, loader options) of each file the rows
describe, so rows written by another version of rafah are never taken for current ones. The
tables are made on first use; an older store fills them from its payloads once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_TABLES = (
    "CREATE TABLE IF NOT EXISTS file_articles (file TEXT NOT NULL, seq INTEGER NOT NULL, "
    "id TEXT, path TEXT, date TEXT, date_source TEXT, title TEXT, url TEXT, outlet TEXT, "
    "text_hash TEXT, words INTEGER, warnings TEXT, source_outlet TEXT, outlet_known INTEGER, "
    "PRIMARY KEY (file, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS file_skips (file TEXT NOT NULL, seq INTEGER NOT NULL, "
    "path TEXT, reason TEXT, PRIMARY KEY (file, seq)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS indexed_files (file TEXT PRIMARY KEY, size INTEGER, "
    "mtime_ns INTEGER, options TEXT) WITHOUT ROWID",
)
_ARTICLES = (
    "INSERT INTO file_articles SELECT f.key, a.key, json_extract(a.value, '$.id'), "
    "json_extract(a.value, '$.path'), json_extract(a.value, '$.date'), "
    "json_extract(a.value, '$.date_source'), json_extract(a.value, '$.title'), "
    "json_extract(a.value, '$.url'), json_extract(a.value, '$.outlet'), "
    "json_extract(a.value, '$.text_hash'), json_extract(a.value, '$.word_count'), "
    "json_extract(a.value, '$.warnings'), json_extract(a.value, '$.source_outlet'), "
    "json_type(a.value, '$.source_outlet') IS NOT NULL "
    "FROM {source} f, json_each(f.payload, '$.articles') a")
_SKIPS = ("INSERT INTO file_skips SELECT f.key, s.key, json_extract(s.value, '$[0]'), "
          "json_extract(s.value, '$[1]') FROM {source} f, json_each(f.payload, '$.skipped') s")
_STATES = ("INSERT OR REPLACE INTO indexed_files SELECT f.key, f.size, f.mtime_ns, f.options "
           "FROM {source} f")


def ensure(connection: sqlite3.Connection) -> None:
    """Make the tables (filled from the payloads already kept) when the store has none, or
    has them in an older layout."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(file_articles)")}
    found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'indexed_files'").fetchone()
    if found is not None and "outlet_known" in columns:
        return
    with connection:
        for table in ("file_articles", "file_skips", "indexed_files"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            connection.execute(statement)
        for statement in (_ARTICLES, _SKIPS, _STATES):
            connection.execute(statement.format(source="files"))


def index_files(connection: sqlite3.Connection,
                rows: Iterable[tuple[str, int, int, str, str]]) -> None:
    """Write the rows of files just read, (key, size, mtime_ns, options, payload), into the
    ``files`` table and their articles and skips into the tables of this module (inside
    the caller's transaction)."""
    rows = list(rows)
    connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS written_files (key TEXT, size "
                       "INTEGER, mtime_ns INTEGER, options TEXT, payload TEXT)")
    connection.execute("DELETE FROM temp.written_files")
    connection.executemany("INSERT INTO temp.written_files VALUES (?, ?, ?, ?, ?)", rows)
    for table in ("file_articles", "file_skips"):
        connection.execute(f"DELETE FROM {table} WHERE file IN "
                           "(SELECT key FROM temp.written_files)")
    for statement in (_ARTICLES, _SKIPS, _STATES):
        connection.execute(statement.format(source="temp.written_files"))
    connection.execute("DELETE FROM temp.written_files")


def forget_files(connection: sqlite3.Connection, keys: list[str]) -> None:
    """Drop the rows of files that are gone (inside the caller's transaction)."""
    marks = ",".join("?" * len(keys))
    for table, column in (("file_articles", "file"), ("file_skips", "file"),
                          ("indexed_files", "file")):
        connection.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", keys)
