"""Names are cleaned of markup and invisible characters before they become nodes."""
from __future__ import annotations

import pytest

from kgraph.names import strip_markup


@pytest.mark.parametrize("raw, clean", [
    ("John<Iframe/Onload=alert(1)>Rouhani", "John Rouhani"),
    ("Evil <img src=x onerror=alert(1)> Corp", "Evil Corp"),
    ("Sam<script>alert(4)", "Sam"),  # a tag cut off by the end of the span
    ("onerror=alert(2)>Corp", "Corp"),  # ... or by its start
    ("Pu\u200btin", "Putin"), ("\u202eNilrem\u202c", "Nilrem"), ("Lav\u2060rov\ufeff", "Lavrov"),
    ("Ana\tLind\n", "Ana Lind"), ("Ana\u00a0 Lind", "Ana Lind"),
])
def test_markup_and_invisible_characters_are_removed(raw, clean):
    assert strip_markup(raw) == clean


@pytest.mark.parametrize("name", ["Kim Jong-un", "Sean O'Brien", "Côte d'Ivoire", "Łukasz Szumowski",
                                  "AT&T", "Jean-Yves Le Drian", "Ahrefa Lodo", "Václav Havel"])
def test_real_names_are_left_alone(name):
    assert strip_markup(name) == name


def test_pipeline_names_lose_tags_but_provenance_keeps_the_sentence(read):
    text = "Talks between John<Iframe/Onload=alert(1)>Rouhani and Vladimir Putin ended. Putin met Ahrefa Lodo."
    result = read(text)
    names = {e.name for e in result.entities}
    assert "John Rouhani" in names and "Ahrefa Lodo" in names
    assert not any("<" in n or ">" in n for e in result.entities for n in (e.name, *e.aliases))
    john = next(e for e in result.entities if e.name == "John Rouhani")
    assert "John<Iframe/Onload=alert(1)>Rouhani" in john.provenance[0].sentence


def test_invisible_characters_make_no_look_alike_node(tmp_path):
    from kgraph.pipeline import build
    from kgraph.records import BuildConfig

    for n, hidden in enumerate(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066"]):
        (tmp_path / f"a{n}.txt").write_text("Vladimir Putin met Angela Merkel in Berlin. Later Vladimir "
                                            f"Pu{hidden}tin met Emmanuel Macron in Paris.\n", encoding="utf-8")
    graph = build([str(tmp_path)], BuildConfig(default_date="2015-05-11", cache=False)).graph
    people = sorted(d["label"] for _, d in graph.nodes(data=True) if d.get("kind") == "person")
    assert people == ["Angela Merkel", "Emmanuel Macron", "Vladimir Putin"]
