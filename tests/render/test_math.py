"""Math-like fragments of scraped abstracts: found by shape, text kept, TeX restored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.math import (
    _MAYBE_MATH_RE,
    _TOKEN_RE,
    Fragment,
    _candidate_tokens,
    split_math,
    to_tex,
)


def _math(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.tex) for f in split_math(text) if f.tex is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rate mathcal{O}(T^{-1/2d}).", [("mathcal{O}(T^{-1/2d})", r"\mathcal{O}(T^{-1/2d})")]),
        ("the ell_1-norm", [("ell_1", r"\ell_1")]),
        ("L_{1}-regularized", [("L_{1}", "L_{1}")]),
        ("a (1-e^{-pi/2}) factor", [("(1-e^{-pi/2})", r"(1-e^{-\pi/2})")]),
        ("of 10^{45} steps,", [("10^{45}", "10^{45}")]),
        ("beta^{*top} here", [("beta^{*top}", r"\beta^{*\top}")]),
    ],
)
def test_fragments_found_with_tex(text: str, expected: list[tuple[str, str]]) -> None:
    assert _math(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U^2-Net^{dagger} is a method name",
        "SP^2OT and SL^{2}A-INR are names",
        "the (PAT_ch) module",
        "see https://github.com/a_b/c^d for code",
        "90% accuracy with snake case words",
        "plain prose without any math at all.",
        # identifiers, file names and prose with math-looking words (issue 16)
        "the my_var variable and min_samples, max_length, log_softmax, top_k sampling",
        "saved to data_v2.csv and file_1.txt",
        "exp(decay) rate, min(loss), circ(ular) and a cut-off Theta(hello world)",
        "hat(x) and bar(3) want braces; word^word is no power",
    ],
)
def test_names_urls_and_prose_are_not_math(text: str) -> None:
    assert _math(text) == []


@pytest.mark.parametrize(
    ("text", "tex"),
    [("L_adv", "L_{adv}"), ("2^10", "2^{10}"), ("tau_max", r"\tau_{\max}"), ("x_i", "x_i")],
)
def test_scripts_of_several_characters_are_braced(text: str, tex: str) -> None:
    """TeX lowers only the first character of `L_adv`: the whole script is braced."""
    assert _math(f"a {text} term") == [(text, tex)]


def test_to_tex_escapes_percent_and_restores_commands() -> None:
    assert to_tex("Theta(d^{kq}) 5%") == r"\Theta(d^{kq}) 5\%"
    assert to_tex("Gamma(n) Delta_t iota^2") == r"\Gamma(n) \Delta_t \iota^2"


def test_a_fraction_that_lost_its_command_is_a_fraction() -> None:
    """`h:=1{2}|cdot|` (the listing's `\frac{1}{2}` without its command) showed "12"."""
    assert to_tex("h:=1{2}|cdot|_2^2") == r"h:=\frac{1}{2}|\cdot|_2^2"
    for kept in ("x^{1{2}}", "dfrac{1}{2}", "a_1{2}", "{1}{2}"):
        assert to_tex(kept) == kept


@given(st.text())
def test_split_math_keeps_every_character(text: str) -> None:
    assert "".join(f.text for f in split_math(text)) == text


def test_glued_commands_are_split_and_long_runs_left_alone() -> None:
    assert to_tex("widetildeTheta(d^4)") == r"\widetilde\Theta(d^4)"
    long_run = "pi" * 5000 + "^2"
    assert to_tex(long_run) == long_run


def test_a_command_glued_to_the_letter_before_it_is_restored() -> None:
    """The listing lost the space with the backslash: KaTeX set `hcirc` as five italic
    letters."""
    assert to_tex("T:R^drightarrow") == r"T:R^d\rightarrow"
    assert to_tex("f^{*}=hcirc") == r"f^{*}=h\circ"
    assert to_tex("O(nlog n)") == r"O(n\log n)"
    # Only operators and arrows glue: Greek letters, accents and `ell` end words
    # (`meta` is no m-eta), and a run that is a command itself is no letter and command.
    for kept in ("dpi^2 xmu_1", "L_{meta}", "h_{cell}", "x^{what}", "Beta(a,b)^2"):
        assert to_tex(kept) == kept
    for whole in ("nleq", "otimes", "hbar", "dfrac{1}{2}", "xpimu^2"):
        assert to_tex(whole) == whole


def test_a_fragment_with_a_command_that_draws_outside_the_line_stays_text() -> None:
    """A rule, kern, box, line break or negative space would cover the page (an abstract
    is untrusted; KaTeX's size cap lets negative sizes through)."""
    for hostile in (
        r"$x^{2}\rule[-40em]{5em}{5em}$",
        r"$x\kern-300em{}^2$",
        r"$\raisebox{-30em}{y}^2$",
        r"$x^2\\[-40em]y$",
        r"$a\!\!\!b^2$",
    ):
        text = f"where {hostile} holds"
        assert split_math(text) == [Fragment(text)], hostile
    for fine, tex in (
        (r"$\frac{1}{2}\|x\|_2^2$", r"\frac{1}{2}\|x\|_2^2"),
        (r"$O(\Delta^{2})$", r"O(\Delta^{2})"),
        (r"$\binom{n}{k}^2$", r"\binom{n}{k}^2"),
        (r"$x\,y^2$", r"x\,y^2"),
        # A written command is not cut after its backslash (`\beta` read as `\b` `\eta`).
        (r"$\beta_1+\zeta_2\otimes{x}^2$", r"\beta_1+\zeta_2\otimes{x}^2"),
    ):
        assert split_math(f"with {fine} here")[1].tex == tex, fine


def test_dollar_delimited_math_keeps_its_text_and_loses_the_dollars_in_tex() -> None:
    assert _math("so $x^2$ grows") == [("$x^2$", "x^2")]


def test_a_brace_group_with_spaces_stays_one_fragment() -> None:
    text = "size mathcal{O}(mathcal{C_{Phi circ Psi}/n}) where"
    assert _math(text) == [
        ("mathcal{O}(mathcal{C_{Phi circ Psi}/n})", r"\mathcal{O}(\mathcal{C_{\Phi \circ \Psi}/n})")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("with 0 leq q < 1 (including", [("0 leq q < 1", r"0 \leq q < 1")]),
        ("where (xi cdot 100%) of labels", [("xi cdot 100%", r"\xi \cdot 100\%")]),
        (
            "a 256 times 256 times 256 volume",
            [("256 times 256 times 256", r"256 \times 256 \times 256")],
        ),
        ("is 1-2 / pi approx 0.3634", [("pi approx 0.3634", r"\pi \approx 0.3634")]),
        ("with only approx1% of it", [("approx1%", r"\approx1\%")]),
        ("where I(cdot;cdot) is", [("I(cdot;cdot)", r"I(\cdot;\cdot)")]),
        ("where p : R^d rightarrow R is", [("R^d rightarrow R", r"R^d \rightarrow R")]),
        ("with epsilon leq 10^{-3} here", [("epsilon leq 10^{-3}", r"\epsilon \leq 10^{-3}")]),
        ("and x neq y.", [("x neq y", r"x \neq y")]),
        ("a 36times faster run", [("36times", r"36\times")]),  # "36\times": 36×
        ("AFHQ 512times 512 images", [("512times 512", r"512\times 512")]),
        ("of the form h = g circ p where", [("h = g circ p", r"h = g \circ p")]),
        ("an AUROC of 0.78 pm 0.10, and", [("0.78 pm 0.10", r"0.78 \pm 0.10")]),
        (
            "maps T=nabla f_theta, where f_theta is",
            [("T=nabla f_theta", r"T=\nabla f_\theta"), ("f_theta", r"f_\theta")],
        ),
        # a formula that ends in an operator takes its last operand (it stopped before it)
        ("functions f^{*}=hcirc g from", [("f^{*}=hcirc g", r"f^{*}=h\circ g")]),
        ("vectors Delta(x):= T(x)-x they", [("Delta(x):= T(x)-x", r"\Delta(x):= T(x)-x")]),
        ("so x^2= a value", [("x^2=", "x^2=")]),  # "a" is a word
        ("with N^2= 3,000 samples", [("N^2=", "N^2=")]),  # not "N^2= 3" and ",000"
        ("a^2= b-c+d-e+f-g holds", [("a^2=", "a^2=")]),  # longer than taken: not cut
    ],
)
def test_a_relation_between_operands_is_math(text: str, expected: list[tuple[str, str]]) -> None:
    """Relations whose backslash was lost read "0 leq q < 1" on the page."""
    assert _math(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "two times faster and 3 times faster",
        "3 times a day",
        "ResNet-50 times 2",
        "GPT-4 approx 5%",
        "a height of 0.79m approx",
        "the approx count",
        "a sim card",
        "approximately 5",
        "sometimes 5 times",
        "the nabla operator",
        "a circ of 5",
        "an F_beta-score of 0.8",
        "the sub_nabla x field",
        "Delta Airlines and Gamma rays",
        "a Raspberry Pi(4B) board and the Xi(2021) baseline",
        "we met at 5 pm on Friday",
        "the pmax value and pm2.5 levels",
        "open from 9 am to 5 pm 7 days a week",
    ],
)
def test_relation_words_in_prose_are_not_math(text: str) -> None:
    assert _math(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000 + " leq 2",
        "1=" * 50_000 + " leq 1",
        "x<" * 50_000 + "x leq y",
        "x leq " * 20_000,
        "x=nabla " * 20_000,
        "f_theta circ " * 20_000,
    ],
)
def test_a_hostile_abstract_is_read_in_linear_time(text: str) -> None:
    """Unbounded repeats tried from every position took 10 s for 10 KB of digits."""
    assert "".join(f.text for f in split_math(text)) == text


def test_a_greek_letter_the_math_uses_is_one_in_the_prose_too() -> None:
    """ "where h:=...+tau and tau is a regularizer" showed τ, then the word "tau"."""
    text = "where h:=1{2}|cdot|_2^2+tau and tau is a regularizer, the prox of tau."
    assert [tex for _, tex in _math(text)] == [r"h:=\frac{1}{2}|\cdot|_2^2+\tau", r"\tau", r"\tau"]
    # a name the math does not use stays a word, and so does one inside another word
    assert _math("the tau lepton and the Delta variant") == []
    assert _math("with f_theta learned, theta-join and theta/2 stay") == [("f_theta", r"f_\theta")]


@given(st.text(alphabet="ab1 ^_(){}.\t\u00a0\u2003", max_size=60))
def test_only_tokens_that_may_be_math_are_read_and_all_of_them(text: str) -> None:
    """The runs found from ^ _ ( are exactly the tokens holding them, spaces of any kind
    (a no-break space, an em space) included."""
    every = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(text)]
    assert list(_candidate_tokens(text)) == [
        (token, offset) for token, offset in every if _MAYBE_MATH_RE.search(token)
    ]
