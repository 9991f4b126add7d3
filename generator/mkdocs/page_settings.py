"""mkdocs.yml values that MkDocs and Material print into every page, made safe.

Material's templates write `site_author`, `site_description`, `copyright`, `repo_name`,
navigation titles, the palette's names and media queries, the fonts, every text under
`extra` (cookie consent, alternate languages, the analytics property inside a script)
and links (`repo_url`, `theme.favicon`, `theme.logo`, `extra.homepage`, `extra.social`,
`extra.alternate`, `extra_css`) into pages without escaping them (they are meant to hold
HTML). Settings are untrusted, so text settings become text (entities such as `&copy;`
still work; tags and quotes do not) and links must be web or mail addresses or paths of
the site: `javascript:` or a quote that ends the attribute is refused, naming the
setting. `papersite check` runs the same test as the build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.setting_values import unencoded_characters

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


def as_text(value: str) -> Markup:
    """`value` with tags and quotes escaped, character references kept, marked safe so
    that a template's `| e` does not escape it twice."""
    text = _BARE_AMPERSAND_RE.sub("&amp;", value)
    for raw, escaped in (("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;")):
        text = text.replace(raw, escaped)
    return Markup(text)


def link_problem(name: str, url: str) -> str:
    """Why `url` (the setting `name`) cannot be a link in every page, or ""."""
    shown = unencoded_characters(url)
    if shown:
        return f"{name} {url!r} holds characters a link cannot hold unencoded: {shown}"
    scheme = urlsplit(url).scheme.lower() if ":" in url.split("/", 1)[0] else ""
    if scheme and scheme not in LINK_SCHEMES:
        return f"{name} {url!r} must be an http(s) or mailto: address, or a path of the site"
    return ""


def settings_problem(config: Any, config_file: Path) -> str:
    """Why a link setting of `config_file` (loaded as `config`) is unsafe in pages, at
    its file and line (the first line that holds the value; INHERIT files are not
    searched), or ""."""
    for key in ("extra_css", "extra_javascript"):  # MkDocs reads each as a path, unchecked
        for number, entry in enumerate(config.get(key) or []):
            if not isinstance(getattr(entry, "path", entry), str):
                return f"{config_file}: {key}[{number}] must be a path, not {entry!r}"
    for name, url in _links(config):
        problem = link_problem(name, url)
        if problem:
            return f"{config_file}{_line_of(config_file, url)}: {problem}"
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
    """`value` with every string in it as text (`as_text`), but those under `not_text`
    keys."""
    if isinstance(value, str):
        return as_text(value)
    if isinstance(value, list):
        return [_texts(item, not_text) for item in value]
    if isinstance(value, dict):
        return {k: v if k in not_text else _texts(v, not_text) for k, v in value.items()}
    return value


def _links(config: Any) -> Iterator[tuple[str, str]]:
    """Every link setting, with its name as mkdocs.yml writes it."""
    for key in ("repo_url", "edit_uri"):
        if isinstance(config.get(key), str):
            yield key, config[key]
    theme = config.get("theme") or {}
    for key in ("favicon", "logo"):
        if isinstance(theme.get(key), str):
            yield f"theme.{key}", theme[key]
    extra = config.get("extra") or {}
    for key in ("homepage", "scope"):
        if isinstance(extra.get(key), str):
            yield f"extra.{key}", extra[key]
    polyfills = extra.get("polyfills") or []
    for number, entry in enumerate(polyfills if isinstance(polyfills, list) else []):
        if isinstance(entry, str):
            yield f"extra.polyfills[{number}]", entry
    for key in ("social", "alternate"):
        entries = extra.get(key) or []
        for number, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("link"), str):
                yield f"extra.{key}[{number}].link", entry["link"]
    for key in ("extra_css", "extra_javascript"):
        for number, entry in enumerate(config.get(key) or []):
            path = entry if isinstance(entry, str) else getattr(entry, "path", None)
            if isinstance(path, str):
                yield f"{key}[{number}]", path
    yield from _nav_links(config.get("nav") or [], "nav")


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
