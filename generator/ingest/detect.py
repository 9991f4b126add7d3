"""Recognise which input format a corpus file is in, from its name and its lines."""

from __future__ import annotations

import itertools
import json
import re

from generator.ingest.pairing import looks_like_abstract
from generator.ingest.readers.bare import SHORT_ABSTRACT
from generator.ingest.readers.search_listing import HEADER_RE
from generator.ingest.source import Line
from generator.ingest.titles import says_what_it_does

_AUTHORS_LINE_RE = re.compile(r"^\s*•\s*\d+\s+authors?\s*$", re.IGNORECASE)
_SAMPLE = 400
# Bare abstracts may hold a few other lines (a heading, a note, a cut-off abstract), each
# rejected at its line by the reader: it takes two abstract-like lines per other line. A
# search listing has a title per abstract, so with fewer it is another format, or none.
_ABSTRACTS_PER_OTHER_LINE = 2
_JSON_OPENING_RE = re.compile(r'^\{\s*("|\}$)')
# A line this long that ends with a full stop counts as an abstract, however short for
# one: a title seldom runs so long and seldom ends so (it may end with "?" or ")").
_SHORT_PROSE = 150
# ... in a file of at least this many (a note of a paragraph or two stays unread).
_MIN_SHORT_PROSE = 3


def detect_format(file: str, lines: tuple[Line, ...]) -> str | None:
    """Return the format name of a file (a key of READERS), or None if unrecognised."""
    texts = _sample(lines)
    if not texts:
        return None
    lower = file.lower()
    if lower.endswith((".jsonl", ".ndjson")) or _is_json_object(texts[0]):
        return "jsonl"
    if lower.endswith((".csv", ".tsv")) or _is_csv_header(texts[0]):
        return "csv"
    if any(_AUTHORS_LINE_RE.match(t) for t in texts) or "daily papers" in map(str.lower, texts):
        return "daily-listing"
    if HEADER_RE.match(texts[0]) or texts[0].startswith("Subscribe"):
        return "search-listing"
    is_abstract = [looks_like_abstract(t) for t in texts]  # (each line judged once)
    abstracts = sum(is_abstract)
    if abstracts == len(texts):
        return "bare-abstracts"
    if abstracts and _alternates(is_abstract):
        return "search-listing"
    if abstracts >= _ABSTRACTS_PER_OTHER_LINE * (len(texts) - abstracts):
        return "bare-abstracts"  # with a few other lines, each warned about
    prose = sum(1 for t, a in zip(texts, is_abstract, strict=True) if a or _short_prose(t))
    if prose >= max(_MIN_SHORT_PROSE, _ABSTRACTS_PER_OTHER_LINE * (len(texts) - prose)):
        return "bare-abstracts"  # short abstracts among them, each warned about
    if abstracts >= _MIN_SHORT_PROSE:  # abstracts, and short ones under 150 characters
        sentences = sum(
            1 for t, a in zip(texts, is_abstract, strict=True) if a or _short_abstract(t)
        )
        if sentences >= _ABSTRACTS_PER_OTHER_LINE * (len(texts) - sentences):
            return "bare-abstracts"
    return None


def unrecognised_because(lines: tuple[Line, ...]) -> str:
    """Why a file that holds abstracts is none of the formats, for its message ("" when
    it holds none): a cliff a line too many fell off, unexplained."""
    texts = _sample(lines)
    abstracts = sum(1 for t in texts if looks_like_abstract(t))
    if not abstracts:
        return ""
    read = f"first {len(texts)}" if len(lines) > _SAMPLE else str(len(texts))
    return (
        f"{abstracts} of its {read} lines read like abstracts: too few for bare "
        f"abstracts (at least {_ABSTRACTS_PER_OTHER_LINE} per other line), and no title "
        "line before each, as in a search listing"
    )


def _short_prose(text: str) -> bool:
    """A sentence longer than titles run, ending as prose ends: a short abstract (or
    one cut off), which the bare reader keeps with a warning."""
    return len(text) >= _SHORT_PROSE and text[-1:] in ".!"


def _sample(lines: tuple[Line, ...]) -> list[str]:
    """The text of the non-blank lines among the first _SAMPLE, which formats are told by."""
    return [line.text.strip() for line in lines[:_SAMPLE] if line.text.strip()]


def _short_abstract(text: str) -> bool:
    """A line the bare reader keeps (SHORT_ABSTRACT characters or more), ending as prose
    ends, that says what a paper does: among abstracts, a short one ("We propose X, a
    network that ... benchmarks."), a few of which made the whole file unrecognised; a
    note beside pasted abstracts ("Remember to check ...") says nothing of the kind."""
    return len(text) >= SHORT_ABSTRACT and text[-1:] in ".!" and says_what_it_does(text)


def _is_json_object(text: str) -> bool:
    """True for a JSON object, or a broken line that opens like one (`{"key"`)."""
    if not _JSON_OPENING_RE.match(text):
        return False  # `{Experiments show ...}` is braced prose, not JSON
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):  # broken JSON is still meant as JSON
        return True


def _is_csv_header(text: str) -> bool:
    cells = {c.strip().strip('"').lower() for c in re.split(r"[,\t]", text)}
    return "title" in cells and ("abstract" in cells or "summary" in cells)


def _alternates(kinds: list[bool]) -> bool:
    """True when title-like and abstract-like lines (`kinds`: abstract-like or not)
    mostly alternate."""
    changes = sum(1 for a, b in itertools.pairwise(kinds) if a != b)
    return changes >= 0.8 * (len(kinds) - 1)
