"""What a whole article says about names, gathered before its mentions are read.

Headlines are cased like names (``Kerry Travels to Sochi``), so the words a
headline may keep are those the body confirms; a surname NER tagged in one
paragraph confirms the full name it missed in another; a bare surname the
article gives a person is not a town of the same name.  These are per-chunk
word sets that :func:`kgraph.extract.extract_document` unions over the
document and passes to :func:`kgraph.extract.mentions.find_mentions`.
"""
from __future__ import annotations

from kgraph.geo import name_key


def is_headline(sent) -> bool:
    """Headline casing: most content words capitalised and no final full stop."""
    words = caps = 0
    last = None
    for t in sent:  # one pass: this runs for every entity's sentence
        if not t.is_space:
            last = t
        if t.is_alpha and len(t) > 3:
            words += 1
            caps += t.text[0].isupper()
    if words < 3 or (last is not None and last.text in {".", "!", "?", "\"", "\u201d"}):
        return False
    return caps / words >= 0.75


def headline_at(sent, seen: dict[int, bool]) -> bool:
    """:func:`is_headline`, remembered in ``seen`` by sentence start (a chunk's entities share sentences)."""
    if sent.start not in seen:
        seen[sent.start] = is_headline(sent)
    return seen[sent.start]


def trim_headline(sdoc, start: int, end: int, confirmed: set[str]) -> tuple[int, int]:
    """Keep the longest run of tokens that the article body confirms as name words."""
    best = (start, start)
    i = start
    while i < end:
        j = i
        while j < end and sdoc[j].text.lower() in confirmed:
            j += 1
        if j - i > best[1] - best[0]:
            best = (i, j)
        i = j + 1
    if best[1] > best[0]:
        return best
    return start, end


def body_entity_words(sdoc) -> set[str]:
    """Lower-cased words of every named entity outside headlines (evidence for headline repair)."""
    headlines: dict[int, bool] = {}
    return {t.text.lower() for ent in sdoc.ents if not headline_at(ent.sent, headlines) for t in ent if t.is_alpha}


def _body_people(sdoc) -> list:
    """PERSON entities outside headline sentences, with whether each is a full name (two words or more)."""
    headlines: dict[int, bool] = {}
    return [(ent, sum(t.is_alpha for t in ent) >= 2) for ent in sdoc.ents
            if ent.label_ == "PERSON" and not headline_at(ent.sent, headlines)]


def person_name_words(sdoc) -> set[str]:
    """Words (as written) of every PERSON entity outside headlines: a surname NER tagged in one
    paragraph confirms the full name it missed in another."""
    return {t.text for ent, _ in _body_people(sdoc) for t in ent if t.is_alpha and t.text[:1].isupper()}


def body_surnames(sdoc) -> set[str]:
    """Name keys of the last word of full PERSON names in non-headline sentences: a bare surname the
    article gives a person is that person, not a small town of the same name."""
    return {name_key(ent[-1].text) for ent, full in _body_people(sdoc) if full}


def body_name_words(sdoc) -> set[str]:
    """Lower-cased words of full PERSON names (two words or more) in non-headline sentences: the
    evidence for headline repair and for telling a surname from a city."""
    return {t.text.lower() for ent, full in _body_people(sdoc) if full for t in ent if t.is_alpha}
