"""Titles generated for abstracts that came without one: they name what the paper does."""

from __future__ import annotations

import pytest

from generator.ingest.titles import contribution_sentence, split_sentences, title_from_abstract

BACKGROUND = "Recent advances in sensor hardware have made dense capture feasible at low cost."


@pytest.mark.parametrize(
    ("abstract", "title"),
    [
        (  # the contribution, not the background sentence that opens the abstract
            f"{BACKGROUND} In this paper, we propose a sparse voxel decoder for lidar "
            "completion. We evaluate it on two datasets.",
            "A sparse voxel decoder for lidar completion",
        ),
        (  # making something wins over studying something, wherever it is
            f"{BACKGROUND} We study the failure modes of dense decoders. "
            "We then introduce a gated decoder for sparse scenes.",
            "A gated decoder for sparse scenes",
        ),
        (  # an object that names nothing (a pronoun) is passed over
            f"{BACKGROUND} We introduce a proxy for it. "
            "We propose an estimator of occupancy from sparse returns.",
            "An estimator of occupancy from sparse returns",
        ),
        (  # a named method leads
            "Here we develop a graph attention network called Hyper-GAT for hypergraphs "
            "with variable edge sizes.",
            "Hyper-GAT: a graph attention network",
        ),
        (
            "We present VoxNet, a convolutional architecture for point clouds. It is fast.",
            "VoxNet: a convolutional architecture for point clouds",
        ),
        (  # the question a thesis studies is its title
            "This thesis studies an open problem: why do wide networks train stably "
            "at large learning rates, even without warm-up? We answer in part.",
            "Why do wide networks train stably at large learning rates, even without warm-up?",
        ),
        (  # praise words go and the article agrees with what follows
            "We propose a novel, efficient sampler for diffusion models.",
            "An efficient sampler for diffusion models",
        ),
        (  # `propose to X` reads as `X-ing`
            "We propose to amplify weak labels with a partially automated labelling scheme.",
            "Amplifying weak labels with a partially automated labelling scheme",
        ),
        (  # the clause that only explains the object is cut
            "We propose a ranking loss for retrieval, which we derive from a margin bound "
            "and then test at scale.",
            "A ranking loss for retrieval",
        ),
        (
            "We survey recent progress on implicit regularisation in overparameterised models.",
            "A survey of recent progress on implicit regularisation in overparameterised models",
        ),
        (  # no contribution sentence: the first sentence, cut to a title's length
            "Dense capture of outdoor scenes at low cost remains difficult because sensors "
            "return sparse and noisy points under rain, fog and glare conditions.",
            "Dense capture of outdoor scenes at low cost remains difficult because sensors "
            "return sparse …",
        ),
    ],
)
def test_a_generated_title_names_what_the_paper_does(abstract: str, title: str) -> None:
    assert title_from_abstract(abstract) == title


def test_an_empty_abstract_gets_a_placeholder_title() -> None:
    assert title_from_abstract("   ") == "Untitled abstract"


@pytest.mark.parametrize("abstract", ["." * 300, ". . . . . . . .", "— … —"])
def test_an_abstract_of_punctuation_gets_the_placeholder_not_an_empty_title(abstract: str) -> None:
    assert title_from_abstract(abstract) == "Untitled abstract"


@pytest.mark.parametrize(
    "abstract",
    [
        "We propose " + "a" * 5000 + " for segmentation.",  # one unbroken "word"
        "We propose " + "x" * 300,
        " ".join(["Supercalifragilisticexpialidocious"] * 14) + ".",  # long words
    ],
)
def test_a_generated_title_is_at_most_150_characters_and_says_it_is_cut(abstract: str) -> None:
    title = title_from_abstract(abstract)
    assert len(title) <= 150 and title.endswith(" …"), title


def test_the_contribution_sentence_says_what_the_paper_does() -> None:
    """Lists show it under a title: the sentence with a verb of making, else one of
    studying, else the first (background) sentence."""
    background = "Melanoma is caused by the abnormal growth of melanocytes."
    study = "This paper studies how lesions are segmented."
    making = "We propose a network that segments lesions."
    assert contribution_sentence(f"{background} {study} {making}") == making
    assert contribution_sentence(f"{background} {study} It works.") == study
    assert contribution_sentence(f"{background} It works.") == background
    assert contribution_sentence(f"Background. {background} Methods. It works.") == background
    detr = "We introduce DETR."  # short, but no heading
    assert contribution_sentence(f"{background} {detr} Results: it works.") == detr
    assert title_from_abstract(f"Materials and methods. {background}").startswith("Melanoma")
    assert contribution_sentence("") == ""


def test_the_contribution_sentence_stands_alone() -> None:
    """Shown alone under a title, "Then, we propose ..." and "Here we propose to design
    them ..." read as fragments of a text the reader does not see."""
    background = "Normalization layers and activation functions are designed apart."
    assert contribution_sentence(f"{background} Then, we propose semantic filtering.") == (
        "We propose semantic filtering."
    )
    assert contribution_sentence(f"{background} To address this issue, we propose X.") == (
        "We propose X."
    )
    back = "Here we propose to design them using an automated approach."
    named = "We present EvoNorms, layers found by search."
    assert contribution_sentence(f"{background} {back} {named}") == named
    assert contribution_sentence(f"{background} {back}") == back  # none better: kept
    # A list's number and "Afterwards," go; "those difficulties" leans on the text before
    # (the connective "To address these issues," is dropped first, so it does not).
    assert contribution_sentence(f"{background} 4) We introduce skip links.") == (
        "We introduce skip links."
    )
    assert contribution_sentence(f"{background} (3) is hard, so we propose Q.") == (
        "(3) is hard, so we propose Q."  # an equation's number, not a list's
    )
    assert contribution_sentence(f"{background} Afterwards, we introduce Y.") == ("We introduce Y.")
    leaning = "We present an approach to overcome those difficulties."
    plain = "We present a dataset of shelves."
    assert contribution_sentence(f"{background} {leaning} {plain}") == plain
    tackled = "To address these issues, we present Z."
    assert contribution_sentence(f"{background} {tackled} {plain}") == "We present Z."
    # a purpose or a setting that points back, before "we"; another subject is kept
    remedy = "To remedy this shortcoming and consider channels, we introduce PAT."
    assert contribution_sentence(f"{background} {remedy}") == "We introduce PAT."
    paper = "In this paper, we present UNet++, a nested U-Net."
    assert contribution_sentence(f"{background} {paper}") == "We present UNet++, a nested U-Net."
    context = "In this context, we propose the Wave-U-Net."
    assert contribution_sentence(f"{background} {context}") == "We propose the Wave-U-Net."
    theirs = "To realize this theorem, this paper proposes DeepONets."
    assert contribution_sentence(f"{background} {theirs}") == theirs


def test_a_contribution_whose_object_is_the_sentence_before_gives_way() -> None:
    """ "We propose to combine the advantages from both methods" says nothing alone: a
    lesser verb's sentence that reads alone comes first, else the opening; kept when the
    opening leans back too."""
    background = "Energy-based models and flows are known for decades."
    former = "We present a method that uses improvements of the former to enrich the latter."
    assert contribution_sentence(f"{background} {former}") == background
    both = "We propose to combine the advantages from both methods."
    study = "This paper studies how the two can be merged."
    assert contribution_sentence(f"{background} {both} {study}") == study
    leaning = "The former are exact; the latter are fast."
    assert contribution_sentence(f"{leaning} {both}") == both
    pointing = "This paper studies how they can be merged."  # a lesser one must read alone
    assert contribution_sentence(f"{background} {both} {pointing}") == background
    # A title drawn from the abstract took the contribution: lists are told which it was.
    assert contribution_sentence(f"{background} {both}", alone=False) == both


def test_an_abstract_that_says_the_present_paper_or_we_developed_has_its_contribution() -> None:
    """ "The U-Net was presented in 2015." stood under nnU-Net: its abstract says "The
    present paper introduces"; others say what they made in the past tense. What a paper
    examined in the past tense is its experiments, not what it is: the opening stays."""
    background = "Melanoma is caused by the abnormal growth of melanocytes."
    present = "The present paper introduces nnU-Net, a self-adapting framework."
    assert contribution_sentence(f"{background} {present}") == present
    assert contribution_sentence(f"{background} Our work proposes X.") == "Our work proposes X."
    developed = "In this study, we developed a transformer for skin lesions."
    assert contribution_sentence(f"{background} {developed}") == (
        "We developed a transformer for skin lesions."  # shown without "In this study,"
    )
    examined = "We examined three cohorts of patients."
    assert contribution_sentence(f"{background} {examined}") == background
    # a title drawn from the abstract keeps its pattern (and so its slug)
    assert title_from_abstract(f"{background} {developed}").startswith("Melanoma")
    # what the paper studies comes before "our work ..." and before earlier work
    studies = "This paper studies its calibration."
    earlier = "In our previous work, we developed a CNN for lesions."
    assert contribution_sentence(f"{earlier} {studies}") == studies
    assert contribution_sentence(f"{background} {earlier}") == background
    builds = "Our work builds on the lottery ticket hypothesis."
    investigate = "We investigate pruning at initialization."
    assert contribution_sentence(f"{builds} {investigate}") == investigate


def test_a_sentence_set_in_the_paper_comes_before_the_background() -> None:
    """ "Energy-based models (EBMs) are known in the Machine Learning community for
    decades." stood under a paper whose abstract says "In our work, we bridge the gap
    between EBMs and entropic OT": a sentence set in the paper, whatever its verb, before
    the opening; after every verb of making or studying; not one that points back."""
    background = "Energy-based models are known in the community for decades."
    bridge = "In our work, we bridge the gap between EBMs and entropic OT."
    assert contribution_sentence(f"{background} {bridge} It works.") == (
        "We bridge the gap between EBMs and entropic OT."
    )
    passive = "Therefore, in this study, imitation-regularized transport was investigated."
    assert contribution_sentence(f"{background} {passive}") == (
        "In this study, imitation-regularized transport was investigated."
    )
    here = "Here we show that pruning at initialization fails."
    assert contribution_sentence(f"{background} {here}") == here
    making = "We propose a sampler."
    assert contribution_sentence(f"{background} {bridge} {making}") == making
    pointing = "Although they differ, in this paper, we interpret them as one."
    assert contribution_sentence(f"{background} {pointing}") == background
    for aside in (
        "The data used in this study are publicly available at the archive.",
        "Code associated with this paper is available online.",
        "The experiments in this work were run on two GPUs.",
        "There are no conflicts of interest in this study.",
    ):
        assert contribution_sentence(f"{background} {aside}") == background, aside
    # A title drawn from the opening: lists show another sentence than the one returned,
    # so the opening is returned (the sentence set in the paper is shown, not the title's).
    assert contribution_sentence(f"{background} {passive}", alone=False) == background


@pytest.mark.parametrize(
    "opening",
    [
        "Motivated by these observations, ",
        "Capitalizing on this discovery, ",
        "Based on the analysis, ",
        "Inspired by these findings, ",
        "In light of this, ",
        "Specifically, ",
        "More importantly, ",
    ],
)
def test_an_opening_that_points_back_at_unseen_text_is_dropped(opening: str) -> None:
    background = "Diffusion models denoise images step by step."
    sentence = contribution_sentence(f"{background} {opening}we propose FreeU.")
    assert sentence == "We propose FreeU."


def test_an_opening_that_names_what_it_builds_on_stays() -> None:
    background = "Diffusion models denoise images step by step."
    named = "Based on the Transformer architecture, we propose FreeU."
    assert contribution_sentence(f"{background} {named}") == named


def test_such_as_does_not_point_back() -> None:
    first = "We propose a pruning method for architectures such as ResNets."
    second = "Then, we propose a second baseline for transformers."
    assert contribution_sentence(f"Background. {first} {second}") == first


def test_a_period_ending_an_abbreviation_ends_no_sentence() -> None:
    text = (
        "Grains of waveforms (e.g. 2 or 3 samples) beyond frames. As in Fig. 4 the cells "
        "grow. We list nets, pools etc. The results hold. Pruning was studied by Han et al. "
        "We propose more. Is it robust? No. We show it."
    )
    assert split_sentences(text) == [
        "Grains of waveforms (e.g. 2 or 3 samples) beyond frames.",
        "As in Fig. 4 the cells grow.",
        "We list nets, pools etc.",
        "The results hold.",
        "Pruning was studied by Han et al.",
        "We propose more.",
        "Is it robust?",
        "No.",
        "We show it.",
    ]


@pytest.mark.parametrize("piece", ["e.g. A ", "Fig. 4 ", "et al. (2019) "])
def test_sentences_of_a_hostile_abstract_are_split_in_linear_time(piece: str) -> None:
    """The abbreviation was looked for in the whole growing sentence: 100 s for 100 KB."""
    text = piece * 15_000
    assert len(split_sentences(text)) == 1 and title_from_abstract(text)
