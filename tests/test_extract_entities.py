"""Mentions, roles, affiliations and in-document coreference on sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers_extract import names

pytestmark = pytest.mark.e2e


def test_name_variants_form_one_person(read):
    r = read("Foreign Minister Helga Brandt of Norway arrived in Oslo. Ms. Brandt said that Brandt's plan was ready.")
    people = [e for e in r.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Helga Brandt"]
    assert people[0].mentions == 3
    assert people[0].role == "Foreign Minister"
    assert people[0].country == "NOR"


def test_title_and_demonym_before_name(read):
    r = read("Russian Foreign Minister Sergey Lavrov spoke to reporters.")
    lavrov = names(r)["Sergey Lavrov"]
    assert (lavrov.role, lavrov.country) == ("Foreign Minister", "RUS")


def test_apposition_gives_role_and_country(read):
    r = read("Talks were led by Ana Duarte, the Brazilian foreign minister, on Monday.")
    duarte = names(r)["Ana Duarte"]
    assert duarte.role.lower() == "foreign minister"
    assert duarte.country == "BRA"


def test_possessive_and_curly_apostrophe_do_not_make_new_entities(read):
    r = read("Obama’s aides met Obama's critics. Obama left.")
    assert [e.name for e in r.entities if e.kind == "person"] == ["Obama"]


def test_demonym_becomes_country(read):
    r = read("Iranian officials welcomed the plan.")
    assert any(e.kind == "country" and e.iso3 == "IRN" for e in r.entities)


def test_city_is_located_in_its_country(read):
    r = read("The delegates gathered in Sochi and later flew to Geneva.")
    places = {e.name: e.country for e in r.entities if e.kind == "location"}
    assert places == {"Sochi": "RUS", "Geneva": "CHE"}


def test_title_words_are_not_organisations(read):
    r = read("Secretary of State Maria Lopez and Defense Secretary Tom Reed arrived.")
    assert not [e for e in r.entities if e.kind == "organization"]
    roles = {e.name: e.role for e in r.entities if e.kind == "person"}
    assert roles == {"Maria Lopez": "Secretary of State", "Tom Reed": "Defense Secretary"}


def test_headline_fragment_is_cut_to_the_confirmed_name(read):
    r = read("Lopez Flies to Cairo for Talks\n\nSecretary of State Maria Lopez flew to Cairo on Monday.")
    assert [e.name for e in r.entities if e.kind == "person"] == ["Maria Lopez"]


def test_unknown_single_name_stays_unaffiliated(read):
    r = read("Tabori said the talks would continue.")
    tabori = names(r)["Tabori"]
    assert tabori.country == ""


def test_organisation_lexicon_gives_country(read):
    r = read("The State Department criticized the decision.")
    assert names(r)["State Department"].country == "USA"


def test_trailing_preposition_is_not_part_of_a_name(read):
    r = read("Presidents Kofi Mensah of Ghana and Jean Sarr of Senegal signed the deal.")
    people = {e.name: e.country for e in r.entities if e.kind == "person"}
    assert all(not n.endswith(" of") for n in people)


def test_shared_description_of_several_people_gives_no_country(read):
    r = read("The Chilean minister Ana Soto and her Peruvian and Bolivian counterparts, Luis Paz and Eva Mora, met.")
    assert names(r)["Luis Paz"].country == ""


def test_surname_knowledge_needs_the_country_in_the_article(read):
    assert names(read("Putin said the plan for Russia was ready."))["Putin"].country == "RUS"
    assert names(read("Putin said the plan was ready."))["Putin"].country == ""


def test_full_name_knowledge_needs_no_confirmation(read):
    assert names(read("Vladimir Putin said the plan was ready."))["Vladimir Putin"].country == "RUS"


def test_bare_surname_goes_to_the_most_named_person(read):
    r = read("Donald Trump spoke. Donald Trump left. Melania Trump waved. Trump said the visit went well.")
    people = {e.name: e.mentions for e in r.entities if e.kind == "person"}
    assert people == {"Donald Trump": 3, "Melania Trump": 1}


def test_foreign_script_and_acronyms_are_not_people(read):
    r = read("HIV rates fell, officials said. Maria Lopez quoted the slogan करते हैं at the rally.")
    assert [e.name for e in r.entities if e.kind == "person"] == ["Maria Lopez"]


def test_titled_name_stays_a_person_despite_a_city_of_that_name(read):
    r = read("President Bush spoke in Texas.")
    assert names(r)["Bush"].kind == "person"


def test_headline_organisation_fragments_are_cut_to_body_names(read):
    r = read("Duarte Hosts Holm in Brasilia Ahead of Summit\n\n"
             "President Ana Duarte hosted Chancellor Karl Holm in Brasilia on Wednesday.")
    assert not [e.name for e in r.entities if e.kind == "organization"]
    assert {e.name for e in r.entities if e.kind == "person"} == {"Ana Duarte", "Karl Holm"}


def test_title_and_name_tagged_as_organisation_is_a_person(read):
    r = read("The summit was hosted by Kazakh President Kassym-Jomart Tokayev in Astana.")
    person = next(e for e in r.entities if e.kind == "person")
    assert (person.name, person.country, person.role) == ("Kassym-Jomart Tokayev", "KAZ", "President")
