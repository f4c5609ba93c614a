"""Delegates: who stood for a country at a meeting that country held.

``The 15th round of boundary talks began Monday. Menon represented India while
Dai represented China``: the talks are read as India and China meeting; the
people who represented them took part too.  A delegate mention names one
country and its delegates and joins the nearest meeting of that country (this
sentence or the one before, see :func:`kgraph.extract.eventcoref.merge_mentions`);
with no such meeting it says nothing ("a lawyer who represented Britain in the case").
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.meetingargs import MeetingMention, pobjs
from kgraph.extract.triggerkeys import light_verb_key, noun_key

DELEGATE_KINDS = {"person", "organization"}


def _sides_and_delegates(verb, lex) -> tuple[list, list]:
    """(tokens naming the country, tokens naming its delegates) of ``represented India``, ``India was
    represented by Menon``, ``led the Indian delegation``; nothing when the verb is none of them."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and light_verb_key(verb, obj, lex.delegate_verbs):
        return [obj], syntax.subjects(verb)
    if verb.lemma_.lower() not in lex.delegate_verbs:
        return [], []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        agents = [g for c in verb.children if c.dep_ in {"agent", "prep"} and c.lower_ == "by" for g in pobjs(c)]
        return passive, agents
    return ([obj] if obj is not None else []), syntax.subjects(verb)


def _elsewhere(ctx: DocContext, chunk: int, verb) -> bool:
    """``represented Russia at the games``, ``in the case``: the clause names an occasion that is no
    meeting, so the delegate was not at the meeting told before."""
    return any(o.pos_ == "NOUN" and not noun_key(o, ctx.lex.meeting_nouns) and ctx.mention(chunk, o) is None
               for o in syntax.prep_objects(verb, {"at", "in", "during", "for"}))


def delegate_mention(ctx: DocContext, chunk: int, verb) -> MeetingMention | None:
    sides, delegates = _sides_and_delegates(verb, ctx.lex)
    if not sides or _elsewhere(ctx, chunk, verb):
        return None
    countries = {key for t in sides for key, kind in ctx.actors(chunk, t, as_agent=False) if kind == "country"}
    people = [key for t in delegates for key, kind in ctx.actors(chunk, t) if kind in DELEGATE_KINDS]
    if len(countries) != 1 or not people or syntax.is_negated(verb):
        return None
    (country,) = countries
    mm = MeetingMention(chunk, verb.i, verb.lemma_.lower(), ctx.sent_index(chunk, verb), delegate_of=country)
    mm.add(country)
    for key in people:
        mm.add(key)
    mm.provenance.append(ctx.provenance(chunk, verb))
    return mm
