"""The graph's vocabulary: node kinds, relations, PLOVER categories, meeting modes and statuses.

One module that every stage reads, so that the words of the graph contract
(``docs/graph-schema.md``) are written once: a misspelt ``"organisation"`` in
one module would otherwise make a node kind that no filter, colour or scorer
knows about.  Plain strings, not enums, because they travel as they are into
GraphML, JSON, CSV and DataFrames, and users compare them with literals.

>>> from kgraph import schema
>>> schema.PERSON in schema.ENTITY_KINDS
True
>>> schema.quad_class("REQUEST"), schema.quad_class("AID"), schema.quad_class("")
('verbal_conflict', 'material_cooperation', '')
>>> schema.is_structural(schema.PARTICIPANT), schema.is_structural("meet")
(True, False)
"""
from __future__ import annotations

# Node kinds.
PERSON = "person"
ORGANIZATION = "organization"
COUNTRY = "country"
LOCATION = "location"
MEETING = "meeting"
ENTITY_KINDS = (PERSON, ORGANIZATION, COUNTRY, LOCATION)
ACTOR_KINDS = (PERSON, ORGANIZATION, COUNTRY)
NODE_KINDS = (*ENTITY_KINDS, MEETING)

# Structural edge relations; every other relation is a statement's normalised predicate.
PARTICIPANT = "participant"
HELD_IN = "held_in"
LOCATED_IN = "located_in"
AFFILIATED_WITH = "affiliated_with"
STRUCTURAL = (PARTICIPANT, HELD_IN, LOCATED_IN, AFFILIATED_WITH)
COUNTRY_LINKS = frozenset({AFFILIATED_WITH, LOCATED_IN})

# PLOVER event types, grouped as PLOVER's quad classes (CAMEO's verbal/material
# cooperation/conflict), in the order of the PLOVER manual.
QUAD_CLASSES: dict[str, tuple[str, ...]] = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
PLOVER = tuple(c for members in QUAD_CLASSES.values() for c in members)
COOPERATION = QUAD_CLASSES["verbal_cooperation"] + QUAD_CLASSES["material_cooperation"]
CONFLICT = QUAD_CLASSES["verbal_conflict"] + QUAD_CLASSES["material_conflict"]
CONSULT = "CONSULT"

# Meeting modes and statuses (node attributes ``mode`` and ``status``; empty when unclear).
VISIT = "visit"
HOST = "host"
MEET = "meet"
MULTILATERAL = "multilateral"
PHONE = "phone"
MEETING_MODES = (VISIT, HOST, MEET, MULTILATERAL, PHONE)
PLANNED = "planned"
HELD = "held"
CANCELLED = "cancelled"
MEETING_STATUSES = (PLANNED, HELD, CANCELLED)


def quad_class(category: str) -> str:
    """The quad class of a PLOVER category, or ``""`` for none or an unknown one."""
    return next((name for name, members in QUAD_CLASSES.items() if category in members), "")


def is_structural(relation: str) -> bool:
    """True for the four structural relations, False for statements."""
    return relation in STRUCTURAL
