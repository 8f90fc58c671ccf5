"""`rafah cache info` and `rafah cache prune` (model-free)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rafah.cli import cli
from rafah.records import Analysis, Mention, Sentence
from rafah.store import Store


def _analysis() -> Analysis:
    return Analysis(sentences=[Sentence(0, 9)], mentions=[Mention("Gaza", "GPE", 0, 4, 0)])


def _index(store: Store, path: Path, text_hash: str) -> None:
    payload = {"articles": [{"id": path.name, "text_hash": text_hash}], "skipped": []}
    store.save_files([(f"{path}|{path.name}", 1, 1, "o", json.dumps(payload))])


def test_prune_keeps_current_analyses_of_present_files(tmp_path: Path) -> None:
    present, deleted = tmp_path / "a.txt", tmp_path / "gone.txt"
    present.write_text("x")
    store = Store(tmp_path / "s.sqlite3")
    _index(store, present, "h-present")
    _index(store, deleted, "h-gone")
    store.put_many([("h-present", _analysis()), ("h-gone", _analysis())], "current")
    store.put_many([("h-present", _analysis())], "old-version")
    store.put_report("k", "[]")
    dropped = store.prune("current")
    assert dropped == {"analyses": 2, "files": 1, "reports": 1, "selections": 0}
    assert set(store.get_many(["h-present", "h-gone"], "current")) == {"h-present"}
    assert store.get_many(["h-present"], "old-version") == {}
    assert store.get_many(["h-present"], "current")["h-present"] == _analysis()
    rows = store.connection.execute("SELECT count(*) FROM records_mentions").fetchone()[0]
    assert rows == 1


def test_cache_info_lists_analyses_per_version(tmp_path: Path) -> None:
    cache = tmp_path / "s.sqlite3"
    store = Store(cache)
    store.put_many([("h1", _analysis()), ("h2", _analysis())], "one")
    store.put_many([("h1", _analysis())], "two")
    store.close()
    result = CliRunner().invoke(cli, ["cache", "info", "--cache", str(cache), "--format",
                                      "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted((r["fingerprint"], r["analyses"], r["current"]) for r in rows) == [
        ("one", 2, False), ("two", 1, False)]
    assert str(cache) in result.stderr
