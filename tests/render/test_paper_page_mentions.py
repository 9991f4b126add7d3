"""A paper page's "Mentioned by": the closest few, then a link to the whole list's row on
the methods page (a method hundreds of papers name made pages of hundreds of links)."""

from __future__ import annotations

import posixpath

from numbered_papers import numbered_papers
from sitehtml import ids, parse

from generator.links import doc_url, paper_doc
from generator.model import Analysis, Corpus, Method
from generator.render import render_site
from generator.render.method_places import METHODS_SINGLE_LIMIT
from generator.render.paper_page import MENTIONED_BY_SHOWN


def _corpus(count: int) -> Corpus:
    return Corpus(papers=numbered_papers(count))


def _target(pages: dict[str, str], from_doc: str, href: str) -> tuple[str, str]:
    """The docs page a raw-HTML link of `from_doc` leads to, and its fragment."""
    path, _, fragment = href.partition("#")
    url = posixpath.normpath(posixpath.join(doc_url(from_doc), path)) + "/"
    (doc,) = [d for d in pages if doc_url(d) == url]
    return doc, fragment


def _mentioned(papers: int, mentioners: int, extra_methods: int = 0) -> tuple[Corpus, Analysis]:
    corpus = _corpus(papers)
    slugs = [p.slug for p in corpus.papers]
    by = tuple(reversed(slugs[1 : 1 + mentioners]))  # analysis order: not the slug order
    methods = (
        Method("KiteNet", slugs[0], by),
        *(Method(f"Net{i}", slugs[i], ()) for i in range(1, 1 + extra_methods)),
    )
    return corpus, Analysis(mentioned_by={slugs[0]: by}, methods=methods)


def test_a_long_list_shows_the_closest_and_links_the_whole_list() -> None:
    total = MENTIONED_BY_SHOWN + 5
    corpus, analysis = _mentioned(total + 1, total)
    pages = render_site(corpus, analysis, "Papers")
    doc = paper_doc(corpus.papers[0].slug)
    section = parse(pages[doc].split("## Mentioned by")[1])
    shown = [a.attrs["href"] for a in section.find("ul", "ps-links").find_all("a")]
    wanted = analysis.mentioned_by[corpus.papers[0].slug][:MENTIONED_BY_SHOWN]
    assert shown == [f"../{slug}/" for slug in wanted]  # the analysis's order, cut
    note = section.find("p", "ps-note")
    assert note.text().startswith(f"The {MENTIONED_BY_SHOWN} closest of the {total} papers")
    (link,) = note.find_all("a")
    assert link.text() == "KiteNet"
    target, fragment = _target(pages, doc, link.attrs["href"])
    (row,) = [r for r in parse(pages[target]).find_all("tr") if r.attrs.get("id") == fragment]
    assert len(row.find_all("td")[2].find_all("a")) == total


def test_a_split_methods_page_is_linked_at_the_methods_letter() -> None:
    corpus, analysis = _mentioned(METHODS_SINGLE_LIMIT + 20, MENTIONED_BY_SHOWN + 1, 510)
    pages = render_site(corpus, analysis, "Papers")
    doc = paper_doc(corpus.papers[0].slug)
    note = parse(pages[doc].split("## Mentioned by")[1]).find("p", "ps-note")
    target, fragment = _target(pages, doc, note.find("a").attrs["href"])
    assert target == "methods/k.md"
    assert fragment in ids(parse(pages[target]))


def test_a_short_list_is_shown_whole_without_a_link() -> None:
    corpus, analysis = _mentioned(MENTIONED_BY_SHOWN + 1, MENTIONED_BY_SHOWN)
    page = render_site(corpus, analysis, "Papers")[paper_doc(corpus.papers[0].slug)]
    section = parse(page.split("## Mentioned by")[1])
    assert len(section.find("ul", "ps-links").find_all("a")) == MENTIONED_BY_SHOWN
    note = section.find("p", "ps-note")
    assert note.text() == "Papers whose abstracts name KiteNet." and not note.find_all("a")


def test_namesakes_rows_have_ids_of_their_own() -> None:
    corpus = _corpus(4)
    slugs = [p.slug for p in corpus.papers]
    methods = (Method("Net", slugs[0], (slugs[2],)), Method("Net", slugs[1], (slugs[3],)))
    page = render_site(corpus, Analysis(methods=methods), "Papers")["methods.md"]
    ids = [row.attrs["id"] for row in parse(page).find_all("tr") if "id" in row.attrs]
    assert ids == ["method-net", "method-net-2"]
