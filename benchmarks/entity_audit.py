"""Entity audit: a fixed sample of graph nodes, to be judged by a person for kind and country.

Builds (or reads) the graphs of two real corpora, draws 100 entity nodes
weighted by their mentions with a fixed seed (half from each corpus), and
writes a CSV with up to three sentences per node, read from the corpus files
where they lie, so that each row can be judged.  Article text goes only to the
sample file (``--sample``, outside the repository by default); the verdicts
file committed next to this script holds node ids, labels and judgements.

    python -m benchmarks.entity_audit --sample /tmp/audit.csv            # build and sample
    python -m benchmarks.entity_audit --graphs /tmp/wn /tmp/gu --sample /tmp/audit.csv
    python -m benchmarks.entity_audit --score benchmarks/entity_audit_verdicts.csv

It also prints the two checks the audit asks for on the same builds: nodes
that are a byline, and states or provinces placed in a country other than their own.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

CORPORA = ("wikinews_2019_2020.jsonl", "guardian_2019_sample.jsonl")
SEED = 20261129
SAMPLE_SIZE = 100
COLUMNS = ["corpus", "node", "label", "kind", "country", "role", "mentions", "sentences"]
VERDICT_COLUMNS = ["corpus", "node", "label", "kind", "country", "kind_ok", "country_ok", "right", "note"]


def build(corpus: Path, out: Path):
    """The default build of one corpus (results cached in ``out``)."""
    from kgraph.outputs import write_outputs
    from kgraph.pipeline import build as run
    from kgraph.records import BuildConfig

    result = run([str(corpus)], BuildConfig(cache_dir=str(out)))
    write_outputs(result.graph, out)
    return result.graph


def weighted_sample(items: list[tuple[str, int]], k: int, seed: int) -> list[str]:
    """``k`` distinct items drawn with probability proportional to their weight (Efraimidis-Spirakis)."""
    rng = random.Random(seed)
    keyed = sorted(((rng.random() ** (1.0 / max(1, w)), name) for name, w in sorted(items)), reverse=True)
    return [name for _, name in keyed[:k]]


def _sentences(texts: dict[str, str], docs: list[str], names: list[str], limit: int = 3) -> list[str]:
    """The first sentences of the node's documents that name it by any of its names."""
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n))
    out = []
    for doc in docs:
        for sent in re.split(r"(?<=[.!?])\s+|\n+", texts.get(doc, "")):
            if pattern.search(sent):
                out.append(f"[{doc}] {sent.strip()}")
                break
        if len(out) >= limit:
            break
    return out


def sample_rows(graph, corpus: Path, k: int, seed: int) -> list[dict]:
    from kgraph.io import attr_list

    texts = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[str(rec.get("id"))] = rec.get("text") or ""
    nodes = [(n, int(d.get("mentions") or 1)) for n, d in graph.nodes(data=True) if d.get("kind") != "meeting"]
    rows = []
    for n in weighted_sample(nodes, k, seed):
        d = graph.nodes[n]
        names = [str(d.get("label", "")), *map(str, attr_list(d.get("aliases")))]
        rows.append({"corpus": corpus.name, "node": n, "label": d.get("label", ""), "kind": d.get("kind", ""),
                     "country": d.get("iso3") or d.get("country", ""), "role": d.get("role", ""),
                     "mentions": d.get("mentions", ""),
                     "sentences": "\n".join(_sentences(texts, list(map(str, attr_list(d.get("documents")))), names))})
    return rows


def checks(graph, lex) -> tuple[list[str], list[str]]:
    """(byline nodes, first-level divisions placed in another country than their own)."""
    from kgraph.geo import name_key

    bylines = [n for n, d in graph.nodes(data=True) if d.get("kind") != "meeting"
               and lex.not_actors.get(name_key(str(d.get("label", "")))) == "bylines"]
    misplaced = []
    for n, d in graph.nodes(data=True):
        if d.get("kind") != "location":
            continue
        place = lex.gazetteer.place(str(d.get("label", "")))
        if place is not None and place.kind in {"admin1", "region"} and place.country and d.get("country") \
                and d.get("country") != place.country:
            misplaced.append(f"{n} -> {d.get('country')}")
    return bylines, misplaced


def score(path: Path) -> int:
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    right = sum(r["right"].strip().lower() in {"1", "yes", "true", "y"} for r in rows)
    print(f"entity audit: {right} of {len(rows)} right ({path})")
    return right


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default="../shared/corpus", help="folder holding the two corpora (read in place)")
    p.add_argument("--graphs", nargs=2, metavar="DIR", help="output folders of existing default builds, same order")
    p.add_argument("--work", default="/tmp/kgraph-entity-audit", help="where builds go when --graphs is not given")
    p.add_argument("--sample", default="/tmp/kgraph-entity-audit/sample.csv", help="CSV of sampled rows to judge")
    p.add_argument("--score", metavar="VERDICTS", help="only count the rows judged right in a verdicts CSV")
    args = p.parse_args(argv)
    if args.score:
        score(Path(args.score))
        return 0
    from kgraph.io import read_graphml
    from kgraph.lexicon import load_lexicon

    lex = load_lexicon()
    rows = []
    for i, name in enumerate(CORPORA):
        corpus = Path(args.corpus) / name
        if args.graphs:
            graph = read_graphml(Path(args.graphs[i]) / "graph.graphml")
        else:
            graph = build(corpus, Path(args.work) / corpus.stem)
        bylines, misplaced = checks(graph, lex)
        print(f"{name}: {graph.number_of_nodes()} nodes, {sum(1 for n in graph if graph.degree(n) == 0)} without an "
              f"edge; byline nodes {bylines or 'none'}; divisions in a foreign country {misplaced or 'none'}")
        rows.extend(sample_rows(graph, corpus, SAMPLE_SIZE // len(CORPORA), SEED + i))
    out = Path(args.sample)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to judge: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
