"""Find math-like fragments in scraped abstracts and give each a TeX form for KaTeX.

Listings lost their backslashes (`mathcal{O}(T^{-1/2d})`, `ell_1`), so fragments are
found by shape: a superscript, a short subscript, or a known TeX command word before a
brace. The page shows the original text (readable with scripts off); the TeX form goes
in a data attribute that KaTeX typesets in the browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMANDS = (
    "mathcal mathbb mathbf mathrm mathsf mathit boldsymbol ell epsilon varepsilon alpha beta "
    "gamma delta theta Theta lambda Lambda mu sigma Sigma tau rho phi Phi varphi psi Psi pi "
    "omega Omega eta kappa nu xi zeta chi dagger circ cdot top infty log exp min max sum prod "
    "sqrt frac partial nabla times leq geq approx sim propto widetilde tilde hat bar "
    "rightarrow leftarrow mapsto"
).split()
_LETTERS_RE = re.compile(r"(?<!\\)[A-Za-z]+")
_COMMAND_SET = frozenset(_COMMANDS)
_MAX_COMMAND_RUN = 40  # longer letter runs are words, not glued commands
_LEADING_COMMAND_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_COMMANDS) + r")[{(_^]")
_SUPERSCRIPT_RE = re.compile(r"[A-Za-z0-9)}\]]\^[-+*{(A-Za-z0-9]")
_SUBSCRIPT_RE = re.compile(
    r"(?:^|[^A-Za-z])[A-Za-z]{1,4}_(?:\{[^{}\s]{1,12}\}|[A-Za-z0-9]{1,3}(?![A-Za-z0-9]))"
)
# A token: non-space characters, where a short brace group may hold spaces
# (`mathcal{C_{Phi circ Psi}/n}` is one fragment, not three).
_TOKEN_RE = re.compile(r"(?:\{(?:[^{}\n]|\{[^{}\n]{0,40}\}){0,60}\}|\S)+")
_TRAILING_TEXT_RE = re.compile(r"(?<=[}\d*])(-[A-Za-z][A-Za-z-]*)$")
_TRAILING_PUNCT = ",.;:"
_MAYBE_MATH_RE = re.compile(r"[\^_{(]")
# Method names that only look like math: `SP^2OT`, `U^2-Net`, `SL^{2}A-INR`, `PAT_ch`.
_NAME_LIKE_RE = re.compile(r"[A-Z]{3,}[_^]|[\^_]\{?\d+\}?-?[A-Z]")


@dataclass(frozen=True)
class Fragment:
    """A piece of abstract text: plain, or math with its TeX form."""

    text: str
    tex: str | None = None


def split_math(text: str) -> list[Fragment]:
    """Split `text` into plain and math fragments; joined, the texts equal `text`."""
    fragments: list[Fragment] = []
    position = 0
    for match in _TOKEN_RE.finditer(text):
        if not _MAYBE_MATH_RE.search(match.group()):
            continue  # no ^ _ { ( : none of _is_math's patterns can match (most words)
        start, end = _math_span(match.group(), match.start())
        if start == end:
            continue
        if start > position:
            fragments.append(Fragment(text[position:start]))
        original = text[start:end]
        fragments.append(Fragment(original, to_tex(original)))
        position = end
    if position < len(text):
        fragments.append(Fragment(text[position:]))
    return _merge_plain(fragments)


def _math_span(token: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the math part of a token, or an empty span."""
    if "//" in token or "@" in token or _NAME_LIKE_RE.search(token) or not _is_math(token):
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
    tex = _LETTERS_RE.sub(_restore_commands, fragment)
    return tex.replace("%", r"\%")


def _restore_commands(match: re.Match[str]) -> str:
    """Backslash a run of letters made only of command words (`widetildeTheta`)."""
    if len(match.group()) > _MAX_COMMAND_RUN:
        return match.group()
    parts = _as_commands(match.group())
    return "".join("\\" + part for part in parts) if parts else match.group()


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
