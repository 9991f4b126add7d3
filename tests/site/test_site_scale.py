"""Large-site machinery on the bundled corpus: the Pagefind search engine, and the build
that renders pages in worker processes (normally only above SHARD_MIN_PAGES pages)."""

from __future__ import annotations

import pytest
from sitebuild import (
    REPO,
    BuiltSite,
    build_once,
    file_hashes,
    mkdocs_strict_build,
    run_strict_build,
)

import generator.sharded_build as sharded_build
import generator.template_memo as template_memo
from generator.parallel import WORKERS_ENV
from generator.site import default_analyzer, generated_state
from generator.write import MANIFEST


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled corpus built with `search: pagefind`, as `papersite build` does."""
    root = tmp_path_factory.mktemp("pagefind") / "project"
    return build_once(root, REPO / "site_src" / "corpus", default_analyzer, None, "pagefind")


def test_pagefind_site_has_pagefind_and_no_material_index(pagefind_site: BuiltSite) -> None:
    site = pagefind_site.site
    assert not pagefind_site.warnings
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert list((site / "pagefind" / "fragment").iterdir())
    assert not (pagefind_site.docs / "assets" / "search" / "papers.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-ps-search-open" in home and "md-search__input" not in home
    paper = next((site / "papers").glob("*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" in paper and 'data-pagefind-filter="topic:' in paper


def test_build_in_worker_processes_writes_the_same_site(
    pagefind_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page outside the navigation rendered by two workers: byte-identical site/,
    Pagefind's index included (stabilised: Pagefind writes its filters in random order)."""
    monkeypatch.setattr(sharded_build, "SHARD_MIN_PAGES", 0)
    monkeypatch.setenv(WORKERS_ENV, "2")
    config = pagefind_site.config
    warnings = mkdocs_strict_build(config, pagefind_site.corpus)
    assert warnings == list(pagefind_site.warnings)
    assert file_hashes(config.root / "site") == pagefind_site.site_hashes
    pages = (pagefind_site.docs / MANIFEST).read_text(encoding="utf-8").split()
    assert sum(1 for p in pages if p.endswith(".md")) > 500


def test_worker_warnings_reach_strict_mode(
    pagefind_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken link on a page rendered by a worker still fails a strict build."""
    monkeypatch.setattr(sharded_build, "SHARD_MIN_PAGES", 0)
    monkeypatch.setenv(WORKERS_ENV, "2")
    config = pagefind_site.config
    paper = next((pagefind_site.docs / "papers").glob("*.md"))
    original = paper.read_text(encoding="utf-8")
    try:
        paper.write_text(original + "\n[broken](no-such-page.md)\n", encoding="utf-8")
        warnings, error = run_strict_build(config, pagefind_site.corpus)
    finally:
        paper.write_text(original, encoding="utf-8")
    assert error is not None
    assert any("no-such-page.md" in w for w in warnings), warnings
    assert generated_state(config, pagefind_site.corpus).search_backend == "pagefind"


def test_memoised_partials_change_no_page(
    pagefind_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The navigation, palette and settings script rendered once per folder for pages
    outside the navigation (generator/template_memo.py), or for every page: same site."""
    monkeypatch.setattr(template_memo.PartialMemo, "_key", lambda *_: None)
    config = pagefind_site.config
    warnings = mkdocs_strict_build(config, pagefind_site.corpus)
    assert warnings == list(pagefind_site.warnings)
    assert file_hashes(config.root / "site") == pagefind_site.site_hashes
