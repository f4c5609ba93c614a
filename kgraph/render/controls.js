/* kgraph page controls: labels, search, filters, zoom to fit, details panel.
 *
 * Appended to pyvis's own <script>, right after drawGraph(), so that no
 * vis-network event fires before the listeners below exist.  Reads the pyvis
 * globals `network`, `nodes` and `edges`.  All text reaches the DOM through
 * textContent or vis-network's innerText tooltips, never through innerHTML;
 * links are only ever http(s) URLs checked in Python and again here.
 */
(function () {
  "use strict";
  var panel = document.getElementById("kg-controls");
  var level = panel ? panel.getAttribute("data-level") : "entity";
  var state = { drawn: false, stable: true, readyAt: null, physics: false };
  window.kgraphState = state;
  var LABELLED = 30;       // labels of the most important visible nodes stay readable at any zoom
  var LABEL_PX = 13;       // their on-screen font size at the starting zoom
  var BASE_FONT = 14;      // every other label: drawn once zoomed in enough
  var docs = {};
  var sentences = [];
  try {
    var shared = JSON.parse(document.getElementById("kg-docs").textContent);
    docs = shared.docs || {};
    sentences = shared.sentences || [];
  } catch (e) { docs = {}; }

  var allNodes = nodes.get();
  var allEdges = edges.get();
  var nodeById = {};
  allNodes.forEach(function (n) { nodeById[n.id] = n; });
  var hiddenNode = {};
  var hiddenEdge = {};
  var enlarged = {};
  var status = document.getElementById("kg-status");
  var search = document.getElementById("kg-search");

  function visibleIds() {
    return allNodes.filter(function (n) { return !hiddenNode[n.id]; }).map(function (n) { return n.id; });
  }

  // Labels: the LABELLED best ranked visible nodes get a font that is LABEL_PX
  // on screen at the current zoom (never smaller than BASE_FONT in canvas units).
  var lastScale = null;
  function labelTop(force) {
    var scale = network.getScale();
    if (!force && lastScale !== null && Math.abs(scale - lastScale) / lastScale < 0.15) { return; }
    lastScale = scale;
    var size = Math.max(BASE_FONT, Math.ceil(LABEL_PX / scale));
    var top = allNodes.filter(function (n) { return !hiddenNode[n.id]; })
      .sort(function (a, b) { return (a.rank || 0) - (b.rank || 0); }).slice(0, LABELLED);
    var want = {};
    top.forEach(function (n) { want[n.id] = size; });
    var updates = [];
    Object.keys(enlarged).forEach(function (id) {
      if (!(id in want)) { updates.push({ id: id, font: { size: BASE_FONT } }); }
    });
    Object.keys(want).forEach(function (id) {
      if (enlarged[id] !== want[id]) { updates.push({ id: id, font: { size: want[id] } }); }
    });
    enlarged = want;
    if (updates.length) { nodes.update(updates); }
  }

  function fitVisible(ids) {
    var shown = ids || visibleIds();
    if (shown.length) { network.fit({ nodes: shown, animation: false, maxZoomLevel: 1.6 }); }
    labelTop(true);
  }

  network.once("afterDrawing", function () {
    state.drawn = true;
    if (state.readyAt === null) {
      state.readyAt = performance.now();
      document.documentElement.setAttribute("data-kgraph-ready", "1");
    }
  });
  network.on("zoom", function () { labelTop(false); });

  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value : "";
  }

  // ISO prefixes compared on the digits both give: "2015" lies in 2015-03..2015-04.
  function inRange(date, from, to) {
    if (!from && !to) { return true; }
    if (!date) { return false; }
    if (from) { var n = Math.min(date.length, from.length); if (date.slice(0, n) < from.slice(0, n)) { return false; } }
    if (to) { var m = Math.min(date.length, to.length); if (date.slice(0, m) > to.slice(0, m)) { return false; } }
    return true;
  }

  function categoryMatches(edge, category) {
    if (!category) { return true; }
    if (edge.cats) {  // country page: one edge per pair, counts per category
      if (category === "class:cooperation") { return edge.coop > 0; }
      if (category === "class:conflict") { return edge.confl > 0; }
      return (edge.cats[category] || 0) > 0;
    }
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

  function countryCentre(country) {
    for (var i = 0; i < allNodes.length; i++) {
      if ((allNodes[i].countries || []).indexOf(country) >= 0) { return allNodes[i].id; }
    }
    return null;
  }

  function applyFilters() {
    var kind = value("kg-kind");
    var country = value("kg-country");
    var category = value("kg-category");
    var from = value("kg-from");
    var to = value("kg-to");
    var minConf = parseFloat(value("kg-conf")) || 0;
    var timed = !!(from || to || minConf > 0);
    var meetingOk = {};
    allNodes.forEach(function (n) {
      if (n.kind === "meeting") { meetingOk[n.id] = inRange(n.date || "", from, to) && (n.conf || 0) >= minConf; }
    });
    // Country: its own nodes (and meetings it took part in or hosted) are the core;
    // everything one link away from the core (counterparts, participants) may show.
    var core = null;
    var near = null;
    if (country) {
      core = {};
      near = {};
      if (level === "country") { var c = countryCentre(country); if (c) { core[c] = true; } } else {
        allNodes.forEach(function (n) { if ((n.countries || []).indexOf(country) >= 0) { core[n.id] = true; } });
      }
      allEdges.forEach(function (e) {
        if (core[e.from] || core[e.to]) { near[e.from] = true; near[e.to] = true; }
      });
      Object.keys(core).forEach(function (id) { near[id] = true; });
    }
    // Kind: that kind only; meetings come with their participants and places.
    var kindSet = null;
    if (kind) {
      kindSet = {};
      allNodes.forEach(function (n) { if (n.kind === kind) { kindSet[n.id] = true; } });
      if (kind === "meeting") {
        allEdges.forEach(function (e) { if (e.meeting) { kindSet[e.from] = true; kindSet[e.to] = true; } });
      }
    }
    function nodeAllowed(n) {
      if (near && !near[n.id]) { return false; }
      if (kindSet && !kindSet[n.id]) { return false; }
      if (n.kind === "meeting" && !meetingOk[n.id]) { return false; }
      return true;
    }
    var allowed = {};
    allNodes.forEach(function (n) { allowed[n.id] = nodeAllowed(n); });
    function edgeAllowed(e) {
      if (!allowed[e.from] || !allowed[e.to]) { return false; }
      if (core && !core[e.from] && !core[e.to]) { return false; }
      if (kind === "meeting" && !e.meeting) { return false; }
      if (!categoryMatches(e, category)) { return false; }
      if (e.meeting) { return meetingOk[e.meeting] !== false; }
      if (timed && e.klass !== "structural") {
        return inRange(e.date || "", from, to) && (e.conf || 0) >= minConf;
      }
      return true;
    }
    var touched = {};
    var nextEdge = {};
    var edgeUpdates = [];
    allEdges.forEach(function (e) {
      var visible = edgeAllowed(e);
      if (visible) {
        if (e.klass !== "structural" || e.meeting) { touched[e.from] = true; touched[e.to] = true; }
      } else { nextEdge[e.id] = true; }
      if (!visible !== !!hiddenEdge[e.id]) { edgeUpdates.push({ id: e.id, hidden: !visible }); }
    });
    var needTouch = !!(category || timed || (core && level === "country"));
    var nextNode = {};
    var nodeUpdates = [];
    allNodes.forEach(function (n) {
      var visible = allowed[n.id] && (!needTouch || touched[n.id] || (core && core[n.id] && !category && !timed));
      if (!visible) { nextNode[n.id] = true; }
      if (!visible !== !!hiddenNode[n.id]) { nodeUpdates.push({ id: n.id, hidden: !visible }); }
    });
    // a structural link (affiliation, place in country) shows only between visible nodes
    allEdges.forEach(function (e) {
      if (!nextEdge[e.id] && (nextNode[e.from] || nextNode[e.to])) {
        nextEdge[e.id] = true;
        edgeUpdates.push({ id: e.id, hidden: true });
      }
    });
    hiddenNode = nextNode;
    hiddenEdge = nextEdge;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (!find(true)) { fitVisible(); }
  }

  // Selects the visible nodes matching the search box and zooms to them; returns their number.
  function find(fit) {
    var query = search ? search.value.trim().toLowerCase() : "";
    if (!query) {
      network.unselectAll();
      say("");
      return 0;
    }
    var hits = allNodes.filter(function (n) {
      return !hiddenNode[n.id] && String(n.search || n.label || "").indexOf(query) >= 0;
    }).map(function (n) { return n.id; });
    network.selectNodes(hits, false);
    if (fit && hits.length) { fitVisible(hits); }
    say(hits.length + (hits.length === 1 ? " match" : " matches"));
    return hits.length;
  }

  // -- details panel: built with createElement/textContent only -------------
  var box = document.getElementById("kg-panel");
  var body = document.getElementById("kg-panel-body");

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : ""; }

  function cite(docId, sentIndex) {
    var meta = docs[docId] || ["", "", ""];
    var line = el("div", null, "kg-cite");
    var url = safeUrl(meta[2]);
    var title = meta[0] || docId || "unknown document";
    if (url) {
      var a = el("a", title);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      line.appendChild(a);
    } else {
      line.appendChild(el("span", title, "kg-doc-title"));
    }
    var bits = [meta[1], meta[0] ? docId : "", sentIndex >= 0 ? "sentence " + sentIndex : ""].filter(Boolean);
    if (bits.length) { line.appendChild(el("span", " \u00b7 " + bits.join(" \u00b7 "))); }
    return line;
  }

  function evidenceList(items, more) {
    var wrap = el("div");
    wrap.appendChild(el("h3", "Evidence (" + (items.length + (more || 0)) + ")"));
    if (!items.length) { wrap.appendChild(el("p", "No sentence is recorded for this.", "kg-muted")); }
    var list = el("ol", null, "kg-evidence");
    items.forEach(function (item) {  // [sentence row, what]; row: [doc id, index, sentence]
      var row = sentences[item[0]] || ["", -1, ""];
      var li = el("li");
      if (item[1]) { li.appendChild(el("div", item[1], "kg-what")); }
      li.appendChild(el("blockquote", row[2]));
      li.appendChild(cite(row[0], row[1]));
      list.appendChild(li);
    });
    wrap.appendChild(list);
    if (more > 0) { wrap.appendChild(el("p", "\u2026 and " + more + " more sentences.", "kg-muted")); }
    return wrap;
  }

  function attributes(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1]));
    });
    return dl;
  }

  function open(heading, kind, parts) {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(el("h2", heading));
    if (kind) { body.appendChild(el("p", kind, "kg-kind")); }
    parts.forEach(function (part) { body.appendChild(part); });
    box.hidden = false;
    body.scrollTop = 0;
  }

  function showNode(id) {
    var n = nodeById[id];
    if (!n) { return; }
    var p = n.panel || {};
    open(n.name || n.label || id, n.kind, [attributes(p.attrs || []), evidenceList(p.ev || [], p.more || 0)]);
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) { return; }
    var a = nodeById[e.from] || {};
    var b = nodeById[e.to] || {};
    var arrow = e.cats ? " \u2192 " : " \u2192 " + (e.relation || "related to") + " \u2192 ";
    var parts = [];
    if (e.cats) {
      var rows = Object.keys(e.cats).sort().map(function (c) { return [c, String(e.cats[c])]; });
      rows.push(["cooperation / conflict", e.coop + " / " + e.confl]);
      parts.push(attributes(rows));
    } else {
      var attrs = [["relation", e.relation || ""]];
      if (e.category) { attrs.push(["category", e.category + " (" + e.klass + ")"]); }
      if (e.date) { attrs.push(["date", e.date]); }
      if (e.negated) { attrs.push(["negated", "the text says this did not happen"]); }
      if (e.conf) { attrs.push(["confidence", Number(e.conf).toFixed(2)]); }
      parts.push(attributes(attrs));
    }
    parts.push(evidenceList(e.ev || [], e.more || 0));
    open((a.name || a.label || e.from) + arrow + (b.name || b.label || e.to), e.cats ? "country pair" : "link", parts);
  }

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges && params.edges.length) { showEdge(params.edges[0]); }
  });
  var close = document.getElementById("kg-panel-close");
  if (close) { close.addEventListener("click", function () { box.hidden = true; }); }

  ["kg-kind", "kg-country", "kg-category", "kg-from", "kg-to", "kg-conf"].forEach(function (id) {
    var input = document.getElementById(id);
    if (input) { input.addEventListener("change", applyFilters); }
  });
  if (search) {
    search.addEventListener("input", function () { if (!find(true)) { fitVisible(); } });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); find(true); }
    });
  }
  var reset = document.getElementById("kg-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      ["kg-kind", "kg-country", "kg-category", "kg-search", "kg-from", "kg-to"].forEach(function (id) {
        var input = document.getElementById(id);
        if (input) { input.value = ""; }
      });
      var conf = document.getElementById("kg-conf");
      if (conf) { conf.value = "0"; }
      applyFilters();
    });
  }
  window.kgraphControls = { applyFilters: applyFilters, find: find, showNode: showNode, showEdge: showEdge };
  fitVisible();
  say("");
})();
