"""Why did kgraph say that?  One text in, its parse, the lexicon keys that fired and the records.

This is the answer to an analyst's or a developer's "where does this edge come
from?": the tokens with their entities and dependencies, every trigger key of
``meetings.json`` and ``events.json`` a token matched (and what it produces),
then the statements and meetings extraction made of them.  spaCy objects stay
inside; the caller gets frozen records.

>>> from kgraph.nlp import load_pipeline
>>> from kgraph.lexicon import load_lexicon
>>> ex = explain("Kerry paid a visit to Moscow on Tuesday.", load_pipeline(), load_lexicon(), date="2015-05-11")
>>> [(t.key, t.produces) for t in ex.triggers if t.source == "meetings.json"]
[('pay|visit', 'visit'), ('visit', 'visit')]
>>> [(m.mode, m.date) for m in ex.result.meetings]
[('visit', '2015-05-05')]
"""
from __future__ import annotations

from dataclasses import dataclass

from kgraph.extract.triggerkeys import light_verb_key, noun_key, verb_key
from kgraph.extract.triggers import event_type, noun_entry
from kgraph.lexicon import Lexicon
from kgraph.records import DocResult, Document

__all__ = ["Explanation", "TokenView", "TriggerHit", "explain", "format_explanation"]


@dataclass(frozen=True)
class TokenView:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    entity: str  # NER label, "" outside entities


@dataclass(frozen=True)
class TriggerHit:
    token: int
    text: str
    source: str  # the data file the key lives in
    key: str
    produces: str  # meeting mode or PLOVER category


@dataclass(frozen=True)
class Explanation:
    text: str
    tokens: tuple[TokenView, ...]
    triggers: tuple[TriggerHit, ...]
    result: DocResult

    def __str__(self) -> str:
        return format_explanation(self)


def _meeting_hits(token, lex: Lexicon) -> list[TriggerHit]:
    if token.pos_ in {"VERB", "AUX"}:
        table = lex.meeting_verbs  # plain, phrasal and light-verb keys all live with the verbs
        keys = [verb_key(token, table), *(light_verb_key(token, c, table) for c in token.children if c.dep_ == "dobj")]
    elif token.pos_ in {"NOUN", "PROPN"}:
        table, keys = lex.meeting_nouns, [noun_key(token, lex.meeting_nouns)]
    else:
        return []
    return [TriggerHit(token.i, token.text, "meetings.json", k, table[k]) for k in keys if k]


def _event_hits(token, lex: Lexicon) -> list[TriggerHit]:
    if token.pos_ == "VERB":
        etype, relation, _ = event_type(token, lex)
        if etype is not None:
            return [TriggerHit(token.i, token.text, "events.json", relation, etype.category)]
    elif token.pos_ == "NOUN":
        key, entry = noun_entry(token, lex)
        if entry is not None:
            return [TriggerHit(token.i, token.text, "events.json", key, entry.category)]
    return []


def explain(text: str, nlp, lex: Lexicon, date: str = "", doc_id: str = "explain") -> Explanation:
    """Parse and extract one text as one document, keeping what a reader needs to see why."""
    from kgraph.extract import extract_document
    from kgraph.nlp import parse

    ((document, chunks),) = list(parse([Document(doc_id, text, date=date)], nlp))
    result = extract_document(document, chunks, lex)
    tokens, hits = [], []
    offset = 0
    for _, sdoc in chunks:
        for t in sdoc:
            tokens.append(TokenView(offset + t.i, t.text, t.lemma_, t.pos_, t.dep_, offset + t.head.i, t.ent_type_))
            for hit in _meeting_hits(t, lex) + _event_hits(t, lex):
                hits.append(TriggerHit(offset + hit.token, hit.text, hit.source, hit.key, hit.produces))
        offset += len(sdoc)
    return Explanation(text, tuple(tokens), tuple(hits), result)


def format_explanation(ex: Explanation) -> str:
    """A plain-text report: tokens, entities, triggers, statements, meetings."""
    label = {e.key: e.name for e in ex.result.entities}
    lines = ["tokens:"]
    lines += [f"  {t.i:>3} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} -> {t.head:<3} {t.entity}"
              for t in ex.tokens]
    lines.append("entities:")
    lines += [f"  {e.name} ({e.kind}{', ' + e.country if e.country else ''}{', ' + e.role if e.role else ''})"
              for e in ex.result.entities]
    lines.append("triggers fired:")
    lines += [f"  {h.token:>3} {h.text:<16} {h.source}: {h.key!r} -> {h.produces}" for h in ex.triggers]
    lines.append("statements:")
    lines += [f"  {label.get(s.subject, s.subject)} --{s.relation} [{s.category}"
              f"{', negated' if s.negated else ''}]--> {label.get(s.object, s.object)}"
              for s in ex.result.statements]
    lines.append("meetings:")
    for m in ex.result.meetings:
        who = ", ".join(f"{label.get(p.entity, p.entity)}{' (' + p.role + ')' if p.role else ''}"
                        f"{' [denied]' if p.negated else ''}" for p in m.participants)
        lines.append(f"  {m.mode or '-'} {m.status or '-'}: {who}; place {label.get(m.place, m.place) or '-'}; "
                     f"date {m.date or '-'}")
    return "\n".join(lines)
