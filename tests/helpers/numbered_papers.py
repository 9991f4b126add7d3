"""Papers made up by number, for page tests that need many of them and no analysis."""

from __future__ import annotations

from generator.links import paper_url
from generator.model import Paper, SourceRef


def numbered_papers(count: int, *, title_inferred: bool = False) -> tuple[Paper, ...]:
    """`count` papers, `paper-00000` on, each with a title and abstract of its number."""
    return tuple(
        Paper(
            id=str(i),
            slug=f"paper-{i:05d}",
            url=paper_url(f"paper-{i:05d}"),
            title=f"Paper title number {i}",
            title_inferred=title_inferred,
            abstract=f"Abstract {i}.",
            versions=(f"Abstract {i}.",),
            sources=(SourceRef("bare.txt", i + 1),),
        )
        for i in range(count)
    )
