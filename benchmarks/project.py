"""Temporary papersite projects holding a synthetic corpus, for the scale benchmarks.

A project is the repository's mkdocs.yml (with the papersite plugin) and a synthetic
corpus of n papers split over the three listing formats of DESIGN.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.synthetic import FORMATS, SyntheticCorpus, bundled_sources, render

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(folder: Path, papers: int, seed: int = 0) -> list[Path]:
    """Write `papers` synthetic papers into `folder`, one file per listing format."""
    folder.mkdir(parents=True, exist_ok=True)
    generated = SyntheticCorpus(bundled_sources(), seed).papers(papers)
    share = -(-papers // len(FORMATS))
    files = []
    for index, fmt in enumerate(FORMATS):
        part = generated[index * share : (index + 1) * share]
        if part:
            path = folder / f"{index:03d}_synthetic_{fmt}.txt"
            path.write_text(render(part, fmt), encoding="utf-8")
            files.append(path)
    return files


def make_project(root: Path, papers: int, seed: int = 0) -> Path:
    """A project folder at `root` with a synthetic corpus of `papers` papers; returns root."""
    (root / "site_src").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "papersite.yml").write_text(
        f"site_name: Synthetic {papers} papers\nlisting_year: 2025\n", encoding="utf-8"
    )
    write_corpus(root / "site_src" / "corpus", papers, seed)
    return root
