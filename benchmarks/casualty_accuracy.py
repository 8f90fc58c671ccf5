"""Precision and recall of casualty extraction against the hand-annotated sample.

The gold files name each sentence by article id and sha1, never by its text, so the
third-party corpus stays outside the repository. casualty_gold.jsonl (80 sentences, seed 7) was
used while developing the extractor; casualty_gold_heldout.jsonl (60 other sentences, seed 11)
was annotated afterwards and only scored. A figure is correct when kind and
value match; hedge, victims and source are scored on the correct ones.

    python benchmarks/casualty_accuracy.py ../shared/corpus/cnn-2024-07-16_22
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from casualty_sample import sentence_id
from rafah.analyze import analyse_articles
from rafah.corpus import load_corpus
from rafah.store import Store, default_cache_path

GOLD = Path(__file__).with_name("casualty_gold.jsonl")
HELD_OUT = Path(__file__).with_name("casualty_gold_heldout.jsonl")


def _same_source(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    gold, found = gold.lower(), found.lower()
    return gold in found or found in gold


def evaluate(corpus: str, cache: Path, gold_file: Path = GOLD) -> dict[str, float]:
    """Scores of the extractor on a gold sample."""
    gold_rows = [json.loads(line)
                 for line in gold_file.read_text(encoding="utf-8").splitlines()]
    articles = {a.id: a for a in load_corpus(corpus).articles}
    wanted = [articles[row["article"]] for row in gold_rows]
    analyses = analyse_articles(wanted, Store(cache), columns=("casualties",)).analyses
    true_positive = false_positive = false_negative = 0
    fields: Counter[str] = Counter()
    errors: list[str] = []
    for row in gold_rows:
        article = articles[row["article"]]
        found = [f for f in analyses[article.text_hash].casualties
                 if sentence_id(f.sentence) == row["sentence_id"]]
        unmatched = list(found)
        for gold in row["figures"]:
            match = next((f for f in unmatched if (f.kind, f.value) == (gold["kind"],
                                                                       gold["value"])), None)
            if match is None:
                false_negative += 1
                errors.append(f"missed {gold['kind']} {gold['value']} ({row['article']})")
                continue
            unmatched.remove(match)
            true_positive += 1
            fields["qualifier"] += match.qualifier == gold["qualifier"]
            fields["group"] += (match.group or "").lower() == (gold["group"] or "").lower()
            fields["source"] += _same_source(gold["source"], match.source)
            if not _same_source(gold["source"], match.source):
                errors.append(f"source {match.source!r}, gold {gold['source']!r} "
                              f"({row['article']})")
            if "cumulative" in gold:
                fields["cumulative_n"] += 1
                fields["cumulative"] += match.cumulative == gold["cumulative"]
        for extra in unmatched:
            false_positive += 1
            errors.append(f"spurious {extra.kind} {extra.value} ({row['article']})")
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    result = {
        "sentences": len(gold_rows), "gold figures": true_positive + false_negative,
        "extracted": true_positive + false_positive, "correct": true_positive,
        "precision": round(precision, 3), "recall": round(recall, 3),
        "f1": round(2 * precision * recall / max(1e-9, precision + recall), 3),
        "qualifier accuracy": round(fields["qualifier"] / max(1, true_positive), 3),
        "group accuracy": round(fields["group"] / max(1, true_positive), 3),
        "source accuracy": round(fields["source"] / max(1, true_positive), 3),
        "cumulative accuracy (annotated)": round(fields["cumulative"] /
                                                 max(1, fields["cumulative_n"]), 3),
    }
    for line in errors:
        print("  ", line)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--cache", type=Path, default=default_cache_path())
    parser.add_argument("--gold", type=Path, action="append",
                        help="gold file(s) [default: the development and held-out samples]")
    args = parser.parse_args()
    for gold_file in args.gold or [GOLD, HELD_OUT]:
        print(f"== {gold_file.name}")
        for name, value in evaluate(args.corpus, args.cache, gold_file).items():
            print(f"{name:>32}: {value}")


if __name__ == "__main__":
    main()
