"""Indexes derived from installed packages, kept in the user's cache folder between runs.

Rebuilding the GeoNames index costs about two seconds, more than parsing a
short article, so it is built once and stored under a key made of everything
it depends on (package versions, the code that builds it, the Python
version).  A new package version gives a new key and so a rebuild; an old
file is simply never read again.

The files are ``marshal`` data (plain dicts, tuples and strings, which load
about six times faster than pickled dataclasses and cannot run code), behind a
SHA-256 of their payload: a truncated or corrupted file fails the check and is
rebuilt.  Writers write a private temporary file and rename it into place, so
concurrent builds never see half a file; the last one wins with the same
content.  The cache is an optimisation only: when the folder cannot be
read or written the index is built in memory and the build goes on.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

_MAGIC = b"kgraph-index-1\n"
ENV_VAR = "KGRAPH_CACHE_DIR"


def default_cache_dir() -> Path | None:
    """``$KGRAPH_CACHE_DIR``, else the platform's per-user cache folder plus ``kgraph``.

    An empty ``KGRAPH_CACHE_DIR`` turns the cache off (None).
    """
    explicit = os.environ.get(ENV_VAR)
    if explicit is not None:
        return Path(explicit).expanduser() if explicit.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kgraph" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kgraph"
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "kgraph"


def cache_key(*parts: object) -> str:
    """A short stable digest of the given parts (their ``repr``)."""
    digest = hashlib.sha256(repr((sys.version_info[:2], parts)).encode("utf-8")).hexdigest()
    return digest[:24]


def cached(name: str, key: str, build: Callable[[], object], cache_dir: Path | None):
    """The value stored as ``name``-``key`` in ``cache_dir``, else ``build()`` (stored for next time).

    ``build`` must return plain data that ``marshal`` can write: dicts,
    lists, tuples, frozensets, strings and numbers.
    """
    if cache_dir is None:
        return build()
    path = Path(cache_dir) / f"{name}-{key}.bin"
    value = _read(path)
    if value is not None:
        return value
    value = build()
    _write(path, value)
    return value


def _read(path: Path):
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if blob[:head] != _MAGIC or hashlib.sha256(blob[head + 32:]).digest() != blob[head:head + 32]:
        log.warning("ignoring the damaged index cache file %s; it is rebuilt", path)
        return None
    # the cyclic collector would walk the whole heap (a loaded spaCy model) again and again while
    # marshal creates the index's hundred thousand tuples, none of which can form a cycle: off
    # while loading, this takes a third of the time
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(blob[head + 32:])
    except (EOFError, ValueError, TypeError):
        log.warning("ignoring the unreadable index cache file %s; it is rebuilt", path)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value) -> None:
    payload = marshal.dumps(value)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
        tmp = None
        log.debug("stored index cache %s", path)
    except OSError as exc:
        log.info("cannot store the index cache in %s (%s); it is rebuilt on every run", path.parent, exc)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
