"""Shared lookups for page rendering: papers and topics by slug, links between pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from generator.ingest.titles import contribution_sentence, prose_sentences, standing_alone
from generator.links import (
    OTHER_TOPIC_SLUG,
    area_anchors,
    doc_url,
    html_link,
    markdown_link,
    paper_doc,
    topic_doc,
)
from generator.model import Analysis, Corpus, MergeEntry, Method, Paper, Topic
from generator.render import paper_orders
from generator.render.method_places import MethodPlace, listed_methods, method_places
from generator.render.rich_text import rich_text, summary_html
from generator.render.text import first_sentence, time_element

# The heading of the topics that have no area, when others have one.
UNGROUPED_AREA = "More topics"
# A list, chart, column or filter built on an optional field (date, upvotes) is shown
# only when enough papers have the field: at least this many, or at least half.
ENOUGH_PAPERS = 10


def enough_papers_have(count: int, total: int) -> bool:
    """Whether `count` papers of `total` having a field is enough to show things built on it."""
    return count >= ENOUGH_PAPERS or (total > 0 and 2 * count >= total)


SUMMARY_LENGTH = 180  # characters of a list entry's summary line, as shown


@dataclass(frozen=True)
class PaperLink:
    """What a list entry shows about a paper: its title, link, date and summary."""

    title: str
    href: Markup
    date: str
    summary: Markup  # a sentence of the abstract, math shown (rich_text.summary_html)
    upvotes: int | None
    title_html: Markup  # the title with its math and name scripts shown
    time: Markup  # the date as shown, "7 Jun 2024" (text.time_element); "" without one
    date_inferred: bool = False  # the listing printed no year: lists say so beside the date


@dataclass
class SiteContext:
    """Everything pages look up: corpus, analysis, and indexes by slug."""

    corpus: Corpus
    analysis: Analysis
    site_name: str
    # The site's public address (papersite.yml, mkdocs.yml or --site-url), when known.
    site_url: str | None = None
    intro: str | None = None  # the home page's opening paragraph (papersite.yml)
    papers: dict[str, Paper] = field(init=False)
    topics: dict[str, Topic] = field(init=False)
    file_formats: dict[str, str] = field(init=False)
    merges: dict[str, list[MergeEntry]] = field(init=False)
    _summaries: dict[str, Markup] = field(init=False, default_factory=dict)
    _titles_html: dict[str, Markup] = field(init=False, default_factory=dict)
    _area_anchors: dict[str, str] = field(init=False, default_factory=dict)
    _methods_by_paper: dict[str, list[Method]] | None = field(init=False, default=None)
    _method_places: dict[Method, MethodPlace] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.papers = {p.slug: p for p in self.corpus.papers}
        self.topics = {t.slug: t for t in self.analysis.topics}
        self.file_formats = {f.file: f.format for f in self.corpus.files}
        self.merges = {}
        for entry in self.corpus.merge_log:
            self.merges.setdefault(entry.paper, []).append(entry)

    @cached_property
    def orders(self) -> dict[str, list[Paper]]:
        """The papers in each order they are listed in, by the order's name: sorted on
        first use, by the process that renders the lists while paper pages render in
        workers (1.4 s at 50,000 papers, before them, had held the workers back)."""
        return paper_orders.orders(self.corpus.papers)

    def area_anchor(self, area: str) -> str:
        """The id of an area's heading on the topics index (links.area_anchors over the
        areas in analysis order, then UNGROUPED_AREA; computed once)."""
        if not self._area_anchors:
            areas = [t.area for t in self.analysis.topics if t.area]
            self._area_anchors = area_anchors([*areas, UNGROUPED_AREA])
        return self._area_anchors.get(area, "")

    def methods_of(self, slug: str) -> list[Method]:
        """The methods a paper defines (named by its title or coined in its abstract), by
        name; indexed once."""
        if self._methods_by_paper is None:
            index: dict[str, list[Method]] = {}
            for method in self.analysis.methods:
                for paper in (method.paper, *method.also):
                    index.setdefault(paper, []).append(method)
            self._methods_by_paper = index
        return self._methods_by_paper.get(slug, [])

    @property
    def method_places(self) -> dict[Method, MethodPlace]:
        """The methods the methods pages list, by name, each with its page and row."""
        if self._method_places is None:
            self._method_places = method_places(listed_methods(self.analysis.methods, self.papers))
        return self._method_places

    @property
    def named_topics(self) -> list[Topic]:
        """The topics but "Other" (which holds the papers no topic describes)."""
        return self.analysis.named_topics

    @property
    def other_papers(self) -> int:
        """How many papers are in "Other"."""
        other = self.topics.get(OTHER_TOPIC_SLUG)
        return len(other.papers) if other else 0

    def page_url(self, doc: str) -> str | None:
        """The public address of a page, when the site's address is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + doc_url(doc)

    def summary(self, slug: str) -> Markup:
        """The sentence list entries show for a paper: what it does, else its opening
        (ingest/titles.py); for a title drawn from the abstract, another sentence than
        the one it came from (computed once per paper)."""
        if slug not in self._summaries:
            paper = self.papers[slug]
            # (a title drawn from the abstract took its contribution, leaning back or not)
            sentence = contribution_sentence(paper.abstract, alone=not paper.title_inferred)
            if paper.title_inferred:  # drawn from that sentence: the title says it already
                abstract = prose_sentences(paper.abstract)
                others = [s for s in abstract if standing_alone(s) != sentence]
                sentence = others[0] if others else ""
            # Math in Unicode where it has a form ("ell_1" as ℓ₁), as in titles; else
            # typeset. Cut as shown, never inside a math fragment.
            whole = first_sentence(sentence, len(sentence))
            self._summaries[slug] = summary_html(whole, SUMMARY_LENGTH)
        return self._summaries[slug]

    def title_html(self, slug: str) -> Markup:
        """A paper's title as list entries show it: U²-Net, not U^2-Net (computed once).

        A title the listing did not give (drawn from the abstract) is marked, so that a
        list never passes it off as the paper's own (papersite.css sets it in italics)."""
        if slug not in self._titles_html:
            paper = self.papers[slug]
            title = rich_text(paper.title, links=False)
            if paper.title_inferred:
                title = Markup(
                    '<span class="ps-inferred-title" title="No title in the listing: '
                    'drawn from the abstract">{}</span>'
                ).format(title)
            self._titles_html[slug] = title
        return self._titles_html[slug]

    def paper_link(self, from_doc: str, slug: str, *, html: bool = False) -> PaperLink:
        """Link entry for the paper `slug` as seen from the page `from_doc`.

        The href is a relative .md path for Markdown links, or, with `html`, the built
        page's URL for raw HTML (which MkDocs does not rewrite).
        """
        paper = self.papers[slug]
        target = paper_doc(slug)
        href = html_link(from_doc, target) if html else markdown_link(from_doc, target)
        return PaperLink(
            title=paper.title,
            href=Markup(href),
            date=paper.published.iso() if paper.published else "",
            summary=self.summary(slug),
            upvotes=paper.upvotes,
            title_html=self.title_html(slug),
            date_inferred=paper.date_inferred,
            time=time_element(paper.published) if paper.published else Markup(""),
        )

    def topic_href(self, from_doc: str, slug: str, *, html: bool = False) -> Markup:
        """Relative link from `from_doc` to a topic page (with `html`: for raw HTML)."""
        link = html_link if html else markdown_link
        return Markup(link(from_doc, topic_doc(slug)))

    def paper_topics(self, slug: str) -> list[Topic]:
        """Topics a paper belongs to, in the analysis' order."""
        slugs = self.analysis.paper_topics.get(slug, ())
        return [self.topics[t] for t in slugs if t in self.topics]
