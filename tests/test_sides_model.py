"""Victim side, voice and recall of harm mentions on purpose-written death sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks.sides_accuracy import read_rows, score

DATA = Path(__file__).parent / "data" / "death_sentences.jsonl"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def test_death_sentences(nlp: Any) -> None:
    result = score(nlp, read_rows(DATA))
    for line in result["misses"]:
        print(line)
    print(f"gold mentions {result['gold']}: recall {result['recall']:.3f}, side "
          f"{result['side']:.3f}, voice {result['voice']:.3f}, agent {result['agent']:.3f}, "
          f"mentions not in the gold {result['false']}")
    assert result["recall"] >= 0.97
    assert result["exact"] >= 0.97
    assert result["side"] >= 0.92
    assert result["voice"] >= 0.90


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("Over 34,900 Palestinians and 1,455 Israelis have suffered fatalities since the "
     "escalation of the conflict.", "1,455", ("Israeli", None)),
    ("Over 34,900 Palestinians and 1,455 Israelis have suffered fatalities since the "
     "escalation of the conflict.", "34,900", ("Palestinian", None)),
    ("Israeli strikes killed 20 people in Khan Younis.", "20", ("Palestinian", "Gaza")),
    ("Hezbollah rockets wounded two people on Sunday.", "two", ("Israeli", None)),
    ("The death toll in Gaza has risen to 38,713, the ministry said.", "38,713",
     ("Palestinian", "Gaza")),
    ("At least 23 people died when a bus plunged into a ravine.", "23", (None, None)),
    # hostages killed where they were held keep the side of hostages
    ("Two hostages were killed in an airstrike in Khan Younis.", "Two", ("Israeli", None)),
])
def test_figure_side(nlp: Any, text: str, number: str, expected: tuple[str | None, ...]) -> None:
    from rafah.extract.sides import figure_side

    doc = nlp(text)
    start = text.index(number)
    assert figure_side(doc, start, start + len(number)) == expected
