"""The query API on the real seed build: facts a correct reading of the seed article gives.

The seed is built once per session with the real model through the Python API
(``kgraph.pipeline.build``, as the notebook does), written as GraphML and read
back with ``kgraph.load``, so these tests also cover the GraphML round trip of
a real graph.  The expected facts follow ``../shared/eval/seed_gold.json``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.io import write_graphml
from kgraph.records import BuildConfig

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed(tmp_path_factory):
    pipeline = pytest.importorskip("kgraph.pipeline")
    result = pipeline.build([ROOT / "seeds"], BuildConfig(default_date="2015-05-11"))
    out = tmp_path_factory.mktemp("seed")
    write_graphml(result.graph, out / "graph.graphml")
    return kgraph.load(out)


def participants(row) -> set[str]:
    return set(row["participants"].split("; ")) if row["participants"] else set()


def label(kg, name: str) -> str:
    return kg.graph.nodes[kg.node(name)]["label"]


def test_one_kerry_node_found_by_every_alias(seed):
    people = seed.entities(kind="person")
    assert people.label.str.contains("Kerry").sum() == 1
    kerry = seed.node("John Kerry")
    assert {seed.node(n) for n in ("Kerry", "Mr. Kerry", "Kerry’s", "john kerry")} == {kerry}
    data = seed.graph.nodes[kerry]
    assert data["country"] == "USA" and "Secretary of State" in data["role"]
    assert seed.graph.nodes[seed.node("Putin")]["country"] == "RUS"


def test_kerry_meets_putin_in_sochi_on_tuesday(seed):
    df = seed.meetings("Putin")
    sochi = df[(df.location == "Sochi") & (df.date == "2015-05-12")]
    assert len(sochi) == 1
    assert {label(seed, "Kerry"), label(seed, "Putin")} <= participants(sochi.iloc[0])
    assert list(seed.meetings("Kerry", "Putin", place="Sochi").date) == ["2015-05-12"]


def test_kerry_met_lavrov_in_geneva_on_march_2(seed):
    df = seed.meetings("Kerry", "Lavrov", place="Geneva")
    assert list(df.date) == ["2015-03-02"]
    assert "Geneva" in df.iloc[0].sentence


def test_kerry_met_putin_in_moscow_two_years_ago(seed):
    assert "2013" in set(seed.meetings("Kerry", "Putin", place="Moscow").date)


def test_merkel_met_putin_in_moscow(seed):
    assert not seed.meetings("Merkel", "Putin", place="Moscow").empty


def test_kerry_goes_to_the_nato_meeting_in_turkey(seed):
    assert not seed.meetings("Kerry", place="Turkey").empty


def test_meetings_place_russia_includes_sochi(seed):
    assert "Sochi" in set(seed.meetings("Kerry", place="Russia").location)


def test_negated_and_never_happened_meetings_are_absent(seed):
    assert seed.meetings("Obama", place="Moscow").empty  # "did not attend celebrations ... in Moscow"
    assert seed.meetings("Obama", "Putin").empty
    assert seed.meetings("Kerry", "Assad").empty


def test_russia_and_iran_aid_syria(seed):
    russia = seed.statements(subject="Russia", category="AID")
    assert not russia.empty and set(russia.object) & {label(seed, "Syria"), label(seed, "Assad")}
    assert not seed.statements(subject="Iran", category="AID").empty


def test_united_states_sanctions_russia(seed):
    df = seed.statements(subject="United States", object="Russia")
    assert set(df.category) & {"SANCTION", "COERCE"}


def test_dyads_show_us_russia_consultations_and_russian_aid_to_syria(seed):
    df = seed.dyads().set_index(["source", "target"])
    assert df.loc[("USA", "RUS"), "CONSULT"] >= 2  # Sochi and Geneva at least
    assert df.loc[("RUS", "SYR"), "AID"] >= 1


def test_timeline_of_kerry_is_dated_and_sorted(seed):
    df = seed.timeline("Kerry")
    assert list(df.date) == sorted(df.date)
    assert {"2015-03-02", "2015-05-12"} <= set(df.date)


def test_obama_hosts_gulf_diplomats_at_camp_david(seed):
    df = seed.meetings("Obama", place="Camp David")
    assert len(df) == 1 and label(seed, "Saudi Arabia") in participants(df.iloc[0])


def test_country_nodes_carry_country_names(seed):
    countries = seed.entities(kind="country")
    assert not (countries.label == countries.iso3).any(), list(countries[countries.label == countries.iso3].iso3)
    assert seed.node("Switzerland") == "country:CHE"  # Geneva lies in it


def test_visits_and_meetings_are_consult(seed):
    """The schema: meetings, visits and talks are CONSULT (Kerry's trip to Turkey too)."""
    df = seed.statements(subject="Kerry")
    trips = df[df.relation.str.match(r"(travel|head|visit|meet)\b")]
    assert len(trips) >= 3 and set(trips.category) == {"CONSULT"}, trips[["relation", "object", "category"]]


def test_nothing_in_a_may_2015_article_happens_after_that_week(seed):
    dates = list(seed.statements().date) + list(seed.meetings().date)
    assert max(d for d in dates if d) <= "2015-05-13"  # "By Wednesday night" is the latest event


def test_only_fighting_counts_as_assault(seed):
    """'convene a conference to end the war in Syria' is no assault by the United States."""
    assert seed.statements(subject="United States", category="ASSAULT").empty
