"""Topic keywords are content phrases: no prose filler, no halves of a term, no repeats."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import MIN_HEAD, PhraseStats, phrase_stats
from generator.analyze.features.tokens import phrase_key
from generator.analyze.features.vectors import build_vectors
from generator.analyze.features.word_classes import GENERIC
from generator.analyze.topics.keyword_rules import (
    half_terms,
    is_comparative,
    is_filler,
    open_heads,
    repeats_kept,
    repeats_label,
    says_nothing,
    spelled_out,
)
from generator.analyze.topics.whole_terms import WHOLE_SHARE
from generator.model import Analysis, Corpus

VOCABULARY = {
    word: i
    for i, word in enumerate(
        "accurate adaptive flexible natural close full train process vary plan scale learn".split()
    )
}


@pytest.mark.parametrize(
    "key",
    [
        "growing workload",
        "rapid increase",
        "urgent need",
        "mounting evidence",
        "wide range",
        "closely related",
        "naturally uncover",
        "map adaptively",
        "accurately",
        "understanding",
        "deep understanding",
        "behavior",
        "norm",
        "trained",
        "known",
        "model involves",
        "prime candidate",
        "feature learned",
    ],
)
def test_prose_is_filler(key: str) -> None:
    assert is_filler(key, VOCABULARY)


@pytest.mark.parametrize(
    "key",
    [
        "magnetic resonance",
        "skip connection",
        "gaussian process",
        "test set",
        "fully convolutional network",
        "family",
        "anomaly",
        "entropic",
        "chest ct volume",
        "trained model",
        "embedded",
        "seed",
    ],
)
def test_content_is_not(key: str) -> None:
    assert not is_filler(key, VOCABULARY)


@pytest.mark.parametrize(
    "key",
    [
        "stage",
        "understanding",
        "baseline",
        "growing interest",
        "gained popularity",
        "known",
        "cnn",
        "like unet",
        "self",  # "self- and cross-attention": a prefix the hyphen left alone
    ],
)
def test_a_shared_term_that_says_nothing_is_no_reason(key: str) -> None:
    """Shown under a related paper ("Shared: ..."), these give no reason."""
    assert says_nothing(key)


@pytest.mark.parametrize("key", ["scaling", "imbalanced", "continually", "prior"])
def test_words_that_are_no_keyword_can_still_be_a_shared_reason(key: str) -> None:
    """Title verbs, participles, adverbs and vague words alone are no topic keywords,
    but two papers on scaling laws, imbalanced regression, continual learning or priors
    share them as their subject."""
    assert is_filler(key, {"imbalance": 0, "continual": 1}) and not says_nothing(key)


def _stats(totals: dict[str, float]) -> PhraseStats:
    terms = tuple(sorted(totals))
    n = len(terms)
    return PhraseStats(
        terms=terms,
        index={t: i for i, t in enumerate(terms)},
        total=np.array([totals[t] for t in terms], dtype=np.float64),
        papers=np.ones(n, dtype=np.int64),
        title_papers=np.ones(n, dtype=np.int64),
        key_papers=sp.csc_matrix((1, n), dtype=bool),
        head=np.ones(n),
        alone=np.zeros(n),
        verb=np.zeros(n, dtype=bool),
        describing=np.zeros(n, dtype=bool),
        described=np.zeros(n, dtype=np.int64),
    )


def test_a_word_mostly_inside_one_phrase_is_half_a_term() -> None:
    stats = _stats(
        {
            "magnetic": 10,
            "resonance": 9,
            "magnetic resonance": 8,
            "magnetic field": 2,
            "gradient": 30,
            "descent": 10,
            "gradient descent": 9,
            "gradient flow": 5,
        }
    )
    assert half_terms(stats) == {"magnetic", "resonance", "descent"}


def test_a_word_that_heads_compounds_of_many_kinds_is_part_of_a_term() -> None:
    """ "budget" ends a compound in every use, each with another modifier: it names a
    different thing each time. "bias" ends compounds too, but mostly one ("inductive
    bias"); "pruning" is mostly alone or first."""
    abstracts = [
        "A FLOP budget. A tuning budget. A memory budget. An energy budget.",
        "Inductive bias helps. Inductive bias again. Label bias seen. Pruning works.",
        "Pruning methods prune. Pruning removes weights. Magnitude pruning. Inductive bias.",
    ]
    docs = read_documents(
        corpus_of([(f"Paper {n}", text) for n, text in enumerate(abstracts)]).papers
    )
    words = ["budget", "bias", "pruning", "inductive bias", "flop budget", "magnitude pruning"]
    totals = {"budget": 4, "bias": 4, "pruning": 4, "inductive bias": 3, "flop budget": 1}
    totals["magnitude pruning"] = 1
    stats = _stats({w: totals[w] for w in words})
    assert open_heads(stats, docs) == {"budget"}


def test_a_comparative_of_a_modifier_names_nothing() -> None:
    """ "deeper", "bigger", "easiest" compare (each also used as an adjective: "is
    deeper"). Nouns look the same: "encoder" (of a verb), "transformer" (of a word that
    ends its runs), "liver" (of a modifier, "live cell imaging", but never an adjective
    itself); "deep" and "filter" have no base."""
    words = ["deep", "big", "easy", "encode", "transform", "live", "filter"]
    words += ["deeper", "deepest", "bigger", "easiest", "easier", "encoder", "transformer"]
    words += ["liver"]
    stats = _stats({w: 1 for w in words})
    heads = {"deep": 0.01, "big": 0.1, "easy": 0.2, "encode": 0.1, "transform": 0.6}
    heads |= {"live": 0.05, "filter": 0.7}
    for word, head in heads.items():
        stats.head[stats.index[word]] = head
    stats.verb[stats.index["encode"]] = True
    for word in ("deeper", "deepest", "bigger", "easiest", "easier", "encoder", "transformer"):
        stats.described[stats.index[word]] = 2
    for word in ("deeper", "deepest", "bigger", "easiest", "easier"):
        assert is_comparative(word, stats), word
    for word in ("encoder", "transformer", "liver", "deep", "filter"):
        assert not is_comparative(word, stats), word
    stats.head[stats.index["transform"]] = 0.1
    assert is_comparative("transformer", stats)  # the base's head ratio decides


def test_a_phrase_a_kept_keyword_already_says_is_a_repeat() -> None:
    assert repeats_kept("resonance", ["magnetic resonance"])
    assert repeats_kept("magnetic resonance imaging", ["magnetic resonance"])
    assert repeats_kept("hyperparameter augmentation", ["augmentation hyperparameter"])
    assert repeats_kept("skip connection", ["skip connections"])
    assert repeats_kept("early learning", ["earlylearning"])
    assert not repeats_kept("magnetic field", ["magnetic resonance"])


def test_a_phrase_of_label_words_repeats_the_label() -> None:
    assert repeats_label("memorizing", ["memorization"], GENERIC)
    assert repeats_label("pruned network", ["pruning"], GENERIC)
    assert repeats_label("lowrank", ["low rank"], GENERIC)
    assert not repeats_label("sparsity", ["pruning"], GENERIC)


def test_bundled_keywords_are_content(bundled_analysis: Analysis) -> None:
    """No bundled topic shows filler, two keywords that say one thing, or a keyword
    its label says ("brain tumor segmentation" under "Brain tumor segmentation" when
    the label was a longer phrase than the topic's name)."""
    vocabulary: dict[str, int] = {}
    for topic in bundled_analysis.topics:
        keys = [phrase_key(k) or "" for k in topic.keywords]
        label = phrase_key(topic.label) or ""
        for number, key in enumerate(keys):
            assert not is_filler(key, vocabulary), (topic.label, key)
            assert not repeats_kept(key, keys[:number]), (topic.label, key)
            assert not repeats_label(key, [label], GENERIC), (topic.label, key)
        shown = [k for k in topic.keywords if spelled_out(k, [topic.label]) is not None]
        assert shown == [], (topic.label, shown)  # "OT" under "Optimal transport"


def test_bundled_one_word_keywords_are_heads_not_modifiers(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """A lone word that mostly modifies the next one ("mathematical", "global",
    "automatic") names nothing by itself: a one-word keyword ends a phrase at least
    MIN_HEAD of the times the corpus uses it."""
    docs = read_documents(bundled_corpus.papers)
    lone = {
        (topic.label, key)
        for topic in bundled_analysis.topics
        for key in (phrase_key(k) or "" for k in topic.keywords)
        if " " not in key
    }
    assert len(lone) > 50  # the check has words to check
    assert all(docs.head_ratio(key) >= MIN_HEAD for _, key in lone), sorted(
        (label, key) for label, key in lone if docs.head_ratio(key) < MIN_HEAD
    )
    verbs_shown = sorted((label, key) for label, key in lone if key in docs.verbs())
    assert verbs_shown == []  # "reduce", "reconstruct", "detect" were shown before
    stats = phrase_stats(build_vectors(docs, 0), docs)
    heads = open_heads(stats, docs)
    open_shown = sorted((label, key) for label, key in lone if key in heads)
    assert open_shown == []  # "budget", "blocks", "regime", "flow" were shown before
    compared = sorted((label, key) for label, key in lone if is_comparative(key, stats))
    assert compared == []  # "deeper" under ResNets was


def test_bundled_keywords_are_not_the_halves_of_one_term(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """Two keywords that overlap ("cumulative distribution", "distribution function")
    are not two halves of the three-word term the corpus mostly writes them in: it is
    shown whole (whole_terms.py)."""
    docs = read_documents(bundled_corpus.papers)
    texts = [
        " ".join(t or "|" for t in (*docs.titles[p], None, *docs.abstracts[p]))
        for p in range(len(docs))
    ]

    def uses(phrase: str) -> int:
        return sum(f" {text} ".count(f" {phrase} ") for text in texts)

    overlapping = [
        (topic.label, a, b)
        for topic in bundled_analysis.topics
        for a in (phrase_key(k) or "" for k in topic.keywords)
        for b in (phrase_key(k) or "" for k in topic.keywords)
        if a.count(" ") == b.count(" ") == 1 and a.split(" ")[1] == b.split(" ")[0]
    ]
    assert overlapping  # "linear regression" and "regression problem" say two things
    halves = [
        (label, a, b)
        for label, a, b in overlapping
        if uses(f"{a} {b.split(' ')[1]}") >= WHOLE_SHARE * min(uses(a), uses(b))
    ]
    assert halves == []


def test_an_acronym_and_its_words_are_one_keyword() -> None:
    kept = ["multi-layer perceptrons", "dynamics", "MI"]
    assert spelled_out("MLP", kept) == 0
    assert spelled_out("mutual information", kept) == 2
    assert spelled_out("PCs", ["probabilistic circuits"]) == 0
    assert spelled_out("dynamics", kept) is None
    assert spelled_out("Mixup", ["mixed precision"]) is None  # a word, not an acronym


def test_bundled_keywords_say_no_acronym_and_its_words_twice(bundled_analysis: Analysis) -> None:
    """ "MLP, multi-layer perceptrons", "MI, mutual information", "PCs, probabilistic
    circuits" were shown side by side."""
    twice = [
        (topic.label, keyword)
        for topic in bundled_analysis.topics
        for number, keyword in enumerate(topic.keywords)
        if spelled_out(keyword, topic.keywords[:number]) is not None
    ]
    assert twice == []
