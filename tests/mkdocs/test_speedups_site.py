"""The speed-ups change how fast a site builds, never what it is: each one off, and all
off at once (as the version gate does on untested versions), give the same site.

The fixture site is the one built again here: its pages hold every kind of hostile text
and every page kind in a fraction of the bundled site's build time (the bundled site's
paper pages are checked against Markdown's own output in test_fast_markdown_site.py)."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from sitebuild import BuiltSite, file_hashes, mkdocs_strict_build, run_strict_build

import generator.mkdocs.partial_memo as partial_memo
import generator.mkdocs.sharded_build as sharded_build
import generator.mkdocs.versions as versions
from generator.mkdocs.page_config import slim_config
from generator.mkdocs.trim_styles import MATERIAL_THEME
from generator.search.pagefind_files import ENTRY_FILE, SIGNATURE
from generator.write import MANIFEST

MATERIAL_STYLES = MATERIAL_THEME / "assets" / "stylesheets"


def _pagefind_content(site: Path) -> dict[str, object]:
    """Pagefind's bundle as content: content-named files by name and bytes; the filter
    files (named by a hash of their order-dependent bytes) as sets of values and pages."""
    import cbor2

    bundle = site / "pagefind"
    content: dict[str, object] = {}
    for path in sorted(bundle.rglob("*")):
        relative = str(path.relative_to(bundle))
        if path.is_dir() or relative == ENTRY_FILE or path.suffix == ".pf_meta":
            continue
        if path.suffix == ".pf_filter":
            name, values = cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
            content[f"filter:{name}"] = sorted((v, sorted(p)) for v, p in values)
        else:
            content[relative] = path.read_bytes()
    return content


def test_build_in_worker_processes_writes_the_same_site(
    fixture_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page outside the navigation rendered by two workers: byte-identical site/,
    Pagefind's index included."""
    monkeypatch.setattr(sharded_build, "SHARD_MIN_PAGES", 0)
    config = replace(fixture_site.config, workers=2)
    calls: list[int] = []
    real_start = sharded_build.start
    monkeypatch.setattr(
        "generator.mkdocs.plugin.start",
        lambda *args: calls.append(1) or real_start(*args),  # type: ignore[func-returns-value]
    )
    warnings = mkdocs_strict_build(config, fixture_site.analyzer)
    assert calls, "the build did not use worker processes"
    assert warnings == list(fixture_site.warnings)
    assert file_hashes(config.root / "site") == fixture_site.site_hashes
    pages = (fixture_site.docs / MANIFEST).read_text(encoding="utf-8").split()
    assert sum(1 for p in pages if p.startswith("papers/")) == len(fixture_site.corpus.papers)


def test_worker_warnings_reach_strict_mode(
    fixture_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken link on a page rendered by a worker still fails a strict build. (A page
    of one's own beside the papers: an edited generated page would be regenerated.)"""
    monkeypatch.setattr(sharded_build, "SHARD_MIN_PAGES", 0)
    config = replace(fixture_site.config, workers=2)
    page = fixture_site.docs / "papers" / "zz-hand-made.md"
    try:
        page.write_text("# Mine\n\n[broken](no-such-page.md)\n", encoding="utf-8")
        warnings, error = run_strict_build(config, fixture_site.analyzer)
    finally:
        page.unlink()
    assert error is not None
    assert any("no-such-page.md" in w for w in warnings), warnings


def test_memoised_partials_change_no_page(
    fixture_site: BuiltSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The navigation, palette and settings script rendered once per folder for pages
    outside the navigation, or for every page: the same site."""
    monkeypatch.setattr(partial_memo.PartialMemo, "_key", lambda *_: None)
    warnings = mkdocs_strict_build(fixture_site.config, fixture_site.analyzer)
    assert warnings == list(fixture_site.warnings)
    assert file_hashes(fixture_site.site) == fixture_site.site_hashes


def test_untested_versions_build_the_same_site_with_plain_mkdocs(
    fixture_site: BuiltSite, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The version gate closed for every package: no speed-up runs, one notice says so,
    and the site is the same; Pagefind's bundle is its own (filters in its order), and
    Material's stylesheets are its originals (untrimmed)."""
    monkeypatch.setattr(versions, "TESTED", {name: SpecifierSet("<0") for name in versions.TESTED})
    ran: list[str] = []
    monkeypatch.setattr(
        "generator.mkdocs.plugin.use_fast_render", lambda page: ran.append("fast_markdown")
    )
    monkeypatch.setattr("generator.mkdocs.plugin.start", lambda *a: ran.append("parallel_pages"))
    monkeypatch.setattr(sharded_build, "SHARD_MIN_PAGES", 0)
    caplog.set_level("INFO", logger="mkdocs.plugins.papersite")
    try:
        warnings = mkdocs_strict_build(
            replace(fixture_site.config, workers=2), fixture_site.analyzer
        )
        notices = [r.getMessage() for r in caplog.records if "untested versions" in r.getMessage()]
        assert len(notices) == 1 and "mkdocs-material" in notices[0], notices
        assert not ran
        assert warnings == list(fixture_site.warnings)
        plain = file_hashes(fixture_site.site)
        changed = {p for p in plain if plain[p] != fixture_site.site_hashes.get(p)}
        styles = {f"assets/stylesheets/{p.name}" for p in MATERIAL_STYLES.glob("*.min.css")}
        assert changed & styles == styles
        for name in styles:
            assert (fixture_site.site / name).read_bytes() == (MATERIAL_THEME / name).read_bytes()
        changed -= styles
        # Material's settings keep their unset keys (page_config.py): left out again,
        # each page is byte for byte the one the speed-ups built.
        for page in [p for p in changed if p.endswith(".html")]:
            slimmed = str(slim_config((fixture_site.site / page).read_text("utf-8")))
            assert hashlib.sha256(slimmed.encode()).hexdigest() == fixture_site.site_hashes[page]
            changed.remove(page)
        assert all(p.startswith("pagefind/") for p in changed), sorted(changed)[:5]
        assert set(plain) - set(fixture_site.site_hashes) <= changed
        plain_index = _pagefind_content(fixture_site.site)
    finally:
        monkeypatch.undo()
        mkdocs_strict_build(
            fixture_site.config, fixture_site.analyzer
        )  # the session's site as it was
    assert file_hashes(fixture_site.site) == fixture_site.site_hashes
    assert _pagefind_content(fixture_site.site) == plain_index
