"""The methods page lists each method once, with every paper whose title names it."""

from __future__ import annotations

from generator.links import METHODS_DOC
from generator.model import Analysis, Corpus, Method, Paper
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.index_pages import render_methods


def _paper(slug: str, title: str) -> Paper:
    return Paper(slug, slug, f"papers/{slug}/", title, False, "Text.", ("Text.",), ())


PAPERS = (
    _paper("k1", "KiteNet: A Nested <Architecture>"),
    _paper("k2", "KiteNet: Redesigning Skip Connections"),
    _paper("u", "Using KiteNet"),
    _paper("l", "LoomGAN: Weaving"),
    _paper("l2", "LoomGAN: Weaving Again"),
)


def _methods(*methods: Method) -> str:
    site = SiteContext(Corpus(PAPERS), Analysis(methods=methods), "Site", None)
    return render_methods(make_environment(), site)[METHODS_DOC]


def test_a_method_named_by_two_titles_is_one_row_introduced_in_both() -> None:
    page = _methods(Method("KiteNet", "k1", ("u",), also=("k2",)))
    rows = [line for line in page.splitlines() if line.startswith("<tr id=")]
    assert len(rows) == 1 and rows[0].count("<strong>KiteNet</strong>") == 1
    introduced = rows[0].split('data-label="Introduced in">')[1].split("</td>")[0]
    assert "KiteNet: A Nested &lt;Architecture&gt;" in introduced
    assert "KiteNet: Redesigning Skip Connections" in introduced
    assert 'data-label="Mentioned by"' in rows[0] and "Using KiteNet" in rows[0]


def test_an_unmentioned_method_named_by_two_titles_is_listed_once() -> None:
    page = _methods(Method("LoomGAN", "l", also=("l2",)))
    alone = next(line for line in page.splitlines() if 'class="ps-methods-alone"' in line)
    assert alone.count(">LoomGAN</a>") == 1 and "another paper yet (1):" in page


def test_unmentioned_names_are_a_list_of_links() -> None:
    """One item per name, the whole item a link: read as a list, and no underline needed
    to tell a link from the text around it (the separators are the stylesheet's)."""
    page = _methods(Method("KiteNet", "k1"), Method("LoomGAN", "l"))
    alone = next(line for line in page.splitlines() if 'class="ps-methods-alone"' in line)
    assert alone.startswith('<ul class="ps-methods-alone" role="list"><li><a href=')
    assert alone.count("<li><a ") == 2 and ">KiteNet</a></li><li><a " in alone


def test_a_cell_of_several_papers_lists_one_title_a_line() -> None:
    """Titles joined by semicolons run together where they wrap; one paper stays a link."""
    page = _methods(Method("KiteNet", "k1", ("u", "l"), also=("k2",)))
    row = next(line for line in page.splitlines() if line.startswith("<tr id="))
    introduced, mentioned = (part.split("</td>")[0] for part in row.split("data-label=")[1:])
    for cell in (introduced, mentioned):
        assert cell.count('<ul class="ps-cell-list" role="list">') == 1
        assert cell.count("<li><a href=") == 2 and ";" not in cell.replace("&lt;", "").replace(
            "&gt;", ""
        )
    single = _methods(Method("LoomGAN", "l", ("u",)))
    row = next(line for line in single.splitlines() if line.startswith("<tr id="))
    assert "ps-cell-list" not in row and row.count("<a href=") == 2


def test_a_names_tooltip_shows_the_titles_math_as_text_can() -> None:
    """A tooltip cannot hold markup: it showed "SL^{2}A-INR" raw."""
    site = SiteContext(
        Corpus((_paper("s", "SL^{2}A-INR: Learnable Activations on ell_1"),)),
        Analysis(methods=(Method("SL²A-INR", "s"),)),
        "Site",
        None,
    )
    page = render_methods(make_environment(), site)[METHODS_DOC]
    assert 'title="SL²A-INR: Learnable Activations on ℓ₁"' in page
