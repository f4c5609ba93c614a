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
"""
from __future__ import annotations

from itertools import permutations
from typing import Any

import networkx as nx

from kgraph.io import attr_bool
from kgraph.tables import frame

QUAD_CLASSES = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
CATEGORIES = tuple(c for classes in QUAD_CLASSES.values() for c in classes)
DYAD_COLUMNS = ["source", "target", "source_name", "target_name", *CATEGORIES, *QUAD_CLASSES,
                "cooperation", "conflict", "total"]
_LINKS = {"affiliated_with", "located_in"}


def countries(graph: nx.MultiDiGraph, node: Any, depth: int = 2) -> set[str]:
    """ISO3 codes of the countries ``node`` stands for or belongs to (rules in the module docstring)."""
    data = graph.nodes[node]
    if data.get("kind") == "country":
        return {str(data.get("iso3") or node).upper()}
    found = {str(data["country"]).upper()} if data.get("country") else set()
    via = []
    for _, other, edata in graph.out_edges(node, data=True):
        if edata.get("relation") in _LINKS and not attr_bool(edata.get("negated", False)):
            if graph.nodes[other].get("kind") == "country":
                found |= countries(graph, other)
            else:
                via.append(other)
    if not found and depth > 0:
        for other in via:
            found |= countries(graph, other, depth - 1)
    return found


def _participants(graph: nx.MultiDiGraph) -> dict[Any, set]:
    """meeting -> actors with an affirmed participant edge."""
    out: dict[Any, set] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("relation") == "participant" and not attr_bool(data.get("negated", False)):
            out.setdefault(v, set()).add(u)
    return out


def _sentence(data: dict) -> tuple[str, str]:
    return str(data.get("doc_id", "")), str(data.get("sent_index", ""))


def dyads(graph: nx.MultiDiGraph):
    """The dyad table, busiest pairs first."""
    events: dict[tuple[str, str], dict[str, set]] = {}
    meeting_sentences: dict[tuple[str, str], set] = {}  # pair -> sentences that reported its meetings

    def count(src: set[str], dst: set[str], category: str, unit: tuple, sentence: tuple | None = None) -> None:
        for s in src:
            for t in dst - {s}:
                if category == "CONSULT" and sentence in meeting_sentences.get((s, t), ()):
                    continue
                events.setdefault((s, t), {}).setdefault(category, set()).add(unit)

    meetings = _participants(graph)
    met = {pair for actors in meetings.values() for pair in permutations(actors, 2)}
    for meeting, actors in sorted(meetings.items(), key=lambda kv: str(kv[0])):
        sentences = {_sentence(d) for _, _, d in graph.in_edges(meeting, data=True)}
        for a, b in permutations(sorted(actors, key=str), 2):
            for pair in ((s, t) for s in countries(graph, a) for t in countries(graph, b)):
                meeting_sentences.setdefault(pair, set()).update(sentences)
            count(countries(graph, a), countries(graph, b), "CONSULT", ("meeting", str(meeting)))
    for u, v, key, data in graph.edges(keys=True, data=True):
        category = str(data.get("category") or "").upper()
        if category not in CATEGORIES or attr_bool(data.get("negated", False)):
            continue
        if data.get("relation") == "participant" or (category == "CONSULT" and (u, v) in met):
            continue
        unit = ("sentence", *_sentence(data))
        if not data.get("doc_id") and data.get("sent_index") is None:
            unit = ("edge", str(u), str(v), str(key))
        count(countries(graph, u), countries(graph, v), category, unit, _sentence(data))

    names = {str(d.get("iso3") or n).upper(): str(d.get("label") or n)
             for n, d in graph.nodes(data=True) if d.get("kind") == "country"}
    rows = []
    for (s, t), per_category in events.items():
        row: dict[str, Any] = {"source": s, "target": t, "source_name": names.get(s, s), "target_name": names.get(t, t)}
        row.update({c: len(per_category.get(c, ())) for c in CATEGORIES})
        row.update({q: sum(row[c] for c in cats) for q, cats in QUAD_CLASSES.items()})
        row["cooperation"] = row["verbal_cooperation"] + row["material_cooperation"]
        row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
        row["total"] = row["cooperation"] + row["conflict"]
        rows.append(row)
    rows.sort(key=lambda r: (-r["total"], r["source"], r["target"]))
    return frame(rows, DYAD_COLUMNS)
