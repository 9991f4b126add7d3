"""Adverbs, past participles and verbs, told by their form and the corpus."""

from __future__ import annotations

import pytest
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.word_classes import (
    ends_in_participle,
    is_adverb,
    is_participle,
)

VOCABULARY = {
    word: i
    for i, word in enumerate(
        "accurate adaptive flexible natural close full train process vary plan scale learn "
        "connect".split()
    )
}


def test_adverbs_are_told_by_their_adjective() -> None:
    assert is_adverb("flexibly", VOCABULARY) and is_adverb("fully", VOCABULARY)
    assert not is_adverb("family", VOCABULARY) and not is_adverb("anomaly", VOCABULARY)
    assert is_adverb("simply", {"simple": 0}) and is_adverb("possibly", {"possible": 0})
    assert not is_adverb("assembly", {"assemble": 0})  # a noun, beside its verb
    assert not is_adverb("multiply", {"multiple": 0})


def test_participles_are_told_by_their_verb() -> None:
    """Alone, "trained" names nothing; "trained model" does (only lone words are judged)."""
    for word in ("trained", "processed", "varied", "planned", "scaled"):
        assert is_participle(word, VOCABULARY), word
    for word in ("embedded", "seed", "speed", "hundred", "red"):  # no verb in the vocabulary
        assert not is_participle(word, VOCABULARY), word


@pytest.mark.parametrize(
    ("key", "ends"),
    [
        ("feature learned", True),
        ("fully connected", True),
        ("model trained", True),
        ("chain thought", False),  # "chain of thought": irregular ones only alone
        ("trained model", False),
        ("learned", False),  # one word: the single-word rules judge it
        ("speed", False),
        ("image seed", False),  # too short to be an -ed participle
    ],
)
def test_a_phrase_ending_in_a_participle_is_told(key: str, ends: bool) -> None:
    assert ends_in_participle(key, VOCABULARY) is ends


def test_a_word_that_mostly_follows_to_we_or_can_is_a_verb() -> None:
    corpus = corpus_of(
        [
            ("Learning to Reduce Noise", "We reduce noise. Models can reduce errors."),
            ("Noise Reduction", "Noise is everywhere; a reduction of noise helps."),
            ("Scaling Laws", "We scale models; scale matters at every scale and scale."),
            ("Fitting Curves", "We fit curves to data."),
            ("Detecting Drift", "We can also detect drift; we will detect it."),
        ]
    )
    docs = read_documents(corpus.papers)
    assert docs.verb_ratio("reduce") == 1.0 and docs.verb_ratio("noise") == 0.0
    assert docs.verb_ratio("scale") == 0.25  # "we scale", not "every scale" (3 more)
    # "fit": a verb, but used after "we" once only: too rarely to tell.
    # "we will detect": the word after two verb-takers in a row counts too.
    assert docs.verb_counts["detect"] == 2
    assert docs.verbs() == {"reduce"}


def test_a_word_right_before_a_determiner_is_used_as_a_verb() -> None:
    """ "dropout forces all units", "the design forces the model": a transitive verb and
    its object; "forces" was a keyword of a topic ("to" or "we" never came before it)."""
    corpus = corpus_of(
        [
            ("Dropout", "Dropout forces all units to share. Weight decay forces the norm down."),
            ("Design", "The design forces the model to memorize; forces of habit aside."),
            ("Transformers", "Transformers in the wild; we train the transformers."),
        ]
    )
    docs = read_documents(corpus.papers)
    assert docs.verb_counts["force"] == 3 and docs.verb_ratio("force") == 0.75
    assert docs.verb_counts["transformer"] == 0  # "transformers in the": a preposition between
    assert "force" in docs.verbs()
    # "we train the": one use, counted once although both rules see it.
    assert docs.verb_counts["train"] == 1


def test_a_word_used_as_adjectives_are_is_no_noun_head() -> None:
    """ "predictive" ends its run before a stop-listed noun ("predictive performance"), after
    a copula ("is predictive of") or an adverb ("highly predictive"): a run's end, yet no
    noun. "segmentation" is a noun wherever it stands; "anomaly" ends in -ly but is no
    adverb (no "anomal" in the corpus), so "anomaly detection" describes nothing."""
    corpus = corpus_of(
        [
            (
                "Predictive Coding",
                "Its predictive performance is high; features are predictive of risk.",
            ),
            ("Risk Scores", "Highly predictive scores need segmentation; segmentation of scans."),
            (
                "Anomaly Detection",
                "Anomaly detection needs segmentation; the detection of defects.",
            ),
            ("Careful Models", "A careful model. Carefully tuned models help segmentation."),
        ]
    )
    docs = read_documents(corpus.papers)
    assert docs.head_ratio("predictive") == 0.5  # two run ends of four uses
    assert docs.described_counts["predictive"] == 3
    assert docs.noun_head_ratio("predictive") == 0.0
    assert docs.noun_head_ratio("segmentation") == docs.head_ratio("segmentation") == 1.0
    assert docs.described_counts["detection"] == 0
    # "carefully": an adverb of "careful", which the corpus writes.
    assert docs.described_counts["tuned"] == 1


def test_offsets_stay_those_of_the_text_whatever_its_letters() -> None:
    """ "İ" lower-cased is two characters: the spans of the two verb rules fell apart and
    "reduce" counted twice."""
    corpus = corpus_of([("İstanbul", "İstanbul: we reduce the cost."), ("B", "C d.")])
    docs = read_documents(corpus.papers)
    assert docs.verb_counts["reduce"] == 1


def test_a_word_longer_than_any_word_is_not_read_before_a_determiner() -> None:
    """A hostile "a-a-a-...-a" token made the search for the word before " the"
    quadratic; no word is that long, so it is not read at all."""
    from generator.analyze.features.documents import MAX_WORD_CHARS, _word_before

    long = "-".join("a" * 40)
    text = f"x {long} the y"
    assert _word_before(text, text.index(" the")) == {}
    assert len(long) > MAX_WORD_CHARS
    assert _word_before("we force the", 8) == {3: "force"}
