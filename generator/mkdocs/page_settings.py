"""mkdocs.yml values that MkDocs and Material print into every page, made safe.

Material's templates write `site_author`, `site_description`, `copyright`, `repo_name`,
navigation titles, the palette's names and media queries, the fonts, every text under
`extra` (cookie consent, alternate languages, the analytics property inside a script)
and links (`repo_url`, `edit_uri`, `edit_uri_template`, `theme.favicon`, `theme.logo`,
`extra.homepage`, `extra.social`, `extra.alternate`, `extra_css`) into pages without
escaping them (they are meant to hold HTML). Settings are untrusted, so text settings
become text (entities such as `&copy;` still work; tags, quotes and a mapping's keys do
not) and links must be web or mail addresses or paths of the site, as written and as a
browser decodes them: `javascript:` (or `javascript&#58;`) or a quote that ends the
attribute is refused, naming the setting. `papersite check` runs the same test as the
build.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import UserString
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.setting_values import NOT_TEXT_RE, unencoded_characters

TEXT_SETTINGS = ("site_author", "site_description", "copyright", "repo_name")
# Theme settings Material prints as text; under `extra`, every text is, but under the
# keys below: links (checked as links, not escaped), icon and provider names (checked by
# theme_checks.theme_settings_problem), values Material writes as JSON (`tojson` makes
# them safe; entities would stay in them), and papersite's own.
THEME_TEXT = ("palette", "font", "direction")
EXTRA_NOT_TEXT = frozenset(
    {"homepage", "link", "scope", "polyfills"}
    | {"icon", "provider"}
    | {"annotate", "tags", "version"}
    | {"generator", "papersite_feed"}
)
LINK_SCHEMES = ("http", "https", "mailto")
# An "&" that starts no character reference ("&copy;", "&#169;", "&#xA9;").
_BARE_AMPERSAND_RE = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
_REFERENCE_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
# Values YAML gives that print as themselves (str() of bytes, a set or a tuple prints
# the raw text inside it: `!!binary` of "<img onerror=...>" ran a script).
_PLAIN = (bool, int, float, type(None))


def as_text(value: str) -> Markup:
    """`value` with tags and quotes escaped, character references kept (but those of a
    control character: `&#x202E;` reversed the footer as the raw character would),
    marked safe so that a template's `| e` does not escape it twice."""
    text = _BARE_AMPERSAND_RE.sub("&amp;", value)
    text = _REFERENCE_RE.sub(
        lambda ref: (
            "&amp;" + ref.group()[1:]
            if NOT_TEXT_RE.search(html.unescape(ref.group()))
            else ref.group()
        ),
        text,
    )
    for raw, escaped in (("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;")):
        text = text.replace(raw, escaped)
    return Markup(text)


def link_problem(name: str, url: object, as_written: object = None) -> str:
    """Why `url` (the setting `name`, `as_written` if it was filled in) cannot be a link
    in every page, or "". The link is judged as written and as the browser reads it,
    character references decoded (`javascript&#58;alert(1)` is a script)."""
    if not isinstance(url, str):
        return f"{name} must be an address, not {url!r}"
    written = as_written if as_written is not None else url
    for read in dict.fromkeys((url, _as_browsers_read(url))):
        shown = unencoded_characters(read)
        if shown:
            return f"{name} {written!r} holds characters a link cannot hold unencoded: {shown}"
        scheme = urlsplit(read).scheme.lower() if ":" in read.split("/", 1)[0] else ""
        if scheme and scheme not in LINK_SCHEMES:
            return (
                f"{name} {written!r} must be an http(s) or mailto: address, or a path of the site"
            )
    return ""


# A character reference as a browser decodes it in an attribute: numeric ones with or
# without ";", named ones with it, or without it unless "=" follows (`?a=1&lt=2` holds
# no "<" there).
_ATTRIBUTE_REFERENCE_RE = re.compile(
    r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;|[A-Za-z][A-Za-z0-9]*(?![=;]))"
)


def _as_browsers_read(url: str) -> str:
    """`url` with its character references decoded, as in an href."""
    return _ATTRIBUTE_REFERENCE_RE.sub(lambda ref: html.unescape(ref.group()), url)


def settings_problem(config: Any, config_file: Path) -> str:
    """Why a link setting of `config_file` (loaded as `config`) is unsafe in pages, at
    its file and line (the first line that holds the value; INHERIT files are not
    searched), or ""."""
    for key in ("extra_css", "extra_javascript"):  # MkDocs reads each as a path, unchecked
        for number, entry in enumerate(config.get(key) or []):
            if not isinstance(getattr(entry, "path", entry), str):
                return f"{config_file}: {key}[{number}] must be a path, not {entry!r}"
    for name, url in _links(config):
        filled = url
        if name == "edit_uri_template" and isinstance(url, str):  # as MkDocs fills it in
            filled = _PLACEHOLDER_RE.sub("x", url)
        problem = link_problem(name, filled, url)
        if problem:
            return f"{config_file}{_line_of(config_file, str(url))}: {problem}"
    templates = config.get("extra_templates") or []
    pages = [(f"extra_templates[{n}]", t) for n, t in enumerate(templates) if isinstance(t, str)]
    for name, target in [*_nav_links(config.get("nav") or [], "nav"), *pages]:
        if _leaves_docs(target):  # MkDocs refuses it at build time (strict): said now
            where = _line_of(config_file, target)
            return f"{config_file}{where}: {name} {target!r} leads out of the docs folder"
    return ""


def _leaves_docs(target: str) -> bool:
    """Whether a navigation page's or extra template's path (not an address) climbs out
    of docs/."""
    if ":" in target.split("/", 1)[0] or target.startswith("/"):
        return False  # an address, or a path of the site
    climbed = posixpath.normpath(target)
    return climbed == ".." or climbed.startswith("../")


def _line_of(config_file: Path, value: str) -> str:
    """ ":N" for the first line of the file that holds `value`, or "" if none does."""
    try:
        lines = config_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return next((f":{n}" for n, line in enumerate(lines, 1) if value in line), "")


def make_safe(config: Any) -> None:
    """Escape the text settings, navigation titles, theme texts and texts under `extra`
    of `config` in place."""
    for key in TEXT_SETTINGS:
        if isinstance(config.get(key), str):
            config[key] = as_text(config[key])
    if config.get("nav"):
        config["nav"] = _safe_nav(config["nav"])
    theme = config.get("theme")
    for key in THEME_TEXT if theme is not None else ():
        if key in theme:
            theme[key] = _texts(theme[key], frozenset())
    extra = config.get("extra")
    if extra:
        for key in list(extra):
            if key not in EXTRA_NOT_TEXT:
                extra[key] = _texts(extra[key], EXTRA_NOT_TEXT)


def _texts(value: Any, not_text: frozenset[str]) -> Any:
    """`value` with every string in it as text (`as_text`), keys too, but the values
    under `not_text` keys; a value that is no string, number, list or mapping (bytes, a
    set, a date) is its printed form as text."""
    if isinstance(value, str):
        return as_text(value)
    if isinstance(value, list):
        return [_texts(item, not_text) for item in value]
    if isinstance(value, dict):
        return {
            _texts(k, not_text): v if k in not_text else _texts(v, not_text)
            for k, v in value.items()
        }
    if isinstance(value, _PLAIN):
        return value
    return as_text(str(value))


def _links(config: Any) -> Iterator[tuple[str, Any]]:
    """Every link setting, with its name as mkdocs.yml writes it."""
    for key in ("repo_url", "edit_uri"):
        if isinstance(config.get(key), str):
            yield key, config[key]
    template = config.get("edit_uri_template")  # loaded, MkDocs' Template (a UserString)
    if template is not None:
        yield "edit_uri_template", str(template) if isinstance(template, UserString) else template
    theme = config.get("theme") or {}
    for key in ("favicon", "logo"):
        if isinstance(theme.get(key), str):
            yield f"theme.{key}", theme[key]
    # Material prints these as they are: each must be an address (a mapping printed its
    # keys raw)
    extra = config.get("extra") or {}
    for key in ("homepage", "scope"):
        if extra.get(key) is not None:
            yield f"extra.{key}", extra[key]
    polyfills = extra.get("polyfills") or []
    for number, entry in enumerate(polyfills if isinstance(polyfills, list) else []):
        yield f"extra.polyfills[{number}]", entry
    for key in ("social", "alternate"):
        entries = extra.get(key) or []
        for number, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and entry.get("link") is not None:
                yield f"extra.{key}[{number}].link", entry["link"]
    for key in ("extra_css", "extra_javascript"):
        for number, entry in enumerate(config.get(key) or []):
            path = entry if isinstance(entry, str) else getattr(entry, "path", None)
            if isinstance(path, str):
                yield f"{key}[{number}]", path
    yield from _nav_links(config.get("nav") or [], "nav")


# edit_uri_template's places for a page's path: "{path}", "{path_noext}", "{path!q}"
_PLACEHOLDER_RE = re.compile(r"\{path(?:_noext)?(?:![a-z])?\}")


def _nav_links(items: Any, where: str) -> Iterator[tuple[str, str]]:
    """The targets of navigation entries (pages or links), named by their titles."""
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    yield f"{where} entry {title!r}", target
                else:
                    yield from _nav_links(target, f"{where} {title!r}")
        elif isinstance(item, str):
            yield f"{where} entry", item


def _safe_nav(items: Any) -> Any:
    """The navigation with its titles as text."""
    if isinstance(items, list):
        return [_safe_nav(item) for item in items]
    if isinstance(items, dict):
        return {
            (as_text(title) if isinstance(title, str) else title): _safe_nav(target)
            for title, target in items.items()
        }
    return items
