"""The analysis store: one embedded SQLite file holding each article's analysis.

An analysis is a row of ``analyses`` keyed by (text hash, pipeline fingerprint); its records
live in one table per extractor whose columns are the record's dataclass fields, written and
read by name. The schema version is derived from the extractors and their record fields, so a
store written by other code is rebuilt. Nothing executable is stored (no pickle).
A corrupt file is moved aside and rebuilt; an unwritable location falls back to memory. Every
such problem is reported through the ``warn`` callback, never raised.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rafah import article_index
from rafah.extract.registry import Extractor, extractor_names, extractors
from rafah.records import Analysis, Record, base_type
from rafah.resources import user_cache_dir

LAYOUT_VERSION = "3"
"""The layout of the tables that do not come from records (bump when it changes)."""
_BATCH = 500
_SQL_TYPES = {"int": "INTEGER", "bool": "INTEGER", "float": "REAL", "str": "TEXT"}


def schema_version() -> str:
    """The layout version and every extractor's record fields: a change rebuilds the store."""
    parts = [LAYOUT_VERSION] + [f"{e.name}:{e.record.field_types()}" for e in extractors()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _table(extractor: Extractor) -> str:
    return f"records_{extractor.name}"


def _sql_type(annotation: str) -> str:
    return _SQL_TYPES.get(base_type(annotation), "TEXT")


def _plain(annotation: str) -> bool:
    """Whether a field is stored as it is (else as JSON text)."""
    return base_type(annotation) in _SQL_TYPES


def _encode(record: Record, plain: tuple[bool, ...]) -> list[Any]:
    values = list(record.to_dict().values())
    return [v if keep else json.dumps(v, ensure_ascii=False) for v, keep in zip(values, plain,
                                                                                   strict=True)]


def _decoder(annotation: str) -> Any:
    """How to turn a stored value back into the field's Python value."""
    base = base_type(annotation)
    if base == "bool":
        return bool
    if base in _SQL_TYPES:
        return None
    return json.loads


def _row_reader(record: type[Record]) -> Callable[[list[Any]], Record]:
    """A function from a row of the record's table (its fields, in the order selected by name)
    to the record; the decoders are worked out once per table, not once per value."""
    fields = record.field_types()
    names = [name for name, _ in fields]
    converters = [(i, c) for i, (_, kind) in enumerate(fields) if (c := _decoder(kind))]

    def read(values: list[Any]) -> Record:
        for i, convert in converters:
            if values[i] is not None:
                values[i] = convert(values[i])
        return record(**dict(zip(names, values, strict=True)))

    return read


def default_cache_path() -> Path:
    """$RAFAH_CACHE, else the user cache directory of the platform."""
    if os.environ.get("RAFAH_CACHE"):
        return Path(os.environ["RAFAH_CACHE"])
    return user_cache_dir() / "analyses.sqlite3"


def _ignore(_message: str) -> None:
    return None


class Store:
    """Per-article analyses in SQLite; ``path=None`` keeps them in memory for one run."""

    def __init__(self, path: Path | None, warn: Callable[[str], None] = _ignore) -> None:
        self.path = path
        self.warn = warn
        self.connection = self._open()

    # ------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._initialise(sqlite3.connect(":memory:"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._initialise(self._connect(self.path))
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not self._looks_corrupt(exc):
                self.warn(f"cache {self.path} cannot be used ({exc}); running without a cache")
                self.path = None
                return self._initialise(sqlite3.connect(":memory:"))
            return self._rebuild(exc)
        except OSError as exc:
            self.warn(f"cache folder {self.path.parent} cannot be used ({exc.strerror}); "
                      "running without a cache")
            self.path = None
            return self._initialise(sqlite3.connect(":memory:"))

    @staticmethod
    def _looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
        text = str(exc).lower()
        return "malformed" in text or "not a database" in text or "corrupt" in text

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path, timeout=60)
        connection.execute("PRAGMA busy_timeout = 60000")
        return connection

    def _rebuild(self, exc: Exception) -> sqlite3.Connection:
        assert self.path is not None
        self.warn(f"cache {self.path} is damaged ({exc}); rebuilding it")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            for suffix in ("", "-wal", "-shm"):
                candidate = Path(f"{self.path}{suffix}")
                if candidate.exists():
                    candidate.replace(Path(f"{aside}{suffix}"))
            return self._initialise(self._connect(self.path))
        except (OSError, sqlite3.DatabaseError) as again:
            self.warn(f"cache {self.path} cannot be rebuilt ({again}); running without a cache")
            self.path = None
            return self._initialise(sqlite3.connect(":memory:"))

    def _recover(self, exc: Exception) -> None:
        """After an error in use: a damaged file is moved aside and rebuilt."""
        if self.path is not None and isinstance(exc, sqlite3.DatabaseError) and \
                self._looks_corrupt(exc):
            try:
                self.connection.close()
            except sqlite3.Error:
                pass
            self.connection = self._rebuild(exc)

    def _initialise(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        if self.path is not None:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None:
                raise sqlite3.DatabaseError("cannot set WAL journal mode")
        connection.execute("PRAGMA synchronous = NORMAL")
        version = schema_version()
        if self._current(connection, version):
            return connection
        with connection:
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            found = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if found is not None and found[0] != version:
                self._drop_all(connection)
            connection.execute(
                "CREATE TABLE IF NOT EXISTS analyses (id INTEGER PRIMARY KEY, "
                "text_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, created REAL NOT NULL, "
                "UNIQUE (text_hash, fingerprint))")
            for extractor in extractors():
                columns = ", ".join(f'[{name}] {_sql_type(kind)}'
                                    for name, kind in extractor.record.field_types())
                connection.execute(
                    f"CREATE TABLE IF NOT EXISTS {_table(extractor)} (analysis INTEGER NOT NULL, "
                    f"seq INTEGER NOT NULL, {columns}, PRIMARY KEY (analysis, seq)) WITHOUT ROWID")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                "mtime_ns INTEGER NOT NULL, options TEXT NOT NULL, payload TEXT NOT NULL)")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, payload TEXT NOT NULL, "
                "created REAL NOT NULL)")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (version,))
        return connection

    @staticmethod
    def _current(connection: sqlite3.Connection, version: str) -> bool:
        """Whether the store already has this schema (then opening it writes nothing, so it
        never waits for another process that is writing)."""
        try:
            found = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError:
            return False
        return found is not None and found[0] == version

    @staticmethod
    def _drop_all(connection: sqlite3.Connection) -> None:
        """Drop every table but ``meta`` (a store written by other code)."""
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta' "
            "AND name NOT LIKE 'sqlite%'")]  # SQLite's own (sqlite_sequence) cannot be dropped
        for table in tables:
            connection.execute(f'DROP TABLE IF EXISTS "{table}"')

    # ------------------------------------------------------------ reading and writing

    def get_many(self, hashes: Iterable[str], fingerprint: str,
                 names: Iterable[str] | None = None) -> dict[str, Analysis]:
        """Stored analyses for these hashes (missing ones are absent from the result), with
        the records of the extractors ``names`` (all when None; with none, the analyses are
        empty and only say which hashes are stored)."""
        chosen = None if names is None else set(names)
        wanted = [e for e in extractors() if chosen is None or e.name in chosen]
        keys = list(dict.fromkeys(hashes))
        found: dict[str, Analysis] = {}
        try:
            for offset in range(0, len(keys), _BATCH):
                found.update(self._read_batch(keys[offset: offset + _BATCH], fingerprint, wanted))
        except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
            self.warn(f"cache could not be read ({exc}); analysing again")
            self._recover(exc)
            return {}
        return found

    def _read_batch(self, keys: list[str], fingerprint: str, wanted: list[Extractor]
                    ) -> dict[str, Analysis]:
        marks = ",".join("?" * len(keys))
        ids = dict(self.connection.execute(
            f"SELECT id, text_hash FROM analyses WHERE fingerprint = ? AND text_hash IN ({marks})",
            (fingerprint, *keys)).fetchall())
        records: dict[int, dict[str, list[Record]]] = {i: {} for i in ids}
        id_marks = ",".join("?" * len(ids))
        for extractor in wanted if ids else []:
            fields = extractor.record.field_types()
            select = ", ".join(f'[{name}]' for name, _ in fields)
            rows = self.connection.execute(
                f"SELECT analysis, {select} FROM {_table(extractor)} "
                f"WHERE analysis IN ({id_marks}) ORDER BY analysis, seq", tuple(ids))
            read = _row_reader(extractor.record)
            for analysis, *values in rows:
                records[analysis].setdefault(extractor.name, []).append(read(values))
        return {ids[i]: Analysis(records[i]) for i in ids}

    def put_many(self, items: Iterable[tuple[str, Analysis]], fingerprint: str) -> None:
        """Store analyses (idempotent: the same key written twice keeps one analysis)."""
        items = list(items)
        if not items:
            return
        now = time.time()
        try:
            with self.connection:
                for text_hash, analysis in items:
                    self._put_one(text_hash, fingerprint, analysis, now)
        except sqlite3.DatabaseError as exc:
            self.warn(f"cache could not be written ({exc}); results of this run are not kept")
            self._recover(exc)

    def _put_one(self, text_hash: str, fingerprint: str, analysis: Analysis, now: float) -> None:
        connection = self.connection
        old = connection.execute("SELECT id FROM analyses WHERE text_hash = ? AND fingerprint = ?",
                                 (text_hash, fingerprint)).fetchone()
        if old is not None:  # written again (another process analysed it too): same id
            analysis_id = old[0]
            for name in extractor_names():
                connection.execute(f"DELETE FROM records_{name} WHERE analysis = ?", (analysis_id,))
            connection.execute("UPDATE analyses SET created = ? WHERE id = ?", (now, analysis_id))
        else:
            analysis_id = connection.execute(
                "INSERT INTO analyses (text_hash, fingerprint, created) VALUES (?, ?, ?)",
                (text_hash, fingerprint, now)).lastrowid
        for extractor in extractors():
            fields = extractor.record.field_types()
            plain = tuple(_plain(kind) for _, kind in fields)
            rows = [(analysis_id, seq, *_encode(record, plain))
                    for seq, record in enumerate(analysis.get(extractor.name))]
            if rows:
                marks = ",".join("?" * (len(fields) + 2))
                connection.executemany(f"INSERT INTO {_table(extractor)} VALUES ({marks})", rows)

    @staticmethod
    def _delete_analyses(connection: sqlite3.Connection, ids: list[int]) -> None:
        for offset in range(0, len(ids), _BATCH):
            chunk = ids[offset: offset + _BATCH]
            marks = ",".join("?" * len(chunk))
            for name in extractor_names():
                connection.execute(f"DELETE FROM records_{name} WHERE analysis IN ({marks})",
                                   chunk)
            connection.execute(f"DELETE FROM analyses WHERE id IN ({marks})", chunk)

    # ------------------------------------------------------------ the file index

    def lookup_files(self, keys: list[str]) -> dict[str, tuple[int, int, str, str]]:
        """Stored (size, mtime_ns, options, payload) of files, by key."""
        found: dict[str, tuple[int, int, str, str]] = {}
        try:
            for offset in range(0, len(keys), _BATCH):
                chunk = keys[offset: offset + _BATCH]
                marks = ",".join("?" * len(chunk))
                for row in self.connection.execute(
                        f"SELECT key, size, mtime_ns, options, payload FROM files "
                        f"WHERE key IN ({marks})", chunk):
                    found[row[0]] = (row[1], row[2], row[3], row[4])
        except sqlite3.DatabaseError as exc:
            self.warn(f"cache could not be read ({exc}); reading every file")
            self._recover(exc)
            return {}
        return found

    def save_files(self, rows: list[tuple[str, int, int, str, str]]) -> None:
        """Remember what the loader read from files: (key, size, mtime_ns, options, payload)."""
        if not rows:
            return
        try:
            article_index.ensure(self.connection)
            with self.connection:
                article_index.index_files(self.connection, rows)
        except sqlite3.DatabaseError as exc:
            self.warn(f"cache could not be written ({exc}); files will be read again next time")
            self._recover(exc)

    # ------------------------------------------------------------ computed reports

    def get_report(self, key: str) -> str | None:
        """A report computed earlier from exactly the same inputs, if kept."""
        try:
            row = self.connection.execute("SELECT payload FROM reports WHERE key = ?",
                                          (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return None
        return row[0] if row else None

    def put_report(self, key: str, payload: str, keep: int = 32) -> None:
        """Keep a computed report; only the ``keep`` most recent are kept."""
        try:
            with self.connection:
                self.connection.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)",
                                        (key, payload, time.time()))
                self.connection.execute(
                    "DELETE FROM reports WHERE key NOT IN (SELECT key FROM reports "
                    "ORDER BY created DESC LIMIT ?)", (keep,))
        except sqlite3.DatabaseError as exc:
            self._recover(exc)

    @property
    def output_folder(self) -> Path | None:
        """Where printed outputs are kept (`rafah.output_cache`): beside the store file."""
        return None if self.path is None else self.path.with_name(f"{self.path.name}.outputs")

    # ------------------------------------------------------------ maintenance

    def info(self) -> dict[str, Any]:
        """Where the store is, its size, and how many analyses each pipeline version holds."""
        size = 0
        if self.path is not None:
            size = sum(Path(f"{self.path}{s}").stat().st_size for s in ("", "-wal")
                       if Path(f"{self.path}{s}").exists())
        rows = self.connection.execute(
            "SELECT fingerprint, count(*), max(created) FROM analyses GROUP BY fingerprint "
            "ORDER BY max(created) DESC").fetchall()
        files = self.connection.execute("SELECT count(*) FROM files").fetchone()[0]
        reports = self.connection.execute("SELECT count(*) FROM reports").fetchone()[0]
        return {"path": str(self.path) if self.path else None, "bytes": size, "files": files,
                "reports": reports,
                "versions": [{"fingerprint": f, "analyses": n,
                              "last_written": time.strftime("%Y-%m-%d %H:%M",
                                                            time.localtime(t))}
                             for f, n, t in rows]}

    def prune(self, keep_fingerprint: str) -> dict[str, int]:
        """Drop analyses of other pipeline versions, the file index of files that no longer
        exist, analyses of texts no remaining file holds, the rows of forgotten kept
        selections (`rafah.selection.drop_forgotten`) and computed reports; then compact the
        file. Returns what was dropped."""
        from rafah.selection import drop_forgotten

        connection = self.connection
        gone_files: list[str] = []
        kept_hashes: set[str] = set()
        for key, payload in connection.execute("SELECT key, payload FROM files").fetchall():
            if not Path(key.rsplit("|", 1)[0]).exists():
                gone_files.append(key)
                continue
            kept_hashes.update(a.get("text_hash", "") for a in json.loads(payload)["articles"])
        doomed = [i for i, text_hash, fingerprint in connection.execute(
                  "SELECT id, text_hash, fingerprint FROM analyses")
                  if fingerprint != keep_fingerprint or text_hash not in kept_hashes]
        article_index.ensure(connection)
        with connection:
            for offset in range(0, len(gone_files), _BATCH):
                chunk = gone_files[offset: offset + _BATCH]
                connection.execute(f"DELETE FROM files WHERE key IN ({','.join('?' * len(chunk))})",
                                   chunk)
                article_index.forget_files(connection, chunk)
            self._delete_analyses(connection, doomed)
            selections = drop_forgotten(connection)
            reports = connection.execute("DELETE FROM reports").rowcount
        if self.output_folder is not None:
            shutil.rmtree(self.output_folder, ignore_errors=True)
        connection.execute("VACUUM")
        if self.path is not None:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return {"analyses": len(doomed), "files": len(gone_files), "reports": reports,
                "selections": selections}

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()
