"""``KnowledgeGraph``: questions about a built graph, answered as pandas DataFrames.

Every answer is a DataFrame whose rows keep their provenance (``doc_id``,
``sent_index``, ``sentence``) so each fact can be checked against its
article.  Names are looked up as described in :mod:`kgraph.query.names`.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person:john-kerry", kind="person", label="John Kerry", aliases=["Kerry"], country="USA")
>>> g.add_node("person:vladimir-putin", kind="person", label="Vladimir V. Putin", aliases=["Putin"], country="RUS")
>>> g.add_node("location:sochi", kind="location", label="Sochi", country="RUS")
>>> g.add_node("country:RUS", kind="country", label="Russia", iso3="RUS")
>>> g.add_node("meeting:1", kind="meeting", label="Kerry and Putin", date="2015-05-12", location="Sochi")
>>> s = "Kerry met Putin in Sochi."
>>> for who in ("person:john-kerry", "person:vladimir-putin"):
...     _ = g.add_edge(who, "meeting:1", relation="participant", doc_id="d1", sent_index=0, sentence=s)
>>> _ = g.add_edge("meeting:1", "location:sochi", relation="held_in", doc_id="d1", sent_index=0, sentence=s)
>>> _ = g.add_edge("location:sochi", "country:RUS", relation="located_in")
>>> kg = KnowledgeGraph(g)
>>> print(kg.meetings("Mr. Putin", place="Russia")[["date", "location", "participants"]].to_string(index=False))
      date location                  participants
2015-05-12    Sochi John Kerry; Vladimir V. Putin
>>> kg.meetings("Kerry", start="2016").empty
True
>>> kg.node("putin’s")
'person:vladimir-putin'
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph import schema
from kgraph.errors import ConfigError, GraphFormatError, InputNotFoundError
from kgraph.io import read_graphml, read_node_link
from kgraph.query import dyads, links, projections
from kgraph.query.names import NameIndex, normalize
from kgraph.tables import (DOC_COLUMNS, DOCUMENT_COLUMNS, ENTITY_COLUMNS, MEETING_FIELDS, TRIPLE_COLUMNS,
                           document_rows, entity_rows, frame, label, meeting_records, provenance_order,
                           statement_rows)

PLOVER = schema.PLOVER
# ``meeting_mode``, not ``mode``: a column named like a DataFrame method
# (DataFrame.mode) cannot be read as ``df.mode``.
MEETING_COLUMNS = ["id", "label", "date", "date_end", "date_text", "date_source", "location", "meeting_mode",
                   "status", "participants", "negated_participants", "confidence", "doc_id", *DOC_COLUMNS,
                   "sent_index", "sentence"]
TIMELINE_COLUMNS = ["date", "date_source", "type", "subject", "relation", "object", "place", "category", "negated",
                    "meeting_id", "doc_id", *DOC_COLUMNS, "sent_index", "sentence"]
_NO_EVIDENCE = {"doc_id": "", **{c: "" for c in DOC_COLUMNS}, "sent_index": None, "sentence": ""}
log = logging.getLogger(__name__)
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load(path: str | os.PathLike = "output") -> "KnowledgeGraph":
    """Open a built graph: a GraphML file, a node-link ``.json``, or an output folder holding one."""
    source = Path(path)
    if source.is_dir():
        found = [source / n for n in ("graph.graphml", "graph.json") if (source / n).is_file()]
        if not found:
            raise InputNotFoundError(
                f"no graph.graphml in this folder; build it with `kgraph build ARTICLES -o {source}`",
                path=str(source))
        source = found[0]
    elif not source.exists():
        raise InputNotFoundError("no such graph file or output folder; build one with `kgraph build`",
                                 path=str(source))
    graph = read_node_link(source) if source.suffix.lower() == ".json" else read_graphml(source)
    return KnowledgeGraph(graph)


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = str(value)
    if not _ISO_PREFIX.match(value):
        raise ConfigError(f"{name}={value!r} is not an ISO date prefix; use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _check_confidence(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"min_confidence={value!r} is not a number from 0 to 1; "
                          "use e.g. 0.5 to keep the facts the extractor is surer of")
    return number


def _check_category(category: str | None) -> str | None:
    if category is None or category == "":
        return None
    category = str(category).strip().upper()
    if category not in PLOVER:
        raise ConfigError(f"category={category!r} is not a PLOVER type; choose one of {', '.join(PLOVER)}")
    return category


def date_in_range(date: str, start: str | None, end: str | None) -> bool:
    """Whether an ISO prefix may fall in [start, end], comparing only the digits both give.

    ``2015`` is inside ``start=2015-03``; an empty date is inside no range.
    """
    if not start and not end:
        return True
    if not date:
        return False
    for bound, ok in ((start, lambda a, b: a >= b), (end, lambda a, b: a <= b)):
        if bound:
            n = min(len(date), len(bound))
            if not ok(date[:n], bound[:n]):
                return False
    return True


class KnowledgeGraph:
    """Query methods over a kgraph ``MultiDiGraph`` (the graph is read, never modified)."""

    def __init__(self, graph: nx.Graph):
        if not isinstance(graph, nx.MultiDiGraph):
            graph = nx.MultiDiGraph(graph if graph.is_directed() else graph.to_directed())
        if graph.number_of_nodes() and not any("kind" in d for _, d in graph.nodes(data=True)):
            raise GraphFormatError("no node has a 'kind' attribute: this is not a kgraph graph "
                                   "(see docs/graph-schema.md)")
        self.graph = graph
        self.names = NameIndex(graph)

    def __repr__(self) -> str:
        kinds = [d.get("kind") for _, d in self.graph.nodes(data=True)]
        return (f"<KnowledgeGraph: {len(kinds) - kinds.count('meeting')} entities, "
                f"{kinds.count('meeting')} meetings, {self.graph.number_of_edges()} edges>")

    def node(self, name: str, kinds=None) -> Any:
        """The node id a name refers to (raises UnknownNameError with suggestions)."""
        return self.names.resolve(name, kinds)

    # -- entities -----------------------------------------------------------
    def countries_of(self, node: Any) -> set[str]:
        """ISO3 codes ``node`` belongs to: itself, its ``country``, affiliated_with/located_in edges."""
        return dyads.countries(self.graph, node)

    def entities(self, kind: str | None = None, country: str | None = None):
        """People, organisations, countries and places, optionally of one kind or one country."""
        kinds = sorted({d.get("kind") for _, d in self.graph.nodes(data=True)} - {schema.MEETING, None})
        if kind is not None and kind not in kinds:
            raise ConfigError(f"kind={kind!r} is not in this graph; choose one of {', '.join(kinds)}")
        rows = [r for r in entity_rows(self.graph) if kind is None or r["kind"] == kind]
        if country is not None:
            iso3 = self._iso3(country)
            rows = [r for r in rows if r["kind"] != schema.COUNTRY and iso3 in self.countries_of(r["id"])]
        return frame(rows, ENTITY_COLUMNS)

    def _iso3(self, country: str) -> str:
        if re.fullmatch(r"[A-Za-z]{3}", country.strip()) and not self.names.candidates(country):
            return country.strip().upper()
        node = self.node(country, kinds={schema.COUNTRY})
        return str(self.graph.nodes[node].get("iso3") or node)

    def documents(self):
        """The articles the graph was built from, as in ``documents.csv``: ``doc_id``, ``title``,
        ``date``, ``url``, ``source`` (when known) and how many statements and meetings each gave."""
        return frame(document_rows(self.graph), DOCUMENT_COLUMNS)

    # -- meetings -----------------------------------------------------------
    def meetings(self, *participants: str, place: str | None = None, start: str | None = None,
                 end: str | None = None, min_confidence: float = 0):
        """Meetings with all the named participants, optionally at a place and within dates.

        Negated participations ("did not attend") are not participation.
        ``place`` matches the meeting's location or held_in node by any of its
        names, and also meetings at places inside it (``place="Russia"`` finds
        Sochi).  ``start``/``end`` are ISO prefixes compared on the digits both
        give (see :func:`date_in_range`); undated meetings drop out, and the frame's
        ``attrs["undated_left_out"]`` says how many did.  A meeting whose text gives no date
        carries its article's date with ``date_source="reported"``.
        A meeting's ``confidence`` is the highest of its affirmed
        participations; ``min_confidence`` keeps meetings at least that sure.
        """
        start, end = _check_date(start, "start"), _check_date(end, "end")
        min_confidence = _check_confidence(min_confidence)
        wanted = [self.node(p) for p in participants]
        records = meeting_records(self.graph)
        places = self._places(place, {normalize(r["location"]) for r in records}) if place else None
        rows = []
        left_out = 0
        for rec in records:
            if not set(wanted) <= set(rec["participant_ids"]):
                continue
            if places is not None and not (places[0] & set(rec["place_ids"])
                                           or normalize(rec["location"]) in places[1]):
                continue
            if not date_in_range(rec["date"], start, end):
                left_out += not rec["date"]
                continue
            sure = max((dyads.confidence(d) for u, _, d in self.graph.in_edges(rec["node"], data=True)
                        if d.get("relation") == schema.PARTICIPANT and u in rec["participant_ids"]), default=0.0)
            if sure < min_confidence:
                continue
            first = rec["evidence"][0] if rec["evidence"] else _NO_EVIDENCE
            rows.append({
                **{c: rec[c] for c in MEETING_FIELDS},
                "meeting_mode": rec["mode"], "confidence": sure,
                "participants": "; ".join(sorted(label(self.graph, n) for n in rec["participant_ids"])),
                "negated_participants": "; ".join(sorted(label(self.graph, n) for n in rec["negated_ids"])),
                **first,
            })
        df = frame(rows, MEETING_COLUMNS)
        df.attrs["undated_left_out"] = left_out
        return df

    def _places(self, place: str, locations: set[str]) -> tuple[set, set[str]]:
        """Nodes that are ``place`` or lie in it, and all their names (``locations``: meeting locations)."""
        g = self.graph
        nodes = {n for n in self.names.candidates(place) if g.nodes[n].get("kind") != schema.MEETING}
        inside = {str(g.nodes[n].get("iso3")) for n in nodes if g.nodes[n].get("kind") == schema.COUNTRY}
        frontier = set(nodes)
        while frontier:  # everything located_in a matched place, transitively
            frontier = {u for n in frontier for u, _, d in g.in_edges(n, data=True)
                        if d.get("relation") == schema.LOCATED_IN} - nodes
            nodes |= frontier
        nodes |= {n for n, d in g.nodes(data=True) if d.get("kind") in {schema.LOCATION, schema.ORGANIZATION}
                  and d.get("country") and d.get("country") in inside}
        names = {normalize(place)} | {name for n in nodes for name in self.names.names_of(n)}
        if not nodes and normalize(place) not in locations:
            self.node(place)  # raises UnknownNameError with suggestions
        return nodes, names

    # -- statements ----------------------------------------------------------
    def statements(self, subject: str | None = None, object: str | None = None,  # noqa: A002 - API name
                   category: str | None = None, negated: bool | None = None, min_confidence: float = 0):
        """Statements (every non-structural edge) by subject, object, PLOVER category, negation, confidence."""
        subject_id = str(self.node(subject)) if subject else None
        object_id = str(self.node(object)) if object else None
        category = _check_category(category)
        min_confidence = _check_confidence(min_confidence)
        rows = [r for r in statement_rows(self.graph)
                if (subject_id is None or r["subject_id"] == subject_id)
                and (object_id is None or r["object_id"] == object_id)
                and (category is None or r["category"] == category)
                and (negated is None or r["negated"] == bool(negated))
                and (not min_confidence or r["confidence"] >= min_confidence)]
        return frame(rows, TRIPLE_COLUMNS)

    def timeline(self, name: str, undated: bool = False):
        """Meetings and statements of one actor in date order (undated ones last, if asked for)."""
        node = self.node(name)
        who = label(self.graph, node)
        rows = []
        for rec in meeting_records(self.graph):
            if node not in rec["participant_ids"]:
                continue
            others = [label(self.graph, n) for n in rec["participant_ids"] if n != node]
            for ev in rec["evidence"][:1] or [_NO_EVIDENCE]:
                rows.append({"date": rec["date"], "date_source": rec["date_source"], "type": "meeting", "subject": who,
                             "relation": rec["mode"] or "meet", "object": "; ".join(sorted(others)),
                             "place": rec["location"], "category": schema.CONSULT, "negated": False,
                             "meeting_id": rec["id"], **ev})
        for row in statement_rows(self.graph):
            if str(node) in (row["subject_id"], row["object_id"]):
                rows.append({**{c: row[c] for c in TIMELINE_COLUMNS if c in row},
                             "type": "statement", "place": "", "meeting_id": ""})
        left_out = 0 if undated else sum(1 for r in rows if not r["date"])
        rows = [r for r in rows if undated or r["date"]]
        rows.sort(key=lambda r: (r["date"] == "", r["date"], *provenance_order(r), r["type"]))
        df = frame(rows, TIMELINE_COLUMNS)
        df.attrs["undated_left_out"] = left_out
        if left_out:
            log.info("timeline(%r): %d undated rows left out; pass undated=True to see them", name, left_out)
        return df

    # -- links ---------------------------------------------------------------
    def neighbors(self, name: str):
        """Everything linked to ``name``: statement and structural edges, and people met (via the meeting)."""
        return links.neighbors(self.graph, self.node(name))

    def evidence(self, a: str, b: str, **filters):
        """Every sentence linking two entities, directly or through a shared meeting.

        For two countries these are the sentences behind their dyads (both
        directions, people and organisations rolled up as :meth:`dyads`
        counts them); ``filters`` are those of :meth:`dyads`.
        """
        first, second = self.node(a), self.node(b)
        g = self.graph
        if g.nodes[first].get("kind") == schema.COUNTRY and g.nodes[second].get("kind") == schema.COUNTRY:
            codes = [next(iter(dyads.countries(g, n))) for n in (first, second)]
            rows = dyads.evidence_rows(g, *codes, **self._dyad_filters(**filters))
            rows.sort(key=lambda r: (*provenance_order(r), r["via"], r["subject"], r["object"]))
            return frame(rows, links.EVIDENCE_COLUMNS)
        if filters:
            raise ConfigError("evidence filters (category, start, end, min_confidence) apply to two countries "
                              f"only; {a!r} and {b!r} are not both countries")
        return links.evidence(g, first, second)

    def path(self, a: str, b: str):
        """Shortest chain of affirmed edges joining two entities, one row per hop (empty if none)."""
        return links.path(self.graph, self.node(a), self.node(b))

    def dyads(self, category: str | None = None, start: str | None = None, end: str | None = None,
              min_confidence: float = 0):
        """Country-to-country event counts per PLOVER category (see :mod:`kgraph.query.dyads`).

        ``category`` counts only that PLOVER type (pairs without it drop out);
        ``start``/``end`` (ISO prefixes) keep events dated in that range;
        ``min_confidence`` keeps events the extractor is at least that sure of.
        """
        return dyads.dyads(self.graph, **self._dyad_filters(category, start, end, min_confidence))

    def country_graph(self, category: str | None = None, start: str | None = None, end: str | None = None,
                      min_confidence: float = 0) -> nx.DiGraph:
        """Countries as a weighted ``DiGraph`` for networkx or Gephi (see :mod:`kgraph.query.projections`)."""
        return projections.country_graph(self.graph, **self._dyad_filters(category, start, end, min_confidence))

    def met_graph(self, min_confidence: float = 0) -> nx.Graph:
        """People who met as a weighted ``Graph`` (see :mod:`kgraph.query.projections`)."""
        return projections.met_graph(self.graph, _check_confidence(min_confidence))

    @staticmethod
    def _dyad_filters(category=None, start=None, end=None, min_confidence=0) -> dict:
        return {"category": _check_category(category), "start": _check_date(start, "start"),
                "end": _check_date(end, "end"), "min_confidence": _check_confidence(min_confidence)}


__all__ = ["KnowledgeGraph", "load", "date_in_range", "PLOVER"]
