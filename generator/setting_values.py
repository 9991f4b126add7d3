"""Text and web addresses that settings put on every page: checked before use."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Control characters, and the bidirectional controls that would reorder every page's
# header around the text (U+202E shows "gnp.exe" as "exe.png").
NOT_TEXT_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def text_problem(key: str, value: str | None) -> str:
    """Why a setting's text (named `key`) cannot be shown on pages, or "" (line breaks
    and tabs are spaces)."""
    found = NOT_TEXT_RE.search(re.sub(r"[\t\n\r]", " ", value)) if value else None
    if found is None:
        return ""
    return f"{key} holds the control character U+{ord(found.group()):04X}: write it as text"


# Characters that no URL holds unencoded and that would end an HTML attribute or tag.
_UNSAFE_URL_CHARACTERS = frozenset(" \"'<>\\`{}|^")


def unencoded_characters(url: str) -> str:
    """The characters of `url` that a URL cannot hold unencoded (quoted, sorted), or ""."""
    bad = sorted({ch for ch in url if ch in _UNSAFE_URL_CHARACTERS or ord(ch) < 32})
    return " ".join(repr(ch) for ch in bad)


def site_url_problem(url: str | None, name: str = "site_url") -> str:
    """Why `url` cannot be the site's public address, or "": MkDocs and Material write it
    unescaped into every page (canonical links, sitemap), so it must be a plain
    http(s) URL with a host."""
    if not url:
        return ""
    shown = unencoded_characters(url)
    if shown:
        return f"{name} {url!r} holds characters a URL cannot hold unencoded: {shown}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- reading it checks the port (http://x:99999/ is no URL)
    except ValueError as error:  # `http://[::1`: a broken IPv6 host
        return f"{name} {url!r} is not a URL: {error}"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"{name} {url!r} must be an http:// or https:// address, such as https://example.org/papers/"
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return f"{name} {url!r} must be the site's address, without '?' or '#'"
    if "@" in parts.netloc:  # every page's canonical link would publish it
        return f"{name} must be the site's public address, without a user name or password"
    return ""
