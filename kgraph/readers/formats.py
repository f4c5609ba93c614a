"""Decoded file text to raw records, one parser per format.

Parsers only split a file into records and find the fields; cleaning, dates,
ids and duplicate checks are shared and live in :mod:`kgraph.readers`.  A
record that cannot be used is returned as an :class:`Issue` (with its line),
so one bad line never costs the rest of the file; a file that cannot be used
at all raises :class:`IssueError`.

Line numbers are physical lines of the file (1-based), for JSONL and CSV
alike, so an editor's "go to line" finds the record.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from kgraph.errors import EmptyInputError, InputFormatError
from kgraph.readers.issues import Issue, fail

# Field names tried when suggesting --text-field for a file without the text column.
_TEXT_LIKE = ("text", "body", "content", "article", "full_text", "fulltext", "description", "story", "summary")
_CONTAINERS = ("documents", "articles", "records", "items", "data", "rows")
_HEADLINE_MAX = 200


@dataclass(frozen=True)
class RawRecord:
    """A record as found in the file, before cleaning."""

    text: str
    id: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    line: int | None = None
    label: str = ""  # how messages name it: "line 3", "row 4", "record 2"


def scalar(value: Any) -> str:
    """A JSON/CSV value as text; lists, objects and null count as missing."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value).lower()
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""


def _suggest(names: list[str], text_field: str, noun: str = "fields") -> str:
    found = ", ".join(repr(n) for n in names[:20]) or "none"
    lowered = {n.lower(): n for n in names}
    guess = next((lowered[k] for k in _TEXT_LIKE if k in lowered and k != text_field.lower()), None)
    hint = f"--text-field {guess}" if guess else "--text-field NAME"
    return f"{noun} found: {found}; name the {noun[:-1]} that holds the article text with {hint}"


def _lookup(record: dict, name: str) -> tuple[bool, Any]:
    if name in record:
        return True, record[name]
    lowered = name.lower()
    for key, value in record.items():
        if isinstance(key, str) and key.strip().lower() == lowered:
            return True, value
    return False, None


def _from_mapping(obj: dict, text_field: str, line: int | None, label: str) -> RawRecord | Issue | None:
    """One JSON object to a record; ``None`` means the text field is absent."""
    has_text, text = _lookup(obj, text_field)
    if not has_text:
        return None
    if text is not None and not isinstance(text, str):  # a number or true is no article, whatever its id
        kind = {bool: "JSON boolean", int: "number", float: "number"}.get(type(text), type(text).__name__)
        return Issue(InputFormatError, f"{label}: field {text_field!r} holds a {kind} ({_short(text)}), "
                     "expected a string with the article text", line)
    fields = {name: scalar(_lookup(obj, name)[1]) for name in ("id", "title", "date", "url")}
    return RawRecord(text=scalar(text), line=line, label=label, **fields)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _mapping_records(objs: list[tuple[Any, int | None, str]], text_field: str) -> list[RawRecord | Issue]:
    """Shared by JSONL and JSON: objects to records, one file-level message if no record has the text."""
    out: list[RawRecord | Issue] = []
    missing: list[tuple[int | None, str]] = []
    names: list[str] = []
    for obj, line, label in objs:
        if not isinstance(obj, dict):
            kind = "null" if obj is None else type(obj).__name__
            out.append(Issue(InputFormatError, f"{label} holds a JSON {kind}, expected an object "
                             'like {"id": "a1", "text": "..."}', line))
            continue
        record = _from_mapping(obj, text_field, line, label)
        if record is None:
            missing.append((line, label))
            names.extend(str(k) for k in obj if str(k) not in names)
        else:
            out.append(record)
    if missing and not any(isinstance(r, RawRecord) for r in out):
        raise fail(InputFormatError, f"no record has a {text_field!r} field; {_suggest(names, text_field)}")
    for line, label in missing:
        out.append(Issue(InputFormatError, f"{label} has no {text_field!r} field; {_suggest(names, text_field)}", line))
    return out


def parse_jsonl(text: str, text_field: str) -> list[RawRecord | Issue]:
    """One JSON object per line; blank lines are allowed."""
    objs: list[tuple[Any, int | None, str]] = []
    issues: list[Issue] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            if not objs and not issues and _is_json_document(text):
                return parse_json(text, text_field)  # a pretty-printed .json saved as .jsonl
            reason = getattr(exc, "msg", None) or type(exc).__name__
            where = ""
            if isinstance(exc, json.JSONDecodeError):
                where = f" column {exc.colno}" if reason.endswith(" at") else f" at column {exc.colno}"
            cut = " (the line may be cut off)" if number == len(lines) or number == len(lines) - 1 else ""
            issues.append(Issue(InputFormatError, f"line {number} is not valid JSON ({reason}{where}){cut}; "
                                'each line must be one JSON object like {"id": "a1", "text": "..."}', number))
            continue
        objs.append((obj, number, f"line {number}"))
    if not objs and not issues:
        raise fail(EmptyInputError, "the file has no records (only blank lines)")
    items = [*_mapping_records(objs, text_field), *issues] if objs else list(issues)
    return sorted(items, key=lambda item: item.line or 0)  # messages in file order


def _is_json_document(text: str) -> bool:
    try:
        return isinstance(json.loads(text), (list, dict))
    except (ValueError, RecursionError):
        return False


def parse_json(text: str, text_field: str) -> list[RawRecord | Issue]:
    """A list of records, an object holding such a list, or one record."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        reason = getattr(exc, "msg", None) or type(exc).__name__
        raise fail(InputFormatError, f"not valid JSON ({reason}); expected a list of objects like "
                   '[{"id": "a1", "text": "..."}] (or use .jsonl, one object per line)', line) from None
    if isinstance(data, dict):
        has_text, _ = _lookup(data, text_field)
        if has_text:
            data = [data]
        else:
            lists = [data[k] for k in _CONTAINERS if isinstance(data.get(k), list)]
            if not lists:
                raise fail(InputFormatError, f"a JSON object without a {text_field!r} field or a list of "
                           f"records under {', '.join(_CONTAINERS)}; {_suggest(list(map(str, data)), text_field)}")
            data = lists[0]
    if not isinstance(data, list):
        raise fail(InputFormatError, f"the file holds a JSON {type(data).__name__}, expected a list of "
                   'objects like [{"id": "a1", "text": "..."}]')
    if not data:
        raise fail(EmptyInputError, "the JSON list is empty")
    return _mapping_records([(obj, None, f"record {i}") for i, obj in enumerate(data, 1)], text_field)


def _delimiter(header: str, default: str) -> str:
    """The separator of a CSV: whichever of , ; tab | the header line uses most (outside quotes)."""
    bare = re.sub(r'"[^"]*"', "", header)
    counts = {d: bare.count(d) for d in (default, ",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else default


def parse_csv(text: str, text_field: str, delimiter: str = ",") -> list[RawRecord | Issue]:
    """A header row then one row per record; quoted fields may span lines."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first, delimiter), strict=True)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # whole articles are longer than the 128 KiB default
    try:
        return _csv_rows(reader, text_field)
    finally:
        csv.field_size_limit(old_limit)


def _csv_rows(reader, text_field: str) -> list[RawRecord | Issue]:
    header: list[str] | None = None
    out: list[RawRecord | Issue] = []
    columns: dict[str, int] = {}
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if header is None:
                raise fail(InputFormatError, f"the header row is not valid CSV ({exc})", start) from None
            out.append(Issue(InputFormatError, f"row at line {start} is not valid CSV ({exc}); quote fields "
                             'that contain the separator, and double any quote inside them ("")', start))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            for index, name in enumerate(header):
                columns.setdefault(name.lower(), index)
            if text_field.lower() not in columns:
                raise fail(InputFormatError, f"no {text_field!r} column; {_suggest(header, text_field, 'columns')}",
                           start)
            continue

        def cell(name: str) -> str:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else ""

        out.append(RawRecord(text=cell(text_field.lower()), id=cell("id"), title=cell("title"),
                             date=cell("date"), url=cell("url"), line=start, label=f"row at line {start}"))
    if header is None:
        raise fail(EmptyInputError, "the file has no rows")
    if not out:
        raise fail(EmptyInputError, "the file has a header row but no data rows")
    return out


def parse_text(text: str) -> RawRecord:
    """A plain text article.  The title is the first line when a blank line follows it.

    The title stays in the text (offsets refer to the whole text); it is only
    recognised when the first line is short enough to be a headline, so that a
    file whose paragraphs are all separated by blank lines does not lose its
    first paragraph to the title.  A Markdown ``# `` prefix is dropped from it.

    >>> parse_text("Talks in Sochi\\n\\nKerry met Putin.").title
    'Talks in Sochi'
    """
    lines = text.lstrip("\n").split("\n", 2)
    title = ""
    if len(lines) == 3 and lines[0].strip() and not lines[1].strip() and lines[2].strip():
        candidate = lines[0].strip().lstrip("#").strip()
        if 0 < len(candidate) <= _HEADLINE_MAX:
            title = candidate
    return RawRecord(text=text, title=title)
