"""One self-contained HTML page from a :class:`~kgraph.render.project.View`.

pyvis 0.3.2 renders the page and is kept behind this module (it is
unmaintained; see the shared ecosystem notes): its template and inlined
vis-network assets, filled as its ``generate_html()`` with
``cdn_resources="in_line"`` fills them (:mod:`kgraph.render.pyvis_template`,
which does so without importing pyvis and so without IPython).  The
template still links Bootstrap from a CDN (pyvis #229): the link and script
are cut here and our own small stylesheet, controls and legend are spliced
in.  Article text reaches the page only through pyvis's Jinja ``tojson``
(which writes ``<``, ``>``, ``&`` and ``'`` as ``\\u003c``-style escapes, so a
``</script>`` in a label cannot close the script), through
:func:`html.escape` for the few bits of markup written here, or through the
inert JSON block of :func:`kgraph.render.details.script_json` that the
details panel reads and writes into the page with ``textContent``.

Tooltips never pass through pyvis as ``title``: pyvis switches to its own
popup, which does ``popup.innerHTML = title``, as soon as any node title
contains the text ``href`` (a name such as "Ahrefa" is enough), and article
text would then run as markup.  Node and edge dicts carry the text as
``tooltip`` instead, and one line spliced in before the network is created
copies it to ``title``, which vis-network shows with ``innerText``.
"""
from __future__ import annotations

import html
import re
from importlib import resources

from kgraph.render import details, layout, pyvis_template, style
from kgraph.render.project import View

_REMOTE = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>"""
    r"""|<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""",
    re.IGNORECASE,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_DEAD_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->\s*", re.DOTALL)
_ANCHOR_SCRIPT = "drawGraph();\n"
_ANCHOR_CANVAS = '<div id="mynetwork" class="card-body"></div>'
_ANCHOR_NETWORK = "network = new vis.Network(container, data, options);"
# vis-network 9 (inlined, pinned with pyvis 0.3.2) sets string titles with innerText.
_TOOLTIPS = ("[nodes, edges].forEach(function (set) {\n"
             "  set.update(set.get().map(function (item) { return { id: item.id, title: item.tooltip }; }));\n"
             "});\n")
_HTML_POPUP = re.compile(r"innerHTML\s*=[^;]*\btitle\b")
_CATEGORY_CLASSES = (("class:cooperation", "cooperation (all)"), ("class:conflict", "conflict (all)"),
                     ("class:structural", "structural links"))


def _asset(name: str) -> str:
    text = resources.files("kgraph.render").joinpath(name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"asset {name} must not contain a closing script/style tag")
    return text


def _pyvis_page(view: View) -> str:
    """pyvis's page for the projection (nodes and edges taken as they are, not through ``from_nx``)."""
    return pyvis_template.generate_html([_untitled(n) for n in view.nodes], [_untitled(e) for e in view.edges],
                                        layout.vis_options(len(view.nodes)))


def _untitled(item: dict) -> dict:
    """A copy with ``title`` renamed ``tooltip``, so that pyvis never picks its HTML popup."""
    out = {k: v for k, v in item.items() if k != "title"}
    if "title" in item:
        out["tooltip"] = item["title"]
    return out


def _option(value: str, text: str) -> str:
    return f'<option value="{html.escape(value)}">{html.escape(text)}</option>'


def _controls(view: View) -> str:
    parts = ['<label>Find <input id="kg-search" type="search" placeholder="name or alias" '
             'autocomplete="off" spellcheck="false"></label>']
    if len(view.kinds) > 1:
        options = "".join(_option(k, k) for k in view.kinds)
        parts.append(f'<label>Kind <select id="kg-kind"><option value="">all</option>{options}</select></label>')
    if view.countries:
        options = "".join(_option(code, name if name == code else f"{name} ({code})")
                          for code, name in view.countries)
        parts.append(f'<label>Country <select id="kg-country"><option value="">all</option>{options}</select></label>')
    classes = "".join(_option(v, t) for v, t in _CATEGORY_CLASSES
                      if view.level == "entity" or v != "class:structural")
    cats = "".join(_option(c, c) for c in view.categories)
    parts.append(f'<label>Category <select id="kg-category"><option value="">all</option>{classes}'
                 f'<optgroup label="PLOVER">{cats}</optgroup></select></label>')
    if view.level == "entity":
        parts.append('<label title="meetings and statements dated in this range; undated ones are hidden">'
                     'From <input id="kg-from" type="date"></label><label>to <input id="kg-to" type="date"></label>')
        parts.append('<label title="hide meetings and statements the extractor is less sure of">Min. confidence '
                     '<input id="kg-conf" type="number" min="0" max="1" step="0.1" value="0"></label>')
    parts.append('<button id="kg-reset" type="button">Reset</button>')
    parts.append('<span id="kg-status" aria-live="polite"></span>')
    return (f'<div id="kg-controls" role="search" data-level="{html.escape(view.level)}">'
            + "".join(parts) + "</div>")


def _note(view: View) -> str:
    shown, edges = len(view.nodes), len(view.edges)
    noun = "countries" if view.level == "country" else "nodes"
    extra = f" {html.escape(view.caption)}" if view.caption else ""
    alone = view.isolated
    if shown + alone == view.total_nodes and alone:
        left = f"{alone:,} {noun} linked to nothing are" if alone > 1 else f"1 {noun[:-1]} linked to nothing is"
        return (f'<p class="kg-note" id="kg-note">{shown:,} {noun}, {edges:,} edges; {left} '
                f"left out.{extra}</p>")
    if shown < view.total_nodes:
        why = (f"{view.total_nodes - shown:,} left out, {alone:,} of them linked to nothing" if alone
               else f"{view.total_nodes - shown:,} left out")
        return (f'<p class="kg-note kg-reduced" id="kg-note">Showing {shown:,} of {view.total_nodes:,} {noun} '
                f"(the best connected; {why}) and {edges:,} of "
                f"{view.total_edges:,} edges.{extra} To show more, rebuild with "
                f"<code>kgraph build --max-nodes N</code> or call "
                f"<code>write_html(graph, path, max_nodes=N)</code> (<code>max_nodes=None</code> shows all).</p>")
    return f'<p class="kg-note" id="kg-note">{shown:,} {noun}, {edges:,} edges.{extra}</p>'


def _legend(view: View) -> str:
    rows = []
    kinds = [k for k in style.KIND_STYLE if k in view.kinds] + [k for k in view.kinds if k not in style.KIND_STYLE]
    for kind in kinds:
        s = style.kind_style(kind)
        rows.append(f'<li><span class="kg-glyph" style="color:{s["color"]}">{s["glyph"]}</span>'
                    f"{html.escape(kind)}</li>")
    if view.level == "country":
        lines = [(style.CLASS_COLOR["cooperation"], "all cooperation", False), ("#8c8c8c", "mixed", False),
                 (style.CLASS_COLOR["conflict"], "all conflict", False)]
        size = "size: mentions; width: events (a meeting is a CONSULT both ways); click an edge for its sentences"
    else:
        lines = [(style.CLASS_COLOR[k], text, dashed) for k, text, dashed in (
            ("cooperation", "cooperation (PLOVER)", False), ("conflict", "conflict (PLOVER)", False),
            ("other", "statement, no category", False), ("structural", "structural link", False),
            ("other", "negated (text denies it)", True))]
        size = "size: number of mentions; dashed outline: planned or cancelled meeting; click for details"
    edge_rows = "".join(
        f'<li><span class="kg-line{" kg-dashed" if dashed else ""}" style="border-color:{colour}">'
        f"</span>{html.escape(text)}</li>" for colour, text, dashed in lines)
    return (f'<aside class="kg-legend" id="kg-legend" aria-label="legend"><h2>Nodes</h2><ul>{"".join(rows)}</ul>'
            f"<h2>Edges</h2><ul>{edge_rows}</ul><p>{html.escape(size)}</p></aside>")


def render(view: View, title: str = "kgraph") -> str:
    """The complete page as a string; identical input gives identical output."""
    page = _pyvis_page(view)
    page, removed = _REMOTE.subn("", page)
    if removed < 2:
        raise RuntimeError("pyvis template changed: Bootstrap CDN link/script not found (pin pyvis==0.3.2)")
    page = _DEAD_COMMENT.sub("", _EMPTY_HEADING.sub("", page))
    if _HTML_POPUP.search(page):
        raise RuntimeError("pyvis switched to its innerHTML tooltip; article text would run as markup "
                           "(pin pyvis==0.3.2)")
    safe_title = html.escape(str(title))
    head = (f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{safe_title}</title>\n<style>{_asset('page.css')}</style>\n</head>")
    header = (f'<body>\n<header class="kg-header"><h1>{safe_title}</h1>{_note(view)}'
              f"{_controls(view)}</header>")
    for anchor in ("<html>", "</head>", "<body>", _ANCHOR_CANVAS, _ANCHOR_NETWORK, _ANCHOR_SCRIPT):
        if page.count(anchor) != 1:
            raise RuntimeError(f"pyvis template changed: expected one {anchor!r} (pin pyvis==0.3.2)")
    page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    page = page.replace("</head>", head, 1)
    page = page.replace("<body>", header, 1)
    panel = ('<aside class="kg-panel" id="kg-panel" aria-label="details" hidden>'
             '<button id="kg-panel-close" type="button" aria-label="close">\u00d7</button>'
             '<div id="kg-panel-body"></div></aside>')
    page = page.replace(_ANCHOR_CANVAS, _ANCHOR_CANVAS + _legend(view) + panel
                        + details.script_json("kg-docs", {"docs": view.docs, "sentences": view.sentences}), 1)
    page = page.replace(_ANCHOR_NETWORK, _TOOLTIPS + _ANCHOR_NETWORK, 1)
    page = page.replace(_ANCHOR_SCRIPT, _ANCHOR_SCRIPT + _asset("controls.js"), 1)
    return page
