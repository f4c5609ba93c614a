"""The knowledge kgraph reads text with, loaded from the JSON files in ``kgraph/data``.

Logic lives in ``kgraph.extract``; the words it reacts to (trigger verbs and
their PLOVER categories, titles, demonyms, organisations, places, office
holders) live in data files that can be reviewed and extended without
touching code.  See ``kgraph/data/README.md`` for the formats.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from kgraph.errors import ConfigError
from kgraph.geo import Gazetteer, load_gazetteer, name_key
from kgraph.names import fold_surname


def _read(name: str, data_dir: str | None = None) -> dict:
    if data_dir:
        from pathlib import Path

        path = Path(data_dir) / name
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)
    with resources.files("kgraph").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class EventType:
    category: str
    cameo: str = ""
    confidence: float = 0.7
    reverse: bool = False  # the subject receives: "received weapons from Russia"


@dataclass(frozen=True)
class StatementPattern:
    """One statement shape from ``statement_patterns.json`` (its ``_about`` documents the fields)."""

    id: str
    pattern: tuple  # DependencyMatcher node specs, '@list' references already expanded
    source: tuple[str, str]  # ("node" | "subject_of" | "actor_in", node name)
    target: tuple[str, str]
    anchor: str
    category: str = ""  # fixed PLOVER category, or "" when taken from an event noun
    cameo: str = ""
    category_from: str = ""  # node whose event-noun entry gives the category
    relation: str = ""
    confidence: float = 0.6
    checks: tuple[str, ...] = ()
    fires: tuple[tuple[str, tuple[str, str, str]], ...] = ()
    silent: tuple[tuple[str, tuple[str, str, str]], ...] = ()


@dataclass(frozen=True)
class Organization:
    name: str
    country: str = ""
    kind: str = ""
    ambiguous: bool = False


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    role: str = ""  # the latest role
    gender: str = ""
    terms: tuple[tuple[str, int, int], ...] = ()  # (role, from year, to year; 9999 while in office)

    def role_in(self, year: int) -> str:
        """The role held in ``year``; else the last one taken up before it; else the latest.

        >>> kerry = Leader("John Kerry", "USA", "Special Envoy", "m",
        ...                (("Secretary of State", 2013, 2017), ("Special Envoy", 2021, 2024)))
        >>> kerry.role_in(2015), kerry.role_in(2019), kerry.role_in(0)
        ('Secretary of State', 'Secretary of State', 'Special Envoy')
        """
        held = [t for t in self.terms if t[1] <= year <= t[2]]
        if held:
            return max(held, key=lambda t: t[1])[0]
        earlier = [t for t in self.terms if t[1] <= year]
        return max(earlier, key=lambda t: t[2])[0] if earlier else self.role


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, EventType] = field(default_factory=dict)
    nouns: dict[str, EventType] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    undergoing_verbs: frozenset[str] = frozenset()  # "face sanctions": the subject receives the noun's event
    stative_participles: frozenset[str] = frozenset()  # "is opposed to": a stance of the subject, not a passive
    generic_event_heads: frozenset[str] = frozenset()  # "mediation effort": the modifier names the event
    joint_activity_nouns: frozenset[str] = frozenset()  # "war games" held together are cooperation
    partitive_nouns: frozenset[str] = frozenset()  # "part of a stronghold": the act is about the stronghold
    measure_nouns: frozenset[str] = frozenset()  # "5 million dollars of aid": the act is about aid
    statement_patterns: tuple[StatementPattern, ...] = ()
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)  # statement_patterns.json "lists"
    meeting_verbs: dict[str, str] = field(default_factory=dict)  # lemma -> mode
    meeting_nouns: dict[str, str] = field(default_factory=dict)
    object_participant_verbs: frozenset[str] = frozenset()
    planned_cues: frozenset[str] = frozenset()
    cancelled_cues: frozenset[str] = frozenset()
    held_cues: frozenset[str] = frozenset()  # "talks resumed", "were held": the meeting took place
    meeting_means: dict[str, str] = field(default_factory=dict)  # "by telephone" -> phone
    sequence_adverbs: frozenset[str] = frozenset()  # "met A, then B": two meetings
    group_members: frozenset[str] = frozenset()  # "NATO leaders": a body's members meeting as the body
    attendee_verbs: frozenset[str] = frozenset()  # "a summit involving X", "talks attended by X"
    travel_verbs: frozenset[str] = frozenset()  # "travelled to Syria": movement, a visit only for a public figure
    participation_verbs: frozenset[str] = frozenset()  # "attended the summit": the subject takes part
    host_verbs: frozenset[str] = frozenset()  # "hosted talks": the subject hosts
    avoiding_verbs: frozenset[str] = frozenset()  # "boycotted the summit": a denied participation
    place_nouns: frozenset[str] = frozenset()  # "the city of Sochi"
    quantity_nouns: frozenset[str] = frozenset()  # "two rounds of talks"
    asserting_verbs: frozenset[str] = frozenset()  # "held a conference": the meeting took place, whoever met
    sending_verbs: frozenset[str] = frozenset()  # "sent X to Caracas, where he met": X is the one who went
    delegate_verbs: frozenset[str] = frozenset()  # "Menon represented India" at the talks India held
    combat_nouns: frozenset[str] = frozenset()  # "troops met government forces": an encounter in war, no meeting
    titles: dict[str, str] = field(default_factory=dict)  # lowercase title -> display
    honorifics: frozenset[str] = frozenset()
    family_first: frozenset[str] = frozenset()  # "Wang Yi": the family name comes first
    gender_cues: dict[str, str] = field(default_factory=dict)
    head_of_state: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    organizations: dict[str, Organization] = field(default_factory=dict)  # name_key -> org
    actor_heads: frozenset[str] = frozenset()  # "government", "officials", ...
    international_words: frozenset[str] = frozenset()  # "International", "World": a body of no one country
    award_words: frozenset[str] = frozenset()  # "Medal", "Prize": an honour, not an actor
    admin_units: frozenset[str] = frozenset()  # "State", "Province": a place inside one country
    generic_institutions: frozenset[str] = frozenset()  # "congress", "supreme court": one per country
    common_person_nouns: frozenset[str] = frozenset()  # "man", "citizen": not a role, but a nationality cue
    name_particles: frozenset[str] = frozenset()  # "de", "van": part of a surname, not a first name
    organization_heads: frozenset[str] = frozenset()  # "Coast Guard", "Party": a name ending so is an organisation
    facility_heads: frozenset[str] = frozenset()  # "Centre", "Stadium": a name ending so is a place
    body_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "bloc" -> organisation kinds it names
    body_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # "regional" -> kinds it allows
    not_actors: dict[str, str] = field(default_factory=dict)  # name_key -> what it is (byline, disease ...)
    leaders: dict[str, Leader] = field(default_factory=dict)  # name_key of full name/alias -> leader
    leaders_by_surname: dict[str, tuple[Leader, ...]] = field(default_factory=dict)
    gazetteer: Gazetteer = field(default_factory=Gazetteer)

    max_title_words: int = 1  # the longest title in words, computed once by load_lexicon

    def organization(self, text: str) -> Organization | None:
        return self.organizations.get(name_key(text))

    def leader(self, text: str) -> Leader | None:
        return self.leaders.get(name_key(text))


def _event_types(entries: dict) -> dict[str, EventType]:
    out = {}
    for key, value in entries.items():
        if key.startswith("_"):
            continue
        if isinstance(value, str):
            value = {"category": value}
        out[key.lower().strip()] = EventType(
            value["category"], str(value.get("cameo", "")), float(value.get("confidence", 0.7)),
            bool(value.get("reverse", False)),
        )
    return out


def _not_actors(data: dict) -> dict[str, str]:
    """Each list of ``not_actors.json`` (bylines, diseases, products ...) as name -> list name."""
    out: dict[str, str] = {}
    for what, names in data.items():
        if not what.startswith("_") and isinstance(names, list):
            for n in names:
                out.setdefault(name_key(n), what)
    return out


def _expand(value, lists: dict):
    """Replace ``"@name"`` by the named word list, inside any nesting of dicts and lists."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise KeyError(f"statement_patterns.json: unknown word list {value!r}")
        return sorted(lists[value[1:]])
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lists) for v in value]
    return value


def _examples(entries) -> tuple:
    return tuple((e["text"], tuple(e["triple"])) for e in entries)


def _statement_patterns(data: dict, events: dict) -> tuple[dict[str, frozenset[str]], tuple[StatementPattern, ...]]:
    lists = {k: v for k, v in events.items() if isinstance(v, list)}
    lists.update(data.get("lists", {}))
    out = []
    for spec in data.get("patterns", []):
        _check_tree_operators(spec)
        made = spec["produces"]
        out.append(StatementPattern(
            id=spec["id"], pattern=tuple(_expand(spec["pattern"], lists)),
            source=next(iter(spec["source"].items())), target=next(iter(spec["target"].items())),
            anchor=spec.get("anchor", spec["pattern"][0]["RIGHT_ID"]),
            category=made.get("category", ""), cameo=str(made.get("cameo", "")),
            category_from=made.get("category_from", ""), relation=made.get("relation", ""),
            confidence=float(made.get("confidence", 0.6)), checks=tuple(spec.get("checks", ())),
            fires=_examples(spec.get("fires", ())), silent=_examples(spec.get("silent", ())),
        ))
    return {k: frozenset(v) for k, v in lists.items()}, tuple(out)


# Operators that relate tokens through the parse tree (heads, descendants, siblings): a match
# then lies in one sentence, which lets kgraph.extract.patterns run each pattern per sentence.
TREE_OPERATORS = frozenset({">", ">>", "<", "<<", "$+", "$-", "$++", "$--"})


def _check_tree_operators(spec: dict) -> None:
    bad = sorted({n["REL_OP"] for n in spec.get("pattern", []) if "REL_OP" in n} - TREE_OPERATORS)
    if bad:
        raise ConfigError(f"statement_patterns.json, pattern {spec.get('id')!r}: REL_OP {', '.join(bad)} "
                          f"relates tokens by word order, which may cross sentences; use one of "
                          f"{', '.join(sorted(TREE_OPERATORS))}")


# word lists of meetings.json read as they are (field name = key in the file)
MEETING_WORD_LISTS = ("sequence_adverbs", "group_members", "attendee_verbs", "travel_verbs", "participation_verbs",
                      "host_verbs", "avoiding_verbs", "place_nouns", "quantity_nouns", "asserting_verbs",
                      "sending_verbs", "delegate_verbs", "combat_nouns")


def _descriptions(data: dict) -> dict:
    """Word lists of descriptions.json (definite descriptions of an organisation)."""
    return {name: {k.lower(): frozenset(v) for k, v in data.get(name, {}).items() if not k.startswith("_")}
            for name in ("body_nouns", "body_modifiers")}


def _organizations(orgs: dict) -> dict[str, Organization]:
    """name_key of every name and alias -> its organisation."""
    out: dict[str, Organization] = {}
    for name, info in orgs.get("organizations", orgs).items():
        if name.startswith("_") or not isinstance(info, dict):
            continue
        org = Organization(name, info.get("country", ""), info.get("kind", ""), bool(info.get("ambiguous")))
        for alias in [name, *info.get("aliases", [])]:
            out.setdefault(name_key(alias), org)
    return out


def load_organizations(data_dir: str | None = None) -> dict[str, Organization]:
    """The organisation knowledge base alone (name_key -> organisation), for a step that needs no
    more of the lexicon: loading all of it would also read the gazetteer index."""
    return _organizations(_read("organizations.json", data_dir))


def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """Read every data file; called once per build (or once per worker).

    ``data_dir`` may hold replacement files (same names) to extend or override
    the shipped lexicons without editing the package.
    """
    events = _read("events.json", data_dir)
    meetings = _read("meetings.json", data_dir)
    titles = _read("titles.json", data_dir)
    orgs = _read("organizations.json", data_dir)
    places = _read("places.json", data_dir)
    countries = _read("countries.json", data_dir)
    leaders_data = _read("leaders.json", data_dir)
    word_lists, statement_patterns = _statement_patterns(_read("statement_patterns.json", data_dir), events)

    organizations = _organizations(orgs)
    leaders: dict[str, Leader] = {}
    people = []
    for person in leaders_data.get("people", []):
        roles = person.get("roles") or [{}]
        latest = max(roles, key=lambda r: r.get("to") or 9999)
        terms = tuple((r.get("role", ""), int(r.get("from") or 0), int(r.get("to") or 9999)) for r in roles if r.get("role"))
        leader = Leader(person["name"], person.get("country", ""), latest.get("role", ""), person.get("gender", ""), terms)
        people.append((person, leader))
        for alias in [person["name"], *person.get("aliases", [])]:
            if len(alias.split()) >= 2:  # a bare surname is too ambiguous to link by itself
                leaders.setdefault(name_key(alias), leader)
    by_surname: dict[str, list[Leader]] = {}
    for person, leader in people:
        # the surname ("al-Assad" folded to "assad") and one-word aliases ("Qaddafi") find the person
        keys = {fold_surname(name_key(leader.name.split()[-1]))}
        keys |= {fold_surname(name_key(a)) for a in person.get("aliases", []) if len(a.split()) == 1}
        for key in keys:
            by_surname.setdefault(key, []).append(leader)
    status = meetings.get("status", {})
    title_map = {k.lower(): v for k, v in titles.get("titles", {}).items()}
    return Lexicon(
        verbs=_event_types(events.get("verbs", {})),
        nouns=_event_types(events.get("nouns", {})),
        light_verbs=frozenset(events.get("light_verbs", [])),
        undergoing_verbs=frozenset(events.get("undergoing_verbs", [])),
        stative_participles=frozenset(events.get("stative_participles", [])),
        generic_event_heads=frozenset(events.get("generic_event_heads", [])),
        joint_activity_nouns=frozenset(events.get("joint_activity_nouns", [])),
        partitive_nouns=frozenset(events.get("partitive_nouns", [])),
        measure_nouns=frozenset(events.get("measure_nouns", [])),
        statement_patterns=statement_patterns,
        word_lists=word_lists,
        meeting_verbs={k.lower(): v for k, v in meetings.get("verbs", {}).items() if not k.startswith("_")},
        meeting_nouns={k.lower(): v for k, v in meetings.get("nouns", {}).items() if not k.startswith("_")},
        object_participant_verbs=frozenset(meetings.get("object_participant_verbs", [])),
        planned_cues=frozenset(status.get("planned", [])),
        cancelled_cues=frozenset(status.get("cancelled", [])),
        held_cues=frozenset(status.get("held", [])),
        meeting_means={k.lower(): v for k, v in meetings.get("means", {}).items() if not k.startswith("_")},
        **{name: frozenset(meetings.get(name, [])) for name in MEETING_WORD_LISTS},
        titles=title_map,
        max_title_words=max((len(t.split()) for t in title_map), default=1),
        honorifics=frozenset(h.lower().rstrip(".") for h in titles.get("honorifics", [])),
        family_first=frozenset(titles.get("family_name_first", [])),
        gender_cues={k.lower().rstrip("."): v for k, v in titles.get("gender", {}).items()},
        head_of_state=frozenset(titles.get("head_of_state", [])),
        person_nouns=frozenset(titles.get("person_descriptions", [])),
        organizations=organizations,
        actor_heads=frozenset(orgs.get("government_heads", [])),
        international_words=frozenset(orgs.get("international_name_words", [])),
        award_words=frozenset(orgs.get("award_words", [])),
        admin_units=frozenset(places.get("admin_unit_words", [])),
        generic_institutions=frozenset(name_key(n) for n in orgs.get("generic_institutions", [])),
        organization_heads=frozenset(orgs.get("organization_heads", [])),
        facility_heads=frozenset(orgs.get("facility_heads", [])),
        **_descriptions(_read("descriptions.json", data_dir)),
        name_particles=frozenset(titles.get("name_particles", [])),
        common_person_nouns=frozenset(titles.get("common_person_nouns", [])),
        not_actors=_not_actors(_read("not_actors.json", data_dir)),
        leaders=leaders,
        leaders_by_surname={k: tuple(v) for k, v in by_surname.items()},
        gazetteer=load_gazetteer(countries, places),
    )
