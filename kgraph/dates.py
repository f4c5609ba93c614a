"""Publication dates of documents, normalised to an ISO prefix.

News feeds write dates in a handful of shapes (ISO timestamps, RFC 822 feed
dates, ``May 11, 2015``, ``20080804``).  Graph edges are sorted and filtered by
date as plain strings, so every date is turned into ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY`` - a prefix that sorts correctly as text.

python-dateutil reads the forms with month names, but it guesses too freely
(``"99"`` becomes 1999, ``"Monday"`` becomes today's year, ``11.05.2015`` is
read month-first).  So all-numeric forms are matched by explicit patterns here,
dateutil is only asked about strings that name a month, and a four-digit year
must be written out.  A timestamp keeps the calendar date as written (no time
zone conversion): ``2015-05-11T23:30:00-05:00`` is ``2015-05-11``, the day the
source meant.

Relative dates inside article text ("last Tuesday") are not handled here; they
belong to extraction.

>>> parse_date("Mon, 11 May 2015 10:00:00 GMT")
'2015-05-11'
>>> parse_date("May 2015")
'2015-05'
>>> parse_date("")
''
"""
from __future__ import annotations

import datetime as _dt
import re

from kgraph.errors import InputFormatError

__all__ = ["parse_date", "ACCEPTED_FORMS"]

ACCEPTED_FORMS = (
    "2015-05-11, 2015-05-11T10:00:00Z, 2015-05, 2015, 20080804, 2015/05/11, "
    "11.05.2015 (day first), May 11, 2015, 11 May 2015, Mon, 11 May 2015 10:00:00 GMT"
)

_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
_ISO = re.compile(rf"(?a)(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_ISO_MONTH = re.compile(r"(?a)(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(?a)(\d{4})")
_COMPACT = re.compile(r"(?a)(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2})?Z?)?")
_YMD_SLASH = re.compile(rf"(?a)(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_TIME}")
_DMY_DOT = re.compile(rf"(?a)(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_TIME}")
_XY_SLASH = re.compile(rf"(?a)(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_TIME}")
_MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_FOUR_DIGITS = re.compile(r"(?a)(?<!\d)(\d{4})(?!\d)")
_MIN_YEAR, _MAX_YEAR = 1000, 2999


def _bad(value: str, why: str = "") -> InputFormatError:
    reason = f" ({why})" if why else ""
    return InputFormatError(
        f"cannot read the date {value!r}{reason}; accepted forms are {ACCEPTED_FORMS}; "
        "or leave the date empty"
    )


def _ymd(value: str, year: str, month: str, day: str | None = None) -> str:
    """Validate numbers as a calendar date and format the ISO prefix."""
    y, m = int(year), int(month)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        raise _bad(value, f"year {y} is out of range")
    if day is None:
        if not 1 <= m <= 12:
            raise _bad(value, f"month {m} does not exist")
        return f"{y:04d}-{m:02d}"
    try:
        return _dt.date(y, m, int(day)).isoformat()
    except ValueError as exc:
        raise _bad(value, str(exc)) from None


def _numeric(value: str) -> str | None:
    """All-digit forms, matched exactly so that no guessing is involved."""
    if m := _ISO.fullmatch(value):
        return _ymd(value, *m.groups())
    if m := _ISO_MONTH.fullmatch(value):
        return _ymd(value, *m.groups())
    if m := _YEAR.fullmatch(value):
        return _ymd(value, m.group(1), "1")[:4]
    if m := _COMPACT.fullmatch(value):
        return _ymd(value, *m.groups())
    if m := _YMD_SLASH.fullmatch(value):
        return _ymd(value, *m.groups())
    if m := _DMY_DOT.fullmatch(value):
        day, month, year = m.groups()
        return _ymd(value, year, month, day)
    if m := _XY_SLASH.fullmatch(value):
        first, second, year = m.groups()
        if int(first) > 12 >= int(second):
            return _ymd(value, year, second, first)
        if int(second) > 12 >= int(first):
            return _ymd(value, year, first, second)
        if first == second:
            return _ymd(value, year, first, second)
        raise _bad(value, "day and month order is ambiguous; write it as YYYY-MM-DD")
    return None


def _with_month_name(value: str) -> str:
    """Forms that spell the month, read by dateutil with two different defaults.

    Parsing twice with different default dates shows which parts the string
    really contains: a part that changes with the default was guessed.
    """
    from dateutil import parser as dparser

    try:
        a = dparser.parse(value, default=_dt.datetime(2001, 1, 1))
        b = dparser.parse(value, default=_dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError) as exc:
        raise _bad(value, str(exc).split(":")[0]) from None
    if a.year != b.year:
        raise _bad(value, "it has no year")
    if a.month != b.month:
        raise _bad(value, "it has no month")
    if str(a.year) not in _FOUR_DIGITS.findall(value):
        raise _bad(value, "the year must be written with four digits")
    if a.day != b.day:
        return _ymd(value, str(a.year), str(a.month))
    return _ymd(value, str(a.year), str(a.month), str(a.day))


def parse_date(value: str) -> str:
    """Turn a document date into ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Empty (or blank) input gives ``""``.  Anything else that is not a
    recognisable date raises :class:`~kgraph.errors.InputFormatError` naming
    the value and the accepted forms; the caller decides whether that is fatal.

    >>> parse_date("20080804"), parse_date("11 May 2015"), parse_date("2015/05/11")
    ('2008-08-04', '2015-05-11', '2015-05-11')
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    text = " ".join(value.split())
    if not text:
        return ""
    if len(text) > 100:
        raise _bad(value[:100] + "...", "too long to be a date")
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    if _MONTH_NAME.search(text):
        return _with_month_name(text)
    raise _bad(value)
