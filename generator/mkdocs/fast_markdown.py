"""Convert pages made of headings and raw HTML blocks without running Python-Markdown.

Python-Markdown takes about 5 ms for a paper page, most of a large build. The paper
template therefore writes its page as ATX headings (`## Related papers`, optionally with
bare attributes `{ data-pagefind-ignore }`) and raw HTML blocks, separated by blank
lines. For such a page Python-Markdown's result is known in advance: each heading gets
the toc extension's id and permalink, each HTML block passes through unchanged.
`convert` produces that result directly: the same HTML, table of contents, title and
anchors (tests compare both on every page of the bundled site). Any page outside the
format, or a mkdocs.yml with Markdown extensions or toc options this module does not
know, goes through Python-Markdown as usual: the fast path never changes what a page
looks like, only how long it takes.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.structure.pages import Page, _HTMLHandler
from mkdocs.structure.toc import TableOfContents, get_toc

# Extensions that leave headings of plain text and raw HTML blocks as described above.
KNOWN_EXTENSIONS = frozenset(
    {
        "attr_list",
        "md_in_html",
        "admonition",
        "tables",
        "toc",
        "fenced_code",  # MkDocs adds it; a fence at a line start sends a page to Markdown
        "pymdownx.details",
        "pymdownx.escapeall",
    }
)
_TOC_OPTIONS = frozenset({"permalink", "permalink_title", "permalink_class"})
# Block-level tags that open a raw HTML block Python-Markdown passes through untouched.
_BLOCK_TAGS = frozenset(
    {"div", "p", "ul", "ol", "dl", "figure", "details", "table", "section", "nav", "aside", "h1"}
)
_HEADING_RE = re.compile(r"(#{1,6}) (\S(?:.*\S)?)")
# Bare data-* keys only: Python-Markdown sorts a heading's attributes with its id, so
# these come first, as written here.
_ATTRS_RE = re.compile(r"(.*?\S) \{ ?((?:data-[\w-]+ ?)+)\}")
# Heading text: characters Markdown reads literally, or a backslash-escaped ASCII
# punctuation character (pymdownx.escapeall, as generator.render.text.md_escape writes).
# Not `\<` before a letter: Python-Markdown's raw HTML scan reads `\<a` as a tag.
_PLAIN_TEXT_RE = re.compile(
    r"(?:[^\\`*_\[\]<>&!{}#|~^=$\x00-\x1f]|\\[!-;=-@\[-`{-~]|\\<(?![A-Za-z]))+"
)
_ESCAPE_RE = re.compile(r"\\(.)")
_OPEN_TAG_RE = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
# Constructs Python-Markdown treats specially inside raw HTML: never on the fast path.
_SPECIAL_HTML = ("<!--", "<?", "<!", "<![CDATA[", "<script", "<style", "<pre")
_MARKDOWN_ATTR_RE = re.compile(r"<[^>]*\smarkdown\b")  # md_in_html: Markdown inside
# Outside the format anywhere in a page: tabs, carriage returns, Python-Markdown's
# placeholder markers, lines of spaces only, code fences at a line start.
_UNSAFE_CHARS = ("\t", "\r", "\x02", "\x03")
_SPACES_LINE_RE = re.compile(r"\n[ ]+(?:\n|\Z)")
_FENCES = ("```", "~~~")


@dataclass(frozen=True)
class Converted:
    """What MkDocs' Page.render leaves on a page."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]


@dataclass(frozen=True)
class HeadingStyle:
    """How the toc extension decorates headings (from mkdocs.yml)."""

    permalink: str | None  # the permalink's text, or None for no permalink
    permalink_title: str
    permalink_class: str


def heading_style(extensions: Sequence[str], configs: Mapping[str, Any]) -> HeadingStyle | None:
    """The toc style for the fast path, or None when mkdocs.yml needs Python-Markdown."""
    if not set(extensions) <= KNOWN_EXTENSIONS or "toc" not in extensions:
        return None
    toc = dict(configs.get("toc") or {})
    if not set(toc) <= _TOC_OPTIONS:
        return None
    permalink = toc.get("permalink", False)
    if permalink is True:
        text: str | None = "&para;"
    elif isinstance(permalink, str) and permalink:
        text = permalink
    else:
        text = None
    return HeadingStyle(
        text,
        str(toc.get("permalink_title", "Permanent link")),
        str(toc.get("permalink_class", "headerlink")),
    )


def convert(markdown: str, style: HeadingStyle) -> Converted | None:
    """Python-Markdown's result for a page of headings and HTML blocks; None for any other."""
    if _outside_format(markdown):
        return None
    pieces: list[str] = []
    tokens: list[dict[str, Any]] = []
    used_ids: set[str] = set()
    title: str | None = None
    raw_blocks: list[str] = []
    for block in markdown.strip("\n").split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        if block.startswith("#"):
            heading = _heading(block, style, used_ids)
            if heading is None:
                return None
            html_text, token = heading
            if not pieces and token["level"] == 1:
                title = " ".join(token["html"].split())
            tokens.append(token)
            pieces.append(html_text + "\n")
        elif _is_raw_html(block):
            raw_blocks.append(block)
            pieces.append(block + "\n\n")
        else:
            return None
    anchors = used_ids | _raw_anchor_ids(raw_blocks)
    return Converted("".join(pieces).rstrip("\n"), get_toc(nest_toc_tokens(tokens)), title, anchors)


def _outside_format(markdown: str) -> bool:
    """Whether the page holds text that sends it to Python-Markdown wherever it is (plain
    substring tests first: one regex over every page cost a tenth of a page's build)."""
    if any(char in markdown for char in _UNSAFE_CHARS):
        return True
    if "\n " in markdown and _SPACES_LINE_RE.search(markdown):
        return True
    return markdown.startswith(_FENCES) or any(f"\n{fence}" in markdown for fence in _FENCES)


def _heading(
    line: str, style: HeadingStyle, used_ids: set[str]
) -> tuple[str, dict[str, Any]] | None:
    """The HTML and toc token of one heading line, or None outside the fast format."""
    match = _HEADING_RE.fullmatch(line)
    if match is None:
        return None
    marks, text = match.groups()
    attributes = ""
    with_attrs = _ATTRS_RE.fullmatch(text)
    if with_attrs is not None:
        text, keys = with_attrs.groups()
        attributes = "".join(f" {key}" for key in sorted(set(keys.split())))
    if text.endswith("#") or not _PLAIN_TEXT_RE.fullmatch(text):
        return None
    inner = html.escape(_ESCAPE_RE.sub(r"\1", text), quote=False)
    name = " ".join(inner.split())  # the toc extension collapses whitespace
    anchor = unique(slugify(html.unescape(name), "-"), used_ids)
    level = len(marks)
    permalink = ""
    if style.permalink is not None:
        permalink = (
            f'<a class="{style.permalink_class}" href="#{anchor}" '
            f'title="{style.permalink_title}">{style.permalink}</a>'
        )
    tag = f"h{level}"
    token = {"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""}
    return f'<{tag}{attributes} id="{anchor}">{inner}{permalink}</{tag}>', token


def _is_raw_html(block: str) -> bool:
    """Whether Python-Markdown passes `block` through unchanged as one raw HTML block."""
    match = _OPEN_TAG_RE.match(block)
    if match is None or match.group(1) not in _BLOCK_TAGS:
        return False
    if any(special in block for special in _SPECIAL_HTML):
        return False
    if "markdown" in block and _MARKDOWN_ATTR_RE.search(block):
        return False
    tag = match.group(1)
    if not block.endswith(f"</{tag}>"):
        return False
    depth = 0
    for tag_match in re.finditer(rf"<(/?){tag}[\s>]", block):
        depth += -1 if tag_match.group(1) else 1
        if depth == 0 and tag_match.end() != len(block):
            return False  # the first element closes before the block ends
    return depth == 0


def _raw_anchor_ids(blocks: list[str]) -> set[str]:
    """Ids (and `<a name>`s) in raw HTML, which MkDocs counts as link targets."""
    found = [block for block in blocks if "id=" in block or "name=" in block]
    if not found:
        return set()
    parser = _HTMLHandler()
    parser.feed("\n".join(found))
    parser.close()
    return set(parser.present_anchor_ids)


class HtmlBlocksPage(Page):
    """A page that skips Python-Markdown when its source is headings and HTML blocks."""

    def render(self, config: Any, files: Any) -> None:
        style = heading_style(config["markdown_extensions"], config["mdx_configs"] or {})
        converted = None
        if style is not None and self.markdown is not None:
            converted = convert(self.markdown, style)
        if converted is None:
            super().render(config, files)
            return
        self.content = converted.content
        self.toc = converted.toc
        self._title_from_render = converted.title
        self.present_anchor_ids = converted.anchors
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}


def use_fast_render(page: Any) -> None:
    """Give a page of MkDocs' own class the fast render (other page classes are left)."""
    if type(page) is Page:
        page.__class__ = HtmlBlocksPage
