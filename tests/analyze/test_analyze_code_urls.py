"""Code and project URLs found in abstracts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.analyze.code_urls import find_urls, normalise_url


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
