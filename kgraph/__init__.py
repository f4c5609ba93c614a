"""kgraph: diplomatic news in, a knowledge graph of who met whom out."""
from __future__ import annotations

__version__ = "0.1.0"
