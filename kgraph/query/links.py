"""How two entities are connected: neighbours, evidence sentences, shortest paths.

Meetings are nodes of their own, so "Kerry met Putin" is two hops
(Kerry -> meeting <- Putin).  These functions look *through* meeting nodes:
a co-participant is a neighbour, and a shared meeting is evidence that links
two people.  Negated edges are shown (flagged) as evidence but never used as
a link in a path: a denied meeting does not connect anyone.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from kgraph import schema
from kgraph.io import attr_bool
from kgraph.tables import DOC_COLUMNS, frame, label, provenance, provenance_order

NEIGHBOR_COLUMNS = ["neighbor", "neighbor_id", "kind", "relation", "direction", "meeting_id", "category",
                    "negated", "date", "doc_id", *DOC_COLUMNS, "sent_index", "sentence"]
EVIDENCE_COLUMNS = ["via", "subject", "relation", "object", "meeting_id", "category", "negated", "date",
                    "doc_id", *DOC_COLUMNS, "sent_index", "sentence"]
PATH_COLUMNS = ["step", "source", "source_id", "relation", "target", "target_id", "direction", "category",
                "negated", "date", "doc_id", *DOC_COLUMNS, "sent_index", "sentence"]


def _incident(graph: nx.MultiDiGraph, node: Any):
    """(other end, direction, edge data) for every edge touching ``node``."""
    for _, v, data in graph.out_edges(node, data=True):
        yield v, "out", data
    for u, _, data in graph.in_edges(node, data=True):
        yield u, "in", data


def _is_meeting(graph: nx.MultiDiGraph, node: Any) -> bool:
    return graph.nodes[node].get("kind") == schema.MEETING


def neighbors(graph: nx.MultiDiGraph, node: Any):
    """One row per link; through a meeting, one row per other participant or place of it."""
    rows = []
    for other, direction, data in _incident(graph, node):
        if not _is_meeting(graph, other):
            rows.append(_neighbor_row(graph, other, data.get("relation", ""), direction, "", data,
                                      attr_bool(data.get("negated", False))))
            continue
        own_negated = attr_bool(data.get("negated", False))
        for third, _, mdata in _incident(graph, other):
            if third == node or _is_meeting(graph, third):
                continue
            negated = own_negated or attr_bool(mdata.get("negated", False))
            row = _neighbor_row(graph, third, mdata.get("relation", ""), "meeting", str(other), mdata, negated)
            row["date"] = row["date"] or str(graph.nodes[other].get("date") or "")
            rows.append(row)
    unique = {tuple(map(str, r.values())): r for r in rows}
    ordered = sorted(unique.values(),
                     key=lambda r: (r["neighbor"], r["relation"], r["direction"], *provenance_order(r)))
    return frame(ordered, NEIGHBOR_COLUMNS)


def _neighbor_row(graph, other, relation, direction, meeting_id, data, negated) -> dict:
    return {"neighbor": label(graph, other), "neighbor_id": str(other), "kind": graph.nodes[other].get("kind", ""),
            "relation": relation, "direction": direction, "meeting_id": meeting_id,
            "category": str(data.get("category") or ""), "negated": negated, "date": str(data.get("date") or ""),
            **provenance(data)}


def _edge_row(graph, u, v, data, via, meeting_id="") -> dict:
    return {"via": via, "subject": label(graph, u), "relation": data.get("relation", ""), "object": label(graph, v),
            "meeting_id": meeting_id, "category": str(data.get("category") or ""),
            "negated": attr_bool(data.get("negated", False)), "date": str(data.get("date") or ""),
            **provenance(data)}


def evidence(graph: nx.MultiDiGraph, a: Any, b: Any):
    """Edges between ``a`` and ``b`` (``via="edge"``) and the edges putting both in one meeting."""
    rows = []
    for u, v in ((a, b), (b, a)):
        for data in graph.get_edge_data(u, v, default={}).values():
            rows.append(_edge_row(graph, u, v, data, "edge"))
    meetings_a = {m for m, _, _ in _incident(graph, a) if _is_meeting(graph, m)}
    shared = sorted((m for m, _, _ in _incident(graph, b) if m in meetings_a), key=str)
    for meeting in dict.fromkeys(shared):
        for end in (a, b):
            for u, v in ((end, meeting), (meeting, end)):
                for data in graph.get_edge_data(u, v, default={}).values():
                    rows.append(_edge_row(graph, u, v, data, "meeting", str(meeting)))
    unique = {tuple(map(str, r.values())): r for r in rows}
    ordered = sorted(unique.values(), key=lambda r: (*provenance_order(r), r["via"], r["subject"]))
    return frame(ordered, EVIDENCE_COLUMNS)


def _affirmed_view(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of non-negated edges, built in sorted order so BFS is deterministic."""
    view = nx.Graph()
    view.add_nodes_from(sorted(graph.nodes, key=str))
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if not attr_bool(data.get("negated", False)):
            view.add_edge(u, v)
    return view


def _best_edge(graph: nx.MultiDiGraph, u: Any, v: Any) -> tuple[Any, Any, dict]:
    """The edge to cite for a hop: affirmed, most confident, earliest in the corpus."""
    options = [(u, v, d) for d in graph.get_edge_data(u, v, default={}).values()]
    options += [(v, u, d) for d in graph.get_edge_data(v, u, default={}).values()]

    def score(option):
        data = option[2]
        try:
            confidence = float(data.get("confidence", 0) or 0)
        except (TypeError, ValueError):
            confidence = 0.0
        return (attr_bool(data.get("negated", False)), -confidence, *provenance_order(provenance(data)),
                str(data.get("relation", "")))

    return min(options, key=score)


def path(graph: nx.MultiDiGraph, a: Any, b: Any):
    """Shortest path over affirmed edges, ignoring direction; empty frame when there is none."""
    if a == b:
        return frame([], PATH_COLUMNS)
    try:
        hops = nx.shortest_path(_affirmed_view(graph), a, b)
    except nx.NetworkXNoPath:
        return frame([], PATH_COLUMNS)
    rows = []
    for step, (u, v) in enumerate(zip(hops, hops[1:]), start=1):
        src, dst, data = _best_edge(graph, u, v)
        rows.append({"step": step, "source": label(graph, u), "source_id": str(u),
                     "relation": data.get("relation", ""), "target": label(graph, v), "target_id": str(v),
                     "direction": "forward" if (src, dst) == (u, v) else "backward",
                     "category": str(data.get("category") or ""), "negated": attr_bool(data.get("negated", False)),
                     "date": str(data.get("date") or graph.nodes[u].get("date") or graph.nodes[v].get("date") or ""),
                     **provenance(data)})
    return frame(rows, PATH_COLUMNS)
