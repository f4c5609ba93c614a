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

from dataclasses import replace

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.temporal import resolve_date
from kgraph.lexicon import EventType
from kgraph.records import Statement

OBJECT_PREPS = {"with", "on", "to", "against", "toward", "towards", "into", "at", "for", "from", "over", "upon"}
REPORTING = {"say", "tell", "state", "announce", "add", "note", "report", "claim", "write", "comment", "told"}
HEDGES = {"could", "might", "may", "should"}
DROP_PREP_IN_RELATION = {"with"}  # "meet with X" is "meet"
# Nominal events need a possessor/modifier subject; these preps give their object.
NOMINAL_PREPS = {"in", "on", "against", "with", "to", "toward", "towards", "into", "over", "for"}


def noun_entry(noun, lex) -> tuple[str, EventType | None]:
    """The lexicon entry of an event noun, a compound first: ``hunger strike`` before ``strike``."""
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1:
            key = f"{c.lemma_.lower()} {lemma}"
            if key in lex.nouns:
                return key, lex.nouns[key]
    return lemma, lex.nouns.get(lemma)


PARTITIVES = {"part", "parts", "most", "some", "much", "half", "rest", "portion", "all", "much", "bulk"}


def _content_noun(dobj, verb_lemma: str, lex):
    """``captured part of a stronghold``, ``gave 5 million dollars of aid``: the noun after ``of``
    says what the act is about when the object itself is a quantity."""
    inner = next((g for c in dobj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    if inner is None:
        return dobj
    if dobj.lemma_.lower() in PARTITIVES:
        return inner
    own = f"{verb_lemma}|{dobj.lemma_.lower()}" in lex.verbs or noun_entry(dobj, lex)[1] is not None
    inner_known = f"{verb_lemma}|{inner.lemma_.lower()}" in lex.verbs or noun_entry(inner, lex)[1] is not None
    return inner if inner_known and not own else dobj


def event_type(verb, lex) -> tuple[EventType | None, str, object]:
    """The most specific lexicon entry for a verb and the relation string it yields.

    Returns (type, relation, event noun or None)."""
    lemma = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    # a direct object tagged as a verb is a noun the tagger misread ("meet hostage-takers demands")
    dobj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                 and (c.pos_ == "NOUN" or (c.dep_ == "dobj" and c.pos_ == "VERB"))), None)
    if dobj is not None:
        dobj = _content_noun(dobj, lemma, lex)
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if dobj is None and named is not None and f"{lemma}|{named.lemma_.lower()}" in lex.verbs:
        # "blocked the Europe Bridge": a named object still says what kind of thing it is
        return lex.verbs[f"{lemma}|{named.lemma_.lower()}"], f"{lemma} {named.lemma_.lower()}", None
    # "signed a statement on Wednesday": a preposition that introduces a date is no particle
    preps = [c.lower_ for c in verb.children if c.dep_ == "prep"
             and not any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in c.children)]
    if prt and f"{lemma} {prt}" in lex.verbs:
        return lex.verbs[f"{lemma} {prt}"], f"{lemma} {prt}", None
    if dobj is not None:
        noun = dobj.lemma_.lower()
        if f"{lemma}|{noun}" in lex.verbs:
            return lex.verbs[f"{lemma}|{noun}"], f"{lemma} {noun}", dobj
        key, entry = noun_entry(dobj, lex)
        if entry is not None and lemma in lex.undergoing_verbs:
            # "China must face tariff penalties (from the US)": China is the target, a "from" names the source
            return replace(entry, reverse=True), key, dobj
        if (lemma in lex.light_verbs or lemma not in lex.verbs) and entry is not None:
            return entry, f"{lemma} {key}", dobj
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
    if noun is not None:  # "expelled the Libyan ambassador": the event noun names its target
        out.extend((k, kind, "") for k, kind in ctx.actors(chunk, noun, as_agent=False, exclude=exclude)
                   if k not in exclude)
    for c in verb.children:  # "help defend Saudi Arabia", "help rebuild Iraq": the helped act's object
        if c.dep_ == "xcomp" and not any(g.dep_ in {"dobj", "dative"} for g in verb.children):
            for g in c.children:
                if g.dep_ == "dobj":
                    out.extend((k, kind, "") for k, kind in ctx.actors(chunk, g, as_agent=False, exclude=exclude))
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
        if verb.pos_ != "VERB":
            continue
        etype, relation, noun = event_type(verb, lex)
        if etype is None or (verb.lemma_.lower() in REPORTING and noun is None):
            continue  # "said" is no event; "announced a suspension of flights" is
        base = relation.rsplit(" ", 1)[0] if relation.split(" ")[-1] in OBJECT_PREPS else relation
        if _governed_by_event(verb, lex) or _governs_event(verb, lex):
            continue  # "threatened to cut off supplies": the governing verb carries the event
        subj_tokens = syntax.subjects(verb)
        passive = bool(syntax.passive_objects(verb)) and not any(c.dep_ in syntax.SUBJ for c in verb.children)
        subjects = [a for t in subj_tokens for a in ctx.actors(chunk, t, as_agent=True)]
        subjects = [s for s in subjects if s[1] != "location"]
        objects = _objects(ctx, chunk, verb, noun, frozenset(k for k, _ in subjects))
        if verb.lemma_.lower() in TOPIC_VERBS:
            objects = [o for o in objects if o[2] == "with"]  # "discussed aid to Ukraine": topics
        elif etype.category == "CONSULT":
            objects = [o for o in objects if o[2] not in {"at", "in"}]  # "hosted X at the palace": a place
        if passive and not any(c.dep_ == "agent" for c in verb.children):
            subjects = _agent_of_attack(ctx, chunk, verb)  # "killed in Israeli tank shelling"
        guessed = 1.0
        reciprocal = False
        main = _main_clause(verb)
        if not subjects and etype.category in UNATTRIBUTED and main and not objects and passive and _human_victim(verb):
            # "a journalist has been killed in a car bomb explosion in Beirut": the victims, named by
            # no country, are counted to the country where it happened
            objects = [(k, kind, "") for k, kind in _place_country(ctx, chunk, verb)]
        if not subjects and etype.category in UNATTRIBUTED and objects and main:
            # "Three soldiers were killed by a bomb outside Basra": event data code an attack by
            # unknown perpetrators as coming from the country where it happened
            subjects = _place_country(ctx, chunk, verb)
            guessed = 0.4
            relation = f"{relation} (perpetrator unknown)"
        if not subjects and not passive and main:
            subjects = _nearest_actor(ctx, chunk, verb, left=True, exclude={k for k, _, _ in objects})
            guessed = 0.5
        if not subjects:
            continue
        if not objects:
            objects, factor, reciprocal = _missing_target(ctx, chunk, verb, etype, subjects, recent, main)
            guessed *= factor
            if not objects:
                continue
        if etype.reverse:
            givers = [(k, kind, "") for k, kind, p in objects if p == "from"]
            if not givers:
                continue
            subjects, objects = [(k, kind) for k, kind, _ in givers], [(k, kind, "") for k, kind in subjects]
        negated = syntax.is_negated(verb)
        category = plover_mode(etype.category, verb)
        hedged = any(c.lower_ in HEDGES for c in verb.children if c.dep_ == "aux")
        t = syntax.tense(verb)
        date = _date(ctx, verb, t)
        conf = etype.confidence * (0.7 if hedged else 1.0) * guessed
        prov = ctx.provenance(chunk, verb)
        if any(o[0] not in {k for k, _ in subjects} for o in objects):
            # "Syria offered its troops to Lebanon": a self-reference yields to a real target
            objects = [o for o in objects if o[0] not in {k for k, _ in subjects}]
        for skey, skind in subjects:
            for okey, okind, prep in objects:
                if skey == okey and (skind != "country" or reciprocal):
                    continue  # only a country acting on its own people or places is its own target
                rel = relation if (not prep or prep in DROP_PREP_IN_RELATION or relation.endswith(" " + prep)) else f"{base} {prep}"
                out.append(Statement(skey, rel, okey, category, negated, round(conf, 2), date,
                                     etype.cameo if category == etype.category else "", prov))
                if category == "CONSULT" and not negated and committed(verb):
                    # "will visit Albania", "ready to host a meeting": CAMEO 036, intent to meet (AGREE),
                    # beside the planned meeting itself
                    out.append(Statement(skey, f"agree to {rel}", okey, "AGREE", False, round(conf * 0.8, 2), date,
                                         "036", prov))
                if negated and category in REFUSABLE:
                    # "will not accept", "did not attend": the denied act stays negated, and the
                    # refusal itself is a REJECT event (PLOVER)
                    out.append(Statement(skey, f"not {rel}", okey, "REJECT", False, round(conf * 0.8, 2), date, "120", prov))
    return out


# CONSULT stays CONSULT when planned: the schema codes every meeting, visit and talk as CONSULT
# and the meeting node carries status=planned.
COOPERATIVE_ACTS = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "SUPPORT"}
CONFLICT_ACTS = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
REFUSABLE = COOPERATIVE_ACTS | {"AGREE"}
COMMITMENT_HEADS = {"offer", "promise", "pledge", "vow", "commit", "agree", "ready", "willing", "prepared",
                    "prepare", "plan", "intend", "determined", "undertake", "want", "wish", "hope", "aim", "swear",
                    "threaten"}
# Verbs of trying let the attempted act through unchanged: "sought to isolate Putin" is about isolating.
TRANSPARENT_HEADS = {"seek", "try", "attempt", "strive", "endeavour", "endeavor", "want", "wish", "hope", "aim",
                     "plan", "intend", "continue", "begin", "start", "decide", "move"}
MODAL_FUTURE = {"will", "wo", "'ll", "shall", "would"}
PREPARING = {"prepare", "ready"}


def committed(verb) -> bool:
    """An act that is promised, offered or announced for the future rather than done
    (``Israel will evacuate``, ``Syria is willing to withdraw``, ``offered to hand over``)."""
    return bool(commitment(verb))


def commitment(verb) -> str:
    """What makes an act a commitment: a future modal (``will``), the lemma of the word that
    promises it (``willing``, ``prepare``), or "" for an act done."""
    v = verb
    for _ in range(3):  # "willing to send material to help defend X": the promise covers the purpose too
        modal = next((c.lower_ for c in v.children if c.dep_ == "aux" and c.lower_ in MODAL_FUTURE), "")
        if modal:
            return modal
        head = v.head
        if v.dep_ in {"xcomp", "ccomp"} and head.i != v.i and head.lemma_.lower() in COMMITMENT_HEADS:
            return head.lemma_.lower()
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if not ((v.dep_ == "xcomp" or (infinitive and v.dep_ == "advcl")) and head.i != v.i and head.pos_ == "VERB"):
            return ""
        v = head
    return ""


def conditional(verb, words=("unless",)) -> bool:
    """``will withdraw its force unless the ceasefire holds``: an act made to hang on a condition."""
    return any(c.dep_ == "advcl" and any(w.lower_ in words for w in c.children) for c in verb.children)


def plover_mode(category: str, verb) -> str:
    """PLOVER codes a promised cooperative act as AGREE and a promised or conditional hostile act
    (``may halt mediation if cooperation founders``) as THREATEN."""
    if category in CONFLICT_ACTS | {"SANCTION", "REJECT"} and conditional(verb, ("if", "unless")):
        return "THREATEN"
    promise = commitment(verb)
    if not promise:
        return category
    if conditional(verb):
        return "THREATEN"
    if promise in PREPARING and category in {"ASSAULT", "COERCE"}:
        return "MOBILIZE"  # "the army prepared to resume shelling": readying force (PLOVER MOBILIZE)
    if category in COOPERATIVE_ACTS:
        return "AGREE"
    if category in CONFLICT_ACTS:
        return "THREATEN"
    return category


UNATTRIBUTED = {"ASSAULT", "COERCE"}
TOPIC_VERBS = {"discuss", "debate", "consider", "address", "review", "examine", "study", "explore"}
DOMESTIC = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT", "SANCTION"}


def _agent_of_attack(ctx: DocContext, chunk: int, verb) -> list[tuple[str, str]]:
    """The attacker named by the attack a passive verb reports (``were killed in Israeli shelling``,
    ``wounded by a Russian missile strike``)."""
    for pobj in syntax.prep_objects(verb, {"in", "by", "during"}):
        _, entry = noun_entry(pobj, ctx.lex)
        hostile = entry is not None and entry.category in UNATTRIBUTED
        for c in pobj.children:
            m = ctx.mention(chunk, c)
            # an actor modifying the attack, or a nationality on the weapon ("Israeli tank fire")
            if c.dep_ in {"amod", "compound", "poss", "nmod"} and (hostile or (m is not None and m.via == "demonym")):
                found = [a for a in ctx.actors(chunk, c) if a[1] in ACTOR_KINDS]
                if found:
                    return found
    return []


def _human_victim(verb) -> bool:
    """The passive subject is people (``a journalist``, ``three civilians``), not a thing."""
    return any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and c.ent_type_ in {"", "NORP"}
               and (c.tag_ == "NNS" or c.lemma_.lower().endswith(("ist", "er", "or", "ian", "ent", "ee")))
               for c in verb.children)


def _place_country(ctx: DocContext, chunk: int, verb) -> list[tuple[str, str]]:
    """The country of the place an event happened (``in central Baghdad``, ``near Samarra``)."""
    for t in verb.sent:
        m = ctx.mention(chunk, t)
        if m is None:
            continue
        head = t.head
        located = t.dep_ == "pobj" and head.lower_ in {"in", "near", "outside", "at", "across", "inside", "of"}
        if m.kind == "location" and m.country and located:
            return [(f"country:{m.country}", "country")]
        if m.kind == "country" and located and m.via != "demonym":
            return [(m.cluster, "country")]
    return []


def _main_clause(verb) -> bool:
    """The sentence's own event (root, its conjuncts, or what a reporting verb reports): only these
    get event-coder guesses for a missing side; subordinate events need both sides in the parse."""
    v = verb
    while v.dep_ in {"conj", "xcomp", "acomp"} and v.head.i != v.i:
        v = v.head
    if v.dep_ == "ROOT":
        return True
    return v.dep_ in {"ccomp", "parataxis"} and v.head.lemma_.lower() in REPORTING | {"announce", "declare", "report"}


def _missing_target(ctx: DocContext, chunk: int, verb, etype: EventType, subjects, recent: list[Statement],
                    main: bool) -> tuple[list, float, bool]:
    """Who an event is aimed at when the parse names nobody: (objects, confidence factor, reciprocal).

    In order: a plural subject acting together (``Kerry and Lavrov met``); the recipient of the
    same kind of act one or two sentences back (``Iran has provided more support``); an actor inside
    the verb's complements or to its right (event-coder fallback, the sentence's own event only);
    the actor's own country for material acts with no named target (``police opened fire``).
    """
    if _reciprocal(verb, subjects, etype):
        return [(k, kind, "") for k, kind in subjects], 1.0, True
    if etype.category in IMPLICIT_OBJECT:
        implicit = implicit_object(recent, etype.category, ctx.sent_index(chunk, verb))
        if implicit:
            return [(implicit, implicit.split(":")[0], "")], 0.6, False
    if main and verb.lemma_.lower() not in TOPIC_VERBS:  # "discussed aid to Ukraine": a topic
        found = _complement_actor(ctx, chunk, verb, {k for k, _ in subjects})
        if found:
            return [(k, kind, "") for k, kind in found], 0.5, False
    if not main or etype.category == "CONSULT":
        return [], 1.0, False
    place = _place_country(ctx, chunk, verb)
    own = {ctx.country_of(k) for k, _ in subjects} - {""}
    if etype.category in DOMESTIC:
        home = place or [(f"country:{c}", "country") for c in sorted(own)[:1]]
        if home:
            return [(k, kind, "") for k, kind in home[:1]], 0.4, False
    elif place and own <= {place[0][0].split(":", 1)[1]}:
        # "the coalition agreed to postpone the demonstration in Baku", "Hizbollah declared a
        # ceasefire in south Lebanon": an act inside the actor's own country, aimed at nobody named
        return [(k, kind, "") for k, kind in place[:1]], 0.4, False
    return [], 1.0, False


def _reciprocal(verb, subjects, etype) -> bool:
    """``Kerry and Lavrov met``, ``Jordan and Britain agreed to hold exercises``: a plural subject
    and no actor object make a mutual event."""
    return len(subjects) > 1 and (etype.category in {"CONSULT", "AGREE", "COOPERATE"} or etype.cameo in MUTUAL_CAMEO)


MUTUAL_CAMEO = {"050", "057"}  # diplomatic cooperation, signing an agreement: mutual whatever their PLOVER type


def _governed_by_event(verb, lex) -> bool:
    """``threatened to attack``: the governing verb is the event, unless it only says that the act
    was tried, planned or wanted (``sought to isolate``), which lets the act through."""
    head = verb.head
    return verb.dep_ in {"xcomp", "ccomp"} and head.pos_ == "VERB" and head.i != verb.i and (
        event_type(head, lex)[0] is not None and head.lemma_.lower() not in REPORTING | TRANSPARENT_HEADS
    )


def _governs_event(verb, lex) -> bool:
    """A verb of trying or wanting whose complement is itself an event carries no event of its own."""
    return verb.lemma_.lower() in TRANSPARENT_HEADS and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and event_type(c, lex)[0] is not None for c in verb.children)


ACTOR_KINDS = {"person", "organization", "country"}


def _nearest_actor(ctx: DocContext, chunk: int, verb, left: bool, exclude: set) -> list[tuple[str, str]]:
    """The closest actor mention on one side of the verb in its sentence (event-coder fallback)."""
    tokens = range(verb.i - 1, verb.sent.start - 1, -1) if left else range(verb.i + 1, verb.sent.end)
    for i in tokens:
        m = ctx.mention(chunk, verb.doc[i])
        if m is not None and m.kind in ACTOR_KINDS and m.cluster not in exclude:
            return [(m.cluster, m.kind)]
    return []


def _complement_actor(ctx: DocContext, chunk: int, verb, exclude: set) -> list[tuple[str, str]]:
    """Target of an event whose object is not itself an actor: the first actor inside the verb's
    complements (``demanded that the US cancel ...``, ``threatened to cut off electricity to
    Nakhichevan``), else the nearest actor to the right of the verb."""
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "advcl"}:
            continue
        for t in c.subtree:
            if t.tag_ in {"PRP", "PRP$"} and t.lower_ not in {"it", "its", "itself"}:
                key, kind = ctx.actor(chunk, t, as_agent=False, exclude=frozenset(exclude))
                if key and key not in exclude:  # "rejected his proposal"
                    return [(key, kind)]
            m = ctx.mention(chunk, t)
            if m is None or m.kind not in ACTOR_KINDS | {"location"}:
                continue
            key, kind = ctx.actor(chunk, t, as_agent=False)
            if key and key not in exclude:
                return [(key, kind)]
            # a domestic act: "Turkey will allow Turkish refugees to return", "Sudan lifted the
            # emergency in West Darfur" - the target is the actor's own country
            own = f"country:{m.country}" if m.kind == "location" and m.country else (key if m.via == "demonym" else "")
            if own and own in exclude:
                return [(own, "country")]
    return _nearest_actor(ctx, chunk, verb, left=False, exclude=exclude)


def nominal_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """Events named by nouns: ``Russia's military intervention in Ukraine``, ``sanctions on Russia``."""
    lex = ctx.lex
    out: list[Statement] = []
    for noun in sent:
        key, etype = noun_entry(noun, lex) if noun.pos_ == "NOUN" else ("", None)
        if etype is None:
            continue
        if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" and (event_type(noun.head, lex)[2] or noun.head).i == noun.i:
            continue  # already read as "impose sanctions on"
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
        if etype.category == "CONSULT":
            objects = [o for o in objects if o[2] not in {"in", "at"}]  # "their talks in the Kremlin": a place
        if not subjects or not objects:
            continue
        prov = ctx.provenance(chunk, noun)
        date = _date(ctx, noun.head if noun.head.pos_ == "VERB" else noun, syntax.tense(noun.head))
        for skey, _ in subjects:
            for okey, _, prep in objects:
                if skey != okey:
                    out.append(Statement(skey, f"{key} {prep}", okey, etype.category, False,
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
