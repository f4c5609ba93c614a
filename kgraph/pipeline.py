"""The build: read documents, parse, extract, resolve, build the graph.

``build()`` is what the CLI and notebooks call.  Parsing and extraction are
per document and independent; :mod:`kgraph.engine` runs them in this
process, in worker processes or on Dask, and :mod:`kgraph.store` keeps each
document's result in the output folder so that a rebuild parses only new or
changed documents.  Resolution and graph building always see every document.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kgraph.engine import extract_documents, process_batch
from kgraph.records import BuildConfig, DocResult, Document, Problem

__all__ = ["BuildResult", "build", "build_documents", "extract_documents", "process_batch"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """A built graph and how it was made."""

    graph: nx.MultiDiGraph
    results: tuple[DocResult, ...]
    problems: tuple[Problem, ...] = ()
    timings: dict = field(default_factory=dict, compare=False, hash=False)  # seconds per stage
    stats: dict = field(default_factory=dict, compare=False, hash=False)  # engine, workers, parsed, cached

    @property
    def documents(self) -> int:
        return len(self.results)

    def summary(self) -> dict:
        """Counts an analyst wants after a build."""
        kinds: dict[str, int] = {}
        for _, data in self.graph.nodes(data=True):
            kinds[data.get("kind", "")] = kinds.get(data.get("kind", ""), 0) + 1
        statements = sum(1 for *_, d in self.graph.edges(data=True)
                         if d.get("relation") not in {"participant", "held_in", "located_in", "affiliated_with"})
        return {
            "documents": self.documents, "skipped": sum(1 for p in self.problems if not p.kept),
            "sentences": sum(r.sentences for r in self.results), "tokens": sum(r.tokens for r in self.results),
            "nodes": self.graph.number_of_nodes(), "edges": self.graph.number_of_edges(),
            "people": kinds.get("person", 0), "organizations": kinds.get("organization", 0),
            "countries": kinds.get("country", 0), "locations": kinds.get("location", 0),
            "meetings": kinds.get("meeting", 0), "statements": statements,
        }


def build(paths, config: BuildConfig = BuildConfig(), *, progress: bool = False) -> BuildResult:
    """Build the graph for files or folders of articles.

    >>> from kgraph.records import BuildConfig
    >>> result = build(["seeds/"], BuildConfig(default_date="2015-05-11"))  # doctest: +SKIP
    >>> result.graph.number_of_nodes() > 0  # doctest: +SKIP
    True
    """
    from kgraph.readers import read_documents

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    read = read_documents(paths, text_field=config.text_field, default_date=config.default_date, strict=config.strict)
    timings["read"] = time.perf_counter() - t0
    return build_documents(read.documents, config, problems=read.problems, progress=progress, timings=timings)


def build_documents(documents: Iterable[Document], config: BuildConfig = BuildConfig(), *,
                    problems: Iterable[Problem] = (), progress: bool = False,
                    timings: dict | None = None) -> BuildResult:
    """Build from documents already in memory (notebooks, tests, other readers).

    With ``config.cache`` and a ``config.cache_dir``, results stored by an
    earlier build for the same documents are reused and only the others are
    parsed; ``BuildResult.stats`` says how many of each.
    """
    from kgraph.engine import plan, run
    from kgraph.graph import build_graph

    documents, oversized = split_oversized(documents, config.max_doc_chars)
    problems = (*problems, *oversized)
    timings = dict(timings or {})
    t0 = time.perf_counter()
    store = _open_store(config)
    try:
        keys, cached = store.lookup(documents) if store is not None else ([], {})
        todo = [i for i in range(len(documents)) if i not in cached]
        timings["cache"] = time.perf_counter() - t0
        how = plan(len(todo), config)
        t0 = time.perf_counter()
        bar = _progress_bar(len(todo), progress)

        def done(index: int, result: DocResult) -> None:
            if store is not None:
                store.add(keys[todo[index]], result)
            if bar is not None:
                bar.update(1)

        try:
            fresh = run([documents[i] for i in todo], config, on_done=done)
        finally:
            if bar is not None:
                bar.close()
        if store is not None:
            store.prune()
    finally:
        if store is not None:
            store.close()
    timings["parse_extract"] = time.perf_counter() - t0
    results = [cached.get(i) for i in range(len(documents))]
    for i, result in zip(todo, fresh):
        results[i] = result
    log.info("parsed %d documents (%s, %d worker(s)), %d from the cache in %.1fs", len(todo), how.engine,
             how.workers, len(cached), timings["parse_extract"])
    t0 = time.perf_counter()
    graph = build_graph(results, keep_mentions=config.keep_mentions, actors_only=config.actors_only)
    timings["graph"] = time.perf_counter() - t0
    log.info("built graph: %d nodes, %d edges from %d documents", graph.number_of_nodes(),
             graph.number_of_edges(), len(results))
    stats = {"engine": how.engine if todo else "cache", "workers": how.workers, "parsed": len(todo),
             "cached": len(cached)}
    return BuildResult(graph, tuple(results), tuple(problems), timings, stats)


def split_oversized(documents: Iterable[Document], limit: int) -> tuple[list[Document], list[Problem]]:
    """Documents longer than ``limit`` characters cut into parts, each processed as a document of its own.

    A document's extraction sees all of it at once (coreference, the scene
    country), so its time and memory grow faster than its length; parts keep a
    50 MB file linear and within memory, and let the progress bar move inside
    it.  A part is cut at a paragraph, line or sentence end; its id is
    ``<id>#<n>`` and its offsets count from the start of the part.  Names are
    not linked across parts, which the returned warning says.
    """
    from dataclasses import replace

    from kgraph.nlp import split_text

    out: list[Document] = []
    problems: list[Problem] = []
    for doc in documents:
        if limit <= 0 or len(doc.text) <= limit:
            out.append(doc)
            continue
        parts = split_text(doc.text, limit)
        out.extend(replace(doc, id=f"{doc.id}#{n}", text=text) for n, (_, text) in enumerate(parts, 1))
        problems.append(Problem(
            doc.source or doc.id,
            f"document {doc.id!r} has {len(doc.text):,} characters, more than the limit of {limit:,} "
            f"(--max-doc-chars): processed as {len(parts)} parts {doc.id}#1 to #{len(parts)}, whose "
            f"names are not linked to each other", code="split", kept=True))
        log.info("split document %r (%d chars) into %d parts", doc.id, len(doc.text), len(parts))
    return out, problems


def _open_store(config: BuildConfig):
    """The incremental store, or None when disabled.  A cache never fails a build: the store logs
    a warning and goes on without itself when its file cannot be read or written."""
    if not (config.cache and config.cache_dir):
        return None
    from kgraph.store import ResultStore

    return ResultStore.open(config.cache_dir, config.model)


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="parsing", dynamic_ncols=True, leave=False, smoothing=0.1)
