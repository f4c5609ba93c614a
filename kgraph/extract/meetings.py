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
from kgraph.extract.triggerkeys import cue_key, light_verb_key, noun_key, verb_key
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
    sequel: bool = False  # "Mitchell then embarked on ... visits": a later event than the one before
    asserted: bool = False  # "talks resumed in Geneva", "attended a summit in Rome": it took place
    unresolved: bool = False  # a named side that is no known actor: the mention is not the whole meeting
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
        if ctx.mention(chunk, pobj) is None and pobj.lemma_.lower() not in PLACE_NOUNS:
            continue  # "at an Irish pub": a nationality on a venue does not name where it was
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


def _date_before(ctx: DocContext, head, t: str, mm: MeetingMention) -> None:
    """``On January 21 Castro sent his envoy to Caracas. After midnight Castro called Uribe.``: a
    narrative goes on at the date of the sentence before when its own sentence gives no date."""
    sent = head.sent
    if mm.date or t not in {"past", "future"} or any(e.label_ in {"DATE", "TIME"} and not _clock(e) for e in sent.ents) \
            or sent.start == 0:
        return
    for ent in head.doc[sent.start - 1].sent.ents:
        if ent.label_ == "DATE":
            value = resolve_date(ent.text, ctx.doc_date, t)
            if value:
                mm.date, mm.date_text = value, ent.text
                return


def _clock(ent) -> bool:
    """``after midnight``, ``for two hours``: a time of day or a duration says nothing of the day."""
    return ent.label_ == "TIME"


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


def verb_mode(verb, lex) -> str:
    """The meeting mode a verb triggers (``head to`` through its particle), or ``""``."""
    return lex.meeting_verbs.get(verb_key(verb, lex.meeting_verbs), "")


def _cancel_cue(ctx: DocContext, token) -> str:
    cues = ctx.lex.cancelled_cues
    for t in (token, token.head, token.head.head):
        if cue_key(t, cues):  # "postponed the talks", "called off the talks"
            return cue_key(t, cues)
    for c in token.subtree:  # "a planned trip to Warsaw, which was cancelled" (however the clause is hung)
        if c.dep_ in {"relcl", "acl"} and cue_key(c, cues) and not syntax.is_negated(c):
            return cue_key(c, cues)
    return ""


def verb_meetings(ctx: DocContext, chunk: int, sent) -> list[MeetingMention]:
    lex = ctx.lex
    out = []
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        mode = verb_mode(verb, lex)
        if not mode:
            continue
        particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}]
        if any(f"{lemma} {p}" in lex.verbs and lex.verbs[f"{lemma} {p}"].category != "CONSULT" for p in particles):
            continue  # "called on Japan to", "called for talks": a request, not a phone call
        # "travel to Turkey for a meeting", "hosted talks", "attend the summit": the noun is the trigger
        if any(noun_key(g, lex.meeting_nouns) and g.pos_ in {"NOUN", "PROPN"} and ctx.mention(chunk, g) is None
               for g in [*(c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), *syntax.prep_objects(verb, DEST_PREPS)]):
            continue
        if mode in MOVEMENT_MODES and any(c.dep_ in {"advcl", "xcomp"} and verb_mode(c, lex) in {"meet", "phone"}
                                          for c in verb.children):
            continue  # "traveled to Russia to meet with Putin": one meeting, read at "meet"
        means = _means(verb, lex)
        mode = lex.meeting_means[noun_key(means, lex.meeting_means)] if means is not None else mode
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
        objects, things = [], []
        for c in verb.children:
            # "he was hosted by Macron": the passive subject is the guest
            if c.dep_ in {"dobj", "dative", "nsubjpass"} and (lemma in lex.object_participant_verbs or mode == "visit"):
                objects.append(c)
                direct = ctx.mention(chunk, c) is not None or c.tag_ in {"PRP", "NNS"} or \
                    c.lemma_.lower() in lex.actor_heads or c.lemma_.lower() in lex.person_nouns
                if not direct:
                    things.append(c)
                    continue  # "will host Mr Brown's speech": a thing, not a guest
                found = ctx.actors(chunk, c, as_agent=False)
                if not found and c.tag_ == "NNS" and c.lemma_.lower() not in lex.person_nouns | lex.actor_heads:
                    things.append(c)  # "meet their commitments": plural, but no one
                for key, kind in found:
                    if kind == "location" or (kind == "country" and mode == "visit"):
                        mm.place, mm.place_kind = key, kind
                    elif kind in {"person", "organization", "country"}:
                        mm.add(key, negated, "visitor" if mode == "host" else ("host" if mode == "visit" else ""))
        if things and len(things) == len(objects) and mode in {"meet", "host"} and not syntax.prep_objects(verb, {"with"}):
            continue  # "failed to meet its commitments", "will host the World Cup": a thing, no one met
        sequels = _sequence_preps(verb, lex)
        key = verb_key(verb, lex.meeting_verbs)
        # "talked to Petrov", "spoke to Merkel": the particle of a phrasal key names the partner
        partner_preps = {"with", "between"} | ({key.split()[1]} & {"to"} if " " in key and mode in {"meet", "phone"} else set())
        with_objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in partner_preps
                        and p not in sequels for o in _pobjs(p)]
        if means is not None:  # "communicated by telephone with Uribe": the parser hangs "with" on the means
            with_objects += syntax.prep_objects(means, {"with"})
        partners = with_objects + objects
        if mode == "phone" and (not partners or any(c.dep_ in {"oprd", "xcomp", "ccomp", "attr"} for c in verb.children)
                                or all(p.lower_ in {"it", "this", "that", "them"} for p in partners)):
            continue  # "called it a retrograde step" names something; a call needs someone called
        _add_parties(ctx, chunk, with_objects, mm, negated, as_agent=False)
        purpose_of_trip = verb.dep_ in {"advcl", "xcomp"} and verb_mode(verb.head, lex) in MOVEMENT_MODES
        if mode == "host" and any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "invited him to collaborate" is no meeting; "invited him to visit" is read at "visit"
        if mode == "visit" and verb.dep_ == "xcomp" and verb_mode(verb.head, lex) == "host":
            _add_parties(ctx, chunk, syntax.subjects(verb.head), mm, negated, role="host")  # the inviter hosts
        if mode == "host" and not any(role == "visitor" for _, role in mm.participants.values()):
            continue  # "welcomed the pullout", "are receiving briefings": nobody is hosted
        if mode == "host" and not any(role == "host" for _, role in mm.participants.values()) and \
                not syntax.prep_objects(verb, PLACE_PREPS):
            continue  # "X, Y and Z were invited": guests of no one named, at no place named
        if mode == "meet" and _body_meets(ctx, chunk, verb, mm):
            mode = mm.mode = "multilateral"  # "NATO leaders met in Wales": a summit of NATO
        if mode == "phone" and lemma == "call" and not with_objects and not any(
                (m := ctx.mention(chunk, o)) is not None and m.kind == "person" or o.lower_ in {"him", "her", "them"}
                for o in objects):
            continue  # "calling it an aggression": a call needs a person called
        if mode in {"meet", "phone", "host"} and len(mm.participants) < 2 and not purpose_of_trip:
            continue  # "discuss", "negotiate" with one side named is not evidence of a meeting
        if verb.dep_ == "relcl" and (noun_key(verb.head, lex.meeting_nouns) or _quantity_of_meeting(verb.head, lex)):
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
        if verb.dep_ in {"advcl", "xcomp"} and verb_mode(gov, lex) in MOVEMENT_MODES:
            # "traveled to Moscow to meet with Putin": the traveller visits, the other side hosts
            mm.mode = "visit"
            subject_keys = {k for k, _ in subjects}
            for key, (neg, _) in list(mm.participants.items()):
                mm.participants[key] = (neg, "visitor" if key in subject_keys else "host")
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in {"advcl", "xcomp"} and purpose and not mm.place:
            _place_from(ctx, chunk, gov, {"to"} | PLACE_PREPS, mm)
        _date_from(ctx, verb, t, mm)
        _date_before(ctx, verb, t, mm)
        mm.status = _status(ctx, mm, t, _cancel_cue(ctx, verb))
        mm.sequel = _is_sequel(verb, lex)
        mm.provenance.append(ctx.provenance(chunk, verb))
        if mm.participants:
            out.append(mm)
            out.extend(_sequels(ctx, chunk, mm, subjects, sequels, negated))
    return out


def _is_sequel(verb, lex) -> bool:
    """``then embarked``, ``later flew to``: the clause tells of what came after the last event."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.sequence_adverbs for c in verb.children)


def _pobjs(prep) -> list:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _means(verb, lex):
    """``spoke by telephone with``, ``talked over the phone``, ``met in person``: the noun of the
    means, which names the mode, or None."""
    preps = [c for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "over", "via", "in"}]
    for pobj in (g for p in preps for g in _pobjs(p)):
        key = noun_key(pobj, lex.meeting_means)
        if key and (pobj.head.lower_ != "in" or key == "person"):
            return pobj
    return None


def _sequence_preps(verb, lex) -> list:
    """``met with the IMF chief, then with President Trump``: each later ``with`` is its own meeting."""
    preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"]
    def after_adverb(p) -> bool:  # the parser hangs "then" on the prep or just before it on the verb
        before = p.doc[p.i - 1] if p.i > 0 else p
        return any(a.lower_ in lex.sequence_adverbs for a in p.children) or before.lower_ in lex.sequence_adverbs
    return [p for p in preps[1:] if after_adverb(p)]


def _sequels(ctx: DocContext, chunk: int, mm: MeetingMention, subjects, sequels, negated: bool) -> list[MeetingMention]:
    out = []
    for prep in sequels:
        nxt = MeetingMention(mm.chunk, prep.i, mm.trigger, mm.sent_index, place=mm.place, place_kind=mm.place_kind,
                             date=mm.date, date_text=mm.date_text, mode=mm.mode, status=mm.status,
                             provenance=list(mm.provenance))
        for key, kind in subjects:
            if kind in PARTY_KINDS:
                nxt.add(key, negated)
        _add_parties(ctx, chunk, _pobjs(prep), nxt, negated, as_agent=False)
        if len(nxt.positive()) >= 2:
            out.append(nxt)
    return out


def _body_meets(ctx: DocContext, chunk: int, verb, mm: MeetingMention) -> bool:
    """``NATO leaders met in Wales``, ``EU foreign ministers will meet``: the members of one body
    meeting together are a meeting of that body."""
    if len(mm.participants) != 1 or not next(iter(mm.participants)).startswith("organization:"):
        return False
    heads = [s for s in syntax.subjects(verb) if s.tag_ in {"NNS", "NNPS"}]
    return any(h.lemma_.lower() in ctx.lex.group_members for h in heads) and bool(syntax.prep_objects(verb, PLACE_PREPS))


ADJUNCT_PREPS = {"after", "during", "following", "throughout"}
PRESENCE_PREPS = {"in", "during", "at", "with", "throughout"}
FRAME_NOUN_DEPTH = 2


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
        _add_parties(ctx, chunk, objs, mm, as_agent=False)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ctx.lex.attendee_verbs):
        _add_parties(ctx, chunk, _pobjs(prep), mm, as_agent=False)  # "including Yemen and the UK"


def _clause_parties(ctx: DocContext, chunk: int, noun, mm: MeetingMention) -> None:
    """Who acts in a clause set at a meeting took part in it: ``In a telephone conversation with
    Sarkozy, Medvedev declared``; ``At the conclusion of the Annapolis Conference, Bush read``;
    ``embarked on his mission with visits to Israel``; ``Ban, who is in Doha meeting with``
    (a meeting in apposition to its participant)."""
    if noun.dep_ == "appos" and noun.head.pos_ in {"PROPN", "NOUN"}:
        _add_parties(ctx, chunk, [noun.head], mm, role="visitor" if mm.mode == "visit" else "")
        for rel in (c for c in noun.head.children if c.dep_ == "relcl"):
            if not mm.place:
                _place_from(ctx, chunk, rel, PLACE_PREPS, mm)
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
        _add_parties(ctx, chunk, syntax.subjects(verb), mm, syntax.is_negated(verb), role)


def _asserted(noun, lex) -> bool:
    """The clause says the meeting happens, whoever its parties: ``peace talks resumed``, ``talks
    were held``, ``bishops attended a summit``, ``held a conference``."""
    gov = noun.head
    if noun.dep_ == "nsubj" and cue_key(gov, lex.held_cues):
        return not syntax.is_negated(gov)
    if noun.dep_ == "nsubjpass" and gov.lemma_.lower() == "hold":
        return not syntax.is_negated(gov)
    if noun.dep_ == "dobj" and gov.pos_ == "VERB" and (
            gov.lemma_.lower() in {"attend", "hold", "host", "convene", "open"} or light_verb_key(gov, noun, lex.meeting_verbs)):
        return not syntax.is_negated(gov)
    return False


def _body_session(mm: MeetingMention) -> bool:
    parts = mm.positive()
    return len(parts) == 1 and next(iter(parts)).startswith("organization:")


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
        _add_parties(ctx, chunk, partners, mm, as_agent=False)
        mm.unresolved = any(p.pos_ == "PROPN" and not any(kind in PARTY_KINDS for _, kind in ctx.actors(chunk, p, as_agent=False))
                            for q in partners for p in [q, *q.conjuncts])  # "between Uribe and Chaves"
        if mode == "visit":  # "a planned visit by Defense Secretary Lloyd Austin"
            _add_parties(ctx, chunk, syntax.prep_objects(noun, {"by"}), mm, role="visitor")
        for pobj in syntax.prep_objects(noun, {"to"}):
            for key, kind in ctx.actors(chunk, pobj, as_agent=False):
                if kind in {"location", "country"} and mode == "visit":
                    mm.place, mm.place_kind = key, kind
                elif kind in {"person", "organization"}:
                    mm.add(key, role="host")
        _place_from(ctx, chunk, noun, PLACE_PREPS, mm)
        _attendees(ctx, chunk, noun, mm)
        _clause_parties(ctx, chunk, noun, mm)
        if mode == "meet" and _body_session(mm):
            mm.mode = "multilateral"  # "a United Nations Security Council meeting": a session of the body
        t = ""
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        negated = False
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and gov.lemma_.lower() in AVOIDING and noun.dep_ == "dobj":
            negated = True  # "boycotted the summit": a denied participation
        if gov.i != noun.i and noun.dep_ == "dobj" and cue_key(gov, lex.cancelled_cues):
            _add_parties(ctx, chunk, syntax.subjects(gov), mm, negated=True)  # "called off the talks"
        # "paid a visit", "held talks": a light verb from the lexicon takes part like "attend"
        light = noun.dep_ == "dobj" and bool(light_verb_key(gov, noun, lex.meeting_verbs))
        # "NATO leaders met in Wales for a summit": those who meet for a meeting take part in it
        light = light or (noun.dep_ == "pobj" and noun.head.lower_ in DEST_PREPS and verb_mode(gov, lex) in {"meet", "multilateral"})
        if gov.i != noun.i and gov.pos_ in {"VERB", "AUX"} and (gov.lemma_.lower() in PARTICIPATION_VERBS or noun.dep_ in {"dobj", "pobj"}):
            t = syntax.tense(gov)
            negated = negated or syntax.is_negated(gov)
            copula = gov.lemma_.lower() == "be" and noun.dep_ == "attr"  # "Sochi will be the sixth meeting"
            if (gov.lemma_.lower() in PARTICIPATION_VERBS or light) and noun.dep_ in {"dobj", "pobj", "attr"} and not copula:
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
            # "a phone call made by Trump to Zelensky": a call's acl names who was called
            partner_preps = {"with", "to"} if mm.mode == "phone" else {"with"}
            _add_parties(ctx, chunk, syntax.prep_objects(rel, partner_preps), mm, rel_neg, as_agent=False)
            if not mm.place:
                _place_from(ctx, chunk, rel, PLACE_PREPS, mm)
            # "the 15th round of talks begun Monday": a bare participle on the noun is past
            bare_participle = rel.dep_ == "acl" and rel.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in rel.children)
            _date_from(ctx, rel, "past" if bare_participle else t, mm)
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
                    _add_parties(ctx, chunk, syntax.subjects(clause), mm, neg)
            if not mm.place:
                _place_from(ctx, chunk, gov, PLACE_PREPS, mm)
            _date_from(ctx, gov, t, mm)
        _date_from(ctx, noun, t, mm)
        if not mm.participants:
            _adjunct_parties(ctx, chunk, holders, mm)
        dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
        mm.anaphoric = not mm.positive() and bool(dets & ANAPHORIC_DETS)  # "did not attend the meeting"
        if mm.positive():  # an anaphor takes its antecedent's date, not the sentence before's
            _date_before(ctx, noun, t or syntax.tense(noun), mm)
        mm.status = _status(ctx, mm, t or syntax.tense(noun), _cancel_cue(ctx, noun))
        mm.sequel = _is_sequel(noun.head.head if noun.dep_ == "pobj" else noun.head, lex)
        mm.asserted = _asserted(noun, lex) and mm.status != "cancelled"
        mm.provenance.append(ctx.provenance(chunk, noun))
        if mm.participants or mm.anaphoric or (mm.place and mm.date):
            out.append(mm)
    return out
