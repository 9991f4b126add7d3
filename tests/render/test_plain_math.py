"""Math fragments as plain text: Unicode where every part has a form, else text a reader
can follow, never the lost-backslash words a listing wrote ("mathcal", "pm")."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.math import SAFE_COMMANDS, _as_commands, split_math, to_tex
from generator.render.plain_math import (
    OPERATOR_NAMES,
    readable_math,
    typed_math_words,
    unicode_math,
)


@pytest.mark.parametrize(
    ("written", "unicode"),
    [
        ("ell_1", "ℓ₁"),
        ("0 leq q < 1", "0 ≤ q < 1"),
        ("2^10", "2¹⁰"),
        ("0.78 pm 0.10", "0.78 ± 0.10"),
        ("g circ h", "g ∘ h"),
        ("128 times 128", "128 × 128"),
        ("x_ij", None),  # no subscript j
        ("theta^*", None),
        ("mathcal{O}(n)", None),
        ("frac{1}{2}", None),
        ("M^c_{rho}", None),
    ],
)
def test_unicode_math_is_whole_or_nothing(written: str, unicode: str | None) -> None:
    assert unicode_math(to_tex(written)) == unicode


@pytest.mark.parametrize(
    ("written", "readable"),
    [
        ("mathcal{O}(T^{-1/2d})", "O(T^(-1/2d))"),  # fonts dropped, a long script grouped
        ("f_theta", "f_θ"),
        ("theta^*", "θ*"),
        ("T_{2}^*", "T₂*"),
        ("ell_infty", "ℓ_∞"),
        ("R^{n times n}", "R^(n × n)"),
        ("mathcal{O}(mathcal{C_{Phi circ Psi}/n})", "O(C_(Φ ∘ Ψ)/n)"),
        ("h:=1{2}|cdot|_2^2+tau", "h:=1/2|·|₂²+τ"),  # the lost fraction
        ("Omega(sigma^2dlog(T/d))", "Ω(σ²d log(T/d))"),  # a function name stays a word
        ("ell_k^*approx(k+1/2)pi/log(1/rho)", "ℓ_k*≈(k+1/2)π/log(1/ρ)"),
        ("E[X]=O(e^{-c m})", "E[X]=O(e^(-c m))"),
        # a sign whose space before was lost with its backslash is spaced alike
        ("f^{*}=hcirc g", "f*=h ∘ g"),
        ("512times 512", "512 × 512"),
        ("2.3times", "2.3×"),
        ("beta^{*top}", "β*ᵀ"),  # raised signs with no mark
    ],
)
def test_readable_math_writes_what_unicode_cannot(written: str, readable: str) -> None:
    assert readable_math(to_tex(written)) == readable


@pytest.mark.parametrize(
    ("tex", "readable"),
    [
        (r"\frac{k+1}{n}", "(k+1)/n"),
        (r"\sqrt{d}", "√d"),
        (r"\hat{y} \neq \widetilde{xy}", "y\u0302 ≠ xy"),  # a combining mark over one letter
        (r"x\,y\!z", "x yz"),
        (r"x^\top A", "xᵀ A"),
        (r"\{a\}", "{a}"),
        (r"a}b{c", "abc"),  # stray braces are left out
        ("x^", "x^"),
        ("\\", ""),
    ],
)
def test_readable_math_reads_tex_written_with_backslashes(tex: str, readable: str) -> None:
    assert readable_math(tex) == readable


@given(st.text(max_size=80))
def test_any_text_reads_without_error_and_unicode_agrees_when_whole(text: str) -> None:
    for fragment in split_math(text):
        if fragment.tex is not None:
            whole = unicode_math(fragment.tex)
            assert whole is None or whole == readable_math(fragment.tex)


@given(st.text(alphabet="\\{}^_ab1 ", max_size=40))
def test_tex_made_of_marks_alone_reads_without_a_backslash(tex: str) -> None:
    assert "\\" not in readable_math(tex)


def test_math_shown_in_unicode_is_found_as_it_is_typed() -> None:
    """ "l1" found no page that shows ℓ₁, nor "co2" one that shows CO₂."""
    text = "the ell_1 norm, CO_2 and T_1-weighted scans, AP_{50}, O(n^2), 2^10, x_i, sigma^2 d"
    assert typed_math_words([text, "again ell_1"]) == ["l1", "co2", "t1", "ap50"]
    # a norm's index raised is typed too; a power is no part of a name
    assert typed_math_words(["costs ell^1 or ell^2, a squared ell_3^2 norm, m^2"]) == [
        "l1",
        "l2",
        "l3",
    ]
    assert typed_math_words(["no math at all: l1 and CO2"]) == []
    assert typed_math_words(["math the listing wrote in Unicode: an ℓ₁ penalty, CO₂"]) == [
        "l1",
        "co2",
    ]


@pytest.mark.parametrize(
    "written",
    [
        "mathcal" + "{" * 5000 + "x" + "}" * 5000,
        "x^" + "{" * 5000 + "2",
        "x^{^{^{^{" * 1000,
        "hat" * 3000 + "{x}",
        "T^{-1/2d}" + "{" * 5000,
    ],
    ids=["font", "script", "scripts", "accents", "after"],
)
def test_hostile_nesting_reads_without_error(written: str) -> None:
    """A group in a group in a group... (a recursion per level overflowed the stack)."""
    for fragment in split_math(written):
        if fragment.tex is not None:
            assert unicode_math(fragment.tex) is None
            assert len(readable_math(fragment.tex)) <= len(fragment.tex)
    assert readable_math("\\hat" * 5000 + "{x}") == "x\u0302"  # the last accent read
    assert readable_math("{" * 30 + "x" + "}" * 30) == "x"


def test_no_command_reads_as_a_bare_word_but_operator_names() -> None:
    """A review: "left( x right)", "sumᵢ₌₁", "langle x, y rangle", "binomnk". Every
    command a fragment may hold reads as a symbol, as its argument or as nothing; only
    operator names stay words ("log n")."""
    words = []
    for name in sorted(SAFE_COMMANDS):
        if name.isalpha() and name not in OPERATOR_NAMES:
            read = readable_math(f"a \\{name}{{x}}{{y}} b")
            if re.search(rf"(?<![A-Za-z]){name}(?![A-Za-z])", read):
                words.append((name, read))
    assert words == []


@given(st.text(alphabet="abdegilmnoprstx_^{}()= 12", max_size=40))
def test_readable_math_keeps_every_word_but_command_names(text: str) -> None:
    """A word of the written fragment that is no command's name is still read: the
    plain text drops fonts and spells signs, never a variable or a word."""
    for fragment in split_math(text):
        if fragment.tex is None:
            continue
        read = readable_math(fragment.tex)
        for word in re.findall(r"[A-Za-z]{2,}", fragment.text):
            if not _as_commands_or_none(word):
                assert word in read, (fragment.text, read)


def _as_commands_or_none(word: str) -> bool:
    """Whether `word` is made of command names (as math.py restores them), wholly or
    after one letter ("hcirc")."""
    return bool(_as_commands(word)) or bool(_as_commands(word[1:]))
