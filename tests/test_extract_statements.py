"""Statements (subject-relation-object with a PLOVER category) on sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers_extract import meetings, triples

pytestmark = pytest.mark.e2e


def test_prepositional_object_and_category(read):
    r = read("Canada imposed new sanctions on Venezuela on Friday.")
    assert ("Canada", "SANCTION", "Venezuela", False) in triples(r)
    st = next(s for s in r.statements if s.category == "SANCTION")
    assert st.relation == "impose sanction on"
    assert st.date == "2015-05-08"


def test_passive_with_agent(read):
    r = read("Ukraine was attacked by Russia.")
    assert ("Russia", "ASSAULT", "Ukraine", False) in triples(r)


def test_conjoined_subjects(read):
    r = read("France and Germany accused Iran of breaking the deal.")
    t = triples(r)
    assert ("France", "ACCUSE", "Iran", False) in t
    assert ("Germany", "ACCUSE", "Iran", False) in t


def test_negation_is_kept_as_negated(read):
    r = read("Japan did not criticize China.")
    assert triples(r) == {("Japan", "ACCUSE", "China", True)}


def test_reporting_verb_is_not_an_event(read):
    r = read("Egypt said Jordan was calm.")
    assert not r.statements


def test_no_event_without_two_actors(read):
    r = read("The weather in Spain was mild.")
    assert not r.statements


def test_nominal_event(read):
    r = read("Analysts discussed Turkey's military intervention in Syria.")
    assert ("Turkey", "ASSAULT", "Syria", False) in triples(r)


def test_pronoun_object_is_not_its_own_subject(read):
    r = read("Cuba, which has long backed the Venezuelan government, has supplied it with oil.")
    t = triples(r)
    assert ("Cuba", "AID", "Venezuela", False) in t
    assert not any(s == o for s, _, o, _ in t)


def test_promise_is_agree_in_plover(read):
    r = read("Norway will send aid to Sudan.")
    assert ("Norway", "AGREE", "Sudan", False) in triples(r)


def test_threatened_act_is_threaten(read):
    r = read("Iran threatened to attack Israel.")
    cats = {c for _, c, _, _ in triples(r)}
    assert cats == {"THREATEN"}


def test_provenance(read):
    text = "First sentence here. Chile condemned Peru."
    r = read(text, doc_id="doc-7")
    st = next(s for s in r.statements if s.category == "ACCUSE")
    p = st.provenance
    assert (p.doc_id, p.sent_index, p.sentence) == ("doc-7", 1, "Chile condemned Peru.")
    assert text[p.start:p.end] == "Chile condemned Peru."


def test_receiving_reverses_the_direction(read):
    t = triples(read("Georgia received weapons from Ukraine."))
    assert ("Ukraine", "AID", "Georgia", False) in t
    assert not any(s == "Georgia" and c == "AID" for s, c, _, _ in t)


def test_receiving_without_a_giver_is_no_statement(read):
    assert not read("Georgia received weapons.").statements


def test_presenting_evidence_against_is_an_accusation(read):
    assert ("United States", "ACCUSE", "Russia", False) in triples(read("Evidence against Russia was presented by the US."))


def test_unattributed_attack_comes_from_where_it_happened(read):
    r = read("Three Canadian soldiers were killed by a roadside bomb near Kandahar.")
    st = [s for s in r.statements if s.category == "ASSAULT"]
    assert [(s.subject, s.object) for s in st] == [("country:AFG", "country:CAN")]
    assert "perpetrator unknown" in st[0].relation and st[0].confidence < 0.5


def test_attack_without_victim_actor_is_not_coded(read):
    assert not read("A bomb exploded near Kandahar.").statements


def test_compound_event_noun_beats_its_head(read):
    t = triples(read("Algerian farmers began a hunger strike in Oran."))
    assert ("Algeria", "PROTEST", "Oran", False) in t
    t = triples(read("Algerian farmers began a hunger strike on Monday."))
    assert ("Algeria", "PROTEST", "Algeria", False) in t
    assert not any(c == "ASSAULT" for _, c, _, _ in t)


def test_protest_without_target_needs_a_country(read):
    assert not read("The farmers began a hunger strike.").statements


def test_trying_lets_the_attempted_act_through(read):
    t = triples(read("Japan has sought to isolate North Korea."))
    assert ("Japan", "SANCTION", "North Korea", False) in t
    assert not any(c == "REQUEST" for _, c, _, _ in t)


def test_two_sides_skip_places(read):
    t = triples(read("Chile criticised Peru over its operation in Bolivia, but the two sides later cooperated."))
    assert ("Chile", "COOPERATE", "Peru", False) in t
    assert not any("Bolivia" in (s, o) and c == "COOPERATE" for s, c, o, _ in t)


def test_announced_measure_is_an_event_but_saying_is_not(read):
    assert ("Italy", "SANCTION", "Serbia", False) in triples(read("Italy announced a suspension of flights to Serbia."))
    assert not read("Italy announced that Serbia was calm.").statements


def test_subject_through_willing(read):
    assert ("Syria", "AGREE", "Lebanon", False) in triples(read("Syria is willing to withdraw its troops from Lebanon."))


def test_state_force_without_named_target_is_domestic(read):
    t = triples(read("Egyptian police opened fire on demonstrators on Monday."))
    assert ("Egypt", "ASSAULT", "Egypt", False) in t


def test_blocking_roads_is_a_protest(read):
    t = triples(read("Demonstrators in Baghdad blocked roads on Monday."))
    assert ("Iraq", "PROTEST", "Iraq", False) in t


def test_conditional_hostile_act_is_a_threat(read):
    t = triples(read("Canada may impose sanctions on Venezuela if the talks fail."))
    assert ("Canada", "THREATEN", "Venezuela", False) in t
    assert not any(c == "SANCTION" for _, c, _, _ in t)


def test_nationality_of_the_weapon_names_the_attacker(read):
    t = triples(read("Three villagers were killed in Syrian artillery fire near Idlib on Friday."))
    assert ("Syria", "ASSAULT", "Syria", False) in t


def test_dateline_is_not_a_subject(read):
    r = read("ASTANA, Kazakhstan \u2014 Prime Minister Karl Holm and President Ana Duarte held talks on Thursday.")
    from helpers_extract import meetings

    (m,) = meetings(r)
    assert m["participants"] == {"Karl Holm", "Ana Duarte"}


def test_helping_to_act_on_someone_targets_them(read):
    t = triples(read("Norway sent equipment to help defend Jordan."))
    assert ("Norway", "AID", "Jordan", False) in t


def test_a_planned_visit_is_also_an_intent_to_meet(read):
    t = triples(read("Foreign Minister Lena Ostrova of Austria will visit Chile in June."))
    assert ("Lena Ostrova", "CONSULT", "Chile", False) in t
    assert ("Lena Ostrova", "AGREE", "Chile", False) in t  # CAMEO 036


def test_a_visit_made_is_no_intent(read):
    t = triples(read("Foreign Minister Lena Ostrova of Austria visited Chile in June."))
    assert ("Lena Ostrova", "CONSULT", "Chile", False) in t
    assert not any(c == "AGREE" for _, c, _, _ in t)


def test_nationality_adjective_the_ner_missed_is_an_actor(read):
    t = triples(read("Ghanaian authorities have deported 168 Liberians for traveling without documents."))
    assert ("Ghana", "COERCE", "Liberia", False) in t


def test_accepting_demands_is_a_concession_and_refusing_them_a_rejection(read):
    assert ("Mozambique", "CONCEDE", "Zambia", False) in triples(
        read("Mozambique on Thursday accepted demands from Zambia."))
    t = triples(read("The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq."))
    assert ("United States", "REJECT", "Iraq", False) in t
    assert not any(c == "CONSULT" for _, c, _, _ in t)  # meeting demands is no meeting


def test_signing_a_treaty_is_support_in_plover(read):
    t = triples(read("Libya and Bulgaria signed a treaty of friendship."))
    assert ("Libya", "SUPPORT", "Bulgaria", False) in t


def test_facing_sanctions_runs_from_the_source_to_the_subject(read):
    t = triples(read("Iran faced new sanctions from the European Union."))
    assert ("European Union", "SANCTION", "Iran", False) in t
    assert not any(s == "Iran" and c == "SANCTION" for s, c, _, _ in t)


def test_facing_penalties_without_a_source_codes_nothing(read):
    assert not read("China must face tariff penalties.").statements


def test_a_demand_carried_by_a_copula(read):
    t = triples(read("Egyptian President Hosni Mubarak said that the US must be ready to mediate."))
    assert ("Hosni Mubarak", "REQUEST", "United States", False) in t


def test_an_act_inside_the_actors_own_country_targets_that_country(read):
    t = triples(read("In Nairobi, the Kenyan opposition coalition agreed on Sunday."))
    assert ("Kenya", "AGREE", "Kenya", False) in t


def test_an_act_abroad_is_not_made_domestic(read):
    assert not read("In Geneva, Iran agreed on Sunday.").statements


def test_a_promise_covers_its_purpose(read):
    t = triples(read("Norway is willing to send material to help defend Saudi Arabia."))
    assert ("Norway", "AGREE", "Saudi Arabia", False) in t
    assert ("Norway", "AID", "Saudi Arabia", False) in triples(read("Norway sent material to help defend Saudi Arabia."))


def test_preparing_force_is_mobilizing(read):
    t = triples(read("The Macedonian army prepared to resume shelling Albanian villages."))
    assert ("North Macedonia", "MOBILIZE", "Albania", False) in t
    assert ("North Macedonia", "THREATEN", "Albania", False) in triples(read("The Macedonian army will shell Albanian villages."))


def test_a_quantity_object_defers_to_what_it_counts(read):
    t = triples(read("The European Union gave Ghana 5 million dollars of aid."))
    assert ("European Union", "AID", "Ghana", False) in t
    t = triples(read("Burmese troops captured part of a rebel stronghold near Thailand."))
    assert any(s == "Myanmar" and c == "ASSAULT" for s, c, _, _ in t)


def test_a_named_object_keys_the_lexicon(read):
    t = triples(read("French farmers blocked the Europe Bridge to protest against Germany."))
    assert any(s == "France" and c == "PROTEST" for s, c, _, _ in t)


def test_a_plural_pronoun_takes_the_coordinated_subject(read):
    r = read("Xi Jinping and Vladimir Putin signed a joint statement after their talks in Beijing.")
    (m,) = meetings(r)
    assert m["participants"] == {"Xi Jinping", "Vladimir Putin"}


def test_speakers_telling_of_their_own_act_accuse_nobody(read):
    t = triples(read("Obama and Putin said they will attack Iraq."))
    assert ("Obama", "THREATEN", "Iraq", False) in t
    assert not any(c == "ACCUSE" for _, c, _, _ in t)
    t = triples(read("The US Central Command said the United States launched an air strike on Iraq."))
    assert not any(c == "ACCUSE" for _, c, _, _ in t)


def test_a_date_preposition_is_no_particle(read):
    r = read("Xi Jinping and Vladimir Putin signed a joint statement on Wednesday.")
    assert {s.relation for s in r.statements} == {"sign"}


def test_unnamed_protesters_count_to_where_they_protest(read):
    t = triples(read("Prisoners rioted at a jail in Dili on Monday."))
    assert any(s == "Timor-Leste" and c == "PROTEST" for s, c, _, _ in t)
    assert not read("Students protested on Monday.").statements  # nowhere named: nobody to count them to


def test_a_lemma_cut_short_is_mended(read):
    r = read("Swedish activists staged a protest against Norway.")
    assert {(s.relation, s.category) for s in r.statements} >= {("stage protest against", "PROTEST")}


def test_a_stance_participle_keeps_its_subject_as_actor(read):
    assert ("Israel", "REJECT", "France", False) in triples(read("Israel is opposed to French mediation."))
    assert ("France", "REJECT", "Israel", False) in triples(read("Israel was opposed by France."))


def test_a_generic_event_head_takes_its_event_from_the_modifier(read):
    t = triples(read("Qatar launched a mediation effort between the Emirates and Saudi Arabia."))
    assert ("Qatar", "CONSULT", "Saudi Arabia", False) in t
    assert not read("Qatar launched a new effort on Saturday.").statements


def test_coordinated_nationalities_are_each_an_actor(read):
    t = triples(read("US and British activists staged a protest against China."))
    assert ("United States", "PROTEST", "China", False) in t and ("United Kingdom", "PROTEST", "China", False) in t


def test_exercises_held_together_are_cooperation_but_alone_a_show_of_force(read):
    t = triples(read("Russia and China held joint naval exercises."))
    assert ("Russia", "COOPERATE", "China", False) in t
    t = triples(read("Russia held war games near Ukraine."))
    assert ("Russia", "MOBILIZE", "Ukraine", False) in t and not any(c == "COOPERATE" for _, c, _, _ in t)


def test_returning_somewhere_is_travel_but_returning_something_a_retreat(read):
    t = triples(read("Russian negotiators return to Geneva this week for talks."))
    assert ("Russia", "CONSULT", "Geneva", False) in t and not any(c == "RETREAT" for _, c, _, _ in t)
    assert ("Russia", "RETREAT", "Japan", False) in triples(read("Russia returned the territory to Japan."))


def test_of_phrases_that_are_no_quantity_keep_their_head(read):
    assert not read("Russia said the deliveries would not change the course of the war.").statements


def test_gerund_after_object_takes_the_object_as_subject(read):
    t = triples(read("Obama praised Japan for helping Haiti."))
    assert ("Japan", "AID", "Haiti", False) in t
    assert ("Obama", "AID", "Haiti", False) not in t
    # a gerund under a time preposition keeps the sentence subject
    assert ("Kerry", "CONSULT", "Putin", False) in triples(read("Kerry signed the deal after meeting Putin."))


def test_infinitive_on_an_agreement_takes_the_subject_of_its_verb(read):
    t = triples(read("Australia and the World Bank reached an agreement to give Kiribati $5 million."))
    assert ("Australia", "AID", "Kiribati", False) in t and ("World Bank", "AID", "Kiribati", False) in t
    assert not any(c == "AID" for _, c, _, _ in triples(read("Australia reached the decision after a report to the World Bank.")))


def test_expected_act_of_another_is_a_request_not_the_act(read):
    t = triples(read("Chancellor Angela Merkel expected Russia's withdrawal from Georgia."))
    assert ("Angela Merkel", "REQUEST", "Russia", False) in t
    assert not any(c == "RETREAT" and s == "Angela Merkel" for s, c, _, _ in t)
    # a light verb still carries the noun's event for its own subject
    assert ("Israel", "RETREAT", "Gaza", False) in triples(read("Israel completed its withdrawal from Gaza."))


def test_one_pressed_to_act_is_the_target(read):
    t = triples(read("The Pope thanked France for pressuring Colombia to think again."))
    assert ("France", "REQUEST", "Colombia", False) in t


def test_coordinated_event_noun_and_stance_adjective_subject(read):
    t = triples(read("China is fully committed to developing friendship and cooperation with India."))
    assert ("China", "COOPERATE", "India", False) in t
    # a coordinated noun that names no event gives none
    assert not any(c == "COOPERATE" for _, c, _, _ in triples(read("Japan expanded roads and bridges with Vietnam.")))


def test_condemning_an_attack_does_not_accuse_its_victim(read):
    t = triples(read("The European Union condemned the attack on Saudi oil facilities, which Yemen's Houthis claimed."))
    assert ("European Union", "ACCUSE", "Saudi Arabia", False) not in t
    assert not any(c == "ACCUSE" for _, c, _, _ in triples(read("Turkey denounced the bombing of its embassy in Kabul.")))
    # the attacker named after the victim is still the one accused
    assert ("Russia", "ACCUSE", "United States", False) in triples(read("Russia condemned the attack on Syria by the United States."))


def test_guessed_agent_is_looked_for_inside_the_named_subject(read):
    # the subject is a thing: no actor from a parenthesis or another clause stands in for it
    r = read("On Saturday (Friday, UTC), an earthquake struck Surigao del Sur in the Philippines.")
    assert not r.statements
    assert not read("Hurricane Lorenzo hit the Azores on Tuesday.").statements
    # the subject describes an actor named inside it
    assert ("APEC", "AGREE", "Japan", False) in triples(read("The APEC forum agreed to set up a research centre in Tokyo."))


def test_calling_a_deal_names_it(read):
    assert not triples(read('Tom Watson called Prime Minister Theresa May\'s Brexit deal "lousy".'))
    assert not triples(read("President Donald Trump called the Iran deal a disaster."))
    assert ("Iran", "RETREAT", "Iran", False) in triples(read("Iran called a ceasefire."))


def test_officials_reporting_their_own_countrys_act_accuse_no_one(read):
    t = triples(read("The Federal Aviation Office of Germany has suspended the permit of Mahan Air, German officials said."))
    assert not any(c == "ACCUSE" for _, c, _, _ in t)


def test_accusation_aims_at_actors_not_places(read):
    t = triples(read("A United States federal judge sentenced a doctor based in Martinsville, Virginia to prison."))
    assert not any(o in {"Martinsville", "Virginia"} for _, _, o, _ in t)


def test_attacking_a_decision_is_criticism(read):
    t = triples(read("Turkey attacked the decision of the United States to move its embassy."))
    assert ("Turkey", "ACCUSE", "United States", False) in t
    assert ("Turkey", "ASSAULT", "Syria", False) in triples(read("Turkey attacked Syria on Monday."))


def test_allegation_through_a_verb_of_aiming(read):
    t = triples(read("US Defense Secretary James Mattis said Russian President Vladimir Putin aimed to weaken the NATO alliance."))
    assert ("James Mattis", "ACCUSE", "Vladimir Putin", False) in t
    # what one says one's own side aims at accuses no one
    t = triples(read("Russian President Vladimir Putin said Russia aimed to strengthen ties with NATO."))
    assert not any(c == "ACCUSE" for _, c, _, _ in t)


def test_pronoun_subject_of_a_reported_clause_is_its_speaker(read):
    t = triples(read("Malaysian authorities completed the autopsy over objections from the North Korean government "
                     "but announced Thursday they would not release the body to North Korea."))
    assert ("Malaysia", "REJECT", "North Korea", False) in t
    assert not any(s == "North Korea" for s, _, _, _ in t)
    # a pronoun that does not fit the speaker is left to coreference
    t = triples(read("Russia attacked Ukraine. President Vladimir Putin said it would withdraw from Crimea."))
    assert ("Vladimir Putin", "RETREAT", "Crimea", False) not in t


def test_reported_victim_or_denied_act_is_no_accusation(read):
    t = triples(read("Tunisian lawmaker Samir Dilou said Tunisia was facing terrorist attacks."))
    assert not any(c == "ACCUSE" for _, c, _, _ in t)
    t = triples(read("Turkish spokesman Ibrahim Kalin said Russian forces did not attack Turkish soldiers."))
    assert not any(c == "ACCUSE" for _, c, _, _ in t)
    t = triples(read("Turkish spokesman Ibrahim Kalin said Russian forces attacked Turkish soldiers."))
    assert ("Ibrahim Kalin", "ACCUSE", "Russia", False) in t


def test_a_writers_guess_is_no_event(read):
    """``may``, ``might``, ``could`` on the act (or on the verb it completes) is the writer's guess."""
    assert triples(read("President Karl Dorn may feel emboldened to launch an assault on Idlib.")) == set()
    assert triples(read("The United States and Turkey may yet reach a deal.")) == set()
    # the act done, or promised under a condition, stays an event
    assert ("Russia", "ASSAULT", "Ukraine", False) in triples(read("Russia attacked Ukraine on Monday."))
    assert any(t[1] == "THREATEN" for t in triples(read("Russia may halt talks with Ukraine if the shelling goes on.")))
