"""GraphML / node-link / CSV files: round trips, determinism, hostile text, atomic writes."""
from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphs_query import SCHEMA_EDGE_ATTRS, SCHEMA_GRAPH_ATTRS, SCHEMA_NODE_ATTRS, S, build_graph
from kgraph.errors import GraphFormatError, InputNotFoundError, OutputError
from kgraph.io import atomic_write, clean_text, read_graphml, read_node_link, write_graphml, write_node_link
from kgraph.tables import graph_tables, write_tables

NS = "{http://graphml.graphdrawing.org/xmlns}"


def edge_list(g):
    return sorted(((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)), key=repr)


def assert_same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert isinstance(b, nx.MultiDiGraph)
    assert a.graph == b.graph
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert edge_list(a) == edge_list(b)


def test_test_graph_covers_every_schema_attribute():
    g = build_graph()
    assert SCHEMA_NODE_ATTRS <= {k for _, d in g.nodes(data=True) for k in d}
    assert SCHEMA_EDGE_ATTRS <= {k for _, _, d in g.edges(data=True) for k in d}
    assert SCHEMA_GRAPH_ATTRS <= set(g.graph)


def test_graphml_round_trip_is_exact(tmp_path):
    g = build_graph()
    write_graphml(g, tmp_path / "g.graphml")
    back = read_graphml(tmp_path / "g.graphml")
    assert_same(g, back)
    kerry = back.nodes["person:john-kerry"]
    assert kerry["aliases"] == ["John Kerry", "Kerry", "Mr. Kerry"] and kerry["documents"] == ["d1", "d2"]
    assert type(kerry["mentions"]) is int and back.graph["documents"] == 2
    edge = back.edges["country:USA", "country:RUS", 0]
    assert edge["negated"] is False and type(edge["sent_index"]) is int and edge["confidence"] == 0.9
    assert back.nodes["meeting:m4"]["date"] == ""  # empty strings come back as empty strings


def test_plain_networkx_reads_the_file_with_labels_and_unique_edge_ids(tmp_path):
    g = build_graph()
    write_graphml(g, tmp_path / "g.graphml")
    plain = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert plain.number_of_nodes() == g.number_of_nodes() and plain.number_of_edges() == g.number_of_edges()
    assert json.loads(plain.nodes["person:john-kerry"]["aliases"]) == ["John Kerry", "Kerry", "Mr. Kerry"]
    assert all(d.get("label") for _, d in plain.nodes(data=True))
    assert all(d.get("label") for _, _, d in plain.edges(data=True))
    root = ET.parse(tmp_path / "g.graphml").getroot()
    ids = [e.get("id") for e in root.iter(f"{NS}edge")]
    assert len(ids) == len(set(ids)) == g.number_of_edges()
    key_ids = {k.get("id") for k in root.iter(f"{NS}key")}
    assert "node_label" in key_ids and not key_ids & {"d3", "d7"}
    types = {(k.get("attr.name"), k.get("for")): k.get("attr.type") for k in root.iter(f"{NS}key")}
    assert types["mentions", "node"] == "int" and types["confidence", "edge"] == "double"
    assert types["negated", "edge"] == "boolean" and types["sentence", "edge"] == "string"


def test_parallel_edges_survive_and_single_edges_stay_multigraph(tmp_path):
    g = build_graph()
    write_graphml(g, tmp_path / "g.graphml")
    back = read_graphml(tmp_path / "g.graphml")
    assert {d["relation"] for d in back.get_edge_data("country:RUS", "country:SYR").values()} == {"supply", "support"}
    single = nx.MultiDiGraph()
    single.add_edge("a", "b", relation="meet")
    write_graphml(single, tmp_path / "s.graphml")
    assert isinstance(read_graphml(tmp_path / "s.graphml"), nx.MultiDiGraph)


def test_string_edge_keys_and_json_looking_text_round_trip(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", kind="person", label="[1, 2]", aliases=[], note={"z": [1, None], "a": "b"})
    g.add_edge("a", "a", key="participant", relation="meet", sentence='["not", "a list"]')
    g.add_edge("a", "a", key=7, relation="meet")
    write_graphml(g, tmp_path / "g.graphml")
    assert_same(g, read_graphml(tmp_path / "g.graphml"))


def test_same_graph_gives_same_bytes_whatever_the_insertion_order(tmp_path):
    g = build_graph()
    shuffled = nx.MultiDiGraph(**dict(reversed(list(g.graph.items()))))
    for node, data in reversed(list(g.nodes(data=True))):
        shuffled.add_node(node, **dict(reversed(list(data.items()))))
    for u, v, k, data in reversed(list(g.edges(keys=True, data=True))):
        shuffled.add_edge(u, v, key=k, **dict(reversed(list(data.items()))))
    write_graphml(g, tmp_path / "a.graphml")
    write_graphml(shuffled, tmp_path / "b.graphml")
    write_graphml(g, tmp_path / "c.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "c.graphml").read_bytes()
    write_node_link(g, tmp_path / "a.json")
    write_node_link(shuffled, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_hostile_text_is_cleaned_so_the_file_reads_back(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("person:x\x01y", kind="person", label="Null\x00 <script>alert('x')</script> & \x1b[31m",
               aliases=["tab\there", "nul\x00"], role="line\r\nbreak\rcr", mentions=np.int64(3),
               weight=np.float32(0.5), flag=np.bool_(True), missing=None, bad="\ufffe\ud800ok")
    g.add_edge("person:x\x01y", "person:x\x01y", relation="say", sentence="]]> </data> \x0b\x0c end")
    write_graphml(g, tmp_path / "h.graphml")
    back = read_graphml(tmp_path / "h.graphml")
    data = back.nodes["person:xy"]
    assert data["label"] == "Null <script>alert('x')</script> & [31m"
    assert data["aliases"] == ["tab\there", "nul\x00"]  # inside JSON, control characters are escaped, not lost
    assert data["role"] == "line\nbreak\ncr" and data["bad"] == "ok"
    assert data["mentions"] == 3 and data["weight"] == 0.5 and data["flag"] is True and "missing" not in data
    assert back.edges["person:xy", "person:xy", 0]["sentence"] == "]]> </data>  end"


def test_writers_do_not_mutate_their_input(tmp_path):
    g = build_graph()
    g.nodes["person:john-kerry"]["score"] = np.float64(1.5)
    g.nodes["person:john-kerry"]["nothing"] = None
    before = copy.deepcopy(g)
    write_graphml(g, tmp_path / "g.graphml")
    write_node_link(g, tmp_path / "g.json")
    write_tables(g, tmp_path / "tables")
    assert_same(before, g)
    assert "nothing" in g.nodes["person:john-kerry"] and "label" not in g.edges["country:USA", "country:RUS", 0]


def test_node_link_round_trip_keeps_lists_and_none(tmp_path):
    g = build_graph()
    g.nodes["person:john-kerry"]["nothing"] = None
    write_node_link(g, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    assert_same(g, read_node_link(tmp_path / "g.json"))


def test_interrupted_graphml_write_leaves_the_previous_file_untouched(tmp_path, monkeypatch):
    target = tmp_path / "graph.graphml"
    write_graphml(build_graph(), target)
    before = target.read_bytes()

    def crash(self, handle, **kwargs):
        handle.write(b"<?xml version='1.0'?><graphml><gra")
        raise KeyboardInterrupt

    monkeypatch.setattr(ET.ElementTree, "write", crash)
    with pytest.raises(KeyboardInterrupt):
        write_graphml(nx.MultiDiGraph(), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml"]


def test_atomic_write_failures(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old\n" and len(list(tmp_path.iterdir())) == 1
    with atomic_write(target) as fh:
        fh.write("new\n")
    assert target.read_text() == "new\n" and (target.stat().st_mode & 0o777) == 0o640

    def no_rename(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OutputError, match="previous file is unchanged"):
        with atomic_write(target) as fh:
            fh.write("newer\n")
    assert target.read_text() == "new\n" and len(list(tmp_path.iterdir())) == 1
    with pytest.raises(OutputError, match="does not exist"):
        with atomic_write(tmp_path / "no" / "such.csv"):
            pass


def test_reading_bad_files_raises_typed_errors(tmp_path):
    with pytest.raises(InputNotFoundError):
        read_graphml(tmp_path / "missing.graphml")
    (tmp_path / "bad.graphml").write_text("<graphml><graph>")
    with pytest.raises(GraphFormatError, match="bad.graphml"):
        read_graphml(tmp_path / "bad.graphml")
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(GraphFormatError):
        read_node_link(tmp_path / "bad.json")


def test_foreign_graphml_json_array_strings_become_lists(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("country:RUS", kind="country", label="Russia", aliases='["Russia", "Russian"]', note="[oops")
    nx.write_graphml(g, tmp_path / "nx.graphml")
    back = read_graphml(tmp_path / "nx.graphml")
    assert back.nodes["country:RUS"]["aliases"] == ["Russia", "Russian"]
    assert back.nodes["country:RUS"]["note"] == "[oops"


def test_tables_hold_one_statement_entity_meeting_per_row(tmp_path):
    g = build_graph()
    tables = graph_tables(g)
    triples = tables["triples"]
    assert len(triples) == 10  # every non-structural edge, none of the participant/held_in/... edges
    assert list(triples.columns) == ["subject", "subject_id", "relation", "object", "object_id", "category",
                                     "negated", "confidence", "date", "date_source", "doc_id", "doc_title",
                                     "doc_date", "doc_url", "sent_index", "sentence"]
    first = triples.iloc[0].to_dict()
    assert first["subject"] == "John Kerry" and first["sent_index"] == 0 and first["doc_id"] == "d1"
    obama = triples[triples.subject == "Barack Obama"].iloc[0]
    assert bool(obama.negated) and obama.object == "Moscow" and obama.sentence == S["d1", 19]
    entities = tables["entities"].set_index("id")
    assert entities.loc["person:john-kerry", "aliases"] == "John Kerry; Kerry; Mr. Kerry"
    assert entities.loc["country:RUS", "iso3"] == "RUS" and "meeting:m1" not in entities.index
    meetings = tables["meetings"].set_index("id")
    assert meetings.loc["meeting:m5", "participants"] == ""
    assert meetings.loc["meeting:m5", "negated_participants"] == "Barack Obama"
    assert meetings.loc["meeting:m1", "participants"] == "John Kerry; Vladimir V. Putin"
    assert meetings.loc["meeting:m1", "sentences"] == S["d1", 0] + "\n" + S["d1", 1]

    paths = write_tables(g, tmp_path / "out")
    assert [p.name for p in paths] == ["triples.csv", "entities.csv", "meetings.csv", "documents.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "meetings.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [f"meeting:m{i}" for i in range(1, 7)]
    assert rows[1]["date"] == "2015-03-02" and rows[1]["location"] == "Geneva" and rows[1]["doc_ids"] == "d2"
    again = write_tables(build_graph(), tmp_path / "again")
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]


# -- property test --------------------------------------------------------
any_char = st.characters(codec=None, exclude_categories=())
odd_text = st.one_of(
    st.text(any_char, max_size=40),
    st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010, exclude_categories=()), max_size=8),  # surrogates
    st.text(st.characters(max_codepoint=0x20, exclude_categories=()), max_size=8),  # control characters
    st.sampled_from(["", " ", "\t\n", "\u00a0\u2028\u2029", "\r\n\r", "\x00" * 5, "[]", '["x"]', "null"]),
    st.builds(lambda c, n: c * n, st.characters(codec=None, exclude_categories=()), st.integers(5_000, 60_000)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(labels=st.lists(odd_text, min_size=1, max_size=5), sentences=st.lists(odd_text, max_size=6),
       aliases=st.lists(odd_text, max_size=3))
def test_any_unicode_text_gives_a_readable_graphml(tmp_path_factory, labels, sentences, aliases):
    g = nx.MultiDiGraph()
    for i, text in enumerate(labels):
        g.add_node(f"n{i}:{text[:20]}", kind="person", label=text, aliases=aliases)
    nodes = list(g.nodes)
    for j, sentence in enumerate(sentences):
        g.add_edge(nodes[j % len(nodes)], nodes[(j * 7) % len(nodes)], relation="say", sentence=sentence)
    path = tmp_path_factory.mktemp("prop") / "g.graphml"
    write_graphml(g, path)
    back = read_graphml(path)
    nx.read_graphml(path, force_multigraph=True)  # a plain reader copes as well
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert sorted(d["label"] for _, d in back.nodes(data=True)) == sorted(clean_text(t) for t in labels)
    assert sorted(d["sentence"] for _, _, d in back.edges(data=True)) == sorted(clean_text(s) for s in sentences)
    # inside JSON lists control characters are escaped, so only surrogates and U+FFFE/U+FFFF go
    expected = [re.sub("[\ud800-\udfff\ufffe\uffff]", "", a) for a in aliases]
    assert all(d["aliases"] == expected for _, d in back.nodes(data=True))
