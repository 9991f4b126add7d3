"""Instant navigation is turned off for a site whose sitemap a visitor cannot afford."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitebuild import FIXTURE_CORPUS, fixture_analyzer, make_project, mkdocs_strict_build

from generator.mkdocs.instant_navigation import INSTANT_PAGE_LIMIT, limit_instant_navigation

FEATURES = [
    "navigation.instant",
    "navigation.instant.progress",
    "navigation.instant.prefetch",
    "navigation.tracking",
    "navigation.indexes",
    "toc.follow",
]


def test_a_site_up_to_the_limit_keeps_instant_navigation() -> None:
    features = list(FEATURES)
    assert limit_instant_navigation(features, INSTANT_PAGE_LIMIT) == ""
    assert features == FEATURES


def test_above_the_limit_instant_navigation_and_its_parts_are_off_and_said() -> None:
    features = list(FEATURES)
    notice = limit_instant_navigation(features, INSTANT_PAGE_LIMIT + 1)
    assert features == ["navigation.tracking", "navigation.indexes", "toc.follow"]
    assert "instant navigation is off" in notice and "5,001 pages" in notice


def test_nothing_is_said_when_the_site_never_had_it() -> None:
    features = ["navigation.tracking"]
    assert limit_instant_navigation(features, 50_000) == ""
    assert features == ["navigation.tracking"]


def test_no_limit_keeps_it_at_any_size() -> None:
    features = list(FEATURES)
    assert limit_instant_navigation(features, 10**6, 0) == ""
    assert features == FEATURES


@pytest.mark.parametrize("limit", [None, 3])
def test_the_build_turns_it_off_in_every_page_above_the_limit(
    tmp_path: Path, limit: int | None
) -> None:
    """The fixture site (more than 3 pages, published: Material runs instant navigation
    only with a site_url), built with the plugin's limit (mkdocs.yml) under its size and
    with the default."""
    config = make_project(tmp_path, FIXTURE_CORPUS, "Fixture papers", "https://x.example/")
    if limit is not None:
        settings = tmp_path / "mkdocs.yml"
        text = settings.read_text(encoding="utf-8")
        option = f"  - papersite:\n      instant_navigation_limit: {limit}\n"
        settings.write_text(re.sub(r"  - papersite\b.*\n", option, text), encoding="utf-8")
    mkdocs_strict_build(config, fixture_analyzer)
    pages = sorted((tmp_path / "site").rglob("index.html"))
    assert len(pages) > 3
    for page in pages:
        settings_json = re.search(r'<script id="__config"[^>]*>(.*?)</script>', page.read_text())
        assert settings_json is not None, page
        features = json.loads(settings_json.group(1))["features"]
        assert ("navigation.instant" in features) is (limit is None), page
