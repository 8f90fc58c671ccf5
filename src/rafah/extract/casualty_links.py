"""Links between the figures of one text: parts of a total and restatements.

- a subset ("12 people, including 5 children", "Among the dead were four children", "11 of
  them", "The 18 dead included seven") is ``part_of`` the figure of its set, when both have
  the same kind;
- the figures before a toll in the same paragraph whose sum does not exceed it ("three more
  bodies were found, bringing the toll to 11") are ``part_of`` the toll;
- a count that says an earlier count of the same kind and value again, in another sentence,
  ``restates`` it ("the 23 victims", "1 fatality", "a woman and her daughter" after "2 women"),
  unless it is marked as added ("another 12", "5 more"); a definite single victim ("the
  child", "she") restates the earlier single of the same kind.

Links are character start offsets of the other figure, in the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rafah.records import CasualtyFigure


@dataclass
class Candidate:
    """A figure and the parse facts the links need."""

    figure: CasualtyFigure
    paragraph: int
    sentence: int
    tokens: frozenset[int]
    parent: int | None = None
    total: bool = False
    definite: bool = False
    single: bool = False
    additive: bool = False

    @property
    def free(self) -> bool:
        """Neither a part nor a restatement (yet)."""
        return self.figure.part_of is None and self.figure.restates is None

    def link(self, *, part_of: int | None = None, restates: int | None = None) -> None:
        """Set part_of / restates."""
        self.figure = replace(self.figure, part_of=part_of if part_of is not None else
                              self.figure.part_of,
                              restates=restates if restates is not None else
                              self.figure.restates)


def _set_parts(candidates: list[Candidate]) -> None:
    for index, candidate in enumerate(candidates):
        if candidate.parent is None:
            continue
        kind = candidate.figure.kind
        owner = next((c for c in candidates if candidate.parent in c.tokens), None)
        if owner is None:
            owner = next((c for c in reversed(candidates[:index])
                          if c.figure.kind == kind and c.free), None)
        if owner is not None and owner is not candidate and owner.figure.kind == kind:
            candidate.link(part_of=owner.figure.start)


def _parts_before(earlier_ones: list[Candidate], total: Candidate) -> list[Candidate]:
    """The free figures of the total's kind since the last total of its paragraph."""
    before = []
    for earlier in reversed(earlier_ones):
        if earlier.paragraph != total.paragraph or earlier.total:
            break
        if earlier.figure.kind == total.figure.kind and earlier.free and \
                not earlier.figure.vague:
            before.append(earlier)
    return before


def _set_totals(candidates: list[Candidate]) -> None:
    for index, total in enumerate(candidates):
        if not total.total or total.figure.vague or not total.free:
            continue
        before = _parts_before(candidates[:index], total)
        if before and sum(c.figure.value for c in before) <= total.figure.value:
            for earlier in before:
                earlier.link(part_of=total.figure.start)


def _restated(candidate: Candidate, earlier: Candidate) -> bool:
    mine, theirs = candidate.figure, earlier.figure
    if mine.kind != theirs.kind or mine.vague or theirs.vague:
        return False
    if candidate.sentence == earlier.sentence:
        return False
    if candidate.single and mine.value == 1:
        return earlier.single
    return mine.value == theirs.value and (not earlier.single or theirs.value > 1)


def _may_restate(candidate: Candidate) -> bool:
    """A definite count, a toll, or a count of several that adds nothing ("1 fatality",
    "Fatalities were at least 8", "a woman and her daughter" after "2 women")."""
    if not candidate.free or candidate.additive:
        return False
    if candidate.definite or candidate.total:
        return True
    return not candidate.single or candidate.figure.value > 1


def _set_restatements(candidates: list[Candidate]) -> None:
    for index, candidate in enumerate(candidates):
        if not _may_restate(candidate):
            continue
        earlier = next((c for c in reversed(candidates[:index]) if _restated(candidate, c)),
                       None)
        if earlier is not None:
            candidate.link(restates=earlier.figure.start)


def link_figures(candidates: list[Candidate]) -> list[CasualtyFigure]:
    """The figures with ``part_of`` and ``restates`` set, in text order."""
    ordered = sorted(candidates, key=lambda c: c.figure.start)
    _set_parts(ordered)
    _set_restatements(ordered)
    _set_totals(ordered)
    return [c.figure for c in ordered]
