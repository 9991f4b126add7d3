"""Corpus text as HTML that reads well: escaped, with math typeset, superscripts of names
raised and web addresses made links; every character of the text is still shown.

- Math-like fragments (`mathcal{O}(n^2)`) become KaTeX spans (render/math.py).
- Method names written with a script (`U^2-Net`, `SL^{2}A`, `X^{2}-Gaussian`) get a
  `<sup>`, so the name reads U²-Net without loading KaTeX; the caret stays, hidden.
- http(s) and scheme-less addresses become links that tell search engines nothing
  (`rel="nofollow"`); an address that is not safe stays text.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

from generator.analyze.code_urls import url_spans
from generator.links import is_web_address
from generator.render.math import Fragment, split_math

# Kept as they are in external links; every other character is percent-encoded. Quotes
# are not kept: Markdown reads `'…'` after a URL as a link title.
_SAFE_URL_CHARS = ":/?&=#%~+@,;!$*-._"
# An encoded IPv6 host: the brackets are its own (`http://[::1]/`; encoded, no host).
_IPV6_HOST_RE = re.compile(r"^([A-Za-z]+://)%5B([0-9A-Fa-f:.]+)%5D(?=[:/?#]|$)")
# A name's superscript: braced, digits, or one letter: `U^2`, `SL^{2}A`, `X^{2}`, `Net^{dagger}`.
NAME_SCRIPT_RE = re.compile(
    r"(?<=[A-Za-z0-9)])\^(?:\{([^{}\s]{1,10})\}|(\d{1,3})|([A-Za-z])(?![A-Za-z]))"
)


def name_script(match: re.Match[str]) -> str:
    """The script of a NAME_SCRIPT_RE match: `2` of `U^2` and of `X^{2}`."""
    return next(group for group in match.groups() if group)


SCRIPT_SYMBOLS = {
    "dagger": "\u2020",
    "ddagger": "\u2021",
    "prime": "\u2032",
    "star": "*",
    "ast": "*",
}


_RAISED, _LOWERED = "0123456789+-=()ni", "0123456789+-=()aeioux"  # with Unicode forms
_SUPERSCRIPT = str.maketrans(_RAISED, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPT = str.maketrans(_LOWERED, "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒᵤₓ")
# Command words of a math fragment that one Unicode character writes, for plain-text
# places (a tab's title, graph labels): "ell_1" -> "ℓ₁", "0 leq q" -> "0 ≤ q".
_UNICODE_COMMANDS = {
    "ell": "ℓ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "tau": "τ",
    "rho": "ρ", "phi": "φ", "varphi": "φ", "psi": "ψ", "pi": "π", "omega": "ω", "eta": "η",
    "kappa": "κ", "nu": "ν", "xi": "ξ", "zeta": "ζ", "chi": "χ", "Theta": "Θ", "Lambda": "Λ",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "Delta": "Δ", "Gamma": "Γ",
    "infty": "∞", "leq": "≤", "geq": "≥", "neq": "≠", "approx": "≈", "cdot": "·",
    "times": "×", "sim": "∼", "propto": "∝", "rightarrow": "→", "leftarrow": "←",
    "mapsto": "↦", "partial": "∂", "nabla": "∇",
}  # fmt: skip
# In a fragment's TeX form: a command, a script (braced or one character), or a stray
# mark that plain text cannot write.
_TEX_PART_RE = re.compile(r"\\([A-Za-z]+|%)|([_^])(?:\{([^{}]*)\}|(.))|([{}$\\^_])")


def unicode_scripts(text: str, names: bool = True) -> str:
    """`text` with each name's superscript written with Unicode superscript characters
    where they exist (U^2-Net -> U²-Net, SL^{2}A -> SL²A; with `names`), and each math
    fragment that Unicode can write so ("ell_1" -> "ℓ₁"), for plain-text places such as
    graph labels and the tab's title; other scripts stay as written."""

    def raised(match: re.Match[str]) -> str:
        script = name_script(match)
        converted = script.translate(_SUPERSCRIPT)
        return (
            match.group()
            if any(c == o for c, o in zip(converted, script, strict=True))
            else converted
        )

    def plain(fragment: Fragment) -> str:
        if fragment.tex is not None:
            return _unicode_math(fragment.tex) or fragment.text
        return NAME_SCRIPT_RE.sub(raised, fragment.text) if names else fragment.text

    return "".join(plain(fragment) for fragment in split_math(text))


def summary_html(sentence: str, limit: int) -> Markup:
    """A list entry's summary line as HTML: name scripts and math in Unicode where they
    have a form, as `unicode_scripts` writes them; other math as a KaTeX span, as in the
    abstract (`h:=frac{1}{2}|cdot|_2^2`: unreadable as text), so a page loads KaTeX
    only for such a line. Cut at a word to at most `limit` characters as shown, never
    inside a math fragment ("epsilon leq" left raw by a cut between its words)."""
    pieces: list[tuple[str, Markup | None]] = []  # (visible text, its HTML; None: text)
    for fragment in split_math(sentence):
        if fragment.tex is None:
            pieces.append((unicode_scripts(fragment.text), None))
            continue
        written = _unicode_math(fragment.tex)
        span = Markup('<span class="ps-math" data-tex="{}">{}</span>')
        html = span.format(fragment.tex, fragment.text) if written is None else None
        pieces.append((fragment.text if written is None else written, html))
    if sum(len(text) for text, _ in pieces) > limit:
        kept: list[tuple[str, Markup | None]] = []
        room = limit - 1  # and "…"
        for text, html in pieces:
            if len(text) > room:
                if html is None:  # text, or math written in Unicode: cut at a word
                    kept.append((text[:room].rsplit(" ", 1)[0], None))
                break
            kept.append((text, html))
            room -= len(text)
        if kept and kept[-1][1] is None:
            kept[-1] = (kept[-1][0].rstrip(" ,;:"), None)
        pieces = [*kept, ("…", None)]
    return Markup("").join(Markup.escape(text) if html is None else html for text, html in pieces)


def _unicode_math(tex: str) -> str | None:
    """A math fragment's TeX form `tex` in Unicode characters ("ell_1" -> "ℓ₁",
    "0 leq q < 1" -> "0 ≤ q < 1", "2^10" -> "2¹⁰"), whole or not at all: None when any
    part has no Unicode form ("x_ij", "theta^*", "mathcal{O}")."""
    failed = False

    def part(match: re.Match[str]) -> str:
        nonlocal failed
        command, mark, braced, single, stray = match.groups()
        if command is not None:
            found = "%" if command == "%" else _UNICODE_COMMANDS.get(command)
            failed = failed or found is None
            return found or ""
        if stray is not None:  # a brace, dollar, caret or backslash left: not plain text
            failed = True
            return ""
        script = braced if braced is not None else single
        table, known = (_SUPERSCRIPT, _RAISED) if mark == "^" else (_SUBSCRIPT, _LOWERED)
        failed = failed or not script or not set(script) <= set(known)
        return script.translate(table)

    written = _TEX_PART_RE.sub(part, tex)
    return None if failed else written


def rich_text(text: str, *, links: bool = True) -> Markup:
    """`text` as escaped HTML with math, raised name scripts and (with `links`) links."""
    parts = []
    for fragment in split_math(text):
        if fragment.tex is None:
            parts.append(_linked(fragment.text) if links else _scripts(fragment.text))
        else:
            span = Markup('<span class="ps-math" data-tex="{}">{}</span>')
            parts.append(span.format(fragment.tex, fragment.text))
    return Markup("").join(parts)


def _linked(text: str) -> Markup:
    parts, position = [], 0
    for start, end, _url in url_spans(text):
        written = text[start:end]  # linked as written (http stays http), with a scheme
        href = external_href(_with_scheme(written))
        if href is None:
            continue
        parts.append(_scripts(text[position:start]))
        link = Markup('<a href="{}" rel="nofollow">{}</a>')
        parts.append(link.format(href, written))
        position = end
    parts.append(_scripts(text[position:]))
    return Markup("").join(parts)


def _with_scheme(address: str) -> str:
    if address.lower().startswith(("http://", "https://")):
        return address
    return "https:" + address if address.startswith("//") else "https://" + address


def _scripts(text: str) -> Markup:
    """Escaped `text` with each name's superscript raised. The caret and braces stay in
    the page, hidden (`ps-caret`): the page's text is still exactly the listing's. A
    symbol word (`^{dagger}`) is shown by CSS from `data-symbol`, its word hidden."""
    parts, position = [], 0
    for match in NAME_SCRIPT_RE.finditer(text):
        script = name_script(match)
        written = match.group()
        opening, closing = (
            written[: written.index(script)],
            written[written.index(script) + len(script) :],
        )
        parts.append(Markup.escape(text[position : match.start()]))
        if script in SCRIPT_SYMBOLS:
            sup = Markup(
                '<sup class="ps-sup" data-symbol="{}"><span class="ps-caret">{}</span></sup>'
            )
            parts.append(sup.format(SCRIPT_SYMBOLS[script], written))
        else:
            sup = Markup('<sup class="ps-sup"><span class="ps-caret">{}</span>{}{}</sup>')
            hidden = Markup('<span class="ps-caret">{}</span>').format(closing) if closing else ""
            parts.append(sup.format(opening, script, hidden))
        position = match.end()
    parts.append(Markup.escape(text[position:]))
    return Markup("").join(parts)


def external_href(url: str) -> Markup | None:
    """A safe href for an http(s) URL taken from the corpus; None for any other scheme.

    The result is for a Markdown link or a double-quoted HTML attribute: percent-encoded
    (quotes too), and with `&` written `&amp;` so that no `&lt;` or `&#60` in the URL
    reaches the browser as a character reference.
    """
    if not is_web_address(url):
        return None
    quoted = quote(url.strip(), safe=_SAFE_URL_CHARS)
    # An IPv6 host keeps its brackets (`http://[::1]/`): encoded, it names no host.
    quoted = _IPV6_HOST_RE.sub(lambda m: f"{m[1]}[{m[2]}]", quoted, count=1)
    return Markup(quoted.replace("&", "&amp;"))
