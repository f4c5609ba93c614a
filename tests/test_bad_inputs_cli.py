"""Bad inputs through ``kgraph build``: the message a user sees and the exit code.

The corpus of bad inputs is generated here at test time (so no binary files
are committed).  Each kind is fatal before the spaCy model loads, either
because it is always an error (missing path, explicit unsupported file), because
``--strict`` makes the first problem fatal, or because nothing readable is left
(exit 4, with the reasons listed).  The last tests build a real graph from a
mixed folder, skipping the bad files and keeping the good ones.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kgraph.cli import main

MEETING = "Foreign Minister Anna Berg met President Tomas Lind in Oslo on Monday to discuss fishing rights."
VISIT = "Prime Minister Ruth Okafor travelled to Lisbon, where she held talks with President Joao Reis."


def jl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@dataclass(frozen=True)
class Kind:
    name: str
    files: dict  # relative path -> str | bytes; a path ending in "/" is an empty folder
    target: str  # what is passed to `kgraph build`, relative to the input folder ("." = the folder)
    rc: int
    fragments: tuple[str, ...]
    args: tuple[str, ...] = field(default=())


KINDS = [
    Kind("missing file", {}, "nope.txt", 3, ("[E101]", "nope.txt", "no such file")),
    Kind("misspelt file", {"articles.jsonl": jl({"id": "a", "text": MEETING})}, "article.jsonl", 3,
         ("[E101]", "did you mean", "articles.jsonl")),
    Kind("missing folder", {}, "news/2015/", 3, ("[E101]", "does not exist")),
    Kind("empty file", {"empty.txt": b""}, "empty.txt", 4, ("[E102]", "0 bytes")),
    Kind("whitespace-only file", {"blank.txt": " \r\n\t\n\u00a0\n"}, "blank.txt", 4, ("[E102]", "only whitespace")),
    Kind("empty folder", {"inbox/": None}, "inbox", 4, ("[E102]", "holds no files")),
    Kind("only hidden files", {"box/.DS_Store": b"\x00\x01", "box/.git/HEAD": "ref"}, "box", 4,
         ("[E102]", "holds no files")),
    Kind("explicit pdf", {"report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"}, "report.pdf", 5,
         ("[E103]", "unsupported type .pdf", "pdftotext", ".jsonl")),
    Kind("explicit docx", {"notes.docx": b"PK\x03\x04\x14\x00"}, "notes.docx", 5, ("[E103]", "unsupported type .docx")),
    Kind("folder of unsupported files", {"in/a.pdf": b"%PDF-1.4", "in/b.docx": b"PK\x03\x04"}, "in", 4,
         ("[E102]", "a.pdf: unsupported type .pdf", "b.docx")),
    Kind("pdf saved as .txt", {"article.txt": b"%PDF-1.4\n1 0 obj"}, "article.txt", 4,
         ("[E102]", "article.txt: this is a PDF document", "pdftotext")),
    Kind("pdf saved as .txt, strict", {"article.txt": b"%PDF-1.4\n1 0 obj"}, "article.txt", 5,
         ("[E103]", "PDF document"), ("--strict",)),
    Kind("png saved as .txt", {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "photo.txt", 5,
         ("[E103]", "PNG image"), ("--strict",)),
    Kind("NUL bytes", {"a.txt": b"Berg met Lind\x00\x00\x07 in Oslo"}, "a.txt", 5, ("[E103]", "NUL byte"), ("--strict",)),
    Kind("gzip saved as .jsonl", {"news.jsonl": gzip.compress(jl({"id": "a", "text": MEETING}).encode())},
         "news.jsonl", 5, ("[E103]", "gzip", "gunzip"), ("--strict",)),
    Kind("undecodable bytes", {"junk.txt": bytes(range(128, 256)) * 3}, "junk.txt", 5,
         ("[E104]", "not UTF-8", "re-save it as UTF-8"), ("--strict",)),
    Kind("broken UTF-16", {"u.txt": b"\xff\xfeB\x00e\x00r"}, "u.txt", 5, ("[E104]", "byte-order mark"), ("--strict",)),
    Kind("jsonl line not JSON", {"n.jsonl": "{id: a, text: Berg met Lind}\n"}, "n.jsonl", 4,
         ("[E102]", "n.jsonl:1: line 1 is not valid JSON", '{"id": "a1", "text": "..."}')),
    Kind("truncated jsonl, strict", {"n.jsonl": jl({"id": "a", "text": MEETING}) + '{"id": "b", "text": "Ber'},
         "n.jsonl", 5, ("[E103]", "n.jsonl:2:", "cut off"), ("--strict",)),
    Kind("jsonl line not an object", {"n.jsonl": jl("[1, 2]", '"just a string"')}, "n.jsonl", 4,
         ("[E102]", "JSON list, expected an object", "JSON str")),
    Kind("jsonl without text field", {"n.jsonl": jl({"id": "a", "body": MEETING})}, "n.jsonl", 4,
         ("[E102]", "no record has a 'text' field", "--text-field body")),
    Kind("wrong --text-field", {"n.jsonl": jl({"id": "a", "text": MEETING})}, "n.jsonl", 5,
         ("[E103]", "'headline'", "--text-field text"), ("--text-field", "headline", "--strict")),
    Kind("csv without text column", {"t.csv": f"id,headline,description\n1,Talks,{MEETING}\n"}, "t.csv", 4,
         ("[E102]", "t.csv:1: no 'text' column", "columns found: 'id', 'headline', 'description'",
          "--text-field description")),
    Kind("csv without text column, strict", {"t.csv": f"id,description\n1,{MEETING}\n"}, "t.csv", 5,
         ("[E103]", "--text-field description"), ("--strict",)),
    Kind("csv header only", {"t.csv": "id,text,date\n"}, "t.csv", 4, ("[E102]", "header row but no data rows")),
    Kind("csv broken quoting", {"t.csv": f'id,text\n1,"{MEETING}"oops\n'}, "t.csv", 5,
         ("[E103]", "t.csv:2:", "not valid CSV"), ("--strict",)),
    Kind("duplicate ids", {"d/a.jsonl": jl({"id": "x1", "text": MEETING}), "d/b.jsonl": jl({"id": "x1", "text": VISIT})},
         "d", 5, ("[E105]", "'x1'", "already used by", "a.jsonl:1"), ("--strict",)),
    Kind("records with empty text", {"e.jsonl": jl({"id": "a", "text": "  "}, {"id": "b", "text": None})}, "e.jsonl", 4,
         ("[E102]", "e.jsonl:1: line 1 (id 'a') has no text", "e.jsonl:2")),
    Kind("bad date, strict", {"d.jsonl": jl({"id": "a", "text": MEETING, "date": "next week"})}, "d.jsonl", 5,
         ("[E103]", "d.jsonl:1:", "'next week'", "accepted forms"), ("--strict",)),
    Kind("json that is not a list", {"d.json": "42"}, "d.json", 4, ("[E102]", "JSON int, expected a list")),
    Kind("html with no words", {"p.html": "<html><script>var a = 1;</script><style>p {}</style></html>"}, "p.html", 4,
         ("[E102]", "has no text")),
    Kind("bad --date", {"a.txt": MEETING}, "a.txt", 2, ("[E601]", "'someday'", "accepted forms"), ("--date", "someday")),
]


def _make(folder: Path, files: dict) -> None:
    for rel, content in files.items():
        path = folder / rel
        if rel.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def test_corpus_has_enough_kinds():
    assert len({k.name for k in KINDS}) == len(KINDS) >= 15


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_bad_input_message_and_exit_code(kind, tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _make(inputs, kind.files)
    out = tmp_path / "out"
    rc = main(["build", str(inputs / kind.target), "-o", str(out), "--no-progress", *kind.args])
    err = capsys.readouterr().err
    assert rc == kind.rc, err
    assert err.startswith("kgraph: error: ["), err
    for fragment in kind.fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"
    assert "Traceback" not in err
    assert not (out / "graph.graphml").exists()


def _mixed_folder(root: Path) -> Path:
    folder = root / "mixed"
    _make(folder, {
        "good.txt": f"Talks in Oslo\n\n{MEETING}\n",
        "legacy.txt": "Señor García said the talks in Besançon were très cordiales.".encode("cp1252"),
        "scan.pdf": b"%PDF-1.7\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "empty.txt": b"",
        "news.jsonl": jl({"id": "n1", "text": VISIT, "date": "May 11, 2015"}, '{"id": "n2", "text": "cut',
                         {"id": "n3", "text": VISIT + " They agreed to meet again.", "date": "next week"}),
        "z_dupe.jsonl": jl({"id": "n1", "text": "Another text with a reused id."}),
        ".hidden.txt": "Never read.",
    })
    return folder


def test_mixed_folder_strict_stops_at_the_first_problem(tmp_path, capsys):
    rc = main(["build", str(_mixed_folder(tmp_path)), "-o", str(tmp_path / "out"), "--strict", "--no-progress"])
    err = capsys.readouterr().err
    assert rc in (4, 5) and "kgraph: error: [E10" in err
    assert not (tmp_path / "out" / "graph.graphml").exists()


@pytest.mark.e2e
def test_mixed_folder_builds_from_its_good_files(tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["build", str(_mixed_folder(tmp_path)), "-o", str(out), "--no-progress", "--no-cache"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    err = captured.err
    for fragment in ("scan.pdf: unsupported type .pdf", "photo.txt: this is a PNG image",
                     "empty.txt: the file is empty", "news.jsonl:2: line 2 is not valid JSON",
                     "news.jsonl:3: line 3 (id 'n3')", "kept without a date",
                     "z_dupe.jsonl:1: line 1 (id 'n1'): id already used by"):
        assert fragment in err, f"{fragment!r} not in {err!r}"
    assert ".hidden" not in err
    assert "from 4 documents" in captured.out  # good.txt, legacy.txt, n1, n3
    graphml = (out / "graph.graphml").read_text(encoding="utf-8")
    assert "Anna Berg" in graphml and "Tomas Lind" in graphml
    assert "Okafor" in graphml
