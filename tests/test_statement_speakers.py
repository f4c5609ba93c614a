"""Who acts in quoted speech, in coordinations the parser breaks and in answered requests, on sentences
written for these tests."""
from __future__ import annotations

import pytest

from helpers_extract import triples

pytestmark = pytest.mark.e2e


def test_we_inside_a_quotation_is_its_attributed_speaker(read):
    t = triples(read('"We have repeatedly called upon Pakistan to vacate the occupied territories," '
                     'the Indian foreign ministry said.'))
    assert ("India", "REQUEST", "Pakistan", False) in t
    t = triples(read('German Chancellor Angela Merkel told reporters: "We condemn Russia for the attack."'))
    assert ("Angela Merkel", "ACCUSE", "Russia", False) in t


def test_i_inside_a_quotation_takes_only_a_person(read):
    assert ("Angela Merkel", "ACCUSE", "Russia", False) in triples(read('"I condemn Russia," said Angela Merkel.'))
    t = triples(read('"I condemn Russia," the Polish government said.'))
    assert not any(c == "ACCUSE" and o == "Russia" for _, c, o, _ in t)


def test_first_person_without_an_actor_speaker_stays_unresolved(read):
    # a speaker who is no actor, a quotation with no attribution, a pronoun outside any quotation
    assert not triples(read('"We reject the proposal by Russia," a protester said.'))
    assert not triples(read('"We reject the proposal by Russia." Vladimir Putin said he would decide.'))
    assert not any(c == "REJECT" for _, c, _, _ in triples(read(
        'We reject the proposal by Russia, Vladimir Putin said nothing.')))


def test_quoted_first_person_needs_a_parsed_target(read):
    # "support to the family": no actor is aimed at, and the speaker is already a guess
    t = triples(read('"We are providing support to the family and remain in contact with the Turkish '
                     'authorities," the British Foreign Office said.'))
    assert not any(c == "AID" for _, c, _, _ in t)
    t = triples(read('"We are sending aid to the family and we condemn Turkey," the British Foreign Office said.'))
    assert ("Foreign Office", "ACCUSE", "Turkey", False) in t
    assert not any(c == "AID" for _, c, _, _ in t)


def test_partner_coordinated_with_the_medium_of_a_call(read):
    t = triples(read("Prime Minister Haider al-Abadi spoke with President Trump by phone and Vice President "
                     "Pence in person."))
    assert ("Haider al-Abadi", "CONSULT", "Trump", False) in t
    assert ("Haider al-Abadi", "CONSULT", "Pence", False) in t
    # the subject of a new clause after the medium is no partner
    t = triples(read("Angela Merkel spoke with Putin by phone and Macron praised the call."))
    assert ("Angela Merkel", "CONSULT", "Macron", False) not in t


def test_an_answered_request_stays_the_requesters_event(read):
    t = triples(read("Iraq's request to the United States was granted on Monday."))
    assert ("Iraq", "REQUEST", "United States", False) in t
    # granting a request is a concession to the one who asked, not a request
    t = triples(read("The United States granted Iraq's request for weapons."))
    assert ("United States", "CONCEDE", "Iraq", False) in t
    assert not any(c == "REQUEST" for _, c, _, _ in t)
    # a verb that tells the noun's own event reads it once
    t = triples(read("Russia imposed its sanctions on Ukraine."))
    assert t == {("Russia", "SANCTION", "Ukraine", False)}


def test_topic_or_medium_of_a_meeting_is_no_partner(read):
    assert not any(c == "CONSULT" for _, c, _, _ in triples(read(
        "Speaking on Fox News, Senator Lindsey Graham said the decision was a mistake.")))
    assert not any(c == "CONSULT" for _, c, _, _ in triples(read(
        "Analysts discussed the Trump administration's summit on the Middle East.")))
    # "with" still names a partner (a news outlet would be an interview, no meeting)
    t = triples(read("Speaking with Sergei Lavrov, Senator Lindsey Graham said the decision was a mistake."))
    assert ("Lindsey Graham", "CONSULT", "Sergei Lavrov", False) in t


def test_reported_attack_from_a_place_accuses_its_country(read):
    assert ("Israel", "ACCUSE", "Lebanon", False) in triples(read("Israel said a rocket was fired from Lebanon."))
    # not an attack, or launched from the speaker's own side
    assert not any(c == "ACCUSE" for _, c, _, _ in triples(read(
        "Turkey said Syrian Kurds are excluded from Germany.")))
    assert not any(c == "ACCUSE" for _, c, _, _ in triples(read("Israel said a rocket was fired from Israel.")))
