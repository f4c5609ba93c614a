"""Writing a build's files into the output folder, all or nothing.

The folder keeps the layout users open (``output/graph.html`` ...), but each
of those names is a symlink into the build that is current::

    output/graph.html     -> .kgraph-current/graph.html     (made once)
    output/.kgraph-current -> .kgraph-build-<id>             (the one link a build swaps)
    output/.kgraph-build-<id>/graph.html ... .kgraph-manifest.json

A build writes every file into a private ``.kgraph-staging-*`` folder, adds
the manifest (:mod:`kgraph.manifest`), renames the folder to
``.kgraph-build-<id>`` and then replaces ``.kgraph-current`` with one
``os.replace``.  Before that rename the previous outputs are in place, after
it the new ones: a kill at any instant leaves one complete set.  Outputs of
an older kgraph (plain files) are first moved, unchanged, into a build
folder of their own, so the switch to links never shows a mix either.  The
next build removes staging and build folders a killed build left behind.
``met.graphml`` is written only on request: a build without it removes the
link to an earlier build's copy right after the swap (until then that link
already resolves into the current build, where the file is missing, so no
old file ever shows beside new ones).

Where the filesystem has no symlinks the files are moved one by one and
the manifest is written last; reading a graph from a mixed set then fails
with :class:`~kgraph.errors.OutputSetError` instead of mixing two builds.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from kgraph.errors import OutputError
from kgraph.manifest import MANIFEST, manifest_text

log = logging.getLogger(__name__)

OUTPUT_FILES = ("graph.graphml", "graph.html", "countries.html", "graph.json",
                "triples.csv", "entities.csv", "meetings.csv", "documents.csv", "dyads.csv",
                "countries.graphml", "met.graphml")
OPTIONAL_FILES = ("met.graphml",)  # written only when asked for; a build without one leaves no link to it
CURRENT = ".kgraph-current"
BUILD_PREFIX = ".kgraph-build-"
STAGING_PREFIX = ".kgraph-staging-"
_LOCK = ".kgraph-lock"
# the temporary name of a link before its rename (see _link); only these are ever removed
_HALF_LINK = re.compile(r"^\.(%s)\.[0-9a-f]{8}\.link$" % "|".join(
    re.escape(n) for n in OUTPUT_FILES + (MANIFEST, CURRENT)))


class OutputsReplaced(KeyboardInterrupt):
    """Interrupted after the swap: the new outputs are complete and in place."""


class _MixedOutputs(OutputError):
    """Without symlinks, a failure in the middle of the per-file moves (the message says so)."""


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


def write_outputs(graph: nx.MultiDiGraph, out_dir: str | os.PathLike, *, max_nodes: int = 300,
                  met_graph: bool = False) -> list[Path]:
    """Write GraphML, node-link JSON, the HTML pages and the CSV tables; return the final paths.

    Also ``dyads.csv`` and ``countries.graphml`` (country pairs, see
    :mod:`kgraph.query.projections`) and, with ``met_graph``, ``met.graphml``
    (people who met, weighted) for Gephi; without it a ``met.graphml`` of an
    earlier build is removed with the rest of that build.  On an error the
    previous outputs are in place (:class:`OutputError` says so); a Ctrl-C
    after the swap raises :class:`OutputsReplaced`.
    """
    out = check_output_dir(out_dir, create=True)
    with _locked(out):
        _remove_leftovers(out)
        staging = _make_staging(out)
        build = f"{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"
        written = [name for name in OUTPUT_FILES if met_graph or name not in OPTIONAL_FILES]
        try:
            try:
                _write_files(graph, staging, max_nodes, met_graph)
                _write_manifest(staging, build)
                if _links_work(staging):
                    _swap(out, staging, build)
                else:
                    _replace_each(out, staging)
                _remove_leftovers(out)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError as exc:
            if isinstance(exc, _MixedOutputs):
                raise
            if _current(out) == BUILD_PREFIX + build:
                log.warning("cleaning up after the build failed (%s); the new outputs are in place", exc)
                return [out / name for name in written]
            raise OutputError(f"writing outputs failed ({exc}); the previous outputs are in place",
                              path=str(out)) from exc
        except KeyboardInterrupt:
            if _current(out) == BUILD_PREFIX + build:
                raise OutputsReplaced("the new outputs are complete and in place") from None
            raise
    return [out / name for name in written]


def _write_files(graph, folder: Path, max_nodes, met_graph: bool) -> None:
    from kgraph.io import write_graphml, write_node_link
    from kgraph.query import dyads, projections
    from kgraph.render import write_country_html, write_html
    from kgraph.tables import write_rows, write_tables

    write_graphml(graph, folder / "graph.graphml")
    write_node_link(graph, folder / "graph.json")
    write_tables(graph, folder)
    write_html(graph, folder / "graph.html", max_nodes=max_nodes)
    write_country_html(graph, folder / "countries.html")
    dyad_rows = dyads.dyad_rows(graph)  # one count for dyads.csv and countries.graphml
    write_rows(dyad_rows, dyads.DYAD_COLUMNS, folder / "dyads.csv")
    write_graphml(projections.country_graph(graph, dyad_rows), folder / "countries.graphml")
    if met_graph:
        write_graphml(projections.met_graph(graph), folder / "met.graphml")


def _make_staging(out: Path) -> Path:
    try:
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        os.chmod(folder, 0o755)  # the build folder it becomes is read like the output folder
        return folder
    except OSError as exc:
        raise OutputError(f"cannot write into the output folder ({exc.strerror}); the previous outputs "
                          "are in place", path=str(out)) from exc


def _write_manifest(folder: Path, build: str) -> None:
    from kgraph.io import atomic_write

    text = manifest_text(folder, OUTPUT_FILES, build)
    with atomic_write(folder / MANIFEST) as handle:
        handle.write(text)


@contextlib.contextmanager
def _locked(out: Path):
    """One writer at a time per folder, so that no build removes another's staging folder."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here (Windows): builds into one folder must not overlap
        yield
        return
    with open(out / _LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _current(out: Path) -> str:
    try:
        return os.readlink(out / CURRENT)
    except OSError:
        return ""


def _links_work(folder: Path) -> bool:
    probe = folder / ".kgraph-link-probe"
    try:
        os.symlink("x", probe)
    except (OSError, NotImplementedError):
        return False
    os.unlink(probe)
    return True


def _link(out: Path, name: str, target: str) -> None:
    """Make ``out/name`` a symlink to ``target`` with one rename (readers see the old or the new)."""
    path = out / name
    if path.is_symlink() and os.readlink(path) == target:
        return
    tmp = out / f".{name}.{secrets.token_hex(4)}.link"
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _swap(out: Path, staging: Path, build: str) -> None:
    plain = [name for name in OUTPUT_FILES if (out / name).is_file() and not (out / name).is_symlink()]
    if plain:
        _adopt(out, plain)
    for name in OUTPUT_FILES + (MANIFEST,):
        # a plain file with no successor (met.graphml) still becomes a link to its adopted bytes
        if (staging / name).exists() or name in plain:
            _link(out, name, f"{CURRENT}/{name}")
    os.rename(staging, out / (BUILD_PREFIX + build))
    _link(out, CURRENT, BUILD_PREFIX + build)  # the switch from the old outputs to the new
    _sync(out)  # links left dangling go with the leftovers (write_outputs, right after)


def _drop_dangling(out: Path) -> None:
    """Remove the links to files the current build does not have (met.graphml of an earlier build).

    Such a link resolves into the current build, so it never shows an old
    file; it only dangles, and is removed here after the swap (and by the
    next build when a kill came first).
    """
    for name in OUTPUT_FILES:
        path = out / name
        if path.is_symlink() and os.readlink(path) == f"{CURRENT}/{name}" and not path.exists():
            with contextlib.suppress(OSError):
                path.unlink()


def _adopt(out: Path, plain: list[str]) -> None:
    """Move outputs written as plain files (older kgraph, no symlinks) into a build folder of their own.

    They become the current build first; the links that then replace the
    plain files show the same bytes, so the switch never shows a mix.
    """
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    for name in plain + ([MANIFEST] if (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink() else []):
        try:
            os.link(out / name, folder / name)
        except OSError:
            shutil.copy2(out / name, folder / name)
    build = BUILD_PREFIX + "adopted-" + secrets.token_hex(4)
    os.rename(folder, out / build)
    _link(out, CURRENT, build)


def _replace_each(out: Path, staging: Path) -> None:
    """Without symlinks: one rename per file, the manifest last (a mixed set fails to load).

    A file of an earlier build that this one did not write (met.graphml) is
    removed before the manifest arrives, while load still refuses the set.
    """
    names = [name for name in OUTPUT_FILES if (staging / name).exists()]
    stale = [name for name in OUTPUT_FILES
             if name not in names and ((out / name).is_file() or (out / name).is_symlink())]
    steps = [(os.replace, staging / name, out / name) for name in names]
    steps += [(os.unlink, out / name) for name in stale]
    steps.append((os.replace, staging / MANIFEST, out / MANIFEST))
    done = 0
    try:
        for change, *paths in steps:
            change(*paths)
            done += 1
    except BaseException as exc:
        if done == len(steps) and isinstance(exc, KeyboardInterrupt):
            raise OutputsReplaced("the new outputs are complete and in place") from None
        if done == 0:
            raise
        mixed = (f"{done} of {len(steps)} files are new (or removed), the others old (this filesystem has no "
                 "symlinks for a one-step swap); kgraph.load refuses the set until you build again")
        if isinstance(exc, KeyboardInterrupt):
            raise KeyboardInterrupt(mixed) from None
        raise _MixedOutputs(f"writing outputs failed ({exc}): {mixed}", path=str(out)) from exc
    _sync(out)


def _sync(folder: Path) -> None:
    """Make the renames durable: fsync the folder that holds them (where the OS allows it)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_leftovers(out: Path) -> None:
    """Staging folders, old builds and half-made links that an interrupted build left behind."""
    current = _current(out)
    for entry in out.iterdir():
        name = entry.name
        if name.startswith(STAGING_PREFIX) or (name.startswith(BUILD_PREFIX) and name != current):
            shutil.rmtree(entry, ignore_errors=True)
        elif _HALF_LINK.match(name) and entry.is_symlink():
            with contextlib.suppress(OSError):
                entry.unlink()
    _drop_dangling(out)
