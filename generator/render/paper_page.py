"""The page of one paper."""

from __future__ import annotations

import html
import re
from typing import Any, NamedTuple
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from generator.analyze.code_urls import is_code_url, said_code_urls
from generator.ingest.titles import without_headings
from generator.links import MAP_DOC, html_link, lookup_links, paper_doc, topic_url
from generator.model import Analysis, Corpus, MergeAction, Paper, Topic
from generator.render.citation import cite
from generator.render.context import PaperLink, SiteContext
from generator.render.glued_words import glued_parts
from generator.render.graph import GraphNode, graph_attribute, local_graph
from generator.render.plain_math import typed_math_words
from generator.render.rich_text import external_href, rich_text, unicode_scripts
from generator.render.text import (
    first_sentence,
    front_matter,
    html_escape,
    in_words,
    time_element,
    title_order,
)

# A paper page lists this many of the papers that mention its methods (the closest).
MENTIONED_BY_SHOWN = 10


def render_paper(env: jinja2.Environment, site: SiteContext, paper: Paper) -> str:
    """Render the Markdown page of `paper`."""
    doc = paper_doc(paper.slug)
    analysis = site.analysis
    topics = site.paper_topics(paper.slug)
    links = _page_links(paper, analysis)
    has_code = any(link.code for link in links)
    page_url = site.page_url(doc)
    title_html = rich_text(paper.title, links=False)
    title_typed = typed_math_words([paper.title])  # "l1" for ℓ₁: a name of the paper
    return env.get_template("paper.md.j2").render(
        front=front_matter(_meta(paper, topics, page_url)),
        paper=paper,
        title_html=title_html,
        # Search reads the title from the heading when the heading's text is the title
        # as listed (nearly always), else from a hidden copy (search.js raises "U^2-Net").
        title_is_text="<" not in title_html and html.unescape(title_html) == paper.title,
        # Results and the graph show the title's math as plain text ("Beyond ℓ₁ sparse
        # coding", not "ell_1": plain_math.py); search matches the listing's words
        # (a filter: metadata is searched, and would count the title's words twice).
        title_shown=_shown_title(paper.title),
        facts=_facts(paper),
        actions=_actions(links),
        lookups=lookup_links(paper.title, paper.abstract if paper.title_inferred else ""),
        citation=cite(paper, page_url or _listing_url(paper)),
        map_href=_map_href(site, paper),
        search_filters=_search_filters(paper, topics, has_code),
        search_sorts=_search_sorts(paper),
        # Searched as metadata ("resnet" finds a paper that writes "residual networks"),
        # shown nowhere; a result matched by one alone shows, marked, the words the
        # abstract writes for it (papersite.js excerptFor): "ResNet = residual networks",
        # a filter, which Pagefind returns with a result and never searches (metadata
        # would be: a source written "CNNs" made "cnns" find papers that write "CNN").
        # The words typed for the title's math ("l1" for ℓ₁) are names of it too.
        search_aliases=" · ".join([*analysis.search_aliases.get(paper.slug, ()), *title_typed]),
        alias_sources=[
            f"{alias} = {source}"
            for alias, source in zip(
                analysis.search_aliases.get(paper.slug, ()),
                analysis.alias_sources.get(paper.slug, ()),
                strict=False,
            )
        ],
        # Parts of words glued to another ("FPN/SpineNet"), which Pagefind holds only
        # inside the longer word (glued_words.py), and math shown in Unicode as typed
        # ("l1" for ℓ₁: plain_math.py).
        search_parts=" ".join(
            _search_parts(paper.title, title_typed, [paper.abstract, *paper.versions[1:]])
        ),
        abstract_html=abstract_html(paper.abstract),
        other_versions=[abstract_html(v) for v in paper.versions[1:]],
        related=[
            # The reason a reader can weigh (shared terms), not the raw score: the list's
            # order already says which is closest.
            (site.paper_link(doc, r.slug, html=True), ", ".join(r.shared_terms))
            for r in analysis.related.get(paper.slug, ())
            if r.slug in site.papers
        ],
        **_graph(site, paper),
        duplicates=_links(site, doc, paper.possible_duplicates),
        mentions=_links(site, doc, analysis.mentions.get(paper.slug, ())),
        method_mentions=_method_mentions(site, doc, paper),
        mentions_datasets=any(
            m.dataset and paper.slug in m.mentioned_by
            for target in analysis.mentions.get(paper.slug, ())
            for m in site.methods_of(target)
        ),
        **_mentioned_by(site, doc, paper),
        about=record_notes(site, paper),
    )


def _shown_title(title: str) -> str:
    """The title with its math in Unicode where that reads differently from the
    listing's text, else "" (most titles). A name's superscript is left as written:
    results raise it as the page does (U<sup>2</sup>-Net: papersite.titleNodes)."""
    shown = unicode_scripts(title, names=False)
    return shown if shown != title else ""


def _meta(paper: Paper, topics: list[Topic], page_url: str | None) -> dict[str, Any]:
    """Front matter: the page title and description, Material's tags, and what main.html
    turns into citation (Highwire), JSON-LD and Open Graph tags. Values Material inserts
    unescaped are HTML-escaped here; main.html escapes the `paper_*` values itself."""
    meta: dict[str, Any] = {
        # Plain-text places (the tab, link previews) read U²-Net, not U^2-Net. (Search
        # results keep the listing's text: search.js raises the script itself.)
        "title": str(html_escape(unicode_scripts(paper.title))),
        "description": str(  # a link preview reads ℓ₁ as the tab does, not "ell_1"
            html_escape(unicode_scripts(first_sentence(without_headings(paper.abstract))))
        ),
        # Material shows tags as HTML (search results use innerHTML): escape them too.
        "tags": [str(html_escape(t.label)) for t in topics],
        "topic_urls": {str(html_escape(t.label)): topic_url(t.slug) for t in topics},
        "paper_title": unicode_scripts(paper.title),
        # A paper page is a few screens with its sections in view: a table of contents
        # beside it would only take width from the abstract and the graph.
        "hide": ["toc"],
    }
    if not paper.title_inferred:
        # Citation (Highwire) tags only for the listing's own title: a title drawn from
        # the abstract is no bibliographic fact (as an inferred date is not, below).
        meta["citation_title"] = str(html_escape(paper.title))
    if paper.authors:
        meta["paper_authors"] = list(paper.authors)
    if paper.published and not paper.date_inferred:
        meta["citation_publication_date"] = paper.published.iso().replace("-", "/")
        meta["paper_date"] = paper.published.iso()
    # Topics the paper is in by resemblance alone: its tag says so (partials/tags.html),
    # and no metadata calls them its keywords.
    close = [t for t in topics if paper.slug in t.close]
    if len(close) < len(topics):
        meta["paper_keywords"] = [t.label for t in topics if t not in close]
    if close:
        meta["close_topics"] = [str(html_escape(t.label)) for t in close]
    if page_url:
        meta["paper_url"] = page_url
    return meta


def abstract_html(text: str) -> Markup:
    """The abstract as a raw HTML block: escaped, so Markdown never touches a character."""
    if not text:
        return Markup(
            '<p class="ps-abstract ps-missing" data-pagefind-body>'
            "<span data-pagefind-ignore>No abstract in the listing.</span></p>"
        )
    return Markup('<p class="ps-abstract" data-pagefind-body>') + rich_text(text) + Markup("</p>")


def _map_href(site: SiteContext, paper: Paper) -> Markup | None:
    """The map, zoomed to this paper (map.js reads `#paper=`), if the paper is on it."""
    if paper.slug not in site.analysis.positions:
        return None
    return Markup(
        html_link(paper_doc(paper.slug), MAP_DOC) + "#paper=" + quote(paper.slug, safe="")
    )


def _listing_url(paper: Paper) -> str | None:
    """The listing's own link to the paper (structured input), when it is a web address."""
    url = paper.external_url
    return url if url and external_href(url) is not None else None


def _search_parts(title: str, title_typed: list[str], texts: list[str]) -> list[str]:
    """Glued parts of the title and `texts`, then the words typed for the math of
    `texts` but those of the title, which are search aliases already."""
    parts = glued_parts([title, *texts])
    known = {part.casefold() for part in parts} | set(title_typed)
    return parts + [word for word in typed_math_words(texts) if word not in known]


def _facts(paper: Paper) -> list[str]:
    """The line under the title, in words: `6 authors · 8 Mar 2025 · 5 upvotes`."""
    facts: list[str] = []
    if paper.authors:
        facts.append(_names(paper.authors))
    elif paper.authors_count:  # a count alone had readers looking for the names
        facts.append(_count(paper.authors_count, "author") + " (names not in the listing)")
    if paper.published:
        date = time_element(paper.published)
        facts.append(date + (" (year inferred)" if paper.date_inferred else ""))
    if paper.upvotes is not None:
        facts.append(_count(paper.upvotes, "upvote"))
    return facts


def _names(names: tuple[str, ...]) -> str:
    if len(names) <= 3:
        return in_words(names)
    return f"{', '.join(names[:3])} and {len(names) - 3} more"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _actions(links: list[PageLink]) -> list[tuple[str, Markup]]:
    """Buttons for the paper's code and web pages: `Code (GitHub)`, `Web page (host)`."""
    actions = []
    for link in links:
        host = urlsplit(link.url).netloc.lower().removeprefix("www.")
        kind = "Code" if link.code else "Web page"
        actions.append((f"{kind} ({_HOST_NAMES.get(host, host)})", link.href))
    return actions[:4]


_HOST_NAMES = {
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "bitbucket.org": "Bitbucket",
    "huggingface.co": "Hugging Face",
}
_FORMAT_NAMES = {
    "search-listing": "the search listing",
    "daily-listing": "the daily listing",
    "bare-abstracts": "the list of abstracts",
    "jsonl": "the JSON Lines file",
    "csv": "the CSV file",
    "tsv": "the TSV file",
}


def record_notes(site: SiteContext, paper: Paper) -> list[str]:
    """Where the paper's record came from and what was decided about it, in words."""
    notes = []
    for source in paper.sources:
        kind = _FORMAT_NAMES.get(site.file_formats.get(source.file, ""), "the file")
        where = f", line {source.line}" if source.line else ""
        notes.append(f"Read from {kind} {source.file}{where}.")
    for entry in site.merges.get(paper.slug, ()):
        if entry.action is MergeAction.MERGED:
            notes.append(f"{len(entry.sources)} records describe this paper: merged here.")
        elif entry.action is MergeAction.VERSION:
            notes.append(
                "The listings give this title with different abstracts: all are kept "
                "(Other versions)."
            )
        elif entry.action is MergeAction.CONFLICT:
            notes.append(f"The records disagreed: {entry.detail}.")
    if paper.title_inferred:
        notes.append("The listing gave no title: the one above is drawn from the abstract.")
    if paper.date_inferred and paper.published:
        notes.append(
            f"The listing printed the date without a year: {paper.published.year} is inferred."
        )
    return notes


def _graph(site: SiteContext, paper: Paper) -> dict[str, Any]:
    """The local graph's layout as the figure's `data-graph` attribute (`graph_layout`):
    the paper, its related papers (in the order of the related-papers list, whose links
    graph.js gives the nodes) and the links among them (`graph_joined`: any, which the
    caption then explains)."""
    related = [r for r in site.analysis.related.get(paper.slug, ()) if r.slug in site.papers]
    nodes = [GraphNode(site.papers[r.slug].title, r.score) for r in related]
    position = {r.slug: i for i, r in enumerate(related)}
    edges = [  # local_graph keeps each link once, in order
        (position[r.slug], position[other.slug])
        for r in related
        for other in site.analysis.related.get(r.slug, ())
        if other.slug in position
    ]
    return {
        "graph_layout": graph_attribute(local_graph(paper.title, nodes, edges)),
        "graph_joined": bool(edges),
    }


def _links(site: SiteContext, doc: str, slugs: tuple[str, ...]) -> list[Any]:
    return [site.paper_link(doc, s, html=True) for s in slugs if s in site.papers]


def _method_mentions(site: SiteContext, doc: str, paper: Paper) -> list[tuple[PaperLink, Markup]]:
    """Each paper whose method this one mentions, with the names it mentions that its
    title does not already say ("Densely Connected Convolutional Networks" + DenseNet;
    "MobileNets: Efficient ..." alone)."""
    out = []
    for target in site.analysis.mentions.get(paper.slug, ()):
        if target not in site.papers:
            continue
        title = site.papers[target].title
        names = [
            m.name
            for m in site.methods_of(target)
            if paper.slug in m.mentioned_by
            and not re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", title)
        ]
        out.append((site.paper_link(doc, target, html=True), _method_names(names, ", ")))
    return out


def _mentioned_by(site: SiteContext, doc: str, paper: Paper) -> dict[str, Any]:
    """The papers that mention this one's methods, the closest first (analysis order),
    at most MENTIONED_BY_SHOWN of them: a method many name ("ViT") is named by hundreds,
    a list no one reads and most of the page's bytes. Then the methods-page rows that
    list them all."""
    links = _links(site, doc, site.analysis.mentioned_by.get(paper.slug, ()))
    methods = [m for m in site.methods_of(paper.slug) if m.mentioned_by]
    full_lists = [
        (rich_text(m.name, links=False), f"{html_link(doc, place.doc)}#{place.anchor}")
        for m in (methods if len(links) > MENTIONED_BY_SHOWN else [])
        if (place := site.method_places.get(m))
    ]
    return {
        "mentioned_by": links[:MENTIONED_BY_SHOWN],
        "mentioned_total": len(links),
        "mentioned_names": _method_names([m.name for m in methods], " or "),
        "mentioned_lists": full_lists,
    }


def _method_names(names: list[str], joiner: str) -> Markup:
    """Method names as HTML (name scripts raised: U²-Net), joined."""
    return Markup(joiner).join(rich_text(name, links=False) for name in names)


def papers_with_code(corpus: Corpus, analysis: Analysis) -> set[str]:
    """Slugs of the papers whose page links to their code (the finder's "Has code")."""
    return {p.slug for p in corpus.papers if any(link.code for link in _page_links(p, analysis))}


class PageLink(NamedTuple):
    """A web address a paper page links to: its safe href, and whether it is the code."""

    url: str
    href: Markup
    code: bool


def _page_links(paper: Paper, analysis: Analysis) -> list[PageLink]:
    """The listing's own link (structured input) first, then the URLs of the abstract;
    one that is no safe link is left out (the abstract shows it as text). Code is a link
    into a code host (GitHub, GitLab, ...) or one the abstract introduces as code."""
    own = (paper.external_url,) if paper.external_url else ()
    found = analysis.code_urls.get(paper.slug, ())
    urls = own + tuple(url for url in found if url != paper.external_url)
    said = said_code_urls(paper.versions or (paper.abstract,)) if found else set()
    links = []
    for url in urls:
        href = external_href(url)
        if href is not None:
            links.append(PageLink(url, href, is_code_url(url) or url in said))
    return links


# Sort keys of papers without the field: Pagefind leaves out pages that lack the key.
UNDATED_SORT_KEY = "0000-00-00"
UPVOTES_DIGITS = 9
TITLE_SORT_CHARS = 24


def _search_filters(paper: Paper, topics: list[Topic], has_code: bool) -> list[tuple[str, str]]:
    """The Paper finder's filters of a paper page (Pagefind filter, value). Topic pages
    have `kind: topic`; paper pages no kind, so that the filter file stays small. A title
    drawn from the abstract is the filter `inferred` (results set it apart): not metadata,
    which Pagefind searches ("yes" would find the page)."""
    filters = [("inferred", "yes")] if paper.title_inferred else []
    filters += [("topic", t.label) for t in topics]
    # Topics it is in by resemblance alone (Topic.close): results say "close to".
    filters += [("close", t.label) for t in topics if paper.slug in t.close]
    filters += [("area", area) for area in dict.fromkeys(t.area for t in topics if t.area)]
    if paper.published:
        filters.append(("year", str(paper.published.year)))
        # Results say so beside the year (papersite.yearOf); valued by the year, so that
        # the finder's year menus count the guessed years apart ("2025 (14, inferred)").
        if paper.date_inferred:
            filters.append(("year_inferred", str(paper.published.year)))
    if has_code:
        filters.append(("code", "yes"))
    if paper.upvotes:
        filters.append(("upvotes", str(paper.upvotes)))  # shown by the finder, never offered
    return filters


def _search_sorts(paper: Paper) -> list[tuple[str, str]]:
    """The Paper finder's sort keys: date and upvotes, zero when unknown, and title. Each
    ends in the slug (mirrored in the descending ones: `_reversed_slug`), so that no two
    papers tie (Pagefind would order ties differently from build to build) and the
    finder's descending sorts list papers of one date or count by slug from a to z (they
    came z to a)."""
    date = paper.published.iso() if paper.published else UNDATED_SORT_KEY
    upvotes = str(max(paper.upvotes or 0, 0)).zfill(UPVOTES_DIGITS)
    last = _reversed_slug(paper.slug)
    # Titles A-Z as All papers orders them (accents and case folded): the title's start,
    # then the slug, which follows the title (the bundled corpus comes in the same order
    # as by whole titles, in about half the bytes a page would carry).
    title = f"{title_order(paper.title)[:TITLE_SORT_CHARS]} {paper.slug}"
    return [("date", f"{date} {last}"), ("upvotes", f"{upvotes} {last}"), ("title", title)]


_SLUG_CHARACTERS = "-0123456789abcdefghijklmnopqrstuvwxyz"  # in ASCII order
_REVERSED = str.maketrans(_SLUG_CHARACTERS, _SLUG_CHARACTERS[::-1])


def _reversed_slug(slug: str) -> str:
    """A key that sorts slugs backwards: each character mirrored, and an end mark above
    them all, so that "abc" also comes before "abcd" from the top."""
    return slug.translate(_REVERSED) + "~"
