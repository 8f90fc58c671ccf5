"""The entity facts of each article, kept in the store, and their sums over a selection.

What the name merge needs of one article depends on that article alone: its occurrences
(key, cleaned and written form, corrected label), the longer names of the article each
one-word key can stand for, and the acronyms it defines. They are derived once per stored
analysis (`derive`, a migration for analyses stored before) into

- ``entity_forms``: one row per distinct form (key, cleaned, written, label and the three
  article targets of `rafah.reports.entity_merge.article_targets`), an integer id, and the
  facts of its words alone (`rafah.reports.entity_merge.FormFacts`: the person signature,
  the short-form vote keys, the type cues), so that a report never works them out again,
  and the same facts as name ids with the form's flags and solo type code as one blob
  (``facts``: `rafah.reports.entity_solo`);
- ``entity_names``: the integer id of every name key a form's facts name;
- ``entity_rows``: per analysis and form, the number of mentions and the position of the
  first (read by the co-mention query of one key);
- ``entity_packed``: the same per analysis as one blob of little-endian 32-bit (form,
  mentions, first position) triplets, which the reports read and sum with NumPy
  (`rafah.reports.entity_arrays`);
- ``entity_acronyms``: per analysis, the acronyms that join their long form;
- ``entity_done``: the analyses derived (with their ``created`` stamp: an analysis written
  again is derived again).

The ``meta`` row ``entity_index`` names the code, gazetteer and place data the rows were
derived with; when any changes every row is derived again. `rafah.reports.entity_selection`
sums them over the selected articles.
"""

from __future__ import annotations

import array
import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rafah.records import Acronym, Analysis, Mention
from rafah.reports.entity_lexicon import Lexicon
from rafah.reports.entity_merge import Known, article_occurrences, article_targets, form_facts
from rafah.reports.entity_solo import NAME_JOINS, ONE_WORD, joins_by_name, may_stand_alone

_BATCH = 2_000
_TABLES = (
    "CREATE TABLE IF NOT EXISTS entity_forms (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
    "cleaned TEXT NOT NULL, written TEXT NOT NULL, label TEXT NOT NULL, surname TEXT NOT NULL, "
    "first TEXT NOT NULL, org TEXT NOT NULL, signature TEXT NOT NULL, sig_surname TEXT NOT "
    "NULL, sig_first TEXT NOT NULL, org_head TEXT NOT NULL, cue TEXT NOT NULL, person_cue TEXT "
    "NOT NULL, facts BLOB NOT NULL, UNIQUE (key, cleaned, written, label, surname, first, org))",
    "CREATE TABLE IF NOT EXISTS entity_names (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)",
    "CREATE INDEX IF NOT EXISTS entity_forms_key ON entity_forms (key)",
    "CREATE TABLE IF NOT EXISTS entity_rows (analysis INTEGER NOT NULL, form INTEGER NOT NULL, "
    "count INTEGER NOT NULL, first INTEGER NOT NULL, PRIMARY KEY (analysis, form)) "
    "WITHOUT ROWID",
    "DROP INDEX IF EXISTS entity_rows_form",
    "CREATE INDEX IF NOT EXISTS entity_rows_by_form ON entity_rows (form, count, first)",
    "CREATE TABLE IF NOT EXISTS entity_acronyms (analysis INTEGER NOT NULL, seq INTEGER NOT "
    "NULL, long_key TEXT NOT NULL, short_key TEXT NOT NULL, PRIMARY KEY (analysis, seq)) "
    "WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS entity_packed (analysis INTEGER PRIMARY KEY, triplets BLOB NOT "
    "NULL)",
    "CREATE TABLE IF NOT EXISTS entity_done (analysis INTEGER PRIMARY KEY, created REAL NOT NULL)",
)
_DERIVED = ("entity_forms", "entity_names", "entity_rows", "entity_packed", "entity_acronyms",
            "entity_done")

Form = tuple[str, str, str, str, str, str, str]
"""(key, cleaned, written, label, surname target, first-name target, organisation target)."""


def version(known: Known) -> str:
    """The code, the gazetteer and the place data the derived rows depend on (a form's
    facts say whether a gazetteer knows it as a place)."""
    from rafah.fingerprint import code_digest
    from rafah.nlp import _data_versions

    hasher = hashlib.sha256(code_digest(("rafah.reports.entity_index",)).encode())
    hasher.update(_data_versions().encode())
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
            for table in _DERIVED:  # dropped: the layout may have changed with the code
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _TABLES:
                connection.execute(statement)
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
    """Form → id, adding the forms the store does not have yet (with their facts, and the
    name ids of their keys: `rafah.reports.entity_solo`)."""

    def __init__(self, connection: sqlite3.Connection, known: Known, lex: Lexicon) -> None:
        self.connection = connection
        self.known = known
        self.lex = lex
        self.ids: dict[Form, int] = {
            tuple(row[1:]): row[0] for row in connection.execute(  # type: ignore[misc]
                "SELECT id, key, cleaned, written, label, surname, first, org FROM entity_forms")}
        self.next = max(self.ids.values(), default=0) + 1
        self.names: dict[str, int] = dict(connection.execute("SELECT key, id FROM entity_names"))
        self.new_names: list[tuple[int, str]] = []
        self.new: list[tuple[Any, ...]] = []

    def name(self, key: str) -> int:
        """The id of a name key (0 for none)."""
        if not key:
            return 0
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = len(self.names) + 1
            self.new_names.append((found, key))
        return found

    def __call__(self, form: Form) -> int:
        found = self.ids.get(form)
        if found is None:
            found = self.ids[form] = self.next
            self.next += 1
            facts = form_facts(form[1], form[3], self.lex)
            flags = (ONE_WORD if len(form[1].split()) == 1 else 0) | \
                (NAME_JOINS if joins_by_name(form[0], self.lex) else 0)
            packed = pack_facts(found, [self.name(form[0]), self.name(facts.signature),
                                        self.name(facts.surname), self.name(facts.first_name),
                                        self.name(facts.org_head), flags,
                                        may_stand_alone(form, facts, self.known, self.lex),
                                        *(self.name(target) for target in form[4:7])])
            self.new.append((found, *form, *facts, packed))
        return found

    def flush(self) -> None:
        marks = ", ".join("?" * 15)
        self.connection.executemany("INSERT INTO entity_names VALUES (?, ?)", self.new_names)
        self.connection.executemany(f"INSERT INTO entity_forms VALUES ({marks})", self.new)
        self.new_names.clear()
        self.new.clear()


def pack_facts(form: int, values: Sequence[int]) -> bytes:
    """A form's id and its name ids, flags and type code (`rafah.reports.entity_solo`) as
    little-endian 32-bit integers."""
    packed = array.array("i", [form, *values])
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def derive(connection: sqlite3.Connection, items: Iterable[tuple[int, float, Analysis]],
           known: Known, lex: Lexicon) -> int:
    """Store the entity rows of (analysis id, created, analysis) items; how many."""
    ids: _FormIds | None = None
    done = 0
    rows: list[tuple[int, int, int, int]] = []
    packed: list[tuple[int, bytes]] = []
    acronyms: list[tuple[int, int, str, str]] = []
    stamps: list[tuple[int, float]] = []
    for analysis_id, created, analysis in items:
        ids = ids or _FormIds(connection, known, lex)
        forms, pairs = article_forms(analysis, known, lex)
        found = [(analysis_id, ids(form), count, first) for form, (count, first) in forms.items()]
        rows += found
        packed.append((analysis_id, pack(found)))
        acronyms += [(analysis_id, seq, *pair) for seq, pair in enumerate(pairs)]
        stamps.append((analysis_id, created))
        done += 1
        if len(stamps) >= _BATCH:
            _write(connection, ids, rows, packed, acronyms, stamps)
    if ids is not None:
        _write(connection, ids, rows, packed, acronyms, stamps)
    return done


def pack(rows: Iterable[tuple[int, int, int, int]]) -> bytes:
    """The (form, mentions, first position) triplets of one analysis's rows, as a blob of
    little-endian 32-bit integers."""
    values = array.array("i", [value for row in rows for value in row[1:]])
    if sys.byteorder != "little":
        values.byteswap()
    return values.tobytes()


def _write(connection: sqlite3.Connection, ids: _FormIds, rows: list[tuple[int, int, int, int]],
           packed: list[tuple[int, bytes]], acronyms: list[tuple[int, int, str, str]],
           stamps: list[tuple[int, float]]) -> None:
    with connection:
        done = [(analysis,) for analysis, _ in stamps]
        for table in ("entity_rows", "entity_acronyms"):
            connection.executemany(f"DELETE FROM {table} WHERE analysis = ?", done)
        ids.flush()
        connection.executemany("INSERT INTO entity_rows VALUES (?, ?, ?, ?)", rows)
        connection.executemany("INSERT OR REPLACE INTO entity_packed VALUES (?, ?)", packed)
        connection.executemany("INSERT INTO entity_acronyms VALUES (?, ?, ?, ?)", acronyms)
        connection.executemany("INSERT OR REPLACE INTO entity_done VALUES (?, ?)", stamps)
    for batch in (rows, packed, acronyms, stamps):
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
