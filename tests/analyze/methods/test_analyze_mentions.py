"""Named methods from titles, and mentions linked both ways."""

from __future__ import annotations

import pytest
from analyze_helpers import corpus_of, slug_of

from generator.analyze import analyze
from generator.analyze.methods.mentions import _case_free, _mention_pattern
from generator.analyze.methods.names import method_name, names_a_dataset


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Xception: Deep Learning with Depthwise Separable Convolutions", "Xception"),
        ("MobileNets: Efficient Convolutional Neural Networks", "MobileNets"),
        ("UNet++: A Nested U-Net Architecture", "UNet++"),
        ("nnU-Net: Self-adapting Framework for U-Net-Based Segmentation", "nnU-Net"),
        ("NeRF: Representing Scenes as Neural Radiance Fields", "NeRF"),
        ("TransFusion -- A Transparency-Based Diffusion Model", "TransFusion"),
        ("ResMLP, an architecture built upon perceptrons", "ResMLP"),
        ("Recurrent Residual Network based on U-Net (R2U-Net) for Segmentation", "R2U-Net"),
        ("Swin UNETR: Swin Transformers for Brain Tumors", "Swin UNETR"),
        ("nnU-Net Revisited: A Call for Rigorous Validation", None),
        ("Preprint: Norm Loss: An efficient regularization", None),
        ("Self-Tuning Networks: Bilevel Optimization of Hyperparameters", None),
        ("Deep Generative Modeling: An Explainable AI (XAI) Approach", None),
        ("AP: Selective Activation for Pruned Networks", None),
        ("Compressing Neural Networks: Towards Optimal Decomposition", None),
    ],
)
def test_method_names(title: str, name: str | None) -> None:
    assert method_name(title, {"network", "deep", "compressing", "tuning", "self"}) == name


PAPERS = [
    (
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
        "We represent a scene as a neural radiance field and render novel views by volume "
        "rendering of the radiance field along camera rays.",
    ),
    (
        "Fast Radiance Fields with Hash Grids",
        "NeRF is slow to train. We replace the NeRF network by hash grids of features, so that "
        "radiance fields train in seconds and render novel views of the scene.",
    ),
    (
        "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision",
        "Depthwise separable convolutions make light networks for mobile and embedded vision.",
    ),
    (
        "Pruning Mobile Networks",
        "We prune channels of a MobileNet and of ResNets for embedded vision with "
        "depthwise layers.",
    ),
    (
        "SNIP: Bridging Symbolic and Numeric Mathematics",
        "Symbolic mathematics and numeric values are embedded jointly by contrastive pre-training "
        "on equations and their numeric behaviour.",
    ),
    (
        "Single-Shot Network Pruning",
        "Pruning at initialisation as in SNIP removes connections of image classifiers before "
        "training, keeping accuracy on convolutional networks with sparse weights.",
    ),
]


def test_mentions_link_both_ways() -> None:
    corpus = corpus_of(PAPERS)
    slug = {p.title: p.slug for p in corpus.papers}
    result = analyze(corpus)
    nerf = slug[PAPERS[0][0]]
    hash_grids = slug[PAPERS[1][0]]
    assert result.mentions[hash_grids] == (nerf,)
    assert result.mentioned_by[nerf] == (hash_grids,)
    mobilenets = slug[PAPERS[2][0]]
    assert result.mentioned_by[mobilenets] == (slug[PAPERS[3][0]],)
    names = {m.name: m for m in result.methods}
    assert names["NeRF"].paper == nerf and names["NeRF"].mentioned_by == (hash_grids,)


def test_a_name_opening_with_brackets_is_found_where_a_text_names_it() -> None:
    """A text's words are looked up stripped of brackets at their ends, so `{{7*7}}Net`
    in an abstract was never matched to the name its title gives."""
    papers = [
        ("{{7*7}}Net: Template Networks for Segmentation", PAPERS[0][1]),
        ("Hash Grids", "We compare {{7*7}}Net with hash grids of features for radiance fields."),
    ]
    corpus = corpus_of(papers)
    (method,) = analyze(corpus).methods
    assert method.name == "{{7*7}}Net"
    assert method.mentioned_by == (slug_of(corpus, "Hash Grids"),)


def test_short_capital_names_need_similar_content() -> None:
    corpus = corpus_of(PAPERS)
    slug = {p.title: p.slug for p in corpus.papers}
    result = analyze(corpus)
    assert result.mentioned_by[slug[PAPERS[4][0]]] == ()
    assert result.mentions[slug[PAPERS[5][0]]] == ()


def test_a_paper_does_not_mention_its_own_method() -> None:
    corpus = corpus_of(PAPERS)
    result = analyze(corpus)
    for method in result.methods:
        assert method.paper not in method.mentioned_by


NAMESAKES = [
    (
        "KiteNet: A Nested Architecture for Medical Image Segmentation",
        "Nested dense skip pathways join encoder and decoder of a segmentation network for "
        "medical images of liver, lung nodules and cell nuclei, with deep supervision.",
    ),
    (
        "KiteNet: Redesigning Skip Connections for Medical Image Segmentation",
        "Redesigned dense skip pathways join encoder and decoder of a segmentation network "
        "with deep supervision, tested on medical images of liver, lung nodules and nuclei.",
    ),
    (
        "Segmenting Nuclei with Nested Networks",
        "We segment cell nuclei in medical images with KiteNet, whose dense skip pathways "
        "and deep supervision help on small nuclei.",
    ),
    (
        "LoomGAN: Weaving Patterns with Adversarial Networks",
        "A generative adversarial network synthesises textile weaving patterns for looms.",
    ),
    (
        "Loop Detection in Graphs (LoomGAN)",
        "Cycle detection in sparse graphs by message passing, for compilers and databases.",
    ),
]


def test_titles_naming_one_method_are_one_method_and_namesakes_stay_apart() -> None:
    """Two versions of one method are listed once; unrelated namesakes stay two methods."""
    corpus = corpus_of(NAMESAKES)
    slug = {p.title: p.slug for p in corpus.papers}
    methods = [m for m in analyze(corpus).methods if m.name in ("KiteNet", "LoomGAN")]
    assert sorted((m.name, m.paper, m.also) for m in methods) == sorted(
        [
            ("KiteNet", slug[NAMESAKES[0][0]], (slug[NAMESAKES[1][0]],)),
            ("LoomGAN", slug[NAMESAKES[3][0]], ()),
            ("LoomGAN", slug[NAMESAKES[4][0]], ()),
        ]
    )
    assert methods[0].mentioned_by == (slug[NAMESAKES[2][0]],)


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("nnU-Net", "We compare with nnUNet and nnU Net.", ["nnUNet", "nnU Net"]),
        ("Swin UNETR", "Swin-UNETR and SwinUNETR models.", ["Swin-UNETR", "SwinUNETR"]),
        ("ResNeXt", "A ResNext-101 backbone? No: a ResNext backbone.", ["ResNext"]),
        ("MLP-Mixer", "Lazy neurons in MLP-mixers and MLP-Mixer.", ["MLP-mixers", "MLP-Mixer"]),
        # case stays when a name is short or no coinage: words of the text are not it
        ("U-Net", "a u-net, a UNet", ["UNet"]),
        ("RECALL", "We recall that RECALL helps.", ["RECALL"]),
        ("Falcon", "A FALCON, a falcon and Falcon.", ["Falcon"]),  # no coinage
        ("MDUnet", "MDU-Net, MDUNet, MDU Net", ["MDU-Net", "MDUNet"]),
        ("SimpleNet", "a simple net, a Simple-Net", ["Simple-Net"]),
    ],
)
def test_a_name_is_found_however_its_hyphens_spaces_and_case_are_written(
    name: str, text: str, found: list[str]
) -> None:
    pattern = _mention_pattern(name, _case_free(name, frozenset({"recall"})))
    assert [m.group(0) for m in pattern.finditer(text)] == found


@pytest.mark.parametrize("written", ["nnUNet", "nnU Net", "nnunet-style", "NNUNet"])
def test_a_mention_written_another_way_links(written: str) -> None:
    """The prefilter lets through every spelling the pattern finds (lower case aside:
    "nnunet" is not looked for, and "nnunet-style" is no mention anyway)."""
    papers = [
        (
            "nnU-Net: Self-adapting Framework for Medical Image Segmentation",
            "A segmentation framework that configures itself for medical images of organs.",
        ),
        (
            "Implicit Medical Segmentation",
            f"We compare implicit segmentation with {written} on medical images of organs.",
        ),
    ]
    corpus = corpus_of(papers)
    result = analyze(corpus)
    found = result.mentions[slug_of(corpus, papers[1][0])]
    linked = written in ("nnUNet", "nnU Net", "NNUNet")
    assert found == ((slug_of(corpus, papers[0][0]),) if linked else ())


IMAGE_PAPERS = [
    (
        "Relabelling a hierarchical image database",
        "We relabel ImageNet with hierarchical WordNet synsets and measure label noise in "
        "large-scale image databases; hierarchical synsets disagree with annotators.",
    ),
    (
        "Detecting objects with anchor-free heads",
        "Anchor-free detection heads pretrained on ImageNet locate objects in street scenes.",
    ),
    (
        "Pruning channels by saliency",
        "Channel saliency prunes ResNets trained on ImageNet to half their FLOPs.",
    ),
    (
        "Distilling teachers into small students",
        "Students distilled from ImageNet teachers match their soft labels at a tenth of the size.",
    ),
    (
        "Robustness to common corruptions",
        "Blur, noise and weather corruptions of ImageNet images lower the accuracy of every model.",
    ),
]
DEFINERS = {
    "images": (
        "ImageNet: A Large-Scale Hierarchical Image Database",
        "A large-scale hierarchical image database: millions of images arranged by the "
        "WordNet synsets of their labels.",
    ),
    "bananas": (
        "ImageNet: Bananas of the Tropics",
        "Bananas grow in tropical climates; we survey plantations, soil and harvest yields.",
    ),
}


@pytest.mark.parametrize(("definer", "linked"), [("images", True), ("bananas", False)])
def test_a_name_many_papers_write_needs_one_like_its_definer(definer: str, linked: bool) -> None:
    """A title "ImageNet: ..." on bananas took the mentions of every paper naming ImageNet."""
    corpus = corpus_of([*PAPERS, *IMAGE_PAPERS, DEFINERS[definer]])
    result = analyze(corpus)
    own = slug_of(corpus, DEFINERS[definer][0])
    assert len(result.mentioned_by[own]) == (5 if linked else 0)
    assert ("ImageNet" in {m.name for m in result.methods}) is linked
    if linked:  # "... Image Database": a dataset's name
        (imagenet,) = [m for m in result.methods if m.name == "ImageNet"]
        assert imagenet.dataset
    assert not any(m.dataset for m in result.methods if m.name != "ImageNet")


@pytest.mark.parametrize(
    ("title", "dataset"),
    [
        ("LSUN: Construction of a Large-scale Image Dataset using Deep Learning", True),
        ("ChestX-ray8: Hospital-scale Chest X-ray Database and Benchmarks on Diseases", True),
        ("MSWAL: 3D Multi-class Segmentation of Whole Abdominal Lesions Dataset", True),
        ("ShapeNet: An Information-Rich 3D Model Repository", True),
        ("XNet: State of the Art on Benchmark Datasets", False),
        ("YNet: Results across Four Benchmarks", False),
        ("BIRCH: An Efficient Data Clustering Method for Very Large Databases", False),
        ("TabPFN: A Transformer for Small Tabular Datasets", False),
        ("KiteSet: A Large Dataset of Kites", True),
        ("DenseNet: Densely Connected Convolutional Networks", False),
    ],
)
def test_a_title_presenting_a_dataset_names_a_dataset(title: str, dataset: bool) -> None:
    assert names_a_dataset(title) is dataset


ADAM_WRITERS = [
    (
        "Segmenting livers in CT",
        "A U-shaped network segments livers in abdominal CT, trained with Adam.",
    ),
    ("Translating German", "An encoder translates German news into English, optimised with Adam."),
    (
        "Forecasting floods",
        "River gauges forecast floods a week ahead; the model is fitted with Adam.",
    ),
    ("Counting birds", "Drone photos of wetlands count nesting birds; we train with Adam."),
    ("Reading handwriting", "Handwritten letters are read by a recurrent net trained by Adam."),
    (
        "Adam: A Method for Stochastic Optimization",
        "Adam adapts step sizes from moment estimates of gradients.",
    ),
]


def test_a_tool_papers_on_many_subjects_use_keeps_its_mentions() -> None:
    """Writers on many subjects, none like the optimiser's paper: no sign of another Adam."""
    corpus = corpus_of([*PAPERS, *ADAM_WRITERS])
    result = analyze(corpus)
    adam = slug_of(corpus, ADAM_WRITERS[-1][0])
    assert len(result.mentioned_by[adam]) == 5


def test_a_name_coined_in_a_datasets_abstract_is_a_method() -> None:
    corpus = corpus_of(
        [
            (
                "KiteSet: A Large Dataset of Kites",
                "We introduce a kite detector called KiteFormer.",
            ),
            ("Other kites", "Kites fly over hills."),
        ]
    )
    kinds = {m.name: m.dataset for m in analyze(corpus).methods}
    assert kinds == {"KiteSet": True, "KiteFormer": False}


def test_a_papers_mentioners_come_closest_first() -> None:
    """A paper page shows the first few of a long "Mentioned by" list: the papers most
    like the mentioned one come first, whatever their titles' order."""
    corpus = corpus_of(
        [
            (
                "KiteNet: Tethered Kites for Wind Mapping",
                "Tethered kites map wind speed over coastal dunes with onboard anemometers.",
            ),
            (
                "A Study of Protein Folding",
                "We fold proteins with molecular dynamics and pool residues as KiteNet does.",
            ),
            (
                "Night Flights over Sand",
                "Anemometers on tethered kites, as in KiteNet, record gusts above dunes at night.",
            ),
            (
                "Graph Kernels for Chemistry",
                "Molecules are compared with graph kernels and KiteNet.",
            ),
        ]
    )
    result = analyze(corpus)
    kitenet = slug_of(corpus, "KiteNet: Tethered Kites for Wind Mapping")
    order = result.mentioned_by[kitenet]
    assert len(order) == 3
    assert order[0] == slug_of(corpus, "Night Flights over Sand")  # last by slug


def test_a_name_many_papers_coin_links_a_mention_to_the_closest_few() -> None:
    """Five papers coin "KiteNet", each on its own subject: a mention links the three
    closest to the mentioning paper (it linked every one: 161 at 50,000 synthetic papers)."""
    subjects = [
        "Tethered kites map wind speed over coastal dunes with onboard anemometers.",
        "Kite surfers read wind gusts over coastal dunes from tethered kite sensors.",
        "We fold proteins with molecular dynamics and a coarse residue potential.",
        "Graph kernels compare molecules through random walks on their bonds.",
        "Speech is enhanced by a recurrent mask estimator trained on noisy audio.",
    ]
    papers = [
        (f"KiteNet: Study {n}", f"{text} We introduce KiteNet.") for n, text in enumerate(subjects)
    ]
    mentioner = ("Dune Winds", "Anemometers on tethered kites, as in KiteNet, map wind over dunes.")
    corpus = corpus_of([*papers, mentioner])
    result = analyze(corpus)
    linked = set(result.mentions[slug_of(corpus, "Dune Winds")])
    assert len(linked) == 3
    assert {slug_of(corpus, "KiteNet: Study 0"), slug_of(corpus, "KiteNet: Study 1")} <= linked
