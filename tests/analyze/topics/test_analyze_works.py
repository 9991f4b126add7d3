"""Papers flagged as possibly one work count once where a topic is described."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.topics.describe import Draft, keywords
from generator.analyze.topics.works import work_numbers, works_using

PAPERS = [
    (
        "Recalibrating segmentation networks",
        "Channel recalibration blocks in segmentation networks; channel recalibration "
        "helps semantic segmentation.",
    ),
    (
        "Concurrent recalibration for segmentation",
        "Channel recalibration in segmentation networks, again channel recalibration, "
        "for semantic segmentation.",
    ),
    ("Segmentation of roads", "Semantic segmentation of roads; semantic segmentation of lanes."),
    ("Segmentation of cells", "Semantic segmentation of cells and nuclei in slides."),
    ("Graphs", "Message passing over graphs; graphs of molecules."),
    ("Pruning", "Filter pruning removes filters; pruning keeps speed."),
    ("Speech", "Speech separation of voices; separation of speech."),
    ("Clouds", "Point clouds of scenes; clouds of points."),
]


def test_flagged_papers_are_one_work_through_any_chain() -> None:
    papers = list(
        corpus_of([("A first", "x y."), ("B second", "y z."), ("C third", "z w.")]).papers
    )
    slugs = [p.slug for p in papers]
    papers[0] = replace(papers[0], possible_duplicates=(slugs[1],))
    papers[2] = replace(papers[2], possible_duplicates=(slugs[1], "not-in-the-corpus"))
    assert work_numbers(papers).tolist() == [0, 0, 0]
    unflagged = [*papers[:2], replace(papers[2], possible_duplicates=())]
    assert work_numbers(unflagged).tolist() == [0, 0, 2]


def test_a_term_used_by_two_papers_of_one_work_counts_once() -> None:
    presence = sp.csr_matrix(np.array([[1, 1], [1, 0], [0, 1]], dtype=np.float32))
    counts, size = works_using(presence, [0, 1, 2], np.array([0, 0, 2]))
    assert counts.tolist() == [1.0, 2.0] and size == 2
    counts, size = works_using(presence, [0, 1, 2], None)
    assert counts.tolist() == [2.0, 2.0] and size == 3


def test_the_phrases_of_two_versions_of_one_paper_are_no_keywords() -> None:
    """Two versions of one paper made every keyword of a topic theirs."""
    papers = list(corpus_of(PAPERS).papers)
    number = {p.title: n for n, p in enumerate(papers)}
    first, second = (
        number["Recalibrating segmentation networks"],
        number["Concurrent recalibration for segmentation"],
    )
    papers[first] = replace(papers[first], possible_duplicates=(papers[second].slug,))
    docs = read_documents(papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    presence = (vectors.counts > 0).astype("float32").tocsr()
    members = [number[t] for t, _ in PAPERS[:4]]
    draft = Draft("seg", "Segmentation", tuple((n, 1.0) for n in members), ("segmentation",))
    apart = keywords(draft, stats, presence, docs.surfaces)
    assert "channel recalibration" in apart  # two papers of four: typical, by count
    once = keywords(draft, stats, presence, docs.surfaces, works=work_numbers(papers))
    assert "channel recalibration" not in once
    assert "semantic segmentation" in once
