"""Parquet export: one table per record type, partitioned by month, read back by DuckDB."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from rafah.errors import OptionalDependencyError, RafahError
from rafah.export import export_parquet, month_of
from rafah.extract.registry import Extractor, extractors, register, unregister
from rafah.records import (
    Analysis,
    Article,
    CasualtyFigure,
    DateMention,
    Lead,
    Mention,
    Record,
)
from rafah.reports.casualties import figure_rows


def _article(number: int, date: str | None, text_hash: str, duplicate_of: str | None = None
             ) -> Article:
    return Article(id=f"a{number}.txt", path=f"/c/a{number}.txt", date=date,
                   date_source="header" if date else None, title=f"Title {number}",
                   paragraphs=["Some words here."], text_hash=text_hash,
                   duplicate_of=duplicate_of, warnings=["odd byte"] if number == 1 else [])


def _figure(kind: str, value: int, start: int) -> CasualtyFigure:
    return CasualtyFigure(kind=kind, value=value, low=value, high=None, qualifier="over",
                          vague=False, group="Palestinians", source=None, cumulative=True,
                          sentence=f"Over {value} were {kind}.", start=start, end=start + 9)


def _corpus() -> tuple[list[Article], dict[str, Analysis]]:
    articles = [_article(1, "2024-07-16", "h1"), _article(2, "2024-08-01", "h2"),
                _article(3, None, "h3"), _article(4, "2024-07-20", "h1", duplicate_of="a1.txt")]
    analyses = {
        "h1": Analysis(casualties=[_figure("killed", 100, 0), _figure("injured", 5, 40)],
                       mentions=[Mention("Gaza", "GPE", 3, 7, 0, "Gaza")],
                       dates=[DateMention("July 4", 10, 16, 0, "past")], lead=[Lead("Over.")]),
        "h2": Analysis(casualties=[_figure("killed", 7, 3)]),
        "h3": Analysis(mentions=[Mention("Biden", "PERSON", 0, 5, 0),
                                 Mention("Hamas", "ORG", 9, 14, 1)]),
    }
    return articles, analyses

pytestmark = pytest.mark.extras  # CI runs these again with the extras installed


def test_month_partition() -> None:
    assert month_of(_article(1, "2024-07-16", "h")) == "2024-07"
    assert month_of(_article(1, None, "h")) == "undated"


def test_without_pyarrow_the_error_says_how_to_install(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'rafah\[parquet\]'"):
        export_parquet(tmp_path / "out", [], {})


def test_layout_and_counts(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    articles, analyses = _corpus()
    counts = export_parquet(tmp_path / "out", articles, analyses)
    assert counts["articles"] == 4
    assert counts["casualties"] == 5  # the republished copy repeats its original's figures
    assert counts["mentions"] == 4
    assert counts["sentences"] == 0
    written = sorted(p.relative_to(tmp_path / "out").as_posix()
                     for p in (tmp_path / "out").rglob("*.parquet"))
    assert "casualties/month=2024-07/part-0.parquet" in written
    assert "mentions/month=undated/part-0.parquet" in written
    assert "articles/month=undated/part-0.parquet" in written
    assert not any(p.startswith("sentences/") for p in written)


def test_columns_come_from_the_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    articles, analyses = _corpus()
    export_parquet(tmp_path / "out", articles, analyses)
    for extractor in extractors():
        for part in (tmp_path / "out" / extractor.name).glob("*/*.parquet"):
            names = pq.read_schema(part).names
            assert names == ["article", "date", "duplicate_of",
                             *(name for name, _ in extractor.record.field_types())]


@dataclass(frozen=True)
class _Quote(Record):
    speaker: str
    words: int
    tags: tuple[str, ...] = ()


def test_a_registered_extractor_is_exported(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    register(Extractor("quotes", _Quote, "tests.test_export:_Quote"))
    try:
        articles = [_article(1, "2024-07-16", "h1")]
        analyses = {"h1": Analysis(quotes=[_Quote("Guterres", 12, ("un",))])}
        export_parquet(tmp_path / "out", articles, analyses)
    finally:
        unregister("quotes")
    rows = duckdb.sql(f"SELECT article, speaker, words, tags, month FROM "
                      f"'{tmp_path}/out/quotes/*/*.parquet'").fetchall()
    assert rows == [("a1.txt", "Guterres", 12, ["un"], "2024-07")]


def test_duckdb_reads_the_same_counts(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    articles, analyses = _corpus()
    export_parquet(tmp_path / "out", articles, analyses, chunk=1)
    out = tmp_path / "out"
    distinct = [a for a in articles if not a.duplicate_of]
    expected = figure_rows(distinct, analyses)
    found = duckdb.sql(f"SELECT kind, count(*), sum(value) FROM '{out}/casualties/*/*.parquet' "
                       "WHERE duplicate_of IS NULL GROUP BY kind ORDER BY kind").fetchall()
    assert found == [("injured", 1, 5), ("killed", 2, 107)]
    assert sum(n for _, n, _ in found) == len(expected)
    by_month = duckdb.sql(f"SELECT month, count(*) FROM '{out}/articles/*/*.parquet' "
                          "GROUP BY month ORDER BY month").fetchall()
    assert by_month == [("2024-07", 2), ("2024-08", 1), ("undated", 1)]
    warnings = duckdb.sql(f"SELECT warnings FROM '{out}/articles/*/*.parquet' "
                          "WHERE id = 'a1.txt'").fetchall()
    assert warnings == [(["odd byte"],)]


def test_a_function_supplies_analyses_chunk_by_chunk(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    articles, analyses = _corpus()
    asked: list[int] = []

    def fetch(chunk: Sequence[Article]) -> dict[str, Analysis]:
        asked.append(len(chunk))
        return {a.text_hash: analyses[a.text_hash] for a in chunk}

    counts = export_parquet(tmp_path / "out", articles, fetch, chunk=1)
    assert counts["casualties"] == 5
    assert max(asked) == 1


def test_refuses_a_folder_with_files_unless_overwriting(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    articles, analyses = _corpus()
    export_parquet(tmp_path / "out", articles, analyses)
    with pytest.raises(RafahError, match="not empty"):
        export_parquet(tmp_path / "out", articles, analyses)
    counts = export_parquet(tmp_path / "out", articles[:1], analyses, overwrite=True)
    assert counts["articles"] == 1
    assert len(list((tmp_path / "out" / "articles").glob("*/*.parquet"))) == 1


@pytest.mark.model
def test_seed_figures_round_trip_through_duckdb(tmp_path: Path, shared_cache: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from rafah.analyze import AnalysisSettings, analyse_articles
    from rafah.corpus import load_corpus
    from rafah.store import Store
    from tests.conftest import SEEDS

    articles = load_corpus(SEEDS).articles
    analyses = analyse_articles(articles, Store(shared_cache), AnalysisSettings(jobs=1)).analyses
    export_parquet(tmp_path / "out", articles, analyses)
    expected = figure_rows([a for a in articles if not a.duplicate_of], analyses)
    found = duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/out/casualties/*/*.parquet' "
                       "WHERE duplicate_of IS NULL").fetchall()
    assert expected and found == [(len(expected),)]
