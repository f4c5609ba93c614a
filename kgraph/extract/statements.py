"""Subject-relation-object statements with a PLOVER category.

Verbal events: the verb's lemma (with its particle, preposition or object
noun: ``call for``, ``impose|sanction``) is looked up in the event lexicon;
subjects come from the parse (controlled and inherited subjects included),
objects from direct objects, passive subjects and prepositional objects.
Nominal events (``his military intervention in Ukraine``) take the possessor
or modifier as subject and a prepositional object as object.  Negated verbs
give statements with ``negated=True``; they are never dropped or turned positive.
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.temporal import resolve_date
from kgraph.lexicon import EventType
from kgraph.records import Statement

OBJECT_PREPS = {"with", "on", "to", "against", "toward", "towards", "into", "at", "for", "from", "over", "upon"}
REPORTING = {"say", "tell", "state", "announce", "add", "note", "report", "claim", "write", "comment", "told"}
HEDGES = {"could", "might", "may", "would", "should"}
DROP_PREP_IN_RELATION = {"with"}  # "meet with X" is "meet"
# Nominal events need a possessor/modifier subject; these preps give their object.
NOMINAL_PREPS = {"in", "on", "against", "with", "to", "toward", "towards", "into", "over", "for"}


def event_type(verb, lex) -> tuple[EventType | None, str, object]:
    """The most specific lexicon entry for a verb and the relation string it yields.

    Returns (type, relation, event noun or None)."""
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    dobj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"), None)
    preps = [c.lower_ for c in verb.children if c.dep_ == "prep"]
    if prt and f"{lemma} {prt}" in lex.verbs:
        return lex.verbs[f"{lemma} {prt}"], f"{lemma} {prt}", None
    if dobj is not None:
        noun = dobj.lemma_.lower()
        if f"{lemma}|{noun}" in lex.verbs:
            return lex.verbs[f"{lemma}|{noun}"], f"{lemma} {noun}", dobj
        if (lemma in lex.light_verbs or lemma not in lex.verbs) and noun in lex.nouns:
            return lex.nouns[noun], f"{lemma} {noun}", dobj
    for p in preps:
        if f"{lemma} {p}" in lex.verbs:
            return lex.verbs[f"{lemma} {p}"], f"{lemma} {p}", None
    if lemma in lex.verbs:
        return lex.verbs[lemma], lemma, None
    return None, lemma, None


TOPIC_PREPS = {"on", "over", "for", "about"}


def _objects(ctx: DocContext, chunk: int, verb, noun, exclude: frozenset) -> list[tuple[str, str, str]]:
    """(key, kind, preposition) of the verb's objects; the event noun's own preps count too.

    With a ``with`` partner, ``on``/``over`` objects are topics, not targets
    (``work with Russia on Syria``).  A reduced passive (``the militia backed
    by Tehran``) has the noun it modifies as object.
    """
    out = []
    heads = [verb] + ([noun] if noun is not None else [])
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "nsubjpass", "attr", "oprd"} and (noun is None or c.i != noun.i):
            for key, kind in ctx.actors(chunk, c, as_agent=False, exclude=exclude):
                out.append((key, kind, ""))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        target = verb.head.head if verb.head.dep_ == "appos" else verb.head
        out.extend((k, kind, "") for k, kind in ctx.actors(chunk, target, as_agent=False))
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for key, kind in ctx.actors(chunk, g, as_agent=False, exclude=exclude):
                            out.append((key, kind, c.lower_))
    if any(p == "with" for _, _, p in out):
        out = [o for o in out if o[2] not in TOPIC_PREPS]
    return out


IMPLICIT_OBJECT = {"AID", "SUPPORT"}


def verbal_statements(ctx: DocContext, chunk: int, sent, recent: list[Statement]) -> list[Statement]:
    lex = ctx.lex
    out: list[Statement] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in REPORTING:
            continue
        etype, relation, noun = event_type(verb, lex)
        if etype is None:
            continue
        base = relation.rsplit(" ", 1)[0] if relation.split(" ")[-1] in OBJECT_PREPS else relation
        subj_tokens = syntax.subjects(verb)
        passive = bool(syntax.passive_objects(verb)) and not any(c.dep_ in syntax.SUBJ for c in verb.children)
        subjects = [a for t in subj_tokens for a in ctx.actors(chunk, t, as_agent=True)]
        objects = _objects(ctx, chunk, verb, noun, frozenset(k for k, _ in subjects))
        if passive and not any(c.dep_ == "agent" for c in verb.children):
            subjects = []
        if not subjects:
            continue
        subjects = [s for s in subjects if s[1] != "location"]
        if not objects:
            # reciprocal verbs with a plural subject: "Kerry and Lavrov met"
            implicit = ""
            if etype.category in IMPLICIT_OBJECT:
                implicit = implicit_object(recent, etype.category, ctx.sent_index(chunk, verb))
            intransitive = not any(c.dep_ in {"dobj", "prep", "dative", "xcomp", "ccomp"} for c in verb.children)
            if len(subjects) > 1 and intransitive and etype.category in {"CONSULT", "AGREE", "COOPERATE"}:
                objects = [(k, kind, "") for k, kind in subjects]
            elif implicit:
                objects = [(implicit, implicit.split(":")[0], "")]
                etype = EventType(etype.category, etype.cameo, etype.confidence * 0.6)
            else:
                continue
        negated = syntax.is_negated(verb)
        hedged = any(c.lower_ in HEDGES for c in verb.children if c.dep_ == "aux")
        t = syntax.tense(verb)
        date = _date(ctx, verb, t)
        conf = etype.confidence * (0.7 if hedged else 1.0)
        prov = ctx.provenance(chunk, verb)
        for skey, _ in subjects:
            for okey, _, prep in objects:
                if skey == okey:
                    continue
                rel = relation if (not prep or prep in DROP_PREP_IN_RELATION or relation.endswith(" " + prep)) else f"{base} {prep}"
                out.append(Statement(skey, rel, okey, etype.category, negated, round(conf, 2), date, etype.cameo, prov))
    return out


def nominal_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """Events named by nouns: ``Russia's military intervention in Ukraine``, ``sanctions on Russia``."""
    lex = ctx.lex
    out: list[Statement] = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.nouns:
            continue
        if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" and (event_type(noun.head, lex)[2] or noun.head).i == noun.i:
            continue  # already read as "impose sanctions on"
        etype = lex.nouns[noun.lemma_.lower()]
        subjects = []
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                subjects.extend(ctx.actors(chunk, c, as_agent=True))
        subjects = [s for s in subjects if s[1] != "location"]
        objects = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in NOMINAL_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        objects.extend((k, kind, c.lower_) for k, kind in ctx.actors(chunk, g, as_agent=False))
        if not subjects or not objects:
            continue
        prov = ctx.provenance(chunk, noun)
        date = _date(ctx, noun.head if noun.head.pos_ == "VERB" else noun, syntax.tense(noun.head))
        for skey, _ in subjects:
            for okey, _, prep in objects:
                if skey != okey:
                    out.append(Statement(skey, f"{noun.lemma_.lower()} {prep}", okey, etype.category, False,
                                         round(etype.confidence * 0.8, 2), date, etype.cameo, prov))
    return out


def _date(ctx: DocContext, head, t: str) -> str:
    for ent in syntax.date_spans(head):
        value = resolve_date(ent.text, ctx.doc_date, t)
        if value:
            return value
    return ""


def implicit_object(recent: list[Statement], category: str, sent_index: int) -> str:
    """The recipient an aid or support verb leaves unsaid, when the previous two
    sentences gave one for the same kind of event (``Russia has supplied the
    Assad government with arms ... But Iran has provided more support``)."""
    for st in reversed(recent):
        if st.provenance is None or st.provenance.sent_index < sent_index - 2:
            break
        if st.category == category and not st.negated and st.provenance.sent_index < sent_index:
            return st.object
    return ""
