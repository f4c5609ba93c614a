"""Coreference, metonymy, mention repair and modality, each with a case where the rule must not fire."""
from __future__ import annotations

import pytest

from helpers_extract import meetings, names, triples

pytestmark = pytest.mark.e2e


def test_title_repairs_a_name_ner_missed(read):
    r = read("President Ilves hosted Chancellor Weber in Tallinn on Monday.")
    (m,) = meetings(r)
    assert m["participants"] == {"Ilves", "Weber"} and m["mode"] == "host" and m["place"] == "Tallinn"
    assert names(r)["Ilves"].role == "President"


def test_host_belongs_to_the_host_country_but_visitor_does_not(read):
    r = read("President Ilves hosted Chancellor Weber in Tallinn on Monday.")
    assert names(r)["Ilves"].country == "EST"
    assert names(r)["Weber"].country == ""


def test_pronoun_prefers_the_subject_of_its_clause(read):
    r = read("Chancellor Anna Berg met President Karl Holm, and Mr. Holm flew home for his own talks.")
    holm = next(e for e in r.entities if e.name == "Karl Holm")
    assert holm.mentions == 2


def test_description_with_an_apposed_name_is_that_name(read):
    r = read("Former President Ruiz visited Lima. He met the Peruvian leader, Carlos Vega.")
    assert names(r)["Carlos Vega"].country == "PER"
    assert names(r)["Ruiz"].country == ""  # the description belongs to Vega, not to Ruiz


def test_capital_as_actor_is_the_country(read):
    r = read("Washington accused Beijing of spying.")
    assert ("United States", "ACCUSE", "China", False) in triples(r)


def test_capital_as_place_stays_a_place(read):
    r = read("The ministers met in Beijing. Ana Duarte visited Beijing.")
    assert any(e.kind == "location" and e.name == "Beijing" for e in r.entities)
    assert not any(e.kind == "country" and e.iso3 == "CHN" for e in r.entities if "Beijing" in e.aliases)


def test_boycott_is_a_denied_participation(read):
    r = read("President Ilves boycotted the summit in Lima.")
    (m,) = meetings(r)
    assert m["denied"] == {"Ilves"} and m["participants"] == set()


def test_refusal_is_reject_and_the_act_stays_negated(read):
    t = triples(read("Iran will not accept the inspectors from Japan."))
    assert ("Iran", "REJECT", "Japan", False) in t
    assert ("Iran", "AGREE", "Japan", True) in t


def test_obligation_reported_by_another_is_a_demand(read):
    t = triples(read("Germany said that Serbia must hand over the suspects."))
    assert ("Germany", "REQUEST", "Serbia", False) in t


def test_hedged_want_is_not_a_request(read):
    assert not any(c == "REQUEST" for _, c, _, _ in triples(read("Chile might want Peru to reopen the border.")))
    assert ("Chile", "REQUEST", "Peru", False) in triples(read("Chile wants Peru to reopen the border."))


def test_cancelled_meeting(read):
    r = read("Anna Berg cancelled her meeting with Karl Holm in Oslo.")
    (m,) = meetings(r)
    assert m["status"] == "cancelled"


def test_ner_type_repair_by_name_evidence(read):
    r = read("Helga Brandt arrived in Oslo. Brandt's plan was praised.")
    assert [e.name for e in r.entities if e.kind == "person"] == ["Helga Brandt"]
    assert not [e for e in r.entities if e.kind == "organization"]


def test_two_sides_are_the_last_two_actors(read):
    r = read("Karl Holm met Anna Berg in Oslo. The two sides agreed to cooperate on trade.")
    t = triples(r)
    assert ("Karl Holm", "AGREE", "Anna Berg", False) in t


def test_group_needs_enough_antecedents(read):
    r = read("Karl Holm spoke. The three leaders agreed to cooperate.")
    assert not r.statements


def test_ministers_from_the_three_countries(read):
    r = read("Russia, Iran and Turkey sent envoys. Foreign ministers from the three countries met in Astana.")
    (m,) = meetings(r)
    assert m["participants"] == {"Russia", "Iran", "Turkey"} and m["place"] == "Astana"
