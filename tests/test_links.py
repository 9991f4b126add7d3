"""Unit tests of slugs, page paths and links between pages, and of what render_site
refuses: two pages at one path."""

from __future__ import annotations

import dataclasses
import html
import posixpath
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_pages import by_fast_path, by_markdown
from mkdocs.utils.meta import get_data
from sitebuild import FIXTURE_SITE_NAME, make_analysis

from generator.links import (
    MAX_SLUG_LENGTH,
    RESERVED_SLUGS,
    area_anchors,
    base_slug,
    browse_page_doc,
    doc_url,
    is_web_address,
    lookup_links,
    markdown_link,
    paper_doc,
    relative_path,
    topic_doc,
    unique_slugs,
)
from generator.model import Analysis, Corpus, PaperDate, Topic
from generator.render import DuplicatePathError, browse_pages, render_site
from generator.render.context import enough_papers_have

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("from_doc", "to_doc", "expected"),
    [
        ("index.md", "papers/a.md", "papers/a.md"),
        ("papers/a.md", "papers/b.md", "b.md"),
        ("papers/a.md", "topics/t.md", "../topics/t.md"),
        ("topics/index.md", "topics/t.md", "t.md"),
        ("browse/index.md", "browse/2021.md", "2021.md"),
        ("browse/2021.md", "index.md", "../index.md"),
        ("health.md", "methods.md", "methods.md"),
        ("a/b/c.md", "d.md", "../../d.md"),
    ],
)
def test_markdown_link(from_doc: str, to_doc: str, expected: str) -> None:
    assert markdown_link(from_doc, to_doc) == expected


_SEGMENTS = st.lists(st.sampled_from(["a", "b", "papers", "x-1", "index.md"]), max_size=4)


@given(path=_SEGMENTS, start=_SEGMENTS)
def test_relative_path_is_posixpaths_relpath(path: list[str], start: list[str]) -> None:
    to, origin = "/".join(path) or ".", "/".join(start) or "."
    assert relative_path(to, origin) == posixpath.relpath(to, origin)


def test_page_paths() -> None:
    assert paper_doc("x") == "papers/x.md"
    assert topic_doc("x") == "topics/x.md"
    assert browse_page_doc("newest", 1) == "browse/index.md"
    assert browse_page_doc("title", 3) == "browse/title-3.md"


def test_lookup_links_search_the_title_encoded() -> None:
    links = dict(lookup_links('A & B <x> "q" #1'))
    assert list(links) == ["arXiv", "Semantic Scholar", "Hugging Face"]
    for url in links.values():
        assert url.startswith("https://")
        assert not set(url) & set(" <>\"#'()`[]\\")  # nothing Markdown or HTML acts on
        assert "A+%26+B+%3Cx%3E+%22q%22+%231" in url
    shortened = dict(lookup_links("A solution that leverages … individual objects …"))
    for url in shortened.values():  # a title drawn from the abstract: searched without "…"
        assert "%E2%80%A6" not in url and "leverages+individual+objects" in url
    # given the abstract of a generated title, arXiv searches abstracts for its opening
    # words: the title is a phrase of the paper's, matching many papers' text
    opening = "We study (sparse) codes <in> V1 … of the cortex, with ten more words: a b c d"
    looked = dict(lookup_links("Sparse codes in V1", opening))
    words = "We+study+sparse+codes+in+V1+of+the+cortex+with+ten+more"  # words only
    assert looked["arXiv"] == f"https://arxiv.org/search/?query={words}&searchtype=abstract"
    assert not set(looked["arXiv"]) & set(" <>\"#'()`[]\\")
    assert looked["Semantic Scholar"].endswith("?q=Sparse+codes+in+V1")
    assert looked["Hugging Face"] == dict(lookup_links("Sparse codes in V1"))["Hugging Face"]


# --- slugs ---------------------------------------------------------------------------------


def test_slugs_are_readable_ascii() -> None:
    slugs = unique_slugs(
        [
            ("1", "Naïve Fréchet α-Networks"),
            ("2", "UNet++: Redesigning Skip Connections"),
            ("3", "<script>alert(1)</script>"),
            ("4", "???"),
        ]
    )
    assert slugs == {
        "1": "naive-frechet-a-networks",
        "2": "unetpp-redesigning-skip-connections",
        "3": "script-alert-1-script",
        "4": "4",
    }


def test_slugs_are_stable_whatever_the_order() -> None:
    items = [(f"id{n:04d}", title) for n, title in enumerate(["A b", "A  b", "a-b", "C", "A b"])]
    assert unique_slugs(items) == unique_slugs(list(reversed(items)))
    assert unique_slugs(items[:4])["id0003"] == unique_slugs(items)["id0003"] == "c"


def test_colliding_slugs_are_all_suffixed() -> None:
    slugs = unique_slugs([("aaaaaaaa1111", "Deep Nets"), ("bbbbbbbb2222", "Deep nets!")])
    assert slugs == {"aaaaaaaa1111": "deep-nets-aaaaaaaa", "bbbbbbbb2222": "deep-nets-bbbbbbbb"}


def test_reserved_slugs_are_never_given() -> None:
    assert {"index"} == RESERVED_SLUGS
    slugs = unique_slugs([("aaaaaaaa1111", "Index"), ("bbbbbbbb2222", "INDEX"), ("c", "Index!")])
    assert "index" not in slugs.values()
    assert len(set(slugs.values())) == 3
    assert unique_slugs([("aaaaaaaa1111", "index")]) == {"aaaaaaaa1111": "index-aaaaaaaa"}


def test_slugs_stay_within_the_length_limit_even_when_suffixed() -> None:
    long_title = "A very long title about " + "deep " * 40 + "networks"
    assert len(base_slug(long_title, "x")) <= MAX_SLUG_LENGTH
    slugs = unique_slugs([("aaaaaaaa1111", long_title), ("bbbbbbbb2222", long_title + "!")])
    assert len(set(slugs.values())) == 2
    for item_id, slug in slugs.items():
        assert len(slug) <= MAX_SLUG_LENGTH
        assert SLUG_RE.match(slug)
        assert slug.endswith(item_id[:8])


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate ids"):
        unique_slugs([("a", "Title"), ("a", "Title")])


titles = st.lists(
    st.tuples(
        st.sampled_from(["Index", "Deep nets", "deep-nets", "", "A" * 90, "B " * 60]),
        st.text(max_size=12),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(titles)
def test_slugs_are_unique_short_and_order_independent(pairs: list[tuple[str, str]]) -> None:
    items = [(f"{n:03d}{'f' * 9}", prefix + extra) for n, (prefix, extra) in enumerate(pairs)]
    slugs = unique_slugs(items)
    assert len(set(slugs.values())) == len(items)
    assert all(len(s) <= MAX_SLUG_LENGTH and SLUG_RE.match(s) for s in slugs.values())
    assert not set(slugs.values()) & RESERVED_SLUGS
    assert unique_slugs(list(reversed(items))) == slugs


# --- render_site refuses to write two pages to one path --------------------------------------


def test_two_papers_with_one_slug_are_an_error(fixture_corpus: Corpus) -> None:
    first = fixture_corpus.papers[0]
    twin = dataclasses.replace(fixture_corpus.papers[1], slug=first.slug)
    corpus = dataclasses.replace(fixture_corpus, papers=(*fixture_corpus.papers, twin))
    with pytest.raises(DuplicatePathError, match=re.escape(f"docs/papers/{first.slug}.md")):
        render_site(corpus, Analysis(), FIXTURE_SITE_NAME)


def test_a_topic_over_the_topics_index_is_an_error(fixture_corpus: Corpus) -> None:
    analysis = Analysis(topics=(Topic("index", "Index", (), ()),))
    with pytest.raises(DuplicatePathError, match=re.escape("docs/topics/index.md")):
        render_site(fixture_corpus, analysis, FIXTURE_SITE_NAME)


def test_two_topics_with_one_slug_are_an_error(fixture_corpus: Corpus) -> None:
    topic = Topic("same", "Same", (), ())
    analysis = Analysis(topics=(topic, dataclasses.replace(topic, label="Other")))
    with pytest.raises(DuplicatePathError, match=re.escape("docs/topics/same.md")):
        render_site(fixture_corpus, analysis, FIXTURE_SITE_NAME)


def test_paths_differing_only_in_case_are_an_error(fixture_corpus: Corpus) -> None:
    """On case-insensitive file systems (macOS, Windows) they are one file."""
    analysis = Analysis(topics=(Topic("NeRF", "NeRF", (), ()), Topic("nerf", "nerf", (), ())))
    with pytest.raises(DuplicatePathError, match=re.escape("docs/topics/NeRF.md and docs/")):
        render_site(fixture_corpus, analysis, FIXTURE_SITE_NAME)


# --- the all-papers index is split by year above SINGLE_INDEX_LIMIT --------------------------


def _linked_docs(pages: dict[str, str], from_doc: str) -> list[str]:
    """Docs paths of the pages `from_doc` links to, in order: Markdown links (`[t](x.md)`)
    and raw HTML links to built pages (`href="../x/"`: the doc `x.md` or `x/index.md`)."""
    base = posixpath.dirname(from_doc)
    docs = []
    for markdown_target, html_target in re.findall(
        r'\]\(([^)\s]+\.md)\)|href="([^":#]*/)"', pages[from_doc]
    ):
        if markdown_target:
            docs.append(posixpath.normpath(posixpath.join(base, markdown_target)))
            continue
        url = posixpath.normpath(posixpath.join(doc_url(from_doc), html_target))
        page = "index.md" if url == "." else f"{url}.md"
        docs.append(page if page in pages else f"{url}/index.md")
    return docs


def test_all_papers_is_paged_in_every_order(
    fixture_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of PAGE_SIZE papers; each order lists every paper once; the pager and the
    order switch link the pages; every page is built without Python-Markdown."""
    monkeypatch.setattr(browse_pages, "PAGE_SIZE", 3)
    pages = render_site(fixture_corpus, make_analysis(fixture_corpus), FIXTURE_SITE_NAME)
    count = -(-len(fixture_corpus.papers) // 3)
    assert count >= 2
    everyone = sorted(paper_doc(p.slug) for p in fixture_corpus.papers)
    first = _first_order(fixture_corpus)

    def page_doc(order: str, number: int) -> str:
        return browse_page_doc(order, number, first)

    for order in ("newest", "title"):
        docs = [page_doc(order, n) for n in range(1, count + 1)]
        assert all(doc in pages for doc in docs) and page_doc(order, count + 1) not in pages
        listed = []
        for number, doc in enumerate(docs, 1):
            linked = _linked_docs(pages, doc)
            papers = [d for d in linked if d.startswith("papers/")]
            assert 1 <= len(papers) <= 3
            listed += papers
            neighbours = {page_doc(order, n) for n in (number - 1, number + 1) if 1 <= n <= count}
            assert neighbours <= set(linked)  # previous and next
            assert page_doc("title" if order == "newest" else "newest", 1) in linked
            markdown = get_data(pages[doc])[0]
            assert by_fast_path(markdown) == by_markdown(markdown, doc) is not None
        assert sorted(listed) == everyone and len(listed) == len(everyone)
    titles = [
        pages_title
        for n in range(1, count + 1)
        for pages_title in re.findall(
            r'<li><a href="[^"]+">([^<]+)</a>', pages[page_doc("title", n)]
        )
    ]
    assert titles == sorted(titles, key=lambda t: html.unescape(t).casefold())


def _first_order(corpus: Corpus) -> str:
    dated = sum(1 for p in corpus.papers if p.published)
    return "newest" if 2 * dated >= len(corpus.papers) else "title"


@pytest.mark.parametrize("dated_share", [0.2, 0.5, 1.0])
def test_all_papers_opens_newest_first_only_when_most_papers_have_a_date(
    fixture_corpus: Corpus, dated_share: float
) -> None:
    papers = list(fixture_corpus.papers)
    keep = round(dated_share * len(papers))
    day = PaperDate(2021, 3, 8)
    papers = [
        dataclasses.replace(p, published=day if i < keep else None) for i, p in enumerate(papers)
    ]
    corpus = dataclasses.replace(fixture_corpus, papers=tuple(papers))
    pages = render_site(corpus, make_analysis(corpus), FIXTURE_SITE_NAME)
    opens = "newest" if 2 * keep >= len(papers) else "title"
    other = "title" if opens == "newest" else "newest"
    assert (
        f"<strong>{'Newest first' if opens == 'newest' else 'Title A–Z'}</strong>"
        in (pages["browse/index.md"])
    )
    assert f"browse/{other}.md" in pages and f"browse/{opens}.md" not in pages
    newest = pages["browse/index.md" if opens == "newest" else "browse/newest.md"]
    assert ("without one follow, A–Z" in newest) == (keep < len(papers))


def test_the_most_upvoted_order_only_when_enough_papers_have_upvotes(
    fixture_corpus: Corpus,
) -> None:
    pages = render_site(fixture_corpus, make_analysis(fixture_corpus), FIXTURE_SITE_NAME)
    upvoted = sum(1 for p in fixture_corpus.papers if p.upvotes)
    has_order = browse_page_doc("upvotes", 1) in pages
    assert has_order == enough_papers_have(upvoted, len(fixture_corpus.papers))
    assert ("Most upvoted" in pages["browse/index.md"]) == has_order


def test_area_anchors_are_unique_slugs() -> None:
    """Areas whose slugs collide ("Vision & Language", "Vision-Language"), one of emoji
    only, and a user's area named as the heading of topics without one each get an id
    of their own."""
    anchors = area_anchors(["Vision & Language", "Vision-Language", "🙂", "More topics", "🙂"])
    assert anchors == {
        "Vision & Language": "area-vision-language",
        "Vision-Language": "area-vision-language-2",
        "🙂": "area-topics",
        "More topics": "area-more-topics",
    }
    assert len(set(area_anchors(["A b", "a-b", "A  B", "a_b"]).values())) == 4


def test_a_url_that_cannot_be_read_is_no_web_address() -> None:
    assert not is_web_address("http://[oops")  # urlsplit raised ValueError
    assert not is_web_address("javascript:alert(1)") and not is_web_address("files/x.pdf")
    assert not is_web_address("https://example.org/a b")
    assert is_web_address(" HTTPS://example.org/x ")
    assert not is_web_address("https://arxiv.org@evil.example/")
    assert not is_web_address("https://user:pass@evil.example/x")
    assert is_web_address("https://example.org/people/@ada")  # an @ after the host is fine
