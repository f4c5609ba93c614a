"""The graph as flat tables: one statement, entity or meeting per row.

Spreadsheets and pandas users want rows, not a graph, and every row keeps its
provenance (document id, sentence index, sentence) so a reader can check a
fact against the article.  The same row builders feed the CSV files and the
query API (:mod:`kgraph.query`), so both agree on what a statement or a
meeting is.  Lists are joined with ``"; "`` (sentences with a newline) so the
CSVs open cleanly in a spreadsheet.  The build writes the CSVs from the rows
with the csv module (:func:`write_rows`): importing pandas would cost more
than writing a small build's files; the bytes are those pandas writes.

Article text is hostile input, and a spreadsheet runs a cell that begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
(``=HYPERLINK(...)`` as a doc id, ``@Trump`` as a name).  As OWASP
recommends for CSV injection, such text cells are written with a single
quote in front (:func:`csv_cell`); :func:`read_table` takes it off again.
The query API and ``kgraph.load`` never see the quote: they read the graph,
not the CSVs.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph import schema
from kgraph.io import atomic_write, attr_bool, attr_list

DOC_COLUMNS = ["doc_title", "doc_date", "doc_url"]  # the document beside every doc_id
TRIPLE_COLUMNS = ["subject", "subject_id", "relation", "object", "object_id", "category", "negated",
                  "confidence", "date", "date_source", "doc_id", *DOC_COLUMNS, "sent_index", "sentence"]
DOCUMENT_COLUMNS = ["doc_id", "title", "date", "url", "source", "statements", "meetings"]  # documents.csv
ENTITY_COLUMNS = ["id", "kind", "label", "aliases", "iso3", "country", "role", "mentions", "documents"]
# ``meeting_mode``, not ``mode``: a column named like a DataFrame method (DataFrame.mode)
# cannot be read as ``df.mode``
MEETING_COLUMNS = ["id", "label", "date", "date_end", "date_text", "date_source", "location", "meeting_mode",
                   "status", "participants", "negated_participants", "doc_ids", *DOC_COLUMNS, "sentences"]
# the columns a meeting row takes as they are from :func:`meeting_records` (its "mode" is renamed)
MEETING_FIELDS = ("id", "label", "date", "date_end", "date_text", "date_source", "location", "status")
_DTYPES = {"sent_index": "Int64", "mentions": "Int64", "confidence": "float64", "negated": "bool",
           "statements": "Int64", "meetings": "Int64"}
FORMULA_START = frozenset("=+-@\t\r")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet will show as text: ``'`` before a formula's first character.

    Text that already starts with quotes before such a character gets one
    more, so that :func:`plain_cell` gives back exactly what was written.

    >>> csv_cell("=HYPERLINK(x)"), csv_cell("@Trump"), csv_cell("'=1"), csv_cell("O'Brien"), csv_cell(-5)
    ("'=HYPERLINK(x)", "'@Trump", "''=1", "O'Brien", -5)
    """
    if isinstance(value, str) and value.lstrip("'")[:1] in FORMULA_START:
        return "'" + value
    return value


def plain_cell(value: Any) -> Any:
    """The text :func:`csv_cell` was given.

    >>> plain_cell("'=HYPERLINK(x)"), plain_cell("''=1"), plain_cell("'quoted'")
    ('=HYPERLINK(x)', "'=1", "'quoted'")
    """
    if isinstance(value, str) and value[:1] == "'" and value.lstrip("'")[:1] in FORMULA_START:
        return value[1:]
    return value


def label(graph: nx.MultiDiGraph, node: Any) -> str:
    """Display name of a node: its ``label``, else its id."""
    return str(graph.nodes[node].get("label") or node)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _sent_index(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def provenance(data: dict) -> dict:
    """The provenance columns of one edge."""
    return {"doc_id": _text(data.get("doc_id")), **{c: _text(data.get(c)) for c in DOC_COLUMNS},
            "sent_index": _sent_index(data.get("sent_index")), "sentence": _text(data.get("sentence"))}


def is_statement(data: dict) -> bool:
    """Every edge that is not structural (participant, held_in, located_in, affiliated_with)."""
    return not schema.is_structural(data.get("relation"))


def provenance_order(row: dict) -> tuple:
    """Sort key for rows with provenance: document, then sentence (rows without one first)."""
    index = row.get("sent_index")
    return (row.get("doc_id") or "", -1 if index is None else index)


def statement_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One dict per statement edge, in document/sentence order."""
    rows = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        if not is_statement(data):
            continue
        try:
            confidence = float(data.get("confidence"))
        except (TypeError, ValueError):
            confidence = float("nan")
        rows.append({
            "subject": label(graph, u), "subject_id": str(u), "relation": _text(data.get("relation")),
            "object": label(graph, v), "object_id": str(v), "category": _text(data.get("category")),
            "negated": attr_bool(data.get("negated", False)), "confidence": confidence,
            "date": _text(data.get("date")), "date_source": _text(data.get("date_source")), **provenance(data),
            "_key": str(key),
        })
    rows.sort(key=lambda r: (*provenance_order(r), r["subject_id"], r["relation"], r["object_id"], r["_key"]))
    for row in rows:
        del row["_key"]
    return rows


def entity_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One dict per non-meeting node, sorted by id."""
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") == schema.MEETING:
            continue
        mentions = _sent_index(data.get("mentions"))
        rows.append({
            "id": str(node), "kind": _text(data.get("kind")), "label": label(graph, node),
            "aliases": "; ".join(map(str, attr_list(data.get("aliases")))), "iso3": _text(data.get("iso3")),
            "country": _text(data.get("country")), "role": _text(data.get("role")), "mentions": mentions,
            "documents": "; ".join(map(str, attr_list(data.get("documents")))),
        })
    rows.sort(key=lambda r: r["id"])
    return rows


def meeting_records(graph: nx.MultiDiGraph) -> list[dict]:
    """One dict per meeting node with participant ids and its evidence, dated meetings first.

    ``participants`` holds only non-negated participations: "did not attend"
    is not attendance.  ``evidence`` lists the provenance of every
    participant and held_in edge, in document order, without repeats.
    """
    records = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != schema.MEETING:
            continue
        present, absent, places, evidence = set(), set(), [], []
        for u, _, edata in graph.in_edges(node, data=True):
            if edata.get("relation") == schema.PARTICIPANT:
                (absent if attr_bool(edata.get("negated", False)) else present).add(u)
                evidence.append(provenance(edata))
        for _, v, edata in graph.out_edges(node, data=True):
            if edata.get("relation") == schema.HELD_IN:
                places.append(v)
                evidence.append(provenance(edata))
        unique = {(e["doc_id"], e["sent_index"], e["sentence"]): e for e in evidence if e["doc_id"] or e["sentence"]}
        for e in unique.values():  # a meeting lists its documents: the first edge's are everyone's
            for c in DOC_COLUMNS:
                e[c] = e[c] or next((o[c] for o in evidence if o["doc_id"] == e["doc_id"] and o[c]), "")
        places.sort(key=str)
        records.append({
            "id": str(node), "node": node, "label": label(graph, node), "date": _text(data.get("date")),
            "date_end": _text(data.get("date_end")), "date_text": _text(data.get("date_text")),
            "date_source": _text(data.get("date_source")),
            "location": _text(data.get("location")) or "; ".join(label(graph, p) for p in places),
            "mode": _text(data.get("mode")), "status": _text(data.get("status")),
            "participant_ids": sorted(present, key=str), "negated_ids": sorted(absent - present, key=str),
            "place_ids": places, "evidence": sorted(unique.values(), key=provenance_order),
        })
    records.sort(key=lambda r: (r["date"] == "", r["date"], r["id"]))
    return records


def _labels(graph: nx.MultiDiGraph, nodes: list) -> str:
    return "; ".join(sorted(label(graph, n) for n in nodes))


def frame(rows: list[dict], columns: list[str]):
    """A DataFrame with the given columns (also when empty) and nullable integer columns."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    return df.astype({c: t for c, t in _DTYPES.items() if c in df.columns})


def table_rows(graph: nx.MultiDiGraph) -> dict[str, tuple[list[dict], list[str]]]:
    """``{"triples", "entities", "meetings", "documents"}`` -> (rows, columns): the four CSVs as rows."""
    meetings = []
    for rec in meeting_records(graph):
        firsts = list({e["doc_id"]: e for e in reversed(rec["evidence"]) if e["doc_id"]}.values())[::-1]
        meetings.append({
            **{c: rec[c] for c in MEETING_FIELDS},
            "meeting_mode": rec["mode"],  # not "mode", which would shadow DataFrame.mode
            "participants": _labels(graph, rec["participant_ids"]),
            "negated_participants": _labels(graph, rec["negated_ids"]),
            "doc_ids": "; ".join(dict.fromkeys(e["doc_id"] for e in rec["evidence"] if e["doc_id"])),
            **{c: "; ".join(e[c] for e in firsts) for c in DOC_COLUMNS},
            "sentences": "\n".join(dict.fromkeys(e["sentence"] for e in rec["evidence"] if e["sentence"])),
        })
    return {
        "triples": (statement_rows(graph), TRIPLE_COLUMNS),
        "entities": (entity_rows(graph), ENTITY_COLUMNS),
        "meetings": (sorted(meetings, key=lambda r: r["id"]), MEETING_COLUMNS),
        "documents": (document_rows(graph), DOCUMENT_COLUMNS),
    }


def graph_tables(graph: nx.MultiDiGraph) -> dict:
    """``{"triples", "entities", "meetings", "documents"}`` -> DataFrame, the contents of the CSVs."""
    return {name: frame(rows, columns) for name, (rows, columns) in table_rows(graph).items()}


def document_info(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """doc id -> ``{"title", "date", "url", "source", "statements", "meetings"}`` (each only when known).

    The graph's ``document_info`` (a JSON string once read from GraphML); anything
    that is not such a mapping counts as no information, so a foreign file cannot
    break the page or the query API.
    """
    info = graph.graph.get("document_info") or {}
    if isinstance(info, str):
        import json

        try:
            info = json.loads(info)
        except ValueError:
            info = {}
    if not isinstance(info, dict):
        return {}
    return {str(doc): meta for doc, meta in info.items() if isinstance(meta, dict)}


def document_rows(graph: nx.MultiDiGraph) -> list[dict]:
    """One dict per document of the build: the rows of ``documents.csv``."""
    counts = {"statements", "meetings"}
    return [{"doc_id": doc, **{c: (meta.get(c) if c in counts else _text(meta.get(c))) for c in DOCUMENT_COLUMNS[1:]}}
            for doc, meta in sorted(document_info(graph).items())]


def write_tables(graph: nx.MultiDiGraph, folder: str | os.PathLike) -> list[Path]:
    """Write ``triples.csv``, ``entities.csv``, ``meetings.csv``, ``documents.csv`` into ``folder``.

    The folder itself is created when missing (not its parents); each file
    is written atomically, so a failed run leaves earlier CSVs intact.
    """
    out = Path(folder)
    if not out.is_dir():
        try:
            out.mkdir()
        except OSError as exc:
            from kgraph.errors import OutputError

            raise OutputError(f"cannot create the folder ({exc.strerror})", path=str(out)) from exc
    return [write_rows(rows, columns, out / f"{name}.csv") for name, (rows, columns) in table_rows(graph).items()]


def _cell(value: Any, kind: str | None) -> Any:
    """One cell as pandas' ``to_csv`` hands it to the csv module for :func:`frame` (text through :func:`csv_cell`)."""
    if kind == "bool":  # astype(bool): None is False
        return bool(value)
    if value is None or (isinstance(value, float) and value != value):
        return ""  # pandas' missing value: quoted, like any text
    if kind == "Int64":
        return int(value)
    if kind == "float64":
        return float(value)
    return csv_cell(value)


def write_rows(rows: list[dict], columns: list[str], path: str | os.PathLike) -> Path:
    """Write rows atomically as a CSV a spreadsheet cannot run: the bytes pandas' ``to_csv`` gives for
    ``frame(rows, columns)`` with text cells through :func:`csv_cell`, without pandas (slow to import).

    pandas' ``to_csv`` hands its cells to the csv module, so the same cells
    (:func:`_cell`) with the same dialect give the same file.
    """
    path = Path(path)
    kinds = [_DTYPES.get(c) for c in columns]
    with atomic_write(path) as handle:
        # every text cell quoted: a bare carriage return inside one would end the row for
        # many readers, and what follows it would start a cell (and a formula) of its own
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c), kind) for c, kind in zip(columns, kinds)] for row in rows)
    return path


def read_table(path: str | os.PathLike):
    """One of the CSVs back as the DataFrame :func:`graph_tables` made: quotes taken off, types restored."""
    import pandas as pd

    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in df.columns:
        kind = _DTYPES.get(column)
        if kind is None:
            df[column] = df[column].map(plain_cell)
        elif kind == "bool":
            df[column] = df[column] == "True"
        else:
            df[column] = pd.to_numeric(df[column].mask(df[column] == "")).astype(kind)
    return df
