/* kgraph page controls: settle-then-freeze, search, filters.
 *
 * Appended to pyvis's own <script>, right after drawGraph(), so that no
 * vis-network event fires before the listeners below exist.  Reads the pyvis
 * globals `network`, `nodes` and `edges`.  All text reaches the DOM through
 * textContent or vis-network's innerText tooltips, never through innerHTML.
 */
(function () {
  "use strict";
  var panel = document.getElementById("kg-controls");
  var level = panel ? panel.getAttribute("data-level") : "entity";
  var physics = panel ? panel.getAttribute("data-physics") === "1" : false;
  var state = { drawn: false, stable: false, readyAt: null, physics: physics };
  window.kgraphState = state;

  function ready() {
    if (state.drawn && state.stable && state.readyAt === null) {
      state.readyAt = performance.now();
      document.documentElement.setAttribute("data-kgraph-ready", "1");
    }
  }
  // vis-network's own fit never zooms in beyond 1:1, which leaves a small
  // graph as a tiny cluster in the middle of a big canvas.
  function fitAll() { network.fit({ animation: false, maxZoomLevel: 1.6 }); }
  network.once("afterDrawing", function () { state.drawn = true; ready(); });
  if (physics && nodes.length > 0) {
    // Stop the simulation for good once the bounded stabilisation is over:
    // the picture must not keep drifting while someone reads it.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fitAll();
      state.stable = true;
      ready();
    });
  } else {
    fitAll();
    state.stable = true;
  }

  var allNodes = nodes.get();
  var allEdges = edges.get();
  var hiddenNode = {};
  var hiddenEdge = {};
  var status = document.getElementById("kg-status");
  var search = document.getElementById("kg-search");

  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value : "";
  }

  function edgeMatches(edge, category) {
    if (!category) { return true; }
    if (category.indexOf("class:") === 0) { return edge.klass === category.slice(6); }
    return edge.category === category;
  }

  function say(extra) {
    if (!status) { return; }
    var shownNodes = allNodes.length - Object.keys(hiddenNode).length;
    var shownEdges = allEdges.length - Object.keys(hiddenEdge).length;
    status.textContent = shownNodes + " of " + allNodes.length + " nodes, " +
      shownEdges + " of " + allEdges.length + " edges visible" + (extra ? " \u00b7 " + extra : "");
  }

  function centreOf(country) {
    for (var i = 0; i < allNodes.length; i++) {
      if ((allNodes[i].countries || []).indexOf(country) >= 0) { return allNodes[i].id; }
    }
    return null;
  }

  function applyFilters() {
    var kind = value("kg-kind");
    var country = value("kg-country");
    var category = value("kg-category");
    // Entity page: a country keeps its own people, places and meetings.
    // Country page: a country is shown with every country it deals with.
    var centre = level === "country" && country ? centreOf(country) : null;
    var show = {};
    allNodes.forEach(function (n) {
      show[n.id] = (!kind || n.kind === kind) && (!country || level === "country" ||
        (n.countries || []).indexOf(country) >= 0);
    });
    if (level === "country" && country) {
      allNodes.forEach(function (n) { show[n.id] = n.id === centre; });
      allEdges.forEach(function (e) {
        if (edgeMatches(e, category) && (e.from === centre || e.to === centre)) {
          show[e.from] = true;
          show[e.to] = true;
        }
      });
    }
    var touched = {};
    var nextEdge = {};
    var edgeUpdates = [];
    allEdges.forEach(function (e) {
      var visible = show[e.from] && show[e.to] && edgeMatches(e, category) &&
        (centre === null || e.from === centre || e.to === centre);
      if (visible) { touched[e.from] = true; touched[e.to] = true; } else { nextEdge[e.id] = true; }
      if (!visible !== !!hiddenEdge[e.id]) { edgeUpdates.push({ id: e.id, hidden: !visible }); }
    });
    var nextNode = {};
    var nodeUpdates = [];
    allNodes.forEach(function (n) {
      var visible = show[n.id] && (!category || touched[n.id]);
      if (!visible) { nextNode[n.id] = true; }
      if (!visible !== !!hiddenNode[n.id]) { nodeUpdates.push({ id: n.id, hidden: !visible }); }
    });
    hiddenNode = nextNode;
    hiddenEdge = nextEdge;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    find(false);
  }

  function find(fit) {
    var query = search ? search.value.trim().toLowerCase() : "";
    if (!query) {
      network.unselectAll();
      say("");
      return [];
    }
    var hits = allNodes.filter(function (n) {
      return !hiddenNode[n.id] && String(n.search || n.label || "").indexOf(query) >= 0;
    }).map(function (n) { return n.id; });
    network.selectNodes(hits, false);
    if (fit && hits.length) { network.fit({ nodes: hits, animation: false }); }
    say(hits.length + (hits.length === 1 ? " match" : " matches"));
    return hits;
  }

  ["kg-kind", "kg-country", "kg-category"].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) { el.addEventListener("change", applyFilters); }
  });
  if (search) {
    search.addEventListener("input", function () { find(false); });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); find(true); }
    });
  }
  var reset = document.getElementById("kg-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      ["kg-kind", "kg-country", "kg-category", "kg-search"].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) { el.value = ""; }
      });
      applyFilters();
      fitAll();
    });
  }
  window.kgraphControls = { applyFilters: applyFilters, find: find };
  say("");
})();
