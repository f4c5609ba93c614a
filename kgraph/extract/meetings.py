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

from dataclasses import dataclass, field

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.temporal import parse_iso, resolve_date
from kgraph.records import Provenance

MOVEMENT_MODES = {"visit"}
PARTICIPATION_VERBS = {"attend", "hold", "have", "join", "convene", "host", "travel", "head", "fly", "go", "arrive",
                       "come", "participate", "boycott", "skip", "chair", "organize", "organise", "be", "work",
                       "take", "return", "lead", "miss", "snub", "shun", "avoid"}
HOST_VERBS = {"host", "convene", "organize", "organise", "chair", "welcome", "receive"}
PLACE_PREPS = {"in", "at"}
DEST_PREPS = {"to", "for"}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
AVOIDING = {"boycott", "skip", "miss", "snub", "avoid", "shun"}


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
    provenance: list[Provenance] = field(default_factory=list)

    def add(self, key: str, negated: bool = False, role: str = "") -> None:
        old = self.participants.get(key)
        if old is None or (old[0] and not negated):
            self.participants[key] = (negated, role or (old[1] if old else ""))

    def positive(self) -> set[str]:
        return {k for k, (neg, _) in self.participants.items() if not neg}


PLACE_NOUNS = {"city", "town", "capital", "resort", "region", "village", "port", "province", "state", "island"}


def _place_tokens(pobj) -> list:
    """``the Black Sea city of Sochi`` names its place through ``of``."""
    if pobj.lemma_.lower() in PLACE_NOUNS:
        inner = syntax.prep_objects(pobj, {"of"})
        if inner:
            return inner
    return [pobj]


PARTY_KINDS = {"person", "organization", "country"}


def _add_parties(ctx: DocContext, chunk: int, tokens, mm: MeetingMention, negated: bool = False,
                 role: str = "", as_agent: bool = True) -> None:
    """Add the people, organisations and countries the tokens stand for as participants."""
    for t in tokens:
        for key, kind in ctx.actors(chunk, t, as_agent=as_agent):
            if kind in PARTY_KINDS:
                mm.add(key, negated, role)


def _place_from(ctx: DocContext, chunk: int, head, preps: set[str], mm: MeetingMention) -> None:
    for pobj in (t for p in syntax.prep_objects(head, preps) for t in _place_tokens(p)):
        for key, kind in ctx.actors(chunk, pobj, as_agent=False):
            if kind in {"location", "country"}:
                if not mm.place or kind == "location":
                    mm.place, mm.place_kind = key, kind
                return


def _date_from(ctx: DocContext, head, t: str, mm: MeetingMention) -> None:
    if mm.date:
        return
    spans = syntax.date_spans(head)
    anchor = ""
    for ent in head.sent.ents:
        if ent.label_ == "DATE" and all(ent.start != s.start for s in spans):
            anchor = resolve_date(ent.text, ctx.doc_date, t) or anchor
    for ent in spans:
        # "the talks, which had been scheduled for Friday": a date something was set for lies ahead
        scheduled = ent.root.head.dep_ == "prep" and ent.root.head.head.lemma_.lower() in ctx.lex.planned_cues
        value = resolve_date(ent.text, ctx.doc_date, "future" if scheduled else t, anchor)
        if value:
            mm.date, mm.date_text = value, ent.text
            return
        mm.date_text = mm.date_text or ent.text


def _status(ctx: DocContext, mm: MeetingMention, t: str, cancel_word: str) -> str:
    if cancel_word:
        return "cancelled"
    doc_date = parse_iso(ctx.doc_date)
    if mm.date and doc_date and len(mm.date) == 10 and not (mm.date == ctx.doc_date[:10] and t == "future"):
        return "planned" if mm.date > ctx.doc_date else "held"
    if mm.date and doc_date and mm.date != ctx.doc_date[: len(mm.date)]:
        # "would visit China in May" written in April: a later month or year is ahead
        return "planned" if mm.date > ctx.doc_date[: len(mm.date)] else "held"
    return {"future": "planned", "past": "held"}.get(t, "")


def _cancel_cue(ctx: DocContext, token) -> str:
    cues = ctx.lex.cancelled_cues
    for t in (token, token.head, token.head.head):
        if t.lemma_.lower() in cues:
            return t.lemma_.lower()
    for c in token.subtree:  # "a planned trip to Warsaw, which was cancelled" (however the clause is hung)
        if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in cues and not syntax.is_negated(c):
            return c.lemma_.lower()
    return ""


def verb_meetings(ctx: DocContext, chunk: int, sent) -> list[MeetingMention]:
    lex = ctx.lex
    out = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        mode = lex.meeting_verbs.get(lemma)
        if not mode:
            continue
        particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}]
        if any(f"{lemma} {p}" in lex.verbs and lex.verbs[f"{lemma} {p}"].category != "CONSULT" for p in particles):
            continue  # "called on Japan to", "called for talks": a request, not a phone call
        # "travel to Turkey for a meeting", "hosted talks", "attend the summit": the noun is the trigger
        if any(g.lemma_.lower() in lex.meeting_nouns and g.pos_ in {"NOUN", "PROPN"} and ctx.mention(chunk, g) is None
               for g in [*(c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), *syntax.prep_objects(verb, DEST_PREPS)]):
            continue
        if mode in MOVEMENT_MODES and any(c.dep_ in {"advcl", "xcomp"} and lex.meeting_verbs.get(c.lemma_.lower()) in {"meet", "phone"}
                                          for c in verb.children):
            continue  # "traveled to Russia to meet with Putin": one meeting, read at "meet"
        t = syntax.tense(verb)
        negated = syntax.is_negated(verb)
        if mode == "multilateral" and any(s.tag_ in {"PRP", "PRP$"} or s.lower_ in {"who", "which", "that"}
                                          for s in syntax.subjects(verb)):
            continue  # "they have gathered": a gathering of whoever, not a meeting between named sides
        mm = MeetingMention(chunk, verb.i, lemma, ctx.sent_index(chunk, verb), mode=mode)
        subjects = [a for s in syntax.subjects(verb) for a in ctx.actors(chunk, s)]
        for key, kind in subjects:
            if kind in {"person", "organization", "country"}:
                mm.add(key, negated, "host" if mode == "host" else ("visitor" if mode == "visit" else ""))
        objects = []
        for c in verb.children:
            # "he was hosted by Macron": the passive subject is the guest
            if c.dep_ in {"dobj", "dative", "nsubjpass"} and (lemma in lex.object_participant_verbs or mode == "visit"):
                objects.append(c)
                direct = ctx.mention(chunk, c) is not None or c.tag_ in {"PRP", "NNS"} or \
                    c.lemma_.lower() in lex.actor_heads or c.lemma_.lower() in lex.person_nouns
                if not direct:
                    continue  # "will host Mr Brown's speech": a thing, not a guest
                for key, kind in ctx.actors(chunk, c, as_agent=False):
                    if kind == "location" or (kind == "country" and mode == "visit"):
                        mm.place, mm.place_kind = key, kind
                    elif kind in {"person", "organization", "country"}:
                        mm.add(key, negated, "visitor" if mode == "host" else ("host" if mode == "visit" else ""))
        with_objects = syntax.prep_objects(verb, {"with", "between"})
        partners = with_objects + objects
        if mode == "phone" and (not partners or any(c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} for c in verb.children)
                                or all(p.lower_ in {"it", "this", "that", "them"} for p in partners)):
            continue  # "called it a retrograde step" names something; a call needs someone called
        _add_parties(ctx, chunk, with_objects, mm, negated, as_agent=False)
        purpose_of_trip = verb.dep_ in {"advcl", "xcomp"} and lex.meeting_verbs.get(verb.head.lemma_.lower()) in MOVEMENT_MODES
        if mode == "host" and not any(role == "visitor" for _, role in mm.participants.values()):
            continue  # "welcomed the pullout", "are receiving briefings": nobody is hosted
        if mode == "phone" and lemma == "call" and not with_objects and not any(
                (m := ctx.mention(chunk, o)) is not None and m.kind == "person" or o.lower_ in {"him", "her", "them"}
                for o in objects):
            continue  # "calling it an aggression": a call needs a person called
        if mode in {"meet", "phone", "host"} and len(mm.participants) < 2 and not purpose_of_trip:
            continue  # "discuss", "negotiate" with one side named is not evidence of a meeting
        if verb.dep_ == "relcl" and (verb.head.lemma_.lower() in lex.meeting_nouns or _quantity_of_meeting(verb.head, lex)):
            continue  # "talks that Russia hosted": read at the noun
        _place_from(ctx, chunk, verb, PLACE_PREPS, mm)
        for pobj in partners:  # "meets with Lavrov in Geneva": the parser often hangs the place on the partner
            if not mm.place:
                _place_from(ctx, chunk, pobj, PLACE_PREPS, mm)
        if mode in MOVEMENT_MODES:
            _place_from(ctx, chunk, verb, {"to"}, mm)
            if not mm.place and not any(role == "host" for _, role in mm.participants.values()):
                continue  # "travel" without a destination or someone visited is not a visit
        gov = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if verb.dep_ in {"advcl", "xcomp"} and lex.meeting_verbs.get(gov.lemma_.lower()) in MOVEMENT_MODES:
            # "traveled to Moscow to meet with Putin": the traveller visits, the other side hosts
            mm.mode = "visit"
            subject_keys = {k for k, _ in subjects}
            for key, (neg, _) in list(mm.participants.items()):
                mm.participants[key] = (neg, "visitor" if key in subject_keys else "host")
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in {"advcl", "xcomp"} and purpose and not mm.place:
            _place_from(ctx, chunk, gov, {"to"} | PLACE_PREPS, mm)
        _date_from(ctx, verb, t, mm)
        mm.status = _status(ctx, mm, t, _cancel_cue(ctx, verb))
        mm.provenance.append(ctx.provenance(chunk, verb))
        if mm.participants:
            out.append(mm)
    return out


ADJUNCT_PREPS = {"after", "during", "following", "throughout"}


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
        _add_parties(ctx, chunk, syntax.subjects(gov), mm)
        if gov.dep_ == "acl" and gov.head.dep_ == "pobj" and gov.head.head.dep_ == "prep":
            outer = gov.head.head.head
            if outer.pos_ in {"VERB", "AUX"}:
                _add_parties(ctx, chunk, syntax.subjects(outer), mm)
        return


QUANTITY_NOUNS = {"round", "series", "set", "day", "week", "session", "cycle", "part"}


def _quantity_of_meeting(token, lex):
    """``rounds of talks``: the meeting noun under a quantity noun, or None."""
    if token.lemma_.lower() not in QUANTITY_NOUNS:
        return None
    for pobj in syntax.prep_objects(token, {"of"}):
        if pobj.lemma_.lower() in lex.meeting_nouns:
            return pobj
    return None


def noun_meetings(ctx: DocContext, chunk: int, sent) -> list[MeetingMention]:
    lex = ctx.lex
    out = []
    for noun in sent:
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in lex.meeting_nouns:
            continue
        if noun.pos_ == "PROPN" and ctx.mention(chunk, noun) is not None:
            continue
        if noun.lemma_.lower() == "talk" and noun.tag_ not in {"NNS", "NNPS"}:
            continue  # "a talk at a think tank" is a speech; "talks" are negotiations
        mode = lex.meeting_nouns[noun.lemma_.lower()]
        mm = MeetingMention(chunk, noun.i, noun.lemma_.lower(), ctx.sent_index(chunk, noun), mode=mode)
        # modifiers anywhere left of the noun in its phrase: "President Obama's Camp David meeting"
        modifiers = [t for left in noun.lefts for t in left.subtree]
        for c in modifiers:
            if c.dep_ == "poss" or (c.dep_ in {"compound", "amod", "nmod"} and ctx.mention(chunk, c) is not None):
                for key, kind in ctx.actors(chunk, c, as_agent=c.dep_ == "poss"):
                    if kind == "location":
                        mm.place, mm.place_kind = key, kind
                    elif kind in {"person", "organization"} or (kind == "country" and c.dep_ == "poss"):
                        mm.add(key)
        _add_parties(ctx, chunk, syntax.prep_objects(noun, {"with", "between", "of", "among"}), mm, as_agent=False)
        if mode == "visit":  # "a planned visit by Defense Secretary Lloyd Austin"
            _add_parties(ctx, chunk, syntax.prep_objects(noun, {"by"}), mm, role="visitor")
        for pobj in syntax.prep_objects(noun, {"to"}):
            for key, kind in ctx.actors(chunk, pobj, as_agent=False):
                if kind in {"location", "country"} and mode == "visit":
                    mm.place, mm.place_kind = key, kind
                elif kind in {"person", "organization"}:
                    mm.add(key, role="host")
        _place_from(ctx, chunk, noun, PLACE_PREPS, mm)
        t = ""
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        negated = False
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and gov.lemma_.lower() in AVOIDING and noun.dep_ == "dobj":
            negated = True  # "boycotted the summit": a denied participation
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and (gov.lemma_.lower() in PARTICIPATION_VERBS or noun.dep_ in {"dobj", "pobj"}):
            t = syntax.tense(gov)
            negated = negated or syntax.is_negated(gov)
            copula = gov.lemma_.lower() == "be" and noun.dep_ == "attr"  # "Sochi will be the sixth meeting"
            if gov.lemma_.lower() in PARTICIPATION_VERBS and noun.dep_ in {"dobj", "pobj", "attr"} and not copula:
                _add_parties(ctx, chunk, syntax.subjects(gov), mm, negated,
                             "host" if gov.lemma_.lower() in HOST_VERBS else "")
                if gov.lemma_.lower() in HOST_VERBS:
                    mm.mode = "host"
            if not mm.place:
                _place_from(ctx, chunk, gov, {"to"} | PLACE_PREPS, mm)
            _date_from(ctx, gov, t, mm)
        holders = [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _quantity_of_meeting(noun.head.head, lex) is not None:
            holders.append(noun.head.head)  # "Two rounds of talks ... that Russia hosted"
        for rel in (c for h in holders for c in h.children if c.dep_ in {"relcl", "acl"}):
            t = t or syntax.tense(rel)
            rel_neg = syntax.is_negated(rel)
            for s in syntax.subjects(rel):
                if s.lower_ in {"which", "that"}:
                    continue
                for key, kind in ctx.actors(chunk, s):
                    if kind in {"person", "organization", "country"}:
                        mm.add(key, rel_neg, "host" if rel.lemma_.lower() in HOST_VERBS else "")
                        if rel.lemma_.lower() in HOST_VERBS:
                            mm.mode = "host"
            _add_parties(ctx, chunk, syntax.prep_objects(rel, {"with"}), mm, rel_neg, as_agent=False)
            if not mm.place:
                _place_from(ctx, chunk, rel, PLACE_PREPS, mm)
            _date_from(ctx, rel, t, mm)
        subject_of = next((h for h in holders if h.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject_of is not None and subject_of.head.pos_ in {"VERB", "AUX"}:
            gov = subject_of.head
            t = t or syntax.tense(gov)
            # "The talks made no headway when the Assad government officials showed no flexibility":
            # whoever acts in a when-clause of what the meeting did took part in it
            for adv in (c for c in gov.children if c.dep_ == "advcl" and any(w.lower_ in {"when", "as", "after"} for w in c.children)):
                for clause in [adv, *adv.conjuncts]:
                    neg = syntax.is_negated(clause) or any(
                        x.dep_ == "xcomp" and x.lemma_.lower() in lex.meeting_verbs for x in clause.children
                    ) and clause.lemma_.lower() in syntax.NEG_GOVERNORS
                    _add_parties(ctx, chunk, syntax.subjects(clause), mm, neg)
            if not mm.place:
                _place_from(ctx, chunk, gov, PLACE_PREPS, mm)
            _date_from(ctx, gov, t, mm)
        _date_from(ctx, noun, t, mm)
        if not mm.participants:
            _adjunct_parties(ctx, chunk, holders, mm)
        dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
        mm.anaphoric = not mm.positive() and bool(dets & ANAPHORIC_DETS)  # "did not attend the meeting"
        mm.status = _status(ctx, mm, t or syntax.tense(noun), _cancel_cue(ctx, noun))
        mm.provenance.append(ctx.provenance(chunk, noun))
        if mm.participants or mm.anaphoric or (mm.place and mm.date):
            out.append(mm)
    return out
