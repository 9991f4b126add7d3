"""Labels describe their topics: most members name the label; rules for single words."""

from __future__ import annotations

from dataclasses import replace

from generator.analyze.features.cohesion import column_lifts
from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.tokens import runs
from generator.analyze.features.vectors import build_vectors
from generator.analyze.features.word_families import PhraseUse, same_family
from generator.analyze.topics.expansions import with_expansions
from generator.analyze.topics.label_rules import MIN_LIFT_UNREPEATED, worthy
from generator.analyze.topics.seeds import Seed
from generator.model import Analysis, Corpus


def _names(text_keys: list[list[str]], label_keys: list[str]) -> bool:
    """Whether a run of the text holds the label's words in order, in any inflection."""
    size = len(label_keys)
    return any(
        all(map(same_family, run[i : i + size], label_keys))
        for run in text_keys
        for i in range(len(run) - size + 1)
    )


def test_most_members_name_their_topic_in_some_inflection(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """Half the members write the label, or, for an acronym, the phrase the corpus writes
    beside it (expansions.py: "Deep Residual Learning" says "residual networks", not
    "ResNet")."""
    docs = read_documents(bundled_corpus.papers)
    keys = {slug: list(runs(docs.full(i))) for i, slug in enumerate(docs.slugs)}
    topics = [t for t in bundled_analysis.topics if t.slug != "other"]
    labels = [[k for k in docs.tokenizer.tokens(t.label) if k] for t in topics]
    seeds = [
        Seed(t.slug, t.label, (), (" ".join(label),))
        for t, label in zip(topics, labels, strict=True)
    ]
    stats = phrase_stats(build_vectors(docs, 0), docs)
    expanded = with_expansions(seeds, stats, docs.surfaces, PhraseUse(docs))
    for topic, label, seed in zip(topics, labels, expanded, strict=True):
        names = [label, *(phrase.split(" ") for phrase in seed.phrases[1:])]
        named = sum(any(_names(keys[slug], name) for name in names) for slug in topic.papers)
        assert named >= 0.5 * len(topic.papers), (topic.label, named, len(topic.papers))


def test_an_unrepeated_word_needs_corpus_wide_cohesion(bundled_corpus: Corpus) -> None:
    docs = read_documents(bundled_corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    column = stats.index["backpropagation"]
    lift = float(column_lifts(stats, vectors.lsa, [column])[0])
    # Many papers say it once ("trained with backpropagation"): not bursty.
    assert stats.total[column] < 2 * stats.papers[column]
    assert lift >= MIN_LIFT_UNREPEATED
    assert not worthy(stats, column, lift, docs.surfaces)
    assert worthy(stats, column, lift, docs.surfaces, 1.0, True, lift, word_relax=1.0)
    assert not worthy(stats, column, lift, docs.surfaces, 1.0, True, 3.0, word_relax=1.0)


def test_verbs_and_phrases_ending_in_a_participle_are_no_labels(bundled_corpus: Corpus) -> None:
    """ "Upsample" and "Feature learned" named topics of a synthetic corpus: an action and
    a clause are no subjects. The same columns pass once the word is not a verb."""
    docs = read_documents(bundled_corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    pruning = stats.index["pruning"]
    lift = float(column_lifts(stats, vectors.lsa, [pruning])[0])
    assert worthy(stats, pruning, lift, docs.surfaces)
    verb = stats.verb.copy()
    verb[pruning] = True
    assert not worthy(replace(stats, verb=verb), pruning, lift, docs.surfaces)
    assert stats.verb[stats.index["reconstruct"]] and not stats.verb[pruning]
    learned = stats.index["feature learned"]
    assert not worthy(stats, learned, 10.0, docs.surfaces)
    assert worthy(stats, stats.index["activation function"], 10.0, docs.surfaces)
