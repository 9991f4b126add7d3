"""The corpus health page lists what happened to the input, and nothing that did not."""

from __future__ import annotations

from dataclasses import replace

from generator.links import HEALTH_DOC
from generator.model import Analysis, Corpus, FileSummary, Paper, PaperDate
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.health_page import render_health

PLAIN = Paper("a", "a", "papers/a/", "A", False, "Text.", ("Text.",), ())
GENERATED = Paper("b", "b", "papers/b/", "B <i>", True, "Text.", ("Text.",), ())


def _health(*papers: Paper) -> str:
    site = SiteContext(Corpus(papers), Analysis(), "Site", None)
    return render_health(make_environment(), site)[HEALTH_DOC]


def test_empty_lists_are_one_plain_line_not_empty_sections() -> None:
    page = _health(PLAIN)
    assert "(0)" not in page and "None." not in page
    assert (
        "\n## " not in page.split("## How the listings were read", 1)[1]
    )  # no section but the file table
    assert (
        "None found: merged listings, papers with several versions, metadata conflicts, "
        "possible duplicates, rejected input, generated titles, inferred dates or "
        "warnings and errors.\n" in page
    )


def test_a_list_with_entries_keeps_its_section() -> None:
    page = _health(PLAIN, GENERATED)
    assert "## Generated titles (1)" in page and "B &lt;i&gt;" in page
    assert "None found:" in page and "generated titles" not in page.split("## ", 2)[1]


def _opening(*papers: Paper) -> str:
    """The page's first paragraph, as read (Markdown's escapes dropped)."""
    return (
        _health(*papers).split("# About this corpus\n\n", 1)[1].split("\n", 1)[0].replace("\\", "")
    )


def test_the_page_opens_with_what_the_listings_give_and_what_none_gives() -> None:
    dated = replace(PLAIN, slug="c", published=PaperDate(2019, 1, 2), upvotes=0)
    later = replace(PLAIN, slug="d", published=PaperDate(2024, 5, 6), authors=("Ada Lovelace",))
    assert _opening(PLAIN, dated, later) == (
        "3 papers, read from 0 listing files. The listings give a date (2019–2024) for 2 "
        "papers, author names for 1 and upvotes for 1, but no links. A paper's page "
        "shows what its listing gave; its look-up links (arXiv, Semantic Scholar, Hugging "
        "Face) find the rest of the reference."
    )
    assert _opening(PLAIN) == (
        "1 paper, read from 0 listing files. The listings give no dates, author names or "
        "links. A paper's page shows what its listing gave; its look-up links (arXiv, "
        "Semantic Scholar, Hugging Face) find the rest of the reference."
    )
    full = replace(later, external_url="https://example.org/d")
    assert _opening(full) == (
        "1 paper, read from 0 listing files. The listings give a date, author names and a "
        "link for every paper."
    )


def test_the_file_table_names_formats_in_words() -> None:
    """ "bare-abstracts" is ingest's key for the format, not a reader's word."""
    files = (
        FileSummary("a.txt", "bare-abstracts", 1, 0),
        FileSummary("b.jsonl", "jsonl", 2, 0),
        FileSummary("c.txt", "unrecognised", 0, 1),
    )
    site = SiteContext(Corpus((PLAIN,), files=files), Analysis(), "Site", None)
    page = render_health(make_environment(), site)[HEALTH_DOC]
    assert "| a\\.txt | bare abstracts | 1 | 0 |" in page
    assert "| b\\.jsonl | JSON Lines | 2 | 0 |" in page
    assert "| c\\.txt | unrecognised | 0 | 1 |" in page
    assert "4 records became 1 paper." in page  # "1 records became 1 papers"
