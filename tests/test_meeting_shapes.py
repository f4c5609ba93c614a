"""Meeting shapes that the lexicon's keys and the frame arguments must cover.

Each shape has sentences where it must fire and sentences where it must not;
names are invented so that no knowledge base helps.
"""
from __future__ import annotations

import pytest

from helpers_extract import meetings

pytestmark = pytest.mark.e2e


def _summary(r) -> list[tuple]:
    return sorted((tuple(sorted(m["participants"])), m["place"], m["mode"], m["status"]) for m in meetings(r))


FIRES = [
    # light verbs from the data: "pay|visit", "hold|talks"
    ("Foreign Minister Anna Berg paid a visit to Moscow on Tuesday.", [(("Anna Berg",), "Moscow", "visit", "held")]),
    ("President Karl Dorn and President Ivan Petrov held talks in Minsk on Monday.",
     [(("Ivan Petrov", "Karl Dorn"), "Minsk", "meet", "held")]),
    # phrasal keys: "head to"
    ("Prime Minister Olaf Lind headed to Paris on Monday.", [(("Olaf Lind",), "Paris", "visit", "held")]),
    # means: "by telephone"
    ("President Rafael Soto has communicated by telephone with President Hugo Mena.",
     [(("Hugo Mena", "Rafael Soto"), "", "phone", "held")]),
    # a modified noun key: "telephone conversation", with the clause's actor
    ("In a telephone conversation with President Paul Roux on Sunday, President Ivan Petrov said the troops would leave.",
     [(("Ivan Petrov", "Paul Roux"), "", "phone", "held")]),
    # a body's members meeting as the body
    ("NATO leaders met in Cardiff on Thursday for a two-day summit.", [(("NATO",), "Cardiff", "multilateral", "held")]),
    # attendee lists on the meeting noun
    ("The energy summit in Auckland involving New Zealand and the European Union ended yesterday.",
     [(("European Union", "New Zealand"), "Auckland", "multilateral", "held")]),
    # a meeting in apposition to its participant
    ("Secretary-General Lars Holm, who is in Doha meeting with President Omar Haddad, said the fighting must stop.",
     [(("Lars Holm", "Omar Haddad"), "Doha", "meet", "")]),
    # sequences: two meetings
    ("President Karl Dorn met with Anna Berg, then with President Ivan Petrov.",
     [(("Anna Berg", "Karl Dorn"), "", "meet", "held"), (("Ivan Petrov", "Karl Dorn"), "", "meet", "held")]),
    # coordinated partners, each with its own means: two contacts
    ("President Karl Dorn spoke with President Ivan Petrov by phone and Prime Minister Anna Berg in person.",
     [(("Anna Berg", "Karl Dorn"), "", "meet", "held"), (("Ivan Petrov", "Karl Dorn"), "", "phone", "held")]),
    ("President Karl Dorn spoke with President Ivan Petrov by phone and Prime Minister Anna Berg by video link.",
     [(("Anna Berg", "Karl Dorn"), "", "phone", "held"), (("Ivan Petrov", "Karl Dorn"), "", "phone", "held")]),
    # a where-clause on the destination of a sending verb: the one sent meets, there
    ("President Karl Dorn sent Foreign Minister Anna Berg to Minsk, where she met with President Ivan Petrov.",
     [(("Anna Berg", "Ivan Petrov"), "Minsk", "meet", "held")]),
    ("President Karl Dorn dispatched his envoy Lars Holm to Minsk, where he held talks with President Ivan Petrov.",
     [(("Ivan Petrov", "Lars Holm"), "Minsk", "meet", "held")]),
    # a body's members at the meeting stand for where they came from
    ("Foreign ministers attending the summit in Minsk came from Russia and Belarus.",
     [(("Belarus", "Russia"), "Minsk", "multilateral", "held")]),
    # ... but who travels himself is the one who meets
    ("President Karl Dorn flew to Minsk, where he met with President Ivan Petrov.",
     [(("Ivan Petrov", "Karl Dorn"), "Minsk", "visit", "held")]),
]

SILENT = [
    # a light verb that is not a meeting
    "Foreign Minister Anna Berg paid tribute to the victims in Moscow.",
    # guests invited by no one named, at no place named
    "Karl Dorn, Ivan Petrov and Omar Haddad were each invited but did not attend.",
    # invited to do something that is no meeting
    "In 1985 President Karl Dorn invited Omar Haddad to appear on television together.",
    # a said-in-a-statement clause is not a meeting
    "President Ivan Petrov said in a statement that Russia would attend.",
]


@pytest.mark.parametrize("text,expected", FIRES, ids=[t[:40] for t, _ in FIRES])
def test_meeting_shape_fires(read, text, expected):
    assert _summary(read(text)) == expected


@pytest.mark.parametrize("text", SILENT, ids=[t[:40] for t in SILENT])
def test_meeting_shape_stays_silent(read, text):
    assert [m for m in meetings(read(text)) if m["participants"]] == []


def test_called_off_talks_are_cancelled(read):
    r = read("President Karl Dorn and President Ivan Petrov called off the talks in Geneva on Monday.")
    assert [(m["status"], m["participants"], m["denied"]) for m in meetings(r)] == [
        ("cancelled", set(), {"Karl Dorn", "Ivan Petrov"})]


def test_a_nationality_on_a_venue_is_not_the_place(read):
    r = read("President Karl Dorn met President Ivan Petrov at an Irish pub.")
    (m,) = meetings(r)
    assert m["place"] == ""
    r = read("President Karl Dorn met President Ivan Petrov in the Irish capital.")
    (m,) = meetings(r)
    assert m["place"] == "Ireland"


def test_a_later_visit_is_not_the_meeting_before_it(read):
    r = read("President Karl Dorn met with his envoy Lars Holm on Monday. "
             "Holm then embarked on his mission with visits to Israel and Jordan.")
    ms = meetings(r)
    assert any(m["participants"] == {"Karl Dorn", "Lars Holm"} and m["mode"] == "meet" for m in ms)
    assert not any(m["participants"] == {"Karl Dorn", "Lars Holm"} and m["place"] for m in ms)


def test_every_meeting_key_has_a_shape_that_can_match(lex):
    """A ``lemma|object`` key is read through its object noun, so the object must be a meeting noun;
    a ``lemma particle`` key is one verb and one particle."""
    for key in lex.meeting_verbs:
        if "|" in key:
            verb, obj = key.split("|")
            assert obj in lex.meeting_nouns, key
        else:
            assert 1 <= len(key.split()) <= 2, key
    for key in lex.meeting_nouns:
        assert 1 <= len(key.split()) <= 3, key


def test_private_travel_is_not_diplomacy(read):
    assert meetings(read("Sara Malik, 19, travelled to Syria in 2015 with two friends.")) == []
    (m,) = meetings(read("Foreign Minister Sara Malik travelled to Syria on Monday."))
    assert m["participants"] == {"Sara Malik"} and m["place"] == "Syria"


def test_meeting_a_thing_is_no_meeting(read):
    assert meetings(read("Russia and Turkey failed to meet their commitments in Idlib.")) == []
    assert len(meetings(read("Russia and Turkey met in Moscow on Saturday."))) == 1


def test_a_visit_to_a_place_is_told_once(read):
    r = read("Foreign Minister Sara Malik travelled to Cairo on Monday.")
    assert [(m["participants"], m["place"]) for m in meetings(r)] == [({"Sara Malik"}, "Cairo")]
    assert not any(s.category == "CONSULT" for s in r.statements)


def test_a_narrative_keeps_the_date_of_the_sentence_before(read):
    r = read("On January 21 President Karl Dorn sent his envoy to Caracas. "
             "After midnight Dorn spoke by telephone with President Ivan Petrov for two hours.", date="2005-02-01")
    (m,) = [m for m in meetings(r) if m["mode"] == "phone"]
    assert m["date"] == "2005-01-21"
    # a sentence with a date of its own keeps it
    r = read("On January 21 President Karl Dorn sent his envoy to Caracas. "
             "On January 25 Dorn spoke by telephone with President Ivan Petrov.", date="2005-02-01")
    (m,) = [m for m in meetings(r) if m["mode"] == "phone"]
    assert m["date"] == "2005-01-25"


def test_the_sentence_before_dates_a_narrative_only_by_its_own_time(read):
    """The date the sentence before is told at carries on; a date that bounds or describes something
    it mentions does not ("envoy until December"), nor a past date for a meeting still ahead."""
    r = read("Brett Olsen, who was envoy to the coalition until December, criticized the decision. "
             "After President Karl Dorn spoke by telephone with President Ivan Petrov, the troops left.",
             date="2019-10-08")
    assert [m["date"] for m in meetings(r)] == [""]
    r = read("In July, Karl Dorn spoke with President Ivan Petrov. President Dorn plans to visit Warsaw "
             "to meet Prime Minister Anna Berg.", date="2019-09-30")
    assert sorted(m["date"] for m in meetings(r)) == ["", "2019-07"]


def test_a_date_told_of_a_past_verb_lies_behind(read):
    r = read("In July, Karl Dorn helped arrange a meeting between Anna Berg and Ivan Petrov.", date="2019-09-30")
    assert [(m["participants"], m["date"], m["status"]) for m in meetings(r)] == [
        ({"Anna Berg", "Ivan Petrov"}, "2019-07", "held")]
    r = read("Karl Dorn will arrange a meeting between Anna Berg and Ivan Petrov in July.", date="2019-05-30")
    assert [m["date"] for m in meetings(r)] == ["2019-07"]


def test_a_when_clause_happens_at_the_date_of_its_clause(read):
    r = read("President Karl Dorn's ambition climaxed in September 2011 when he visited Cairo.", date="2018-06-22")
    assert [(m["place"], m["date"]) for m in meetings(r)] == [("Cairo", "2011-09")]
    r = read("President Karl Dorn's ambition climaxed in 2011 when he visited Cairo in September 2012.",
             date="2018-06-22")
    assert [m["date"] for m in meetings(r)] == ["2012-09"]


def test_a_date_of_another_noun_does_not_date_the_meeting(read):
    r = read("The United States is in negotiations with Iraq over its troops, following President Karl Dorn's "
             "surprise decision last December to withdraw.", date="2019-02-04")
    assert [(m["participants"], m["date"]) for m in meetings(r)] == [({"Iraq", "United States"}, "")]
    r = read("Foreign Minister Anna Berg met President Ivan Petrov at Tuesday's summit.")
    assert [m["date"] for m in meetings(r)] == ["2015-05-05"]
    r = read("President Karl Dorn and President Ivan Petrov held talks in Minsk on Saturday afternoon.")
    assert [m["date"] for m in meetings(r)] == ["2015-05-09"]


def test_troops_meeting_troops_is_an_encounter_in_war(read):
    assert meetings(read("Last September Kurdish troops met Syrian government forces on territory held by the rebels.",
                         date="2018-04-10")) == []
    assert meetings(read("Russian and Turkish troops met in Moscow on Saturday.")) == []
    assert [m["participants"] for m in meetings(read("Russian and Turkish ministers met in Moscow on Saturday."))] == [
        {"Russia", "Turkey"}]


def test_no_or_any_meeting_is_none(read):
    assert meetings(read("Ambassador Ivan Petrov is not aware of any conversations between President Karl Dorn "
                         "and President Anna Berg since last week.")) == []
    assert meetings(read("No talks between President Karl Dorn and President Anna Berg took place last week.")) == []
    assert [m["participants"] for m in meetings(read(
        "Talks between President Karl Dorn and President Anna Berg took place last week."))] == [{"Karl Dorn", "Anna Berg"}]


def test_an_indefinite_group_is_a_new_group(read):
    """``the two leaders`` are the last two named; ``Three former presidents`` are others."""
    r = read("The death of Congressman Paul Roux had an impact. Senator Anna Berg was a candidate. President Karl "
             "Dorn did not attend Roux's viewing or funeral. Three former presidents including Ivan Petrov attended the funeral.")
    assert not any({"Anna Berg", "Karl Dorn"} & m["participants"] for m in meetings(r))
    r = read("President Karl Dorn met Prime Minister Anna Berg in Minsk. The two leaders met again in Warsaw on Friday.")
    assert [m["participants"] for m in meetings(r) if m["place"] == "Warsaw"] == [{"Anna Berg", "Karl Dorn"}]


def test_an_anaphor_looks_back_for_the_same_noun(read):
    r = read("A three-way summit between Russia, Turkey and Iran is to be held in Tehran on Friday. President Karl "
             "Dorn told reporters during a meeting with the emir of Kuwait that it cannot be a slaughter. "
             "The three-way summit in Tehran does not include Syrian officials.", date="2018-09-05")
    assert sorted((sorted(m["participants"]), m["place"]) for m in meetings(r)) == [
        (["Iran", "Russia", "Turkey"], "Tehran"), (["Karl Dorn", "Kuwait"], "")]


def test_a_scheduled_meeting_with_an_unknown_side_stays_apart(read):
    r = read("On Tuesday President Karl Dorn talked to President Ivan Petrov. "
             "A meeting between Dorn and Zorvath is scheduled for Friday.")
    ms = meetings(r)
    assert any(m["participants"] == {"Karl Dorn", "Ivan Petrov"} and m["status"] == "held" for m in ms)
    assert not any("Ivan Petrov" in m["participants"] and m["status"] == "planned" for m in ms)


def test_the_purpose_of_a_meeting_is_that_meeting(read):
    r = read("Foreign Minister Anna Berg and President Ivan Petrov will meet in Minsk to discuss trade.")
    assert [(m["participants"], m["place"], m["status"]) for m in meetings(r)] == [
        ({"Anna Berg", "Ivan Petrov"}, "Minsk", "planned")]


def test_a_means_without_a_person_is_one_contact(read):
    r = read("President Karl Dorn spoke with President Ivan Petrov by phone and email.")
    assert _summary(r) == [(("Ivan Petrov", "Karl Dorn"), "", "phone", "held")]


def test_a_where_clause_keeps_the_date_of_its_sentence(read):
    r = read("On January 21 President Karl Dorn sent Foreign Minister Anna Berg to Caracas where she met with "
             "President Hugo Mena.", date="2005-02-01")
    assert [(m["participants"], m["place"], m["date"]) for m in meetings(r)] == [
        ({"Anna Berg", "Hugo Mena"}, "Caracas", "2005-01-21")]


def test_an_inviter_is_no_sender(read):
    """``invited`` does not move its object: ``he`` stays the subject, who hosts."""
    r = read("President Karl Dorn invited Foreign Minister Anna Berg to Minsk, where he met with her.")
    assert all("Karl Dorn" in m["participants"] for m in meetings(r))


def test_a_surname_the_article_gives_a_person_is_not_a_town(read):
    """``Hartley`` and ``Wilson`` are small towns in the gazetteer; after ``Tom Hartley`` and ``Paul
    Wilson`` the bare surname is the person, unless it follows a locative preposition."""
    r = read("Special Envoy Tom Hartley met President Karl Dorn in Minsk on Monday. "
             "Hartley then embarked on his mission with visits to Poland and Latvia.")
    assert any(m["participants"] == {"Tom Hartley"} and m["mode"] == "visit" and m["place"] in {"Poland", "Latvia"}
               for m in meetings(r))
    r = read("Trade Minister Paul Wilson met President Karl Dorn in Minsk on Monday. Wilson then flew to Riga.")
    assert ({"Paul Wilson"}, "Riga") in [(m["participants"], m["place"]) for m in meetings(r)]
    r = read("Trade Minister Paul Wilson met President Karl Dorn in Minsk on Monday. "
             "The president later flew to Wilson, North Carolina.")
    assert "Wilson" in {e.name for e in r.entities if e.kind == "location"}
    assert not any(m["place"] == "Wilson" and "Paul Wilson" in m["participants"] for m in meetings(r))
    # a first name is no surname; a town in a list after "from" stays a town
    r = read("Envoy Selby Tran met President Karl Dorn in Minsk on Monday. Selby then flew to Riga.")
    assert "Selby" not in {e.name for e in r.entities if e.kind == "person"}
    r = read("Envoy Tom Hartley met President Karl Dorn in Minsk on Monday. Officials from Docklands and Hartley protested.")
    assert "Hartley" in {e.name for e in r.entities if e.kind == "location"}


DELEGATES = [
    ("Russia and Belarus held talks in Minsk on Monday. Foreign Minister Anna Berg represented Russia.", True),
    ("Russia and Belarus held talks in Minsk on Monday. Russia was represented by Foreign Minister Anna Berg.", True),
    ("Russia and Belarus held talks in Minsk on Monday. Foreign Minister Anna Berg led the Russian delegation.", True),
    ("Russia and Belarus held talks in Minsk on Monday. Foreign Minister Anna Berg headed the Russian delegation.", True),
    # an occasion of its own, a country that held no meeting, a meeting two sentences back
    ("Russia and Belarus held talks in Minsk on Monday. Foreign Minister Anna Berg represented Russia at the games.",
     False),
    ("Russia and Belarus held talks in Minsk on Monday. Foreign Minister Anna Berg represented Poland.", False),
    ("Russia and Belarus held talks in Minsk on Monday. The economy grew. Foreign Minister Anna Berg represented Russia.",
     False),
]


@pytest.mark.parametrize("text,joins", DELEGATES, ids=[t[50:95] for t, _ in DELEGATES])
def test_a_delegate_joins_the_meeting_of_the_country_represented(read, text, joins):
    (m,) = meetings(read(text, date="2012-01-18"))
    assert {"Russia", "Belarus"} <= m["participants"] and m["place"] == "Minsk"
    assert ("Anna Berg" in m["participants"]) is joins


def test_the_conference_names_who_attended_the_conference_told_before(read):
    r = read("A conference in Minsk on Tuesday discussed trade. "
             "Delegates present at the conference were from ten countries, including Russia and Belarus.",
             date="2010-01-28")
    assert [(m["participants"], m["place"], m["date"]) for m in meetings(r)] == [
        ({"Russia", "Belarus"}, "Minsk", "2010-01-26")]
    # students are no body's members; a different kind of meeting is another event
    assert meetings(read("A conference in Minsk on Tuesday discussed trade. "
                         "Students at the conference were from Russia and Belarus.", date="2010-01-28")) == []
    r = read("A conference in Minsk on Tuesday discussed trade. "
             "Delegates at the summit were from Russia and Belarus.", date="2010-01-28")
    assert [m["place"] for m in meetings(r)] == [""]
    # a description of its own may make it another conference
    r = read("A conference in Minsk on Tuesday discussed trade. "
             "Delegates at the UN-sponsored conference were from Russia and Belarus.", date="2010-01-28")
    assert [m["place"] for m in meetings(r)] == [""]


def test_every_delegate_key_is_a_verb_or_a_verb_and_its_object(lex):
    for key in lex.delegate_verbs:
        assert len(key.split("|")) in {1, 2} and " " not in key, key
