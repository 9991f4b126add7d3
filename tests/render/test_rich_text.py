"""Corpus text as HTML: escaped, math marked, name scripts raised, safe links; every
character of the text still in the page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sitehtml import Node, parse

from generator.render.rich_text import rich_text, summary_html, unicode_scripts


def _tree(html: str) -> Node:
    return parse(f"<p>{html}</p>").find("p")


def _text(html: str) -> str:
    return _tree(html).text()


def _visible(node: Node) -> str:
    """The text a reader sees: without the hidden carets and braces."""
    return "".join(
        c if isinstance(c, str) else _visible(c)
        for c in node.children
        if isinstance(c, str) or "ps-caret" not in c.classes()
    )


@pytest.mark.parametrize(
    ("title", "raised"),
    [
        ("U^2-Net: Going Deeper", ["2"]),
        ("SP^2OT: Semantic", ["2"]),
        ("SL^{2}A-INR", ["2"]),
        ("X^{2}-Gaussian", ["2"]),
        ("U^2-Net^{dagger}", ["2", ""]),  # the dagger is drawn by CSS from data-symbol
    ],
)
def test_name_scripts_are_raised_and_the_written_text_kept(title: str, raised: list[str]) -> None:
    html = rich_text(title, links=False)
    assert [_visible(sup) for sup in _tree(html).find_all("sup", "ps-sup")] == raised
    assert _text(html) == title  # the hidden carets and braces keep the text as written


def test_links_are_http_only_and_tell_search_engines_nothing() -> None:
    text = "code: https://github.com/a/b. Also //gitlab.com/c/d, javascript:alert(1) and data:x"
    links = [
        (a.attrs["href"], a.text(), a.attrs["rel"]) for a in _tree(rich_text(text)).find_all("a")
    ]
    assert links == [
        ("https://github.com/a/b", "https://github.com/a/b", "nofollow"),
        ("https://gitlab.com/c/d", "//gitlab.com/c/d", "nofollow"),
    ]
    assert _text(rich_text(text)) == text


def test_markup_in_the_text_stays_text() -> None:
    html = rich_text('<script>alert("x")</script> & <b>bold</b> http://a.b/"onmouseover=x')
    assert "<script" not in html and "<b>" not in html and '"onmouseover' not in html


@given(st.text(max_size=200))
def test_every_character_is_kept(text: str) -> None:
    assert _tree(rich_text(text)).written_text() == text


def test_math_reads_as_text_until_typeset_and_keeps_the_written_form() -> None:
    """Search excerpts and pages read with scripts off showed "mathcal{O}(T^{-1/2d})" and
    "0.78 pm 0.10"; the written form stays in the tooltip."""
    tree = _tree(rich_text("a mathcal{O}(T^{-1/2d}) rate and ell_1 norms of 0.78 pm 0.10"))
    spans = [(n.attrs["data-tex"], n.text(), n.attrs.get("title")) for n in tree.find_all("span")]
    assert spans == [
        (r"\mathcal{O}(T^{-1/2d})", "O(T^(-1/2d))", "mathcal{O}(T^{-1/2d})"),
        (r"\ell_1", "ℓ₁", "ell_1"),
        (r"0.78 \pm 0.10", "0.78 ± 0.10", "0.78 pm 0.10"),
    ]
    assert tree.text() == "a O(T^(-1/2d)) rate and ℓ₁ norms of 0.78 ± 0.10"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("U^2-Net", "U²-Net"),
        ("X^{2}-Gaussian", "X²-Gaussian"),
        ("SL^{2}A-INR", "SL²A-INR"),
        ("SP^2OT and n^{-1}", "SP²OT and n⁻¹"),
        ("Net^{dagger}", "Net†"),
        ("x^{ab}", "x^(ab)"),  # no superscript characters: marked, as one
        ("a ^2 caret alone", "a ^2 caret alone"),
    ],
)
def test_plain_text_places_raise_name_scripts_with_unicode(written: str, shown: str) -> None:
    assert unicode_scripts(written) == shown


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Beyond ell_1 sparse coding in V1", "Beyond ℓ₁ sparse coding in V1"),
        ("with 0 leq q < 1", "with 0 ≤ q < 1"),
        ("O(n^2) and x_i", "O(n²) and xᵢ"),
        ("a 256 times 256 grid", "a 256 × 256 grid"),
        # no Unicode for a part: readable text, never "mathcal" or "times" as words
        ("rate mathcal{O}(T^{-1/2d})", "rate O(T^(-1/2d))"),
        ("a (1-e^{-pi/2}) factor", "a (1-e^(-π/2)) factor"),
        ("the tau_max bound", "the τ_max bound"),
        # a script is Unicode whole or marked: the page braces it whole (2^{10}, x_{ij})
        ("O(n^10) steps", "O(n¹⁰) steps"),
        ("weights x_ij", "weights x_ij"),
        ("a theta^* point", "a θ* point"),
        ("R^{n times n} matrices", "R^(n × n) matrices"),
    ],
)
def test_plain_text_places_write_math_in_unicode_or_readable_text(written: str, shown: str) -> None:
    """A tab's title and graph labels read "ell_1" where the page shows ℓ₁."""
    assert unicode_scripts(written) == shown


@pytest.mark.parametrize(
    ("written", "text", "typeset"),
    [
        ("a sparse ell_1 penalty", "a sparse ℓ₁ penalty", []),  # Unicode: no KaTeX needed
        ("U^2-Net segments <b>", "U²-Net segments <b>", []),  # markup stays text
        (
            "the Monge gap M^c_{rho}(T) of a map",
            "the Monge gap M^c_ρ(T) of a map",  # as read until KaTeX typesets it
            [r"M^c_{\rho}(T)"],
        ),
        (
            "where h:=1{2}|cdot|_2^2+tau and",
            "where h:=1/2|·|₂²+τ and",
            [r"h:=\frac{1}{2}|\cdot|_2^2+\tau"],
        ),
    ],
)
def test_summaries_write_math_in_unicode_else_typeset_it(
    written: str, text: str, typeset: list[str]
) -> None:
    """A topic page's summary line showed "h:=1{2}|cdot|_2^2+tau" where the abstract
    typesets it: math Unicode cannot write is a KaTeX span there too."""
    tree = _tree(summary_html(written, 180))
    assert tree.text() == text
    assert [
        n.attrs["data-tex"] for n in tree.find_all("span") if "ps-math" in n.classes()
    ] == typeset


def test_a_relation_ending_the_math_is_spaced_as_inside() -> None:
    """ "maps T:R^drightarrow R^d" read "T:R^d→ R^d": the fragment ends at the arrow."""
    text = _tree(rich_text("maps T:R^drightarrow R^d that are 2.3times faster")).text()
    assert text == "maps T:R^d → R^d that are 2.3× faster"


def test_one_text_reads_its_math_alike() -> None:
    """A review: "where dₓ and d_y are" (a subscript y has no Unicode form): when one
    fragment of a text marks a script of letters, none writes one in Unicode, and a
    summary typesets them all."""
    tree = _tree(rich_text("where d_x and d_y are widths, x_1 a point"))
    assert [n.text() for n in tree.find_all("span")] == ["d_x", "d_y", "x₁"]
    assert _tree(rich_text("where d_x is a width")).find("span").text() == "dₓ"
    typeset = _tree(summary_html("where d_x and d_y are widths", 180)).find_all("span")
    assert [n.attrs["data-tex"] for n in typeset] == ["d_x", "d_y"]


def test_a_summary_is_cut_as_shown_and_never_inside_math() -> None:
    """Cut as written, "… with epsilon leq" read raw; a fragment that does not fit is
    left out whole."""
    words = "word " * 34  # 170 characters
    cut = _tree(summary_html(words + "with epsilon leq delta and more words here", 180)).text()
    assert "leq" not in cut and "epsilon" not in cut and cut.endswith("…")
    assert len(cut) <= 180
    typeset = summary_html(words + "where M^c_{rho}(T) holds for all maps", 180)
    assert "ps-math" not in typeset and "M^c" not in typeset
    assert _tree(typeset).text() == words + "where…"
    assert summary_html("short enough", 180) == "short enough"
