"""Bytes of an input file to text, or a clear reason why not.

Articles arrive from scrapers, spreadsheets and old archives.  Most are UTF-8;
many older ones are Windows-1252 or Latin-1; some "text" files are really PDFs
or images with the wrong extension.  Decoding therefore goes:

1. a byte-order mark names the encoding (UTF-8/16/32);
2. known binary signatures (PDF, PNG, ZIP/docx, gzip ...) are refused with
   advice on what to do instead;
3. UTF-16 without a BOM is recognised by its zero bytes, any other NUL byte
   means binary;
4. UTF-8, tolerating a few stray Windows-1252 bytes inside otherwise UTF-8
   text (typical of scraped text pasted together);
5. charset-normalizer for legacy encodings.  It often names Windows-1250 for
   Western European text, so Windows-1252 (a superset of Latin-1's printable
   characters) wins whenever it is a plausible reading at all.  Cyrillic,
   Greek or CJK encodings still win when Windows-1252 is not plausible.

Line endings are normalised to ``\\n`` so that offsets are the same whatever
system wrote the file.
"""
from __future__ import annotations

import logging
import re

from kgraph.errors import EncodingError, InputFormatError
from kgraph.readers.issues import fail, line_of

logger = logging.getLogger(__name__)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAVE_AS_TEXT = "save it as plain text (.txt, UTF-8) and read that instead"
_SIGNATURES = (
    (b"%PDF", "a PDF document", "extract its text first (e.g. `pdftotext file.pdf file.txt`)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "kgraph reads text, not images; remove it"),
    (b"\xff\xd8\xff", "a JPEG image", "kgraph reads text, not images; remove it"),
    (b"GIF87a", "a GIF image", "kgraph reads text, not images; remove it"),
    (b"GIF89a", "a GIF image", "kgraph reads text, not images; remove it"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt document)", "unpack it or " + _SAVE_AS_TEXT),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first (unxz)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office file (.doc/.xls)", _SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document", _SAVE_AS_TEXT),
    (b"\x7fELF", "a program (ELF binary)", "remove it from the input"),
    (b"SQLite format 3\x00", "an SQLite database", "export the articles as .jsonl or .csv"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_BAD_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _binary(message: str, advice: str) -> Exception:
    return fail(InputFormatError, f"this is {message}, not text; {advice}")


def _check_signature(data: bytes) -> None:
    for magic, what, advice in _SIGNATURES:
        if data.startswith(magic):
            raise _binary(what, advice)
    if _BZIP2.match(data):
        raise _binary("a bzip2-compressed file", "decompress it first (bunzip2)")


def _utf16_without_bom(data: bytes) -> str | None:
    """English UTF-16 has a zero in every other byte; use that instead of calling it binary."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0 and len(data) % 2 == 0:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray Windows-1252 bytes: keep the UTF-8, repair the strays."""
    text = data.decode("utf-8", "surrogateescape")
    stray = sum(len(m.group()) for m in _ESCAPED.finditer(text))
    valid_non_ascii = sum(1 for ch in text if ord(ch) > 127) - stray
    if valid_non_ascii < 1 or stray > valid_non_ascii:
        return None

    def repair(match: re.Match) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        return raw.decode("cp1252", "replace")

    return _ESCAPED.sub(repair, text)


def _legacy_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    if best.encoding == "cp1252" or from_bytes(data, cp_isolation=["cp1252"]).best() is not None:
        return "cp1252"
    return best.encoding


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text with ``\\n`` line ends, or raise an :class:`IssueError`.

    >>> decode_bytes("Caf\\u00e9 talks\\r\\n".encode("cp1252"))
    'Café talks\\n'
    """
    text = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise fail(
                    EncodingError,
                    f"the file starts with a {enc} byte-order mark but is not valid {enc} "
                    f"(at byte {exc.start + len(bom)}); re-save it as UTF-8",
                    line_of(data, exc.start + len(bom)),
                ) from None
            break
    if text is None:
        _check_signature(data)
        text = _utf16_without_bom(data)
    if text is None:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise fail(
                InputFormatError,
                f"binary data (a NUL byte at byte {nul}), not a text file; "
                "remove it from the input or convert it to plain text",
                line_of(data, nul),
            )
        text = _decode_8bit(data)
    if _BAD_CONTROL.search(text):
        controls = len(_BAD_CONTROL.findall(text))
        if controls > max(2, len(text) // 20):
            raise fail(
                InputFormatError,
                f"{controls} control characters in {len(text)}: this looks like binary data, "
                "not text; remove it from the input or convert it to plain text",
            )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _mostly_utf8(data)
    if text is not None:
        logger.info("decoded as UTF-8 with stray Windows-1252 bytes")
        return text
    encoding = _legacy_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
    if text is None:
        raise fail(
            EncodingError,
            f"the bytes are not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and no other text encoding fits; if this is a text file, re-save it as UTF-8, "
            "otherwise remove it from the input",
            line_of(data, first_bad),
        )
    logger.info("decoded as %s (not UTF-8)", encoding)
    return text
