"""Performance of rafah on one corpus, measured side by side in one run; prints one table.

    python benchmarks/run.py ../shared/corpus/cnn-2024-07-16_22
    python benchmarks/run.py CORPUS --skip-rss          # without the 1,000 / 5,000 replicas

Rows (all on the distinct texts of CORPUS, same model, same pipeline components, same batch
size):
- raw `nlp.pipe` over the texts (words/s) vs rafah's cold analysis with one process (ratio);
- rafah's cold analysis with all cores vs one process (ratio);
- `rafah entities|casualties|timeline` as a user runs them: cold (empty store) vs warm (ratio,
  seconds), and after one file was changed;
- `rafah --help`;
- peak RSS of a cold analysis of 1,000 vs 5,000 articles (replicas of CORPUS with a small edit
  per copy, so every text is new).
Timings are wall-clock on a machine that should be otherwise idle.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rafah.analyze import AnalysisSettings, analyse_articles
from rafah.corpus import load_corpus
from rafah.nlp import load_pipeline, resolve_model
from rafah.store import Store

RAFAH = [sys.executable, "-m", "rafah"]


def distinct_articles(corpus: str) -> list:
    """Articles of the corpus with their texts in memory, one per distinct text."""
    return [a for a in load_corpus(corpus).articles if not a.duplicate_of and a.words]


def words(articles: list) -> int:
    return sum(a.words for a in articles)


def raw_pipe_seconds(articles: list, batch_size: int) -> float:
    """spaCy alone: the same pipeline, no extraction, no store."""
    nlp = load_pipeline(resolve_model(None))
    for doc in nlp.pipe((a.text for a in articles[:20]), batch_size=batch_size):
        del doc
    started = time.perf_counter()
    for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
        del doc
    return time.perf_counter() - started


def rafah_cold_seconds(articles: list, jobs: int, batch_size: int) -> float:
    """rafah's analysis with an empty store (extraction and storage included)."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "a.sqlite3")
        started = time.perf_counter()
        run = analyse_articles(articles, store, AnalysisSettings(jobs=jobs,
                                                                 batch_size=batch_size),
                               keep=False)
        seconds = time.perf_counter() - started
        store.close()
    assert run.analysed == len({a.text_hash for a in articles})
    return seconds


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - started


def command_rows(corpus: str) -> list[tuple[str, str, str]]:
    """Cold, warm and one-file-changed runs of the three report commands."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "corpus"
        shutil.copytree(corpus, copy)
        for command in ("entities", "casualties", "timeline"):
            env = {**os.environ, "RAFAH_CACHE": str(Path(folder) / f"{command}.sqlite3")}
            args = [*RAFAH, command, str(copy), "--format", "json", "-q"]
            cold = timed(args, env)
            warm = min(timed(args, env) for _ in range(3))
            rows.append((f"`rafah {command}` cold → warm", f"{cold:.1f} s → {warm:.2f} s",
                         f"{warm / cold:.1%}"))
            files = sorted(p for p in copy.rglob("*") if p.suffix in (".md", ".txt"))
            target = files[len(files) // 2]
            target.write_text(target.read_text(encoding="utf-8") +
                              f"\n\nA paragraph added for the {command} benchmark.\n",
                              encoding="utf-8")
            touched = timed(args, env)
            rows.append((f"`rafah {command}` after changing one file", f"{touched:.2f} s",
                         f"{touched / cold:.1%} of cold"))
        help_seconds = min(timed([*RAFAH, "--help"], dict(os.environ)) for _ in range(5))
        rows.append(("`rafah --help`", f"{help_seconds:.3f} s", ""))
        imports = subprocess.run([*RAFAH[:1], "-X", "importtime", "-m", "rafah", "entities",
                                  str(copy), "-q", "--format", "json"], capture_output=True,
                                 text=True, env=env, check=True).stderr
        spacy = any(line.rstrip().endswith("| spacy") for line in imports.splitlines())
        rows.append(("warm `rafah entities` imports spacy", "yes" if spacy else "no", ""))
    return rows


def replicate(corpus: str, count: int, target: Path) -> None:
    """Write ``count`` distinct articles made from the corpus, each copy slightly edited."""
    sources = distinct_articles(corpus)
    target.mkdir(parents=True)
    for index in range(count):
        article = sources[index % len(sources)]
        body = "\n\n".join(article.body())
        edit = f"Copy {index} of this report was filed for a benchmark."
        (target / f"{index:06d}.md").write_text(
            f"# {article.title}\n\nPublished: {article.date}\n\n{body}\n\n{edit}\n",
            encoding="utf-8")


def _status_kib(pid: int | str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def child_rss(folder: Path) -> None:
    """(Run in a child process.) Analyse a folder cold with all cores; print, in MiB, the peak
    RSS of this process (VmHWM), the largest peak of a worker process and the largest sum of
    all of them, sampled every 0.1 s from /proc."""
    peaks = {"workers": 0, "total": 0}
    done = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not done.is_set():
            workers = [_status_kib(c, "VmRSS") for c in _children(me)]
            peaks["workers"] = max([peaks["workers"], *workers])
            peaks["total"] = max(peaks["total"], _status_kib(me, "VmRSS") + sum(workers))
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    articles = load_corpus(folder, keep_text=False).articles
    with tempfile.TemporaryDirectory() as cache:
        analyse_articles(articles, Store(Path(cache) / "a.sqlite3"), keep=False)
    done.set()
    watcher.join()
    print(json.dumps({"main": _status_kib("self", "VmHWM") / 1024,
                      "worker": peaks["workers"] / 1024, "total": peaks["total"] / 1024}))


def rss_rows(corpus: str) -> list[tuple[str, str, str]]:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (1000, 5000):
            target = Path(folder) / str(count)
            replicate(corpus, count, target)
            started = time.perf_counter()
            output = subprocess.run([sys.executable, __file__, "--child-rss", str(target)],
                                    check=True, capture_output=True, text=True).stdout
            results[count] = (json.loads(output.strip().splitlines()[-1]),
                              time.perf_counter() - started)
    (small, small_s), (large, large_s) = results[1000], results[5000]
    def show(sample: dict) -> str:
        return (f"{sample['total']:.0f} MiB (main {sample['main']:.0f}, largest worker "
                f"{sample['worker']:.0f})")

    return [
        ("peak RSS, cold analysis of 1,000 articles, all processes", f"{show(small)}, "
         f"{small_s:.0f} s", ""),
        ("peak RSS, cold analysis of 5,000 articles, all processes", f"{show(large)}, "
         f"{large_s:.0f} s", f"{large['total'] / small['total']:.2f}× (main "
         f"{large['main'] / small['main']:.2f}×, worker {large['worker'] / small['worker']:.2f}×)"),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--batch-size", type=int, default=AnalysisSettings().batch_size)
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--child-rss", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        child_rss(args.child_rss)
        return
    if not args.corpus:
        parser.error("CORPUS is required")
    articles = distinct_articles(args.corpus)
    total_words = words(articles)
    cores = os.cpu_count() or 1
    raw = raw_pipe_seconds(articles, args.batch_size)
    one = rafah_cold_seconds(articles, 1, args.batch_size)
    many = rafah_cold_seconds(articles, cores, args.batch_size)
    rows = [
        ("texts analysed", f"{len(articles)} distinct texts, {total_words:,} words", ""),
        ("raw `nlp.pipe`, 1 process", f"{total_words / raw:,.0f} words/s ({raw:.1f} s)", ""),
        ("rafah cold analysis, 1 process", f"{total_words / one:,.0f} words/s ({one:.1f} s)",
         f"{raw / one:.2f}× raw"),
        (f"rafah cold analysis, {cores} processes",
         f"{total_words / many:,.0f} words/s ({many:.1f} s)", f"{one / many:.2f}× 1 process"),
    ]
    rows += command_rows(args.corpus)
    if not args.skip_rss:
        rows += rss_rows(args.corpus)
    print(f"Machine: {machine()}")
    print(f"Corpus: {args.corpus}; model {resolve_model(None)}; batch size {args.batch_size}\n")
    print("| measure | value | ratio |")
    print("| --- | --- | --- |")
    for name, value, ratio in rows:
        print(f"| {name} | {value} | {ratio} |")


if __name__ == "__main__":
    main()
