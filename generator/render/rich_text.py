"""Corpus text as HTML that reads well: escaped, with math typeset, superscripts of names
raised and web addresses made links; every character of the text is still on the page.

- Math-like fragments (`mathcal{O}(n^2)`) become KaTeX spans (render/math.py) that read
  as plain text until typeset (render/plain_math.py), the text as written in a tooltip.
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
from generator.render.math import Fragment
from generator.render.plain_math import SUPERSCRIPT, read_fragments, unicode_math

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


def unicode_scripts(text: str, names: bool = True) -> str:
    """`text` with each name's superscript written with Unicode superscript characters
    where they exist (U^2-Net -> U²-Net, SL^{2}A -> SL²A; with `names`), and each math
    fragment as plain text (plain_math.py: "ell_1" -> "ℓ₁"), for plain-text places such
    as graph labels and the tab's title; other name scripts stay as written."""

    def raised(match: re.Match[str]) -> str:
        script = name_script(match)
        converted = script.translate(SUPERSCRIPT)
        return (
            match.group()
            if any(c == o for c, o in zip(converted, script, strict=True))
            else converted
        )

    def plain(fragment: Fragment, read: str | None) -> str:
        if read is not None:
            return read
        return NAME_SCRIPT_RE.sub(raised, fragment.text) if names else fragment.text

    return "".join(plain(fragment, read) for fragment, read in read_fragments(text))


def summary_html(sentence: str, limit: int) -> Markup:
    """A list entry's summary line as HTML: name scripts and math in Unicode where they
    have a form, as `unicode_scripts` writes them; other math as a KaTeX span, as in the
    abstract (`h:=frac{1}{2}|cdot|_2^2`: unreadable as text), so a page loads KaTeX
    only for such a line. Cut at a word to at most `limit` characters as shown, never
    inside a math fragment ("epsilon leq" left raw by a cut between its words)."""
    pieces: list[tuple[str, Markup | None]] = []  # (visible text, its HTML; None: text)
    for fragment, read in read_fragments(sentence):
        if fragment.tex is None or read is None:
            pieces.append((unicode_scripts(fragment.text), None))
        elif read == unicode_math(fragment.tex):  # "dₓ" typeset when "d_y" must be
            pieces.append((read, None))
        else:
            pieces.append((read, math_span(fragment.text, fragment.tex, read)))
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


def rich_text(text: str, *, links: bool = True) -> Markup:
    """`text` as escaped HTML with math, raised name scripts and (with `links`) links."""
    parts = []
    for fragment, read in read_fragments(text):
        if fragment.tex is None or read is None:
            parts.append(_linked(fragment.text) if links else _scripts(fragment.text))
        else:
            parts.append(math_span(fragment.text, fragment.tex, read))
    return Markup("").join(parts)


def math_span(text: str, tex: str, shown: str) -> Markup:
    """A math fragment for KaTeX to typeset from `data-tex`. Until it does (or with
    scripts off, and for search, which indexes the page's text) the span reads as plain
    text, `shown` ("O(T^(-1/2d))"); its tooltip keeps the text as the listing wrote it."""
    if shown == text:
        return Markup('<span class="ps-math" data-tex="{}">{}</span>').format(tex, shown)
    return Markup('<span class="ps-math" data-tex="{}" title="{}">{}</span>').format(
        tex, text, shown
    )


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
