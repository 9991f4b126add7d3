"""Material's settings script without its search's settings (generator/mkdocs/page_config.py)."""

from __future__ import annotations

import json

from generator.mkdocs.page_config import slim_config

MATERIAL = (
    '<script id="__config" type="application/json">{"annotate": null, "base": "../..", '
    '"features": ["navigation.instant"], "search": "../../assets/javascripts/workers/search.js", '
    '"tags": null, "translations": {"clipboard.copied": "Copied", "clipboard.copy": "Copy", '
    '"search.result.none": "No matching documents", "search.result.one": "1 matching", '
    '"select.version": "Select <version>"}, "version": null}</script>'
)


def _json(html: str) -> dict[str, object]:
    start = html.index(">") + 1
    return dict(json.loads(html[start : html.index("</script>")]))


def test_search_settings_are_dropped_and_the_rest_kept() -> None:
    slim = str(slim_config("\n" + MATERIAL + "\n"))
    assert slim.startswith('\n<script id="__config" type="application/json">{"annotate":null,')
    assert slim.endswith("</script>\n")
    app = _json(slim.strip())
    assert app == {
        "annotate": None,
        "base": "../..",
        "features": ["navigation.instant"],
        "tags": None,
        "translations": {
            "clipboard.copied": "Copied",
            "clipboard.copy": "Copy",
            "select.version": "Select <version>",
        },
        "version": None,
    }
    assert "<version>" not in slim  # still escaped for a script element (\u003c)


def test_anything_else_passes_unchanged() -> None:
    for html in (
        "",
        "<p>hello</p>",
        MATERIAL.replace("{", "[", 1),
        '<script id="__config">1</script>',
    ):
        assert str(slim_config(html)) == html
