"""The entity rows of the selected articles (`rafah.reports.entity_index`), summed.

The corpus-wide counts per distinct form are summed with NumPy
(`rafah.reports.entity_arrays`; in order of first mention, so the merge breaks ties as a
pass over the articles would), and so is what depends on which article says what
(`rafah.reports.entities.EntityTable`), never one Python object per mention. Here: the
stored rows of the forms the merge is given, the selection's acronyms, and the co-mention
query of a few organisation names (over ``temp.ent_sel``: per analysis of the selection,
its number of selected articles).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rafah.reports.entity_lexicon import Lexicon
from rafah.reports.entity_merge import Corpus, FormFacts, Occurrence

FORM_BITS = 20
"""A form's first position in its article fits in these bits (articles of a million
mentions are not expected); the first article's index takes the bits above."""


def select(connection: sqlite3.Connection, analyses: Sequence[int], weights: Sequence[int]
           ) -> None:
    """``temp.ent_sel``: the selected ``analyses`` with their number of selected articles
    (for `co_mentions`)."""
    connection.execute("DROP TABLE IF EXISTS temp.ent_sel")
    connection.execute("CREATE TEMP TABLE ent_sel (analysis INTEGER PRIMARY KEY, w INTEGER)")
    connection.executemany("INSERT INTO temp.ent_sel VALUES (?, ?)",
                           zip(analyses, weights, strict=True))


def read_forms(connection: sqlite3.Connection, ids: Iterable[int]
               ) -> dict[int, tuple[Any, ...]]:
    """The stored rows of the forms ``ids``."""
    return {row[0]: row for row in connection.execute(
        "SELECT f.id, f.key, f.cleaned, f.written, f.label, f.surname, f.first, f.org, "
        "f.signature, f.sig_surname, f.sig_first, f.org_head, f.cue, f.person_cue "
        "FROM json_each(?) w "
        "JOIN entity_forms f ON f.id = w.value", (json.dumps(list(ids)),))}


def corpus_forms(rows: dict[int, tuple[Any, ...]], order: Sequence[int], totals: Sequence[int]
                 ) -> Iterator[tuple[int, Occurrence, tuple[str, str, str]]]:
    """(form id, occurrence counting its mentions, article targets) of the forms ``order``
    (in order of first mention; their stored ``rows``) with their mentions ``totals``."""
    for form, count in zip(order, totals, strict=True):
        (_, key, cleaned, written, label, surname, first, org, signature, sig_surname, sig_first,
         org_head, cue, person_cue) = rows[form]
        yield form, Occurrence(key, cleaned, written, label, -1, 0, 0, 0, count, FormFacts(
            signature, sig_surname, sig_first, org_head, cue, person_cue)), (surname, first, org)


def corpus_acronyms(connection: sqlite3.Connection, selection: str) -> list[tuple[str, str]]:
    """The joining acronyms of the selection (long key, short key), in order of first use."""
    return [(long, short) for long, short, _ in connection.execute(
        "SELECT c.long_key, c.short_key, "
        f"min((s.idx << {FORM_BITS}) + c.seq) AS o FROM {selection} s "
        "JOIN entity_acronyms c ON c.analysis = s.analysis GROUP BY 1, 2 ORDER BY o")]


def co_mentions(connection: sqlite3.Connection, wanted: dict[str, dict[str, str]]
                ) -> dict[str, tuple[int, Counter[str]]]:
    """`rafah.reports.entity_merge.CoMentions` over the selection (``temp.ent_sel``)."""
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


def fill(corpus: Corpus, rows: dict[int, tuple[Any, ...]], lex: Lexicon,
         order: Sequence[int], totals: Sequence[int]
         ) -> list[tuple[int, Occurrence, tuple[str, str, str]]]:
    """Count the forms ``order`` (their stored ``rows``, with their mentions ``totals``)
    into ``corpus``; the forms with their ids and targets."""
    forms = list(corpus_forms(rows, order, totals))
    for _, occ, _ in forms:
        corpus.add(occ, lex)
    return forms
