"""Entity mentions from spaCy's NER, repaired with the lexicon and gazetteer.

Repairs are general: possessives and leading articles are stripped, titles
glued to names become roles, headline fragments (``Kerry Travels``) are cut
back to names the body confirms, demonyms become countries, a city tagged as a
nationality becomes a place, title words tagged as organisations
(``Secretary of State``) are dropped.
"""
from __future__ import annotations

import re

from kgraph.extract.mention import Mention, match_title
from kgraph.extract.nameevidence import headline_at, trim_headline
from kgraph.extract.roles import attach_role
from kgraph.geo import name_key
from kgraph.lexicon import Lexicon
from kgraph.names import strip_markup

POSSESSIVE = {"'s", "’s", "'", "’", "s"}
ACTOR_KINDS = {"person", "organization", "country"}


NOT_NAME_POS = {"VERB", "ADP", "SCONJ", "ADV", "PRON", "DET", "AUX", "CCONJ", "PART", "NUM"}


def plausible_name(text: str) -> bool:
    """English news writes names in Latin letters: spans of other scripts (quoted foreign text)
    and digits-only spans are NER noise.

    >>> plausible_name("Łukasz Szumowski"), plausible_name("करते हैं"), plausible_name("2015")
    (True, False, False)
    """
    import unicodedata

    letters = [c for c in text if c.isalpha()]
    return bool(letters) and any("LATIN" in unicodedata.name(c, "") for c in letters)


def clean_surface(text: str) -> str:
    """Normalise quotes, drop a leading article and a trailing possessive.

    >>> clean_surface("Obama’s")
    'Obama'
    >>> clean_surface("the State Department")
    'State Department'
    >>> clean_surface("Islamic State (Isis")
    'Islamic State'
    """
    text = strip_markup(text).replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"\s*'\s*s?$", "", text)
    text = re.sub(r"\s*\([^)]*$", "", text).replace("[", "").replace("]", "")  # "Islamic State (Isis"
    return re.sub(r"\s+", " ", text).strip(" ,;:\"'()")


def trim_span(span):
    """Cut leading determiners and trailing possessive/punctuation tokens off an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}):  # "Patrice Talon of"
        end -= 1
    return start, end


def classify(text: str, label: str, lex: Lexicon, known_names: frozenset = frozenset()) -> tuple[str, str, str, str]:
    """Map a cleaned NER span to (kind, iso3, country, org canonical name); kind "" means drop."""
    gaz = lex.gazetteer
    key = name_key(text)
    if not key:
        return "", "", "", ""
    iso3 = gaz.country(text)
    org = lex.organization(text)
    place = gaz.place(text)
    demonym = gaz.demonym(text)
    if label in {"GPE", "NORP", "ORG", "LOC", "PERSON", "FAC"} and iso3 and label != "PERSON":
        return "country", iso3, "", ""
    if label != "PERSON" and not org and not place and (
            (len(key.split()) >= 2 and lex.leader(text) is not None)
            or (label in {"ORG", "FAC", "GPE", "LOC"} and key in lex.leaders_by_surname)):
        return "person", "", "", ""  # "Recep Tayyip Erdoğan", "Mattis" tagged ORG/FAC: the office-holder KB knows better
    if label == "PERSON" and iso3 and key not in gaz.ambiguous:
        return "country", iso3, "", ""
    if org and label in {"ORG", "NORP", "FAC", "PERSON", "GPE"}:
        if label == "GPE" and place and not org.kind:
            pass
        else:
            return "organization", "", org.country, org.name
    if label == "NORP":
        if demonym:
            return "country", demonym, "", ""
        if place:
            return "location", "", place.country, ""
        return "", "", "", ""
    if label in {"GPE", "LOC", "FAC"}:
        if demonym and label == "GPE":
            return "country", demonym, "", ""
        if place:
            return "location", "", place.country, ""
        if len(key.split()) >= 2 and key.split()[-1] in lex.organization_heads:
            return "organization", "", contained_country(text, lex), ""  # "United States Coast Guard"
        return "location", "", contained_country(text, lex), ""
    if label == "ORG":
        if place and place.kind == "city" and len(key.split()) == 1:
            return "location", "", place.country, ""
        if len(key.split()) >= 2 and key.split()[-1] in lex.facility_heads:
            words = text.split()  # "Toronto Congress Centre": a venue, in its city's country
            city = next((p for j in range(len(words) - 1, 0, -1) if (p := gaz.place(" ".join(words[:j])))), None)
            return "location", "", contained_country(text, lex) or (city.country if city else ""), ""
        return "organization", "", contained_country(text, lex), ""
    if label == "PERSON":
        if text.isupper() and len(text.replace("-", "").replace(".", "")) <= 6:
            return "", "", "", ""  # "HIV", "COVID": acronyms are not people
        if demonym:
            return "country", demonym, "", ""
        words = text.split()
        group = gaz.demonym(words[0]) if len(words) >= 2 and words[-1][-1:] == "s" else ""
        if group:
            return "organization", "", group, ""  # "Bosnian Serbs": a people, not a person
        leader = lex.leader(text) is not None or key in lex.leaders_by_surname  # "Bush" is no town in Egypt
        if place and name_key(place.name) == key and not leader and (
                place.population > 1_000_000 or (place.population >= 100_000 and key not in known_names)):
            return "location", "", place.country, ""  # "Sochi will host": a city NER took for a person
        return "person", "", "", ""
    return "", "", "", ""


def not_an_actor(text: str, label: str, lex: Lexicon) -> bool:
    """Bylines, diseases, products and events (``not_actors.json``), and a "person" with a digit
    in the name (``COVID-19``, ``Boeing 737``): names NER tags, that never act in a story.
    A country is never dropped here."""
    if lex.gazetteer.country(text):
        return False
    key = name_key(text)
    if key in lex.not_actors:
        return True
    if any(len(w) >= 5 and lex.not_actors.get(w) == "products" for w in key.split()):
        return True  # "CentOS Linux", "Red Hat Enterprise Linux"
    return label == "PERSON" and any(c.isdigit() for c in text)


def _known_name_start(sdoc, start: int, end: int, lex: Lexicon) -> int:
    """Where an organisation's name begins when NER cut a known name in two (``Islamic`` NORP +
    ``State`` ORG): the one or two capitalised words before the span that make a name of the
    organisation lexicon."""
    for k in (2, 1):
        lo = start - k
        gaz = lex.gazetteer
        if lo >= sdoc[start].sent.start and all(t.text[:1].isupper() and not (gaz.country(t.text) or gaz.demonym(t.text))
                                                 for t in sdoc[lo:start]) \
                and lex.organization(sdoc[lo:end].text) is not None:  # "US Congress": the US stays a mention
            return lo
    return start


def _descriptor_before_name(sdoc, start: int, end: int, lex: Lexicon, role: str) -> tuple[int, str]:
    """Cut a describing word NER left at the front of a person's name: a lower-case noun
    (``businessman Don Blankenship``, ``podcaster Spike Cohen``), a common person noun that opens
    the sentence (``Violinist Ann Hale said``), or the last word of a title that
    begins before the span (``Chief [Executive Carrie Lam]``).  Name particles (``de Mistura``)
    and one-word names stay."""
    while end - start >= 3 or (end - start == 2 and sdoc[start].text[:1].islower()):
        first = sdoc[start]
        if first.text[:1].islower() and first.is_alpha and first.lower_ not in lex.name_particles:
            start += 1
            continue
        if first.i == first.sent.start and first.lower_ in lex.common_person_nouns:
            start += 1  # "Businessman Don Blankenship said": capitalised only because it opens the sentence
            continue
        sent_start = first.sent.start
        k = match_title([t.text for t in sdoc[sent_start:start + 1]], lex) if start > sent_start else 0
        if k >= 2 and end - start >= 3:  # the title began before the span and ends on its first word
            phrase = " ".join(t.text for t in sdoc[start + 1 - k:start + 1]).lower()
            role = role or lex.titles.get(phrase, phrase)
            start += 1
            continue
        break
    return start, role


def _role_dep(token) -> str:
    """The head token's dependency, with a name apposed to a subject counted as the subject
    (``the co-chair of X, Herman Cain, died``: Cain is what the sentence is about)."""
    if token.dep_ == "appos" and token.head.dep_ in {"nsubj", "nsubjpass"}:
        return token.head.dep_
    return token.dep_


SURNAME_TOWN_MAX = 100_000
TOWN_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "around", "via"}  # a name after them is a place


def _named_person_not_town(sdoc, start: int, end: int, lex: Lexicon, surnames: frozenset[str]) -> bool:
    """``met with Chávez`` or ``Mitchell then embarked`` in a text that names Hugo Chavez or
    George Mitchell: the surname of a person the text names in full is that person, though a small
    town bears it too, unless it follows a locative preposition (``in Mitchell``, ``in Docklands and
    Southbank``)."""
    if end - start != 1:
        return False
    token, gaz = sdoc[start], lex.gazetteer
    key = name_key(token.text)
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if (first.dep_ == "pobj" and first.head.lower_ in TOWN_PREPS) or token.dep_ == "compound" \
            or key not in surnames or gaz.country(token.text) or key in gaz.ambiguous or key in gaz.metonyms:
        return False
    place = gaz.place(token.text)
    return place is None or name_key(place.name) != key or place.population < SURNAME_TOWN_MAX


def _place_before_person(sdoc, start: int, end: int, lex: Lexicon, confirmed: set[str]) -> int:
    """Where the person's name starts in a span that begins with a place or country (0 when not)."""
    gaz = lex.gazetteer
    # "the President of Venezuela Hugo Chávez": after "TITLE of", a country then a name
    titled = start >= 2 and sdoc[start - 1].lower_ == "of" and sdoc[start - 2].lower_ in lex.titles
    for j in range(start + 1, end - 1):
        head = sdoc[start:j].text
        tail = sdoc[j:end]
        named = all(t.pos_ == "PROPN" and (titled or t.lower_ in confirmed) for t in tail)
        if (gaz.place(head) or gaz.country(head)) and named:
            return j
    return 0


def _speaker_tag(sdoc, start: int, end: int, text: str) -> bool:
    """``((WN))``, ``((Jane Doe))``: the speaker label of an interview transcript, not a mention in
    the story (the interviewee is named in the introduction).  ``text`` is ``sdoc.text``, which
    spaCy rebuilds from the tokens on every access."""
    a, b = sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
    return text[max(0, a - 2):a] == "((" and text[b:b + 2] == "))"


STANCE_PREFIXES = {"anti", "pro"}
WHO = {"who", "whom"}


def _product_name(sdoc, start: int, end: int, lex: Lexicon, confirmed: set[str]) -> bool:
    """``Patriot air defense systems``: a one-word "person" naming a kind of thing, unless the
    article or the knowledge base knows the name as a person's (``Obama`` in ``the Obama
    administration`` modifies an actor, and is known anyway)."""
    t = sdoc[end - 1]
    if end - start != 1 or t.dep_ != "compound" or t.head.pos_ != "NOUN":
        return False
    head = t.head.lemma_.lower()
    if head in lex.actor_heads or head in lex.person_nouns or head in lex.titles:
        return False
    key = name_key(t.text)
    return t.text.lower() not in confirmed and key not in lex.leaders_by_surname


def _first_name_left_out(sdoc, start: int, end: int, lex: Lexicon) -> bool:
    """The proper noun right before a person span belongs to the name when it modifies it and is
    neither a title word nor part of another entity."""
    t = sdoc[start - 1]
    return (t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.ent_type_
            and t.dep_ == "compound" and start <= t.head.i < end
            and t.lower_ not in lex.titles and t.lower_ not in lex.honorifics
            and not lex.gazetteer.country(t.text))  # "the President of Colombia Alvaro Uribe"


def _award(text: str, lex: Lexicon) -> bool:
    """``the US National Medal of Science``, ``the Nobel Peace Prize``: an honour, not an actor."""
    key = f" {name_key(text)} "
    return any(f" {w} " in key for w in lex.award_words)


def _who_follows(sdoc, end: int) -> bool:
    """A name followed by ``who``/``whom`` names a person, whatever NER said."""
    i = end + 1 if end < len(sdoc) and sdoc[end].text == "," else end
    return i < len(sdoc) and sdoc[i].lower_ in WHO


def _stance(sdoc, start: int, text: str) -> bool:
    """``anti-Syria``, ``pro-Russian``: the country is what someone is for or against."""
    if text.split("-", 1)[0].lower() in STANCE_PREFIXES and "-" in text:
        return True
    return start >= 2 and sdoc[start - 1].text == "-" and sdoc[start - 2].lower_ in STANCE_PREFIXES


def contained_country(text: str, lex: Lexicon) -> str:
    """A country named inside a longer name: ``Eastern Ukraine``, ``the Russian Foreign Ministry``;
    or the country of a state or province named in it (``New Jersey Transit`` is not Jersey's)."""
    words = name_key(text).split()
    gaz = lex.gazetteer
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            iso3 = gaz.countries.get(part) or gaz.demonyms.get(part)
            region = gaz.place(part) if n >= 2 else None
            if not iso3 and region is not None and region.kind in {"admin1", "region"}:
                iso3 = region.country
            if iso3:
                return iso3
    return ""


def find_mentions(sdoc, chunk: int, chunk_offset: int, sent_starts: dict[int, int], lex: Lexicon,
                  confirmed: set[str], body_words: frozenset = frozenset(),
                  person_words: frozenset = frozenset(), surnames: frozenset = frozenset()) -> list[Mention]:
    """All repaired mentions of one parsed chunk.

    ``sent_starts`` maps a sentence's first token index to its document-wide
    sentence index; ``confirmed`` holds lower-cased name words seen in body
    (non-headline) sentences, used to cut headline fragments; ``person_words`` the words of every
    name NER tagged as a person anywhere in the document (:func:`person_name_words`); ``surnames`` the
    name keys of the last words of those full names (:func:`body_surnames`).
    """
    out: list[Mention] = []
    known = frozenset(confirmed)
    chunk_text = sdoc.text
    headlines: dict[int, bool] = {}
    title_tokens: set[int] = set()
    ents = sorted(sdoc.ents, key=lambda e: (e.label_ != "PERSON", e.start))
    for ent in ents:
        if ent.label_ not in {"PERSON", "NORP", "GPE", "LOC", "ORG", "FAC"}:
            continue
        if any(i in title_tokens for i in range(ent.start, ent.end)) and ent.label_ != "PERSON":
            continue
        start, end = trim_span(ent)
        if start >= end or not any(c.isupper() for c in sdoc[start:end].text):
            continue  # "the US secretary of state" tagged ORG "state": a name is capitalised
        label = ent.label_
        if label == "ORG":
            start = _known_name_start(sdoc, start, end, lex)
        if label in {"ORG", "NORP", "GPE", "FAC"} and end - start >= 2:
            # "Kazakh President Kassym-Jomart Tokayev" tagged as one organisation: a title followed
            # by proper nouns is a person
            words = [t.text for t in sdoc[start:end]]
            cut = next((j for j in range(len(words) - 1, 0, -1) if match_title(words[:j], lex)), 0)
            if cut and all(t.pos_ == "PROPN" or t.text == "-" for t in sdoc[start + cut:end]):
                start, label = start + cut, "PERSON"
        if label in {"ORG", "GPE", "NORP", "FAC"} and end - start >= 3:
            # "Senator from Vermont Bernie Sanders" tagged ORG "Vermont Bernie Sanders": a place, then a
            # name the article uses for a person
            cut = _place_before_person(sdoc, start, end, lex, confirmed)
            if cut:
                start, label = cut, "PERSON"
        if label != "PERSON" and headline_at(sdoc[start].sent, headlines) and body_words:
            # "Macron Hosts Scholz" tagged as one organisation: keep what the body names
            start, end = trim_headline(sdoc, start, end, body_words)
            if all(t.text.lower() in confirmed for t in sdoc[start:end]):
                label = "PERSON"
        role = ""
        if label == "PERSON":
            while start > 0 and _first_name_left_out(sdoc, start, end, lex):
                start -= 1  # "Secretary of State Antony J. Blinken" tagged "J. Blinken"
            # a title inside the span: "President Obama", "Secretary Kerry"
            words = [t.text for t in sdoc[start:end]]
            for k in range(len(words) - 1, 0, -1):
                if match_title(words[:k], lex) == k:
                    role = lex.titles.get(" ".join(words[:k]).lower(), " ".join(words[:k]))
                    title_tokens.update(range(start, start + k))
                    start += k
                    break
            while start < end and (sdoc[start].text.lower().rstrip(".") in lex.honorifics
                                   or sdoc[start].pos_ in NOT_NAME_POS):  # "Regarding Ashodaya"
                start += 1
            cut, role = _descriptor_before_name(sdoc, start, end, lex, role)
            title_tokens.update(range(start, cut))
            start = cut
            if headline_at(sdoc[start].sent, headlines):
                start, end = trim_headline(sdoc, start, end, confirmed)
                if body_words and not any(t.lower_ in confirmed or t.lower_ in body_words for t in sdoc[start:end]):
                    continue  # "... as Tensions Simmer": a headline "name" the article never uses
            if start >= end:
                continue
        text = clean_surface(sdoc[start:end].text)
        if not plausible_name(text) or (label == "PERSON" and _product_name(sdoc, start, end, lex, confirmed)):
            continue
        if not_an_actor(text, label, lex) or _speaker_tag(sdoc, start, end, chunk_text):
            continue  # "WN" (a byline), "HIV", "Rocky Linux", "((Name))" before an answer: never an actor
        kind, iso3, country, org_name = classify(text, label, lex, known)
        titled = role or (label == "PERSON" and match_title([t.text for t in sdoc[sdoc[start].sent.start:start]], lex))
        if titled and kind == "location":
            kind, country = "person", ""  # "President Bush" is a person whatever the gazetteer says
        if not kind or (kind == "country" and _stance(sdoc, start, text)) or _award(text, lex):
            continue  # "anti-Syria journalist", "pro-Russian separatists": a stance, not a nationality
        if kind == "location" and label in {"GPE", "LOC", "ORG"} and _named_person_not_town(sdoc, start, end, lex, surnames):
            kind, country = "person", ""  # "met with Chávez" after "Hugo Chávez": not a town of Mexico
        if kind in {"location", "organization"} and _who_follows(sdoc, end):
            kind, country, org_name = "person", "", ""  # "visit Wiranto, who was being treated": a person
        if kind == "country" and label == "NORP" and start > 0 and sdoc[start - 1].lower_ == "ethnic":
            # "ethnic Albanians in Serbia": a people, not the state of Albania
            start -= 1
            text = clean_surface(sdoc[start:end].text)
            kind, iso3, country, org_name = "organization", "", "", ""
        if kind == "organization":
            org = lex.organization(text)
            if org is not None and org.ambiguous:
                # "Supreme Court", "Senate": only the context can say whose, unless the name itself
                # does ("the US House of Representatives")
                country = contained_country(text, lex) if name_key(text) != name_key(org.name) else ""
            international = org is not None and (org.kind == "igo" or (org.kind == "ngo" and not org.country))
            if not international:  # "Britain's UN ambassador", "Argentina's Amnesty International": everyone's
                country = _country_before(sdoc, start, lex) or country
        sent = sdoc[start].sent
        m = Mention(
            chunk=chunk, start=start, end=end, text=text, kind=kind,
            sent_index=sent_starts[sent.start],
            char_start=chunk_offset + sdoc[start].idx,
            char_end=chunk_offset + sdoc[end - 1].idx + len(sdoc[end - 1]),
            iso3=iso3, country=country, role=role, org_name=org_name,
            via="ner" if kind != "country" or ent.label_ == "GPE" else "demonym",
            dep=_role_dep(sdoc[end - 1]), label=ent.label_,
        )
        if kind == "person":

            title_tokens.update(attach_role(m, sdoc, lex))
        out.append(m)
    out.extend(_unrecognised_people(sdoc, chunk, chunk_offset, sent_starts, lex, confirmed, out, title_tokens,
                                    person_words, surnames))
    out.extend(_unrecognised_demonyms(sdoc, chunk, chunk_offset, sent_starts, lex, out))
    out = [m for m in out if m.kind == "country" or not not_an_actor(m.text, "", lex)]
    out.sort(key=lambda m: m.start)
    return out


def _unrecognised_demonyms(sdoc, chunk, chunk_offset, sent_starts, lex, found) -> list[Mention]:
    """Nationality adjectives NER missed (``Ghanaian authorities have deported ...``)."""
    gaz = lex.gazetteer
    taken = {i for m in found for i in m.tokens} | {i for e in sdoc.ents for i in range(e.start, e.end)}
    out = []
    for t in sdoc:
        if t.i in taken or t.pos_ != "ADJ" or not t.text[:1].isupper() or not t.is_alpha:
            continue
        iso3 = gaz.demonym(t.text)
        if not iso3 or name_key(t.text) in gaz.ambiguous or _stance(sdoc, t.i, t.text) \
                or (t.i > 0 and sdoc[t.i - 1].lower_ == "ethnic"):
            continue
        out.append(Mention(chunk=chunk, start=t.i, end=t.i + 1, text=t.text, kind="country",
                           sent_index=sent_starts[t.sent.start], char_start=chunk_offset + t.idx,
                           char_end=chunk_offset + t.idx + len(t), iso3=iso3, via="demonym", dep=t.dep_))
    return out


def _unrecognised_people(sdoc, chunk, chunk_offset, sent_starts, lex, confirmed, found,
                         title_tokens: set[int] = frozenset(), person_words: frozenset = frozenset(),
                         surnames: frozenset[str] = frozenset()) -> list[Mention]:
    """Names NER missed: a capitalised proper noun right after a title (``President Ilves``), one
    the article names elsewhere as a person (``Ruiz`` after ``Ana Ruiz``, ``Ana Ruiz`` before
    ``Ruiz said``: a full name whose surname NER tagged), or a country or large
    city the gazetteer knows (``visited Kyiv``)."""

    taken = {i for m in found for i in m.tokens} | {i for e in sdoc.ents for i in range(e.start, e.end)} | title_tokens
    out = []
    i = 0
    while i < len(sdoc):
        t = sdoc[i]
        if i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha:
            i += 1
            continue
        j = i
        while j < len(sdoc) and j not in taken and sdoc[j].pos_ == "PROPN" and sdoc[j].text[:1].isupper() and sdoc[j].is_alpha:
            j += 1
        sent = t.sent
        words = [x.text for x in sdoc[i:j]]
        lead = next((k for k in range(len(words) - 1, 0, -1) if match_title(words[:k], lex) == k), 0)
        titled = lead > 0 or match_title([x.text for x in sdoc[sent.start : i]], lex) > 0
        i += lead  # "President Ilves": the title is not part of the name
        known = sdoc[j - 1].text.lower() in confirmed or (j - i >= 2 and (
            lex.leader(sdoc[i:j].text) is not None or sdoc[j - 1].text in person_words))
        text = sdoc[i:j].text
        place = lex.gazetteer.place(text) if j - i <= 3 and not titled else None
        iso3 = lex.gazetteer.country(text) if not titled else ""
        if (iso3 and name_key(text) not in lex.gazetteer.ambiguous) or (place and place.population >= 100_000 and i > sent.start):
            # "visited Kyiv": a country or sizeable city the NER missed, confirmed by the gazetteer
            m = Mention(chunk=chunk, start=i, end=j, text=text, kind="country" if iso3 else "location",
                        sent_index=sent_starts[sent.start], char_start=chunk_offset + sdoc[i].idx,
                        char_end=chunk_offset + sdoc[j - 1].idx + len(sdoc[j - 1]), iso3=iso3,
                        country="" if iso3 else place.country, via="repair", dep=sdoc[j - 1].dep_)
            out.append(m)
            i = j
            continue
        town = lex.gazetteer.place(text) and not (known and _named_person_not_town(sdoc, i, j, lex, surnames))
        if (titled or known) and 0 < j - i <= 3 and not lex.gazetteer.country(text) and not town \
                and not lex.organization(text) and text.lower() not in lex.titles:
            m = Mention(chunk=chunk, start=i, end=j, text=text, kind="person", sent_index=sent_starts[sent.start],
                        char_start=chunk_offset + t.idx, char_end=chunk_offset + sdoc[j - 1].idx + len(sdoc[j - 1]),
                        via="repair", dep=sdoc[j - 1].dep_)
            attach_role(m, sdoc, lex)
            out.append(m)
        i = j
    return out


def _country_before(sdoc, start: int, lex: Lexicon) -> str:
    """``The Ivory Coast's Supreme Court``, ``Iraqi parliament``: the country right before a name."""
    gaz = lex.gazetteer
    i = start - 1
    if i >= 0 and sdoc[i].tag_ == "POS":
        ent = next((e for e in sdoc.ents if e.end == i), None)
        if ent is not None and ent.label_ in {"GPE", "NORP"}:
            return gaz.country(clean_surface(ent.text))
        return ""
    if i >= 0 and (name_key(sdoc[i].text) not in gaz.ambiguous or sdoc[i].ent_type_ == "GPE"):
        # "Iraqi parliament", "the US Congress": a nationality or a country name as modifier
        return gaz.demonym(sdoc[i].text) or (gaz.country(sdoc[i].text) if sdoc[i].ent_type_ == "GPE" else "")
    return ""
