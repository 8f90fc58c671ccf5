"""Accuracy of casualty extraction on whole articles and on conflict-event notes.

Two measurements, both through the real pipeline (`rafah.nlp.load_pipeline` and the extractor
registry, with the same chunking as `rafah analyse`):

- **Whole articles** (``--set dev`` / ``dev2`` … ``dev8``, tuned on; ``heldout`` /
  ``heldout2`` / ``heldout3``, never looked at; ``own1``/``own3``/``own5`` tuned on and ``own2`` /
  ``own4`` / ``own6`` never looked at: articles of other outlets and weeks written by us, kept in
  ``benchmarks/gold/own1/`` …; ``dev6`` and ``heldout3`` are articles drawn at random):
  gold in ``benchmarks/gold/<set>.jsonl``
  (format in ``benchmarks/gold/ANNOTATION.md``), articles read from the corpus folder by file
  name and checked by sha256. Precision, recall and F1 on the multiset of (article, kind,
  value) over non-vague figures; vague figures are matched on (article, kind) and reported
  apart. ``--verbose`` lists the misses and false positives of each article.
- **Event notes** (``--set acled``): ``../shared/data/acled-gaza-dev.csv`` scored as its README
  says: notes containing ``coded``, ``[``, ``unspecified`` or ``unknown`` are left out; a note
  is exact when the sum of its killed figures that are neither vague nor ``part_of`` /
  ``restates`` another equals ``fatalities``; a note with no fatality must give no killed
  figure. ``--sample N`` lists N failures.

The held-out sets are scored only by the lead engineer, at the end of a round.

    python benchmarks/casualty_accuracy.py --set dev --verbose
    python benchmarks/casualty_accuracy.py --set acled --sample 20
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rafah.corpus import LoadOptions, read_file
from rafah.records import CasualtyFigure

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "cnn-2024-07-16_22"
ACLED = SHARED / "data" / "acled-gaza-dev.csv"
OWN_SETS = ("own1", "own3", "own5", "own2", "own4", "own6")
GOLD_SETS = {"dev": HERE / "gold" / "dev40.jsonl", "dev2": HERE / "gold" / "dev30b.jsonl",
             "dev3": HERE / "gold" / "dev30c.jsonl", "dev4": HERE / "gold" / "dev30d.jsonl",
             "dev5": HERE / "gold" / "dev30e.jsonl",
             "dev6": HERE / "gold" / "dev40r.jsonl", "dev7": HERE / "gold" / "dev30f.jsonl",
             "dev8": HERE / "gold" / "dev30g.jsonl",
             "heldout": HERE / "gold" / "heldout20.jsonl",
             "heldout2": HERE / "gold" / "heldout20b.jsonl",
             "heldout3": HERE / "gold" / "heldout20c.jsonl",
             **{name: HERE / "gold" / f"{name}.jsonl" for name in OWN_SETS}}
OWN_TEXTS = {name: HERE / "gold" / name for name in OWN_SETS}
"""Sets of articles written by us (not third-party text), kept beside their gold."""
LEFT_OUT = ("coded", "[", "unspecified", "unknown")


def _pipeline() -> Any:
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def _casualties(texts: Iterable[tuple[str, str]], batch_size: int = 32
                ) -> Iterator[tuple[str, list[CasualtyFigure]]]:
    """(key, figures) for each (key, text), through the pipeline the CLI runs."""
    from rafah.pipeline import analyse_texts

    for key, analysis in analyse_texts(_pipeline(), texts, batch_size):
        yield key, list(analysis.casualties)


# --- whole articles --------------------------------------------------------------------------

@dataclass
class ArticleResult:
    """Gold and found figures of one article (found offsets mapped to the file's text)."""

    file: str
    gold: list[dict[str, Any]]
    found: list[tuple[CasualtyFigure, int]]


def _body_offsets(raw: str, paragraphs: list[str]) -> list[tuple[int, int]]:
    """(offset in the analysed text, offset in the file) of each paragraph start."""
    pairs: list[tuple[int, int]] = []
    text_at = file_at = 0
    for paragraph in paragraphs:
        found = raw.find(paragraph, file_at)
        if found >= 0:
            file_at = found
        pairs.append((text_at, file_at))
        text_at += len(paragraph) + 2
        file_at += len(paragraph)
    return pairs


def _file_offset(pairs: list[tuple[int, int]], offset: int) -> int:
    base = max((p for p in pairs if p[0] <= offset), default=(0, 0))
    return base[1] + offset - base[0]


def _load_articles(gold_file: Path, corpus: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    articles: dict[str, Any] = {}
    for row in rows:
        path = corpus / row["file"]
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            sys.exit(f"{row['file']}: sha256 differs from the gold; wrong corpus version")
        loaded, skipped = read_file(path, row["file"], LoadOptions())
        if skipped or len(loaded) != 1:
            sys.exit(f"{row['file']}: cannot be read as one article")
        articles[row["file"]] = (loaded[0], data.decode("utf-8"))
    return rows, articles


def score_articles(gold_file: Path, corpus: Path) -> list[ArticleResult]:
    """Gold and found figures of every article of a gold file."""
    rows, articles = _load_articles(gold_file, corpus)
    texts = [(name, article.text) for name, (article, _) in articles.items()]
    found = dict(_casualties(texts, batch_size=8))
    results = []
    for row in rows:
        article, raw = articles[row["file"]]
        pairs = _body_offsets(raw, article.body())
        mapped = [(f, _file_offset(pairs, f.start)) for f in found.get(row["file"], [])]
        results.append(ArticleResult(row["file"], row["figures"], mapped))
    return results


def _keys(result: ArticleResult, vague: bool) -> tuple[Counter[tuple], Counter[tuple]]:
    gold: Counter[tuple] = Counter(
        (g["kind"],) if vague else (g["kind"], g["value"])
        for g in result.gold if bool(g.get("vague")) == vague)
    found: Counter[tuple] = Counter(
        (f.kind,) if vague else (f.kind, f.value) for f, _ in result.found if f.vague == vague)
    return gold, found


def _prf(correct: int, gold: int, found: int) -> dict[str, float]:
    precision = correct / found if found else 1.0
    recall = correct / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold, "found": found, "correct": correct, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def article_summary(results: list[ArticleResult]) -> dict[str, dict[str, float]]:
    """P/R/F1 over exact (kind, value) and over vague (kind) figures."""
    summary = {}
    for label, vague in (("exact", False), ("vague", True)):
        totals = Counter()
        for result in results:
            gold, found = _keys(result, vague)
            totals["gold"] += sum(gold.values())
            totals["found"] += sum(found.values())
            totals["correct"] += sum((gold & found).values())
        summary[label] = _prf(totals["correct"], totals["gold"], totals["found"])
    return summary


def _describe_gold(gold: dict[str, Any]) -> str:
    value = "vague" if gold.get("vague") else gold["value"]
    return f"{gold['kind']} {value} @{gold['offset']} {gold.get('anchor', '')!r}"


def _describe_found(figure: CasualtyFigure, offset: int) -> str:
    value = f"vague({figure.value})" if figure.vague else figure.value
    return f"{figure.kind} {value} @{offset} | {figure.sentence[:110]!r}"


def article_errors(result: ArticleResult) -> list[str]:
    """The misses and false positives of one article, one line each."""
    lines = []
    for vague in (False, True):
        gold, found = _keys(result, vague)
        missing, extra = gold - found, found - gold
        for g in result.gold:
            key = (g["kind"],) if vague else (g["kind"], g["value"])
            if bool(g.get("vague")) == vague and missing[key] > 0:
                missing[key] -= 1
                lines.append(f"  MISS {_describe_gold(g)}")
        for f, offset in result.found:
            key = (f.kind,) if vague else (f.kind, f.value)
            if f.vague == vague and extra[key] > 0:
                extra[key] -= 1
                lines.append(f"  FP   {_describe_found(f, offset)}")
    return lines


def run_articles(name: str, corpus: Path, verbose: bool) -> None:
    """Print the article scores of one gold set."""
    started = time.monotonic()
    results = score_articles(GOLD_SETS[name], corpus)
    if verbose:
        for result in results:
            lines = article_errors(result)
            if lines:
                print(result.file)
                print("\n".join(lines))
    print(f"== {GOLD_SETS[name].name}: {len(results)} articles "
          f"({time.monotonic() - started:.0f}s)")
    for label, scores in article_summary(results).items():
        print(f"  {label:>5}: " + "  ".join(f"{k} {v}" for k, v in scores.items()))


# --- event notes -----------------------------------------------------------------------------

def read_notes(path: Path = ACLED) -> list[tuple[str, str, int]]:
    """(event id, note, fatalities) of every scorable note."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["event_id_cnty"], row["notes"], int(row["fatalities"]))
                for row in csv.DictReader(handle)
                if not any(marker in row["notes"] for marker in LEFT_OUT)]


def counted_killed(figures: list[CasualtyFigure]) -> int:
    """Sum of the killed figures that are neither vague nor a part/restatement of another."""
    return sum(f.value for f in figures if f.kind == "killed" and not f.vague
               and f.part_of is None and f.restates is None)


def run_notes(path: Path, sample: int, n_process: int) -> None:
    """Print the event-note scores; list ``sample`` failures."""
    started = time.monotonic()
    notes = read_notes(path)
    figures = dict(_note_figures(notes, n_process))
    exact = clean = zero = 0
    failures = []
    for key, note, fatalities in notes:
        found = figures[key]
        killed = counted_killed(found)
        exact += killed == fatalities
        if fatalities == 0:
            zero += 1
            has_killed = any(f.kind == "killed" for f in found)
            clean += not has_killed
        if killed != fatalities or (fatalities == 0 and any(f.kind == "killed" for f in found)):
            failures.append((key, note, fatalities, killed, found))
    print(f"== {path.name}: {len(notes)} notes scored ({time.monotonic() - started:.0f}s)")
    print(f"  exact: {exact / len(notes):.3f} ({exact}/{len(notes)})")
    print(f"  no-fatality clean: {clean / max(1, zero):.3f} ({clean}/{zero})")
    for key, note, fatalities, killed, found in random.Random(7).sample(
            failures, min(sample, len(failures))):
        shown = ", ".join(f"{f.kind} {f.value}{'~' if f.vague else ''}"
                          f"{' part' if f.part_of is not None else ''}"
                          f"{' restates' if f.restates is not None else ''}" for f in found)
        print(f"\n{key} coded {fatalities}, counted {killed}: [{shown}]\n  {note}")


def _note_figures(notes: list[tuple[str, str, int]], n_process: int
                  ) -> Iterator[tuple[str, list[CasualtyFigure]]]:
    if n_process <= 1:
        yield from _casualties(((key, note) for key, note, _ in notes), batch_size=64)
        return
    from rafah.extract.registry import analyse_doc

    nlp = _pipeline()
    for doc, key in nlp.pipe(((note, key) for key, note, _ in notes), as_tuples=True,
                             batch_size=64, n_process=n_process):
        yield key, list(analyse_doc(doc).casualties)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=(*GOLD_SETS, "acled", "all"),
                        default="dev")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of the articles (default: the dev week, or the set's own "
                             "folder for own1/own2)")
    parser.add_argument("--notes", type=Path, default=ACLED)
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--sample", type=int, default=0, help="list N failing event notes")
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    names = (*GOLD_SETS, "acled") if args.set == "all" else (args.set,)
    for name in names:
        if name == "acled":
            run_notes(args.notes, args.sample, args.n_process)
        else:
            run_articles(name, args.corpus or OWN_TEXTS.get(name, CORPUS), args.verbose)


if __name__ == "__main__":
    main()
