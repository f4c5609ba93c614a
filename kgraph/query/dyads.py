"""Country dyads: who does what to whom, rolled up from people and organisations to countries.

Event data (GDELT, ICEWS, PLOVER) is read at the level of country pairs, so
``dyads()`` gives one row per directed pair (source country -> target
country) with a count per PLOVER category and PLOVER's four "quad classes":

==================  ==========================================
verbal cooperation  AGREE, CONSULT, SUPPORT, CONCEDE
material cooperation COOPERATE, AID, RETREAT
verbal conflict     REQUEST, ACCUSE, REJECT, THREATEN
material conflict   PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
==================  ==========================================

``cooperation`` is the sum of the two cooperation classes and ``conflict``
of the two conflict classes.  Counting rules:

* an actor's countries are its own ISO3 (countries), its ``country``
  attribute, and its affiliated_with / located_in edges to countries; an
  actor with none of these takes the countries of the organisations it is
  affiliated with;
* a meeting is one CONSULT in each direction between every pair of
  countries of different (non-negated) participants;
* a CONSULT statement between two actors who share a meeting, or read from
  a sentence that reported a meeting between the same two countries, is
  that meeting again and is not counted twice;
* other statements count once per sentence, category and pair; negated
  statements and statements without a category do not count; events inside
  one country (USA -> USA) are left out.

Filters (``category``, ``start``/``end``, ``min_confidence``) select events
before they are counted, so every count can be traced back with
:func:`events` to the sentences behind it (``kg.evidence("Argentina",
"United States")``).  A meeting's date is the meeting's; its confidence the
highest of its affirmed participations.  A statement's are its own; with
``start`` or ``end`` undated events drop out.
"""
from __future__ import annotations

from itertools import permutations
from typing import Any

import networkx as nx

from kgraph import schema
from kgraph.io import attr_bool
from kgraph.tables import frame, label, provenance

QUAD_CLASSES = schema.QUAD_CLASSES
CATEGORIES = schema.PLOVER
DYAD_COLUMNS = ["source", "target", "source_name", "target_name", *CATEGORIES, *QUAD_CLASSES,
                "cooperation", "conflict", "total"]
_LINKS = schema.COUNTRY_LINKS


def countries(graph: nx.MultiDiGraph, node: Any, depth: int = 2) -> set[str]:
    """ISO3 codes of the countries ``node`` stands for or belongs to (rules in the module docstring)."""
    data = graph.nodes[node]
    if data.get("kind") == schema.COUNTRY:
        return {str(data.get("iso3") or node).upper()}
    found = {str(data["country"]).upper()} if data.get("country") else set()
    via = []
    for _, other, edata in graph.out_edges(node, data=True):
        if edata.get("relation") in _LINKS and not attr_bool(edata.get("negated", False)):
            if graph.nodes[other].get("kind") == schema.COUNTRY:
                found |= countries(graph, other)
            else:
                via.append(other)
    if not found and depth > 0:
        for other in via:
            found |= countries(graph, other, depth - 1)
    return found


def _participants(graph: nx.MultiDiGraph) -> dict[Any, list[tuple[Any, dict]]]:
    """meeting -> (actor, edge data) of each affirmed participant edge."""
    out: dict[Any, list] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("relation") == schema.PARTICIPANT and not attr_bool(data.get("negated", False)):
            out.setdefault(v, []).append((u, data))
    return out


def _sentence(data: dict) -> tuple[str, str]:
    return str(data.get("doc_id", "")), str(data.get("sent_index", ""))


def confidence(data: dict) -> float:
    """An edge's confidence as a float (0 when missing or unreadable)."""
    try:
        value = float(data.get("confidence", 0) or 0)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if value != value else value  # NaN


def _row(graph, u, v, data, via: str, category: str, meeting: str = "", date: str = "") -> dict:
    return {"via": via, "subject": label(graph, u), "relation": str(data.get("relation", "")),
            "object": label(graph, v), "meeting_id": meeting, "category": category,
            "negated": attr_bool(data.get("negated", False)), "date": date or str(data.get("date") or ""),
            **provenance(data)}


def events(graph: nx.MultiDiGraph, *, category: str | None = None, start: str | None = None,
           end: str | None = None, min_confidence: float = 0.0) -> list[dict]:
    """Every counted country-to-country event: source, target, category, unit and evidence rows.

    ``unit`` identifies what is counted once (a meeting, or a sentence);
    ``rows`` are evidence rows (``links.EVIDENCE_COLUMNS``) for the sentences
    behind it.  ``start``/``end`` must already be checked ISO prefixes.
    """
    from kgraph.query.core import date_in_range

    out: list[dict] = []
    meeting_sentences: dict[tuple[str, str], set] = {}  # pair -> sentences that reported its meetings

    def wanted(cat: str, date: str, conf: float) -> bool:
        return ((category is None or cat == category) and date_in_range(date, start, end)
                and conf >= min_confidence)

    meetings = _participants(graph)
    met = {(a, b) for edges in meetings.values() for a, _ in edges for b, _ in edges if a != b}
    for meeting, edges in sorted(meetings.items(), key=lambda kv: str(kv[0])):
        actors = sorted({a for a, _ in edges}, key=str)
        sentences = {_sentence(d) for _, _, d in graph.in_edges(meeting, data=True)}
        date = str(graph.nodes[meeting].get("date") or "")
        keep = wanted(schema.CONSULT, date, max(confidence(d) for _, d in edges))
        for a, b in permutations(actors, 2):
            for s in countries(graph, a):
                for t in countries(graph, b) - {s}:
                    meeting_sentences.setdefault((s, t), set()).update(sentences)
                    if not keep:
                        continue
                    rows = [_row(graph, actor, meeting, d, "meeting", schema.CONSULT, str(meeting), date)
                            for actor, d in edges if actor in (a, b)]
                    out.append({"source": s, "target": t, "category": schema.CONSULT,
                                "unit": ("meeting", str(meeting)), "rows": rows})
    for u, v, key, data in graph.edges(keys=True, data=True):
        cat = str(data.get("category") or "").upper()
        if cat not in CATEGORIES or attr_bool(data.get("negated", False)):
            continue
        if data.get("relation") == schema.PARTICIPANT or (cat == schema.CONSULT and (u, v) in met):
            continue
        if not wanted(cat, str(data.get("date") or ""), confidence(data)):
            continue
        unit = ("sentence", *_sentence(data))
        if not data.get("doc_id") and data.get("sent_index") is None:
            unit = ("edge", str(u), str(v), str(key))
        for s in countries(graph, u):
            for t in countries(graph, v) - {s}:
                if cat == schema.CONSULT and _sentence(data) in meeting_sentences.get((s, t), ()):
                    continue
                out.append({"source": s, "target": t, "category": cat, "unit": unit,
                            "rows": [_row(graph, u, v, data, "statement", cat)]})
    return out


def country_names(graph: nx.MultiDiGraph) -> dict[str, str]:
    """ISO3 -> the country node's label."""
    return {str(d.get("iso3") or n).upper(): str(d.get("label") or n)
            for n, d in graph.nodes(data=True) if d.get("kind") == schema.COUNTRY}


def dyads(graph: nx.MultiDiGraph, **filters):
    """The dyad table, busiest pairs first (``filters``: see :func:`events`)."""
    return frame(dyad_rows(graph, **filters), DYAD_COLUMNS)


def dyad_rows(graph: nx.MultiDiGraph, **filters) -> list[dict]:
    """The rows of :func:`dyads` as dicts (``dyads.csv`` is written from them, without pandas)."""
    counted: dict[tuple[str, str], dict[str, set]] = {}
    for event in events(graph, **filters):
        pair = (event["source"], event["target"])
        counted.setdefault(pair, {}).setdefault(event["category"], set()).add(event["unit"])
    names = country_names(graph)
    rows = []
    for (s, t), per_category in counted.items():
        row: dict[str, Any] = {"source": s, "target": t, "source_name": names.get(s, s), "target_name": names.get(t, t)}
        row.update({c: len(per_category.get(c, ())) for c in CATEGORIES})
        row.update({q: sum(row[c] for c in cats) for q, cats in QUAD_CLASSES.items()})
        row["cooperation"] = row["verbal_cooperation"] + row["material_cooperation"]
        row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
        row["total"] = row["cooperation"] + row["conflict"]
        rows.append(row)
    rows.sort(key=lambda r: (-r["total"], r["source"], r["target"]))
    return rows


def evidence_rows(graph: nx.MultiDiGraph, a: str, b: str, **filters) -> list[dict]:
    """Evidence rows behind the dyads a -> b and b -> a (ISO3 codes), without repeats."""
    rows = [row for event in events(graph, **filters)
            if {event["source"], event["target"]} == {a, b} for row in event["rows"]]
    return list({tuple(map(str, r.values())): r for r in rows}.values())
