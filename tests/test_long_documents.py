"""Long lines and long documents are cut into bounded pieces, so cost stays linear in their length."""
from __future__ import annotations

from kgraph.nlp import CHUNK_CHARS, paragraphs, split_text
from kgraph.pipeline import split_oversized
from kgraph.records import Document

SENTENCE = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva on Tuesday. "


def test_a_long_line_is_cut_at_sentence_ends():
    line = SENTENCE * 100
    pieces = paragraphs(line)
    assert len(pieces) > 1
    for offset, piece in pieces:
        assert len(piece) <= CHUNK_CHARS
        assert line[offset:offset + len(piece)] == piece
        assert piece.startswith("Secretary") and piece.rstrip().endswith("Tuesday.")


def test_cut_at_the_last_sentence_end_not_after_a_title_or_an_initial():
    text = "Then Mr. Kerry met the U.S. Ambassador. Later he flew on to Geneva and Paris"
    for limit in range(len("Then Mr. Kerry met the U.S. Ambassador. L"), len(text)):
        (_, first), (_, second) = split_text(text, limit=limit)[:2]
        assert first == "Then Mr. Kerry met the U.S. Ambassador. " and second.startswith("Later"), limit
    text = "The talks ended. Then Mr. Kerry met Dr. Li and the U.S. Ambassador in Geneva on Friday"
    for limit in range(len("The talks ended. Then Mr. Kerry met Dr. Li and the U.S. A"), len(text)):
        assert split_text(text, limit=limit)[1][1].startswith("Then Mr. Kerry"), limit


def test_text_without_any_boundary_is_still_bounded():
    pieces = split_text("x" * 5000, limit=2000)
    assert [len(p) for _, p in pieces] == [2000, 2000, 1000]


def test_short_documents_are_left_alone():
    docs = [Document("a", "Kerry met Lavrov."), Document("b", "Short.")]
    out, problems = split_oversized(docs, limit=100)
    assert out == docs and problems == []
    assert split_oversized(docs, limit=0) == (docs, [])


def test_an_oversized_document_becomes_parts_with_a_warning():
    text = "\n\n".join(SENTENCE * 3 for _ in range(10))
    doc = Document("big", text, title="T", date="2015-05-11", source="big.txt")
    out, problems = split_oversized([doc, Document("small", "Hi.")], limit=1000)
    parts = out[:-1]
    assert [d.id for d in parts] == [f"big#{n}" for n in range(1, len(parts) + 1)] and len(parts) > 1
    assert "".join(d.text for d in parts) == text
    assert all(len(d.text) <= 1000 and d.date == "2015-05-11" and d.title == "T" for d in parts)
    assert all(d.text.startswith("Secretary") for d in parts)  # cut at paragraph breaks
    assert out[-1].id == "small"
    (problem,) = problems
    assert problem.kept and problem.source == "big.txt" and "--max-doc-chars" in problem.message


def test_every_sentence_of_a_long_line_is_read(read):
    line = " ".join(f"Kerry met Lavrov in Geneva on day {n}." for n in range(200))
    result = read(line)
    assert result.sentences >= 200
    assert len({p.sent_index for m in result.meetings for p in m.provenance}) >= 150
