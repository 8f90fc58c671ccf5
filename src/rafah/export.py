"""Parquet export: the articles and every per-article record, partitioned by month.

Layout (Hive partitioning, read by DuckDB, pandas, Polars, Spark)::

    OUT/articles/month=2024-07/part-0.parquet          the Article fields but the body
    OUT/<extractor>/month=2024-07/part-0.parquet       e.g. OUT/casualties/..., OUT/mentions/...

Undated articles go to ``month=undated``. The record tables and their columns come from the
extractor registry and the record dataclasses (a new record field is a new column); every
record row also names its ``article``, the article's ``date`` and ``duplicate_of`` (the first
article with the same text, or null), so ``WHERE duplicate_of IS NULL`` counts distinct texts.
Articles are written a few thousand at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from rafah.errors import OptionalDependencyError, RafahError
from rafah.records import Analysis, Article, base_type

PARQUET_HINT = "export needs the parquet extra: pip install 'rafah[parquet]'"
ARTICLES = "articles"
CHUNK = 5_000
"""Articles analysed and written per row group."""
ARTICLE_SKIPPED = ("paragraphs", "reload", "word_count")
"""Article fields not exported: the body (kept in the corpus) and loader internals."""
ROW_COLUMNS = (("article", "str"), ("date", "str | None"), ("duplicate_of", "str | None"))
"""Columns every record row starts with."""

Analyses = Mapping[str, Analysis] | Callable[[Sequence[Article]], Mapping[str, Analysis]]
"""Analyses by text hash, or a function that returns them for a chunk of articles."""


def _arrow() -> Any:
    try:
        import pyarrow  # type: ignore[import-untyped]
    except ImportError as exc:
        raise OptionalDependencyError(PARQUET_HINT) from exc
    return pyarrow


def month_of(article: Article) -> str:
    """The partition an article belongs to: its month (YYYY-MM), else "undated"."""
    return article.date[:7] if article.date and len(article.date) >= 7 else "undated"


_PLAIN = ("int", "bool", "float", "str", "list[str]", "tuple[str, ...]")


def _arrow_type(pa: Any, annotation: str) -> Any:
    """int, bool, float and str as themselves, lists of strings as lists; anything else as
    JSON text."""
    return {"int": pa.int64(), "bool": pa.bool_(), "float": pa.float64(), "str": pa.string(),
            "list[str]": pa.list_(pa.string()), "tuple[str, ...]": pa.list_(pa.string()),
            }.get(base_type(annotation), pa.string())


def _plain(annotation: str) -> bool:
    return base_type(annotation) in _PLAIN


@dataclass
class _Table:
    """One output table: its columns (name, annotation) and its arrow schema."""

    name: str
    columns: tuple[tuple[str, str], ...]
    schema: Any

    def encode(self, rows: list[tuple[Any, ...]]) -> Any:
        """An arrow table from row tuples (values of non-plain fields become JSON text)."""
        pa = _arrow()
        arrays = []
        for index, (name, annotation) in enumerate(self.columns):
            values = [row[index] for row in rows]
            if not _plain(annotation):
                values = [None if v is None else json.dumps(v, ensure_ascii=False)
                          for v in values]
            arrays.append(pa.array(values, type=self.schema.field(name).type))
        return pa.Table.from_arrays(arrays, schema=self.schema)


def _tables() -> list[_Table]:
    """The article table and one table per extractor, columns derived from the records."""
    from rafah.extract.registry import extractors

    pa = _arrow()
    specs: list[tuple[str, tuple[tuple[str, str], ...]]] = [(ARTICLES, article_columns())]
    for extractor in extractors():
        fields = extractor.record.field_types()
        names = {name for name, _ in fields}
        clashes = names & {name for name, _ in ROW_COLUMNS}
        if clashes:
            raise RafahError(f"record {extractor.record.__name__} has fields named like the "
                             f"export's row columns: {', '.join(sorted(clashes))}")
        specs.append((extractor.name, ROW_COLUMNS + fields))
    return [_Table(name, columns, pa.schema([(n, _arrow_type(pa, a)) for n, a in columns]))
            for name, columns in specs]


def article_columns() -> tuple[tuple[str, str], ...]:
    """The article table's columns: the Article fields (but the body) and ``words``."""
    kept = tuple((f.name, str(f.type)) for f in fields(Article) if f.name not in ARTICLE_SKIPPED)
    return (*kept, ("words", "int"))


def _article_row(article: Article, columns: tuple[tuple[str, str], ...]) -> tuple[Any, ...]:
    """The article's fields, with the public record's values where they are computed
    (``outlet`` from the URL or folder, ``words``)."""
    values = {name: getattr(article, name, None) for name, _ in columns}
    record = article.to_record()
    values.update((k, v) for k, v in record.items() if k in values and k != "warnings")
    return tuple(values[name] for name, _ in columns)


def _rows(tables: list[_Table], articles: Sequence[Article],
          analyses: Mapping[str, Analysis]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    rows[ARTICLES] = [_article_row(a, tables[0].columns) for a in articles]
    for article in articles:
        analysis = analyses.get(article.text_hash)
        if analysis is None:
            continue
        lead = (article.id, article.date, article.duplicate_of)
        for table in tables[1:]:
            names = [name for name, _ in table.columns[len(ROW_COLUMNS):]]
            rows[table.name].extend(lead + tuple(getattr(record, n) for n in names)
                                    for record in analysis.get(table.name))
    return rows


def export_parquet(out_dir: str | Path, articles: Iterable[Article], analyses: Analyses, *,
                   chunk: int = CHUNK, overwrite: bool = False) -> dict[str, int]:
    """Write the articles and their records as Parquet under ``out_dir`` (see the module
    docstring for the layout); return the number of rows written per table.

    ``analyses`` is a mapping by text hash, or a function called with a few thousand articles
    at a time (e.g. one that analyses what the store lacks). ``out_dir`` must be empty or
    absent; with ``overwrite``, the tables this export writes are replaced.
    """
    tables = _tables()
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    out = Path(out_dir)
    _prepare(out, [t.name for t in tables], overwrite)
    by_month: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_month[month_of(article)].append(article)
    counts = {t.name: 0 for t in tables}
    for month in sorted(by_month):
        writers: dict[str, Any] = {}
        try:
            for start in range(0, len(by_month[month]), chunk):
                part = by_month[month][start:start + chunk]
                found = analyses(part) if callable(analyses) else analyses
                rows = _rows(tables, part, found)
                for table in tables:
                    if not rows.get(table.name):
                        continue
                    if table.name not in writers:
                        folder = out / table.name / f"month={month}"
                        folder.mkdir(parents=True, exist_ok=True)
                        writers[table.name] = pq.ParquetWriter(folder / "part-0.parquet",
                                                               table.schema)
                    writers[table.name].write_table(table.encode(rows[table.name]))
                    counts[table.name] += len(rows[table.name])
        finally:
            for writer in writers.values():
                writer.close()
    return counts


def _prepare(out: Path, names: list[str], overwrite: bool) -> None:
    """Check that ``out`` can be written; with ``overwrite`` remove the earlier export's
    partitions of these tables (only ``month=*/part-*.parquet`` files)."""
    if out.exists() and not out.is_dir():
        raise RafahError(f"export folder {str(out)!r} is a file; name a folder")
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise RafahError(f"export folder {str(out)!r} is not empty; name a new folder "
                             "or allow overwriting")
        for name in names:
            for part in (out / name).glob("month=*/part-*.parquet"):
                part.unlink()
    out.mkdir(parents=True, exist_ok=True)
