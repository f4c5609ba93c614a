"""The manifest of one build's output files, and the check that a set is whole.

A build writes ``.kgraph-manifest.json`` next to its files (size and sha256
of each, plus a build id) after all of them are complete.  Reading a graph
file that has a manifest beside it checks every file it lists, so a set
that mixes two builds (an interrupted build on a filesystem without
symlinks, see :mod:`kgraph.outputs`) or a file edited by hand is reported
instead of being read as if it were one build.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from kgraph.errors import OutputSetError

MANIFEST = ".kgraph-manifest.json"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def manifest_text(folder: str | os.PathLike, names, build_id: str) -> str:
    """The manifest of the files ``names`` in ``folder`` (those that exist)."""
    base = Path(folder)
    files = {name: {"size": (base / name).stat().st_size, "sha256": _digest(base / name)}
             for name in names if (base / name).is_file()}
    return json.dumps({"kgraph_build": build_id, "files": files}, indent=1, sort_keys=True) + "\n"


def check_output_set(graph_file: str | os.PathLike) -> None:
    """Raise :class:`OutputSetError` when the files beside ``graph_file`` are not the build its manifest lists.

    A graph file without a manifest beside it (written by ``write_graphml``,
    another tool or an older kgraph) is not checked.
    """
    where = Path(graph_file).parent
    listed = where / MANIFEST
    if not listed.is_file():
        return
    try:
        manifest = json.loads(listed.read_text(encoding="utf-8"))
        files, build = manifest["files"], manifest["kgraph_build"]
        wanted = {name: (int(f["size"]), str(f["sha256"])) for name, f in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OutputSetError(f"the build manifest {MANIFEST} cannot be read ({exc}); rebuild with "
                             f"`kgraph build ARTICLES -o {where}`", path=str(where)) from exc
    for name, (size, sha) in sorted(wanted.items()):
        path = where / name
        found = path.stat().st_size if path.is_file() else None
        if found != size or _digest(path) != sha:
            state = "is missing" if found is None else "differs from it"
            raise OutputSetError(
                f"{name} {state}: the files here are not the one build {MANIFEST} lists (build {build}); "
                f"a build was interrupted or a file was edited. Rebuild with `kgraph build ARTICLES -o {where}`, "
                f"or delete {MANIFEST} to read the files as they are", path=str(where))
