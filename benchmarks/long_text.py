"""One 5 MB article (a report, a book, a concatenated dump): rafah vs raw `nlp.pipe`.

    python benchmarks/long_text.py ../shared/corpus/cnn-2024-07-16_22
    python benchmarks/long_text.py CORPUS --megabytes 1

The article is the distinct texts of CORPUS joined by blank lines until it holds MEGABYTES of
UTF-8 text, so it has the entities, numbers and dates of real news. Rows:
- raw spaCy: the model with the components rafah uses, `nlp.pipe` over the same chunks rafah
  cuts the text into (spaCy refuses a single text above 1,000,000 characters), nothing else;
- rafah: `analyse_articles` with one process and an in-memory store (gazetteer component,
  every extractor, chunk merging), cold;
- the ratio (target: at most 3).
Output format: a Markdown table on stdout (measure | value | ratio), one row per measure, after
a line naming the machine, the model and the text size. Timings are wall-clock, one run each,
on a machine that should be otherwise idle.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from rafah.analyze import AnalysisSettings, analyse_articles
from rafah.corpus import article_from_text, load_corpus
from rafah.nlp import USED_COMPONENTS, resolve_model
from rafah.pipeline import chunk_text
from rafah.store import Store


def long_text(corpus: str, megabytes: float) -> str:
    """Distinct texts of the corpus joined by blank lines, cut to ``megabytes`` of UTF-8."""
    texts = [a.text for a in load_corpus(corpus).articles if not a.duplicate_of and a.words]
    if not texts:
        raise SystemExit(f"no text in {corpus}")
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        for text in texts:
            parts.append(text)
            size += len(text.encode()) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


def raw_seconds(text: str, model: str, batch_size: int) -> float:
    """The model alone (rafah's components, no gazetteer, no extraction) on rafah's chunks."""
    import spacy

    nlp = spacy.load(model)
    for name in [n for n in nlp.pipe_names if n not in USED_COMPONENTS]:
        nlp.remove_pipe(name)
    chunks = [chunk for _, chunk in chunk_text(text)]
    list(nlp.pipe(chunks[:1]))
    started = time.perf_counter()
    for doc in nlp.pipe(chunks, batch_size=batch_size):
        del doc
    return time.perf_counter() - started


def rafah_seconds(text: str, batch_size: int) -> tuple[float, int]:
    """rafah's analysis of the text as one article; returns (seconds, casualty figures)."""
    from rafah.nlp import load_pipeline

    load_pipeline(resolve_model(None))
    article = article_from_text(f"Date: 2024-07-16\n\n{text}", article_id="long.txt",
                                path=Path("long.txt"))
    store = Store(None)
    try:
        started = time.perf_counter()
        run = analyse_articles([article], store, AnalysisSettings(jobs=1, batch_size=batch_size))
        seconds = time.perf_counter() - started
    finally:
        store.close()
    return seconds, len(run.analyses[article.text_hash].casualties)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    text = long_text(args.corpus, args.megabytes)
    model = resolve_model(None)
    size = len(text.encode()) / 1_000_000
    print(f"Machine: {platform.machine()} {platform.system()}, Python "
          f"{platform.python_version()}; model {model}; one article of {size:.1f} MB, "
          f"{len(text.split()):,} words, {len(chunk_text(text))} chunks\n")
    print("| measure | value | ratio |")
    print("| --- | --- | --- |", flush=True)
    raw = raw_seconds(text, model, args.batch_size)
    print(f"| raw spaCy nlp.pipe (same chunks) | {raw:.1f} s | 1.00 |", flush=True)
    mine, figures = rafah_seconds(text, args.batch_size)
    print(f"| rafah analysis, 1 process ({figures:,} casualty figures) | {mine:.1f} s "
          f"| {mine / raw:.2f} |")

if __name__ == "__main__":
    main()
