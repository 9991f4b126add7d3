"""Why two papers are related: their best shared terms, as a reader would write them."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.related.shared_terms import SharedTerms

PAPERS = [
    (
        "Knees",
        "Magnetic resonance imaging of knees. Magnetic resonance imaging, again. We "
        "reconstruct scans; we reconstruct scans.",
    ),
    (
        "Hips",
        "Magnetic resonance imaging of knees; magnetic resonance imaging of hips. We "
        "reconstruct scans.",
    ),
    ("Point clouds", "Point clouds of scenes; clouds of points. We reconstruct clouds."),
    ("Graphs", "Message passing over graphs; graphs of molecules and message passing."),
    ("Pruning", "Filter pruning removes filters; pruning keeps speed."),
    ("Speech", "Speech separation of voices; separation of speech."),
]


def _shared(with_stats: bool, verbs: bool = True) -> tuple[str, ...]:
    docs = read_documents(corpus_of(PAPERS).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    if not verbs:
        stats = replace(stats, verb=np.zeros_like(stats.verb))
    # Words only, as when the phrases fall short of the vectors' or the display's rules.
    telling = np.array([" " not in t for t in vectors.terms], dtype=bool)
    finder = SharedTerms(vectors, docs.surfaces, telling, 8, stats if with_stats else None)
    a, b = docs.slugs.index("knees"), docs.slugs.index("hips")
    return finder.for_pairs(np.array([a]), np.array([b]))[0]


def test_terms_both_papers_write_as_one_phrase_are_shown_as_one() -> None:
    """ "magnetic, resonance" were two reasons; the papers write "magnetic resonance
    imaging". A verb does not start a joined phrase ("reconstruct scans")."""
    apart, joined = _shared(False), _shared(True)
    assert {"magnetic", "resonance", "imaging", "reconstruct", "scans"} <= set(apart)
    assert set(joined) == {"magnetic resonance imaging", "reconstruct", "scans", "knees"}
    # Were "reconstruct" no verb, both papers' "reconstruct scans" would join them.
    assert "reconstruct scans" in _shared(True, verbs=False)


ADVERB_PAPERS = [
    ("Dense one", "Densely connected layers classify cells. We sample accurately and quickly."),
    ("Dense two", "Densely connected blocks classify cells; accurately measured cells."),
    ("Other", "Speech separation of voices; separation of speech."),
]


def _shared_by_the_dense_papers(limit: int) -> tuple[str, ...]:
    docs = read_documents(corpus_of(ADVERB_PAPERS).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    telling = np.array([" " not in t for t in vectors.terms], dtype=bool)
    finder = SharedTerms(vectors, docs.surfaces, telling, limit, stats)
    (shown,) = finder.for_pairs(np.array([0]), np.array([1]))
    return shown


def test_a_lone_adverb_is_no_reason_but_may_join_a_phrase() -> None:
    """ "Shared: accurately" said nothing; "densely connected" still shows whole."""
    shown = _shared_by_the_dense_papers(8)
    lower = {term.lower() for term in shown}
    assert "densely connected" in lower and "accurately" not in lower, shown


def test_a_lone_adverb_gives_its_place_to_the_next_term() -> None:
    """With four places, "accurately" took one and was then left out: two reasons
    ("Dense", "classify cells") were shown where the papers share more."""
    shown = _shared_by_the_dense_papers(4)
    assert [term.lower() for term in shown] == ["dense", "classify cells", "connected"]


def test_adverbs_give_way_until_the_places_are_filled() -> None:
    """The terms that replace a left-out adverb may be adverbs too: they give way again."""
    finder = SharedTerms.__new__(SharedTerms)
    finder.limit = 2
    finder.adverbs = {"quickly": True, "accurately": True, "densely": True}
    finder.adverbs.update(dict.fromkeys(["kites", "lakes", "wind"], False))
    keys = ["quickly", "kites", "accurately", "densely", "lakes", "wind"]
    finder._chosen = lambda keys, a, b, limit: keys[:limit]  # type: ignore[method-assign]
    assert finder._without_adverbs(keys, 0, 1) == ["kites", "lakes"]
    assert finder._without_adverbs(["quickly", "densely"], 0, 1) == []
