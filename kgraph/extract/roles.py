"""Titles, roles and countries of people (and countries of organisations) from the text.

Reads the words around a mention: a title before the name (``Russian Foreign
Minister Sergey Lavrov``), ``of Germany`` after it, an apposition (``Sergey
V. Lavrov, the Russian foreign minister``), a relative clause (``who served
as the senior envoy``) and employment verbs (``retired from the State
Department``).  The office-holder knowledge base is used only when the text
itself says nothing.
"""
from __future__ import annotations

from kgraph.extract.mention import Mention, match_title
from kgraph.geo import name_key
from kgraph.lexicon import Lexicon

EMPLOYMENT_VERBS = {"retire", "resign", "work", "serve", "join", "lead", "head", "represent", "quit", "leave"}
ROLE_PREFIXES = {"former", "ex", "acting", "then", "deputy", "interim", "outgoing", "incoming"}
PASSING_ADJECTIVES = {"new", "current", "incumbent", "newly", "elected", "veteran", "powerful", "embattled", "top"}


def _phrases(words: list[str], longest: int, shortest: int = 1):
    """Every run of ``shortest`` to ``longest`` words, longest runs first."""
    for n in range(min(longest, len(words)), shortest - 1, -1):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i : i + n])


def _country_of_words(tokens, lex: Lexicon) -> str:
    """A country named or implied (demonym, capital used as metonym) by a short run of tokens.

    A word inside a longer place name is not a country of its own: "New Jersey Senator" names
    the state, not Jersey, and "New South Wales Premier" not Wales.
    """
    gaz = lex.gazetteer
    words = [t.text for t in tokens if not t.is_punct or t.text in {"."}]
    inside: set[int] = set()
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if inside.issuperset(range(i, i + n)):
                continue
            phrase = " ".join(words[i : i + n])
            iso3 = gaz.country(phrase) or gaz.demonym(phrase)
            if iso3:
                return iso3
            if n > 1 and gaz.place(phrase) is not None:
                inside.update(range(i, i + n))
    return ""


def _place_country(tokens, lex: Lexicon) -> str:
    """The country of a place (a state, province or city, not an ambiguous name) that a run of tokens
    names whole: ``Massachusetts governor``, ``Lord Mayor of Melbourne``."""
    text = " ".join(t.text for t in tokens if not t.is_punct and t.lower_ != "the")
    place = lex.gazetteer.place(text) if text else None
    if place is None or not place.country or name_key(text) in lex.gazetteer.ambiguous:
        return ""
    return place.country


def _title_in(tokens, lex: Lexicon) -> tuple[str, int]:
    """The longest title phrase inside a token run, with the index where it starts (or ("", -1))."""
    words = [t.text for t in tokens]
    best = ("", -1, 0)
    for end in range(len(words), 0, -1):
        k = match_title(words[:end], lex)
        if k > best[2]:
            phrase = " ".join(words[end - k : end]).lower()
            best = (lex.titles.get(phrase) or lex.titles.get(phrase.rstrip("."), phrase), end - k, k)
    return best[0], best[1]


def attach_role(m: Mention, sdoc, lex: Lexicon) -> set[int]:
    """Fill ``m.role``, ``m.country`` and ``m.gender``; return token indices that belong to the title."""
    sent = sdoc[m.start].sent
    used: set[int] = set()
    i = m.start - 1
    if i >= sent.start and sdoc[i].text.lower().rstrip(".") in lex.honorifics:
        m.gender = m.gender or lex.gender_cues.get(sdoc[i].text.lower().rstrip("."), "")
        used.add(i)
        i -= 1
    words = [t.text for t in sdoc[sent.start : i + 1]]
    k = match_title(words, lex)
    if k:
        phrase = " ".join(words[-k:]).lower()
        title = lex.titles.get(phrase) or lex.titles.get(phrase.rstrip("."), " ".join(words[-k:]))
        used.update(range(i - k + 1, i + 1))
        i -= k
        if i >= sent.start and sdoc[i].lower_ in ROLE_PREFIXES:
            title = f"{sdoc[i].lower_} {title}"
            used.add(i)
            i -= 1
        while i >= sent.start and sdoc[i].lower_ in PASSING_ADJECTIVES:  # "Lebanon's new President"
            i -= 1
        m.role = m.role or title
        m.gender = m.gender or lex.gender_cues.get(phrase, "")
        # "U.S. Secretary of State", "Russia's Foreign Minister", "Russian Foreign Minister":
        # only a country/demonym entity directly before the title counts
        j = i
        if j >= sent.start and sdoc[j].tag_ == "POS":
            j -= 1
        lo = j
        gaz = lex.gazetteer
        while lo >= sent.start and (sdoc[lo].ent_type_ in {"GPE", "NORP"} or (
                (gaz.demonym(sdoc[lo].text) or gaz.country(sdoc[lo].text))
                and name_key(sdoc[lo].text) not in gaz.ambiguous)):  # NER sometimes tags "British Defence" as ORG
            lo -= 1
        iso3 = (_country_of_words(sdoc[lo + 1 : j + 1], lex) or _place_country(sdoc[lo + 1 : j + 1], lex)) if j > lo else ""
        if iso3:
            m.country = m.country or iso3  # the country stays a mention of its own
    elif i >= sent.start + 1 and sdoc[i].lower_ in lex.common_person_nouns and not m.country:
        # "North Korean man Ri Jong Chol", "Indonesian citizen Siti Aishah": a nationality, no role
        lo = i - 1
        while lo >= sent.start and sdoc[lo].ent_type_ in {"NORP", "GPE"} and lo >= i - 3:  # "the US woman"
            lo -= 1
        m.country = _country_of_words(sdoc[lo + 1 : i], lex) if lo < i - 1 else ""
    # "Chancellor Angela Merkel of Germany"
    if m.end + 1 < sent.end and sdoc[m.end].lower_ == "of":
        iso3 = _country_of_words(sdoc[m.end + 1 : min(sent.end, m.end + 4)], lex)
        if iso3 and sdoc[m.end + 1].ent_type_ in {"GPE", "NORP"}:
            m.country = m.country or iso3
    root = sdoc[m.end - 1]
    for child in root.children:
        if child.dep_ == "appos" or _conj_as_apposition(m, root, child, sdoc):
            _from_description(m, list(child.subtree), lex)
        elif child.dep_ == "relcl":
            _from_relative_clause(m, child, lex)
    if root.dep_ == "appos" and root.head.i not in m.tokens:
        # "the Russian foreign minister, Sergey Lavrov": only the head noun's own modifiers describe him
        head = root.head
        first = min((c.i for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), default=root.i)
        if first == root.i:  # a second name apposed to one description is a parse slip, not a description
            tokens = [t for c in head.lefts if c.dep_ in {"amod", "compound", "det", "poss", "nmod"} for t in c.subtree]
            _from_description(m, sorted(tokens, key=lambda t: t.i) + [head], lex)
    if not m.country:
        _from_knowledge_base(m, lex)
    return used


def _conj_as_apposition(m: Mention, root, child, sdoc) -> bool:
    """``Tomasz Szatkowski, Polish Undersecretary of State for Defence, noted``: the parser makes
    the description a conjunct.  Only a comma right after the name, no ``and``/``or``, and a
    description that is no name of its own (``Merkel, French President Macron and ...`` is a list)."""
    return (child.dep_ == "conj" and m.end < len(sdoc) and sdoc[m.end].text == "," and child.i > m.end
            and not child.ent_type_ and not any(c.dep_ == "cc" for c in root.children)
            and not any(c.dep_ == "cc" for c in child.children))


def _from_description(m: Mention, tokens, lex: Lexicon) -> None:
    title, at = _title_in(tokens, lex)
    if at > 0 and any(t.ent_type_ == "PERSON" and t.i not in m.tokens for t in tokens[:at]):
        return  # "Kim Jong Nam, the half-brother to Kim Jong Un, leader of North Korea": Kim Jong Un's title
    if title and not m.role:
        m.role = title
    if not m.country and title:
        before = tokens[: max(at, 0)] or tokens
        gaz = lex.gazetteer
        named = {gaz.country(t.text) or gaz.demonym(t.text) for t in before} - {""}
        if len(named) <= 1:  # "his Greek, Cypriot and French counterparts" says nothing about one of them
            m.country = _country_of_words(before, lex)
        after = tokens[max(at, 0) + 1:]
        if not m.country and after and after[0].lower_ == "of":
            # "the secretary of Iran's Supreme National Security Council", "the foreign minister of Iran"
            named = {gaz.country(t.text) or gaz.demonym(t.text) for t in after if t.ent_type_ != "GPE"} - {""}
            whole = _country_of_words(after[1:], lex) or _place_country(after[1:], lex)  # "of North Korea" is not "Korea"
            if len(named - {whole}) == 0 and (whole or len(named) == 1):
                m.country = whole or named.pop()
        if not m.country:
            m.country = _organization_country(tokens, lex)  # "a White House spokesman"


def _organization_country(tokens, lex: Lexicon) -> str:
    """The country of a national institution named inside a description (``a White House spokesman``)."""
    orgs = (lex.organization(p) for p in _phrases([t.text for t in tokens], 5, 2))
    return next((o.country for o in orgs if o is not None and o.country and not o.ambiguous), "")


def _from_relative_clause(m: Mention, verb, lex: Lexicon) -> None:
    tokens = list(verb.subtree)
    for t in tokens:
        if t.lower_ == "as" and t.head == verb and not m.role:
            title, _ = _title_in(list(t.subtree)[1:], lex)
            if title:
                m.role = title
        if t.dep_ in {"prep", "dobj"} and t.head.lemma_ in EMPLOYMENT_VERBS and not m.country:
            phrase = " ".join(x.text for x in t.subtree if x.lower_ not in {"from", "for", "at", "in", "the"})
            org = lex.organization(phrase)
            if org and org.country:
                m.country = org.country


def _from_knowledge_base(m: Mention, lex: Lexicon) -> None:
    leader = lex.leader(m.text)
    words = m.text.split()
    if leader is None and len(words) > 2:  # "Ashton B. Carter" -> "Ashton Carter"
        leader = lex.leader(f"{words[0]} {words[-1]}")
    if leader is None and len(words) == 1:
        candidates = lex.leaders_by_surname.get(name_key(m.text), ())
        if m.role:
            candidates = [c for c in candidates if c.role and c.role.lower().split()[-1] == m.role.lower().split()[-1]]
        if not candidates or len({c.country for c in candidates}) > 1:
            return
        lead = candidates[0]
        if m.role:  # "President Bush": a title and a surname that every matching office holder shares
            m.country = lead.country
        else:  # a surname alone: weaker evidence, used when the article names that country
            m.kb_country = lead.country
            if len(candidates) > 1:
                return  # several people: no role, no gender
            m.kb_leader = lead
        m.gender = m.gender or lead.gender
        return
    if leader is not None:
        m.country = leader.country
        m.kb_leader = leader
        m.gender = m.gender or leader.gender
