"""The pages in a real browser: Debian chromium driven by Playwright, offline.

Run with ``python -m pytest tests/test_browser.py -m browser``; CI installs
chromium with apt.  Skipped (with the reason) only when /usr/bin/chromium or
Playwright is missing.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from graphs import HOSTILE_LABEL, HOSTILE_PLACE, HOSTILE_SENTENCE, diplomatic_graph, synthetic_graph  # noqa: E402

from kgraph.cli import main  # noqa: E402
from kgraph.io import read_graphml  # noqa: E402
from kgraph.render import write_country_html, write_html  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Real articles are read in place from the shared corpus folder, never copied into the repository.
CORPUS = Path(os.environ.get("KGRAPH_CORPUS", ROOT.parent / "shared" / "corpus" / "wikinews_2019_2020.jsonl"))
ARTICLES = 150

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

# CI (.ci/run) sets KGRAPH_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
REQUIRED = os.environ.get("KGRAPH_REQUIRE_BROWSER") == "1"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not REQUIRED and not os.path.exists(CHROMIUM),
                       reason=f"{CHROMIUM} not found: install it with `apt-get install -y chromium`"),
]


@pytest.fixture(scope="module")
def browser():
    if REQUIRED:
        import playwright.sync_api as sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class Opened:
    """A page plus everything it complained about, tried to fetch or tried to alert."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgraphState && window.kgraphState.readyAt !== null",
                                    timeout=30000)

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_nodes(self):
        return sorted(self.js("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def hover_tooltip(self, x, y) -> str:
        self.page.mouse.move(5, 5)
        self.page.wait_for_timeout(150)
        self.page.mouse.move(x + 1, y + 1)
        self.page.mouse.move(x, y)
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        return self.page.inner_text("div.vis-tooltip")

    def node_point(self, node):
        return self.js("""(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", node)

    def offline_and_clean(self):
        assert self.errors == []
        assert self.dialogs == []
        assert self.failed == []
        assert [u for u in self.requests if not u.startswith(("file:", "data:"))] == []


@pytest.fixture(scope="module")
def entity(browser, tmp_path_factory):
    path = write_html(diplomatic_graph(), tmp_path_factory.mktemp("html") / "graph.html",
                      title='Talks <img src=x onerror="window.__pwned=1">')
    opened = Opened(browser, path)
    yield opened
    opened.page.close()


def test_page_draws_every_node_and_edge_offline(entity):
    assert entity.js("network.body.data.nodes.length") == 21
    assert entity.js("network.body.data.edges.length") == 33
    entity.offline_and_clean()
    assert entity.page.is_visible("#kg-legend")
    assert entity.page.inner_text("#kg-note") == "21 nodes, 33 edges."


def test_layout_stops_moving(entity):
    before = entity.js("network.getPositions()")
    entity.page.wait_for_timeout(700)
    assert entity.js("network.getPositions()") == before


def test_hostile_text_shows_as_text_and_never_runs(entity):
    assert entity.js("nodes.get('organization:evil-corp').label").startswith("Evil <img src=x")
    assert entity.js("nodes.get('location:geneva').label") == HOSTILE_PLACE[:39] + "\u2026"
    assert entity.page.inner_text("h1") == 'Talks <img src=x onerror="window.__pwned=1">'
    x, y = entity.node_point("organization:evil-corp")
    assert entity.hover_tooltip(x, y).startswith(HOSTILE_LABEL + "\n")
    x, y = entity.node_point("meeting:d4")
    assert "place: " + HOSTILE_PLACE in entity.hover_tooltip(x, y)
    (x1, y1), (x2, y2) = entity.node_point("meeting:d4"), entity.node_point("location:geneva")
    edge_tip = entity.hover_tooltip((x1 + x2) / 2, (y1 + y2) / 2)
    assert "relation: held_in" in edge_tip and HOSTILE_SENTENCE in edge_tip and "document: d4" in edge_tip
    assert entity.js("document.querySelectorAll('img, div.vis-tooltip script').length") == 0
    assert entity.js("typeof window.__pwned") == "undefined"
    entity.offline_and_clean()


def test_search_selects_by_name_and_alias(entity):
    entity.page.fill("#kg-search", "kerry")
    assert sorted(entity.js("network.getSelectedNodes()")) == ["meeting:a1", "meeting:c3", "person:john-kerry"]
    entity.page.fill("#kg-search", "o'brien")  # an alias, not the label
    assert entity.js("network.getSelectedNodes()") == ["person:john-kerry"]
    assert "1 match" in entity.page.inner_text("#kg-status")
    entity.page.fill("#kg-search", "")


def test_filters_by_kind_country_and_category(entity):
    page = entity.page
    page.select_option("#kg-kind", "meeting")  # meetings come with their participants and places
    assert entity.visible_nodes() == [
        "location:geneva", "location:minsk", "location:sochi", "meeting:a1", "meeting:b2", "meeting:c3",
        "meeting:d4", "person:angela-merkel", "person:francois-hollande", "person:john-kerry",
        "person:petro-poroshenko", "person:sergei-lavrov", "person:vladimir-putin"]
    assert entity.js("edges.get({filter: e => !e.hidden}).every(e => e.meeting)")
    page.click("#kg-reset")
    # "involving Ukraine": its own nodes, the Minsk summit, everyone who dealt with it there or by word
    page.select_option("#kg-country", "UKR")
    assert entity.visible_nodes() == [
        "country:DEU", "country:UKR", "location:minsk", "meeting:b2", "person:angela-merkel",
        "person:francois-hollande", "person:john-kerry", "person:petro-poroshenko", "person:sergei-lavrov",
        "person:vladimir-putin"]
    assert "country:USA" not in entity.visible_nodes() and "meeting:a1" not in entity.visible_nodes()
    page.click("#kg-reset")
    page.select_option("#kg-category", "SANCTION")
    assert entity.visible_nodes() == ["country:RUS", "country:USA"]
    assert entity.js("edges.get({filter: e => !e.hidden}).length") == 2
    page.select_option("#kg-category", "class:conflict")
    assert "person:sergei-lavrov" in entity.visible_nodes() and "country:FRA" not in entity.visible_nodes()
    page.click("#kg-reset")
    assert len(entity.visible_nodes()) == 21
    entity.offline_and_clean()


def test_date_and_confidence_filters(entity):
    page = entity.page
    page.fill("#kg-from", "2015-03-01")
    page.fill("#kg-to", "2015-04-30")
    page.dispatch_event("#kg-to", "change")
    shown = entity.visible_nodes()
    # the March phone call stays; Sochi (May), Minsk (February) and Geneva (June) are hidden
    assert "meeting:c3" in shown
    assert not {"meeting:a1", "meeting:b2", "meeting:d4"} & set(shown)
    assert "location:sochi" not in shown  # only linked through the hidden meeting
    page.click("#kg-reset")
    page.fill("#kg-conf", "0.9")  # every fact of this graph is 0.8 sure
    page.dispatch_event("#kg-conf", "change")
    assert entity.visible_nodes() == []
    page.click("#kg-reset")
    assert len(entity.visible_nodes()) == 21


def test_click_opens_an_escaped_details_panel(entity):
    page = entity.page
    assert page.is_hidden("#kg-panel")
    x, y = entity.node_point("meeting:d4")
    page.mouse.click(x, y)
    page.wait_for_selector("#kg-panel", state="visible")
    lines = [line for line in page.inner_text("#kg-panel").splitlines() if line.strip()]
    assert lines[:3] == ["\u00d7", "Planned Geneva talks", "meeting"]
    text = "\n".join(lines)
    for part in ("place\n" + HOSTILE_PLACE, "status\ncancelled", "mode\nmeet", "date\n2015-06",
                 "participants\nJohn Kerry, Sergei Lavrov", HOSTILE_SENTENCE, "d4 \u00b7 sentence 0"):
        assert part in text
    assert entity.js("document.querySelectorAll('#kg-panel img, #kg-panel script').length") == 0
    assert entity.js("typeof window.__pwned") == "undefined"
    page.click("#kg-panel-close")
    assert page.is_hidden("#kg-panel")
    entity.offline_and_clean()


def test_reduced_view_shows_the_note(browser, tmp_path):
    path = write_html(synthetic_graph(400, seed=5), tmp_path / "big.html", max_nodes=60)
    opened = Opened(browser, path)
    assert opened.js("network.body.data.nodes.length") == 60
    note = opened.page.inner_text("#kg-note")
    assert "Showing 60 of 400 nodes" in note and "kgraph build --max-nodes N" in note
    assert opened.js("kgraphState.physics") is False  # positions come from Python
    opened.offline_and_clean()
    opened.page.close()


def test_large_view_is_drawn_without_physics(browser, tmp_path):
    path = write_html(synthetic_graph(1500, seed=6), tmp_path / "large.html", max_nodes=None)
    opened = Opened(browser, path)
    assert opened.js("network.body.data.nodes.length") == 1500
    assert opened.js("kgraphState.physics") is False
    opened.offline_and_clean()
    opened.page.close()


def test_country_page(browser, tmp_path):
    path = write_country_html(diplomatic_graph(), tmp_path / "countries.html")
    opened = Opened(browser, path)
    assert opened.js("network.body.data.nodes.length") == 6
    assert opened.js("network.body.data.edges.length") == 16  # one per ordered country pair
    assert opened.js("nodes.get('country:RUS').title").startswith("Russia (RUS)\npeople (2): Vladimir Putin")
    opened.page.select_option("#kg-country", "UKR")
    assert opened.visible_nodes() == ["country:DEU", "country:FRA", "country:RUS", "country:UKR"]
    opened.page.select_option("#kg-category", "class:conflict")
    assert opened.visible_nodes() == ["country:RUS", "country:UKR"]
    opened.page.click("#kg-reset")
    opened.page.fill("#kg-search", "merkel")
    assert opened.js("network.getSelectedNodes()") == ["country:DEU"]
    assert opened.js("typeof window.__pwned") == "undefined"
    opened.offline_and_clean()
    opened.page.close()


# -- a real corpus: the first 150 Wikinews articles, built once per session ---------------


@pytest.fixture(scope="session")
def real_build(tmp_path_factory):
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} not found: set KGRAPH_CORPUS to a .jsonl of real articles")
    folder = tmp_path_factory.mktemp("real")
    with CORPUS.open(encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(ARTICLES), handle)]
    assert len(lines) == ARTICLES
    (folder / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    assert main(["build", str(folder / "articles.jsonl"), "-o", str(folder / "out"), "--no-progress"]) == 0
    return folder / "out"


@pytest.fixture(scope="module")
def real_page(browser, real_build):
    opened = Opened(browser, real_build / "graph.html")
    yield opened
    opened.page.close()


def test_real_corpus_default_view_has_no_isolated_node_and_readable_labels(real_page):
    assert real_page.js("nodes.get().length") >= 150
    lonely = real_page.js("""nodes.get().filter(n => network.getConnectedEdges(n.id)
        .every(id => edges.get(id).hidden)).map(n => n.id)""")
    assert lonely == []
    assert "linked to nothing" in real_page.page.inner_text("#kg-note")
    sizes = real_page.js("""(() => { const s = network.getScale();
        return nodes.get().filter(n => !n.hidden && n.label)
          .map(n => ((n.font && n.font.size) || 14) * s); })()""")
    assert sum(size >= 10 for size in sizes) >= 15
    real_page.offline_and_clean()


def test_real_corpus_country_filter_zooms_to_what_is_left(real_page):
    page = real_page.page
    options = page.eval_on_selector_all("#kg-country option", "os => os.map(o => o.value).filter(Boolean)")
    country = "IRN" if "IRN" in options else options[0]
    page.select_option("#kg-country", country)
    inside = real_page.js("""(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();
        const ids = nodes.get({filter: n => !n.hidden}).map(n => n.id);
        const pos = network.getPositions(ids);
        return ids.map(id => { const p = network.canvasToDOM(pos[id]);
          return [id, p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height]; }); })()""")
    assert len(inside) >= 2
    assert [node for node, ok in inside if not ok] == []
    page.click("#kg-reset")
    real_page.offline_and_clean()


def test_real_corpus_clicking_an_edge_shows_its_sentence_and_document(real_page):
    page = real_page.page
    target = real_page.js("""(() => {
        const shared = JSON.parse(document.getElementById('kg-docs').textContent);
        const docs = shared.docs, rows = shared.sentences;
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        for (const e of edges.get({filter: e => !e.hidden && e.ev && e.ev.length && docs[rows[e.ev[0][0]][0]]})) {
          const pos = network.getPositions([e.from, e.to]);
          const a = network.canvasToDOM(pos[e.from]), b = network.canvasToDOM(pos[e.to]);
          const p = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
          if (p.x < 20 || p.y < 20 || p.x > r.width - 420 || p.y > r.height - 20) continue;
          if (network.getNodeAt(p) === undefined && network.getEdgeAt(p) === e.id)
            return {x: p.x + r.left, y: p.y + r.top, sentence: rows[e.ev[0][0]][2],
                    title: docs[rows[e.ev[0][0]][0]][0]};
        }
        return null; })()""")
    assert target is not None and target["title"]
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector("#kg-panel", state="visible")
    text = page.inner_text("#kg-panel")
    assert " ".join(target["sentence"].split()) in " ".join(text.split())
    assert target["title"] in text
    real_page.offline_and_clean()


def test_country_page_of_a_real_corpus_leaves_out_isolated_countries(browser, real_build):
    opened = Opened(browser, real_build / "countries.html")
    ids = opened.js("nodes.get().map(n => n.id)")
    assert len(ids) >= 5
    assert opened.js("nodes.get().filter(n => network.getConnectedEdges(n.id).length === 0).length") == 0
    pairs = opened.js("edges.get().map(e => e.from + '>' + e.to)")
    assert len(pairs) == len(set(pairs))  # one edge per ordered pair
    assert "with no link to another country left out" in opened.page.inner_text("#kg-note")
    opened.offline_and_clean()
    opened.page.close()


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-page")
    assert main(["build", str(ROOT / "seeds"), "--date", "2015-05-11", "-o", str(out), "--no-progress"]) == 0
    return out


def test_seed_russia_filter_keeps_kerry_putin_and_their_sochi_meeting(browser, seed_build):
    graph = read_graphml(seed_build / "graph.graphml")
    person = {d["label"].split()[-1]: n for n, d in graph.nodes(data=True) if d.get("kind") == "person"}
    kerry, putin = person["Kerry"], person["Putin"]
    sochi = [m for m, d in graph.nodes(data=True) if d.get("kind") == "meeting" and d.get("location") == "Sochi"
             and {kerry, putin} <= set(graph.predecessors(m))]
    assert len(sochi) == 1
    opened = Opened(browser, seed_build / "graph.html")
    opened.page.select_option("#kg-country", "RUS")
    assert {kerry, putin, sochi[0]} <= set(opened.visible_nodes())
    visible_participants = opened.js("""(m) => edges.get({filter: e => !e.hidden && e.to === m
        && e.relation === 'participant'}).map(e => e.from)""", sochi[0])
    assert {kerry, putin} <= set(visible_participants)
    opened.offline_and_clean()
    opened.page.close()
