"""kgraph: diplomatic news in, a knowledge graph of who met whom out."""
from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str):
    """``kgraph.load`` / ``kgraph.KnowledgeGraph`` without importing pandas on ``import kgraph``."""
    if name in {"KnowledgeGraph", "load"}:
        from kgraph import query

        return getattr(query, name)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
