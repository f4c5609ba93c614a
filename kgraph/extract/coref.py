"""Coreference inside one document: name variants, pronouns and descriptions.

Names: ``John Kerry``, ``Kerry`` and ``Mr. Kerry`` share a surname and no
conflicting first name, so they form one cluster; a bare surname joins the
most recently mentioned compatible full name.  Pronouns and descriptions
(``the Russian leader``) go to the most recent compatible entity within two
sentences, preferring subjects; when nothing fits they stay unresolved.
"""
from __future__ import annotations

from kgraph.extract.mentions import Mention
from kgraph.geo import name_key
from kgraph.names import NAME_SUFFIXES, compatible_first, family_name_first, fold_surname
from kgraph.lexicon import Lexicon

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
    if family_name_first(words, lex.family_first):  # "Wang Yi" is Mr. Wang
        return name_key(words[1]), name_key(words[0])
    surname = fold_surname(name_key(words[-1]))
    first = name_key(words[0]) if len(words) > 1 else ""
    return (f"{first} {suffix}" if first and suffix else first), surname


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
            m.cluster = "organization:" + name_key(m.org_name or m.text)
        elif m.kind == "location":
            m.cluster = "location:" + name_key(m.text)
    # full names first so that a headline "Kerry" joins "John Kerry" below it
    persons = [m for m in mentions if m.kind == "person"]
    for m in sorted(persons, key=lambda m: (len(m.text.split()) < 2, m.sent_index, m.start)):
        first, surname = name_parts(m.text, lex)
        if not surname:
            m.kind = ""
            continue
        fitting = [p for p in people if p["surname"] == surname and compatible_first(p["first"], first)]
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
                      "count": 0, "roles": set(), "first_seen": (m.sent_index, m.start)}
            if any(p["key"] == chosen["key"] for p in people):
                chosen["key"] += f":{len(people)}"
            people.append(chosen)
        chosen["count"] += 1
        if m.role:
            chosen["roles"].add(m.role)
        m.cluster = chosen["key"]


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


def resolve_pronoun(token, mentions: list[Mention], sent_index: int, genders: dict[str, str],
                    exclude: frozenset = frozenset()) -> str:
    """Entity key a personal pronoun refers to, or "" when no candidate is safe.

    Candidates are earlier mentions in the same sentence or the two before it;
    ``he``/``she`` need a person of compatible gender, ``it`` a country or
    organisation, ``they`` a country, organisation or group.  Subjects win
    over other positions, then recency.  ``exclude`` holds the keys a
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
    same = [m for m in cands if m.sent_index == sent_index]
    pool = same or cands
    subjects = [m for m in pool if m.via != "demonym" and m.dep in {"nsubj", "nsubjpass"}]
    best = max(subjects or pool, key=lambda m: (m.sent_index, m.start))
    return best.cluster
