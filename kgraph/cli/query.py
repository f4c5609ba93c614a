"""``kgraph query``: placeholder until the query API lands (owned by the query work)."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("query", help="ask questions of a built graph")
    p.set_defaults(run=run)


def run(args) -> int:
    raise NotImplementedError
