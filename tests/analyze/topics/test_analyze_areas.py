"""Area names: a phrase spanning several of the area's topics, else two topic labels;
no area for topics that share no phrase."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.topics.areas import (
    _with_left_out,
    area_names,
    group_areas,
    join_labels,
    own_centres,
)
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


AREA_PAPERS = [
    # Two speech topics that share "speech enhancement" ...
    ("Denoising Speech with Masks", "Speech enhancement removes noise from recorded voices."),
    ("Masks for Noisy Voices", "Speech enhancement with spectral masks cleans noisy voices."),
    ("Separating Speakers", "Speech enhancement helps separate overlapping speakers."),
    ("Speaker Separation Networks", "Speech enhancement and separation of many speakers."),
    # ... and two topics that share no phrase at all.
    ("Sampling Point Clouds", "Point clouds of lidar scans are sampled for registration."),
    ("Point Cloud Registration", "Registration aligns point clouds of two lidar scans."),
    ("Factors of Variation", "Disentangled representations separate factors of variation."),
    ("Disentangling Faces", "Disentangled representations of faces vary pose and lighting."),
]


def test_topics_that_share_no_phrase_make_no_area() -> None:
    corpus = corpus_of(AREA_PAPERS)
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    presence = (vectors.counts > 0).astype(np.float32).tocsr()
    row = {p.title: i for i, p in enumerate(corpus.papers)}
    rows = [row[title] for title, _ in AREA_PAPERS]
    drafts = [
        Draft(str(n), f"Topic {n}", ((rows[2 * n], 1.0), (rows[2 * n + 1], 1.0)), ())
        for n in range(4)
    ]
    names = area_names(drafts, [0, 0, 1, 1], stats, presence, docs.surfaces)
    assert names[0] == "Speech enhancement"
    assert names[1] == ""


def test_an_area_named_for_one_topic_also_names_a_large_topic_that_does_not_say_it() -> None:
    """ "Modalities" named an area whose 7 calibration papers of 16 never spoke of it."""
    named = Draft("m", "Modalities", tuple((p, 1.0) for p in range(9)), ("modalities",))
    large = Draft("c", "Calibration", tuple((p, 1.0) for p in range(9, 16)), ("calibration",))
    small = Draft("x", "X-ray images", ((16, 1.0), (17, 1.0)), ("x-ray images",))
    drafts = [named, large, small]
    said = np.zeros((18, 1), dtype=np.float32)
    said[:9, 0] = 1  # the topic's own papers say "modalities"
    mentions = sp.csc_matrix(said)
    name = _with_left_out("Modalities", [0], drafts, 18, mentions)
    assert name == "Modalities and calibration"
    said[9:13, 0] = 1  # most calibration papers say it too: the name holds them
    assert _with_left_out("Modalities", [0], drafts, 18, sp.csc_matrix(said)) == "Modalities"
    # Under a third of the area, a topic that does not say the name leaves it alone.
    few = Draft("c", "Calibration", tuple((p, 1.0) for p in range(9, 13)), ("calibration",))
    assert _with_left_out("Modalities", [0], [named, few], 13, mentions) == "Modalities"
