"""What a timeline article row takes from one analysis alone, formatted once per analysis and
kept in the store (``timeline_texts``) for the rows the store makes
(`rafah.reports.timeline_rows`).

The texts are parts of ``json.dumps(row, ensure_ascii=False)`` of the rows
`rafah.reports.timeline.article_rows` makes, or of their `table_row`: the summary, the title
cut from it, the figures, and their short texts for the table, each formatted by Python's own
functions.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from rafah import selection as kept_rows
from rafah.reports.timeline import (
    COMPACT_FIELDS,
    StoredSummary,
    compact_figure,
    cut_at_word,
    figure_text,
)

FORMAT = "4"
"""The layout of the formatted texts: a change formats every analysis again (so does a
change of the code that formats them, `layout`)."""
CHUNK = 5_000
"""Analyses formatted at a time."""
CELL_SEPARATOR = "; "
"""How a table cell joins a list (`rafah.render.cell_text`)."""
_TABLES = (
    "CREATE TABLE IF NOT EXISTS timeline_texts (analysis INTEGER PRIMARY KEY, "
    "has_lead INTEGER, cut TEXT, middle TEXT, tail TEXT, table_tail TEXT, cut_text TEXT, "
    "figures_cell TEXT, "
    "stale INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS timeline_texts_lead ON timeline_texts (analysis, has_lead)",
    "CREATE TABLE IF NOT EXISTS timeline_format (version TEXT)",
)
_TRIGGERS = (
    "CREATE TRIGGER timeline_texts_delete AFTER DELETE ON analyses BEGIN "
    "DELETE FROM timeline_texts WHERE analysis = old.id; END",
    "CREATE TRIGGER timeline_texts_update AFTER UPDATE ON analyses BEGIN "
    "UPDATE timeline_texts SET stale = 1 WHERE analysis = old.id; END",
)
"""A deleted analysis loses its texts; a rewritten one is marked stale and formatted again
(its row stays until then, for runs that are reading it)."""


def layout() -> str:
    """The layout of the formatted texts: `FORMAT` and the code that formats them."""
    from rafah.fingerprint import code_digest

    return FORMAT + "/" + code_digest(("rafah.reports.timeline_bulk",))


def _ensure(connection: sqlite3.Connection) -> None:
    """The table of formatted texts (emptied when its layout changed)."""
    triggers = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'timeline_%'")}
    version = connection.execute("SELECT version FROM timeline_format").fetchone() \
        if triggers == {"timeline_texts_delete", "timeline_texts_update"} else None
    current = layout()
    if version is not None and version[0] == current:
        return
    with connection:
        for name in triggers:
            connection.execute(f"DROP TRIGGER IF EXISTS {name}")
        for table in ("timeline_texts", "timeline_format"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in (*_TABLES, *_TRIGGERS):
            connection.execute(statement)
        connection.execute("INSERT INTO timeline_format VALUES (?)", (current,))
    kept_rows.forget_prepared(connection, "timeline")  # texts and rows checked: all gone


def _summaries(connection: sqlite3.Connection, analyses: Sequence[int]
               ) -> dict[int, StoredSummary]:
    """The lead and figures of each of ``analyses``, as `stored_summaries` reads them."""
    found = {analysis: StoredSummary() for analysis in analyses}
    chosen = json.dumps(list(analyses))
    for analysis, text in connection.execute(
            "SELECT analysis, [text] FROM records_lead WHERE analysis IN "
            "(SELECT value FROM json_each(?)) AND [text] != '' ORDER BY analysis, seq",
            (chosen,)):
        summary = found[analysis]
        summary.lead_text = summary.lead_text or text
    columns = ", ".join(f"[{name}]" for name in COMPACT_FIELDS)
    for analysis, *values in connection.execute(
            f"SELECT analysis, {columns} FROM records_casualties WHERE analysis IN "
            "(SELECT value FROM json_each(?)) ORDER BY analysis, seq", (chosen,)):
        figure = dict(zip(COMPACT_FIELDS, values, strict=True))
        cumulative = figure["cumulative"]
        figure["cumulative"] = None if cumulative is None else bool(cumulative)
        found[analysis].casualties.append(figure)
    return found


def texts_of(summary: StoredSummary) -> tuple[int, str, str, str, str, str, str]:
    """What an article row takes from its analysis alone, as parts of JSON texts: whether it
    has a lead, the title cut from it, what comes between the title and the top names (the
    summary), what follows them in a row (the figures) and in a table row (their short
    texts); then the title cut and the short texts joined as cells of a table."""
    lead = summary.lead_text
    cut = cut_at_word(lead)
    figures = [compact_figure(f) for f in summary.casualties]
    short = [figure_text(f) for f in figures]
    return (int(bool(lead)), json.dumps(cut, ensure_ascii=False),
            ', "summary": ' + json.dumps(lead, ensure_ascii=False) + ', "entities": ',
            ', "casualties": ' + json.dumps(figures, ensure_ascii=False) + "}",
            ', "casualties": ' + json.dumps(short, ensure_ascii=False) + "}",
            cut, CELL_SEPARATOR.join(short))


def format_texts(connection: sqlite3.Connection, analyses: str) -> int:
    """Format the texts of the analyses ``analyses`` (a query of their ids, column ``a``)
    that have none or a stale one, into ``timeline_texts``; how many were formatted."""
    _ensure(connection)
    todo = [a for (a,) in connection.execute(
        f"SELECT DISTINCT a FROM ({analyses}) WHERE a IS NOT NULL AND a NOT IN "
        "(SELECT analysis FROM timeline_texts WHERE NOT stale) ORDER BY a")]
    for start in range(0, len(todo), CHUNK):
        found = _summaries(connection, todo[start:start + CHUNK])
        with connection:
            connection.executemany(
                "INSERT OR REPLACE INTO timeline_texts VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [(analysis, *texts_of(summary)) for analysis, summary in found.items()])
    return len(todo)


def prepare(connection: sqlite3.Connection) -> None:
    """Every selected analysis's texts formatted (`format_texts`), once for each kept
    selection."""
    what = "timeline_texts/" + layout()
    if not kept_rows.prepared(connection, what):
        format_texts(connection, "SELECT analysis AS a FROM temp.selected")
        kept_rows.mark_prepared(connection, what)
