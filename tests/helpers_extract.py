"""Small readers of DocResults for assertions."""
from __future__ import annotations


def names(result) -> dict[str, object]:
    return {e.name: e for e in result.entities}


def key_of(result, name: str) -> str:
    for e in result.entities:
        if e.name == name or name in e.aliases:
            return e.key
    raise AssertionError(f"{name!r} not among {[e.name for e in result.entities]}")


def triples(result) -> set[tuple[str, str, str, bool]]:
    label = {e.key: e.name for e in result.entities}
    return {(label[s.subject], s.category, label[s.object], s.negated) for s in result.statements}


def meetings(result) -> list[dict]:
    label = {e.key: e.name for e in result.entities}
    out = []
    for m in result.meetings:
        out.append({
            "participants": {label[p.entity] for p in m.participants if not p.negated},
            "denied": {label[p.entity] for p in m.participants if p.negated},
            "place": label.get(m.place, ""), "date": m.date, "mode": m.mode, "status": m.status,
        })
    return out
