"""Whether a text shows anything on a page.

Shared by the readers (a record of zero-width or format characters only is not a
paper) and the settings (a site_name of spaces would leave every page's title blank);
it imports nothing of papersite's, so both can use it.
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
