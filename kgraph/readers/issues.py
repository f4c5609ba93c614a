"""What went wrong with a file or a record, before deciding whether it is fatal.

Readers find problems deep inside format parsers, but only
:func:`kgraph.readers.read_documents` knows whether the run is strict (raise
the typed error) or lenient (record a :class:`~kgraph.records.Problem` and go
on).  An :class:`Issue` carries enough to become either, so parsers never have
to know which.
"""
from __future__ import annotations

from dataclasses import dataclass

from kgraph.errors import KgraphError
from kgraph.records import Problem


@dataclass(frozen=True)
class Issue:
    """A typed error waiting to be raised, or kept as a Problem."""

    kind: type[KgraphError]
    message: str
    line: int | None = None
    kept: bool = False

    def error(self, source: str) -> KgraphError:
        return self.kind(self.message, path=source or None, line=self.line)

    def problem(self, source: str) -> Problem:
        return Problem(source=source, message=self.message, code=self.kind.code, line=self.line, kept=self.kept)


class IssueError(Exception):
    """Raised inside the readers when a whole file cannot be used; never escapes the package."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message)
        self.issue = issue


def fail(kind: type[KgraphError], message: str, line: int | None = None) -> IssueError:
    """Shorthand used by the parsers: ``raise fail(InputFormatError, "...")``."""
    return IssueError(Issue(kind, message, line))


def line_of(data: bytes | str, offset: int) -> int:
    """1-based line number of a byte or character offset, for messages."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1
