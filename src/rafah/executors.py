"""How batches of texts are analysed: in this process, a local process pool, or a Dask cluster.

Every executor runs the same function from (text, settings) to plain records
(`rafah.analyze.analyse_texts`) and calls ``on_done(text_hash, analysis)`` in this process as
results arrive; the caller writes the store. A Doc never leaves the process that made it.

- `LocalExecutor`: one process, or a pool of worker processes that each load the pipeline once.
- `DaskExecutor` (``--scheduler local`` or ``tcp://host:8786``; needs ``rafah[dask]``): texts
  travel to the workers in batches of a few megabytes; a worker plugin loads the pipeline once
  per worker; a batch whose worker fails or is lost is run again; results are delivered as
  they complete, so an interrupted run keeps what finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import signal
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rafah.errors import OptionalDependencyError, RafahError
from rafah.records import Analysis

if TYPE_CHECKING:
    from rafah.analyze import AnalysisSettings

Texts = Iterable[tuple[str, str]]
"""(text hash, text) pairs."""
OnDone = Callable[[str, Analysis], None]
Results = list[tuple[str, Analysis]]

DASK_HINT = "--scheduler needs the dask extra: pip install 'rafah[dask]'"
BATCH_CHARS = 2_000_000
"""Characters of text per Dask batch at most (a few megabytes on the wire)."""
BATCHES_PER_WORKER = 4
"""Small runs are cut into at least this many batches per worker, so every worker is busy."""
RETRIES = 3
"""How many times a batch whose worker raised an error is run again."""
UNTRIMMED = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
"""Dask setting unset for LocalCluster workers (see docs/scale.md)."""


class Executor(Protocol):
    """Runs the analysis of texts somewhere and reports each result through ``on_done``."""

    def run(self, texts: Texts, total: int, settings: AnalysisSettings, model: str,
            on_done: OnDone) -> None:
        """Analyse ``total`` texts, calling ``on_done`` once per text as results arrive."""


def executor_for(settings: AnalysisSettings) -> Executor:
    """The executor ``settings.scheduler`` names: None for the local pool, ``local`` for a
    Dask LocalCluster of ``settings.jobs`` workers, an address for a running Dask scheduler."""
    scheduler = (settings.scheduler or "").strip()
    if not scheduler:
        return LocalExecutor()
    if scheduler != "local" and "://" not in scheduler:
        raise RafahError(f"--scheduler {scheduler!r}: use 'local' or a Dask scheduler address "
                         "such as tcp://HOST:8786")
    return DaskExecutor(scheduler)


def batches(texts: Texts, *, count: int, chars: int | None = None
            ) -> Iterator[list[tuple[str, str]]]:
    """Cut (hash, text) pairs into batches of at most ``count`` texts and, when ``chars`` is
    given, about ``chars`` characters (a longer text is a batch of its own)."""
    batch: list[tuple[str, str]] = []
    size = 0
    for item in texts:
        batch.append(item)
        size += len(item[1])
        if len(batch) >= count or (chars is not None and size >= chars):
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _deliver(results: Results, on_done: OnDone) -> None:
    for text_hash, analysis in results:
        on_done(text_hash, analysis)


# ---------------------------------------------------------------- the local process pool

_WORKER: dict[str, Any] = {}


def _start_worker(model: str, gazetteers: tuple[str, ...], batch_size: int) -> None:
    """Pool initializer: load the pipeline once per worker; Ctrl-C is the parent's to handle."""
    from rafah.nlp import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["nlp"] = load_pipeline(model, gazetteers)
    _WORKER["batch_size"] = batch_size


def _analyse_batch(batch: list[tuple[str, str]]) -> Results:
    """Pool task: analyse texts, return their records (plain dataclasses, never Docs)."""
    from rafah.pipeline import analyse_texts

    return list(analyse_texts(_WORKER["nlp"], batch, _WORKER["batch_size"]))


class LocalExecutor:
    """``nlp.pipe`` in this process, or in a pool of worker processes on this machine."""

    def run(self, texts: Texts, total: int, settings: AnalysisSettings, model: str,
            on_done: OnDone) -> None:
        """One job runs in this process; more run in worker processes that each load the
        pipeline once and send back only records. At most a few batches per worker are in
        flight, so memory does not grow with the corpus."""
        from rafah.nlp import load_pipeline
        from rafah.pipeline import analyse_texts

        jobs = min(settings.resolved_jobs(), max(1, total // 16))
        if jobs <= 1:
            nlp = load_pipeline(model, settings.gazetteers)
            for text_hash, analysis in analyse_texts(nlp, texts, settings.batch_size):
                on_done(text_hash, analysis)
            return
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        pending: deque = deque()
        with context.Pool(jobs, initializer=_start_worker,
                          initargs=(model, settings.gazetteers, settings.batch_size)) as pool:
            for batch in batches(texts, count=settings.batch_size):
                pending.append(pool.apply_async(_analyse_batch, (batch,)))
                while len(pending) >= jobs * 3:
                    _deliver(pending.popleft().get(), on_done)
            while pending:
                _deliver(pending.popleft().get(), on_done)


# ---------------------------------------------------------------- Dask


@dataclass(frozen=True)
class WorkerSpec:
    """What a Dask worker needs to analyse like the client: the model (installed on every
    worker), the user's gazetteer files (their contents travel with the spec), the batch size
    of ``nlp.pipe`` and the client's analysis fingerprint (a worker with other code or another
    model version refuses to work rather than fill the store with different records)."""

    model: str
    gazetteers: tuple[tuple[str, bytes], ...]
    batch_size: int
    fingerprint: str

    @property
    def key(self) -> str:
        """A short name for this spec (the worker plugin's name)."""
        hasher = hashlib.sha256(f"{self.model}|{self.batch_size}|{self.fingerprint}".encode())
        for name, data in self.gazetteers:
            hasher.update(name.encode() + b"\0" + data)
        return hasher.hexdigest()[:12]


_PREPARED: dict[str, Any] = {}


def _gazetteer_files(spec: WorkerSpec) -> tuple[str, ...]:
    """The spec's gazetteers written to this worker's temporary folder (same file names)."""
    if not spec.gazetteers:
        return ()
    folder = Path(tempfile.gettempdir()) / f"rafah-gazetteers-{spec.key}"
    paths = []
    for number, (name, data) in enumerate(spec.gazetteers):
        path = folder / str(number) / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        paths.append(str(path))
    return tuple(paths)


def prepare_worker(spec: WorkerSpec) -> None:
    """Load the pipeline once in this worker process and check that it analyses like the
    client (same fingerprint); a mismatch raises `RafahError`."""
    if _PREPARED.get("key") == spec.key:
        return
    from rafah.nlp import fingerprint, load_pipeline

    gazetteers = _gazetteer_files(spec)
    found = fingerprint(spec.model, gazetteers)
    if found != spec.fingerprint:
        raise RafahError(f"a Dask worker analyses differently ({found}, client {spec.fingerprint})"
                         "; install the same rafah version and model on every worker")
    _PREPARED.update(key=spec.key, nlp=load_pipeline(spec.model, gazetteers))


def analyse_batch(batch: list[tuple[str, str]], spec: WorkerSpec) -> Results:
    """Dask task: analyse a batch of (hash, text) on this worker; return plain records."""
    from rafah.pipeline import analyse_texts

    prepare_worker(spec)
    return list(analyse_texts(_PREPARED["nlp"], batch, spec.batch_size))


def _plugin_class() -> type:
    """The worker plugin class (defined when distributed is importable)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads the pipeline when a worker starts (and on workers that join later)."""

        def __init__(self, spec: WorkerSpec) -> None:
            self.spec = spec
            self.name = f"rafah-pipeline-{spec.key}"

        def setup(self, worker: Any) -> None:
            """Prepare the worker; a failure is raised again by the tasks, to the client."""
            with contextlib.suppress(Exception):
                prepare_worker(self.spec)

    return PipelinePlugin


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise OptionalDependencyError(DASK_HINT) from exc
    return distributed


class DaskExecutor:
    """Analysis on a Dask cluster: ``local`` starts a LocalCluster of ``settings.jobs``
    worker processes (one thread each); an address (``tcp://host:8786``, ``tls://...``)
    connects to a running scheduler. ``task`` is the batch function (a test can wrap it)."""

    def __init__(self, address: str, *, task: Callable[..., Results] = analyse_batch,
                 batch_chars: int = BATCH_CHARS, retries: int = RETRIES) -> None:
        self.address = address
        self.task = task
        self.batch_chars = batch_chars
        self.retries = retries

    def run(self, texts: Texts, total: int, settings: AnalysisSettings, model: str,
            on_done: OnDone) -> None:
        """Submit batches, keep a few per worker in flight, deliver results as they complete.
        On an error or Ctrl-C the batches still queued are cancelled; delivered results stay
        delivered."""
        distributed = _import_distributed()
        spec = _spec(settings, model)
        cluster, client = self._connect(distributed, settings, total)
        plugin = _plugin_class()(spec)
        try:
            client.register_plugin(plugin, name=plugin.name)
            workers = max(1, sum(client.nthreads().values()))
            count = max(1, -(-total // (workers * BATCHES_PER_WORKER)))
            self._drain(distributed, client, spec, batches(texts, count=count,
                                                           chars=self.batch_chars), on_done)
        finally:
            _close(client, cluster, plugin.name)

    def _connect(self, distributed: Any, settings: AnalysisSettings, total: int
                 ) -> tuple[Any, Any]:
        """(cluster or None, client): a new LocalCluster, or a client of a running scheduler."""
        if self.address == "local":
            import dask

            workers = max(1, min(settings.resolved_jobs(), total))
            # Dask's default MALLOC_TRIM_THRESHOLD_ makes spaCy's many small allocations
            # about 15% slower; the nanny reads its settings while the cluster starts.
            with dask.config.set({UNTRIMMED: None}):
                cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.CRITICAL)
            return cluster, distributed.Client(cluster)
        try:
            return None, distributed.Client(self.address, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise RafahError(f"cannot reach the Dask scheduler at {self.address} ({exc}); "
                             "start one with `dask scheduler` or use --scheduler local") from exc

    def _drain(self, distributed: Any, client: Any, spec: WorkerSpec,
               pending: Iterator[list[tuple[str, str]]], on_done: OnDone) -> None:
        running = distributed.as_completed()

        def submit_next() -> None:
            batch = next(pending, None)
            if batch is not None:
                running.add(client.submit(self.task, batch, spec, retries=self.retries,
                                          pure=False))

        for _ in range(max(2, 2 * sum(client.nthreads().values()))):
            submit_next()
        try:
            for future in running:
                results = future.result()
                future.release()
                _deliver(results, on_done)
                submit_next()
        except BaseException:
            client.cancel(list(running.futures))
            raise


def _spec(settings: AnalysisSettings, model: str) -> WorkerSpec:
    from rafah.nlp import fingerprint

    files = []
    for name in settings.gazetteers:
        try:
            files.append((Path(name).name, Path(name).read_bytes()))
        except OSError as exc:
            raise RafahError(f"cannot read gazetteer {name!r}: {exc.strerror}") from exc
    return WorkerSpec(model=model, gazetteers=tuple(files), batch_size=settings.batch_size,
                      fingerprint=fingerprint(model, settings.gazetteers))


def _close(client: Any, cluster: Any, plugin: str) -> None:
    """Unregister the plugin from a shared scheduler; stop our own cluster."""
    try:
        if cluster is None:
            client.unregister_worker_plugin(plugin)
    except Exception:  # noqa: BLE001 - best effort on a cluster that may be gone
        logging.getLogger(__name__).debug("could not unregister %s", plugin, exc_info=True)
    client.close()
    if cluster is not None:
        cluster.close()
