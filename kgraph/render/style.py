"""Colours, shapes and text helpers shared by the entity and country pages.

Kept apart from the projection code so that the legend, the canvas and the
filters all read one table: a colour changed here changes everywhere.
"""
from __future__ import annotations

import json
import math

from kgraph import schema

KIND_STYLE: dict[str, dict[str, str]] = {
    # kind: vis shape, fill colour, border colour, legend glyph
    "person": {"shape": "dot", "color": "#4e79a7", "border": "#2f4b6b", "glyph": "\u25cf"},
    "organization": {"shape": "square", "color": "#b07aa1", "border": "#6f4a65", "glyph": "\u25a0"},
    "country": {"shape": "diamond", "color": "#f1a340", "border": "#9c6518", "glyph": "\u25c6"},
    "location": {"shape": "triangle", "color": "#9c755f", "border": "#5e4536", "glyph": "\u25b2"},
    "meeting": {"shape": "star", "color": "#edc948", "border": "#8f7716", "glyph": "\u2605"},
}
OTHER_KIND = {"shape": "dot", "color": "#bab0ac", "border": "#6d6663", "glyph": "\u25cf"}

STRUCTURAL = schema.STRUCTURAL

# PLOVER types split by their quad classes (verbal/material cooperation vs
# verbal/material conflict), so one glance tells friend from foe, and the page
# colours an edge as kg.dyads() counts it.
COOPERATION = schema.COOPERATION
CONFLICT = schema.CONFLICT
PLOVER = schema.PLOVER

CLASS_COLOR = {
    "cooperation": "#2e9d57",
    "conflict": "#d1352b",
    "structural": "#a8a8a8",
    "other": "#5d7a99",
}

LABEL_MAX = 40
TEXT_MAX = 600
TOOLTIP_SENTENCE_MAX = 240


def kind_style(kind: str) -> dict[str, str]:
    return KIND_STYLE.get(kind, OTHER_KIND)


def category_class(relation: str, category: str) -> str:
    """Structural links are grey whatever their category; statements by PLOVER class."""
    if relation in STRUCTURAL:
        return "structural"
    if category in COOPERATION:
        return "cooperation"
    if category in CONFLICT:
        return "conflict"
    return "other"


def node_size(mentions: int) -> float:
    """Log scale: a node mentioned 1,000 times must not hide one mentioned once."""
    return round(min(60.0, 10.0 + 5.0 * math.log2(1 + max(0, mentions))), 2)


def relative_size(value: int, largest: int) -> float:
    """Log scale relative to the largest value: aggregates (a country's summed
    mentions) would all hit the absolute cap of :func:`node_size`."""
    if largest <= 0:
        return 14.0
    return round(14.0 + 30.0 * math.log1p(max(0, value)) / math.log1p(largest), 2)


def text(value, limit: int = TEXT_MAX) -> str:
    """Any attribute value as one display string, cut at ``limit`` characters.

    Graph attributes may arrive as numpy scalars, None or JSON strings from
    GraphML; the page must render whatever the extractor produced.
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    out = str(value)
    if len(out) > limit:
        out = out[: limit - 1].rstrip() + "\u2026"
    return out


def as_list(value) -> list[str]:
    """Lists stay lists; GraphML-style JSON array strings are decoded."""
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                decoded = json.loads(stripped)
            except ValueError:
                return [value]
            return [text(v) for v in decoded] if isinstance(decoded, list) else [value]
        return [value] if stripped else []
    try:
        return [text(v) for v in value]
    except TypeError:
        return [text(value)]


def as_int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def as_float(value, default: float = 0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(number) else number


def as_bool(value) -> bool:
    """GraphML may hand back ``"true"``/``"false"`` strings instead of bools."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def node_color(kind: str, *, faded: bool = False) -> dict:
    style = kind_style(kind)
    fill = "#e6e0c8" if faded else style["color"]
    return {
        "background": fill,
        "border": style["border"],
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }


def node_paint(kind: str, *, faded: bool = False) -> dict:
    """A node's colour: its kind's group (defined once in the options, see :func:`groups`), or its own."""
    if kind in KIND_STYLE and not faded:
        return {"group": kind}
    return {"color": node_color(kind, faded=faded)}


def groups() -> dict:
    """vis-network groups, one per kind: the colours every node of that kind shares."""
    return {kind: {"color": node_color(kind)} for kind in KIND_STYLE}
