"""The theme's icons as rules of the shared stylesheet, not SVG in every page.

Material writes each icon of its header (logo, menu, the palette toggles), of the
navigation drawer's title (the logo again) and of the back-to-top button into every
page as inline SVG: 2.2 KB of each paper page, the same on every page. papersite's theme
writes an empty `<span class="ps-icon ps-icon--material-menu">` instead
(partials/papersite-icon.html), and papersite.css paints it with the icon's SVG as a CSS
mask in the text's colour, as Material's own stylesheet draws its smaller icons. The
rules, one per icon, are made here from the icons mkdocs.yml configures (with Material's
defaults) and added to papersite.css as the site serves it: one file, cached once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

ICON_FOLDER = ".icons"
SEARCH_ICON = "material/magnify"  # partials/search-button.html
# Material's defaults, as its partials name them (header.html, logo.html, top.html).
DEFAULT_MENU = "material/menu"
DEFAULT_LOGO = "material/library"
DEFAULT_TOP = "material/arrow-up"
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*$")


class IconError(ValueError):
    """An icon mkdocs.yml names is not in any theme folder."""


def theme_icons(theme: Any) -> list[str]:
    """The icons papersite's partials draw with papersite-icon.html for this theme's
    settings (`config.theme` of MkDocs), in a stable order."""
    icons = dict(theme.get("icon") or {})
    names = [icons.get("menu") or DEFAULT_MENU, SEARCH_ICON, icons.get("top") or DEFAULT_TOP]
    if not theme.get("logo"):
        names.append(icons.get("logo") or DEFAULT_LOGO)
    palette = theme.get("palette")
    if palette and not isinstance(palette, dict):
        for option in palette:
            toggle = option.get("toggle") if isinstance(option, dict) else None
            if toggle and toggle.get("icon"):
                names.append(toggle["icon"])
    return list(dict.fromkeys(names))


ICON_CLASS_FILTER = "papersite_icon_class"


def css_class(name: str) -> str:
    """The class of the icon `name`: the theme's filter `papersite_icon_class`, which
    partials/papersite-icon.html uses, and the selector of its rule here."""
    return "ps-icon--" + name.replace("/", "-")


def icon_rules(names: list[str], theme_dirs: list[str]) -> str:
    """A CSS rule per icon: its class sets --ps-icon to the icon's SVG (from the first
    theme folder that has it, so a project's overrides/.icons come first)."""
    rules = []
    for name in names:
        svg = _read_icon(name, theme_dirs)
        rules.append(
            f'.{css_class(name)}{{--ps-icon:url("data:image/svg+xml;charset=utf-8,{svg}")}}'
        )
    return "".join(rules)


def _read_icon(name: str, theme_dirs: list[str]) -> str:
    if not _NAME_RE.match(name):
        raise IconError(f"the icon {name!r} is not an icon name (like material/menu)")
    for folder in theme_dirs:
        path = Path(folder) / ICON_FOLDER / f"{name}.svg"
        if path.is_file():
            text = " ".join(path.read_text(encoding="utf-8").split())
            # Inside url("…"): the SVG's own quotes become single quotes; % and # escaped.
            return quote(text.replace('"', "'"), safe=" /:;=,.'-+()<>!*?&@~_[]{}")
    raise IconError(f"the icon {name!r} is not in the theme (no {ICON_FOLDER}/{name}.svg)")
