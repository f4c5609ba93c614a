"""Comparing personal names: pure string logic shared by in-document coreference and
cross-document resolution."""
from __future__ import annotations

import re
import unicodedata

# Generational suffixes: "Donald Trump Jr." is another person than "Donald Trump".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Arabic particles folded from surnames: "Bashar al-Assad" is "Assad".
NAME_PREFIXES = ("al-", "el-", "bin-", "ben-")


_SCRIPT = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"\s+")


def strip_markup(text: str) -> str:
    """A name without markup or invisible characters, for use as a node label.

    spaCy keeps tags inside a name (``John<Iframe/Onload=alert(1)>Rouhani``)
    and a zero-width space makes ``Pu\u200btin`` a look-alike second node.
    No real name holds an angle bracket, so a tag becomes a space, and a tag
    cut off by the span (``Evil <img src=x``, ``x onerror=y>Corp``) goes with
    the part of it the span kept; a script or style element goes with its
    content.  Format characters (zero-width spaces and
    joiners, bidi controls, soft hyphens) are dropped; controls and runs of
    white space become one space.  The sentence text kept as provenance is
    not touched.

    >>> strip_markup("John<Iframe/Onload=alert(1)>Rouhani"), strip_markup("Evil <img src=x")
    ('John Rouhani', 'Evil')
    >>> strip_markup("alert(2)>Corp"), strip_markup("Pu\u200btin\u202e"), strip_markup("Kim Jong\u00adun")
    ('Corp', 'Putin', 'Kim Jongun')
    """
    if "<" in text or ">" in text:
        text = _TAG.sub(" ", _SCRIPT.sub(" ", text))
        text = text.split("<", 1)[0]
        text = text.rsplit(">", 1)[-1]
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text
                       if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))
    return _SPACES.sub(" ", text).strip()


def fold_surname(key: str) -> str:
    """``al-assad`` -> ``assad`` (a surname key without its particle).

    >>> fold_surname("al-assad"), fold_surname("albright")
    ('assad', 'albright')
    """
    for prefix in NAME_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix):]
    return key


def compatible_first(a: str, b: str) -> bool:
    """``Sergey``/``Sergei`` and ``J``/``John`` are compatible first names; ``Barack``/``Michelle`` are not.

    >>> compatible_first("jong-un", "jong-nam"), compatible_first("jong-un", "jongun")
    (False, True)
    """
    if not a or not b:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    if ("-" in a or "-" in b) and len(a) > 1 and len(b) > 1:
        return a.replace("-", "") == b.replace("-", "")  # "Jong-un" is not "Jong-nam"
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or (a[:4] == b[:4] and abs(len(a) - len(b)) <= 1)


def family_name_first(words: list[str], family_first: frozenset) -> bool:
    """``Wang Yi``, ``Xi Jinping``, ``Moon Jae-in``: an East Asian name whose family name comes first.

    >>> family_name_first(["Wang", "Yi"], frozenset({"wang"}))
    True
    >>> family_name_first(["Moon", "Jae-in"], frozenset())
    True
    >>> family_name_first(["John", "Kerry"], frozenset({"wang"}))
    False
    """
    if len(words) not in {2, 3}:
        return False
    given = words[1]
    hyphenated = len(words) == 2 and "-" in given and given.split("-", 1)[1][:1].islower()
    return words[0].lower() in family_first or hyphenated
