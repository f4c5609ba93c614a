"""What the details panel shows: attributes, evidence sentences and the documents they come from.

A tooltip vanishes when the pointer moves onto it, so a sentence in it cannot
be selected or copied; the page therefore opens a side panel on click.  The
panel is filled in the browser through ``textContent`` only, from the plain
data built here: evidence as ``[doc_id, sentence index, sentence, what]``,
which :func:`pack` turns into ``[sentence number, what]`` over one table of
sentences (a sentence behind an edge is also evidence of both its ends; on
a 5,000-node page the table saves a megabyte), and one table of documents
(title, date, link) shared by every node and edge.
The data travels in a ``<script type="application/json">`` element whose
``<``, ``>`` and ``&`` are written as ``\\u003c``-style escapes, so article
text cannot close the element or be read as markup.
"""
from __future__ import annotations

import json

from kgraph.render import style

EVIDENCE_MAX = 40  # sentences listed per node; the panel says how many more there are
_SAFE_SCHEMES = ("http://", "https://")


def evidence(data: dict, what: str) -> list | None:
    """One evidence entry for an edge, or None when it carries no sentence."""
    sentence = style.text(data.get("sentence"), 2000)
    if not sentence:
        return None
    return [style.text(data.get("doc_id")), style.as_int(data.get("sent_index"), -1), sentence, what]


def node_evidence(graph, node, label_of) -> tuple[list, int]:
    """Distinct sentences of every edge touching ``node`` (first ``EVIDENCE_MAX``), and their number."""
    found: dict[tuple, list] = {}
    whats: dict[tuple, set] = {}
    edges = [(u, v, d) for u, v, d in graph.out_edges(node, data=True)]
    edges += [(u, v, d) for u, v, d in graph.in_edges(node, data=True)]
    for u, v, data in edges:
        relation = style.text(data.get("relation")) or "related to"
        what = f"{label_of(graph, u)} \u2192 {relation} \u2192 {label_of(graph, v)}"
        if style.as_bool(data.get("negated")):
            what += " (negated)"
        entry = evidence(data, what)
        if entry is None:
            continue
        key = (entry[0], entry[1], entry[2])
        found.setdefault(key, entry)
        whats.setdefault(key, set()).add(what)
    for key, entry in found.items():
        entry[3] = "; ".join(sorted(whats[key]))
    ordered = sorted(found.values(), key=lambda e: (e[0], e[1], e[2]))
    return ordered[:EVIDENCE_MAX], len(ordered)


def documents(graph, doc_ids) -> dict[str, list[str]]:
    """doc id -> [title, date, url] for the documents cited on the page (url only if http/https)."""
    from kgraph.tables import document_info

    info = document_info(graph)
    out = {}
    for doc in sorted(d for d in doc_ids if d):
        meta = info.get(doc) if isinstance(info.get(doc), dict) else {}
        url = style.text(meta.get("url"), 2000)
        out[doc] = [style.text(meta.get("title"), 300), style.text(meta.get("date"), 40),
                    url if url.lower().startswith(_SAFE_SCHEMES) else ""]
    return out


def script_json(element_id: str, data) -> str:
    """``data`` as an inert JSON script element that no article text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def pack(items: list[dict]) -> list[list]:
    """Replace each ``ev`` entry of ``items`` by ``[row, what]`` into the returned sentence table.

    Rows are ``[doc_id, sentence index, sentence]``, numbered in order of
    first use, so the same view always gives the same table.
    """
    table: dict[tuple, int] = {}
    for item in items:
        packed = []
        for doc, index, sentence, what in item.get("ev", ()):
            row = table.setdefault((doc, index, sentence), len(table))
            packed.append([row, what])
        if "ev" in item:
            item["ev"] = packed
        panel = item.get("panel")
        if panel and "ev" in panel:
            panel["ev"] = [[table.setdefault((d, i, s), len(table)), w] for d, i, s, w in panel["ev"]]
    return [list(key) for key in table]
