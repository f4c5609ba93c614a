"""Property tests: whatever bytes or text arrive, readers fail only with KgraphError.

And what they do return is usable downstream: non-empty text with ``\\n`` line
ends, no control characters or unpaired surrogates (GraphML/HTML writers must
be able to encode it), unique ids.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from kgraph.errors import KgraphError
from kgraph.readers import read_documents

ODD_WHITESPACE = " \t\n\r\x0b\x0c\x85\u00a0\u1680\u2000\u2007\u200b\u2028\u2029\u202f\u3000\ufeff"
texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(ODD_WHITESPACE)),
    st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(ODD_WHITESPACE + "<>&;\"',")),
    st.just(""),
)
huge = st.builds(lambda word, n: word * n, st.sampled_from(["Berg met Lind. ", "<p>x</p>", "\u00e9", " \r\n"]),
                 st.integers(2_000, 12_000))
any_text = texts | huge
PROPS = settings(max_examples=int(os.environ.get("KGRAPH_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\r\ud800-\udfff]")


def _read(name: str, content: bytes, **options):
    """Read one file strictly and leniently; return the lenient result (None if it raised a KgraphError)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(content)
        for strict in (True, False):
            try:
                result = read_documents(path, strict=strict, **options)
            except KgraphError:
                result = None
    if result is not None:
        _check(result)
    return result


def _check(result) -> None:
    assert result.documents
    ids = [d.id for d in result.documents]
    assert len(ids) == len(set(ids))
    for doc in result.documents:
        assert doc.text.strip() and doc.text == doc.text.strip()
        assert not BAD_CHARS.search(doc.text), repr(doc.text[:80])
        assert not BAD_CHARS.search(doc.title + doc.id + doc.url)
        doc.text.encode("utf-8")
        assert doc.date == "" or doc.date[:4].isdigit()


@PROPS
@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
def test_txt_never_crashes(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    result = _read("article.txt", data)
    if result is not None:
        assert result.documents[0].id == "article"


@PROPS
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash(data):
    for name in ("a.txt", "a.jsonl", "a.csv", "a.json", "a.html"):
        _read(name, data)


@PROPS
@given(st.lists(st.fixed_dictionaries(
    {"text": any_text},
    optional={"id": st.one_of(st.text(max_size=20), st.integers(), st.none(), st.lists(st.integers())),
              "title": st.one_of(st.text(max_size=40), st.floats(), st.dictionaries(st.text(), st.text())),
              "date": st.one_of(st.text(max_size=30), st.integers(), st.just("2015-05-11")),
              "url": st.text(max_size=30)},
), max_size=4), st.booleans())
def test_jsonl_never_crashes(records, corrupt):
    lines = [json.dumps(r, ensure_ascii=bool(i % 2)) for i, r in enumerate(records)]
    if corrupt and lines:
        lines[0] = lines[0][: len(lines[0]) // 2]
    _read("docs.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    _read("docs.json", json.dumps(records).encode())


@PROPS
@given(st.lists(st.lists(texts, min_size=0, max_size=4), max_size=6), st.sampled_from([",", ";", "\t"]),
       st.booleans())
def test_csv_never_crashes(rows, delimiter, raw):
    if raw:  # unquoted, possibly broken CSV
        content = "id,text\n" + "\n".join(delimiter.join(row) for row in rows)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(["id", "text", "title", "date"])
        writer.writerows(rows)
        content = buffer.getvalue()
    _read("docs.csv", content.encode("utf-8", "surrogatepass"))


@PROPS
@given(texts, texts)
def test_text_field_and_default_date_options_never_crash(field, date):
    _read("docs.jsonl", json.dumps({field or "x": "Berg met Lind.", "id": "1"}).encode(),
          text_field=field, default_date=date)
