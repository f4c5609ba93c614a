"""When two different names in the news are one entity: acronyms and their
expansions, a ministry with and without its country, names introduced as
aliases (``also known as``, ``travelling under the alias``).

Pure string logic over mentions and entity names, shared by in-document
coreference (:mod:`kgraph.extract.coref`) and cross-document resolution
(:mod:`kgraph.resolve`), so that both decide the same way.
"""
from __future__ import annotations

import re

from kgraph.geo import name_key
from kgraph.lexicon import Lexicon

# words that initials skip: "Ministry of External Affairs" is MEA
INITIAL_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "le", "&"})
# British and American spellings of institution words are one name
SPELLING = {"defence": "defense", "labour": "labor", "organisation": "organization", "programme": "program",
            "centre": "center"}
INSTITUTION_FILLER = frozenset({"of", "the", "for", "and", "&", "national", "federal"})
# "travelling under the alias Kim Chol", "also known as ...": the cue right before the alias
ALIAS_CUES = (("also", "known", "as"), ("known", "as"), ("alias",), ("aka",), ("a.k.a.",), ("under", "the", "name"),
              ("under", "the", "names"), ("nicknamed",), ("dubbed",))


def is_acronym(text: str) -> bool:
    """``GEF``, ``MEA``, ``U.N.``: two to seven capitals, dots allowed.

    >>> is_acronym("GEF"), is_acronym("Gef"), is_acronym("G")
    (True, False, False)
    """
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def initials(text: str) -> set[str]:
    """The acronyms a multi-word name can be written as: all initials, and without a leading
    nationality or other first word (``Indian Ministry of External Affairs`` is MEA).

    >>> sorted(initials("Indian Ministry of External Affairs"))
    ['IMEA', 'MEA']
    >>> initials("NATO")
    set()
    """
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    caps = [w for w in words if w.lower() not in INITIAL_SKIP and w[:1].isalpha()]
    if len(caps) < 2:
        return set()
    out = {"".join(w[0].upper() for w in caps)}
    if len(caps) >= 3:
        out.add("".join(w[0].upper() for w in caps[1:]))
    return out


def acronym_of(short: str, long: str) -> bool:
    """``GEF`` abbreviates ``Global Environment Fund``.

    >>> acronym_of("GEF", "Global Environment Fund"), acronym_of("GEF", "Global Fund")
    (True, False)
    """
    return is_acronym(short) and short.replace(".", "").upper() in initials(long)


def _spelling(word: str) -> str:
    return SPELLING.get(word, word)


ORDINAL = re.compile(r"\d+(st|nd|rd|th)?")  # "the 116th Congress" is Congress


def _without_countries(words: list[str], lex: Lexicon, capitals: set[int] = frozenset()) -> tuple[list[str], str]:
    """The words with every country name and demonym taken out (``united states``, ``russian``),
    and the first country they named.  A name that is also a common word (``us``) counts only
    when written in capitals (``U.S.``)."""
    gaz = lex.gazetteer
    kept: list[str] = []
    country = ""
    i = 0
    while i < len(words):
        for n in range(min(4, len(words) - i), 0, -1):
            part = " ".join(words[i:i + n])
            iso3 = gaz.demonyms.get(part) or gaz.countries.get(part)
            if iso3 and (part in gaz.demonyms or part not in gaz.ambiguous or (n == 1 and i in capitals)):
                country = country or iso3
                i += n
                break
        else:
            kept.append(words[i])
            i += 1
    return kept, country


def institution_key(name: str, country: str, lex: Lexicon) -> str:
    """A generic national institution (a ministry, ``Congress``, ``Supreme Court``, ``the
    Foreign Ministry``) is one entity per country: the key is its institution words in any order,
    with the country's name and demonym left out, plus the country (``defense ministry|RUS``).
    "" when the name is not a generic institution (``Red Cross``, ``Hamas``).

    >>> from kgraph.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> institution_key("Russian Defence Ministry", "RUS", lex) == institution_key("Ministry of Defense", "RUS", lex)
    True
    >>> institution_key("Congress", "", lex), institution_key("Red Cross", "", lex)
    ('congress', '')
    >>> institution_key("116th U.S. Congress", "", lex) == institution_key("United States Congress", "", lex)
    True
    """
    raw = [w for w in name.replace("-", " ").split() if not ORDINAL.fullmatch(name_key(w))]
    words = [_spelling(name_key(w)) for w in raw]
    kept, named = _without_countries(words, lex, {i for i, w in enumerate(raw) if w.replace(".", "").isupper()})
    country = country or named
    core = [w for w in kept if w not in INSTITUTION_FILLER]
    if not core:
        return ""
    phrase = " ".join(kept)
    org = lex.organization(phrase) if phrase else None
    generic = ("ministry" in core or "ministries" in core
               or phrase in lex.generic_institutions or " ".join(core) in lex.generic_institutions
               or (org is not None and org.ambiguous and org.kind in {"government", "military", ""}))
    if not generic:
        return ""
    key = " ".join(sorted(set(core)))
    return f"{key}|{country}" if country else key


def alias_cue_before(words: list[str]) -> bool:
    """The lower-cased words before a name end with an alias cue (``under the alias``).

    >>> alias_cue_before(["travelling", "under", "the", "alias"]), alias_cue_before(["met", "with"])
    (True, False)
    """
    words = [w for w in words if w not in {",", "\"", "'", "(", "\u201c"}]
    return any(len(words) >= len(cue) and tuple(words[-len(cue):]) == cue for cue in ALIAS_CUES)
