"""Turning untrusted corpus text into safe Markdown, HTML and YAML fragments."""

from __future__ import annotations

import html
import re

import yaml
from markupsafe import Markup

# Every ASCII punctuation character: with pymdownx.escapeall, a backslash before any of
# them makes it literal, so no corpus text can become emphasis, a link, a table, a
# heading, code, math or raw HTML.
_MD_ACTIVE_RE = re.compile(r"([!-/:-@\[-`{-~])")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def md_escape(text: str) -> str:
    """Escape text for use anywhere in inline Markdown (pymdownx.escapeall enabled)."""
    return _MD_ACTIVE_RE.sub(r"\\\1", text)


def html_escape(text: str) -> Markup:
    """Escape text for an HTML element or attribute."""
    return Markup(html.escape(text, quote=True))


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of `text`, cut at a word boundary to at most `limit` characters."""
    sentence = _SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def front_matter(meta: dict[str, object]) -> Markup:
    """YAML front matter block; values are already HTML-escaped where themes insert them."""
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return Markup(f"---\n{body}---\n")
