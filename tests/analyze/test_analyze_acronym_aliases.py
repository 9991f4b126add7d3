"""Search aliases: a paper is found by the acronym of a phrase it writes, and back."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.analyze.acronym_aliases import AcronymAliases, acronym_aliases
from generator.analyze.features.acronyms import spells_out
from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.model import Analysis

_FILLER = [
    ("Sparse Coding", "Dictionaries learned from patches of natural images."),
    ("Speech Enhancement", "Masks on spectrograms remove noise from speech."),
    ("Pruning Weights", "Small weights are removed after training."),
    ("Label Noise", "Wrong labels in training sets hurt accuracy."),
    ("Graph Coarsening", "Message passing over the edges of a coarse graph."),
    ("Weather Forecasts", "Forecasts of rain from radar images, made hourly."),
]
# Two papers write "residual networks" with "ResNets" (the corpus's meaning); one
# writes only the phrase, one only the acronym; "regression networks" has the letters
# too but is never written beside it.
_RESNETS = [
    ("Deep ResNets", "Deep residual networks (ResNets) train well; ResNets win."),
    ("Wide ResNets", "Wide residual networks beat deep ResNets on images."),
    ("Deeper Still", "We train residual networks of a thousand layers on images."),
    ("Pruned ResNets", "We prune ResNets trained on images to a tenth of their size."),
    ("Regression Networks for Depth", "Regression networks estimate depth from images."),
    ("Regression Networks for Pose", "Regression networks estimate the pose of objects."),
]


def _defined_thrice(title: str, abstract: str, *others: tuple[str, str]) -> list[tuple[str, str]]:
    """Three papers that define an acronym (`abstract` holds `{n}`), then `others` and the
    filler papers."""
    return [(f"{title} {n}", abstract.format(n=n)) for n in range(3)] + [*others, *_FILLER]


def _all_aliases(papers: list[tuple[str, str]]) -> AcronymAliases:
    corpus = corpus_of(papers)
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    texts = [f"{p.title}\n{p.abstract}" for p in corpus.papers]  # as the pipeline gives them
    return acronym_aliases(docs, vectors, phrase_stats(vectors, docs), texts)


def _aliases(papers: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    return _all_aliases(papers).papers


def test_a_phrase_gets_its_acronym_and_an_acronym_its_phrase() -> None:
    aliases = _aliases(_RESNETS + _FILLER)
    assert aliases["deeper-still"] == ("ResNets",)
    assert aliases["pruned-resnets"] == ("residual networks",)
    # Papers that write both need neither; a phrase that merely has the letters, none.
    assert set(aliases) == {"deeper-still", "pruned-resnets"}


def test_each_alias_comes_with_what_it_stands_for_in_the_papers_words() -> None:
    """A result found by an alias alone shows its source marked (papersite.js
    excerptFor): the phrase a paper writes for an acronym it does not, and back."""
    found = _all_aliases(_RESNETS + _FILLER)
    assert found.sources == {"deeper-still": ("residual networks",), "pruned-resnets": ("ResNets",)}


def test_a_topic_labelled_by_either_name_gets_the_other() -> None:
    aliases = _all_aliases(_RESNETS + _FILLER)
    assert aliases.of_label("Residual networks") == ("ResNets",)
    assert aliases.of_label("Residual network") == ("ResNets",)
    assert aliases.of_label("ResNets") == ("residual networks",)
    assert aliases.of_label("Regression networks") == aliases.of_label("") == ()


def test_an_acronym_written_beside_its_phrase_by_one_paper_only_is_no_alias() -> None:
    """One paper is no usage: "regression networks (RNs)" there, "residual networks"
    elsewhere would be the same letters (acronyms.MIN_TOGETHER)."""
    papers = [
        ("Regression Networks", "Regression networks (RNs) estimate depth; RNs are fast."),
        ("More Regression Networks", "Regression networks estimate the pose of objects."),
        ("Plain RNs", "RNs estimate depth from images."),
        *_FILLER,
    ]
    assert _aliases(papers) == {}


def test_the_definitions_decide_what_an_acronym_stands_for() -> None:
    """Three papers define NAS as "neural architecture search"; "neural architectures"
    has the letters too (with a plural's s) and is written beside "NAS" as often."""
    papers = _defined_thrice(
        "Search",
        "Neural architecture search (NAS) finds neural architectures {n}.",
        ("Searching Cells", "Neural architecture search over cells of a network."),
        ("Designing Networks", "Hand-designed neural architectures for images."),
    )
    aliases = _aliases(papers)
    assert aliases == {"searching-cells": ("NAS",)}


def test_an_acronym_defined_two_ways_gets_no_phrase_alias() -> None:
    """CT is computed tomography for three papers, conditional transport for one: a
    paper writing "CT" alone may mean either, so it gets no phrase; papers writing
    "computed tomography" alone still get "CT"."""
    papers = _defined_thrice(
        "Scans",
        "Chest computed tomography (CT) scans; CT volumes {n}.",
        ("Transport", "We compare distributions by conditional transport (CT); CT is fast."),
        ("Plain", "CT of lungs, read by radiologists."),
        ("Spelled Out", "Computed tomography of lungs, read by radiologists."),
    )
    all_aliases = _all_aliases(papers)
    assert all_aliases.papers == {"spelled-out": ("CT",)}
    assert all_aliases.of_label("CT") == ()  # a topic "CT" gets no phrase either
    assert all_aliases.of_label("Computed tomography") == ("CT",)


# Papers that are about something else, so that "CT" is in under half of the papers, as
# a term must be.
_MORE_FILLER = [
    ("Music Tagging", "Tags of songs are predicted from audio clips."),
    ("Traffic Flow", "Cars on roads are counted from video at crossings."),
    ("Protein Folding", "Chains of amino acids fold into shapes we predict."),
    ("Text Summaries", "Long news articles are shortened to a few sentences."),
]


def _ct_papers(scans: int, *other: tuple[str, str]) -> list[tuple[str, str]]:
    """`scans` papers defining CT as computed tomography, `other` papers, a paper that
    writes "CT" alone ("plain") and filler."""
    defining = [
        (f"Scans {n}", f"Chest computed tomography (CT) scans; CT volumes {n}.")
        for n in range(scans)
    ]
    plain = ("Plain", "CT of lungs, read by radiologists.")
    return [*defining, *other, plain, *_FILLER, *_MORE_FILLER]


_TRANSPORT = ("Transport", "We compare distributions by conditional transport (CT); CT is fast.")


def test_one_stray_definition_leaves_a_common_acronym_its_phrase() -> None:
    """CT is computed tomography for five papers, conditional transport for one: the
    stray definition turned "CT" into no phrase for every paper (at 50,000 papers, some
    paper defines any common acronym otherwise). Papers writing "CT" alone get it; the
    paper that defines it otherwise does not; a fifth of the definitions is too many."""
    aliases = _all_aliases(_ct_papers(5, _TRANSPORT))
    assert aliases.papers == {"plain": ("computed tomography",)}
    assert aliases.of_label("CT") == ("computed tomography",)
    assert _aliases(_ct_papers(4, _TRANSPORT)) == {}  # one in five: AMBIGUOUS_SHARE


def test_a_definition_in_another_form_of_the_words_is_the_same_meaning() -> None:
    """ "Computerized tomography (CT)" counted as another meaning: with four papers
    defining computed tomography, it made CT ambiguous, and its own paper never got
    the phrase (a search for computed tomography should find it)."""
    variant = ("Variant", "Computerized tomography (CT) of the chest; CT slices.")
    assert _aliases(_ct_papers(4, variant)) == {
        "plain": ("computed tomography",),
        "variant": ("computed tomography",),
    }


def test_an_acronym_defined_as_one_word_of_parts_is_defined_otherwise() -> None:
    """ "Cauchy-Schwarz (CS) divergence" is no compressed sensing: the paper's "CS"
    got "compressed sensing" as an alias (its definition, one hyphenated word, was not
    read), and a search for compressed sensing found it."""
    papers = _defined_thrice(
        "Sensing",
        "Compressed sensing (CS) recovers sparse signals; CS needs few samples {n}.",
        ("Divergence", "The Cauchy-Schwarz (CS) divergence; CS is fast to estimate."),
        ("Recovery", "CS recovers sparse signals from few samples."),
    )
    assert _aliases(papers) == {}


def test_an_acronym_written_only_in_lower_case_gets_no_phrase() -> None:
    """ "cs" in "apc.cs.princeton.edu" is no CS: a search for compressed sensing listed a
    6D pose paper whose abstract gives that address."""
    papers = _defined_thrice(
        "Sensing",
        "Compressed sensing (CS) recovers sparse signals; CS needs few samples {n}.",
        ("Pose", "Code at http://apc.cs.example.edu/ recovers object poses."),
        ("Recovery", "CS recovers sparse signals from few samples."),
    )
    assert _aliases(papers) == {"recovery": ("Compressed sensing",)}


def test_forms_of_one_phrase_are_one_meaning() -> None:
    """ "Convolution neural network (CNN)" in one paper is the others' "convolutional
    neural networks": the acronym keeps its phrase alias, written as most define it."""
    papers = _defined_thrice(
        "Nets",
        "Convolutional neural networks (CNNs) classify images {n}.",
        ("Odd Spelling", "A convolution neural network (CNN) classifies images."),
        ("Acronym Only", "CNNs classify images of cells."),
    )
    aliases = _aliases(papers)
    assert list(aliases) == ["acronym-only"]  # "Odd Spelling" writes CNN: no alias
    assert [alias.lower() for alias in aliases["acronym-only"]] == ["convolutional neural networks"]
    joined = _defined_thrice(  # a definition written as one word: "chest-X-ray (CXR)"
        "Radiographs",
        "Chest X-ray (CXR) images show lungs; CXR reading {n}.",
        ("Joined", "A chest-X-ray (CXR) dataset of lungs."),
        ("Acronym Only", "CXR images of lungs, read by radiologists."),
    )
    assert "acronym-only" in _aliases(joined)  # CXR still means chest X-ray


def test_a_capital_s_is_a_letter_not_a_plural() -> None:
    assert spells_out("ResNets", "residual networks")
    assert spells_out("CNNs", "convolutional neural networks")
    assert spells_out("NAS", "neural architecture search")
    assert not spells_out("NAS", "neural architectures")
    assert not spells_out("BraTS", "brain tumor")
    assert spells_out("BraTS", "brain tumor segmentation")


def test_the_bundled_corpus_has_aliases_for_some_papers_and_names_only_its_papers(
    bundled_analysis: Analysis,
) -> None:
    aliases = bundled_analysis.search_aliases
    assert aliases and set(aliases) <= set(bundled_analysis.related)
    assert all(values == tuple(sorted(set(values))) and values for values in aliases.values())
    sources = bundled_analysis.alias_sources
    assert {slug: len(names) for slug, names in sources.items()} == {
        slug: len(names) for slug, names in aliases.items()
    }
