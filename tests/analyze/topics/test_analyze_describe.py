"""A topic's keywords: phrases typical of its papers that name a subject."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.topics.describe import Draft, keywords, related_topics

PAPERS = [
    (
        "Calibrating classifiers",
        "Calibration keeps predictive performance. Temperature scaling is predictive of "
        "calibration; predictive performance and confidence.",
    ),
    (
        "Confidence calibration",
        "Miscalibration of confidence hurts predictive performance; temperature scaling "
        "fixes confidence. Highly predictive logits.",
    ),
    (
        "Calibration under shift",
        "Under shift, temperature scaling keeps predictive performance and confidence.",
    ),
    ("Segmenting scans", "Segmentation of scans; scans of organs need segmentation."),
    ("Graph networks", "Message passing over graphs; graphs of molecules and message passing."),
    ("Pruning filters", "Filter pruning removes filters; pruning keeps accuracy."),
    ("Speech separation", "Speech separation of voices; separation of speech in rooms."),
    ("Point clouds", "Point clouds of scenes; clouds of points and scenes."),
]


def test_a_word_used_as_an_adjective_is_no_keyword_alone() -> None:
    """ "predictive" is in every paper of the topic and no other, yet it describes
    ("predictive performance", "is predictive of"): not a subject on its own."""
    # Enough other papers that the topic's words are no words of the whole field.
    quiet = [(f"Quiet paper {n}", f"Message passing {n} over graphs; graphs.") for n in range(24)]
    docs = read_documents(corpus_of(PAPERS + quiet).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    presence = (vectors.counts > 0).astype("float32").tocsr()
    members = [n for n, slug in enumerate(docs.slugs) if "calibrat" in slug]
    assert len(members) == 3
    draft = Draft("calibration", "Calibration", tuple((n, 1.0) for n in members), ("calibration",))
    shown = keywords(draft, stats, presence, docs.surfaces)
    assert "predictive" not in shown
    assert {"temperature scaling", "confidence"} <= set(shown)
    # The same word, were it a noun, would be a keyword.
    as_noun = replace(stats, describing=np.zeros_like(stats.describing))
    assert "predictive" in keywords(draft, as_noun, presence, docs.surfaces)


def test_related_topics_need_a_paper_that_bridges_them() -> None:
    """Centres alone related "3D point clouds" to "MRI": no paper is in both, and no
    paper of one lists a paper of the other among its related papers."""
    drafts = [
        Draft("a", "A", ((0, 1.0), (1, 1.0)), ("a",)),
        Draft("b", "B", ((2, 1.0), (3, 1.0)), ("b",)),
        Draft("c", "C", ((4, 1.0), (5, 1.0)), ("c",)),
    ]
    centres = np.array([[1.0, 0.0], [0.9, 0.436], [0.8, 0.6]], dtype=np.float32)
    assert related_topics(drafts, centres) == [("b", "c"), ("c", "a"), ("b", "a")]
    neighbours = [[2], [], [], [], [], [2]]  # a -> b and c -> b, nothing reaches a to c
    assert related_topics(drafts, centres, neighbours) == [("b",), ("c", "a"), ("b",)]


def test_a_word_of_the_whole_field_is_no_keyword_but_a_name_is() -> None:
    """ "classification" in over a tenth of all papers, and in more than twice as many
    as the topic's own, says nothing of the topic; "ImageNet", a name, does even so. In
    a small corpus a word of two papers is no word of the field for being over a tenth."""
    topic = [
        (
            f"Pruning filters {n}",
            f"Filter pruning on ImageNet; ImageNet classification and classification. "
            f"Channel pruning {n}, channel {n}.",
        )
        for n in range(3)
    ]
    others = [
        (
            f"Other work {n}",
            f"Speech separation {n}; ImageNet classification of voices, classification.",
        )
        for n in range(4)
    ] + [
        (f"Quiet paper {n}", f"Message passing over graphs {n}; graphs of molecules.")
        for n in range(7)
    ]
    docs = read_documents(corpus_of(topic + others).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    presence = (vectors.counts > 0).astype("float32").tocsr()
    members = [n for n, slug in enumerate(docs.slugs) if slug.startswith("pruning-filters")]
    draft = Draft("pruning", "Pruning", tuple((n, 1.0) for n in members), ("pruning",))
    shown = keywords(draft, stats, presence, docs.surfaces)
    assert stats.papers[stats.index["classification"]] == 7  # of 14 papers, 3 the topic's
    assert "classification" not in shown
    assert "ImageNet" in shown
    # "channel": 3 papers of 14, all the topic's own: a keyword.
    assert "channel" in shown
