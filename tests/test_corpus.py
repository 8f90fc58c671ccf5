"""The loader: header forms, record formats, decoding, headings and bad input (no model)."""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import pytest

from rafah.corpus import LoadOptions, decode, load_corpus, split_paragraphs
from rafah.errors import CorpusError

from .conftest import DEV_CORPUS, SEEDS


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(folder: Path):
    result = load_corpus(folder)
    assert len(result.articles) == 1, result
    return result.articles[0]


def test_seed_header_shares_the_first_line_with_the_lead(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", " date 2024-03-13 Amid escalating violence, Gantz spoke.\n\n"
                             "Second paragraph here.")
    article = only(tmp_path)
    assert (article.date, article.date_source) == ("2024-03-13", "header")
    assert article.paragraphs == ["Amid escalating violence, Gantz spoke.",
                                  "Second paragraph here."]


def test_date_line_with_month_name(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Date: March 13, 2024\n\nBody text.")
    article = only(tmp_path)
    assert (article.date, article.date_source, article.paragraphs) == (
        "2024-03-13", "header", ["Body text."])


@pytest.mark.parametrize("line", [
    "Published: 2024-07-16 23:37:17",
    "Published :`2024-07-16 23:37:17`",
    "published_at: \"2024-07-16T23:37:17Z\"",
])
def test_published_header_forms(tmp_path: Path, line: str) -> None:
    write(tmp_path, "a.md", f"# A title\n\n{line}\n\n---\n\nBody text.")
    article = only(tmp_path)
    assert (article.title, article.date, article.paragraphs) == ("A title", "2024-07-16",
                                                                ["Body text."])


def test_yaml_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitle: \"Front matter title\"\ndate: 2024-02-01\n"
                            "tags: news\n---\n\nThe body.")
    article = only(tmp_path)
    assert (article.title, article.date, article.date_source, article.paragraphs) == (
        "Front matter title", "2024-02-01", "front-matter", ["The body."])


def test_markdown_title_without_date_falls_back_to_filename(tmp_path: Path) -> None:
    write(tmp_path, "2024_07_18_story.md", "# Story\n\nBody.")
    article = only(tmp_path)
    assert (article.title, article.date, article.date_source) == ("Story", "2024-07-18",
                                                                 "filename")


def test_dateline_in_text(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "March 5, 2024 — Officials said more.")
    article = only(tmp_path)
    assert (article.date, article.date_source) == ("2024-03-05", "text")


def test_invalid_date_gives_null_and_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Date: 2024-13-45\n\nBody.")
    article = only(tmp_path)
    assert article.date is None and article.date_source is None
    assert any("2024-13-45" in w for w in article.warnings)


def _changed_on(path: Path, day: str, hour: int = 12) -> None:
    """Set the file's modification time to ``hour`` o'clock UTC of ``day``."""
    stamp = datetime.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00").timestamp()
    os.utime(path, (stamp, stamp))


@pytest.mark.parametrize(("name", "content"), [
    ("a.txt", "Date: 2020-01-10\n\nBody."),
    ("a.jsonl", json.dumps({"date": "2020-01-10", "text": "Body."}) + "\n"),
])
def test_a_date_after_the_file_was_last_changed_is_kept_with_a_warning(
        tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path, name, content)
    _changed_on(path, "2020-01-01")
    article = only(tmp_path)
    assert article.date == "2020-01-10"
    assert article.warnings == ["date 2020-01-10 is later than the file itself, last changed "
                                "2020-01-01 (kept)"]
    for day in ("2020-01-09", "2020-02-01"):  # a day's grace; a file changed after the date
        _changed_on(path, day)
        assert only(tmp_path).warnings == []


@pytest.mark.parametrize("stamp", [0.0, time.time() + 3650 * 86400],
                         ids=["placeholder", "to come"])
def test_a_placeholder_or_future_file_time_judges_the_date_against_today(
        tmp_path: Path, stamp: float) -> None:
    """Archives write 1970 or 1980; a wrong clock writes a time to come."""
    path = write(tmp_path, "a.txt", "Date: 2400-01-10\n\nBody.")
    os.utime(path, (stamp, stamp))
    assert only(tmp_path).warnings == ["date 2400-01-10 is in the future (kept)"]
    write(tmp_path, "a.txt", f"Date: {datetime.date.today().isoformat()}\n\nBody.")
    os.utime(path, (stamp, stamp))
    assert only(tmp_path).warnings == []


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones set by TZ (Unix)")
@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14"])
def test_the_day_a_file_was_changed_does_not_follow_the_time_zone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    path = write(tmp_path, "a.txt", "Date: 2020-01-02\n\nBody.")
    _changed_on(path, "2020-01-01", hour=11)  # 2019-12-31 at UTC-12, 2020-01-02 at UTC+14
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert only(tmp_path).warnings == []  # a day's grace after 2020-01-01 (UTC)
        _changed_on(path, "2019-12-31", hour=11)
        assert only(tmp_path).warnings == ["date 2020-01-02 is later than the file itself, "
                                           "last changed 2019-12-31 (kept)"]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_future_date_warning_does_not_follow_the_day_of_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store that indexed the file earlier gives what a fresh store gives, on any day."""
    import rafah.corpus
    from rafah.session import Session, SessionOptions

    def warnings(cache: Path) -> list[tuple[str, str]]:
        session = Session(SessionOptions(str(tmp_path / "c"), cache=cache), warn=print)
        try:
            selection = session.selection()
            assert selection is not None
            return selection.warnings
        finally:
            session.close()

    _changed_on(write(tmp_path / "c", "a.txt", "Date: 2030-01-10\n\nBody."), "2019-12-01")
    found = []
    for index, today in enumerate((datetime.date(2030, 1, 1), datetime.date(2030, 2, 1))):
        frozen = type("Today", (datetime.date,), {"today": classmethod(lambda c, d=today: d)})
        monkeypatch.setattr(rafah.corpus, "date", frozen)
        found.append((warnings(tmp_path / "kept.sqlite3"),
                      warnings(tmp_path / f"fresh{index}.sqlite3")))
    assert all(kept == fresh for kept, fresh in found)
    assert found[0][0] == found[1][0] == [("a.txt", "date 2030-01-10 is later than the file "
                                                    "itself, last changed 2019-12-01 (kept)")]


def test_ambiguous_date_is_month_first_unless_dayfirst(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Date: 03/04/2024\n\nBody.")
    assert only(tmp_path).date == "2024-03-04"
    result = load_corpus(tmp_path, options=LoadOptions(dayfirst=True))
    assert result.articles[0].date == "2024-04-03"


def test_undated_article_is_kept(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Just a body without any header.")
    article = only(tmp_path)
    assert (article.date, article.date_source, article.warnings) == (None, None, [])


def test_file_that_is_only_a_header(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "# Title only\n\nPublished: 2024-07-16\n\n---\n")
    article = only(tmp_path)
    assert (article.title, article.date, article.paragraphs) == ("Title only", "2024-07-16", [])
    assert article.warnings == ["no body text"]


def test_headings_and_boilerplate_are_kept_out_of_paragraphs() -> None:
    lines = ["First paragraph ends here.", "", "Escalating Tensions and International Concerns",
             "", "Advertisment", "", "Second paragraph.", "## What we know", "Third one."]
    paragraphs, headings = split_paragraphs(lines)
    assert paragraphs == ["First paragraph ends here.", "Second paragraph.", "Third one."]
    assert headings == ["Escalating Tensions and International Concerns", "What we know"]


def test_wrapped_lines_are_joined_and_single_line_paragraphs_kept() -> None:
    paragraphs, _ = split_paragraphs(["A sentence that is wrapped", "onto a second line.",
                                      "A new paragraph.", "Another one."])
    assert paragraphs == ["A sentence that is wrapped onto a second line.", "A new paragraph.",
                          "Another one."]


def test_json_jsonl_and_csv_records(tmp_path: Path) -> None:
    write(tmp_path, "a.json", json.dumps([
        {"title": "One", "date": "2024-01-02", "text": "Body one."},
        {"headline": "Two", "published": "2024-01-03", "body": "Body two."}]))
    write(tmp_path, "b.jsonl", json.dumps({"content": "Body three.", "published_at":
                                           "2024-01-04T10:00:00Z", "url": "http://x"}) +
          "\n{not json\n")
    write(tmp_path, "c.csv", "title,date,text\nFour,2024-01-05,\"Body four.\"\n")
    result = load_corpus(tmp_path)
    summary = [(a.id, a.title, a.date, a.paragraphs) for a in result.articles]
    assert summary == [
        ("a.json#1", "One", "2024-01-02", ["Body one."]),
        ("a.json#2", "Two", "2024-01-03", ["Body two."]),
        ("b.jsonl#1", None, "2024-01-04", ["Body three."]),
        ("c.csv#1", "Four", "2024-01-05", ["Body four."]),
    ]
    assert [(s.path, s.reason.split(" (")[0]) for s in result.skipped] == [
        ("b.jsonl#2", "line 2: invalid JSON")]


def test_decoding_variants() -> None:
    assert decode("caf\u00e9".encode()) == ("caf\u00e9", [])
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == ("caf\u00e9", [])
    assert decode("caf\u00e9".encode("utf-16")) == ("caf\u00e9", [])
    text, warnings = decode("caf\u00e9 \u2014 na\u00efve".encode("cp1252"))
    assert text == "caf\u00e9 \u2014 na\u00efve"
    assert warnings == ["not valid UTF-8; decoded as cp1252"]
    assert decode(b"a\r\nb\rc\x1b[31mred\x1b[0m") == ("a\nb\ncred", [])


def test_bad_files_are_skipped_with_reasons_and_good_ones_kept(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", "Date: 2024-03-01\n\nGood body.")
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(tmp_path, "latin.txt", "Date: 2024-03-02\n\nNa\u00efve caf\u00e9.".encode("latin-1"))
    write(tmp_path, "utf16.txt", "Date: 2024-03-03\n\nWide body.".encode("utf-16"))
    write(tmp_path, "image.png", b"\x89PNG")
    result = load_corpus(tmp_path)
    assert sorted(a.id for a in result.articles) == ["good.txt", "latin.txt", "utf16.txt"]
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["image.png"].startswith("unsupported file type '.png'")
    latin = next(a for a in result.articles if a.id == "latin.txt")
    assert latin.paragraphs == ["Na\u00efve caf\u00e9."] and latin.warnings


def test_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(CorpusError, match="is empty"):
        load_corpus(tmp_path)
    write(tmp_path, "a.bin", b"x")
    with pytest.raises(CorpusError, match="no readable article"):
        load_corpus(tmp_path)


def test_seeds_load_with_their_dates() -> None:
    result = load_corpus(SEEDS)
    assert [a.date for a in result.articles] == ["2024-03-13", "2024-03-19", "2024-03-21",
                                                 "2024-03-24", None]
    for article in result.articles:
        assert not article.paragraphs[0].lower().startswith("date")
        assert "Advertisment" not in article.paragraphs
        assert not set(article.headings) & set(article.paragraphs)
    assert "Escalating Tensions and International Concerns" in result.articles[0].headings


@pytest.mark.skipif(not DEV_CORPUS.exists(), reason="development corpus not present")
def test_dev_corpus_loads_every_article_with_date_and_title() -> None:
    result = load_corpus(DEV_CORPUS)
    assert len(result.articles) == 1135 and not result.skipped
    assert all(a.date and a.title and a.date_source == "header" for a in result.articles)
