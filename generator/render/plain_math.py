"""Math fragments written as plain text, for places that show text rather than typeset
math: a page read with scripts off, search excerpts (Pagefind indexes the page's text),
a tab's title, graph labels, a plain-text citation.

`unicode_math` writes a fragment in Unicode only when every part has a form ("ell_1" ->
"ℓ₁"): such a fragment needs no KaTeX. `readable_math` always gives text: Unicode where
it can, fonts dropped and other scripts marked ("mathcal{O}(T^{-1/2d})" ->
"O(T^(-1/2d))"), as one would type it in an e-mail; never the lost-backslash form a
listing wrote, which reads as words ("mathcal", "pm"). `typed_math_words` gives the
words a visitor types for such math ("l1" for ℓ₁), for search to find it by.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from generator.render.math import Fragment, split_math

RAISED, LOWERED = "0123456789+-=()ni", "0123456789+-=()aeioux"  # with Unicode forms
SUPERSCRIPT = str.maketrans(RAISED, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
SUBSCRIPT = str.maketrans(LOWERED, "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒᵤₓ")
# Command words that one Unicode character writes: "ell_1" -> "ℓ₁", "0 leq q" -> "0 ≤ q".
_UNICODE_COMMANDS = {
    # letters
    "ell": "ℓ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "theta": "θ", "vartheta": "ϑ", "lambda": "λ", "mu": "μ",
    "sigma": "σ", "varsigma": "ς", "tau": "τ", "rho": "ρ", "varrho": "ϱ", "phi": "φ",
    "varphi": "φ", "psi": "ψ", "pi": "π", "varpi": "ϖ", "omega": "ω", "eta": "η",
    "kappa": "κ", "varkappa": "ϰ", "nu": "ν", "xi": "ξ", "zeta": "ζ", "chi": "χ",
    "iota": "ι", "upsilon": "υ", "digamma": "ϝ", "Theta": "Θ", "Lambda": "Λ",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "Delta": "Δ", "Gamma": "Γ",
    "Upsilon": "Υ", "Pi": "Π", "Xi": "Ξ", "aleph": "ℵ", "hbar": "ℏ", "imath": "ı",
    "jmath": "ȷ", "wp": "℘", "Re": "ℜ", "Im": "ℑ",
    # relations
    "leq": "≤", "le": "≤", "leqslant": "⩽", "geq": "≥", "ge": "≥", "geqslant": "⩾",
    "neq": "≠", "ne": "≠", "nleq": "≰", "ngeq": "≱", "approx": "≈", "equiv": "≡",
    "cong": "≅", "ncong": "≇", "simeq": "≃", "sim": "∼", "nsim": "≁", "propto": "∝",
    "ll": "≪", "gg": "≫", "lesssim": "≲", "gtrsim": "≳", "prec": "≺", "succ": "≻",
    "preceq": "⪯", "succeq": "⪰", "asymp": "≍", "triangleq": "≜", "doteq": "≐",
    "coloneqq": "≔", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
    "supset": "⊃", "supseteq": "⊇", "sqsubset": "⊏", "sqsubseteq": "⊑", "mid": "∣",
    "nmid": "∤", "parallel": "∥", "nparallel": "∦", "perp": "⊥", "vdash": "⊢",
    "models": "⊨",
    # operators and symbols
    "cdot": "·", "cdotp": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓",
    "circ": "∘", "ast": "∗", "star": "⋆", "bullet": "•", "cup": "∪", "cap": "∩",
    "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "neg": "¬",
    "otimes": "⊗", "oplus": "⊕", "ominus": "⊖", "odot": "⊙", "oslash": "⊘",
    "intercal": "⊺", "forall": "∀", "exists": "∃", "emptyset": "∅", "varnothing": "∅",
    "infty": "∞", "partial": "∂", "nabla": "∇", "dagger": "†", "prime": "′", "top": "⊤",
    "bot": "⊥", "angle": "∠", "measuredangle": "∡", "triangle": "△", "square": "□",
    "blacksquare": "■", "lozenge": "◊", "diamond": "⋄", "sharp": "♯", "flat": "♭",
    "natural": "♮", "checkmark": "✓", "ldots": "…", "dots": "…", "cdots": "⋯",
    "vdots": "⋮", "ddots": "⋱", "colon": ":",
    # large operators
    "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "oint": "∮", "iint": "∬",
    "iiint": "∭", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    "bigvee": "⋁", "bigwedge": "⋀",
    # arrows
    "rightarrow": "→", "to": "→", "leftarrow": "←", "gets": "←", "mapsto": "↦",
    "longmapsto": "⟼", "leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐",
    "Leftrightarrow": "⇔", "longrightarrow": "⟶", "longleftarrow": "⟵",
    "Longrightarrow": "⟹", "Longleftarrow": "⟸", "Longleftrightarrow": "⟺",
    "implies": "⟹", "iff": "⟺", "uparrow": "↑", "downarrow": "↓", "Uparrow": "⇑",
    "Downarrow": "⇓", "updownarrow": "↕", "nearrow": "↗", "searrow": "↘",
    "hookrightarrow": "↪", "rightharpoonup": "⇀", "leftharpoonup": "↼",
    # delimiters
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
    "rceil": "⌉", "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖", "lVert": "‖",
    "rVert": "‖",
}  # fmt: skip
# Commands whose argument is the text itself: fonts, words set upright, boxes.
_FONTS = frozenset(
    "mathcal mathbb mathbf mathrm mathsf mathit mathtt mathfrak mathscr mathnormal "
    "boldsymbol bm operatorname text textrm textbf textit textsf texttt textnormal emph "
    "boxed cancel underbrace overbrace".split()
)
# Accents: a combining mark over a one-character argument, else the argument alone.
_ACCENTS = {
    "hat": "\u0302", "widehat": "\u0302", "tilde": "\u0303", "widetilde": "\u0303",
    "bar": "\u0304", "overline": "\u0305", "underline": "\u0332", "vec": "\u20d7",
    "overrightarrow": "\u20d7", "overleftarrow": "\u20d6", "dot": "\u0307",
    "ddot": "\u0308", "check": "\u030c", "breve": "\u0306",
}  # fmt: skip
# Operator names, written as the words they are ("log n", "max(a, b)").
OPERATOR_NAMES = frozenset(
    "log ln lg exp sin cos tan cot sec csc tanh sinh cosh arcsin arccos arctan lim "
    "liminf limsup sup inf arg argmin argmax det dim ker gcd lcm Pr min max mod bmod "
    "choose".split()
)
# Sizes of delimiters, and spaces: nothing, or one space.
_SIZES = frozenset(
    "left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr".split()
)
_SPACES = frozenset([",", ";", ":", " ", "\\", "quad", "qquad"])
# Raised signs written after their base with no mark: x^* reads x*, beta^{*top} β*ᵀ.
_RAISED_SIGN_FORMS = str.maketrans({"⊤": "ᵀ", **{c: c for c in "*′†"}}) | SUPERSCRIPT
_RAISED_SIGNS = frozenset(RAISED + "*′†⊤")
# Signs set between two operands: spaced alike on both sides.
_BINARY = frozenset("×·∘±∓≤≥≠≈≡∼∝∈→←↦⇒⟹∪∩⊂⊆")
_RELATIONS = frozenset("≤≥≠≈≡∼∝∈⊂⊆→←↦⇒⟹")  # not ×: "2.3× faster"
_OPERATORS = frozenset("+-−*/=<>,;: ·×±∓∘≤≥≠≈∼→←↦∈")
_UNICODE_SCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒᵤₓᵀ")
_MAY_TYPE_RE = re.compile("[_^ℓ₀-₉ₐₑᵢₒᵤₓ]|ell")
_TYPED_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+[0-9]+(?![A-Za-z0-9])")
_TYPED_CHARACTERS = str.maketrans("₀₁₂₃₄₅₆₇₈₉ₐₑᵢₒᵤₓℓ", "0123456789aeioux" + "l")
_TYPED_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NORM_INDEX_RE = re.compile("ℓ([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_MAX_DEPTH = 20  # nested groups and arguments read as such; abstracts nest two or three
_TOKEN_RE = re.compile(r"\\(?:[A-Za-z]+|.?)|.", re.DOTALL)


def unicode_math(tex: str) -> str | None:
    """A math fragment's TeX form `tex` in Unicode characters ("ell_1" -> "ℓ₁",
    "0 leq q < 1" -> "0 ≤ q < 1", "2^10" -> "2¹⁰"), whole or not at all: None when any
    part has no Unicode form ("x_ij", "theta^*", "mathcal{O}")."""
    reader = _Reader(tex)
    text = reader.text()
    return text if reader.exact else None


def readable_math(tex: str) -> str:
    """`tex` as plain text a reader can follow: whole in Unicode where it can be, else
    symbols in Unicode, fonts and sizes dropped, fractions and roots written out, and
    scripts of letters marked, so one formula does not mix "dₓ" and "d_y"
    ("mathcal{O}(T^{-1/2d})" -> "O(T^(-1/2d))", "f_theta" -> "f_θ", "x^*" -> "x*")."""
    return readable_maths([tex])[0]


def readable_maths(texs: Sequence[str]) -> list[str]:
    """The math fragments of one text (their TeX forms) as plain text, read alike: when
    one marks a script of letters Unicode cannot write ("d_y"), none writes one in
    Unicode ("d_x", not "dₓ", in the same abstract)."""
    readers = [_Reader(tex) for tex in texs]
    whole = [reader.text() for reader in readers]
    alike = not any(reader.marks_letters for reader in readers)
    return [
        text if alike and reader.exact else _Reader(tex, letter_scripts=False).text()
        for tex, reader, text in zip(texs, readers, whole, strict=True)
    ]


def typed_math_words(texts: Iterable[str]) -> list[str]:
    """The words a visitor types for the math of `texts` where the page shows Unicode:
    "l1" for ℓ₁ and ℓ¹ (a norm), "co2" for CO₂, "t1" for T₁, "ap50" for AP₅₀: ASCII
    letters then digits, as such names are typed. A power is not part of a name: O(n²)
    gives no "n2", ℓ₂² gives "l2". Math the listing wrote in Unicode counts too ("an ℓ₁
    penalty"). Each once, in the order they come. papersite.js `typedMathIn` finds them
    in the page's text the same way: words holding such a character."""
    words: dict[str, None] = {}
    for text in texts:
        if not _MAY_TYPE_RE.search(text):
            continue  # no script, ℓ or subscript: nothing typed otherwise (most texts)
        shown = "".join(
            fragment.text if read is None else read for fragment, read in read_fragments(text)
        )
        typed = as_typed(shown)  # one character for one: `shown`'s places hold
        for match in _TYPED_RE.finditer(typed):
            if shown[match.start() : match.end()] != match.group():
                words.setdefault(match.group().casefold())
    return list(words)


def read_fragments(text: str) -> list[tuple[Fragment, str | None]]:
    """The fragments of `text` (render/math.py), each math one with its plain text as
    `readable_maths` reads them together; None for prose."""
    fragments = split_math(text)
    read = iter(readable_maths([f.tex for f in fragments if f.tex is not None]))
    pairs = [(f, None if f.tex is None else next(read)) for f in fragments]
    for at, ((fragment, shown), (after, _)) in enumerate(itertools.pairwise(pairs)):
        # a relation or arrow ending the math before a space: "T:R^d → R^d", as inside
        if shown and shown[-1] in _RELATIONS and shown[-2:-1].isalnum() and after.text[:1] == " ":
            pairs[at] = (fragment, shown[:-1] + " " + shown[-1])
    return pairs


def as_typed(text: str) -> str:
    """`text` with the math characters a visitor types in ASCII so typed, one character
    for one: subscripts, ℓ, and the index of a norm (ℓ¹)."""
    text = _NORM_INDEX_RE.sub(lambda m: "l" + m.group(1).translate(_TYPED_SUPERSCRIPTS), text)
    return text.translate(_TYPED_CHARACTERS)


class _Reader:
    """Reads a TeX form token by token; `exact` stays True while every part so far had a
    Unicode form of its own."""

    def __init__(self, tex: str, *, letter_scripts: bool = True) -> None:
        self._tokens: list[str] = _TOKEN_RE.findall(tex)
        self._letter_scripts = letter_scripts  # ₐ ₑ ᵢ ₒ ᵤ ₓ ⁿ ⁱ, or _a, ^n
        self._at = 0
        self._depth = 0  # groups and arguments being read
        self.exact = True
        self.marks_letters = False  # a name-like script written with its mark ("d_y")

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
                parts.append(self._group())
            elif token in ("^", "_"):
                parts.append(self._script(token))
            elif token.startswith("\\"):
                written = self._command(token[1:])
                before = parts[-1][-1:] if parts else ""
                if len(written) > 1 and written.isalpha() and before.isalnum():
                    written = " " + written  # "d log(T/d)", not "dlog"
                spaced_after = self._tokens[self._at : self._at + 1] == [" "]
                if written in _BINARY and spaced_after and before.isalnum():
                    written = " " + written  # "h ∘ g" for `hcirc g`, "512 × 512"
                parts.append(written)
            else:
                self.exact = self.exact and token != "$"
                parts.append(token)
        if in_group:
            self.exact = False  # a group never closed ("x^{2")
        return "".join(parts)

    def _group(self) -> str:
        """A braced group's text, its opening brace read; nested too deep (hostile
        text: "{{{{..."), its opening brace is left out and its tokens read flat."""
        if self._depth == _MAX_DEPTH:
            self.exact = False
            return ""
        self._depth += 1
        written = self.text(in_group=True)
        self._depth -= 1
        return written

    def _argument(self) -> str:
        """A command's or script's argument: a braced group or one token."""
        if self._at == len(self._tokens):
            self.exact = False
            return ""
        token = self._tokens[self._at]
        self._at += 1
        if token == "{":
            return self._group()
        if token.startswith("\\"):
            if self._depth == _MAX_DEPTH:  # \hat\hat\hat...: the rest read flat
                self.exact = False
                return ""
            self._depth += 1
            written = self._command(token[1:])
            self._depth -= 1
            return written
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
        if name in ("binom", "dbinom", "tbinom"):
            top = self._argument()
            return f"C({top},{self._argument()})"
        if name in ("overset", "underset", "stackrel"):
            self._argument()  # the small text over or under the sign
            return self._argument()
        if name == "sqrt":
            return "√" + _grouped(self._argument())
        if name == "pmod":
            return f"(mod {self._argument()})"
        if name == "not":
            return self._argument() + "\u0338"
        if name in ("xrightarrow", "xleftarrow"):
            above = self._argument()
            return ("→" if name == "xrightarrow" else "←") + (f"({above})" if above else "")
        if name in _SPACES:
            return " "
        if name in _SIZES or name in ("", "!"):
            return ""
        if name in OPERATOR_NAMES or not name.isalpha():
            return name  # \log, \max; \{ and \_ as the character
        return ""  # a command of no known form (not one a page's math may hold)

    def _script(self, mark: str) -> str:
        argument = self._argument()
        table, known = (SUPERSCRIPT, RAISED) if mark == "^" else (SUBSCRIPT, LOWERED)
        letters = any(c.isalpha() for c in argument)
        if argument and set(argument) <= set(known) and (self._letter_scripts or not letters):
            return argument.translate(table)
        self.exact = False
        if mark == "^" and argument and set(argument) <= _RAISED_SIGNS:
            return argument.translate(_RAISED_SIGN_FORMS)  # x*, β*ᵀ, A†
        nested = any(c in "^_" or c in _UNICODE_SCRIPTS for c in argument)
        word = mark == "^" and len(argument) > 1 and not argument.isdigit()
        self.marks_letters = self.marks_letters or (letters and argument.isalnum())
        return mark + (f"({argument})" if nested or word else _grouped(argument))


def _grouped(text: str) -> str:
    """`text` in parentheses when it holds an operator or space, so a script or a
    fraction's part reads as one: "T^(-1/2d)", "(k+1)/n"."""
    if len(text) > 1 and any(c in _OPERATORS for c in text):
        return f"({text})"
    return text
