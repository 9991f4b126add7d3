"""Acronyms: the words they stand for, and a paper's own meaning of one."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.analyze.features.acronyms import definitions
from generator.analyze.features.documents import read_documents
from generator.analyze.features.word_families import PhraseUse


def test_an_acronym_in_parentheses_after_its_words_is_defined() -> None:
    text = "We use conditional transport (CT), vision transformers (ViTs) and a tool (B)."
    assert definitions(text) == [("CT", "conditional transport"), ("ViTs", "vision transformers")]
    assert definitions("The scans (CT) were read.") == []  # "the scans" spell no CT
    assert definitions("the Cauchy-Schwarz (CS) divergence") == [("CS", "Cauchy-Schwarz")]
    assert definitions("a deep (D) net") == []  # one word of one part spells nothing


def test_a_paper_that_means_another_thing_by_an_acronym_does_not_use_it() -> None:
    """Three papers define CT as computed tomography; one as conditional transport, and
    its "CT" is no use of the corpus's CT (a probability paper sat in the CT topic)."""
    papers = [
        (f"Scans {n}", f"Chest computed tomography (CT) scans; CT volumes {n}.") for n in range(3)
    ] + [
        ("Transport", "We compare distributions by conditional transport (CT); CT is fast."),
        ("Plain", "CT of lungs, read by radiologists."),
    ]
    docs = read_documents(corpus_of(papers).papers)
    using = PhraseUse(docs).papers({"ct"})["ct"]
    named = {docs.slugs[p] for p in using}
    assert named == {"scans-0", "scans-1", "scans-2", "plain"}
    # With no meaning defined by two papers more than any other, every use counts.
    tied = read_documents(corpus_of(papers[2:]).papers)
    assert len(PhraseUse(tied).papers({"ct"})["ct"]) == 3


def test_an_acronym_defined_by_the_abstracts_first_words_is_defined() -> None:
    """The title's line ends the words (they were read as one: "0\\nNeural")."""
    text = "Search Spaces 2\nNeural architecture search (NAS) finds networks."
    assert definitions(text) == [("NAS", "Neural architecture search")]


def test_another_form_of_the_usual_phrase_is_the_usual_meaning() -> None:
    """ "convolution neural network (CNN)" is the others' convolutional neural networks:
    that paper's "CNN" is a use of the corpus's CNN."""
    papers = [
        (f"Nets {n}", f"Convolutional neural networks (CNNs) classify images {n}.")
        for n in range(3)
    ] + [("Odd Spelling", "A convolution neural network (CNN) classifies images.")]
    docs = read_documents(corpus_of(papers).papers)
    assert len(PhraseUse(docs).papers({"cnn"})["cnn"]) == 4
