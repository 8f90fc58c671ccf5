"""Reports the store makes in bulk give what the per-article path gives: the selection
(`rafah.selection`) is the loader's articles, the casualty JSON texts are byte for byte the
rows `figure_rows` makes, with the same warnings."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from rafah import commands
from rafah.cli import cli
from rafah.corpus import load_corpus
from rafah.nlp import fingerprint, resolve_model
from rafah.records import Analysis, CasualtyFigure, HarmMention
from rafah.render import write_records, write_texts
from rafah.session import Session, SessionOptions
from rafah.store import Store

TEXTS = {
    "a.txt": "Title: A\nDate: 2024-03-01\n\nTwelve people were killed in Gaza.\n",
    "b.txt": "Title: B\nDate: 2024-03-05\n\nA toll of 30 was given, then 20.\n",
    "sub/c.txt": "Title: C\nDate: 2024-03-03\n\nTwelve people were killed in Gaza.\n",
    "d.txt": "Title: D\n\nUndated: \"quotes\", a tab\tand ünïcode.\n",
    "e.txt": "Title: E\nDate: 2024-02-28\n\n",
    "f.txt": "Title: F\nDate: 2099-01-01\n\nSomething in the future.\n",
}


def _figure(value: int, start: int, **fields: object) -> CasualtyFigure:
    data: dict[str, object] = {
        "kind": "killed", "value": value, "low": None, "high": None, "qualifier": None,
        "vague": False, "group": "Palestinians", "source": "the ministry", "cumulative": True,
        "sentence": f"{value} were killed, \"officials\" said.\n\u2028\x1f", "start": start,
        "end": start + 5, "sent": start // 100, "side": None, "area": None}
    data.update(fields)
    return CasualtyFigure(**data)  # type: ignore[arg-type]


def _harm(value: int | None, start: int, side: str, area: str | None = "Gaza") -> HarmMention:
    return HarmMention(kind="killed", value=value, side=side, area=area, verb="kill",
                       voice="passive", agent=None, victims=None,
                       sentence=f"They were massacred (slaughtered) near {start}.", start=start,
                       end=start + 20, sent=start // 100)


ANALYSES = {
    "a.txt": Analysis(
        casualties=[_figure(12, 0), _figure(40, 105), _figure(7, 210, side="Israeli",
                                                               area="Israel", vague=True),
                    _figure(3, 300, kind="injured", part_of=0, restates=105)],
        harm=[_harm(12, 0, "Palestinian"), _harm(None, 100, "Lebanese"),
              _harm(None, 104, "Syrian")]),
    "b.txt": Analysis(
        casualties=[_figure(30, 0, side="Palestinian", area="Gaza"),
                    _figure(20, 100, side="Palestinian", area="Gaza", high=25,
                            qualifier="nearly"),
                    _figure(2_000_000, 200, side="Palestinian", area="Gaza", vague=True)],
        harm=[]),
    "f.txt": Analysis(casualties=[_figure(10, 0, side="Palestinian", area="Gaza")]),
    "d.txt": Analysis(casualties=[_figure(5, 0, group=None, source=None, cumulative=False)],
                      harm=[_harm(9, 0, "Sudanese", None)]),
}


def _corpus(folder: Path) -> tuple[Path, Path]:
    corpus = folder / "corpus"
    for name, text in TEXTS.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text)
    (corpus / ".hidden").write_text("x")
    (corpus / "g.pdf").write_text("x")
    cache = folder / "s.sqlite3"
    store = Store(cache)
    articles = load_corpus(corpus, index=store).articles
    by_id = {a.id: a for a in articles}
    analyses = {by_id[name].text_hash: analysis for name, analysis in ANALYSES.items()}
    analyses.update({a.text_hash: Analysis() for a in articles if a.text_hash not in analyses})
    store.put_many(analyses.items(), fingerprint(resolve_model(None)))
    store.close()
    return corpus, cache


RANGES = [(None, None, False), (None, None, True), ("2024-03", "2024-03-03", False),
          ("2024", None, True), (None, "2023", False)]


@pytest.mark.parametrize(("since", "until", "distinct"), RANGES)
def test_the_selection_is_the_loaders_articles(tmp_path: Path, since: str | None,
                                               until: str | None, distinct: bool) -> None:
    corpus, cache = _corpus(tmp_path)
    session = Session(SessionOptions(str(corpus), since=since, until=until,
                                     distinct=distinct, cache=cache), warn=print)
    selection = session.analysed_selection()
    assert selection is not None
    rows = selection.connection.execute(
        "SELECT id, date, text_hash, duplicate_of, source_outlet, analysis IS NOT NULL "
        "FROM temp.selected ORDER BY idx").fetchall()
    assert rows == [(a.id, a.date, a.text_hash, a.duplicate_of, a.source_outlet, 1)
                    for a in session.articles()]
    loaded = session.load()
    assert selection.warnings == [(a.id, w) for a in loaded.articles for w in a.warnings]
    assert selection.skipped == loaded.skipped


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    (corpus / "a.txt").write_text("Title: A2\nDate: 2024-03-01\n\nOther text, longer now.\n")
    session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
    selection = session.selection()
    assert selection is not None
    hashes = [t for (t,) in selection.connection.execute(
        "SELECT text_hash FROM temp.selected ORDER BY idx")]
    assert hashes == [a.text_hash for a in session.articles()]
    assert session.articles()[0].title == "A2"


@pytest.mark.parametrize("options", [{}, {"kinds": ("injured",)}, {"min_value": 13},
                                     {"kinds": ("missing",)}])
def test_bulk_figures_are_the_figure_rows(tmp_path: Path, options: dict) -> None:
    corpus, cache = _corpus(tmp_path)

    def run(bulk: bool) -> tuple[str, list[str], list[str]]:
        session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
        result = commands.casualties(session, bulk=bulk, **options)
        out = io.StringIO()
        if bulk:
            assert result.texts is not None and result.size is not None
            write_texts(result.texts(None), "json", out)
            assert result.size() == len(json.loads(out.getvalue()))
        else:
            write_records(result.rows, "json", result.columns, out)
        return out.getvalue(), result.warnings, result.notes

    expected = run(bulk=False)
    assert run(bulk=True) == expected
    if not options:
        assert "running total went down" in " ".join(expected[1])
    session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
    bulk = commands.casualties(session, bulk=True, **options)
    assert bulk.table_rows is not None and bulk.table_columns is not None
    records = json.loads(expected[0])
    assert bulk.table_rows(None) == [{c: r[c] for c in [*bulk.table_columns, "vague"]}
                                     for r in records]
    assert bulk.table_rows(2) == bulk.table_rows(None)[:2]


@pytest.mark.parametrize("args", [[], ["--columns", "value,sentence,group"], ["--top", "1"],
                                  ["--sort", "value"]])
def test_the_table_of_figures_is_the_per_article_table(tmp_path: Path, args: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The table made from the store's cells is the table of the rows made in Python, also
    with columns the cells do not hold."""
    corpus, cache = _corpus(tmp_path)
    other = tmp_path / "other.sqlite3"  # another store: nothing printed is kept in it yet
    shutil.copy(cache, other)

    def table(store: Path) -> str:
        found = CliRunner().invoke(cli, ["casualties", str(corpus), "--cache", str(store),
                                         "--format", "table", *args])
        assert found.exit_code == 0, found.output
        return found.stdout

    bulk = table(cache)
    real = commands.casualties
    monkeypatch.setattr(commands, "casualties",
                        lambda session, **kw: real(session, **{**kw, "bulk": False}))
    in_python = table(other)
    assert bulk == in_python and len(in_python.splitlines()) > 2


def test_the_cli_streams_the_rows_and_counts_those_left_out(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path)
    session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
    rows = commands.casualties(session).rows
    session.close()
    every = CliRunner().invoke(cli, ["casualties", str(corpus), "--cache", str(cache),
                                     "--format", "jsonl"])
    assert [json.loads(line) for line in every.stdout.split("\n")[:-1]] == rows
    top = CliRunner().invoke(cli, ["casualties", str(corpus), "--cache", str(cache),
                                   "--format", "jsonl", "--top", "2"])
    assert top.stdout.split("\n")[:-1] == every.stdout.split("\n")[:2]
    assert f"{len(rows) - 2} more rows; --top 0 shows all" in top.stderr


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_sqlite_quotes_text_as_python_json_does(text: str) -> None:
    connection = sqlite3.connect(":memory:")
    quoted = connection.execute("SELECT json_quote(?)", (text,)).fetchone()[0]
    assert quoted == json.dumps(text, ensure_ascii=False)


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_bulk_coverage_is_the_coverage_rows(tmp_path: Path, by: str) -> None:
    corpus, cache = _corpus(tmp_path)

    def run(bulk: bool) -> list[dict]:
        session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
        try:
            return commands.coverage(session, by=by, bulk=bulk).rows
        finally:
            session.close()

    expected = run(bulk=False)
    assert run(bulk=True) == expected
    assert {r["side"] for r in expected} >= {"Palestinian", "Lebanese", None}
    assert any(r["loaded"] for r in expected)


def test_casualty_results_of_one_session_are_read_apart(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two casualty results on one connection, the first half read while the second is made
    with another filter: each gives its own figures and flags."""
    from rafah.reports import casualty_bulk

    monkeypatch.setattr(casualty_bulk, "CHUNK", 2)  # a half-read result keeps its cursor
    corpus, cache = _corpus(tmp_path)
    session = Session(SessionOptions(str(corpus), cache=cache), warn=print)
    every = commands.casualties(session, bulk=True)
    assert every.texts is not None
    expected = list(every.texts(None))
    assert any('"flags": []' not in text for text in expected)  # a running total is flagged
    half = every.texts(None)
    next(half)
    injured = commands.casualties(session, bulk=True, kinds=("injured",))
    assert injured.texts is not None
    assert all('"kind": "injured"' in text for text in injured.texts(None))
    assert list(every.texts(None)) == expected
    assert list(half) == expected[1:]
