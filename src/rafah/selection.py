"""The selected articles of a corpus as a temporary table of the store, built by SQL from the
file index (`rafah.article_index`) without one Python object per article.

``temp.selected`` has one row per selected article in corpus order: ``idx`` (1, 2, ...),
``id``, ``date``, ``text_hash``, ``duplicate_of`` (as the loader marks republished copies,
over the whole corpus), ``analysis`` (the id of its stored analysis under the fingerprint, or
null) and ``source_outlet`` (`Article.source_outlet`). The rows are
exactly the articles `Session.articles` returns: the same --since/--until test, the same
--distinct. Only when every file of the corpus is in the index unchanged (size, modification
time, loader options); else `select` returns None and the loader reads the corpus.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from rafah import article_index
from rafah.corpus import LoadOptions, Skipped, file_listing, options_key
from rafah.errors import CorpusError
from rafah.records import Article

_IN_RANGE = ("(:since IS NULL OR substr(l.date, 1, length(:since)) >= "
             "substr(:since, 1, length(l.date))) AND (:until IS NULL OR "
             "substr(l.date, 1, length(:until)) <= substr(:until, 1, length(l.date)))")
_TABLES = (
    "CREATE TEMP TABLE loaded (position INTEGER PRIMARY KEY, file TEXT, seq INTEGER, id TEXT, "
    "date TEXT, text_hash TEXT, words INTEGER, warnings TEXT, source_outlet TEXT, "
    "outlet_known INTEGER, analysis INTEGER)",
    "INSERT INTO temp.loaded SELECT NULL, a.file, a.seq, a.id, a.date, a.text_hash, a.words, "
    "a.warnings, a.source_outlet, a.outlet_known, rafah_analysis(a.text_hash) "
    "FROM temp.corpus_files c JOIN file_articles a ON a.file = c.key ORDER BY c.pos, a.seq",
    "CREATE TEMP TABLE first_copies (text_key PRIMARY KEY, position INTEGER) WITHOUT ROWID",
    "INSERT INTO temp.first_copies SELECT coalesce(analysis, text_hash), min(position) "
    "FROM temp.loaded WHERE words > 0 GROUP BY 1",
    "CREATE TEMP TABLE selected (idx INTEGER PRIMARY KEY, id TEXT, date TEXT, text_hash TEXT, "
    "duplicate_of TEXT, analysis INTEGER, source_outlet TEXT)",
)
"""``temp.loaded``: every article of the corpus in the loader's order, with its analysis
(looked up in a dictionary of the fingerprint's analyses: much quicker than a million
look-ups of text hashes in the store's index); a text is known by its analysis id (an
integer, quick to group) or, not analysed yet, by its hash. ``temp.first_copies``: the first
article of each text (the loader's republished copies are the later ones)."""
_OUTLET = ("CASE WHEN l.outlet_known THEN l.source_outlet ELSE (SELECT rafah_outlet(a.outlet, "
           "a.url, a.id, a.path) FROM file_articles a WHERE a.file = l.file AND a.seq = l.seq) "
           "END")
_SELECTED = f"""
INSERT INTO temp.selected
SELECT NULL, l.id, l.date, l.text_hash, d.id, l.analysis, {_OUTLET}
FROM temp.loaded l
LEFT JOIN temp.first_copies f ON f.text_key = coalesce(l.analysis, l.text_hash)
    AND l.words > 0
LEFT JOIN temp.loaded d ON d.position = f.position AND f.position != l.position
WHERE ((:since IS NULL AND :until IS NULL) OR (l.date IS NOT NULL AND {_IN_RANGE}))
  AND (NOT :distinct OR d.id IS NULL)
ORDER BY l.position"""


@dataclass
class Selection:
    """What the loader would report (skips, warnings) and how many articles are selected."""

    connection: sqlite3.Connection
    loaded: int
    chosen: int
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(article id, warning) of every loaded article, in corpus order."""
    dates: tuple[str | None, str | None] = (None, None)
    """The first and last article dates of the corpus."""

    def missing_analyses(self) -> int:
        """Selected articles without a stored analysis."""
        return self.connection.execute(
            "SELECT count(*) FROM temp.selected WHERE analysis IS NULL").fetchone()[0]

    def link_analyses(self, fingerprint: str) -> None:
        """Point every selected article at its stored analysis (of this fingerprint)."""
        with self.connection:
            self.connection.execute(
                "UPDATE temp.selected SET analysis = (SELECT id FROM analyses a WHERE "
                "a.text_hash = temp.selected.text_hash AND a.fingerprint = ?)", (fingerprint,))


def _outlet(outlet: str | None, url: str | None, article_id: str, path: str) -> str | None:
    """`Article.source_outlet` of an article the file index has without it."""
    return Article(id=article_id, path=path, date=None, date_source=None, title=None,
                   paragraphs=None, url=url, outlet=outlet).source_outlet


def _drop(connection: sqlite3.Connection) -> None:
    for table in ("corpus_files", "loaded", "first_copies", "selected"):
        connection.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _current(connection: sqlite3.Connection, listing: list[tuple[str, str, int, int, str]],
             options: str) -> bool:
    """Fill ``temp.corpus_files``; whether every file is indexed as it is now."""
    connection.execute("CREATE TEMP TABLE corpus_files (pos INTEGER PRIMARY KEY, key TEXT, "
                       "size INTEGER, mtime INTEGER)")
    connection.executemany("INSERT INTO temp.corpus_files VALUES (?, ?, ?, ?)",
                           [(i, row[4], row[2], row[3]) for i, row in enumerate(listing)
                            if not row[1]])
    stale = connection.execute(
        "SELECT count(*) FROM temp.corpus_files c LEFT JOIN files f ON f.key = c.key AND "
        "f.size = c.size AND f.mtime_ns = c.mtime AND f.options = :o LEFT JOIN indexed_files i "
        "ON i.file = c.key AND i.size = c.size AND i.mtime_ns = c.mtime AND i.options = :o "
        "WHERE f.key IS NULL OR i.file IS NULL", {"o": options}).fetchone()[0]
    return stale == 0


def _messages(selection: Selection, listing: list[tuple[str, str, int, int, str]]) -> None:
    connection = selection.connection
    selection.skipped = [Skipped(row[0], row[1]) for row in listing if row[1]]
    selection.skipped += [Skipped(path, reason) for path, reason in connection.execute(
        "SELECT s.path, s.reason FROM temp.corpus_files c JOIN file_skips s ON s.file = c.key "
        "ORDER BY c.pos, s.seq")]
    selection.warnings = [(article, message) for article, found in connection.execute(
        "SELECT id, warnings FROM temp.loaded WHERE warnings != '[]' ORDER BY position")
        for message in json.loads(found)]
    first, last = connection.execute("SELECT min(date), max(date) FROM temp.loaded").fetchone()
    selection.dates = (first, last)


def select(connection: sqlite3.Connection, corpus: str, options: LoadOptions, *,
           since: str | None, until: str | None, distinct: bool, fingerprint: str
           ) -> Selection | None:
    """The selection of ``corpus`` from the file index (each article linked to its analysis
    under ``fingerprint``), or None when the loader must read some file (new, changed, or
    read with other options) or the corpus has no article."""
    try:
        listing = file_listing(Path(corpus))
    except (CorpusError, OSError):
        return None
    try:
        article_index.ensure(connection)
    except sqlite3.DatabaseError:
        return None  # a store that cannot be written: the loader's way
    _drop(connection)
    if not _current(connection, listing, options_key(options)):
        _drop(connection)
        connection.commit()
        return None
    analyses = dict(connection.execute(
        "SELECT text_hash, id FROM analyses WHERE fingerprint = ?", (fingerprint,)))
    connection.create_function("rafah_analysis", 1, analyses.get, deterministic=True)
    connection.create_function("rafah_outlet", 4, _outlet, deterministic=True)
    for statement in _TABLES:
        connection.execute(statement)
    connection.create_function("rafah_analysis", 1, None)  # frees the dictionary
    del analyses
    loaded = connection.execute("SELECT count(*) FROM temp.loaded").fetchone()[0]
    if not loaded:
        _drop(connection)
        connection.commit()
        return None
    connection.execute(_SELECTED, {"since": since, "until": until, "distinct": int(distinct)})
    connection.commit()  # a later rollback of the store's own writes must not undo these
    chosen = connection.execute("SELECT count(*) FROM temp.selected").fetchone()[0]
    selection = Selection(connection, loaded, chosen)
    _messages(selection, listing)
    return selection
