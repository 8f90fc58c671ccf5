"""The sums of the entity arrays (`rafah.reports.entity_arrays.grouped`) are those of a
dictionary, whichever way the keys are sorted (no model)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from rafah.reports.entity_arrays import grouped

_KEYS = st.integers(-5, 2**40) | st.integers(2**58, 2**62) | st.integers(0, 9)
_VALUES = st.integers(-5, 2**40) | st.integers(0, 9)
"""Values whose sums fit in 64 bits; keys of any size."""


@given(st.lists(st.tuples(_KEYS, _VALUES), max_size=40),
       st.sampled_from([np.int64, np.int32]))
@example(pairs=[(2**61, 1), (2**61, 2), (5, 3)], kind=np.int64)  # one bit too many to pack
def test_grouped_sums_each_key_as_a_dictionary_does(pairs: list[tuple[int, int]],
                                                    kind: type) -> None:
    """Keys and values packed into one sorted number (both not negative and small enough
    together) or sorted by key: the same distinct keys, ascending, and sums."""
    if kind is np.int32:
        pairs = [(key % 2**31, value % 2**20) for key, value in pairs]
    expected: dict[int, int] = defaultdict(int)
    for key, value in pairs:
        expected[key] += value
    keys = np.array([key for key, _ in pairs], dtype=np.int64)
    values = np.array([value for _, value in pairs], dtype=kind)
    unique, sums = grouped(keys, values)
    assert unique.tolist() == sorted(expected)
    assert sums.tolist() == [expected[key] for key in sorted(expected)]
