"""Turning untrusted corpus text into safe Markdown, HTML and YAML fragments."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

import yaml
from markupsafe import Markup

from generator.folding import fold
from generator.links import html_link
from generator.model import PaperDate

# Every ASCII punctuation character: with pymdownx.escapeall, a backslash before any of
# them makes it literal, so no corpus text can become emphasis, a link, a table, a
# heading, code, math or raw HTML.
_MD_ACTIVE_RE = re.compile(r"([!-/:-@\[-`{-~])")
# Markdown is line-based: a line break inside a value would end a table row, a heading or
# a list item (and two spaces before it make a <br>), so values are kept on one line.
_LINE_BREAK_RE = re.compile(r"[ \t]*[\r\n]+[ \t]*")
# Characters YAML reads as line breaks; PyYAML writes them unescaped in plain and
# single-quoted scalars, where reading folds them into spaces.
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")
# What an A-Z list skips at a title's start: quotes, brackets, $ of TeX and the like.
_LEADING_SYMBOLS_RE = re.compile(r"^[\W_]+")
# A sentence ends at . ! ? before a capital, but not after "et al.", "e.g.", "Fig." ...
_SENTENCE_END_RE = re.compile(
    r"(?<!\bal\.)(?<!e\.g\.)(?<!i\.e\.)(?<!\bvs\.)(?<!\bFig\.)(?<!\bEq\.)(?<!\bcf\.)"
    r"(?<=[.!?])\s+(?=[A-Z(\"'])"
)


def html_href(from_doc: str, to_doc: str) -> Markup:
    """The link from one built page to another docs file, for raw HTML (which MkDocs does
    not rewrite): links.html_link, marked safe (it is made of slugs and path parts)."""
    return Markup(html_link(from_doc, to_doc))


def title_order(title: str) -> str:
    """A title as an A-Z list orders it: accents and case folded, opening quotes and
    symbols skipped ("Émile" beside "Emile", not after "Zeta"; "'Mad' networks" under M)."""
    return _LEADING_SYMBOLS_RE.sub("", fold(title))


def in_words(items: Sequence[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` (or another conjunction: `a, b or c`)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def md_escape(text: str) -> str:
    """Escape text for use anywhere in inline Markdown, kept on one line (escapeall enabled)."""
    return _MD_ACTIVE_RE.sub(r"\\\1", _LINE_BREAK_RE.sub(" ", text))


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


# libyaml's emitter when PyYAML was built with it (the wheels are): same output, faster.
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _FrontMatterDumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """A safe dumper that double-quotes (escapes) strings holding YAML line breaks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(ch in value for ch in _YAML_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontMatterDumper.add_representer(str, _represent_str)


def front_matter(meta: Mapping[str, object]) -> Markup:
    """YAML front matter block; values are already HTML-escaped where themes insert them."""
    body = yaml.dump(
        dict(meta),
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
    )
    return Markup(f"---\n{body}---\n")


def time_element(day: PaperDate) -> Markup:
    """A date as pages show it, "7 Jun 2024", machine-readable too (papersite.css keeps
    a <time> on one line)."""
    return Markup('<time datetime="{}">{}</time>').format(day.iso(), day.words())
