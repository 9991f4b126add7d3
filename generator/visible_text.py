"""Whether a text shows anything on a page, and names that show what they hold.

Shared by the readers (a record of zero-width or format characters only is not a
paper), the settings (a site_name of spaces would leave every page's title blank) and
the corpus listing (a file name with a line break or a bidirectional control); it
imports nothing of papersite's, so all can use it.
"""

from __future__ import annotations

import unicodedata

# Controls, format characters (zero-width joiners, marks), surrogates, private and
# unassigned code points, and every kind of space.
_UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def has_visible_character(text: str) -> bool:
    """True when some character of `text` shows on a page (not only spaces, controls and
    zero-width joiners, marks or other format characters)."""
    return any(unicodedata.category(c) not in _UNSEEN_CATEGORIES for c in text)


# Characters a name must not hold: controls and line breaks (one splits a message in
# two) and the bidirectional controls (U+202E reverses what follows). Other format
# characters stay: the zero-width non-joiner of Persian names, the joiner of emoji.
_HIDDEN_IN_NAMES = frozenset({"Cc", "Cs", "Zl", "Zp"})  # Cs: a name that is not UTF-8
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _hidden(c: str) -> bool:
    return c in _BIDI_CONTROLS or unicodedata.category(c) in _HIDDEN_IN_NAMES


def hidden_in_name(name: str) -> bool:
    """True when a file name holds a control, a line break or a bidirectional control."""
    return any(_hidden(c) for c in name)


def escaped_name(name: str) -> str:
    """`name` with each such character written as an escape (`\\u202e`)."""
    return "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in name)
