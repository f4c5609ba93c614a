"""Event coreference inside a document: mentions of one meeting become one meeting.

Two mentions corefer when nothing they say conflicts: the participants of
one include the other's (or one is an anaphor such as ``the meeting``), their
dates agree to the precision both give, their places are equal or one lies in
the other, and a planned meeting is not merged with one already past.  Among
compatible earlier meetings the most recently mentioned wins, so ``Kerry met
Putin in Moscow two years ago`` and ``meets him in Sochi on Tuesday`` stay two
meetings while ``his visit to Sochi`` joins the second.
"""
from __future__ import annotations

from kgraph.extract.meetingargs import MeetingMention


def _dates_agree(a: str, b: str) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _places_agree(a: str, b: str, country_of: dict[str, str]) -> bool:
    if not a or not b or a == b:
        return True
    ca, cb = country_of.get(a, ""), country_of.get(b, "")
    if a.startswith("country:") and cb == a.split(":", 1)[1]:
        return True
    if b.startswith("country:") and ca == b.split(":", 1)[1]:
        return True
    return False


def compatible(e: MeetingMention, m: MeetingMention, country_of: dict[str, str], doc_date: str) -> bool:
    if not _dates_agree(e.date, m.date) or not _places_agree(e.place, m.place, country_of):
        return False
    for planned, other in ((m, e), (e, m)):
        if planned.status == "planned" and other.date and doc_date and other.date < doc_date[: len(other.date)]:
            return False
    if {e.status, m.status} == {"cancelled", "held"}:
        return False  # "did not attend the talks" (held) is not the visit that was called off
    if (e.mode == "phone" and m.place) or (m.mode == "phone" and e.place):
        return False  # a phone call has no venue
    if (e.mode == "phone") != (m.mode == "phone") and not m.anaphoric:
        return False  # "met with Chávez in Caracas" and "communicated by telephone with Uribe": two contacts
    if not m.anaphoric and {e.status, m.status} == {"planned", "held"} and not (len(e.date) == 10 and e.date == m.date):
        return False  # "met on Friday and invited him to visit later this year": two events
    pe, pm = e.positive(), m.positive()
    if m.anaphoric:
        return True
    if m.sequel and m.mode == "visit":
        return False  # "Mitchell then embarked on ... visits": a journey after the meeting told before
    if "multilateral" in {e.mode, m.mode} and e.mode != m.mode and min(len(pe), len(pm)) < 2:
        return False  # "since his inauguration" is not the talks he held with one person
    if not pe and pm and m.definite and m.trigger == e.trigger:
        return True  # "An international conference in London ... Delegates at the conference were from"
    if not pe or not pm:
        return False
    if (e.unresolved or m.unresolved) and pe != pm:
        return False  # "a meeting between Uribe and Chaves": Chaves may be anyone but Lula
    return pm <= pe or pe <= pm


def merge_into(e: MeetingMention, m: MeetingMention, country_of: dict[str, str]) -> None:
    for key, (neg, role) in m.participants.items():
        e.add(key, neg, role)
    if m.place and (not e.place or (e.place.startswith("country:") and m.place in country_of)):
        e.place, e.place_kind = m.place, m.place_kind
    if len(m.date) > len(e.date):
        e.date, e.date_text = m.date, m.date_text
    elif not e.date_text and m.date_text:
        e.date_text = m.date_text
    if m.mode and (not e.mode or e.mode == "meet") and not (m.mode == "phone" and e.place):
        e.mode = m.mode  # a meeting somewhere was not a phone call
    e.asserted = e.asserted or m.asserted
    if m.status == "cancelled" or (m.status and not e.status):
        e.status = m.status
    e.provenance.extend(p for p in m.provenance if p not in e.provenance)
    e.sent_index = max(e.sent_index, m.sent_index)
    e.token = m.token if m.sent_index >= e.sent_index else e.token


def merge_mentions(mentions: list[MeetingMention], country_of: dict[str, str], doc_date: str) -> list[MeetingMention]:
    """Cluster meeting mentions in text order; drop anaphors with no antecedent."""
    events: list[MeetingMention] = []
    for m in sorted(mentions, key=lambda x: (x.sent_index, x.token)):
        if m.delegate_of:
            _join_delegates(events, m, country_of)
            continue
        cands = [e for e in events if compatible(e, m, country_of, doc_date)]
        if m.anaphoric and m.mode == "visit":
            # "this trip" looks for a visit, "the summit" for a multilateral meeting
            cands = [e for e in cands if e.mode == m.mode] or cands
        if cands and m.anaphoric and doc_date:
            # "did not attend the talks": an anaphor in a news story means this year's event before an
            # older one mentioned in passing ("last year, Wang held talks in Washington")
            cands = [e for e in cands if not e.date or e.date[:4] >= doc_date[:4]] or cands
        if m.anaphoric:
            # "the three-way summit in Tehran" looks back for a summit before the meeting told last
            cands = [e for e in cands if e.trigger == m.trigger] or cands
        if cands:
            merge_into(max(cands, key=lambda e: (e.sent_index, e.token)), m, country_of)
        elif not m.anaphoric or m.participants:
            events.append(m)  # an unresolved "the summit" someone did not attend is still worth keeping
    events = _consolidate(events, country_of, doc_date)
    for e in events:
        e.status = final_status(e, doc_date)
    return [e for e in events if keep(e)]


def _join_delegates(events: list[MeetingMention], m: MeetingMention, country_of: dict[str, str]) -> None:
    """``Menon represented India``: the delegates join the latest meeting of their country told in
    this sentence or the one before; with none, the mention is dropped."""
    hosts = [e for e in events if m.delegate_of in e.positive() and m.sent_index - e.sent_index <= 1]
    if hosts:
        merge_into(max(hosts, key=lambda e: (e.sent_index, e.token)), m, country_of)


def _consolidate(events: list[MeetingMention], country_of: dict[str, str], doc_date: str) -> list[MeetingMention]:
    """Second pass: two events read from the same sentence whose participants nest and whose
    details agree are one meeting (``held talks on the sidelines of the summit, their first
    meeting``) - the first pass can leave them apart when a later mention bridges them."""
    out: list[MeetingMention] = []
    for e in events:
        sentences = {p.sent_index for p in e.provenance}
        target = next((o for o in out if sentences & {p.sent_index for p in o.provenance}
                       and o.positive() and e.positive() and compatible(o, e, country_of, doc_date)), None)
        if target is None:
            out.append(e)
        else:
            merge_into(target, e, country_of)
    return out


def final_status(e: MeetingMention, doc_date: str) -> str:
    """A day-precise date settles planned vs held; otherwise the mentions' tense decides."""
    if e.status == "cancelled":
        return e.status
    if len(e.date) == 10 and len(doc_date) == 10 and not (e.date == doc_date and e.status == "planned"):
        return "planned" if e.date > doc_date else "held"  # "will travel later in the day" stays planned
    return e.status


def keep(e: MeetingMention) -> bool:
    """A meeting worth a node: two sides; or one side visiting a named place (the hosts are
    implied); or a denied attendance somewhere named.  One side alone at an event with only a
    date (``the party's anniversary celebrations``) is not a meeting between anyone."""
    pos = e.positive()
    if len(pos) >= 2:
        return True
    if len(pos) == 1:
        (only,) = pos
        if e.mode == "multilateral" and e.place and (only.startswith("organization:") or e.asserted):
            return True  # "the European Union summit in Brussels", "Obama attended a summit in Lima"
        return e.mode == "visit" and bool(e.place) and only.startswith("person:")
    return bool(e.place) and (bool(e.participants) or e.asserted)  # "peace talks resumed in Geneva"


def diplomatic(e: MeetingMention, standing: frozenset[str], travel_verbs: frozenset[str]) -> bool:
    """Travel by one person is a visit an analyst of diplomacy wants when the traveller holds a
    public role (``Foreign Minister Malik travelled to Syria``), not when it is a private life
    (``Begum travelled to Syria in 2015``).  Encounters between two named sides are kept."""
    pos = e.positive()
    if e.mode != "visit" or len(pos) != 1 or e.trigger not in travel_verbs:
        return True
    (only,) = pos
    return not only.startswith("person:") or only in standing

