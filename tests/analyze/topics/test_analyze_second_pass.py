"""The second pass against member centres adds close extra topics, and only adds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.analyze import AnalysisSettings, analyze
from generator.analyze.topics.members import Membership
from generator.analyze.topics.second_pass import NEIGHBOUR_VOTES, NEIGHBOURS, SecondPass
from generator.model import Analysis, Corpus


def test_close_extra_topics_are_added_and_nothing_else_moves(
    bundled_corpus: Corpus,
    bundled_analysis: Analysis,
    recorded_passes: dict[str, list[tuple[Any, ...]]],
) -> None:
    """Against seed centres "Deep Residual Learning for Image Recognition" scored 0.73
    for "Image classification" and 0.53 for "ResNets" (under the SECONDARY share);
    against member centres 0.80 and 0.70, and it says "residual networks". nnU-Net
    joins "U-Net" by the typical-member rule; "Memory Efficient 3D U-Net ... for Brain
    Tumor Segmentation" (0.52 for "U-Net", under both rules) because its title names
    it, and "Controllable Attention for ... Video Decomposition" (in "Audio") joins
    "Attention" so. A title naming a gated topic's broad word is not enough: "Regularized
    Newton-Raphson Inversion for Text-to-Image Diffusion" and "Mish: A Self Regularized
    ... Activation Function" do not join "Regularization". Every paper with a topic keeps its
    best topic first and every topic it had (the pass's own input and output, recorded in
    the full analysis); the topics it adds are in the finished analysis."""
    ((before, after, _, _),) = recorded_passes["add_close_topics"]
    (seeds,) = recorded_passes["seeds"]
    slugs = [paper.slug for paper in bundled_corpus.papers]
    added: dict[str, set[str]] = {}
    for paper, (was, now) in enumerate(zip(before.per_paper, after.per_paper, strict=True)):
        assert not was or (now[0] == was[0] and set(was) <= set(now)), slugs[paper]
        if set(now) - set(was):
            added[slugs[paper]] = {seeds[topic].slug for topic in set(now) - set(was)}
    assert added.get("deep-residual-learning-for-image-recognition") == {"resnet"}
    nnunet = "nnu-net-self-adapting-framework-for-u-net-based-medical-image-segmentation"
    assert "u-net" in added.get(nnunet, ())
    unet3d = "memory-efficient-3d-u-net-with-reversible-mobile-inverted-bottlenecks-for-brain"
    assert "u-net" in added.get(unet3d, ())
    video = "controllable-attention-for-structured-layered-video-decomposition"
    assert added.get(video) == {"attention-mechanism"}
    for slug in (
        "regularized-newton-raphson-inversion-for-text-to-image-diffusion-models",
        "mish-a-self-regularized-non-monotonic-activation-function",
    ):
        assert "regularization" not in added.get(slug, ()), slug
    assert 0 < len(added) <= 0.1 * len(bundled_corpus.papers)
    for slug in ("deep-residual-learning-for-image-recognition", nnunet, unet3d, video):
        assert added[slug] <= set(bundled_analysis.paper_topics[slug]), slug


@pytest.fixture(scope="module")
def without_neighbour_adoption(
    bundled_corpus: Corpus,
) -> tuple[Analysis, dict[str, list[tuple[Any, ...]]]]:
    """One analysis of the bundled corpus without `adopt_by_neighbours`, the last step,
    with the close-topic and adoption steps before it recorded: (membership before,
    membership after, fit matrix, options) per call. Those calls are the full analysis's
    own, so one run serves the tests of both."""
    calls: dict[str, list[tuple[Any, ...]]] = {"add_close_topics": [], "adopt_leftovers": []}

    def recording(name: str) -> Any:
        real = getattr(SecondPass, name)

        def recorded(self: SecondPass, membership: Membership, *rest: Any, **options: Any) -> Any:
            result = real(self, membership, *rest, **options)
            calls[name].append((membership, result, self.fits, options))
            if name == "add_close_topics":
                calls.setdefault("seeds", []).append(tuple(self.seeds))
            return result

        return recorded

    with pytest.MonkeyPatch.context() as patch:
        for name in ("add_close_topics", "adopt_leftovers"):
            patch.setattr(SecondPass, name, recording(name))
        patch.setattr(SecondPass, "adopt_by_neighbours", lambda self, membership, *_: membership)
        analysis = analyze(bundled_corpus, AnalysisSettings())
    return analysis, calls


@pytest.fixture(scope="module")
def recorded_passes(
    without_neighbour_adoption: tuple[Analysis, dict[str, list[tuple[Any, ...]]]],
) -> dict[str, list[tuple[Any, ...]]]:
    return without_neighbour_adoption[1]


def test_an_added_topic_is_one_whose_label_the_paper_fits(
    recorded_passes: dict[str, list[tuple[Any, ...]]],
) -> None:
    """Every added topic is one whose label the paper fits, by the fit matrix discovery
    computed (the label's phrase, the phrases it absorbed, an acronym spelled out, or
    all the label's words: label_fit.py). This checks that the pass applies the rule;
    label_fit's own tests check the matrix."""
    ((before, after, fits, _),) = recorded_passes["add_close_topics"]
    fitted = fits.tocsr()
    pairs = [
        (paper, topic)
        for paper, topics in enumerate(after.per_paper)
        for topic in topics
        if topic not in before.per_paper[paper]
    ]
    assert pairs and all(fitted[paper, topic] for paper, topic in pairs)


def test_adoption_after_close_topics_takes_only_papers_that_fit_the_label(
    recorded_passes: dict[str, list[tuple[Any, ...]]],
) -> None:
    """Adoption is tried twice: before close extra topics, and after them only for papers
    that fit the adopting topic's label. Some paper joins in the second round, and each
    that does fits its topic's label."""
    calls = recorded_passes["adopt_leftovers"]
    assert [options.get("label_fit_only", False) for *_, options in calls] == [False, True]
    before, after, fits, _ = calls[1]
    fitted = fits.tocsr()
    joined = [
        (paper, topics[0])
        for paper, topics in enumerate(after.per_paper)
        if topics and not before.per_paper[paper]
    ]
    assert joined and all(fitted[paper, topic] for paper, topic in joined)


def test_a_paper_held_only_by_the_topics_file_gains_nothing(
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    """Two papers far from "Optimal transport" that the topics file puts there score
    nothing there; they are the user's placements, not papers whose best topic is near
    others (before, they gained extra topics whose scores were capped under 0)."""
    placed = [
        "beyond-ell-1-sparse-coding-in-v1",
        "probabilistic-discriminative-learning-with-layered-graphical-models",
    ]
    spec = tmp_path / "topics.yml"
    spec.write_text(
        "topics:\n  - label: Optimal transport\n    papers: [" + ", ".join(placed) + "]\n",
        encoding="utf-8",
    )
    analysis = analyze(bundled_corpus, AnalysisSettings(topics_file=spec))
    assert [analysis.paper_topics[slug] for slug in placed] == [("optimal-transport",)] * 2


def test_a_paper_without_a_topic_joins_the_topic_most_of_its_neighbours_hold(
    bundled_analysis: Analysis,
    without_neighbour_adoption: tuple[Analysis, dict[str, list[tuple[Any, ...]]]],
) -> None:
    """ "Non-deep Networks" scores under MIN_SCORE against every centre, but 3 of its 5
    most related papers are in "ResNets". Only papers of Other move, each to the best
    topic of at least NEIGHBOUR_VOTES of its NEIGHBOURS most related papers, and never
    into a gated topic they are not about ("Why do deep networks generalize well...":
    4 of 5 neighbours in "Regularization", a residual topic, but it says
    "unregularized" once)."""
    without = without_neighbour_adoption[0]
    moved = {
        slug: topics
        for slug, topics in bundled_analysis.paper_topics.items()
        if topics != without.paper_topics[slug]
    }
    assert all(without.paper_topics[slug] == ("other",) for slug in moved)
    for slug, topics in moved.items():
        near = [without.paper_topics[r.slug][0] for r in without.related[slug][:NEIGHBOURS]]
        assert len(topics) == 1 and near.count(topics[0]) >= NEIGHBOUR_VOTES, (slug, near)
    assert moved.get("non-deep-networks") == ("resnet",)
    why = "why-do-deep-networks-generalize-well-even-while-being-overparameterized"
    assert why not in moved
