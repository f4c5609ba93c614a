"""Typed errors with stable codes and CLI exit codes.

Every failure a user can cause (a missing file, undecodable bytes, a model
that is not installed) raises a :class:`KgraphError` subclass.  The message
names the file, the line or row, the bad value and what to do about it; the
CLI prints ``[E###] message`` and exits with the class's ``exit_code``.
Library code never prints or exits.
"""
from __future__ import annotations


class KgraphError(Exception):
    """Base class: catch this to handle every kgraph error."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")

    def __str__(self) -> str:
        return f"[{self.code}] {Exception.__str__(self)}"


class InputNotFoundError(KgraphError, FileNotFoundError):
    """A path given on the command line or to a reader does not exist."""

    code = "E101"
    exit_code = 3


class EmptyInputError(KgraphError):
    """A file or folder holds no readable document."""

    code = "E102"
    exit_code = 4


class InputFormatError(KgraphError, ValueError):
    """A file exists but cannot be read as documents (binary, bad JSON, bad CSV, bad date)."""

    code = "E103"
    exit_code = 5


class EncodingError(InputFormatError):
    """The bytes of a text file cannot be decoded in any plausible encoding."""

    code = "E104"
    exit_code = 5


class DuplicateDocumentError(InputFormatError):
    """Two documents share one id, so provenance would be ambiguous."""

    code = "E105"
    exit_code = 5


class ModelNotFoundError(KgraphError):
    """The requested spaCy pipeline is not installed."""

    code = "E201"
    exit_code = 7


class OutputError(KgraphError, OSError):
    """The output path cannot be written (read-only, not a folder, disk full)."""

    code = "E301"
    exit_code = 6


class GraphFormatError(KgraphError, ValueError):
    """A GraphML or output folder does not follow the kgraph schema."""

    code = "E401"
    exit_code = 5


class OutputSetError(GraphFormatError):
    """An output folder's files are not one build (an interrupted build, a file edited by hand)."""

    code = "E402"
    exit_code = 5


class UnknownNameError(KgraphError, KeyError):
    """A query names an entity that is not in the graph; the message suggests close names."""

    code = "E501"
    exit_code = 8

    def __str__(self) -> str:  # KeyError would otherwise add quotes
        return KgraphError.__str__(self)


class AmbiguousNameError(KgraphError, LookupError):
    """A query name fits several entities of the same kind; the message lists them.

    ``candidates`` holds ``(node id, label)`` pairs, best known first, so a
    caller can pick one and ask again with its id or full name.
    """

    code = "E502"
    exit_code = 8

    def __init__(self, message: str, candidates: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.candidates = list(candidates or [])


class ConfigError(KgraphError, ValueError):
    """An option has a value outside its valid set."""

    code = "E601"
    exit_code = 2


class WorkerError(KgraphError):
    """A worker process or Dask worker died or could not be reached while parsing."""

    code = "E701"
    exit_code = 9


class WorkerTimeoutError(WorkerError):
    """No document came back from the worker processes for longer than the watchdog allows."""

    code = "E702"
    exit_code = 9
