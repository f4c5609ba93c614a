"""The country-level view: who deals with whom, as states rather than people.

People and organisations are folded into their country (``country``
attribute, else an ``affiliated_with`` edge), places through ``located_in``.
Every statement between two different countries adds one to the link
(source country, target country, PLOVER category); every meeting adds one
CONSULT to each pair of participating countries.  A "meet" statement read
from the same sentence as a meeting is not counted twice.  Negated
statements and participations are left out of the counts (the text denies
them) and reported in the caption.
"""
from __future__ import annotations

import math
from itertools import combinations

from kgraph.render import layout, project, style

EXAMPLES_PER_LINK = 5


def _meetings(graph, country_of):
    """(meeting id, pair, description, evidence keys) per pair of countries at a meeting."""
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        if data.get("kind") != "meeting":
            continue
        codes, evidence = set(), set()
        for u, _, edge in graph.in_edges(node, data=True):
            if edge.get("relation") != "participant" or style.as_bool(edge.get("negated")):
                continue
            if country_of.get(u):
                codes.add(country_of[u])
            evidence.add((style.text(edge.get("doc_id")), style.as_int(edge.get("sent_index"), -1)))
        where = ", ".join(x for x in (style.text(data.get("date")), style.text(data.get("location"))) if x)
        about = project.label_of(graph, node) + (f" ({where})" if where else "")
        for a, b in combinations(sorted(codes), 2):
            yield str(node), (a, b), about, evidence


def _links(graph, country_of):
    """Evidence per (source, target, category, via) plus counts for the caption."""
    links: dict[tuple, dict] = {}
    seen_meeting_sentences = set()
    for node, (a, b), about, evidence in _meetings(graph, country_of):
        links.setdefault((a, b, "CONSULT", "meeting"), {})[node] = about
        seen_meeting_sentences.update((doc, idx, a, b) for doc, idx in evidence)
    negated = 0
    statements = 0
    for u, v, _, data in sorted(project.all_edges(graph), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if style.text(data.get("relation")) in style.STRUCTURAL:
            continue
        a, b = country_of.get(u, ""), country_of.get(v, "")
        if not a or not b or a == b:
            continue
        if style.as_bool(data.get("negated")):
            negated += 1
            continue
        category = style.text(data.get("category"))
        doc, idx = style.text(data.get("doc_id")), style.as_int(data.get("sent_index"), -1)
        if category == "CONSULT" and (doc, idx, min(a, b), max(a, b)) in seen_meeting_sentences:
            continue
        sentence = style.text(data.get("sentence"), 300)
        statements += 1
        links.setdefault((a, b, category, "statement"), {})[(doc, idx, sentence)] = \
            f"\u201c{sentence}\u201d ({doc or '?'}, sentence {idx})"
    return links, statements, negated


def _title(names, a, b, category, via, examples) -> str:
    klass = style.category_class("", category)
    arrow = "\u2014" if via == "meeting" else "\u2192"
    count = len(examples)
    unit = ("meeting" if via == "meeting" else "sentence") + ("" if count == 1 else "s")
    lines = [f"{names[a]} {arrow} {names[b]}", f"{category or 'no category'} ({klass}): {count} {unit}"]
    shown = [examples[key] for key in sorted(examples, key=str)][:EXAMPLES_PER_LINK]
    lines += ["\u2022 " + text for text in shown]
    if count > len(shown):
        lines.append(f"\u2026 and {count - len(shown)} more")
    return "\n".join(lines)


def _node_title(code, name, members, mentions, partners) -> str:
    lines = [name if name == code else f"{name} ({code})"]
    for kind, heading in (("person", "people"), ("organization", "organisations"), ("location", "places")):
        names = sorted(members.get(kind, []), key=lambda item: (-item[1], item[0]))
        if names:
            listed = ", ".join(n for n, _ in names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
            lines.append(f"{heading} ({len(names)}): {listed}")
    lines.append(f"mentions: {mentions} \u00b7 partner countries: {partners}")
    return "\n".join(lines)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def country_view(graph, max_nodes: int | None = 300) -> project.View:
    """Project ``graph`` onto one node per country and one edge per (pair, category)."""
    max_nodes = project.check_max_nodes(max_nodes)
    country_of = project.node_countries(graph)
    names: dict[str, str] = {}
    members: dict[str, dict[str, list]] = {}
    mentions: dict[str, int] = {}
    unplaced = 0
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        kind, code = data.get("kind"), country_of.get(node, "")
        if kind == "meeting":
            continue
        if not code:
            unplaced += kind in ("person", "organization")
            continue
        mentions[code] = mentions.get(code, 0) + style.as_int(data.get("mentions"))
        if kind == "country":
            names[code] = project.label_of(graph, node)
        else:
            members.setdefault(code, {}).setdefault(kind, []).append(
                (project.label_of(graph, node), style.as_int(data.get("mentions"))))
    links, statements, negated = _links(graph, country_of)
    codes = set(mentions) | {c for key in links for c in key[:2]}
    for code in codes:
        names.setdefault(code, code)
    partners = {c: set() for c in codes}
    for a, b, _, _ in links:
        partners[a].add(b)
        partners[b].add(a)
    ranked = sorted(codes, key=lambda c: (-len(partners[c]), -mentions.get(c, 0), c))
    keep = sorted(ranked if max_nodes is None else ranked[:max_nodes])
    kept = set(keep)
    keys = sorted(k for k in links if k[0] in kept and k[1] in kept)
    index = {c: i for i, c in enumerate(keep)}
    positions = layout.force_layout(len(keep), [(index[a], index[b]) for a, b, _, _ in keys])
    nodes = []
    largest = max((mentions.get(c, 0) for c in keep), default=0)
    for code, (x, y) in zip(keep, positions):
        member_names = [n for kind in members.get(code, {}).values() for n, _ in kind]
        nodes.append({
            "id": f"country:{code}", "label": style.text(names[code], style.LABEL_MAX),
            "shape": style.kind_style("country")["shape"], "color": style.node_color("country"),
            "size": style.relative_size(mentions.get(code, 0), largest),
            "title": _node_title(code, names[code], members.get(code, {}), mentions.get(code, 0),
                                 len(partners[code])),
            "kind": "country", "countries": [code],
            "search": "\n".join([names[code], code] + member_names).lower(), "x": x, "y": y,
        })
    edges, pair_seen = [], {}
    for number, (a, b, category, via) in enumerate(keys):
        examples = links[(a, b, category, via)]
        klass = style.category_class("", category)
        pair = (min(a, b), max(a, b))
        pair_seen[pair] = pair_seen.get(pair, -1) + 1
        edge = {
            "id": f"c{number}", "from": f"country:{a}", "to": f"country:{b}",
            "color": style.edge_color(klass), "width": round(1.5 + 2.0 * math.log2(len(examples)), 2),
            "title": _title(names, a, b, category, via, examples), "category": category, "klass": klass,
            "count": len(examples),
        }
        if via == "meeting":
            edge["arrows"] = {"to": {"enabled": False}}
        if len(keys) <= project.EDGE_LABELS_MAX_EDGES:
            edge["label"] = f"{'met' if via == 'meeting' else (category or 'other')} \u00d7{len(examples)}"
        smooth = project.curve(pair_seen[pair], reverse=a > b)
        if smooth:
            edge["smooth"] = smooth
        edges.append(edge)
    people = sum(len(m.get("person", [])) for m in members.values())
    orgs = sum(len(m.get("organization", [])) for m in members.values())
    caption = (f"Folded from {_count(people, 'person', 'people')} and {_count(orgs, 'organisation')}; "
               f"{_count(statements, 'statement')} and the meetings between countries counted"
               + (f"; {_count(negated, 'negated statement')} not counted" if negated else "")
               + (f"; {_count(unplaced, 'person or organisation', 'people or organisations')} "
                  "without a known country left out" if unplaced else "") + ".")
    return project.View(
        nodes=nodes, edges=edges, total_nodes=len(codes), total_edges=len(links),
        physics=len(keep) <= layout.PHYSICS_MAX_NODES, kinds=["country"],
        countries=sorted(((c, names[c]) for c in keep), key=lambda item: (item[1].lower(), item[0])),
        categories=sorted({k[2] for k in keys if k[2]}), level="country", caption=caption,
    )
