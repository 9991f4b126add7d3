"""Text cleaning for scraped listings: LaTeX leftovers, Unicode, quotes and whitespace.

Unicode repair comes from ftfy: mojibake (`CafÃ©`), and the compatibility forms that
PDF extraction leaves and that would split words for search (the ligature `ﬁ`,
full-width letters); curly quotes are the author's and stay as written. Control
characters that break lines or fields become spaces, so no two words are glued.
The LaTeX part is hand-written on purpose: the listings hold *fragments* of LaTeX,
often with lost backslashes, which full LaTeX converters (pylatexenc and co.) mangle
(`mathcal{O}` becomes `mathcalO`). So only well-understood leftovers are rewritten
and every word is kept; math-like fragments stay as they are for the renderer to show.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import ftfy

from generator.greek_letters import GREEK_LETTERS

# \'e \"o \`a \^o \~n \=o \.z \u{g} \v{c} \H{o} \c{c} and the braced forms \'{e}.
_ACCENTS = {
    "'": "\u0301",
    '"': "\u0308",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
}
# The letter may be a dotless `\i` or `\j`, braced or not: `na\"{\i}ve`, `Garc\'\ia`.
_ACCENT_RE = re.compile(
    r"""\\(['"`^~=.]|[uvHc](?=[{\s]))\s*"""
    r"""(?:\{\s*\\?([A-Za-z])\s*\}|\\([ij])(?:\{\}|(?![A-Za-z]))|([A-Za-z]))"""
)
# BibTeX's braces around an accented letter: `M{\"o}bius`, `Erd{\H{o}}s`, `Garc{\'\i}a`.
_BRACED_ACCENT_RE = re.compile(
    r"""\{(\\(?:['"`^~=.]|[uvHc](?=[{\s]))\s*"""
    r"""(?:\{\s*\\?[A-Za-z]\s*\}|\\[ij](?:\{\}|(?![A-Za-z]))|[A-Za-z]))\}"""
)
# Letters LaTeX writes as commands, braced by BibTeX or not: `{\ss}`, `\o`, `{\L}ukasz`.
_LETTERS = {"ss": "ß", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ"}
_LETTERS |= {"o": "ø", "O": "Ø", "l": "ł", "L": "Ł"}
_LETTER_RE = re.compile(
    r"\{\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)\}|\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?:\{\}|(?![A-Za-z]))"
)
_ESCAPED_CHAR_RE = re.compile(r"\\([%&_#$])")
_TEXTCOLOR_RE = re.compile(r"\\textcolor(?:\[[^\]]*\])?\{[^{}]*\}\{([^{}]*)\}?")
_FONT_GROUP_RE = re.compile(r"\{\\?(?:em|it|bf|rm|tt|sf|sc|sl)\s([^{}]*)\}")  # one \s: linear
_FONT_COMMAND_RE = re.compile(
    r"\\(?:emph|textbf|textit|textrm|texttt|textsf|textsc|textsl|underline|mbox|text)\{([^{}]*)\}"
)
_URL_COMMAND_RE = re.compile(r"\\url\{([^{}]*)\}")
_HREF_RE = re.compile(r"\\href\{([^{}]*)\}\{([^{}]*)\}")
# `https://x{https://x}`: an \href whose backslash and command name were lost.
_BRACED_URL_RE = re.compile(r"\{((?:https?:)?//[^\s{}]+)\}")
_URL_START_RE = re.compile(r"(?:https?:)?//")
_LINE_BREAK_RE = re.compile(r"\\\\")
# A command's backslash follows a space, a brace or the start: `..\\windows` or
# `C:\\Users` is a path, kept as written.
_WORD_COMMAND_RE = re.compile(r"(?<![\w.:\\/])\\([A-Za-z]{2,})\b(?!\s*[{\[(^_])")
# A whole sentence wrapped in braces by the scraper: `{Experiments show that ...}`.
# (The first word excludes spaces so that an unclosed brace costs linear, not quadratic, time.)
_BRACED_PROSE_RE = re.compile(r"(?<![\w^_}])\{([A-Za-z][^{}^_=\\\s]*\s[^{}^_=\\]*)\}")
# ``quoted'' is LaTeX for "quoted"; a lone '' (or ``) is left as written.
_LATEX_QUOTES_RE = re.compile(r"``([^`'\n]{0,400}?)''")
# LaTeX dashes: `layers---8x` (em dash between words), `10--20` (en dash in a range).
_EM_DASH_RE = re.compile(r"(?<=\w)---(?=\w)")
_EN_DASH_RE = re.compile(r"(?<=\d)--(?=\d)")
# A LaTeX tie (a space that does not break) between words: `prior work~smith2023`,
# `entropy~(VNE)`, `Fig.~3`, `Eq.~(3)`. After one letter or a Greek letter's name it is
# "distributed as" (`x~N(0,1)`, `theta~Dir(alpha)`), after a space or before a digit or
# space mostly "about" (`~5%`): those stay.
_TIE_RE = re.compile(r"(?:(?<=[A-Za-z]{2})~(?=[A-Za-z(\[])|(?<=[A-Za-z]\.)~(?=[A-Za-z0-9(\[]))")
_WORD_BEFORE_RE = re.compile(r"[A-Za-z]+$")
_GREEK_NAMES = frozenset(GREEK_LETTERS)
_SPACE_RE = re.compile(r"\s+")
# Line, page and field separators (vertical tab, form feed, the ASCII separators, NEL,
# Unicode line and paragraph separators): spaces between words, not nothing.
_BREAKS_RE = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# Invisible characters that split words for search: zero-width space, BOM, soft hyphen;
# and the bidirectional embeddings, overrides and isolates, which would reorder the page
# around the text (`\u202egnp.exe` shown as `exe.png`).
_INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Return `text` with Unicode repaired, LaTeX leftovers made readable, spaces normalised."""
    text = _BREAKS_RE.sub(" ", text)
    # HTML entities are text as written (`&lt;` in an abstract is what the listing says).
    text = ftfy.fix_text(
        text,
        unescape_html=False,
        uncurl_quotes=False,
        normalization="NFC",
    )
    text = _latex_dashes(_clean_latex(text))
    if "~" in text:
        text = _TIE_RE.sub(_untie, text)
    text = unicodedata.normalize("NFC", without_invisible(text))
    return _SPACE_RE.sub(" ", text).strip()


def without_invisible(text: str) -> str:
    """`text` without the invisible characters of _INVISIBLE_RE (bidirectional controls
    would reorder the page around it)."""
    return _INVISIBLE_RE.sub("", text)


def _clean_latex(text: str) -> str:
    """Rewrite the LaTeX leftovers seen in scraped listings into plain text."""
    if "\\" not in text and "{" not in text and "``" not in text:
        return text
    text = _TEXTCOLOR_RE.sub(r"\1", text)
    text = _HREF_RE.sub(r"\2 (\1)", text)
    text = _URL_COMMAND_RE.sub(r"\1", text)
    text = _undouble_urls(text)
    text = _FONT_COMMAND_RE.sub(r"\1", text)
    text = _FONT_GROUP_RE.sub(r"\1", text)
    # Composed inside its braces first: `{\'\i}a` unbraced would read as a command `\ia`.
    text = _BRACED_ACCENT_RE.sub(lambda m: _ACCENT_RE.sub(_compose_accent, m.group(1)), text)
    text = _ACCENT_RE.sub(_compose_accent, text)
    text = _LETTER_RE.sub(lambda m: _LETTERS[m.group(1) or m.group(2)], text)
    text = _ESCAPED_CHAR_RE.sub(r"\1", text)
    text = _LINE_BREAK_RE.sub(" ", text)
    text = _WORD_COMMAND_RE.sub(r"\1", text)
    text = _BRACED_PROSE_RE.sub(r"\1", text)
    return _LATEX_QUOTES_RE.sub(r'"\1"', text)


def _untie(match: re.Match[str]) -> str:
    """A space for a tie, unless a Greek letter's name is before it (`theta~N(0,1)`)."""
    before = _WORD_BEFORE_RE.search(match.string, max(0, match.start() - 12), match.start())
    return "~" if before and before.group() in _GREEK_NAMES else " "


def _latex_dashes(text: str) -> str:
    """`a---b` becomes an em dash, `10--20` an en dash; spaced ` -- ` is left as typed."""
    if "--" not in text:
        return text
    return _EN_DASH_RE.sub("\u2013", _EM_DASH_RE.sub("\u2014", text))


def _compose_accent(match: re.Match[str]) -> str:
    """Turn an accent command and its letter into one composed character."""
    letter = match.group(2) or match.group(3) or match.group(4)
    return unicodedata.normalize("NFC", letter + _ACCENTS[match.group(1)])


def _undouble_urls(text: str) -> str:
    """Keep one copy of each `url{url}`, or both (`second (first)`) when they differ.

    Found from the braces backwards, so that text full of `//` costs linear time.
    """
    pieces: list[str] = []
    done = 0
    for match in _BRACED_URL_RE.finditer(text):
        start = match.start()
        while start > done and not (text[start - 1].isspace() or text[start - 1] in "{}"):
            start -= 1
        url = _URL_START_RE.search(text, start, match.start())
        if url is None:
            continue
        first, second = text[url.start() : match.start()], match.group(1)
        pieces.append(text[done : url.start()])
        pieces.append(first if first.rstrip("/") == second.rstrip("/") else f"{second} ({first})")
        done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def normalize_key(text: str) -> str:
    """Return a comparison key: accents stripped, case folded, only letters and digits kept."""
    if not text.isascii():  # ASCII text has nothing to decompose (the common case: fast)
        text = unicodedata.normalize("NFKD", text).translate(_combining_marks())
    return " ".join(_KEY_WORD_RE.findall(text.casefold()))


_KEY_WORD_RE = re.compile(r"[^\W_]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """A str.translate table deleting every combining character (accents and the like)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}
