"""Graph files: GraphML, node-link JSON and the atomic write they share.

GraphML is what other tools open (yEd, Gephi, ``networkx.read_graphml``, the
evaluation script), so :func:`write_graphml` writes it by hand instead of
through ``networkx.write_graphml``.  That gives the properties the networkx
writer lacks (see ``docs/graph-schema.md`` and the shared ecosystem notes):

* lists and dicts become JSON strings, ``None`` is left out, numpy scalars
  become plain numbers, and characters XML 1.0 cannot carry are removed, so
  the file always reads back;
* every edge has a unique GraphML ``id`` (yEd and Gephi drop edges whose ids
  repeat) and every node and edge has a ``label`` (Gephi shows it);
* key ids are named ``node_label``, ``edge_relation`` ... never ``d3``/``d7``,
  which Gephi would map to labels whatever they hold;
* nodes, edges, attributes and keys are sorted, so the same graph gives the
  same bytes;
* attributes named ``start``/``end`` (character offsets of a fact) are written
  as ``char_start``/``char_end``: Gephi takes ``start``/``end`` as a time
  interval and drops or mangles them;
* every edge also carries its id as an ``edge_id`` attribute, for readers
  (igraph) that ignore the XML ``id``.

Each ``<key>`` carries a ``<desc>`` saying how kgraph encoded it
(``kgraph:json`` for JSON strings, ``kgraph:derived`` for labels the writer
filled in, ``kgraph:key`` for the networkx edge key).  Other readers ignore
``desc``; :func:`read_graphml` uses it to give back exactly the graph that was
written.  Text is normalised the way XML parsers normalise it anyway
(``\\r\\n`` and ``\\r`` become ``\\n``) so a round trip is exact.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Any, Iterator

import networkx as nx
from networkx.readwrite.graphml import GraphMLReader

from kgraph.errors import GraphFormatError, InputNotFoundError, OutputError
from kgraph.manifest import check_output_set

_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_INT32 = range(-(2**31), 2**31)
_EDGE_KEY = "\x00kgraph-edge-key"  # private name while reading; never a real attribute
# Names other tools give a meaning of their own (Gephi: time intervals) -> the name written.
_RENAMED = {"start": "char_start", "end": "char_end"}
_WAS = ";was:"  # desc suffix recording the graph's own name of a renamed key

# tag -> (GraphML attr.type, desc)
_TAGS = {
    "boolean": ("boolean", "kgraph"),
    "int": ("int", "kgraph"),
    "long": ("long", "kgraph"),
    "double": ("double", "kgraph"),
    "string": ("string", "kgraph"),
    "json": ("string", "kgraph:json"),
    "derived": ("string", "kgraph:derived"),
    "key-long": ("long", "kgraph:key"),
    "key-string": ("string", "kgraph:key"),
}
_SCOPES = ("graph", "node", "edge")


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it replaces ``path``.

    Readers never see a half-written file and an interrupted write leaves the
    previous file byte-identical: the data goes to a temporary file in the
    same folder (so ``os.replace`` is atomic), is fsynced, and only then
    renamed.  On any error the temporary file is removed and nothing else is
    touched.  A new file gets mode 0644; an existing file keeps its mode.
    """
    if mode not in {"w", "wb"}:
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"folder {str(folder)!r} does not exist; create it first", path=str(target))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror})", path=str(target)) from exc
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with open(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError(f"write failed ({exc.strerror or exc}); the previous file is unchanged",
                              path=str(target)) from exc
        raise


def attr_list(value: Any) -> list:
    """A list attribute as a list, whether it holds a list, a JSON array string or one string.

    Graphs read by plain ``networkx.read_graphml`` keep the JSON strings, and
    hand-made graphs may hold a single string; query code accepts all three.
    """
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    if _looks_like_json_list(value):
        return json.loads(value)
    return [value]


def attr_bool(value: Any) -> bool:
    """A boolean attribute that may have been stored as text (``"true"``, ``"1"``)."""
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot hold and normalise line ends as XML parsers do."""
    return _XML_ILLEGAL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def _json_default(value: Any) -> Any:
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _encode(value: Any) -> tuple[str, Any] | None:
    """(tag, text) for one attribute value, or None to leave it out."""
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        value = value.tolist()  # numpy scalar -> int/float/bool, array -> list
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if isinstance(value, int):
        return "int", value  # widened to long per key when needed
    if isinstance(value, float):
        return "double", repr(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
        return "json", clean_text(dumped)
    if not isinstance(value, str) and hasattr(value, "isoformat"):
        value = value.isoformat()
    return "string", clean_text(str(value))


def _graphml_tree(graph: nx.Graph) -> ET.ElementTree:
    """Build the XML for ``graph`` without modifying it (see module docstring)."""
    ids: dict[Any, str] = {}
    for node in graph.nodes:
        ids[node] = _XML_ILLEGAL.sub("", str(node))  # ids are XML attributes: \r survives
    if len(set(ids.values())) != len(ids):
        raise GraphFormatError("two node ids become equal once characters XML cannot hold are removed")

    # element -> [(name, tag, text)]; filled per scope, then keys are assigned.
    items: list[tuple[str, ET.Element, list[list]]] = []
    root_graph = ET.Element("graph", edgedefault="directed" if graph.is_directed() else "undirected")
    graph_data = {k: v for k, v in graph.graph.items() if k not in {"node_default", "edge_default"}}
    items.append(("graph", root_graph, _attributes(graph_data)))
    for node in sorted(graph.nodes, key=ids.__getitem__):
        attrs = _attributes(graph.nodes[node])
        if not any(name == "label" for name, _, _ in attrs):
            attrs.append(["label", "derived", ids[node]])
        items.append(("node", ET.Element("node", id=ids[node]), attrs))
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, None, d) for u, v, d in graph.edges(data=True))
    order = sorted(edges, key=lambda e: (ids[e[0]], ids[e[1]], _key_order(e[2])))
    for index, (u, v, key, data) in enumerate(order):
        if "key" in data:
            raise GraphFormatError(f"edge {ids[u]} -> {ids[v]} has an attribute named 'key', "
                                   "which GraphML readers take as the edge key; rename it")
        attrs = _attributes(data)
        if not any(name == "label" for name, _, _ in attrs):
            fallback = data.get("relation") or ("" if key is None else key)
            attrs.append(["label", "derived", clean_text(str(fallback))])
        if key is not None:
            attrs.append(["key", "key-long" if isinstance(key, int) else "key-string",
                          key if isinstance(key, int) else clean_text(str(key))])
        attrs.append(["edge_id", "derived", f"e{index}"])
        element = ET.Element("edge", id=f"e{index}", source=ids[u], target=ids[v])
        items.append(("edge", element, attrs))

    _unify_types(items)
    key_ids = _key_ids({(scope, name, tag) for scope, _, attrs in items for name, tag, _ in attrs})
    root = ET.Element("graphml", {"xmlns": _NS, "xmlns:xsi": _XSI, "xsi:schemaLocation": _SCHEMA})
    for (scope, name, tag), key_id in sorted(key_ids.items(), key=lambda kv: (_SCOPES.index(kv[0][0]), kv[1])):
        xml_type, desc = _TAGS[tag]
        original = {v: k for k, v in _RENAMED.items()}.get(name)
        if original is not None:
            desc += _WAS + original
        key = ET.SubElement(root, "key", {"id": key_id, "for": scope, "attr.name": name, "attr.type": xml_type})
        ET.SubElement(key, "desc").text = desc
    root.append(root_graph)
    for scope, element, attrs in items:
        for name, tag, text in sorted(attrs, key=lambda a: a[0]):
            ET.SubElement(element, "data", key=key_ids[scope, name, tag]).text = str(text)
        if element is not root_graph:
            root_graph.append(element)
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def _attributes(data: dict) -> list[list]:
    taken = [name for name in data if name in _RENAMED.values() or name == "edge_id"]
    if taken:
        raise GraphFormatError(f"attribute name {taken[0]!r} is reserved by the GraphML writer "
                               "(start/end are written under it); rename it")
    out = []
    for name, value in data.items():
        encoded = _encode(value)
        if encoded is not None:
            out.append([_RENAMED.get(clean_text(str(name)), clean_text(str(name))), *encoded])
    return out


def _key_order(key: Any) -> tuple:
    return (0, key, "") if isinstance(key, int) and not isinstance(key, bool) else (1, 0, str(key))


def _unify_types(items: list) -> None:
    """Give each (scope, name) one encoding where two would be ambiguous.

    A name holding both lists and plain strings is written all as JSON (a
    JSON string decodes back to the same string); ints that do not fit in 32
    bits make every int of that name ``long``.
    """
    tags: dict[tuple[str, str], set[str]] = {}
    wide: set[tuple[str, str]] = set()
    for scope, _, attrs in items:
        for name, tag, text in attrs:
            tags.setdefault((scope, name), set()).add(tag)
            if tag == "int" and text not in _INT32:
                wide.add((scope, name))
    for scope, _, attrs in items:
        for attr in attrs:
            name, tag, text = attr
            if tag == "string" and "json" in tags[scope, name]:
                attr[1:] = ["json", json.dumps(text, ensure_ascii=False)]
            elif tag == "int" and (scope, name) in wide:
                attr[1] = "long"


def _key_ids(keys: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    per_name: dict[tuple[str, str], int] = {}
    for scope, name, _ in keys:
        per_name[scope, name] = per_name.get((scope, name), 0) + 1
    return {
        (scope, name, tag): f"{scope}_{name}" if per_name[scope, name] == 1 else f"{scope}_{name}_{tag}"
        for scope, name, tag in keys
    }


def write_graphml(graph: nx.Graph, path: str | os.PathLike) -> None:
    """Write ``graph`` as GraphML at ``path`` (atomically, deterministic bytes)."""
    tree = _graphml_tree(graph)
    with atomic_write(path, "wb") as handle:
        tree.write(handle, encoding="utf-8", xml_declaration=True)
        handle.write(b"\n")


class _Reader(GraphMLReader):
    """networkx's reader plus kgraph's key descriptions (JSON, derived, edge key, empty strings)."""

    def find_graphml_keys(self, graph_element):
        keys, defaults = super().find_graphml_keys(graph_element)
        self.desc = {k.get("id"): (k.findtext(f"{{{_NS}}}desc") or "")
                     for k in graph_element.findall(f"{{{_NS}}}key")}
        for key_id, desc in self.desc.items():
            if _WAS in desc and desc.startswith("kgraph") and key_id in keys:
                self.desc[key_id], keys[key_id]["name"] = desc.split(_WAS, 1)
        self.ours = any(d.startswith("kgraph") for d in self.desc.values())
        return keys, defaults

    def decode_data_elements(self, graphml_keys, obj_xml):
        data = super().decode_data_elements(graphml_keys, obj_xml)
        for element in obj_xml.findall(f"{{{_NS}}}data"):
            key_id = element.get("key")
            name, kind, desc = graphml_keys[key_id]["name"], graphml_keys[key_id]["type"], self.desc.get(key_id, "")
            if element.text is None and len(element) == 0 and kind is str:
                data[name] = ""  # ElementTree cannot tell <data/> from an empty string
            if desc == "kgraph:json":
                data[name] = json.loads(data[name])
            elif desc == "kgraph:derived":
                data.pop(name, None)
            elif desc == "kgraph:key":
                data[_EDGE_KEY] = data.pop(name)
            elif not self.ours and _looks_like_json_list(data.get(name)):
                data[name] = json.loads(data[name])
        return data


def _looks_like_json_list(value: Any) -> bool:
    if not (isinstance(value, str) and value.startswith("[") and value.endswith("]")):
        return False
    try:
        return isinstance(json.loads(value), list)
    except ValueError:
        return False


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a GraphML file into a MultiDiGraph, decoding what :func:`write_graphml` encoded.

    Files from other writers work too: a string attribute that holds a JSON
    array is turned back into a list.  A file in a build's output folder is
    first checked against the build manifest (:mod:`kgraph.manifest`).
    """
    source = Path(path)
    if not source.is_file():
        raise InputNotFoundError("GraphML file not found; build one with `kgraph build ... -o DIR`",
                                 path=str(source))
    check_output_set(source)
    try:
        graphs = list(_Reader(node_type=str, edge_key_type=int, force_multigraph=True)(path=str(source)))
    except ET.ParseError as exc:
        raise GraphFormatError(f"not well-formed XML ({exc})", path=str(source)) from exc
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise GraphFormatError(f"not valid GraphML ({exc})", path=str(source)) from exc
    if not graphs:
        raise GraphFormatError("the file holds no <graph> element", path=str(source))
    read = graphs[0]
    out = nx.MultiDiGraph()
    out.graph.update({k: v for k, v in read.graph.items() if k not in {"node_default", "edge_default"} or v})
    out.add_nodes_from(read.nodes(data=True))
    edges = read.edges(keys=True, data=True)
    if not read.is_directed():
        edges = list(edges) + [(v, u, k, dict(d)) for u, v, k, d in edges if u != v]
    for u, v, key, data in edges:
        out.add_edges_from([(u, v, data.pop(_EDGE_KEY, key), data)])
    return out


def write_node_link(graph: nx.Graph, path: str | os.PathLike) -> None:
    """Write node-link JSON, the lossless format (lists stay lists), sorted and atomic."""
    ordered = nx.MultiDiGraph() if graph.is_directed() else nx.MultiGraph()
    ordered.graph.update(graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda n: str(n[0])))
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, 0, d) for u, v, d in graph.edges(data=True))
    ordered.add_edges_from(sorted(edges, key=lambda e: (str(e[0]), str(e[1]), _key_order(e[2]))))
    data = nx.node_link_data(ordered, edges="edges")
    try:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, default=_json_default)
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escape everything instead of losing them
        text = json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1, default=_json_default)
    with atomic_write(path) as handle:
        handle.write(text + "\n")


def read_node_link(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read node-link JSON written by :func:`write_node_link` (or networkx) as a MultiDiGraph."""
    source = Path(path)
    if not source.is_file():
        raise InputNotFoundError("node-link JSON file not found", path=str(source))
    check_output_set(source)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except RecursionError:
        raise GraphFormatError("not node-link JSON (nested too deeply to read); rebuild it with kgraph build",
                               path=str(source)) from None
    except ValueError as exc:
        raise GraphFormatError(f"not node-link JSON ({exc})", path=str(source)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphFormatError(f"not node-link JSON (a JSON {type(data).__name__} without a \"nodes\" list, "
                               f"expected an object with \"nodes\" and \"edges\"); rebuild it with kgraph build",
                               path=str(source))
    try:
        graph = nx.node_link_graph(data, edges="edges" if "edges" in data else "links")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, nx.NetworkXError) as exc:
        raise GraphFormatError(f"not node-link JSON ({type(exc).__name__}: {exc})", path=str(source)) from None
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    return nx.MultiDiGraph(graph if graph.is_directed() else graph.to_directed())
