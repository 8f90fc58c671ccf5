"""Draw the hand-annotation sample for casualty accuracy from a corpus.

Candidate sentences hold a number (digits or a number word) and a casualty word stem; the sample
is drawn with a fixed seed from distinct articles, so the same corpus always gives the same
sample. Prints one JSON line per sentence: article id, sentence sha1, text (to annotate).

    python benchmarks/casualty_sample.py ../shared/corpus/cnn-2024-07-16_22 --size 80
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from rafah.analyze import analyse_articles
from rafah.corpus import load_corpus
from rafah.store import Store, default_cache_path

STEMS = re.compile(r"\b(kill|dead|death|die|died|fatalit|injur|wound|missing|displac|hostage|"
                   r"captive|detain|arrest|casualt|toll|abduct|kidnap)", re.I)
NUMBER = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|dozens?|hundreds|thousands|millions|scores)\b", re.I)


def sentence_id(text: str) -> str:
    """A stable id for a sentence (its sha1), so gold files need not quote the corpus."""
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:16]


def candidates(corpus: str, cache: Path) -> list[dict]:
    """Every candidate sentence of the corpus, from distinct articles."""
    articles = [a for a in load_corpus(corpus).articles if not a.duplicate_of]
    run = analyse_articles(articles, Store(cache), columns=("sentences",))
    seen: set[str] = set()
    found = []
    for article in articles:
        for start, end in ((s.start, s.end) for s in run.analyses[article.text_hash].sentences):
            text = article.text[start:end].strip()
            key = sentence_id(text)
            if key in seen or not STEMS.search(text) or not NUMBER.search(text):
                continue
            seen.add(key)
            found.append({"article": article.id, "sentence_id": key, "text": text})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--size", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=default_cache_path())
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a gold file whose sentences must not be drawn again")
    args = parser.parse_args()
    taken = {json.loads(line)["sentence_id"] for path in args.exclude
             for line in path.read_text(encoding="utf-8").splitlines()}
    pool = [c for c in candidates(args.corpus, args.cache) if c["sentence_id"] not in taken]
    sample = random.Random(args.seed).sample(pool, min(args.size, len(pool)))
    print(f"{len(pool)} candidate sentences; {len(sample)} drawn", file=sys.stderr)
    for item in sample:
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
