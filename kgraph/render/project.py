"""The graph as vis-network sees it: plain node and edge dicts, never the graph itself.

pyvis's ``from_nx`` writes into the graph it reads (``width``, ``size``), so
the page is built from this projection instead.  Everything here only reads
``graph``; the dicts hold fresh strings, ints and lists.  Nodes and edges are
sorted and positions seeded, so one graph always gives one page, byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kgraph import schema
from kgraph.errors import ConfigError, GraphFormatError
from kgraph.render import details, layout, style

EDGE_LABELS_MAX_EDGES = 150


@dataclass(frozen=True)
class View:
    """What the page shows, plus what it left out (for the note on the page)."""

    nodes: list[dict]
    edges: list[dict]
    total_nodes: int
    total_edges: int
    kinds: list[str] = field(default_factory=list)
    countries: list[tuple[str, str]] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    level: str = "entity"
    caption: str = ""
    docs: dict = field(default_factory=dict)  # doc id -> [title, date, url] for the details panel
    sentences: list = field(default_factory=list)  # [doc id, index, sentence], see details.pack
    isolated: int = 0  # nodes without any link, left out of the page


def check_graph(graph) -> None:
    """Fail early, with the fix, on input that is not a kgraph graph."""
    if not hasattr(graph, "is_directed") or not hasattr(graph, "nodes"):
        raise GraphFormatError(f"expected a networkx.MultiDiGraph (docs/graph-schema.md), got {type(graph).__name__}")
    if not graph.is_directed():
        raise GraphFormatError("expected a directed graph (networkx.MultiDiGraph, docs/graph-schema.md); "
                               "an undirected graph loses who did what to whom")


def all_edges(graph):
    """(u, v, key, data) for multigraphs and plain DiGraphs alike."""
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((u, v, 0, d) for u, v, d in graph.edges(data=True))


def check_max_nodes(max_nodes) -> int | None:
    if max_nodes is None:
        return None
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ConfigError(f"max_nodes must be a positive integer or None (show all), got {max_nodes!r}")
    return max_nodes


def neighbours(graph) -> dict:
    """Distinct neighbours per node, ignoring direction and self-loops."""
    found = {n: set() for n in graph.nodes}
    for u, v in graph.edges():
        if u != v:
            found[u].add(v)
            found[v].add(u)
    return found


def connectivity(graph, direct: dict) -> dict:
    """How connected each node is, with meetings counted through their participants.

    People score their distinct neighbours plus everyone they met at a
    meeting (two people who only met at a summit are still linked).  A
    meeting scores like its least connected participant: talks between
    central people belong in a reduced view as much as those people do (its
    own handful of edges would rank it below every busy spokesman), while a
    meeting with one hub and unknown others does not crowd them out.
    """
    reach = {n: set(nbrs) for n, nbrs in direct.items()}
    participants: dict = {}
    for u, v, data in graph.edges(data=True):
        if data.get("relation") == schema.PARTICIPANT and not style.as_bool(data.get("negated")) and u != v:
            participants.setdefault(v, set()).add(u)
    for people in participants.values():
        for person in people:
            reach[person].update(people - {person})
    score = {n: len(nbrs) for n, nbrs in reach.items()}
    for meeting, people in participants.items():
        score[meeting] = max(score[meeting], min(score[p] for p in people))
    return score


def ranking(graph, direct: dict | None = None) -> list:
    """All node ids, best connected first (ties: more mentions, then id)."""
    direct = neighbours(graph) if direct is None else direct
    score = connectivity(graph, direct)
    return sorted(graph.nodes, key=lambda n: (-score[n], -style.as_int(graph.nodes[n].get("mentions")), str(n)))


def select(graph, max_nodes: int | None) -> list:
    """The ``max_nodes`` best connected node ids (ties: more mentions, then id).

    Nodes linked to nothing are left out whenever the graph has any link:
    on real corpora they are half the graph and would ring the picture.  A
    chosen node none of whose neighbours made the cut would float alone on
    the page; it gives its place to the next best node that does connect.
    """
    direct = neighbours(graph)
    linked = any(direct.values())
    ids = sorted((n for n in graph.nodes if direct[n] or not linked), key=str)
    if max_nodes is None or len(ids) <= max_nodes:
        return ids
    ranked = [n for n in ranking(graph, direct) if direct[n] or not linked]
    chosen = set(ranked[:max_nodes])
    alone = [n for n in ranked[:max_nodes] if not direct[n] & chosen]
    if alone:
        anchored = chosen.difference(alone)
        spare = [n for n in ranked[max_nodes:] if direct[n] & anchored][: len(alone)]
        chosen = anchored | set(spare) | set(alone[: len(alone) - len(spare)])
    return sorted(chosen, key=str)


def label_of(graph, node) -> str:
    return style.text(graph.nodes[node].get("label")) or str(node)


def node_country(graph, node) -> str:
    data = graph.nodes[node]
    if data.get("kind") == schema.COUNTRY:
        return style.text(data.get("iso3")) or str(node).split(":", 1)[-1]
    return style.text(data.get("country"))


def node_countries(graph) -> dict:
    """ISO3 code per node: its own ``country``/``iso3``, else what it is affiliated with.

    A person without a ``country`` attribute but with an ``affiliated_with``
    edge to a country (or, failing that, to an organisation that has a
    country) belongs there; locations likewise through ``located_in``.
    """
    own = {n: node_country(graph, n) for n in graph.nodes}
    result = dict(own)
    for node in sorted(graph.nodes, key=str):
        if own[node] or graph.nodes[node].get("kind") not in (schema.PERSON, schema.ORGANIZATION, schema.LOCATION):
            continue
        direct, indirect = {}, {}
        for _, target, data in graph.out_edges(node, data=True):
            if data.get("relation") not in schema.COUNTRY_LINKS or not own[target]:
                continue
            bucket = direct if graph.nodes[target].get("kind") == schema.COUNTRY else indirect
            bucket[own[target]] = bucket.get(own[target], 0) + 1
        votes = direct or indirect
        if votes:
            result[node] = min(votes, key=lambda code: (-votes[code], code))
    return result


def _meeting_lines(graph, node, data) -> list[str]:
    lines = []
    date = style.text(data.get("date"))
    said = style.text(data.get("date_text"))
    if date or said:
        lines.append("date: " + " ".join(x for x in (date, f"(\u201c{said}\u201d)" if said else "") if x))
    for key, name in (("location", "place"), ("mode", "mode"), ("status", "status")):
        if style.text(data.get(key)):
            lines.append(f"{name}: {style.text(data.get(key))}")
    came, absent = [], []
    for u, _, edge in graph.in_edges(node, data=True):
        if edge.get("relation") == schema.PARTICIPANT:
            (absent if style.as_bool(edge.get("negated")) else came).append(label_of(graph, u))
    if came:
        lines.append("participants: " + ", ".join(sorted(set(came))))
    if absent:
        lines.append("did not take part: " + ", ".join(sorted(set(absent))))
    return lines


def node_title(graph, node) -> str:
    """Plain text: vis-network shows string titles with innerText, so nothing runs."""
    data = graph.nodes[node]
    kind = style.text(data.get("kind")) or "unknown"
    lines = [label_of(graph, node)]
    head = [kind] + [style.text(data.get(k)) for k in ("role", "iso3", "country") if style.text(data.get(k))]
    lines.append(" \u00b7 ".join(head))
    if kind == schema.MEETING:
        lines += _meeting_lines(graph, node, data)
    docs = style.as_list(data.get("documents"))
    lines.append(f"mentions: {style.as_int(data.get('mentions'))} \u00b7 documents: {len(docs)}")
    aliases = [a for a in style.as_list(data.get("aliases")) if a and a != lines[0]]
    if aliases:
        lines.append("also written: " + "; ".join(sorted(set(aliases))[:10]))
    return "\n".join(lines)


def edge_title(graph, u, v, data) -> str:
    relation = style.text(data.get("relation")) or "related to"
    category = style.text(data.get("category"))
    klass = style.category_class(relation, category)
    lines = [f"{label_of(graph, u)} \u2192 {label_of(graph, v)}", f"relation: {relation}"]
    if category:
        lines.append(f"category: {category} ({klass})")
    if style.as_bool(data.get("negated")):
        lines.append("negated: the text says this did NOT happen")
    if style.text(data.get("date")):
        reported = " (article date: the text gives none)" if style.text(data.get("date_source")) == "reported" else ""
        lines.append(f"date: {style.text(data.get('date'))}{reported}")
    if style.text(data.get("sentence")):
        # cut: the whole sentence and its article's title, date and link are in
        # the details panel (document_info), and a 5,000-node page carries it once
        lines.append(f"evidence: \u201c{style.text(data.get('sentence'), style.TOOLTIP_SENTENCE_MAX)}\u201d")
    where = [f"document: {style.text(data.get('doc_id')) or '?'}"]
    if data.get("sent_index") is not None:
        where.append(f"sentence {style.as_int(data.get('sent_index'))}")
    if data.get("confidence") is not None:
        try:
            where.append(f"confidence {float(data.get('confidence')):.2f}")
        except (TypeError, ValueError):
            pass
    lines.append(", ".join(where))
    return "\n".join(lines)


def _edge_order(item):
    u, v, key, data = item
    return (str(u), str(v), style.text(data.get("relation")), style.text(data.get("doc_id")),
            style.as_int(data.get("sent_index"), -1), style.text(data.get("sentence")), str(key))


def curve(index: int, reverse: bool) -> dict | None:
    """Static curve for the index-th of several edges joining one pair of nodes.

    Global ``smooth`` stays off for speed; without this, parallel edges would
    be drawn on top of each other and only the last tooltip could be reached.
    """
    if index == 0:
        return None
    clockwise = (index % 2 == 1) != reverse
    return {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
            "roundness": round(0.18 * ((index + 1) // 2), 2)}


def _meeting_countries(graph, node, shown_country) -> list[str]:
    found = set()
    for u, _, data in graph.in_edges(node, data=True):
        if data.get("relation") == schema.PARTICIPANT and shown_country.get(u):
            found.add(shown_country[u])
    for _, v, data in graph.out_edges(node, data=True):
        if data.get("relation") == schema.HELD_IN:
            found.add(shown_country.get(v, ""))
    return sorted(c for c in found if c)


def _meeting_confidence(graph, node) -> float:
    """How sure the extractor is of a meeting: its most confident affirmed participation."""
    best = 0.0
    for _, _, data in graph.in_edges(node, data=True):
        if data.get("relation") == schema.PARTICIPANT and not style.as_bool(data.get("negated")):
            best = max(best, style.as_float(data.get("confidence")))
    return best


def _node_details(graph, node, data, kind) -> dict:
    """Panel data of one node: attribute lines and evidence."""
    lines = [[k, style.text(data.get(k))] for k in ("role", "iso3", "country") if style.text(data.get(k))]
    if kind == schema.MEETING:
        lines += [line.split(": ", 1) for line in _meeting_lines(graph, node, data)]
    lines.append(["mentions", str(style.as_int(data.get("mentions")))])
    aliases = sorted({a for a in style.as_list(data.get("aliases")) if a and a != label_of(graph, node)})
    if aliases:
        lines.append(["also written", "; ".join(aliases[:20])])
    ev, count = details.node_evidence(graph, node, label_of)
    return {"attrs": lines, "ev": ev, "more": count - len(ev)}


def entity_view(graph, max_nodes: int | None = 300) -> View:
    """Project ``graph`` (docs/graph-schema.md) onto vis-network nodes and edges."""
    max_nodes = check_max_nodes(max_nodes)
    keep = select(graph, max_nodes)
    kept = set(keep)
    isolated = sum(1 for n, nbrs in neighbours(graph).items() if not nbrs) if graph.number_of_edges() else 0
    order = {n: i for i, n in enumerate(n for n in ranking(graph) if n in kept)}
    country_of = node_countries(graph)
    edges = sorted(((u, v, k, d) for u, v, k, d in all_edges(graph)
                    if u in kept and v in kept), key=_edge_order)
    index = {n: i for i, n in enumerate(keep)}
    sizes = [style.node_size(style.as_int(graph.nodes[n].get("mentions"))) for n in keep]
    positions = layout.force_layout(len(keep), [(index[u], index[v]) for u, v, _, _ in edges], sizes=sizes,
                                    labels=[style.text(label_of(graph, n), style.LABEL_MAX) for n in keep],
                                    ranks=[order[n] for n in keep])
    nodes, kinds, countries, cited = [], set(), {}, set()
    for node, (x, y), size in zip(keep, positions, sizes):
        data = graph.nodes[node]
        kind = style.text(data.get("kind")) or "unknown"
        kinds.add(kind)
        label = label_of(graph, node)
        status = style.text(data.get("status"))
        tags = ([country_of[node]] if country_of[node] else []) if kind != schema.MEETING else \
            _meeting_countries(graph, node, country_of)
        for code in tags:
            countries.setdefault(code, code)
        if kind == schema.COUNTRY and country_of[node]:
            countries[country_of[node]] = label
        panel = _node_details(graph, node, data, kind)
        cited.update(e[0] for e in panel["ev"])
        vis = {
            "id": str(node), "label": style.text(label, style.LABEL_MAX),
            "shape": style.kind_style(kind)["shape"], **style.node_paint(kind, faded=status == schema.CANCELLED),
            "size": size, "title": node_title(graph, node), "kind": kind, "countries": tags,
            "search": "\n".join([label] + style.as_list(data.get("aliases"))).lower(),
            "x": x, "y": y, "rank": order[node], "name": label, "panel": panel,
        }
        if kind == schema.MEETING:
            vis["date"] = style.text(data.get("date"))
            vis["conf"] = _meeting_confidence(graph, node)
            if status in (schema.PLANNED, schema.CANCELLED):
                vis["shapeProperties"] = {"borderDashes": [4, 3]}
        nodes.append(vis)
    pair_seen: dict = {}
    vis_edges, categories = [], set()
    for number, (u, v, _, data) in enumerate(edges):
        relation = style.text(data.get("relation"))
        category = style.text(data.get("category"))
        klass = style.category_class(relation, category)
        pair = (min(str(u), str(v)), max(str(u), str(v)))
        pair_seen[pair] = pair_seen.get(pair, -1) + 1
        if category:
            categories.add(category)
        meeting = str(v) if relation == schema.PARTICIPANT else str(u) if relation == schema.HELD_IN else ""
        entry = details.evidence(data, "")
        if entry:
            cited.add(entry[0])
        vis = {
            "id": f"e{number}", "from": str(u), "to": str(v),
            "color": style.CLASS_COLOR[klass], "dashes": style.as_bool(data.get("negated")),
            "width": 1 if klass == "structural" else 2,
            "title": edge_title(graph, u, v, data), "category": category or "", "klass": klass,
            "relation": relation, "date": style.text(data.get("date")), "meeting": meeting,
            "conf": style.as_float(data.get("confidence")), "negated": style.as_bool(data.get("negated")),
            "ev": [entry] if entry else [],
        }
        if klass == "structural":
            vis["arrows"] = {"to": {"enabled": False}}
        elif len(edges) <= EDGE_LABELS_MAX_EDGES:
            vis["label"] = style.text(relation, 28)
        smooth = curve(pair_seen[pair], reverse=str(u) > str(v))
        if smooth:
            vis["smooth"] = smooth
        vis_edges.append(vis)
    return View(
        nodes=nodes, edges=vis_edges, total_nodes=graph.number_of_nodes(),
        total_edges=graph.number_of_edges(), kinds=sorted(kinds),
        countries=sorted(countries.items(), key=lambda item: (item[1].lower(), item[0])),
        categories=sorted(categories), docs=details.documents(graph, cited), isolated=isolated,
        sentences=details.pack(nodes + vis_edges),
    )
