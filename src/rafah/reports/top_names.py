"""Each article's most mentioned names (`rafah.reports.entities.EntityTable.top_names`), kept
as arrays: a mapping by article position for the reports that make rows in Python, and one
JSON array text per analysis for the timeline rows the store makes
(`rafah.reports.timeline_rows`)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

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

    def stored(self) -> list[Any]:
        """The names as a JSON-able value (`texts_of` reads it): the analyses, the bounds of
        each one's run and the runs (32-bit integers, base64) and the names they number."""
        import numpy as np

        used, codes = np.unique(self.runs.ranks, return_inverse=True)
        return [_packed(self.runs.analyses), _packed(self.runs.bounds), _packed(codes),
                [self.names[rank] for rank in used.tolist()]]

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


def _packed(values: Any) -> str:
    import numpy as np

    return base64.b64encode(np.asarray(values, dtype="<i4").tobytes()).decode("ascii")


def _unpacked(text: str) -> Any:
    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<i4")


def texts_of(stored: list[Any]) -> Iterator[tuple[int, str]]:
    """Each analysis with the JSON text of its names, from `TopNames.stored`, made as they
    are asked for: each name is quoted once."""
    return _joined(stored, quoted=True)


def cells_of(stored: list[Any]) -> Iterator[tuple[int, str]]:
    """Each analysis with its names joined as a table cell joins a list ("; "), from
    `TopNames.stored`."""
    return _joined(stored, quoted=False)


def _joined(stored: list[Any], *, quoted: bool) -> Iterator[tuple[int, str]]:
    import numpy as np

    analyses, bounds, codes, names = stored
    shown = [json.dumps(name, ensure_ascii=False) for name in names] if quoted else names
    items: list[str] = np.array(shown or [""], dtype=object)[_unpacked(codes)].tolist()
    ends = _unpacked(bounds).tolist()
    separator, opening, closing = (", ", "[", "]") if quoted else ("; ", "", "")
    for analysis, start, end in zip(_unpacked(analyses).tolist(), ends[:-1], ends[1:],
                                    strict=True):
        yield analysis, opening + separator.join(items[start:end]) + closing
