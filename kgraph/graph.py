"""The knowledge graph: a ``networkx.MultiDiGraph`` following ``docs/graph-schema.md``.

Nodes are actors, places, countries and meetings; edges are statements
(``relation`` = normalised predicate) and the structural relations
``participant``, ``held_in``, ``located_in`` and ``affiliated_with``.  Every
edge carries its provenance.  Nodes and edges are added in sorted order so
that the same input always gives the same graph, byte for byte once written.
"""
from __future__ import annotations

import os
from collections import Counter
from datetime import datetime, timezone

import networkx as nx

from kgraph import __version__
from kgraph.records import DocResult, Provenance
from kgraph.resolve import Resolution, resolve

STRUCTURAL = frozenset({"participant", "held_in", "located_in", "affiliated_with"})


def _prov(p: Provenance | None) -> dict:
    if p is None:
        return {}
    return {"doc_id": p.doc_id, "sentence": p.sentence, "sent_index": p.sent_index, "start": p.start, "end": p.end}


def created_timestamp() -> str | None:
    """``SOURCE_DATE_EPOCH`` as ISO 8601, so reproducible builds stay byte-identical; else no timestamp."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _iso_names() -> dict[str, str]:
    """Display names for countries a node links to without being mentioned itself."""
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def build_graph(results: list[DocResult], resolution: Resolution | None = None) -> nx.MultiDiGraph:
    """Merge per-document results into one graph (resolution across documents included)."""
    results = sorted(results, key=lambda r: r.doc_id)
    res = resolution or resolve(results)
    g = nx.MultiDiGraph()
    g.graph["kgraph_version"] = __version__
    g.graph["documents"] = len(results)
    created = created_timestamp()
    if created:
        g.graph["created"] = created
    country_labels = _iso_names()
    for r in results:
        for e in r.entities:
            if e.kind == "country":
                country_labels.setdefault(e.iso3, e.name)

    def ensure_country(iso3: str) -> str:
        node = f"country:{iso3}"
        if node not in g:
            g.add_node(node, kind="country", label=country_labels.get(iso3, iso3), aliases=[], iso3=iso3,
                       mentions=0, documents=[])
        return node

    for node_id in sorted(res.entities):
        ent = res.entities[node_id]
        attrs = {"kind": ent.kind, "label": ent.label, "aliases": ent.aliases, "mentions": ent.mentions,
                 "documents": ent.documents}
        if ent.kind == "country":
            attrs["iso3"] = ent.iso3
        else:
            if ent.country:
                attrs["country"] = ent.country
                if ent.country_source:
                    attrs["country_source"] = ent.country_source
            if ent.kind == "person" and ent.role:
                attrs["role"] = ent.role
        g.add_node(node_id, **attrs)
    edges = []
    for node_id in sorted(res.entities):
        ent = res.entities[node_id]
        if ent.kind != "country" and ent.country:
            rel = "located_in" if ent.kind == "location" else "affiliated_with"
            target = ensure_country(ent.country)
            conf = 0.4 if ent.country_source else 0.8
            attrs = {"relation": rel, "negated": False, "confidence": conf, **_prov(ent.provenance)}
            if rel == "affiliated_with" and ent.role:
                attrs["role"] = ent.role
            edges.append((node_id, target, attrs))
    for node_id in sorted(res.meetings):
        rm = res.meetings[node_id]
        meetings = [m for _, m in rm.members]
        date = max((m.date for m in meetings), key=len, default="")
        date_text = next((m.date_text for m in meetings if m.date == date and m.date_text), "") or next(
            (m.date_text for m in meetings if m.date_text), "")
        modes = Counter(m.mode for m in meetings if m.mode)
        statuses = [m.status for m in meetings if m.status]
        status = "cancelled" if "cancelled" in statuses else (statuses[-1] if statuses else "")
        place_label = g.nodes[rm.place]["label"] if rm.place in g else ""
        names = [g.nodes[p]["label"] for p, (neg, _, _) in sorted(rm.participants.items()) if not neg and p in g]
        label = "Meeting: " + (", ".join(names) or "unnamed participants")
        label += "".join(f", {x}" for x in (place_label, date) if x)
        provs = [p for m in meetings for p in m.provenance]
        g.add_node(node_id, kind="meeting", label=label, date=date, date_text=date_text, location=place_label,
                   mode=modes.most_common(1)[0][0] if modes else "", status=status, mentions=len(provs),
                   documents=sorted({d for d, _ in rm.members}), trigger=meetings[0].trigger)
        first = min(provs, key=lambda p: (p.doc_id, p.sent_index)) if provs else None
        for actor, (neg, role, prov) in sorted(rm.participants.items()):
            attrs = {"relation": "participant", "negated": neg, "confidence": 0.7, "category": "CONSULT", **_prov(prov or first)}
            if role:
                attrs["role"] = role
            if date:
                attrs["date"] = date
            edges.append((actor, node_id, attrs))
        if rm.place and rm.place in g:
            edges.append((node_id, rm.place, {"relation": "held_in", "negated": False, "confidence": 0.7, **_prov(first)}))
    for r in results:
        for s in r.statements:
            u = res.key_to_node.get((r.doc_id, s.subject))
            v = res.key_to_node.get((r.doc_id, s.object))
            if not u or not v:
                continue
            attrs = {"relation": s.relation, "category": s.category, "negated": s.negated,
                     "confidence": s.confidence, **_prov(s.provenance)}
            if s.date:
                attrs["date"] = s.date
            if s.cameo:
                attrs["cameo"] = s.cameo
            edges.append((u, v, attrs))
    seen = set()
    for u, v, attrs in sorted(edges, key=lambda e: (e[0], e[1], e[2]["relation"], e[2].get("doc_id", ""),
                                                     e[2].get("sent_index", -1), e[2].get("start", -1), e[2].get("category", ""))):
        sig = (u, v, tuple(sorted((k, str(x)) for k, x in attrs.items())))
        if sig in seen:
            continue
        seen.add(sig)
        g.add_edge(u, v, **attrs)
    return g
