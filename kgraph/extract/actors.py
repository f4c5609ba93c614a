"""Who a token stands for: a named entity, a pronoun's antecedent, the head of
a relative clause, or an actor noun phrase (``the Syrian government``,
``Mr. Assad's forces``, ``members of the opposition``).

Metonymy is decided here: a capital or seat of government used as an agent
(``actions by Washington``) is the country; used after ``in`` it stays a place.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kgraph.extract.context import nationality_of_person
from kgraph.extract.coref import moved_one, pronoun_kind, resolve_description, resolve_pronoun
from kgraph.extract.mentions import Mention
from kgraph.extract.syntax import stolen_subject, subjects
from kgraph.geo import name_key
from kgraph.lexicon import Lexicon
from kgraph.records import Provenance

RELATIVE = {"which", "who", "that", "whom"}
PLURAL_PRONOUNS = {"they", "their", "them", "theirs", "themselves"}
COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
GROUP_KINDS = {  # plural heads that refer back to several actors, and the kinds they can take
    "side": {"person", "country", "organization"}, "party": {"person", "country", "organization"},
    "leader": {"person"}, "president": {"person"}, "minister": {"person"}, "official": {"person"},
    "country": {"country"}, "nation": {"country"}, "government": {"country"}, "state": {"country"},
    "neighbour": {"country"}, "neighbor": {"country"}, "power": {"country"}, "ally": {"country", "person"},
}
TOPIC_PREPS = {"about", "over", "regarding", "concerning", "on"}
LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "across", "around", "outside", "inside", "within",
                  "via", "through", "toward", "towards", "throughout", "over", "for", "on"}
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")
EMPLOYER_PREPS = {"at", "for", "of", "with", "from"}


@dataclass
class Chunk:
    sdoc: object
    offset: int
    by_token: dict[int, Mention] = field(default_factory=dict)


@dataclass
class DocContext:
    """What the rules need about one document while it is being read."""

    doc_id: str
    doc_date: str
    lex: Lexicon
    chunks: list[Chunk]
    mentions: list[Mention]
    sentences: dict[tuple[int, int], tuple[int, str]]  # (chunk, sent start token) -> (index, text)
    genders: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # cluster -> ISO3 learnt from descriptions
    metonyms: dict[int, str] = field(default_factory=dict)  # id(mention) -> country key it stood for
    scene: str = ""  # ISO3 of the one country the document is set in (kgraph.extract.context)
    standing: frozenset[str] = frozenset()  # people with a public role: a title, or an office the KB knows
    outlets: frozenset[str] = frozenset()  # news organisations (Reuters, the BBC): talking to one is an interview

    def country_of(self, key: str) -> str:
        """The ISO3 an actor belongs to as far as the text has said so far ("" when unknown)."""
        if key.startswith("country:"):
            return key.split(":", 1)[1]
        return self.countries.get(key) or next((m.country for m in self.mentions if m.cluster == key and m.country), "")

    def metonym_country(self, chunk: int, m: Mention) -> str:
        """The country a capital or seat of government stands for when the sentence uses it as an
        actor (``actions by Washington``, ``Moscow said``), "" when it is a place (``in Moscow``,
        ``the Moscow talks``)."""
        iso3 = self.lex.gazetteer.metonyms.get(name_key(m.text), "")
        if not iso3:
            return ""
        head = self.chunks[chunk].sdoc[m.end - 1]
        if head.dep_ in {"compound", "npadvmod", "nmod", "amod"}:
            return ""
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return ""
        if head.dep_ == "dobj" and self.lex.meeting_verbs.get(head.head.lemma_.lower()) == "visit":
            return ""  # "visited Lima" names a place
        return iso3

    def mention(self, chunk: int, token) -> Mention | None:
        return self.chunks[chunk].by_token.get(token.i)

    def sent_index(self, chunk: int, token) -> int:
        return self.sentences[(chunk, token.sent.start)][0]

    def provenance(self, chunk: int, token, start=None, end=None) -> Provenance:
        sent = token.sent
        idx, text = self.sentences[(chunk, sent.start)]
        offset = self.chunks[chunk].offset
        s = start if start is not None else sent.start_char
        e = end if end is not None else sent.end_char
        return Provenance(self.doc_id, idx, offset + s, offset + e, text)

    # -- actors -----------------------------------------------------------
    def actor(self, chunk: int, token, as_agent: bool = True, _depth: int = 0,
              exclude: frozenset = frozenset()) -> tuple[str, str]:
        """(entity key, kind) that ``token`` refers to as an actor, or ("", "")."""
        if _depth > 3:
            return "", ""
        m = self.mention(chunk, token)
        if m is not None and m.cluster:
            if m.kind == "location":
                iso3 = self.metonym_country(chunk, m)
                if iso3:
                    self.metonyms[id(m)] = f"country:{iso3}"
                    return f"country:{iso3}", "country"
                return m.cluster, "location"
            return m.cluster, m.kind
        if token.tag_ == "PRP$":
            # "Kerry is heading to Russia for his own meeting": a possessive prefers its clause's subject
            verb = token.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            want = pronoun_kind(token.text)
            for s in subjects(verb) if verb.pos_ in {"VERB", "AUX"} else []:
                m = self.mention(chunk, s)
                if m is not None and m.cluster not in exclude and (
                    (want in {"m", "f"} and m.kind == "person" and self.genders.get(m.cluster, want) == want)
                    or (want == "n" and m.kind in {"country", "organization"})
                ):
                    return m.cluster, m.kind
        if token.tag_ == "PRP" and token.dep_ in {"dobj", "dative", "pobj"} and not token.lower_.endswith(("self", "selves")):
            # binding: "Xi met Modi and invited him": "him" is not the subject of its own clause
            verb = token.head if token.dep_ != "pobj" else token.head.head
            bound = {m.cluster for s in subjects(verb) if (m := self.mention(chunk, s)) is not None}
            exclude = frozenset(exclude) | bound
        moved = moved_one(token, self.lex.sending_verbs) if token.tag_ == "PRP" else None
        if moved is not None:
            key, kind = self.actor(chunk, moved, as_agent, _depth + 1)
            if kind == "person" and pronoun_kind(token.text) in {"m", "f"}:
                return key, kind
        if token.tag_ in {"PRP", "PRP$"}:
            key = resolve_pronoun(token, self.mentions, self.sent_index(chunk, token), self.genders, exclude)
            return (key, key.split(":")[0]) if key else ("", "")
        if token.lower_ in RELATIVE and token.head.dep_ in {"relcl", "acl"}:
            return self.actor(chunk, token.head.head, as_agent, _depth + 1)
        if token.pos_ not in {"NOUN", "PROPN"}:
            return "", ""
        lemma = token.lemma_.lower()
        if token.lower_ in self.lex.actor_heads or token.lower_ in self.lex.person_nouns:
            lemma = token.lower_
        if token.i + 1 < len(token.doc) and (lemma in self.lex.person_nouns or token.lower_ in self.lex.titles):
            after = self.mention(chunk, token.doc[token.i + 1])
            if after is not None and after.kind == "person" and after.start == token.i + 1:
                return after.cluster, "person"  # "Pakistani Prime Minister Shehbaz Sharif", however parsed
        # modifiers: "Mr. Assad's forces", "the Syrian government", "the Obama administration"
        nationality = any(c.dep_ in {"amod", "compound"} and (m := self.mention(chunk, c)) is not None
                          and m.kind == "country" for c in token.children)
        # "the Hamas regime", "the Azadliq coalition", "NATO troops": a named modifier names the actor
        named = any(c.dep_ in {"compound", "poss"} and (m := self.mention(chunk, c)) is not None
                    and m.kind in {"organization", "person", "country"} for c in token.children)
        if lemma in self.lex.actor_heads or lemma in self.lex.person_nouns or token.pos_ == "PROPN" or nationality or named:
            # "Swiss doctors", "Liberian riot police": a nationality makes any group noun an actor
            found = []
            for dep in MODIFIER_DEPS:
                for c in token.children:
                    if c.dep_ == dep:
                        key, kind = self.actor(chunk, c, as_agent, _depth + 1)
                        if key and kind == "person" and dep == "poss" and lemma in self.lex.person_nouns:
                            continue  # "his Turkish counterpart", "Putin's spokesman": someone else
                        if key:
                            found.append((key, kind))
            # "Saudi and other Gulf state diplomats": an actor modifier beats a place modifier
            found.sort(key=lambda a: a[1] == "location")
            if found:
                key, kind = found[0]
                if kind == "person" and lemma in self.lex.actor_heads:
                    # "the Obama administration", "Mr. Assad's forces": the state the person leads
                    iso3 = self.countries.get(key) or next((m.country for m in self.mentions if m.cluster == key and m.country), "")
                    if iso3:
                        return f"country:{iso3}", "country"
                named = next((c for c in token.children if c.dep_ == "appos" and (pm := self.mention(chunk, c)) is not None
                              and pm.kind == "person"), None)
                if named is not None:  # "the Peruvian leader, Carlos Vega"
                    return self.actor(chunk, named, as_agent, _depth + 1)
                if lemma in self.lex.person_nouns and kind == "country" and token.dep_ != "appos":
                    person = self._described_person(chunk, token, key)
                    if person:
                        return person, "person"
                return key, kind
        named = next((c for c in token.children if c.dep_ == "appos" and (pm := self.mention(chunk, c)) is not None
                      and pm.kind == "person"), None)
        if named is not None and lemma in self.lex.titles:  # "The President of Cuba, Fidel Castro,"
            return self.actor(chunk, named, as_agent, _depth + 1)
        if lemma in self.lex.actor_heads or lemma in self.lex.person_nouns or (as_agent and token.dep_ in {"nsubj", "nsubjpass"}):
            # "members of the Syrian opposition", "doctors from two American aid groups"
            for pobj in (g for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "in"} for g in c.children if g.dep_ == "pobj"):
                key, kind = self.actor(chunk, pobj, as_agent, _depth + 1)
                if kind == "location":  # "demonstrators in Baghdad" act for their country
                    place = self.mention(chunk, pobj)
                    if place is not None and place.country:
                        return f"country:{place.country}", "country"
                if key:
                    return key, kind
        # "the President", "the regional body": a definite description of someone named before
        year = int(self.doc_date[:4]) if self.doc_date[:4].isdigit() else 0
        key = resolve_description(token, self.mentions, self.sent_index(chunk, token), self.lex, year)
        if key:
            return key, key.split(":")[0]
        return "", ""

    def _described_person(self, chunk: int, token, country_key: str) -> str:
        """``the Russian leader``/``the Syria leader``: the latest person whose country is,
        or may be, that country and whose role fits the description (within 3 sentences)."""
        iso3 = country_key.split(":", 1)[1]
        here = self.sent_index(chunk, token)
        noun = token.lemma_.lower()
        best = None
        for m in self.mentions:
            if m.kind != "person" or not m.cluster or not (here - 3 <= m.sent_index <= here):
                continue
            if m.sent_index == here and m.start >= token.i:
                continue
            country = self.countries.get(m.cluster) or m.country
            if country and country != iso3:
                continue
            role = (m.role or m.kb_role).lower()
            if noun not in role and not (noun == "leader" and role.split()[-1:] and role.split()[-1] in self.lex.head_of_state):
                continue
            best = m
        if best is None:
            return ""
        self.countries.setdefault(best.cluster, iso3)
        return best.cluster

    def group(self, chunk: int, token) -> list[tuple[str, str]]:
        """``the two sides``, ``the three leaders``, ``both countries``: the last N distinct actors
        of a fitting kind in this and the two previous sentences; nothing when fewer are there."""
        kinds = GROUP_KINDS.get(token.lemma_.lower())
        if not kinds or token.tag_ not in {"NNS", "NNPS"}:
            return []
        n = next((COUNTS[c.lower_] for c in token.children if c.lower_ in COUNTS and c.dep_ in {"nummod", "det", "predet"}), 0)
        definite = any(c.lower_ in {"the", "these", "those", "both", "all"} for c in token.children)
        if not n or not definite:
            return []  # "Three former presidents attended": a new group, not the last three people named
        here = self.sent_index(chunk, token)
        people = [p for p in self.mentions if p.kind == "person" and p.country]
        seen: list[tuple[str, str]] = []
        for m in sorted(self.mentions, key=lambda m: (m.sent_index, m.start), reverse=True):
            if not (here - 2 <= m.sent_index <= here) or (m.sent_index == here and m.start >= token.i):
                continue
            doc = self.chunks[m.chunk].sdoc
            head = doc[m.end - 1]
            first = head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            source = first.head.lower_ in {"from", "of"} and first.head.head.lemma_.lower() in self.lex.person_nouns
            if first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS | TOPIC_PREPS and not source:
                continue  # "his intervention in Ukraine", "tensions over trade and Taiwan": not a side
            if m.kind == "country" and nationality_of_person(m, people):
                continue  # "China's foreign minister, Wang Yi": the side is the minister
            key, kind = m.cluster, m.kind
            if head.dep_ in {"compound", "poss"} and head.head.lemma_.lower() in self.lex.actor_heads:
                key, kind = self.actor(m.chunk, head.head)  # "the Obama administration" is a side: the US
            if kind in kinds and key and (key, kind) not in seen:
                seen.append((key, kind))
            if len(seen) == n:
                return list(reversed(seen))
        return []

    def _nationalities(self, chunk: int, token) -> list[tuple[str, str]]:
        """``French and Egyptian warships``, ``US and Russian negotiators``: a group noun with
        coordinated nationalities stands for each of those countries."""
        if token.pos_ != "NOUN" or token.tag_ not in {"NNS", "NNPS"}:
            return []
        found: list[tuple[str, str]] = []
        for c in token.children:
            if c.dep_ in {"amod", "compound", "nmod"} and c.conjuncts:
                for t in sorted([c, *c.conjuncts], key=lambda x: x.i):
                    m = self.mention(chunk, t)
                    if m is not None and m.kind == "country" and (m.cluster, "country") not in found:
                        found.append((m.cluster, "country"))
        return found if len(found) >= 2 else []

    def _coordinated_antecedent(self, chunk: int, token) -> list[tuple[str, str]]:
        """``Xi and Putin signed a statement after their talks``: a plural pronoun takes the nearest
        coordinated subject (this sentence before it, then the previous one); nothing otherwise."""
        if token.lower_ not in PLURAL_PRONOUNS:
            return []
        sent = token.sent
        scopes = [range(token.i - 1, sent.start - 1, -1)]
        if sent.start > 0:
            prev = token.doc[sent.start - 1].sent
            scopes.append(range(prev.end - 1, prev.start - 1, -1))
        for scope in scopes:
            for i in scope:
                t = token.doc[i]
                if t.dep_ in {"nsubj", "nsubjpass"} and t.conjuncts:
                    found = self.actors(chunk, t)
                    if len(found) >= 2 and all(kind in {"person", "country", "organization"} for _, kind in found):
                        return found
        return []

    def actors(self, chunk: int, token, as_agent: bool = True, exclude: frozenset = frozenset()) -> list[tuple[str, str]]:
        """Actors of a token and of its conjuncts (``Kerry and Lavrov``), minus stolen subjects."""
        grouped = self.group(chunk, token) or self._coordinated_antecedent(chunk, token) or self._nationalities(chunk, token)
        if grouped:
            return grouped
        for c in token.children:  # "foreign ministers from the three countries", "... from Russia, Iran and Turkey"
            if c.dep_ == "prep" and c.lower_ in {"from", "of"} and token.lemma_.lower() in self.lex.person_nouns:
                for g in c.children:
                    if g.dep_ == "pobj" and self.group(chunk, g):
                        return self.group(chunk, g)
                    if g.dep_ == "pobj" and g.conjuncts:
                        listed = []
                        for t in sorted([g, *g.conjuncts], key=lambda x: x.i):
                            key, kind = self.actor(chunk, t, as_agent, exclude=exclude)
                            if key and kind != "location" and (key, kind) not in listed:
                                listed.append((key, kind))
                        if len(listed) > 1:
                            return listed
        out = []
        m = self.mention(chunk, token)
        span = [token.doc[i] for i in m.tokens] if m is not None else [token]
        # the parser may hang the conjunction on any token of a name ("Barack Obama and Vladimir Putin")
        group = {token.i: token}
        for s in span:
            for c in s.conjuncts:
                group.setdefault(c.i, c)
            # "The US, Russia, and Switzerland met": a list the parser read as an apposition
            for c in s.children:
                other = self.mention(chunk, c)
                if c.dep_ == "appos" and other is not None and m is not None and other.kind == m.kind \
                        and other.kind in {"country", "organization", "person"} and other.cluster != m.cluster:
                    group.setdefault(c.i, c)
                    for cc in c.conjuncts:
                        group.setdefault(cc.i, cc)
        for t in sorted(group.values(), key=lambda x: x.i):
            if t.i != token.i and token.dep_ == "conj":
                continue  # a conjunct standing alone (a repaired subject) does not pull in its group
            if t.i > token.i:
                nxt = t.doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(t.doc) else None
                if nxt is not None and nxt.pos_ in {"AUX", "VERB"}:
                    verb = nxt if nxt.pos_ == "VERB" else nxt.head
                    stolen = stolen_subject(verb)
                    if stolen is not None and stolen.i == t.i:
                        continue
            key, kind = self.actor(chunk, t, as_agent, exclude=exclude)
            if key and (key, kind) not in out:
                out.append((key, kind))
        return out


def employers(mentions: list[Mention], chunks: list[Chunk]) -> dict[str, str]:
    """person cluster -> organisation cluster the text names as the person's affiliation.

    Only an apposition to the name says so: ``Andrew Tabler, an expert at the Washington
    Institute``, ``Maria Lopez, a spokeswoman for the WHO``.  The organisation must be the
    object of the preposition itself (``the son of a Ford Motor Company worker`` names a worker,
    not an employer), and a sentence's mention of both says nothing on its own.
    """
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person" or m.cluster in out:
            continue
        sdoc, by_token = chunks[m.chunk].sdoc, chunks[m.chunk].by_token
        for desc in sdoc[m.end - 1].children:
            if desc.dep_ != "appos" or desc.pos_ != "NOUN":
                continue
            for prep in desc.children:
                if prep.dep_ != "prep" or prep.lower_ not in EMPLOYER_PREPS:
                    continue
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                org = by_token.get(obj.i) if obj is not None else None
                if org is not None and org.kind == "organization" and org.cluster:
                    out[m.cluster] = org.cluster
                    break
            if m.cluster in out:
                break
    return out
