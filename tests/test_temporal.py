"""Date expressions resolved against the document date and tense."""
from __future__ import annotations

import pytest

from kgraph.extract.temporal import resolve_date

DOC = "2015-05-11"  # a Monday


@pytest.mark.parametrize("text,tense,want", [
    ("Tuesday", "future", "2015-05-12"),
    ("on Tuesday", "past", "2015-05-05"),
    ("Monday", "past", "2015-05-11"),
    ("next Monday", "", "2015-05-18"),
    ("last Friday", "", "2015-05-08"),
    ("two years ago", "", "2013"),
    ("Just a year ago", "", "2014"),
    ("last month", "", "2015-04"),
    ("this year", "", "2015"),
    ("early 2014", "", "2014"),
    ("February 2014", "", "2014-02"),
    ("March 2, 2015", "", "2015-03-02"),
    ("28 November", "past", "2014-11-28"),
    ("28 November", "future", "2015-11-28"),
    ("yesterday", "", "2015-05-10"),
    ("three days later", "", "2015-05-14"),
])
def test_resolve(text, tense, want):
    assert resolve_date(text, DOC, tense) == want


def test_same_day_follows_the_anchor():
    assert resolve_date("later in the day", DOC, "future", anchor="2015-05-12") == "2015-05-12"


def test_relative_needs_a_document_date():
    assert resolve_date("on Tuesday", "", "past") == ""
    assert resolve_date("March 2, 2015", "") == "2015-03-02"


def test_not_a_date():
    assert resolve_date("the season", DOC) == ""
    assert resolve_date("", DOC) == ""


def test_an_implicative_head_keeps_the_past(read):
    from helpers_extract import meetings

    (m,) = meetings(read("President Ilves was quick to travel to Egypt after the revolution."))
    assert m["status"] == "held"
    (m,) = meetings(read("President Ilves is preparing to travel to Egypt."))
    assert m["status"] == "planned"


def test_parts_of_months_and_ordered_days():
    assert resolve_date("mid-June", "2019-09-30", "past") == "2019-06"
    assert resolve_date("late last July", "2019-09-30", "past") == "2019-07"
    assert resolve_date("the previous Friday", "2019-09-30", "past") == "2019-09-27"
    assert resolve_date("the previous week", "2019-09-30", "past") == "2019-09"
    assert resolve_date("the previous season", "2019-09-30", "past") == ""
