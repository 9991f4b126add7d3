"""Members a topic holds by resemblance alone are set apart, and its keywords describe
the others (close_members.py)."""

from __future__ import annotations

from analyze_helpers import corpus_of, label_fits

from generator.analyze.features.documents import read_documents
from generator.analyze.features.tokens import contains_phrase, phrase_key
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.close_members import (
    close_members,
    described,
    distinct_users,
    names,
)
from generator.analyze.topics.describe import Draft
from generator.model import MIN_DESCRIBED, Analysis, Corpus

_PAPERS = [
    ("Low-rank adapters", "We fit low-rank adapters to large models, cheaply."),
    ("Low rank training", "Training with low rank weights saves memory in large models."),
    ("Sparse adapters", "Adapters with few weights tune large models, cheaply."),
    ("Pruned adapters", "Removing weights from adapters of large models saves memory."),
]


def _setup() -> tuple[PhraseUse, list[Draft], dict[str, int]]:
    papers = corpus_of(_PAPERS).papers
    docs = read_documents(papers)
    number = {p.title: n for n, p in enumerate(papers)}
    members = tuple((number[title], 1.0) for title, _ in _PAPERS)
    drafts = [
        Draft("low-rank", "Low rank", members, ("low rank",)),
        Draft("adapter", "Adapters", members, ("adapter",)),
    ]
    return PhraseUse(docs), drafts, number


def test_members_that_use_no_name_of_the_topic_are_close() -> None:
    uses, drafts, number = _setup()
    docs = uses.docs
    close = close_members(drafts, uses, docs.tokenizer, {})
    # "Low-rank" is one word to the tokenizer: it names "Low rank" all the same.
    assert close[0] == {number["Sparse adapters"], number["Pruned adapters"]}
    assert close[1] == {number["Low rank training"]}
    assert names(drafts[0], docs.tokenizer) == ("low rank", "lowrank")


def test_papers_the_topics_file_placed_are_close_to_no_topic_they_were_placed_in() -> None:
    """...but stay close where they were not placed (a set for every topic made a paper
    listed under one topic never close in any)."""
    uses, drafts, number = _setup()
    placed = {"adapter": frozenset({number["Low rank training"], number["Pruned adapters"]})}
    close = close_members(drafts, uses, uses.docs.tokenizer, placed)
    assert close[1] == set()
    assert number["Pruned adapters"] in close[0]  # placed in "adapter", not in "low-rank"
    # A renamed topic answers to its old slug too (Draft.names).
    renamed = Draft("kept", "Small adapters", drafts[1].members, ("adapter",), aliases=("adapter",))
    assert close_members([renamed], uses, uses.docs.tokenizer, placed) == [frozenset()]


def test_a_paper_that_writes_the_labels_distinct_word_names_the_topic() -> None:
    """ "anomaly" is rare beside "detection": "industrial anomaly segmentation" names
    "Anomaly detection". "object" is not rare beside "detection": interest-point
    detection does not name "Object detection"."""
    texts = [
        ("Anomaly detection in factories", "We study anomaly detection."),
        ("Industrial anomaly segmentation", "Zero-shot segmentation of industrial defects."),
        ("Object detection at night", "Object detection of cars and people in the dark."),
        ("Interest point detection", "Detection and description of interest points."),
        *[(f"Detection study {n}", f"Detection of thing {n}; detection again.") for n in range(8)],
        *[(f"Object study {n}", f"An object {n} on a table.") for n in range(2)],
    ]
    papers = corpus_of(texts).papers
    docs = read_documents(papers)
    number = {p.title: n for n, p in enumerate(papers)}
    anomaly = Draft(
        "anomaly",
        "Anomaly detection",
        (
            (number["Anomaly detection in factories"], 1.0),
            (number["Industrial anomaly segmentation"], 0.9),
        ),
        ("anomaly detection",),
    )
    objects = Draft(
        "object",
        "Object detection",
        ((number["Object detection at night"], 1.0), (number["Interest point detection"], 0.9)),
        ("object detection",),
    )
    close = close_members([anomaly, objects], PhraseUse(docs), docs.tokenizer, {})
    assert close == [frozenset(), frozenset({number["Interest point detection"]})]


def test_a_topic_whose_members_are_all_close_sets_none_apart() -> None:
    """Its page would say "0 papers on ..." above an empty list."""
    uses, drafts, _ = _setup()
    nobody = Draft("x", "Quantum chemistry", drafts[0].members, ("quantum chemistry",))
    assert close_members([nobody], uses, uses.docs.tokenizer, {}) == [frozenset()]


def test_keywords_describe_the_named_members_when_enough_are_left() -> None:
    draft = Draft("t", "T", tuple((p, 1.0) for p in range(5)), ("t",))
    assert described(draft, frozenset({3, 4})).papers == [0, 1, 2]
    assert described(draft, frozenset({2, 3, 4})) == draft  # two are too few: all of them
    assert MIN_DESCRIBED == 3


def test_bundled_close_members_use_no_name_of_their_topic(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """NeRF and Gaussian splatting in "Disentanglement", DenseNet and batch
    normalization in "ResNets": about one membership in ten on the bundled corpus."""
    topics = [t for t in bundled_analysis.topics if t.slug != "other"]
    fits = label_fits(bundled_corpus, topics)
    apart = [(t.slug, s) for t in topics for s in t.close]
    assert len(apart) >= 20
    named = []
    for topic in topics:
        assert set(topic.close) <= set(topic.papers)
        assert not set(topic.close) & fits[topic.slug], topic.label
        named += [s in fits[topic.slug] for s in topic.papers if s not in topic.close]
    # The others fit: the few that do not by the label's words use the topic's own
    # phrase ("point cloud" under "3D point clouds") or another form of it ("ConR:
    # Contrastive Regularizer ..." under "Contrastive learning"): 19 of 627.
    assert sum(named) >= 0.96 * len(named)


def test_bundled_keywords_come_from_the_named_members(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """A keyword is used by two of the papers it describes: not by close ones only
    ("volume rendering" under "Disentanglement" came from NeRF and splatting papers)."""
    docs = read_documents(bundled_corpus.papers)
    row = {slug: n for n, slug in enumerate(docs.slugs)}
    checked = 0
    for topic in bundled_analysis.topics:
        own = [row[s] for s in topic.papers if s not in topic.close]
        if not topic.close or len(own) < MIN_DESCRIBED:
            continue
        for keyword in topic.keywords:
            key = (phrase_key(keyword, docs.tokenizer) or "").split(" ")
            users = [p for p in own if contains_phrase(docs.full(p), key)]
            assert len(users) >= 2, (topic.label, keyword)
            checked += 1
    assert checked > 50


def test_a_label_that_repeats_a_word_has_no_distinct_word() -> None:
    """ "Graph of graphs" (a topics file may pin it) crashed: no other word to compare."""
    docs = read_documents(corpus_of([("Graphs of graphs", "Graph of graphs."), ("B", "C.")]).papers)
    assert distinct_users(PhraseUse(docs), "graph graph") == frozenset()
