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

from kgraph.render import write_country_html, write_html  # noqa: E402

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
    page.select_option("#kg-kind", "meeting")
    assert entity.visible_nodes() == ["meeting:a1", "meeting:b2", "meeting:c3", "meeting:d4"]
    page.click("#kg-reset")
    page.select_option("#kg-country", "UKR")
    assert entity.visible_nodes() == ["country:UKR", "location:minsk", "meeting:b2", "person:petro-poroshenko"]
    page.click("#kg-reset")
    page.select_option("#kg-category", "SANCTION")
    assert entity.visible_nodes() == ["country:RUS", "country:USA"]
    assert entity.js("edges.get({filter: e => !e.hidden}).length") == 2
    page.select_option("#kg-category", "class:conflict")
    assert "person:sergei-lavrov" in entity.visible_nodes() and "country:FRA" not in entity.visible_nodes()
    page.click("#kg-reset")
    assert len(entity.visible_nodes()) == 21
    entity.offline_and_clean()


def test_reduced_view_shows_the_note(browser, tmp_path):
    path = write_html(synthetic_graph(400, seed=5), tmp_path / "big.html", max_nodes=60)
    opened = Opened(browser, path)
    assert opened.js("network.body.data.nodes.length") == 60
    note = opened.page.inner_text("#kg-note")
    assert "Showing 60 of 400 nodes" in note and "kgraph build --max-nodes N" in note
    assert opened.js("kgraphState.physics") is True
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
    assert opened.js("network.body.data.edges.length") == 15
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
