"""Smaller graphs for network analysis: countries that deal with each other, people who met.

The knowledge graph mixes five node kinds and keeps one edge per sentence,
which is right for provenance but not for centrality, communities or Gephi.
These projections fold it into one node kind with one weighted edge per
pair, ready for ``networkx`` algorithms and for :func:`kgraph.io.write_graphml`
(``countries.graphml``, ``met.graphml``):

* :func:`country_graph`: a ``DiGraph`` of countries, one edge per ordered
  pair with the dyad counts of :mod:`kgraph.query.dyads` (``weight`` is the
  total; the 16 PLOVER counts, the quad classes, ``cooperation``,
  ``conflict``); countries without any dyad are left out;
* :func:`met_graph`: an undirected ``Graph`` of people, one edge per pair who
  took part (not negated) in the same meeting, ``weight`` = number of
  meetings, with their ids and first/last dates.

Attribute names avoid ``start``/``end`` (Gephi reads them as time intervals).
"""
from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx

from kgraph import schema
from kgraph.io import attr_bool
from kgraph.query import dyads as dyad_table
from kgraph.tables import label

_COUNT_COLUMNS = [c for c in dyad_table.DYAD_COLUMNS if c not in ("source", "target", "source_name", "target_name")]


def country_graph(graph: nx.MultiDiGraph, rows: list[dict] | None = None, **filters) -> nx.DiGraph:
    """Countries and their dyads (``filters`` as :func:`kgraph.query.dyads.events`, already checked;
    ``rows``: the :func:`kgraph.query.dyads.dyad_rows` of ``graph`` when the caller has them)."""
    out = nx.DiGraph(kind="countries", weight="total dyad events (meetings count as CONSULT)")
    for row in dyad_table.dyad_rows(graph, **filters) if rows is None else rows:
        for code, name in ((row["source"], row["source_name"]), (row["target"], row["target_name"])):
            out.add_node(f"country:{code}", kind=schema.COUNTRY, iso3=code, label=name)
        counts = {c: int(row[c]) for c in _COUNT_COLUMNS}
        out.add_edge(f"country:{row['source']}", f"country:{row['target']}", weight=counts["total"],
                     label=f"{row['source_name']} \u2192 {row['target_name']}: {counts['total']}",
                     balance=_balance(counts["cooperation"], counts["conflict"]), **counts)
    return out


def _balance(cooperation: int, conflict: int) -> float:
    """From -1 (all conflict) to +1 (all cooperation)."""
    total = cooperation + conflict
    return round((cooperation - conflict) / total, 3) if total else 0.0


def met_graph(graph: nx.MultiDiGraph, min_confidence: float = 0.0) -> nx.Graph:
    """People who met: weighted co-participation in affirmed meetings."""
    people: dict[Any, set] = {}
    for u, meeting, data in graph.edges(data=True):
        if (data.get("relation") != schema.PARTICIPANT or attr_bool(data.get("negated", False))
                or graph.nodes[u].get("kind") != schema.PERSON or dyad_table.confidence(data) < min_confidence):
            continue
        people.setdefault(meeting, set()).add(u)
    out = nx.Graph(kind="met", weight="meetings both took part in")
    for meeting in sorted(people, key=str):
        date = str(graph.nodes[meeting].get("date") or "")
        for a, b in combinations(sorted(people[meeting], key=str), 2):
            for node in (a, b):
                data = graph.nodes[node]
                out.add_node(str(node), kind=schema.PERSON, label=label(graph, node),
                             **{k: data[k] for k in ("country", "role", "mentions") if data.get(k) not in (None, "")})
            edge = out.get_edge_data(str(a), str(b)) or {"meetings": [], "dates": []}
            edge["meetings"] = edge["meetings"] + [str(meeting)]
            edge["dates"] = sorted(edge["dates"] + [date]) if date else edge["dates"]
            out.add_edge(str(a), str(b), **edge)
    for a, b, data in out.edges(data=True):
        data["weight"] = len(data["meetings"])
        data["label"] = f"{out.nodes[a]['label']} \u2013 {out.nodes[b]['label']}: {data['weight']}"
        dates = data.pop("dates")
        data["first_date"], data["last_date"] = (dates[0], dates[-1]) if dates else ("", "")
    return out
