"""Golden files: the pages (and the search index) generated from the fixture corpus.

The fixture corpus (tests/site/fixtures/corpus/) and its hand-made analysis
(tests/helpers/sitebuild.py) are rendered with `render_site` and compared with
tests/site/golden/. After an intended change to rendering, regenerate the golden
files with:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_golden.py

and review the diff of tests/site/golden/ before committing it.
"""

from __future__ import annotations

import os

import pytest
from sitebuild import GOLDEN_DIR

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _golden_files() -> dict[str, str]:
    return {
        p.relative_to(GOLDEN_DIR).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(GOLDEN_DIR.rglob("*"))
        if p.is_file()
    }


def _update(pages: dict[str, str]) -> None:
    for stale in set(_golden_files()) - set(pages):
        (GOLDEN_DIR / stale).unlink()
    for path, text in pages.items():
        target = GOLDEN_DIR / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    for folder in sorted(GOLDEN_DIR.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


@pytest.fixture(scope="module")
def golden(fixture_pages: dict[str, str]) -> dict[str, str]:
    """The golden files, rewritten first when UPDATE_GOLDEN=1."""
    if UPDATE:
        _update(fixture_pages)
    return _golden_files()


def test_golden_pages_are_the_generated_pages(
    fixture_pages: dict[str, str], golden: dict[str, str]
) -> None:
    assert len(golden) >= 10, f"no golden files in {GOLDEN_DIR}: run with UPDATE_GOLDEN=1"
    assert sorted(fixture_pages) == sorted(golden)


@pytest.mark.parametrize(
    "path",
    sorted(p.relative_to(GOLDEN_DIR).as_posix() for p in GOLDEN_DIR.rglob("*") if p.is_file()),
)
def test_page_matches_golden(
    path: str, fixture_pages: dict[str, str], golden: dict[str, str]
) -> None:
    assert path in fixture_pages, f"{path} is no longer generated"
    assert fixture_pages[path] == golden[path]
