"""Where parsing and extraction run: in this process, in worker processes, or on Dask.

Parsing dominates a build and is independent per document, so the documents
are cut into contiguous chunks that can run anywhere and come back as plain
:class:`~kgraph.records.DocResult` records, put back in document order.  Every
engine runs the same :func:`extract_documents`, and spaCy's output for a
document does not depend on its neighbours in a batch, so the records do not
depend on where (or next to what) a document was parsed.

* in-process, for one worker or a handful of documents: a worker process must
  import spaCy and load the model and lexicon (several seconds) before it
  parses anything, which a small input never earns back;
* worker processes (``forkserver``, else ``spawn``; never ``fork``, which
  would copy the threads of tqdm or Dask): each worker loads the pipeline and
  lexicon once in its own main function, then takes chunk after chunk from a
  queue, so chunks can be small (balanced work, smooth progress) at no extra
  model load, and sends every record back as soon as it is ready;
* Dask: each chunk is a task running :func:`process_batch`, which loads the
  model itself, so chunks are large enough for that load to stay small next
  to the parsing.
"""
from __future__ import annotations

import itertools
import logging
import math
import os
import pickle
import queue
import re
import signal
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from kgraph.errors import ConfigError, KgraphError, WorkerError, WorkerTimeoutError
from kgraph.records import BuildConfig, DocResult, Document

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
MIN_PARALLEL_DOCS = 20  # below this a worker's start-up costs more than it saves
DOCS_PER_WORKER = 10  # fewer documents per worker do not pay for its start-up either
PROCESS_CHUNK = 8  # documents per queue item; workers keep their model between items
DASK_LOCAL_WORKERS = 2
DASK_CHUNK = 250  # upper bound: a Dask task reloads the model, so fewer larger tasks

_SCHEDULER = re.compile(r"^([a-z][a-z0-9+.-]*://)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+)(:\d{1,5})?/?$")

OnDone = Callable[[int, DocResult], None]  # (index in the input, its record)


@dataclass(frozen=True)
class Plan:
    """How a number of documents will be processed: ``inline``, ``processes`` or ``dask``."""

    engine: str
    workers: int


def plan(n_docs: int, config: BuildConfig) -> Plan:
    """Check the engine options and choose where ``n_docs`` documents run.

    >>> plan(500, BuildConfig(workers=2))
    Plan(engine='processes', workers=2)
    >>> plan(5, BuildConfig(workers=2))
    Plan(engine='inline', workers=1)
    """
    if config.engine not in ENGINES:
        raise ConfigError(f"unknown engine {config.engine!r}; choose one of: {', '.join(ENGINES)}")
    if config.workers < 0:
        raise ConfigError(f"workers must be 0 (all cores) or more, not {config.workers}")
    if config.batch_size < 1:
        raise ConfigError(f"batch size must be 1 or more, not {config.batch_size}")
    if not config.worker_timeout >= 0:  # also NaN
        raise ConfigError(f"worker timeout must be 0 (no limit) or more seconds, not {config.worker_timeout}")
    if config.scheduler and not _SCHEDULER.match(config.scheduler):
        raise ConfigError(f"{config.scheduler!r} is not a Dask scheduler address; give one like "
                          f"tcp://host:8786 or host:8786")
    if config.engine == "dask":
        return Plan("dask", config.workers or DASK_LOCAL_WORKERS)
    workers = config.workers or available_cores()
    workers = min(workers, n_docs // DOCS_PER_WORKER)
    if workers <= 1 or n_docs < MIN_PARALLEL_DOCS:
        return Plan("inline", 1)
    return Plan("processes", workers)


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, which containers and taskset narrow)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunk_ranges(n: int, size: int) -> list[tuple[int, int]]:
    """Contiguous ``[start, end)`` ranges of at most ``size`` items, as equal as possible.

    >>> chunk_ranges(10, 4)
    [(0, 4), (4, 7), (7, 10)]
    >>> chunk_ranges(0, 4)
    []
    """
    if n <= 0:
        return []
    parts = math.ceil(n / max(1, size))
    base, extra = divmod(n, parts)
    out, start = [], 0
    for i in range(parts):
        end = start + base + (1 if i < extra else 0)
        out.append((start, end))
        start = end
    return out


def load_models(config: BuildConfig):
    """The spaCy pipeline and the lexicon, loaded once per process that parses."""
    from kgraph.lexicon import load_lexicon
    from kgraph.nlp import load_pipeline

    return load_pipeline(config.model), load_lexicon()


def extract_documents(documents: Iterable[Document], nlp, lex, batch_size: int = 64,
                      on_done: Callable[[DocResult], None] | None = None) -> list[DocResult]:
    """Parse and extract documents with an already loaded pipeline and lexicon.

    An exception is annotated with the id of the document being extracted.
    """
    from kgraph.extract import extract_document
    from kgraph.nlp import parse

    out: list[DocResult] = []
    for document, chunks in parse(documents, nlp, batch_size=batch_size):
        try:
            result = extract_document(document, chunks, lex)
        except Exception as exc:
            if hasattr(exc, "add_note"):  # Python 3.11+
                exc.add_note(f"kgraph: while extracting document {document.id!r} ({document.source or 'in memory'})")
            raise
        out.append(result)
        if on_done is not None:
            on_done(result)
    return out


def process_batch(documents: list[Document], config: BuildConfig) -> list[DocResult]:
    """Self-contained unit of work for a worker process or a Dask task: load, parse, extract."""
    nlp, lex = load_models(config)
    return extract_documents(documents, nlp, lex, config.batch_size)


def run(documents: Sequence[Document], config: BuildConfig, on_done: OnDone | None = None) -> list[DocResult]:
    """Parse and extract ``documents`` where ``config`` says; records come back in input order.

    ``on_done(index, record)`` is called in this process as each record arrives
    (in completion order), for progress bars and the incremental store.
    """
    documents = list(documents)
    if not documents:
        return []
    how = plan(len(documents), config)
    log.info("parsing %d documents: %s, %d worker(s)", len(documents), how.engine, how.workers)
    if how.engine == "dask":
        return run_dask(documents, config, how.workers, on_done)
    if how.engine == "processes":
        return run_processes(documents, config, how.workers, on_done)
    return run_inline(documents, config, on_done)


def run_inline(documents: Sequence[Document], config: BuildConfig, on_done: OnDone | None = None) -> list[DocResult]:
    """Everything in this process."""
    nlp, lex = load_models(config)
    index = itertools.count()
    callback = (lambda r: on_done(next(index), r)) if on_done is not None else None
    return extract_documents(documents, nlp, lex, config.batch_size, on_done=callback)


def shrinking_ranges(n: int, workers: int, most: int) -> list[tuple[int, int]]:
    """Contiguous ranges of at most ``most`` items that shrink toward the end, for a shared queue.

    Each range is a quarter of a worker's share of what is left (guided
    self-scheduling): big enough early on for spaCy to batch well, and
    single documents at the end, so that the workers finish at about the
    same time instead of one parsing a last full chunk while the other waits.

    >>> [e - s for s, e in shrinking_ranges(20, 2, 8)]
    [3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    >>> shrinking_ranges(0, 2, 8)
    []
    """
    out, start = [], 0
    while start < n:
        size = max(1, min(most, math.ceil((n - start) / (4 * max(1, workers)))))
        out.append((start, start + size))
        start += size
    return out


# --- worker processes -------------------------------------------------------------------------------------------

def run_processes(documents: Sequence[Document], config: BuildConfig, workers: int,
                  on_done: OnDone | None = None) -> list[DocResult]:
    """``workers`` processes, each loading the model once and draining a shared queue of chunks.

    The workers never outlive this process: each watches a pipe whose only
    writing end stays here, and exits when it closes (this process ended,
    however it ended); the forkserver and resource tracker then exit too.  A
    watchdog gives up when no document has come back for
    ``config.worker_timeout`` seconds (a stopped, deadlocked or runaway worker).
    """
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    ranges = shrinking_ranges(len(documents), workers, PROCESS_CHUNK)
    workers = max(1, min(workers, len(ranges)))
    tasks, results = ctx.Queue(), ctx.Queue()
    lifeline, keep_alive = ctx.Pipe(duplex=False)  # workers hold the reading end only
    for start, end in ranges:
        tasks.put((start, list(documents[start:end])))
    for _ in range(workers):
        tasks.put(None)
    procs = [ctx.Process(target=_worker_main, args=(config, tasks, results, lifeline),
                         name=f"kgraph-worker-{i + 1}", daemon=True) for i in range(workers)]
    out: list[DocResult | None] = [None] * len(documents)
    left = len(documents)
    try:
        for p in procs:
            p.start()
        lifeline.close()
        last = time.monotonic()
        while left:
            try:
                kind, index, payload = results.get(timeout=1.0)
            except queue.Empty:
                _check_workers(procs, results_pending=left)
                _check_progress(time.monotonic() - last, config.worker_timeout, left)
                continue
            if kind == "error":
                _raise_remote(*payload)
            last = time.monotonic()
            out[index] = payload
            left -= 1
            if on_done is not None:
                on_done(index, payload)
        for p in procs:
            p.join()
    finally:
        lifeline.close()
        keep_alive.close()  # workers still alive after an error or an interrupt see it and exit
        _stop(procs)
        tasks.cancel_join_thread()
        for q in (tasks, results):
            q.close()
    return out  # type: ignore[return-value]


def _stop(procs, grace: float = 3.0) -> None:
    """End the workers still running: SIGTERM, then SIGKILL (a stopped process ignores SIGTERM)."""
    for p in procs:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + grace
    for p in procs:
        if p.pid is not None:
            p.join(timeout=max(0.0, deadline - time.monotonic()))
    for p in procs:
        if p.is_alive():
            p.kill()
            p.join(timeout=grace)


def _worker_main(config: BuildConfig, tasks, results, lifeline) -> None:
    """A worker's whole life: load once, then parse chunks until the ``None`` sentinel."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    threading.Thread(target=_exit_with_parent, args=(lifeline,), name="kgraph-lifeline", daemon=True).start()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core per worker: the workers are the parallelism
    try:
        nlp, lex = load_models(config)
        while (task := tasks.get()) is not None:
            start, docs = task
            extract_documents(docs, nlp, lex, config.batch_size, on_done=_sender(results, start))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent, which raises it
        results.put(("error", -1, _portable(exc)))


def _exit_with_parent(lifeline) -> None:
    """Block until the parent's end of the lifeline closes, then end this worker at once.

    Reading the pipe works wherever the worker was started (a forkserver
    child's parent is the forkserver, so ``os.getppid`` and PR_SET_PDEATHSIG
    would watch the wrong process) and costs nothing while the parent lives.
    """
    from multiprocessing.connection import wait

    wait([lifeline])  # nothing is ever sent: ready means end of file
    os._exit(1)


def _sender(results, start: int) -> Callable[[DocResult], None]:
    """Send each record of a chunk to the parent as soon as it is ready, with its index in the input."""
    index = itertools.count(start)
    return lambda result: results.put(("doc", next(index), result))


def _portable(exc: BaseException) -> tuple[BaseException | None, str]:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - an exception that does not pickle travels as text
        return None, text
    return exc, text


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process, attached as ``__cause__``."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def _raise_remote(exc: BaseException | None, text: str) -> None:
    if exc is None:
        raise WorkerError(f"a worker process failed:\n{text}")
    if not isinstance(exc, KgraphError):
        exc.__cause__ = RemoteTraceback(text)
    raise exc


def _check_progress(silent: float, timeout: float, results_pending: int) -> None:
    if timeout and silent > timeout:
        raise WorkerTimeoutError(f"no document came back from the worker processes for {silent:.0f}s, with "
                                 f"{results_pending} document(s) left; a worker may be stopped (SIGSTOP), "
                                 f"deadlocked or stuck on one huge document; the workers were ended. Raise "
                                 f"--worker-timeout (now {timeout:g}s) if single documents really take "
                                 f"that long, or split them")


def _check_workers(procs, results_pending: int) -> None:
    for p in procs:
        if p.exitcode not in (None, 0):
            how = f"signal {signal.Signals(-p.exitcode).name}" if p.exitcode < 0 else f"exit code {p.exitcode}"
            raise WorkerError(f"worker process {p.name} stopped ({how}) with {results_pending} document(s) "
                              f"left; if it ran out of memory, use fewer --workers or a smaller --batch-size")
    if all(p.exitcode == 0 for p in procs):
        raise WorkerError(f"the worker processes finished but {results_pending} document(s) never came back")


# --- Dask -------------------------------------------------------------------------------------------------------

def run_dask(documents: Sequence[Document], config: BuildConfig, workers: int = DASK_LOCAL_WORKERS,
             on_done: OnDone | None = None) -> list[DocResult]:
    """Chunks as Dask tasks on ``config.scheduler``, or on a local cluster of ``workers`` processes."""
    try:
        from distributed import KilledWorker, as_completed
    except ImportError as exc:
        raise ConfigError("the dask engine needs the optional packages dask and distributed, which are not "
                          "installed: pip install 'kgraph[dask]' (or build with --engine local)") from exc
    out: list[DocResult | None] = [None] * len(documents)
    with ExitStack() as stack:
        client = _dask_client(stack, config, workers)
        threads = sum(client.nthreads().values()) or 1
        size = max(1, min(DASK_CHUNK, math.ceil(len(documents) / (threads * 2))))
        ranges = chunk_ranges(len(documents), size)
        token = uuid.uuid4().hex[:8]
        starts = {}
        for i, (start, end) in enumerate(ranges):
            future = client.submit(process_batch, list(documents[start:end]), config,
                                   key=f"kgraph-chunk-{token}-{i}", pure=False)
            starts[future] = start
        log.info("dask: %d chunks of up to %d documents on %d thread(s)", len(ranges), size, threads)
        for future in as_completed(list(starts)):
            start = starts[future]
            try:
                chunk = future.result()
            except (KilledWorker, OSError) as exc:
                raise WorkerError(f"a Dask worker died or was lost ({exc}); if it ran out of memory, give the "
                                  f"workers more memory or use a smaller --batch-size") from exc
            for offset, result in enumerate(chunk):
                out[start + offset] = result
                if on_done is not None:
                    on_done(start + offset, result)
    return out  # type: ignore[return-value]


def _dask_client(stack: ExitStack, config: BuildConfig, workers: int):
    from distributed import Client, LocalCluster

    if config.scheduler:
        try:
            client = stack.enter_context(Client(config.scheduler))  # waits distributed.comm.timeouts.connect
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or an address Dask cannot use
            raise ConfigError(f"cannot reach the Dask scheduler at {config.scheduler!r} ({exc}); check the "
                              f"address (e.g. tcp://host:8786) or leave out --scheduler for a local cluster") from exc
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError as exc:
            raise WorkerError(f"the Dask scheduler at {config.scheduler!r} has no workers; start some with "
                              f"`dask worker {config.scheduler}`") from exc
        return client
    log.info("starting a local Dask cluster of %d worker processes", workers)
    with _sigint_ignored():
        cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   host="127.0.0.1", silence_logs=logging.ERROR,
                                                   scheduler_kwargs={"dashboard": False}))
        return stack.enter_context(Client(cluster))


@contextmanager
def _sigint_ignored():
    """Keep Ctrl-C away from the local cluster's processes.

    A terminal sends Ctrl-C to every process of its group: Dask's worker processes would die
    printing tracebacks, and an interrupt halfway through the cluster start leaves a cluster that
    Dask's exit hook fails to close.  Processes started while SIGINT is ignored keep ignoring it
    (the cluster ends them itself when this process stops it).  The price: a Ctrl-C pressed in
    the few seconds the cluster takes to start is lost (signals blocked instead would be taken
    and dropped by the BLAS threads, which do not block them).
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler if handler is not None else signal.default_int_handler)
