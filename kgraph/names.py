"""Comparing personal names: pure string logic shared by in-document coreference and
cross-document resolution."""
from __future__ import annotations

# Generational suffixes: "Donald Trump Jr." is another person than "Donald Trump".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Arabic particles folded from surnames: "Bashar al-Assad" is "Assad".
NAME_PREFIXES = ("al-", "el-", "bin-", "ben-")


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
