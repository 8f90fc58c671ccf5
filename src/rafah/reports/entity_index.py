"""The entity facts of each article, kept in the store, and their sums over a selection.

What the name merge needs of one article depends on that article alone: its occurrences
(key, cleaned and written form, corrected label), the longer names of the article each
one-word key can stand for, and the acronyms it defines. They are derived once per stored
analysis (`derive`, a migration for analyses stored before) into

- ``entity_forms``: one row per distinct form (key, cleaned, written, label and the three
  article targets of `rafah.reports.entity_merge.article_targets`), an integer id;
- ``entity_rows``: per analysis and form, the number of mentions and the position of the
  first;
- ``entity_acronyms``: per analysis, the acronyms that join their long form;
- ``entity_done``: the analyses derived (with their ``created`` stamp: an analysis written
  again is derived again).

The ``meta`` row ``entity_index`` names the code and gazetteer the rows were derived with;
when either changes every row is derived again. A report then works on the selection
(``temp.ent_sel``: per analysis, its number of selected articles, its first article and
dates): the corpus-wide counts are one SQL aggregation per distinct form, and everything
that depends on which article says what (articles per entity, the other places of each
article, the top names of each article) is aggregated by SQL over (analysis, entity) rows
(``temp.ent_ae``), never one Python object per mention.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rafah.records import Acronym, Analysis, Mention
from rafah.reports.entity_lexicon import Lexicon
from rafah.reports.entity_merge import (
    Known,
    Occurrence,
    article_occurrences,
    article_targets,
)

if TYPE_CHECKING:
    from rafah.reports.entity_merge import Corpus

FORM_BITS = 20
"""A form's first position in its article fits in these bits (articles of a million
mentions are not expected); the first article's index takes the bits above."""
_BATCH = 2_000
_TABLES = (
    "CREATE TABLE IF NOT EXISTS entity_forms (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
    "cleaned TEXT NOT NULL, written TEXT NOT NULL, label TEXT NOT NULL, surname TEXT NOT NULL, "
    "first TEXT NOT NULL, org TEXT NOT NULL, "
    "UNIQUE (key, cleaned, written, label, surname, first, org))",
    "CREATE INDEX IF NOT EXISTS entity_forms_key ON entity_forms (key)",
    "CREATE TABLE IF NOT EXISTS entity_rows (analysis INTEGER NOT NULL, form INTEGER NOT NULL, "
    "count INTEGER NOT NULL, first INTEGER NOT NULL, PRIMARY KEY (analysis, form)) "
    "WITHOUT ROWID",
    "DROP INDEX IF EXISTS entity_rows_form",
    "CREATE INDEX IF NOT EXISTS entity_rows_by_form ON entity_rows (form, count, first)",
    "CREATE TABLE IF NOT EXISTS entity_acronyms (analysis INTEGER NOT NULL, seq INTEGER NOT "
    "NULL, long_key TEXT NOT NULL, short_key TEXT NOT NULL, PRIMARY KEY (analysis, seq)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS entity_done (analysis INTEGER PRIMARY KEY, created REAL NOT NULL)",
)
_DERIVED = ("entity_forms", "entity_rows", "entity_acronyms", "entity_done")

Form = tuple[str, str, str, str, str, str, str]
"""(key, cleaned, written, label, surname target, first-name target, organisation target)."""


def version(known: Known) -> str:
    """The code and gazetteer the derived rows depend on."""
    from rafah.fingerprint import code_digest

    hasher = hashlib.sha256(code_digest(("rafah.reports.entity_index",)).encode())
    for key, entry in sorted(known.by_key.items()):
        hasher.update(json.dumps([key, entry.name, entry.type, key in known.caps_only]).encode())
    return hasher.hexdigest()


def prepare(connection: sqlite3.Connection, stamp: str) -> None:
    """Create the tables; drop every derived row made by other code or another gazetteer."""
    with connection:
        for statement in _TABLES:
            connection.execute(statement)
        found = connection.execute("SELECT value FROM meta WHERE key = 'entity_index'"
                                   ).fetchone()
        if found is None or found[0] != stamp:
            for table in _DERIVED:
                connection.execute(f"DELETE FROM {table}")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('entity_index', ?)", (stamp,))


def article_forms(analysis: Analysis, known: Known, lex: Lexicon
                  ) -> tuple[dict[Form, list[int]], list[tuple[str, str]]]:
    """One article's forms → [mentions, position of the first], and its joining acronyms."""
    found, pairs = article_occurrences(analysis, known, lex)
    targets = article_targets(found, lex)
    forms: dict[Form, list[int]] = {}
    for position, occ in enumerate(found):
        form = (occ.key, occ.cleaned, occ.written, occ.label, *targets(occ.key))
        if form in forms:
            forms[form][0] += 1
        else:
            forms[form] = [1, position]
    return forms, pairs


class _FormIds:
    """Form → id, adding the forms the store does not have yet."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.ids: dict[Form, int] = {
            tuple(row[1:]): row[0] for row in connection.execute(  # type: ignore[misc]
                "SELECT id, key, cleaned, written, label, surname, first, org FROM entity_forms")}
        self.next = max(self.ids.values(), default=0) + 1
        self.new: list[tuple[int, *Form]] = []  # type: ignore[valid-type]

    def __call__(self, form: Form) -> int:
        found = self.ids.get(form)
        if found is None:
            found = self.ids[form] = self.next
            self.next += 1
            self.new.append((found, *form))
        return found

    def flush(self) -> None:
        self.connection.executemany("INSERT INTO entity_forms VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    self.new)
        self.new.clear()


def derive(connection: sqlite3.Connection, items: Iterable[tuple[int, float, Analysis]],
           known: Known, lex: Lexicon) -> int:
    """Store the entity rows of (analysis id, created, analysis) items; how many."""
    ids: _FormIds | None = None
    done = 0
    rows: list[tuple[int, int, int, int]] = []
    acronyms: list[tuple[int, int, str, str]] = []
    stamps: list[tuple[int, float]] = []
    for analysis_id, created, analysis in items:
        ids = ids or _FormIds(connection)
        forms, pairs = article_forms(analysis, known, lex)
        rows += [(analysis_id, ids(form), count, first) for form, (count, first) in forms.items()]
        acronyms += [(analysis_id, seq, *pair) for seq, pair in enumerate(pairs)]
        stamps.append((analysis_id, created))
        done += 1
        if len(stamps) >= _BATCH:
            _write(connection, ids, rows, acronyms, stamps)
    if ids is not None:
        _write(connection, ids, rows, acronyms, stamps)
    return done


def _write(connection: sqlite3.Connection, ids: _FormIds, rows: list[tuple[int, int, int, int]],
           acronyms: list[tuple[int, int, str, str]], stamps: list[tuple[int, float]]) -> None:
    with connection:
        done = [(analysis,) for analysis, _ in stamps]
        for table in ("entity_rows", "entity_acronyms"):
            connection.executemany(f"DELETE FROM {table} WHERE analysis = ?", done)
        ids.flush()
        connection.executemany("INSERT INTO entity_rows VALUES (?, ?, ?, ?)", rows)
        connection.executemany("INSERT INTO entity_acronyms VALUES (?, ?, ?, ?)", acronyms)
        connection.executemany("INSERT OR REPLACE INTO entity_done VALUES (?, ?)", stamps)
    for batch in (rows, acronyms, stamps):
        batch.clear()


def stored_analyses(connection: sqlite3.Connection, wanted: Sequence[tuple[int, float]]
                    ) -> Iterator[tuple[int, float, Analysis]]:
    """The mentions and acronyms of stored analyses, read in batches."""
    for offset in range(0, len(wanted), _BATCH):
        chunk = dict(wanted[offset: offset + _BATCH])
        marks = ",".join("?" * len(chunk))
        mentions: dict[int, list[Mention]] = {i: [] for i in chunk}
        acronyms: dict[int, list[Acronym]] = {i: [] for i in chunk}
        for analysis, text, label, start, end, sent, surface in connection.execute(
                "SELECT analysis, text, label, start, [end], sent, surface FROM records_mentions "
                f"WHERE analysis IN ({marks}) ORDER BY analysis, seq", tuple(chunk)):
            mentions[analysis].append(Mention(text=text, label=label, start=start, end=end,
                                              sent=sent, surface=surface or ""))
        for analysis, long, short in connection.execute(
                "SELECT analysis, long, short FROM records_acronyms "
                f"WHERE analysis IN ({marks}) ORDER BY analysis, seq", tuple(chunk)):
            acronyms[analysis].append(Acronym(long=long, short=short))
        for analysis, created in chunk.items():
            yield analysis, created, Analysis({"mentions": mentions[analysis],
                                               "acronyms": acronyms[analysis]})


def derive_selected(connection: sqlite3.Connection, selection: str | None, known: Known,
                    lex: Lexicon) -> int:
    """Derive the rows of the selected analyses (None: of every stored analysis) that have
    none yet (or older ones); how many."""
    prepare(connection, version(known))
    chosen = "analyses a" if selection is None else \
        f"{selection} s JOIN analyses a ON a.id = s.analysis"
    wanted = connection.execute(
        f"SELECT DISTINCT a.id, a.created FROM {chosen} "
        "LEFT JOIN entity_done d ON d.analysis = a.id "
        "WHERE d.analysis IS NULL OR d.created != a.created").fetchall()
    return derive(connection, stored_analyses(connection, wanted), known, lex)


def select(connection: sqlite3.Connection, selection: str) -> None:
    """``temp.ent_sel`` from a table of selected articles (idx, analysis, date)."""
    connection.execute("DROP TABLE IF EXISTS temp.ent_sel")
    connection.execute(
        "CREATE TEMP TABLE ent_sel (analysis INTEGER PRIMARY KEY, w INTEGER, first_idx INTEGER, "
        "dmin TEXT, dmax TEXT)")
    connection.execute(
        "INSERT INTO temp.ent_sel SELECT analysis, count(*), min(idx), min(nullif(date, '')), "
        f"max(nullif(date, '')) FROM {selection} WHERE analysis IS NOT NULL GROUP BY analysis")


def corpus_forms(connection: sqlite3.Connection
                 ) -> Iterator[tuple[int, Occurrence, tuple[str, str, str]]]:
    """(form id, occurrence counting its mentions, article targets) of every form of the
    selection, in order of first mention."""
    rows = connection.execute(
        "SELECT f.id, f.key, f.cleaned, f.written, f.label, f.surname, f.first, f.org, t.n "
        "FROM (SELECT r.form AS form, sum(r.count * s.w) AS n, "
        f"min((s.first_idx << {FORM_BITS}) + r.first) AS o FROM temp.ent_sel s "
        "JOIN entity_rows r ON r.analysis = s.analysis GROUP BY r.form) t "
        "JOIN entity_forms f ON f.id = t.form ORDER BY t.o")
    for form, key, cleaned, written, label, surname, first, org, count in rows:
        yield form, Occurrence(key, cleaned, written, label, -1, 0, 0, 0, count), \
            (surname, first, org)


def corpus_acronyms(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """The joining acronyms of the selection (long key, short key), in order of first use."""
    return [(long, short) for long, short, _ in connection.execute(
        "SELECT c.long_key, c.short_key, "
        f"min((s.first_idx << {FORM_BITS}) + c.seq) AS o FROM temp.ent_sel s "
        "JOIN entity_acronyms c ON c.analysis = s.analysis GROUP BY 1, 2 ORDER BY o")]


def co_mentions(connection: sqlite3.Connection, wanted: dict[str, dict[str, str]]
                ) -> dict[str, tuple[int, Counter[str]]]:
    """`rafah.reports.entity_merge.CoMentions` over the selection."""
    if not wanted:
        return {}
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS ent_owner (key TEXT, placed TEXT, "
                       "country TEXT, PRIMARY KEY (key, placed)) WITHOUT ROWID")
    connection.execute("DELETE FROM temp.ent_owner")
    connection.executemany("INSERT INTO temp.ent_owner VALUES (?, ?, ?)",
                           [(key, placed, country) for key, owner in wanted.items()
                            for placed, country in owner.items()])
    rows = connection.execute(
        "WITH ka AS (SELECT DISTINCT f.key AS key, r.analysis AS analysis "
        "FROM entity_forms f JOIN entity_rows r ON r.form = f.id "
        "JOIN temp.ent_sel s ON s.analysis = r.analysis "
        "WHERE f.key IN (SELECT key FROM temp.ent_owner)), "
        "seen AS (SELECT ka.key AS key, ka.analysis AS analysis, "
        "count(DISTINCT o.country) AS countries, max(o.country) AS country FROM ka "
        "LEFT JOIN entity_rows r ON r.analysis = ka.analysis "
        "LEFT JOIN entity_forms f ON f.id = r.form "
        "LEFT JOIN temp.ent_owner o ON o.key = ka.key AND o.placed = f.key "
        "GROUP BY ka.key, ka.analysis) "
        "SELECT seen.key, seen.countries, seen.country, s.w FROM seen "
        "JOIN temp.ent_sel s ON s.analysis = seen.analysis")
    found: dict[str, tuple[int, Counter[str]]] = {}
    for key, countries, country, weight in rows:
        articles, votes = found.get(key, (0, Counter()))
        if countries == 1:
            votes[country] += weight
        found[key] = (articles + weight, votes)
    return found


def fill(corpus: Corpus, connection: sqlite3.Connection, lex: Lexicon
         ) -> list[tuple[int, Occurrence, tuple[str, str, str]]]:
    """Count the selection's forms into ``corpus``; the forms with their ids and targets."""
    forms = list(corpus_forms(connection))
    for _, occ, _ in forms:
        corpus.add(occ, lex)
    return forms
