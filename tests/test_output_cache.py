"""The output cache: a repeated command prints what it printed before, without loading the
corpus; any change to the corpus files or the options computes it again."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah import session
from rafah.cli import cli
from rafah.corpus import load_corpus
from rafah.nlp import fingerprint, resolve_model
from rafah.output_cache import Recorder, corpus_digest, kept_output, replay
from rafah.records import Analysis, CasualtyFigure
from rafah.store import Store


def _corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title: One\nDate: 2024-03-01\n\nTwelve people were killed.\n")
    (corpus / "b.txt").write_text("Title: Two\nDate: 2099-01-01\n\nNothing happened today.\n")
    (corpus / "notes.bin").write_bytes(b"\x00\x01")
    return corpus


def _figure(value: int) -> CasualtyFigure:
    return CasualtyFigure(kind="killed", value=value, low=None, high=None, qualifier=None,
                          vague=False, group="people", source=None, cumulative=False,
                          sentence=f"{value} people were killed.", start=0, end=6)


def _analysed(corpus: Path, cache: Path) -> None:
    """Analyses of every text, written as a real run would (no model needed)."""
    store = Store(cache)
    articles = load_corpus(corpus, index=store).articles
    store.put_many([(a.text_hash, Analysis(casualties=[_figure(12)])) for a in articles],
                   fingerprint(resolve_model(None)))
    store.close()


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, result.stderr


def _refuse_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the corpus was loaded again")

    monkeypatch.setattr(session, "load_corpus", refuse)


def test_a_repeated_command_replays_output_and_messages(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "s.sqlite3"
    _analysed(corpus, cache)
    args = ["casualties", str(corpus), "--cache", str(cache), "--format", "json"]
    first = _run(args)
    assert first[0] == 0 and json.loads(first[1])[0]["value"] == 12
    assert "skipped notes.bin" in first[2] and "later than the file itself" in first[2]
    _refuse_loading(monkeypatch)
    assert _run(args) == first
    assert _run(["articles", str(corpus), "--cache", str(cache), "-q"])[0] == 1


def test_a_changed_file_or_option_computes_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "s.sqlite3"
    args = ["articles", str(corpus), "--cache", str(cache), "--format", "json"]
    first = json.loads(_run(args)[1])
    assert json.loads(_run([*args, "--since", "2024-01-01", "--until", "2024-12-31"])[1]) == \
        first[:1]
    (corpus / "a.txt").write_text("Title: Changed\nDate: 2024-03-01\n\nA longer text now.\n")
    assert json.loads(_run(args)[1])[0]["title"] == "Changed"
    (corpus / "c.txt").write_text("Title: Three\nDate: 2024-03-02\n\nMore.\n")
    assert len(json.loads(_run(args)[1])) == 3


def test_an_output_cut_short_is_not_kept(tmp_path: Path) -> None:
    class Closed(io.StringIO):
        def write(self, _text: str) -> int:
            raise BrokenPipeError

    store = Store(tmp_path / "s.sqlite3")
    recorder = Recorder(Closed(), store, "k")
    with pytest.raises(BrokenPipeError):
        recorder.write("x")
    recorder.finish([])
    assert kept_output(store, "k") is None
    assert not list((tmp_path / "s.sqlite3.outputs").iterdir())


def test_outputs_are_copied_back_and_only_the_most_recent_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    target = io.StringIO()
    recorder = Recorder(target, store, "k")
    text = "ünïcode " * 7 + "\n"
    for line in (text, text, "end"):
        recorder.write(line)
    recorder.finish([("info", "a note")])
    found = kept_output(store, "k")
    assert found is not None
    messages, kept = found
    replayed = io.StringIO()
    replay(kept, replayed)
    assert kept.closed
    assert replayed.getvalue() == target.getvalue() == text * 2 + "end"
    assert messages == [("info", "a note")]
    for number in range(40):
        other = Recorder(io.StringIO(), store, f"o{number}")
        other.write("x")
        other.finish([])
    assert kept_output(store, "k") is None
    assert len(list((tmp_path / "s.sqlite3.outputs").iterdir())) == 32


def test_the_corpus_digest_reads_no_file(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "a.txt").chmod(0)
    try:
        assert corpus_digest(str(corpus), session.LoadOptions()) is not None
    finally:
        (corpus / "a.txt").chmod(0o644)
    assert corpus_digest(str(tmp_path / "missing"), session.LoadOptions()) is None


def test_a_table_of_another_width_is_laid_out_again(tmp_path: Path) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "s.sqlite3"
    args = ["articles", str(corpus), "--cache", str(cache), "-q"]

    def table(columns: str) -> str:
        return CliRunner(env={"COLUMNS": columns}).invoke(cli, args).stdout

    narrow, wide = table("40"), table("140")
    assert narrow != wide
    assert (table("40"), table("140")) == (narrow, wide)
