"""Small questions asked of the dependency parse: who is the subject of this
verb, is it negated, which tense is it in, which dates hang off it.

Written against spaCy's English (ClearNLP-style) labels; kept apart from the
rules that use them so the rules read as rules.
"""
from __future__ import annotations

SUBJ = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}
NEG_GOVERNORS = {"refuse", "fail", "decline", "reject", "deny", "boycott", "skip", "avoid"}
FUTURE_GOVERNORS = {"plan", "schedule", "expect", "hope", "intend", "prepare", "want", "seek", "aim", "agree", "set", "due", "going"}
FUTURE_AUX = {"will", "wo", "'ll", "shall"}
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "conj", "parataxis", "csubj"}


def stolen_subject(verb):
    """A noun the parser attached as a conjunct of the previous object although it
    is really the subject of ``verb`` (``meet with Putin and Kerry is heading``)."""
    left = verb.left_edge
    for child in verb.lefts:
        if child.dep_ in {"aux", "auxpass", "neg", "advmod"}:
            left = child
            break
    if left.i == 0:
        return None
    prev = verb.doc[left.i - 1]
    head = prev
    while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
        head = head.head
    if prev.dep_ in {"conj", "compound"} and head.dep_ == "conj" and head.head.pos_ in {"PROPN", "NOUN"} and verb.dep_ == "conj":
        return head
    return None


def controller(verb, lists: dict) -> list:
    """The noun that controls a verb with no subject of its own, from the statement word lists:
    the object of the verb above a gerund under a control preposition (``thanked France for
    pressuring Colombia``, ``accused Kyiv of shelling``), or the subject of the verb governing a
    control noun (``reached an agreement to give Kiribati aid``)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in lists.get("control_preps", ()):
        return [c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i]
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in lists.get("control_nouns", ()) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and head.dep_ in {"dobj", "pobj"} and head.head.pos_ in {"VERB", "ADP"}:
        governor = head.head.head if head.dep_ == "pobj" else head.head
        return subjects(governor, lists=lists) if governor.pos_ in {"VERB", "AUX"} else []
    return []


def subjects(verb, _depth: int = 0, lists: dict | None = None) -> list:
    """Agents of a verb: its subject, the agent of a passive, or the subject it inherits
    (``traveled to Russia to meet``, ``After meeting with Putin, Kerry will``); with the
    statement word lists, also the noun that controls it (:func:`controller`)."""
    if _depth > 4:
        return []
    out = [c for c in verb.children if c.dep_ in SUBJ]
    if out:
        return out
    for c in verb.children:
        if c.dep_ == "agent":
            return [g for g in c.children if g.dep_ == "pobj"]
    stolen = stolen_subject(verb)
    if stolen is not None:
        return [stolen]
    controlling = controller(verb, lists) if lists else []
    if controlling:
        return controlling
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return subjects(head.head, _depth + 1, lists)  # "Syria is willing to withdraw"
    if verb.dep_ == "xcomp" and head.pos_ == "VERB":
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return objects  # object control: "invited him to visit Beijing"
        raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJ]
        if raised and not any(c.dep_ == "agent" for c in head.children):
            return raised  # raising: "the ministers are expected to meet next month"
    if verb.dep_ == "dep" and verb.tag_ in {"VBD", "VBZ", "VBP"} and head.pos_ == "VERB":
        return subjects(head, _depth + 1, lists)  # "paid a visit to Moscow, then met Lavrov": an unlabelled second verb
    if verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} and head.dep_ == "xcomp" and head.tag_ == "VB":
        return subjects(head.head, _depth + 1, lists)  # "urged X to reconsider and spoke with Y": a finite verb joins the main clause
    if verb.dep_ in {"xcomp", "advcl", "conj", "acl"} and head.pos_ in {"VERB", "AUX"} or (
            lists and verb.dep_ == "acomp" and head.pos_ in {"VERB", "AUX"}):  # "China is committed to ..."
        if verb.dep_ == "acl" and head.pos_ != "VERB":
            return []
        return subjects(head, _depth + 1, lists)
    if verb.dep_ in {"pcomp"} and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return subjects(head.head, _depth + 1, lists)
    return []


def passive_objects(verb) -> list:
    return [c for c in verb.children if c.dep_ in PASSIVE_SUBJ]


def is_negated(verb) -> bool:
    """``did not attend``, ``never met``, ``refused to attend``, ``failed to meet``."""
    if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in verb.children):
        return True
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in NEG_GOVERNORS:
        return True
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # negation is shared by conjoined verbs only when they share the auxiliary
        return False
    return False


# heads whose infinitive happened (or not) when they did: "was quick to travel", "managed to meet"
IMPLICATIVE = {"refuse", "fail", "decline", "quick", "manage", "rush", "hasten", "first", "last", "able",
               "proceed", "dare", "neglect", "bother", "happen"}


def tense(verb) -> str:
    """``past``, ``future`` or ``present`` of the clause a verb (or a noun's governing verb) heads."""
    v = verb
    for _ in range(4):
        auxes = [c for c in v.children if c.dep_ in {"aux", "auxpass"}]
        words = {a.lower_ for a in auxes}
        if words & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
            return "future"
        if v.dep_ == "xcomp" and v.head.lemma_ in FUTURE_GOVERNORS:
            return "future"
        if v.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in auxes) and v.head.lemma_.lower() not in IMPLICATIVE:
            return "future"  # "traveled to Russia to meet": the meeting is the aim, still ahead
        if v.lemma_ in FUTURE_GOVERNORS and any(c.dep_ == "xcomp" for c in v.children) and v.lemma_ != "agree":
            return "future"
        if any(a.tag_ == "VBD" for a in auxes) or v.tag_ == "VBD" or (v.tag_ == "VBN" and auxes):
            return "past"
        if v.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
            if v.tag_ == "VBG" and any(a.lower_ in {"is", "are", "'s", "'re"} for a in auxes):
                return "future"  # "is heading to Russia" reports a plan
            return "present"
        if v.dep_ in {"xcomp", "advcl", "pcomp", "conj", "relcl", "acl", "pobj", "dobj", "nsubj", "nsubjpass", "acomp"} and v.head.i != v.i:
            v = v.head if v.dep_ != "pobj" else v.head.head
            continue
        break
    return ""


def clause_tokens(head):
    """Tokens of the clause headed by ``head``, without nested clauses."""
    out = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.i != head.i:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def date_spans(head):
    """DATE entities inside the clause of ``head`` (without nested clauses), in text order.

    Found from the clause's own tokens, never by scanning every entity of the
    document, which made long texts quadratic.
    """
    from spacy.tokens import Span

    toks = clause_tokens(head)
    inside = {t.i for t in toks}
    doc = head.doc
    out, seen = {}, set()
    for t in toks:
        if t.ent_type_ != "DATE":
            continue
        start = t.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        end = t.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        ent = Span(doc, start, end, label=doc[start].ent_type)
        if ent.root.i in inside:
            out[start] = ent
    return [out[i] for i in sorted(out)]


def clause_date(head, doc_date: str, head_tense: str) -> str:
    """The first date in the clause of ``head`` resolved against the article date and tense; when
    the clause has none, the date of the clause it completes: the report or decision it is part of
    ("On Saturday he said that Europe should take them back", "agreed on Monday to send aid") or the
    act it is the purpose of ("gathered in Cairo on Wednesday to discuss").  Never that of a clause
    it only modifies (an "after ..." clause has a date of its own)."""
    from kgraph.extract.temporal import resolve_date

    node, node_tense = head, head_tense
    for _ in range(3):
        for ent in date_spans(node):
            value = resolve_date(ent.text, doc_date, node_tense)
            if value:
                return value
        if not _completes(node) or node.head is node:
            return ""
        node = node.head
        node_tense = tense(node)
    return ""


def _completes(verb) -> bool:
    """A clause that completes its head: a reported or controlled complement, or an infinitive of purpose."""
    if verb.dep_ in {"ccomp", "xcomp"}:
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def prep_objects(token, preps: set[str]) -> list:
    """Objects of the given prepositions under a token: ``with`` -> ``met with X``."""
    out = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out
