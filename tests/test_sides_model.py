"""Victim side, voice and recall of harm mentions on purpose-written death sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rafah.extract.context import ExtractContext
from rafah.extract.harm_mentions import harm_mentions
from rafah.records import HarmMention

DATA = Path(__file__).parent / "data" / "death_sentences.jsonl"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def _mentions(nlp: Any, row: dict[str, Any]) -> list[HarmMention]:
    """Mentions of the sentence; a context (the sentences before) is analysed with it."""
    prefix = f"{row['context']}.\n\n" if row["context"] else ""
    doc = nlp(prefix + row["text"])
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    return [m for m in found if m.start >= len(prefix)]


def _match(gold: dict[str, Any], found: list[HarmMention], used: set[int]) -> int | None:
    """The first unused mention of the same kind and count (either uncounted when gold is)."""
    for index, mention in enumerate(found):
        if index in used or mention.kind != gold["kind"]:
            continue
        if mention.value == gold["value"] or (gold["value"] is None and mention.value is None):
            return index
    return None


def score(nlp: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall, side and voice accuracy over matched mentions, false mentions, and the misses."""
    gold_total = matched = side_ok = voice_ok = agent_ok = false = 0
    misses: list[str] = []
    for row in rows:
        found = _mentions(nlp, row)
        used: set[int] = set()
        for gold in row["mentions"]:
            gold_total += 1
            index = _match(gold, found, used)
            if index is None:
                misses.append(f"MISS {gold['kind']} {gold['value']}: {row['text']}")
                continue
            used.add(index)
            mention = found[index]
            matched += 1
            side_ok += mention.side == gold["side"]
            voice_ok += mention.voice == gold["voice"]
            agent_ok += (mention.agent or None) == gold["agent"]
            if mention.side != gold["side"]:
                misses.append(f"SIDE {mention.side} != {gold['side']}: {row['text']}")
            if mention.voice != gold["voice"]:
                misses.append(f"VOICE {mention.voice} != {gold['voice']}: {row['text']}")
        false += len(found) - len(used)
        misses += [f"EXTRA {m.kind} {m.value} {m.verb}: {row['text']}"
                   for i, m in enumerate(found) if i not in used]
    return {"gold": gold_total, "recall": matched / gold_total,
            "side": side_ok / max(matched, 1), "voice": voice_ok / max(matched, 1),
            "agent": agent_ok / max(matched, 1), "false": false, "misses": misses}


def test_death_sentences(nlp: Any) -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    result = score(nlp, rows)
    for line in result["misses"]:
        print(line)
    print(f"gold mentions {result['gold']}: recall {result['recall']:.3f}, side "
          f"{result['side']:.3f}, voice {result['voice']:.3f}, agent {result['agent']:.3f}, "
          f"mentions not in the gold {result['false']}")
    assert result["recall"] >= 0.97
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
])
def test_figure_side(nlp: Any, text: str, number: str, expected: tuple[str | None, ...]) -> None:
    from rafah.extract.sides import figure_side

    doc = nlp(text)
    start = text.index(number)
    assert figure_side(doc, start, start + len(number), ExtractContext.for_doc(doc)) == expected
