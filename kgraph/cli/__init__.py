"""The ``kgraph`` command: a thin layer over library functions.

Only this package prints, configures logging and chooses exit codes.  Each
subcommand lives in its own module exposing ``add_parser(subparsers)`` and
``run(args) -> int``.

:func:`console` is the program itself (``kgraph``, ``python -m kgraph``): it
runs :func:`main` and then ends the process without freeing, one by one,
the objects a build leaves in memory (a spaCy model, the gazetteer index,
the graph), which took about 0.3 s, as long as the rest of kgraph's start-up.
By then every output is written, fsynced and closed; the standard streams
and logging are flushed first (mypy ends the same way).

SIGTERM is turned into an exception, like Ctrl-C, so that the same clean-up
runs (worker processes ended, staging removed) and the command exits with
128 + the signal number (130 for SIGINT, 143 for SIGTERM) and a message.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import sys
import threading

from kgraph import __version__
from kgraph.errors import KgraphError


def make_parser() -> argparse.ArgumentParser:
    from kgraph.cli import build, explain, query

    parser = argparse.ArgumentParser(
        prog="kgraph",
        description="Turn diplomatic news into a knowledge graph of who met whom, where and when.",
    )
    parser.add_argument("--version", action="version", version=f"kgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    build.add_parser(sub)
    query.add_parser(sub)
    explain.add_parser(sub)
    return parser


# C0 controls but tab and newline, DEL, C1 controls (ESC starts ANSI colours and OSC titles or links,
# CR rewrites a line), and the bidi overrides that reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal: graph files are input too, and a tampered one must not be able
    to colour, retitle or rewrite the terminal, or hide text, through what kgraph prints."""
    return _UNPRINTABLE.sub("", text)


class _QuietDask(logging.Filter):
    """Dask sets its loggers to INFO when imported and logs dozens of lines per build (cluster start,
    each worker, each connection), and logs tracebacks of its own at ERROR when a build is
    interrupted; below ``level`` they are dropped (-v shows warnings and errors, -vv everything).
    A Dask failure that matters reaches kgraph as an exception, reported with its exit code."""

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level or record.name.split(".")[0] not in {"distributed", "bokeh", "tornado"}


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; raised where the program is, so that clean-up runs as for Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame):
    signal.signal(signum, signal.SIG_IGN)  # a second SIGTERM must not break the clean-up of the first
    raise Terminated(signum)


def _outputs_state(exc: BaseException) -> str:
    """What an interrupted build left: kgraph.outputs.OutputsReplaced says so once the new set is in place."""
    return "the previous outputs are in place" if isinstance(exc, Terminated) or not str(exc) else str(exc)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    if args.verbose < 2:
        handler.addFilter(_QuietDask(logging.WARNING if args.verbose else logging.CRITICAL))
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", handlers=[handler])
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        return int(args.run(args) or 0)
    except KgraphError as exc:
        print(printable(f"kgraph: error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except Terminated as exc:
        name = signal.Signals(exc.signum).name
        print(f"kgraph: stopped by {name}; {_outputs_state(exc)}", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt as exc:  # kgraph.outputs.OutputsReplaced says when the new outputs are in place
        print(f"kgraph: interrupted; {_outputs_state(exc)}", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def console() -> int:
    """``kgraph`` on the command line: :func:`main`, then a hard exit with its code (see the module docstring).

    When a standard stream cannot be flushed (a closed pipe), the code is
    returned instead, so that the interpreter's own exit reports it as usual.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return code
    logging.shutdown()
    os._exit(code)
