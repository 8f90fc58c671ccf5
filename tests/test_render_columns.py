"""A table laid out a column at a time (`Column.rendered`) and the joined cells of printable
lists (`cell_text`) give what the per-cell path gives (no model)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rafah.render import Column, cell_text, fit_table, short_id

TEXT = st.text(alphabet=st.sampled_from(list("ab #:/12…é\t\x1f\u2028\u00a0界\u0301🙂; ")),
               max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "article": TEXT, "title": TEXT, "value": st.integers(-5000, 5000),
    "entities": st.lists(TEXT, max_size=4), "id": TEXT}), min_size=1, max_size=12),
    st.integers(min_value=10, max_value=90))
def test_a_column_at_a_time_is_each_cell(records: list[dict[str, object]], width: int) -> None:
    layout = fit_table(records, ["article", "title", "value", "entities", "id"], width)
    for column in layout.columns:
        assert column.rendered() == [column.cell(i) for i in range(len(records))]


@given(st.lists(TEXT | st.integers() | st.none() | st.booleans(), max_size=5))
def test_a_list_cell_joins_its_items_cells(items: list[object]) -> None:
    assert cell_text(items) == "; ".join(cell_text(v) for v in items)
    assert cell_text(tuple(items)) == cell_text(items)


def _short_id_by_suffix(article_id: str, limit: int = 24) -> str:
    """`short_id` as it was: the suffix looked for in every name."""
    name = article_id.rsplit("/", 1)[-1]
    match = re.search(r"(#\d+)?(:\d+)?$", name)
    suffix = match.group(0) if match else ""
    stem = name[: len(name) - len(suffix)]
    return name if len(stem) <= limit + 1 else stem[:limit] + "…" + suffix


@given(st.text(alphabet=st.sampled_from(list("ab/#:0123é")), max_size=45))
def test_a_short_id_skips_the_suffix_only_of_a_short_name(text: str) -> None:
    assert short_id(text) == _short_id_by_suffix(text)


def test_a_column_of_ascii_cut_keeps_its_end_for_ids() -> None:
    column = Column("id", ["abcdefghij", "xy"], [10, 2], False, False, 10, 5)
    assert column.rendered() == ["…ghij", "xy   "] == [column.cell(0), column.cell(1)]


class _Text(str):
    """A text of another type than ``str`` (laid out as any value is)."""


_KINDS = [TEXT, st.integers(-10**7, 10**7), st.booleans(), st.floats(allow_nan=False, width=32),
          st.lists(TEXT, max_size=3), TEXT.map(_Text)]
_COLUMN = st.sampled_from(_KINDS).flatmap(
    lambda kind: st.lists(kind | st.none(), min_size=1, max_size=6)) | \
    st.lists(st.one_of(*_KINDS, st.none()), min_size=1, max_size=6)
"""A column of one kind of value (and None), or of any mix."""


@settings(max_examples=300, deadline=None)
@given(_COLUMN)
def test_a_column_of_one_kind_reads_as_each_value(values: list[object]) -> None:
    """A column's cells are each value's `cell_text` whatever mix of kinds it holds (a column
    of texts or of integers is written a column at a time); it is numeric when every value
    that is not None is a number, and fixed when it is numeric or all booleans."""
    records = [{"name": v} for v in values]
    (column,) = fit_table(records, ["name"], 200).columns
    assert column.cells == [cell_text(v) for v in values]
    present = [v for v in values if v is not None]
    numbers = [isinstance(v, int | float) and not isinstance(v, bool) for v in present]
    assert column.numeric == (bool(present) and all(numbers))
    booleans = bool(present) and all(isinstance(v, bool) for v in present)
    assert column.fixed == (column.numeric or booleans)
