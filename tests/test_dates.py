"""Document dates: the forms news feeds use, and the guesses that must be refused."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from kgraph.dates import parse_date
from kgraph.errors import InputFormatError, KgraphError


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-05-11", "2015-05-11"),
        ("2015-05-11T10:00:00Z", "2015-05-11"),
        ("2015-05-11T10:00:00.123+02:00", "2015-05-11"),
        ("2015-05-11 23:30:00-05:00", "2015-05-11"),  # date as written, no time zone shift
        ("2015-5-1", "2015-05-01"),
        ("2015-05", "2015-05"),
        ("2015", "2015"),
        ("20080804", "2008-08-04"),
        ("May 11, 2015", "2015-05-11"),
        ("11 May 2015", "2015-05-11"),
        ("Mon, 11 May 2015 10:00:00 GMT", "2015-05-11"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Sept. 3, 2015", "2015-09-03"),
        ("May 11th, 2015", "2015-05-11"),
        ("May 2015", "2015-05"),
        ("2015/05/11", "2015-05-11"),
        ("2015.05.11", "2015-05-11"),
        ("11.05.2015", "2015-05-11"),  # dotted dates are day first (European)
        ("13/05/2015", "2015-05-13"),  # unambiguous: 13 cannot be a month
        ("05/13/2015", "2015-05-13"),
        ("  11   May\t2015 ", "2015-05-11"),
    ],
)
def test_accepted_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_empty_means_no_date(value):
    assert parse_date(value) == ""


@pytest.mark.parametrize(
    "value, reason",
    [
        ("99", ""),  # dateutil would say 1999
        ("12345", ""),
        ("Monday", ""),  # dateutil would invent the year
        ("11 May", "no year"),
        ("12 May 15", "four digits"),
        ("tomorrow", ""),
        ("2015-13-01", "month"),
        ("2015-02-30", "day is out of range"),
        ("20081304", "month"),
        ("05/11/2015", "ambiguous"),
        ("0000", "out of range"),
        ("2015-05-11garbage", ""),
        ("Mayor of London", ""),
        ("12 2015", ""),
    ],
)
def test_refuses_guesses_with_a_helpful_message(value, reason):
    with pytest.raises(InputFormatError) as info:
        parse_date(value)
    message = str(info.value)
    assert repr(value) in message
    assert "accepted forms" in message and "2015-05-11" in message
    assert reason in message
    assert info.value.code == "E103"


def test_error_is_catchable_as_kgraph_error_and_value_error():
    with pytest.raises(KgraphError):
        parse_date("not a date")
    with pytest.raises(ValueError):
        parse_date("not a date")


def test_very_long_value_is_refused_and_shortened_in_the_message():
    with pytest.raises(InputFormatError) as info:
        parse_date("May " * 500 + "2015")
    assert len(str(info.value)) < 600


def test_numbers_from_json_are_read_as_text():
    assert parse_date(20080804) == "2008-08-04"
    assert parse_date(None) == ""


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_every_real_date_round_trips_in_several_forms(day):
    iso = day.isoformat()
    assert parse_date(iso) == iso
    assert parse_date(day.strftime("%Y%m%d")) == iso
    assert parse_date(f"{day.day} {day.strftime('%B')} {day.year:04d}") == iso
    assert parse_date(f"{day.year:04d}/{day.month:02d}/{day.day:02d}") == iso


@given(st.text(max_size=60))
def test_arbitrary_text_gives_an_iso_prefix_or_input_format_error(value):
    try:
        out = parse_date(value)
    except InputFormatError:
        return
    assert out == "" or (len(out) in (4, 7, 10) and out[:4].isdigit())



def test_a_statement_takes_the_date_of_the_clause_it_completes(read):
    r = read("On Saturday, Trump said in a pair of tweets that Britain should take back the fighters.",
             date="2019-02-18")
    assert {s.date for s in r.statements if s.category == "REQUEST"} == {"2019-02-16"}
    r = read("Sameh Shoukry and Nikos Dendias gathered in Cairo on Wednesday to discuss Libya.", date="2020-01-11")
    assert {s.date for s in r.statements} == {"2020-01-08"}


def test_a_clause_that_only_modifies_keeps_no_date_of_its_head(read):
    r = read("Russia attacked Ukraine after Germany condemned Moscow on Monday.", date="2019-02-20")
    dates = {s.category: s.date for s in r.statements}
    assert dates["ACCUSE"] == "2019-02-18" and dates["ASSAULT"] == ""  # the attack is not dated Monday


def test_a_reported_demand_is_dated_when_said_not_by_its_deadline(read):
    r = read("On Tuesday, Johnson said that Britain must leave the EU by October 31.", date="2019-09-12")
    assert {s.date for s in r.statements if s.category == "REQUEST"} == {"2019-09-10"}
