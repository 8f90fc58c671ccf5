"""Progress in words with an honest estimate, and a summary that explains duplicates."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

from rafah.progress import (
    duplicates_note,
    duration,
    estimate,
    progress_callback,
    status_text,
    summary_line,
)


@dataclass
class Item:
    path: str
    text_hash: str = ""
    duplicate_of: str | None = None


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_estimate_comes_from_the_rate_of_words_done() -> None:
    assert estimate(0, 900_000, 30.0) == "estimating…"
    assert estimate(10_000, 900_000, 0.5) == "estimating…"
    assert estimate(100_000, 900_000, 60.0) == "about 8 min left"
    assert estimate(300_000, 400_000, 30.0) == "about 10 s left"
    assert estimate(900_000, 900_000, 60.0) == "finishing"
    assert duration(4_800) == "1 h 20 min"
    assert status_text(12_000, 480_000, 4.0) == \
        "12,000/480,000 words · 3,000 words/s · about 3 min left"
    assert status_text(0, 90_000, 0.0) == \
        "0/90,000 words · starting (loading the model, first batch)…"


def test_summary_explains_republished_copies() -> None:
    articles = [Item(f"f{i}.txt") for i in range(549)]
    articles += [Item(f"c{i}.txt", duplicate_of="f0.txt") for i in range(586)]
    assert duplicates_note(articles) == \
        "549 distinct texts of 1,135 files; 586 republished copies"
    assert summary_line(articles, analysed=12, from_cache=537, seconds=9.84, words=48_000) == (
        "analysed 12 texts (48,000 words) in 9.8 s, 537 from cache; "
        "549 distinct texts of 1,135 files; 586 republished copies")
    records = [Item("dump.jsonl"), Item("dump.jsonl", duplicate_of="dump.jsonl#1")]
    assert duplicates_note(records) == \
        "1 distinct text of 2 articles in 1 file; 1 republished copy"
    assert duplicates_note(articles[:3]) is None
    assert summary_line(articles[:3], analysed=1, from_cache=2, seconds=0.25) == \
        "analysed 1 text in 0.2 s, 2 from cache"


def test_bar_shows_within_a_second_of_the_first_report() -> None:
    stream = FakeTerminal()
    with progress_callback(stream=stream, show_after=0.2) as callback:
        assert callback is not None
        time.sleep(0.4)
        assert stream.getvalue() == ""
        callback(0, 500_000)
        time.sleep(0.8)
        assert "0/500,000 words · starting" in stream.getvalue()
        callback(125_000, 500_000)
        time.sleep(0.5)
        assert "125,000/500,000 words" in stream.getvalue()


def test_no_bar_for_cached_or_quick_work_or_off_a_terminal() -> None:
    stream = FakeTerminal()
    with progress_callback(stream=stream, show_after=0.3) as callback:
        assert callback is not None
        time.sleep(0.5)
    with progress_callback(stream=stream, show_after=0.3) as callback:
        assert callback is not None
        callback(10, 10)
    time.sleep(0.5)
    assert stream.getvalue() == ""
    with progress_callback(stream=io.StringIO()) as callback:
        assert callback is None
    with progress_callback(enabled=False, stream=FakeTerminal()) as callback:
        assert callback is None
