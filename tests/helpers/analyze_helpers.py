"""Helpers for the analysis tests (a module name unique across the test tree)."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.duplicates import (
    MAX_OVERLAP,
    fits_other_label,
    jaccard,
    kind_of,
    subsumes,
    synonym_heads,
)
from generator.analyze.topics.expansions import with_expansions
from generator.analyze.topics.label_fit import fitting
from generator.analyze.topics.seeds import Seed
from generator.ingest import ingest_texts
from generator.model import Corpus, Topic


def corpus_of(papers: list[tuple[str, str]]) -> Corpus:
    """A corpus from (title, abstract) pairs, read as a search listing."""
    lines = [
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
    ]
    for number, (title, abstract) in enumerate(papers):
        lines.append(("Subscribe" if number == 0 else "") + title)
        lines.append(abstract)
    return ingest_texts([("listing.txt", ("\n".join(lines) + "\n").encode())])


def slug_of(corpus: Corpus, title: str) -> str:
    """The slug of the paper with exactly this title."""
    return next(p.slug for p in corpus.papers if p.title == title)


def label_fits(corpus: Corpus, topics: Sequence[Topic]) -> dict[str, set[str]]:
    """For each topic, the slugs of the papers that fit its label as discovery judges
    it: the label's phrase, an acronym's spelled-out phrase ("residual networks" for
    "ResNets": expansions.py), or every word of the label (label_fit.py)."""
    docs = read_documents(corpus.papers)
    uses = PhraseUse(docs)
    labels = [
        Seed(t.slug, t.label, (), (" ".join(k for k in docs.tokenizer.tokens(t.label) if k),))
        for t in topics
    ]
    stats = phrase_stats(build_vectors(docs, 0), docs)
    keys = [seed.phrases for seed in with_expansions(labels, stats, docs.surfaces, uses)]
    return {
        topic.slug: {docs.slugs[p] for p in fit}
        for topic, fit in zip(topics, fitting(uses, keys), strict=True)
    }


def duplicate_pairs(
    keys: Sequence[str],
    members: Sequence[Collection[Hashable]],
    fitting: Sequence[Collection[Hashable]],
) -> list[tuple[int, int, str]]:
    """Index pairs (i < j) of near-duplicate topics, with the reason: "label",
    "members", "heads" (`synonym_heads`, where one topic's members fit the other's
    label: `fitting` holds the papers that fit each topic's label) or "kind" (`kind_of`,
    where the kind's members fit the broader label).

    `keys` are the topics' label keys (tokens.phrase_key of the label); an empty key
    (a label of stop words only) never subsumes anything.
    """
    pairs: list[tuple[int, int, str]] = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if keys[i] and keys[j] and subsumes(keys[i], keys[j]):
                pairs.append((i, j, "label"))
            elif jaccard(members[i], members[j]) >= MAX_OVERLAP:
                pairs.append((i, j, "members"))
            elif synonym_heads(keys[i], keys[j]) and (
                fits_other_label(members[i], fitting[j]) or fits_other_label(members[j], fitting[i])
            ):
                pairs.append((i, j, "heads"))
            elif (kind_of(keys[i], keys[j]) and fits_other_label(members[j], fitting[i])) or (
                kind_of(keys[j], keys[i]) and fits_other_label(members[i], fitting[j])
            ):
                pairs.append((i, j, "kind"))
    return pairs
