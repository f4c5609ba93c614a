"""Precision rules for statements on news text (issue 10 audit): each rule on a sentence where it
must fire and one where it must not, written for these tests."""
from __future__ import annotations

import pytest

from helpers_extract import triples

pytestmark = pytest.mark.e2e

FILLER = "The weather was mild. Shops opened late. Traffic was light. Schools were closed. "


@pytest.mark.parametrize("sentence, guessed", [
    ("Two soldiers were killed by a roadside bomb near Basra.", ("Iraq", "ASSAULT", "Iraq", False)),
    ("Hamas condemned the decision, Israel said.", ("Hamas", "ACCUSE", "Israel", False)),
])
def test_event_coder_guesses_only_in_the_lead(read, sentence, guessed):
    assert guessed in triples(read(sentence))
    assert guessed not in triples(read(FILLER + sentence))


def test_parsed_sides_count_anywhere(read):
    t = triples(read(FILLER + "Russia attacked Ukraine. Egypt asked that the government of Yemen begin talks."))
    assert ("Russia", "ASSAULT", "Ukraine", False) in t
    assert ("Egypt", "REQUEST", "Yemen", False) in t


@pytest.mark.parametrize("sentence, visit", [
    ("Foreign Minister Walid al-Moualem travelled to Russia on Monday.", ("Walid al-Moualem", "CONSULT", "Russia", False)),
    ("A Syrian government delegation will arrive in Switzerland on Wednesday.", ("Syria", "CONSULT", "Switzerland", False)),
])
def test_travel_by_an_official_is_a_visit(read, sentence, visit):
    assert visit in triples(read(sentence))


@pytest.mark.parametrize("sentence", [
    "Jack Letts travelled to Syria in 2014.",
    "French and Algerian fighters travelled to Afghanistan.",
])
def test_private_travel_is_no_visit(read, sentence):
    assert not [t for t in triples(read(sentence)) if t[1] == "CONSULT"]


def test_talking_to_a_news_outlet_is_an_interview(read):
    assert ("Imran Khan", "CONSULT", "Xi Jinping", False) in triples(
        read("Prime Minister Imran Khan spoke to President Xi Jinping on Friday."))
    for sentence in ("Speaking to Reuters, Prime Minister Imran Khan said the talks had failed.",
                     "Prime Minister Imran Khan spoke to the BBC on Friday."):
        assert not [t for t in triples(read(sentence)) if t[1] == "CONSULT"]


def test_a_meeting_partner_outside_the_lead_is_never_guessed(read):
    assert ("Assad", "CONSULT", "Javad Zarif", False) in triples(
        read("Assad received the Iranian foreign minister Javad Zarif in Damascus."))
    assert not triples(read(FILLER + "President Trump received a bump from the Republican National Committee convention."))


def test_agreeing_on_a_view_is_no_agreement(read):
    assert not triples(read("La Riva, Hawkins and Carroll all agreed that vaccines have done more good than harm."))
    t = triples(read("Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate."))
    assert ("Hungary", "AGREE", "Romania", False) in t


def test_everyday_senses_of_test_and_settle(read):
    assert not triples(read("Prime Minister Igor Matovic of Slovakia tested positive for COVID-19."))
    assert not triples(read("She settled into the Syrian city of Raqqa in 2015."))
    assert ("North Korea", "MOBILIZE", "North Korea", False) in triples(read("North Korea tested a missile on Friday."))


def test_own_forces_are_means_not_target(read):
    assert not triples(read("The British empire did not send British troops into combat very often."))
    assert ("Russia", "ASSAULT", "Ukraine", False) in triples(read("Russia attacked Ukrainian troops near Donetsk."))
    assert ("Turkey", "AGREE", "Turkey", False) in triples(
        read("Turkey will allow up to 13,000 Turkish Kurd refugees to return home."))


@pytest.mark.parametrize("sentence, wrong", [
    ("The parents of Jack Letts have accused the Foreign Office of being obstructive.", "Jack Letts"),
    ("The family of a former British soldier begged Theresa May for help.", "United Kingdom"),
    ("US-backed fighters attacked Islamic State in Raqqa.", "United States"),
])
def test_people_tied_to_an_actor_are_not_the_actor(read, sentence, wrong):
    assert not [t for t in triples(read(sentence)) if t[0] == wrong]


def test_people_tied_to_an_actor_keep_their_own_name(read):
    assert ("Rudy Giuliani", "ACCUSE", "Joe Biden", False) in triples(
        read("Trump's lawyer Rudy Giuliani criticized Joe Biden."))
    assert ("Houthis", "ASSAULT", "Riyadh", False) in triples(read("Iran-backed Houthi militants fired missiles at Riyadh."))


def test_taking_to_the_streets_not_to_twitter(read):
    assert ("Iraq", "PROTEST", "Kirkuk", False) in triples(read("Thousands of Iraqi Kurds took to the streets of Kirkuk on Sunday."))
    assert not [t for t in triples(read("Senator Lindsey Graham took to Twitter on Sunday.")) if t[1] == "PROTEST"]


@pytest.mark.parametrize("sentence", [
    "I hope the US attacks would target all the Syrian air bases.",
    "The SDF are hardly likely to attack British officials.",
    "If France is staying in Syria to protect the YPG, that will benefit nobody.",
])
def test_wishes_guesses_and_conditions_are_no_acts(read, sentence):
    assert not triples(read(sentence))


def test_a_conditional_threat_and_an_own_intent_stay(read):
    t = triples(read("Israel will halt mediation if Egypt attacks Gaza."))
    assert ("Israel", "THREATEN", "Egypt", False) in t
    assert ("Egypt", "ASSAULT", "Gaza", False) not in t
    assert ("Obama", "CONSULT", "China", False) in triples(read("Obama hopes to visit China next year."))
