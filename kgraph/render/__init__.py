"""Interactive HTML views of a kgraph graph (pyvis / vis-network), offline and inert.

Two pages: the entity graph (people, organisations, countries, places,
meetings) and a country-level page that folds people and organisations into
their countries.  Both are single files that open without a network, show
article text only as text, never change the graph they are given and come
out byte-identical for the same graph.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("country:FRA", kind="country", label="France", iso3="FRA", mentions=2)
>>> page = html_string(g, title="demo")
>>> "France" in page and "cdn.jsdelivr" not in page
True
"""
from __future__ import annotations

import html
import os
import re
import tempfile
from pathlib import Path

from kgraph.errors import ConfigError, OutputError

__all__ = ["html_string", "country_html_string", "write_html", "write_country_html", "notebook_view"]

_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|em|rem|vh|%)$")


def html_string(graph, *, max_nodes: int | None = 300, title: str = "kgraph") -> str:
    """The entity page as a string; ``max_nodes=None`` shows every node."""
    from kgraph.render import page, project

    project.check_graph(graph)
    return page.render(project.entity_view(graph, max_nodes), title)


def country_html_string(graph, *, max_nodes: int | None = 300, title: str = "kgraph: countries") -> str:
    """The country-level page as a string (see :mod:`kgraph.render.countries`)."""
    from kgraph.render import countries, page, project

    project.check_graph(graph)
    return page.render(countries.country_view(graph, max_nodes), title)


def _write_atomic(path, text: str) -> Path:
    """Write ``text`` next to ``path`` first, then rename: readers never see half a page."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist; create it or choose another output path",
                          path=str(target))
    if target.is_dir():
        raise OutputError("is a folder; give a file name such as graph.html", path=str(target))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(f"cannot write the page: {exc.strerror or exc}", path=str(target)) from exc
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


def write_html(graph, path, *, max_nodes: int | None = 300, title: str = "kgraph") -> Path:
    """Write the entity page to ``path`` (atomically) and return it as a Path.

    Big graphs are cut to the ``max_nodes`` best connected nodes and the page
    says what was left out; ``max_nodes=None`` keeps everything.
    """
    return _write_atomic(path, html_string(graph, max_nodes=max_nodes, title=title))


def write_country_html(graph, path, *, max_nodes: int | None = 300,
                       title: str = "kgraph: countries") -> Path:
    """Write the country-level page to ``path`` (atomically) and return it as a Path."""
    return _write_atomic(path, country_html_string(graph, max_nodes=max_nodes, title=title))


def notebook_view(graph, height: str = "600px", *, level: str = "entity",
                  max_nodes: int | None = 300, title: str = "kgraph"):
    """The page inside ``<iframe srcdoc=...>``, for Jupyter, VS Code and Colab alike.

    pyvis's own notebook display points an IFrame at a file, which stays blank
    in VS Code and Colab; ``srcdoc`` carries the whole escaped page instead.
    The sandbox lets the page run its scripts but not touch the notebook.
    """
    from IPython.display import HTML

    if not isinstance(height, str) or not _CSS_LENGTH.match(height):
        raise ConfigError(f"height must be a CSS length such as '600px' or '80vh', got {height!r}")
    if level == "entity":
        page = html_string(graph, max_nodes=max_nodes, title=title)
    elif level == "country":
        page = country_html_string(graph, max_nodes=max_nodes, title=title)
    else:
        raise ConfigError(f"level must be 'entity' or 'country', got {level!r}")
    # wrapped in a div: IPython warns about a bare <iframe> (it means iframes with src=)
    return HTML(f'<div class="kgraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'sandbox="allow-scripts" style="width:100%;height:{height};border:1px solid #ddd" '
                f'title="{html.escape(title)}"></iframe></div>')
