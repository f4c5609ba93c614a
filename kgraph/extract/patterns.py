"""Statement shapes kept as data (``kgraph/data/statement_patterns.json``), run as one
spaCy ``DependencyMatcher``.

A shape whose two sides sit in different places of the parse (``expected a
withdrawal of Russian forces``: the one asked to act is inside the object;
``was placed under SADC sanctions``: the sanctioner modifies the noun) is a
pattern with an id, what it produces and example sentences, so its scope can be
read and tested.  Python keeps what a pattern cannot say: the checks named in
the data (``CHECKS``), and the shared argument functions that turn a node into
actors (``subject_of`` uses the same subject finder as every verb).
"""
from __future__ import annotations

from kgraph.extract import syntax
from kgraph.extract.actors import DocContext
from kgraph.extract.fallbacks import ACTOR_KINDS
from kgraph.extract.modality import plover_mode
from kgraph.extract.statements import statement_date
from kgraph.extract.triggers import event_type, noun_entry
from kgraph.lexicon import Lexicon, StatementPattern
from kgraph.records import Statement


def build_matcher(vocab, lex: Lexicon) -> tuple[tuple[tuple, object], ...]:
    """One matcher per pattern id, with the words a sentence must hold for it to match there
    (:func:`required_words`); match ids are the pattern ids."""
    from spacy.matcher import DependencyMatcher

    groups: dict[str, list[StatementPattern]] = {}
    for p in lex.statement_patterns:
        groups.setdefault(p.id, []).append(p)
    out = []
    for same in groups.values():
        matcher = DependencyMatcher(vocab)
        for p in same:
            matcher.add(p.id, [list(p.pattern)])
        out.append((tuple(required_words(p) for p in same), matcher))
    return tuple(out)


def required_words(p: StatementPattern) -> tuple[tuple[str, frozenset[str]], ...]:
    """(attribute, words) pairs a sentence must hold, one per node asking for a lemma or a word
    (``LEMMA``/``LOWER`` given as a string or an ``IN`` list), for the pattern to match in it."""
    out = []
    for spec in p.pattern:
        for attr in ("LEMMA", "LOWER"):
            value = spec.get("RIGHT_ATTRS", {}).get(attr)
            if isinstance(value, str):
                out.append((attr, frozenset([value])))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                out.append((attr, frozenset(value["IN"])))
    return tuple(out)


def matches(sdoc, matchers) -> list[tuple[int, list[int]]]:
    """What one spaCy ``DependencyMatcher`` holding every pattern finds in a chunk, in its order
    (pattern by pattern, sentence by sentence), read sentence by sentence.

    The nodes of a pattern are linked through the parse tree, so a match lies in one sentence, and
    a pattern is run only on the sentences holding the words it requires: most sentences hold none
    of the verbs and nouns the patterns start from, and the matcher's cost grows with every token
    it reads (it looks up the tree root of each token matching any node).
    """
    found: list[list] = [[] for _ in matchers]
    for sent in sdoc.sents:
        words = {"LEMMA": {t.lemma_ for t in sent}, "LOWER": {t.lower_ for t in sent}}
        wanted = [k for k, (needs, _) in enumerate(matchers)
                  if any(all(words[attr] & allowed for attr, allowed in need) for need in needs)]
        if not wanted:
            continue
        piece = sent.as_doc()
        for k in wanted:
            found[k].extend((match_id, [sent.start + i for i in token_ids])
                            for match_id, token_ids in matchers[k][1](piece))
    return [m for group in found for m in group]


def event_noun(ctx: DocContext, p: StatementPattern, nodes: dict) -> bool:
    """The noun names an event of the lexicon (``sanctions``, ``withdrawal``), not a thing."""
    return noun_entry(nodes[p.category_from or "noun"], ctx.lex)[1] is not None


def hostile_verb(ctx: DocContext, p: StatementPattern, nodes: dict) -> bool:
    """Reporting someone's act is an accusation only when the act is hostile."""
    etype = event_type(nodes[p.anchor], ctx.lex)[0]
    return etype is not None and etype.category in ctx.lex.word_lists.get("hostile_acts", frozenset())


CHECKS = {"event_noun": event_noun, "hostile_verb": hostile_verb}


def fired(ctx: DocContext, chunk: int, sdoc, matcher) -> list[tuple[StatementPattern, dict]]:
    """(pattern, named tokens) for every match in a chunk whose checks pass."""
    by_id = {p.id: p for p in ctx.lex.statement_patterns}
    out = []
    for match_id, token_ids in matches(sdoc, matcher):
        p = by_id[sdoc.vocab.strings[match_id]]
        nodes = {spec["RIGHT_ID"]: sdoc[i] for spec, i in zip(p.pattern, token_ids)}
        if all(CHECKS[name](ctx, p, nodes) for name in p.checks):
            out.append((p, nodes))
    return out


def _actors_of(ctx: DocContext, chunk: int, token, as_agent: bool) -> list[tuple[str, str]]:
    """Actors a node stands for: a relative pronoun stands for the noun its clause modifies
    (``Madagascar, which was placed under ...``), a noun that names no actor for the actor of
    its ``of`` phrase or of its modifier (``the presence of US troops``, ``a Security Council
    meeting``), a name used as a modifier for the actor the document named so before
    (``SADC sanctions``)."""
    if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl":
        token = token.head.head
    found = [a for a in ctx.actors(chunk, token, as_agent=as_agent) if a[1] in ACTOR_KINDS]
    if not found and token.pos_ == "PROPN" and token.dep_ == "compound":  # "SADC sanctions", SADC named before
        found = list(dict.fromkeys((m.cluster, m.kind) for m in ctx.mentions
                                   if m.text == token.text and m.cluster and m.kind in ACTOR_KINDS))[:1]
    if not found and token.pos_ == "NOUN":  # "the presence of US troops", "a Security Council meeting"
        owners = syntax.prep_objects(token, {"of"}) or [c for c in token.children if c.dep_ in {"compound", "poss"}]
        found = [a for g in owners for a in ctx.actors(chunk, g, as_agent=as_agent) if a[1] in ACTOR_KINDS]
    return found


def _first_actor(ctx: DocContext, chunk: int, phrase, as_agent: bool) -> list[tuple[str, str]]:
    """The first actor named inside a phrase that is itself no actor: ``removing the sanctions on
    Burma``, ``the idea of having US military bases in Yemen``; a place where something is
    (``the weather in Poland``) is not the actor of it."""
    places = ctx.lex.word_lists.get("place_preps", frozenset())
    inside = {t.i for t in phrase.subtree} - {phrase.i}
    for t in phrase.subtree:
        m = ctx.mention(chunk, t)
        located = any(a.dep_ == "pobj" and a.head.lower_ in places for a in [t, *t.ancestors] if a.i in inside)
        if m is not None and m.kind in ACTOR_KINDS and not located:
            found = [a for a in ctx.actors(chunk, t, as_agent=as_agent) if a[1] in ACTOR_KINDS]
            if found:
                return found[:1]
    return []


def _side(ctx: DocContext, chunk: int, spec: tuple[str, str], nodes: dict, as_agent: bool) -> list[tuple[str, str]]:
    how, name = spec
    if how == "actor_in":
        return _first_actor(ctx, chunk, nodes[name], as_agent)
    tokens = syntax.subjects(nodes[name], lists=ctx.lex.word_lists) if how == "subject_of" else [nodes[name]]
    return list(dict.fromkeys(a for t in tokens for a in _actors_of(ctx, chunk, t, as_agent)))


def _what(ctx: DocContext, p: StatementPattern, nodes: dict) -> tuple[str, str, str]:
    """(category, cameo, relation) of a match."""
    words = {name: t.lemma_.lower() for name, t in nodes.items()}
    if "noun" in nodes:
        words["noun"] = noun_entry(nodes["noun"], ctx.lex)[0]
    if not p.category_from:
        return p.category, p.cameo, p.relation.format(**words)
    entry = noun_entry(nodes[p.category_from], ctx.lex)[1]
    return entry.category, entry.cameo, p.relation.format(**words)


def pattern_statements(ctx: DocContext, chunk: int, sdoc, matcher, existing: list[Statement]) -> list[Statement]:
    """Statements of every pattern match in a chunk, minus those the verb rules already read."""
    seen = {(s.subject, s.category, s.object, s.provenance.sent_index if s.provenance else -1) for s in existing}
    out = []
    for p, nodes in fired(ctx, chunk, sdoc, matcher):
        anchor = nodes[p.anchor]
        category, cameo, relation = _what(ctx, p, nodes)
        mode = plover_mode(category, anchor)
        negated = syntax.is_negated(anchor)
        prov = ctx.provenance(chunk, anchor)
        date = statement_date(ctx, anchor, syntax.tense(anchor))
        for skey, _ in _side(ctx, chunk, p.source, nodes, as_agent=True):
            for okey, _ in _side(ctx, chunk, p.target, nodes, as_agent=False):
                key = (skey, mode, okey, prov.sent_index)
                if skey == okey or key in seen:
                    continue
                seen.add(key)
                out.append(Statement(skey, relation, okey, mode, negated, p.confidence, date,
                                     cameo if mode == category else "", prov))
    return out
