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


# Characters a name shows nothing of, or shows wrongly: controls (a line break splits a
# message in two), format characters (U+202E reverses what follows) and line breaks.
_HIDDEN_IN_NAMES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def hidden_in_name(name: str) -> bool:
    """True when a file name holds a character that does not show, or reorders text."""
    return any(unicodedata.category(c) in _HIDDEN_IN_NAMES for c in name)


def escaped_name(name: str) -> str:
    """`name` with each such character written as an escape (`\\u202e`)."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN_IN_NAMES else c for c in name
    )
