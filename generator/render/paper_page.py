"""The page of one paper."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from generator.analyze.code_urls import is_code_url
from generator.links import built_link, lookup_links, paper_doc, topic_url
from generator.model import Analysis, Corpus, Paper, Topic
from generator.render.context import SiteContext, external_href
from generator.render.graph import GraphNode, local_graph
from generator.render.math import split_math
from generator.render.text import first_sentence, front_matter, html_escape


def render_paper(env: jinja2.Environment, site: SiteContext, paper: Paper) -> str:
    """Render the Markdown page of `paper`."""
    doc = paper_doc(paper.slug)
    analysis = site.analysis
    topics = site.paper_topics(paper.slug)
    code_urls = _paper_urls(paper, analysis)
    has_code = any(href and is_code_url(url) for url, href in _code_links(code_urls))
    meta: dict[str, Any] = {
        "title": str(html_escape(paper.title)),
        "description": str(html_escape(first_sentence(paper.abstract))),
        # Material shows tags as HTML (search results use innerHTML): escape them too.
        "tags": [str(html_escape(t.label)) for t in topics],
        "topic_urls": {str(html_escape(t.label)): topic_url(t.slug) for t in topics},
        "citation_title": str(html_escape(paper.title)),
    }
    if paper.published and not paper.date_inferred:
        meta["citation_publication_date"] = paper.published.iso().replace("-", "/")
    return env.get_template("paper.md.j2").render(
        front=front_matter(meta),
        paper=paper,
        facts=_facts(paper, topics),
        search_filters=_search_filters(paper, topics, has_code),
        search_sorts=_search_sorts(paper),
        abstract_html=abstract_html(paper.abstract),
        other_versions=[abstract_html(v) for v in paper.versions[1:]],
        related=[
            (site.paper_link(doc, r.slug, html=True), ", ".join(r.shared_terms), f"{r.score:.2f}")
            for r in analysis.related.get(paper.slug, ())
            if r.slug in site.papers
        ],
        graph=_graph(site, paper),
        duplicates=_links(site, doc, paper.possible_duplicates),
        mentions=_links(site, doc, analysis.mentions.get(paper.slug, ())),
        mentioned_by=_links(site, doc, analysis.mentioned_by.get(paper.slug, ())),
        code_links=_code_links(code_urls),
        lookups=lookup_links(paper.title),
    )


def abstract_html(text: str) -> Markup:
    """The abstract as a raw HTML block: escaped, so Markdown never touches a character."""
    if not text:
        return Markup(
            '<p class="ps-abstract ps-missing" data-pagefind-body>'
            "<span data-pagefind-ignore>No abstract in the listing.</span></p>"
        )
    return Markup('<p class="ps-abstract" data-pagefind-body>') + _with_math(text) + Markup("</p>")


def _with_math(text: str) -> Markup:
    """Escaped text whose math-like fragments are wrapped for KaTeX, their text unchanged."""
    parts = []
    for fragment in split_math(text):
        if fragment.tex is None:
            parts.append(html_escape(fragment.text))
        else:
            parts.append(
                Markup('<span class="ps-math" data-tex="{}">{}</span>').format(
                    fragment.tex, fragment.text
                )
            )
    return Markup("").join(parts)


def _graph(site: SiteContext, paper: Paper) -> Markup:
    """The local graph: the paper, its related papers and the related-links among them."""
    doc = paper_doc(paper.slug)
    related = [r for r in site.analysis.related.get(paper.slug, ()) if r.slug in site.papers]
    nodes = [
        GraphNode(site.papers[r.slug].title, built_link(doc, paper_doc(r.slug)), r.score)
        for r in related
    ]
    position = {r.slug: i for i, r in enumerate(related)}
    edges = {
        (min(i, j), max(i, j))
        for r in related
        for other in site.analysis.related.get(r.slug, ())
        if (j := position.get(other.slug)) is not None and (i := position[r.slug]) != j
    }
    return local_graph(paper.title, nodes, sorted(edges))


def _links(site: SiteContext, doc: str, slugs: tuple[str, ...]) -> list[Any]:
    return [site.paper_link(doc, s, html=True) for s in slugs if s in site.papers]


def papers_with_code(corpus: Corpus, analysis: Analysis) -> set[str]:
    """Slugs of the papers whose page links into a code host (GitHub, GitLab, ...)."""
    return {
        p.slug
        for p in corpus.papers
        if any(href and is_code_url(url) for url, href in _code_links(_paper_urls(p, analysis)))
    }


def _paper_urls(paper: Paper, analysis: Analysis) -> tuple[str, ...]:
    """The listing's own link (structured input) first, then code URLs from the abstract."""
    own = (paper.external_url,) if paper.external_url else ()
    found = analysis.code_urls.get(paper.slug, ())
    return own + tuple(url for url in found if url != paper.external_url)


def _code_links(urls: tuple[str, ...]) -> list[tuple[str, Markup | None]]:
    """Each code URL with a safe href (None: shown as text, not linked)."""
    return [(url, external_href(url)) for url in urls]


# Sort keys of papers without the field: Pagefind leaves out pages that lack the key.
UNDATED_SORT_KEY = "0000-00-00"
UPVOTES_DIGITS = 9


def _search_filters(paper: Paper, topics: list[Topic], has_code: bool) -> list[tuple[str, str]]:
    """The Paper finder's filters of a paper page (Pagefind filter, value). Topic pages
    have `kind: topic`; paper pages no kind, so that the filter file stays small."""
    filters = [("topic", t.label) for t in topics]
    filters += [("area", area) for area in dict.fromkeys(t.area for t in topics if t.area)]
    if paper.published:
        filters.append(("year", str(paper.published.year)))
    if has_code:
        filters.append(("code", "yes"))
    if paper.upvotes:
        filters.append(("upvotes", str(paper.upvotes)))  # shown by the finder, never offered
    return filters


def _search_sorts(paper: Paper) -> list[tuple[str, str]]:
    """The Paper finder's sort keys: date and upvotes, zero when unknown. Each ends in the
    slug, so no two papers tie: Pagefind would order ties differently from build to build."""
    date = paper.published.iso() if paper.published else UNDATED_SORT_KEY
    upvotes = str(max(paper.upvotes or 0, 0)).zfill(UPVOTES_DIGITS)
    return [("date", f"{date} {paper.slug}"), ("upvotes", f"{upvotes} {paper.slug}")]


def _facts(paper: Paper, topics: list[Topic]) -> list[tuple[str, str, str]]:
    """(label, value, note) lines shown under the title; notes mark inferred data."""
    facts = []
    if paper.published:
        note = "year inferred: the listing printed none" if paper.date_inferred else ""
        facts.append(("Published", paper.published.iso(), note))
    if paper.authors:
        facts.append(("Authors", ", ".join(paper.authors), ""))
    elif paper.authors_count:
        facts.append(("Authors", str(paper.authors_count), ""))
    if paper.upvotes is not None:
        facts.append(("Upvotes", str(paper.upvotes), ""))
    if topics:
        facts.append(("Topics", ", ".join(t.label for t in topics), ""))
    return facts
