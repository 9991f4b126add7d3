"""How to cite a paper: BibTeX and one plain line, built from the listing alone.

Listings hold no venue, so the entry is a `@misc` with what is known: authors (when the
listing names them), title, year and month (when printed, not inferred) and a URL (the
site's page when `site_url` is set, else the listing's own link); a note says what is
not known, so a reader does not take a title-only entry for a full one. Text is escaped
for LaTeX, so a title such as `U^2-Net: 90% & more` compiles as written, and a title's
math (`ell_1`, as the page typesets it) is written as TeX math (`$\\ell_1$`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slugify import slugify

from generator.model import MONTH_ABBREVIATIONS, Paper
from generator.render.math import split_math
from generator.render.rich_text import (
    NAME_SCRIPT_RE,
    SCRIPT_SYMBOLS,
    name_script,
    unicode_scripts,
)
from generator.render.text import in_words

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    # Not `\{`: BibTeX counts every brace, escaped or not, so a lone one ended the field
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_LATEX_SPECIALS_RE = re.compile("|".join(re.escape(ch) for ch in _LATEX_SPECIALS))
_PLAIN_SCRIPT_RE = re.compile(r"[A-Za-z0-9+-]+")  # set in math as written
# Words a citation key skips: it starts with the first word that says something.
# Title words a key takes when there is no author to tell two papers apart.
KEY_WORDS_ALONE = 3
KEY_LENGTH = 60
_KEY_STOP_WORDS = frozenset("a an the on of for in to and with via towards toward is are".split())
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Citation:
    """A paper's BibTeX entry and plain-text reference."""

    bibtex: str
    plain: str  # empty when it would be the title alone
    missing: str = ""  # "author names, date or link to the paper": not in the listing


def cite(paper: Paper, url: str | None) -> Citation:
    """The citation of `paper`; `url` is where a reader finds it (None: not known)."""
    year = _year(paper)
    fields = []
    if paper.authors:
        fields.append(("author", " and ".join(_latex(a) for a in paper.authors)))
    fields.append(("title", "{" + _latex_title(paper.title) + "}"))  # {{…}}: keep its case
    if year:
        fields.append(("year", year))
    if paper.published and year:
        fields.append(("month", MONTH_ABBREVIATIONS[paper.published.month - 1].lower()))
    if url:
        fields.append(("url", _bibtex_url(url)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    bibtex = f"@misc{{{citation_key(paper)},\n{body}\n}}"
    # What the page shows but a citation leaves out is named as such: a year the listing
    # did not print (the page marks it inferred), a project page or code (not the paper).
    date = "printed year" if paper.date_inferred else "date"
    unknown = [
        name
        for name, known in (
            ("author names", paper.authors),
            (date, year),
            ("link to the paper", url),
        )
        if not known
    ]
    return Citation(bibtex, _plain(paper, year, url), in_words(unknown, "or"))


def citation_key(paper: Paper) -> str:
    """`surname2024word`: the first author's last name, the year and the title's first
    word that says something (a hyphenated word is one); without authors, the first
    KEY_WORDS_ALONE such words and the year (`learningconfidentclassifiers2019`:
    "learning" alone was the key of 14 papers of one listing). ASCII, lower case, at
    most KEY_LENGTH characters, the year kept whole."""
    surname = paper.authors[0].split()[-1] if paper.authors and paper.authors[0].split() else ""
    # A hyphenated word stays one ("End-to-End": "endtoend", not "end", "end").
    slug_words = [slugify(word, separator="") for word in paper.title.split()]
    # A short word of a digit and letters says something ("3D U-Net": "3dunet", not
    # "unet"); a number alone does not ("1 Bit Is All You Need").
    words = [
        w
        for w in slug_words
        if (len(w) > 2 or (_DIGIT.search(w) and not w.isdigit())) and w not in _KEY_STOP_WORDS
    ]
    words = words or [w for w in slug_words if w] or ["paper"]  # "AI", "X Y Z"
    surname = slugify(surname, separator="")[:KEY_LENGTH]
    year = _year(paper)
    if surname:  # after the year, a word of a digit would read as the year's ("20243d")
        word = next((w for w in words if not w[0].isdigit()), words[0])
        return (surname + year + word)[:KEY_LENGTH]
    return "".join(words[:KEY_WORDS_ALONE])[: KEY_LENGTH - len(year)] + year


def _bibtex_url(url: str) -> str:
    """A URL inside a BibTeX field's braces: its braces and backslashes percent-encoded,
    as a browser would send them (`a}b` ended the field early)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _year(paper: Paper) -> str:
    if paper.published is None or paper.date_inferred:
        return ""
    return str(paper.published.year)


def _plain(paper: Paper, year: str, url: str | None) -> str:
    """`A. Author, B. Author. Title. 2024. URL` with the parts that are known; empty when
    only the title is (the page's heading says it: most listings name no author, year
    or link, and a line per page repeating the title added 0.2 KB to each)."""
    if not (paper.authors or year or url):
        return ""
    parts = [_join_names(paper.authors)] if paper.authors else []
    parts += [unicode_scripts(paper.title), year, url or ""]  # U²-Net, as the page reads
    return " ".join(_sentence(part) if part != url else part for part in parts if part)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) > 10:
        return f"{', '.join(names[:10])}, et al"
    return ", ".join(names)


def _latex(text: str) -> str:
    return _LATEX_SPECIALS_RE.sub(lambda m: _LATEX_SPECIALS[m.group()], text)


def _latex_title(title: str) -> str:
    """The title escaped, its math fragments as `$TeX$` (the backslashes the listing
    lost put back, as the page typesets them). A fragment that holds a backslash of its
    own (`n^{\\input{x}}`: a command papersite did not choose) or unbalanced braces
    (BibTeX would end the field) is escaped text instead."""
    return "".join(
        f"${fragment.tex}$"
        if fragment.tex is not None and "\\" not in fragment.text and _balanced(fragment.tex)
        else _raised_names(fragment.text)
        for fragment in split_math(title)
    )


def _raised_names(text: str) -> str:
    """Escaped `text` with each name's superscript raised as the page raises it (`U^2-Net`
    and `X^{2}-Gaussian` as `U$^{2}$-Net`, `X$^{2}$-Gaussian`: escaped, the reference read
    "X^{2}-Gaussian"); a script of other characters stays escaped text."""
    out, position = [], 0
    for match in NAME_SCRIPT_RE.finditer(text):
        script = name_script(match)
        if script in SCRIPT_SYMBOLS:
            raised = "\\ast" if script == "star" else "\\" + script
        elif _PLAIN_SCRIPT_RE.fullmatch(script):
            raised = script
        else:
            continue
        out += [_latex(text[position : match.start()]), f"$^{{{raised}}}$"]
        position = match.end()
    out.append(_latex(text[position:]))
    return "".join(out)


def _balanced(tex: str) -> bool:
    depth = 0
    for ch in tex:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0 or ch in "$#&":  # `$` ends the math; `#`, `&` are errors in it
            return False
    return depth == 0
