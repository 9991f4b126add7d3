"""The corpus map's point data: parallel arrays on the grid, topics in legend order."""

from __future__ import annotations

import json

from generator.model import Analysis, Corpus, Paper, Topic
from generator.render.context import SiteContext
from generator.render.map_page import SCALE, map_data, map_json


def _paper(slug: str, title: str) -> Paper:
    return Paper(slug, slug, f"papers/{slug}/", title, False, "", (), ())


def _site() -> SiteContext:
    papers = (_paper("a", "</script><b>A</b>"), _paper("b", "B & co"), _paper("c", "C"))
    topics = (
        Topic("t2", "Second", (), ("b",), area="Zeta"),
        Topic("t1", "First <i>", (), ("a", "b", "gone"), area=""),
    )
    analysis = Analysis(
        topics=topics,
        paper_topics={"a": ("t1",), "b": ("t2", "t1")},
        positions={"a": (0.0, 1.0), "b": (0.5, 0.25), "c": (1.0, 0.0)},
    )
    return SiteContext(Corpus(papers), analysis, "site")


def test_arrays_are_parallel_and_on_the_grid() -> None:
    data = map_data(_site())
    assert data["x"] == [0, round(0.5 * (SCALE - 1)), SCALE - 1]
    assert data["y"] == [SCALE - 1, round(0.25 * (SCALE - 1)), 0]
    assert data["url"] == ["papers/a/", "papers/b/", "papers/c/"]
    assert data["title"] == ["</script><b>A</b>", "B & co", "C"]
    assert [t["slug"] for t in data["topics"]] == ["t2", "t1"]  # areas first, as on /topics/
    assert data["topic"] == [1, 0, -1]  # colour: the first topic; none for c
    assert [t["papers"] for t in data["topics"]] == [[1], [0, 1]]  # unknown slugs dropped


def test_papers_without_a_position_are_left_out() -> None:
    site = _site()
    site.analysis = Analysis(topics=site.analysis.topics, positions={"b": (0.5, 0.5)})
    data = map_data(site)
    assert data["url"] == ["papers/b/"]
    assert [t["papers"] for t in data["topics"]] == [[0], [0]]


def test_json_is_compact_inert_and_round_trips() -> None:
    data = map_data(_site())
    text = map_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\n" not in text.rstrip("\n") and '": ' not in text
    assert json.loads(text) == data
    assert map_json(map_data(_site())) == text
