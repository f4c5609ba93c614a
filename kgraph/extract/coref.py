"""Coreference inside one document: name variants, pronouns and descriptions.

Names: ``John Kerry``, ``Kerry`` and ``Mr. Kerry`` share a surname and no
conflicting first name, so they form one cluster; a bare surname joins the
most recently mentioned compatible full name.  Pronouns and descriptions
(``the Russian leader``) go to the most recent compatible entity within two
sentences, preferring subjects; when nothing fits they stay unresolved.
"""
from __future__ import annotations

from kgraph.extract.aliases import acronym_of, alias_cue_before, institution_key, is_acronym
from kgraph.extract.mentions import Mention
from kgraph.geo import name_key
from kgraph.names import NAME_SUFFIXES, compatible_first, family_name_first, fold_surname
from kgraph.lexicon import Lexicon

INSTITUTION = "inst:"  # cluster keys of generic institutions: organization:inst:<words>[|ISO3]
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}


def name_parts(text: str, lex: Lexicon) -> tuple[str, str]:
    """(first name, surname key) of a person's name; the first name is "" for a bare surname.

    Middle names and initials are ignored; Arabic ``al-`` prefixes are folded so
    ``Bashar al-Assad`` and ``Assad`` agree.  A generational suffix stays with the first
    name: ``Donald Trump Jr.`` is not ``Donald Trump``.
    """
    words = [w for w in text.replace(",", " ").split() if w.lower().rstrip(".") not in lex.honorifics]
    suffix = ""
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    if not words:
        return "", ""
    if family_name_first(words, lex.family_first):  # "Wang Yi" is Mr. Wang; "Kim Jong Un" is Jong-un
        return name_key("-".join(words[1:])), name_key(words[0])
    surname = fold_surname(name_key(words[-1]))
    # "de Mistura" is a bare surname: a lower-case particle is never a first name
    given = [w for i, w in enumerate(words[:-1]) if w.lower() not in lex.name_particles
             or (w[:1].isupper() and i < len(words) - 2)]  # "De Mistura" starting a sentence
    first = name_key(given[0]) if given else ""
    return (f"{first} {suffix}" if first and suffix else first), surname


def given_names(text: str, lex: Lexicon) -> set[str]:
    """Every given name of a full name (``Recep Tayyip Erdoğan``: recep, tayyip), so that
    ``Tayyip Erdoğan`` is recognised as the same person."""
    words = [name_key(w) for w in text.replace(",", " ").split()
             if w.lower().rstrip(".") not in lex.honorifics and w.lower() not in lex.name_particles]
    return {w for w in words[:-1] if len(w) > 1}


def cluster_mentions(mentions: list[Mention], lex: Lexicon) -> None:
    """Give every mention a document-local entity key (``Mention.cluster``)."""
    people: list[dict] = []  # {"first", "surname", "key", "count", "roles", "first_seen"}
    # NER type repair: "Brandt's plan" tagged as an organisation while "Helga Brandt" is a person
    surnames = {name_parts(m.text, lex)[1] for m in mentions if m.kind == "person" and len(m.text.split()) > 1}
    for m in mentions:
        if m.kind == "organization" and not m.org_name and name_key(m.text) in surnames:
            m.kind = "person"
    for m in mentions:
        if m.kind == "country":
            m.cluster = f"country:{m.iso3}"
        elif m.kind == "organization":
            # "Russia's Defence Ministry" and "the Russian Defense Ministry": one institution per country
            generic = institution_key(m.org_name or m.text, m.country, lex)
            m.cluster = "organization:" + (f"{INSTITUTION}{generic}" if generic else name_key(m.org_name or m.text))
        elif m.kind == "location":
            m.cluster = "location:" + name_key(m.text)
    _link_institutions(mentions)
    _link_acronyms(mentions)
    # full names first so that a headline "Kerry" joins "John Kerry" below it
    persons = [m for m in mentions if m.kind == "person"]
    for m in sorted(persons, key=lambda m: (len(m.text.split()) < 2, m.sent_index, m.start)):
        first, surname = name_parts(m.text, lex)
        if not surname:
            m.kind = ""
            continue
        given = given_names(m.text, lex)
        suffix = _generation(m.text)
        fitting = [p for p in people if p["surname"] == surname and (
            compatible_first(p["first"], first) or (first and (first in p["given"] or p["first"] in given)))
            and (not first or p["suffix"] == suffix)]  # "Donald Trump Jr." is not "Donald Trump"
        if first:
            fitting = [p for p in fitting if p["first"]] or fitting
        if fitting and first:
            chosen = max(fitting, key=lambda p: p["count"])
            if not chosen["first"]:
                chosen["first"] = first
        elif fitting:
            # a bare surname shared by several people ("Trump" with Donald and Melania Trump): the
            # one with the same title, else the one the article names most, else the first named
            titled = [p for p in fitting if m.role and m.role in p["roles"]]
            chosen = max(titled or fitting, key=lambda p: (p["count"], -p["first_seen"][0], -p["first_seen"][1]))
        else:
            chosen = {"first": first, "surname": surname, "key": f"person:{surname}:{first[:1]}",
                      "count": 0, "roles": set(), "first_seen": (m.sent_index, m.start), "given": set(),
                      "suffix": suffix}
            if any(p["key"] == chosen["key"] for p in people):
                chosen["key"] += f":{len(people)}"
            people.append(chosen)
        chosen["count"] += 1
        chosen["given"] |= given
        if m.role:
            chosen["roles"].add(m.role)
        m.cluster = chosen["key"]


def _generation(text: str) -> str:
    """The generational suffix of a full name (``Jr.``, ``III``), lower-cased, or ""."""
    words = text.split()
    last = words[-1].lower().rstrip(".") if len(words) > 2 else ""
    return last if last in NAME_SUFFIXES else ""


def _link_institutions(mentions: list[Mention]) -> None:
    """``the Defence Ministry`` after ``Russia's Defence Ministry``: an institution named without
    its country is the one of the document that has it, when there is exactly one."""
    prefix = f"organization:{INSTITUTION}"
    placed: dict[str, set[str]] = {}
    for m in mentions:
        if m.cluster.startswith(prefix) and "|" in m.cluster:
            placed.setdefault(m.cluster[len(prefix):].split("|")[0], set()).add(m.cluster)
    for m in mentions:
        if m.cluster.startswith(prefix) and "|" not in m.cluster:
            home = placed.get(m.cluster[len(prefix):], set())
            if len(home) == 1:
                m.cluster = next(iter(home))
                m.country = m.country or m.cluster.rsplit("|", 1)[1]


def _link_acronyms(mentions: list[Mention]) -> None:
    """``the Global Environment Fund (GEF)`` ... ``GEF promised``: an acronym joins the one
    organisation of the document it abbreviates, or the name it follows in parentheses."""
    orgs = [m for m in mentions if m.kind == "organization" and not is_acronym(m.text)]
    for a in mentions:
        if a.kind not in {"organization", "person", "location"} or not is_acronym(a.text):
            continue
        defined = [o for o in orgs if o.chunk == a.chunk and o.end == a.start - 1 and a.char_start - o.char_end == 2]
        spelled = {o.cluster for o in orgs if acronym_of(a.text, o.text)}
        if defined and spelled and defined[0].cluster not in spelled and not acronym_of(a.text, defined[0].text):
            defined = []  # "to fight Isis. The SDF said": a name the acronym spells beats a neighbour
        target = defined[0].cluster if defined else (next(iter(spelled)) if len(spelled) == 1 else "")
        if not target or target == a.cluster:
            continue
        old = a.cluster if a.kind == "organization" else ""
        for m in mentions:
            if m is a or (old and m.cluster == old) or (not old and m.kind == a.kind and m.text == a.text):
                m.kind, m.cluster = "organization", target


def merge_aliases(mentions: list[Mention], sdocs: list) -> None:
    """``Kim had been travelling under the alias Kim Chol``, ``X, also known as Y``: the alias is
    the same person as the sentence's subject (else the nearest person named before the cue)."""
    for y in [m for m in mentions if m.kind == "person" and m.cluster]:
        sdoc = sdocs[y.chunk]
        sent = sdoc[y.start].sent
        words = [t.lower_ for t in sdoc[max(sent.start, y.start - 4):y.start]]
        if not alias_cue_before(words):
            continue
        before = [m for m in mentions if m.kind == "person" and m.chunk == y.chunk and m.cluster
                  and m.cluster != y.cluster and sent.start <= m.start < y.start]
        if not before:
            continue
        x = next((m for m in before if m.dep in {"nsubj", "nsubjpass"}), before[-1])
        old = y.cluster
        for m in mentions:
            if m.cluster == old:
                m.cluster = x.cluster


def pronoun_kind(word: str) -> str:
    w = word.lower()
    if w in MALE:
        return "m"
    if w in FEMALE:
        return "f"
    if w in NEUTER:
        return "n"
    if w in PLURAL:
        return "p"
    return ""


def moved_one(token, sending_verbs: frozenset):
    """``Castro sent Perez Roque to Caracas, where he met Chávez``; ``took Bahar to Erbil, where she
    is held``: the subject pronoun of a where-clause on the destination of a verb that moves
    someone stands for the one moved (the verb's object), not its subject.  The object token, or
    None when the pronoun is in no such clause."""
    clause = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "relcl" \
            or not any(c.lower_ == "where" for c in clause.children):
        return None
    place = clause.head
    if place.dep_ != "pobj" or place.head.lower_ != "to" or place.head.head.lemma_.lower() not in sending_verbs:
        return None
    moved = [c for c in place.head.head.children if c.dep_ in {"dobj", "dative"} and c.i < place.i]
    return next((c for c in moved if c.dep_ == "dobj"), moved[0] if moved else None)


def resolve_pronoun(token, mentions: list[Mention], sent_index: int, genders: dict[str, str],
                    exclude: frozenset = frozenset()) -> str:
    """Entity key a personal pronoun refers to, or "" when no candidate is safe.

    Candidates are earlier mentions in the same sentence or the two before it;
    ``he``/``she`` need a person of compatible gender, ``it`` a country or
    organisation, ``they`` a country, organisation or group.  The latest
    sentence holding a candidate wins; inside it, subjects (and names apposed
    to a subject) win over other positions, then the nearest.  ``exclude`` holds the keys a
    non-reflexive pronoun cannot take (the subject of its own clause:
    ``Russia has supplied it``).
    """
    kind = pronoun_kind(token.text)
    if not kind:
        return ""
    before = [
        m for m in mentions
        if m.cluster and sent_index - 2 <= m.sent_index <= sent_index
        and (m.sent_index < sent_index or m.end <= token.i)
        and (m.cluster not in exclude or token.lower_.endswith("self") or token.lower_.endswith("selves"))
    ]
    if kind in {"m", "f"}:
        cands = [m for m in before if m.kind == "person" and genders.get(m.cluster, kind) == kind]
    elif kind == "n":
        cands = [m for m in before if m.kind in {"country", "organization"}]
    else:
        cands = [m for m in before if m.kind in {"country", "organization"}]
    if not cands:
        return ""
    # recency first: the latest sentence with a candidate; inside it, subjects before other positions
    latest = max(m.sent_index for m in cands)
    pool = [m for m in cands if m.sent_index == latest]
    subjects = [m for m in pool if m.via != "demonym" and m.dep in {"nsubj", "nsubjpass"}]
    best = max(subjects or pool, key=lambda m: (m.sent_index, m.start))
    return best.cluster


# -- definite descriptions ---------------------------------------------------
DESCRIPTION_WINDOW = 3  # sentences before a description in which two fitting antecedents compete
NOT_ANAPHORIC_DEPS = {"poss", "nummod", "prep", "acl", "relcl", "appos", "case"}


def resolve_description(token, mentions: list[Mention], sent_index: int, lex: Lexicon, year: int = 0) -> str:
    """Entity key of a definite description that names no one (``the President``, ``the regional
    body``, ``the bloc``), or "" when no single antecedent is safe.

    The head must be a title (the antecedent's role is exactly that title) or a body noun of
    descriptions.json (the antecedent is an organisation of a kind the noun and its adjectives
    allow, or whose own name holds the noun).  A description with a possessor, a number or a
    complement (``the body of a man``, ``the group of experts``) introduces someone new and is
    left alone, as is one used as a predicate or apposition.  Of the fitting antecedents named
    before it, those of its own sentence compete first, then those of the last three sentences,
    then the document so far: the first tier holding any must hold exactly one.  A role known only from the office-holder
    knowledge base counts only if held in ``year`` (the article's; 0 when unknown: not used), so a
    former president is not ``the President``.
    """
    if token.tag_ not in {"NN", "NNP"} or token.dep_ in {"attr", "appos", "compound"}:
        return ""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return ""
    if any(c.dep_ in NOT_ANAPHORIC_DEPS for c in token.children):
        return ""
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}]
    if any(c.ent_type_ or c.i > token.i for c in modifiers):
        return ""
    head = token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_
    title = " ".join([c.lower_ for c in sorted(modifiers, key=lambda c: c.i)] + [token.lower_])
    if title in lex.titles:
        fits = _role_fits(title, lex, year)
    elif head in lex.body_nouns:
        kinds = set(lex.body_nouns[head])
        for c in modifiers:
            if c.lower_ not in lex.body_modifiers:
                return ""
            kinds &= lex.body_modifiers[c.lower_]
        fits = _body_fits(head, frozenset(kinds), not modifiers, lex)
    else:
        return ""
    before = [m for m in mentions if m.cluster and (m.sent_index < sent_index or (
        m.sent_index == sent_index and m.end <= token.i)) and fits(m)]
    same = {m.cluster for m in before if m.sent_index == sent_index}
    near = {m.cluster for m in before if m.sent_index >= sent_index - DESCRIPTION_WINDOW}
    keys = same or near or {m.cluster for m in before}
    return next(iter(keys)) if len(keys) == 1 else ""


def _role_fits(title: str, lex: Lexicon, year: int):
    """A person whose role is exactly the title (``the president`` is not the vice president)."""
    def fits(m: Mention) -> bool:
        held = [t[0] for t in (m.kb_leader.terms if m.kb_leader is not None and year else ()) if t[1] <= year <= t[2]]
        role = (m.role or (held[-1] if len(held) == 1 else "")).lower()
        return m.kind == "person" and bool(role) and lex.titles.get(role, role).lower() == lex.titles[title].lower()
    return fits


def _body_fits(noun: str, kinds: frozenset[str], bare: bool, lex: Lexicon):
    """An organisation of one of the kinds, or (for a bare noun) one whose name holds the noun."""
    def fits(m: Mention) -> bool:
        if m.kind != "organization":
            return False
        org = lex.organization(m.org_name or m.text)
        if org is not None and org.kind in kinds:
            return True
        return bare and noun in name_key(m.org_name or m.text).split()
    return fits
