"""Readable titles generated from an abstract, for records that came without one."""

from __future__ import annotations

import re

# Space after a sentence's end mark (and a closing quote or bracket).
_AFTER_END_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+")
_SENTENCE_OPENERS = "\"'("
# "We present ResMLP, an architecture ..." -> "ResMLP, an architecture ..."
_CONTRIBUTION_RE = re.compile(
    r"^(?:in this (?:paper|work|study|dissertation|thesis),?\s+)?"
    r"(?:we|this (?:paper|work|study|dissertation|thesis))\s+"
    r"(?:propose|present|introduce|develop|describe|stud(?:y|ies)|proposes|presents|introduces"
    r"|develops|describes)s?\s+(?P<object>.+)$",
    re.IGNORECASE,
)
_MAX_WORDS = 12


def title_from_abstract(abstract: str) -> str:
    """Return a short title-like phrase drawn from the abstract's key sentence."""
    sentences = split_sentences(abstract)
    if not sentences:
        return "Untitled abstract"
    phrase = sentences[0]
    for sentence in sentences[:4]:
        match = _CONTRIBUTION_RE.match(sentence)
        if match:
            phrase = match["object"]
            break
    return _shorten(phrase)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences: an end mark, a space, then a capital (any script), a digit
    or an opening quote."""
    sentences: list[str] = []
    for piece in _AFTER_END_RE.split(text.strip()):
        opener = piece[:1]
        if sentences and not (opener.isupper() or opener.isdigit() or opener in _SENTENCE_OPENERS):
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    return sentences


def _shorten(phrase: str) -> str:
    """Cut a phrase to a title's length, at a clause boundary when one is near."""
    phrase = phrase.strip().rstrip(".!?;:")
    words = phrase.split()
    if len(words) > _MAX_WORDS:
        clause = re.split(r",\s+|;\s+|:\s+|\s+-\s+", phrase)[0].split()
        words = clause if 5 <= len(clause) <= _MAX_WORDS else [*words[:_MAX_WORDS], "…"]
    title = " ".join(words)
    return title[:1].upper() + title[1:]
