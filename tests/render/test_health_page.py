"""The corpus health page lists what happened to the input, and nothing that did not."""

from __future__ import annotations

from generator.links import HEALTH_DOC
from generator.model import Analysis, Corpus, Paper
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
    assert "\n## " not in page.split("## Files", 1)[1]  # no section but the file table
    assert (
        "None found: merged listings, papers with several versions, metadata conflicts, "
        "possible duplicates, rejected input, generated titles, inferred dates or "
        "warnings and errors.\n" in page
    )


def test_a_list_with_entries_keeps_its_section() -> None:
    page = _health(PLAIN, GENERATED)
    assert "## Generated titles (1)" in page and "B &lt;i&gt;" in page
    assert "None found:" in page and "generated titles" not in page.split("## ", 2)[1]
