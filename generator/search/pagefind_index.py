"""The site's search index: Pagefind run on the built site.

Pagefind splits its index into chunks and a visitor's browser fetches only those a
query needs, so a first search stays small at any corpus size. Paper pages mark their
abstract as the text to index and carry their title, topics, area, year and dates as
Pagefind metadata, filters and sort keys (site_src/templates/paper.md.j2); topic pages
their description. No other page is indexed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator.search.pagefind_files import ENTRY_FILE, keep_reusable, misnamed, prune, stabilize

PAGEFIND_FOLDER = "pagefind"
# The last build's bundle, kept through MkDocs' emptying of site/ (which leaves hidden
# entries alone) so that Pagefind rewrites only what changed.
PREVIOUS_BUNDLE = ".papersite-pagefind-previous"


class SearchIndexError(RuntimeError):
    """The Pagefind index could not be built."""


def keep_previous_bundle(site_dir: Path) -> None:
    """Before MkDocs empties `site_dir`: hide the last build's Pagefind bundle from it.

    Pagefind skips the files of an existing bundle that it would write again: at 10,000
    papers, reusing the last build's page fragments and index chunks makes indexing
    about twice as fast, since writing 10,000 new fragment files is half its time.
    """
    bundle, kept = site_dir / PAGEFIND_FOLDER, site_dir / PREVIOUS_BUNDLE
    if bundle.is_dir():
        shutil.rmtree(kept, ignore_errors=True)
        bundle.rename(kept)


def drop_previous_bundle(site_dir: Path) -> None:
    """Remove a kept bundle (a failed build, or a site no longer searched with Pagefind)."""
    shutil.rmtree(site_dir / PREVIOUS_BUNDLE, ignore_errors=True)


def build_pagefind_index(site_dir: Path, stable: bool = True) -> int:
    """Index the built site at `site_dir` into `site_dir/pagefind/`; return pages indexed.

    Runs the Pagefind binary of the `pagefind-bin` wheel. Only elements marked
    `data-pagefind-body` (paper and topic pages) are indexed. The fragments and index
    chunks of a bundle kept by `keep_previous_bundle` are reused; what the new index
    does not name is removed, and if a reused file's content does not match its name the
    site is indexed again from scratch: the result is what indexing afresh gives. When
    indexing fails, no bundle is left behind for the next build to reuse.

    Without `stable` (an untested Pagefind version, see generator/mkdocs/versions.py)
    the bundle is Pagefind's own: nothing reused, filter files in Pagefind's order.
    """
    bundle = site_dir / PAGEFIND_FOLDER
    try:
        reused = _take_previous_bundle(site_dir) if stable else set()
        pages = _index(site_dir, bundle, stable)
        if reused and misnamed(bundle, reused):
            shutil.rmtree(bundle)
            pages = _index(site_dir, bundle, stable)
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)
        raise
    return pages


def _take_previous_bundle(site_dir: Path) -> set[str]:
    """Move a kept bundle's reusable files into place; their bundle-relative paths."""
    bundle, kept = site_dir / PAGEFIND_FOLDER, site_dir / PREVIOUS_BUNDLE
    reused: set[str] = set()
    if kept.is_dir() and not bundle.exists():
        try:
            reused = keep_reusable(kept)
            kept.rename(bundle)
        except OSError:
            reused = set()
            shutil.rmtree(bundle, ignore_errors=True)
    drop_previous_bundle(site_dir)
    return reused


def _index(site_dir: Path, bundle: Path, stable: bool) -> int:
    """Run Pagefind on `site_dir` into `bundle`, stabilise and prune it; pages indexed."""
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise SearchIndexError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    command = [str(executable), "--site", str(site_dir), "--output-subdir", PAGEFIND_FOLDER]
    command += ["--force-language", "en", "--quiet"]
    try:
        run = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"cannot run {executable}: {error}") from error
    if run.returncode != 0:
        detail = " ".join((run.stderr or run.stdout).split())[-500:]
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {detail}")
    try:
        if stable:
            stabilize(bundle)
            prune(bundle)
        entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SearchIndexError(f"Pagefind's output at {bundle}: {error}") from error
    return sum(int(language.get("page_count", 0)) for language in entry["languages"].values())
