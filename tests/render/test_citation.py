"""Citations built from the listing alone: BibTeX that compiles as written, a plain line."""

from __future__ import annotations

import pytest

from generator.model import Paper, PaperDate
from generator.render.citation import citation_key, cite


def _paper(title: str = "A Title", **fields: object) -> Paper:
    return Paper("id", "a-title", "papers/a-title/", title, False, "Abstract.", (), (), **fields)


def test_a_full_entry_has_authors_year_month_and_url() -> None:
    paper = _paper(
        "U^2-Net: 90% & more_{x} #1 ~ok {sic} \\path",
        authors=("Xuebin Qin", "Zichen Zhang"),
        published=PaperDate(2020, 5, 18),
    )
    citation = cite(paper, "https://example.org/papers/u-2-net/")
    assert citation.bibtex == (
        "@misc{qin2020u2net,\n"
        "  author = {Xuebin Qin and Zichen Zhang},\n"
        r"  title = {{U$^{2}$-Net: 90\% \& $more_{x}$ \#1 \~{}ok "
        r"\textbraceleft{}sic\textbraceright{} \textbackslash{}path}},"
        "\n  year = {2020},\n"
        "  month = may,\n"
        "  url = {https://example.org/papers/u-2-net/}\n"
        "}"
    )
    assert citation.plain == (
        "Xuebin Qin, Zichen Zhang. U²-Net: 90% & moreₓ #1 ~ok {sic} \\path. 2020. "
        "https://example.org/papers/u-2-net/"
    )


@pytest.mark.parametrize(
    ("title", "field", "plain"),
    [
        ("X^{2}-Gaussian: 4D Radiative", "X$^{2}$-Gaussian: 4D Radiative", "X²-Gaussian"),
        ("SL^{2}A-INR: Single-Layer", "SL$^{2}$A-INR: Single-Layer", "SL²A-INR"),
        ("U^2-Net: Going Deeper", "U$^{2}$-Net: Going Deeper", "U²-Net"),
    ],
)
def test_a_names_superscript_is_raised_as_on_the_page(title: str, field: str, plain: str) -> None:
    """Escaped, "X^{2}-Gaussian" printed as written in a bibliography."""
    citation = cite(_paper(title, published=PaperDate(2020, 5, 18)), None)
    assert f"title = {{{{{field}}}}}" in citation.bibtex
    assert citation.plain.startswith(plain)
    assert _closes(citation.bibtex)


def test_what_the_listing_does_not_say_is_left_out() -> None:
    """No authors, an inferred year (not printed), no URL: none of them is made up."""
    paper = _paper("Why does it work?", published=PaperDate(2024, 3, 8, year_inferred=True))
    citation = cite(paper, None)
    assert citation.bibtex == "@misc{whydoeswork,\n  title = {{Why does it work?}}\n}"
    assert citation.plain == ""  # the title alone: the page's heading says it
    dated = cite(_paper("Why does it work?", published=PaperDate(2024, 3, 8)), None)
    assert dated.plain == "Why does it work? 2024."


def test_keys_are_ascii_and_skip_words_that_say_nothing() -> None:
    paper = _paper("The Naïve Fréchet Bound", authors=("José Álvarez-Núñez",))
    assert citation_key(paper) == "alvareznuneznaive"
    dated = _paper("On a Net", published=PaperDate(2021, 1, 2))
    assert citation_key(dated) == "net2021"  # no authors: the words, then the year
    longer = _paper("Learning Confident Classifiers in the Presence of Label Noise")
    assert citation_key(longer) == "learningconfidentclassifiers"
    assert citation_key(_paper("AI", published=PaperDate(2020, 1, 1))) == "ai2020"
    codec = _paper("SoundStream: An End-to-End Neural Audio Codec")
    assert citation_key(codec) == "soundstreamendtoendneural"  # was "soundstreamendend"
    volumetric = _paper("3D U-Net: Learning Dense Volumetric Segmentation")
    assert citation_key(volumetric) == "3dunetlearning"  # a short word with a digit counts
    dated = dict(authors=("Özgün Çiçek",), published=PaperDate(2016, 6, 21))
    # after the year a digit would read as the year's ("cicek20163d"); a number says nothing
    assert citation_key(_paper(volumetric.title, **dated)) == "cicek2016unet"
    assert citation_key(_paper("1 Bit Is All We Need", **dated)) == "cicek2016bit"
    very_long = _paper("Supercalifragilisticexpialidocious " * 3, published=PaperDate(2021, 1, 1))
    assert citation_key(very_long).endswith("2021") and len(citation_key(very_long)) == 60


def test_braces_and_backslashes_of_a_url_cannot_end_the_field() -> None:
    bibtex = cite(_paper(), "https://example.com/a}b{c%20d\\e").bibtex
    assert "url = {https://example.com/a%7Db%7Bc%20d%5Ce}" in bibtex
    body = bibtex.split("{", 1)[1]
    depth = 0
    for character in body:  # braces balance, and the entry closes only at its end
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= -1
    assert depth == -1 and bibtex.endswith("}")


def test_what_is_missing_is_said_and_a_full_entry_says_nothing() -> None:
    assert cite(_paper(), None).missing == "author names, date or link to the paper"
    guessed = _paper(published=PaperDate(2025, 8, 19, year_inferred=True))  # shown inferred
    assert cite(guessed, None).missing == "author names, printed year or link to the paper"
    dated = _paper(published=PaperDate(2020, 5, 18))
    assert cite(dated, "https://example.org/").missing == "author names"
    full = _paper(authors=("A. Author",), published=PaperDate(2020, 5, 18))
    assert cite(full, "https://example.org/").missing == ""


def _closes(bibtex: str) -> bool:
    """BibTeX counts every brace, escaped or not: the entry ends where they balance."""
    depth = 0
    for position, ch in enumerate(bibtex):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and ch == "}":
            return position == len(bibtex) - 1
    return False


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Beyond ell_1 sparse coding", "Beyond $\\ell_1$ sparse coding"),
        ("Rates mathcal{O}(T^{-1/2d}) hold", "Rates $\\mathcal{O}(T^{-1/2d})$ hold"),
        ("Bound mathcal{O}(n^{2) rates", None),  # unbalanced: escaped text
        ("A { lone brace", "A \\textbraceleft{} lone brace"),
        ("Bound mathcal{O}(n^{\\input{x}}) rates", None),  # a command of its own: text
        ("x^{\\write18{ls}} y", None),
        ("mathcal{a\\}", None),
    ],
)
def test_a_titles_math_is_tex_math_and_anything_else_stays_text(
    title: str, field: str | None
) -> None:
    """As the page typesets `ell_1`; a fragment whose TeX would end the field early or
    run a command the listing wrote is escaped text, and every entry closes where it
    ends."""
    bibtex = cite(_paper(title), None).bibtex
    assert _closes(bibtex), bibtex
    if field is not None:
        assert f"title = {{{{{field}}}}}" in bibtex
    else:
        assert "$" not in bibtex and "\\input{" not in bibtex and "\\write" not in bibtex
