"""The query API on the hand-built schema graph (tests/graphs_query.py): concrete expected rows."""
from __future__ import annotations

import doctest

import networkx as nx
import pytest

import kgraph
import kgraph.query.core
import kgraph.query.names
from graphs_query import S, build_graph
from kgraph.errors import AmbiguousNameError, ConfigError, GraphFormatError, InputNotFoundError, UnknownNameError
from kgraph.io import write_graphml, write_node_link
from kgraph.query import KnowledgeGraph, date_in_range, load, normalize


@pytest.fixture(scope="module")
def kg():
    return KnowledgeGraph(build_graph())


def records(df, *columns):
    return [tuple(row) for row in df[list(columns)].itertuples(index=False)]


def test_docstring_examples_run():
    for module in (kgraph.query.core, kgraph.query.names):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("name, node", [
    ("Kerry", "person:john-kerry"),  # a person beats the place County Kerry
    ("mr. KERRY", "person:john-kerry"),
    ("Kerry’s", "person:john-kerry"),
    ("person:john-kerry", "person:john-kerry"),
    ("Vladimir Putin", "person:vladimir-putin"),  # initials dropped
    ("Putin", "person:vladimir-putin"),  # surname alone
    ("the U.S.", "country:USA"),
    ("usa", "country:USA"),
    ("Russian", "country:RUS"),
    ("Robert Ford", "person:robert-ford"),
    ("Ford Motor Company", "organization:ford"),
    ("County Kerry", "location:kerry"),
    ("meeting:m2", "meeting:m2"),
])
def test_names_resolve_by_any_alias(kg, name, node):
    assert kg.node(name) == node


def test_unknown_name_suggests_close_names(kg):
    with pytest.raises(UnknownNameError) as err:
        kg.meetings("Kery")
    assert "John Kerry" in str(err.value) and err.value.exit_code == 8
    with pytest.raises(UnknownNameError, match="kgraph query entities"):
        kg.neighbors("Zzyzx Qwerty")


def test_ambiguous_name_lists_its_candidates(kg):
    # two people called Ford (and a company, which a person outranks): no silent pick
    with pytest.raises(AmbiguousNameError) as err:
        kg.meetings("Ford")
    assert err.value.candidates == [("person:robert-ford", "Robert Ford"), ("person:gerald-ford", "Gerald Ford")]
    message = str(err.value)
    assert message.startswith("[E502] 'Ford' could mean 2 people: Robert Ford (person:robert-ford; USA, 3 mentions)")
    assert "Gerald Ford (person:gerald-ford; USA, 1 mention)" in message and "node id" in message
    assert err.value.exit_code == 8
    # one of a kind is not ambiguous: the person Kerry beats the place County Kerry
    assert kg.node("Kerry") == "person:john-kerry"


def test_normalize():
    assert normalize("The  United States.") == "united states"
    assert normalize("Obama’s") == normalize("obama's") == "obama"


def test_meetings_of_one_person_in_date_order_without_negated_ones(kg):
    df = kg.meetings("Putin")
    assert records(df, "id", "date", "location", "participants") == [
        ("meeting:m3", "2013", "Moscow", "John Kerry; Vladimir V. Putin"),
        ("meeting:m1", "2015-05-12", "Sochi", "John Kerry; Vladimir V. Putin"),
        ("meeting:m4", "", "Moscow", "Angela Merkel; Vladimir V. Putin"),
    ]
    assert records(df.head(1), "doc_id", "sent_index", "sentence") == [("d1", 7, S["d1", 7])]
    assert kg.meetings("Obama").empty  # "did not attend" is not attendance


def test_meetings_of_two_people_at_a_place(kg):
    df = kg.meetings("Kerry", "Lavrov", place="Geneva")
    assert records(df, "id", "date", "date_text", "status", "doc_id") == [
        ("meeting:m2", "2015-03-02", "March 2, 2015", "held", "d2")]
    assert kg.meetings("Kerry", "Lavrov", place="Sochi").empty
    assert kg.meetings("Merkel", "Kerry").empty


def test_place_matches_places_inside_a_country(kg):
    assert list(kg.meetings(place="Russia").id) == ["meeting:m3", "meeting:m5", "meeting:m1", "meeting:m4"]
    moscow = kg.meetings(place="moscow")
    assert list(moscow.id) == ["meeting:m3", "meeting:m5", "meeting:m4"]
    assert records(moscow[moscow.id == "meeting:m5"], "participants", "negated_participants") == [("", "Barack Obama")]
    assert list(kg.meetings("Kerry", place="Turkey").id) == ["meeting:m6"]
    assert kg.meetings("Obama", place="Moscow").empty
    with pytest.raises(UnknownNameError):
        kg.meetings(place="Atlantis")


def test_meetings_between_dates_compare_iso_prefixes(kg):
    assert list(kg.meetings("Kerry", start="2015", end="2015-04").id) == ["meeting:m2"]
    assert list(kg.meetings("Kerry", start="2015-05").id) == ["meeting:m1", "meeting:m6"]
    assert list(kg.meetings("Kerry", end="2014").id) == ["meeting:m3"]
    assert date_in_range("2015", "2015-03-01", None) and not date_in_range("", "2015", None)
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        kg.meetings("Kerry", start="May 2015")


def test_statements_filtered_by_subject_object_category_negation(kg):
    aid = kg.statements(subject="Russia", category="AID")
    assert records(aid, "subject", "relation", "object", "category", "doc_id", "sent_index", "sentence") == [
        ("Russia", "supply", "Syria", "AID", "d1", 12, S["d1", 12])]
    assert records(kg.statements(category="aid"), "subject") == [("Russia",), ("Iran",)]
    assert set(kg.statements(subject="Russia", object="Syria").category) == {"AID", "SUPPORT"}  # parallel edges
    assert records(kg.statements(negated=True), "subject", "relation", "object") == [
        ("Barack Obama", "attend", "Moscow")]
    assert len(kg.statements(negated=False)) == 9 and len(kg.statements()) == 10
    with pytest.raises(ConfigError, match="PLOVER"):
        kg.statements(category="HUG")


def test_entities_by_kind_and_country(kg):
    people = kg.entities(kind="person")
    assert (people.label == "John Kerry").sum() == 1 and set(people.kind) == {"person"}
    assert list(kg.entities(country="Russia").id) == [
        "location:moscow", "location:sochi", "person:sergey-lavrov", "person:vladimir-putin"]
    assert list(kg.entities(country="DEU").label) == ["Angela Merkel"]  # through affiliated_with only
    assert list(kg.entities(country="IRL").id) == ["location:kerry"]  # an ISO3 without a country node
    assert "meeting" not in set(kg.entities().kind)
    with pytest.raises(ConfigError, match="person"):
        kg.entities(kind="spaceship")


def test_neighbors_look_through_meetings(kg):
    got = set(records(kg.neighbors("Kerry"), "neighbor", "relation", "direction", "meeting_id"))
    assert got == {
        ("Vladimir V. Putin", "meet", "out", ""), ("Vladimir V. Putin", "participant", "meeting", "meeting:m1"),
        ("Vladimir V. Putin", "participant", "meeting", "meeting:m3"), ("Sochi", "held_in", "meeting", "meeting:m1"),
        ("Moscow", "held_in", "meeting", "meeting:m3"), ("Geneva", "held_in", "meeting", "meeting:m2"),
        ("Sergey V. Lavrov", "participant", "meeting", "meeting:m2"), ("Sergey V. Lavrov", "work with", "out", ""),
        ("NATO", "participant", "meeting", "meeting:m6"), ("Turkey", "held_in", "meeting", "meeting:m6"),
        ("Russia", "travel to", "out", ""), ("State Department", "affiliated_with", "out", ""),
    }
    obama = kg.neighbors("Obama")
    assert set(obama.negated) == {True} and set(obama.neighbor) == {"Moscow"}


def test_evidence_collects_direct_and_meeting_sentences(kg):
    df = kg.evidence("Kerry", "Putin")
    assert records(df, "via", "subject", "relation", "object", "meeting_id", "sent_index") == [
        ("edge", "John Kerry", "meet", "Vladimir V. Putin", "", 0),
        ("meeting", "John Kerry", "participant", "John Kerry, Vladimir V. Putin in Sochi", "meeting:m1", 0),
        ("meeting", "Vladimir V. Putin", "participant", "John Kerry, Vladimir V. Putin in Sochi", "meeting:m1", 0),
        ("meeting", "John Kerry", "participant", "John Kerry, Vladimir V. Putin in Moscow", "meeting:m3", 7),
        ("meeting", "Vladimir V. Putin", "participant", "John Kerry, Vladimir V. Putin in Moscow", "meeting:m3", 7),
    ]
    assert set(df.sentence) == {S["d1", 0], S["d1", 7]}
    assert kg.evidence("Merkel", "Lavrov").empty


def test_path_uses_affirmed_links_only(kg):
    df = kg.path("Merkel", "Lavrov")
    assert records(df, "step", "source", "relation", "target", "direction") == [
        (1, "Angela Merkel", "participant", "Angela Merkel, Vladimir V. Putin in Moscow", "forward"),
        (2, "Angela Merkel, Vladimir V. Putin in Moscow", "participant", "Vladimir V. Putin", "backward"),
        (3, "Vladimir V. Putin", "meet", "John Kerry", "backward"),
        (4, "John Kerry", "work with", "Sergey V. Lavrov", "forward"),
    ]
    assert list(df.sentence) == [S["d1", 20], S["d1", 20], S["d1", 0], S["d1", 25]]
    assert kg.path("Obama", "Putin").empty  # Obama's only links are negated
    assert kg.path("Kerry", "Kerry").empty


def test_timeline_sorted_by_date(kg):
    df = kg.timeline("Kerry")
    assert records(df, "date", "type", "relation", "object", "place") == [
        ("2013", "meeting", "meet", "Vladimir V. Putin", "Moscow"),
        ("2015-03-02", "meeting", "meet", "Sergey V. Lavrov", "Geneva"),
        ("2015-05-11", "statement", "travel to", "Russia", ""),
        ("2015-05-12", "meeting", "visit", "Vladimir V. Putin", "Sochi"),
        ("2015-05-12", "statement", "meet", "Vladimir V. Putin", ""),
        ("2015-05-12", "meeting", "multilateral", "NATO", "Turkey"),
    ]
    undated = kg.timeline("Kerry", undated=True)
    assert len(undated) == 7 and records(undated.tail(1), "date", "relation") == [("", "work with")]
    assert kg.timeline("Obama").iloc[0].negated  # the denied attendance, flagged


def test_dyads_roll_people_up_to_countries(kg):
    df = kg.dyads().set_index(["source", "target"])
    assert list(df.index) == [("USA", "RUS"), ("RUS", "USA"), ("RUS", "SYR"), ("DEU", "RUS"), ("IRN", "SYR"),
                              ("RUS", "DEU"), ("RUS", "UKR")]
    usa_rus = df.loc[("USA", "RUS")]
    # three meetings (Sochi, Geneva, Moscow); the "travel to"/"meet" CONSULT statements are those meetings
    assert (usa_rus.CONSULT, usa_rus.SANCTION, usa_rus.ACCUSE, usa_rus.COOPERATE) == (3, 1, 1, 1)
    assert (usa_rus.cooperation, usa_rus.conflict, usa_rus.total) == (4, 2, 6)
    assert usa_rus.target_name == "Russia"
    assert (df.loc[("RUS", "SYR")].AID, df.loc[("RUS", "SYR")].SUPPORT) == (1, 1)
    assert df.loc[("RUS", "UKR")].material_conflict == 1
    assert ("USA", "USA") not in df.index  # no domestic pairs; Obama's negated attendance counts nowhere


def test_load_graphml_folder_and_node_link(tmp_path):
    g = build_graph()
    write_graphml(g, tmp_path / "graph.graphml")
    write_node_link(g, tmp_path / "other.json")
    for source in (tmp_path, tmp_path / "graph.graphml", tmp_path / "other.json"):
        assert list(load(source).meetings("Kerry", "Lavrov").date) == ["2015-03-02"]
    assert list(kgraph.load(str(tmp_path)).meetings("Putin").id) == ["meeting:m3", "meeting:m1", "meeting:m4"]
    with pytest.raises(InputNotFoundError, match="kgraph build"):
        load(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputNotFoundError):
        load(tmp_path / "empty")


def test_wraps_foreign_graph_types_but_rejects_non_kgraph_graphs():
    g = nx.DiGraph()
    g.add_node("a", kind="person", label="A")
    assert isinstance(KnowledgeGraph(g).graph, nx.MultiDiGraph)
    with pytest.raises(GraphFormatError):
        KnowledgeGraph(nx.path_graph(3))


def test_queries_do_not_modify_the_graph():
    g = build_graph()
    before = (dict(g.nodes(data=True)), sorted(g.edges(keys=True, data=True), key=repr))
    kg = KnowledgeGraph(g)
    kg.meetings("Kerry", place="Russia"), kg.dyads(), kg.path("Merkel", "Lavrov"), kg.timeline("Kerry")
    assert (dict(g.nodes(data=True)), sorted(g.edges(keys=True, data=True), key=repr)) == before


def test_dyads_filtered_by_category_dates_and_confidence(kg):
    def rows(df, *columns):
        return records(df, "source", "target", *columns)

    assert rows(kg.dyads(category="sanction"), "SANCTION", "CONSULT", "total") == [("USA", "RUS", 1, 0, 1)]
    # 2015-01..2015-04: the Geneva meeting (2015-03-02) and the dated accusation (2015-04);
    # Sochi (2015-05-12), Moscow (2013) and the undated events drop out
    assert rows(kg.dyads(start="2015", end="2015-04"), "CONSULT", "ACCUSE", "total") == [
        ("USA", "RUS", 1, 1, 2), ("RUS", "USA", 1, 0, 1)]
    # only the two statements read with confidence 0.9; meetings are 0.8 sure
    assert rows(kg.dyads(min_confidence=0.85), "AID", "SANCTION", "total") == [
        ("RUS", "SYR", 1, 0, 1), ("USA", "RUS", 0, 1, 1)]
    assert kg.dyads(category="ASSAULT", start="2016").empty
    with pytest.raises(ConfigError, match="PLOVER"):
        kg.dyads(category="HUG")
    with pytest.raises(ConfigError, match="ISO date"):
        kg.dyads(end="soon")


def test_evidence_between_two_countries_is_the_sentences_behind_their_dyads(kg):
    df = kg.evidence("United States", "Russia")
    counted = kg.dyads().set_index(["source", "target"])
    assert counted.loc[("USA", "RUS")].total == 6
    assert records(df, "via", "subject", "relation", "category", "doc_id", "sent_index") == [
        ("meeting", "John Kerry", "participant", "CONSULT", "d1", 0),
        ("meeting", "Vladimir V. Putin", "participant", "CONSULT", "d1", 0),
        ("meeting", "John Kerry", "participant", "CONSULT", "d1", 7),
        ("meeting", "Vladimir V. Putin", "participant", "CONSULT", "d1", 7),
        ("statement", "State Department", "charge", "ACCUSE", "d1", 16),
        ("statement", "United States", "impose sanction on", "SANCTION", "d1", 22),
        ("statement", "John Kerry", "work with", "COOPERATE", "d1", 25),
        ("meeting", "John Kerry", "participant", "CONSULT", "d2", 0),
        ("meeting", "Sergey V. Lavrov", "participant", "CONSULT", "d2", 0),
    ]
    assert set(df.sentence) == {S["d1", 0], S["d1", 7], S["d1", 16], S["d1", 22], S["d1", 25], S["d2", 0]}
    assert records(kg.evidence("Russia", "Germany"), "subject", "meeting_id", "sentence") == [
        ("Angela Merkel", "meeting:m4", S["d1", 20]), ("Vladimir V. Putin", "meeting:m4", S["d1", 20])]
    assert records(kg.evidence("USA", "RUS", category="SANCTION"), "subject", "relation", "object") == [
        ("United States", "impose sanction on", "Russia")]
    assert kg.evidence("Iran", "Germany").empty
    with pytest.raises(ConfigError, match="both countries"):
        kg.evidence("Kerry", "Putin", category="CONSULT")


def test_min_confidence_on_statements_and_meetings(kg):
    assert records(kg.statements(min_confidence=0.85), "subject", "relation", "object", "confidence") == [
        ("Russia", "supply", "Syria", 0.9), ("United States", "impose sanction on", "Russia", 0.9)]
    assert len(kg.statements(min_confidence=0.6)) == 9 and len(kg.statements(min_confidence=0.61)) == 6
    assert records(kg.meetings("Kerry", min_confidence=0.8), "id", "meeting_mode", "confidence") == [
        ("meeting:m3", "meet", 0.8), ("meeting:m2", "meet", 0.8), ("meeting:m1", "visit", 0.8),
        ("meeting:m6", "multilateral", 0.8)]
    assert kg.meetings(min_confidence=0.81).empty
    for bad in (1.5, -0.1, "sure"):
        with pytest.raises(ConfigError, match="from 0 to 1"):
            kg.statements(min_confidence=bad)


def test_no_column_shadows_a_dataframe_attribute(kg):
    import pandas as pd

    from kgraph.tables import graph_tables

    frames = [kg.entities(), kg.meetings(), kg.statements(), kg.timeline("Kerry"), kg.neighbors("Kerry"),
              kg.evidence("Kerry", "Putin"), kg.path("Kerry", "Syria"), kg.dyads(), kg.documents(),
              *graph_tables(kg.graph).values()]
    taken = {c for df in frames for c in df.columns if hasattr(pd.DataFrame, c)}
    assert taken == set()
    assert "meeting_mode" in kg.meetings().columns


def test_documents_lists_titles_dates_and_links():
    g = build_graph()
    assert KnowledgeGraph(g).documents().empty
    g.graph["document_info"] = {"d2": {"title": "Kerry meets Lavrov", "date": "2015-03-02"},
                                "d1": {"title": "Kerry to meet Putin", "url": "https://example.org/d1"}}
    assert records(KnowledgeGraph(g).documents(), "doc_id", "title", "date", "url") == [
        ("d1", "Kerry to meet Putin", "", "https://example.org/d1"), ("d2", "Kerry meets Lavrov", "2015-03-02", "")]
