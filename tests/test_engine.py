"""Where parsing runs (in-process, worker processes, Dask) must not change what is extracted."""
from __future__ import annotations

import itertools
import sys

import pytest

from kgraph.engine import (
    DOCS_PER_WORKER,
    MIN_PARALLEL_DOCS,
    chunk_ranges,
    extract_documents,
    plan,
    run,
    run_dask,
    run_processes,
    shrinking_ranges,
)
from kgraph.errors import ConfigError, ModelNotFoundError
from kgraph.io import write_graphml
from kgraph.pipeline import build_documents, process_batch
from kgraph.records import BuildConfig, Document

MINISTERS = [
    ("Foreign Minister", "Helga Marstrand", "Denmark", "Copenhagen"),
    ("Foreign Minister", "Tomasz Wierzbicki", "Poland", "Warsaw"),
    ("Prime Minister", "Aiko Tanabe", "Japan", "Tokyo"),
    ("President", "Joao Figueira", "Brazil", "Brasilia"),
    ("Foreign Minister", "Dmitri Orlovsky", "Russia", "Moscow"),
    ("Chancellor", "Greta Vollmer", "Germany", "Berlin"),
]
TOPICS = ["fishing rights in the Baltic", "a new trade agreement", "the refugee crisis", "climate finance"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(n: int, *, start: int = 0) -> list[Document]:
    """``n`` short dated articles about meetings between ministers, all different."""
    docs = []
    for i in range(start, start + n):
        t1, p1, c1, _ = MINISTERS[i % len(MINISTERS)]
        t2, p2, c2, city = MINISTERS[(i * 5 + 1) % len(MINISTERS)]
        if p1 == p2:
            t2, p2, c2, city = MINISTERS[(i + 2) % len(MINISTERS)]
        topic, day = TOPICS[i % len(TOPICS)], DAYS[i % len(DAYS)]
        surname1, surname2 = p1.split()[-1], p2.split()[-1]
        text = (f"{c1} and {c2} talk about {topic}\n\n"
                f"{t1} {p1} of {c1} met {t2} {p2} in {city} on {day} to discuss {topic}.\n"
                f"{surname1} said the talks had been constructive, and {surname2} invited "
                f"{surname1} to visit again next year.\n"
                f"{c2} accused {c1} of delaying the agreement on {topic}, officials said.")
        docs.append(Document(id=f"art-{i:03d}", text=text, title=f"Talks on {topic}",
                             date=f"2019-0{1 + i % 9}-1{i % 10}"))
    return docs


def graphml_bytes(graph, tmp_path, name: str) -> bytes:
    path = tmp_path / f"{name}.graphml"
    write_graphml(graph, path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def docs():
    return articles(MIN_PARALLEL_DOCS + 4)


@pytest.fixture(scope="module")
def serial(docs):
    return build_documents(docs, BuildConfig(workers=1))


def test_chunks_are_contiguous_balanced_and_cover_everything():
    for n in (1, 7, 64, 65, 1000):
        for size in (1, 3, 16, 100):
            ranges = chunk_ranges(n, size)
            assert ranges[0][0] == 0 and ranges[-1][1] == n
            assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
            sizes = [e - s for s, e in ranges]
            assert max(sizes) <= size and max(sizes) - min(sizes) <= 1


def test_queue_chunks_shrink_so_that_workers_finish_together():
    for n in (1, 5, 20, 200, 2001):
        for workers in (1, 2, 7):
            ranges = shrinking_ranges(n, workers, 8)
            assert ranges[0][0] == 0 and ranges[-1][1] == n
            assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
            sizes = [e - s for s, e in ranges]
            assert max(sizes) <= 8 and sizes == sorted(sizes, reverse=True)
            # the last chunks are single documents: no worker is left with a big one at the end
            assert sizes[-min(n, workers):] == [1] * min(n, workers)
    assert [e - s for s, e in shrinking_ranges(200, 2, 8)][:10] == [8] * 10  # big early, for batching


def test_plan_stays_in_process_for_one_worker_or_few_documents():
    assert plan(1000, BuildConfig(workers=1)).engine == "inline"
    assert plan(MIN_PARALLEL_DOCS - 1, BuildConfig(workers=4)).engine == "inline"
    assert plan(1000, BuildConfig(workers=3)) == plan(1000, BuildConfig(workers=3, engine="local"))
    assert plan(1000, BuildConfig(workers=3)).workers == 3
    assert plan(40, BuildConfig(workers=8)).workers == 40 // DOCS_PER_WORKER  # each worker must earn its start-up
    assert plan(1000, BuildConfig(workers=0)).workers >= 1
    assert plan(10, BuildConfig(engine="dask", workers=0)).workers == 2


def test_good_scheduler_addresses_pass():
    for address in ("tcp://10.0.0.5:8786", "scheduler.example.org:8786", "tls://[::1]:8786", "tcp://node-3"):
        assert plan(100, BuildConfig(engine="dask", scheduler=address)).engine == "dask"


@pytest.mark.parametrize("config, words", [
    (BuildConfig(engine="spark"), ["spark", "local, dask"]),
    (BuildConfig(workers=-1), ["-1", "0 (all cores)"]),
    (BuildConfig(batch_size=0), ["batch size"]),
    (BuildConfig(worker_timeout=-5), ["worker timeout", "-5"]),
    (BuildConfig(worker_timeout=float("nan")), ["worker timeout", "nan"]),
    (BuildConfig(engine="dask", scheduler="not a url"), ["'not a url'", "tcp://host:8786"]),
    (BuildConfig(engine="dask", scheduler="tcp://"), ["'tcp://'", "scheduler address"]),
])
def test_bad_engine_options_are_config_errors(config, words):
    with pytest.raises(ConfigError) as err:
        plan(100, config)
    assert all(w in str(err.value) for w in words)


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(ConfigError, match=r"pip install 'kgraph\[dask\]'"):
        run_dask(articles(2), BuildConfig(engine="dask"))


@pytest.mark.e2e
def test_two_workers_give_the_serial_results_in_document_order(docs, serial, tmp_path):
    parallel = build_documents(docs, BuildConfig(workers=2))
    assert parallel.stats["engine"] == "processes" and parallel.stats["workers"] == 2
    assert [r.doc_id for r in parallel.results] == [d.id for d in docs]
    assert parallel.results == serial.results
    assert graphml_bytes(parallel.graph, tmp_path, "p") == graphml_bytes(serial.graph, tmp_path, "s")
    assert serial.summary()["meetings"] > 0 and serial.summary()["people"] >= len(MINISTERS) - 1


@pytest.mark.e2e
def test_process_batch_and_extract_documents_agree(docs, nlp, lex, serial):
    assert process_batch(list(docs[:3]), BuildConfig()) == list(serial.results[:3])
    assert extract_documents(docs[3:5], nlp, lex, batch_size=1) == list(serial.results[3:5])


@pytest.mark.e2e
def test_worker_errors_reach_the_caller_with_their_type():
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        run_processes(articles(4), BuildConfig(model="no_such_pipeline"), workers=2)


@pytest.mark.e2e
def test_progress_callback_sees_every_document_once(docs):
    seen = []
    results = run(docs[:5], BuildConfig(workers=1), on_done=lambda i, r: seen.append((i, r.doc_id)))
    assert sorted(seen) == [(i, d.id) for i, d in enumerate(docs[:5])]
    assert [r.doc_id for r in results] == [d.id for d in docs[:5]]


@pytest.mark.e2e
def test_dask_engine_gives_the_local_graph(docs, serial, tmp_path):
    pytest.importorskip("distributed")
    result = build_documents(docs, BuildConfig(engine="dask", workers=2))
    assert result.stats["engine"] == "dask"
    assert result.results == serial.results
    assert graphml_bytes(result.graph, tmp_path, "d") == graphml_bytes(serial.graph, tmp_path, "s")


@pytest.mark.e2e
def test_unreachable_dask_scheduler_is_a_config_error():
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(ConfigError) as err:
        run_dask(articles(2), BuildConfig(engine="dask", scheduler="tcp://127.0.0.1:9"))
    assert "tcp://127.0.0.1:9" in str(err.value) and "--scheduler" in str(err.value)
