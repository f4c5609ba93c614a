"""The meeting frame and the argument functions every meeting trigger shares.

A trigger (verb or noun, see :mod:`kgraph.extract.meetings` and
:mod:`kgraph.extract.nounmeetings`) opens a :class:`MeetingMention`; these
functions fill it the same way whatever the trigger: the parties a token
stands for, the place of a ``in``/``at`` phrase, the date of the clause (or of
the sentence before, in a narrative), the status from tense and cue words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.temporal import parse_iso, resolve_date
from kgraph.extract.triggerkeys import cue_key, noun_key, verb_key
from kgraph.records import Provenance

MOVEMENT_MODES = {"visit"}
PLACE_PREPS = {"in", "at"}
DEST_PREPS = {"to", "for"}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
NARRATIVE_PREPS = {"on", "in", "at", "during"}


@dataclass
class MeetingMention:
    chunk: int
    token: int
    trigger: str
    sent_index: int
    participants: dict[str, tuple[bool, str]] = field(default_factory=dict)  # key -> (negated, role)
    place: str = ""
    place_kind: str = ""
    date: str = ""
    date_text: str = ""
    mode: str = ""
    status: str = ""
    anaphoric: bool = False
    sequel: bool = False  # "Mitchell then embarked on ... visits": a later event than the one before
    asserted: bool = False  # "talks resumed in Geneva", "attended a summit in Rome": it took place
    unresolved: bool = False  # a named side that is no known actor: the mention is not the whole meeting
    definite: bool = False  # "the conference" with no description: may be the one an earlier mention told of
    delegate_of: str = ""  # "Menon represented India": joins the nearest meeting of that country
    provenance: list[Provenance] = field(default_factory=list)

    def add(self, key: str, negated: bool = False, role: str = "") -> None:
        old = self.participants.get(key)
        if old is None or (old[0] and not negated):
            self.participants[key] = (negated, role or (old[1] if old else ""))

    def positive(self) -> set[str]:
        return {k for k, (neg, _) in self.participants.items() if not neg}


def _place_tokens(pobj, lex) -> list:
    """``the Black Sea city of Sochi`` names its place through ``of``."""
    if pobj.lemma_.lower() in lex.place_nouns:
        inner = syntax.prep_objects(pobj, {"of"})
        if inner:
            return inner
    return [pobj]


PARTY_KINDS = {"person", "organization", "country"}


def add_parties(ctx: DocContext, chunk: int, tokens, mm: MeetingMention, negated: bool = False,
                 role: str = "", as_agent: bool = True) -> None:
    """Add the people, organisations and countries the tokens stand for as participants."""
    for t in tokens:
        for key, kind in ctx.actors(chunk, t, as_agent=as_agent):
            if kind in PARTY_KINDS:
                mm.add(key, negated, role)


def place_from(ctx: DocContext, chunk: int, head, preps: set[str], mm: MeetingMention) -> None:
    for pobj in (t for p in syntax.prep_objects(head, preps) for t in _place_tokens(p, ctx.lex)):
        if ctx.mention(chunk, pobj) is None and pobj.lemma_.lower() not in ctx.lex.place_nouns:
            continue  # "at an Irish pub": a nationality on a venue does not name where it was
        for key, kind in ctx.actors(chunk, pobj, as_agent=False):
            if kind in {"location", "country"}:
                if not mm.place or kind == "location":
                    mm.place, mm.place_kind = key, kind
                return


def date_from(ctx: DocContext, head, t: str, mm: MeetingMention) -> None:
    if mm.date:
        return
    spans = syntax.date_spans(head)
    anchor = ""
    for ent in head.sent.ents:
        if ent.label_ == "DATE" and all(ent.start != s.start for s in spans):
            anchor = resolve_date(ent.text, ctx.doc_date, t) or anchor
    for ent in spans:
        if _dates_other_noun(ent, ctx.lex):
            continue  # "following Trump's decision last December": the date of the decision
        # "the talks, which had been scheduled for Friday": a date something was set for lies ahead
        scheduled = ent.root.head.dep_ == "prep" and ent.root.head.lower_ in {"for", "to"} \
            and ent.root.head.head.lemma_.lower() in ctx.lex.planned_cues
        # "In July, he helped arrange a meeting": a date told of a past verb lies behind
        told = _dated_verb(ent)
        tense = "past" if told is not None and syntax.tense(told) == "past" else t
        value = resolve_date(ent.text, ctx.doc_date, "future" if scheduled else tense, anchor)
        if value:
            mm.date, mm.date_text = value, ent.text
            return
        mm.date_text = mm.date_text or ent.text


def where_clause(ctx: DocContext, chunk: int, verb, t: str, mm: MeetingMention) -> None:
    """``sent his envoy to Caracas on January 21, where he met Chávez``: a where-clause meeting is at
    the place the clause hangs on, and at the date of the clause around it when it gives none."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return
    place = verb.head
    if not mm.place:
        for key, kind in ctx.actors(chunk, place, as_agent=False):
            if kind in {"location", "country"}:
                mm.place, mm.place_kind = key, kind
                break
    outer = place.head.head if place.dep_ == "pobj" else place.head
    if outer.pos_ in {"VERB", "AUX"}:
        date_from(ctx, outer, t, mm)


def date_before(ctx: DocContext, head, t: str, mm: MeetingMention) -> None:
    """``On January 21 Castro sent his envoy to Caracas. After midnight Castro called Uribe.``: a
    narrative goes on at the date of the sentence before when its own sentence gives no date."""
    sent = head.sent
    # a time of day or a duration ("after midnight", "for two hours") says nothing of the day
    if mm.date or t not in {"past", "future"} or any(e.label_ == "DATE" for e in sent.ents) or sent.start == 0:
        return
    prev = head.doc[sent.start - 1].sent
    main = [prev.root, *prev.root.conjuncts]
    for ent in prev.ents:
        # only the date the sentence before is told at ("On January 21 Castro sent"), not one of
        # something it mentions ("envoy until December", "Saturday's attack"), and in the same tense
        # ("In July he helped ... Trump's planned trip": July is past, the trip was ahead)
        verb = _dated_verb(ent)
        if ent.label_ == "DATE" and verb is not None and verb in main and syntax.tense(verb) == t:
            value = resolve_date(ent.text, ctx.doc_date, t)
            if value:
                mm.date, mm.date_text = value, ent.text
                return


def _dated_verb(ent):
    """The verb a date phrase says when of (``On January 21 he sent``, ``he left Monday``), or None
    for a date that bounds or describes something else (``until December``, ``Saturday's attack``)."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in NARRATIVE_PREPS:
        root = root.head
    elif root.dep_ not in {"npadvmod", "tmod"}:
        return None
    return root.head if root.head.pos_ in {"VERB", "AUX"} else None


def _dates_other_noun(ent, lex) -> bool:
    """A date that modifies a noun which names no meeting dates that noun: ``Trump's decision last
    December``, ``Saturday's suspected attack`` (but ``Saturday's meeting``, ``talks last week``)."""
    root = ent.root
    # (not a compound: "on Sunday Presidents X and Y signed" is parsed so, and "Saturday afternoon")
    if root.dep_ not in {"npadvmod", "poss", "nmod"} or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not noun_key(root.head, lex.meeting_nouns)


def when_clause(ctx: DocContext, verb, t: str, mm: MeetingMention) -> None:
    """``climaxed in September 2011 when he visited Cairo``: a when-clause happened at the date of
    the clause it hangs on when it gives none itself."""
    if verb.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ == "advmod" for c in verb.children) \
            and verb.head.pos_ in {"VERB", "AUX"}:
        date_from(ctx, verb.head, t, mm)


def status_of(ctx: DocContext, mm: MeetingMention, t: str, cancel_word: str) -> str:
    if cancel_word:
        return "cancelled"
    doc_date = parse_iso(ctx.doc_date)
    if mm.date and doc_date and len(mm.date) == 10 and not (mm.date == ctx.doc_date[:10] and t == "future"):
        return "planned" if mm.date > ctx.doc_date else "held"
    if mm.date and doc_date and mm.date != ctx.doc_date[: len(mm.date)]:
        # "would visit China in May" written in April: a later month or year is ahead
        return "planned" if mm.date > ctx.doc_date[: len(mm.date)] else "held"
    return {"future": "planned", "past": "held"}.get(t, "")


def verb_mode(verb, lex) -> str:
    """The meeting mode a verb triggers (``head to`` through its particle), or ``""``."""
    return lex.meeting_verbs.get(verb_key(verb, lex.meeting_verbs), "")


def cancel_cue(ctx: DocContext, token) -> str:
    cues = ctx.lex.cancelled_cues
    for t in (token, token.head, token.head.head):
        cue = cue_key(t, cues)  # "postponed the talks", "called off the talks"
        if cue:
            return cue
    for c in token.subtree:  # "a planned trip to Warsaw, which was cancelled" (however the clause is hung)
        cue = cue_key(c, cues) if c.dep_ in {"relcl", "acl"} else ""
        if cue and not syntax.is_negated(c):
            return cue
    return ""


def pobjs(prep) -> list:
    return [g for g in prep.children if g.dep_ == "pobj"]


def is_sequel(verb, lex) -> bool:
    """``then embarked``, ``later flew to``: the clause tells of what came after the last event."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.sequence_adverbs for c in verb.children)


def single_body(keys) -> bool:
    """``NATO leaders met``, ``a Security Council meeting``: the one side is an organisation."""
    return len(keys) == 1 and next(iter(keys)).startswith("organization:")
