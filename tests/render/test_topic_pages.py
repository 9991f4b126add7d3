"""A topic page opens with one sentence that says what its papers are about."""

from __future__ import annotations

from generator.model import Topic
from generator.render.topic_pages import _about, _in_words


def _topic(label: str) -> Topic:
    return Topic(slug="t", label=label, keywords=("a",), papers=("p",))


def test_the_sentence_reads_the_label_as_words_and_counts_papers() -> None:
    assert _about(_topic("Diffusion models"), 12) == (
        "12 papers on diffusion models; their abstracts most often speak of"
    )
    assert _about(_topic("U-Net"), 1) == "1 paper on U-Net; its abstract speaks of"
    assert _about(_topic("CT"), 3).startswith("3 papers on CT;")


def test_keywords_are_listed_as_in_a_sentence() -> None:
    assert _in_words([]) == ""
    assert _in_words(["denoising"]) == "denoising"
    assert _in_words(["denoising", "score matching"]) == "denoising and score matching"
    assert _in_words(["a", "b", "c"]) == "a, b and c"
