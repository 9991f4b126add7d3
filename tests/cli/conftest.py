"""Fixtures for the CLI tests: throw-away projects (papersite.yml + corpus) and a runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import papersite
from click.testing import Result
from paths import BUNDLED_CORPUS

CORPUS_DIR = BUNDLED_CORPUS

Run = Callable[..., Result]


def make_project(root: Path, files: dict[str, str | bytes], config: str | None = None) -> Path:
    """A project folder whose papersite.yml points at `corpus/` holding `files`."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (corpus / name).write_bytes(data)
    (root / "papersite.yml").write_text(config or "corpus: corpus\n", encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Build a project in tmp_path: `project({"a.txt": "..."}, config=None)`."""
    return lambda files, config=None: make_project(tmp_path, files, config)


@pytest.fixture
def bundled_project(tmp_path: Path) -> Path:
    """A project with a copy of the bundled corpus, and defaults for everything else."""
    shutil.copytree(CORPUS_DIR, tmp_path / "site_src" / "corpus")
    return tmp_path


@pytest.fixture
def run() -> Run:
    """Invoke `papersite --root ROOT ARGS...` in-process; never lets an exception escape."""
    return papersite
