"""The selected articles of a corpus as a temporary view of the store, built by SQL from the
file index (`rafah.article_index`) without one Python object per article.

``temp.selected`` has one row per selected article in corpus order: ``idx`` (increasing),
``id``, ``date``, ``text_hash``, ``duplicate_of`` (as the loader marks republished copies,
over the whole corpus), ``analysis`` (the id of its stored analysis under the fingerprint, or
null), ``source_outlet`` (`Article.source_outlet`) and the JSON texts of the id, date and
``duplicate_of`` (``qid``, ``qdate``, ``qdup``, for rows made by SQL). The rows are exactly
the articles `Session.articles` returns: the same --since/--until test, the same --distinct.
``temp.selected_by_date`` has the same articles numbered (``rank``) in the timeline's
chronological order, with their ``title`` and ``words`` from the file index.
Only when every file of the corpus is in the index unchanged (size, modification time, loader
options); else `select` returns None and the loader reads the corpus.

Every article of the corpus is kept in the store (``corpus_rows``, and in chronological
order ``corpus_chrono``, sorted once when the rows are kept; the loader's messages in
``corpus_selections``) under a digest of the folder listing (names, sizes, modification
times), the loader options and the analysis fingerprint, so a later run on an unchanged
folder does no work per file or per article: the view reads the kept rows. Triggers on the
analyses and on the file index forget every kept selection when either changes (a new or
re-written analysis, a file indexed again or forgotten), so the kept rows are never stale;
the rows of a forgotten selection are dropped an hour later (`GRACE`), not while another run
may still read them; `rafah cache prune`, run while no other command uses the store, drops
them at once (`drop_forgotten`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    "outlet_known INTEGER, analysis INTEGER, title TEXT)",
    "INSERT INTO temp.loaded SELECT NULL, a.file, a.seq, a.id, a.date, a.text_hash, a.words, "
    "a.warnings, a.source_outlet, a.outlet_known, rafah_analysis(a.text_hash), a.title "
    "FROM temp.corpus_files c JOIN file_articles a ON a.file = c.key ORDER BY c.pos, a.seq",
    "CREATE TEMP TABLE first_copies (text_key PRIMARY KEY, position INTEGER) WITHOUT ROWID",
    "INSERT INTO temp.first_copies SELECT coalesce(analysis, text_hash), min(position) "
    "FROM temp.loaded WHERE words > 0 GROUP BY 1",
)
"""``temp.loaded``: every article of the corpus in the loader's order, with its analysis
(looked up in a dictionary of the fingerprint's analyses: much quicker than a million
look-ups of text hashes in the store's index); a text is known by its analysis id (an
integer, quick to group) or, not analysed yet, by its hash. ``temp.first_copies``: the first
article of each text (the loader's republished copies are the later ones)."""
_OUTLET = ("CASE WHEN l.outlet_known THEN l.source_outlet ELSE (SELECT rafah_outlet(a.outlet, "
           "a.url, a.id, a.path) FROM file_articles a WHERE a.file = l.file AND a.seq = l.seq) "
           "END")
_KEPT = f"""
INSERT INTO corpus_rows
SELECT :selection, l.position, l.id, l.date, l.text_hash, d.id, l.analysis, {_OUTLET},
       json_quote(l.id), json_quote(l.date), json_quote(d.id)
FROM temp.loaded l
LEFT JOIN temp.first_copies f ON f.text_key = coalesce(l.analysis, l.text_hash)
    AND l.words > 0
LEFT JOIN temp.loaded d ON d.position = f.position AND f.position != l.position
ORDER BY l.position"""
"""Every article of the corpus, kept in the store under the selection's id."""
_CHRONO = """
INSERT INTO corpus_chrono
SELECT r.selection, row_number() OVER (ORDER BY r.date IS NULL, r.date, r.id, r.idx), r.idx,
       r.id, r.date, r.duplicate_of, r.analysis, r.qid, r.qdate, l.title, l.words
FROM corpus_rows r JOIN temp.loaded l ON l.position = r.idx
WHERE r.selection = :selection"""
"""The same articles numbered in `rafah.reports.timeline.chronological` order (by date,
undated last, then by id; equal keys in corpus order), with their title and words from the
file index: what the timeline's rows take, read in that order without a sort. SQLite
compares texts as UTF-8 bytes, which order as their code points do, as Python's strings
compare."""
_VIEW = """CREATE TEMP VIEW selected AS
SELECT idx, id, date, text_hash, duplicate_of, analysis, source_outlet, qid, qdate, qdup
FROM main.corpus_rows l WHERE l.selection = {selection} AND {where}"""
_BY_DATE_VIEW = """CREATE TEMP VIEW selected_by_date AS
SELECT rank, idx, id, date, analysis, qid, qdate, title, words
FROM main.corpus_chrono l WHERE l.selection = {selection} AND {where}"""
_STORE_TABLES = (
    "CREATE TABLE IF NOT EXISTS corpus_selections (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "corpus TEXT UNIQUE, digest TEXT, summary TEXT)",
    "CREATE TABLE IF NOT EXISTS corpus_rows (selection INTEGER NOT NULL, idx INTEGER NOT NULL, "
    "id TEXT, date TEXT, text_hash TEXT, duplicate_of TEXT, analysis INTEGER, "
    "source_outlet TEXT, qid TEXT, qdate TEXT, qdup TEXT, PRIMARY KEY (selection, idx)) "
    "WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS corpus_rows_dates ON corpus_rows (selection, date, "
    "source_outlet, analysis)",
    "CREATE TABLE IF NOT EXISTS corpus_chrono (selection INTEGER NOT NULL, rank INTEGER NOT "
    "NULL, idx INTEGER NOT NULL, id TEXT, date TEXT, duplicate_of TEXT, analysis INTEGER, "
    "qid TEXT, qdate TEXT, title TEXT, words INTEGER, PRIMARY KEY (selection, rank)) "
    "WITHOUT ROWID",
)
_WATCHED = (("analyses", "INSERT"), ("analyses", "DELETE"), ("analyses", "UPDATE"),
            ("indexed_files", "INSERT"), ("indexed_files", "DELETE"),
            ("indexed_files", "UPDATE"), ("files", "DELETE"), ("files", "UPDATE"),
            ("files", "INSERT"))
"""Changes that make every kept selection stale (each forgets them all)."""
_FORGET = ("INSERT OR REPLACE INTO corpus_forgotten SELECT id, CAST(strftime('%s', 'now') AS "
           "INTEGER) FROM corpus_selections")
"""Forgotten selections are remembered: their rows stay while a run may still read them."""
GRACE = 3600
"""Seconds the rows of a forgotten selection are kept (for runs that still read them), but
for `drop_forgotten`."""
VERSION = "2"
"""The layout of the kept rows: part of a selection's key."""


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
    kept: int = 0
    """The id of the kept rows (``corpus_rows.selection``)."""
    record: tuple[str, str, str] = ("", "", "")
    """(corpus key, listing digest, summary) the rows are kept under."""
    files: list[str] = field(default_factory=list)
    """The file index keys of the files the loader reads, in its order (from the listing the
    selection was keyed by: no second walk of the folder)."""

    def missing_analyses(self) -> int:
        """Selected articles without a stored analysis."""
        return self.connection.execute(
            "SELECT count(*) FROM temp.selected WHERE analysis IS NULL").fetchone()[0]

    def link_analyses(self, fingerprint: str) -> bool:
        """Point every article at its stored analysis (of this fingerprint), and keep the
        rows again (storing the analyses made the store forget them); False when another
        command dropped them meanwhile (`rafah cache prune`): the views are then empty."""
        with self.connection:
            self.connection.execute(
                "UPDATE corpus_rows SET analysis = (SELECT id FROM analyses a WHERE "
                "a.text_hash = corpus_rows.text_hash AND a.fingerprint = ?) "
                "WHERE selection = ? AND analysis IS NULL", (fingerprint, self.kept))
            self.connection.execute(
                "UPDATE corpus_chrono SET analysis = (SELECT analysis FROM corpus_rows r WHERE "
                "r.selection = corpus_chrono.selection AND r.idx = corpus_chrono.idx) "
                "WHERE selection = ? AND analysis IS NULL", (self.kept,))
            self.connection.execute(_FORGET + " WHERE corpus = ?", (self.record[0],))
            self.connection.execute("DELETE FROM corpus_prepared WHERE selection = ?",
                                    (self.kept,))  # the new analyses lack the work
            self.connection.execute("DELETE FROM corpus_selections WHERE corpus = ?",
                                    (self.record[0],))
            self.connection.execute("DELETE FROM corpus_forgotten WHERE selection = ? AND "
                                    "EXISTS (SELECT 1 FROM corpus_rows WHERE selection = ?)",
                                    (self.kept, self.kept))
            return self.connection.execute(  # unless another run dropped the rows
                "INSERT INTO corpus_selections SELECT ?, ?, ?, ? WHERE EXISTS "
                "(SELECT 1 FROM corpus_rows WHERE selection = ?)", (self.kept, *self.record,
                                                                     self.kept)).rowcount > 0


MARKS = "2:"
"""The prefix of the marks `mark_prepared` leaves (those of earlier versions, which could
be left by a report on part of the rows, are not read)."""


def prepared(connection: sqlite3.Connection, what: str) -> bool:
    """Whether `mark_prepared` was called for ``what`` since the rows of the current selection
    (``temp.selected``) were kept, on all of them, and no analysis was linked to them since
    (`Selection.link_analyses`): every analysis they name had it done (any other change of
    the analyses makes new rows)."""
    return connection.execute(
        "SELECT 1 FROM corpus_prepared WHERE selection = (SELECT id FROM temp.selection_kept) "
        "AND what = ?", (MARKS + what,)).fetchone() is not None


def mark_prepared(connection: sqlite3.Connection, what: str) -> None:
    """Remember that ``what`` was done for every analysis of the current selection's rows;
    nothing when the views show part of them (--since, --until, --distinct: the work was
    done for that part alone)."""
    with connection:
        connection.execute("INSERT OR IGNORE INTO corpus_prepared "
                           "SELECT id, ? FROM temp.selection_kept WHERE whole",
                           (MARKS + what,))


def whole(connection: sqlite3.Connection) -> bool:
    """Whether the current selection's views show every kept row (no --since, --until or
    --distinct)."""
    return bool(connection.execute("SELECT whole FROM temp.selection_kept").fetchone()[0])


def kept_filter(connection: sqlite3.Connection) -> tuple[int, str]:
    """The current selection's kept id and the SQL test its views apply to a kept row
    ``l`` (--since/--until/--distinct), for a report's own per-selection table."""
    kept, where = connection.execute("SELECT id, filter FROM temp.selection_kept").fetchone()
    return int(kept), str(where)


def forget_prepared(connection: sqlite3.Connection, what: str) -> None:
    """Forget every mark of work starting with ``what`` on every kept selection (the work
    must be done again: its results were dropped)."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'corpus_prepared'"
                          ).fetchone():
        with connection:
            forget_marks(connection, what)
            connection.execute("DELETE FROM corpus_prepared WHERE substr(what, 1, length(?)) "
                               "!= ?", (MARKS, MARKS))  # an earlier version's


def forget_marks(connection: sqlite3.Connection, what: str, kept: int | None = None) -> None:
    """Inside the caller's transaction: forget the marks starting with ``what`` of the kept
    selection ``kept`` (None: of every one)."""
    connection.execute(
        "DELETE FROM corpus_prepared WHERE substr(what, 1, length(:what)) = :what "
        "AND (:kept IS NULL OR selection = :kept)", {"what": MARKS + what, "kept": kept})


def put_mark(connection: sqlite3.Connection, kept: int, what: str) -> None:
    """Inside the caller's transaction: mark ``what`` done for the whole kept selection
    ``kept``."""
    connection.execute("INSERT OR IGNORE INTO corpus_prepared VALUES (?, ?)",
                       (kept, MARKS + what))


def _outlet(outlet: str | None, url: str | None, article_id: str, path: str) -> str | None:
    """`Article.source_outlet` of an article the file index has without it."""
    return Article(id=article_id, path=path, date=None, date_source=None, title=None,
                   paragraphs=None, url=url, outlet=outlet).source_outlet


def _drop(connection: sqlite3.Connection) -> None:
    connection.execute("DROP VIEW IF EXISTS temp.selected")
    connection.execute("DROP VIEW IF EXISTS temp.selected_by_date")
    for table in ("corpus_files", "loaded", "first_copies", "selected", "selection_kept"):
        connection.execute(f"DROP TABLE IF EXISTS temp.{table}")


_KEPT_TABLES = ("corpus_rows", "corpus_chrono", "corpus_prepared")
"""The tables of kept rows, by selection."""
LAID_OUT = ("timeline_chrono",)
"""Tables a report fills per kept selection (`rafah.reports.timeline_rows`), made when first
needed: their rows go with their selection's."""
_ENSURED = frozenset({"corpus_rows_dates", "corpus_forgotten", "corpus_chrono"})
"""Tables and indexes of kept selections `_ensure` looks for besides the triggers: when one
is missing (a store of an earlier version), it makes them all."""


def _ensure(connection: sqlite3.Connection) -> None:
    """Make the tables of kept selections and the triggers that forget them."""
    expected = {f"corpus_forget_{table}_{event.lower()}" for table, event in _WATCHED}
    found = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE (type = 'trigger' AND name LIKE 'corpus_%') "
        f"OR name IN ({', '.join(map(_literal, sorted(_ENSURED)))})")}
    if found == expected | _ENSURED:
        return
    with connection:
        for name in found - _ENSURED:
            connection.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in _STORE_TABLES:
            connection.execute(statement)
        connection.execute("CREATE TABLE IF NOT EXISTS corpus_prepared (selection INTEGER, "
                           "what TEXT, PRIMARY KEY (selection, what)) WITHOUT ROWID")
        connection.execute("CREATE TABLE IF NOT EXISTS corpus_forgotten (selection INTEGER "
                           "PRIMARY KEY, at INTEGER)")
        for table, event in _WATCHED:
            connection.execute(
                f"CREATE TRIGGER corpus_forget_{table}_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {_FORGET}; DELETE FROM corpus_selections; END")
        connection.execute(_FORGET)
        connection.execute("DELETE FROM corpus_selections")


def drop_forgotten(connection: sqlite3.Connection) -> int:
    """Drop the rows of every forgotten selection now, without the grace a run still reading
    them has (`rafah cache prune`, a maintenance command run while no other uses the store;
    inside its transaction); how many selections."""
    return _clean(connection, grace=0)


def _clean(connection: sqlite3.Connection, grace: int = GRACE) -> int:
    """Drop the rows of selections forgotten ``grace`` seconds ago or more (inside a
    transaction; of the tables the store has: an earlier version's may lack some); how many
    selections."""
    found = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
        f"({', '.join(map(_literal, (*_KEPT_TABLES, 'corpus_forgotten', *LAID_OUT)))})")}
    if "corpus_forgotten" not in found:
        return 0
    old = "(SELECT selection FROM corpus_forgotten WHERE at <= CAST(strftime('%s', 'now') AS " \
          f"INTEGER) - {grace})"
    for table in (*_KEPT_TABLES, *LAID_OUT):
        if table in found:
            connection.execute(f"DELETE FROM {table} WHERE selection IN {old}")
    dropped = connection.execute(f"DELETE FROM corpus_forgotten WHERE selection IN {old}"
                                 ).rowcount
    laid = [table for table in ("corpus_chrono", *LAID_OUT) if table in found]
    for table in laid:  # rows an earlier version dropped the others of
        orphans = connection.execute(  # each selection found by the key, no row read
            f"WITH RECURSIVE k(s) AS (SELECT min(selection) FROM {table} UNION ALL SELECT "
            f"(SELECT min(selection) FROM {table} WHERE selection > k.s) FROM k "
            "WHERE k.s IS NOT NULL) SELECT s FROM k WHERE s IS NOT NULL AND s NOT IN "
            "(SELECT id FROM corpus_selections UNION SELECT selection FROM corpus_forgotten)"
            ).fetchall()
        connection.executemany(f"DELETE FROM {table} WHERE selection = ?", orphans)
    return dropped


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


def _summary(connection: sqlite3.Connection) -> dict[str, Any]:
    """The loader's messages from the file index: skipped records, warnings, date span."""
    skips = [[path, reason] for path, reason in connection.execute(
        "SELECT s.path, s.reason FROM temp.corpus_files c JOIN file_skips s ON s.file = c.key "
        "ORDER BY c.pos, s.seq")]
    warnings = [[article, message] for article, found in connection.execute(
        "SELECT id, warnings FROM temp.loaded WHERE warnings != '[]' ORDER BY position")
        for message in json.loads(found)]
    loaded, first, last = connection.execute(
        "SELECT count(*), min(date), max(date) FROM temp.loaded").fetchone()
    return {"loaded": loaded, "skips": skips, "warnings": warnings, "dates": [first, last]}


def _keep(connection: sqlite3.Connection, corpus: str, digest: str,
          listing: list[tuple[str, str, int, int, str]], options: str, fingerprint: str
          ) -> tuple[int, str] | None:
    """Build and keep every article of the corpus from the file index; None when some file
    is not indexed as it is now."""
    _drop(connection)
    if not _current(connection, listing, options):
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
    summary = json.dumps(_summary(connection), ensure_ascii=False)
    with connection:
        connection.execute(_FORGET + " WHERE corpus = ?", (corpus,))
        connection.execute("DELETE FROM corpus_selections WHERE corpus = ?", (corpus,))
        kept = connection.execute(
            "INSERT INTO corpus_selections (corpus, digest, summary) VALUES (?, ?, ?)",
            (corpus, digest, summary)).lastrowid
        _clean(connection)
        connection.execute(_KEPT, {"selection": kept})
        connection.execute(_CHRONO, {"selection": kept})
    _drop(connection)
    connection.commit()
    assert kept is not None
    return kept, summary


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


_WHOLE = "1"
"""`_where` of a view showing every kept row."""


def _where(since: str | None, until: str | None, distinct: bool) -> str:
    """The view's test of --since/--until/--distinct (dates as SQL literals)."""
    where = _WHOLE
    if since is not None or until is not None:
        where = "l.date IS NOT NULL AND " + _IN_RANGE.replace(
            ":since", "NULL" if since is None else _literal(since)).replace(
            ":until", "NULL" if until is None else _literal(until))
    return where + (" AND l.duplicate_of IS NULL" if distinct else "")


def _views(connection: sqlite3.Connection, kept: int, where: str) -> None:
    """``temp.selected`` and ``temp.selected_by_date`` of the kept rows ``kept``."""
    for view in (_VIEW, _BY_DATE_VIEW):
        connection.execute(view.format(selection=kept, where=where))


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
    loader = options_key(options)
    key = "\0".join((VERSION, str(Path(corpus).resolve()), loader, fingerprint))
    hasher = hashlib.sha256()
    for row in listing:
        hasher.update("\t".join(map(str, row)).encode("utf-8", "surrogateescape") + b"\n")
    digest = hasher.hexdigest()
    try:
        article_index.ensure(connection)
        _ensure(connection)
        found = connection.execute("SELECT id, summary FROM corpus_selections WHERE corpus = ? "
                                   "AND digest = ?", (key, digest)).fetchone()
        kept = (found[0], found[1]) if found is not None else \
            _keep(connection, key, digest, listing, loader, fingerprint)
    except sqlite3.DatabaseError:
        connection.rollback()
        _drop(connection)
        return None  # a store that cannot be written: the loader's way
    summary: dict[str, Any] = json.loads(kept[1]) if kept is not None else {"loaded": 0}
    if kept is None or not summary["loaded"]:
        return None
    _drop(connection)
    where = _where(since, until, distinct)
    _views(connection, int(kept[0]), where)
    connection.execute("CREATE TEMP TABLE selection_kept AS SELECT ? AS id, ? AS whole, "
                       "? AS filter", (kept[0], where == _WHOLE, where))
    connection.commit()
    chosen = connection.execute("SELECT count(*) FROM temp.selected").fetchone()[0]
    selection = Selection(connection, summary["loaded"], chosen, kept=kept[0],
                          record=(key, digest, kept[1]))
    selection.skipped = [Skipped(row[0], row[1]) for row in listing if row[1]]
    selection.files = [row[4] for row in listing if not row[1]]
    selection.skipped += [Skipped(path, reason) for path, reason in summary["skips"]]
    selection.warnings = [(article, message) for article, message in summary["warnings"]]
    selection.dates = (summary["dates"][0], summary["dates"][1])
    return selection
