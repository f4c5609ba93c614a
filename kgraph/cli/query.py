"""``kgraph query [GRAPH_OR_DIR] SUBCOMMAND ...``: the query API on the command line.

Each subcommand maps to one :class:`kgraph.query.KnowledgeGraph` method and
prints its DataFrame as a table (long text cut to fit), CSV or JSON records.
The graph argument is optional (default ``output/``); because argparse cannot
tell an optional leading positional from a subcommand name, a first word
that is not a subcommand is taken as the graph path before parsing.
"""
from __future__ import annotations

import argparse
import shutil
import sys

from kgraph.cli import printable

COMMANDS = {
    "entities": "list people, organisations, countries and places",
    "meetings": "meetings with all the named participants",
    "statements": "statements (subject, relation, object) with PLOVER categories",
    "neighbors": "everything linked to one entity",
    "evidence": "every sentence linking two entities",
    "path": "shortest chain of links between two entities",
    "timeline": "dated meetings and statements of one actor",
    "dyads": "country-to-country event counts",
}
DEFAULT_GRAPH = "output/"
_TEXT_COLUMNS_WIDTH = 60


def add_parser(sub) -> None:
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default, long text cut), csv or json (full text)")
    p = sub.add_parser(
        "query", help="ask questions of a built graph",
        usage="kgraph query [GRAPH_OR_DIR] COMMAND [ARGS] [--format table|csv|json]",
        description="Ask questions of a built graph. GRAPH_OR_DIR is a graph.graphml, a node-link "
                    f".json or a build output folder (default {DEFAULT_GRAPH}).",
        epilog="examples: kgraph query output/ meetings Kerry Lavrov --place Geneva; "
               "kgraph query statements --subject Russia --category AID",
    )
    p.add_argument("-g", "--graph", default=DEFAULT_GRAPH, help=argparse.SUPPRESS)
    commands = p.add_subparsers(dest="query_command", metavar="COMMAND", required=True,
                                prog="kgraph query [GRAPH_OR_DIR]")

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=COMMANDS[name], description=COMMANDS[name], parents=[output])

    c = command("entities")
    c.add_argument("--kind", help="person, organization, country or location")
    c.add_argument("--country", help="only entities of this country (name or ISO3)")
    c = command("meetings")
    c.add_argument("names", nargs="*", metavar="NAME", help="participants (all must have taken part)")
    c.add_argument("--place", help="city, place or country (also finds places inside it)")
    _dates(c)
    _confidence(c)
    c = command("statements")
    c.add_argument("--subject")
    c.add_argument("--object")
    c.add_argument("--category", help="PLOVER type, e.g. AID, ACCUSE, SANCTION")
    _confidence(c)
    negation = c.add_mutually_exclusive_group()
    negation.add_argument("--negated", dest="negated", action="store_const", const=True,
                          help="only statements the text denies")
    negation.add_argument("--affirmed", dest="negated", action="store_const", const=False,
                          help="only statements the text does not deny")
    command("neighbors").add_argument("name")
    for name in ("evidence", "path"):
        c = command(name)
        c.add_argument("a")
        c.add_argument("b")
        if name == "evidence":
            _dyad_filters(c, "for two countries: ")
    c = command("timeline")
    c.add_argument("name")
    c.add_argument("--undated", action="store_true", help="also list undated events, at the end")
    _dyad_filters(command("dyads"))

    parse = p.parse_known_args

    def parse_known_args(args=None, namespace=None):
        args = list(sys.argv[1:] if args is None else args)
        if args and not args[0].startswith("-") and args[0] not in COMMANDS:
            args = ["--graph", args[0], *args[1:]]
        return parse(args, namespace)

    p.parse_known_args = parse_known_args
    p.set_defaults(run=run)


def _dates(c, prefix: str = "") -> None:
    c.add_argument("--start", help=prefix + "earliest date, ISO prefix (2015, 2015-05, 2015-05-12)")
    c.add_argument("--end", help=prefix + "latest date, ISO prefix")


def _confidence(c, prefix: str = "") -> None:
    c.add_argument("--min-confidence", type=float, default=0, metavar="X",
                   help=prefix + "keep facts the extractor is at least this sure of (0 to 1)")


def _dyad_filters(c, prefix: str = "") -> None:
    c.add_argument("--category", help=prefix + "count only this PLOVER type, e.g. CONSULT, SANCTION")
    _dates(c, prefix)
    _confidence(c, prefix)


def answer(kg, args):
    """The DataFrame for the parsed subcommand."""
    name = args.query_command
    if name == "entities":
        return kg.entities(kind=args.kind, country=args.country)
    if name == "meetings":
        return kg.meetings(*args.names, place=args.place, start=args.start, end=args.end,
                           min_confidence=args.min_confidence)
    if name == "statements":
        return kg.statements(subject=args.subject, object=args.object, category=args.category,
                             negated=args.negated, min_confidence=args.min_confidence)
    if name == "neighbors":
        return kg.neighbors(args.name)
    if name == "path":
        return kg.path(args.a, args.b)
    if name == "timeline":
        return kg.timeline(args.name, undated=args.undated)
    filters = {"category": args.category, "start": args.start, "end": args.end,
               "min_confidence": args.min_confidence}
    if name == "evidence":
        return kg.evidence(args.a, args.b, **{k: v for k, v in filters.items() if v})
    return kg.dyads(**filters)


def render(df, fmt: str, width: int | None = None) -> str:
    """Text for one answer: a table cut to the terminal, or complete CSV / JSON records."""
    if fmt == "csv":
        return printable(df.to_csv(index=False, lineterminator="\n"))
    if fmt == "json":  # escapes control characters itself; bidi overrides it keeps
        return printable(df.to_json(orient="records", force_ascii=False, indent=2)) + "\n"
    if df.empty:
        return ""
    width = width or shutil.get_terminal_size((120, 24)).columns
    shown = df.copy()
    for column in shown.columns:
        if shown[column].dtype == object:
            shown[column] = shown[column].map(_one_line)
    return printable(shown.to_string(index=False, max_colwidth=_TEXT_COLUMNS_WIDTH, line_width=width)) + "\n"


def _one_line(value):
    return " ".join(printable(value).split()) if isinstance(value, str) else value


def run(args) -> int:
    from kgraph.query import load

    df = answer(load(args.graph), args)
    if args.query_command == "dyads" and args.format == "table":
        from kgraph.query.dyads import CATEGORIES

        df = df.drop(columns=[c for c in CATEGORIES if not df[c].any()])  # 16 mostly-empty columns
    text = render(df, args.format)
    if text:
        sys.stdout.write(text)
    if df.empty and args.format == "table":
        print("no matching rows", file=sys.stderr)
    return 0
