"""Finding a node from the name a user types.

Users type ``Kerry``, ``Mr. Kerry``, ``the U.S.``, ``Putin’s`` or ``RUS``; the
graph holds ``person:john-kerry`` with the label ``John Kerry``.  Names are
compared after :func:`normalize` (the same normalisation as the evaluation
script), in three tiers, and the first tier with a match wins:

1. the label, any alias, the ISO3 code, the node id or its readable slug;
2. the same names with initials and honorifics dropped
   (``Vladimir Putin`` finds ``Vladimir V. Putin``);
3. a person's surname alone (``Tabler`` finds ``Andrew J. Tabler``).

When several nodes match in the winning tier, the kinds are ranked person
before organization before country before location (a person is what a query
about "who" usually means: ``Kerry`` is John Kerry, not County Kerry).  When
two or more nodes of that best kind remain (``Johnson`` with three Johnsons),
picking one by mentions would silently answer about the wrong person, so
:class:`~kgraph.errors.AmbiguousNameError` is raised instead, listing the
candidates with their ids; a fuller name or an id settles it.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any, Iterable

import networkx as nx

from kgraph import schema
from kgraph.errors import AmbiguousNameError, UnknownNameError
from kgraph.io import attr_list

KIND_RANK = {kind: rank for rank, kind in enumerate(schema.ENTITY_KINDS)}
_PLURAL = dict(zip(schema.ENTITY_KINDS, ("people", "organisations", "countries", "places")))
# Forms of address that are not part of anyone's name (query parsing only).
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


def normalize(name: Any) -> str:
    """Case-, punctuation- and article-insensitive form of a name.

    >>> normalize("  The U.S. ")
    'us'
    >>> normalize("Putin’s")
    'putin'
    >>> normalize("Mr. Kerry")
    'mr kerry'
    """
    text = unicodedata.normalize("NFKC", str(name)).translate(_APOSTROPHES).casefold()
    text = re.sub(r"\s+", " ", text.replace(".", "")).strip(" '\"")
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s?$", "", text).strip()


def _short(norm: str) -> str:
    """Drop one-letter initials and honorifics: ``mr vladimir v putin`` -> ``vladimir putin``."""
    words = [w for w in norm.split() if len(w) > 1 and w not in _HONORIFICS]
    return " ".join(words)


def _slug(node: Any) -> str:
    text = str(node)
    return text.split(":", 1)[1].replace("-", " ") if ":" in text else ""


class NameIndex:
    """Maps normalised names to node ids, built once per graph."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self.tiers: tuple[dict[str, set], dict[str, set], dict[str, set]] = ({}, {}, {})
        self.display: dict[str, set[str]] = {}  # normalised name -> labels of its nodes, for suggestions
        for node, data in graph.nodes(data=True):
            self._add(node, data)

    def names_of(self, node: Any) -> set[str]:
        """Every normalised name of ``node`` (tier 1)."""
        data = self.graph.nodes[node]
        raw = [data.get("label"), *attr_list(data.get("aliases")), data.get("iso3"), node, _slug(node)]
        if data.get("kind") == schema.MEETING:
            raw = [node]  # meetings are found by id only; their labels are descriptions
        return {normalize(r) for r in raw if r not in (None, "")} - {""}

    def _add(self, node: Any, data: dict) -> None:
        exact, short, surname = self.tiers
        for norm in self.names_of(node):
            exact.setdefault(norm, set()).add(node)
            if data.get("kind") != schema.MEETING:
                short.setdefault(_short(norm), set()).add(node)
            if data.get("kind") == schema.PERSON and _short(norm):
                surname.setdefault(_short(norm).split()[-1], set()).add(node)
        shown = str(data.get("label") or node)
        for norm in self.names_of(node) if data.get("kind") != schema.MEETING else ():
            self.display.setdefault(norm, set()).add(shown)

    def candidates(self, name: str) -> set:
        """All nodes the name could mean, from the first tier that has any."""
        norm = normalize(name)
        keys = (norm, _short(norm), _short(norm))
        for tier, key in zip(self.tiers, keys):
            if key and tier.get(key):
                return set(tier[key])
        return set()

    def rank(self, node: Any) -> tuple:
        data = self.graph.nodes[node]
        try:
            mentions = int(data.get("mentions") or 0)
        except (TypeError, ValueError):
            mentions = 0
        return (KIND_RANK.get(data.get("kind"), len(KIND_RANK)), -mentions, str(node))

    def resolve(self, name: str, kinds: Iterable[str] | None = None) -> Any:
        """The node ``name`` means (ambiguity rule in the module docstring).

        Raises :class:`~kgraph.errors.UnknownNameError` suggesting close names,
        or :class:`~kgraph.errors.AmbiguousNameError` listing the candidates.
        """
        allowed = set(kinds) if kinds else None
        found = sorted((n for n in self.candidates(name)
                        if allowed is None or self.graph.nodes[n].get("kind") in allowed), key=self.rank)
        if not found:
            raise UnknownNameError(self._unknown_message(name, allowed))
        best = [n for n in found if self.rank(n)[0] == self.rank(found[0])[0]]
        if len(best) > 1:
            raise AmbiguousNameError(self._ambiguous_message(name, best),
                                     [(str(n), str(self.graph.nodes[n].get("label") or n)) for n in best])
        return found[0]

    def _ambiguous_message(self, name: str, nodes: list) -> str:
        shown = []
        for node in nodes[:8]:
            data = self.graph.nodes[node]
            about = ", ".join(x for x in (str(data.get("role") or ""), str(data.get("country") or ""),
                                          f"{-self.rank(node)[1]} mention" + ("" if self.rank(node)[1] == -1 else "s")) if x)
            shown.append(f"{data.get('label') or node} ({node}; {about})")
        more = f" and {len(nodes) - 8} more" if len(nodes) > 8 else ""
        kind = _PLURAL.get(str(self.graph.nodes[nodes[0]].get("kind")), "entities")
        return (f"{name!r} could mean {len(nodes)} {kind}: {'; '.join(shown)}{more}; "
                "ask again with a fuller name or the node id")

    def _unknown_message(self, name: str, kinds: set[str] | None) -> str:
        pool = [norm for norm in self.display
                if kinds is None or any(self.graph.nodes[n].get("kind") in kinds for n in self.tiers[0][norm])]
        close = difflib.get_close_matches(normalize(name), pool, n=5, cutoff=0.6)
        labels = list(dict.fromkeys(shown for norm in close for shown in sorted(self.display[norm])))
        what = f"no {'/'.join(sorted(kinds))}" if kinds else "nothing"
        hint = (f"did you mean: {', '.join(labels)}?" if labels
                else "list the names with `kgraph query entities`")
        return f"{what} named {name!r} in the graph; {hint}"
