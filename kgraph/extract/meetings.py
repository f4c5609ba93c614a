"""Meetings as events: who met whom, where, when, in which mode and status.

Triggers are verbs (``meet``, ``visit``, ``host``, ``travel to``) and nouns
(``meeting``, ``talks``, ``summit``, ``visit``, ``call``) from the lexicon.
A noun trigger takes participants from its possessor (``Kerry's visit``), its
``with``/``of``/``between`` objects and the subject of the verb that governs
it (``Kerry will travel to Turkey for a meeting``); place and date come from
the trigger's clause, a relative clause on it (``The meeting, which will be
held on Tuesday in Sochi``) or the destination of the governing verb.
Mentions of one meeting are then merged (:func:`merge_mentions`).
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.delegates import delegate_mention
from kgraph.extract.meetingargs import (
    DEST_PREPS,
    MOVEMENT_MODES,
    PARTY_KINDS,
    PLACE_PREPS,
    MeetingMention,
    add_parties,
    cancel_cue,
    date_before,
    date_from,
    is_sequel,
    place_from,
    pobjs,
    single_body,
    status_of,
    verb_mode,
    when_clause,
    where_clause,
)
from kgraph.extract.nounmeetings import noun_meetings, quantity_of_meeting
from kgraph.extract.triggerkeys import noun_key, verb_key

__all__ = ["noun_meetings", "verb_meetings"]


def verb_meetings(ctx: DocContext, chunk: int, sent) -> list[MeetingMention]:
    lex = ctx.lex
    out = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        key = verb_key(verb, lex.meeting_verbs)
        mode = lex.meeting_verbs.get(key, "")
        if not mode:
            delegate = delegate_mention(ctx, chunk, verb)
            out.extend([delegate] if delegate is not None else [])
            continue
        particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}]
        if any(f"{lemma} {p}" in lex.verbs and lex.verbs[f"{lemma} {p}"].category != "CONSULT" for p in particles):
            continue  # "called on Japan to", "called for talks": a request, not a phone call
        # "travel to Turkey for a meeting", "hosted talks", "attend the summit": the noun is the trigger
        if any(noun_key(g, lex.meeting_nouns) and g.pos_ in {"NOUN", "PROPN"} and ctx.mention(chunk, g) is None
               for g in [*(c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), *syntax.prep_objects(verb, DEST_PREPS)]):
            continue
        if mode in MOVEMENT_MODES and any(c.dep_ in {"advcl", "xcomp"} and verb_mode(c, lex) in {"meet", "phone"}
                                          for c in verb.children):
            continue  # "traveled to Russia to meet with Putin": one meeting, read at "meet"
        all_means = _means_tokens(verb, lex)  # "spoke by telephone with", "talked over the phone", "met in person"
        means = all_means[0] if all_means else None
        mode = lex.meeting_means[noun_key(means, lex.meeting_means)] if means is not None else mode
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in {"advcl", "xcomp"} and purpose and mode != "visit" \
                and verb_mode(verb.head, lex) in {"meet", "phone", "multilateral"}:
            continue  # "met in Moscow to discuss Syria": the purpose of the meeting, read at "met"
        t = syntax.tense(verb)
        negated = syntax.is_negated(verb)
        subject_tokens = syntax.subjects(verb)
        if mode == "multilateral" and any(s.tag_ in {"PRP", "PRP$"} or s.lower_ in {"who", "which", "that"}
                                          for s in subject_tokens):
            continue  # "they have gathered": a gathering of whoever, not a meeting between named sides
        if mode == "meet" and any(s.lemma_.lower() in lex.combat_nouns
                                  for s in [*subject_tokens, *(c for c in verb.children if c.dep_ == "dobj")]):
            continue  # "SDF troops met government forces on territory held by Isis": an encounter in war
        mm = MeetingMention(chunk, verb.i, lemma, ctx.sent_index(chunk, verb), mode=mode)
        subjects = [a for s in subject_tokens for a in ctx.actors(chunk, s)]
        for actor, kind in subjects:
            if kind in PARTY_KINDS:
                mm.add(actor, negated, "host" if mode == "host" else ("visitor" if mode == "visit" else ""))
        objects, things = [], []
        for c in verb.children:
            # "he was hosted by Macron": the passive subject is the guest
            if c.dep_ in {"dobj", "dative", "nsubjpass"} and (lemma in lex.object_participant_verbs or mode == "visit"):
                objects.append(c)
                direct = ctx.mention(chunk, c) is not None or c.tag_ in {"PRP", "NNS"} or \
                    c.lemma_.lower() in lex.actor_heads or c.lemma_.lower() in lex.person_nouns
                if not direct:
                    things.append(c)
                    continue  # "will host Mr Brown's speech": a thing, not a guest
                found = ctx.actors(chunk, c, as_agent=False)
                if not found and c.tag_ == "NNS" and c.lemma_.lower() not in lex.person_nouns | lex.actor_heads:
                    things.append(c)  # "meet their commitments": plural, but no one
                for actor, kind in found:
                    if kind == "location" or (kind == "country" and mode == "visit"):
                        mm.place, mm.place_kind = actor, kind
                    elif kind in PARTY_KINDS:
                        mm.add(actor, negated, "visitor" if mode == "host" else ("host" if mode == "visit" else ""))
        if things and len(things) == len(objects) and mode in {"meet", "host"} and not syntax.prep_objects(verb, {"with"}):
            continue  # "failed to meet its commitments", "will host the World Cup": a thing, no one met
        sequels = _sequence_preps(verb, lex)
        # "talked to Petrov", "spoke to Merkel": the particle of a phrasal key names the partner
        partner_preps = {"with", "between"} | ({key.split()[1]} & {"to"} if " " in key and mode in {"meet", "phone"} else set())
        with_objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in partner_preps
                        and p not in sequels for o in pobjs(p)]
        if means is not None:  # "communicated by telephone with Uribe": the parser hangs "with" on the means
            with_objects += syntax.prep_objects(means, {"with"})
        partners = with_objects + objects
        if mode == "phone" and (not partners or any(c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} for c in verb.children)
                                or all(p.lower_ in {"it", "this", "that", "them"} for p in partners)):
            continue  # "called it a retrograde step" names something; a call needs someone called
        add_parties(ctx, chunk, with_objects, mm, negated, as_agent=False)
        purpose_of_trip = verb.dep_ in {"advcl", "xcomp"} and verb_mode(verb.head, lex) in MOVEMENT_MODES
        if mode == "host" and any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "invited him to collaborate" is no meeting; "invited him to visit" is read at "visit"
        if mode == "visit" and verb.dep_ == "xcomp" and verb_mode(verb.head, lex) == "host":
            add_parties(ctx, chunk, syntax.subjects(verb.head), mm, negated, role="host")  # the inviter hosts
        if mode == "host" and not any(role == "visitor" for _, role in mm.participants.values()):
            continue  # "welcomed the pullout", "are receiving briefings": nobody is hosted
        if mode == "host" and not any(role == "host" for _, role in mm.participants.values()) and \
                not syntax.prep_objects(verb, PLACE_PREPS):
            continue  # "X, Y and Z were invited": guests of no one named, at no place named
        if mode == "meet" and _body_meets(ctx, chunk, verb, mm):
            mode = mm.mode = "multilateral"  # "NATO leaders met in Wales": a summit of NATO
        if mode == "phone" and lemma == "call" and not with_objects and not any(
                (m := ctx.mention(chunk, o)) is not None and m.kind == "person" or o.lower_ in {"him", "her", "them"}
                for o in objects):
            continue  # "calling it an aggression": a call needs a person called
        if mode in {"meet", "phone", "host"} and len(mm.participants) < 2 and not purpose_of_trip:
            continue  # "discuss", "negotiate" with one side named is not evidence of a meeting
        if verb.dep_ == "relcl" and (noun_key(verb.head, lex.meeting_nouns) or quantity_of_meeting(verb.head, lex)):
            continue  # "talks that Russia hosted": read at the noun
        place_from(ctx, chunk, verb, PLACE_PREPS, mm)
        for pobj in partners:  # "meets with Lavrov in Geneva": the parser often hangs the place on the partner
            if not mm.place:
                place_from(ctx, chunk, pobj, PLACE_PREPS, mm)
        if mode in MOVEMENT_MODES:
            place_from(ctx, chunk, verb, {"to"}, mm)
            if not mm.place and not any(role == "host" for _, role in mm.participants.values()):
                continue  # "travel" without a destination or someone visited is not a visit
        gov = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if verb.dep_ in {"advcl", "xcomp"} and verb_mode(gov, lex) in MOVEMENT_MODES:
            # "traveled to Moscow to meet with Putin": the traveller visits, the other side hosts
            mm.mode = "visit"
            subject_keys = {k for k, _ in subjects}
            for actor, (neg, _) in list(mm.participants.items()):
                mm.participants[actor] = (neg, "visitor" if actor in subject_keys else "host")
        if verb.dep_ in {"advcl", "xcomp"} and purpose and not mm.place:
            place_from(ctx, chunk, gov, {"to"} | PLACE_PREPS, mm)
        date_from(ctx, verb, t, mm)
        when_clause(ctx, verb, t, mm)
        where_clause(ctx, chunk, verb, t, mm)
        date_before(ctx, verb, t, mm)
        mm.status = status_of(ctx, mm, t, cancel_cue(ctx, verb))
        mm.sequel = is_sequel(verb, lex)
        mm.provenance.append(ctx.provenance(chunk, verb))
        if mm.participants:
            out.append(mm)
            out.extend(_sequels(ctx, chunk, mm, subjects, sequels, negated))
            out.extend(_coordinated_means(ctx, chunk, all_means, mm, subjects, negated))
    return out


def _means_tokens(verb, lex) -> list:
    """The means nouns of a verb's ``by``/``over``/``via``/``in person`` phrases in text order, the
    object of the phrase or a modifier of it (``by [phone and Vice President] Pence``, as parsed)."""
    preps = [c for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "over", "via", "in"}]
    out = []
    for prep in preps:
        for pobj in pobjs(prep):
            for t in [pobj, *(c for c in pobj.children if c.dep_ in {"nmod", "compound"} and c.pos_ == "NOUN")]:
                key = noun_key(t, lex.meeting_means)
                if key and (prep.lower_ != "in" or key == "person"):
                    out.append(t)
                    break
    return sorted(out, key=lambda t: t.i)


def _coordinated_means(ctx: DocContext, chunk: int, means: list, mm: MeetingMention, subjects,
                       negated: bool) -> list[MeetingMention]:
    """``spoke with Trump by phone and Pence in person``: a person coordinated with the means (the
    parser hangs him on the means phrase) is a second partner, met by the means that follows him,
    or by the same means when none does.  ``means``: the verb's :func:`_means_tokens`."""
    lex = ctx.lex
    if not means:
        return []
    out = []
    for prep in sorted({m.head if m.dep_ == "pobj" else m.head.head for m in means}, key=lambda p: p.i):
        first = min((m for m in means if m.i in range(prep.i, prep.right_edge.i + 1)), key=lambda m: m.i)
        heads = [t for t in prep.subtree if t.i > first.i and (m := ctx.mention(chunk, t)) is not None
                 and t.i == m.end - 1 and any(w.dep_ == "cc" for w in t.doc[first.i:t.i])]
        for head in heads:
            found = [key for key, kind in ctx.actors(chunk, head, as_agent=False) if kind in PARTY_KINDS]
            own = next((m for m in means if m.i > head.i), first)
            nxt = _follow_on(mm, head, lex.meeting_means[noun_key(own, lex.meeting_means)])
            for key, kind in subjects:
                if kind in PARTY_KINDS:
                    nxt.add(key, negated)
            for key in found:
                nxt.add(key, negated)
            if found and len(nxt.positive()) >= 2:
                out.append(nxt)
    return out


def _follow_on(mm: MeetingMention, token, mode: str) -> MeetingMention:
    """A second meeting told in the clause of ``mm``: its date, place and status, its own partners."""
    place = "" if mode == "phone" else mm.place
    return MeetingMention(mm.chunk, token.i, mm.trigger, mm.sent_index, place=place,
                          place_kind=mm.place_kind if place else "", date=mm.date, date_text=mm.date_text,
                          mode=mode, status=mm.status, provenance=list(mm.provenance))


def _sequence_preps(verb, lex) -> list:
    """``met with the IMF chief, then with President Trump``: each later ``with`` is its own meeting."""
    preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"]
    def after_adverb(p) -> bool:  # the parser hangs "then" on the prep or just before it on the verb
        before = p.doc[p.i - 1] if p.i > 0 else p
        return any(a.lower_ in lex.sequence_adverbs for a in p.children) or before.lower_ in lex.sequence_adverbs
    return [p for p in preps[1:] if after_adverb(p)]


def _sequels(ctx: DocContext, chunk: int, mm: MeetingMention, subjects, sequels, negated: bool) -> list[MeetingMention]:
    out = []
    for prep in sequels:
        nxt = _follow_on(mm, prep, mm.mode)
        for key, kind in subjects:
            if kind in PARTY_KINDS:
                nxt.add(key, negated)
        add_parties(ctx, chunk, pobjs(prep), nxt, negated, as_agent=False)
        if len(nxt.positive()) >= 2:
            out.append(nxt)
    return out


def _body_meets(ctx: DocContext, chunk: int, verb, mm: MeetingMention) -> bool:
    """``NATO leaders met in Wales``, ``EU foreign ministers will meet``: the members of one body
    meeting together are a meeting of that body."""
    if not single_body(mm.participants):
        return False
    heads = [s for s in syntax.subjects(verb) if s.tag_ in {"NNS", "NNPS"}]
    return any(h.lemma_.lower() in ctx.lex.group_members for h in heads) and bool(syntax.prep_objects(verb, PLACE_PREPS))
