"""Which lexicon entry a verb or an event noun triggers.

The most specific key wins: a phrasal verb (``call for``), the verb with its
object noun (``impose|sanction``), a light verb with an event noun (``launch an
attack``), a verb with its preposition, then the plain verb.  A verb whose
subject undergoes the event (``face sanctions``) reverses it.
"""
from __future__ import annotations

from dataclasses import replace

from kgraph.lexicon import EventType


def noun_entry(noun, lex) -> tuple[str, EventType | None]:
    """The lexicon entry of an event noun, a compound first: ``hunger strike`` before ``strike``."""
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1:
            key = f"{c.lemma_.lower()} {lemma}"
            if key in lex.nouns:
                return key, lex.nouns[key]
            if lemma in lex.generic_event_heads and c.lemma_.lower() in lex.nouns:
                return c.lemma_.lower(), lex.nouns[c.lemma_.lower()]  # "a mediation effort" is a mediation
    return lemma, lex.nouns.get(lemma)


def _content_noun(dobj, verb_lemma: str, lex):
    """``captured part of a stronghold``, ``gave 5 million dollars of aid``: the noun after ``of``
    says what the act is about when the object itself is a quantity."""
    inner = next((g for c in dobj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    if inner is None:
        return dobj
    if dobj.lemma_.lower() in lex.partitive_nouns:
        return inner
    counted = dobj.lemma_.lower() in lex.measure_nouns or any(c.dep_ == "nummod" for c in dobj.children)
    if not counted:
        return dobj  # "change the course of the war" is not about war
    own = f"{verb_lemma}|{dobj.lemma_.lower()}" in lex.verbs or noun_entry(dobj, lex)[1] is not None
    inner_known = f"{verb_lemma}|{inner.lemma_.lower()}" in lex.verbs or noun_entry(inner, lex)[1] is not None
    return inner if inner_known and not own else dobj


def _event_conjunct(dobj, verb_lemma: str, lex):
    """``develop friendship and cooperation with India``: of coordinated objects, the first that
    names an event when the first one does not."""
    if f"{verb_lemma}|{dobj.lemma_.lower()}" in lex.verbs or noun_entry(dobj, lex)[1] is not None:
        return dobj
    return next((c for c in dobj.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                 and noun_entry(c, lex)[1] is not None), dobj)


def _predicated(verb, dobj) -> bool:
    """``called the deal a disaster``, ``called the deal "lousy"``: the verb says what the object
    is, so the object's event is not done by the subject."""
    return any(c.dep_ == "oprd" for c in verb.children) or any(
        c.dep_ == "amod" and c.i > dobj.i for c in dobj.children)


def _owned(noun) -> bool:
    """An event noun that names its own actor (``Russia's withdrawal``, ``the withdrawal of
    Russian forces``) is not the act of the one who expects or demands it (``Merkel expected
    ...``): that is a request, read by the statement patterns."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ in {"PROPN", "NOUN"} for g in c.children)) for c in noun.children)


def verb_lemma(verb, lex) -> str:
    """The verb's lemma, mended where the lemmatizer cuts a final e ("staged" -> "stag")."""
    lemma = verb.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.light_verbs or not verb.lower_.startswith(f"{lemma}e"):
        return lemma
    mended = f"{lemma}e"
    return mended if mended in lex.verbs or mended in lex.light_verbs else lemma


def event_type(verb, lex) -> tuple[EventType | None, str, object]:
    """The most specific lexicon entry for a verb and the relation string it yields.

    Returns (type, relation, event noun or None)."""
    lemma = verb_lemma(verb, lex)
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    # a direct object tagged as a verb is a noun the tagger misread ("meet hostage-takers demands")
    dobj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                 and (c.pos_ == "NOUN" or (c.dep_ == "dobj" and c.pos_ == "VERB"))), None)
    if dobj is not None:
        dobj = _event_conjunct(_content_noun(dobj, lemma, lex), lemma, lex)
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
        if entry is not None and not _predicated(verb, dobj) and (lemma in lex.light_verbs or (
                lemma not in lex.verbs and not (lemma in lex.word_lists.get("demand_verbs", ()) and _owned(dobj)))):
            return entry, f"{lemma} {key}", dobj
    for p in preps:
        if f"{lemma} {p}" in lex.verbs:
            return lex.verbs[f"{lemma} {p}"], f"{lemma} {p}", None
    if lemma in lex.verbs:
        return lex.verbs[lemma], lemma, None
    return None, lemma, None


def governed_by_event(verb, lex) -> bool:
    """``threatened to attack``: the governing verb is the event, unless it only says that the act
    was tried, planned or wanted (``sought to isolate``), which lets the act through."""
    head = verb.head
    return verb.dep_ in {"xcomp", "ccomp"} and head.pos_ == "VERB" and head.i != verb.i and (
        event_type(head, lex)[0] is not None and head.lemma_.lower() not in lex.word_lists["reporting_verbs"]
        and head.lemma_.lower() not in lex.word_lists["transparent_heads"]
    )


def governs_event(verb, lex) -> bool:
    """A verb of trying or wanting whose complement is itself an event carries no event of its own."""
    return verb.lemma_.lower() in lex.word_lists["transparent_heads"] and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and event_type(c, lex)[0] is not None for c in verb.children)
