"""A build's processes end with it: killed, terminated, interrupted or stuck, nothing is left running.

Each test starts ``python -m kgraph build`` on a few short articles in its own session, waits for
its worker processes, does something hostile to them, and then looks for every process the build
started (psutil): none may be alive ten seconds later.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from test_engine import articles

from kgraph.engine import MIN_PARALLEL_DOCS

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    src = tmp_path_factory.mktemp("articles")
    for doc in articles(MIN_PARALLEL_DOCS + 20):
        (src / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
    return src


def start(argv: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "kgraph", *map(str, argv)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def worker_processes(build: psutil.Process) -> list[psutil.Process]:
    """The worker processes (children of the forkserver), once two have started."""
    try:
        family = build.children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    workers = [p for p in family if p.ppid() != build.pid]
    return family if len(workers) >= 2 else []


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def two_worker_build(folder, tmp_path, *extra) -> tuple[subprocess.Popen, list[psutil.Process]]:
    proc = start(["build", folder, "-o", tmp_path / "out", "--workers", "2", "--no-cache", "--no-progress",
                  "--date", "2019-05-01", *extra])
    family = wait_for(lambda: worker_processes(psutil.Process(proc.pid)), 60, "two worker processes")
    assert len(family) >= 3  # the forkserver and two workers, and on most systems the resource tracker
    return proc, family


def assert_all_gone(family: list[psutil.Process]) -> None:
    deadline = time.monotonic() + 10
    while alive(family) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = alive(family)
    for p in left:  # do not leave them to the next test
        p.kill()
    assert not left, [(p.pid, p.name(), p.status()) for p in left]


def test_sigkill_of_the_build_leaves_no_process_behind(folder, tmp_path):
    proc, family = two_worker_build(folder, tmp_path)
    proc.kill()
    proc.wait(timeout=10)
    assert_all_gone(family)
    proc.communicate(timeout=10)  # the pipes close: no process still holds them


@pytest.mark.parametrize("signum, code, message", [
    (signal.SIGTERM, 143, "stopped by SIGTERM"),
    (signal.SIGINT, 130, "interrupted"),
])
def test_sigterm_and_sigint_stop_the_whole_tree_with_a_message(folder, tmp_path, signum, code, message):
    proc, family = two_worker_build(folder, tmp_path)
    os.killpg(proc.pid, signum)  # the whole group, as a terminal or a service manager does
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code, err
    assert message in err and "Traceback" not in err
    assert_all_gone(family)
    assert not (tmp_path / "out" / "graph.graphml").exists()


def test_a_stopped_worker_times_out_with_exit_code_9(folder, tmp_path):
    proc, family = two_worker_build(folder, tmp_path, "--worker-timeout", "2")
    for p in family:
        if p.ppid() != proc.pid:  # the workers
            p.suspend()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 9, err
    assert "[E702]" in err and "--worker-timeout" in err and "Traceback" not in err
    assert_all_gone(family)


def test_ctrl_c_of_a_dask_build_exits_130_without_tracebacks(folder, tmp_path):
    pytest.importorskip("distributed")
    proc = start(["build", folder, "-o", tmp_path / "out", "--engine", "dask", "--workers", "2", "--no-cache",
                  "--no-progress"])
    build = psutil.Process(proc.pid)

    def cluster_started():
        """Dask's worker processes exist and Ctrl-C is handled again (it is ignored while they start)."""
        try:
            workers = [p for p in build.children() if "resource_tracker" not in " ".join(p.cmdline())]
            ignored = int(Path(f"/proc/{proc.pid}/status").read_text().split("SigIgn:")[1].split()[0], 16)
        except (psutil.NoSuchProcess, FileNotFoundError, IndexError):
            return []
        return build.children(recursive=True) if len(workers) >= 2 and not ignored & (1 << (signal.SIGINT - 1)) \
            else []

    if not Path("/proc/self/status").exists():
        proc.kill()
        pytest.skip("needs /proc to see when the cluster has started")
    family = wait_for(cluster_started, 90, "the Dask cluster")
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err and "INFO" not in err
    assert_all_gone(family)
