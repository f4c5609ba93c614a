"""One parsed document in, one :class:`~kgraph.records.DocResult` out.

The only place (with :mod:`kgraph.nlp`) where spaCy objects exist.  The steps
are plain functions: find and repair mentions, cluster them (coreference),
read statements and meetings sentence by sentence, merge meeting mentions,
then freeze everything into records with provenance.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from kgraph.extract.actors import Chunk, DocContext, employers
from kgraph.extract.context import scene_country, with_scene_country
from kgraph.extract.coref import cluster_mentions, merge_aliases
from kgraph.extract.eventcoref import diplomatic, merge_mentions
from kgraph.extract.meetings import noun_meetings, verb_meetings
from kgraph.extract.mentions import Mention, find_mentions
from kgraph.extract.nameevidence import body_entity_words, body_name_words, body_surnames, person_name_words
from kgraph.extract.speech import (
    allegation_statements,
    obligation_statements,
    request_statements,
)
from kgraph.extract.patterns import build_matcher, pattern_statements
from kgraph.extract.statements import nominal_statements, verbal_statements
from kgraph.lexicon import Lexicon
from kgraph.records import (
    DocResult,
    Document,
    Entity,
    Meeting,
    Participation,
    Provenance,
)

__all__ = ["extract_document"]


def extract_document(document: Document, chunks: list, lex: Lexicon) -> DocResult:
    """Read one document (its parsed ``(offset, spacy.Doc)`` chunks) into records."""
    sentences: dict[tuple[int, int], tuple[int, str]] = {}
    ctx_chunks: list[Chunk] = []
    mentions: list[Mention] = []
    n_sent = 0
    tokens = 0
    confirmed: set[str] = set()
    body_words: set[str] = set()
    person_words: set[str] = set()
    surnames: set[str] = set()  # a bare surname of a person named in full is no town (mentions.py)
    for _, sdoc in chunks:
        confirmed |= body_name_words(sdoc)
        body_words |= body_entity_words(sdoc)
        person_words |= person_name_words(sdoc)
        surnames |= body_surnames(sdoc)
    body_words, person_words, surnames = frozenset(body_words), frozenset(person_words), frozenset(surnames)
    for ci, (offset, sdoc) in enumerate(chunks):
        starts = {}
        for sent in sdoc.sents:
            starts[sent.start] = n_sent
            sentences[(ci, sent.start)] = (n_sent, sent.text.strip())
            n_sent += 1
        tokens += len(sdoc)
        found = find_mentions(sdoc, ci, offset, starts, lex, confirmed, body_words, person_words, surnames)
        chunk = Chunk(sdoc, offset)
        for m in found:
            for i in m.tokens:
                chunk.by_token[i] = m
        ctx_chunks.append(chunk)
        mentions.extend(found)
    cluster_mentions(mentions, lex)
    mentions = [m for m in mentions if m.kind]
    merge_aliases(mentions, [c.sdoc for c in ctx_chunks])
    _confirm_kb_countries(mentions)
    genders = {}
    for m in mentions:
        if m.gender:
            genders.setdefault(m.cluster, m.gender)
    ctx = DocContext(document.id, document.date, lex, ctx_chunks, mentions, sentences, genders,
                     scene=scene_country(mentions),
                     standing=frozenset(m.cluster for m in mentions if m.role or m.kb_leader is not None),
                     outlets=frozenset(m.cluster for m in mentions if m.kind == "organization"
                                       and getattr(lex.organization(m.org_name or m.text), "kind", "") == "media"))

    statements = []
    meeting_mentions = []
    matcher = build_matcher(ctx_chunks[0].sdoc.vocab, lex) if ctx_chunks else None
    for ci, chunk in enumerate(ctx_chunks):
        for sent in chunk.sdoc.sents:
            statements.extend(verbal_statements(ctx, ci, sent, statements))
            statements.extend(nominal_statements(ctx, ci, sent))
            statements.extend(obligation_statements(ctx, ci, sent))
            statements.extend(request_statements(ctx, ci, sent))
            statements.extend(allegation_statements(ctx, ci, sent))
            meeting_mentions.extend(verb_meetings(ctx, ci, sent))
            meeting_mentions.extend(noun_meetings(ctx, ci, sent))
        statements.extend(pattern_statements(ctx, ci, chunk.sdoc, matcher, statements))

    country_of = _cluster_countries(mentions, ctx.countries)
    meetings = merge_mentions(meeting_mentions, country_of, document.date)
    meetings = [mm for mm in meetings if diplomatic(mm, ctx.standing, lex.travel_verbs)]
    _infer_host_countries(meetings, country_of, ctx.countries)

    entities = _entities(mentions, ctx, sentences, ctx_chunks)
    entities = _with_derived_countries(entities, mentions, ctx, statements, meetings)
    visitors = frozenset(k for mm in meetings for k, (_, role) in mm.participants.items() if role == "visitor")
    entities = with_scene_country(entities, mentions, lex, ctx.scene, visitors)
    used = {e.key for e in entities}
    visits = frozenset((mm.place, k) for mm in meetings if mm.place for k in mm.participants)
    statements = [s for s in statements if s.subject in used and s.object in used and not _told_by_meeting(s, visits)]
    records = []
    for n, mm in enumerate(meetings):
        parts = tuple(Participation(k, neg, role) for k, (neg, role) in sorted(mm.participants.items()) if k in used)
        records.append(Meeting(
            key=f"m{n}", trigger=mm.trigger, participants=parts,
            place=mm.place if mm.place in used else "", date=mm.date, date_text=mm.date_text,
            mode=mm.mode, status=mm.status, provenance=tuple(mm.provenance),
        ))
    return DocResult(
        doc_id=document.id, title=document.title, date=document.date, url=document.url, source=document.source,
        sentences=n_sent, tokens=tokens,
        entities=tuple(entities), statements=tuple(dict.fromkeys(statements)), meetings=tuple(records),
    )


def _told_by_meeting(s, visits: frozenset) -> bool:
    """``Sarkozy heads to Beijing``: a visit to a place is the meeting node's to tell (visitor and
    place); a CONSULT statement aimed at the place would count the one visit twice."""
    return s.category == "CONSULT" and s.object.startswith("location:") and (s.object, s.subject) in visits


def _confirm_kb_countries(mentions: list[Mention]) -> None:
    """A bare surname matched in the office-holder knowledge base (``Putin``) gets that
    person's country only when the article also names the country or a place in it."""
    named = {m.iso3 for m in mentions if m.kind == "country"} | {m.country for m in mentions if m.kind == "location"}
    for m in mentions:
        if m.kb_country and not m.country and m.kb_country in named:
            m.country = m.kb_country


def _with_derived_countries(entities, mentions, ctx: DocContext, statements, meetings) -> list[Entity]:
    """Countries that acted through a capital or an institution (``actions by Washington``,
    ``the Obama administration``) become entities too; a place only ever used that way is
    folded into its country as an alias."""
    referenced = {s.subject for s in statements} | {s.object for s in statements}
    referenced |= {k for mm in meetings for k in mm.participants} | {mm.place for mm in meetings}
    metonym_texts: dict[str, set[str]] = {}
    metonymic: dict[str, int] = {}
    for m in mentions:
        if m.kind == "location" and id(m) not in ctx.metonyms:
            iso3 = ctx.metonym_country(m.chunk, m)
            if iso3:
                ctx.metonyms[id(m)] = f"country:{iso3}"
        if id(m) in ctx.metonyms:
            metonym_texts.setdefault(ctx.metonyms[id(m)], set()).add(m.text)
            metonymic[m.cluster] = metonymic.get(m.cluster, 0) + 1
    out = []
    for e in entities:
        if e.kind == "location" and metonymic.get(e.key, 0) >= e.mentions and e.key not in referenced:
            continue  # every mention of this place stood for its country
        if e.key in metonym_texts:
            e = replace(e, aliases=tuple(sorted(set(e.aliases) | metonym_texts[e.key])))
        out.append(e)
    have = {e.key for e in out}
    gaz = ctx.lex.gazetteer
    for key in sorted((referenced | set(metonym_texts)) - have):
        if key.startswith("country:"):
            iso3 = key.split(":", 1)[1]
            prov = next((s.provenance for s in statements if key in (s.subject, s.object) and s.provenance), None)
            out.append(Entity(key=key, kind="country", name=gaz.country_name(iso3), iso3=iso3,
                              aliases=tuple(sorted(metonym_texts.get(key, ()))), mentions=len(metonym_texts.get(key, ())) or 1,
                              provenance=(prov,) if prov else ()))
    out.sort(key=lambda e: e.key)
    return out


def _cluster_countries(mentions: list[Mention], learnt: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in mentions:
        if m.country and m.cluster not in out:
            out[m.cluster] = m.country
    for key, iso3 in learnt.items():
        out.setdefault(key, iso3)
    return out


def _infer_host_countries(meetings, country_of: dict[str, str], learnt: dict[str, str]) -> None:
    """The host a visitor travels to meet belongs to the country visited, unless the text says otherwise;
    so does anyone a visitor meets there ("held talks with President Suleiman during a visit to Beirut")."""
    for mm in meetings:
        place_country = mm.place.split(":", 1)[1] if mm.place.startswith("country:") else country_of.get(mm.place, "")
        if not place_country:
            continue
        visited = any(role == "visitor" for _, role in mm.participants.values())
        for key, (neg, role) in mm.participants.items():
            hosting = role == "host" or (visited and role == "")
            if hosting and not neg and key.startswith("person:") and key not in country_of:
                learnt.setdefault(key, place_country)
                country_of[key] = place_country


def _entities(mentions: list[Mention], ctx: DocContext, sentences, chunks) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.cluster].append(m)
    gaz = ctx.lex.gazetteer
    works_for = employers(mentions, chunks)
    out = []
    for key, ms in groups.items():
        kind = ms[0].kind
        texts = Counter(m.text for m in ms)
        if kind == "country":
            iso3 = ms[0].iso3
            name = gaz.country_name(iso3)
        else:
            iso3 = ""
            orgs = [m.org_name for m in ms if m.org_name]
            name = orgs[0] if orgs else max(texts, key=lambda t: (len(t.split()) if kind == "person" else 0, texts[t], len(t)))
        countries = Counter(m.country for m in ms if m.country)
        country = countries.most_common(1)[0][0] if countries else ctx.countries.get(key, "")
        year = int(ctx.doc_date[:4]) if ctx.doc_date[:4].isdigit() else 0
        roles = Counter(m.role for m in ms if m.role) or Counter(
            m.kb_leader.role_in(year) if year else m.kb_role for m in ms if m.kb_role)
        role = max(roles, key=lambda r: (roles[r], len(r))) if roles else ""
        prov = []
        for m in ms:
            idx, text = sentences[(m.chunk, chunks[m.chunk].sdoc[m.start].sent.start)]
            prov.append(Provenance(ctx.doc_id, idx, m.char_start, m.char_end, text))
        out.append(Entity(
            key=key, kind=kind, name=name, aliases=tuple(sorted(texts)), iso3=iso3,
            country=country if kind != "country" else "", role=role,
            gender=ctx.genders.get(key, ""), employer=works_for.get(key, ""), mentions=len(ms),
            provenance=tuple(prov),
        ))
    out.sort(key=lambda e: e.key)
    return out
