"""Instant navigation is turned off for a site whose sitemap a visitor cannot afford."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitebuild import FIXTURE_CORPUS, fixture_analyzer, make_project, mkdocs_strict_build

from generator.mkdocs import instant_navigation
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


@pytest.mark.parametrize("limit", [INSTANT_PAGE_LIMIT, 3])
def test_the_build_turns_it_off_in_every_page_above_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """The fixture site (more than 3 pages, published: Material runs instant navigation
    only with a site_url), built with the limit lowered under its size and not."""
    monkeypatch.setattr(instant_navigation, "INSTANT_PAGE_LIMIT", limit)
    config = make_project(tmp_path, FIXTURE_CORPUS, "Fixture papers", "https://x.example/")
    mkdocs_strict_build(config, fixture_analyzer)
    pages = sorted((tmp_path / "site").rglob("index.html"))
    assert len(pages) > 3
    for page in pages:
        settings = re.search(r'<script id="__config"[^>]*>(.*?)</script>', page.read_text())
        assert settings is not None, page
        features = json.loads(settings.group(1))["features"]
        assert ("navigation.instant" in features) is (limit == INSTANT_PAGE_LIMIT), page
