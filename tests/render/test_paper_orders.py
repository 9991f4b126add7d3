"""The orders papers are listed in (All papers, the home page's lists)."""

from __future__ import annotations

from dataclasses import replace

from analyze_helpers import corpus_of

from generator.model import Corpus, PaperDate
from generator.render.paper_orders import ORDERS, orders
from generator.render.text import title_order


def _corpus() -> Corpus:
    """Papers that tie on a date or on upvotes, papers with neither, and titles that an
    A-Z list folds (an accent, a case, a leading quote, a digit)."""
    titles = ["Zeta", "Abc", "XNOR net", "3D nets", "'Mad' networks", "Émile nets", "emile"]
    corpus = corpus_of([(t, f"We study {t.lower()} on images of cells.") for t in titles])
    facts = {
        "Zeta": (PaperDate(2024, 5, 1), 3),
        "Abc": (PaperDate(2024, 5, 1), 3),  # the same date and upvotes as Zeta
        "XNOR net": (PaperDate(2023, 1, 2), 0),
        "3D nets": (None, 12),
        "'Mad' networks": (PaperDate(2024, 5, 1, year_inferred=True), None),
    }
    papers = tuple(
        replace(p, published=facts[p.title][0], upvotes=facts[p.title][1])
        if p.title in facts
        else p
        for p in corpus.papers
    )
    return replace(corpus, papers=papers)


def test_each_order_holds_every_paper_once_in_its_keys_order() -> None:
    corpus = _corpus()
    ordered = orders(corpus.papers)
    assert list(ordered) == list(ORDERS)
    for name, key in ORDERS.items():
        assert ordered[name] == sorted(corpus.papers, key=key)
    newest = [p.title for p in ordered["newest"]]
    assert newest[:4] == ["Abc", "'Mad' networks", "Zeta", "XNOR net"]  # ties by title
    upvoted = [p.title for p in ordered["upvotes"]]
    assert upvoted[:4] == ["3D nets", "Abc", "Zeta", "XNOR net"]  # none come after zero
    by_title = [p.title for p in ordered["title"]]
    assert by_title == sorted(by_title, key=title_order)
