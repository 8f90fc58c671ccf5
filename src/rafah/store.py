"""The analysis store: one embedded SQLite file holding each article's analysis as JSON.

Rows are keyed by (text hash, pipeline fingerprint). Nothing executable is stored (no pickle).
A corrupt file is moved aside and rebuilt; an unwritable location falls back to memory. Every
such problem is reported through the ``warn`` callback, never raised.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from rafah.records import Analysis

SCHEMA_VERSION = "2"
COLUMNS = ("lead", "sentences", "mentions", "casualties", "dates", "acronyms")
_BATCH = 500


def default_cache_path() -> Path:
    """$RAFAH_CACHE, else the user cache directory of the platform."""
    if os.environ.get("RAFAH_CACHE"):
        return Path(os.environ["RAFAH_CACHE"])
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rafah" / "analyses.sqlite3"


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
        columns = ", ".join(f"{c} TEXT NOT NULL" for c in COLUMNS)
        with connection:
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            found = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if found is not None and found[0] != SCHEMA_VERSION:
                connection.execute("DROP TABLE IF EXISTS analyses")
                connection.execute("DROP TABLE IF EXISTS files")
                connection.execute("DROP TABLE IF EXISTS reports")
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS analyses (text_hash TEXT NOT NULL, "
                f"fingerprint TEXT NOT NULL, {columns}, created REAL NOT NULL, "
                f"PRIMARY KEY (text_hash, fingerprint)) WITHOUT ROWID")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                "mtime_ns INTEGER NOT NULL, options TEXT NOT NULL, payload TEXT NOT NULL)")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, payload TEXT NOT NULL, "
                "created REAL NOT NULL)")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)",
                               (SCHEMA_VERSION,))
        return connection

    # ------------------------------------------------------------ reading and writing

    def get_many(self, hashes: Iterable[str], fingerprint: str,
                 columns: Iterable[str] = COLUMNS) -> dict[str, Analysis]:
        """Stored analyses for these hashes (missing ones are absent from the result); with
        no columns, the analyses are empty and only say which hashes are stored."""
        wanted = [c for c in COLUMNS if c in set(columns)]
        keys = list(dict.fromkeys(hashes))
        found: dict[str, Analysis] = {}
        select = ", ".join(["text_hash", *wanted])
        try:
            for offset in range(0, len(keys), _BATCH):
                chunk = keys[offset: offset + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self.connection.execute(
                    f"SELECT {select} FROM analyses WHERE fingerprint = ? "
                    f"AND text_hash IN ({marks})", (fingerprint, *chunk))
                for row in rows:
                    parts = {c: json.loads(v) for c, v in zip(wanted, row[1:], strict=True)}
                    found[row[0]] = Analysis.from_json_parts(parts)
        except (sqlite3.DatabaseError, ValueError) as exc:
            self.warn(f"cache could not be read ({exc}); analysing again")
            self._recover(exc)
            return {}
        return found

    def put_many(self, items: Iterable[tuple[str, Analysis]], fingerprint: str) -> None:
        """Store analyses (idempotent: the same key written twice keeps one row)."""
        now = time.time()
        rows = []
        for text_hash, analysis in items:
            parts = analysis.to_json_parts()
            rows.append((text_hash, fingerprint,
                         *(json.dumps(parts[c], separators=(",", ":"), ensure_ascii=False)
                           for c in COLUMNS), now))
        if not rows:
            return
        marks = ",".join("?" * (len(COLUMNS) + 3))
        try:
            with self.connection:
                self.connection.executemany(
                    f"INSERT OR REPLACE INTO analyses (text_hash, fingerprint, "
                    f"{', '.join(COLUMNS)}, created) VALUES ({marks})", rows)
        except sqlite3.DatabaseError as exc:
            self.warn(f"cache could not be written ({exc}); results of this run are not kept")
            self._recover(exc)

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
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                                            rows)
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

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()
