"""Area names: a phrase spanning several of the area's topics, else two topic labels."""

from __future__ import annotations

import pytest

from generator.analyze.areas import join_labels
from generator.model import Analysis, Topic


@pytest.mark.parametrize(
    ("labels", "name"),
    [
        (["Image classification", "image recognition"], "Image classification and recognition"),
        (["Diffusion models", "generative models"], "Diffusion and generative models"),
        (["Label noise", "memorization"], "Label noise and memorization"),
        (["CT", "X-ray images"], "CT and X-ray images"),
        (["Pruning", "pruning methods"], "Pruning and pruning methods"),
        (["Pruning"], "Pruning"),
    ],
)
def test_join_labels_says_a_shared_word_once(labels: list[str], name: str) -> None:
    assert join_labels(labels) == name


def test_an_area_is_named_after_one_topic_only_when_it_holds_half_the_area(
    bundled_analysis: Analysis,
) -> None:
    areas: dict[str, list[Topic]] = {}
    for topic in bundled_analysis.topics:
        if topic.area:
            areas.setdefault(topic.area, []).append(topic)
    assert len(areas) >= 5
    for name, topics in areas.items():
        papers = {p for t in topics for p in t.papers}
        for topic in topics:
            if topic.label.casefold() == name.casefold():
                assert len(topic.papers) >= 0.5 * len(papers), name
