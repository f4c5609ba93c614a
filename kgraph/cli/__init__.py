"""The ``kgraph`` command: a thin layer over library functions.

Only this package prints, configures logging and chooses exit codes.  Each
subcommand lives in its own module exposing ``add_parser(subparsers)`` and
``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import logging
import sys

from kgraph import __version__
from kgraph.errors import KgraphError


def make_parser() -> argparse.ArgumentParser:
    from kgraph.cli import build, query

    parser = argparse.ArgumentParser(
        prog="kgraph",
        description="Turn diplomatic news into a knowledge graph of who met whom, where and when.",
    )
    parser.add_argument("--version", action="version", version=f"kgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    build.add_parser(sub)
    query.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return int(args.run(args) or 0)
    except KgraphError as exc:
        print(f"kgraph: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:  # kgraph.outputs.OutputsReplaced says when the new outputs are in place
        print(f"kgraph: interrupted; {str(exc) or 'the previous outputs are in place'}", file=sys.stderr)
        return 130
