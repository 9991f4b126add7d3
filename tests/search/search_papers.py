"""Small hand-made papers for the search tests."""

from __future__ import annotations

from generator.links import paper_url
from generator.model import Paper, PaperDate


def make_paper(slug: str, title: str, abstract: str, year: int | None = None) -> Paper:
    """A paper with one abstract, no sources, and a date on 1 January of `year` if given."""
    return Paper(
        id=slug,
        slug=slug,
        url=paper_url(slug),
        title=title,
        title_inferred=False,
        abstract=abstract,
        versions=(abstract,),
        sources=(),
        published=PaperDate(year, 1, 1) if year else None,
    )
