"""Whole builds: all-or-nothing outputs, byte-identical rebuilds, and resolution/writers on any text."""
from __future__ import annotations

import string

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.cli import main
from kgraph.graph import build_graph
from kgraph.io import write_graphml
from kgraph.outputs import OUTPUT_FILES
from kgraph.records import DocResult, Entity, Meeting, Participation, Provenance, Statement

ARTICLE = ("Chancellor Anna Berg of Norway traveled to Stockholm on Monday to meet with "
           "Prime Minister Lars Holm. Mr. Holm said Sweden would send aid to Norway.\n")


def _build(src, out, *extra):
    return main(["build", str(src), "-o", str(out), "--date", "2015-05-11", "--no-progress", *extra])


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return src


@pytest.mark.e2e
def test_failure_while_writing_leaves_previous_outputs_identical(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert _build(corpus, out) == 0
    before = {name: (out / name).read_bytes() for name in OUTPUT_FILES if (out / name).exists()}
    assert "graph.graphml" in before and "graph.html" in before

    (corpus / "b.txt").write_text("Lars Holm met Anna Berg in Oslo on Tuesday.\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise OSError(28, "No space left on device")

    import kgraph.render

    monkeypatch.setattr(kgraph.render, "write_country_html", explode)
    assert _build(corpus, out) == 6
    after = {name: (out / name).read_bytes() for name in OUTPUT_FILES if (out / name).exists()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".kgraph-staging")]


@pytest.mark.e2e
def test_two_builds_give_identical_files(corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert _build(corpus, a, "--no-cache") == 0
    assert _build(corpus, b, "--no-cache") == 0
    for name in ("graph.graphml", "graph.json", "triples.csv", "entities.csv", "meetings.csv", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_output_path_that_is_a_file_fails_before_any_work(corpus, tmp_path, capsys):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    assert _build(corpus, target) == 6
    assert "not a folder" in capsys.readouterr().err


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NAME = st.text(alphabet=string.ascii_letters + " .'’-<>\"{}&" + "ÄÖüçğšž", min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(NAME, min_size=1, max_size=6), sentence=TEXT, huge=st.booleans())
def test_resolution_and_writers_survive_any_text(tmp_path, names, sentence, huge):
    if huge:
        sentence = sentence * 200
    prov = Provenance("doc\x00\u2028", 0, 0, len(sentence), sentence)
    ents = tuple(
        Entity(key=f"person:{i}:{n[:1]}", kind="person", name=n, aliases=(n, n.upper()), provenance=(prov,))
        for i, n in enumerate(names)
    ) + (Entity(key="country:NOR", kind="country", name="Norway", iso3="NOR", provenance=(prov,)),)
    stmt = Statement(ents[0].key, sentence[:50] or "x", "country:NOR", "AID", False, 0.5, "", "", prov)
    meet = Meeting("m0", "meet", tuple(Participation(e.key) for e in ents[:2]), provenance=(prov,))
    g = build_graph([DocResult("d\t1", entities=ents, statements=(stmt,), meetings=(meet,))])
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
