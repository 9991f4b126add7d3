"""Text as it compares regardless of accents, ligatures and case.

One rule for the terminal search (a query "emile" finds "Émile") and for A-Z lists
("Émile" sorts beside "Emile"); it imports nothing of papersite's.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode decomposition does not split into a base letter and a mark.
_FOLDS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold(text: str) -> str:
    """Lower-case `text` and fold accents and ligatures to plain letters."""
    lowered = unicodedata.normalize("NFKD", text).lower().translate(_FOLDS)
    return "".join(c for c in lowered if unicodedata.category(c) != "Mn")
