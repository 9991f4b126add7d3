"""Pages written without their templates' indentation.

Material's templates indent their markup for people reading the templates; in a built
page that indentation is about a ninth of the bytes (2.5 KB of a 22 KB paper page), paid
again by every one of 50,000 pages on the host and on the wire. A newline and the spaces
after it are one piece of whitespace to HTML, so they become one newline: the page reads
and behaves the same. `<pre>`, `<code>` and `<textarea>`, where spaces may show (the
citation's BibTeX is a `<code>` shown with `white-space: pre-wrap`), are left as written.
"""

from __future__ import annotations

import re

# The theme's name for `compact` (assets/javascripts/palette.js writes the palette switch).
FILTER = "papersite_compact_html"
_AS_WRITTEN_RE = re.compile(
    r"(<pre\b.*?</pre>|<code\b.*?</code>|<textarea\b.*?</textarea>)", re.S | re.I
)
_INDENTED_BREAK_RE = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """`html` with each line break and the whitespace around it as one newline."""
    parts = _AS_WRITTEN_RE.split(html)  # odd positions: the parts kept as written
    return "".join(
        part if odd % 2 else _INDENTED_BREAK_RE.sub("\n", part) for odd, part in enumerate(parts)
    )
