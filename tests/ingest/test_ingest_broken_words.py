"""Words split by a PDF's line breaks are joined as the corpus writes them, never guessed."""

from __future__ import annotations

from listing_texts import HEADER

from generator.ingest import ingest_texts
from generator.ingest.broken_words import rejoin_broken_words
from generator.links import paper_url
from generator.model import Paper, SourceRef


def _papers(*abstracts: str) -> list[Paper]:
    return [
        Paper(
            id=str(n),
            slug=f"paper-{n}",
            url=paper_url(f"paper-{n}"),
            title=f"Title {n}",
            title_inferred=False,
            abstract=text,
            versions=(text,),
            sources=(SourceRef("a.txt", n),),
        )
        for n, text in enumerate(abstracts, 1)
    ]


def test_a_broken_word_the_corpus_writes_whole_is_joined() -> None:
    papers = _papers(
        "Depth predic- tion from one view, com- pared manu- ally.",
        "Our prediction was compared manually.",
    )
    first, second = rejoin_broken_words(papers)
    assert first.abstract == "Depth prediction from one view, compared manually."
    assert first.versions == (first.abstract,)
    assert second == papers[1]


def test_a_break_at_the_words_own_hyphen_keeps_it() -> None:
    papers = _papers("A first- order method.", "First-order methods and first-order bounds.")
    assert rejoin_broken_words(papers)[0].abstract == "A first-order method."


def test_suspended_hyphens_and_unknown_joins_stay() -> None:
    papers = _papers(
        "Pre- and post-training; self- or cross-attention; photomet- ric losses.",
        "Pretraining and selfor nothing.",  # "selfor" written, yet "or" is a conjunction
    )
    assert rejoin_broken_words(papers)[0].abstract == papers[0].abstract


def test_titles_keep_their_words_so_ids_and_slugs_never_depend_on_other_papers() -> None:
    """A title joined by another paper's words changed the paper's id and slug."""
    alone = HEADER + "Segmen- tation of cells with graphs\nWe segment cells with graphs.\n"
    other = HEADER + "Segmentation of kidneys\nWe segment kidneys with segmentation nets.\n"
    (paper,) = ingest_texts([("a.txt", alone.encode())]).papers
    both = ingest_texts([("a.txt", alone.encode()), ("b.txt", other.encode())]).papers
    same = next(p for p in both if p.id == paper.id)
    assert same.slug == paper.slug and same.title == paper.title
