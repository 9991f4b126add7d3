"""The theme's icons as stylesheet rules (generator/mkdocs/icons.py)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from generator.mkdocs.icons import IconError, css_class, icon_rules, theme_icons

MATERIAL_TEMPLATES = str(Path(material.__file__).resolve().parent / "templates")
PALETTE = [
    {"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Dark"}},
    {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Light"}},
]


def test_material_defaults_and_the_palettes_toggles() -> None:
    assert theme_icons({"palette": PALETTE}) == [
        "material/menu",
        "material/magnify",
        "material/arrow-up",
        "material/library",
        "material/weather-night",
        "material/weather-sunny",
    ]


def test_configured_icons_replace_the_defaults_and_a_logo_image_needs_none() -> None:
    theme = {"icon": {"menu": "fontawesome/solid/bars", "logo": "material/school"}}
    assert theme_icons(theme)[0] == "fontawesome/solid/bars"
    assert "material/school" in theme_icons(theme)
    assert "material/school" not in theme_icons({**theme, "logo": "images/logo.png"})
    assert theme_icons({"palette": {"scheme": "slate"}}) == theme_icons({})  # no toggles


def test_a_rule_per_icon_with_its_svg_as_a_data_url() -> None:
    css = icon_rules(["material/menu", "material/magnify"], [MATERIAL_TEMPLATES])
    assert css.count("{--ps-icon:url(") == 2
    assert css.startswith(f'.{css_class("material/menu")}{{--ps-icon:url("data:image/svg+xml;')
    assert "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'><path d='M3 6h18" in css
    assert '"' not in css.replace('url("', "").replace('")', "")  # quotes inside are single


def test_a_projects_own_icon_comes_first_and_is_escaped(tmp_path: Path) -> None:
    own = tmp_path / ".icons" / "material"
    own.mkdir(parents=True)
    (own / "menu.svg").write_text(
        '<svg viewBox="0 0 1 1">\n  <path fill="#00f" d="M0 0"/>\n</svg>\n'
    )
    css = icon_rules(["material/menu"], [str(tmp_path), MATERIAL_TEMPLATES])
    assert "<svg viewBox='0 0 1 1'> <path fill='%2300f' d='M0 0'/> </svg>" in css


@pytest.mark.parametrize("name", ["material/no-such-icon", "../../etc/passwd", "a b"])
def test_unknown_icons_are_refused(name: str) -> None:
    with pytest.raises(IconError, match="icon"):
        icon_rules([name], [MATERIAL_TEMPLATES])
