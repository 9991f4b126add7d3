"""The site's Pagefind index: built, made stable, reused by the next build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.search.pagefind_files import misnamed
from generator.search.pagefind_index import (
    PAGEFIND_FOLDER,
    PREVIOUS_BUNDLE,
    SearchIndexError,
    build_pagefind_index,
    drop_previous_bundle,
    keep_previous_bundle,
)


def _page(title: str, text: str, topic: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>'
        f"<main data-pagefind-body><h1>{title}</h1><p>{text}</p>"
        f'<span data-pagefind-filter="topic:{topic}"></span></main></body></html>'
    )


def _small_site(site: Path, changed: bool = False) -> None:
    """Three pages with filters; `changed` rewrites one page's text."""
    pages = {
        "papers/a": ("Optimal transport", "Wasserstein barycentres of measures.", "Transport"),
        "papers/b": ("Image inpainting", "Filling holes in photographs.", "Images"),
        "papers/c": ("Music tagging", "Labels for songs from audio.", "Audio"),
    }
    if changed:
        pages["papers/b"] = ("Image inpainting", "Diffusion fills masked regions.", "Images")
    for path, (title, text, topic) in pages.items():
        (site / path).mkdir(parents=True, exist_ok=True)
        (site / path / "index.html").write_text(_page(title, text, topic), encoding="utf-8")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_rebuild_reuses_the_last_bundle_with_the_same_result(tmp_path: Path) -> None:
    """The bundle kept through MkDocs' emptying of site/ is reused, files the new index
    does not name (the changed page's old fragment, stale chunks) are removed, and the
    result is byte for byte what indexing from scratch gives."""
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _small_site(site)
    assert build_pagefind_index(site) == 3
    first = _tree(site / PAGEFIND_FOLDER)
    keep_previous_bundle(site)  # as the hook does before MkDocs empties site/
    assert not (site / PAGEFIND_FOLDER).exists() and (site / PREVIOUS_BUNDLE).is_dir()
    stale = site / PREVIOUS_BUNDLE / "fragment" / "en_0000000.pf_fragment"
    stale.write_bytes(b"left over")
    _small_site(site, changed=True)
    assert build_pagefind_index(site) == 3
    assert not (site / PREVIOUS_BUNDLE).exists()
    rebuilt = _tree(site / PAGEFIND_FOLDER)
    _small_site(fresh, changed=True)
    build_pagefind_index(fresh)
    assert rebuilt == _tree(fresh / PAGEFIND_FOLDER)
    assert rebuilt != first  # the changed page has a new fragment, the old one is gone
    assert len([name for name in rebuilt if name.startswith("fragment/")]) == 3


def test_a_failed_build_leaves_no_kept_bundle(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _small_site(site)
    build_pagefind_index(site)
    keep_previous_bundle(site)
    drop_previous_bundle(site)
    assert sorted(p.name for p in site.iterdir()) == ["papers"]


def test_a_reused_file_whose_content_is_not_its_name_means_indexing_afresh(
    tmp_path: Path,
) -> None:
    """Names are 28 bits of hash: a kept file can carry the name of a new fragment with
    other content (and a cut file its own name). Either way, the result is still what
    indexing from scratch gives."""
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    _small_site(site)
    build_pagefind_index(site)
    old = _tree(site / PAGEFIND_FOLDER)
    _small_site(fresh, changed=True)
    build_pagefind_index(fresh)
    expected = _tree(fresh / PAGEFIND_FOLDER)
    new_name = next(name for name in expected if name.startswith("fragment/") and name not in old)
    kept_name = next(name for name in old if name.startswith("fragment/") and name in expected)

    keep_previous_bundle(site)
    kept = site / PREVIOUS_BUNDLE
    (kept / new_name).write_bytes((kept / kept_name).read_bytes())  # a clash of names
    _small_site(site, changed=True)
    build_pagefind_index(site)
    assert _tree(site / PAGEFIND_FOLDER) == expected

    keep_previous_bundle(site)
    (kept / kept_name).write_bytes((kept / kept_name).read_bytes()[:20])  # cut short
    build_pagefind_index(site)
    assert _tree(site / PAGEFIND_FOLDER) == expected


def test_pagefinds_names_are_the_hash_it_says(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _small_site(site)
    build_pagefind_index(site)
    files = {
        name for name in _tree(site / PAGEFIND_FOLDER) if name.startswith(("fragment/", "index/"))
    }
    assert len(files) >= 4
    assert misnamed(site / PAGEFIND_FOLDER, files) == []


def test_a_failed_index_leaves_no_bundle_to_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _small_site(site)
    build_pagefind_index(site)
    keep_previous_bundle(site)
    monkeypatch.setattr("pagefind.service.get_executable", lambda: Path("/bin/false"))
    with pytest.raises(SearchIndexError, match="could not index"):
        build_pagefind_index(site)
    assert sorted(p.name for p in site.iterdir()) == ["papers"]
