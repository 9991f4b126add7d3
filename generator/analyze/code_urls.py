"""Code and project URLs quoted in abstracts, normalised to https."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A URL with a scheme, a scheme-less `//host/...`, a `www.` host, or a bare code host.
_URL_RE = re.compile(
    r"(?:https?://|(?<![\w/:])//|\bwww\.|\b(?:github\.com|gitlab\.com|bitbucket\.org|"
    r"huggingface\.co)/)[^\s<>\"'`{}|\\^\[\]]+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\")]}>*_~"
# Hosts that only count with a path (a bare "www.github.com" says nothing).
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")


def find_urls(texts: Iterable[str]) -> tuple[str, ...]:
    """Every distinct URL in the texts, in order of appearance, as https URLs."""
    seen: dict[str, None] = {}
    for text in texts:
        if not _may_hold_url(text):
            continue
        for match in _URL_RE.finditer(text):
            url = normalise_url(match.group())
            if url is not None:
                seen.setdefault(url, None)
    return tuple(seen)


def url_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, https URL) of each URL in `text`, its trailing punctuation left out."""
    if not _may_hold_url(text):
        return []
    spans = []
    for match in _URL_RE.finditer(text):
        raw = _strip_trailing(match.group())
        url = normalise_url(raw)
        if url is not None:
            spans.append((match.start(), match.start() + len(raw), url))
    return spans


def _may_hold_url(text: str) -> bool:
    """False when no URL can match: most abstracts, checked far faster than by the pattern.

    Every match contains "//", "www." or a code host and "/"; in ASCII text lower case
    is what the pattern's IGNORECASE matches (other text always goes to the pattern).
    """
    if "//" in text or not text.isascii():
        return True
    lower = text.lower()
    return "www." in lower or any(f"{host}/" in lower for host in _CODE_HOSTS)


def normalise_url(raw: str) -> str | None:
    """Scheme to https, trailing punctuation and unbalanced brackets off; None if not a URL."""
    url = _strip_trailing(raw)
    lower = url.lower()
    if lower.startswith("//"):
        url = "https:" + url
    elif lower.startswith("http://"):
        url = "https://" + url[len("http://") :]
    elif not lower.startswith("https://"):
        url = "https://" + url
    url = "https://" + url[len("https://") :]
    host, _, path = url[len("https://") :].partition("/")
    host = host.lower()
    if "." not in host or host.startswith(".") or host.endswith("."):
        return None
    bare = host.removeprefix("www.")
    if bare in _CODE_HOSTS and not path.strip("/"):
        return None
    if bare in _CODE_HOSTS and path.endswith(".git"):
        path = path[: -len(".git")]
    return f"https://{host}/{path}" if path else f"https://{host}"


# Words that introduce a URL as the paper's code, in the same sentence, shortly before
# it: "Code: https://monai.io/...", "our implementation is available at ...".
_SAYS_CODE_RE = re.compile(
    r"\b(?:codes?|implementations?|software|repository|repo)\b[^.;!?]{0,60}$", re.IGNORECASE
)
_SAYS_CODE_BEFORE = 80  # characters before a URL read for those words


def said_code_urls(texts: Iterable[str]) -> set[str]:
    """The URLs (as `normalise_url` gives them) that the texts introduce as code: on a
    host of its own (a lab's site) such a link was a "Web page"."""
    said = set()
    for text in texts:
        for start, _end, url in url_spans(text):
            if _SAYS_CODE_RE.search(text[max(0, start - _SAYS_CODE_BEFORE) : start]):
                said.add(url)
    return said


def is_code_url(url: str) -> bool:
    """Whether an https URL (as `normalise_url` gives) points into a code host."""
    host = url.removeprefix("https://").partition("/")[0].lower().removeprefix("www.")
    return host in _CODE_HOSTS


def _strip_trailing(url: str) -> str:
    """Remove sentence punctuation and closing brackets that are not part of the URL."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") > url.count(")") - 1:
            break
        url = url[:-1]
    return url
