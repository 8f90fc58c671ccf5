"""Harm mentions on labelled death sentences: mention recall, side, voice and agent accuracy.

    python benchmarks/sides_accuracy.py [FILE.jsonl ...] [--misses]

Default files: ``tests/data/death_sentences.jsonl`` (written blind, then used while tuning) and
``benchmarks/gold/death_sentences_heldout.jsonl`` (written blind later, never tuned on).
Format: one sentence a line, ``{"category", "context", "text", "mentions": [{"kind", "value",
"side", "voice", "verb", "agent"}]}``. Output: plain text, one line per file.

A gold mention is found by a mention of its kind in the sentence: one of the same count first,
else one of another count (its count is then wrong: "with its count" counts only those of the
right count, which the earlier reports called recall). Side, voice and agent are scored over
the mentions found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rafah.extract.context import ExtractContext
from rafah.extract.harm_mentions import harm_mentions
from rafah.records import HarmMention

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "tests" / "data" / "death_sentences.jsonl",
         ROOT / "benchmarks" / "gold" / "death_sentences_heldout.jsonl"]


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The labelled sentences of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _mentions(nlp: Any, row: dict[str, Any]) -> list[HarmMention]:
    """Mentions of the sentence; a context (the sentences before) is analysed with it."""
    prefix = f"{row['context']}.\n\n" if row["context"] else ""
    doc = nlp(prefix + row["text"])
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    return [m for m in found if m.start >= len(prefix)]


def _match(gold: dict[str, Any], found: list[HarmMention], used: set[int], *,
           exact: bool) -> int | None:
    """The first unused mention of the same kind and (``exact``) the same count (either
    uncounted when gold is)."""
    for index, mention in enumerate(found):
        if index in used or mention.kind != gold["kind"]:
            continue
        if not exact or mention.value == gold["value"]:
            return index
    return None


def _pairs(golds: list[dict[str, Any]], found: list[HarmMention]
           ) -> list[tuple[dict[str, Any], int | None]]:
    """Each gold mention with the mention found for it: first every one of the same kind and
    count, then, for the rest, one of the same kind (its count wrong)."""
    used: set[int] = set()
    matched: dict[int, int | None] = {}
    for exact in (True, False):
        for number, gold in enumerate(golds):
            if matched.get(number) is None:
                matched[number] = index = _match(gold, found, used, exact=exact)
                if index is not None:
                    used.add(index)
    return [(gold, matched[number]) for number, gold in enumerate(golds)]


def score(nlp: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall (a mention of the gold's kind found), exact recall (of its kind and count),
    side, voice and agent accuracy over the found mentions, false mentions, and the misses."""
    gold_total = matched = exact = side_ok = voice_ok = agent_ok = false = 0
    misses: list[str] = []
    for row in rows:
        found = _mentions(nlp, row)
        pairs = _pairs(row["mentions"], found)
        for gold, index in pairs:
            gold_total += 1
            if index is None:
                misses.append(f"MISS {gold['kind']} {gold['value']}: {row['text']}")
                continue
            mention = found[index]
            matched += 1
            exact += mention.value == gold["value"]
            side_ok += mention.side == gold["side"]
            voice_ok += mention.voice == gold["voice"]
            agent_ok += (mention.agent or None) == gold["agent"]
            if mention.value != gold["value"]:
                misses.append(f"VALUE {mention.value} != {gold['value']}: {row['text']}")
            if mention.side != gold["side"]:
                misses.append(f"SIDE {mention.side} != {gold['side']}: {row['text']}")
            if mention.voice != gold["voice"]:
                misses.append(f"VOICE {mention.voice} != {gold['voice']}: {row['text']}")
        used = {index for _, index in pairs if index is not None}
        false += len(found) - len(used)
        misses += [f"EXTRA {m.kind} {m.value} {m.verb}: {row['text']}"
                   for i, m in enumerate(found) if i not in used]
    return {"gold": gold_total, "recall": matched / gold_total, "exact": exact / gold_total,
            "side": side_ok / max(matched, 1), "voice": voice_ok / max(matched, 1),
            "agent": agent_ok / max(matched, 1), "false": false, "misses": misses}


def main() -> int:
    """Score each file and print one line per file (and the misses with --misses)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=FILES)
    parser.add_argument("--misses", action="store_true", help="list misses and wrong labels")
    args = parser.parse_args()
    from rafah.nlp import load_pipeline, resolve_model

    nlp = load_pipeline(resolve_model(None))
    for path in args.files:
        result = score(nlp, read_rows(path))
        if args.misses:
            print("\n".join(result["misses"]))
        print(f"{path.name}: {result['gold']} gold mentions; recall {result['recall']:.3f} "
              f"(with its count {result['exact']:.3f}), "
              f"side {result['side']:.3f}, voice {result['voice']:.3f}, agent "
              f"{result['agent']:.3f}, mentions not in the gold {result['false']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
