"""Which key of ``meetings.json`` a token matches.

The meeting lexicon writes four shapes of key, and each has one lookup here so
that every key the data holds can fire:

* ``lemma`` (``meet``, ``summit``);
* ``lemma particle`` for phrasal verbs (``head to``, ``speak by``, ``call off``),
  matched against the verb's particle and preposition children;
* ``lemma|object`` for light verbs whose object is the event (``pay|visit``,
  ``hold|talks``), matched against a verb and its direct object;
* ``modifier lemma`` for nouns named with a modifier (``phone call``,
  ``telephone conversation``, ``peace talks``), matched against the noun's
  compound and adjective children.

Cue lists (``called off``, ``postponed``) use the same lookups.
"""
from __future__ import annotations

PARTICLE_DEPS = {"prt", "prep", "agent"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}


def _forms(token) -> list[str]:
    """The lemma first, then the lowercased text (``talks`` is its own key)."""
    lemma, text = token.lemma_.lower(), token.lower_
    return [lemma] if lemma == text else [lemma, text]


def phrasal_keys(verb) -> list[str]:
    """``lemma particle`` keys of a verb, then its bare lemma forms."""
    keys = [f"{form} {c.lower_}" for c in verb.children if c.dep_ in PARTICLE_DEPS for form in _forms(verb)]
    return keys + _forms(verb)


def verb_key(verb, table: dict[str, str] | frozenset) -> str:
    """The most specific key of ``table`` the verb matches, or ``""``."""
    return next((k for k in phrasal_keys(verb) if k in table), "")


def light_verb_key(verb, noun, table: dict[str, str]) -> str:
    """``paid a visit``, ``held talks``: the ``lemma|object`` key a verb and its object match."""
    return next((f"{v}|{n}" for v in _forms(verb) for n in _forms(noun) if f"{v}|{n}" in table), "")


def noun_key(noun, table: dict[str, str]) -> str:
    """``a telephone conversation`` matches ``telephone conversation`` before ``conversation``."""
    mods = [c for c in noun.lefts if c.dep_ in MODIFIER_DEPS]
    for mod in mods:
        for m in _forms(mod):
            for n in _forms(noun):
                if f"{m} {n}" in table:
                    return f"{m} {n}"
    return next((n for n in _forms(noun) if n in table), "")


def cue_key(token, cues: frozenset) -> str:
    """A status cue a token gives (``postponed``; ``called off`` through its particle)."""
    return verb_key(token, cues)
