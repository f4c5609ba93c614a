"""How long a big graph takes to become a usable page: write it, open it, wait until still.

Builds a synthetic schema graph (tests/graphs.py, 5,000 nodes by default),
writes the default reduced view and the full graph, opens each in headless
Debian chromium through Playwright and reads ``kgraphState.readyAt``: the
milliseconds from navigation start until vis-network has drawn (positions
come from Python and physics is off, so the picture is still from then on;
the script checks that positions do not change afterwards).  Targets for
every view, the full 5,000-node graph included: layout plus page written
in at most 10 s, drawn and still in at most 2 s.

    python benchmarks/bench_html.py            # 5,000 nodes, default view and full graph
    python benchmarks/bench_html.py --nodes 20000 --runs 1
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from graphs import synthetic_graph  # noqa: E402

from kgraph.render import write_html  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WRITE_TARGET_S = 10.0
DRAW_TARGET_S = 2.0


def measure(browser, path: Path, timeout_s: float) -> tuple[float, float, int, int, list[str]]:
    """Seconds until drawn and still, main-thread busy seconds until then, what the page reports, errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)  # main-thread CPU time: what a loaded machine does not stretch
    cdp.send("Performance.enable")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgraphState && window.kgraphState.readyAt !== null",
                           timeout=timeout_s * 1000)
    ready_ms, nodes, edges = page.evaluate(
        "[kgraphState.readyAt, network.body.data.nodes.length, network.body.data.edges.length]")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    busy_s = metrics.get("ThreadTime", float("nan"))
    before = page.evaluate("JSON.stringify(network.getPositions())")
    page.wait_for_timeout(500)
    if page.evaluate("JSON.stringify(network.getPositions())") != before:
        errors.append("positions still changing 0.5 s after the first drawing")
    context.close()
    return ready_ms / 1000.0, busy_s, nodes, edges, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000, help="size of the synthetic graph")
    parser.add_argument("--max-nodes", type=int, default=300, help="size of the default view")
    parser.add_argument("--runs", type=int, default=3, help="browser runs per page (median reported)")
    parser.add_argument("--no-full", action="store_true", help="skip the unreduced page")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--keep", type=Path, help="folder to keep the pages in")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(args.nodes, seed=0)
    views = [(f"default (max_nodes={args.max_nodes})", args.max_nodes)]
    if not args.no_full:
        views.append(("full graph (max_nodes=None)", None))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
        for name, max_nodes in views:
            path = folder / f"bench-{max_nodes or 'full'}.html"
            started = time.perf_counter()
            write_html(graph, path, max_nodes=max_nodes, title=f"bench {args.nodes}")
            write_s = time.perf_counter() - started
            draws, busy, errors = [], [], []
            for _ in range(args.runs):
                seconds, busy_s, shown, edges, errs = measure(browser, path, timeout_s=300)
                draws.append(seconds)
                busy.append(busy_s)
                errors += errs
            rows.append((name, graph.number_of_nodes(), shown, edges, write_s, statistics.median(draws),
                         statistics.median(busy), path.stat().st_size / 1e6, errors))
        browser.close()

    header = f"{'view':<30} {'nodes total':>11} {'nodes shown':>11} {'edges shown':>11} " \
             f"{'write s':>8} {'draw s':>7} {'cpu s':>7} {'page MB':>8}"
    print(header)
    print("-" * len(header))
    for name, total, shown, edges, write_s, draw_s, busy_s, size, errors in rows:
        print(f"{name:<30} {total:>11,} {shown:>11,} {edges:>11,} {write_s:>8.2f} {draw_s:>7.2f} {busy_s:>7.2f} "
              f"{size:>8.1f}")
        for error in sorted(set(errors)):
            print(f"  page error: {error}")
    print()
    for name, _, _, _, write_s, draw_s, _, _, _ in rows:
        ok = write_s <= WRITE_TARGET_S and draw_s <= DRAW_TARGET_S
        print(f"{name}: written in {write_s:.2f} s (target {WRITE_TARGET_S:.0f} s), drawn and still in "
              f"{draw_s:.2f} s (target {DRAW_TARGET_S:.0f} s): {'within' if ok else 'OVER'} "
              f"(draw = navigation start to first drawing, median of {args.runs})")
    print("cpu s: CPU time of the page's main thread until drawn (Chrome's ThreadTime), which other "
          "load on the machine does not stretch; draw s is wall-clock time")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"pages kept in {folder}" if args.keep else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
