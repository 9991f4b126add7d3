"""Acronym topics learn the phrase they stand for, as the corpus spells it out."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.expansions import with_expansions
from generator.analyze.topics.seeds import Seed

_PAPERS = [
    ("Deep ResNets for Images", "Deep residual networks (ResNets) train well. ResNets win."),
    ("Wide ResNets", "Wide residual networks beat deep ResNets on images."),
    ("Training Residual Networks", "Residual networks with identity maps, as in ResNets."),
    ("Residual Networks Behave Like Ensembles", "Residual networks are ensembles."),
    ("Regression Networks for Depth", "Regression networks estimate depth from images."),
    ("Regression Networks for Pose", "Regression networks estimate the pose of objects."),
    ("Sparse Coding", "Dictionaries learned from patches of natural images."),
    ("Optimal Transport Maps", "Transport plans between measures, computed fast."),
    ("Speech Enhancement", "Masks on spectrograms remove noise from speech."),
    ("Graph Neural Networks", "Message passing over the edges of a graph."),
    ("Pruning Weights", "Small weights are removed after training."),
    ("Label Noise", "Wrong labels in training sets hurt accuracy."),
]


def _expanded(seeds: list[Seed]) -> list[Seed]:
    docs = read_documents(corpus_of(_PAPERS).papers)
    stats = phrase_stats(build_vectors(docs, 0), docs)
    return with_expansions(seeds, stats, docs.surfaces, PhraseUse(docs))


def test_an_acronym_topic_takes_the_phrase_written_beside_it() -> None:
    """ "regression networks" has the letters of "ResNets" too, but no paper writes
    them together; "residual networks" is written with it by three papers."""
    (seed,) = _expanded([Seed("resnet", "ResNets", (0, 1), ("resnet",))])
    assert seed.phrases == ("resnet", "residual network")
    assert _expanded([seed]) == [seed]  # once found, not looked for again


def test_pinned_and_unspelled_topics_are_left_alone() -> None:
    pinned = Seed("resnet", "ResNets", (0, 1), ("resnet",), pinned=True)
    phrase = Seed("optimal-transport", "Optimal transport", (7,), ("optimal transport",))
    assert _expanded([pinned, phrase]) == [pinned, phrase]
