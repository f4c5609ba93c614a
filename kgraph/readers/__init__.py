"""Reading articles from files and folders into :class:`~kgraph.records.Document` records.

Real inputs are messy: a folder of scraped articles holds a stray PDF, a JSONL
export has one truncated line, a spreadsheet was saved as Windows-1252.  The
readers therefore succeed partially by default: every bad file or record
becomes a :class:`~kgraph.records.Problem` (with file, line and what to do)
and the good documents are still returned.  With ``strict=True`` the first
problem raises its typed :mod:`kgraph.errors` error instead.  A path that
does not exist, an unsupported file named explicitly, or an input that leaves
no readable document at all are always errors.

Formats: ``.txt``/``.text``/``.md`` (one article per file), ``.html``/``.htm``,
``.jsonl``/``.ndjson`` (one JSON object per line), ``.csv``/``.tsv`` (header
row), ``.json`` (a list of objects).  Records have the fields ``id``, the text
field (``text`` unless ``text_field`` says otherwise), and optionally
``title``, ``date``, ``url``; other fields are ignored.

Document ids, which all provenance refers to:

* a text file named on its own: its name without extension (``a/b.txt`` -> ``b``);
* a text file found in a folder: its path relative to that folder, without
  extension, with ``/`` separators (``seeds/x/000_ab.txt`` read via ``seeds``
  -> ``x/000_ab``);
* a JSONL/CSV/JSON record: its ``id`` field as text; without one, the file's id
  (as above) plus ``-`` and the line number (``news-3``), or the record
  number for ``.json``.

Folders are read recursively in sorted order; names starting with ``.`` are
skipped.  Every other entry that is not a readable file (a folder that cannot
be listed, a dangling symbolic link, a FIFO, socket or device) is a Problem
too, or the error with ``strict=True``; a FIFO is never opened.  Two documents with one id are a :class:`DuplicateDocumentError`
(strict) or the later one is skipped with a Problem.
"""
from __future__ import annotations

import difflib
import errno
import logging
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Union

from kgraph.dates import parse_date
from kgraph.errors import (
    ConfigError,
    DuplicateDocumentError,
    EmptyInputError,
    InputFormatError,
    InputNotFoundError,
    KgraphError,
)
from kgraph.readers.decoding import decode_bytes
from kgraph.readers.formats import RawRecord, parse_csv, parse_json, parse_jsonl, parse_text
from kgraph.readers.issues import Issue, IssueError
from kgraph.readers.markup import bare_line, clean_text, one_line
from kgraph.records import Document, Problem

__all__ = ["ReadResult", "read_documents", "SUPPORTED_SUFFIXES"]

logger = logging.getLogger(__name__)

_KINDS = {
    ".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".json": "json",
}
SUPPORTED_SUFFIXES = tuple(_KINDS)
_SUPPORTED = ", ".join(SUPPORTED_SUFFIXES)
_SKIPPED_DIRS = frozenset({"__MACOSX", "__pycache__"})

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class ReadResult:
    """The documents that could be read, and what was skipped (or kept with a warning) and why."""

    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


class _Collector:
    """Accumulates documents; decides per issue whether it is fatal (strict) or a Problem."""

    def __init__(self, strict: bool, default_date: str):
        self.strict = strict
        self.default_date = default_date
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self.where_id: dict[str, str] = {}

    def issue(self, issue: Issue, source: str) -> None:
        if self.strict:
            raise issue.error(source)
        problem = issue.problem(source)
        logger.info("%s%s: %s", source, f":{problem.line}" if problem.line else "", problem.message)
        self.problems.append(problem)

    def add(self, record: RawRecord, text: str, html_title: str, doc_id: str, source: str) -> None:
        """Turn one cleaned record into a Document (dates, ids, duplicates)."""
        label = f"{record.label} (id {doc_id!r})" if record.label else f"document {doc_id!r}"
        if not text:
            self.issue(Issue(EmptyInputError, f"{label} has no text", record.line), source)
            return
        where = f"{source}:{record.line}" if record.line else source
        if doc_id in self.where_id:
            first = self.where_id[doc_id]
            self.issue(Issue(DuplicateDocumentError, f"{label}: id already used by {first}; "
                             "give every document a unique id", record.line), source)
            return
        date = ""
        try:
            date = parse_date(record.date)
        except InputFormatError as exc:
            kept = f"kept with the default date {self.default_date}" if self.default_date else "kept without a date"
            self.issue(Issue(InputFormatError, f"{label}: {exc.args[0]}; the document is {kept}", record.line,
                             kept=True), source)
        self.where_id[doc_id] = where
        title = one_line(record.title) if record.title else html_title
        self.documents.append(Document(id=doc_id, text=text, title=title, date=date or self.default_date,
                                       url=bare_line(record.url), source=source))


def _paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        name = os.fsdecode(p)
        if not name.strip():
            raise InputNotFoundError("an empty path was given; give files or folders of articles")
        out.append(Path(name))
    return out


def _not_found(path: Path) -> InputNotFoundError:
    parent = path.parent if str(path.parent) else Path(".")
    hint = ""
    if parent.is_dir():
        close = difflib.get_close_matches(path.name, os.listdir(parent), n=3)
        if close:
            hint = f"; did you mean {', '.join(str(parent / c) for c in close)}?"
    elif str(parent) not in ("", "."):
        hint = f"; the folder {str(parent)!r} does not exist either"
    return InputNotFoundError(f"no such file or folder{hint}; give existing files ({_SUPPORTED}) or folders",
                              path=str(path))


def _walk(root: Path) -> tuple[list[tuple[Path, str | None]], list[tuple[Path, Issue]]]:
    """Files under a folder in sorted order, each with its id (``None``: unsupported type), and
    every other entry that cannot be read with the reason (unreadable folders, dangling links,
    FIFOs, sockets, devices), so that nothing is dropped without a word.

    Symlinked folders are followed once (a link loop cannot recurse forever).  Names starting
    with ``.`` and ``__MACOSX``/``__pycache__`` folders are skipped by rule (logged only).
    """
    found: list[tuple[Path, str | None]] = []
    skipped: list[tuple[Path, Issue]] = []
    seen_dirs: set[str] = set()

    def unreadable(exc: OSError) -> None:
        path = Path(exc.filename) if exc.filename else root
        skipped.append((path, Issue(InputFormatError, f"folder cannot be read ({exc.strerror or exc}); its "
                                    "files are left out; fix its permissions")))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:
            logger.info("%s: a link to a folder already read, read once", dirpath)
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        hidden = [d for d in dirnames if d.startswith(".") or d in _SKIPPED_DIRS]
        if hidden:
            logger.info("%s: hidden or system folders skipped: %s", dirpath, ", ".join(sorted(hidden)))
        dirnames[:] = sorted(d for d in dirnames if d not in hidden)
        for name in filenames:
            path = Path(dirpath, name)
            if name.startswith("."):
                logger.info("%s: hidden file skipped", path)
                continue
            why = _not_regular(path)
            if why is not None:
                skipped.append((path, why))
                continue
            supported = path.suffix.lower() in _KINDS
            found.append((path, path.relative_to(root).with_suffix("").as_posix() if supported else None))
    found.sort(key=lambda item: item[0].relative_to(root).parts)
    skipped.sort(key=lambda item: str(item[0]))
    return found, skipped


def _not_regular(path: Path) -> Issue | None:
    """Why a folder entry is not a file that can be read (``None`` if it is one); never opens it."""
    try:
        mode = path.stat().st_mode  # follows links
    except FileNotFoundError:
        target = os.readlink(path) if path.is_symlink() else "?"
        return Issue(InputNotFoundError, f"a symbolic link to {target!r}, which does not exist; "
                     "fix or remove the link")
    except OSError as exc:
        return Issue(InputFormatError, f"cannot be read ({exc.strerror or exc}); fix its permissions or link")
    if stat.S_ISREG(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return Issue(InputFormatError, f"{kind}, not a file of articles; skipped without reading it")


def _read_file(path: Path, doc_base: str, collector: _Collector, text_field: str) -> None:
    """Read one file into the collector; file-level failures become one issue for the file."""
    source = str(path)
    kind = _KINDS[path.suffix.lower()]
    doc_base = bare_line(doc_base) or "document"
    try:
        try:
            data = _read_regular(path)
        except OSError as exc:
            raise IssueError(Issue(InputFormatError, f"cannot be read ({exc.strerror or exc}); "
                                   "check that it is a readable file")) from None
        if not data:
            raise IssueError(Issue(EmptyInputError, "the file is empty (0 bytes); remove it or put an article in it"))
        text = decode_bytes(data)
        if not text.strip():
            raise IssueError(Issue(EmptyInputError, "the file holds only whitespace; remove it or put an "
                                   "article in it"))
        if kind in ("text", "html"):
            cleaned, html_title = clean_text(text, html=kind == "html")
            record = parse_text(cleaned)
            if html_title:  # a page's <title> beats the first-line rule
                record = replace(record, title=html_title)
            collector.add(record, cleaned, html_title, doc_base, source)
            return
        if kind == "jsonl":
            records = parse_jsonl(text, text_field)
        elif kind == "json":
            records = parse_json(text, text_field)
        else:
            records = parse_csv(text, text_field, "\t" if kind == "tsv" else ",")
    except IssueError as exc:
        collector.issue(exc.issue, source)
        return
    for item in records:
        if isinstance(item, Issue):
            collector.issue(item, source)
            continue
        doc_id = bare_line(item.id) or f"{doc_base}-{item.line or item.label.split()[-1]}"
        text, html_title = clean_text(item.text)
        collector.add(item, text, html_title, doc_id, source)


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; anything else (a FIFO swapped in since the folder was listed)
    fails at once instead of blocking: it is opened without waiting and checked before reading."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read()


def _check_options(text_field: str, default_date: str) -> str:
    if not isinstance(text_field, str) or not text_field.strip():
        raise ConfigError(f"text_field must name a field, got {text_field!r}; the default is 'text'")
    try:
        return parse_date(default_date)
    except InputFormatError as exc:
        raise ConfigError(f"default date: {exc.args[0]}") from None


def read_documents(
    paths: PathLike | Iterable[PathLike],
    *,
    text_field: str = "text",
    default_date: str = "",
    strict: bool = False,
) -> ReadResult:
    """Read every document under ``paths`` (files or folders, one or many).

    ``default_date`` is given to documents without a (readable) date.  See the
    module docstring for formats, ids and the strict/lenient rules.  Raises
    :class:`InputNotFoundError` for a missing path, :class:`InputFormatError`
    for an explicitly named unsupported file, and :class:`EmptyInputError`
    when nothing readable is left; in strict mode also the first problem's error.
    """
    default = _check_options(text_field, default_date)
    inputs = _paths(paths)
    if not inputs:
        raise EmptyInputError(f"no input paths given; pass files ({_SUPPORTED}) or folders of articles")
    for path in inputs:
        if not path.exists():
            raise _not_found(path)
    collector = _Collector(strict, default)
    done: set[Path] = set()
    for path in inputs:
        if path.is_dir():
            files, skipped = _walk(path)
            for entry, issue in skipped:
                collector.issue(issue, str(entry))
            if not files and not skipped:
                collector.issue(Issue(EmptyInputError, "the folder holds no files (names starting with '.' "
                                      "are skipped)"), str(path))
        elif path.is_file():
            if path.suffix.lower() not in _KINDS:
                raise _unsupported(path).error(str(path))
            files = [(path, path.stem)]
        else:
            raise InputFormatError("not a regular file or folder; give files or folders of articles",
                                   path=str(path))
        for file, doc_base in files:
            if doc_base is None:
                collector.issue(_unsupported(file), str(file))
                continue
            resolved = file.resolve()
            if resolved in done:
                logger.info("%s: given twice, read once", file)
                continue
            done.add(resolved)
            _read_file(file, doc_base, collector, text_field)
    if not collector.documents:
        raise _nothing_left(inputs, collector.problems)
    return ReadResult(tuple(collector.documents), tuple(collector.problems))


def _unsupported(path: Path) -> Issue:
    suffix = path.suffix.lower() or "(no extension)"
    advice = " (extract its text first, e.g. with pdftotext)" if suffix == ".pdf" else ""
    return Issue(InputFormatError, f"unsupported type {suffix}{advice}; supported are {_SUPPORTED}")


def _nothing_left(inputs: list[Path], problems: list[Problem]) -> KgraphError:
    names = ", ".join(str(p) for p in inputs[:5]) + (" ..." if len(inputs) > 5 else "")
    lines = [f"  {p.source}{f':{p.line}' if p.line else ''}: {p.message}" for p in problems[:10]]
    if len(problems) > 10:
        lines.append(f"  ... and {len(problems) - 10} more")
    why = ":\n" + "\n".join(lines) if lines else ""
    return EmptyInputError(f"no readable document in {names}{why}")
