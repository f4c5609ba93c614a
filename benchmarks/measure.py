"""One measurement per child process, so that each peak memory figure is that measurement's own.

spaCy's memory is mostly C allocations that ``tracemalloc`` does not see, so
peak memory is the child's ``ru_maxrss`` and, when worker processes are used,
the largest sum of resident memory over the child and its workers, sampled
with psutil.  Each function here runs in the child and returns plain data.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import tempfile
import threading
import time
from pathlib import Path


def in_child(fn, *args, **kwargs) -> dict:
    """Run ``fn(*args, **kwargs)`` in a fresh spawned process; return its dict plus peak memory."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(child, fn, args, kwargs))
    proc.start()
    child.close()
    try:
        kind, payload = parent.recv()
    except EOFError:
        kind, payload = "error", f"the measurement process died (exit code {proc.exitcode})"
    proc.join()
    if kind == "error":
        raise RuntimeError(payload)
    return payload


def _child_main(conn, fn, args, kwargs) -> None:
    sampler = _TreeSampler()
    sampler.start()
    try:
        out = fn(*args, **kwargs)
        sampler.stop()
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        kids_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out["peak_mib"] = max(self_peak, sampler.peak_mib)
        out["peak_self_mib"] = self_peak
        out["peak_worker_mib"] = kids_peak
        out["cpu_descendants"] = sum(sampler.cpu.values())  # worker processes (and the forkserver)
        out["load"] = os.getloadavg()[0]  # 1-minute load average at the end, our own work included
        conn.send(("ok", out))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        import traceback

        conn.send(("error", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))))
    finally:
        conn.close()


class _TreeSampler:
    """Largest total RSS of this process and its descendants (workers), sampled every 0.1 s, and the
    CPU time of each descendant as last seen (workers are the forkserver's children, not ours, so
    ``RUSAGE_CHILDREN`` would miss them)."""

    def __init__(self) -> None:
        self.peak_mib = 0.0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._stop.wait(0.1):
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                    if p.pid != me.pid:
                        times = p.cpu_times()
                        self.cpu[p.pid] = times.user + times.system
                except psutil.Error:
                    pass
            self.peak_mib = max(self.peak_mib, total / 2**20)


def load_docs(path: str, n: int | None = None, text_field: str = "text") -> list:
    from kgraph.readers import read_documents

    docs = list(read_documents([path], text_field=text_field).documents)
    return docs if n is None else docs[:n]


def bare_pipe(path: str, n: int | None, model: str, batch_size: int, marks: list[int] = (),
              text_field: str = "text") -> dict:
    """Time plain ``nlp.pipe`` over whole document texts, with the components kgraph loads.

    ``marks`` are document counts at which to record the elapsed time, so one
    pass gives the bare time of every prefix of the corpus.
    """
    from kgraph.nlp import load_pipeline

    docs = load_docs(path, n, text_field)
    nlp = load_pipeline(model)
    texts = [d.text for d in docs]
    tokens, at = 0, {}
    t0, c0 = time.perf_counter(), time.process_time()
    for i, sdoc in enumerate(nlp.pipe(texts, batch_size=batch_size), 1):
        tokens += len(sdoc)
        if i in marks:
            at[i] = {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "tokens": tokens}
    return {"docs": len(docs), "tokens": tokens, "seconds": time.perf_counter() - t0,
            "cpu": time.process_time() - c0, "marks": at, "pipes": list(nlp.pipe_names)}


def overhead(path: str, n: int | None, model: str, batch_size: int, text_field: str = "text") -> dict:
    """Bare ``nlp.pipe`` and kgraph (parse + extract + resolve + graph) in one process, same pipeline.

    Both run on one loaded pipeline, bare first and then kgraph, twice in
    alternation, so model loading and machine load affect both alike.
    """
    from kgraph.engine import extract_documents
    from kgraph.graph import build_graph
    from kgraph.lexicon import load_lexicon
    from kgraph.nlp import load_pipeline

    docs = load_docs(path, n, text_field)
    nlp, lex = load_pipeline(model), load_lexicon()
    texts = [d.text for d in docs]
    bare = {"seconds": 0.0, "cpu": 0.0}
    ours = {"seconds": 0.0, "cpu": 0.0, "extract_graph_cpu": 0.0}
    tokens = 0
    for half in (docs[: len(docs) // 2], docs[len(docs) // 2:]):
        t0, c0 = time.perf_counter(), time.process_time()
        tokens += sum(len(d) for d in nlp.pipe([d.text for d in half], batch_size=batch_size))
        bare["seconds"] += time.perf_counter() - t0
        bare["cpu"] += time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        results = extract_documents(half, nlp, lex, batch_size)
        build_graph(results)
        ours["seconds"] += time.perf_counter() - t0
        ours["cpu"] += time.process_time() - c0
    del texts
    return {"docs": len(docs), "tokens": tokens, "bare": bare, "kgraph": ours}


def build_run(path: str, n: int | None, model: str, batch_size: int, workers: int, *, text_field: str = "text",
              cache_dir: str = "", write: bool = False) -> dict:
    """A whole build as the CLI runs it: read, (cache,) parse + extract, graph, and optionally the outputs."""
    from kgraph.io import write_graphml
    from kgraph.pipeline import build_documents
    from kgraph.records import BuildConfig

    t0 = time.perf_counter()
    docs = load_docs(path, n, text_field)
    read = time.perf_counter() - t0
    config = BuildConfig(model=model, batch_size=batch_size, workers=workers, cache=bool(cache_dir),
                         cache_dir=cache_dir)
    c0 = time.process_time()
    result = build_documents(docs, config, timings={"read": read})
    cpu = time.process_time() - c0
    build_seconds = time.perf_counter() - t0
    timings = dict(result.timings)
    with tempfile.TemporaryDirectory() as tmp:
        graphml = Path(tmp) / "graph.graphml"
        write_graphml(result.graph, graphml)
        digest = hashlib.sha256(graphml.read_bytes()).hexdigest()
        if write:
            from kgraph.outputs import write_outputs

            t1 = time.perf_counter()
            write_outputs(result.graph, Path(cache_dir or tmp), max_nodes=300)
            timings["write"] = time.perf_counter() - t1
    results_digest = hashlib.sha256(json.dumps([r.to_dict() for r in result.results]).encode()).hexdigest()
    return {"docs": len(docs), "tokens": sum(r.tokens for r in result.results), "seconds": build_seconds,
            "cpu_main": cpu, "timings": timings, "stats": dict(result.stats), "graphml_sha256": digest,
            "results_sha256": results_digest, "nodes": result.graph.number_of_nodes(),
            "edges": result.graph.number_of_edges(), "pid": os.getpid()}
