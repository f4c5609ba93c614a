"""Definite descriptions that refer back to an entity the article named (``the regional body``,
``the President``, ``the bloc``), and the cases where they must stay unresolved."""
from __future__ import annotations

import pytest

from helpers_extract import triples

pytestmark = pytest.mark.e2e


def test_regional_body_is_the_regional_organisation_named_before(read):
    r = read("The Southern African Development Community (SADC) sent observers to Lesotho. "
             "Last year the regional body condemned Jonas Mbeki over the coup.")
    assert ("Southern African Development Community", "ACCUSE", "Jonas Mbeki", False) in triples(r)


def test_bloc_is_the_union_named_before(read):
    r = read("The European Union held a summit in Brussels on Monday. "
             "On Tuesday the bloc imposed sanctions on Belarus.")
    assert any(s == "European Union" and o == "Belarus" for s, _, o, _ in triples(r))


def test_bare_title_is_the_one_person_holding_it(read):
    r = read("President Karl Holm arrived in Tallinn on Monday. "
             "On Tuesday the President condemned Russia over the cyber attack.")
    assert ("Karl Holm", "ACCUSE", "Russia", False) in triples(r)


def test_bare_title_with_two_holders_stays_unresolved(read):
    r = read("President Karl Holm met President Anna Berg in Tallinn on Monday. "
             "On Tuesday the President condemned Russia over the cyber attack.")
    assert not any(o == "Russia" and s in {"Karl Holm", "Anna Berg"} for s, _, o, _ in triples(r))


def test_title_must_be_the_role_exactly(read):
    r = read("Vice President Karl Holm arrived in Tallinn on Monday. "
             "On Tuesday the President condemned Russia over the cyber attack.")
    assert not any(s == "Karl Holm" and o == "Russia" for s, _, o, _ in triples(r))


def test_body_noun_needs_an_organisation_of_its_kind(read):
    r = read("Hamas fired rockets at Israel on Monday. "
             "On Tuesday the regional body condemned Israel over the raids.")
    assert not any(s == "Hamas" and o == "Israel" and c == "ACCUSE" for s, c, o, _ in triples(r))


def test_two_fitting_bodies_compete_and_neither_is_chosen(read):
    r = read("The African Union and the European Union sent observers to Lesotho. "
             "Last year the bloc condemned Jonas Mbeki over the coup.")
    assert not any(o == "Jonas Mbeki" for _, _, o, _ in triples(r))


def test_description_with_a_complement_introduces_someone_new(read):
    r = read("The European Union held a summit in Brussels on Monday. "
             "On Tuesday the body of experts condemned Belarus over the crackdown.")
    assert not any(s == "European Union" and o == "Belarus" for s, _, o, _ in triples(r))


def test_unknown_adjective_blocks_a_body_description(read):
    r = read("The Southern African Development Community sent observers to Mozambique. "
             "The electoral body condemned Jonas Mbeki over the violence.")
    assert not any(s == "Southern African Development Community" and o == "Jonas Mbeki" for s, _, o, _ in triples(r))


def test_ministry_is_the_ministry_the_article_named(read):
    r = read("Russia's Foreign Ministry summoned the British ambassador on Monday. "
             "The ministry accused Britain of spreading lies.")
    assert any("Ministry" in s and o == "United Kingdom" and c == "ACCUSE" for s, c, o, _ in triples(r))


def test_former_office_holder_is_not_the_president(read):
    r = read("Barack Obama spoke in Chicago on Monday. "
             "On Tuesday the President condemned Russia over the cyber attack.", date="2019-05-06")
    assert not any(s == "Barack Obama" and o == "Russia" for s, _, o, _ in triples(r))


def test_office_held_in_the_article_year_counts(read):
    r = read("Vladimir Putin spoke in Moscow on Monday. "
             "On Tuesday the President condemned Ukraine over the shelling.", date="2019-05-06")
    assert ("Vladimir Putin", "ACCUSE", "Ukraine", False) in triples(r)


def test_a_body_named_in_the_same_sentence_beats_an_earlier_one(read):
    r = read("We are working with the European Union. "
             "Lesotho left the Southern African Development Community after the regional body condemned Jonas Mbeki.")
    assert ("Southern African Development Community", "ACCUSE", "Jonas Mbeki", False) in triples(r)


def test_alliance_is_the_alliance_named_before(read):
    r = read("NATO held a summit in Warsaw on Friday. On Saturday the alliance accused Russia of violating the treaty.")
    assert ("NATO", "ACCUSE", "Russia", False) in triples(r)
