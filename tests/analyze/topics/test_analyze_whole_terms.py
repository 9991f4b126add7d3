"""A two-word keyword that is two thirds of a three-word term is shown whole."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.topics.describe import Draft, keywords
from generator.analyze.topics.keyword_rules import half_terms
from generator.analyze.topics.whole_terms import WholeTerms

PAPERS = [
    (
        "Sampling from a cumulative distribution function",
        "We invert the cumulative distribution function of the volume density to place "
        "samples along each camera ray.",
    ),
    (
        "Where renderers place samples",
        "The cumulative distribution function of each ray decides where the renderer "
        "samples; camera rays are cheap.",
    ),
    (
        "Monocular depth estimation with transformers",
        "Monocular depth estimation predicts depth from one image; transformers help "
        "monocular depth estimation.",
    ),
    (
        "Depth estimation from stereo pairs",
        "Stereo depth estimation and monocular depth estimation differ; we study stereo "
        "pairs and depth estimation.",
    ),
    (
        "Image classification benchmarks",
        "Image classification of natural images; image classification datasets and image "
        "classification accuracy vary.",
    ),
    (
        "Devices like mobile phones",
        "Running networks on devices like mobile phones; phones like mobile phones are "
        "small devices like mobile phones.",
    ),
    (
        "Mobile phones run networks",
        "Mobile phones run small networks; devices like mobile phones need compression.",
    ),
    (
        "Small devices like mobile phones",
        "Quantized networks for devices like mobile phones and other small devices.",
    ),
]


def _whole() -> WholeTerms:
    docs = read_documents(corpus_of(PAPERS).papers)
    vectors = build_vectors(docs, 0)
    presence = (vectors.counts > 0).tocsc()
    return WholeTerms(docs, phrase_stats(vectors, docs), presence)


def test_both_halves_of_a_three_word_term_become_the_term() -> None:
    whole = _whole()
    assert whole.of("cumulative distribution") == "cumulative distribution function"
    assert whole.of("distribution function") == "cumulative distribution function"
    assert whole.of("monocular depth") == "monocular depth estimation"


def test_a_pair_that_stands_alone_or_varies_stays_a_pair() -> None:
    whole = _whole()
    # "depth estimation" follows "monocular" in 3 of its 6 uses: half is not most.
    assert whole.of("depth estimation") == "depth estimation"
    # "image classification" goes on three ways ("datasets", "accuracy", "of").
    assert whole.of("image classification") == "image classification"
    # Not a pair, or not a counted phrase.
    assert whole.of("depth") == "depth"
    assert whole.of("unknown pair") == "unknown pair"


def test_a_preposition_does_not_make_a_term() -> None:
    # "devices like mobile phones" in every paper that writes "mobile phones", yet
    # "like mobile phones" names nothing (keyword_rules.PROSE).
    assert _whole().of("mobile phone") == "mobile phone"


def test_keywords_show_the_whole_term_once() -> None:
    docs = read_documents(corpus_of(PAPERS).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    presence = (vectors.counts > 0).astype("float32").tocsr()
    rays = [n for n, slug in enumerate(docs.slugs) if "sampl" in slug]
    assert len(rays) == 2
    draft = Draft("rays", "Rays", ((rays[0], 1.0), (rays[1], 0.9)), ("ray",))
    assert "cumulative distribution function" not in stats.index  # only the halves
    shown = keywords(
        draft,
        stats,
        presence,
        docs.surfaces,
        half_terms(stats),
        WholeTerms(docs, stats, presence.tocsc()),
    )
    assert "cumulative distribution function" in shown
    assert not {"cumulative distribution", "distribution function"} & set(shown)
    halves = keywords(draft, stats, presence, docs.surfaces, half_terms(stats))
    assert "distribution function" in halves  # without: a half


def test_a_topic_shows_the_whole_term_only_when_its_own_papers_write_it() -> None:
    """ "image segmentation" is mostly "medical image segmentation" in a corpus of
    medical papers; a topic of other papers keeps the pair."""
    docs = read_documents(corpus_of(PAPERS).papers)
    whole = _whole()
    writers = [n for n, slug in enumerate(docs.slugs) if "cumulative" in slug or "where" in slug]
    assert whole.of("cumulative distribution", writers) == "cumulative distribution function"
    assert whole.of("cumulative distribution", writers[:1]) == "cumulative distribution"
    others = [n for n in range(len(docs.slugs)) if n not in writers]
    assert whole.of("cumulative distribution", others) == "cumulative distribution"
