"""Ask questions of a built graph: ``kg = kgraph.load("output/")``, then ``kg.meetings("Putin")``.

:class:`KnowledgeGraph` wraps any kgraph ``MultiDiGraph`` (``KnowledgeGraph(result.graph)``
after a build) and answers with pandas DataFrames that keep provenance.
"""
from __future__ import annotations

from kgraph.query.core import PLOVER, KnowledgeGraph, date_in_range, load
from kgraph.query.names import normalize

__all__ = ["KnowledgeGraph", "load", "normalize", "date_in_range", "PLOVER"]
