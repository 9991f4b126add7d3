"""Material's stylesheet without the rules no page of the site can use.

Material ships one stylesheet for every feature it has (blog posts, content tabs, code
annotations, tooltips, version selectors, ...): 134 KB that every visitor downloads
before the first page shows. A papersite site uses under half of it. After the build,
the rules whose selectors name a class that appears nowhere in the site are dropped:
not in any page's `class` attributes (any case), inline scripts or event handlers, not
in any script of the site (Material's bundle adds classes from its code). Where a
script builds a class name from a prefix (`md-source__fact--${kind}`), every class with
that prefix is kept.

The test is on classes only, and only where a class must be on the element: a class
inside `:not(...)`, `:has(...)` or any other parentheses, or a selector with escapes,
keeps its rule. Element, attribute and id selectors are never judged. The trimmed file
is written from Material's original each build, so a page that starts using a class
brings its rules back.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import material

from generator.workers import map_chunked
from generator.write import write_text_atomic

MATERIAL_THEME = Path(material.__file__).resolve().parent / "templates"
STYLESHEETS = "assets/stylesheets/"
FILES_PER_WORKER = 5_000  # fewer pages are read faster by one process than by two
# class="a b", class='a b' or class=a, in a page; in any case (CLASS="a", as a page's
# raw HTML may have it). A value holds no < or > (Markdown and Jinja escape them), so a
# `class="` in a page's text cannot run on into the next tag and hide its class.
CLASS_ATTRIBUTE = re.compile(
    rb"""\bclass\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>]+))""", re.IGNORECASE
)
# onclick="..." and the other event handlers of a page's raw HTML: scripts too. (A
# pattern that starts with a literal is scanned for fast; the caller checks that a space
# comes before it, as `data-md-component=` is no handler.)
HANDLER_ATTRIBUTE = re.compile(rb"""on[A-Za-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
INLINE_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Structured data for search engines (each paper page's own): no script reads it.
LINKED_DATA = b"ld+json"
NAME = re.compile(r"[A-Za-z_][\w-]*")
# A class prefix a script continues with a value: `md-tag--${...}`, "md-tag--"+value
# or "md-tag--".concat(value).
NAME_PREFIX = re.compile(r"""([A-Za-z_][\w-]*[-_])(?:\$\{|["'`]\s*\+|["'`]\.concat\()""")
SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
# At-rules whose block holds style rules (judged one by one); any other is kept whole.
GROUPING_RULES = ("@media", "@supports", "@container", "@layer", "@document")


@dataclass(frozen=True)
class UsedNames:
    """The class names the site can put on an element."""

    names: frozenset[str]
    prefixes: tuple[str, ...]

    def has(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)


def material_stylesheets(files: Any) -> list[tuple[Path, str]]:
    """Material's own stylesheets among the build's files (not a project's copy in its
    overrides): each one's source and its path in the site."""
    found = []
    for file in files:
        source = file.abs_src_path
        if not source or not file.src_uri.startswith(STYLESHEETS):
            continue
        if file.src_uri.endswith(".css") and Path(source).resolve().is_relative_to(MATERIAL_THEME):
            found.append((Path(source), file.dest_uri))
    return sorted(found, key=lambda pair: pair[1])


def trim_site_stylesheets(
    site_dir: Path,
    stylesheets: list[tuple[Path, str]],
    leave_out: tuple[str, ...] = (),
    workers: int = 1,
) -> tuple[int, int]:
    """Write each of Material's stylesheets into `site_dir` trimmed to the classes the
    site uses, from Material's original (never from last build's trimmed copy); the
    bytes before and after, summed. Folders named in `leave_out` are not read."""
    used = used_names(site_dir, leave_out, workers)
    before = after = 0
    for source, dest in stylesheets:
        target = site_dir / dest
        if not target.is_file():
            continue
        css = source.read_text(encoding="utf-8")
        trimmed = trim_stylesheet(css, used)
        before += len(css.encode("utf-8"))
        after += len(trimmed.encode("utf-8"))
        write_text_atomic(target, trimmed)
    return before, after


def used_names(site_dir: Path, leave_out: tuple[str, ...] = (), workers: int = 1) -> UsedNames:
    """Every class name in the pages of `site_dir` and every name in its scripts, but
    for those in hidden folders and in the top-level folders named in `leave_out` (a
    search engine's own scripts, which put no class of Material's on a page); read by
    up to `workers` processes.

    Pages repeat their theme's class attributes and inline scripts: each distinct one is
    read once per process. At 50,000 papers, one process: 18.5 s when every page's were
    read anew, 12 s so; JSON-LD blocks (each paper's own) are data no script reads."""
    files = list(_files(site_dir, (".html", ".htm", ".js", ".mjs"), leave_out))
    found = map_chunked(lambda chunk: [_read(chunk)], files, FILES_PER_WORKER, workers)
    names = frozenset().union(*(used.names for used in found))
    prefixes = set().union(*(used.prefixes for used in found))
    return UsedNames(names, tuple(sorted(prefixes)))


def _read(files: Sequence[Path]) -> _Used:
    used = _Used()
    for path in files:
        data = path.read_bytes()
        if path.suffix in (".js", ".mjs"):
            used.script(data)
            continue
        for quoted, single, bare in CLASS_ATTRIBUTE.findall(data):
            used.classes(quoted or single or bare)
        for handler in HANDLER_ATTRIBUTE.finditer(data):
            if data[handler.start() - 1 : handler.start()].isspace():
                used.script(handler[1] or handler[2] or b"", attribute=True)
        for attributes, script in INLINE_SCRIPT.findall(data):
            if LINKED_DATA not in attributes.lower():
                used.script(script)
    used.seen.clear()  # what goes back to the parent: the names
    return used


@dataclass
class _Used:
    """The names found so far, and the texts already read (each is read once)."""

    names: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    seen: set[tuple[str, bytes]] = field(default_factory=set)

    def classes(self, value: bytes) -> None:
        if ("class", value) not in self.seen:
            self.seen.add(("class", value))
            self.names.update(_attribute(value).split())

    def script(self, script: bytes, attribute: bool = False) -> None:
        """A script's names; an event handler's (`attribute`) has its entities decoded."""
        key = ("handler" if attribute else "script", script)
        if key not in self.seen:
            self.seen.add(key)
            text = _attribute(script) if attribute else script.decode("utf-8", "replace")
            self.names.update(NAME.findall(text))
            self.prefixes.update(NAME_PREFIX.findall(text))


def _attribute(value: bytes) -> str:
    """An attribute's value as the browser reads it (`&amp;`, `&#32;` decoded)."""
    text = value.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def _files(root: Path, suffixes: tuple[str, ...], leave_out: tuple[str, ...]) -> Iterator[Path]:
    """The files under `root` with these suffixes, outside hidden folders and the
    top-level folders in `leave_out`, in a stable order."""
    for folder, dirs, files in os.walk(root):
        top = Path(folder) == root
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (top and d in leave_out))
        for name in sorted(files):
            if name.endswith(suffixes):
                yield Path(folder, name)


def trim_stylesheet(css: str, used: UsedNames) -> str:
    """`css` without the style rules (and selectors of a rule) no element can match."""
    kept = []
    for rule in _rules(css):
        head, body = _split_block(rule)
        if rule.startswith("@"):
            if body is not None and head.startswith(GROUPING_RULES):
                inner = trim_stylesheet(body[:-1], used)
                if inner:
                    kept.append(head + "{" + inner + "}")
            else:
                kept.append(rule)
            continue
        if body is None:
            kept.append(rule)
            continue
        alive = [part for part in _top_level_split(head) if _may_match(part, used)]
        if alive:
            kept.append(",".join(alive) + "{" + body)
    return "".join(kept)


def _may_match(selector: str, used: UsedNames) -> bool:
    """False only when the selector needs a class the site never uses."""
    if "\\" in selector:
        return True
    required = _outside_brackets(selector)
    return all(used.has(name) for name in SELECTOR_CLASS.findall(required))


def _outside_brackets(selector: str) -> str:
    """The selector without its [attribute] tests and (...) arguments."""
    return "".join(char for _, char in _top_level(selector))


def _top_level_split(selectors: str) -> list[str]:
    """A selector list split at its commas outside brackets and strings."""
    cuts = [at for at, char in _top_level(selectors) if char == ","]
    bounds = zip([-1, *cuts], [*cuts, len(selectors)], strict=True)
    return [selectors[start + 1 : end] for start, end in bounds]


def _top_level(selector: str) -> Iterator[tuple[int, str]]:
    """The characters of a selector outside brackets and strings, with their index."""
    depth = 0
    quote = ""
    for at, char in enumerate(selector):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            yield at, char


def _rules(css: str) -> Iterable[str]:
    """The top-level statements of `css`: `selector{...}`, `@media ...{...}`,
    `@charset ...;`. Comments are dropped; strings may hold braces."""
    depth = 0
    start = 0
    at = 0
    out = []
    length = len(css)
    while at < length:
        char = css[at]
        if char == "/" and css.startswith("/*", at):
            end = css.find("*/", at + 2)
            end = length if end < 0 else end + 2
            if depth == 0 and not css[start:at].strip():
                start = end
            at = end
            continue
        if char in "\"'":
            at = _string_end(css, at)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                out.append(css[start : at + 1].strip())
                start = at + 1
        elif char == ";" and depth == 0:
            out.append(css[start : at + 1].strip())
            start = at + 1
        at += 1
    if css[start:].strip():
        out.append(css[start:].strip())
    return out


def _split_block(rule: str) -> tuple[str, str | None]:
    """A statement's head and the text after its first `{` outside strings (None for
    a statement without a block)."""
    at = 0
    while at < len(rule):
        if rule[at] in "\"'":
            at = _string_end(rule, at)
        elif rule[at] == "{":
            return rule[:at], rule[at + 1 :]
        else:
            at += 1
    return rule, None


def _string_end(css: str, at: int) -> int:
    """The index just after the string that starts at `at`."""
    quote = css[at]
    at += 1
    while at < len(css):
        if css[at] == "\\":
            at += 2
            continue
        if css[at] == quote:
            return at + 1
        at += 1
    return at
