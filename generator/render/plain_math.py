"""Math fragments written as plain text, for places that show text rather than typeset
math: a page read with scripts off, search excerpts (Pagefind indexes the page's text),
a tab's title, graph labels, a plain-text citation.

`unicode_math` writes a fragment in Unicode only when every part has a form ("ell_1" ->
"ℓ₁"): such a fragment needs no KaTeX. `readable_math` always gives text: Unicode where
it can, fonts dropped and other scripts marked ("mathcal{O}(T^{-1/2d})" ->
"O(T^(-1/2d))"), as one would type it in an e-mail; never the lost-backslash form a
listing wrote, which reads as words ("mathcal", "pm").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.render.math import split_math

RAISED, LOWERED = "0123456789+-=()ni", "0123456789+-=()aeioux"  # with Unicode forms
SUPERSCRIPT = str.maketrans(RAISED, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
SUBSCRIPT = str.maketrans(LOWERED, "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒᵤₓ")
# Command words that one Unicode character writes: "ell_1" -> "ℓ₁", "0 leq q" -> "0 ≤ q".
_UNICODE_COMMANDS = {
    "ell": "ℓ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "tau": "τ",
    "rho": "ρ", "phi": "φ", "varphi": "φ", "psi": "ψ", "pi": "π", "omega": "ω", "eta": "η",
    "kappa": "κ", "nu": "ν", "xi": "ξ", "zeta": "ζ", "chi": "χ", "iota": "ι",
    "upsilon": "υ", "Theta": "Θ", "Lambda": "Λ", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
    "Omega": "Ω", "Delta": "Δ", "Gamma": "Γ", "Upsilon": "Υ",
    "infty": "∞", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
    "approx": "≈", "equiv": "≡", "ll": "≪", "gg": "≫", "cdot": "·", "times": "×",
    "pm": "±", "mp": "∓", "circ": "∘", "sim": "∼", "propto": "∝", "in": "∈",
    "rightarrow": "→", "to": "→", "leftarrow": "←", "mapsto": "↦", "partial": "∂",
    "nabla": "∇", "dagger": "†", "prime": "′", "top": "⊤", "ldots": "…", "cdots": "⋯",
}  # fmt: skip
# Commands whose argument is the text itself: fonts and words set upright.
_FONTS = frozenset(
    "mathcal mathbb mathbf mathrm mathsf mathit mathtt mathfrak boldsymbol bm "
    "operatorname text textrm textbf textit".split()
)
# Accents: a combining mark over a one-character argument, else the argument alone.
_ACCENTS = {
    "hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303", "widetilde": "\u0303",
    "bar": "\u0304", "overline": "\u0305", "vec": "\u20d7", "dot": "\u0307",
    "ddot": "\u0308", "check": "\u030c", "breve": "\u0306",
}  # fmt: skip
# Scripts written after their base as they are, with no mark (x^* reads x*).
_PLAIN_SCRIPTS = frozenset("*′†")
_OPERATORS = frozenset("+-−*/=<>,;: ·×±∓∘≤≥≠≈∼→←↦∈")
_TYPED_RE = re.compile(r"(?<![^\W_])[A-Za-z]+[0-9]+(?![^\W_])")
_TOKEN_RE = re.compile(r"\\(?:[A-Za-z]+|.?)|.", re.DOTALL)


def unicode_math(tex: str) -> str | None:
    """A math fragment's TeX form `tex` in Unicode characters ("ell_1" -> "ℓ₁",
    "0 leq q < 1" -> "0 ≤ q < 1", "2^10" -> "2¹⁰"), whole or not at all: None when any
    part has no Unicode form ("x_ij", "theta^*", "mathcal{O}")."""
    reader = _Reader(tex)
    text = reader.text()
    return text if reader.exact else None


def readable_math(tex: str) -> str:
    """`tex` as plain text a reader can follow: Unicode where a part has a form, fonts
    dropped, fractions and roots written out, other scripts marked
    ("mathcal{O}(T^{-1/2d})" -> "O(T^(-1/2d))", "f_theta" -> "f_θ", "x^*" -> "x*")."""
    return _Reader(tex).text()


def typed_math_words(texts: Iterable[str]) -> list[str]:
    """The words a visitor types for the math of `texts` where the page shows Unicode:
    "l1" for ℓ₁, "co2" for CO₂, "t1" for T₁, "ap50" for AP₅₀ (compatibility forms,
    NFKC): ASCII letters then digits, as such names are typed. Each once, in the order
    they come."""
    words: dict[str, None] = {}
    for text in texts:
        for fragment in split_math(text):
            if fragment.tex is not None:
                typed = unicodedata.normalize("NFKC", readable_math(fragment.tex))
                words.update(dict.fromkeys(w.casefold() for w in _TYPED_RE.findall(typed)))
    return list(words)


class _Reader:
    """Reads a TeX form token by token; `exact` stays True while every part so far had a
    Unicode form of its own."""

    def __init__(self, tex: str) -> None:
        self._tokens: list[str] = _TOKEN_RE.findall(tex)
        self._at = 0
        self.exact = True

    def text(self, *, in_group: bool = False) -> str:
        """The tokens up to the end, or up to the brace that closes a group."""
        parts: list[str] = []
        while self._at < len(self._tokens):
            token = self._tokens[self._at]
            self._at += 1
            if token == "}":
                if in_group:
                    return "".join(parts)
                self.exact = False  # a stray brace: left out
            elif token == "{":
                self.exact = False
                parts.append(self.text(in_group=True))
            elif token in ("^", "_"):
                parts.append(self._script(token))
            elif token.startswith("\\"):
                written = self._command(token[1:])
                if len(written) > 1 and written.isalpha() and parts and parts[-1][-1:].isalnum():
                    written = " " + written  # "d log(T/d)", not "dlog"
                parts.append(written)
            else:
                self.exact = self.exact and token != "$"
                parts.append(token)
        return "".join(parts)

    def _argument(self) -> str:
        """A command's or script's argument: a braced group or one token."""
        if self._at == len(self._tokens):
            self.exact = False
            return ""
        token = self._tokens[self._at]
        self._at += 1
        if token == "{":
            return self.text(in_group=True)
        if token.startswith("\\"):
            return self._command(token[1:])
        if token in ("^", "_", "}"):
            self.exact = False
            return ""
        return token

    def _command(self, name: str) -> str:
        if name in _UNICODE_COMMANDS:
            return _UNICODE_COMMANDS[name]
        if name == "%":
            return "%"
        self.exact = False
        if name in _FONTS:
            return self._argument()
        if name in _ACCENTS:
            argument = self._argument()
            return argument + _ACCENTS[name] if len(argument) == 1 else argument
        if name in ("frac", "dfrac", "tfrac"):
            numerator = self._argument()
            return _grouped(numerator) + "/" + _grouped(self._argument())
        if name == "sqrt":
            return "√" + _grouped(self._argument())
        if name in (",", ";", ":", " ", "\\", "quad", "qquad"):
            return " "
        if name in ("", "!"):
            return ""
        return name  # \log, \max, \sin; \{ and \_ as the character

    def _script(self, mark: str) -> str:
        argument = self._argument()
        table, known = (SUPERSCRIPT, RAISED) if mark == "^" else (SUBSCRIPT, LOWERED)
        if argument and set(argument) <= set(known):
            return argument.translate(table)
        self.exact = False
        if mark == "^" and argument == "⊤":
            return "ᵀ"
        if mark == "^" and argument in _PLAIN_SCRIPTS:
            return argument
        return mark + _grouped(argument)


def _grouped(text: str) -> str:
    """`text` in parentheses when it holds an operator or space, so a script or a
    fraction's part reads as one: "T^(-1/2d)", "(k+1)/n"."""
    if len(text) > 1 and any(c in _OPERATORS for c in text):
        return f"({text})"
    return text
