"""Schema-conformant graphs (docs/graph-schema.md) for render tests and benchmarks.

The extraction pipeline is developed in parallel, so these graphs are built
by hand: a small diplomatic story with every node kind and structural edge,
statements across PLOVER classes, a negated statement and participation, a
planned and a cancelled meeting, and hostile article text.  The sentences are
written for these tests, not taken from the corpus.
"""
from __future__ import annotations

import random

import networkx as nx

HOSTILE_LABEL = 'Evil <img src=x onerror="window.__pwned=1"> Corp'
HOSTILE_SENTENCE = ("Officials said <script>window.__pwned=1</script> and then </script>"
                    "<img src=x onerror=\"window.__pwned=1\"> {{ 7*7 }} 'quoted' & \"double\".")
HOSTILE_ALIAS = "O'Brien \"the\" </script><script>window.__pwned=1</script> {{ config }}"
HOSTILE_PLACE = "Geneva</script><script>window.__pwned=1</script>"


def _node(g, node_id, kind, label, mentions, docs, **extra):
    attrs = {"kind": kind, "label": label, "mentions": mentions, "documents": list(docs)}
    if kind != "meeting":
        attrs["aliases"] = extra.pop("aliases", [label])
    attrs.update(extra)
    g.add_node(node_id, **attrs)


def _edge(g, u, v, relation, doc, idx, sentence, *, category="", negated=False, confidence=0.8, date=""):
    g.add_edge(u, v, relation=relation, category=category, negated=negated, doc_id=doc,
               sentence=sentence, sent_index=idx, confidence=confidence, date=date)


BENIGN = {HOSTILE_LABEL: "Silk Road Holdings", HOSTILE_SENTENCE: "The talks planned in Geneva were called off.",
          HOSTILE_ALIAS: "John Forbes Kerry", HOSTILE_PLACE: "Geneva"}


def diplomatic_graph(hostile: bool = True) -> nx.MultiDiGraph:
    """Twenty-one nodes, every kind and relation, plus hostile text in labels and sentences.

    ``hostile=False`` swaps the hostile strings for plain ones (same shape),
    for pictures such as docs/screenshot.png.
    """
    g = _diplomatic_graph()
    if hostile:
        return g
    plain = nx.MultiDiGraph(**g.graph)
    swap = (lambda v: BENIGN.get(v, v) if isinstance(v, str) else
            [BENIGN.get(x, x) for x in v] if isinstance(v, list) else v)
    plain.add_nodes_from((n, {k: swap(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    plain.add_edges_from((u, v, {k: swap(x) for k, x in d.items()}) for u, v, d in g.edges(data=True))
    return plain


def _diplomatic_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(kgraph_version="test", documents=4)
    for code, name, m in [("USA", "United States", 9), ("RUS", "Russia", 12), ("UKR", "Ukraine", 8),
                          ("DEU", "Germany", 5), ("FRA", "France", 4), ("CHN", "China", 2)]:
        _node(g, f"country:{code}", "country", name, m, ["d1", "d2", "d3"], iso3=code,
              aliases=[name, code])
    people = [("john-kerry", "John Kerry", "USA", "Secretary of State", 11, ["Kerry", HOSTILE_ALIAS]),
              ("sergei-lavrov", "Sergei Lavrov", "RUS", "Foreign Minister", 9, ["Lavrov"]),
              ("vladimir-putin", "Vladimir Putin", "RUS", "President", 14, ["Putin"]),
              ("angela-merkel", "Angela Merkel", "DEU", "Chancellor", 6, ["Merkel"]),
              ("francois-hollande", "Fran\u00e7ois Hollande", "FRA", "President", 5, ["Hollande"]),
              ("petro-poroshenko", "Petro Poroshenko", "", "President", 6, ["Poroshenko"])]
    for slug, name, country, role, m, aliases in people:
        extra = {"country": country} if country else {}
        _node(g, f"person:{slug}", "person", name, m, ["d1", "d2"], role=role,
              aliases=[name] + aliases, **extra)
    _node(g, "organization:nato", "organization", "NATO", 4, ["d3"], aliases=["NATO", "the alliance"])
    _node(g, "organization:evil-corp", "organization", HOSTILE_LABEL, 2, ["d4"], country="CHN")
    for slug, name, country in [("sochi", "Sochi", "RUS"), ("minsk", "Minsk", ""), ("geneva", HOSTILE_PLACE, "")]:
        _node(g, f"location:{slug}", "location", name, 3, ["d1"], **({"country": country} if country else {}))
    meetings = [
        ("meeting:a1", "Kerry and Putin meet in Sochi", "2015-05-12", "Tuesday", "Sochi", "visit", "held",
         ["john-kerry", "vladimir-putin", "sergei-lavrov"], "location:sochi", "d1", 0,
         "Kerry met Putin and Lavrov in Sochi on Tuesday."),
        ("meeting:b2", "Normandy format summit in Minsk", "2015-02-11", "February 11", "Minsk",
         "multilateral", "held", ["angela-merkel", "francois-hollande", "vladimir-putin", "petro-poroshenko"],
         "location:minsk", "d2", 2, "Merkel, Hollande, Putin and Poroshenko held talks in Minsk."),
        ("meeting:c3", "Kerry\u2013Lavrov phone call", "2015-03", "last month", "", "phone", "held",
         ["john-kerry", "sergei-lavrov"], None, "d3", 1, "Kerry spoke to Lavrov by phone last month."),
        ("meeting:d4", "Planned Geneva talks", "2015-06", "in June", HOSTILE_PLACE, "meet", "cancelled",
         ["john-kerry", "sergei-lavrov"], "location:geneva", "d4", 0, HOSTILE_SENTENCE),
    ]
    for mid, label, date, date_text, place, mode, status, who, where, doc, idx, sentence in meetings:
        _node(g, mid, "meeting", label, 1, [doc], date=date, date_text=date_text, location=place,
              mode=mode, status=status)
        for slug in who:
            _edge(g, f"person:{slug}", mid, "participant", doc, idx, sentence, category="CONSULT")
        if where:
            _edge(g, mid, where, "held_in", doc, idx, sentence)
    _edge(g, "person:john-kerry", "meeting:b2", "participant", "d2", 3,
          "Kerry did not attend the Minsk talks.", category="CONSULT", negated=True)
    for slug, country in [("john-kerry", "USA"), ("sergei-lavrov", "RUS"), ("petro-poroshenko", "UKR")]:
        _edge(g, f"person:{slug}", f"country:{country}", "affiliated_with", "d1", 0, "")
    _edge(g, "organization:evil-corp", "country:CHN", "affiliated_with", "d4", 1, HOSTILE_SENTENCE)
    _edge(g, "location:sochi", "country:RUS", "located_in", "d1", 0, "Kerry met Putin in Sochi.")
    _edge(g, "location:minsk", "country:UKR", "located_in", "d2", 2, "")
    statements = [
        ("country:USA", "country:RUS", "impose sanction on", "SANCTION", "d3", 4,
         "The United States imposed new sanctions on Russia.", False),
        ("person:vladimir-putin", "country:UKR", "accuse", "ACCUSE", "d2", 5,
         "Putin accused Ukraine of violating the ceasefire.", False),
        ("country:DEU", "country:UKR", "supply", "AID", "d2", 6, "Germany supplied aid to Ukraine.", False),
        ("person:john-kerry", "country:RUS", "urge", "REQUEST", "d1", 3,
         "Kerry urged Russia to respect the agreement.", False),
        ("person:sergei-lavrov", "person:john-kerry", "reject", "REJECT", "d1", 4,
         "Lavrov rejected Kerry's proposal.", False),
        ("person:sergei-lavrov", "country:UKR", "threaten", "THREATEN", "d3", 2,
         "Lavrov denied that Russia had threatened Ukraine.", True),
        ("country:FRA", "country:DEU", "agree with", "AGREE", "d2", 7,
         "France agreed with Germany on the next steps.", False),
        ("country:CHN", "country:RUS", "support", "SUPPORT", "d3", 5, "China backed Russia.", False),
        ("organization:nato", "country:RUS", "protest", "PROTEST", "d3", 6,
         "NATO protested against the deployment.", False),
        ("person:john-kerry", "person:sergei-lavrov", "meet", "CONSULT", "d1", 0,
         "Kerry met Putin and Lavrov in Sochi on Tuesday.", False),
        ("organization:evil-corp", "country:USA", "praise", "", "d4", 0, HOSTILE_SENTENCE, False),
        ("country:USA", "country:RUS", "impose sanction on", "SANCTION", "d4", 2,
         "Washington widened the sanctions on Moscow.", False),
    ]
    for u, v, rel, cat, doc, idx, sentence, neg in statements:
        _edge(g, u, v, rel, doc, idx, sentence, category=cat, negated=neg, date="2015")
    return g


KINDS = ("person", "organization", "location", "meeting")
RELATIONS = {"AGREE": "agree with", "CONSULT": "meet", "SUPPORT": "support", "AID": "supply",
             "COOPERATE": "cooperate with", "REQUEST": "urge", "ACCUSE": "accuse", "REJECT": "reject",
             "THREATEN": "threaten", "PROTEST": "protest", "SANCTION": "impose sanction on",
             "COERCE": "expel"}


def synthetic_graph(n_nodes: int = 5000, seed: int = 0) -> nx.MultiDiGraph:
    """A large random graph with the schema's shape: about 1.9 edges per node.

    Popularity is skewed (a few people appear everywhere), as in news.
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph(kgraph_version="synthetic", documents=n_nodes // 5)
    n_countries = min(150, max(2, n_nodes // 30))
    countries = [f"C{i:02d}{chr(65 + i % 26)}" for i in range(n_countries)]
    for code in countries:
        _node(g, f"country:{code}", "country", f"Country {code}", rng.randint(1, 80), ["s0"], iso3=code)
    rest = n_nodes - n_countries
    counts = {"person": int(rest * 0.55), "organization": int(rest * 0.1), "location": int(rest * 0.1)}
    counts["meeting"] = rest - sum(counts.values())
    actors, places = [], []
    for kind in ("person", "organization", "location"):
        for i in range(counts[kind]):
            node = f"{kind}:{kind[:3]}-{i}"
            code = rng.choice(countries)
            _node(g, node, kind, f"{kind.title()} {i}", 1 + int(rng.paretovariate(1.5)), [f"s{i % 97}"],
                  country=code)
            rel = "located_in" if kind == "location" else "affiliated_with"
            _edge(g, node, f"country:{code}", rel, f"s{i % 97}", 0, "")
            (places if kind == "location" else actors).append(node)
    weights = [1.0 / (1 + i) ** 0.7 for i in range(len(actors))]
    for i in range(counts["meeting"]):
        node = f"meeting:m{i:05d}"
        _node(g, node, "meeting", f"Meeting {i}", 1, [f"s{i % 97}"], date=f"2015-{1 + i % 12:02d}",
              date_text="", location="", mode="meet", status="held")
        for actor in set(rng.choices(actors, weights, k=rng.randint(2, 4))):
            _edge(g, actor, node, "participant", f"s{i % 97}", 1, f"Talks number {i}.", category="CONSULT")
        if places:
            _edge(g, node, rng.choice(places), "held_in", f"s{i % 97}", 1, f"Talks number {i}.")
    for i in range(int(len(actors) * 0.5)):
        u, v = rng.choices(actors, weights, k=2)
        category = rng.choice(sorted(RELATIONS))
        _edge(g, u, v, RELATIONS[category], f"s{i % 97}", 2, f"Statement number {i}.",
              category=category, negated=rng.random() < 0.05)
    return g
