"""Analysis on a Dask cluster: the same records as the embedded path, lost workers retried,
and a one-line hint when the extra is missing."""

from __future__ import annotations

import json
import os
import signal
import sys
from functools import partial
from pathlib import Path

import pytest

from rafah import executors
from rafah.analyze import AnalysisSettings, analyse_articles
from rafah.corpus import load_corpus
from rafah.errors import OptionalDependencyError, RafahError
from rafah.executors import DaskExecutor, WorkerSpec, analyse_batch, batches, executor_for
from rafah.reports.casualties import figure_rows
from rafah.store import Store
from tests.conftest import SEEDS

pytestmark = pytest.mark.extras  # CI runs these again with the extras installed


def test_batches_respect_count_and_characters() -> None:
    texts = [(str(i), "x" * size) for i, size in enumerate([5, 5, 20, 1, 1, 1])]
    cut = list(batches(texts, count=3, chars=10))
    assert [[h for h, _ in batch] for batch in cut] == [["0", "1"], ["2"], ["3", "4", "5"]]
    assert [h for batch in cut for h, _ in batch] == [h for h, _ in texts]


def test_without_the_extra_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'rafah\[dask\]'"):
        DaskExecutor("local").run(iter([("h", "text")]), 1, AnalysisSettings(), "model",
                                  lambda _h, _a: None)


def test_scheduler_names() -> None:
    assert isinstance(executor_for(AnalysisSettings()), executors.LocalExecutor)
    assert isinstance(executor_for(AnalysisSettings(scheduler="local")), DaskExecutor)
    remote = executor_for(AnalysisSettings(scheduler="tcp://10.0.0.5:8786"))
    assert isinstance(remote, DaskExecutor) and remote.address == "tcp://10.0.0.5:8786"
    with pytest.raises(RafahError, match="tcp://HOST:8786"):
        executor_for(AnalysisSettings(scheduler="somewhere"))


def _seed_articles() -> list:
    return load_corpus(SEEDS).articles


def _casualties_json(articles: list, analyses: dict) -> str:
    distinct = [a for a in articles if not a.duplicate_of]
    return json.dumps(figure_rows(distinct, analyses), ensure_ascii=False)


@pytest.mark.model
def test_local_cluster_gives_the_embedded_records() -> None:
    pytest.importorskip("distributed")
    articles = _seed_articles()
    embedded = analyse_articles(articles, Store(None), AnalysisSettings(jobs=1))
    on_dask = analyse_articles(articles, Store(None), AnalysisSettings(jobs=2,
                                                                      scheduler="local"))
    assert on_dask.analysed == embedded.analysed == len({a.text_hash for a in articles})
    assert on_dask.analyses == embedded.analyses
    assert _casualties_json(articles, on_dask.analyses) == \
        _casualties_json(articles, embedded.analyses)


def _kill_once(batch: list[tuple[str, str]], spec: WorkerSpec, *, flag: str) -> list:
    """The first batch to run kills its worker process (as a crash or an OOM kill would)."""
    try:
        handle = os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return analyse_batch(batch, spec)
    os.close(handle)
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


@pytest.mark.model
def test_a_lost_worker_is_replaced_and_every_article_analysed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    articles = _seed_articles()
    flag = tmp_path / "killed"
    monkeypatch.setattr(executors, "executor_for",
                        lambda _settings: DaskExecutor("local",
                                                       task=partial(_kill_once, flag=str(flag))))
    delivered: list[str] = []
    store = Store(tmp_path / "store.sqlite3")
    put_many = store.put_many

    def counting_put(items: list, key: str) -> None:
        items = list(items)
        delivered.extend(h for h, _ in items)
        put_many(items, key)

    monkeypatch.setattr(store, "put_many", counting_put)
    run = analyse_articles(articles, store, AnalysisSettings(jobs=2, scheduler="local"))
    assert flag.exists()
    hashes = {a.text_hash for a in articles}
    assert sorted(delivered) == sorted(hashes)
    assert run.analysed == len(hashes)
    monkeypatch.undo()
    embedded = analyse_articles(articles, Store(None), AnalysisSettings(jobs=1))
    assert run.analyses == embedded.analyses


@pytest.mark.model
def test_the_cli_on_a_local_cluster_prints_what_the_embedded_path_prints(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from rafah.cli import cli

    outputs = []
    for extra in ([], ["--scheduler", "local", "--jobs", "2"]):
        result = CliRunner().invoke(cli, ["casualties", str(SEEDS), "--format", "json", "-q",
                                          "--cache", str(tmp_path / f"{len(extra)}.sqlite3"),
                                          *extra])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and json.loads(outputs[0])
