"""The index cache in the user's cache folder: reused, rebuilt when damaged, never a reason to fail."""
from __future__ import annotations

import logging

from kgraph.usercache import cache_key, cached, default_cache_dir


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read(tmp_path):
    build, calls = _counting({"paris": ("Paris", "FRA", 2_000_000, "city")})
    first = cached("idx", "k1", build, tmp_path)
    second = cached("idx", "k1", build, tmp_path)
    assert first == second == {"paris": ("Paris", "FRA", 2_000_000, "city")}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["idx-k1.bin"]  # no temporary file left behind


def test_new_key_rebuilds(tmp_path):
    build, calls = _counting([1, 2])
    cached("idx", cache_key("pkg", "1.0"), build, tmp_path)
    cached("idx", cache_key("pkg", "1.1"), build, tmp_path)
    assert len(calls) == 2
    assert cache_key("pkg", "1.0") == cache_key("pkg", "1.0") != cache_key("pkg", "1.1")


def test_damaged_or_truncated_file_is_rebuilt(tmp_path, caplog):
    build, calls = _counting({"a": "b" * 1000})
    cached("idx", "k", build, tmp_path)
    path = tmp_path / "idx-k.bin"
    blob = bytearray(path.read_bytes())
    blob[-10] ^= 0xFF
    path.write_bytes(bytes(blob))
    with caplog.at_level(logging.WARNING, logger="kgraph.usercache"):
        assert cached("idx", "k", build, tmp_path) == {"a": "b" * 1000}
    assert "damaged" in caplog.text
    path.write_bytes(path.read_bytes()[:40])
    assert cached("idx", "k", build, tmp_path) == {"a": "b" * 1000}
    assert len(calls) == 3
    assert cached("idx", "k", build, tmp_path) == {"a": "b" * 1000}  # the rewritten file is good again
    assert len(calls) == 3


def test_unwritable_folder_still_gives_the_value(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    build, calls = _counting((1, "x"))
    assert cached("idx", "k", build, blocker / "sub") == (1, "x")
    assert cached("idx", "k", build, None) == (1, "x")
    assert len(calls) == 2


def test_cache_folder_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KGRAPH_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv("KGRAPH_CACHE_DIR", "")
    assert default_cache_dir() is None
    monkeypatch.delenv("KGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "kgraph"


def test_gazetteer_from_the_cache_equals_a_fresh_one(tmp_path):
    from kgraph.geo import load_gazetteer
    from kgraph.lexicon import _read

    countries, places = _read("countries.json"), _read("places.json")
    fresh = load_gazetteer(countries, places, cache_dir=tmp_path)  # builds and stores
    again = load_gazetteer(countries, places, cache_dir=tmp_path)  # reads
    assert list(tmp_path.iterdir())
    assert again == fresh
    assert list(again.places) == list(fresh.places)  # same order too
    assert again.place("Geneva") == fresh.place("Geneva")
    assert again.place("Lyon").country == "FRA" and again.place("Lyon").kind == "city"
    assert again.place("Singapore") is None  # a country is never a city
    assert again.country("Côte d'Ivoire") == "CIV"


def test_reading_leaves_the_collector_as_it_found_it(tmp_path):
    import gc

    build, _ = _counting({"paris": ("Paris", "FRA")})
    cached("idx", "k", build, tmp_path)
    assert gc.isenabled()
    assert cached("idx", "k", build, tmp_path) == {"paris": ("Paris", "FRA")} and gc.isenabled()
    (tmp_path / "idx-k.bin").write_bytes(b"damaged")
    assert cached("idx", "k", build, tmp_path) and gc.isenabled()  # rebuilt, collector back on
    gc.disable()
    try:
        cached("idx", "k", build, tmp_path)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
