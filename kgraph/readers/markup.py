"""Cleaning article text: HTML remnants, control characters, odd line breaks.

Scraped articles often keep their markup (``<p>``, ``<br>``, inline
``<script>``).  Tags would confuse sentence splitting and end up in node
labels, so markup is stripped with BeautifulSoup's ``html.parser`` - but only
when the text really looks like HTML: a sentence such as ``a < b and c > d``
or a single ``<b>`` mention stays as it is.  Block elements become paragraph
breaks so that sentences from different paragraphs do not run together;
script/style content is dropped entirely.

The cleaned text becomes ``Document.text``; every character offset later in
the pipeline refers to it, never to the raw file.
"""
from __future__ import annotations

import re
import warnings

_TAG_NAMES = (
    "html|head|body|p|div|span|br|hr|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|"
    "script|style|article|section|header|footer|nav|img|meta|link|title|blockquote|figure|"
    "figcaption|iframe|noscript|font|center|small|sup|sub|time|main|aside|pre|code|dl|dt|dd|"
    "form|input|button|label|svg|picture|source|abbr|cite|q|s|strike|del|ins|mark"
)
_TAG = re.compile(rf"<(/?)(?:{_TAG_NAMES})(?=[\s/>])[^<>]*>", re.I)
_DOCUMENT = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<!--.*?-->", re.I | re.S)
_DROP = frozenset(("script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"))
_BLOCKS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "article",
    "section", "header", "footer", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "main",
    "aside", "nav", "hr", "form",
))
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\x85": "\n", "\x0b": "\n", "\u2029": "\n\n", "\x0c": "\n\n"})
# with the invisible characters that would split or disguise a name ("Pu\u200btin"): zero-width
# space, word joiner, byte-order mark, soft hyphen, bidi embeddings, overrides and isolates
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """True when the text carries real markup, not just a stray angle bracket.

    >>> looks_like_html("<p>Talks began.</p>"), looks_like_html("if a < b and c > d")
    (True, False)
    """
    if "<" not in text:
        return False
    if _DOCUMENT.search(text):
        return True
    count = 0
    for match in _TAG.finditer(text):
        if match.group(1):  # a closing tag
            return True
        count += 1
        if count >= 2:
            return True
    return False


def strip_html(text: str) -> tuple[str, str]:
    """Return ``(words, title)`` of an HTML fragment or page.

    >>> strip_html("<html><title>Talks</title><p>Kerry met <b>Putin</b>.</p><script>x=1</script></html>")
    ('Kerry met Putin.', 'Talks')
    """
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else ""
    return tidy(_visible_text(soup)), title


def _visible_text(soup) -> str:
    """The page's words with paragraph breaks around block elements.

    A single pass with an explicit stack: editing the tree (inserting breaks)
    is quadratic in bs4 and recursion would fail on deeply nested pages.
    """
    from bs4.element import NavigableString, PreformattedString, Tag

    parts: list[str] = []
    stack = [iter([soup])]
    closers = [""]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            parts.append(closers.pop())
        elif isinstance(node, Tag):
            if node.name in _DROP:
                continue
            if node.name == "br":
                parts.append("\n")
                continue
            block = "\n\n" if node.name in _BLOCKS else ""
            parts.append(block)
            stack.append(iter(node.contents))
            closers.append(block)
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            parts.append(str(node))
    return "".join(parts)


def tidy(text: str) -> str:
    """Collapse runs of spaces and blank lines left behind by markup removal."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def clean_text(text: str, *, html: bool = False) -> tuple[str, str]:
    """Normalise one document's text; returns ``(text, title_from_html)``.

    Odd line separators become ``\\n``, control characters and unpaired
    surrogates (which could not be written to UTF-8 output later) and
    invisible characters that would split a name are removed,
    markup is stripped when present (always when ``html`` is true).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = _CONTROL.sub("", text)
    if html or looks_like_html(text):
        text, title = strip_html(text)
        return _CONTROL.sub("", text), _CONTROL.sub("", title)
    return text.strip(), ""


def one_line(text: str) -> str:
    """A title or id: markup removed, all whitespace collapsed to single spaces."""
    text, _ = clean_text(text)
    return " ".join(text.split())


def bare_line(text: str) -> str:
    """An id or URL: control characters removed, whitespace collapsed, markup left alone."""
    return " ".join(_CONTROL.sub("", text).split())
