"""Inputs that are not articles are listed, never dropped or taken without a word.

An unreadable sub-folder, a dangling symbolic link and a FIFO each become a Problem naming the
path and the reason while the other files are read; with ``strict=True`` (``--strict``) the
first one stops the run with its exit code.  A FIFO is never opened, so nothing blocks on it.
A JSON record whose text is a number or a boolean is no article either.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kgraph.cli import main
from kgraph.errors import InputFormatError, InputNotFoundError
from kgraph.readers import read_documents

ROOT = Path(__file__).resolve().parents[1]
MEETING = "Foreign Minister Anna Berg met President Tomas Lind in Oslo on Monday."
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "articles"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(MEETING, encoding="utf-8")
    (src / "sub" / "also-good.txt").write_text(MEETING.replace("Monday", "Tuesday"), encoding="utf-8")
    return src


def read_soon(*args, **kwargs):
    """read_documents in a thread that must finish in ten seconds (a FIFO opened for reading would block)."""
    box = {}

    def target():
        try:
            box["result"] = read_documents(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "reading blocked"
    if "error" in box:
        raise box["error"]
    return box["result"]


def test_dangling_symlink_is_a_problem_and_the_rest_is_read(folder):
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    result = read_documents(folder)
    assert [d.id for d in result.documents] == ["good", "sub/also-good"]
    (problem,) = result.problems
    assert problem.source == str(folder / "gone.txt") and "symbolic link" in problem.message
    assert "deleted.txt" in problem.message and problem.code == InputNotFoundError.code and not problem.kept


def test_dangling_symlink_stops_a_strict_run(folder):
    (folder / "sub" / "gone.txt").symlink_to("/no/such/article.txt")
    with pytest.raises(InputNotFoundError, match="symbolic link"):
        read_documents(folder, strict=True)


@needs_fifo
def test_fifo_is_a_problem_and_never_opened(folder):
    os.mkfifo(folder / "sub" / "pipe.txt")  # nobody writes: opening it for reading would wait for ever
    result = read_soon(folder)
    assert [d.id for d in result.documents] == ["good", "sub/also-good"]
    (problem,) = result.problems
    assert problem.source == str(folder / "sub" / "pipe.txt") and "FIFO" in problem.message
    assert problem.code == InputFormatError.code


@needs_fifo
def test_fifo_stops_a_strict_run_without_blocking(folder):
    os.mkfifo(folder / "pipe.jsonl")
    with pytest.raises(InputFormatError, match="FIFO"):
        read_soon(folder, strict=True)


@needs_fifo
def test_a_symlink_to_a_fifo_is_not_read_either(folder, tmp_path):
    os.mkfifo(tmp_path / "elsewhere")
    (folder / "linked.txt").symlink_to(tmp_path / "elsewhere")
    result = read_soon(folder)
    assert [p.source for p in result.problems] == [str(folder / "linked.txt")]


@needs_fifo
def test_strict_cli_exit_codes_for_skipped_entries(folder, tmp_path, capsys):
    os.mkfifo(folder / "pipe.txt")
    code = main(["build", str(folder), "-o", str(tmp_path / "out"), "--strict", "--no-progress"])
    assert code == 5 and "FIFO" in capsys.readouterr().err
    (folder / "pipe.txt").unlink()
    (folder / "gone.txt").symlink_to("missing.txt")
    code = main(["build", str(folder), "-o", str(tmp_path / "out"), "--strict", "--no-progress"])
    assert code == 3 and "gone.txt" in capsys.readouterr().err


# --- an unreadable sub-folder ---------------------------------------------------------------------
# Root reads every folder whatever its mode, so as root the reader runs in a child process
# without the capabilities that let root ignore permissions (setpriv, util-linux).

_READ = """
import json, sys
from kgraph.errors import KgraphError
from kgraph.readers import read_documents
try:
    r = read_documents(sys.argv[1], strict=sys.argv[2] == "strict")
    print(json.dumps({"ids": [d.id for d in r.documents], "problems": [[p.source, p.message, p.code] for p in r.problems]}))
except KgraphError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": str(exc), "exit": exc.exit_code}))
"""


def read_without_privileges(folder: Path, mode: str) -> dict:
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: every folder is readable")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([*prefix, sys.executable, "-c", _READ, str(folder), mode], capture_output=True,
                          text=True, env=env, timeout=60)
    if proc.returncode != 0 and "setpriv" in proc.stderr:
        pytest.skip(f"cannot drop capabilities here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def locked(folder):
    (folder / "sub").chmod(0)
    yield folder / "sub"
    (folder / "sub").chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_subfolder_is_a_problem_and_the_rest_is_read(folder, locked):
    out = read_without_privileges(folder, "lenient")
    assert out["ids"] == ["good"]
    assert out["problems"] == [[str(locked), "folder cannot be read (Permission denied); its files are left out; "
                                "fix its permissions", InputFormatError.code]]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_subfolder_stops_a_strict_run(folder, locked):
    out = read_without_privileges(folder, "strict")
    assert out["error"] == "InputFormatError" and out["exit"] == 5
    assert str(locked) in out["message"] and "Permission denied" in out["message"]


# --- records whose text is not text ---------------------------------------------------------------

@pytest.mark.parametrize("value, kind", [(42, "number"), (3.5, "number"), (True, "JSON boolean"),
                                         (False, "JSON boolean"), (["a"], "list"), ({"a": 1}, "dict")])
def test_a_record_whose_text_is_not_a_string_is_a_problem(tmp_path, value, kind):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ({"id": "n1", "text": value}, {"id": "n2", "text": MEETING})),
                    encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["n2"]
    (problem,) = result.problems
    assert problem.line == 1 and f"holds a {kind}" in problem.message and "expected a string" in problem.message
    with pytest.raises(InputFormatError, match=f"line 1: field 'text' holds a {kind}"):
        read_documents(path, strict=True)


def test_a_json_list_with_a_number_as_text_is_a_problem_too(tmp_path):
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{"id": "n1", "text": 7}, {"id": "n2", "text": MEETING}]), encoding="utf-8")
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["n2"] and "holds a number (7)" in result.problems[0].message
