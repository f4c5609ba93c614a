"""pyvis's own page template, rendered the way ``Network.generate_html()`` renders it, without importing pyvis.

pyvis renders the HTML: the page is pyvis 0.3.2's ``templates/template.html``
with the vis-network assets it inlines (``cdn_resources="in_line"``), filled
through a Jinja environment set up exactly like pyvis's own (a plain
``FileSystemLoader`` on that folder) and with exactly the context
:meth:`pyvis.network.Network.generate_html` passes.  The test suite checks
that the result is byte-identical to pyvis's.

What is left out is the import: ``import pyvis`` runs ``pyvis/network.py``,
which imports IPython (for notebook display only) and costs about half a
second per process, a third of kgraph's start-up.  The package is found
with :func:`importlib.util.find_spec`, which does not run its ``__init__``.

Compiling the template (the inlined vis-network script is lexed as a
template too) costs about 50 ms per page, so the compiled code is kept in
the user's cache folder (:mod:`kgraph.usercache`) with Jinja's own bytecode
cache: file names carry the Jinja version, each file carries the checksum
of its template source and the Python version, and a change of any of them
compiles afresh.  Like ``__pycache__``, these files hold code that runs;
they are read only from a folder that the user owns and no one else can
write (created with mode 0700).  The cache is an optimisation:
a folder that cannot be read or written, or a damaged file, only means
compiling again.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
from pathlib import Path

import jinja2

from kgraph.usercache import default_cache_dir

log = logging.getLogger(__name__)

TEMPLATE = "template.html"


class _Bytecode(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, but a damaged file or an unwritable folder never stops a page."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception as exc:  # a truncated pickle/marshal stream raises several kinds
            log.warning("ignoring the damaged template cache in %s (%s); it is rebuilt", self.directory, exc)
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            log.info("cannot store the compiled page template in %s (%s)", self.directory, exc)


def templates_dir() -> Path:
    """The ``templates`` folder of the installed pyvis package (found, not imported)."""
    from kgraph.errors import ConfigError

    spec = importlib.util.find_spec("pyvis")
    folder = Path(next(iter(spec.submodule_search_locations or ())), "templates") if spec else None
    if folder is None or not (folder / TEMPLATE).is_file():
        raise ConfigError("pyvis's page template was not found; install kgraph's dependencies "
                          "(pip install 'pyvis==0.3.2')")
    return folder


def _bytecode_cache() -> _Bytecode | None:
    base = default_cache_dir()
    if base is None:
        return None
    folder = base / "templates"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError as exc:
        log.info("cannot create the template cache folder %s (%s); compiling each time", folder, exc)
        return None
    if (hasattr(os, "getuid") and info.st_uid != os.getuid()) or info.st_mode & 0o022:
        # the cached files are code that runs: never read them from a folder someone else can write
        log.warning("not using the template cache %s: it is not a folder only you can write", folder)
        return None
    return _Bytecode(str(folder), pattern=f"pyvis-jinja{jinja2.__version__}-%s.cache")


def generate_html(nodes: list[dict], edges: list[dict], options: dict, *, heading: str = "") -> str:
    """The page ``Network(height="100%", width="100%", directed=True, cdn_resources="in_line",
    heading=heading)`` with these nodes, edges and ``options`` dict gives from ``generate_html()``."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())),
                             bytecode_cache=_bytecode_cache())
    physics = "physics" in options and "enabled" in options["physics"]
    # as pyvis decides it: any node title holding "href" selects its innerHTML popup
    tooltip_link = any("href" in n["title"] for n in nodes if n.get("title"))
    return env.get_template(TEMPLATE).render(
        height="100%", width="100%", nodes=nodes, edges=edges, heading=heading, options=json.dumps(options),
        physics_enabled=options["physics"]["enabled"] if physics else True, use_DOT=False, dot_lang="",
        widget=False, bgcolor="#ffffff", conf=False, tooltip_link=tooltip_link, neighborhood_highlight=False,
        select_menu=False, filter_menu=False, notebook=False, cdn_resources="in_line")
