"""Helpers for the analysis tests (a module name unique across the test tree)."""

from __future__ import annotations

from generator.ingest import ingest_texts
from generator.model import Corpus


def corpus_of(papers: list[tuple[str, str]]) -> Corpus:
    """A corpus from (title, abstract) pairs, read as a search listing."""
    lines = [
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
    ]
    for number, (title, abstract) in enumerate(papers):
        lines.append(("Subscribe" if number == 0 else "") + title)
        lines.append(abstract)
    return ingest_texts([("listing.txt", ("\n".join(lines) + "\n").encode())])
