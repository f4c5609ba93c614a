"""The country a document is set in, and the actors it lends that country to.

Wire stories name the country once and leave its own people, groups and places
unmarked: "President Yoweri Museveni has threatened to ban Ugandan opposition
candidates", "Sudan lifted the state of emergency in West Darfur State". An
analyst reads Museveni as Ugandan and West Darfur as Sudanese; event coders
(PETRARCH, the PLOVER coders) do the same. This module does it only when the
document points at exactly one country, and marks the result as inferred
(``country_source="context"``) so that a country stated anywhere in the
corpus wins over it.

Evidence for the scene is a country named as such (``Sudan``, ``the Turkish
government``) or a place whose country is known (``Abidjan``). A nationality
given to a named person (``South African leader F.W. de Klerk``) is that
person's, not the scene's: in "President Mitterrand welcomed South African
leader de Klerk" the story is not set in South Africa.
"""
from __future__ import annotations

from dataclasses import replace

from kgraph.extract.mentions import Mention
from kgraph.geo import name_key
from kgraph.lexicon import Lexicon
from kgraph.records import Entity

# how far a nationality may stand from the person it describes: before the name
# ("Russian Foreign Minister Sergey Lavrov") and after it ("Angela Merkel of Germany")
BEFORE_PERSON = 5
AFTER_PERSON = 3
ORG_BEFORE_PERSON = 4  # "U.N. envoy Staffan de Mistura", "UN Secretary-General Kofi Annan"
CONTEXT_OWNED_KINDS = {"government", "military", "party", ""}  # institutions every country has


def scene_country(mentions: list[Mention]) -> str:
    """ISO3 of the single country the document's countries and places point at, or "".

    >>> from kgraph.extract.mentions import Mention
    >>> sudan = Mention(0, 0, 1, "Sudan", "country", 0, 0, 5, iso3="SDN")
    >>> darfur = Mention(0, 5, 7, "West Darfur", "location", 0, 30, 41)
    >>> scene_country([sudan, darfur])
    'SDN'
    >>> scene_country([sudan, Mention(0, 9, 10, "Chad", "country", 0, 50, 54, iso3="TCD")])
    ''
    """
    people = [m for m in mentions if m.kind == "person" and m.country]
    found = set()
    for m in mentions:
        if m.kind == "country" and m.iso3 and not nationality_of_person(m, people):
            found.add(m.iso3)
        elif m.kind == "location" and m.country:
            found.add(m.country)
    return found.pop() if len(found) == 1 else ""


def nationality_of_person(c: Mention, people: list[Mention]) -> bool:
    """``Russian Foreign Minister Sergey Lavrov``, ``China's foreign minister, Wang Yi``: the
    country mention only says whose the person is."""
    for p in people:
        if p.chunk != c.chunk or p.sent_index != c.sent_index or p.country != c.iso3:
            continue
        if 0 <= p.start - c.end <= BEFORE_PERSON or 0 <= c.start - p.end <= AFTER_PERSON:
            return True
    return False


def with_scene_country(entities: list[Entity], mentions: list[Mention], lex: Lexicon, scene: str,
                       visitors: frozenset = frozenset()) -> list[Entity]:
    """Entities without a country get the document's scene country (:func:`scene_country`),
    marked as inferred.

    Left alone: visitors (who travel to the scene from elsewhere), international
    bodies of the organisation lexicon (the UN has no country), people
    introduced through an organisation (``UN envoy ...``), and people the
    office-holder knowledge base places elsewhere.
    """
    if not scene:
        return entities
    by_cluster: dict[str, list[Mention]] = {}
    for m in mentions:
        by_cluster.setdefault(m.cluster, []).append(m)
    orgs = [m for m in mentions if m.kind == "organization"]
    out = []
    for e in entities:
        ms = by_cluster.get(e.key, [])
        if e.kind == "country" or e.country or not ms or e.key in visitors or not _may_take_scene(e, ms, orgs, scene, lex):
            out.append(e)
            continue
        out.append(replace(e, country=scene, country_source="context"))
    return out


def _may_take_scene(e: Entity, ms: list[Mention], orgs: list[Mention], scene: str, lex: Lexicon) -> bool:
    if e.kind == "location":
        # a region or sea NER calls LOC ("the Levant", "the Antarctic") may span countries, an
        # administrative unit ("West Darfur State") does not
        return all(m.label != "LOC" or m.text.split()[-1].lower() in lex.admin_units for m in ms)
    if e.kind == "organization":
        known = lex.organization(e.name) or next((lex.organization(m.text) for m in ms if lex.organization(m.text)), None)
        if known is not None:
            # "the Supreme Court" is whichever country's the story is; "The Guardian" is British wherever
            return known.ambiguous and known.kind in CONTEXT_OWNED_KINDS
        words = name_key(e.name)
        return not any(w in lex.international_words for w in (*words.split(), words))
    if any(m.kb_country and m.kb_country != scene for m in ms):
        return False
    for m in ms:
        for o in orgs:
            if o.chunk == m.chunk and o.sent_index == m.sent_index and 0 <= m.start - o.end <= ORG_BEFORE_PERSON:
                return False
    return True
