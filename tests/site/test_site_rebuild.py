"""Reproducibility of the bundled site: generating again rewrites nothing, and a build
in another process (another hash seed) gives the same bytes. Apart from the other built-
site tests so that the two longest of them run beside those, not after."""

from __future__ import annotations

import os
import subprocess
import sys

from sitebuild import BuiltSite, file_hashes

from generator.links import paper_doc
from generator.pipeline import Pipeline
from generator.state import state_file
from generator.write import MANIFEST


def test_second_generate_rewrites_nothing(bundled_site: BuiltSite) -> None:
    before = {p: p.read_bytes() for p in sorted(bundled_site.docs.rglob("*")) if p.is_file()}
    # The project's own analyzer: a test's would leave a state file that vouches for
    # nothing, and the next build of this site (another test's) would redo everything.
    result = Pipeline(bundled_site.config).generate(force=True)
    after = {p: p.read_bytes() for p in sorted(bundled_site.docs.rglob("*")) if p.is_file()}
    assert result.fresh and (result.written, result.removed) == (0, 0)
    manifest = (bundled_site.docs / MANIFEST).read_text(encoding="utf-8").split()
    pages = [path for path in manifest if path.endswith(".md")]
    assert result.pages == len(pages) > len(bundled_site.corpus.papers)
    assert after == before
    assert (bundled_site.docs / paper_doc(bundled_site.corpus.papers[0].slug)).is_file()


def test_rebuild_in_a_new_process_is_byte_identical(bundled_site: BuiltSite) -> None:
    """`papersite build` again, in another process (another hash seed): docs/ untouched,
    site/ byte-identical."""
    docs = {p: p.stat().st_mtime_ns for p in bundled_site.docs.rglob("*") if p.is_file()}
    docs_before = file_hashes(bundled_site.docs)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = "1234"
    command = [sys.executable, "-m", "generator", "--root", str(bundled_site.config.root), "build"]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert file_hashes(bundled_site.docs) == docs_before
    assert state_file(bundled_site.docs).is_file()  # why nothing was regenerated
    assert {p: p.stat().st_mtime_ns for p in docs} == docs  # not even rewritten
    assert file_hashes(bundled_site.site) == bundled_site.site_hashes
