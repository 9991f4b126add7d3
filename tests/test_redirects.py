"""Old paper URLs after a title edit, old topic URLs after a topic's slug changed:
moves found, kept in redirects.yml, written as pages that lead on to the new URL."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sitebuild import fixture_project, make_analysis

from generator.config import REDIRECTS_NAME, Config, load_config
from generator.errors import SettingsError
from generator.model import Analysis, Corpus, Paper, SourceRef, Topic
from generator.pipeline import Pipeline
from generator.redirects import (
    TOPICS_RECORD,
    RedirectsError,
    found_moves,
    found_topic_moves,
    load_moves,
    notes,
    previous_papers,
    previous_topics,
    save_moves,
    settle,
    without_stale,
)
from generator.render.redirect_pages import redirect_pages
from generator.search.terminal import SEARCH_DOCUMENTS


def _paper(slug: str, title: str, abstract: str) -> Paper:
    source = (SourceRef("a.txt", 1),)
    return Paper(slug, slug, f"papers/{slug}/", title, False, abstract, (abstract,), source)


def test_a_paper_with_the_same_abstract_under_a_new_slug_has_moved() -> None:
    now = [
        _paper("graph-nets-revisited", "Graph Nets Revisited", "We study graph networks."),
        _paper("other", "Other", "Something else entirely."),
        _paper("twin-a", "Twin A", "Shared text."),
        _paper("twin-b", "Twin B", "Shared text."),
    ]
    before = [
        ("graph-nets", "Graph Nets", "We study graph networks."),  # title edited
        ("other", "Other", "Something else entirely."),  # unchanged
        ("twin", "Twin", "Shared text."),  # two papers share its text: proves nothing
        ("gone", "Gone", "A paper taken out of the corpus."),
        ("retitled-no-abstract", "Other", ""),  # matched by its title
    ]
    assert found_moves(before, now) == {
        "graph-nets": "graph-nets-revisited",
        "retitled-no-abstract": "other",
    }


def test_moves_are_settled_against_the_papers_there_are_now() -> None:
    moves = {
        "a": "b",
        "b": "c",
        "taken": "c",
        "lost": "nowhere",
        "loop1": "loop2",
        "loop2": "loop1",
    }
    settled = settle(moves, current={"c", "taken"})
    assert settled.moves == {"a": "c", "b": "c"}  # chains end at a paper; its page wins
    assert [line.split(": ")[1] for line in settled.unused] == [
        "loop1 -> loop2",
        "loop2 -> loop1",
        "lost -> nowhere",
        "taken -> c",  # it was left out without a word
    ]
    assert settled.unused[-1].endswith(
        "a paper has that old slug now: its page wins (remove the line)"
    )


def test_a_users_comments_and_order_are_kept_when_moves_are_recorded(tmp_path: Path) -> None:
    """The file was written afresh on every recorded move: the user's notes went."""
    path = tmp_path / REDIRECTS_NAME
    path.write_text(
        "# DO NOT REMOVE: old links from the 2024 newsletter (ticket #4411)\n"
        "papers:\n"
        "  zeta-old: zeta  # from the newsletter\n"
        "  alpha-old: alpha\n"
        "  gone-old: gone\n"
        "# topics come later\n",
        encoding="utf-8",
    )
    moves = {
        "papers": {"zeta-old": "zeta-2", "alpha-old": "alpha", "beta-old": "beta"},
        "topics": {"implicit-bias": "regularization"},
    }
    save_moves(path, moves)
    assert path.read_text(encoding="utf-8") == (
        "# DO NOT REMOVE: old links from the 2024 newsletter (ticket #4411)\n"
        "papers:\n"
        "  zeta-old: zeta-2  # from the newsletter\n"
        "  alpha-old: alpha\n"
        "  beta-old: beta\n"
        "# topics come later\n"
        "topics:\n"
        "  implicit-bias: regularization\n"
    )
    assert load_moves(path) == moves
    path.write_text("papers: {a-old: a}  # flow style: rewritten\ntopics: ~\n", encoding="utf-8")
    save_moves(path, {"papers": {"a-old": "a", "b-old": "b"}, "topics": {}})
    assert load_moves(path) == {"papers": {"a-old": "a", "b-old": "b"}, "topics": {}}
    path.write_text("papers:\ntopics: ~  # none yet\n", encoding="utf-8")
    save_moves(path, {"papers": {}, "topics": {"t-old": "t"}})
    assert path.read_text(encoding="utf-8") == "papers:\ntopics:  # none yet\n  t-old: t\n"
    path.write_bytes(b"# mine\r\npapers:\r\n  a-old: a\r\n")  # its line endings stay
    save_moves(path, {"papers": {"a-old": "a", "b-old": "b"}})
    assert path.read_bytes() == b"# mine\r\npapers:\r\n  a-old: a\r\n  b-old: b\r\n"


@pytest.mark.parametrize(
    "text",
    [
        "papers: ''\n",  # a quoted empty value: no line can go under it
        "---\npapers:\n  a-old: a\n...\n",  # a line after `...` is no YAML
        "papers:\n  a-old: a\ntopics:\npapers:\n  c-old: c\n",  # a kind twice
        "papers:\r  a-old: a\r...\r",  # the marker after a lone CR ending
    ],
)
def test_a_file_laid_out_otherwise_is_written_afresh_and_reads_back(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / REDIRECTS_NAME
    path.write_text(text, encoding="utf-8")
    moves = {"papers": {**load_moves(path)["papers"], "b-old": "b"}, "topics": {"t-old": "t"}}
    save_moves(path, moves)
    assert load_moves(path) == moves


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A document start: it was written afresh, and every comment lost.
        ("---\n# mine\npapers:\n  a-old: a  # why\n", ["# mine", "a-old: a  # why"]),
        ("--- # mine\npapers:\n  a-old: a\n", ["--- # mine"]),
        ("\ufeffpapers: ~  # none yet\n", ["papers:  # none yet"]),  # a byte-order mark
        # These were written so that the next run could not read them, or read them wrong.
        ("# mine\npapers:\n  ~\n", ["# mine"]),
        ("  papers:\n    a-old: a  # why\n", ["a-old: a  # why"]),  # all indented
        ("  papers:\n  topics:\n    t-old: t\n", []),
        ("{papers: ~, topics: ~}\n", []),  # the moves went under topics:
        ("{\n  papers: ~,\n  topics: ~\n}\n", []),
    ],
)
def test_a_recorded_move_keeps_the_comments_and_reads_back_whatever_the_layout(
    tmp_path: Path, text: str, kept: list[str]
) -> None:
    path = tmp_path / REDIRECTS_NAME
    path.write_text(text, encoding="utf-8")
    before = load_moves(path)
    moves = {"papers": {**before["papers"], "b-old": "b"}, "topics": {**before["topics"]}}
    moves["topics"]["u-old"] = "u"
    save_moves(path, moves)
    assert load_moves(path) == moves
    written = path.read_text(encoding="utf-8")
    assert all(line in written for line in kept), written


def test_the_file_round_trips_and_names_the_line_of_a_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / REDIRECTS_NAME
    assert load_moves(path) == {"papers": {}, "topics": {}}
    save_moves(path, {"papers": {"b-old": "b-new", "a-old": "a-new"}})
    assert load_moves(path) == {"papers": {"a-old": "a-new", "b-old": "b-new"}, "topics": {}}
    assert path.read_text(encoding="utf-8").endswith("papers:\n  a-old: a-new\n  b-old: b-new\n")
    save_moves(path, {"papers": {}, "topics": {"implicit-bias": "regularization"}})
    assert path.read_text(encoding="utf-8").endswith(
        "papers:\ntopics:\n  implicit-bias: regularization\n"
    )
    assert load_moves(path)["topics"] == {"implicit-bias": "regularization"}
    for text, line, message in (
        ("papers:\n  ok: fine\n  ../x: y\n", 3, "'../x' is not a slug"),
        ("papers:\n  a: b\n  a: c\n", 3, "'a' is listed twice"),
        ("tags:\n  a: b\n", 1, "unknown key 'tags'"),
        ("topics:\n  a: B C\n", 2, "'B C' is not a slug"),
        ("topics: [a]\n", 1, "topics: expected old-slug: new-slug lines"),
        ("papers: [a, b]\n", 1, "expected old-slug: new-slug lines"),
        ("papers:\n  a: [b]\n", 2, "'a list' is not a slug"),
        ("papers: {a: b\n", "2:1", "not valid YAML"),
        ("papers:\n  ok: fine\n  x: " + "a" * 300 + "\n", 3, "is longer than 255 characters"),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RedirectsError, match=f"^{path}:{line}: .*{message}"):
            load_moves(path)


def test_a_slug_that_comes_back_loses_the_line_that_sent_it_elsewhere(tmp_path: Path) -> None:
    """A move found into a slug means its page is live: the line sending that slug on
    is stale and dropped, not kept as a cycle with a note on every run (review 8)."""
    path = tmp_path / REDIRECTS_NAME
    path.write_text(
        "papers:\n  mine: kept\ntopics:\n  brain-tumor: tumor-segmentation\n"
        "  older: brain-tumor\n  u-net: aaaa\n",
        encoding="utf-8",
    )
    moves = load_moves(path)
    added = {"tumor-segmentation": "brain-tumor", "aaaa": "u-net"}
    moves["topics"] = without_stale({**moves["topics"], **added}, added)
    save_moves(path, moves)
    assert load_moves(path) == {
        "papers": {"mine": "kept"},
        "topics": {"aaaa": "u-net", "older": "brain-tumor", "tumor-segmentation": "brain-tumor"},
    }
    assert settle(load_moves(path)["topics"], {"brain-tumor", "u-net"}, "topic").unused == ()


def test_a_redirect_page_escapes_the_title_and_keeps_the_fragment() -> None:
    pages = redirect_pages({"old": "new"}, {"new": "<b>Bold</b> & Co"}, "https://lab.org/site")
    (path, html) = next(iter(pages.items()))
    assert path == "papers/old/index.html"
    assert '<meta http-equiv="refresh" content="0; url=../new/">' in html
    assert '<link rel="canonical" href="https://lab.org/site/papers/new/">' in html
    assert 'location.replace("../new/" + location.hash)' in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html and "<b>" not in html


def test_an_edited_title_leaves_its_old_url_leading_to_the_new_page(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    config = load_config(root)
    Pipeline(config).generate()
    docs = config.docs
    papers = json.loads((docs / SEARCH_DOCUMENTS).read_text(encoding="utf-8"))["papers"]
    corpus_files = sorted((root / "site_src" / "corpus").iterdir())
    texts = {path: path.read_text(encoding="utf-8") for path in corpus_files}
    paper, path = next(
        (p, path)
        for p in papers
        if p["abstract"] and p["title"] not in p["abstract"]
        for path, text in texts.items()
        if sum(other.count(p["title"]) for other in texts.values()) == 1
        and text.count(p["title"]) == 1
    )
    path.write_text(texts[path].replace(paper["title"], "Revisiting " + paper["title"]), "utf-8")

    generated = Pipeline(config).generate()
    assert generated.redirects is not None and generated.redirects.added == 1
    assert notes(generated.redirects)[0].startswith("1 paper's page moved (edited title)")
    (new_slug,) = load_moves(root / REDIRECTS_NAME)["papers"].values()
    assert load_moves(root / REDIRECTS_NAME)["papers"] == {paper["slug"]: new_slug}
    assert new_slug != paper["slug"] and (docs / "papers" / f"{new_slug}.md").is_file()
    stub = (docs / "papers" / paper["slug"] / "index.html").read_text(encoding="utf-8")
    assert f'url=../{new_slug}/"' in stub
    assert not (docs / "papers" / f"{paper['slug']}.md").exists()
    # the file it wrote is an input, and the state says so: the next run has nothing to do
    assert not Pipeline(config).generate().fresh

    # a clean clone (no docs/) with the committed file writes the same redirect
    clone = fixture_project(tmp_path / "clone")
    for copied in corpus_files:
        (clone / "site_src" / "corpus" / copied.name).write_bytes(copied.read_bytes())
    (clone / REDIRECTS_NAME).write_bytes((root / REDIRECTS_NAME).read_bytes())
    Pipeline(load_config(clone)).generate()
    assert (clone / "docs" / "papers" / paper["slug"] / "index.html").read_text("utf-8") == stub


def test_a_bad_redirects_file_stops_the_run_with_its_line(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    (root / REDIRECTS_NAME).write_text("papers:\n  ok: fine\n  Bad Slug: x\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"redirects.yml:3: 'Bad Slug' is not a slug"):
        Pipeline(load_config(root)).generate()


def _topic(slug: str, papers: tuple[str, ...]) -> Topic:
    return Topic(slug, slug.replace("-", " ").capitalize(), (), papers)


def test_a_topic_whose_slug_is_gone_moved_to_the_topic_holding_most_of_its_papers() -> None:
    previous = {
        "implicit-regularization": ("a", "b", "c", "d"),  # renamed: 3 of 4 went on
        "volume-rendering": ("e", "f", "g", "h"),  # split in two halves: the first slug
        "pose": ("i", "j", "k"),  # only 1 of 3 in any topic: no move
        "pruning": ("l",),  # still there
        "other": ("m",),  # "Other" never moves
    }
    now = [
        _topic("regularization", ("a", "b", "c", "x")),
        _topic("view-synthesis", ("e", "f")),
        _topic("disentanglement", ("g", "h", "i")),
        _topic("pruning", ("l",)),
        _topic("other", ("d", "j", "k", "m")),
    ]
    assert found_topic_moves(previous, now) == {
        "implicit-regularization": "regularization",
        "volume-rendering": "disentanglement",
    }


def test_a_topic_redirect_page_names_the_topic() -> None:
    pages = redirect_pages({"old-topic": "new-topic"}, {"new-topic": "New topic"}, kind="topic")
    assert list(pages) == ["topics/old-topic/index.html"]
    html = pages["topics/old-topic/index.html"]
    assert "This topic's page has moved to" in html and 'url=../new-topic/"' in html


def _generated_with_a_topic_feed(tmp_path: Path) -> tuple[Path, Config, Path, Topic]:
    """The fixture project generated once: its root, settings, topic feeds' folder and
    a topic that has a feed."""
    root = fixture_project(tmp_path)
    config = load_config(root)
    first = Pipeline(config, analyzer=_fixture_analysis).generate()
    assert first.analysis is not None
    feeds = config.docs / "feeds" / "topics"
    topic = next(t for t in first.analysis.topics if (feeds / f"{t.slug}.xml").is_file())
    return root, config, feeds, topic


def test_a_renamed_topic_leaves_its_old_url_leading_to_the_new_page(tmp_path: Path) -> None:
    """A topic the analysis now calls by another slug, with the same papers: the next
    run records the move, writes a page at the old URL and says so once."""
    root, config, feeds, old = _generated_with_a_topic_feed(tmp_path)
    assert (config.docs / TOPICS_RECORD).is_file()

    def renamed(corpus: Corpus, settings: Config) -> Analysis:
        analysis = make_analysis(corpus)
        topics = tuple(
            replace(t, slug="renamed-topic", label="Renamed topic") if t.slug == old.slug else t
            for t in analysis.topics
        )
        paper_topics = {
            paper: tuple("renamed-topic" if s == old.slug else s for s in slugs)
            for paper, slugs in analysis.paper_topics.items()
        }
        return replace(analysis, topics=topics, paper_topics=paper_topics)

    second = Pipeline(config, analyzer=renamed).generate()
    assert second.redirects is not None and second.redirects.added_topics == 1
    assert load_moves(root / REDIRECTS_NAME)["topics"] == {old.slug: "renamed-topic"}
    stub = (config.docs / "topics" / old.slug / "index.html").read_text(encoding="utf-8")
    assert 'url=../renamed-topic/"' in stub and "Renamed topic" in stub
    # a subscriber to the old feed reads on (feed readers follow no redirect page)
    assert (feeds / f"{old.slug}.xml").read_bytes() == (feeds / "renamed-topic.xml").read_bytes()
    assert notes(second.redirects)[0].startswith("1 topic's page moved (the topics changed")
    again = Pipeline(config, analyzer=renamed).generate()
    assert again.redirects is not None and again.redirects.added_topics == 0
    assert (config.docs / "topics" / old.slug / "index.html").read_text("utf-8") == stub

    # the old slug comes back: its page wins, and the line sending it on goes
    back = Pipeline(config, analyzer=_fixture_analysis).generate()
    assert back.redirects is not None and back.redirects.added_topics == 1
    assert load_moves(root / REDIRECTS_NAME)["topics"] == {"renamed-topic": old.slug}
    assert notes(back.redirects) == [notes(second.redirects)[0]]
    steady = Pipeline(config, analyzer=_fixture_analysis).generate()
    assert steady.redirects is not None and notes(steady.redirects) == []


def _fixture_analysis(corpus: Corpus, config: Config) -> Analysis:
    return make_analysis(corpus)


def test_the_last_runs_records_give_only_slugs(tmp_path: Path) -> None:
    """docs/ is anyone's to edit: a record naming "../x" never becomes a path."""
    (tmp_path / TOPICS_RECORD).write_text(
        json.dumps({"format": 1, "topics": {"../../x": ["a"], "ok": ["a", "b"], "n": 3}}),
        encoding="utf-8",
    )
    assert previous_topics(tmp_path) == {"ok": ("a", "b")}
    papers = [
        {"slug": "../../x", "title": "T", "abstract": "A", "year": None},
        {"slug": "fine", "title": "T", "abstract": "A", "year": None},
    ]
    (tmp_path / SEARCH_DOCUMENTS).write_text(
        json.dumps({"format": 1, "papers": papers}), encoding="utf-8"
    )
    assert previous_papers(tmp_path) == [("fine", "T", "A")]
    (tmp_path / TOPICS_RECORD).write_text("[1, 2]", encoding="utf-8")
    assert previous_topics(tmp_path) == {}


def test_a_moved_topic_feed_never_replaces_a_file_of_the_site(tmp_path: Path) -> None:
    """redirects.yml edited by hand to move "sitemap" to a topic with a feed: the old
    address would be feeds/topics/sitemap.xml, the empty sitemap Material reads."""
    root, config, feeds, topic = _generated_with_a_topic_feed(tmp_path)
    sitemap = (feeds / "sitemap.xml").read_bytes()
    (root / REDIRECTS_NAME).write_text(f"topics:\n  sitemap: {topic.slug}\n", encoding="utf-8")
    Pipeline(config, analyzer=_fixture_analysis).generate()
    assert (feeds / "sitemap.xml").read_bytes() == sitemap
    assert b"<urlset" in sitemap
