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


def test_search_and_unset_settings_are_dropped_and_the_rest_kept() -> None:
    slim = str(slim_config("\n" + MATERIAL + "\n"))
    assert slim.startswith('\n<script id="__config" type="application/json">{"base":"../..",')
    assert slim.endswith("</script>\n")
    app = _json(slim.strip())
    assert app == {
        "base": "../..",
        "features": ["navigation.instant"],
        "translations": {"clipboard.copied": "Copied", "clipboard.copy": "Copy"},
    }


def test_set_settings_and_the_version_selectors_label_stay() -> None:
    """A site with versions (mike) keeps its selector's label; set values stay as set."""
    versioned = MATERIAL.replace('"version": null', '"version": {"provider": "mike"}')
    versioned = versioned.replace('"tags": null', '"tags": {"a": "b"}')
    slim = str(slim_config(versioned))
    app = _json(slim)
    assert app["version"] == {"provider": "mike"} and app["tags"] == {"a": "b"}
    assert app["translations"]["select.version"] == "Select <version>"  # type: ignore[index]
    assert "annotate" not in app
    assert "<version>" not in slim  # still escaped for a script element (\u003c)


def test_unset_settings_stay_under_an_untested_material() -> None:
    """Leaving them out leans on how Material 9.8's script reads them: the plugin turns
    it off under another version (drop_unset)."""
    app = _json(str(slim_config(MATERIAL, drop_unset=False)))
    assert app["annotate"] is None and app["tags"] is None and app["version"] is None
    assert "select.version" in app["translations"]  # type: ignore[operator]
    assert "search" not in app  # the search settings go whatever the version


def test_anything_else_passes_unchanged() -> None:
    for html in (
        "",
        "<p>hello</p>",
        MATERIAL.replace("{", "[", 1),
        '<script id="__config">1</script>',
    ):
        assert str(slim_config(html)) == html
