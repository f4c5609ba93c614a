"""The vocabulary module agrees with the written contract and with every data file that names a category."""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from kgraph import schema

DOC = Path(__file__).resolve().parents[1] / "docs" / "graph-schema.md"


def _row(attribute: str) -> str:
    """The meaning column of one attribute row of the contract's node table."""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| `{attribute}` |"):
            return line
    raise AssertionError(f"no row for {attribute!r} in {DOC}")


def _ticked(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def test_node_kinds_modes_and_statuses_are_the_documented_ones():
    assert _ticked(_row("kind"))[1:] == list(schema.NODE_KINDS)
    assert _ticked(_row("mode"))[1:] == list(schema.MEETING_MODES)
    assert _ticked(_row("status"))[1:] == list(schema.MEETING_STATUSES)


def test_structural_relations_are_the_documented_ones():
    line = _row("relation")
    assert [r for r in _ticked(line) if r in schema.STRUCTURAL] == list(schema.STRUCTURAL)
    assert not schema.is_structural("meet") and all(map(schema.is_structural, schema.STRUCTURAL))


def test_plover_types_are_the_documented_sixteen_in_four_quad_classes():
    text = DOC.read_text(encoding="utf-8").split("## Event categories", 1)[1].split("##", 1)[0]
    documented = [t for t in _ticked(text) if t.isupper()][:16]
    assert sorted(documented) == sorted(schema.PLOVER) and len(set(schema.PLOVER)) == 16
    assert set(schema.COOPERATION) | set(schema.CONFLICT) == set(schema.PLOVER)
    assert not set(schema.COOPERATION) & set(schema.CONFLICT)
    assert schema.quad_class("REQUEST") == "verbal_conflict" and schema.quad_class("consult") == ""


def _categories(node) -> list[str]:
    """Every ``category`` value anywhere inside a JSON document."""
    if isinstance(node, dict):
        own = [node["category"]] if isinstance(node.get("category"), str) else []
        return own + [c for v in node.values() for c in _categories(v)]
    if isinstance(node, list):
        return [c for v in node for c in _categories(v)]
    return []


@pytest.mark.parametrize("name", ["events.json", "statement_patterns.json"])
def test_every_category_in_the_lexicons_is_a_plover_type(name):
    data = json.loads(resources.files("kgraph.data").joinpath(name).read_text(encoding="utf-8"))
    found = _categories(data)
    assert found, f"{name} names no category: the test would prove nothing"
    assert sorted(set(found) - set(schema.PLOVER)) == []
