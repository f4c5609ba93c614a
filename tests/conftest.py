"""Shared fixtures: the real spaCy pipeline and lexicon, loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from kgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def lex():
    from kgraph.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def read(nlp, lex):
    """Extract one text (with an optional document date) into a DocResult."""
    from kgraph.extract import extract_document
    from kgraph.nlp import parse
    from kgraph.records import Document

    def run(text: str, date: str = "2015-05-11", doc_id: str = "t"):
        (doc, chunks), = list(parse([Document(doc_id, text, date=date)], nlp))
        return extract_document(doc, chunks, lex)

    return run
