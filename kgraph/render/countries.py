"""The country-level view: who deals with whom, as states rather than people.

People and organisations are folded into their country (``country``
attribute, else an ``affiliated_with`` edge), places through ``located_in``.
There is one edge per ordered pair of countries (source -> target): every
statement between two different countries adds one to its PLOVER category,
every meeting one CONSULT in both directions between each two participating
countries.  A "meet" statement read from the same sentence as a meeting is
not counted twice.  Negated statements and participations are left out of
the counts (the text denies them) and reported in the caption.  The edge is
as wide as its count and coloured from red (all conflict) through grey to
green (all cooperation); its panel lists the counts per category and every
sentence.  Countries with no link at all are left out, and the note says so.
"""
from __future__ import annotations

import math

from kgraph import schema
from kgraph.render import details, layout, project, style

EXAMPLES_PER_LINK = 5


def _meetings(graph, country_of):
    """(meeting id, countries, evidence entries) of every meeting with two or more countries."""
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        if data.get("kind") != schema.MEETING:
            continue
        codes, evidence = set(), []
        about = project.label_of(graph, node)
        where = ", ".join(x for x in (style.text(data.get("date")), style.text(data.get("location"))) if x)
        for u, _, edge in sorted(graph.in_edges(node, data=True), key=lambda e: str(e[0])):
            if edge.get("relation") != schema.PARTICIPANT or style.as_bool(edge.get("negated")):
                continue
            if country_of.get(u):
                codes.add(country_of[u])
            entry = details.evidence(edge, f"meeting: {about}" + (f" ({where})" if where else ""))
            if entry and entry[:3] not in [e[:3] for e in evidence]:
                evidence.append(entry)
        if len(codes) > 1:
            yield str(node), sorted(codes), evidence


def _links(graph, country_of):
    """Per ordered pair: {category: {unit: evidence entries}}, plus counts for the caption."""
    links: dict[tuple, dict] = {}
    seen_meeting_sentences = set()
    for node, codes, evidence in _meetings(graph, country_of):
        for a in codes:
            for b in codes:
                if a != b:
                    links.setdefault((a, b), {}).setdefault(schema.CONSULT, {})[(schema.MEETING, node)] = evidence
                    seen_meeting_sentences.update((e[0], e[1], a, b) for e in evidence)
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
        if category == schema.CONSULT and (doc, idx, a, b) in seen_meeting_sentences:
            continue
        statements += 1
        what = (f"{project.label_of(graph, u)} \u2192 {style.text(data.get('relation')) or 'related to'} "
                f"\u2192 {project.label_of(graph, v)}")
        entry = details.evidence(data, what)
        unit = ("sentence", doc, idx, entry[2] if entry else f"{u}>{v}")
        links.setdefault((a, b), {}).setdefault(category or "other", {})[unit] = [entry] if entry else []
    return links, statements, negated


def balance_color(cooperation: int, conflict: int) -> str:
    """Red (all conflict) through grey (even or neither) to green (all cooperation)."""
    total = cooperation + conflict
    t = (cooperation - conflict) / total if total else 0.0
    grey, end = (140, 140, 140), ((46, 157, 87) if t > 0 else (209, 53, 43))
    mix = [round(g + (e - g) * abs(t)) for g, e in zip(grey, end)]
    return "#%02x%02x%02x" % tuple(mix)


def _title(names, a, b, cats, coop, confl) -> str:
    lines = [f"{names[a]} \u2192 {names[b]}: {sum(cats.values())} events",
             f"cooperation {coop} \u00b7 conflict {confl}"]
    lines += [f"{c}: {n}" for c, n in sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append("click for the sentences")
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
    """Project ``graph`` onto one node per linked country and one edge per ordered pair."""
    max_nodes = project.check_max_nodes(max_nodes)
    country_of = project.node_countries(graph)
    names: dict[str, str] = {}
    members: dict[str, dict[str, list]] = {}
    mentions: dict[str, int] = {}
    unplaced = 0
    for node in sorted(graph.nodes, key=str):
        data = graph.nodes[node]
        kind, code = data.get("kind"), country_of.get(node, "")
        if kind == schema.MEETING:
            continue
        if not code:
            unplaced += kind in (schema.PERSON, schema.ORGANIZATION)
            continue
        mentions[code] = mentions.get(code, 0) + style.as_int(data.get("mentions"))
        if kind == schema.COUNTRY:
            names[code] = project.label_of(graph, node)
        else:
            members.setdefault(code, {}).setdefault(kind, []).append(
                (project.label_of(graph, node), style.as_int(data.get("mentions"))))
    links, statements, negated = _links(graph, country_of)
    codes = {c for pair in links for c in pair}
    for code in codes:
        names.setdefault(code, code)
    partners = {c: set() for c in codes}
    for a, b in links:
        partners[a].add(b)
        partners[b].add(a)
    alone = len(set(mentions) - codes)
    ranked = sorted(codes, key=lambda c: (-len(partners[c]), -mentions.get(c, 0), c))
    keep = sorted(ranked if max_nodes is None else ranked[:max_nodes])
    kept = set(keep)
    pairs = sorted(p for p in links if p[0] in kept and p[1] in kept)
    index = {c: i for i, c in enumerate(keep)}
    rank = {c: i for i, c in enumerate(c for c in ranked if c in kept)}
    largest = max((mentions.get(c, 0) for c in keep), default=0)
    sizes = [style.relative_size(mentions.get(c, 0), largest) for c in keep]
    positions = layout.force_layout(len(keep), [(index[a], index[b]) for a, b in pairs], sizes=sizes,
                                    labels=[style.text(names[c], style.LABEL_MAX) for c in keep],
                                    ranks=[rank[c] for c in keep])
    nodes, cited = [], set()
    for code, (x, y), size in zip(keep, positions, sizes):
        member_names = [n for kind in members.get(code, {}).values() for n, _ in kind]
        title = _node_title(code, names[code], members.get(code, {}), mentions.get(code, 0), len(partners[code]))
        lines = title.split("\n")[1:]
        nodes.append({
            "id": f"country:{code}", "label": style.text(names[code], style.LABEL_MAX),
            "shape": style.kind_style("country")["shape"], **style.node_paint("country"),
            "size": size, "title": title, "kind": "country", "countries": [code],
            "search": "\n".join([names[code], code] + member_names).lower(), "x": x, "y": y,
            "rank": rank[code], "name": names[code] if names[code] == code else f"{names[code]} ({code})",
            "panel": {"attrs": [line.split(": ", 1) if ": " in line else ["", line] for line in lines],
                      "ev": [], "more": 0},
        })
    edges = []
    largest_link = max((sum(len(u) for u in links[p].values()) for p in pairs), default=1)
    for number, (a, b) in enumerate(pairs):
        per_category = links[(a, b)]
        cats = {c: len(units) for c, units in per_category.items()}
        coop = sum(n for c, n in cats.items() if c in style.COOPERATION)
        confl = sum(n for c, n in cats.items() if c in style.CONFLICT)
        count = sum(cats.values())
        evidence, seen = [], set()
        for category in sorted(per_category):
            for unit in sorted(per_category[category], key=str):
                for entry in per_category[category][unit]:
                    if (entry[0], entry[1], entry[2], entry[3]) not in seen:
                        seen.add((entry[0], entry[1], entry[2], entry[3]))
                        evidence.append([entry[0], entry[1], entry[2], f"{category}: {entry[3]}"])
        cited.update(e[0] for e in evidence)
        colour = balance_color(coop, confl)
        edge = {
            "id": f"c{number}", "from": f"country:{a}", "to": f"country:{b}",
            "color": colour,
            "width": round(1.5 + 8.0 * math.log1p(count) / math.log1p(largest_link), 2),
            "title": _title(names, a, b, cats, coop, confl), "cats": cats, "coop": coop, "confl": confl,
            "count": count, "klass": "cooperation" if coop > confl else "conflict" if confl > coop else "other",
            "ev": evidence[:details.EVIDENCE_MAX], "more": max(0, len(evidence) - details.EVIDENCE_MAX),
        }
        if (b, a) in links:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15}
        edges.append(edge)
    people = sum(len(m.get("person", [])) for m in members.values())
    orgs = sum(len(m.get("organization", [])) for m in members.values())
    caption = (f"Folded from {_count(people, 'person', 'people')} and {_count(orgs, 'organisation')}; "
               f"{_count(statements, 'statement')} and the meetings between countries counted"
               + (f"; {_count(negated, 'negated statement')} not counted" if negated else "")
               + (f"; {_count(unplaced, 'person or organisation', 'people or organisations')} "
                  "without a known country left out" if unplaced else "")
               + (f"; {_count(alone, 'country', 'countries')} with no link to another country left out"
                  if alone else "") + ".")
    return project.View(
        nodes=nodes, edges=edges, total_nodes=len(codes), total_edges=len(links),
        kinds=["country"],
        countries=sorted(((c, names[c]) for c in keep), key=lambda item: (item[1].lower(), item[0])),
        categories=sorted({c for p in pairs for c in links[p] if c in style.PLOVER}), level="country",
        caption=caption, docs=details.documents(graph, cited), sentences=details.pack(edges),
    )
