"""Find math-like fragments in scraped abstracts and give each a TeX form for KaTeX.

Listings lost their backslashes (`mathcal{O}(T^{-1/2d})`, `ell_1`), so fragments are
found by shape: a superscript, a short subscript, or a known TeX command word before a
brace. The page shows the original text (readable with scripts off); the TeX form goes
in a data attribute that KaTeX typesets in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.greek_letters import GREEK_LETTERS, MORE_GREEK_LETTERS

_COMMANDS = [
    *"mathcal mathbb mathbf mathrm mathsf mathit boldsymbol ell".split(),
    *GREEK_LETTERS,
    *MORE_GREEK_LETTERS,
    *"dagger circ cdot top infty log exp min max sum prod sqrt frac partial nabla".split(),
    *"times leq geq neq approx sim propto pm widetilde tilde hat bar".split(),
    *"rightarrow leftarrow mapsto".split(),
]
_LETTERS_RE = re.compile(r"(?<![\\A-Za-z])[A-Za-z]+")  # not a written command's tail
_COMMAND_SET = frozenset(_COMMANDS)
_MAX_COMMAND_RUN = 40  # longer letter runs are words, not glued commands
_MIN_GLUED = 3  # letters of commands glued to a letter before them (`hcirc`)
# Operators, relations and arrows: the commands that follow a letter they lost the space
# to (`hcirc`, `xcdot`). Greek letters, accents and fonts do not: they end words.
_GLUED = frozenset(
    "circ cdot times rightarrow leftarrow mapsto leq geq neq approx sim propto infty "
    "partial nabla sum prod log exp".split()
)
# Runs that are TeX commands themselves, not a letter and a command (`n` + `leq`).
_WHOLE_COMMANDS = frozenset(
    "hbar dfrac tfrac otimes oplus ominus odot nleq ngeq nsim ncong xrightarrow xleftarrow".split()
)
# A command: a backslash and letters, or a backslash and one other character.
_TEX_COMMAND_RE = re.compile(r"\\([A-Za-z]+|[^A-Za-z]?)")
# Escaped characters and small spaces set in the line (not `\\\\[-40em]`, a line break
# that moves what follows, nor `\\!`, a negative space).
_SAFE_SYMBOLS = frozenset(",;:{}|%&#_ $")
# The commands a fragment may hold to be typeset: those this module restores, those
# abstracts write with their backslash, and nothing that draws outside the line.
SAFE_COMMANDS = frozenset(
    [
        *_COMMANDS,
        *_WHOLE_COMMANDS,
        *"frac sqrt sum prod int oint lim liminf limsup sup inf arg argmin argmax det "
        "min max log ln exp sin cos tan tanh sinh cosh Pr".split(),
        *"le ge ll gg leq geq neq equiv cong simeq in notin ni subset subseteq supset "
        "supseteq cup cap setminus emptyset forall exists neg land lor wedge vee mid "
        "parallel perp pm mp div ast star bullet cdots ldots dots vdots ddots".split(),
        *"to gets Rightarrow Leftarrow Leftrightarrow leftrightarrow longrightarrow "
        "uparrow downarrow implies iff".split(),
        *"hat tilde widetilde widehat bar overline underline vec dot ddot check breve "
        "mathcal mathbb mathbf mathrm mathsf mathit mathtt mathfrak boldsymbol bm "
        "operatorname text textrm textbf textit".split(),
        *"left right big Big bigg Bigg langle rangle lfloor rfloor lceil rceil vert "
        "Vert lvert rvert lVert rVert quad qquad prime infty partial nabla ell top "
        "bot dagger circ cdot times propto approx sim varepsilon vartheta varphi "
        "varrho varsigma".split(),
        *"Gamma Delta Xi Pi Upsilon iota upsilon varpi varkappa digamma aleph hbar imath "
        "jmath wp Re Im".split(),
        *"ne leqslant geqslant lesssim gtrsim prec succ preceq succeq asymp triangleq "
        "doteq not nmid varnothing nparallel sqsubset sqsubseteq vdash models "
        "coloneqq".split(),
        *"mathscr texttt emph textsf textnormal mathnormal bigcup bigcap bigoplus "
        "bigotimes bigvee bigwedge coprod iint iiint hookrightarrow Longrightarrow "
        "Longleftarrow longleftarrow Longleftrightarrow longmapsto rightharpoonup "
        "leftharpoonup uparrow Uparrow Downarrow updownarrow nearrow searrow".split(),
        *"overset underset stackrel binom tbinom dbinom choose dim ker gcd lcm bmod pmod "
        "mod colon cdotp intercal oslash odot triangle nabla square blacksquare "
        "lozenge star diamond sharp flat natural checkmark angle measuredangle "
        "overrightarrow overleftarrow underbrace overbrace boxed cancel".split(),
    ]
)
_COMMAND_WORD = "(?:" + "|".join(sorted(_COMMANDS, key=len, reverse=True)) + ")"
# Commands that read as math when they open a token: accents and fonts only before a
# brace (`hat{x}`); the rest also before a short subscript (`ell_1`, `tau_max`, not
# `min_samples`), a superscript, or a closed parenthesis that is not a plain word
# (`log(n)`, not `exp(decay)` or a cut-off `Theta(hello`). `top` leads only `top_k`,
# which is prose, so it is never a leading command.
_BRACE_ONLY = (
    "mathcal mathbb mathbf mathrm mathsf mathit boldsymbol widetilde tilde hat bar sqrt frac"
)
_LEADING = [c for c in _COMMANDS if c not in _BRACE_ONLY.split() and c != "top"]
_GREEK = "|".join((*GREEK_LETTERS, *MORE_GREEK_LETTERS))
_SHORT_SUBSCRIPT = r"_(?:\{|[A-Za-z0-9]{1,3}(?![A-Za-z0-9])|" + _COMMAND_WORD + r"(?![A-Za-z0-9]))"
_CLOSED_ARGUMENT = r"\((?![a-z]{4,}\))(?:[^()\s]|\([^()\s]*\))*\)"
_LEADING_COMMAND_RE = re.compile(
    r"(?<![A-Za-z])(?:(?:" + "|".join(_BRACE_ONLY.split()) + r")\{"
    r"|(?:" + "|".join(sorted(_LEADING, key=len, reverse=True)) + r")"
    r"(?:\{|\^|" + _SHORT_SUBSCRIPT + "|" + _CLOSED_ARGUMENT + "))"
)
_SUPERSCRIPT_RE = re.compile(r"[A-Za-z0-9)}\]]\^[-+*{(A-Za-z0-9]")
# A subscript: braced or numeric after a short base (`x_{i}`, `CO_2`, `AP_{50}`); a short
# letter subscript or a Greek letter's name only after one letter, capitals or a command
# (`x_i`, `ID_a`, `ell_q`, `f_theta`): `my_var` is an identifier, `top_k` prose,
# `F_beta-score` a name.
_SUBSCRIPT_RE = re.compile(
    r"(?:^|[^A-Za-z])(?:[A-Za-z]{1,4}_(?:\{[^{}\s]{1,12}\}|\d{1,3}(?![A-Za-z0-9]))"
    r"|(?:[A-Za-z]|[A-Z]{2,4}|"
    + "|".join(_LEADING)
    + r")_(?:[A-Za-z]{1,3}(?![A-Za-z0-9])|(?:"
    + _GREEK
    + r")(?![A-Za-z0-9-])))"
)
# Prose and code that only look like math: file names (`data_v2.csv`) and a power of
# two words (`word^word`).
_FILE_NAME_RE = re.compile(r"\w\.[A-Za-z]{2,4}(?![A-Za-z])")
_WORD_POWER_RE = re.compile(r"(?<![A-Za-z\\])([A-Za-z]{2,})\^([A-Za-z]{2,})(?![A-Za-z])")
# A token: non-space characters, where a short brace group may hold spaces
# (`mathcal{C_{Phi circ Psi}/n}` is one fragment, not three).
_TOKEN_RE = re.compile(r"(?:\{(?:[^{}\n]|\{[^{}\n]{0,40}\}){0,60}\}|\S)+")
_TRAILING_TEXT_RE = re.compile(r"(?<=[}\d*])(-[A-Za-z][A-Za-z-]*)$")
_TRAILING_PUNCT = ",.;:"
# An unbraced script of several characters (`L_adv`, `2^10`): TeX would lower or raise
# only the first, so it is braced.
_LONG_SCRIPT_RE = re.compile(r"([_^])([A-Za-z]{2,3}|\d{2,})(?![A-Za-z0-9])")
_MAYBE_MATH_RE = re.compile(r"[\^_{(]")
# A fraction that lost its command (`h:=1{2}|cdot|` for `\frac{1}{2}`): a number and a
# braced number, which KaTeX would set as "12".
_LOST_FRACTION_RE = re.compile(r"(?<![\w\\^_{}])(\d{1,6})\{(\d{1,6})\}")
# Method names that only look like math: `SP^2OT`, `U^2-Net`, `SL^{2}A-INR`, `PAT_ch`.
_NAME_LIKE_RE = re.compile(r"[A-Z]{3,}[_^]|[\^_]\{?\d+\}?-?[A-Z]")


# A relation or operator written as its lost command between two operands: "0 leq q <
# 1", "xi cdot 100%", "256 times 256", "0.78 pm 0.10". Operands are whole numbers,
# single letters and Greek letters only (not "a", "A" or "I", which are words), so prose
# ("two times faster", "3 times a day", "ResNet-50 times 2", "5 pm on") is no math; a
# command glued to a number ("approx1%", "36times faster" for 36×, "512times 512") or
# filling a function's places ("I(cdot;cdot)") is too. Every repeat is bounded: a run is
# tried from each operand of a hostile line of "1=1=1=...".
_RELATIONS = "leq|geq|neq|approx|cdot|times|sim|propto|pm|rightarrow|leftarrow|mapsto|circ"
# A gradient written as its lost command before one operand: "T=nabla f_theta". No
# English word is "nabla", so the operator needs no second operand to be math.
_PREFIX_OPERATORS = "nabla"
_RELATION_WORD_RE = re.compile(  # "36times" too
    r"(?:" + _RELATIONS + "|" + _PREFIX_OPERATORS + r")(?![A-Za-z])"
)
_SCRIPT = r"(?:[_^](?:\{[^{}\s]{1,12}\}|(?:" + _GREEK + r")(?![A-Za-z])|\w{1,3}))?"
_OPERAND = (
    r"(?:(?<![\w.^_-])\d{1,12}(?:\.\d{1,12})?" + _SCRIPT + r"%?(?![\w-]|\.\d)"
    r"|(?<![\w.^_-])(?:[B-HJ-Zb-z]|" + _GREEK + r")" + _SCRIPT + r"(?![\w-]))"
)
_COMPARED = r"(?:[ \t]{0,3}[<>=][ \t]{0,3}" + _OPERAND + r"){0,8}"
_RELATION_RUN_RE = re.compile(
    _OPERAND
    + _COMPARED
    + r"(?:[ \t]{1,3}(?:"
    + _RELATIONS
    + r")[ \t]{1,3}"
    + _OPERAND
    + _COMPARED
    + r"){1,8}"
    + r"|(?<![\w-])(?:approx|leq|geq|sim)\d{1,12}(?:\.\d{1,12})?%?(?![\w-]|\.\d)"
    + r"|(?<![\w.^_-])\d{1,12}(?:\.\d{1,12})?times(?:[ \t]{0,3}\d{1,12}(?![\w-]|\.\d))?(?![A-Za-z])"
    + r"|(?<![\w-])[A-Za-z]\(cdot(?:[;,][ \t]{0,3}cdot){0,8}\)"
    + r"|(?:"
    + _OPERAND
    + r"[ \t]{0,3}=[ \t]{0,3})?(?<![\w-])(?:"
    + _PREFIX_OPERATORS
    + r")[ \t]{0,3}"
    + _OPERAND
)


# A fragment that ends in an operator or relation (`f^{*}=hcirc`, `Delta(x):=`) and the
# operand after its space (`g`, `T(x)-x`): one formula, not math cut before its end.
_DANGLING_OPERATOR_RE = re.compile(
    r"(?:[=<>+]|(?<![A-Za-z])(?:" + _RELATIONS + r")|[a-z](?:circ|cdot|times))$"
)
_LAST_OPERAND = (
    r"(?:[B-HJ-Zb-z]|\d{1,12}(?:\.\d{1,12})?|(?:" + _GREEK + r")(?![A-Za-z]))"
    r"(?:\([^()\s]{1,20}\))?"
)
_NEXT_OPERAND_RE = re.compile(
    r"[ \t]{1,3}" + _LAST_OPERAND + r"(?:[-+*/]" + _LAST_OPERAND + r"){0,4}"
    r"(?![\w(^_{}+*/-]|[.,]\d)"  # not a part of a longer formula, nor of "3,000"
)
_GREEK_COMMAND_RE = re.compile(r"\\(" + _GREEK + r")(?![A-Za-z])")
_GREEK_NAME_RE = re.compile(_GREEK)
_OTHER_RELATION_RE = re.compile(r"(?:" + _RELATIONS.replace("|pm", "") + r")(?![A-Za-z])|[<>=]")


def _clock_time(run: str) -> bool:
    """A run of whole numbers around "pm" only: a time of day ("5 pm 7 days a week"),
    not a plus-minus, which measurements write with decimals ("0.78 pm 0.10")."""
    return " pm " in run and "." not in run and not _OTHER_RELATION_RE.search(run)


@dataclass(frozen=True)
class Fragment:
    """A piece of abstract text: plain, or math with its TeX form."""

    text: str
    tex: str | None = None


def split_math(text: str) -> list[Fragment]:
    """Split `text` into plain and math fragments; joined, the texts equal `text`."""
    fragments: list[Fragment] = []
    position = 0
    for start, end in _math_spans(text):
        if start > position:
            fragments.append(Fragment(text[position:start]))
        original = text[start:end]
        tex = to_tex(original)
        # A command KaTeX would draw outside the line (`\\rule[-40em]`, `\\kern`,
        # `\\raisebox`) keeps the fragment as text: abstracts are untrusted.
        fragments.append(Fragment(original, tex if _safe_tex(tex) else None))
        position = end
    if position < len(text):
        fragments.append(Fragment(text[position:]))
    return _merge_plain(fragments)


def _math_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every math fragment of `text`, in order: relation runs and
    tokens shaped like math, one span where they overlap ("epsilon leq 10^{-3}")."""
    spans = []
    if _RELATION_WORD_RE.search(text):
        spans = [m.span() for m in _RELATION_RUN_RE.finditer(text) if not _clock_time(m.group())]
    for token, offset in _candidate_tokens(text):
        start, end = _math_span(token, offset)
        if start != end:
            operand = _DANGLING_OPERATOR_RE.search(text, start, end) and (
                _NEXT_OPERAND_RE.match(text, end)
            )
            spans.append((start, operand.end() if operand else end))
    spans.extend(_letters_in_prose(text, spans))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _candidate_tokens(text: str) -> Iterator[tuple[str, int]]:
    """The tokens of `text` that hold ^ _ { or ( (none of _is_math's patterns matches
    another: most words), each with its offset. Without braces a token is a run of
    non-spaces, found from those characters: a scan of every word in Python was most
    of the time of a page's math."""
    if "{" in text:
        for match in _TOKEN_RE.finditer(text):
            if _MAYBE_MATH_RE.search(match.group()):
                yield match.group(), match.start()
        return
    end = 0
    for found in _MAYBE_MATH_RE.finditer(text):
        if found.start() < end:
            continue  # in the run just given
        start = found.start()
        while start > end and not text[start - 1].isspace():
            start -= 1
        end = found.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        yield text[start:end], start


def _letters_in_prose(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greek letters' names standing alone in the prose ("and tau is a regularizer")
    that the text's own math uses (`h:=...+tau`): the same letter, set as one. A name
    the math does not use stays a word ("the Delta variant", "5 pm")."""
    used = {
        name
        for start, end in spans
        if _GREEK_NAME_RE.search(text, start, end)  # most math has none: no to_tex
        for name in _GREEK_COMMAND_RE.findall(to_tex(text[start:end]))
    }
    if not used:
        return []
    alone = re.compile(r"(?<![\w\\^_{}/.-])(?:" + "|".join(sorted(used)) + r")(?![\w^_{}(/-])")
    return [match.span() for match in alone.finditer(text)]


def _math_span(token: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the math part of a token, or an empty span."""
    if "//" in token or "@" in token or _looks_like_math_only(token) or not _is_math(token):
        return offset, offset
    start, end = 0, len(token)
    while end > start and token[end - 1] in _TRAILING_PUNCT:
        end -= 1
    core = token[start:end]
    if core.startswith("(") and core.count("(") > core.count(")"):
        start += 1
    elif core.endswith(")") and core.count(")") > core.count("("):
        end -= 1
    trailing = _TRAILING_TEXT_RE.search(token[start:end])
    if trailing:
        end -= len(trailing.group())
    if not _is_math(token[start:end]):
        return offset, offset
    return offset + start, offset + end


def _looks_like_math_only(token: str) -> bool:
    """A method name, file name or power of two words: shaped like math, but not math."""
    if _NAME_LIKE_RE.search(token) or _FILE_NAME_RE.search(token.rstrip(_TRAILING_PUNCT)):
        return True
    return any(
        not (_as_commands(base) or _as_commands(power))
        for base, power in _WORD_POWER_RE.findall(token)
    )


def _is_math(token: str) -> bool:
    return bool(
        _SUPERSCRIPT_RE.search(token)
        or _SUBSCRIPT_RE.search(token)
        or _LEADING_COMMAND_RE.search(token)
    )


def to_tex(fragment: str) -> str:
    """Restore the backslashes a scraped fragment lost: `mathcal{O}` -> `\\mathcal{O}`."""
    if len(fragment) > 2 and fragment[0] == fragment[-1] == "$":
        fragment = fragment[1:-1]  # already delimited as TeX math: drop the dollars
    fragment = _LONG_SCRIPT_RE.sub(r"\1{\2}", fragment)
    fragment = _LOST_FRACTION_RE.sub(r"\\frac{\1}{\2}", fragment)
    tex = _LETTERS_RE.sub(_restore_commands, fragment)
    return tex.replace("%", r"\%")


def _restore_commands(match: re.Match[str]) -> str:
    """Backslash a run of letters made only of command words (`widetildeTheta`), or of
    one letter and operators or arrows (`hcirc` for `h \\circ`, `R^drightarrow` for
    `R^d \\rightarrow`: the listing lost the space with the backslash). Only those glue:
    `meta` is no m-eta, `cell` no c-ell, `what` no w-hat; and a run that is a TeX command
    of its own (`hbar`, `nleq`, `otimes`) is left whole."""
    run = match.group()
    if len(run) > _MAX_COMMAND_RUN:
        return run
    parts = _as_commands(run)
    if parts:
        return "".join("\\" + part for part in parts)
    if run in _WHOLE_COMMANDS:
        return run
    glued = _as_commands(run[1:]) if len(run) > _MIN_GLUED else None
    if not glued or not all(part in _GLUED for part in glued):
        return run
    return run[0] + "".join("\\" + part for part in glued)


def _safe_tex(tex: str) -> bool:
    """True when every command in `tex` is one KaTeX sets in the line (no rules, kerns,
    boxes, colours, macros or links)."""
    return all(
        name in SAFE_COMMANDS if name[:1].isalpha() else name in _SAFE_SYMBOLS and name != ""
        for name in _TEX_COMMAND_RE.findall(tex)
    )


def _as_commands(letters: str) -> list[str] | None:
    """Split `letters` into command words, longest first; None if it cannot be done."""
    if not letters:
        return []
    for end in range(len(letters), 0, -1):
        if letters[:end] in _COMMAND_SET:
            rest = _as_commands(letters[end:])
            if rest is not None:
                return [letters[:end], *rest]
    return None


def _merge_plain(fragments: list[Fragment]) -> list[Fragment]:
    merged: list[Fragment] = []
    for fragment in fragments:
        if merged and fragment.tex is None and merged[-1].tex is None:
            merged[-1] = Fragment(merged[-1].text + fragment.text)
        else:
            merged.append(fragment)
    return merged
