"""Statement patterns run sentence by sentence find what one matcher over the whole chunk finds."""
from __future__ import annotations

import pytest

from kgraph.extract.patterns import build_matcher, matches, required_words

pytestmark = pytest.mark.e2e


def _whole_chunk(nlp, lex, sdoc):
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(nlp.vocab)
    for p in lex.statement_patterns:
        matcher.add(p.id, [list(p.pattern)])
    return [(match_id, list(ids)) for match_id, ids in matcher(sdoc)]


def test_same_matches_in_the_same_order_as_one_matcher_over_the_chunk(nlp, lex):
    # every pattern's firing examples in one chunk, with sentences no pattern can match in between
    examples = [text for p in lex.statement_patterns for text, _ in p.fires]
    text = " The weather was mild. ".join(examples)
    sdoc = nlp(text)
    expected = _whole_chunk(nlp, lex, sdoc)
    found = matches(sdoc, build_matcher(nlp.vocab, lex))
    assert found == expected
    assert len({sdoc[ids[0]].sent.start for _, ids in found}) >= len(lex.statement_patterns) // 2


def test_a_sentence_without_the_required_words_is_not_matched(nlp, lex):
    demand = next(p for p in lex.statement_patterns if p.id == "request.demanded_act_of_other")
    words = dict(required_words(demand))
    assert "demand" in words["LEMMA"] and words["LOWER"] == {"of"}
    sdoc = nlp("Russia demanded the withdrawal of Ukrainian troops. The talks ended.")
    found = matches(sdoc, build_matcher(nlp.vocab, lex))
    assert found == _whole_chunk(nlp, lex, sdoc)
    assert found and all(ids[0] < sdoc[-1].sent.start for _, ids in found)
