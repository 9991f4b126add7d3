"""The header search of the built bundled site, typed into as a visitor would.

Every test also checks that its pages logged no console error and fetched nothing from
outside the local server (see conftest.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from browser_support import (
    PAGEFIND_PAPERS_JS,
    SEARCH_DONE_JS,
    h1_text,
    header_search,
    terminal_index,
    wait_for_h1,
)
from paths import FIXTURES
from sitebuild import BuiltSite

from benchmarks.run import QUERY
from benchmarks.search_visit import visit
from generator.render.rich_text import unicode_scripts
from generator.search.terminal import (
    TITLED_AMONG,
    Hit,
    names_label,
    titled_first,
)

if TYPE_CHECKING:
    from conftest import Tab
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SAMPLE_QUERIES = json.loads((FIXTURES / "quality" / "search_queries.json").read_text("utf-8"))
# Spellings that differ from the title's: accents, hyphens and `++` folded.
FOLDING = [
    ("nnunet", "nnU-Net"),
    ("frechet", "Fréchet"),
    ("unet++", "UNet++"),
    ("u-net", "U-Net"),
    ("unet", "U-Net"),
    ("naive", "Naïve"),
]


def _fold(text: str) -> str:
    """Lower case, no accents, no hyphens: how the search compares spellings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("-", "")


def test_sample_queries_find_their_paper_first_and_open_it(tab: Tab, e2e_site: BuiltSite) -> None:
    """Each sample query puts its paper first; `papersite search` puts the same paper
    first (one typing of every query serves both checks)."""
    index = terminal_index(e2e_site)
    page = tab.page
    tab.goto("")
    failures, differ = [], []
    for query, titles in SAMPLE_QUERIES:
        found = header_search(page, query, delay=0)  # keys as fast as they come; others type slower
        if not found or found[0] not in titles:
            failures.append(f"{query!r}: {found[:3]}, expected {titles}")
        terminal = [hit.title for hit in index.search(query, 1).hits]
        if found[:1] != terminal:
            differ.append(f"{query!r}: site {found[:1]}, terminal {terminal}")
    assert not failures, "\n".join(failures)
    assert not differ, "\n".join(differ)
    page.locator(".ps-search__result a").first.click()
    wait_for_h1(page, SAMPLE_QUERIES[-1][1][0])
    assert "/papers/" in page.url
    assert page.locator("[data-ps-search-dialog][open]").count() == 0  # closed on opening
    tab.assert_clean()


def test_accents_hyphens_and_plus_signs_are_folded(tab: Tab, e2e_site: BuiltSite) -> None:
    """On the site and in `papersite search` (many papers nearly tie for these
    spellings, so each first paper need only hold the spelling)."""
    index = terminal_index(e2e_site)
    page = tab.page
    tab.goto("")
    failures = []
    for query, written in FOLDING:
        found = header_search(page, query)
        if not found or _fold(written) not in _fold(found[0]):
            failures.append(f"{query!r}: first {found[:1]}, expected a title with {written}")
        terminal = [hit.title for hit in index.search(query, 1).hits]
        if not terminal or _fold(written) not in _fold(terminal[0]):
            failures.append(f"{query!r}: terminal {terminal}, expected a title with {written}")
    assert not failures, "\n".join(failures)
    tab.assert_clean()


def test_excerpts_come_from_the_abstract_with_the_query_words_marked(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    page = tab.page
    tab.goto("")
    # as the page reads, which Pagefind indexes: its math as plain text ("R^d→ R^d")
    abstracts = {
        p.title: " ".join(unicode_scripts(p.abstract, names=False).split())
        for p in e2e_site.corpus.papers
    }
    for query in ("hypernetwork magnitude", "colonoscopy video", "optimal transport"):
        header_search(page, query)
        papers = page.locator(".ps-search__result:has(.ps-search__excerpt)")
        titles = [t.strip() for t in papers.locator(".ps-search__title").all_text_contents()]
        excerpts = papers.locator(".ps-search__excerpt")
        assert excerpts.count() == len(titles) >= 1
        for title, excerpt in zip(titles, excerpts.all(), strict=True):
            marked = [m.lower() for m in excerpt.locator("mark").all_text_contents()]
            words = query.split()
            assert marked and all(any(m.startswith(w[:5]) for w in words) for m in marked), marked
            # Pagefind marks "transport," with its comma: the mark holds the word alone.
            assert all(m[0].isalnum() and m[-1].isalnum() for m in marked), marked
            text = " ".join((excerpt.text_content() or "").split())
            assert text[-1] in '.!?…)"”', text  # a cut excerpt says so, at either end
            cut = text.startswith("… ")
            text = text.removeprefix("… ").removesuffix("…").rstrip(" .")
            assert text[:60] in abstracts[title], (title, text)
            assert abstracts[title].startswith(text[:60]) != cut, (title, text)
    marks = page.evaluate(
        """() => window.papersite.excerptNodes('<mark>C++</mark>, <mark>(F#)</mark> and '
          + '<mark>networks.</mark>', '').filter((n) => n.nodeName === 'MARK')
          .map((n) => n.textContent)"""
    )
    assert marks == ["C++", "F#", "networks"]  # a name's own signs stay marked
    # Pagefind writes the page's text with only "<" and ">" escaped: an abstract's
    # "&amp;" and "&#x3C;b&#x3E;" read as HTML showed as "&" and "<b>".
    shown = page.evaluate(
        """() => window.papersite.excerptNodes('R&amp;D, &#x3C;b&#x3E; &amp; p &lt; 0.05 '
          + '<mark>&lt;b&gt;</mark>.', '').map((n) => n.textContent).join('')"""
    )
    assert shown == "R&amp;D, &#x3C;b&#x3E; &amp; p < 0.05 <b>."
    raised = page.evaluate(
        """() => window.papersite.excerptNodes(
          'We propose SP^2OT for <mark>transport</mark>.', '').filter((n) => n.nodeName === 'SUP')
          .map((n) => n.textContent)"""
    )
    assert raised == ["^2"]  # raised as the page shows it, its caret kept (hidden)
    tab.assert_clean()


def _result_kinds(tab: Tab) -> list[tuple[str, str]]:
    """(kind, path) of each result shown: topic, paper or the finder's "more"."""
    links = tab.page.locator(".ps-search__result a")
    urls = [tab.path(h) for h in links.evaluate_all("as => as.map(a => a.href)")]
    assert len(urls) == len(set(urls)) >= 5, urls  # one result per page
    kinds = ["topic" if "/topics/" in u else "paper" if "/papers/" in u else "more" for u in urls]
    return list(zip(kinds, urls, strict=True))


def test_a_topic_the_query_names_comes_first_other_topics_after_papers(tab: Tab) -> None:
    """ "diffusion models" names the topic Diffusion models: the reader asked for it."""
    page = tab.page
    tab.goto("")
    header_search(page, "diffusion models")
    found = _result_kinds(tab)
    assert found[0] == ("topic", "/topics/diffusion-model/"), found
    kinds = [kind for kind, _ in found[1:]]
    assert kinds == sorted(kinds, key=["paper", "topic", "more"].index), kinds
    topic = page.locator(".ps-search__link--topic").first
    assert (topic.locator(".ps-search__kind").text_content() or "") == "Topic"
    for query in ("denoising", "net", "d"):  # name no topic: any comes after the papers
        header_search(page, query)
        kinds = [kind for kind, _ in _result_kinds(tab)]
        assert kinds[0] == "paper", (query, kinds)
        assert kinds == sorted(kinds, key=["paper", "topic", "more"].index), (query, kinds)
    header_search(page, "u-net")
    assert _result_kinds(tab)[0] == ("topic", "/topics/u-net/")
    # A topic holding one word of several is no suggestion ("nested" offered Label noise,
    # whose page says "nested dropout"): an offered topic holds most of the words.
    query = "nested U-structure salient"
    header_search(page, query)
    topics = page.locator(".ps-search__result a.ps-search__link--topic")
    offered = [tab.path(h) for h in topics.evaluate_all("as => as.map(a => a.href)")]
    assert page.locator(".ps-search__result a[href*='/papers/']").count() >= 1
    holding = page.evaluate(TOPICS_HOLDING_JS, ["nested", "structure", "salient"])
    for path in offered:
        held = sum(path in {tab.path(url) for url in urls} for urls in holding)
        assert 2 * held > len(holding), (query, path, held)
    header_search(page, "diffusion modls")  # a typo (named, with its word offered) is not counted
    assert page.locator(".ps-search__link--topic").count() >= 1
    tab.assert_clean()


# Per word, the topic pages whose indexed text holds it, as addresses.
TOPICS_HOLDING_JS = """async (words) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", papersite.root).href);
  return Promise.all(words.map(async (word) => {
    const found = await pagefind.search(word, { filters: { kind: "topic" } });
    const data = await Promise.all(found.results.map((result) => result.data()));
    return data.map((page) => new URL(page.url, location.href).href);
  }));
}"""


# Every page the site's Pagefind index returns for a query, as addresses.
PAGEFIND_URLS_JS = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", papersite.root).href);
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.map((result) => result.data()));
  return data.map((page) => new URL(page.url, location.href).href);
}"""


def test_an_acronym_names_its_topic_and_finds_papers_that_spell_it_out(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """A topic labelled by a phrase is named by its acronym ("vit" names Vision
    transformers), and the acronym finds the papers that write only the phrase: their
    search aliases (analyze/acronym_aliases.py), here and in `papersite search`."""
    analysis = e2e_site.analysis
    topic = next(t for t in analysis.topics if any(" " not in alias for alias in t.aliases))
    acronym = next(alias for alias in topic.aliases if " " not in alias)
    spelled = sorted(slug for slug, names in analysis.search_aliases.items() if acronym in names)
    papers = {p.slug: p for p in e2e_site.corpus.papers}
    word = re.compile(rf"\b{re.escape(_fold(acronym))}", re.IGNORECASE)
    assert spelled and not any(
        word.search(_fold(f"{papers[s].title} {papers[s].abstract}")) for s in spelled
    )
    page = tab.page
    tab.goto("")
    header_search(page, acronym.lower())
    assert _result_kinds(tab)[0] == ("topic", f"/topics/{topic.slug}/")
    found = {tab.path(url) for url in page.evaluate(PAGEFIND_URLS_JS, acronym.lower())}
    assert {f"/papers/{slug}/" for slug in spelled} <= found, (acronym, spelled)
    terminal = {hit.slug for hit in terminal_index(e2e_site).search(acronym, 1000).hits}
    assert set(spelled) <= terminal
    tab.assert_clean()


def test_pages_other_than_papers_and_topics_never_match(tab: Tab) -> None:
    """The finder, map, health and list pages are not in the index."""
    page = tab.page
    tab.goto("")
    for query in ("paper finder", "corpus health", "all papers", "methods"):
        header_search(page, query)
        hrefs = page.locator(".ps-search__result a").evaluate_all("as => as.map(a => a.href)")
        paths = [tab.path(h) for h in hrefs]
        assert all(re.match(r"^/(papers|topics)/[^/]+/$", p) for p in paths[:-1]), (query, paths)
        assert not any(p.startswith(("/map/", "/health", "/browse/", "/methods")) for p in paths)
    tab.assert_clean()


def _a_related_title_not_in_the_paper(site: BuiltSite) -> tuple[str, str, str]:
    """(paper slug, query, related slug): two words of a related paper's title that the
    paper's own title and abstract never use, so only its related list holds them."""
    from generator.folding import fold
    from generator.search.terminal import tokens

    analysis = site.analysis
    papers = {p.slug: p for p in site.corpus.papers}
    for paper in site.corpus.papers:
        own = set(tokens(f"{paper.title} {paper.abstract}"))
        for related in analysis.related.get(paper.slug, ()):
            title = papers[related.slug].title
            words = [w for w in dict.fromkeys(tokens(title)) if len(w) >= 6 and w not in own]
            if len(words) >= 2 and all(fold(w) == w for w in words[:2]):
                return paper.slug, " ".join(words[:2]), related.slug
    pytest.fail("no related paper with two title words of its own")


def test_a_pages_own_related_list_never_makes_it_match(tab: Tab, e2e_site: BuiltSite) -> None:
    slug, query, related = _a_related_title_not_in_the_paper(e2e_site)
    page = tab.page
    tab.goto("")
    header_search(page, query)
    hrefs = page.locator(".ps-search__result a").evaluate_all("as => as.map(a => a.href)")
    paths = [tab.path(h) for h in hrefs]
    assert f"/papers/{related}/" in paths, (query, paths)
    assert f"/papers/{slug}/" not in paths, (query, paths)
    tab.assert_clean()


def test_all_words_must_match_else_any_word_is_labelled(tab: Tab) -> None:
    page = tab.page
    tab.goto("")
    status = page.locator("[data-ps-search-status]")
    every = header_search(page, "hypernetwork magnitude")
    assert every and "some of them" not in (status.text_content() or "")
    found = header_search(page, "hypernetwork colonoscopy")
    status = page.locator("[data-ps-search-status]").text_content() or ""
    assert found and "No paper has all of these words" in status, (found, status)
    # Hundreds of papers hold some of these words, and no paper all: the finder, which
    # lists papers with every word, is not offered (its "All 507 results" listed none).
    # (searched once: typed again, the same query's "done" mark was already set, and
    # the titles were read while the list was drawn anew: none, at times)
    listed = header_search(page, "attention is all you need")
    status = page.locator("[data-ps-search-status]").text_content() or ""
    assert "No paper has all of these words" in status, status
    assert len(listed) >= 8
    assert page.locator(".ps-search__more").count() == 0
    tab.assert_clean()


def test_a_visit_and_its_first_search_stay_small(
    browser: Browser, base_url: str, e2e_site: BuiltSite
) -> None:
    """The benchmark's visit (benchmarks/search_visit.py): the home page, its styles and
    scripts, then a first search, which fetches at most 500 KB; the whole under 560 KB,
    nothing downloaded twice. Of it, 118 KB are the published site's sitemap.xml, which
    instant navigation reads (this server sends it uncompressed; a static host gzips
    it). Material fetched it a second time for the feed's rel="alternate" link (a
    language switch's sitemap, fetched beside the link's address) until the feeds moved
    to a folder with an empty sitemap: the budget was 660 KB."""
    measured = visit(browser, base_url, QUERY, 0)
    assert measured.first  # results were shown
    assert measured.repeated == ()
    assert 0 < measured.search_bytes < measured.visit_bytes <= 560 * 1024, measured
    assert measured.search_bytes <= 500 * 1024, measured


def test_keyboard_opens_moves_through_opens_and_closes(tab: Tab) -> None:
    page = tab.page
    tab.goto("")
    page.keyboard.press("s")
    field = page.locator("[data-ps-search-input]")
    field.wait_for()
    assert page.evaluate("document.activeElement.matches('[data-ps-search-input]')")
    field.press_sequentially("segmentation", delay=20)
    page.wait_for_function(SEARCH_DONE_JS, arg="segmentation")
    options = page.locator("[data-ps-search-results] [role=option]")
    selected = page.locator("[data-ps-search-results] [aria-selected=true]")
    assert options.count() >= 3 and selected.count() == 1
    assert selected.get_attribute("id") == options.nth(0).get_attribute("id")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert selected.get_attribute("id") == options.nth(1).get_attribute("id")
    assert field.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    title = (options.nth(1).locator(".ps-search__title").text_content() or "").strip()
    page.keyboard.press("Enter")
    wait_for_h1(page, title)
    assert h1_text(page) == title
    page.keyboard.press("/")
    page.locator("[data-ps-search-dialog][open]").wait_for()
    page.keyboard.press("Escape")
    page.locator("[data-ps-search-dialog][open]").wait_for(state="detached")
    page.locator("[data-ps-search-open]").click()  # the header control opens it too
    page.locator("[data-ps-search-dialog][open]").wait_for()
    tab.assert_clean()


def test_pages_load_only_the_scripts_and_styles_they_use(tab: Tab) -> None:
    page = tab.page
    tab.goto("")
    page.wait_for_load_state("networkidle")
    loaded = {urlsplit(u).path.rsplit("/", 1)[-1] for u in tab.requests}
    unused = {"finder.js", "map.js", "finder.css", "map.css", "katex.min.css", "katex.min.js"}
    assert not loaded & unused, loaded & unused
    assert not any("pagefind" in u or u.endswith("search.js") for u in tab.requests)
    header_search(page, "optimal transport")
    paths = [tab.path(u) for u in tab.requests]
    assert "/assets/javascripts/search.js" in paths and "/pagefind/pagefind.js" in paths
    assert any(p.endswith(".pf_index") for p in paths)
    assert any(p.endswith(".pf_fragment") for p in paths)
    assert not any("lunr" in p or "pagefind-ui" in p or "/search/search_index" in p for p in paths)
    # papersite's scripts and styles, those the page names and those papersite.js loads,
    # carry the build's version mark, so a cached copy of an older build's is never used.
    mark = urlsplit(page.eval_on_selector("script[src*='/papersite.js']", "s => s.src")).query
    assert mark.startswith("v=")
    own = [
        urlsplit(u)
        for u in tab.requests
        if re.search(
            r"/(assets/(javascripts|stylesheets)/[a-z]+|pagefind/pagefind)\.(js|css)(\?|$)", u
        )
    ]
    names = {part.path.rsplit("/", 1)[-1] for part in own}
    assert names >= {"papersite.js", "search.js", "pagefind.js"}, names
    assert all(part.query == mark for part in own), [part.geturl() for part in own]
    tab.assert_clean()


def test_a_topic_a_paper_is_in_by_resemblance_alone_says_close_to(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """The result's topics read as its page's tags: "close to" where it is (Topic.close)."""
    analysis = e2e_site.analysis
    topic = next(t for t in analysis.topics if t.close)
    paper = next(p for p in e2e_site.corpus.papers if p.slug == topic.close[0])
    tab.goto("")
    header_search(tab.page, paper.title)
    mine = tab.page.locator(f".ps-search__result a[href$='{paper.url}']")
    assert mine.count() == 1
    facts = (mine.locator(".ps-search__meta").text_content() or "").split(" · ")
    assert f"close to {topic.label}" in facts and topic.label not in facts
    tab.assert_clean()


def test_a_year_the_listing_did_not_print_says_so(tab: Tab, e2e_site: BuiltSite) -> None:
    """A daily listing prints "16 Jul": the year shown is inferred, and results say so as
    the paper's page does (they showed "2025" as a fact)."""
    inferred = next(p for p in e2e_site.corpus.papers if p.date_inferred and p.published)
    printed = next(p for p in e2e_site.corpus.papers if p.published and not p.date_inferred)
    tab.goto("")
    for paper, year in ((inferred, "{} (year inferred)"), (printed, "{}")):
        assert paper.published
        header_search(tab.page, paper.title)
        mine = tab.page.locator(f".ps-search__result a[href$='{paper.url}']")
        facts = (mine.locator(".ps-search__meta").text_content() or "").split(" · ")
        assert year.format(paper.published.year) in facts, (paper.title, facts)
    tab.assert_clean()


def test_tab_moves_between_the_field_and_the_close_button_only(tab: Tab) -> None:
    """The field moves through the results (arrow keys): Tab never stops on a result or on
    the scrolling list, where the arrows would only scroll and Enter would do nothing."""
    page = tab.page
    tab.goto("")
    page.keyboard.press("/")
    header_search(page, "segmentation")
    stops = []
    for _ in range(4):  # the field, the button, out of the page (a modal dialog), the field
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className || 'page'"))
    assert not [stop for stop in stops if "ps-search__results" in stop or "link" in stop], stops
    assert any("ps-search__input" in s for s in stops) and any("close" in s for s in stops)
    tab.assert_clean()


def test_back_while_the_search_is_open_closes_it(tab: Tab) -> None:
    """With instant navigation the dialog outlived the page Back left: it stayed open over
    the previous page (full screen on a phone), holding the focus."""
    page = tab.page
    tab.goto("topics/")
    page.locator(".md-sidebar--primary a", has_text="Methods").first.click()  # instant
    wait_for_h1(page, "Methods")
    header_search(page, "diffusion")
    page.go_back()
    page.locator("[data-ps-search-dialog][open]").wait_for(state="detached")
    assert tab.path(page.url) == "/topics/"
    tab.assert_clean()


def test_all_results_from_the_finder_itself_show_the_new_query(tab: Tab) -> None:
    """The link to the finder changes only the address's query there: Material's instant
    navigation kept the page, and the finder went on showing the old query."""
    page = tab.page
    tab.goto("topics/")
    page.locator(".md-sidebar--primary a", has_text="Paper finder").first.click()  # instant
    page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=15_000)
    page.fill(".ps-finder__query", "diffusion")
    page.wait_for_function("() => location.search.includes('query=diffusion')")
    page.locator("[data-ps-search-open]").click()  # `/` would be typed in the finder's box
    page.locator("[data-ps-search-dialog][open]").wait_for()
    header_search(page, "network")
    page.locator(".ps-search__more").click()
    page.wait_for_function(
        "() => document.querySelector('.ps-finder__query')?.value === 'network'"
        " && document.querySelector('.ps-finder')?.dataset.ready === 'ready'"
    )
    assert "query=network" in page.url
    tab.assert_clean()


# Queries and labels whose naming papersite.js and search/terminal.py must judge alike
# (tests/search/test_terminal.py says what each should be).
NAMING_QUERIES = ["diffusion models", "diffus", "d", "u-net", "unet", "net", "sparse coding"]
NAMING_QUERIES += ["the optimal of transport", "frechet", "codes", "ℓ1 sparse", "case study"]
NAMING_QUERIES += ["robustness", "naïve"]
NAMING_LABELS = ["Diffusion models", "U-Net", "UNet++", "Dense networks", "Sparse-View CT"]
NAMING_LABELS += ["Beyond ell_1 sparse coding in V1", "Beyond ℓ₁ sparse coding in V1"]
NAMING_LABELS += ["Optimal Transport", "Fréchet distance", "Case Studies", "Naive Bayes"]
NAMING_QUERIES += ["studies"]
NAMING_LABELS += ["A Case Study"]
# Titles in a ranked order, and queries whose titled-first order papersite.js and
# search/terminal.py must give alike.
TITLED_TITLES = ["Sparse probing", "Artery/Vein maps: vessels", "Vessel studies", "Sparse-View CT"]
TITLED_TITLES += ["Sparsity of vessels", "A vein study", "Sparse views of arteries"]
TITLED_QUERIES = ["sparse", "the sparse", "vein vessels", "sparse view", "vessel study"]
TITLED_QUERIES += ["artery vein maps"]
TITLED_FIRST_JS = """(cases) => cases.map(([query, titles]) => papersite.titledFirst(
  titles.map((title, i) => ({ meta: { title: title }, filters: {}, i: i })), query
).map((data) => data.i))"""


def test_titles_naming_the_query_come_first_in_the_finder_and_terminal_too(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """Pagefind boosts a title's words one by one: "sparse coding" listed a Sparse-View CT
    paper (its abstract gives its "source code") above "Beyond ℓ₁ sparse coding in V1".
    Among the first papers, those whose title names the query come first: in the header
    search, in the finder's first rows and in `papersite search` alike."""
    page = tab.page
    tab.goto("")
    query = "sparse coding"
    header_search(page, query)
    links = page.locator(".ps-search__result a[href*='/papers/']")
    shown = links.evaluate_all("as => as.map(a => a.href)")
    titles = links.locator(".ps-search__title").all_text_contents()
    ranked = page.evaluate(PAGEFIND_PAPERS_JS, [query, TITLED_AMONG])
    assert sorted(shown) == sorted(ranked) and shown != ranked  # the same papers, reordered
    named = [names_label(query, title) for title in titles]
    assert named[0] and named == sorted(named, reverse=True), list(zip(titles, named, strict=True))
    terminal = terminal_index(e2e_site).search(query, 1).hits
    assert [f"/papers/{hit.slug}/" for hit in terminal] == [tab.path(shown[0])]
    judged = page.evaluate(
        "pairs => pairs.map(([query, label]) => papersite.namesLabel(query, label))",
        [[q, label] for q in NAMING_QUERIES for label in NAMING_LABELS],
    )
    expected = [names_label(q, label) for q in NAMING_QUERIES for label in NAMING_LABELS]
    assert judged == expected
    # and order titles alike: one word kept as ranked, words that punctuation joins apart
    orders = page.evaluate(TITLED_FIRST_JS, [[q, TITLED_TITLES] for q in TITLED_QUERIES])
    hits = [Hit(str(i), title, 0.0) for i, title in enumerate(TITLED_TITLES)]
    assert orders == [[int(h.slug) for h in titled_first(hits, q)] for q in TITLED_QUERIES]
    assert orders[0] == list(range(len(TITLED_TITLES)))  # one word: as ranked
    unicode_named = page.evaluate(  # a title shown with its math in Unicode names "ℓ1" too
        "q => papersite.titledFirst([{meta: {title: 'Plain'}, filters: {}}, {meta: {title:"
        " 'Beyond ell_1 coding'}, filters: {shown: ['Beyond ℓ₁ coding']}}], q)"
        ".map(d => d.meta.title)",
        "ℓ1 coding",
    )
    assert unicode_named == ["Beyond ell_1 coding", "Plain"]
    tab.goto("finder/?query=sparse+coding")
    page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=15_000)
    rows = page.locator(".ps-finder__title").evaluate_all("as => as.map(a => a.href)")
    assert rows[: len(shown)] == shown
    # Seven papers tie for "resnet": the header lists them in the finder's order (its
    # search of every page, topics dropped after, put them in another)
    tab.goto("")
    header_search(page, "resnet")
    shown = links.evaluate_all("as => as.map(a => a.href)")
    tab.goto("finder/?query=resnet")
    page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=15_000)
    rows = page.locator(".ps-finder__title").evaluate_all("as => as.map(a => a.href)")
    assert rows[: len(shown)] == shown
    tab.assert_clean()
