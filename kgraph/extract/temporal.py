"""Resolving date expressions (``Tuesday``, ``two years ago``, ``March 2, 2015``)
against the document date and the tense of the clause they sit in.

Pure functions over strings: the tense is worked out by the caller from the
parse.  Results are ISO 8601 prefixes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)
whose precision matches what the text says: ``two years ago`` is a year, not
a day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM_RE = "|".join(sorted(NUMBERS, key=len, reverse=True))
SAME_DAY = re.compile(r"\b(later|earlier) (in|that) the day\b|\bthat (same )?day\b|\bthe same day\b|\blater that day\b")


def parse_iso(value: str) -> date | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _shift_months(d: date, months: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return f"{y:04d}-{m + 1:02d}"


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").strip(" ,.;")
    text = re.sub(r"^(just|only|about|around|nearly|almost|some|more than|less than|since|until|by|on|in|at|from|during|of)\s+", "", text)
    text = re.sub(r"\b(night|morning|afternoon|evening)$", "", text).strip()
    # "mid-June", "late last July", "the previous Friday": the part of a month or the order of days
    # says no more than the month or the day itself
    text = re.sub(r"^(early|late|mid)-", r"\1 ", text)
    text = re.sub(r"^(early|late|mid) (last|next|this) ", r"\2 ", text)
    text = re.sub(r"^(the )?previous (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)$", r"last \2", text)
    return text


def resolve_date(text: str, doc_date: str = "", tense: str = "", anchor: str = "") -> str:
    """The ISO prefix a date expression denotes, or "" when it cannot be pinned down.

    ``tense`` is ``past``, ``future`` or ``present``; ``anchor`` is another
    resolved date of the same sentence (``later in the day`` refers to it).

    >>> resolve_date("Tuesday", "2015-05-11", "future")
    '2015-05-12'
    >>> resolve_date("on Saturday", "2015-05-11", "past")
    '2015-05-09'
    >>> resolve_date("Two years ago", "2015-05-11")
    '2013'
    >>> resolve_date("March 2, 2015")
    '2015-03-02'
    >>> resolve_date("early 2014")
    '2014'
    >>> resolve_date("last month", "2015-05-11")
    '2015-04'
    >>> resolve_date("March 20 last year", "2020-03-25", "past")
    '2019-03-20'
    """
    ref = parse_iso(doc_date)
    t = _clean(text)
    if not t:
        return ""
    # absolute: "March 2, 2015", "2 March 2015", "February 2014", "28 November", "2014"
    m = re.search(rf"\b({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", t)
    if m:
        return f"{int(m[3]):04d}-{MONTHS[m[1]]:02d}-{int(m[2]):02d}"
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\.?,? (\d{{4}})\b", t)
    if m:
        return f"{int(m[3]):04d}-{MONTHS[m[2]]:02d}-{int(m[1]):02d}"
    m = re.search(rf"\b({_MONTH_RE})\.?,? (\d{{4}})\b", t)
    if m:
        return f"{int(m[2]):04d}-{MONTHS[m[1]]:02d}"
    m = re.search(rf"\b({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\b", t)
    if m and ref:
        month = MONTHS[m[1] or m[4]]
        day = int(m[2] or m[3])
        year = re.search(r"\b(last|next|this) year\b", t)  # "on March 20 last year"
        if year:
            return f"{ref.year + {'last': -1, 'next': 1}.get(year[1], 0):04d}-{month:02d}-{day:02d}"
        return _nearest_year(ref, month, day, tense)
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", t)
    if m and not re.search(r"\b(ago|last|next)\b", t):
        return m[1]
    if not ref:
        return ""
    # relative to the document date
    if t in {"today", "this morning", "this afternoon", "this evening", "tonight", "now"} or t == "the day":
        return ref.isoformat()
    if SAME_DAY.search(t) or t in {"later", "the same day"}:
        return anchor or ref.isoformat()
    if t == "yesterday":
        return (ref - timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return (ref + timedelta(days=1)).isoformat()
    m = re.fullmatch(rf"({_NUM_RE}|\d+) (year|month|week|day)s? (ago|earlier|before|later|from now|hence)", t)
    if m:
        n = NUMBERS.get(m[1]) or int(m[1])
        sign = -1 if m[3] in {"ago", "earlier", "before"} else 1
        unit = m[2]
        if unit == "year":
            return f"{ref.year + sign * n:04d}"
        if unit == "month":
            return _shift_months(ref, sign * n)
        days = n * (7 if unit == "week" else 1)
        return (ref + timedelta(days=sign * days)).isoformat() if unit == "day" else _shift_months(ref + timedelta(days=sign * days), 0)
    m = re.fullmatch(r"(last|next|this|past|coming|previous|early|late|mid|earlier this|later this) (year|month|week)", t)
    if m:
        sign = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
        if m[2] == "year":
            return f"{ref.year + sign:04d}"
        if m[2] == "month":
            return _shift_months(ref, sign)
        return _shift_months(ref + timedelta(days=7 * sign), 0)
    m = re.fullmatch(r"(?:(last|next|this|coming|past) )?(" + "|".join(WEEKDAYS) + ")", t)
    if m:
        return _weekday(ref, WEEKDAYS[m[2]], m[1] or "", tense)
    m = re.fullmatch(rf"(?:(last|next|this|early|late|mid|earlier this|later this) )?({_MONTH_RE})", t)
    if m:
        month = MONTHS[m[2]]
        year = ref.year
        if m[1] == "last" or (not m[1] and tense == "past" and month > ref.month):
            year -= 1 if month >= ref.month else 0
        elif m[1] == "next" or (not m[1] and tense == "future" and month < ref.month):
            year += 1 if month <= ref.month else 0
        return f"{year:04d}-{month:02d}"
    return ""


def _weekday(ref: date, wd: int, qualifier: str, tense: str) -> str:
    """Past tense (or "last") means the latest such day up to the document date; future, the next one after it."""
    if qualifier in {"last", "past"} or (not qualifier and tense == "past"):
        back = (ref.weekday() - wd) % 7
        if qualifier in {"last", "past"} and back == 0:
            back = 7
        return (ref - timedelta(days=back)).isoformat()
    if qualifier in {"next", "coming"} or tense == "future":
        ahead = (wd - ref.weekday()) % 7 or 7
        return (ref + timedelta(days=ahead)).isoformat()
    # present or unknown tense: the closest such day, either side
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    return (ref - timedelta(days=back) if back <= ahead else ref + timedelta(days=ahead)).isoformat()


def _nearest_year(ref: date, month: int, day: int, tense: str) -> str:
    try:
        candidates = [date(ref.year + k, month, day) for k in (-1, 0, 1)]
    except ValueError:
        return f"{ref.year:04d}-{month:02d}"
    if tense == "past":
        candidates = [c for c in candidates if c <= ref] or candidates
    elif tense == "future":
        candidates = [c for c in candidates if c >= ref] or candidates
    best = min(candidates, key=lambda c: abs((c - ref).days))
    return best.isoformat()


_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGES = (
    # "March 3-5, 2015", "March 3 to 5", "March 3 and 4"
    re.compile(rf"\b(?P<m1>{_MONTH_RE})\.? {_DAY}\s*(?:-|–|to|and|until|through)\s*{_DAY}(?:,? (?P<y>\d{{4}}))?\b"),
    # "3-5 March 2015", "between 3 and 5 March"
    re.compile(rf"\b{_DAY}\s*(?:-|–|to|and|until)\s*{_DAY} (?:of )?(?P<m1>{_MONTH_RE})\.?(?:,? (?P<y>\d{{4}}))?\b"),
    # "March 30 to April 2", "30 March to 2 April 2015"
    re.compile(rf"\b(?P<m1>{_MONTH_RE})\.? {_DAY}\s*(?:-|–|to|until|through)\s*(?P<m2>{_MONTH_RE})\.? {_DAY}(?:,? (?P<y>\d{{4}}))?\b"),
    re.compile(rf"\b{_DAY} (?P<m1>{_MONTH_RE})\.?\s*(?:-|–|to|until)\s*{_DAY} (?P<m2>{_MONTH_RE})\.?(?:,? (?P<y>\d{{4}}))?\b"),
)


def resolve_range(text: str, doc_date: str = "", tense: str = "") -> tuple[str, str]:
    """(first day, last day) of a date range, or ("", "") when the text is no range.

    A multi-day event is dated by its first day (``date``); the last one goes to ``date_end``.

    >>> resolve_range("March 3-5, 2015")
    ('2015-03-03', '2015-03-05')
    >>> resolve_range("from 30 March to 2 April", "2015-03-20")
    ('2015-03-30', '2015-04-02')
    >>> resolve_range("on Tuesday", "2015-05-11")
    ('', '')
    """
    t = text.lower().replace("\u2013", "-")
    for pattern in _RANGES:
        m = pattern.search(t)
        if not m:
            continue
        days = [int(g) for g in m.groups() if g and g.isdigit() and len(g) <= 2]
        m1 = MONTHS[m["m1"]]
        m2 = MONTHS[m.groupdict().get("m2") or m["m1"]]
        if len(days) != 2 or not (1 <= days[0] <= 31 and 1 <= days[1] <= 31):
            return "", ""
        if m["y"]:
            year = int(m["y"])
        else:
            ref = parse_iso(doc_date)
            if ref is None:
                return "", ""
            year = int(_nearest_year(ref, m1, min(days[0], 28), tense)[:4])
        try:
            start = date(year, m1, days[0])
            end = date(year + (m2 < m1), m2, days[1])
        except ValueError:
            return "", ""
        if end <= start:
            return "", ""
        return start.isoformat(), end.isoformat()
    return "", ""
