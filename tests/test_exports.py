"""Exports for other tools: dyads.csv, countries.graphml, met.graphml, and GraphML keys Gephi reads as meant."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphs_query import build_graph
from kgraph.errors import GraphFormatError
from kgraph.io import read_graphml, write_graphml
from kgraph.outputs import write_outputs

NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    write_outputs(build_graph(), folder, met_graph=True)
    return folder


def keys(path):
    root = ET.parse(path).getroot()
    return {(k.get("for"), k.get("attr.name")) for k in root.iter(f"{NS}key")}


def test_dyads_csv_has_one_row_per_ordered_country_pair(out):
    rows = list(csv.DictReader((out / "dyads.csv").open(encoding="utf-8")))
    assert [(r["source"], r["target"], r["total"]) for r in rows][:3] == [
        ("USA", "RUS", "6"), ("RUS", "USA", "3"), ("RUS", "SYR", "2")]  # RUS -> USA: the 3 meetings
    assert rows[0]["CONSULT"] == "3" and rows[0]["SANCTION"] == "1" and rows[0]["target_name"] == "Russia"


def test_countries_graphml_is_a_weighted_country_digraph(out):
    g = nx.read_graphml(out / "countries.graphml")
    assert sorted(g.nodes) == ["country:DEU", "country:IRN", "country:RUS", "country:SYR", "country:UKR",
                               "country:USA"]  # Turkey, with no dyad, is left out
    edge = g.edges["country:USA", "country:RUS"]
    assert (edge["weight"], edge["CONSULT"], edge["cooperation"], edge["conflict"]) == (6, 3, 4, 2)
    assert edge["balance"] == pytest.approx(0.333) and edge["label"] == "United States \u2192 Russia: 6"
    assert g.nodes["country:RUS"]["label"] == "Russia"


def test_met_graphml_links_people_who_met(out):
    g = nx.read_graphml(out / "met.graphml")
    weights = {tuple(sorted((u, v))): d["weight"] for u, v, d in g.edges(data=True)}
    assert weights == {("person:john-kerry", "person:vladimir-putin"): 2,
                       ("person:john-kerry", "person:sergey-lavrov"): 1,
                       ("person:angela-merkel", "person:vladimir-putin"): 1}
    kerry_putin = g.edges["person:john-kerry", "person:vladimir-putin"]
    assert (kerry_putin["first_date"], kerry_putin["last_date"]) == ("2013", "2015-05-12")
    assert "person:barack-obama" not in g  # his attendance is denied


def test_met_graph_is_optional(tmp_path):
    write_outputs(build_graph(), tmp_path)
    assert (tmp_path / "countries.graphml").exists() and not (tmp_path / "met.graphml").exists()


def test_graphml_keys_other_tools_read_without_surprises(tmp_path):
    g = build_graph()
    g.add_edge("person:john-kerry", "country:RUS", relation="visit", start=12, end=40, doc_id="d9",
               sent_index=3, sentence="Kerry visited Russia.")
    path = tmp_path / "graph.graphml"
    write_graphml(g, path)
    names = {name for _, name in keys(path)}
    assert {"start", "end"}.isdisjoint(names) and {"char_start", "char_end", "edge_id", "label"} <= names
    plain = nx.read_graphml(path)  # what Gephi/igraph-style readers see
    ids = [d["edge_id"] for _, _, d in plain.edges(data=True)]
    assert len(ids) == len(set(ids)) == g.number_of_edges()
    assert all("label" in d for _, d in plain.nodes(data=True))
    back = read_graphml(path)  # kgraph's own reader gives back the original names
    data = [d for d in back.get_edge_data("person:john-kerry", "country:RUS").values() if d["relation"] == "visit"]
    assert data == [{"relation": "visit", "start": 12, "end": 40, "doc_id": "d9", "sent_index": 3,
                     "sentence": "Kerry visited Russia."}]
    clash = nx.MultiDiGraph()
    clash.add_edge("a", "b", char_start=1)
    with pytest.raises(GraphFormatError, match="reserved"):
        write_graphml(clash, tmp_path / "clash.graphml")
