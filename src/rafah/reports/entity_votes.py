"""What a one-word name may stand for, counted over every form of a selection with NumPy.

The short-form step of the merge (`rafah.reports.entity_merge.ShortFormResolver`) asks, of a
one-word key, how many people of the selection have it as their surname and which one, if
any, holds at least 80% of their mentions (the dominant one); the same of first names, and of
organisation names starting with it. The votes are those of every multi-word person (by its
signature) and organisation of the selection, forms that make an entity alone
(`rafah.reports.entity_solo`) included, so the answers do not depend on which forms the merge
itself is given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rafah.reports.entity_arrays import grouped
from rafah.reports.entity_merge import SURNAME_SHARE

IntArray = npt.NDArray[np.int64]


@dataclass
class Tally:
    """Per name id: how many distinct long forms vote for it, and the dominant one (0:
    none)."""

    count: IntArray
    dominant: IntArray


def _tally(names: IntArray, targets: IntArray, weights: IntArray, size: int) -> Tally:
    """The votes of ``targets`` (name ids) for ``names`` with their ``weights``."""
    count = np.zeros(size, dtype=np.int64)
    dominant = np.zeros(size, dtype=np.int64)
    if not len(names):
        return Tally(count, dominant)
    pairs, summed = grouped(names * size + targets, weights)
    name, target = pairs // size, pairs % size
    count += np.bincount(name, minlength=size)
    total = np.bincount(name, weights=summed, minlength=size)
    order = np.lexsort((summed, name))  # per name, the heaviest last
    last = order[np.r_[name[order][1:] != name[order][:-1], True]]
    strong = summed[last] >= SURNAME_SHARE * total[name[last]]
    dominant[name[last][strong]] = target[last][strong]
    return Tally(count, dominant)


@dataclass
class VoteArrays:
    """The surname, first-name and organisation-head tallies of a selection."""

    surnames: Tally
    first_names: Tally
    org_heads: Tally

    def targets(self, keys: IntArray) -> IntArray:
        """The dominant long forms of these one-word keys (name ids, 0 left out)."""
        found = np.concatenate([t.dominant[keys] for t in
                                (self.surnames, self.first_names, self.org_heads)])
        return found[found > 0]


def vote_arrays(facts: Any, forms: IntArray, totals: IntArray, size: int) -> VoteArrays:
    """The tallies of the selected ``forms`` (with their mentions ``totals``; ``facts``:
    `rafah.reports.entity_solo.read_facts`; ``size``: above every name id)."""
    key, signature, surname, first, head = (facts[forms, i] for i in range(5))
    person = signature > 0
    org = ~person & (head > 0)
    weights = totals.astype(np.int64)
    return VoteArrays(
        _tally(surname[person], signature[person], weights[person], size),
        _tally(first[person], signature[person], weights[person], size),
        _tally(head[org], key[org], weights[org], size))


class ShortFormVotes:
    """The tallies as the merge asks them: by key, answers as keys."""

    def __init__(self, arrays: VoteArrays, ids: dict[str, int], names: dict[int, str]) -> None:
        self.arrays = arrays
        self.ids = ids
        """The name ids of the keys that may be asked."""
        self.names = names
        """The keys of the dominant long forms of those."""

    @classmethod
    def load(cls, connection: Any, arrays: VoteArrays, ids: dict[str, int]) -> ShortFormVotes:
        """The votes for the one-word keys ``ids`` (key → name id), reading the keys of
        their dominant long forms."""
        wanted = np.array(sorted(set(ids.values())), dtype=np.int64)
        dominant = arrays.targets(wanted) if len(wanted) else wanted
        return cls(arrays, ids, key_names(connection, dominant.tolist()))

    def _id(self, key: str) -> int:
        return self.ids.get(key, 0)

    def _dominant(self, tally: Tally, key: str) -> str | None:
        found = int(tally.dominant[self._id(key)])
        return self.names[found] if found else None

    def surname_count(self, key: str) -> int:
        """How many people of the selection have the surname ``key``."""
        return int(self.arrays.surnames.count[self._id(key)]) if self._id(key) else 0

    def dominant_surname(self, key: str) -> str | None:
        """The signature of the person most named by this surname (80% of its votes)."""
        return self._dominant(self.arrays.surnames, key) if self._id(key) else None

    def is_first_name(self, key: str) -> bool:
        """Whether a person of the selection has the first name ``key``."""
        return bool(self._id(key)) and bool(self.arrays.first_names.count[self._id(key)])

    def dominant_first_name(self, key: str) -> str | None:
        """The signature of the person most named by this first name."""
        return self._dominant(self.arrays.first_names, key) if self._id(key) else None

    def dominant_org(self, key: str) -> str | None:
        """The key of the organisation most named by this first word."""
        return self._dominant(self.arrays.org_heads, key) if self._id(key) else None


def key_names(connection: Any, ids: Iterable[int]) -> dict[int, str]:
    """The keys of these name ids."""
    return dict(connection.execute(
        "SELECT id, key FROM entity_names WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(dict.fromkeys(ids))),)))
