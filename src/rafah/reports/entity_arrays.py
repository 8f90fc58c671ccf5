"""The entity rows of the selected analyses as NumPy arrays, summed without SQL.

The selected articles are read once and summed per analysis: its number of selected
articles (its weight), its first article and its dates. Each analysis's forms are one blob
of the store (``entity_packed``); read together (one ``group_concat``) they are three integer
arrays of (analysis row, form, mentions, first position), about 40 a row. The reports need
of them

- per form: its mentions over the selection and its first mention (`form_order`);
- per (analysis, entity) once the forms are joined into entities (`Pairs`): the mentions,
  and from them each entity's articles and first and last dates, the place names each
  article mentions together, and each article's most mentioned names.

Every sum and minimum is a NumPy reduction (bincount, ``ufunc.at``, a sort), never a Python
loop over the rows: Python loops only over analyses and over what the report returns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rafah.reports.entity_selection import FORM_BITS

IntArray = npt.NDArray[np.signedinteger[Any]]
CHUNK_ANALYSES = 20_000
"""Analyses whose triplets are read (and grouped into pairs) at a time."""
SLICE = 1 << 22
"""Pairs summed at a time (the temporary arrays of a sum stay small)."""
TOP_SLICE = 1 << 20
"""Pairs ranked at a time for the top names (`top_rank_runs`): it runs while the whole table
is held, so its temporary arrays (about 20 bytes a pair) are kept smaller still."""


def grouped(keys: IntArray, values: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct ``keys`` (ascending) and the sum of the ``values`` of each: one sort
    (NumPy's `unique` is much slower on millions of keys). Keys and values that are not
    negative and fit in 62 bits together are sorted as one number (the key above the
    value): a sort of numbers is several times quicker than the order of a sort; the keys
    and sums are then 64-bit."""
    if not len(keys):
        return keys, values
    shift = int(values.max()).bit_length()
    if min(int(keys.min()), int(values.min())) >= 0 and \
            int(keys.max()).bit_length() + shift <= 62:
        packed = np.sort((keys.astype(np.int64) << shift) | values)
        ordered = packed >> shift
        parts = packed & ((1 << shift) - 1)
    else:
        order = np.argsort(keys, kind="stable")
        ordered, parts = keys[order], values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return ordered[starts], np.add.reduceat(parts, starts)


@dataclass
class Chunk:
    """The triplets of the selected analyses ``start`` to ``end`` (rows of the per-analysis
    arrays), and the row of each."""

    start: int
    end: int
    triplets: IntArray

    @property
    def form(self) -> IntArray:
        """The form of each triplet (its mentions: ``count``; its first position: ``first``)."""
        return self.triplets[:, 0]

    @property
    def count(self) -> IntArray:
        return self.triplets[:, 1]

    @property
    def first(self) -> IntArray:
        return self.triplets[:, 2]

    def rows(self, lengths: IntArray) -> IntArray:
        """The row of each triplet (``lengths``: the triplets of every row)."""
        return np.repeat(np.arange(self.start, self.end, dtype=np.int64),
                         lengths[self.start:self.end])


class SelectionArrays:
    """The selected analyses (``rows``) and their entity rows, as arrays: the per-analysis
    arrays, and the (form, mentions, first position) triplets, read in chunks of
    `CHUNK_ANALYSES` analyses into one array over which `pairs` writes the pairs (the
    triplets and the pairs are never both held)."""

    def __init__(self, connection: sqlite3.Connection, selection: str) -> None:
        self._per_analysis(connection, selection)
        connection.execute("DROP TABLE IF EXISTS temp.ent_chosen")
        connection.execute("CREATE TEMP TABLE ent_chosen (analysis INTEGER PRIMARY KEY)")
        connection.execute("INSERT INTO temp.ent_chosen SELECT value FROM json_each(?)",
                           (json.dumps(self.analysis.tolist()),))
        analyses, lengths = connection.execute(
            "SELECT group_concat(analysis), group_concat(length(triplets) / 12) FROM "
            "(SELECT p.analysis, p.triplets FROM temp.ent_chosen c JOIN entity_packed p "
            "ON p.analysis = c.analysis ORDER BY c.analysis)").fetchone()
        self.lengths = np.zeros(len(self.analysis), dtype=np.int64)
        self.lengths[np.searchsorted(self.analysis, _numbers(analyses))] = _numbers(lengths)
        """How many triplets each row has."""
        offsets = np.r_[0, np.cumsum(self.lengths)]
        self.buffer = np.empty((int(offsets[-1]), 3), dtype=np.int32)
        """The triplets of every row, in row order; `pairs` writes the pairs over them."""
        self.chunks: list[Chunk] = []
        for start in range(0, len(self.analysis), CHUNK_ANALYSES):
            end = min(start + CHUNK_ANALYSES, len(self.analysis))
            (blob,) = connection.execute(
                "SELECT CAST(group_concat(triplets, x'') AS BLOB) FROM (SELECT p.triplets FROM "
                "temp.ent_chosen c JOIN entity_packed p ON p.analysis = c.analysis "
                "WHERE c.analysis BETWEEN ? AND ? ORDER BY c.analysis)",
                (int(self.analysis[start]), int(self.analysis[end - 1]))).fetchone()
            triplets = self.buffer[offsets[start]:offsets[end]]
            triplets[:] = np.frombuffer(blob or b"", dtype="<i4").reshape(-1, 3)
            del blob
            self.chunks.append(Chunk(start, end, triplets))

    def _per_analysis(self, connection: sqlite3.Connection, selection: str) -> None:
        """The selected analyses (ascending) with their number of selected articles, their
        first article and the codes of their first and last dates (in ``dates``)."""
        analyses, indexes, days = connection.execute(
            "SELECT group_concat(analysis), group_concat(idx), group_concat(coalesce(date, ''), "
            f"'|') FROM {selection} WHERE analysis IS NOT NULL").fetchone()
        analysis, idx = _numbers(analyses), _numbers(indexes)
        found, codes = _date_codes([] if days is None else days.split("|"))
        order = np.lexsort((idx, analysis))  # by analysis, then article (quicker than SQL)
        analysis, idx, codes = analysis[order], idx[order], codes[order]
        self.dates = [day for day in found if day]
        shift = int(bool(found) and not found[0])  # "" sorts first: no date
        starts = np.flatnonzero(np.r_[True, analysis[1:] != analysis[:-1]]) if len(analysis) \
            else analysis
        self.analysis: IntArray = analysis[starts]
        self.weight: IntArray = np.diff(np.r_[starts, len(analysis)]).astype(np.int64)
        self.first_idx: IntArray = idx[starts]
        code = codes - shift
        none = code < 0
        low = np.where(none, len(self.dates), code)
        high = np.where(none, -1, code)
        self.dmin: IntArray = np.minimum.reduceat(low, starts) if len(starts) else low
        self.dmax: IntArray = np.maximum.reduceat(high, starts) if len(starts) else high

    def release(self) -> None:
        """Forget the triplets (the per-analysis arrays and the pairs stay)."""
        self.chunks = []

    def form_order(self) -> tuple[IntArray, IntArray]:
        """The forms of the selection in order of first mention, and the mentions of each
        (every article of an analysis counts its mentions)."""
        size = max((int(c.form.max()) + 1 for c in self.chunks if len(c.triplets)), default=0)
        totals = np.zeros(size, dtype=np.int64)
        first = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
        for chunk in self.chunks:
            rows = chunk.rows(self.lengths)
            np.add.at(totals, chunk.form, chunk.count * self.weight[rows])
            np.minimum.at(first, chunk.form,
                          (self.first_idx[rows] << FORM_BITS) + chunk.first.astype(np.int64))
        present = np.flatnonzero(first < np.iinfo(np.int64).max)
        ordered = present[np.argsort(first[present], kind="stable")]
        return ordered, totals[ordered]

    def pairs(self, form_entity: IntArray, entities: int) -> Pairs:
        """The (analysis, entity) pairs of the selection, each form counted for its entity
        (``form_entity``: form id → entity number, -1 for forms of no entity), sorted by
        both. Made a chunk of whole analyses at a time (the chunks' sorted pairs follow each
        other) and written over the triplets already read (a chunk has no more pairs than
        triplets), so the pairs take no memory of their own."""
        size = max(entities, 1)
        done = 0
        for chunk in self.chunks:
            owner = form_entity[chunk.form]
            kept = owner >= 0
            keys = chunk.rows(self.lengths)[kept] * size
            keys += owner[kept]
            unique, summed = grouped(keys, chunk.count[kept].astype(np.int64))
            del owner, kept, keys
            found = len(unique)
            written = self.buffer[done:done + found]
            written[:, 0] = unique // size
            written[:, 1] = unique % size
            written[:, 2] = summed
            done += found
        self.chunks = []
        pairs = self.buffer[:done]
        return Pairs(self, pairs[:, 0], pairs[:, 1], pairs[:, 2], entities)


class Pairs:
    """Per (analysis row, entity) of the selection, sorted by both: the entity's mentions
    (32-bit arrays)."""

    def __init__(self, arrays: SelectionArrays, row: IntArray, entity: IntArray,
                 mentions: IntArray, entities: int) -> None:
        self.arrays = arrays
        self.row = row
        self.entity = entity
        self.mentions = mentions
        self.entities = entities

    def entity_articles(self) -> tuple[list[int], list[str | None], list[str | None]]:
        """Per entity number: its articles, and the first and last dates of those."""
        arrays = self.arrays
        articles = np.zeros(self.entities, dtype=np.int64)
        first = np.full(self.entities, len(arrays.dates), dtype=np.int64)
        last = np.full(self.entities, -1, dtype=np.int64)
        for start in range(0, len(self.row), SLICE):
            rows, entity = self.row[start:start + SLICE], self.entity[start:start + SLICE]
            np.add.at(articles, entity, arrays.weight[rows])
            np.minimum.at(first, entity, arrays.dmin[rows])
            np.maximum.at(last, entity, arrays.dmax[rows])
        dates = [*arrays.dates, None]
        return articles.tolist(), [dates[i] for i in first.tolist()], \
            [dates[i] for i in last.tolist()]

    def grouped_articles(self, groups: dict[int, int]) -> dict[int, int]:
        """Per group of entity numbers (``groups``: entity → group), its articles."""
        group_of = np.full(self.entities, -1, dtype=np.int64)
        group_of[list(groups)] = list(groups.values())
        group = group_of[self.entity]
        kept = group >= 0
        keys, _ = grouped(self.row[kept].astype(np.int64) * self.entities + group[kept],
                          group[kept])
        totals = np.zeros(self.entities, dtype=np.int64)
        np.add.at(totals, keys % self.entities, self.arrays.weight[keys // self.entities])
        return {g: int(totals[g]) for g in set(groups.values())}

    def place_sets(self, places: Iterable[tuple[int, bool]]) -> list[tuple[list[int], int]]:
        """The place entities each article names (``places``: entity number, whether a
        gazetteer knows its name), grouped: each distinct set of known entities (ascending)
        with its articles, in order of the first article (by its lead place, then its
        index) that names it."""
        is_place = np.zeros(self.entities, dtype=bool)
        known = np.zeros(self.entities, dtype=bool)
        for number, flag in places:
            is_place[number] = True
            known[number] = flag
        chosen = is_place[self.entity]
        rows, entities = self.row[chosen], self.entity[chosen]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
        lead = np.zeros(len(self.arrays.analysis), dtype=np.int64)
        lead[rows[starts]] = entities[starts]
        named = known[entities]
        rows, entities = rows[named], entities[named]
        del chosen, named, starts
        cuts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1], True]) if len(rows) else \
            np.zeros(0, dtype=np.int64)
        bounds: list[int] = cuts.tolist()
        entity_list = entities.tolist()
        first_rows = rows[cuts[:-1]]
        weights = self.arrays.weight[first_rows].tolist()
        orders = ((lead[first_rows] << 32) + self.arrays.first_idx[first_rows]).tolist()
        del rows, entities, lead, first_rows
        found: dict[tuple[int, ...], list[int]] = {}
        for start, end, weight, order in zip(bounds[:-1], bounds[1:], weights, orders,
                                             strict=False):
            key = tuple(entity_list[start:end])
            seen = found.get(key)
            if seen is None:
                found[key] = [weight, order]
            else:
                seen[0] += weight
                seen[1] = min(seen[1], order)
        return [(list(key), weight) for key, (weight, _) in
                sorted(found.items(), key=lambda item: item[1][1])]

    def by_row(self) -> dict[int, list[tuple[int, int]]]:
        """Per analysis id: its (entity number, mentions) pairs (small selections)."""
        found: dict[int, list[tuple[int, int]]] = {}
        analyses = self.arrays.analysis[self.row].tolist()
        for analysis, entity, mentions in zip(analyses, self.entity.tolist(),
                                              self.mentions.tolist(), strict=True):
            found.setdefault(analysis, []).append((entity, mentions))
        return found


def _by_row_mentions_rank(rows: IntArray, mentions: IntArray, rank: IntArray
                          ) -> tuple[IntArray, IntArray]:
    """(rows, rank) ordered by row, then most mentions, then rank: one sort of the three
    packed into one 63-bit key when they fit (a lexsort of three keys is much slower)."""
    if not len(rows):
        return rows, rank
    most = int(mentions.max())
    bits = [int(a.max()).bit_length() for a in (rows, mentions, rank)]
    if sum(bits) > 62:
        order = np.lexsort((rank, -mentions, rows))
        return rows[order], rank[order]
    keys = (rows << (bits[1] + bits[2])) | ((most - mentions) << bits[2]) | rank
    keys.sort()
    return keys >> (bits[1] + bits[2]), keys & ((1 << bits[2]) - 1)


class RankRuns:
    """Each analysis's top ranks as arrays: ``analyses`` (ascending ids), ``ranks`` (the
    ranks of all of them, one run an analysis, most mentioned first) and ``bounds`` (run
    ``i`` is ``ranks[bounds[i]:bounds[i + 1]]``)."""

    def __init__(self, analyses: IntArray, ranks: IntArray, bounds: IntArray) -> None:
        self.analyses = analyses
        self.ranks = ranks
        self.bounds = bounds


def top_rank_runs(pairs: Pairs, rank_of: IntArray, count: int) -> RankRuns:
    """Per analysis: the ranks (``rank_of``: entity number → rank, -1 for none) it mentions
    most, at most ``count`` (ties: the lower rank), as arrays (`RankRuns`), made a chunk of
    whole analyses at a time (the pairs are in analysis order, so the chunks' runs follow
    each other; the sort's memory stays small)."""
    ranks = rank_of.astype(np.int32)
    total = len(pairs.row)
    cuts = sorted({0, total, *(int(np.searchsorted(pairs.row, pairs.row[i], "left"))
                               for i in range(TOP_SLICE, total, TOP_SLICE))})
    shared = np.bincount(ranks[ranks >= 0], minlength=1) > 1
    parts = [_top_ranks_of(pairs.row[start:end], ranks[pairs.entity[start:end]],
                           pairs.mentions[start:end], shared, count)
             for start, end in zip(cuts[:-1], cuts[1:], strict=True)]
    rows, rank = (np.concatenate([p[i] for p in parts]) if parts
                  else np.zeros(0, dtype=np.int32) for i in range(2))
    bounds = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1], True]) if len(rows) \
        else np.zeros(1, dtype=np.int64)
    return RankRuns(pairs.arrays.analysis[rows[bounds[:-1]]], rank, bounds)


def _top_ranks_of(rows: IntArray, rank: IntArray, mentions: IntArray, shared: Any,
                  count: int) -> tuple[IntArray, IntArray]:
    """(row, rank) of the at most ``count`` ranks each row mentions most (ties: the lower
    rank), by row then order. Only ranks that several entity numbers share (``shared``:
    place rows that joined others) need their pairs summed first: the pairs of the others are
    one per (row, rank) already."""
    kept = rank >= 0
    rows, rank, mentions = (rows[kept].astype(np.int64), rank[kept].astype(np.int64),
                            mentions[kept].astype(np.int64))
    if len(rank) and shared[rank].any():
        joined = shared[rank]
        size = int(rank.max()) + 1
        keys, summed = grouped(rows[joined] * size + rank[joined], mentions[joined])
        alone = ~joined
        rows = np.concatenate([rows[alone], keys // size])
        rank = np.concatenate([rank[alone], keys % size])
        mentions = np.concatenate([mentions[alone], summed])
    rows, rank = _by_row_mentions_rank(rows, mentions, rank)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
    within = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    top = within < count
    return rows[top].astype(np.int32, copy=False), rank[top].astype(np.int32, copy=False)


def _date_codes(days: list[str]) -> tuple[list[str], IntArray]:
    """The distinct ``days`` (ascending) and the place of each day among them (a dictionary:
    NumPy's `unique` sorts every one of a million texts)."""
    found = sorted(set(days))
    place = {day: code for code, day in enumerate(found)}
    return found, np.fromiter(map(place.__getitem__, days), dtype=np.int64, count=len(days))


def _numbers(text: str | None) -> IntArray:
    """A ``group_concat`` of an INTEGER column as an array (parsed by NumPy, not one Python
    text a number)."""
    return np.fromstring(text, dtype=np.int64, sep=",") if text else \
        np.zeros(0, dtype=np.int64)
