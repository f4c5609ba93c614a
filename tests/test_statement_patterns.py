"""Every statement pattern in kgraph/data/statement_patterns.json proves itself on its own examples."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from helpers_extract import triples
from kgraph.lexicon import load_lexicon

pytestmark = pytest.mark.e2e

LEX = load_lexicon()
RAW = json.loads(resources.files("kgraph").joinpath("data", "statement_patterns.json").read_text(encoding="utf-8"))
CODE = "\n".join(f.read_text(encoding="utf-8") for f in resources.files("kgraph").joinpath("extract").iterdir()
                 if f.name.endswith(".py"))


def _examples():
    for p in LEX.statement_patterns:
        for text, triple in p.fires:
            yield pytest.param(p.id, text, triple, True, id=f"{p.id}:fires:{text[:30]}")
        for text, triple in p.silent:
            yield pytest.param(p.id, text, triple, False, id=f"{p.id}:silent:{text[:30]}")


@pytest.mark.parametrize("rule,text,triple,should_fire", list(_examples()))
def test_pattern_examples(read, rule, text, triple, should_fire):
    found = (triple[0], triple[1], triple[2], False) in triples(read(text))
    assert found == should_fire, f"{rule}: {triple} {'missing from' if should_fire else 'wrongly in'} {text!r}"


@pytest.mark.parametrize("pattern", LEX.statement_patterns, ids=lambda p: p.id)
def test_pattern_matches_its_firing_examples(nlp, pattern):
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(nlp.vocab)
    matcher.add(pattern.id, [list(pattern.pattern)])
    assert pattern.fires and pattern.silent, f"{pattern.id}: needs examples that fire and that stay silent"
    for text, _ in pattern.fires:
        assert matcher(nlp(text)), f"{pattern.id} does not match {text!r}"


def test_every_pattern_is_well_formed():
    ids = [p["id"] for p in RAW["patterns"]]
    assert len(ids) == len(set(ids))
    for spec in RAW["patterns"]:
        nodes = {n["RIGHT_ID"] for n in spec["pattern"]}
        for side in ("source", "target"):
            (how, name), = spec[side].items()
            assert how in {"node", "subject_of", "actor_in"} and name in nodes, (spec["id"], side)
        assert spec.get("anchor", spec["pattern"][0]["RIGHT_ID"]) in nodes
        made = spec["produces"]
        assert ("category" in made) != ("category_from" in made), spec["id"]
        if "category_from" in made:
            assert made["category_from"] in nodes
            assert "event_noun" in spec["checks"], f"{spec['id']}: a category read from a noun needs an event noun"


def test_every_word_list_is_used():
    text = json.dumps(RAW["patterns"])
    unused = [name for name in RAW["lists"] if f'"@{name}"' not in text and f'"{name}"' not in CODE]
    assert not unused, unused


def test_every_lemma_in_a_pattern_is_a_lemma_the_parser_produces(nlp):
    """A word the lemmatizer never outputs ("gave" instead of "give") would be a dead key."""
    dead = []
    for p in LEX.statement_patterns:
        for node in p.pattern:
            words = node["RIGHT_ATTRS"].get("LEMMA", {})
            for w in words.get("IN", []) if isinstance(words, dict) else [words]:
                doc = nlp(f"They will {w} it.")
                if doc[2].lemma_.lower() != w:
                    dead.append((p.id, w, doc[2].lemma_))
    assert not dead, dead
