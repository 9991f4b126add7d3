"""Method names coined in abstracts: claimed by their authors, not merely used or
abbreviated, and linked from the papers that mention them."""

from __future__ import annotations

import pytest
from analyze_helpers import corpus_of, slug_of

from generator.analyze import analyze
from generator.analyze.methods.coined import MAX_COINED, Coinage, abbreviated_terms, coinages

COMMON = frozenset({"network", "model", "fusion", "layer"})


@pytest.mark.parametrize(
    ("abstract", "names"),
    [
        (
            "In this paper we introduce the Braided Kernel Network (BraidNet), which joins layers.",
            ["BraidNet"],
        ),
        ("Our models, named QuillNeXt, are simple.", ["QuillNeXt"]),
        ("We develop a fast technique called Knot-Trim for pruning.", ["Knot-Trim"]),
        ("This paper proposes Sliced Ring Transformers (SRiT), a design.", ["SRiT"]),
        ("We present FooNet and a faster variant called FooNet2.", ["FooNet2"]),
        (
            "We propose a measure termed Fenwick Ladder Covariance (FLCov). We call it FLCov.",
            ["FLCov"],
        ),
        # a sentence that uses a name, or abbreviates a term, claims nothing
        ("We use a recent model called Mamba to segment images.", []),
        ("We use a selective kernel on the structure called M-Net.", []),
        ("The recently proposed Kolmogorov-Arnold Network (KANet) works well.", []),
        ("We call FooBarNet a model of kites.", ["FooBarNet"]),
        ("We call our model FooBarNet.", ["FooBarNet"]),
        ("In this paper, we embrace this and introduce the Dense Kite Network (DkNet).", ["DkNet"]),
        ("We introduce, e.g. for kites, the Braided Kernel Network (BraidNet).", ["BraidNet"]),
        # a name another work made: the paper evaluates, studies, compares with or uses it
        ("We evaluate the recently proposed Dense Kite Network (DkNet) on fog.", []),
        ("We build on the development of Vision Kite Transformers (ViKTs).", []),
        ("We present an analysis of Neural Kite Fields (NeKFs).", []),
        ("We present a comparison with the network named DenseNet-BC.", []),
        ("We propose to use Vision Kite Transformers (ViKTs) for fog.", []),
        # a bracket that is no coined name: plain acronyms, plurals, capitalised words
        ("We propose very deep convolutional neural networks (CNNs) for text.", []),
        ("We propose wide-narrow-wide (Hourglass) blocks.", []),
        ("We propose a method that reaches state of the art (SOTA) results.", []),
        ("We propose a method with a gain (~2%) over (59.5@5%) baselines.", []),
        ("We introduce the Bold Network (<b>BoldNet</b>) and one called Evil<script>.", []),
        ("We introduce the Nested U-structure Network (U^2-Net) for kites.", ["U^2-Net"]),
        # the first word of a longer name is not a name
        (
            "We present a step named Re-scoring with Constrained Neighbors (RsCoN) for images.",
            ["RsCoN"],
        ),
        ("We propose a method, called GenBaB (general branch and bound), for NNs.", ["GenBaB"]),
        ("We propose a clustering model, called DEeP Embedded ClusTering (DEPICT).", []),
        # too far from the verb, or past a colon
        ("We propose a method: a large kernel design for modern networks (LkNet).", []),
        (
            "We propose one two three four five six seven eight nine ten eleven twelve thirteen "
            "words (FarNet).",
            [],
        ),
    ],
)
def test_coinages(abstract: str, names: list[str]) -> None:
    assert [c.name for c in coinages(abstract, COMMON)] == names


def test_a_bracketed_name_remembers_what_it_spells() -> None:
    found = coinages("We introduce the Braided Kernel Network (BraidNet) for images.", COMMON)
    assert found == [Coinage("BraidNet", "braided kernel network")]
    assert coinages("We introduce a model called BraidNet.", COMMON) == [Coinage("BraidNet")]
    # as many words as the name has capitals: not "network" (which every paper writes)
    nas = coinages("We introduce the Neural Kite Search Network (NKSNet).", COMMON)
    assert nas == [Coinage("NKSNet", "neural kite search network")]
    plug = coinages("We develop a novel and fast plug-and-fly (PnF) solver.", COMMON)
    assert plug == [Coinage("PnF", "plug-and-fly")]


def test_a_name_that_abbreviates_a_term_more_papers_write_out_is_no_coinage() -> None:
    texts = [
        "We propose modern Convolutional Neural Networks (ConvNets) with large kernels.",
        "Convolutional neural networks classify images.",
        "We train convolutional neural networks on text.",
        "ConvNets see edges.",
        "We introduce the Braided Kernel Network (BraidNet).",
        "BraidNet segments cells.",
    ]
    tokens = [{t.strip(".()") for t in text.split()} for text in texts]
    coined_by = {
        "ConvNets": [(0, Coinage("ConvNets", "convolutional neural networks"))],
        "BraidNet": [(4, Coinage("BraidNet", "braided kernel network"))],
    }
    assert abbreviated_terms(coined_by, texts, tokens) == {"ConvNets"}
    # Written out by as many papers as name it: still a coinage.
    texts[3] = "ConvNets see edges, and ConvNet layers see corners."
    texts[5] = "ConvNets and BraidNet segment cells."
    tokens = [{t.strip(".(),") for t in text.split()} for text in texts]
    assert abbreviated_terms(coined_by, texts, tokens) == set()


PAPERS = [
    (
        "Densely Braided Convolutional Networks",
        "In this paper we introduce the Braided Kernel Network (BraidNet), which connects "
        "each layer of a convolutional network to every later layer by braided kernels.",
    ),
    (
        "Pruning Braided Networks",
        "We prune the braided kernels of BraidNet models, keeping accuracy on image "
        "classification with half of the layers.",
    ),
    (
        "Segmenting Cells with a Known Model",
        "We use a recent sequence model called Mamba to segment cells in microscopy images.",
    ),
    (
        "Mamba Sequence Models for Cells",
        "Mamba reads microscopy images as sequences and segments cells with state spaces.",
    ),
]


def test_a_coined_name_is_a_method_and_its_mentions_link_back() -> None:
    corpus = corpus_of(PAPERS)
    result = analyze(corpus)
    braided = slug_of(corpus, PAPERS[0][0])
    pruning = slug_of(corpus, PAPERS[1][0])
    methods = {m.name: m for m in result.methods}
    assert methods["BraidNet"].paper == braided
    assert methods["BraidNet"].mentioned_by == (pruning,)
    assert result.mentions[pruning] == (braided,)
    assert "Mamba" not in methods  # used, not coined


def test_a_variant_of_the_titles_own_method_is_no_other_method() -> None:
    papers = [
        (
            "KiteSet: One Million Labelled Kites",
            "We present KiteSet, kites labelled by a model; a subset labelled by hand, "
            "referred to as KiteSet-manual, checks the labels.",
        ),
        ("Flying Kites", "We fly kites from KiteSet-manual and KiteSet in the wind."),
    ]
    corpus = corpus_of(papers)
    names = {m.name for m in analyze(corpus).methods}
    assert "KiteSet" in names and "KiteSet-manual" not in names


def test_a_name_the_title_writes_another_way_is_the_titles() -> None:
    papers = [
        (
            "KDUnet: a multi-scale kite U-net",
            "We propose a novel Kite Dense U-Net (KDU-Net) for kites in the sky.",
        ),
        ("Flying Kites", "We fly kites with KDU-Net in the wind."),
    ]
    corpus = corpus_of(papers)
    methods = [m for m in analyze(corpus).methods if m.name.replace("-", "").lower() == "kdunet"]
    assert [m.name for m in methods] == ["KDUnet"]
    assert methods[0].mentioned_by == (slug_of(corpus, papers[1][0]),)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("we (FooNet) " * 6000, []),  # each "we" was scanned to the end: cubic, hours
        ("(FooNet) " * 10000, []),
        ("called FooNet, " * 6000, []),
        ("We propose " + "a (FooNet) and " * 5000, ["FooNet"]),
    ],
)
def test_a_hostile_abstract_is_read_in_one_pass(text: str, names: list[str]) -> None:
    """Sentences without end and names without number (70 KB): read in linear time."""
    assert [c.name for c in coinages(text, COMMON)] == names


def test_a_paper_of_two_names_is_mentioned_by_name() -> None:
    """A paper mentioning one of them is no mention of the other (it was: mentions were
    kept by paper, and every method of the paper listed every mentioning paper)."""
    papers = [
        (
            "KiteDet: Scalable Kite Detection",
            "We detect kites in the sky. We propose a bidirectional kite pyramid network "
            "(BiKPyNet) that fuses kite features across scales for kite detection.",
        ),
        ("Counting Kites", "We count kites in the sky with KiteDet detectors for kites."),
        ("Kite Features", "We fuse kite features across scales with a BiKPyNet for kites."),
    ]
    corpus = corpus_of(papers)
    methods = {m.name: m for m in analyze(corpus).methods}
    assert methods["KiteDet"].mentioned_by == (slug_of(corpus, papers[1][0]),)
    assert methods["BiKPyNet"].mentioned_by == (slug_of(corpus, papers[2][0]),)


def test_an_abstract_coins_at_most_max_coined_names_the_first_in_its_text() -> None:
    abstract = " ".join(f"We propose a network called Zeta{i}Net for task {i}." for i in range(40))
    names = [c.name for c in coinages(abstract, frozenset())]
    assert names == [f"Zeta{i}Net" for i in range(MAX_COINED)]
