"""Speed-ups of the tokenizer and the URL finder give exactly the results of the plain forms."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from paths import REPO

from generator.analyze import code_urls
from generator.analyze.features.tokens import _BREAK_RE

ROOT = REPO
# The run-breaking pattern as first written, without the leading lookahead.
PLAIN_BREAK_RE = re.compile(r"[^\w\s'’+-]+|(?<!\S)[-+]+(?!\S)|(?<!\w)['’]+|['’]+(?!\w)")
ALPHABET = "aZ9_ -+'’.,;:()[]{}/\\|<>*~%$^&@!?\"`\t\nWwHhTtPpSsGgIiıİſK\u212a.:éα—"


def _plain_urls(texts: list[str]) -> tuple[str, ...]:
    """`find_urls` without the quick check, every text through the pattern."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in code_urls._URL_RE.finditer(text):
            url = code_urls.normalise_url(match.group())
            if url is not None:
                seen.setdefault(url, None)
    return tuple(seen)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_break_pattern_splits_like_the_plain_one(text: str) -> None:
    assert _BREAK_RE.split(text) == PLAIN_BREAK_RE.split(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=ALPHABET, max_size=30),
            st.sampled_from(
                [
                    "http://x.org/a).",
                    "//github.com/u/r.git",
                    "WWW.Example.com",
                    "GitHub.com/u/r",
                    "gıthub.com/u",
                    "httpſ://host.io",
                    "huggingface.co/m",
                    "bitbucket.org/",
                ]
            ),
        ),
        max_size=6,
    ).map(" ".join)
)
def test_urls_are_found_as_without_the_quick_check(text: str) -> None:
    assert code_urls.find_urls([text]) == _plain_urls([text])


def test_bundled_corpus_splits_and_urls_are_unchanged() -> None:
    texts = [
        line
        for path in sorted((ROOT / "site_src" / "corpus").glob("*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) > 1000
    assert [_BREAK_RE.split(t) for t in texts] == [PLAIN_BREAK_RE.split(t) for t in texts]
    found = [code_urls.find_urls([t]) for t in texts]
    assert found == [_plain_urls([t]) for t in texts]
    assert sum(map(len, found)) >= 100
