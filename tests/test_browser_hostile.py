"""Hostile names in a real browser: every tooltip and click of both pages, nothing runs.

pyvis 0.3.2 switches to its own ``popup.innerHTML = title`` tooltip when a
node title contains the text ``href``; these pages hold names with ``href``
in them next to every common way of smuggling script into HTML.  The pages
come from the real pipeline (a hostile article built by ``kgraph build``) and
from ``write_html`` on a hand-made graph.  Run with
``python -m pytest tests/test_browser_hostile.py -m browser``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import kgraph

sys.path.insert(0, str(Path(__file__).parent))
from test_browser import CHROMIUM, REQUIRED, Opened, browser  # noqa: E402,F401 (browser: a fixture)

from kgraph.render import write_country_html, write_html  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not REQUIRED and not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium`"),
]

# Each payload calls alert() (a dialog) and sets window.__pwned, so that
# whichever way it runs, the test sees it.
RUN = "alert(1),window.__pwned=1"
PAYLOADS = [
    f"<Iframe/Onload={RUN}>",
    f"<img src=x onerror={RUN}>",
    f'<img src="x" onerror="{RUN}">',
    f"<script>{RUN}</script>",
    f"<svg onload={RUN}>",
    f"<svg><animate onbegin={RUN} attributeName=x dur=1s>",
    f"<details open ontoggle={RUN}>",
    f"<body onload={RUN}>",
    f'<a href="javascript:{RUN}">click</a>',
    f"<a href=javascript:{RUN}>x",
    f'" onmouseover="{RUN}" x="',
    f"' autofocus onfocus='{RUN}' x='",
    f"</textarea></title></style></script><img src=x onerror={RUN}>",
    f"--><img src=x onerror={RUN}>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}>",
    "{{ 7*7 }} ${7*7} <%= 7*7 %>",
]
HOSTILE_ARTICLES = [
    "Talks between John<Iframe/Onload=alert(1)>Rouhani and Putin ended in Moscow. "
    "Later Putin met Ahrefa Lodo in Moscow on Tuesday.",
    f"Putin met Evil<img src=x onerror={RUN}>Corp in Paris. Macron met Ahrefa Lodo there.",
    f"Macron met Bad<svg onload={RUN}>Guy in Berlin. Merkel accused Russia of lying.",
    f"Merkel met Sam<script>{RUN}Smith in Rome on Monday.",
    f'Merkel met Tom" onmouseover="{RUN}" x=" Hrefson in Rome.',
    f"Lavrov met Ana<a href=javascript:{RUN}>Href in Geneva. Macron met Pu\u200btin in Paris.",
]


def hostile_graph() -> nx.MultiDiGraph:
    """Every payload in labels, aliases, roles, places, sentences, ids and kinds, with "href" about."""
    g = nx.MultiDiGraph()
    for code, name in (("RUS", "Russia"), ("FRA", "France"), ("DEU", "Germany")):
        g.add_node(f"country:{code}", kind="country", label=name + " href " + PAYLOADS[0], iso3=code, mentions=3)
    g.add_node("country:X1", kind="country", label=PAYLOADS[1], iso3=f'"><img src=x onerror={RUN}>', mentions=1)
    people = []
    for n, payload in enumerate(PAYLOADS):
        node = f"person:{n}-href-{payload}"
        country = ("RUS", "FRA", "DEU")[n % 3]
        g.add_node(node, kind="person" if n % 4 else "organization", label=f"Ahrefa{payload}Lodo",
                   aliases=[payload, "href=" + payload], role=payload, country=country,
                   mentions=n + 1, documents=[f"d{n}"])
        people.append(node)
    g.add_node(f"odd:<img src=x onerror={RUN}>", kind=f"<img src=x onerror={RUN}>", label="Odd href", mentions=1)
    g.add_node("meeting:m1", kind="meeting", label="Meeting href " + PAYLOADS[2], date="2020-01-0" + PAYLOADS[3],
               date_text=PAYLOADS[4], location=PAYLOADS[5], mode=PAYLOADS[6], status="planned", mentions=1)
    for n, node in enumerate(people):
        other = people[(n + 1) % len(people)]
        g.add_edge(node, other, relation="accuse" + PAYLOADS[n], category=("ACCUSE", "AGREE", "")[n % 3],
                   sentence=f"{PAYLOADS[n]} said {PAYLOADS[-1 - n]} href", doc_id=f"<b>d{n}</b>" + PAYLOADS[n],
                   sent_index=n, negated=n % 5 == 0, date=PAYLOADS[n], confidence=0.5)
        if n < 3:
            g.add_edge(node, f"country:{('RUS', 'FRA', 'DEU')[n % 3]}", relation="affiliated_with")
    for node in people[:4]:
        g.add_edge(node, "meeting:m1", relation="participant", doc_id=PAYLOADS[7], sent_index=0,
                   sentence=PAYLOADS[8])
    g.add_edge("meeting:m1", "country:X1", relation="held_in", sentence=PAYLOADS[9])
    g.add_edge("country:RUS", "country:FRA", relation="threaten" + PAYLOADS[10], category="THREATEN",
               sentence=PAYLOADS[11], doc_id=PAYLOADS[12])
    # the details panel cites documents: hostile titles and dates, links only where the URL is http(s)
    schemes = [f"javascript:{RUN}", f" JaVaScRiPt:{RUN}", f"data:text/html,<script>{RUN}</script>",
               f'https://example.org/?q="><img src=x onerror={RUN}>']
    g.graph["document_info"] = {
        f"<b>d{n}</b>" + payload: {"title": "Title " + payload, "date": PAYLOADS[-1 - n], "url": schemes[n % 4]}
        for n, payload in enumerate(PAYLOADS)}
    return g


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """graph.html and countries.html from the hostile articles, by the real ``kgraph build``."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    for n, text in enumerate(HOSTILE_ARTICLES):
        (root / "in" / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(kgraph.__file__).parent.parent))  # the kgraph under test
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(root / "in"), "-o", str(root / "out"),
                           "--no-cache", "--no-progress", "--date", "2020-01-01", "--workers", "1"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return root / "out"


class Swept(Opened):
    """An opened page that :meth:`sweep` hovers and clicks all over."""

    def __init__(self, browser, path: Path):
        super().__init__(browser, path)
        self.js("() => network.setOptions({interaction: {tooltipDelay: 0}})")  # 160 tooltips to wait for

    # where to point along an edge, should a node lie on its middle
    SPOTS = {"node": (None,), "edge": (0.5, 0.35, 0.65, 0.2, 0.8)}

    def point(self, kind: str, item: str, along):
        """A page point on the node (or ``along`` the edge, clear of nodes), centred in view; None if not."""
        return self.js("""([kind, id, along]) => {
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            const at = kind === 'node' ? network.getPositions([id])[id]
                                       : network.body.edges[id].edgeType.getPoint(along);
            network.moveTo({position: at, scale: 1.4, animation: false});
            const p = network.canvasToDOM(at);
            const node = network.getNodeAt(p);
            const hit = kind === 'node' ? node : (node === undefined ? network.getEdgeAt(p) : undefined);
            return String(hit) === String(id) ? [p.x + box.left, p.y + box.top] : null; }""", [kind, item, along])

    def hover(self, kind: str, item: str, along, expected: str) -> list | None:
        """Point at the item; the point used once vis-network's tooltip shows ``expected``, else None.

        The pointer first rests on an empty stretch of canvas, which closes any
        tooltip still open (vis-network keeps one open while the pointer is on
        its item, even a hidden one).
        """
        self.js("() => network.moveTo({position: {x: 1e6, y: 1e6}, animation: false})")
        centre = self.js("(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();"
                         " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        self.page.mouse.move(centre[0] - 3, centre[1] - 3)
        self.page.mouse.move(*centre)
        spot = self.point(kind, item, along)
        if spot is None:
            return None
        self.page.mouse.move(spot[0] + 2, spot[1] + 1)
        self.page.mouse.move(*spot)
        try:
            self.page.wait_for_function(
                """(want) => { const tip = document.querySelector('div.vis-tooltip');
                   return tip && tip.style.visibility !== 'hidden'
                     && tip.innerText.replace(/\\s+/g, ' ').trim() === want.replace(/\\s+/g, ' ').trim(); }""",
                arg=expected, timeout=1000)
        except Exception:  # playwright's TimeoutError: another item's tooltip (edges crossing)
            return None
        return spot

    def reach(self, kind: str, item: str, expected: str) -> list | None:
        """Hover over the item until its own tooltip shows; the point used, or None."""
        for along in self.SPOTS[kind]:
            spot = self.hover(kind, item, along, expected)
            if spot is not None:
                return spot
        return None

    def sweep(self) -> dict:
        """Hover then click every node and edge; the tooltip text each showed (None: none), by id.

        Each edge is pointed at with the others hidden: edges cross, and where
        they do vis-network shows the tooltip of either.
        """
        shown = {}
        for kind, dataset in (("node", "nodes"), ("edge", "edges")):
            for item in self.js(f"{dataset}.getIds()"):
                if self.dialogs or self.errors:
                    return shown  # script ran: assert_inert says what
                expected = self.js(f"(id) => {dataset}.get(id).title", item)
                if kind == "edge":
                    self.js("(id) => edges.update(edges.getIds().map(e => ({id: e, hidden: e !== id})))", item)
                spot = self.reach(kind, item, expected)
                if spot is None:  # reported after the checks for script that ran
                    shown[item] = None
                    continue
                shown[item] = self.page.inner_text("div.vis-tooltip")
                self.page.mouse.click(*spot)
        self.js("() => edges.update(edges.getIds().map(e => ({id: e, hidden: false})))")
        return shown

    def panels(self) -> str:
        """Open the details panel of every node and edge in turn; all the text it showed."""
        return self.js("""() => {
            const body = document.getElementById('kg-panel-body');
            const seen = [];
            nodes.getIds().forEach(id => { kgraphControls.showNode(id); seen.push(body.innerText); });
            edges.getIds().forEach(id => { kgraphControls.showEdge(id); seen.push(body.innerText); });
            return seen.join('\\n'); }""")

    def assert_inert(self):
        assert self.dialogs == []
        assert self.js("typeof window.__pwned") == "undefined"
        assert self.js("document.querySelector('div.popup')") is None  # pyvis's innerHTML popup
        assert self.js("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
        assert self.js("document.querySelectorAll('iframe, img, svg, details, math').length") == 0
        # the panel holds only the elements controls.js makes; its only links are http(s) citations
        tags = self.js("[...document.querySelectorAll('#kg-panel *')].map(e => e.tagName)")
        assert set(tags) <= {"BUTTON", "DIV", "H2", "H3", "P", "DL", "DT", "DD", "OL", "LI", "BLOCKQUOTE", "SPAN", "A"}
        links = self.js("[...document.querySelectorAll('a')].map(a => [a.protocol, !!a.closest('#kg-panel-body')])")
        assert all(protocol in ("http:", "https:") and inside for protocol, inside in links)
        self.offline_and_clean()  # no dialog, no page error


def _check(browser, path: Path, texts: list[str], panel_texts: tuple[str, ...] = ()) -> dict:
    opened = Swept(browser, path)
    try:
        shown = opened.sweep()
        opened.assert_inert()
        assert [item for item, text in shown.items() if text is None] == []  # every tooltip was shown
        every = "\n".join(shown.values())
        for text in texts:
            assert text in every  # the payload is on screen, as text
        panels = opened.panels()
        opened.assert_inert()
        for text in panel_texts:
            assert text in panels  # in the details panel too
        return shown
    finally:
        opened.page.close()


def test_pipeline_pages_show_hostile_article_text_as_text(browser, built):
    shown = _check(browser, built / "graph.html", ["John<Iframe/Onload=alert(1)>Rouhani"])
    assert any("Ahrefa Lodo" in text for text in shown.values())
    _check(browser, built / "countries.html", [])
    names = {n["label"] for n in json.loads((built / "graph.json").read_text())["nodes"]}
    assert "Ahrefa Lodo" in names and "John Rouhani" in names  # the tag is gone from the name
    assert not any(c in name for name in names for c in "<>\u200b")


def test_write_html_pages_show_hostile_graph_text_as_text(browser, tmp_path):
    graph = hostile_graph()
    title = f"Talks href <img src=x onerror={RUN}>"
    page = write_html(graph, tmp_path / "graph.html", title=title)
    _check(browser, page, PAYLOADS, ("Title " + PAYLOADS[1], PAYLOADS[5], "Ahrefa" + PAYLOADS[3] + "Lodo"))
    countries = write_country_html(graph, tmp_path / "countries.html", title=title)
    _check(browser, countries, [PAYLOADS[0], PAYLOADS[11]])
