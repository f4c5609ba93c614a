"""``kgraph build`` options for scale: --workers, --engine/--scheduler, --no-cache, timings and progress."""
from __future__ import annotations

import re

import pytest
from test_engine import articles

from kgraph.cli import main
from kgraph.engine import MIN_PARALLEL_DOCS
from kgraph.pipeline import build_documents
from kgraph.records import BuildConfig
from kgraph.store import CACHE_NAME


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder of short .txt articles, enough for worker processes to be used."""
    src = tmp_path_factory.mktemp("articles")
    for doc in articles(MIN_PARALLEL_DOCS + 2):
        (src / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    return src


def build(capsys, *argv):
    code = main(["build", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def counts(text: str) -> tuple[int, int]:
    parsed = int(re.search(r"(\d+) parsed", text).group(1))
    cached = re.search(r"(\d+) from cache", text)
    return parsed, int(cached.group(1)) if cached else 0


@pytest.mark.e2e
def test_workers_cache_and_no_cache(folder, tmp_path, capsys):
    out = tmp_path / "out"
    n = MIN_PARALLEL_DOCS + 2
    code, text, _ = build(capsys, folder, "-o", out, "--workers", "2", "--date", "2019-05-01", "--no-progress")
    assert code == 0, text
    assert counts(text) == (n, 0) and "processes x2" in text
    assert re.search(r"time: read [\d.]+s, parse\+extract [\d.]+s .*graph [\d.]+s, write [\d.]+s", text)
    first = (out / "graph.graphml").read_bytes()
    assert (out / CACHE_NAME).exists()

    code, text, _ = build(capsys, folder, "-o", out, "--workers", "1", "--date", "2019-05-01")
    assert code == 0 and counts(text) == (0, n)
    assert (out / "graph.graphml").read_bytes() == first

    code, text, _ = build(capsys, folder, "-o", out, "--workers", "1", "--date", "2019-05-01", "--no-cache")
    assert code == 0 and counts(text) == (n, 0) and "in-process" in text
    assert (out / "graph.graphml").read_bytes() == first


@pytest.mark.e2e
def test_a_build_that_cannot_parse_leaves_no_output_folder(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code, _, err = build(capsys, folder, "-o", out, "--model", "no_such_pipeline", "--workers", "1")
    assert code == 7 and "no_such_pipeline" in err and "[E201]" in err
    assert not out.exists()


@pytest.mark.parametrize("argv, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--workers", "-2"], "--workers must be 0"),
])
def test_bad_scale_options_exit_2(folder, tmp_path, capsys, argv, message):
    code, _, err = build(capsys, folder, "-o", tmp_path / "out", *argv)
    assert code == 2 and message in err and "[E601]" in err


def test_unknown_engine_is_rejected_by_the_parser(folder, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        build(capsys, folder, "-o", tmp_path / "out", "--engine", "spark")
    assert exc.value.code == 2 and "invalid choice: 'spark'" in capsys.readouterr().err


@pytest.mark.e2e
def test_progress_bar_counts_documents_on_stderr(capsys):
    build_documents(articles(3), BuildConfig(workers=1), progress=True)
    err = capsys.readouterr().err
    assert "parsing" in err and "0/3 [" in err  # the bar starts before the first document is parsed
    assert re.search(r"[123]/3 \[[\d:]+<[\d:]+, +[\d.]+(s/doc|doc/s)\]", err)  # count, elapsed<ETA, rate
