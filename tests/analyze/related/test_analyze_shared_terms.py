"""Why two papers are related: their best shared terms, as a reader would write them."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import scipy.sparse as sp
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import PhraseStats, phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.related.shared_terms import SharedTerms, open_modifiers

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


def test_terms_left_out_give_way_until_the_places_are_filled() -> None:
    """The terms that replace a left-out one may be left out too: they give way again."""
    finder = SharedTerms.__new__(SharedTerms)
    finder.limit = 2
    finder.empty = {"quickly": True, "accurately": True, "densely": True}
    finder.empty.update(dict.fromkeys(["kites", "lakes", "wind"], False))
    finder._show = lambda key: key  # type: ignore[method-assign]
    keys = ["quickly", "kites", "accurately", "densely", "lakes", "wind"]
    finder._chosen = lambda keys, a, b, limit: keys[:limit]  # type: ignore[method-assign]
    assert finder._reasons(keys, 0, 1) == ["kites", "lakes"]
    assert finder._reasons(["quickly", "densely"], 0, 1) == []


CHAIN_PAPERS = [
    ("Scanning images", "A state space model of patches; the state space model is fast."),
    ("Scanning speech", "Our state space model of waveforms is a state space model."),
    ("Apart", "The state space of a space model; a space model and its state space."),
    ("Other", "Speech separation of voices; separation of speech."),
    ("More", "Graphs of molecules and message passing over graphs."),
    ("Last", "Filter pruning removes filters; pruning keeps speed."),
]


def _shared_two_word_terms(first: str, second: str, with_words: bool) -> tuple[str, ...]:
    """The two-word terms `first` and `second` share, the papers' words given or not."""
    docs = read_documents(corpus_of(CHAIN_PAPERS).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    telling = np.array([t.count(" ") == 1 for t in vectors.terms], dtype=bool)
    finder = SharedTerms(
        vectors, docs.surfaces, telling, 5, stats, documents=docs if with_words else None
    )
    pair = np.array([docs.slugs.index(first)]), np.array([docs.slugs.index(second)])
    return finder.for_pairs(*pair)[0]


def test_halves_of_a_phrase_both_papers_write_are_shown_as_the_phrase() -> None:
    """ "Shared: state space, space model" showed the halves of "state space model",
    which the vectors do not count (no title holds it)."""
    halves = _shared_two_word_terms("scanning-images", "scanning-speech", with_words=False)
    assert {"state space", "space model"} <= set(halves), halves
    whole = _shared_two_word_terms("scanning-images", "scanning-speech", with_words=True)
    assert "state space model" in whole and "space model" not in whole, whole
    assert "state space" not in whole, whole


def test_halves_written_apart_stay_two_terms() -> None:
    """A paper that writes "state space" and "space model" but never the phrase keeps both."""
    shown = _shared_two_word_terms("scanning-images", "apart", with_words=True)
    assert {"state space", "space model"} <= set(shown), shown


ACRONYM_PAPERS = [
    (
        "Neural architecture search on a budget",
        "Neural architecture search (NAS) finds cells. NAS costs GPU days; our NAS shares "
        "weights of candidate cells.",
    ),
    (
        "Faster neural architecture search",
        "Neural architecture search (NAS) is slow. We speed NAS up with candidate cells "
        "and proxy tasks.",
    ),
    ("Other", "Speech separation of voices; separation of speech."),
    ("More", "Graphs of molecules and message passing over graphs."),
]


def test_an_acronym_beside_its_words_gives_its_place_to_the_next_term() -> None:
    """ "Shared: NAS, neural architecture search" said one thing twice."""
    docs = read_documents(corpus_of(ACRONYM_PAPERS).papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    telling = np.ones(len(vectors.terms), dtype=bool)
    finder = SharedTerms(vectors, docs.surfaces, telling, 2, stats)
    pair = np.array([docs.slugs.index("neural-architecture-search-on-a-budget")])
    other = np.array([docs.slugs.index("faster-neural-architecture-search")])
    (shown,) = finder.for_pairs(pair, other)
    assert "neural architecture search" in [term.lower() for term in shown], shown
    assert "NAS" not in shown and len(shown) == 2, shown
    alone = np.array([t in ("nas", "cell") for t in vectors.terms])
    finder = SharedTerms(vectors, docs.surfaces, alone, 2, stats)
    assert "NAS" in finder.for_pairs(pair, other)[0]  # without its words, it stays


def _modifier_corpus() -> tuple[SimpleNamespace, SimpleNamespace]:
    """Thirty papers on three subjects (LSA axes x, y, z, ten papers each). "global",
    "entropic" and "rare" modify many things ("global context", "global pooling", ...);
    "global" in four papers of every subject, "entropic" in ten of one, "rare" in two of
    two subjects; "diffusion" mostly modifies "models"; "field" ends its runs (a noun)."""
    terms = (
        "global", "entropic", "rare", "diffusion", "field",
        "global context", "global pooling", "entropic maps", "entropic costs",
        "diffusion models",
    )  # fmt: skip
    head = np.array([0.1, 0.1, 0.1, 0.1, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9])
    total = np.array([24.0, 24.0, 6.0, 24.0, 24.0, 2.0, 2.0, 2.0, 2.0, 18.0])
    users = {
        "global": [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23],
        "entropic": list(range(10)),
        "rare": [0, 10],
        "diffusion": list(range(10, 20)),
        "field": [0, 10, 20, 1, 11, 21, 2, 12, 22, 3],
    }
    counts = np.zeros((30, len(terms)))
    for term, papers in users.items():
        counts[papers, terms.index(term)] = 1
    lsa = np.repeat(np.eye(3, dtype=np.float32), 10, axis=0)
    papers = np.count_nonzero(counts, axis=0)
    stats = SimpleNamespace(terms=terms, head=head, total=total, papers=papers)
    stats.most_used_pairs = lambda: PhraseStats.most_used_pairs(stats)  # type: ignore[arg-type]
    return stats, SimpleNamespace(counts=sp.csr_matrix(counts), lsa=lsa)


def test_a_modifier_of_many_things_and_subjects_is_no_reason_alone() -> None:
    stats, vectors = _modifier_corpus()
    assert open_modifiers(stats, vectors) == {"global"}  # type: ignore[arg-type]
