"""Entity and meeting resolution across documents.

Each document arrives with its own clusters (``person:kerry:j``); this stage
decides which of them are the same real entity and gives each a stable,
readable node id (``person:john-kerry``, ``country:RUS``).  People are blocked
by surname, so the work grows with the number of entities, never with all
pairs of mentions.  Meetings are merged across documents only when their
participants are the same and their dates and places agree.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kgraph.extract.aliases import acronym_of, is_acronym
from kgraph.extract.coref import INSTITUTION
from kgraph.names import NAME_SUFFIXES, compatible_first
from kgraph.records import DocResult, Entity, Meeting, Provenance


def slug(text: str) -> str:
    """Readable id part: ``John F. Kerry`` -> ``john-f-kerry``.

    >>> slug("Côte d’Ivoire")
    'cote-d-ivoire'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"


@dataclass
class ResolvedEntity:
    node_id: str
    kind: str
    members: list[tuple[str, Entity]] = field(default_factory=list)  # (doc_id, entity)

    @property
    def label(self) -> str:
        if self.kind in {"country", "organization"}:
            best = Counter(e.name for _, e in self.members).most_common(1)[0][0]
            if is_acronym(best):  # "GEF" is labelled with what it stands for
                best = next((a for a in self.aliases if acronym_of(best, a)), best)
            return best
        names = Counter(e.name for _, e in self.members)
        return max(names, key=lambda n: (len(n.split()) if self.kind == "person" else 0, names[n], len(n), n))

    @property
    def aliases(self) -> list[str]:
        return sorted({a for _, e in self.members for a in (e.name, *e.aliases)})

    def _vote(self, attr: str, members=None) -> str:
        votes = Counter()
        for _, e in self.members if members is None else members:
            value = getattr(e, attr)
            if value:
                votes[value] += e.mentions
        return max(votes, key=lambda v: (votes[v], v)) if votes else ""

    @property
    def country(self) -> str:
        """A country the text states beats one inferred from a document's setting."""
        stated = [(d, e) for d, e in self.members if e.country and not e.country_source]
        return self._vote("country", stated or None)

    @property
    def country_source(self) -> str:
        return "" if any(e.country and not e.country_source for _, e in self.members) else (
            "context" if self.country else "")

    @property
    def role(self) -> str:
        return self._vote("role")

    @property
    def iso3(self) -> str:
        return self._vote("iso3")

    @property
    def mentions(self) -> int:
        return sum(e.mentions for _, e in self.members)

    @property
    def documents(self) -> list[str]:
        return sorted({d for d, _ in self.members})

    @property
    def provenance(self) -> Provenance | None:
        provs = [p for _, e in self.members for p in e.provenance]
        return min(provs, key=lambda p: (p.doc_id, p.sent_index, p.start)) if provs else None


@dataclass
class ResolvedMeeting:
    node_id: str
    members: list[tuple[str, Meeting]] = field(default_factory=list)
    participants: dict[str, tuple[bool, str, Provenance | None]] = field(default_factory=dict)
    place: str = ""


@dataclass
class Resolution:
    entities: dict[str, ResolvedEntity]  # node id -> entity
    key_to_node: dict[tuple[str, str], str]  # (doc id, entity key) -> node id
    meetings: dict[str, ResolvedMeeting]


def _person_blocks(results: list[DocResult]) -> dict[str, list[tuple[str, Entity]]]:
    blocks: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for r in results:
        for e in r.entities:
            if e.kind == "person":
                blocks[e.key.split(":")[1]].append((r.doc_id, e))
    return blocks


def _first_name(e: Entity) -> str:
    """First name, with a generational suffix kept apart (``donald jr`` is not ``donald``)."""
    words = [w for w in e.name.replace(",", " ").split() if w[:1].isalpha()]
    suffix = words[-1].lower().rstrip(".") if len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES else ""
    if len(words) < 2:
        return ""
    surname = e.key.split(":")[1] if e.key.count(":") >= 2 else ""
    # "Wang Yi", "Kim Jong Un": the family name came first, the given name is the rest
    given = "-".join(words[1:]) if slug(words[0]) == surname else words[0]
    first = given.lower().rstrip(".")
    return f"{first} {suffix}" if suffix else first


def _given_names(e: Entity) -> set[str]:
    """Every given name written in any of the entity's forms (``Recep Tayyip Erdoğan``)."""
    out = set()
    for name in (e.name, *e.aliases):
        words = [slug(w) for w in name.replace(",", " ").split() if w[:1].isupper()]
        if words and words[-1] in NAME_SUFFIXES:
            return set()  # "Donald Trump Jr.": the suffix decides, not the given names
        out.update(w for w in words[:-1] if len(w) > 1)
    return out


def _resolve_people(block: list[tuple[str, Entity]]) -> list[list[tuple[str, Entity]]]:
    """Split one surname block into people: first names must be compatible (``Sergey``/``Sergei``,
    ``J.``/``John``; not ``Mary``/``Melania``), or one is a middle name of the other (``Tayyip
    Erdoğan``).  A document that names someone only by surname introduced nobody: the surname
    joins the one person of that name, or the one whose role or country agrees, else stays apart
    (``Johnson`` is not merged when the corpus has Andrew and Boris Johnson)."""
    named: list[tuple[set[str], set[str], list]] = []
    bare = []
    for doc_id, e in sorted(block, key=lambda x: (-len(_first_name(x[1])), x[0], x[1].key)):
        first = _first_name(e)
        if not first:
            bare.append((doc_id, e))
            continue
        given = _given_names(e)
        home = next((g for g in named if all(compatible_first(f, first) for f in g[0])), None)
        if home is None and " " not in first:  # a middle name written as the first: "Tayyip Erdoğan"
            home = next((g for g in named if not any(" " in f for f in g[0]) and (first in g[1] or g[0] & given)), None)
        if home is None:
            home = (set(), set(), [])
            named.append(home)
        home[0].add(first)
        home[1].update(given)
        home[2].append((doc_id, e))
    groups = [g for _, _, g in named]
    unplaced = []
    for doc_id, e in bare:
        home = groups[0] if len(groups) == 1 else None
        if home is None and groups:
            fits = [g for g in groups if (e.role and any(m.role == e.role for _, m in g))
                    or (e.country and any(m.country == e.country for _, m in g))]
            home = fits[0] if len(fits) == 1 else None
        if home is None and groups:
            sizes = sorted(((sum(m.mentions for _, m in g), -i) for i, g in enumerate(groups)), reverse=True)
            if sizes[0][0] >= 3 * sizes[1][0]:
                home = groups[-sizes[0][1]]  # one of them dominates the corpus
        (home if home is not None else unplaced).append((doc_id, e))
    if unplaced:
        groups.append(unplaced)
    return groups


def _entity_base_id(kind: str, e: Entity) -> str:
    """Provisional group id.  A generic institution (``Congress``, ``the Foreign Ministry``) is
    one per country, keyed by the country its document gave it; without one it stays apart."""
    if kind == "country":
        return f"country:{e.iso3}"
    prefix = f"organization:{INSTITUTION}"
    if e.key.startswith(prefix):
        words, _, iso3 = e.key[len(prefix):].partition("|")
        iso3 = iso3 or e.country
        return f"organization:{slug(words)}" + (f"@{iso3.lower()}" if iso3 else "")
    return f"{kind}:{slug(e.name)}"


PLACE_HEADS = frozenset({"strip", "city", "region", "province", "state", "valley", "island", "islands",
                         "peninsula", "territory", "oblast", "governorate", "district", "prefecture"})


def _merge_short_forms(groups: dict[str, list[tuple[str, Entity]]]) -> None:
    """Fold groups written two ways into one: an acronym into the one organisation it is defined
    as somewhere in the corpus (``GEF`` / ``Global Environment Fund (GEF)``), and a place's short
    form into its long form (``Gaza`` / ``Gaza Strip``, ``New York`` / ``New York City``) when one
    long form dominates."""
    def size(gid):
        return sum(e.mentions for _, e in groups[gid])

    names = {gid: {a for _, e in ms for a in (e.name, *e.aliases)} for gid, ms in groups.items()}
    for gid in sorted(groups):
        kind = gid.split(":")[0]
        if gid not in groups or kind not in {"organization", "location"}:
            continue
        own = names[gid]
        target = ""
        if kind == "organization" and all(is_acronym(n) for n in own):
            homes = [o for o in groups if o != gid and o.startswith("organization:")
                     and any(n in names[o] for n in own)
                     and any(not is_acronym(a) and any(acronym_of(n, a) for n in own) for a in names[o])]
            target = homes[0] if len(homes) == 1 else ""
        elif kind == "location":
            short = slug(min(own, key=len))
            longer = sorted((o for o in groups if o.startswith("location:") and o != gid
                             and o[len("location:"):].startswith(short + "-")
                             and o[len("location:") + len(short) + 1:] in PLACE_HEADS), key=lambda o: (-size(o), o))
            if len(longer) == 1 or (len(longer) > 1 and size(longer[0]) >= 2 * size(longer[1])):
                target = longer[0]
        if target:
            groups[target].extend(groups.pop(gid))
            names[target] |= names.pop(gid)


def resolve(results: list[DocResult]) -> Resolution:
    """Merge per-document entities into graph nodes and meetings into meeting nodes."""
    groups: dict[str, list[tuple[str, Entity]]] = defaultdict(list)  # provisional id -> members
    for r in results:
        for e in r.entities:
            if e.kind != "person":
                groups[_entity_base_id(e.kind, e)].append((r.doc_id, e))
    _merge_short_forms(groups)
    people = _person_blocks(results)
    person_groups = []
    for surname in sorted(people):
        person_groups.extend(_resolve_people(people[surname]))

    entities: dict[str, ResolvedEntity] = {}
    key_to_node: dict[tuple[str, str], str] = {}

    def add(kind: str, members: list[tuple[str, Entity]], base: str | None = None) -> None:
        probe = ResolvedEntity("", kind, members)
        node_id = base or f"{kind}:{slug(probe.label)}"
        n = 2
        unique = node_id
        while unique in entities:
            unique = f"{node_id}-{n}"
            n += 1
        probe.node_id = unique
        entities[unique] = probe
        for doc_id, e in members:
            key_to_node[(doc_id, e.key)] = unique

    for gid in sorted(groups):
        base = gid if gid.startswith("country:") else None
        if "@" in gid:  # "organization:russian-defense-ministry-rus": the institution and whose it is
            iso3 = gid.rsplit("@", 1)[1]
            label = slug(ResolvedEntity("", "organization", groups[gid]).label)
            base = f"organization:{label}" + ("" if label.endswith(f"-{iso3}") else f"-{iso3}")
        add(gid.split(":")[0], groups[gid], base)
    for members in sorted(person_groups, key=lambda g: min((d, e.key) for d, e in g)):
        add("person", members)
    meetings = _resolve_meetings(results, key_to_node)
    return Resolution(entities, key_to_node, meetings)


def _same_event(cand: ResolvedMeeting, positive: set[str], place: str, date: str) -> bool:
    """Two documents describe one meeting when nothing conflicts (dates agree to the precision
    both give, places are equal or unknown, one side's participants include the other's) and at
    least two cues agree: both dated, the same day, the same place, two shared participants."""
    cdate = max((m.date for _, m in cand.members), key=len, default="")
    if cdate and date and not (cdate.startswith(date) or date.startswith(cdate)):
        return False
    if cand.place and place and cand.place != place:
        return False
    cpos = {k for k, (neg, _, _) in cand.participants.items() if not neg}
    if cpos and positive and not (cpos <= positive or positive <= cpos):
        return False
    cues = (bool(date and cdate)) + (len(date) == 10 and date == cdate) + bool(place and place == cand.place) \
        + (len(cpos & positive) >= 2)
    return cues >= 2


def _resolve_meetings(results: list[DocResult], key_to_node: dict) -> dict[str, ResolvedMeeting]:
    """Event coreference across documents, blocked by participant and place so that only meetings
    sharing one of them are ever compared."""
    out: dict[str, ResolvedMeeting] = {}
    index: dict[str, list[ResolvedMeeting]] = defaultdict(list)
    for r in results:
        for m in r.meetings:
            parts = {key_to_node[(r.doc_id, p.entity)]: p for p in m.participants if (r.doc_id, p.entity) in key_to_node}
            place = key_to_node.get((r.doc_id, m.place), "") if m.place else ""
            positive = {k for k, p in parts.items() if not p.negated}
            target = None
            seen: set[str] = set()
            for block in sorted(positive | ({place} if place else set())):
                for cand in index[block]:
                    if cand.node_id in seen or (cand.members and cand.members[0][0] == r.doc_id):
                        continue  # one document's meetings were already merged by extraction
                    seen.add(cand.node_id)
                    if _same_event(cand, positive, place, m.date):
                        target = cand
                        break
                if target is not None:
                    break
            if target is None:
                digest = hashlib.sha1(f"{r.doc_id}\0{m.key}".encode()).hexdigest()[:10]
                target = ResolvedMeeting(f"meeting:{digest}")
                out[target.node_id] = target
            for block in positive | ({place} if place else set()):
                if target not in index[block]:
                    index[block].append(target)
            target.members.append((r.doc_id, m))
            target.place = target.place or place
            prov = m.provenance[0] if m.provenance else None
            for node, p in parts.items():
                old = target.participants.get(node)
                if old is None or (old[0] and not p.negated):
                    target.participants[node] = (p.negated, p.role, prov)
    return out
