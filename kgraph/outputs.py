"""Writing a build's files into the output folder, all or nothing.

Every file is first written into a private staging folder inside the output
folder; only when all of them are complete are they moved into place, one
``os.replace`` each.  A failure or an interruption therefore leaves the
previous outputs as they were.  Nothing outside the output folder is touched.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import networkx as nx

from kgraph.errors import OutputError

OUTPUT_FILES = ("graph.graphml", "graph.html", "countries.html", "graph.json",
                "triples.csv", "entities.csv", "meetings.csv", "documents.csv")


def check_output_dir(path: str | os.PathLike, *, create: bool = False) -> Path:
    """Make sure the output folder can be written (or created), before any work starts.

    Nothing is created unless ``create`` is true, so a build that fails on its
    input leaves no empty folder behind.
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError("the output path exists and is not a folder; pass a folder with -o DIR", path=str(out))
    probe = out
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        what = "output folder" if probe == out else f"folder {probe} that would hold it"
        raise OutputError(f"the {what} is not writable; fix its permissions or choose another with -o DIR",
                          path=str(out))
    if create:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder ({exc.strerror}); choose another with -o DIR",
                              path=str(out)) from exc
    return out


def write_outputs(graph: nx.MultiDiGraph, out_dir: str | os.PathLike, *, max_nodes: int = 300) -> list[Path]:
    """Write GraphML, node-link JSON, the HTML pages and the CSV tables; return the final paths."""
    from kgraph.io import write_graphml, write_node_link, write_tables
    from kgraph.render import write_country_html, write_html

    out = check_output_dir(out_dir, create=True)
    staging = Path(tempfile.mkdtemp(prefix=".kgraph-staging-", dir=out))
    try:
        write_graphml(graph, staging / "graph.graphml")
        write_node_link(graph, staging / "graph.json")
        write_tables(graph, staging)
        write_html(graph, staging / "graph.html", max_nodes=max_nodes)
        write_country_html(graph, staging / "countries.html")
        final = []
        for name in OUTPUT_FILES:
            src = staging / name
            if src.exists():
                os.replace(src, out / name)
                final.append(out / name)
        return final
    except OSError as exc:
        raise OutputError(f"writing outputs failed ({exc}); previous outputs are unchanged", path=str(out)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
