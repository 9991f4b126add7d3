"""Near-duplicate topics: one label inside another, or mostly the same members."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp
from analyze_helpers import duplicate_pairs

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.tokens import Tokenizer, phrase_key
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.pipeline import read_documents
from generator.analyze.topics.candidates import Candidate
from generator.analyze.topics.duplicates import (
    MAX_OVERLAP,
    fits_other_label,
    jaccard,
    kind_of,
    subsumes,
    synonym_heads,
)
from generator.analyze.topics.label_fit import fitting as fit_sets
from generator.analyze.topics.seeds import Seed, merge_overlaps, select_seeds
from generator.model import Analysis, Corpus


def _key(label: str) -> str:
    return phrase_key(label) or ""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Semantic segmentation", "Semantic image segmentation"),
        ("CT", "3D chest CT"),
        ("Benign overfitting", "Deep networks benignly overfit"),
        ("Diffusion models", "Latent diffusion model"),
        ("Pruning", "Pruning"),
    ],
)
def test_a_label_inside_another_is_flagged(first: str, second: str) -> None:
    assert subsumes(_key(first), _key(second))
    assert subsumes(_key(second), _key(first))
    assert duplicate_pairs([_key(first), _key(second)], [{1}, {2}], [{1}, {2}]) == [(0, 1, "label")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Visualization", "Visual representation learning"),  # one stem, two words
        ("Image classification", "Image recognition"),
        ("Medical image segmentation", "Semantic segmentation"),
        ("Regularization", "Regular languages"),
    ],
)
def test_labels_that_share_only_some_words_are_not(first: str, second: str) -> None:
    assert not subsumes(_key(first), _key(second))
    assert duplicate_pairs([_key(first), _key(second)], [{1}, {2}], [{1}, {2}]) == []


@pytest.mark.parametrize(
    ("first", "second", "same_task"),
    [
        ("Image classification", "Image recognition", True),
        # The same shape: only label fit tells two tasks from two names of one.
        ("Medical image segmentation", "Medical image registration", True),
        ("Diffusion models", "Generative models", False),  # a modifier differs
        ("Object detection", "Anomaly detection", False),
        ("CT", "MRI", False),  # no shared modifier
        ("Image classification", "Classification", False),
    ],
)
def test_names_of_one_task_share_all_words_but_the_last(
    first: str, second: str, same_task: bool
) -> None:
    assert synonym_heads(_key(first), _key(second)) is same_task


def test_two_names_of_one_task_are_flagged_when_one_fits_the_others_label() -> None:
    """ "Image recognition" papers that mostly also say "classification" of "images"
    are the "Image classification" subject; "Image retrieval" papers that do not are
    a different task under the same modifier."""
    keys = [_key("Image classification"), _key("Image recognition"), _key("Image retrieval")]
    members = [set(range(0, 10)), set(range(10, 20)), set(range(20, 25))]
    fitting = [set(range(0, 16)), set(range(10, 20)), set(range(20, 25)) | {0}]
    assert fits_other_label(members[1], fitting[0])  # 6 of 10 fit, MIN_FIT = 0.6
    assert not fits_other_label(members[0], fitting[2])
    assert duplicate_pairs(keys, members, fitting) == [(0, 1, "heads")]
    fitting[0] = set(range(0, 15))  # 5 of 10: not most of them
    assert duplicate_pairs(keys, members, fitting) == []


@pytest.mark.parametrize(
    ("subject", "kind", "is_kind"),
    [
        ("Attention mechanism", "Self-attention", True),
        ("Attention", "Local self-attention", True),
        ("Pooling module", "Max-pooling", True),
        ("Graph", "Hypergraph", True),
        ("", "Attention", False),  # an empty key (stop words only) is no subject
        ("GAN", "Organ", False),  # too short to tell a word from a word's end
        ("Net", "ResNet", False),
        ("Supervised learning", "Self-supervised learning", False),  # two words: no subject
        ("Detection", "Object detection", False),  # a separate word: subsumption's case
        ("Attention", "Attention", False),
        ("Attention mechanism", "Attention maps", False),
    ],
)
def test_a_kind_is_a_closed_compound_ending_in_the_subjects_word(
    subject: str, kind: str, is_kind: bool
) -> None:
    assert kind_of(_key(subject), _key(kind)) is is_kind
    assert not kind_of(_key(kind), _key(subject))


def test_a_subject_and_its_kind_are_flagged_when_the_kinds_papers_fit_the_subject() -> None:
    """Self-attention papers that mostly write "attention" on its own are the attention
    subject listed twice; ones that do not would be a kind of their own."""
    keys = [_key("Attention mechanism"), _key("Self-attention")]
    members = [set(range(0, 10)), set(range(10, 20))]
    fitting = [set(range(0, 16)), set(range(10, 20))]
    assert duplicate_pairs(keys, members, fitting) == [(0, 1, "kind")]
    fitting[0] = set(range(0, 15))  # 5 of the 10 kind papers
    assert duplicate_pairs(keys, members, fitting) == []


def test_a_kind_merges_into_its_subject() -> None:
    seeds = [
        Seed("self-attention", "Self-attention", (10, 11), ("selfattention",)),
        Seed("attention-mechanism", "Attention mechanism", (0, 1), ("attention mechanism",)),
    ]
    members = [list(range(10, 20)), list(range(0, 10))]
    naming = np.zeros((20, 2), dtype=np.float32)
    fits = np.zeros((20, 2), dtype=np.float32)
    fits[10:20, 0] = 1
    fits[0:16, 1] = 1  # 6 of the 10 self-attention papers fit "Attention mechanism"
    merged = merge_overlaps(seeds, members, sp.csc_matrix(naming), sp.csc_matrix(fits))
    assert merged is not None and [s.slug for s in merged] == ["attention-mechanism"]
    # Named by the subject's word, which most papers of both write.
    assert merged[0].phrases == ("attention", "attention mechanism", "selfattention")
    assert merged[0].papers == (0, 1, 10, 11)
    fits[15, 1] = 0
    assert merge_overlaps(seeds, members, sp.csc_matrix(naming), sp.csc_matrix(fits)) is None


def test_member_overlap_above_the_threshold_is_flagged() -> None:
    assert jaccard({1, 2, 3}, {2, 3, 4}) == 0.5
    assert jaccard(set(), set()) == 0.0
    keys = ["optimal transport", "sinkhorn", "pruning"]
    members = [set(range(10)), set(range(4, 12)), set(range(8, 20))]
    assert jaccard(members[0], members[1]) >= MAX_OVERLAP > jaccard(members[1], members[2])
    assert duplicate_pairs(keys, members, members) == [(0, 1, "members")]


def _surfaces() -> Surfaces:
    return Surfaces(Counter(), Counter(), Tokenizer())


def _candidate(key: str, papers: range, quality: float, gated: bool = False) -> Candidate:
    return Candidate(key, tuple(papers), 4.0, quality, len(papers), gated=gated)


def test_a_candidate_inside_a_chosen_topic_joins_it() -> None:
    surfaces = _surfaces()
    candidates = [
        _candidate("semantic image segmentation", range(0, 4), 0.9),
        _candidate("optimal transport", range(10, 16), 0.8),
        _candidate("semantic segmentation", range(20, 30), 0.7),
        _candidate("ct", range(40, 50), 0.6),
        _candidate("3d chest ct", range(50, 53), 0.5, gated=True),
    ]
    seeds = select_seeds(candidates, surfaces)
    assert [s.slug for s in seeds] == ["semantic-segmentation", "optimal-transport", "ct"]
    segmentation, _, ct = seeds
    # The general phrase names both; the narrow one still marks papers as on topic.
    assert segmentation.phrases == ("semantic segmentation", "semantic image segmentation")
    assert segmentation.papers == (*range(0, 4), *range(20, 30))
    assert ct.phrases == ("ct", "3d chest ct") and ct.papers == tuple(range(40, 53))
    assert not ct.gated


def test_a_broader_residual_phrase_renames_a_topic_and_brings_its_gate() -> None:
    """ "regularization", a residual topic's word (only papers about it may join), is
    inside the chosen "implicit regularization": the broader word names the merged topic,
    which stays gated, or every paper saying "regularization" in passing could join."""
    candidates = [
        _candidate("implicit regularization", range(0, 6), 0.9),
        _candidate("regularization", range(10, 14), 0.5, gated=True),
    ]
    (seed,) = select_seeds(candidates, _surfaces())
    assert seed.slug == "regularization"
    assert seed.phrases == ("regularization", "implicit regularization")
    assert seed.papers == (*range(0, 6), *range(10, 14)) and seed.gated


def test_no_topic_takes_the_name_of_a_file_beside_the_topics() -> None:
    """topics/index.md is the topics index; feeds/topics/sitemap.xml the empty sitemap
    Material fetches beside a topic's feed."""
    candidates = [
        _candidate("index", range(0, 6), 0.9),
        _candidate("sitemap", range(10, 16), 0.8),
        _candidate("ct", range(20, 30), 0.7),
    ]
    assert [s.slug for s in select_seeds(candidates, _surfaces())] == ["ct"]


def test_a_pinned_topic_is_never_renamed_by_a_candidate() -> None:
    pinned = Seed("chest-ct", "Chest CT", (1, 2, 3), ("chest ct",), pinned=True)
    seeds = select_seeds([_candidate("ct", range(10, 20), 0.9)], _surfaces(), [pinned])
    assert seeds == [pinned]


def test_overlapping_topics_merge_under_the_phrase_more_members_name() -> None:
    seeds = [
        Seed("unet", "U-Net", (0, 1), ("unet",)),
        Seed("pruning", "Pruning", (20, 21), ("pruning",)),
        Seed("medical-image-segmentation", "MIS", (5, 6), ("medical image segmentation",)),
    ]
    members = [list(range(0, 10)), list(range(20, 30)), list(range(3, 12))]
    naming = np.zeros((30, 3), dtype=np.float32)
    naming[0:4, 0] = 1  # 4 name U-Net
    naming[3:12, 2] = 1  # 9 name medical image segmentation
    fits = sp.csc_matrix(naming)
    merged = merge_overlaps(seeds, members, sp.csc_matrix(naming), fits)
    assert merged is not None and [s.slug for s in merged] == [
        "pruning",
        "medical-image-segmentation",
    ]
    assert merged[1].phrases == ("medical image segmentation", "unet")
    assert merged[1].papers == (0, 1, 5, 6)
    rest = sp.csc_matrix(naming[:, 1:])
    assert merge_overlaps(merged, [members[1], list(range(0, 12))], rest, rest) is None


def test_two_names_of_one_task_merge_under_the_label_that_fits_more_papers() -> None:
    seeds = [
        Seed("image-recognition", "Image recognition", (0, 1), ("image recognition",)),
        Seed("image-retrieval", "Image retrieval", (20, 21), ("image retrieval",)),
        Seed("image-classification", "Image classification", (10, 11), ("image classification",)),
    ]
    members = [list(range(0, 10)), list(range(20, 25)), list(range(10, 20))]
    naming = np.zeros((30, 3), dtype=np.float32)
    fits = np.zeros((30, 3), dtype=np.float32)
    fits[0:10, 0] = fits[20:25, 1] = 1
    fits[4:20, 2] = 1  # 6 of the 10 "Image recognition" papers fit "Image classification"
    merged = merge_overlaps(seeds, members, sp.csc_matrix(naming), sp.csc_matrix(fits))
    assert merged is not None and [s.slug for s in merged] == [
        "image-retrieval",
        "image-classification",
    ]
    assert merged[1].phrases == ("image classification", "image recognition")
    assert merged[1].papers == (0, 1, 10, 11)
    fits[4, 2] = 0  # 5 of 10: the label would not describe most of them
    assert merge_overlaps(seeds, members, sp.csc_matrix(naming), sp.csc_matrix(fits)) is None


def test_pinned_topics_never_merge() -> None:
    seeds = [Seed("a", "A", (0,), ("a",), pinned=True), Seed("b", "B", (0,), ("b",))]
    naming = sp.csc_matrix(np.ones((4, 2), dtype=np.float32))
    assert merge_overlaps(seeds, [[0, 1, 2, 3], [0, 1, 2, 3]], naming, naming) is None
    seeds = [
        Seed("a", "Image recognition", (0,), ("image recognition",), pinned=True),
        Seed("b", "Image classification", (1,), ("image classification",)),
    ]
    assert merge_overlaps(seeds, [[0, 1], [2, 3]], naming, naming) is None


def test_bundled_topics_have_no_near_duplicates(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    topics = [t for t in bundled_analysis.topics if t.slug != "other"]
    keys = [_key(t.label) for t in topics]
    uses = PhraseUse(read_documents(bundled_corpus.papers))
    slugs = [paper.slug for paper in bundled_corpus.papers]
    fitting = [{slugs[p] for p in fit} for fit in fit_sets(uses, [[key] for key in keys])]
    pairs = duplicate_pairs(keys, [t.papers for t in topics], fitting)
    assert [(topics[i].label, topics[j].label, why) for i, j, why in pairs] == []
