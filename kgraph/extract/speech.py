"""Events carried by reported speech: demands, allegations and requests.

``Germany said that Serbia must hand over the suspects`` is a demand by
Germany on Serbia; ``The US claimed that ISIL had attacked Iraq`` is an
accusation by the US against ISIL; ``Obama wants Putin to act`` is a request.
The speaker is the subject of the clause above the reported one.
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.fallbacks import ACTOR_KINDS
from kgraph.extract.triggers import event_type
from kgraph.records import Statement



def _speaker(ctx: DocContext, chunk: int, clause) -> list[tuple[str, str]]:
    """Who utters the clause: the subject of the nearest verb above it (``Britain said that ...``,
    ``issued a reminder to Iraq that ...``)."""
    t = clause.head
    for _ in range(3):
        if t.pos_ in {"VERB", "AUX"}:
            found = [a for s in syntax.subjects(t) for a in ctx.actors(chunk, s)]
            found = [a for a in found if a[1] in ACTOR_KINDS]
            if found:
                return found
        if t.head.i == t.i:
            break
        t = t.head
    return []


QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}
FIRST_PERSON = {"we": {"country", "organization"}, "i": {"person"}}


def quote_speaker(ctx: DocContext, chunk: int, pronoun) -> list[tuple[str, str]]:
    """``"We have called upon Pakistan to vacate the territories," the ministry said``: a
    first-person subject inside a quotation is the one the quotation is attributed to, by a
    reporting verb right after it closes or before it opens in the same paragraph, named there
    (not ``he said``: a second guess on a guess); "I" takes a person, "we" a country or an
    organisation (a person saying "we" speaks for a group left unnamed).  Nothing when the
    quotation has no such attribution."""
    kinds = FIRST_PERSON.get(pronoun.lower_)
    if kinds is None:
        return []
    doc = pronoun.doc
    marks = [t.i for t in doc if t.text in QUOTE_MARKS]
    before = [i for i in marks if i < pronoun.i]
    if len(before) % 2 == 0:
        return []  # not inside a quotation
    after = next((i for i in marks if i > pronoun.i), None)
    reporting = ctx.lex.word_lists["reporting_verbs"]
    scopes = []
    if after is not None:  # '"...," the ministry said in a statement.'
        stop = min([doc[after].sent.end, *(i for i in marks if i > after)], default=len(doc))
        scopes.append(range(after + 1, min(stop, after + 12)))
    opening = before[-1]  # 'The ministry said: "...'
    scopes.append(range(opening - 1, max(doc[opening].sent.start, opening - 12) - 1, -1))
    for scope in scopes:
        verb = next((doc[i] for i in scope if doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in reporting), None)
        if verb is None:
            continue
        found = [a for s in syntax.subjects(verb) if s.pos_ in {"NOUN", "PROPN"} for a in ctx.actors(chunk, s)]
        return [a for a in found if a[1] in kinds]
    return []


def obligation_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """``X said that Y must hand over the suspects``: a demand (REQUEST) from X to Y."""
    out: list[Statement] = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"ccomp", "acl", "relcl"}:
            continue  # "said that the US must be ready to mediate": the copula carries the "must"
        if not any(c.dep_ == "aux" and c.lower_ in ctx.lex.word_lists["deontic_modals"] for c in verb.children):
            continue
        targets = [a for s in syntax.subjects(verb) for a in ctx.actors(chunk, s)]
        speakers = _speaker(ctx, chunk, verb)
        prov = ctx.provenance(chunk, verb)
        # the demand is made when it is said, not by the deadline it sets ("must leave by October 31")
        said = syntax.clause_date(verb.head, ctx.doc_date, syntax.tense(verb.head)) if verb.head is not verb else ""
        for skey, _ in speakers:
            for okey, kind in targets:
                if skey != okey and kind in ACTOR_KINDS:
                    out.append(Statement(skey, "demand", okey, "REQUEST", syntax.is_negated(verb), 0.5, said, "100",
                                         prov))
    return out


def _reported_clause(verb, lists: dict):
    """The clause a reporting verb governs that ``verb`` is the act of: the clause itself
    (``claimed that ISIL had attacked Iraq``) or, through a verb of aiming or trying, its
    complement (``said Putin aimed to weaken NATO``); None when ``verb`` is not reported."""
    if verb.pos_ != "VERB":
        return None
    if verb.dep_ == "ccomp":
        return verb
    if verb.dep_ == "xcomp" and verb.head.dep_ == "ccomp" and verb.head.lemma_.lower() in lists["transparent_heads"]:
        return verb.head
    return None


def allegation_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """``The US claimed that ISIL had attacked Iraq``: reporting another actor's hostile act is an
    accusation (ACCUSE) from the speaker to the one said to act."""
    out: list[Statement] = []
    for verb in sent:
        reported = _reported_clause(verb, ctx.lex.word_lists)
        if reported is None or reported.head.lemma_.lower() not in ctx.lex.word_lists["alleging_verbs"]:
            continue
        etype = event_type(verb, ctx.lex)[0]
        if etype is None or etype.category not in ctx.lex.word_lists["hostile_acts"] or etype.reverse \
                or syntax.is_negated(verb):
            continue  # "Tunisia is facing attacks" tells of a victim; "cannot afford attacks" of no act
        speakers = [a for s in syntax.subjects(reported.head) for a in ctx.actors(chunk, s)]
        accused = [a for s in syntax.subjects(verb) for a in ctx.actors(chunk, s)] or (
            _origin(ctx, chunk, verb) if etype.category == "ASSAULT" else [])
        if set(accused) & set(speakers):
            continue  # "Obama and Putin said they will attack Iraq": speakers telling of their own act
        prov = ctx.provenance(chunk, verb)
        for skey, skind in speakers:
            own = ctx.country_of(skey)
            for okey, okind in accused:
                if own and ctx.country_of(okey) == own:  # a country's own country is itself
                    continue  # "the US military said the United States launched a strike": its own side's act
                if skey != okey and skind in ACTOR_KINDS and okind in ACTOR_KINDS:
                    out.append(Statement(skey, f"allege {verb.lemma_.lower()}", okey, "ACCUSE", False, 0.4, "", "112", prov))
    return out


def _origin(ctx: DocContext, chunk: int, verb) -> list[tuple[str, str]]:
    """``Israel said a mortar bomb was fired at it from the Gaza Strip``: a passive attack with no
    agent comes from the country it was launched from (only an attack: ``excluded from the
    congress`` names no origin)."""
    if not syntax.passive_objects(verb) or any(c.dep_ == "agent" for c in verb.children):
        return []
    out = []
    for place in syntax.prep_objects(verb, {"from"}):
        for key, kind in ctx.actors(chunk, place, as_agent=True):
            m = ctx.mention(chunk, place)
            if kind == "location" and m is not None and m.country:
                key, kind = f"country:{m.country}", "country"
            if kind in ACTOR_KINDS:
                out.append((key, kind))
    return out


def request_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """``Obama wants Putin to attack Switzerland``: wanting someone else to act is a REQUEST to them."""
    out: list[Statement] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.lex.word_lists["wanting_verbs"]:
            continue
        if any(c.dep_ == "aux" and c.lower_ in ctx.lex.word_lists["hedges"] for c in verb.children):
            continue  # "might want" is speculation, not a request
        xcomp = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), None)
        if xcomp is None:
            continue
        agents = [c for c in xcomp.children if c.dep_ in {"nsubj"}] or [c for c in verb.children if c.dep_ == "dobj"]
        targets = [a for t in agents for a in ctx.actors(chunk, t)]
        askers = [a for s in syntax.subjects(verb) for a in ctx.actors(chunk, s)]
        prov = ctx.provenance(chunk, verb)
        for skey, skind in askers:
            for okey, okind in targets:
                if skey != okey and skind in ACTOR_KINDS and okind in ACTOR_KINDS:
                    out.append(Statement(skey, "want", okey, "REQUEST", syntax.is_negated(verb), 0.5, "", "100", prov))
    return out
