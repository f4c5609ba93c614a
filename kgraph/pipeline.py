"""The build: read documents, parse, extract, resolve, build the graph.

``build()`` is what the CLI and notebooks call.  Parsing and extraction are
per document and independent, so they run in batches (:func:`process_batch`)
that a worker process or a Dask task can run on its own: each batch loads
the spaCy pipeline and the lexicon once and returns plain records.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import networkx as nx

from kgraph.records import BuildConfig, DocResult, Document, Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """A built graph and how it was made."""

    graph: nx.MultiDiGraph
    results: tuple[DocResult, ...]
    problems: tuple[Problem, ...] = ()
    timings: dict = field(default_factory=dict, compare=False, hash=False)

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
            "documents": self.documents, "skipped": len(self.problems),
            "sentences": sum(r.sentences for r in self.results), "tokens": sum(r.tokens for r in self.results),
            "nodes": self.graph.number_of_nodes(), "edges": self.graph.number_of_edges(),
            "people": kinds.get("person", 0), "organizations": kinds.get("organization", 0),
            "countries": kinds.get("country", 0), "locations": kinds.get("location", 0),
            "meetings": kinds.get("meeting", 0), "statements": statements,
        }


def extract_documents(documents: Iterable[Document], nlp, lex, batch_size: int = 64,
                      on_done: Callable[[DocResult], None] | None = None) -> list[DocResult]:
    """Parse and extract documents with an already loaded pipeline and lexicon."""
    from kgraph.extract import extract_document
    from kgraph.nlp import parse

    out = []
    for doc, chunks in parse(documents, nlp, batch_size=batch_size):
        result = extract_document(doc, chunks, lex)
        out.append(result)
        if on_done is not None:
            on_done(result)
    return out


def process_batch(documents: list[Document], config: BuildConfig) -> list[DocResult]:
    """Self-contained unit of work for a worker process or a Dask task."""
    from kgraph.lexicon import load_lexicon
    from kgraph.nlp import load_pipeline

    nlp = load_pipeline(config.model)
    lex = load_lexicon()
    return extract_documents(documents, nlp, lex, config.batch_size)


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
    """Build from documents already in memory (notebooks, tests, other readers)."""
    from kgraph.graph import build_graph
    from kgraph.lexicon import load_lexicon
    from kgraph.nlp import load_pipeline

    documents = list(documents)
    timings = dict(timings or {})
    t0 = time.perf_counter()
    nlp = load_pipeline(config.model)
    lex = load_lexicon()
    timings["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    bar = _progress_bar(len(documents), progress)
    try:
        results = extract_documents(documents, nlp, lex, config.batch_size,
                                    on_done=(lambda r: bar.update(1)) if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    timings["parse_extract"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = build_graph(results)
    timings["graph"] = time.perf_counter() - t0
    log.info("built graph: %d nodes, %d edges from %d documents", graph.number_of_nodes(),
             graph.number_of_edges(), len(results))
    return BuildResult(graph, tuple(results), tuple(problems), timings)


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="kgraph", dynamic_ncols=True, leave=False)
