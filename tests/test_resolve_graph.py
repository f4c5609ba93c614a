"""Resolution across documents and the graph contract (docs/graph-schema.md)."""
from __future__ import annotations

import json

import networkx as nx

from kgraph.graph import STRUCTURAL, build_graph
from kgraph.records import DocResult, Entity, Meeting, Participation, Provenance, Statement
from kgraph.resolve import resolve

P = Provenance("d1", 0, 0, 10, "Some sentence.")


def ent(key, kind, name, **kw):
    return Entity(key=key, kind=kind, name=name, aliases=(name,), provenance=(P,), **kw)


def test_people_merge_across_documents_by_surname_and_initial():
    a = DocResult("a", entities=(ent("person:kerry:j", "person", "John Kerry", role="Secretary of State"),))
    b = DocResult("b", entities=(ent("person:kerry:", "person", "Kerry", role="Secretary of State"),))
    c = DocResult("c", entities=(ent("person:kerry:m", "person", "Mary Kerry"),))
    res = resolve([a, b, c])
    nodes = sorted(res.entities)
    assert nodes == ["person:john-kerry", "person:mary-kerry"]
    assert res.key_to_node[("b", "person:kerry:")] == "person:john-kerry"  # the title says which Kerry
    assert res.entities["person:john-kerry"].label == "John Kerry"


def test_a_bare_surname_shared_by_two_people_joins_neither():
    a = DocResult("a", entities=(ent("person:johnson:a", "person", "Andrew Johnson"),))
    b = DocResult("b", entities=(ent("person:johnson:b", "person", "Boris Johnson"),))
    c = DocResult("c", entities=(ent("person:johnson:", "person", "Johnson"),))
    res = resolve([a, b, c])
    assert res.key_to_node[("c", "person:johnson:")] not in {"person:andrew-johnson", "person:boris-johnson"}
    only = resolve([a, c])
    assert only.key_to_node[("c", "person:johnson:")] == "person:andrew-johnson"  # the one Johnson there is


def test_middle_names_and_diacritics_are_one_person():
    a = DocResult("a", entities=(ent("person:erdogan:r", "person", "Recep Tayyip Erdoğan"),))
    b = DocResult("b", entities=(ent("person:erdogan:t", "person", "Tayyip Erdogan"),))
    res = resolve([a, b])
    assert len(res.entities) == 1


def test_acronym_and_short_place_forms_join_their_long_form():
    fund = Entity("organization:global environment fund", "organization", "Global Environment Fund",
                  aliases=("GEF", "Global Environment Fund"), provenance=(P,))
    a = DocResult("a", entities=(fund, ent("location:gaza strip", "location", "Gaza Strip")))
    b = DocResult("b", entities=(ent("organization:gef", "organization", "GEF"), ent("location:gaza", "location", "Gaza"),
                                 ent("organization:red cross", "organization", "RC")))
    res = resolve([a, b])
    assert res.key_to_node[("b", "organization:gef")] == res.key_to_node[("a", fund.key)]
    assert res.entities[res.key_to_node[("a", fund.key)]].label == "Global Environment Fund"
    assert res.key_to_node[("b", "location:gaza")] == res.key_to_node[("a", "location:gaza strip")]
    assert res.key_to_node[("b", "organization:red cross")] != res.key_to_node[("a", fund.key)]


def test_generic_institutions_are_one_node_per_country():
    us = ent("organization:inst:congress|USA", "organization", "Congress", country="USA")
    ar = ent("organization:inst:congress|ARG", "organization", "Argentine congress", country="ARG")
    bare = ent("organization:inst:congress", "organization", "Congress")
    res = resolve([DocResult("a", entities=(us,)), DocResult("b", entities=(ar,)), DocResult("c", entities=(bare,))])
    nodes = {res.key_to_node[(d, e.key)] for d, e in (("a", us), ("b", ar), ("c", bare))}
    assert len(nodes) == 3
    assert res.entities[res.key_to_node[("c", bare.key)]].country == ""


def test_meetings_merge_across_documents_only_when_compatible():
    people = (ent("person:a:x", "person", "Xi A"), ent("person:b:y", "person", "Yo B"))
    parts = (Participation("person:a:x"), Participation("person:b:y"))
    m1 = Meeting("m0", "summit", parts, date="2015-05-12", provenance=(P,))
    m2 = Meeting("m0", "summit", parts, date="2015-05", provenance=(P,))
    m3 = Meeting("m0", "summit", parts, date="2013", provenance=(P,))
    res = resolve([DocResult("a", entities=people, meetings=(m1,)), DocResult("b", entities=people, meetings=(m2,)),
                   DocResult("c", entities=people, meetings=(m3,))])
    assert len(res.meetings) == 2


def test_graph_follows_the_schema():
    entities = (
        ent("person:kerry:j", "person", "John Kerry", country="USA", role="Secretary of State"),
        ent("country:RUS", "country", "Russia", iso3="RUS"),
        ent("location:sochi", "location", "Sochi", country="RUS"),
    )
    meeting = Meeting("m0", "meet", (Participation("person:kerry:j"),), place="location:sochi",
                      date="2015-05-12", date_text="Tuesday", mode="visit", status="planned", provenance=(P,))
    stmt = Statement("person:kerry:j", "travel to", "country:RUS", "CONSULT", False, 0.7, "", "", P)
    g = build_graph([DocResult("d1", entities=entities, statements=(stmt,), meetings=(meeting,))])
    assert isinstance(g, nx.MultiDiGraph)
    assert g.graph["documents"] == 1 and g.graph["kgraph_version"]
    for n, d in g.nodes(data=True):
        assert d["kind"] in {"person", "organization", "country", "location", "meeting"}
        assert d["label"]
    assert g.nodes["country:RUS"]["iso3"] == "RUS"
    assert g.nodes["person:john-kerry"]["role"] == "Secretary of State"
    (mid,) = [n for n, d in g.nodes(data=True) if d["kind"] == "meeting"]
    assert mid.startswith("meeting:")
    m = g.nodes[mid]
    assert (m["date"], m["date_text"], m["location"], m["mode"], m["status"]) == ("2015-05-12", "Tuesday", "Sochi", "visit", "planned")
    rels = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    assert ("person:john-kerry", mid, "participant") in rels
    assert (mid, "location:sochi", "held_in") in rels
    assert ("location:sochi", "country:RUS", "located_in") in rels
    assert ("person:john-kerry", "country:USA", "affiliated_with") in rels
    assert ("person:john-kerry", "country:RUS", "travel to") in rels
    for u, v, d in g.edges(data=True):
        assert {"doc_id", "sentence", "sent_index", "confidence", "negated"} <= set(d)
        if d["relation"] not in STRUCTURAL:
            assert d["category"] == "CONSULT"


def test_same_input_same_graph():
    entities = (ent("country:RUS", "country", "Russia", iso3="RUS"), ent("country:USA", "country", "United States", iso3="USA"))
    stmt = Statement("country:USA", "impose sanction on", "country:RUS", "SANCTION", False, 0.7, "", "", P)
    r = DocResult("d1", entities=entities, statements=(stmt,))
    g1, g2 = build_graph([r]), build_graph([r])
    assert json.dumps(nx.node_link_data(g1, edges="edges"), sort_keys=True) == json.dumps(nx.node_link_data(g2, edges="edges"), sort_keys=True)


def test_created_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1431302400")
    assert build_graph([]).graph["created"] == "2015-05-11T00:00:00Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert "created" not in build_graph([]).graph


def test_docresult_round_trips_through_json():
    entities = (ent("country:RUS", "country", "Russia", iso3="RUS"),)
    meeting = Meeting("m0", "meet", (Participation("country:RUS", True, "host"),), provenance=(P,))
    stmt = Statement("country:RUS", "x", "country:RUS", "AID", True, 0.3, "2015", "070", P)
    r = DocResult("d", "T", "2015-01-01", 3, 30, entities, (stmt,), (meeting,))
    assert DocResult.from_dict(json.loads(json.dumps(r.to_dict()))) == r


def test_one_summit_in_two_articles_is_one_meeting(read):
    a = read("President Karl Holm met Chancellor Anna Berg in Bergen on Tuesday.", date="2015-05-12", doc_id="a")
    b = read("Chancellor Berg and Mr. Holm held talks in Bergen on Tuesday.", date="2015-05-13", doc_id="b")
    c = read("Karl Holm met Anna Berg in Bergen two years ago.", date="2015-05-13", doc_id="c")
    g = build_graph([a, b, c])
    meetings = {n: d for n, d in g.nodes(data=True) if d["kind"] == "meeting"}
    assert sorted(d["date"] for d in meetings.values()) == ["2013", "2015-05-12"]
    merged = next(d for d in meetings.values() if d["date"] == "2015-05-12")
    assert merged["documents"] == ["a", "b"]


def test_different_first_names_with_one_initial_stay_apart():
    a = DocResult("a", entities=(ent("person:trump:m", "person", "Melania Trump"),))
    b = DocResult("b", entities=(ent("person:trump:m", "person", "Mary Trump"),))
    c = DocResult("c", entities=(ent("person:lavrov:s", "person", "Sergey Lavrov"),
                                 ent("person:lavrov:s2", "person", "Sergei Lavrov")))
    assert sorted(resolve([a, b, c]).entities) == ["person:mary-trump", "person:melania-trump", "person:sergey-lavrov"]


def test_a_generational_suffix_makes_another_person():
    a = DocResult("a", entities=(ent("person:trump:d", "person", "Donald Trump"),))
    b = DocResult("b", entities=(ent("person:trump:d2", "person", "Donald Trump Jr."),))
    assert sorted(resolve([a, b]).entities) == ["person:donald-trump", "person:donald-trump-jr"]
