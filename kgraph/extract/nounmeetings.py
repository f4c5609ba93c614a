"""Meetings named by nouns: ``talks``, ``the Warsaw summit``, ``a telephone conversation``.

The noun's own modifiers, ``with``/``between``/``of`` objects, attendee lists
and the clause it sits in give the parties; relative clauses and the verb that
governs it give the place, date and status.  A name whose head is a meeting
noun (``the Annapolis Conference``) is a meeting too.
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.meetingargs import (
    ANAPHORIC_DETS,
    DEST_PREPS,
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
    where_clause,
)
from kgraph.extract.triggerkeys import cue_key, light_verb_key, noun_key

ADJUNCT_PREPS = {"after", "during", "following", "throughout"}
PRESENCE_PREPS = {"in", "during", "at", "with", "throughout"}
FRAME_NOUN_DEPTH = 2
NONE_DETS = {"no", "any"}  # a meeting no one says took place


def _named_event(ctx: DocContext, chunk: int, noun) -> bool:
    """``the Annapolis Conference``, ``the Pacific Energy Summit``: a name whose head is a meeting
    noun names a meeting, not an actor (``the Conference on Disarmament`` keeps its ``on``)."""
    m = ctx.mention(chunk, noun)
    return m.kind in {"organization", "location"} and noun.i == max(m.tokens) and \
        not any(c.dep_ == "prep" and c.lower_ in {"on", "for"} for c in noun.children)


def _attendees(ctx: DocContext, chunk: int, noun, mm: MeetingMention) -> None:
    """``a summit involving New Zealand and the European Union``, ``talks attended by X``."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ctx.lex.attendee_verbs):
        objs = [c for c in acl.children if c.dep_ == "dobj"] + syntax.prep_objects(acl, {"by"})
        add_parties(ctx, chunk, objs, mm, as_agent=False)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.lex.attendee_verbs):
        add_parties(ctx, chunk, pobjs(prep), mm, as_agent=False)  # "including Yemen and the UK"


def _members_present(ctx: DocContext, chunk: int, noun, mm: MeetingMention) -> None:
    """``Delegates present at the conference were from twenty countries, including Yemen and the
    UK``, ``ministers attending the summit came from X and Y``: a body's members at the meeting
    stand for where they came from."""
    member = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "at" else None
    if noun.dep_ == "dobj" and noun.head.dep_ == "acl" and noun.head.lemma_.lower() in ctx.lex.participation_verbs:
        member = noun.head.head  # "ministers attending the summit"
    elif member is not None and member.pos_ == "ADJ":
        member = member.head  # "delegates present at the conference"
    if member is None or member.tag_ not in {"NNS", "NNPS"} or member.lemma_.lower() not in ctx.lex.group_members:
        return
    origins = syntax.prep_objects(member, {"from"})
    if member.dep_ == "nsubj" and member.head.pos_ in {"AUX", "VERB"}:
        origins += syntax.prep_objects(member.head, {"from"})  # "delegates ... were from"
    for origin in origins:
        add_parties(ctx, chunk, [origin], mm, as_agent=False)
        listed = [g for c in origin.children if c.dep_ == "prep" and c.lower_ in ctx.lex.attendee_verbs for g in pobjs(c)]
        add_parties(ctx, chunk, listed, mm, as_agent=False)  # "twenty countries, including Yemen"


def _clause_parties(ctx: DocContext, chunk: int, noun, mm: MeetingMention) -> None:
    """Who acts in a clause set at a meeting took part in it: ``In a telephone conversation with
    Sarkozy, Medvedev declared``; ``At the conclusion of the Annapolis Conference, Bush read``;
    ``embarked on his mission with visits to Israel``; ``Ban, who is in Doha meeting with``
    (a meeting in apposition to its participant)."""
    if noun.dep_ == "appos" and noun.head.pos_ in {"PROPN", "NOUN"}:
        add_parties(ctx, chunk, [noun.head], mm, role="visitor" if mm.mode == "visit" else "")
        for rel in (c for c in noun.head.children if c.dep_ == "relcl"):
            if not mm.place:
                place_from(ctx, chunk, rel, PLACE_PREPS, mm)
        return
    holder = noun
    for _ in range(FRAME_NOUN_DEPTH):  # "the conclusion of the conference": climb the "of"
        if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.pos_ == "NOUN":
            holder = holder.head.head
    if holder.dep_ != "pobj" or holder.head.lower_ not in PRESENCE_PREPS:
        return
    verb = holder.head.head
    if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in ctx.lex.planned_cues:
        role = "visitor" if mm.mode == "visit" else ""
        add_parties(ctx, chunk, syntax.subjects(verb), mm, syntax.is_negated(verb), role)


def _asserted(noun, lex) -> bool:
    """The clause says the meeting happens, whoever its parties: ``peace talks resumed``, ``talks
    were held``, ``bishops attended a summit``, ``held a conference``."""
    gov = noun.head
    if noun.dep_ == "nsubj" and cue_key(gov, lex.held_cues):
        return not syntax.is_negated(gov)
    if noun.dep_ == "nsubjpass" and gov.lemma_.lower() == "hold":
        return not syntax.is_negated(gov)
    if noun.dep_ == "dobj" and gov.pos_ == "VERB" and (
            gov.lemma_.lower() in lex.asserting_verbs or light_verb_key(gov, noun, lex.meeting_verbs)):
        return not syntax.is_negated(gov)
    return False


def _adjunct_parties(ctx: DocContext, chunk: int, holders, mm: MeetingMention) -> None:
    """``Iran and Saudi Arabia agreed ... in a deal brokered by China after four days of talks``:
    talks named in a time adjunct were held by those who act in the clause (and by the parties of
    the deal that clause describes)."""
    for h in holders:
        if h.dep_ != "pobj" or h.head.lower_ not in ADJUNCT_PREPS:
            continue
        gov = h.head.head
        if gov.pos_ not in {"VERB", "AUX"}:
            continue
        add_parties(ctx, chunk, syntax.subjects(gov), mm)
        if gov.dep_ == "acl" and gov.head.dep_ == "pobj" and gov.head.head.dep_ == "prep":
            outer = gov.head.head.head
            if outer.pos_ in {"VERB", "AUX"}:
                add_parties(ctx, chunk, syntax.subjects(outer), mm)
        return


def quantity_of_meeting(token, lex):
    """``rounds of talks``: the meeting noun under a quantity noun, or None."""
    if token.lemma_.lower() not in lex.quantity_nouns:
        return None
    for pobj in syntax.prep_objects(token, {"of"}):
        if noun_key(pobj, lex.meeting_nouns):
            return pobj
    return None


def noun_meetings(ctx: DocContext, chunk: int, sent) -> list[MeetingMention]:
    lex = ctx.lex
    out = []
    for noun in sent:
        key = noun_key(noun, lex.meeting_nouns) if noun.pos_ in {"NOUN", "PROPN"} else ""
        if not key:
            continue
        named = noun.pos_ == "PROPN" and ctx.mention(chunk, noun) is not None
        if named and not _named_event(ctx, chunk, noun):
            continue
        if noun.lemma_.lower() == "talk" and noun.tag_ not in {"NNS", "NNPS"}:
            continue  # "a talk at a think tank" is a speech; "talks" are negotiations
        if any(c.dep_ == "det" and c.lower_ in NONE_DETS for c in noun.children):
            continue  # "not aware of any conversations between Putin and Trump", "no talks took place"
        mode = lex.meeting_nouns[key]
        mm = MeetingMention(chunk, noun.i, noun.lemma_.lower(), ctx.sent_index(chunk, noun), mode=mode)
        # modifiers anywhere left of the noun in its phrase: "President Obama's Camp David meeting"
        modifiers = [t for left in noun.lefts for t in left.subtree if not named]
        for c in modifiers:
            if c.dep_ == "poss" or (c.dep_ in {"compound", "amod", "nmod"} and ctx.mention(chunk, c) is not None):
                for key, kind in ctx.actors(chunk, c, as_agent=c.dep_ == "poss"):
                    if kind == "location":
                        mm.place, mm.place_kind = key, kind
                    elif kind in {"person", "organization"} or (kind == "country" and c.dep_ == "poss"):
                        mm.add(key)
        partners = syntax.prep_objects(noun, {"with", "between", "of", "among"})
        add_parties(ctx, chunk, partners, mm, as_agent=False)
        mm.unresolved = any(p.pos_ == "PROPN" and not any(kind in PARTY_KINDS for _, kind in ctx.actors(chunk, p, as_agent=False))
                            for q in partners for p in [q, *q.conjuncts])  # "between Uribe and Chaves"
        if mode == "visit":  # "a planned visit by Defense Secretary Lloyd Austin"
            add_parties(ctx, chunk, syntax.prep_objects(noun, {"by"}), mm, role="visitor")
        for pobj in syntax.prep_objects(noun, {"to"}):
            for key, kind in ctx.actors(chunk, pobj, as_agent=False):
                if kind in {"location", "country"} and mode == "visit":
                    mm.place, mm.place_kind = key, kind
                elif kind in {"person", "organization"}:
                    mm.add(key, role="host")
        place_from(ctx, chunk, noun, PLACE_PREPS, mm)
        _attendees(ctx, chunk, noun, mm)
        _members_present(ctx, chunk, noun, mm)
        _clause_parties(ctx, chunk, noun, mm)
        if mode == "meet" and single_body(mm.positive()):
            mm.mode = "multilateral"  # "a United Nations Security Council meeting": a session of the body
        t = ""
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        negated = False
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and gov.lemma_.lower() in lex.avoiding_verbs and noun.dep_ == "dobj":
            negated = True  # "boycotted the summit": a denied participation
        if gov.i != noun.i and noun.dep_ == "dobj" and cue_key(gov, lex.cancelled_cues):
            add_parties(ctx, chunk, syntax.subjects(gov), mm, negated=True)  # "called off the talks"
        # "paid a visit", "held talks": a light verb from the lexicon takes part like "attend"
        light = noun.dep_ == "dobj" and bool(light_verb_key(gov, noun, lex.meeting_verbs))
        # "NATO leaders met in Wales for a summit": those who meet for a meeting take part in it
        light = light or (noun.dep_ == "pobj" and noun.head.lower_ in DEST_PREPS and verb_mode(gov, lex) in {"meet", "multilateral"})
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and (gov.lemma_.lower() in lex.participation_verbs or noun.dep_ in {"dobj", "pobj"}):
            t = syntax.tense(gov)
            negated = negated or syntax.is_negated(gov)
            copula = gov.lemma_.lower() == "be" and noun.dep_ == "attr"  # "Sochi will be the sixth meeting"
            if (gov.lemma_.lower() in lex.participation_verbs or light) and noun.dep_ in {"dobj", "pobj", "attr"} and not copula:
                add_parties(ctx, chunk, syntax.subjects(gov), mm, negated,
                             "host" if gov.lemma_.lower() in lex.host_verbs else ("visitor" if mm.mode == "visit" else ""))
                if gov.lemma_.lower() in lex.host_verbs:
                    mm.mode = "host"
            if not mm.place:
                place_from(ctx, chunk, gov, {"to"} | PLACE_PREPS, mm)
            date_from(ctx, gov, t, mm)
            where_clause(ctx, chunk, gov, t, mm)
        holders = [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and quantity_of_meeting(noun.head.head, lex) is not None:
            holders.append(noun.head.head)  # "Two rounds of talks ... that Russia hosted"
        for rel in (c for h in holders for c in h.children if c.dep_ in {"relcl", "acl"}):
            t = t or syntax.tense(rel)
            rel_neg = syntax.is_negated(rel)
            for s in syntax.subjects(rel):
                if s.lower_ in {"which", "that"}:
                    continue
                for key, kind in ctx.actors(chunk, s):
                    if kind in PARTY_KINDS:
                        mm.add(key, rel_neg, "host" if rel.lemma_.lower() in lex.host_verbs else "")
                        if rel.lemma_.lower() in lex.host_verbs:
                            mm.mode = "host"
            # "a phone call made by Trump to Zelensky": a call's acl names who was called
            partner_preps = {"with", "to"} if mm.mode == "phone" else {"with"}
            add_parties(ctx, chunk, syntax.prep_objects(rel, partner_preps), mm, rel_neg, as_agent=False)
            if not mm.place:
                place_from(ctx, chunk, rel, PLACE_PREPS, mm)
            # "the 15th round of talks begun Monday": a bare participle on the noun is past
            bare_participle = rel.dep_ == "acl" and rel.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in rel.children)
            date_from(ctx, rel, "past" if bare_participle else t, mm)
        subject_of = next((h for h in holders if h.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject_of is not None and subject_of.head.pos_ in {"VERB", "AUX"}:
            gov = subject_of.head
            # "A meeting between Uribe and Chávez is scheduled": a planning verb puts it ahead
            t = t or ("future" if cue_key(gov, lex.planned_cues) and not syntax.is_negated(gov) else syntax.tense(gov))
            # "The talks made no headway when the Assad government officials showed no flexibility":
            # whoever acts in a when-clause of what the meeting did took part in it
            for adv in (c for c in gov.children if c.dep_ == "advcl" and any(w.lower_ in {"when", "as", "after"} for w in c.children)):
                for clause in [adv, *adv.conjuncts]:
                    neg = syntax.is_negated(clause) or any(
                        x.dep_ == "xcomp" and verb_mode(x, lex) for x in clause.children
                    ) and clause.lemma_.lower() in syntax.NEG_GOVERNORS
                    add_parties(ctx, chunk, syntax.subjects(clause), mm, neg)
            if not mm.place:
                place_from(ctx, chunk, gov, PLACE_PREPS, mm)
            date_from(ctx, gov, t, mm)
        date_from(ctx, noun, t, mm)
        if not mm.participants:
            _adjunct_parties(ctx, chunk, holders, mm)
        dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
        # "the conference" and nothing more: no description that could make it another meeting
        mm.definite = bool(dets & ANAPHORIC_DETS) and not any(c.dep_ in {"compound", "amod", "nmod", "poss"}
                                                              for c in noun.children)
        mm.anaphoric = not mm.positive() and bool(dets & ANAPHORIC_DETS)  # "did not attend the meeting"
        if mm.positive():  # an anaphor takes its antecedent's date, not the sentence before's
            date_before(ctx, noun, t or syntax.tense(noun), mm)
        mm.status = status_of(ctx, mm, t or syntax.tense(noun), cancel_cue(ctx, noun))
        mm.sequel = is_sequel(noun.head.head if noun.dep_ == "pobj" else noun.head, lex)
        mm.asserted = _asserted(noun, lex) and mm.status != "cancelled"
        mm.provenance.append(ctx.provenance(chunk, noun))
        if mm.participants or mm.anaphoric or (mm.place and mm.date):
            out.append(mm)
    return out
