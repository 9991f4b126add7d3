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


def test_an_icon_name_never_leads_out_of_the_theme(tmp_path: Path) -> None:
    """ "material/../../<anywhere>/secret" read an SVG from anywhere on the machine and
    published it in the site's stylesheet."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text("<svg>SECRET</svg>")
    theme = tmp_path / "theme"
    (theme / ".icons" / "material").mkdir(parents=True)
    climb = "/".join([".."] * (len(theme.parts) + 2))
    name = f"material/{climb}{outside}/secret"
    with pytest.raises(IconError, match="not an icon name"):
        icon_rules([name], [str(theme)])
    # A link inside the theme's .icons that leads out is refused too.
    (theme / ".icons" / "material" / "menu.svg").symlink_to(outside / "secret.svg")
    with pytest.raises(IconError, match="leads out"):
        icon_rules(["material/menu"], [str(theme)])


@pytest.mark.parametrize(
    ("theme", "named"),
    [
        ({"icon": "abc"}, "theme icon"),
        ({"icon": {"menu": 5}}, "5"),
        ({"palette": [{"toggle": "x"}]}, "palette toggle"),
        ({"palette": [{"toggle": {"icon": ["a"], "name": "N"}}]}, "['a']"),
        ({"palette": 5}, "theme palette"),
    ],
)
def test_icon_settings_of_the_wrong_shape_are_named(theme: dict[str, object], named: str) -> None:
    """Each was a TypeError, ValueError or AttributeError with a traceback."""
    with pytest.raises(IconError) as raised:
        theme_icons(theme)
    assert named in str(raised.value)


def test_an_icon_that_is_no_utf8_text_is_named(tmp_path: Path) -> None:
    (tmp_path / ".icons" / "my").mkdir(parents=True)
    (tmp_path / ".icons" / "my" / "bin.svg").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(IconError, match=r"bin\.svg cannot be read as UTF-8"):
        icon_rules(["my/bin"], [str(tmp_path)])
