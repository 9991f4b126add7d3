"""benchmarks/search_known_items.py: its queries and its summary (the browser part runs
on a built site by hand, manual/search.md)."""

from __future__ import annotations

from benchmarks.search_known_items import known_item_queries, subject_queries, summary


def test_queries_take_two_or_three_title_words_in_order_and_are_seeded() -> None:
    papers = [{"title": f"Sparse Coding of Visual Cortex Neurons number {i}"} for i in range(30)]
    papers += [{"title": "A Net"}]  # too few words to pick: skipped
    cases = known_item_queries(papers, seed=3, count=31)
    assert cases == known_item_queries(papers, seed=3, count=31)
    assert len(cases) == 30
    for query, title in cases:
        words = query.split()
        assert 2 <= len(words) <= 3 and all(len(w) >= 4 for w in words)
        positions = [title.split().index(w) for w in words]
        assert positions == sorted(positions)


def test_the_summary_counts_first_listed_and_reciprocal_ranks() -> None:
    assert summary([0, 1, -1, 3]) == "first 1/4, among 8 3, MRR@8 0.438"


def test_subject_queries_are_each_topics_label_and_keywords_once() -> None:
    topics = [
        {"label": "Optimal transport", "keywords": ["transport maps", "cost"]},
        {"label": "Cost", "keywords": ["cost", ""]},
        {"label": "Other", "keywords": []},
    ]
    assert subject_queries(topics) == [
        "Cost",
        "Optimal transport",
        "Other",
        "transport maps",
    ]
