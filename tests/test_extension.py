"""Extending rafah: a new extractor needs only its module, its record and one registration;
the cache fingerprint follows the code that can change an analysis."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from rafah import fingerprint
from rafah.analyze import analyse_articles
from rafah.corpus import load_corpus
from rafah.extract.registry import Extractor, extractors, register, unregister
from rafah.fingerprint import PIPELINE_MODULES, _scan, code_digest, dependencies
from rafah.store import Store

from .conftest import SEEDS

ROOTS = [*PIPELINE_MODULES, *(e.module for e in extractors())]

LONG_WORDS = textwrap.dedent('''
    """A plug-in extractor written by a user: words of at least MIN letters."""
    from dataclasses import dataclass
    from typing import ClassVar

    from rafah.records import Record

    MIN = {minimum}


    @dataclass(frozen=True)
    class LongWord(Record):
        OFFSET_FIELDS: ClassVar[tuple[str, ...]] = ("start",)
        word: str
        start: int


    def long_words(doc, *, context):
        return [LongWord(t.text, t.idx) for t in doc if t.is_alpha and len(t) >= MIN]
''')


def test_fingerprint_covers_the_pipeline_the_extractors_and_their_data() -> None:
    modules, data = dependencies(ROOTS)
    assert {"rafah.pipeline", "rafah.nlp", "rafah.paragraph_component", "rafah.gazetteer_component",
            "rafah.records", "rafah.extract.numbers"} <= set(modules)
    assert {e.module for e in extractors()} <= set(modules)
    assert {"casualty_lexicon.json", "not_entities.txt", "gazetteer.jsonl"} <= set(data)
    assert not {"rafah.cli", "rafah.reports.entities", "rafah.render", "rafah.analyze",
                "rafah.executors", "rafah.store"} & set(modules)


def test_changing_any_file_of_the_analysis_changes_the_fingerprint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    modules, data = dependencies(ROOTS)
    before = code_digest(ROOTS)
    original = Path.read_bytes
    for changed in [*modules.values(), *data.values()]:
        def edited(path: Path, _target: Path = changed) -> bytes:
            content = original(path)
            return content + b"\n# edited\n" if path == _target else content

        monkeypatch.setattr(Path, "read_bytes", edited)
        _scan.cache_clear()  # the edit is simulated: the file's version (mtime, size) stays
        assert code_digest(ROOTS) != before, changed.name
    monkeypatch.setattr(Path, "read_bytes", original)
    _scan.cache_clear()
    assert code_digest(ROOTS) == before


def _install_plugin(folder: Path, minimum: int) -> type:
    (folder / "rafah_test_plugin.py").write_text(LONG_WORDS.format(minimum=minimum))
    importlib.invalidate_caches()
    if "rafah_test_plugin" in sys.modules:
        module = importlib.reload(sys.modules["rafah_test_plugin"])
    else:
        module = importlib.import_module("rafah_test_plugin")
    register(Extractor("long_words", module.LongWord, "rafah_test_plugin:long_words"))
    return module.LongWord


@pytest.mark.model
def test_an_extra_extractor_is_stored_read_back_and_recomputed_after_its_code_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    articles = load_corpus(SEEDS).articles[:2]
    cache = tmp_path / "store.sqlite3"
    try:
        _install_plugin(tmp_path, 12)
        first = analyse_articles(articles, Store(cache))
        words = first.analyses[articles[0].text_hash].long_words
        assert words and all(len(w.word) >= 12 for w in words)
        assert all(articles[0].text[w.start:w.start + len(w.word)] == w.word for w in words)

        again = analyse_articles(articles, Store(cache))
        assert (again.analysed, again.from_cache) == (0, 2)
        assert again.analyses[articles[0].text_hash].long_words == words

        _install_plugin(tmp_path, 14)
        changed = analyse_articles(articles, Store(cache))
        assert changed.analysed == 2
        shorter = changed.analyses[articles[0].text_hash].long_words
        assert [w.word for w in shorter] == [w.word for w in words if len(w.word) >= 14]
    finally:
        unregister("long_words")
        sys.modules.pop("rafah_test_plugin", None)


def test_digest_is_recomputed_from_files_not_remembered(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin = tmp_path / "rafah_digest_probe.py"
    plugin.write_text("VALUE = 1\n")
    importlib.invalidate_caches()
    first = fingerprint.analysis_digest(["rafah_digest_probe"])
    plugin.write_text("VALUE = 2  # a different version\n")
    assert fingerprint.analysis_digest(["rafah_digest_probe"]) != first
