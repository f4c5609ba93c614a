"""``kgraph query`` end to end on the hand-built graph written to a build-like output folder."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from graphs_query import S, build_graph
from kgraph.cli import main
from kgraph.io import write_graphml


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build") / "output"
    folder.mkdir()
    write_graphml(build_graph(), folder / "graph.graphml")
    return folder


def run(capsys, *argv):
    code = main(["query", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_meetings_table(out, capsys):
    code, text, _ = run(capsys, out, "meetings", "Putin")
    assert code == 0
    lines = text.splitlines()
    assert any("meeting:m1" in line and "2015-05-12" in line and "Sochi" in line for line in lines)
    assert "meeting:m4" in text and "meeting:m5" not in text


def test_meetings_at_a_place_as_csv(out, capsys):
    code, text, _ = run(capsys, out, "meetings", "Kerry", "Lavrov", "--place", "Geneva", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and [(r["id"], r["date"], r["sentence"]) for r in rows] == [
        ("meeting:m2", "2015-03-02", S["d2", 0])]


def test_graph_file_entities_as_json(out, capsys):
    code, text, _ = run(capsys, out / "graph.graphml", "entities", "--kind", "person", "--format", "json")
    people = json.loads(text)
    assert code == 0 and [p["label"] for p in people].count("John Kerry") == 1
    assert {p["kind"] for p in people} == {"person"}


def test_default_graph_is_output_folder(out, capsys, monkeypatch):
    monkeypatch.chdir(out.parent)
    code, text, _ = run(capsys, "statements", "--subject", "Russia", "--category", "AID", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and [(r["subject"], r["relation"], r["object"]) for r in rows] == [("Russia", "supply", "Syria")]


@pytest.mark.parametrize("argv, expected", [
    (["neighbors", "Kerry"], ["Sergey V. Lavrov", "State Department", "meeting:m6"]),
    (["evidence", "Kerry", "Putin"], ["meeting:m3", "Two years ago, Mr. Kerry met with Mr. Putin in Moscow."]),
    (["path", "Merkel", "Lavrov"], ["work with", "Angela Merkel"]),
    (["timeline", "Kerry"], ["2013", "2015-03-02", "travel to"]),
    (["dyads"], ["USA", "Russia", "cooperation"]),
    (["statements", "--negated"], ["attend", "Barack Obama"]),
])
def test_other_subcommands(out, capsys, argv, expected):
    code, text, _ = run(capsys, out, *argv)
    assert code == 0
    for piece in expected:
        assert piece in text


def test_table_keeps_each_row_on_its_lines_and_cuts_long_text(out, capsys):
    code, text, _ = run(capsys, out, "statements", "--subject", "USA")
    assert code == 0 and "impose sanction on" in text and S["d1", 22] in text
    code, text, _ = run(capsys, out, "meetings", "Kerry", "Lavrov")
    assert S["d2", 0] not in text and "..." in text  # the table cuts; csv/json give full sentences


def test_empty_answer(out, capsys):
    code, text, err = run(capsys, out, "meetings", "Obama")
    assert code == 0 and text == "" and "no matching rows" in err
    code, text, _ = run(capsys, out, "meetings", "Obama", "--format", "json")
    assert json.loads(text) == []


def test_errors_have_codes(out, capsys, tmp_path):
    code, _, err = run(capsys, out, "meetings", "Kery")
    assert code == 8 and "John Kerry" in err
    code, _, err = run(capsys, tmp_path / "nothing", "dyads")
    assert code == 3 and "kgraph build" in err
    code, _, err = run(capsys, out, "statements", "--category", "HUG")
    assert code == 2 and "AID" in err
    code, _, err = run(capsys, out, "meetings", "Kerry", "--start", "yesterday")
    assert code == 2 and "YYYY" in err
    with pytest.raises(SystemExit) as exit_:
        main(["query", str(out), "teleport"])
    assert exit_.value.code == 2


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["query", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert "GRAPH_OR_DIR" in text and all(c in text for c in ("meetings", "dyads", "timeline"))


def test_python_dash_m(out):
    proc = subprocess.run([sys.executable, "-m", "kgraph", "query", str(out), "meetings", "Putin", "--format", "csv"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in csv.DictReader(io.StringIO(proc.stdout))] == ["meeting:m3", "meeting:m1", "meeting:m4"]


def test_dyad_filters_and_country_evidence_on_the_command_line(out, capsys):
    code, text, _ = run(capsys, out, "dyads", "--start", "2015", "--end", "2015-04", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and [(r["source"], r["target"], r["CONSULT"], r["ACCUSE"]) for r in rows] == [
        ("USA", "RUS", "1", "1"), ("RUS", "USA", "1", "0")]
    code, text, _ = run(capsys, out, "dyads", "--category", "AID", "--min-confidence", "0.8", "--format", "json")
    assert [(r["source"], r["target"], r["total"]) for r in json.loads(text)] == [("RUS", "SYR", 1)]
    code, text, _ = run(capsys, out, "evidence", "United States", "Russia", "--category", "SANCTION",
                        "--format", "json")
    assert [(r["subject"], r["sentence"]) for r in json.loads(text)] == [("United States", S["d1", 22])]
    code, text, _ = run(capsys, out, "statements", "--min-confidence", "0.85", "--format", "csv")
    assert [r["relation"] for r in csv.DictReader(io.StringIO(text))] == ["supply", "impose sanction on"]
    code, text, _ = run(capsys, out, "meetings", "Kerry", "--min-confidence", "0.9")
    assert code == 0 and text == ""


def test_ambiguous_name_exits_with_the_candidates(out, capsys):
    code, text, err = run(capsys, out, "timeline", "Ford")
    assert code == 8 and text == ""
    assert "[E502]" in err and "Robert Ford (person:robert-ford" in err and "Gerald Ford (person:gerald-ford" in err
