"""A small hand-built graph that follows docs/graph-schema.md, for the IO and query tests.

It mirrors the seed article (Kerry in Sochi, Kerry and Lavrov in Geneva,
Merkel in Moscow, Obama *not* at the Moscow celebrations) plus a few traps:
a place called Kerry, three nodes answering to "Ford", a person whose
country is known only through an affiliated_with edge, and parallel edges.
Every schema attribute occurs at least once (``SCHEMA_*`` below list them).
"""
from __future__ import annotations

import networkx as nx

SCHEMA_NODE_ATTRS = {"kind", "label", "aliases", "iso3", "country", "role", "mentions", "documents", "date",
                     "date_text", "location", "mode", "status"}
SCHEMA_EDGE_ATTRS = {"relation", "category", "negated", "doc_id", "sentence", "sent_index", "confidence", "date"}
SCHEMA_GRAPH_ATTRS = {"kgraph_version", "documents", "created"}

S = {  # (doc_id, sent_index) -> sentence
    ("d1", 0): "Secretary of State John Kerry traveled to Russia on Monday to meet with President Vladimir V. Putin.",
    ("d1", 1): "The meeting will be held on Tuesday in the Black Sea city of Sochi.",
    ("d1", 2): "The Obama administration has sought to isolate Mr. Putin because of his military intervention "
               "in Ukraine.",
    ("d1", 7): "Two years ago, Mr. Kerry met with Mr. Putin in Moscow.",
    ("d1", 12): "Russia, which has long supported the Syrian government, has supplied it with arms.",
    ("d1", 13): "But Iran has provided more military and financial support.",
    ("d1", 16): "The State Department charged that the Russian was continuing to violate a cease-fire accord.",
    ("d1", 19): "Mr. Obama and other Western leaders did not attend celebrations on Saturday in Moscow.",
    ("d1", 20): "Chancellor Angela Merkel of Germany traveled to Moscow to meet with Mr. Putin.",
    ("d1", 22): "The United States has imposed economic sanctions on Russia.",
    ("d1", 25): "Mr. Kerry has worked with Sergey V. Lavrov in the Iran nuclear talks.",
    ("d1", 30): "Mr. Kerry will travel to Turkey later in the day for a meeting of NATO foreign ministers.",
    ("d2", 0): "U.S. Secretary of State John Kerry meets with Russian Foreign Minister Sergey Lavrov in Geneva, "
               "on March 2, 2015.",
}


def _prov(doc: str, index: int) -> dict:
    return {"doc_id": doc, "sent_index": index, "sentence": S[doc, index]}


def _entity(g, node, kind, label, aliases, mentions=1, documents=("d1",), **extra):
    g.add_node(node, kind=kind, label=label, aliases=list(aliases), mentions=mentions,
               documents=list(documents), **extra)


def build_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(kgraph_version="0.1.0", documents=2, created="2015-05-11T00:00:00+00:00")
    person = "person"
    _entity(g, "person:john-kerry", person, "John Kerry", ["John Kerry", "Kerry", "Mr. Kerry"], 9,
            ("d1", "d2"), country="USA", role="Secretary of State")
    _entity(g, "person:vladimir-putin", person, "Vladimir V. Putin", ["Vladimir V. Putin", "Mr. Putin"], 6,
            country="RUS", role="President")
    _entity(g, "person:sergey-lavrov", person, "Sergey V. Lavrov", ["Sergey V. Lavrov", "Sergey Lavrov"], 2,
            ("d1", "d2"), country="RUS", role="Foreign Minister")
    _entity(g, "person:angela-merkel", person, "Angela Merkel", ["Angela Merkel"], 1, role="Chancellor")
    _entity(g, "person:barack-obama", person, "Barack Obama", ["Obama", "Mr. Obama"], 4, country="USA",
            role="President")
    _entity(g, "person:robert-ford", person, "Robert Ford", ["Robert Ford", "Ford", "Mr. Ford"], 3, country="USA")
    _entity(g, "person:gerald-ford", person, "Gerald Ford", ["Gerald Ford", "Ford"], 1, country="USA")
    _entity(g, "organization:ford", "organization", "Ford Motor Company", ["Ford"], 10, country="USA")
    _entity(g, "organization:nato", "organization", "NATO", ["NATO"], 1)
    _entity(g, "organization:state-department", "organization", "State Department", ["State Department"], 2,
            country="USA")
    for iso3, name, aliases in [("USA", "United States", ["United States", "U.S.", "America", "American"]),
                                ("RUS", "Russia", ["Russia", "Russian"]), ("DEU", "Germany", ["Germany"]),
                                ("SYR", "Syria", ["Syria", "Syrian"]), ("IRN", "Iran", ["Iran"]),
                                ("TUR", "Turkey", ["Turkey"]), ("UKR", "Ukraine", ["Ukraine"])]:
        _entity(g, f"country:{iso3}", "country", name, aliases, 2, iso3=iso3)
    _entity(g, "location:sochi", "location", "Sochi", ["Sochi"], 2, country="RUS")
    _entity(g, "location:moscow", "location", "Moscow", ["Moscow"], 4, country="RUS")
    _entity(g, "location:geneva", "location", "Geneva", ["Geneva"], 1, ("d2",), country="CHE")
    _entity(g, "location:kerry", "location", "County Kerry", ["Kerry"], 1, country="IRL")

    rel = g.add_edge
    rel("location:sochi", "country:RUS", relation="located_in")
    rel("location:moscow", "country:RUS", relation="located_in")
    rel("person:angela-merkel", "country:DEU", relation="affiliated_with", role="Chancellor", **_prov("d1", 20))
    rel("person:john-kerry", "organization:state-department", relation="affiliated_with",
        role="Secretary of State", **_prov("d1", 0))

    meetings = [  # id, label, participants (negated?), place, date, date_text, mode, status, sentences
        ("meeting:m1", "John Kerry, Vladimir V. Putin in Sochi", [("person:john-kerry", False),
         ("person:vladimir-putin", False)], "location:sochi", "2015-05-12", "Tuesday", "visit", "planned",
         [("d1", 0), ("d1", 1)]),
        ("meeting:m2", "John Kerry, Sergey V. Lavrov in Geneva", [("person:john-kerry", False),
         ("person:sergey-lavrov", False)], "location:geneva", "2015-03-02", "March 2, 2015", "meet", "held",
         [("d2", 0)]),
        ("meeting:m3", "John Kerry, Vladimir V. Putin in Moscow", [("person:john-kerry", False),
         ("person:vladimir-putin", False)], "location:moscow", "2013", "Two years ago", "meet", "held",
         [("d1", 7)]),
        ("meeting:m4", "Angela Merkel, Vladimir V. Putin in Moscow", [("person:angela-merkel", False),
         ("person:vladimir-putin", False)], "location:moscow", "", "", "visit", "held", [("d1", 20)]),
        ("meeting:m5", "celebrations in Moscow", [("person:barack-obama", True)], "location:moscow",
         "2015-05-09", "Saturday", "multilateral", "held", [("d1", 19)]),
        ("meeting:m6", "NATO foreign ministers in Turkey", [("person:john-kerry", False),
         ("organization:nato", False)], "country:TUR", "2015-05-12", "later in the day", "multilateral",
         "planned", [("d1", 30)]),
    ]
    for node, label, people, place, date, date_text, mode, status, sentences in meetings:
        g.add_node(node, kind="meeting", label=label, date=date, date_text=date_text,
                   location=g.nodes[place]["label"], mode=mode, status=status, mentions=len(sentences),
                   documents=sorted({d for d, _ in sentences}))
        for who, negated in people:
            for doc, index in sentences[:1]:
                rel(who, node, relation="participant", negated=negated, confidence=0.8, **_prov(doc, index))
        doc, index = sentences[-1]
        rel(node, place, relation="held_in", confidence=0.7, **_prov(doc, index))

    statements = [  # subject, relation, object, category, negated, date, (doc, sentence), confidence
        ("person:john-kerry", "travel to", "country:RUS", "CONSULT", False, "2015-05-11", ("d1", 0), 0.8),
        ("person:john-kerry", "meet", "person:vladimir-putin", "CONSULT", False, "2015-05-12", ("d1", 0), 0.8),
        ("person:vladimir-putin", "intervene in", "country:UKR", "ASSAULT", False, "", ("d1", 2), 0.5),
        ("country:RUS", "supply", "country:SYR", "AID", False, "", ("d1", 12), 0.9),
        ("country:RUS", "support", "country:SYR", "SUPPORT", False, "", ("d1", 12), 0.6),
        ("country:IRN", "provide support to", "country:SYR", "AID", False, "", ("d1", 13), 0.7),
        ("organization:state-department", "charge", "country:RUS", "ACCUSE", False, "2015-04", ("d1", 16), 0.6),
        ("person:barack-obama", "attend", "location:moscow", "CONSULT", True, "2015-05-09", ("d1", 19), 0.7),
        ("country:USA", "impose sanction on", "country:RUS", "SANCTION", False, "", ("d1", 22), 0.9),
        ("person:john-kerry", "work with", "person:sergey-lavrov", "COOPERATE", False, "", ("d1", 25), 0.6),
    ]
    for subject, relation, obj, category, negated, date, (doc, index), confidence in statements:
        rel(subject, obj, relation=relation, category=category, negated=negated, date=date,
            confidence=confidence, **_prov(doc, index))
    return g
