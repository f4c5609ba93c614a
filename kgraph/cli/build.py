"""``kgraph build``: placeholder, being written."""
from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("build", help="build the graph from articles")
    p.set_defaults(run=run)


def run(args) -> int:
    raise NotImplementedError
