"""Code and project URLs found in abstracts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import BUNDLED_CORPUS

from generator.analyze import code_urls
from generator.analyze.code_urls import find_urls, normalise_url

URL_ALPHABET = "aZ9_ -+'’.,;:()[]{}/\\|<>*~%$^&@!?\"`\t\nWwHhTtPpSsGgIiıİſK\u212a.:éα—"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Code: https://github.com/a/b.", ["https://github.com/a/b"]),
        (
            "at //github.com/holgerroth/3Dunet_abdomen_cascade.",
            ["https://github.com/holgerroth/3Dunet_abdomen_cascade"],
        ),
        (
            "see github.com/pfjaeger/medicaldetectiontoolkit.",
            ["https://github.com/pfjaeger/medicaldetectiontoolkit"],
        ),
        ("(https://github.com/divelab/AIRS).", ["https://github.com/divelab/AIRS"]),
        ("page http://apc.cs.princeton.edu/ and more", ["https://apc.cs.princeton.edu"]),
        ("at:https://github.com/luow23/INP-Former.", ["https://github.com/luow23/INP-Former"]),
        ("https://github.com/wgcban/mix-bt.git", ["https://github.com/wgcban/mix-bt"]),
        ("hosted at www.github.com.", []),
        ("twice https://x.org/a https://x.org/a", ["https://x.org/a"]),
        (
            "a wiki (https://en.wikipedia.org/wiki/Foo_(bar)).",
            ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        ),
        ("no url here, just 3.5 // comments", []),
    ],
)
def test_find_urls(text: str, expected: list[str]) -> None:
    assert list(find_urls([text])) == expected


def test_versions_are_searched_in_order() -> None:
    assert find_urls(["v1 https://a.org/x", "v2 https://b.org/y https://a.org/x"]) == (
        "https://a.org/x",
        "https://b.org/y",
    )


@given(st.text(max_size=200))
def test_normalised_urls_are_https_and_stable(text: str) -> None:
    for url in find_urls([text]):
        assert url.startswith("https://")
        assert normalise_url(url) == url


def _plain_urls(texts: list[str]) -> tuple[str, ...]:
    """`find_urls` without its quick check, every text through the pattern."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in code_urls._URL_RE.finditer(text):
            url = normalise_url(match.group())
            if url is not None:
                seen.setdefault(url, None)
    return tuple(seen)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=URL_ALPHABET, max_size=30),
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
    assert find_urls([text]) == _plain_urls([text])


def test_bundled_corpus_urls_are_found_as_without_the_quick_check() -> None:
    texts = [
        line
        for path in sorted(BUNDLED_CORPUS.glob("*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    found = [find_urls([t]) for t in texts]
    assert found == [_plain_urls([t]) for t in texts]
    assert sum(map(len, found)) >= 100


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("... the validation phase. Code: https://monai.io/research/swin-unetr", True),
        ("Our code and models are available at http://lab.org/x.", True),
        ("The implementation will be released at https://lab.org/x.", True),
        ("Source code is at https://lab.org/x.", True),
        ("Project page: https://lab.org/x.", False),
        ("The data set is at https://lab.org/x.", False),
        # Another sentence, or too far before the address, says nothing of it.
        ("We release code. The dataset is at https://lab.org/x.", False),
        ("Our code " + "and more words " * 6 + "is at https://lab.org/x.", False),
    ],
)
def test_an_address_the_abstract_introduces_as_code_is_code(text: str, said: bool) -> None:
    (url,) = find_urls([text])
    assert code_urls.said_code_urls([text]) == ({url} if said else set())
