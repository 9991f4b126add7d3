"""Area names: a phrase spanning several of the area's topics, else two topic labels."""

from __future__ import annotations

import numpy as np
import pytest

from generator.analyze.topics.areas import group_areas, join_labels, own_centres
from generator.analyze.topics.describe import Draft, topic_centres
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


def test_areas_group_topics_by_their_own_papers_not_shared_ones() -> None:
    # Topics A = {0, 1} and B = {1, 2} share paper 1; C = {3, 4} is apart.
    lsa = np.eye(5, dtype=np.float32)
    drafts = [
        Draft("a", "A", ((0, 1.0), (1, 1.0))),
        Draft("b", "B", ((1, 1.0), (2, 1.0))),
        Draft("c", "C", ((3, 1.0), (4, 1.0))),
    ]
    plain = topic_centres(drafts, lsa)
    own = own_centres(drafts, lsa)
    assert float(plain[0] @ plain[1]) == pytest.approx(0.5)  # in one area at the 0.3 cut
    assert float(own[0] @ own[1]) == pytest.approx(0.2)  # the shared paper counts half
    assert group_areas(plain)[:2] != [-1, -1]
    assert group_areas(own) == [-1, -1, -1]
