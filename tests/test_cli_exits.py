"""Failures that once ended in a traceback exit with their documented code and a clear message.

Bad options are found before any article is read: each build here also names a spaCy pipeline
that does not exist, so reaching the parser would exit 7 instead of the option's own code.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from graphs_query import build_graph
from kgraph.cli import main
from kgraph.io import write_node_link

ARTICLE = "Foreign Minister Anna Berg of Norway met President Tomas Lind of Sweden in Oslo on Monday.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def build(capsys, article, *argv, parse: bool = False):
    model = [] if parse else ["--model", "no_such_pipeline"]
    code = main(["build", str(article), "--no-progress", "--no-cache", *model, *map(str, argv)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize("argv, code, message", [
    (["-o", ""], 2, "-o/--output is empty"),
    (["-o", "   "], 2, "-o/--output is empty"),
    (["--max-nodes", "0"], 2, "--max-nodes must be 1 or more"),
    (["--worker-timeout", "-1"], 2, "--worker-timeout must be 0"),
    (["--worker-timeout", "nan"], 2, "--worker-timeout must be 0"),
    (["--engine", "dask", "--scheduler", "not a url"], 2, "'not a url' is not a Dask scheduler address"),
])
def test_bad_options_exit_before_reading(capsys, article, tmp_path, argv, code, message):
    argv = argv if "-o" in argv else ["-o", tmp_path / "out", *argv]
    got, err = build(capsys, article, *argv)
    assert got == code and message in err and "[E601]" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("output, where", [
    ("/sys/kernel", "the output folder"),
    ("/proc/kgraph-out", "the folder /proc"),
    ("/proc/kgraph-out/deeper", "the folder /proc"),
])
def test_output_that_takes_no_files_exits_6_before_reading(capsys, article, output, where):
    if not Path(output.split("/kgraph-out")[0]).is_dir():
        pytest.skip(f"no {output} here")
    code, err = build(capsys, article, "-o", output)
    assert code == 6 and "[E301]" in err and f"cannot create files in {where}" in err and "-o DIR" in err


# --- a file system out of inodes (a small tmpfs; needs the right to mount) ----------------------------------

@pytest.fixture
def tiny_fs(tmp_path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,nr_inodes=16", "tmpfs", str(mnt)], check=True,
                       capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True, timeout=10)


def fill_inodes(folder: Path, keep_free: int) -> None:
    """Create files until the file system has no inode left, then free ``keep_free`` of them."""
    made = []
    while True:
        try:
            path = folder / f"f{len(made)}"
            path.touch()
            made.append(path)
        except OSError:
            break
    for path in made[:keep_free]:
        path.unlink()


def test_no_inodes_exits_6_before_reading(capsys, article, tiny_fs):
    fill_inodes(tiny_fs, keep_free=0)
    code, err = build(capsys, article, "-o", tiny_fs / "out")
    assert code == 6 and "[E301]" in err and "No space left" in err


@pytest.mark.e2e
def test_running_out_of_inodes_while_writing_exits_6(capsys, article, tiny_fs):
    fill_inodes(tiny_fs, keep_free=1)  # enough for the output folder, not for anything in it
    code, err = build(capsys, article, "-o", tiny_fs / "out", "--date", "2015-05-11", parse=True)
    assert code == 6 and "[E301]" in err and "No space left" in err


# --- kgraph query on graph files that are not graphs, or are tampered with -------------------------------

def query(capsys, *argv):
    code = main(["query", *map(str, argv)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.mark.parametrize("content, message", [
    ("[1, 2, 3]", "a JSON list"),
    ('"graph"', "a JSON str"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ('{"nodes": [{"nid": 1}], "edges": []}', "not a kgraph graph"),
])
def test_query_on_a_json_that_is_no_graph_exits_5(capsys, tmp_path, content, message):
    path = tmp_path / "graph.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = query(capsys, path, "entities")
    assert code == 5 and "[E401]" in err and message in err


@pytest.fixture
def tampered(tmp_path):
    graph = build_graph()
    graph.nodes["person:john-kerry"]["label"] = "John\x1b]0;owned\x07 \x1b[31mKerry\x1b[0m\r\u202e"
    edge = next(iter(graph.edges(keys=True)))
    graph.edges[edge]["sentence"] = "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ here\x9b2J"
    path = tmp_path / "graph.json"
    write_node_link(graph, path)
    assert "\\u001b" in path.read_text(encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_output_carries_no_terminal_escapes(capsys, tampered, fmt):
    for argv in (["entities"], ["neighbors", "Putin"], ["evidence", "Kerry", "Putin"]):
        code, out, _ = query(capsys, tampered, *argv, "--format", fmt)
        assert code == 0 and out
        assert not any(c in out for c in "\x1b\x07\x9b\r\u202e"), (argv, out)
    _, out, _ = query(capsys, tampered, "entities", "--format", fmt)
    assert "Kerry" in out and "owned" in out  # the text is still shown, only the controls are gone


def test_error_messages_carry_no_terminal_escapes(capsys, tampered):
    code, _, err = query(capsys, tampered, "neighbors", "John Kery")
    assert code == 8 and "Kerry" in err and "\x1b" not in err and "\x07" not in err

