"""Reproducibility of the bundled site: a forced build in another process (another hash
seed) rewrites nothing and gives the same bytes. Apart from the other built-site tests
so that it runs beside them, not after."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from sitebuild import BuiltSite, file_hashes

from generator.links import paper_doc
from generator.write import MANIFEST


def test_a_forced_build_in_a_new_process_rewrites_nothing_and_gives_the_same_site(
    bundled_site: BuiltSite,
) -> None:
    """`papersite build --force` again, in another process (another hash seed): every
    stage runs again, no file of docs/ is rewritten (not even touched) and site/ is
    byte-identical. Without --force the build found docs/ and site/ up to date and ran
    nothing, so the comparison held whatever the build would have written."""
    docs = {p: p.stat().st_mtime_ns for p in bundled_site.docs.rglob("*") if p.is_file()}
    docs_before = file_hashes(bundled_site.docs)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = "1234"
    root = str(bundled_site.config.root)
    command = [sys.executable, "-m", "generator", "--root", root, "build", "--force"]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    manifest = (bundled_site.docs / MANIFEST).read_text(encoding="utf-8").split()
    pages = [path for path in manifest if path.endswith(".md")]
    assert len(pages) > len(bundled_site.corpus.papers)
    assert f"{len(pages)} pages, " in run.stderr
    assert re.search(r": 0 of \d+ files in docs/ rewritten, 0 removed$", run.stderr, re.M)
    assert "up to date" not in run.stderr  # neither docs/ nor site/ was skipped
    assert file_hashes(bundled_site.docs) == docs_before
    assert {p: p.stat().st_mtime_ns for p in docs} == docs  # not even rewritten
    assert (bundled_site.docs / paper_doc(bundled_site.corpus.papers[0].slug)).is_file()
    assert file_hashes(bundled_site.site) == bundled_site.site_hashes
