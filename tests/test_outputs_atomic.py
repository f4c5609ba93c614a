"""A build killed (SIGKILL) or interrupted (Ctrl-C) at any step of its write leaves one whole set of outputs.

The write is run in a forked child that kills itself right before its N-th
filesystem change (rename, replace, link, unlink, fsync ...), for every N,
over an output folder holding the outputs of an earlier build: written by
this kgraph (symlinked build folders), by an older kgraph (plain files), and
on a filesystem without symlinks (files moved one by one).  The earlier build
wrote the optional met.graphml and the new one does not: the old copy must
go with the rest of the old set, never survive beside the new one.
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

import kgraph  # noqa: E402
from kgraph.errors import OutputError, OutputSetError  # noqa: E402
from kgraph.io import write_graphml, write_node_link  # noqa: E402
from kgraph.tables import write_tables  # noqa: E402
from kgraph.query import projections  # noqa: E402
from kgraph.outputs import OUTPUT_FILES, OutputsReplaced, write_outputs  # noqa: E402
from kgraph.render import write_country_html, write_html  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

# the filesystem changes a write makes, and which argument names the path it changes
CHANGES = {"replace": 1, "rename": 1, "symlink": 1, "link": 1, "unlink": 0, "rmdir": 0}


def small(n: int) -> nx.MultiDiGraph:
    """Two different small graphs, so that an old and a new set never share a file."""
    g = nx.MultiDiGraph()
    g.add_node("country:FRA", kind="country", label=f"France {n}", iso3="FRA", mentions=n)
    g.add_node("person:a", kind="person", label=f"Ana Lind {n}", country="FRA", mentions=1)
    g.add_edge("person:a", "country:FRA", relation="visit", category="CONSULT", sentence=f"Ana went ({n}).",
               doc_id=f"d{n}", sent_index=0)
    return g


def files(out: Path) -> dict:
    return {name: (out / name).read_bytes() if (out / name).exists() else None for name in OUTPUT_FILES}


def plain_outputs(graph, out: Path) -> None:
    """The outputs as an older kgraph left them: plain files, no build folders."""
    out.mkdir()
    write_graphml(graph, out / "graph.graphml")
    write_node_link(graph, out / "graph.json")
    write_tables(graph, out)
    write_html(graph, out / "graph.html")
    write_country_html(graph, out / "countries.html")
    write_graphml(projections.met_graph(graph), out / "met.graphml")


class Counted:
    """Patch the filesystem changes so that ``action`` runs right before the ``at``-th one in ``out``.

    Changes inside a staging folder are not counted: until the swap they
    cannot touch the outputs.  ``at=0`` runs ``action`` at the first of them.
    """

    def __init__(self, monkeypatch, out: Path, at: int, action, no_links: bool = False):
        self.count, self.at, self.action, self.out = 0, at, action, str(out) + os.sep
        for name, arg in CHANGES.items():
            monkeypatch.setattr(os, name, self._wrap(getattr(os, name), arg))
        if no_links:
            def refuse(*args, **kwargs):
                raise OSError(1, "Operation not permitted")

            monkeypatch.setattr(os, "symlink", refuse)

    def _wrap(self, real, arg):
        def changed(*args, **kwargs):
            path = os.fspath(args[arg]) if len(args) > arg else ""
            if path.startswith(self.out) and ".kgraph-staging-" not in path:
                self.count += 1
                if self.count == self.at or (isinstance(self.at, range) and self.count in self.at):
                    self.action()
            elif self.at == 0 and ".kgraph-staging-" in path:  # at 0: while the staging folder is written
                self.at = -1
                self.action()
            return real(*args, **kwargs)

        return changed


def killed_at(out: Path, graph, at: int, no_links: bool) -> int:
    """Write ``graph`` into ``out`` in a child killed before its ``at``-th change; the child's change count."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read)
        try:
            with pytest.MonkeyPatch.context() as mp:
                counter = Counted(mp, out, at, lambda: os.kill(os.getpid(), signal.SIGKILL), no_links)
                write_outputs(graph, out)
            os.write(write, str(counter.count).encode())
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    told = os.read(read, 64)
    os.close(read)
    assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0
    return int(told) if told else -1


def loads_as(out: Path):
    """The node labels ``kgraph.load`` reads, or "refused" when it reports a mixed set."""
    try:
        return sorted(d["label"] for _, d in kgraph.load(out).graph.nodes(data=True))
    except OutputSetError:
        return "refused"


def earlier_outputs(earlier: str, graph, folder: Path) -> None:
    if earlier == "plain files":
        plain_outputs(graph, folder)
    elif earlier == "links":
        write_outputs(graph, folder, met_graph=True)
    else:
        with pytest.MonkeyPatch.context() as mp:
            Counted(mp, folder, -1, None, no_links=True)
            write_outputs(graph, folder, met_graph=True)


def check_state(out: Path, before: dict, after: dict, labels: tuple, no_links: bool, at: int) -> str:
    """'old' or 'new' (or 'refused' by load, only without symlinks); fails on a mixed set."""
    state = files(out)
    if no_links and loads_as(out) == "refused":
        return "refused"
    assert state in (before, after), f"a mixed set after a kill before change {at}"
    assert loads_as(out) == labels[state == after]
    return "new" if state == after else "old"


def test_sigkill_at_every_step_leaves_the_old_or_the_new_set(tmp_path):
    old, new = small(1), small(2)
    pristine, reference, out = tmp_path / "pristine", tmp_path / "reference", tmp_path / "out"
    write_outputs(old, pristine, met_graph=True)
    write_outputs(new, reference)
    before, after = files(pristine), files(reference)
    labels = (loads_as(pristine), loads_as(reference))
    assert before != after and None not in before.values() and after["met.graphml"] is None
    total, at, seen = None, 0, []
    while total is None or at <= total:
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(pristine, out, symlinks=True)
        count = killed_at(out, new, at, no_links=False)
        if count >= 0:  # not killed: it made fewer changes than ``at``
            total = count
        seen.append(check_state(out, before, after, labels, False, at))
        at += 1
    assert total >= 3 and seen[0] == "old" and seen[-1] == "new"
    write_outputs(new, out)  # the next build cleans up after the killed one
    assert files(out) == after and leftovers(out) == []


@pytest.mark.parametrize("earlier", ["plain files", "no symlinks"])  # links: the SIGKILL test above
def test_write_paused_at_every_step_shows_the_old_or_the_new_set(tmp_path, earlier):
    """What a kill right before each change would leave: the write pauses there and the folder is copied."""
    old, new = small(1), small(2)
    out, reference = tmp_path / "out", tmp_path / "reference"
    earlier_outputs(earlier, old, out)
    before, after = files(out), files_of(new, tmp_path)
    labels = (loads_as(out), files_of(new, reference, labels=True))
    assert before["met.graphml"] is not None and after["met.graphml"] is None
    copies: list[Path] = []

    def copy():
        copies.append(tmp_path / f"at-{len(copies) + 1}")
        shutil.copytree(out, copies[-1], symlinks=True)

    with pytest.MonkeyPatch.context() as mp:
        counter = Counted(mp, out, 1, copy, no_links=earlier == "no symlinks")
        counter.at = range(1, 10_000)  # every change
        write_outputs(new, out)
    assert len(copies) >= 3 and files(out) == after
    seen = [check_state(c, before, after, labels, earlier == "no symlinks", n) for n, c in enumerate(copies, 1)]
    # without symlinks the files move one by one: load refuses the set until the manifest comes last
    assert seen[0] == "old" and ("new" in seen if earlier != "no symlinks" else set(seen) == {"old", "refused"})
    messy = [c for c in copies if leftovers(c)]
    assert messy or earlier == "no symlinks"
    for folder in messy[:4] + [copies[-1]]:
        write_outputs(new, folder)  # the next build
        assert files(folder) == after and leftovers(folder) == []


def leftovers(folder: Path) -> list[str]:
    """What a killed build leaves: staging folders, a build that is not current, half-made links."""
    current = os.readlink(folder / ".kgraph-current") if (folder / ".kgraph-current").is_symlink() else ""
    return [p.name for p in folder.iterdir() if p.name.startswith(".kgraph-staging") or p.name.endswith(".link")
            or (p.name.startswith(".kgraph-build-") and p.name != current)]


@pytest.mark.parametrize("no_links", [False, True])
def test_ctrl_c_at_every_step_says_which_outputs_are_in_place(tmp_path, no_links):
    old, new = small(1), small(2)
    pristine, out = tmp_path / "pristine", tmp_path / "out"
    write_outputs(old, pristine, met_graph=True)
    before, after = files(pristine), files_of(new, tmp_path)
    at, done = 1, False
    while not done:
        def interrupt():
            raise KeyboardInterrupt

        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(pristine, out, symlinks=True)
        with pytest.MonkeyPatch.context() as mp:
            Counted(mp, out, at, interrupt, no_links)
            try:
                write_outputs(new, out)
                done = True
            except OutputsReplaced as exc:
                assert "new outputs are complete" in str(exc) and files(out) == after
            except KeyboardInterrupt as exc:
                if str(exc):  # only without symlinks: some files moved
                    assert no_links and "files are new" in str(exc) and loads_as(out) == "refused"
                else:
                    assert files(out) == before, f"Ctrl-C before change {at} said the old outputs are in place"
        at += 1
    assert at > 3


def files_of(graph, tmp_path: Path, labels: bool = False):
    """What a build of ``graph`` (without met.graphml) writes, or what load reads from it."""
    folder = tmp_path / "expected"
    write_outputs(graph, folder)
    return loads_as(folder) if labels else files(folder)


def test_failed_write_says_the_previous_outputs_are_in_place(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_outputs(small(1), out)
    before = files(out)
    import kgraph.render

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kgraph.render, "write_country_html", full)
    with pytest.raises(OutputError, match="previous outputs are in place"):
        write_outputs(small(2), out)
    assert files(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".kgraph-staging")]


def test_edited_file_is_reported_by_load(tmp_path):
    out = tmp_path / "out"
    write_outputs(small(1), out)
    (out / ".kgraph-current" / "triples.csv").write_text("edited\n")
    with pytest.raises(OutputSetError, match="triples.csv differs") as caught:
        kgraph.load(out)
    assert caught.value.exit_code == 5 and "kgraph build" in str(caught.value)
    (out / ".kgraph-manifest.json").unlink()
    assert kgraph.load(out).graph.number_of_nodes() == 2


@pytest.mark.parametrize("no_links", [False, True])
def test_build_without_met_graph_leaves_no_met_graphml_of_an_earlier_build(tmp_path, no_links):
    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as mp:
        Counted(mp, out, -1, None, no_links)
        write_outputs(small(1), out, met_graph=True)
        assert (out / "met.graphml").is_file()
        written = write_outputs(small(2), out)
    assert not (out / "met.graphml").exists() and not (out / "met.graphml").is_symlink()
    assert out / "met.graphml" not in written and all(path.is_file() for path in written)
    assert "met.graphml" not in (out / ".kgraph-manifest.json").read_text()
    assert loads_as(out) == ["Ana Lind 2", "France 2"]
    write_outputs(small(3), out, met_graph=True)  # asked for again: back, and listed
    assert (out / "met.graphml").is_file() and "met.graphml" in (out / ".kgraph-manifest.json").read_text()
