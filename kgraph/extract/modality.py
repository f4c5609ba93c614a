"""PLOVER modality: what a promise, a preparation or a condition makes of an act.

A promised cooperative act is AGREE, a promised or conditional hostile act
THREATEN, readying force MOBILIZE (``Israel will evacuate``, ``may halt
mediation if cooperation founders``, ``prepared to resume shelling``).
"""
from __future__ import annotations

# CONSULT stays CONSULT when planned: the schema codes every meeting, visit and talk as CONSULT
# and the meeting node carries status=planned.
COOPERATIVE_ACTS = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "SUPPORT"}
CONFLICT_ACTS = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
REFUSABLE = COOPERATIVE_ACTS | {"AGREE"}
COMMITMENT_HEADS = {"offer", "promise", "pledge", "vow", "commit", "agree", "ready", "willing", "prepared",
                    "prepare", "plan", "intend", "determined", "undertake", "want", "wish", "hope", "aim", "swear",
                    "threaten"}
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
