"""Each article's most mentioned names (`rafah.reports.entities.EntityTable.top_names`), kept
as arrays: a mapping by article position for the reports that make rows in Python, and one
JSON array text per analysis for the timeline rows the store makes
(`rafah.reports.timeline_bulk`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rafah.reports.entity_arrays import RankRuns


class TopNames(Mapping[int, list[str]]):
    """Per article (its position in the selection, from 0) the canonical names it mentions
    most; read by position only when asked (`texts` does not need the positions)."""

    def __init__(self, runs: RankRuns, names: list[str],
                 articles: Callable[[], list[tuple[int, int]]]) -> None:
        self.runs = runs
        self.names = names
        """Every row's name in report order (a rank is an index in it)."""
        self.articles = articles
        """(position, analysis) of every selected article with an analysis, in order."""
        self._by_position: dict[int, list[str]] | None = None

    def texts(self) -> tuple[list[int], list[str]]:
        """The analyses that name any (ascending ids) and the JSON text of each one's names
        (``json.dumps(names, ensure_ascii=False)``): each name is quoted once."""
        import numpy as np

        ranks = self.runs.ranks
        used = np.unique(ranks).tolist()
        quoted = np.empty(len(self.names), dtype=object)
        quoted[used] = [json.dumps(self.names[rank], ensure_ascii=False) for rank in used]
        items: list[str] = quoted[ranks].tolist()
        bounds = self.runs.bounds.tolist()
        texts = ["[" + ", ".join(items[start:end]) + "]"
                 for start, end in zip(bounds[:-1], bounds[1:], strict=True)]
        return self.runs.analyses.tolist(), texts

    def _positions(self) -> dict[int, list[str]]:
        if self._by_position is None:
            ranks = self.runs.ranks.tolist()
            bounds = self.runs.bounds.tolist()
            names = {analysis: [self.names[rank] for rank in ranks[start:end]]
                     for analysis, start, end in zip(self.runs.analyses.tolist(), bounds[:-1],
                                                     bounds[1:], strict=True)}
            self._by_position = {position: names[analysis] for position, analysis
                                 in self.articles() if analysis in names}
        return self._by_position

    def __getitem__(self, position: int) -> list[str]:
        return self._positions()[position]

    def __iter__(self) -> Iterator[int]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())
