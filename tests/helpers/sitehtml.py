"""A tiny HTML tree (stdlib parser only) and the queries the built-site tests need."""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
NOT_TEXT = frozenset({"script", "style", "template"})


@dataclass
class Node:
    """An element: tag, attributes (entities decoded), children (nodes and strings)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    raw_attrs: list[tuple[str, str | None]] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        """The text a reader sees inside this element (scripts and styles left out)."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in NOT_TEXT:
                parts.append(child.text())
        return "".join(parts)

    def written_text(self) -> str:
        """The text as the corpus wrote it: `text`, with each math fragment as its
        tooltip holds it where it reads otherwise ("ell_1" where "ℓ₁" is shown)."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif "ps-math" in child.classes() and "title" in child.attrs:
                parts.append(child.attrs["title"])
            elif child.tag not in NOT_TEXT:
                parts.append(child.written_text())
        return "".join(parts)

    def classes(self) -> set[str]:
        """The element's classes."""
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        """Elements below (and including) this one with a tag and/or a class."""
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        """The first element with a tag and/or a class; AssertionError when there is none."""
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls!r}> in <{self.tag}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, raw_attrs=attrs)
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, raw_attrs=attrs)
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """Parse an HTML document into a Node tree."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def parse_file(path: Path) -> Node:
    """Parse an HTML file."""
    return parse(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=2)
def site_trees(site: Path) -> dict[Path, Node]:
    """Every HTML file of a built site, parsed once for the tests that read them all
    (read only: the trees are shared)."""
    return {page: parse_file(page) for page in html_pages(site)}


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site."""
    return sorted(site.rglob("*.html"))


def page_url(site: Path, page: Path) -> str:
    """Site-relative URL path of an HTML file (`papers/x/` for papers/x/index.html)."""
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def resolve(site: Path, page: Path, url: str, root: str = "/") -> tuple[Path, str] | None:
    """The file an internal URL of `page` points to, and its fragment; None if external.
    `root` is the site's path on its server (`/papers/` for https://x.org/papers/)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith(root):  # absolute, as MkDocs writes the 404 page's links
        path = "/" + path[len(root) :]
    elif path.startswith("/"):  # outside the site's path on its server: broken there
        return site.parent / path.lstrip("/"), unquote(parts.fragment)
    base = "/" if path.startswith("/") else "/" + page_url(site, page)
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    joined = posixpath.normpath(posixpath.join(base_dir, path))
    target = site / joined.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def ids(tree: Node) -> set[str]:
    """Every id (and anchor name) in a document."""
    found = set()
    for node in tree.iter():
        for attr in ("id", "name"):
            if attr in node.attrs and (attr == "id" or node.tag == "a"):
                found.add(node.attrs[attr])
    return found


def palette_switch(site: Path) -> str:
    """The colour-palette switch as the site's palette script writes it into each page's
    header (the HTML, from the script's one string)."""
    script = (site / "assets" / "javascripts" / "palette.js").read_text(encoding="utf-8")
    start = (
        'document.querySelector("[data-md-component=palette]")||'
        'document.currentScript.insertAdjacentHTML("beforebegin",'
    )
    assert script.startswith(start), script[:200]
    switch, _ = json.JSONDecoder().raw_decode(script, len(start))
    assert isinstance(switch, str)
    return switch
