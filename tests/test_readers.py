"""read_documents on small inputs written here: formats, ids, encodings, partial success."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.errors import (
    ConfigError,
    DuplicateDocumentError,
    EmptyInputError,
    EncodingError,
    InputFormatError,
    InputNotFoundError,
)
from kgraph.readers import ReadResult, read_documents

MEETING = "Foreign Minister Anna Berg met President Tomas Lind in Oslo on Monday."
VISIT = "Chancellor Ruth Okafor travelled to Lisbon to discuss trade with Prime Minister Joao Reis."
HEADLINE = "Berg and Lind Meet in Oslo"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


# --- plain text ------------------------------------------------------------


def test_txt_headline_becomes_title_and_stays_in_text(tmp_path):
    path = write(tmp_path, "oslo.txt", f"{HEADLINE}\n\n{MEETING}\n")
    result = read_documents(path)
    assert isinstance(result, ReadResult) and result.problems == ()
    (doc,) = result.documents
    assert doc.id == "oslo"
    assert doc.title == HEADLINE
    assert doc.text == f"{HEADLINE}\n\n{MEETING}"
    start = doc.text.index("Tomas Lind")
    assert doc.text[start:start + 10] == "Tomas Lind"  # offsets are offsets into Document.text
    assert doc.source == str(path)


def test_txt_without_blank_line_after_first_line_has_no_title(tmp_path):
    path = write(tmp_path, "a.txt", f"{MEETING}\n{VISIT}\n")
    assert read_documents(path).documents[0].title == ""


def test_txt_long_first_paragraph_is_not_taken_for_a_title(tmp_path):
    first = " ".join([MEETING] * 4)
    path = write(tmp_path, "a.txt", f"{first}\n\n{VISIT}\n")
    assert read_documents(path).documents[0].title == ""


def test_markdown_heading_is_title_without_hashes(tmp_path):
    path = write(tmp_path, "a.md", f"# {HEADLINE}\n\n{MEETING}\n")
    doc = read_documents(path).documents[0]
    assert doc.title == HEADLINE and doc.id == "a"


def test_seed_article_reads_with_its_headline(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    docs = {d.id: d for d in read_documents(seeds).documents}
    seed = docs["000_ae7f84a818a98b3c"]
    assert seed.title == seed.text.split("\n", 1)[0]
    assert seed.title and "\n\n" in seed.text


def test_bom_and_crlf_are_normalised_silently(tmp_path):
    path = write(tmp_path, "w.txt", b"\xef\xbb\xbf" + f"{HEADLINE}\r\n\r\n{MEETING}\r\n{VISIT}\r\n".encode())
    result = read_documents(path)
    doc = result.documents[0]
    assert result.problems == ()
    assert doc.text == f"{HEADLINE}\n\n{MEETING}\n{VISIT}"
    assert doc.title == HEADLINE


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_western_encodings_decode_correctly(tmp_path, encoding):
    text = "Señor García met François Dupré in Besançon; the talks were très cordiales, à bientôt."
    if encoding == "cp1252":
        text += " He called them \u201cfrank\u201d \u2013 nothing more."
    path = write(tmp_path, "old.txt", text.encode(encoding))
    assert read_documents(path).documents[0].text == text


def test_short_latin1_word_decodes(tmp_path):
    path = write(tmp_path, "short.txt", "Café talks in Genève".encode("latin-1"))
    assert read_documents(path).documents[0].text == "Café talks in Genève"


def test_utf8_with_a_stray_windows_byte_keeps_the_utf8(tmp_path):
    data = "Zürich talks: ".encode() + b"\x93frank\x94 and " + "Malmö".encode()
    assert read_documents(write(tmp_path, "mix.txt", data)).documents[0].text == "Zürich talks: \u201cfrank\u201d and Malmö"


def test_cyrillic_windows_1251_decodes(tmp_path):
    text = "Министр иностранных дел России встретился с госсекретарём в Женеве в понедельник."
    assert read_documents(write(tmp_path, "ru.txt", text.encode("cp1251"))).documents[0].text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_with_and_without_bom(tmp_path, encoding):
    path = write(tmp_path, "u16.txt", MEETING.encode(encoding))
    assert read_documents(path).documents[0].text == MEETING


def test_undecodable_bytes_raise_encoding_error_in_strict_mode(tmp_path):
    path = write(tmp_path, "junk.txt", bytes(range(128, 256)) * 3)
    with pytest.raises(EncodingError) as info:
        read_documents(path, strict=True)
    assert "UTF-8" in str(info.value) and str(path) in str(info.value)
    with pytest.raises(EmptyInputError, match="not UTF-8"):
        read_documents(path)


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
        (b"Talks began\x00\x00\x01\x02 in Oslo", "NUL byte"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_binary_content_is_refused_with_what_it_looks_like(tmp_path, data, fragment):
    path = write(tmp_path, "article.txt", data)
    with pytest.raises(InputFormatError, match=fragment) as info:
        read_documents(path, strict=True)
    assert info.value.code == "E103" and str(path) in str(info.value)


def test_html_markup_is_stripped_but_words_kept(tmp_path):
    html = (
        "<html><head><title>Oslo talks</title><style>p{color:red}</style></head><body>"
        f"<p>{MEETING}</p><script>var tracking = 1;</script><p>{VISIT} &amp; more.</p></body></html>"
    )
    doc = read_documents(write(tmp_path, "page.txt", html)).documents[0]
    assert doc.text == f"{MEETING}\n\n{VISIT} & more."
    assert doc.title == "Oslo talks"
    assert "tracking" not in doc.text and "color" not in doc.text


def test_html_file_extension(tmp_path):
    doc = read_documents(write(tmp_path, "page.html", f"<h1>{HEADLINE}</h1><div>{MEETING}</div>")).documents[0]
    assert doc.text == f"{HEADLINE}\n\n{MEETING}" and doc.title == HEADLINE


def test_angle_brackets_in_plain_text_survive(tmp_path):
    text = "If a < b and c > d, the envoy said, the <b> tag is irrelevant."
    assert read_documents(write(tmp_path, "m.txt", text)).documents[0].text == text


# --- JSONL ------------------------------------------------------------------


def test_jsonl_fields_ids_dates_and_defaults(tmp_path):
    path = write(tmp_path, "news.jsonl", jsonl(
        {"id": "a1", "text": MEETING, "title": "Oslo", "date": "May 11, 2015", "url": "http://x.test/a", "extra": 1},
        {"id": 7, "text": VISIT},
        {"text": VISIT + " Again."},
    ))
    result = read_documents(path, default_date="2016-01-02")
    a, b, c = result.documents
    assert (a.id, a.title, a.date, a.url, a.text) == ("a1", "Oslo", "2015-05-11", "http://x.test/a", MEETING)
    assert (b.id, b.date) == ("7", "2016-01-02")
    assert c.id == "news-3"  # file stem and line number
    assert result.problems == ()


def test_jsonl_bad_lines_are_problems_and_good_lines_survive(tmp_path):
    path = write(tmp_path, "n.jsonl", jsonl(
        {"id": "ok1", "text": MEETING},
        '{"id": "broken", "text": "Berg met',
        "[1, 2, 3]",
        {"id": "empty", "text": "   "},
        {"id": "ok2", "text": VISIT},
        '{"id": "cut", "text": "Lind flew to',
    ))
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["ok1", "ok2"]
    by_line = {p.line: p for p in result.problems}
    assert set(by_line) == {2, 3, 4, 6}
    assert "not valid JSON" in by_line[2].message and by_line[2].code == "E103"
    assert "JSON list" in by_line[3].message and "expected an object" in by_line[3].message
    assert "no text" in by_line[4].message and by_line[4].code == "E102"
    assert "cut off" in by_line[6].message
    assert all(p.source == str(path) for p in result.problems)


def test_jsonl_strict_raises_first_problem_with_line(tmp_path):
    path = write(tmp_path, "n.jsonl", jsonl({"id": "ok", "text": MEETING}, "not json at all"))
    with pytest.raises(InputFormatError) as info:
        read_documents(path, strict=True)
    assert info.value.line == 2 and f"{path}:2:" in str(info.value)


def test_jsonl_bad_date_keeps_document_without_date(tmp_path):
    path = write(tmp_path, "d.jsonl", jsonl({"id": "x", "text": MEETING, "date": "sometime soon"}))
    result = read_documents(path)
    assert result.documents[0].date == ""
    (problem,) = result.problems
    assert "sometime soon" in problem.message and "kept without a date" in problem.message
    assert problem.line == 1
    with pytest.raises(InputFormatError, match="sometime soon"):
        read_documents(path, strict=True)
    assert read_documents(path, default_date="2015").documents[0].date == "2015"


def test_text_field_option_and_missing_field_message(tmp_path):
    path = write(tmp_path, "b.jsonl", jsonl({"id": "x", "body": MEETING}))
    assert read_documents(path, text_field="body").documents[0].text == MEETING
    with pytest.raises(InputFormatError) as info:
        read_documents(path, strict=True)
    assert "'body'" in str(info.value) and "--text-field body" in str(info.value)


def test_some_records_without_text_field_are_problems(tmp_path):
    path = write(tmp_path, "b.jsonl", jsonl({"id": "x", "text": MEETING}, {"id": "y", "content": VISIT}))
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["x"]
    assert result.problems[0].line == 2 and "--text-field content" in result.problems[0].message


def test_pretty_printed_json_in_a_jsonl_file_is_still_read(tmp_path):
    path = write(tmp_path, "p.jsonl", json.dumps([{"id": "p", "text": MEETING}], indent=2))
    assert read_documents(path).documents[0].id == "p"
    path = write(tmp_path, "q.jsonl", '[{"id": "q",\n  "text": "Berg met Lind."}]')
    assert read_documents(path).documents[0].id == "q"


def test_html_inside_jsonl_text_is_stripped(tmp_path):
    path = write(tmp_path, "h.jsonl", jsonl({"id": "h", "text": f"<p>{MEETING}</p><p>{VISIT}</p>"}))
    assert read_documents(path).documents[0].text == f"{MEETING}\n\n{VISIT}"


def test_control_characters_and_lone_surrogates_are_removed(tmp_path):
    path = write(tmp_path, "c.jsonl", '{"id": "c", "text": "Berg\\u0007 met Lind\\ud800 today."}\n')
    assert read_documents(path).documents[0].text == "Berg met Lind today."


# --- JSON, CSV --------------------------------------------------------------


def test_json_list_and_wrapped_list(tmp_path):
    write(tmp_path, "l.json", json.dumps([{"id": "j1", "text": MEETING}, {"text": VISIT}]))
    write(tmp_path, "w.json", json.dumps({"articles": [{"id": "j3", "text": VISIT + " Later."}]}))
    ids = [d.id for d in read_documents(tmp_path).documents]
    assert ids == ["j1", "l-2", "j3"]


def test_csv_columns_case_insensitive_and_multiline_fields(tmp_path):
    path = write(tmp_path, "t.csv", f'ID,Title,Text,Date\nr1,Oslo,"{MEETING}\nSecond line, with comma",20150511\n'
                 f'r2,,"{VISIT}",\n')
    a, b = read_documents(path).documents
    assert (a.id, a.title, a.date) == ("r1", "Oslo", "2015-05-11")
    assert a.text == f"{MEETING}\nSecond line, with comma"
    assert b.text == VISIT and b.date == ""


def test_csv_semicolon_and_tsv(tmp_path):
    write(tmp_path, "s.csv", f"id;text\ns1;{MEETING}\n")
    write(tmp_path, "t.tsv", f"id\ttext\nt1\t{VISIT}\n")
    assert [d.id for d in read_documents(tmp_path).documents] == ["s1", "t1"]


def test_csv_without_text_column_lists_columns(tmp_path):
    path = write(tmp_path, "n.csv", f"id,label,description\n1,World,{MEETING}\n")
    with pytest.raises(InputFormatError) as info:
        read_documents(path, strict=True)
    message = str(info.value)
    assert "'id', 'label', 'description'" in message and "--text-field description" in message
    assert read_documents(path, text_field="description").documents[0].id == "1"


def test_csv_bad_row_is_a_problem_with_its_line(tmp_path):
    path = write(tmp_path, "q.csv", f'id,text\n1,"{MEETING}"x\n2,{VISIT}\n')
    result = read_documents(path)
    assert [d.id for d in result.documents] == ["2"]
    assert result.problems[0].line == 2 and "not valid CSV" in result.problems[0].message


def test_csv_missing_id_uses_file_and_line(tmp_path):
    path = write(tmp_path, "rows.csv", f"text\n{MEETING}\n\n{VISIT}\n")
    assert [d.id for d in read_documents(path).documents] == ["rows-2", "rows-4"]


def test_csv_long_field_beyond_default_limit(tmp_path):
    long_text = " ".join([MEETING] * 3000)  # about 210 000 characters
    path = write(tmp_path, "long.csv", f'id,text\nL,"{long_text}"\n')
    assert len(read_documents(path).documents[0].text) == len(long_text)


# --- folders, ids, duplicates -------------------------------------------------


def test_folder_recursive_sorted_ids_and_hidden_skipped(tmp_path):
    write(tmp_path, "b.txt", MEETING)
    write(tmp_path, "a/z.txt", VISIT)
    write(tmp_path, "a/c.md", MEETING + " Again.")
    write(tmp_path, ".hidden.txt", VISIT)
    write(tmp_path, ".git/x.txt", VISIT)
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    result = read_documents(tmp_path)
    assert [d.id for d in result.documents] == ["a/c", "a/z", "b"]
    (problem,) = result.problems
    assert problem.source.endswith("notes.docx") and "unsupported type .docx" in problem.message
    assert ".txt" in problem.message


def test_explicit_unsupported_file_is_an_error(tmp_path):
    path = write(tmp_path, "report.pdf", b"%PDF-1.4")
    with pytest.raises(InputFormatError, match="unsupported type .pdf.*pdftotext"):
        read_documents([write(tmp_path, "ok.txt", MEETING), path])


def test_duplicate_ids(tmp_path):
    write(tmp_path, "one.jsonl", jsonl({"id": "same", "text": MEETING}))
    write(tmp_path, "two.jsonl", jsonl({"id": "same", "text": VISIT}))
    result = read_documents(tmp_path)
    assert [d.text for d in result.documents] == [MEETING]
    assert result.problems[0].code == "E105" and "one.jsonl:1" in result.problems[0].message
    with pytest.raises(DuplicateDocumentError):
        read_documents(tmp_path, strict=True)


def test_same_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", MEETING)
    result = read_documents([tmp_path, path])
    assert len(result.documents) == 1 and result.problems == ()


def test_many_paths_keep_given_order(tmp_path):
    b = write(tmp_path, "b.txt", MEETING)
    a = write(tmp_path, "a.txt", VISIT)
    assert [d.id for d in read_documents([str(b), a]).documents] == ["b", "a"]


# --- what is always fatal -----------------------------------------------------


def test_missing_path_suggests_close_names(tmp_path):
    write(tmp_path, "articles.jsonl", jsonl({"id": "x", "text": MEETING}))
    with pytest.raises(InputNotFoundError) as info:
        read_documents(tmp_path / "article.jsonl")
    assert "articles.jsonl" in str(info.value) and info.value.exit_code == 3


def test_empty_inputs(tmp_path):
    with pytest.raises(EmptyInputError, match="holds no files"):
        read_documents(tmp_path)
    empty = write(tmp_path, "e.txt", b"")
    with pytest.raises(EmptyInputError, match="0 bytes"):
        read_documents(empty)
    with pytest.raises(EmptyInputError, match="no input paths"):
        read_documents([])
    with pytest.raises(InputNotFoundError, match="empty path"):
        read_documents("")


def test_nothing_readable_lists_the_reasons_even_when_lenient(tmp_path):
    write(tmp_path, "a.txt", "   \n\t\n")
    write(tmp_path, "b.jsonl", "nope\n")
    with pytest.raises(EmptyInputError) as info:
        read_documents(tmp_path)
    message = str(info.value)
    assert "only whitespace" in message and "b.jsonl:1" in message and "not valid JSON" in message


def test_invalid_options(tmp_path):
    path = write(tmp_path, "a.txt", MEETING)
    with pytest.raises(ConfigError, match="default date"):
        read_documents(path, default_date="someday")
    with pytest.raises(ConfigError, match="text_field"):
        read_documents(path, text_field=" ")
    assert read_documents(path, default_date="May 2015").documents[0].date == "2015-05"


def test_problems_come_in_file_and_line_order(tmp_path):
    write(tmp_path, "a.txt", MEETING)
    write(tmp_path, "b.pdf", b"%PDF-1.4")
    write(tmp_path, "c.jsonl", jsonl({"id": "c1", "text": VISIT, "date": "soon"}, "oops", {"id": "c3", "text": ""}))
    problems = read_documents(tmp_path).problems
    assert [(Path(p.source).name, p.line) for p in problems] == [("b.pdf", None), ("c.jsonl", 1),
                                                                 ("c.jsonl", 2), ("c.jsonl", 3)]
