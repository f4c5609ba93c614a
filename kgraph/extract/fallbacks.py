"""Event-coder guesses for the side of an event the parse does not name.

Only the sentence's own event (its main clause) gets these, and every guess
lowers the statement's confidence: an attack by unknown perpetrators comes
from the country where it happened, a plural subject acting together is a
mutual event, an aid verb with no recipient takes the last one named, a
domestic act aimed at nobody targets the actor's own country.
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.triggers import noun_entry
from kgraph.lexicon import EventType
from kgraph.records import Statement

IMPLICIT_OBJECT = {"AID", "SUPPORT"}


UNATTRIBUTED = {"ASSAULT", "COERCE"}
TOPIC_VERBS = {"discuss", "debate", "consider", "address", "review", "examine", "study", "explore"}
DOMESTIC = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT", "SANCTION"}


ACTOR_KINDS = {"person", "organization", "country"}
LEAD_SENTENCES = 4


def lead_sentence(sent_index: int) -> bool:
    """A sentence of the article's lead, where a news report says who did what to whom and an
    event coder's guess for a side left unnamed is usually right; deeper in a long story the
    nearest actor or the place is as often a bystander (``Sally Jones, who travelled to Syria``,
    ``fighting Isis ... in Syria``), so there both sides must come from the parse."""
    return sent_index < LEAD_SENTENCES


def agent_of_attack(ctx: DocContext, chunk: int, verb) -> list[tuple[str, str]]:
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


def human_victim(verb) -> bool:
    """The passive subject is people (``a journalist``, ``three civilians``), not a thing."""
    return any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and c.ent_type_ in {"", "NORP"}
               and (c.tag_ == "NNS" or c.lemma_.lower().endswith(("ist", "er", "or", "ian", "ent", "ee")))
               for c in verb.children)


def place_country(ctx: DocContext, chunk: int, verb) -> list[tuple[str, str]]:
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


def main_clause(verb, lex) -> bool:
    """The sentence's own event (root, its conjuncts, or what a reporting verb reports): only these
    get event-coder guesses for a missing side; subordinate events need both sides in the parse."""
    v = verb
    while v.dep_ in {"conj", "xcomp", "acomp"} and v.head.i != v.i:
        v = v.head
    if v.dep_ == "ROOT":
        return True
    return v.dep_ in {"ccomp", "parataxis"} and v.head.lemma_.lower() in lex.word_lists["reporting_verbs"]


def missing_target(ctx: DocContext, chunk: int, verb, etype: EventType, subjects, recent: list[Statement],
                    main: bool, lead: bool = True) -> tuple[list, float, bool]:
    """Who an event is aimed at when the parse names nobody: (objects, confidence factor, reciprocal).

    In order: a plural subject acting together (``Kerry and Lavrov met``); the recipient of the
    same kind of act one or two sentences back (``Iran has provided more support``); an actor inside
    the verb's complements or to its right (event-coder fallback, the sentence's own event only);
    the actor's own country for material acts with no named target (``police opened fire``).
    Outside the article's lead only the first (parsed) ones are tried.
    """
    if reciprocal(verb, subjects, etype):
        return [(k, kind, "") for k, kind in subjects], 1.0, True
    if etype.category in IMPLICIT_OBJECT:
        implicit = implicit_object(recent, etype.category, ctx.sent_index(chunk, verb))
        if implicit:
            return [(implicit, implicit.split(":")[0], "")], 0.6, False
    if main and verb.lemma_.lower() not in TOPIC_VERBS and (lead or etype.category != "CONSULT"):
        # "discussed aid to Ukraine": a topic; "Walker received 20 percent of the vote": outside the
        # lead a meeting partner is named by the parse, never guessed
        found = complement_actor(ctx, chunk, verb, {k for k, _ in subjects}, etype.category == "ACCUSE",
                                 places=etype.category not in ctx.lex.word_lists.get("actor_only_acts", ()),
                                 rightwards=lead)
        if found:
            return [(k, kind, "") for k, kind in found], 0.5, False
    if not main or not lead or etype.category == "CONSULT":
        return [], 1.0, False
    place = place_country(ctx, chunk, verb)
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


def reciprocal(verb, subjects, etype) -> bool:
    """``Kerry and Lavrov met``, ``Jordan and Britain agreed to hold exercises``: a plural subject
    and no actor object make a mutual event."""
    return len(subjects) > 1 and (etype.category in {"CONSULT", "AGREE", "COOPERATE"} or etype.cameo in MUTUAL_CAMEO)


MUTUAL_CAMEO = {"050", "057"}  # diplomatic cooperation, signing an agreement: mutual whatever their PLOVER type


def nearest_actor(ctx: DocContext, chunk: int, verb, left: bool, exclude: set,
                  within: set[int] | None = None) -> list[tuple[str, str]]:
    """The closest actor mention on one side of the verb in its sentence (event-coder fallback),
    only among the ``within`` tokens when given."""
    tokens = range(verb.i - 1, verb.sent.start - 1, -1) if left else range(verb.i + 1, verb.sent.end)
    for i in tokens:
        if within is not None and i not in within:
            continue
        m = ctx.mention(chunk, verb.doc[i])
        if m is not None and m.kind in ACTOR_KINDS and m.cluster not in exclude:
            return [(m.cluster, m.kind)]
    return []


def complement_actor(ctx: DocContext, chunk: int, verb, exclude: set, skip_victims: bool = False,
                     places: bool = True, rightwards: bool = True) -> list[tuple[str, str]]:
    """Target of an event whose object is not itself an actor: the first actor inside the verb's
    complements (``demanded that the US cancel ...``, ``threatened to cut off electricity to
    Nakhichevan``), else (``rightwards``) the nearest actor to the right of the verb.  An accusation skips the
    victims of the act it condemns (``condemned the attack on Saudi oil facilities``); acts aimed
    only at actors (accusations, requests) skip places (``sentenced a doctor based in Martinsville``)."""
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "advcl"}:
            continue
        for t in c.subtree:
            if skip_victims and _victim(ctx, t):
                continue  # "condemned the attack on Saudi oil facilities": the one attacked is not accused
            if t.tag_ in {"PRP", "PRP$"} and t.lower_ not in {"it", "its", "itself"}:
                key, kind = ctx.actor(chunk, t, as_agent=False, exclude=frozenset(exclude))
                if key and key not in exclude:  # "rejected his proposal"
                    return [(key, kind)]
            m = ctx.mention(chunk, t)
            if m is None or m.kind not in ACTOR_KINDS | {"location"}:
                continue
            key, kind = ctx.actor(chunk, t, as_agent=False)
            if key and key not in exclude and (places or kind != "location"):
                return [(key, kind)]
            # a domestic act: "Turkey will allow Turkish refugees to return", "Sudan lifted the
            # emergency in West Darfur" - the target is the actor's own country
            own = f"country:{m.country}" if m.kind == "location" and m.country else (key if m.via == "demonym" else "")
            if own and own in exclude:
                return [(own, "country")]
    return nearest_actor(ctx, chunk, verb, left=False, exclude=exclude) if rightwards else []


def _victim(ctx: DocContext, token) -> bool:
    """A token inside the object of a hostile event noun (``the attack on Saudi oil facilities``,
    ``the bombing of the embassy``), where it names the one the act was done to."""
    for t in [token, *token.ancestors]:
        if t.pos_ in {"VERB", "AUX"}:
            return False
        prep = t.head
        if t.dep_ == "pobj" and prep.lower_ in ctx.lex.word_lists.get("victim_preps", ()) and prep.head.pos_ == "NOUN":
            entry = noun_entry(prep.head, ctx.lex)[1]
            if entry is not None and entry.category in ctx.lex.word_lists.get("hostile_acts", ()):
                return True
    return False


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
