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
from kgraph.extract.fallbacks import (
    ACTOR_KINDS,
    TOPIC_VERBS,
    UNATTRIBUTED,
    agent_of_attack,
    human_victim,
    lead_sentence,
    main_clause,
    missing_target,
    nearest_actor,
    place_country,
)
from kgraph.extract.modality import REFUSABLE, committed, plover_mode
from kgraph.extract.speech import FIRST_PERSON, quote_speaker
from kgraph.extract.triggers import (
    event_type,
    governed_by_event,
    governs_event,
    noun_entry,
)
from kgraph.lexicon import EventType
from kgraph.records import Statement


def _objects(ctx: DocContext, chunk: int, verb, noun, exclude: frozenset) -> list[tuple[str, str, str]]:
    """(key, kind, preposition) of the verb's objects; the event noun's own preps count too.

    With a ``with`` partner, ``on``/``over`` objects are topics, not targets
    (``work with Russia on Syria``).  A reduced passive (``the militia backed
    by Tehran``) has the noun it modifies as object.
    """
    out = []
    heads = [verb] + ([noun] if noun is not None else [])
    if noun is not None and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        heads.append(noun.head)  # "friendship and cooperation with India": the partner is shared
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
    for c in verb.children:  # "pressured Colombia to think again": the parser makes the one pressed the infinitive's subject
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            for g in c.children:
                if g.dep_ == "nsubj":
                    out.extend((k, kind, "") for k, kind in ctx.actors(chunk, g, as_agent=False, exclude=exclude))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        target = verb.head.head if verb.head.dep_ == "appos" else verb.head
        out.extend((k, kind, "") for k, kind in ctx.actors(chunk, target, as_agent=False))
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ctx.lex.word_lists["object_preps"]:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for key, kind in ctx.actors(chunk, g, as_agent=False, exclude=exclude):
                            out.append((key, kind, c.lower_))
    if any(p == "with" for _, _, p in out):
        out = [o for o in out if o[2] not in ctx.lex.word_lists["topic_preps"]]
        out.extend((k, kind, "with") for k, kind in _partners_after_medium(ctx, chunk, verb, exclude))
    return out


def _partners_after_medium(ctx: DocContext, chunk: int, verb, exclude: frozenset) -> list[tuple[str, str]]:
    """``spoke with Trump by phone and Pence in person``: the parser joins the second partner to
    the medium (``phone``); an actor coordinated with a medium noun is another partner, unless a
    verb follows it (``by phone and Macron praised the call``: a new clause's subject)."""
    media = ctx.lex.meeting_means.keys() | ctx.lex.word_lists.get("medium_nouns", frozenset())  # phone, video, letter...
    doc = verb.doc
    return [a for g in syntax.prep_objects(verb, {"by", "via", "over"}) if g.lemma_.lower() in media
            for c in g.conjuncts
            if c.right_edge.i + 1 >= len(doc) or doc[c.right_edge.i + 1].pos_ not in {"VERB", "AUX"}
            for a in ctx.actors(chunk, c, as_agent=False, exclude=exclude)
            if a[1] in ACTOR_KINDS and a[0] not in exclude]


def verbal_statements(ctx: DocContext, chunk: int, sent, recent: list[Statement]) -> list[Statement]:
    lex = ctx.lex
    out: list[Statement] = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        etype, relation, noun = event_type(verb, lex)
        if etype is None or (verb.lemma_.lower() in lex.word_lists["reporting_verbs"] and noun is None):
            continue  # "said" is no event; "announced a suspension of flights" is
        if etype.category == "PROTEST" and relation.endswith(" to") and not any(
                g.lemma_.lower() in lex.word_lists.get("protest_grounds", ()) for g in syntax.prep_objects(verb, {"to"})):
            continue  # "took to the streets" is a protest, "took to Twitter" is not
        if _irrealis(verb, lex):
            continue  # "if France is staying in Syria to protect the YPG", "I hope the US would target"
        if relation == verb.lemma_.lower() and _shared_view(verb, lex):
            continue  # "all agreed that vaccines have done good": a view, not an agreement
        if governed_by_event(verb, lex) or governs_event(verb, lex) or _asked_for(verb, lex):
            continue  # "threatened to cut off supplies": the governing verb carries the event
        subj_tokens = syntax.subjects(verb, lists=lex.word_lists)
        if _hazard(subj_tokens, lex):
            continue  # "an earthquake struck", "Hurricane Lorenzo hit the Azores": nature is no actor
        main = main_clause(verb, lex)
        guessing = main and lead_sentence(ctx.sent_index(chunk, verb))
        base = relation.rsplit(" ", 1)[0] if relation.split(" ")[-1] in lex.word_lists["object_preps"] else relation
        subjects, objects, passive = _parsed_sides(ctx, chunk, verb, etype, noun, subj_tokens)
        subjects, objects, guessed, relation = _guessed_subjects(
            ctx, chunk, verb, etype, relation, subj_tokens, (subjects, objects, passive, main, guessing))
        proxies = _proxies(ctx, chunk, subj_tokens)
        subjects = [s for s in subjects if s[0] not in proxies]
        if etype.category == "CONSULT" and verb.lemma_.lower() in lex.travel_verbs | {"tour"}:
            subjects, objects = _official_travel(ctx, chunk, subj_tokens, subjects, objects)
        if not subjects:
            continue
        if len(subjects) > 1 and not objects and noun is not None and noun_entry(noun, lex)[0] in lex.joint_activity_nouns:
            # "French and Egyptian warships launched war games": exercises held together are cooperation
            etype = EventType("COOPERATE", "062", etype.confidence)
        reciprocal = False
        if not objects and _first_person(subj_tokens):
            continue  # a speaker found through a quotation is guess enough: the target must be parsed
        if not objects:
            objects, factor, reciprocal = missing_target(ctx, chunk, verb, etype, subjects, recent, main,
                                                        lead=guessing)
            guessed *= factor
        own = _own_means(ctx, chunk, verb, {k for k, _ in subjects})
        objects = [o for o in objects if o[0] not in own]
        if not objects:
            continue
        if etype.reverse:
            givers = [(k, kind, "") for k, kind, p in objects if p == "from"]
            if not givers:
                continue
            subjects, objects = [(k, kind) for k, kind, _ in givers], [(k, kind, "") for k, kind in subjects]
        out.extend(_emit(ctx, chunk, verb, etype, (relation, base), (subjects, objects, guessed, reciprocal)))
    return out


def _parsed_sides(ctx: DocContext, chunk: int, verb, etype: EventType, noun, subj_tokens) -> tuple[list, list, bool]:
    """(subjects, objects, passive) as the parse gives them: a stance participle's subject acts
    (``Israel is opposed to French mediation``), a topic verb's objects are topics, a passive
    with no agent takes the attacker its attack names (``killed in Israeli tank shelling``)."""
    passive = bool(syntax.passive_objects(verb)) and not any(c.dep_ in syntax.SUBJ for c in verb.children)
    stative = passive and verb.lemma_.lower() in ctx.lex.stative_participles and not any(
        c.dep_ == "agent" for c in verb.children)
    if stative:
        subj_tokens, passive = syntax.passive_objects(verb), False
    subjects = reported_speaker(ctx, chunk, verb, subj_tokens) or [
        a for t in subj_tokens for a in ctx.actors(chunk, t, as_agent=True)] or [
        a for t in subj_tokens if t.tag_ == "PRP" for a in quote_speaker(ctx, chunk, t)]
    subjects = [s for s in subjects if s[1] != "location"]
    objects = _objects(ctx, chunk, verb, noun, frozenset(k for k, _ in subjects))
    if stative:
        objects = [o for o in objects if o[0] not in {k for k, _ in subjects}]
    if verb.lemma_.lower() in TOPIC_VERBS:
        objects = [o for o in objects if o[2] == "with"]  # "discussed aid to Ukraine": topics
    elif etype.category == "CONSULT":
        # "hosted X at the palace": a place; "spoke on Fox News", "talks on Syria": a medium or a topic
        objects = [o for o in objects if o[2] not in ctx.lex.word_lists["not_partner_preps"]]
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        subjects = agent_of_attack(ctx, chunk, verb)
    return subjects, objects, passive


def _guessed_subjects(ctx: DocContext, chunk: int, verb, etype: EventType, relation: str, subj_tokens,
                      parsed: tuple) -> tuple[list, list, float, str]:
    """Event-coder guesses for a side the parse leaves empty, each lowering the confidence:
    (subjects, objects, confidence factor, relation)."""
    subjects, objects, passive, main, guessing = parsed
    guessed = 1.0
    if etype.category in UNATTRIBUTED and guessing and not objects and passive and human_victim(verb):
        # "a journalist has been killed in a car bomb explosion in Beirut": the victims, named by
        # no country, are counted to the country where it happened
        objects = [(k, kind, "") for k, kind in place_country(ctx, chunk, verb)]
    if not subjects and etype.category in UNATTRIBUTED and objects and guessing:
        # "Three soldiers were killed by a bomb outside Basra": event data code an attack by
        # unknown perpetrators as coming from the country where it happened
        return place_country(ctx, chunk, verb), objects, 0.4, f"{relation} (perpetrator unknown)"
    if not subjects and etype.category == "PROTEST" and any(t.tag_ in {"NNS", "NNPS"} for t in subj_tokens) \
            and not any(ctx.mention(chunk, x) is not None for t in subj_tokens for x in t.subtree):
        # "Prisoners rioted at a jail in Dili", "refugees continued a hunger strike": unnamed
        # protesters are counted to the country where they protest
        home = place_country(ctx, chunk, verb) or ([(f"country:{ctx.scene}", "country")] if ctx.scene else [])
        subjects, guessed = home, 0.4
    within = _subject_span(subj_tokens)
    if not subjects and not passive and main and (guessing or within is not None):
        # inside the subject the parse names ("the APEC forum") anywhere; anywhere to the left in a lead only
        subjects = nearest_actor(ctx, chunk, verb, left=True, exclude={k for k, _, _ in objects}, within=within)
        guessed = 0.5
    return subjects, objects, guessed, relation


def _official_travel(ctx: DocContext, chunk: int, subj_tokens, subjects: list, objects: list) -> tuple[list, list]:
    """Travel is a visit (CONSULT) by a state, a body or a person with a public role, to a place:
    ``Foreign Minister Malik travelled to Syria``, ``Turkish officials travelled to Moscow``, not
    ``Begum travelled to Syria``, ``French fighters travelled to Afghanistan`` or ``returned to her
    husband``."""
    official = ctx.lex.word_lists.get("official_nouns", frozenset())
    nationality_only = {m.cluster for t in subj_tokens if t.lemma_.lower() not in official
                        for x in t.subtree for m in [ctx.mention(chunk, x)] if m is not None and m.via == "demonym"}
    subjects = [(k, kind) for k, kind in subjects
                if (k in ctx.standing if kind == "person" else k not in nationality_only)]
    return subjects, [o for o in objects if o[1] in {"location", "country"}]


def _own_means(ctx: DocContext, chunk: int, verb, subject_keys: set) -> set[str]:
    """Subjects whose own forces the verb's object names (``sent British troops into combat``,
    ``deployed its warships``): the actor's means, not a target of its act."""
    means = ctx.lex.word_lists.get("means_nouns", frozenset())
    nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return {k for n in nouns if n.lemma_.lower() in means for x in n.children
            if x.dep_ in {"amod", "compound", "poss", "nmod"} for k, _ in ctx.actors(chunk, x) if k in subject_keys}


def _proxies(ctx: DocContext, chunk: int, subj_tokens) -> set[str]:
    """Actors a subject names only as those its people belong to (``the parents of Jack Letts``,
    ``Trump's family``, ``US-backed fighters``): they are not the ones acting."""
    kin = ctx.lex.word_lists.get("associate_nouns", frozenset())
    backing = ctx.lex.word_lists.get("backing_participles", frozenset())
    spans = []
    for t in subj_tokens:
        if t.lemma_.lower() in kin:
            spans.extend(x for c in t.children if c.dep_ in {"poss", "prep"} for x in c.subtree)
        spans.extend(x for c in t.children if c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in backing
                     for x in c.subtree)
    return {m.cluster for x in spans for m in [ctx.mention(chunk, x)] if m is not None}


def _irrealis(verb, lex) -> bool:
    """An act in a condition (``if``, ``unless``, ``whether``) or under a word of wishing or
    guessing (``hope``, ``likely``) is not reported as done or promised."""
    heads = lex.word_lists.get("irrealis_heads", frozenset())
    v = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in v.children):
            return True
        if v.dep_ not in {"xcomp", "ccomp", "advcl", "conj"} or v.head.i == v.i:
            return False
        if v.head.lemma_.lower() in heads and not (v.dep_ == "xcomp" and v.head.pos_ == "VERB"):
            return True  # "hopes to visit" is the speaker's own intent, "likely to attack" a guess
        v = v.head
    return False


def _shared_view(verb, lex) -> bool:
    """``agreed that vaccines have done more good than harm``: an opinion verb whose that-clause
    states a view (no modal); ``agreed that their countries should cooperate`` is an agreement."""
    if verb.lemma_.lower() not in lex.word_lists.get("opinion_verbs", frozenset()):
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return clause is not None and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def _hedged(verb, hedges) -> bool:
    """``may reach a deal``, ``may feel emboldened to launch an assault``: a hedge on the verb or
    on the verbs whose complement it is (``feel`` -> ``emboldened`` -> ``launch``)."""
    v = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in hedges for c in v.children):
            return True
        infinitive = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if (v.dep_ not in {"xcomp", "acomp", "oprd"} and not infinitive) or v.head.i == v.i:
            return False
        v = v.head
    return False


def _emit(ctx: DocContext, chunk: int, verb, etype: EventType, relations: tuple[str, str], sides: tuple) -> list[Statement]:
    """Statements for every subject and object, with modality, negation, date and confidence;
    a planned meeting also gives an intent to meet, a denied cooperative act a refusal."""
    lex = ctx.lex
    subjects, objects, guessed, reciprocal = sides
    relation, base = relations  # "call for" and "call" (the verb without its preposition)
    negated = syntax.is_negated(verb)
    category = plover_mode(etype.category, verb)
    hedged = _hedged(verb, lex.word_lists["hedges"])
    date = statement_date(ctx, verb, syntax.tense(verb))
    conf = etype.confidence * (0.7 if hedged else 1.0) * guessed
    if hedged and category == etype.category and not negated:
        return []  # "Assad may feel emboldened to launch", "could lead to a deal": the writer's guess, no act
    if etype.category == "CONSULT":  # "speaking to Reuters": an interview, parsed or guessed
        objects = [o for o in objects if o[0] not in ctx.outlets]
    prov = ctx.provenance(chunk, verb)
    if any(o[0] not in {k for k, _ in subjects} for o in objects):
        # "Syria offered its troops to Lebanon": a self-reference yields to a real target
        objects = [o for o in objects if o[0] not in {k for k, _ in subjects}]
    out = []
    for skey, skind in subjects:
        for okey, _, prep in objects:
            if skey == okey and (skind != "country" or reciprocal):
                continue  # only a country acting on its own people or places is its own target
            rel = relation if (not prep or prep in lex.word_lists["drop_prep_in_relation"]
                               or relation.endswith(" " + prep)) else f"{base} {prep}"
            out.append(Statement(skey, rel, okey, category, negated, round(conf, 2), date,
                                 etype.cameo if category == etype.category else "", prov))
            if category == "CONSULT" and not negated and committed(verb):
                # "will visit Albania", "ready to host a meeting": CAMEO 036, intent to meet (AGREE)
                out.append(Statement(skey, f"agree to {rel}", okey, "AGREE", False, round(conf * 0.8, 2), date,
                                     "036", prov))
            if negated and category in REFUSABLE:
                # "will not accept", "did not attend": the denied act stays negated, and the
                # refusal itself is a REJECT event (PLOVER)
                out.append(Statement(skey, f"not {rel}", okey, "REJECT", False, round(conf * 0.8, 2), date, "120", prov))
    return out


def reported_speaker(ctx: DocContext, chunk: int, verb, subj_tokens) -> list[tuple[str, str]]:
    """``Malaysian authorities announced they would not release the body``: a pronoun subject of
    a reported clause is its speaker, when the speaker fits the pronoun (a person for he/she, a
    country, organisation or group for it/they)."""
    pronoun = next((t for t in subj_tokens if t.tag_ == "PRP"), None)
    if pronoun is None or pronoun.lower_ not in {"he", "she", "it", "they", "we"}:
        return []
    v = verb
    while v.dep_ in {"xcomp", "conj"} and v.head.i != v.i:
        v = v.head
    if v.dep_ != "ccomp" or v.head.lemma_.lower() not in ctx.lex.word_lists["reporting_verbs"]:
        return []
    personal = pronoun.lower_ in {"he", "she"}
    found = [a for s in syntax.subjects(v.head) if s.tag_ != "PRP" for a in ctx.actors(chunk, s, as_agent=True)]
    return [a for a in found if (a[1] == "person") == personal and a[1] in ACTOR_KINDS]


def _asked_for(verb, lex) -> bool:
    """``called for Russia to withdraw``: an act asked of someone is not done (the request is a
    statement pattern)."""
    return verb.dep_ in {"advcl", "ccomp", "xcomp"} and verb.head.lemma_.lower() in lex.word_lists["appeal_verbs"] \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _first_person(subj_tokens) -> bool:
    return any(t.tag_ == "PRP" and t.lower_ in FIRST_PERSON for t in subj_tokens)


def _hazard(subj_tokens, lex) -> bool:
    """A subject that is a natural hazard or an accident, by its head or a word of its name."""
    hazards = lex.word_lists.get("hazard_nouns", frozenset())
    return any(t.lemma_.lower() in hazards or any(c.dep_ == "compound" and c.lemma_.lower() in hazards for c in t.children)
               for t in subj_tokens)


def _subject_span(subj_tokens) -> set[int] | None:
    """Where a guessed agent may be looked for: inside the subject the parse names (``the APEC
    forum``, ``students throughout Indonesia``), not in another clause or a parenthesis
    (``an earthquake struck ... (UTC)``); anywhere to the left when the parse names none."""
    nouns = [t for t in subj_tokens if t.pos_ in {"NOUN", "PROPN"}]
    return {x.i for t in nouns for x in t.subtree} if nouns else None


def nominal_statements(ctx: DocContext, chunk: int, sent) -> list[Statement]:
    """Events named by nouns: ``Russia's military intervention in Ukraine``, ``sanctions on Russia``."""
    lex = ctx.lex
    out: list[Statement] = []
    for noun in sent:
        key, etype = noun_entry(noun, lex) if noun.pos_ == "NOUN" else ("", None)
        if etype is None:
            continue
        if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB" and _read_by_verb(noun, etype, lex):
            continue  # already read as "impose sanctions on"
        subjects = []
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                subjects.extend(ctx.actors(chunk, c, as_agent=True))
        subjects = [s for s in subjects if s[1] != "location"]
        objects = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in lex.word_lists["nominal_preps"]:
                for g in c.children:
                    if g.dep_ == "pobj":
                        objects.extend((k, kind, c.lower_) for k, kind in ctx.actors(chunk, g, as_agent=False))
        if etype.category == "CONSULT":
            # "their talks in the Kremlin": a place; "her call on Iran to release": a request, not a talk
            objects = [o for o in objects if o[2] not in ctx.lex.word_lists["not_partner_preps"]]
        if not subjects or not objects:
            continue
        prov = ctx.provenance(chunk, noun)
        date = statement_date(ctx, noun.head if noun.head.pos_ == "VERB" else noun, syntax.tense(noun.head))
        for skey, _ in subjects:
            for okey, _, prep in objects:
                if skey != okey:
                    out.append(Statement(skey, f"{key} {prep}", okey, etype.category, False,
                                         round(etype.confidence * 0.8, 2), date, etype.cameo, prov))
    return out


def _read_by_verb(noun, etype: EventType, lex) -> bool:
    """The verb over an event noun tells the noun's event (``imposed sanctions``), unless it
    answers someone else's act: ``granted Iraq's request`` is a concession, and Iraq's request
    stays an event of its own."""
    verb_type, _, read = event_type(noun.head, lex)
    if (read or noun.head).i != noun.i:
        return False
    answers = verb_type is not None and verb_type.category != etype.category
    return not (answers and any(c.dep_ == "poss" for c in noun.children))


def statement_date(ctx: DocContext, head, t: str) -> str:
    """The date of the statement read at ``head`` (:func:`kgraph.extract.syntax.clause_date`)."""
    return syntax.clause_date(head, ctx.doc_date, t)
