"""The corpus's words for "Did you mean": each once, as most often written, most used first."""

from __future__ import annotations

import json

from generator.model import Paper
from generator.render.search_words import MAX_WORDS, search_words, search_words_json


def _paper(slug: str, title: str, abstract: str) -> Paper:
    return Paper(slug, slug, f"papers/{slug}/", title, False, abstract, (), ())


def test_words_are_ordered_by_the_papers_that_use_them_then_a_to_z() -> None:
    papers = [
        _paper("a", "Segmentation of Scans", "Segmented, segmented and segmented again."),
        _paper("b", "Transformer models", "A transformer segmentation."),
        _paper("c", "Other", "Alpha beta scans."),
    ]
    # two papers use "scans" and "segmentation"; "segmented", three times in one paper,
    # counts once, as the other words of one paper do
    assert search_words(papers) == [
        "scans",
        "segmentation",
        "again",
        "alpha",
        "models",
        "other",
        "segmented",
        "transformer",
    ]


def test_a_word_is_written_as_most_papers_write_it_capitals_at_a_start_aside() -> None:
    papers = [
        _paper("a", "ImageNet Results", "Trained on ImageNet. Results on Imagenet."),
        _paper("b", "More", "We use ImageNet and IMAGENET; results vary. Fréchet distance."),
        _paper("c", "Fréchet Inception Distance", "The Fréchet distance of Gaussians."),
    ]
    words = search_words(papers)
    assert {"ImageNet", "results", "distance"} <= set(words)
    assert not {"Imagenet", "IMAGENET", "Results", "Distance"} & set(words)
    # a capital within a sentence is a name's; at a sentence's start, nobody's
    assert {"Fréchet", "Gaussians", "trained"} <= set(words)


def test_a_start_after_a_colon_or_quote_and_a_tie_give_small_letters() -> None:
    papers = [
        _paper("a", "", 'Two steps: Firstly we crop. He said "no." Accordingly we stop.'),
        _paper("b", "", "The Neighborhood graph and the neighborhood size."),
    ]
    words = search_words(papers)
    assert {"firstly", "accordingly", "neighborhood"} <= set(words)


def test_short_words_numbers_latex_commands_and_addresses_are_left_out() -> None:
    papers = [
        _paper(
            "a",
            "Nets",
            r"Code at https://github.com/lab/thing and www.example.org/page; "
            r"ResNet50 with $\mathcal{L}$ loss, 3D U-Net, state-of-the-art.",
        ),
        # a command that lost its backslash: the page shows "O(n)" and "Net†"
        _paper("b", "Nets", "In mathcal{O}(n) time with Net^{dagger} parts"),
    ]
    assert search_words(papers) == ["parts", "state"]


def test_the_list_is_capped_and_its_json_is_a_plain_list() -> None:
    many = [_paper(f"p{i}", "", f"common {_letters(i)}") for i in range(MAX_WORDS + 5)]
    words = search_words(many)
    assert len(words) == MAX_WORDS and words[0] == "common"
    assert json.loads(search_words_json(many[:2])) == ["common", _letters(0), _letters(1)]


def _letters(number: int) -> str:
    """A word of five or more letters for `number`: "aaaaa", "aaaab", ..."""
    letters = ""
    for _ in range(5):
        number, digit = divmod(number, 26)
        letters = chr(97 + digit) + letters
    return letters
