"""A run whose inputs did not change is recognised, and any changed input is noticed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from paths import REPO

from generator.config import load_config
from generator.state import (
    GeneratedState,
    forget_state,
    inputs_fingerprint,
    save_state,
    unchanged_state,
)
from generator.write import MANIFEST


def _project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "site_src" / "corpus", tmp_path / "site_src" / "corpus")
    (tmp_path / "papersite.yml").write_text("site_name: Test\n", encoding="utf-8")
    return tmp_path


def _generated(root: Path, fingerprint: str) -> Path:
    docs = root / "docs"
    (docs / "papers").mkdir(parents=True)
    (docs / "papers" / "a.md").write_text("a", encoding="utf-8")
    (docs / MANIFEST).write_text("papers/a.md\n", encoding="utf-8")
    save_state(docs, GeneratedState(fingerprint, 123, problems=2))
    return docs


def test_same_inputs_same_fingerprint_and_state(tmp_path: Path) -> None:
    root = _project(tmp_path)
    fingerprint = inputs_fingerprint(load_config(root))
    assert fingerprint == inputs_fingerprint(load_config(root))
    docs = _generated(root, fingerprint)
    state = unchanged_state(docs, fingerprint)
    assert state is not None
    assert (state.fingerprint, state.source_date_epoch, state.problems) == (fingerprint, 123, 2)


def test_every_input_counts(tmp_path: Path) -> None:
    root = _project(tmp_path)
    seen = {inputs_fingerprint(load_config(root))}
    corpus_file = sorted((root / "site_src" / "corpus").iterdir())[0]
    corpus_file.write_text(corpus_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    seen.add(inputs_fingerprint(load_config(root)))
    (root / "site_src" / "topics.yml").write_text("rename: {}\n", encoding="utf-8")
    seen.add(inputs_fingerprint(load_config(root)))
    (root / "papersite.yml").write_text("site_name: Other\n", encoding="utf-8")
    seen.add(inputs_fingerprint(load_config(root)))
    # An entry of a corpus folder that is not read is reported: adding one is a change.
    (root / "site_src" / "corpus" / "notes.html").write_text("<p>x</p>", encoding="utf-8")
    seen.add(inputs_fingerprint(load_config(root)))
    assert len(seen) == 5


def test_missing_page_or_other_fingerprint_means_regenerate(tmp_path: Path) -> None:
    root = _project(tmp_path)
    fingerprint = inputs_fingerprint(load_config(root))
    docs = _generated(root, fingerprint)
    assert unchanged_state(docs, "0" * 64) is None
    (docs / "papers" / "a.md").unlink()
    assert unchanged_state(docs, fingerprint) is None
    (docs / "papers" / "a.md").write_text("a", encoding="utf-8")
    forget_state(docs)
    assert unchanged_state(docs, fingerprint) is None
    (docs / ".papersite-state.json").write_text("{not json", encoding="utf-8")
    assert unchanged_state(docs, fingerprint) is None


def test_a_page_changed_after_the_run_means_regenerate(tmp_path: Path) -> None:
    """The state is checked against docs/ as it is: an edited or cut page is noticed."""
    root = _project(tmp_path)
    fingerprint = inputs_fingerprint(load_config(root))
    docs = _generated(root, fingerprint)
    assert unchanged_state(docs, fingerprint) is not None
    page = docs / "papers" / "a.md"
    page.write_text("b", encoding="utf-8")  # same size, new content and time
    os.utime(page, ns=(1, 1))
    assert unchanged_state(docs, fingerprint) is None
