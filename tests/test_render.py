"""Unit tests for kgraph.render: the HTML itself, without a browser."""
from __future__ import annotations

import copy
import html
import json
import re
import sys
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from graphs import (HOSTILE_ALIAS, HOSTILE_LABEL, HOSTILE_PLACE, HOSTILE_SENTENCE,  # noqa: E402
                    diplomatic_graph, synthetic_graph)

from kgraph.errors import ConfigError, GraphFormatError, OutputError  # noqa: E402
from kgraph.render import (country_html_string, html_string, notebook_view, write_country_html,  # noqa: E402
                           write_html)
from kgraph.render.countries import country_view  # noqa: E402
from kgraph.render.layout import force_layout  # noqa: E402
from kgraph.render.project import entity_view, select  # noqa: E402


def embedded(page: str, name: str) -> list[dict]:
    """The node or edge list pyvis embedded in the page, decoded."""
    start = page.index(f"{name} = new vis.DataSet(") + len(f"{name} = new vis.DataSet(")
    data, _ = json.JSONDecoder().raw_decode(page[start:])
    return data


def snapshot(graph):
    return (copy.deepcopy(dict(graph.graph)), copy.deepcopy(list(graph.nodes(data=True))),
            copy.deepcopy(list(graph.edges(keys=True, data=True))))


@pytest.fixture(scope="module")
def graph():
    return diplomatic_graph()


@pytest.fixture(scope="module")
def page(graph):
    return html_string(graph, title="Talks")


def test_page_embeds_every_node_and_edge(graph, page):
    nodes, edges = embedded(page, "nodes"), embedded(page, "edges")
    assert sorted(n["id"] for n in nodes) == sorted(graph.nodes)
    assert len(edges) == graph.number_of_edges() == 33
    assert "21 nodes, 33 edges." in page


def test_page_has_legend_for_kinds_and_edge_classes(page):
    legend = re.search(r'<aside class="kg-legend".*?</aside>', page, re.S).group(0)
    for word in ("person", "organization", "country", "location", "meeting",
                 "cooperation", "conflict", "structural link", "negated"):
        assert word in legend


def test_page_is_offline(page):
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*\bhref\s*=", page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "bootstrap.min" not in page and "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "vis-network" in page  # the library is inlined, not linked


def test_country_page_is_offline(graph):
    page = country_html_string(graph)
    assert not re.search(r"<script[^>]*\bsrc\s*=|<link[^>]*\bhref\s*=", page, re.I)


def test_input_graph_is_not_changed(graph):
    before = snapshot(graph)
    html_string(graph)
    country_html_string(graph)
    html_string(graph, max_nodes=5)
    assert snapshot(graph) == before


def test_hostile_text_is_escaped_in_raw_html(graph, page):
    # pyvis puts the data inside a <script>: a raw "</script>" would end it
    for bad in ("<script>window.__pwned", "<img src=x", "</script><script>", 'onerror="window'):
        assert bad not in page
    clean = nx.MultiDiGraph()
    clean.add_node("country:FRA", kind="country", label="France", iso3="FRA", mentions=1)
    assert page.count("<script") == html_string(clean).count("<script")
    assert page.count("</script>") == html_string(clean).count("</script>")
    labels = {n["id"]: n for n in embedded(page, "nodes")}
    assert labels["organization:evil-corp"]["label"].startswith("Evil <img src=x")
    assert HOSTILE_LABEL in labels["organization:evil-corp"]["tooltip"]
    assert HOSTILE_ALIAS in labels["person:john-kerry"]["tooltip"]
    assert HOSTILE_PLACE in labels["meeting:d4"]["tooltip"]
    assert any(HOSTILE_SENTENCE in e["tooltip"] for e in embedded(page, "edges"))
    assert "{{ 7*7 }}" in page  # template braces reach the page untouched, never evaluated


def test_href_in_a_name_never_selects_the_innerhtml_popup():
    # pyvis 0.3.2 swaps in `popup.innerHTML = title` when a node title holds "href"
    g = nx.MultiDiGraph()
    g.add_node("person:a", kind="person", label="Ahrefa <img src=x onerror=alert(1)> Lodo", mentions=1)
    g.add_node("person:b", kind="person", label='<a href="javascript:alert(1)">x</a>', mentions=1)
    g.add_edge("person:a", "person:b", relation="meet", sentence="see <a href=x>here</a>")
    for page in (html_string(g), country_html_string(g)):
        draw = page.split("function drawGraph")[1].split("drawGraph();")[0]
        assert "innerHTML" not in draw and "popup" not in draw
    nodes, edges = embedded(html_string(g), "nodes"), embedded(html_string(g), "edges")
    assert [n["tooltip"].split("\n")[0] for n in nodes] == [g.nodes[n]["label"] for n in sorted(g.nodes)]
    assert not any("title" in item for item in nodes + edges) and "see <a href=x>here" in edges[0]["tooltip"]


def test_hostile_title_is_escaped(graph):
    page = html_string(graph, title='<script>alert(1)</script>"x')
    assert "<script>alert(1)" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;&quot;x</title>" in page


def test_same_graph_gives_same_bytes_whatever_the_insertion_order(graph, page):
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(graph.graph)
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed([(u, v, d) for u, v, d in graph.edges(data=True)]))
    assert html_string(graph, title="Talks") == page
    assert html_string(shuffled, title="Talks") == page
    assert country_html_string(graph) == country_html_string(shuffled)


def test_reduced_view_says_what_was_left_out():
    big = synthetic_graph(400, seed=3)
    page = html_string(big, max_nodes=50)
    assert len(embedded(page, "nodes")) == 50
    note = re.search(r'<p class="kg-note[^"]*" id="kg-note">(.*?)</p>', page, re.S).group(1)
    assert "Showing 50 of 400 nodes" in note and "350 left out" in note
    assert "kgraph build --max-nodes N" in note and "max_nodes=N" in note
    full = html_string(big, max_nodes=None)
    assert len(embedded(full, "nodes")) == 400 and "left out" not in full


def test_selection_prefers_connected_nodes_and_meetings_of_central_people():
    g = nx.MultiDiGraph()
    for i in range(6):
        g.add_node(f"person:p{i}", kind="person", label=f"P{i}", mentions=1)
    g.add_node("meeting:m", kind="meeting", label="talks", mentions=1)
    g.add_node("person:loner", kind="person", label="Loner", mentions=99)
    for i in range(1, 6):
        g.add_edge("person:p0", f"person:p{i}", relation="accuse", category="ACCUSE")
    for i in (0, 1):
        g.add_edge(f"person:p{i}", "meeting:m", relation="participant", category="CONSULT")
    chosen = select(g, 3)
    assert "person:p0" in chosen and "person:loner" not in chosen
    assert "meeting:m" in chosen and "person:p1" in chosen


def test_edge_and_node_styles_follow_the_schema(graph):
    view = entity_view(graph)
    nodes = {n["id"]: n for n in view.nodes}
    assert {nodes[k]["shape"] for k in ("person:john-kerry", "country:RUS", "meeting:a1")} == \
        {"dot", "diamond", "star"}
    assert nodes["person:vladimir-putin"]["size"] > nodes["organization:evil-corp"]["size"]
    assert nodes["meeting:d4"]["shapeProperties"] == {"borderDashes": [4, 3]}
    by_title = {(e["from"], e["to"], e["title"].split("\n")[1]): e for e in view.edges}
    sanction = by_title[("country:USA", "country:RUS", "relation: impose sanction on")]
    aid = by_title[("country:DEU", "country:UKR", "relation: supply")]
    threat = by_title[("person:sergei-lavrov", "country:UKR", "relation: threaten")]
    held = by_title[("meeting:a1", "location:sochi", "relation: held_in")]
    assert sanction["klass"] == "conflict" and aid["klass"] == "cooperation"
    assert sanction["color"] != aid["color"]
    assert threat["dashes"] is True and sanction["dashes"] is False
    assert held["klass"] == "structural" and held["arrows"] == {"to": {"enabled": False}}
    sanctions = [e for e in view.edges if e["from"] == "country:USA" and e["to"] == "country:RUS"]
    assert len(sanctions) == 2 and sum("smooth" in e for e in sanctions) == 1


def test_tooltips_carry_meeting_details_and_evidence(graph):
    view = entity_view(graph)
    meeting = next(n for n in view.nodes if n["id"] == "meeting:b2")["title"]
    for part in ("date: 2015-02-11", "place: Minsk", "mode: multilateral", "status: held",
                 "participants: Angela Merkel, Fran\u00e7ois Hollande, Petro Poroshenko, Vladimir Putin",
                 "did not take part: John Kerry"):
        assert part in meeting
    edge = next(e for e in view.edges if "Germany supplied aid" in e["title"])["title"]
    assert "relation: supply" in edge and "category: AID (cooperation)" in edge and "document: d2" in edge


def test_country_page_folds_people_into_countries(graph):
    view = country_view(graph)
    assert sorted(n["id"] for n in view.nodes) == [f"country:{c}" for c in
                                                    ("CHN", "DEU", "FRA", "RUS", "UKR", "USA")]
    links = {(e["from"][8:], e["to"][8:]): e for e in view.edges}
    assert len(view.edges) == len(links) == 16  # one edge per ordered pair
    usa_rus = links[("USA", "RUS")]
    # three meetings (the "meet" statement not doubled), two sanctions, one request
    assert usa_rus["cats"] == {"CONSULT": 3, "SANCTION": 2, "REQUEST": 1}
    # a request is verbal conflict (PLOVER quad classes, as kg.dyads() counts it)
    assert (usa_rus["coop"], usa_rus["confl"], usa_rus["count"]) == (3, 3, 6)
    assert links[("RUS", "USA")]["cats"] == {"CONSULT": 3, "REJECT": 1}
    assert links[("RUS", "UKR")]["cats"] == {"CONSULT": 1, "ACCUSE": 1}  # the negated THREATEN is not counted
    assert links[("UKR", "RUS")]["cats"] == {"CONSULT": 1}  # Poroshenko via affiliated_with
    # colour by balance: all cooperation green, even grey, mostly cooperation in between
    assert links[("CHN", "RUS")]["color"] == "#2e9d57"
    assert links[("RUS", "UKR")]["color"] == "#8c8c8c"
    assert usa_rus["color"] == "#8c8c8c"  # three meetings, two sanctions and a request: even
    assert links[("RUS", "USA")]["color"] not in ("#2e9d57", "#8c8c8c", "#d1352b")  # 3 meetings, 1 rejection
    assert usa_rus["width"] > links[("CHN", "RUS")]["width"]
    assert "SANCTION: 2" in usa_rus["title"] and "cooperation 3 \u00b7 conflict 3" in usa_rus["title"]
    sentences = [view.sentences[row][2] for row, _ in usa_rus["ev"]]
    assert len(sentences) == len(set(sentences)) >= 4
    assert "The United States imposed new sanctions on Russia." in sentences
    assert "1 negated statement not counted" in view.caption


def test_country_page_leaves_out_countries_without_links():
    g = diplomatic_graph()
    g.add_node("country:ISL", kind="country", label="Iceland", iso3="ISL", mentions=3)
    view = country_view(g)
    assert "country:ISL" not in {n["id"] for n in view.nodes}
    assert "1 country with no link to another country left out" in view.caption


def test_write_html_is_atomic_and_touches_only_its_path(graph, tmp_path):
    (tmp_path / "keep.txt").write_text("x")
    target = tmp_path / "graph.html"
    assert write_html(graph, target) == target
    assert write_country_html(graph, str(tmp_path / "countries.html")) == tmp_path / "countries.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["countries.html", "graph.html", "keep.txt"]
    assert target.read_text(encoding="utf-8") == html_string(graph)
    target.write_text("old page")
    with pytest.raises(ConfigError):
        write_html(graph, target, max_nodes=0)
    assert target.read_text() == "old page"
    write_html(graph, target, title="again")
    assert "again" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["countries.html", "graph.html", "keep.txt"]


def test_write_html_reports_bad_output_paths(graph, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_html(graph, tmp_path / "missing" / "graph.html")
    with pytest.raises(OutputError, match="is a folder"):
        write_html(graph, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", [0, -3, "10", 2.5, True])
def test_max_nodes_must_be_a_positive_int(graph, bad):
    with pytest.raises(ConfigError, match="max_nodes"):
        html_string(graph, max_nodes=bad)


def test_undirected_graph_is_refused():
    with pytest.raises(GraphFormatError, match="MultiDiGraph"):
        html_string(nx.Graph())


def test_graphml_style_attributes_and_empty_graph_render():
    g = nx.MultiDiGraph()
    g.add_node("person:a", kind="person", label="A", aliases='["A", "Mr A"]', documents='["d1"]',
               mentions="3")
    g.add_node("person:b", kind="person", label="B")
    g.add_edge("person:a", "person:b", relation="reject", category="REJECT", negated="true")
    view = entity_view(g)
    assert "also written: Mr A" in view.nodes[0]["title"] and "documents: 1" in view.nodes[0]["title"]
    assert view.edges[0]["dashes"] is True
    empty = html_string(nx.MultiDiGraph())
    assert embedded(empty, "nodes") == [] and "0 nodes, 0 edges." in empty


def test_notebook_view_is_an_escaped_srcdoc_iframe(graph):
    pytest.importorskip("IPython")
    shown = notebook_view(graph, height="480px")
    markup = shown._repr_html_() if hasattr(shown, "_repr_html_") else shown.data
    match = re.fullmatch(r'<div class="kgraph-view"><iframe srcdoc="([^"]*)" sandbox="allow-scripts" '
                         r'style="[^"]*480px[^"]*" title="kgraph"></iframe></div>', markup)
    assert match, markup[:200]
    assert "<script" not in match.group(1)
    assert html.unescape(match.group(1)) == html_string(graph)
    with pytest.raises(ConfigError):
        notebook_view(graph, height="1px;background:url(x)")


def test_layout_is_seeded_and_spreads_large_graphs():
    edges = [(i, (i * 7 + 3) % 1500) for i in range(1500)]
    first = force_layout(1500, edges)
    assert first == force_layout(1500, edges)
    assert len(set(first)) > 1400  # no pile of nodes on one spot
    small = force_layout(30, [(i, i + 1) for i in range(29)])
    assert len(set(small)) == 30


def test_isolated_nodes_are_left_out_and_said_so(graph):
    lonely = copy.deepcopy(graph)
    lonely.add_node("person:nobody", kind="person", label="Nobody Linked", mentions=50)
    page = html_string(lonely)
    assert "person:nobody" not in {n["id"] for n in embedded(page, "nodes")}
    assert "21 nodes, 33 edges; 1 node linked to nothing is left out." in page
    reduced = entity_view(lonely, max_nodes=10)
    assert "person:nobody" not in {n["id"] for n in reduced.nodes} and reduced.isolated == 1


def test_panel_data_cites_documents_and_keeps_only_web_links(graph):
    cited = copy.deepcopy(graph)
    cited.graph["document_info"] = {
        "d1": {"title": "Kerry <b>in</b> Sochi", "date": "2015-05-12", "url": "javascript:alert(1)"},
        "d2": {"title": "Minsk talks", "url": "https://example.org/minsk"}}
    view = entity_view(cited)
    assert view.docs["d1"] == ["Kerry <b>in</b> Sochi", "2015-05-12", ""]
    assert view.docs["d2"] == ["Minsk talks", "", "https://example.org/minsk"]
    assert view.docs["d3"] == ["", "", ""]
    kerry = next(n for n in view.nodes if n["id"] == "person:john-kerry")
    sentences = {view.sentences[row][2] for row, _ in kerry["panel"]["ev"]}
    assert {"Kerry met Putin and Lavrov in Sochi on Tuesday.", "Kerry did not attend the Minsk talks.",
            "Lavrov rejected Kerry's proposal."} <= sentences
    assert ["role", "Secretary of State"] in kerry["panel"]["attrs"]
    page = html_string(cited)
    blob = page[page.index('<script type="application/json" id="kg-docs">'):]
    blob = blob[:blob.index("</script>")]
    assert "Kerry \\u003cb\\u003ein\\u003c/b\\u003e Sochi" in blob and "<b>" not in blob
    assert "javascript:alert" not in page
