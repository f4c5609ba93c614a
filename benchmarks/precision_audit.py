"""Precision audit: a fixed sample of the rows a user reads, to be judged against their sentences.

Builds (or reads) the default builds of two real corpora, pools every meeting
row (``meetings.csv``) and statement row (``triples.csv``) of both, and draws
100 of them with a fixed seed, uniformly, so that the sample reads like what a
user meets.  The sample file (``--sample``, outside the repository by default)
holds each row with its evidence sentence, for a person to judge as one of
``right``, ``wrong participant``, ``wrong category``, ``not an event`` or
``wrong date or place``; the verdicts file committed next to this script keeps
the row and the verdict but no article text.

    python -m benchmarks.precision_audit --sample /tmp/precision.csv            # build and sample
    python -m benchmarks.precision_audit --builds /tmp/wn /tmp/gu --sample /tmp/precision.csv
    python -m benchmarks.precision_audit --score benchmarks/audit/precision_verdicts.csv
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from benchmarks.entity_audit import CORPORA, SAMPLE_SIZE, SEED, build

VERDICTS = ("right", "wrong participant", "wrong category", "not an event", "wrong date or place")
ROW_COLUMNS = ["n", "corpus", "kind", "doc_id", "row", "category", "confidence", "date", "place"]


def rows_of(build_dir: Path, corpus: str) -> list[dict]:
    """Every meeting and statement row of one build, as one record each (sentence kept apart)."""
    from kgraph.tables import read_table

    out = []
    meetings = read_table(build_dir / "meetings.csv")
    mode = "meeting_mode" if "meeting_mode" in meetings.columns else "mode"
    for r in meetings.to_dict("records"):
        who = r["participants"] + (f" (denied: {r['negated_participants']})" if r.get("negated_participants") else "")
        out.append({"corpus": corpus, "kind": "meeting", "doc_id": r.get("doc_ids", ""),
                    "row": f"{r[mode]} {r['status']}: {who}", "category": "CONSULT", "confidence": r.get("confidence", ""),
                    "date": r.get("date", ""), "place": r.get("location", ""), "sentence": r.get("sentences", "")})
    for r in read_table(build_dir / "triples.csv").to_dict("records"):
        neg = " (negated)" if r.get("negated") else ""
        out.append({"corpus": corpus, "kind": "statement", "doc_id": r["doc_id"],
                    "row": f"{r['subject']} --{r['relation']}--> {r['object']}{neg}", "category": r["category"],
                    "confidence": r.get("confidence", ""), "date": r.get("date", ""), "place": "",
                    "sentence": r.get("sentence", "")})
    return out


def draw(rows: list[dict], k: int = SAMPLE_SIZE, seed: int = SEED) -> list[dict]:
    ordered = sorted(rows, key=lambda r: (r["corpus"], r["kind"], str(r["doc_id"]), r["row"]))
    picked = random.Random(seed).sample(ordered, min(k, len(ordered)))
    return [{"n": i, **r} for i, r in enumerate(picked)]


def score(path: Path) -> Counter:
    with open(path, newline="", encoding="utf-8") as f:
        verdicts = [r["verdict"].strip() for r in csv.DictReader(f)]
    unknown = sorted(set(verdicts) - set(VERDICTS))
    if unknown:
        raise SystemExit(f"{path}: unknown verdicts {unknown}; use one of {list(VERDICTS)}")
    return Counter(verdicts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus-dir", default="../shared/corpus", type=Path)
    ap.add_argument("--builds", nargs=2, type=Path, metavar=("WIKINEWS", "GUARDIAN"),
                    help="existing build folders (default: build into /tmp/kgraph-audit-*)")
    ap.add_argument("--sample", type=Path, help="write the sample to judge (with sentences) here")
    ap.add_argument("--score", type=Path, help="count the verdicts of a judged file")
    args = ap.parse_args(argv)
    if args.score:
        counts = score(args.score)
        total = sum(counts.values())
        for verdict in VERDICTS:
            print(f"{verdict:>20}: {counts[verdict]}")
        print(f"RIGHT {counts['right']} of {total}")
        return 0
    builds = args.builds or [Path(f"/tmp/kgraph-audit-{name.split('_')[0]}") for name in CORPORA]
    rows = []
    for name, out in zip(CORPORA, builds):
        if not (out / "triples.csv").exists():
            print(f"building {name} into {out} ...", file=sys.stderr)
            build(args.corpus_dir / name, out)  # the default build, as entity_audit makes it
        rows += rows_of(out, name.split("_")[0])
    sample = draw(rows)
    target = args.sample or Path("/tmp/precision_sample.csv")
    with open(target, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=ROW_COLUMNS + ["sentence", "verdict", "note"])
        w.writeheader()
        for r in sample:
            w.writerow({**r, "verdict": "", "note": ""})
    kinds = Counter(r["kind"] for r in sample)
    print(f"{len(rows)} rows in all; sampled {len(sample)} ({dict(kinds)}) into {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
