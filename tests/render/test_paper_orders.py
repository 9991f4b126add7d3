"""The orders papers are listed in, and the Paper finder's sort keys: each paper page's
place in each order, so that the finder sorts as the All papers pages list."""

from __future__ import annotations

import re
from dataclasses import replace

from analyze_helpers import corpus_of

from generator.links import paper_doc
from generator.model import Analysis, Corpus, PaperDate
from generator.render import render_site
from generator.render.paper_orders import ORDERS, orders, positions
from generator.render.text import title_order

SORT_KEY_RE = re.compile(r'<span data-pagefind-sort="(\w+)">([^<]*)</span>')


def _corpus() -> Corpus:
    """Papers that tie on a date or on upvotes, and papers with neither; titles whose
    slugs and folded titles order differently (an accent, a leading quote, a digit)."""
    titles = [
        "Émile and the networks",
        "emile and the graphs",
        "'Mad' networks",
        "A very long common start of a title, first",
        "A very long common start of a title, second",
        "Zeta",
        "3D nets",
        "Abc",
        "XNOR net",
        "Xception nets",
        "Yet another net",  # eleven papers: places of two digits, 00 to 10
    ]
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


def test_places_count_up_in_one_width() -> None:
    corpus = _corpus()
    places = positions(orders(corpus.papers))
    assert set(places) == {p.slug for p in corpus.papers}
    for index, name in enumerate(ORDERS):
        keys = sorted(places[p.slug][index] for p in corpus.papers)
        assert [key[0] for key in keys] == [name] * len(corpus.papers)
        assert [key[1] for key in keys] == [f"{n:02d}" for n in range(len(corpus.papers))]
    assert positions(orders([])) == {}


def test_the_finders_sort_keys_sort_papers_as_all_papers_lists_them() -> None:
    """The keys on the pages (Pagefind sorts them as text, ascending): each order as the
    All papers pages list it. Keys ended in the slug before, 0.4 KB of a page."""
    corpus = _corpus()
    pages = render_site(corpus, Analysis(), "Papers")
    keys: dict[str, dict[str, str]] = {name: {} for name in ORDERS}
    for paper in corpus.papers:
        found = SORT_KEY_RE.findall(pages[paper_doc(paper.slug)])
        assert [name for name, _ in found] == list(ORDERS), found
        for name, value in found:
            keys[name][paper.slug] = value
    for name, key in ORDERS.items():
        listed = [p.slug for p in sorted(corpus.papers, key=key)]
        assert sorted(keys[name], key=keys[name].__getitem__) == listed, name
        assert len(set(keys[name].values())) == len(corpus.papers), name  # no two tie
