"""The mention record built inside one document, and the title matching both mention finding and
role attachment use (a module of its own so that :mod:`kgraph.extract.roles` and
:mod:`kgraph.extract.mentions` import it, not each other)."""
from __future__ import annotations

from dataclasses import dataclass

from kgraph.lexicon import Leader, Lexicon


@dataclass
class Mention:
    """A mention being built inside one document (internal; frozen records come out of extract)."""

    chunk: int
    start: int  # token index in the chunk's spaCy Doc
    end: int
    text: str
    kind: str
    sent_index: int
    char_start: int
    char_end: int
    iso3: str = ""
    country: str = ""
    role: str = ""
    kb_leader: Leader | None = None  # office-holder knowledge-base entry, used only when the text says nothing
    kb_country: str = ""  # country of a surname-only knowledge-base match, used if the article names it
    gender: str = ""
    org_name: str = ""  # canonical organisation name from the lexicon
    via: str = "ner"
    dep: str = ""  # dependency label of the mention's head token
    label: str = ""  # the NER label it came from ("" when repaired)
    cluster: str = ""  # entity key inside the document, set by coreference

    @property
    def kb_role(self) -> str:
        """The knowledge base's latest role for this person ("" when not linked)."""
        return self.kb_leader.role if self.kb_leader is not None else ""

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


def match_title(words: list[str], lex: Lexicon) -> int:
    """Length of the longest title that ends the word list (0 when none)."""
    for k in range(min(lex.max_title_words, len(words)), 0, -1):
        phrase = " ".join(words[-k:]).lower()
        if phrase in lex.titles or phrase.rstrip(".") in lex.titles:
            return k
    return 0
