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

from kgraph import __version__, schema
from kgraph.records import DocResult, Provenance
from kgraph.resolve import Resolution, resolve

STRUCTURAL = frozenset(schema.STRUCTURAL)


def _prov(p: Provenance | None, docs: dict[str, DocResult] | None = None) -> dict:
    """Provenance attributes of an edge, with the document's title, date and url beside its id."""
    if p is None:
        return {}
    out = {"doc_id": p.doc_id, "sentence": p.sentence, "sent_index": p.sent_index, "start": p.start, "end": p.end}
    doc = (docs or {}).get(p.doc_id)
    if doc is not None:
        out.update({k: v for k, v in (("doc_title", doc.title), ("doc_date", doc.date), ("doc_url", doc.url)) if v})
    return out


def document_info(results: list[DocResult]) -> dict[str, dict]:
    """doc id -> title, date, url, source (each only when known) and how many statements and
    meetings were read from it: the graph's ``document_info``, which the page, the query API
    and ``documents.csv`` use to cite the article."""
    return {r.doc_id: {**{k: v for k, v in (("title", r.title), ("date", r.date), ("url", r.url),
                                             ("source", r.source)) if v},
                       "statements": len(r.statements), "meetings": len(r.meetings)} for r in results}


def _date_end(date: str, meetings, docs: dict[str, DocResult], members) -> str:
    """The last day of a meeting the text dates as a range (``May 20-22``), "" otherwise."""
    from kgraph.extract.temporal import resolve_range

    for doc_id, m in members:
        start, end = resolve_range(m.date_text, docs[doc_id].date) if m.date_text else ("", "")
        if start and start == date:
            return end
    return ""


def _active(res: Resolution, results: list[DocResult]) -> set[str]:
    """Entities that take part in a statement or a meeting (or are a meeting's place): the actors.
    Everything else was only mentioned."""
    out = {p for rm in res.meetings.values() for p in rm.participants} | {rm.place for rm in res.meetings.values()}
    for r in results:
        for s in r.statements:
            u, v = res.key_to_node.get((r.doc_id, s.subject)), res.key_to_node.get((r.doc_id, s.object))
            if u and v:
                out.update((u, v))
    return out


def _employers(res: Resolution) -> list[tuple[str, str, Provenance | None]]:
    """(person node, organisation node, provenance) for each affiliation the text names
    (``Andrew Tabler, an expert at the Washington Institute``)."""
    out = {}
    for node_id, ent in res.entities.items():
        for doc_id, e in ent.members:
            org = res.key_to_node.get((doc_id, e.employer)) if e.employer else None
            if org and org != node_id and (node_id, org) not in out:
                out[(node_id, org)] = e.provenance[0] if e.provenance else None
    return [(p, o, prov) for (p, o), prov in sorted(out.items())]


def _known_organizations(res: Resolution) -> set[str]:
    """Organisations the knowledge base (``data/organizations.json``) names: IGOs and known bodies
    are actors even in a story that gives them no statement."""
    orgs = {n: e for n, e in res.entities.items() if e.kind == schema.ORGANIZATION and not e.country}
    if not orgs:
        return set()
    from kgraph.geo import name_key
    from kgraph.lexicon import load_organizations

    known = load_organizations()
    return {n for n, e in orgs.items() if any(name_key(a) in known for a in e.aliases)}


def _kept(res: Resolution, results: list[DocResult]) -> set[str]:
    """The default node selection: actors (a statement, a meeting or its place), anything the text
    ties to a country (an ``affiliated_with`` or ``located_in`` edge), every country, people with a
    role or title, and organisations the knowledge base knows.  What is left was only mentioned:
    NER junk ("Oxygen" as a person) and passers-by, kept only with ``keep_mentions``."""
    out = _active(res, results) | _known_organizations(res)
    for person, org, _ in _employers(res):
        out.update((person, org))
    for node_id, ent in res.entities.items():
        if ent.kind == schema.COUNTRY or ent.country or (ent.kind == schema.PERSON and ent.role):
            out.add(node_id)
    return out


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


def build_graph(results: list[DocResult], resolution: Resolution | None = None, *,
                keep_mentions: bool = False, actors_only: bool = False) -> nx.MultiDiGraph:
    """Merge per-document results into one graph (resolution across documents included).

    By default an entity is a node when it takes part in a statement or a meeting (or is a
    meeting's place), has a country, is a country, is a person with a role, or is an
    organisation the knowledge base knows (see ``_kept``): a long corpus names thousands of
    passers-by and NER mistakes that would otherwise be unconnected dots.  ``keep_mentions``
    keeps every entity the articles name; ``actors_only`` (stricter, deprecated) keeps only
    statement and meeting actors, meeting places and the countries they belong to.  Statements
    and meetings the text gives no date carry the article's date, with ``date_source`` saying
    it is the ``reported`` date, so that timelines can place them.
    """
    results = sorted(results, key=lambda r: r.doc_id)
    res = resolution or resolve(results)
    docs = {r.doc_id: r for r in results}
    active = None if keep_mentions else (_active(res, results) if actors_only else _kept(res, results))
    g = nx.MultiDiGraph()
    g.graph["kgraph_version"] = __version__
    g.graph["documents"] = len(results)
    g.graph["document_info"] = document_info(results)
    created = created_timestamp()
    if created:
        g.graph["created"] = created
    country_labels = _iso_names()
    for r in results:
        for e in r.entities:
            if e.kind == schema.COUNTRY:
                country_labels.setdefault(e.iso3, e.name)

    def ensure_country(iso3: str) -> str:
        node = f"country:{iso3}"
        if node not in g:
            g.add_node(node, kind=schema.COUNTRY, label=country_labels.get(iso3, iso3), aliases=[], iso3=iso3,
                       mentions=0, documents=[])
        return node

    for node_id in sorted(res.entities):
        ent = res.entities[node_id]
        if active is not None and node_id not in active:
            continue
        attrs = {"kind": ent.kind, "label": ent.label, "aliases": ent.aliases, "mentions": ent.mentions,
                 "documents": ent.documents}
        if ent.kind == schema.COUNTRY:
            attrs["iso3"] = ent.iso3
        else:
            if ent.country:
                attrs["country"] = ent.country
                if ent.country_source:
                    attrs["country_source"] = ent.country_source
            if ent.kind == schema.PERSON and ent.role:
                attrs["role"] = ent.role
        g.add_node(node_id, **attrs)
    edges = []
    for node_id in sorted(res.entities):
        ent = res.entities[node_id]
        if node_id not in g:
            continue
        if ent.kind != schema.COUNTRY and ent.country:
            rel = schema.LOCATED_IN if ent.kind == schema.LOCATION else schema.AFFILIATED_WITH
            target = ensure_country(ent.country)
            conf = 0.4 if ent.country_source else 0.8
            attrs = {"relation": rel, "negated": False, "confidence": conf, **_prov(ent.provenance, docs)}
            if rel == schema.AFFILIATED_WITH and ent.role:
                attrs["role"] = ent.role
            edges.append((node_id, target, attrs))
    for person, org, prov in _employers(res):
        if person in g and org in g:
            attrs = {"relation": schema.AFFILIATED_WITH, "negated": False, "confidence": 0.6, **_prov(prov, docs)}
            if g.nodes[person].get("role"):
                attrs["role"] = g.nodes[person]["role"]
            edges.append((person, org, attrs))
    for node_id in sorted(res.meetings):
        rm = res.meetings[node_id]
        meetings = [m for _, m in rm.members]
        date = max((m.date for m in meetings), key=len, default="")
        reported = min((docs[d].date for d, _ in rm.members if docs[d].date), default="")
        date_end = _date_end(date, meetings, docs, rm.members)
        date_source = "text" if date else ("reported" if reported else "")
        date = date or reported
        date_text = next((m.date_text for m in meetings if m.date == date and m.date_text), "") or next(
            (m.date_text for m in meetings if m.date_text), "")
        modes = Counter(m.mode for m in meetings if m.mode)
        statuses = [m.status for m in meetings if m.status]
        status = schema.CANCELLED if schema.CANCELLED in statuses else (statuses[-1] if statuses else "")
        place_label = g.nodes[rm.place]["label"] if rm.place in g else ""
        names = [g.nodes[p]["label"] for p, (neg, _, _) in sorted(rm.participants.items()) if not neg and p in g]
        label = "Meeting: " + (", ".join(names) or "unnamed participants")
        label += "".join(f", {x}" for x in (place_label, date) if x)
        provs = [p for m in meetings for p in m.provenance]
        g.add_node(node_id, kind=schema.MEETING, label=label, date=date, date_text=date_text, date_source=date_source,
                   reported=reported, location=place_label, **({"date_end": date_end} if date_end else {}),
                   mode=modes.most_common(1)[0][0] if modes else "", status=status, mentions=len(provs),
                   documents=sorted({d for d, _ in rm.members}), trigger=meetings[0].trigger)
        first = min(provs, key=lambda p: (p.doc_id, p.sent_index)) if provs else None
        for actor, (neg, role, prov) in sorted(rm.participants.items()):
            if actor not in g:
                continue
            attrs = {"relation": schema.PARTICIPANT, "negated": neg, "confidence": 0.7, "category": schema.CONSULT,
                     **_prov(prov or first, docs)}
            if role:
                attrs["role"] = role
            if date:
                attrs["date"] = date
                attrs["date_source"] = date_source
            edges.append((actor, node_id, attrs))
        if rm.place and rm.place in g:
            edges.append((node_id, rm.place, {"relation": schema.HELD_IN, "negated": False, "confidence": 0.7,
                                              **_prov(first, docs)}))
    for r in results:
        for s in r.statements:
            u = res.key_to_node.get((r.doc_id, s.subject))
            v = res.key_to_node.get((r.doc_id, s.object))
            if not u or not v or u not in g or v not in g:
                continue
            attrs = {"relation": s.relation, "category": s.category, "negated": s.negated,
                     "confidence": s.confidence, **_prov(s.provenance, docs)}
            if s.date or r.date:
                attrs["date"] = s.date or r.date
                attrs["date_source"] = "text" if s.date else "reported"
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
