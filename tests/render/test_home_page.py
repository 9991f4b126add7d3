"""The home page opens with the project's own words when papersite.yml gives them."""

from __future__ import annotations

from generator.model import Analysis, Corpus, Paper, PaperDate
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.index_pages import render_home

PAPERS = (Paper("a", "a", "papers/a/", "A", False, "Text.", ("Text.",), ()),)


def _home(intro: str | None) -> str:
    site = SiteContext(Corpus(PAPERS), Analysis(), "Reading group", None, intro)
    return render_home(make_environment(), site)


def test_the_intro_is_one_paragraph_of_text() -> None:
    page = _home('Papers our lab reads <script>alert("x")</script>\n\n# Not a heading *here*')
    intro = [line for line in page.splitlines() if line.startswith('<p class="ps-intro">')]
    assert intro == [
        '<p class="ps-intro">Papers our lab reads &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; '
        "# Not a heading *here*</p>"
    ]
    assert "\n1 paper in 0 topics.\n" in page


def test_without_an_intro_the_page_says_what_the_site_holds() -> None:
    page = _home(None)
    assert "ps-intro" not in page and "1 research paper in 0 topics." in page


def test_the_newest_papers_of_one_day_come_a_to_z_as_on_the_browse_pages() -> None:
    """They came z to a (sorted by date and slug, then reversed)."""
    day = PaperDate(2024, 5, 1)
    papers = tuple(
        Paper(s, s, f"papers/{s}/", title, False, "Text.", ("Text.",), (), published=day)
        for s, title in (("zeta", "Zeta nets"), ("alpha", "Alpha nets"), ("mid", "Mid nets"))
    )
    page = render_home(make_environment(), SiteContext(Corpus(papers), Analysis(), "R", None))
    newest = page.split("## Newest papers")[1]
    assert newest.index("Alpha nets") < newest.index("Mid nets") < newest.index("Zeta nets")


def _dated(slug: str, day: int, inferred: bool) -> Paper:
    return Paper(
        slug,
        slug,
        f"papers/{slug}/",
        slug.upper(),
        False,
        "Text.",
        ("Text.",),
        (),
        published=PaperDate(2025, 3, day, year_inferred=inferred),
    )


def test_inferred_years_are_said_once_when_every_date_shown_is_inferred() -> None:
    """Ten "(year inferred)" in a row were noise; a mixed list marks each one. The note
    comes before the list (under it, the dates were read as printed before it was)."""

    def home(*papers: Paper) -> str:
        site = SiteContext(Corpus(papers), Analysis(), "Site", None)
        return render_home(make_environment(), site)

    inferred = home(_dated("a", 1, True), _dated("b", 2, True))
    assert inferred.count("(year inferred)") == 0
    assert inferred.count("without a year: the years shown are inferred") == 1
    assert inferred.index("the years shown are inferred") < inferred.index("<ul>")
    mixed = home(_dated("a", 1, True), _dated("b", 2, False))
    assert mixed.count('<span class="ps-nowrap">(year inferred)</span>') == 1
    assert "the years shown are inferred" not in mixed
