"""The build writes its page and CSVs without importing pyvis, IPython or pandas, and the bytes stay the same.

The page is pyvis's template filled as pyvis fills it (compared here with
pyvis itself), the CSVs are what pandas' ``to_csv`` writes (compared here
with pandas itself), on hostile and awkward cells.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from graphs import diplomatic_graph, synthetic_graph  # noqa: E402
from test_csv_injection import HOSTILE, hostile_graph  # noqa: E402

from kgraph.query import dyads  # noqa: E402
from kgraph.render import layout, page, pyvis_template  # noqa: E402
from kgraph.render.countries import country_view  # noqa: E402
from kgraph.render.project import entity_view  # noqa: E402
from kgraph.tables import _DTYPES, csv_cell, frame, table_rows, write_rows, write_tables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pyvis_page(nodes, edges, options) -> str:
    """What pyvis itself renders, filled the way kgraph filled it before (no add_node: quadratic)."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.options = options
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    return net.generate_html()


@pytest.mark.parametrize("view", [
    lambda: entity_view(diplomatic_graph(), 300),
    lambda: country_view(diplomatic_graph(), 300),
    lambda: entity_view(synthetic_graph(150, seed=3), None),
], ids=["entity", "countries", "150 nodes"])
def test_template_gives_pyvis_own_page(view, monkeypatch, tmp_path):
    monkeypatch.setenv("KGRAPH_CACHE_DIR", str(tmp_path))
    v = view()
    nodes = [page._untitled(n) for n in v.nodes]
    edges = [page._untitled(e) for e in v.edges]
    options = layout.vis_options(len(v.nodes))
    expected = pyvis_page(nodes, edges, options)
    assert pyvis_template.generate_html(nodes, edges, options) == expected
    assert pyvis_template.generate_html(nodes, edges, options) == expected  # from the compiled cache
    assert any(tmp_path.joinpath("templates").iterdir())


def test_template_follows_pyvis_choices_for_titles_and_physics(monkeypatch):
    monkeypatch.setenv("KGRAPH_CACHE_DIR", "")
    nodes = [{"id": i, "label": f"n{i}", "title": "see href" if i == 7 else "plain"} for i in range(120)]
    edges = [{"from": i, "to": i + 1} for i in range(119)]
    for options in ({"physics": {"enabled": True}}, {"physics": {"enabled": False}}, {"edges": {"smooth": False}}):
        assert pyvis_template.generate_html(nodes, edges, options) == pyvis_page(nodes, edges, options)
    assert "popup.innerHTML" in pyvis_template.generate_html(nodes, edges, {})  # pyvis's href switch, mirrored
    assert "popup.innerHTML" not in pyvis_template.generate_html(nodes[:7], edges[:5], {})


def test_damaged_or_unwritable_template_cache_still_gives_the_page(monkeypatch, tmp_path):
    monkeypatch.setenv("KGRAPH_CACHE_DIR", str(tmp_path))
    v = entity_view(diplomatic_graph(), 300)
    first = page.render(v, "t")
    files = sorted(tmp_path.joinpath("templates").iterdir())
    assert files
    for f in files:
        f.write_bytes(f.read_bytes()[:40])  # truncated inside the checksum or the code
    assert page.render(v, "t") == first
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KGRAPH_CACHE_DIR", str(blocker))
    assert page.render(v, "t") == first


def test_template_cache_in_a_folder_others_can_write_is_not_used(monkeypatch, tmp_path):
    monkeypatch.setenv("KGRAPH_CACHE_DIR", str(tmp_path))
    shared = tmp_path / "templates"
    shared.mkdir()
    shared.chmod(0o777)  # someone else could drop compiled code here
    v = entity_view(diplomatic_graph(), 300)
    assert page.render(v, "t").startswith("<!DOCTYPE html>")
    assert list(shared.iterdir()) == []  # nothing written, so nothing read either
    shared.chmod(0o700)
    page.render(v, "t")
    assert list(shared.iterdir())


def test_writing_outputs_imports_no_pyvis_ipython_or_pandas(tmp_path):
    probe = ("import sys, networkx as nx\n"
             "sys.path.insert(0, 'tests')\n"
             "from graphs import diplomatic_graph\n"
             "from kgraph.outputs import write_outputs\n"
             "write_outputs(diplomatic_graph(), sys.argv[1])\n"
             "print(sorted(m for m in ('pyvis', 'IPython', 'pandas') if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "out")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    assert "var nodes" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")


def write_csv(df, path: Path) -> Path:
    """The oracle: the CSV pandas writes for ``df`` (text cells through ``csv_cell``), as kgraph wrote it before."""
    import csv

    text = df.copy()
    for column in df.columns:
        if column not in _DTYPES:
            text[column] = df[column].map(csv_cell)
    text.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    return path


def pandas_bytes(rows, columns, tmp_path) -> bytes:
    return write_csv(frame(rows, columns), tmp_path / "pandas.csv").read_bytes()


def test_rows_writer_matches_pandas_on_awkward_cells(tmp_path):
    columns = ["text", "sent_index", "confidence", "negated", "count", "missing", "statements"]
    nan = float("nan")
    rows = [
        {"text": 'say "hi",\nthen\r\n=1+1', "sent_index": None, "confidence": nan, "negated": True, "count": 3,
         "statements": None},
        {"text": "", "sent_index": 0, "confidence": 0.1 + 0.2, "negated": False, "count": -2, "statements": 4},
        {"text": "'@x", "sent_index": 12, "confidence": 1e-7, "negated": None, "count": 0, "statements": 0},
        {"text": "\u00e9\u4e2d \U0001F600", "sent_index": 3, "confidence": 1e16, "negated": False, "count": 1,
         "statements": 2},
        {"text": 2.5, "sent_index": 1, "confidence": -0.5, "negated": True, "count": 10**12, "statements": 1},
        {"text": None, "sent_index": 2, "confidence": 123456789.125, "negated": False, "count": 7,
         "statements": 3},
    ]
    assert all(c in _DTYPES for c in ("sent_index", "confidence", "negated", "statements"))
    assert write_rows(rows, columns, tmp_path / "rows.csv").read_bytes() == pandas_bytes(rows, columns, tmp_path)
    assert write_rows([], columns, tmp_path / "rows.csv").read_bytes() == pandas_bytes([], columns, tmp_path)
    for text in HOSTILE:  # every formula-like cell gets its quote exactly as pandas' path gives it
        one = [{"text": text, "sent_index": 1, "confidence": 0.5, "negated": False, "count": 1, "statements": 1}]
        assert (write_rows(one, columns, tmp_path / "rows.csv").read_bytes()
                == pandas_bytes(one, columns, tmp_path))


@pytest.mark.parametrize("graph", [hostile_graph, diplomatic_graph, lambda: nx.MultiDiGraph()],
                         ids=["hostile", "diplomatic", "empty"])
def test_tables_and_dyads_written_without_pandas_match_pandas(graph, tmp_path):
    g = graph()
    written = {p.name: p.read_bytes() for p in write_tables(g, tmp_path / "rows")}
    assert sorted(written) == ["documents.csv", "entities.csv", "meetings.csv", "triples.csv"]
    for name, (rows, columns) in table_rows(g).items():
        assert written[f"{name}.csv"] == pandas_bytes(rows, columns, tmp_path), name
    dyad_file = write_rows(dyads.dyad_rows(g), dyads.DYAD_COLUMNS, tmp_path / "dyads.csv").read_bytes()
    assert dyad_file == write_csv(dyads.dyads(g), tmp_path / "dyads-pandas.csv").read_bytes()
    if graph is hostile_graph:  # a table with rows, so that the comparison compares cells
        assert len(list(csv.reader(io.StringIO(written["triples.csv"].decode("utf-8"))))) > len(HOSTILE)
    pd.testing.assert_frame_equal(dyads.dyads(g), frame(dyads.dyad_rows(g), dyads.DYAD_COLUMNS))
