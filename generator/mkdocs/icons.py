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
    settings (`config.theme` of MkDocs), in a stable order. A setting of the wrong shape
    (mkdocs.yml is untrusted) raises IconError naming it."""
    icons = theme.get("icon") or {}
    if not isinstance(icons, dict):
        raise IconError(f"theme icon: {icons!r} is no list of icons (like menu: material/menu)")
    names = [icons.get("menu") or DEFAULT_MENU, SEARCH_ICON, icons.get("top") or DEFAULT_TOP]
    if not theme.get("logo"):
        names.append(icons.get("logo") or DEFAULT_LOGO)
    palette = theme.get("palette")
    options = [palette] if isinstance(palette, dict) else palette or []
    if not isinstance(options, list):
        raise IconError(f"theme palette: {palette!r} is no palette or list of palettes")
    for option in options:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if toggle is not None and not isinstance(toggle, dict):
            raise IconError(f"theme palette toggle: {toggle!r} is no icon and name")
        if toggle and toggle.get("icon"):
            names.append(toggle["icon"])
    for name in names:
        if not isinstance(name, str):
            raise IconError(f"the icon {name!r} is not an icon name (like material/menu)")
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
    """The SVG of icon `name`, quoted for a CSS url(): from the first theme folder that
    has it. A name is a path inside the folders' .icons, never out of them ("..")."""
    if not _NAME_RE.match(name) or ".." in name.split("/"):
        raise IconError(f"the icon {name!r} is not an icon name (like material/menu)")
    for folder in theme_dirs:
        icons = (Path(folder) / ICON_FOLDER).resolve()
        path = Path(folder) / ICON_FOLDER / f"{name}.svg"
        if not path.is_file():
            continue
        if not path.resolve().is_relative_to(icons):
            raise IconError(f"the icon {name!r} leads out of the theme's {ICON_FOLDER} folder")
        try:
            text = " ".join(path.read_text(encoding="utf-8").split())
        except (OSError, UnicodeDecodeError) as error:
            why = error.reason if isinstance(error, UnicodeDecodeError) else error.strerror
            raise IconError(f"the icon {name!r}: {path} cannot be read as UTF-8 ({why})") from None
        # Inside url("…"): the SVG's own quotes become single quotes; % and # escaped.
        return quote(text.replace('"', "'"), safe=" /:;=,.'-+()<>!*?&@~_[]{}")
    raise IconError(f"the icon {name!r} is not in the theme (no {ICON_FOLDER}/{name}.svg)")


def icons_problem(theme: Any, theme_dirs: list[str], more: list[Any]) -> str:
    """Why the theme's icons, or the `more` icons other settings name (extra.social),
    cannot be drawn (IconError's message), or "": what the build would refuse, for
    `papersite check`."""
    try:
        icon_rules(theme_icons(theme), theme_dirs)
        for name in more:
            if not isinstance(name, str):
                raise IconError(f"the icon {name!r} is not an icon name (like material/menu)")
            _read_icon(name, theme_dirs)
    except IconError as error:
        return str(error)
    return ""
