"""Tests of built sites: the bundled corpus and the nasty fixture corpus, each built once.

Checks the strict build, every internal link, the abstract a reader sees, that corpus
text injects nothing, the <head> meta tags and the sidebar navigation; reproducibility
is test_site_rebuild.py's.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import (
    FIXTURE_CODE_URLS,
    FIXTURE_CORPUS,
    FIXTURE_SITE_NAME,
    BuiltSite,
    fixture_analyzer,
    fixture_slugs,
    generate_with,
    make_project,
    run_strict_build,
)
from sitehtml import Node, html_pages, ids, parse, parse_file, resolve, site_trees

from generator.errors import SettingsError
from generator.model import Paper, PaperDate
from generator.render import browse_pages
from generator.render.rich_text import unicode_scripts
from generator.render.text import first_sentence


def _paper_tree(built: BuiltSite, paper: Paper) -> Node:
    return parse(built.page(paper.url))


def _by_key(built: BuiltSite, key: str) -> Paper:
    slug = fixture_slugs(built.corpus)[key]
    return next(p for p in built.corpus.papers if p.slug == slug)


# --- strict build and links ---------------------------------------------------------------


def test_strict_build_logs_no_warning(built_site: BuiltSite) -> None:
    assert (built_site.site / "index.html").is_file()
    assert built_site.warnings == ()


def test_build_warnings_are_caught(tmp_path: Path) -> None:
    """The warning capture works: a broken link in a hand-made page fails the build."""
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    generate_with(config, fixture_analyzer)
    (config.root / "docs" / "broken.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    warnings, error = run_strict_build(config, fixture_analyzer)
    assert error is not None
    assert any("missing.md" in w and "WARNING" in w for w in warnings), warnings


def test_a_site_without_directory_urls_is_refused_clearly(tmp_path: Path) -> None:
    """Pages link to each other as folder URLs in raw HTML: `use_directory_urls: false`
    would break every such link, so the build stops and says why."""
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    generate_with(config, fixture_analyzer)
    mkdocs_yml = config.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    assert "use_directory_urls: true" in text
    mkdocs_yml.write_text(text.replace("use_directory_urls: true", "use_directory_urls: false"))
    _, error = run_strict_build(config, fixture_analyzer)
    assert isinstance(error, SettingsError)  # before MkDocs starts: `check` says it too
    assert str(error).startswith(f"{mkdocs_yml}: use_directory_urls must be true")


def test_paged_all_papers_builds_strictly_and_pages_link_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Following Next from the All papers page reaches every paper, in the built site."""
    monkeypatch.setattr(browse_pages, "PAGE_SIZE", 2)
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    corpus = generate_with(config, fixture_analyzer)
    warnings, error = run_strict_build(config, fixture_analyzer)
    assert (warnings, error) == ([], None)
    site = config.root / "site"
    page: Path | None = site / "browse" / "index.html"
    listed, visited = [], 0
    while page is not None:
        tree = parse_file(page)
        visited += 1
        listed += [
            resolve(site, page, a.attrs["href"])
            for a in tree.find("ol", "ps-paper-list").find_all("a")
        ]
        following = [a for a in tree.find("nav", "ps-pager").find_all("a") if a.text() == "Next »"]
        page = resolve(site, page, following[0].attrs["href"])[0] if following else None
    papers = {(site / p.url / "index.html", "") for p in corpus.papers}
    assert papers <= set(listed) and visited == -(-len(corpus.papers) // 2)


def test_every_paper_has_a_page(built_site: BuiltSite) -> None:
    missing = [p.slug for p in built_site.corpus.papers if not (built_site.site / p.url).is_dir()]
    assert built_site.corpus.papers
    assert missing == []


def test_every_internal_link_resolves(built_site: BuiltSite) -> None:
    site = built_site.site
    root = urlsplit(built_site.config.site_url or "/").path
    trees = site_trees(site)
    anchors: dict[Path, set[str]] = {}
    inside = site.resolve()
    whole: dict[Path, bool] = {}  # each target checked once: most are on every page
    broken: list[str] = []
    checked = 0
    for page, tree in trees.items():
        for node in tree.iter():
            for attr in ("href", "src", "xlink:href"):  # xlink:href: graph links (SVG)
                href = node.attrs.get(attr)
                target = resolve(site, page, href, root) if href is not None else None
                if target is None:
                    continue
                path, fragment = target
                checked += 1
                where = f"{page.relative_to(site)}: {node.attrs[attr]}"
                if path not in whole:
                    whole[path] = path.resolve().is_relative_to(inside) and path.is_file()
                if not whole[path]:
                    broken.append(where)
                elif fragment and path.suffix == ".html" and "=" not in fragment:
                    # `key=value` fragments are state read by a script (map/#topic=x)
                    if path not in anchors:
                        anchors[path] = ids(trees.get(path) or parse_file(path))
                    if fragment not in anchors[path]:
                        broken.append(f"{where} (no anchor)")
    assert checked > 20 * len(trees)
    assert broken == []


def test_links_to_paper_pages_show_the_exact_title(built_site: BuiltSite) -> None:
    """Titles go through Markdown in lists, tables and headings: none may lose a character.
    A link named otherwise (a method's name) carries the title as its tooltip, its math
    as text can show it."""
    site = built_site.site
    titles = {(site / p.url / "index.html"): p.title for p in built_site.corpus.papers}
    wrong, seen = [], 0
    for page, tree in site_trees(site).items():
        for link in tree.find_all("a"):
            target = resolve(site, page, link.attrs["href"]) if "href" in link.attrs else None
            if target is None or target[0] not in titles or target[0] == page:
                continue
            seen += 1
            title = titles[target[0]]
            if link.written_text() != title and link.attrs.get("title") not in (
                title,
                unicode_scripts(title),  # a tooltip holds no markup: as the tab's title
            ):
                wrong.append((str(page.relative_to(site)), link.text(), titles[target[0]]))
    assert seen >= len(titles)
    assert wrong == []


def test_tables_keep_their_shape(built_site: BuiltSite) -> None:
    """A `|` in corpus text never adds a table cell."""
    bad = []
    tables = 0
    for page, tree in site_trees(built_site.site).items():
        for table in tree.find_all("table"):
            tables += 1
            widths = {
                len([c for c in row.children if isinstance(c, Node)])
                for row in table.find_all("tr")
            }
            if len(widths) != 1:
                bad.append((str(page), widths))
    assert tables > 0
    assert bad == []


# --- faithful text --------------------------------------------------------------------------


def test_abstract_words_equal_the_cleaned_abstract(built_site: BuiltSite) -> None:
    """For every paper, every version's words, in order, exactly as ingest cleaned them
    (math fragments shown as plain text hold the written form in their tooltip)."""
    wrong = []
    for paper in built_site.corpus.papers:
        shown = _paper_tree(built_site, paper).find_all(cls="ps-abstract")
        if not paper.versions:
            assert [("ps-missing" in a.classes()) for a in shown] == [True], paper.slug
            continue
        words = [a.written_text().split() for a in shown]
        if words != [v.split() for v in paper.versions]:
            wrong.append(paper.slug)
    assert wrong == []


def test_title_heading_is_the_exact_title(built_site: BuiltSite) -> None:
    wrong = []
    for paper in built_site.corpus.papers:
        heading = _paper_tree(built_site, paper).find("article").find("h1")
        text = heading.written_text().removesuffix("¶")
        if text != paper.title:
            wrong.append((paper.slug, text))
    assert wrong == []


# --- untrusted text injects nothing (fixture site) ------------------------------------------

NASTY_TEXTS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "javascript:alert(1)",
    "| a | b |",
    "# not a heading",
    "`backticks`",
    "$x^2$",
    "**emphasis**",
    "*stars*",
    "_underscores_",
    "__dunders__",
    "~~strike~~",
    "~10%",
    "[Makkuva+ 2020]",
    "mathcal{O}(T^{-1/2d})",
    "ell_1",
    "&lt;b&gt;",
    "Fréchet, Naïve, α-β, 中文.",
)


def _script_signature(node: Node) -> str:
    """What identifies a theme script: its source file, its id (Material's settings, whose
    JSON starts with the page's own base address), or the start of its inline code."""
    source = node.attrs.get("src", "").rsplit("/", 1)[-1]
    return source or node.attrs.get("id", "") or node.text().strip()[:20]


def test_corpus_text_shows_as_text(fixture_site: BuiltSite) -> None:
    nasty = _by_key(fixture_site, "nasty")
    tree = _paper_tree(fixture_site, nasty)
    article = tree.find("article").written_text()
    missing = [t for t in NASTY_TEXTS if t not in article]
    assert missing == []
    assert nasty.title in article


def test_corpus_text_injects_no_markup(fixture_site: BuiltSite) -> None:
    site = fixture_site.site
    reference = parse(fixture_site.page(_by_key(fixture_site, "trained").url))
    theme_scripts = {_script_signature(s) for s in reference.find_all("script")}
    problems = []
    pages = html_pages(site)
    for page in pages:
        where = str(page.relative_to(site))
        for node in parse_file(page).iter():
            if node.tag == "script" and _script_signature(node) not in theme_scripts:
                problems.append(f"{where}: script {_script_signature(node)!r}")
            if node.tag in ("iframe", "object", "embed") or (
                node.tag == "img" and node.attrs.get("src") == "x"
            ):
                problems.append(f"{where}: <{node.tag}>")
            for name, value in node.raw_attrs:
                if name.startswith("on"):
                    problems.append(f"{where}: <{node.tag} {name}>")
                url = "".join((value or "").split()).lower()
                if name in ("href", "src", "action", "formaction", "xlink:href") and (
                    url.startswith(("javascript:", "data:text", "vbscript:"))
                ):
                    problems.append(f"{where}: <{node.tag} {name}={value!r}>")
    assert len(pages) > 10 and len(theme_scripts) >= 3
    assert problems == []


def test_search_data_is_text_only(built_site: BuiltSite) -> None:
    """What Pagefind reads of a paper page (its title, filters, sort keys) is plain text
    in spans: corpus text never becomes markup there, and the title is the paper's own,
    read from the page's heading when that is plain text (most pages), else from a span."""
    problems, from_heading = [], 0
    for paper in built_site.corpus.papers:
        tree = parse(built_site.page(paper.url))
        block = tree.find("div", cls="ps-search-data")
        for node in list(block.iter())[1:]:
            keys = {k for k in node.attrs if k.startswith("data-pagefind-")}
            if node.tag != "span" or len(keys) != 1 or list(node.iter())[1:]:
                problems.append(f"{paper.slug}: <{node.tag} {node.attrs}>")
        titles = [n for n in tree.iter() if n.attrs.get("data-pagefind-meta") == "title"]
        if len(titles) != 1 or list(titles[0].iter())[1:] or titles[0].text() != paper.title:
            problems.append(f"{paper.slug}: titles {[n.text() for n in titles]!r}")
        from_heading += titles[0].tag == "h1"
    assert problems == []
    assert from_heading >= len(built_site.corpus.papers) // 2


def test_only_http_code_urls_become_links(fixture_site: BuiltSite) -> None:
    """Of the code URLs found, only the safe http(s) one becomes a button; no link on the
    page leads to another scheme."""
    tree = _paper_tree(fixture_site, _by_key(fixture_site, "nasty"))
    buttons = tree.find("div", cls="ps-actions").find_all("a")
    code = [a for a in buttons if a.text().startswith("Code")]
    assert [a.text() for a in code] == ["Code (GitHub)"]
    assert code[0].attrs["href"].startswith("https://github.com/owner/repo_")
    assert "nofollow" in code[0].attrs.get("rel", "")
    hrefs = [a.attrs.get("href", "") for a in tree.find("article").find_all("a")]
    assert hrefs and all(not h.lower().startswith(("javascript:", "data:")) for h in hrefs)
    assert not set(hrefs) & set(FIXTURE_CODE_URLS[1:])


def test_head_meta_is_escaped(fixture_site: BuiltSite) -> None:
    """Material puts page.meta title/description in <head> unescaped: the generator escapes."""
    for key in ("inject", "nasty", "bare"):
        paper = _by_key(fixture_site, key)
        html = fixture_site.page(paper.url)
        head = parse(html).find("head")
        meta = {m.attrs.get("name"): m.attrs.get("content") for m in head.find_all("meta")}
        assert head.find("title").text() == f"{paper.title} - {fixture_site.config.site_name}"
        assert meta["description"] == unicode_scripts(first_sentence(paper.abstract))
        # A title drawn from the abstract is no bibliographic fact: no citation tags.
        assert meta.get("citation_title") == (None if paper.title_inferred else paper.title)
        topics = [
            n for n in parse(html).iter() if n.attrs.get("data-md-component") == "header-topic"
        ]
        assert [t.text().strip() for t in topics] == [paper.title]
        assert "</title><script>" not in html.split("<body", 1)[0]
        scripts = head.find_all("script")
        data = [s for s in scripts if s.attrs.get("type") == "application/ld+json"]
        assert [s for s in scripts if "alert" in s.text() and s not in data] == []
        if paper.title_inferred:
            assert data == []
            og = [m for m in head.find_all("meta") if m.attrs.get("property") == "og:type"]
            assert [m.attrs.get("content") for m in og] == ["article"]  # still a paper
            continue
        assert len(data) == 1 and "<" not in data[0].text()  # JSON with \u003c escapes
        assert json.loads(data[0].text())["headline"] == paper.title


def test_paper_page_facts(fixture_site: BuiltSite) -> None:
    """One line of facts in words (the year marked when inferred), generated titles
    marked, versions and possible duplicates shown."""

    def facts(key: str) -> str:
        return _paper_tree(fixture_site, _by_key(fixture_site, key)).find(cls="ps-facts").text()

    assert facts("trained") == "3 authors (names not in the listing) · 12 Oct 2019 · 7 upvotes"
    trained = _paper_tree(fixture_site, _by_key(fixture_site, "trained")).find("article").text()
    assert "Possibly the same work" in trained and "TRP: Trained Rank Pruning" in trained
    assert "(year inferred)" in facts("versions")
    versions = _paper_tree(fixture_site, _by_key(fixture_site, "versions")).find("article").text()
    assert "Other versions" in versions and "is inferred" in versions  # About this record
    bare = _by_key(fixture_site, "bare")
    article = _paper_tree(fixture_site, bare).find("article")
    assert "Title generated from the abstract" in article.text()
    assert article.find_all("details", cls="ps-cite") == []  # no citation of a made-up title
    assert _by_key(fixture_site, "trained").title_inferred is False
    trained = _paper_tree(fixture_site, _by_key(fixture_site, "trained")).find("article")
    assert trained.find_all("details", cls="ps-cite")
    # Lists mark it too: in All papers the title is set apart, and only this one.
    listed = parse(fixture_site.page("browse/")).find_all("span", cls="ps-inferred-title")
    assert [span.text() for span in listed] == [bare.title]


def test_related_papers_show_their_reason(fixture_site: BuiltSite) -> None:
    tree = _paper_tree(fixture_site, _by_key(fixture_site, "nasty"))
    why = [s.text() for s in tree.find_all("span", cls="ps-why")]
    # Every link says why, in words (no raw score); a pair with no shared term says so.
    assert why == [
        "Shared: escape, <script>, a_b*c, | x |",
        "Related by overall subject; no key term in common",
    ]
    text = tree.find("article").text()
    assert "similarity" not in text and "0.42" not in text
    assert "Methods it mentions" in text and "Look it up" in text
    lookups = {
        a.text(): a.attrs["href"] for a in tree.find("article").find_all("a") if "href" in a.attrs
    }
    assert lookups["arXiv"].startswith("https://arxiv.org/search/?query=Stars+")
    assert lookups["Semantic Scholar"].startswith("https://www.semanticscholar.org/search?q=")
    assert lookups["Hugging Face"].startswith("https://huggingface.co/papers?q=")


def test_topic_tags_link_to_topic_pages(fixture_site: BuiltSite) -> None:
    nasty = _by_key(fixture_site, "nasty")
    page = fixture_site.site / nasty.url / "index.html"
    tags = parse_file(page).find("nav", cls="md-tags").find_all("a")
    analysis = fixture_site.analysis
    topics = {t.slug: t for t in analysis.topics}
    expected = [topics[slug] for slug in analysis.paper_topics[nasty.slug]]
    assert [a.text() for a in tags] == [t.label for t in expected]
    assert len(expected) == 2
    for link, topic in zip(tags, expected, strict=True):
        target = resolve(fixture_site.site, page, link.attrs["href"])
        assert target is not None
        assert target[0] == fixture_site.site / "topics" / topic.slug / "index.html"
        # A topic the paper is in by resemblance alone is marked as such, and its tag
        # leads to the section that says why.
        close = nasty.slug in topic.close
        assert link.attrs["href"].endswith("#close-to-this-topic") is close
        if close:
            assert 'id="close-to-this-topic"' in target[0].read_text(encoding="utf-8")
        assert ("ps-tag--close" in link.attrs["class"]) is close, topic.label
        assert ("does not use its name" in link.attrs.get("title", "")) is close
    assert any(nasty.slug in t.close for t in expected)


def test_close_topics_are_no_keywords_of_the_paper(fixture_site: BuiltSite) -> None:
    """Metadata (JSON-LD keywords) names the topics a paper is about, not those it is in
    by resemblance alone; the topic page lists such papers apart."""
    nasty = _by_key(fixture_site, "nasty")
    head = parse(fixture_site.page(nasty.url)).find("head")
    script = next(
        n for n in head.find_all("script") if n.attrs.get("type") == "application/ld+json"
    )
    data = json.loads(script.text())
    assert data["keywords"] == ["Rank pruning"]
    article = parse(fixture_site.page("topics/markdown-safety/")).find("article")
    assert [h.text().rstrip("¶") for h in article.find_all("h2")].count("Close to this topic") == 1
    assert article.text().index(nasty.title) > article.text().index("Close to this topic")


def test_topic_page_has_chart_papers_and_related(fixture_site: BuiltSite) -> None:
    tree = parse(fixture_site.page("topics/rank-pruning/"))
    article = tree.find("article")
    chart = article.find("svg", cls="ps-chart")
    bars = chart.find_all("rect")
    assert [g.find("title").text() for g in chart.find_all("g")] == [
        "2019: 1 paper",
        "2020: 0 papers",
        "2021: 1 paper",
        "2022: 1 paper",
    ]
    assert len(bars) == 4
    summaries = article.find_all("span", cls="ps-summary")
    assert len(summaries) == 4  # five papers, two of them possibly one work
    versions = article.find_all("span", cls="ps-versions")
    assert len(versions) == 1 and "TRP: Trained Rank Pruning" in versions[0].text()
    assert (
        "Related topics" in article.text() and "Markdown *safety* | <b>bold</b>" in article.text()
    )


# --- navigation -------------------------------------------------------------------------------


def test_paper_pages_are_not_in_the_sidebar(built_site: BuiltSite) -> None:
    site = built_site.site
    in_nav = set()
    for page in [site / "index.html", *sorted((site / "papers").glob("*/index.html"))[:20]]:
        nav = parse_file(page).find("nav", cls="md-nav--primary")
        for link in nav.find_all("a"):
            target = resolve(site, page, link.attrs.get("href", ""))
            if target is not None:
                in_nav.add(target[0].parent.relative_to(site).as_posix())
    assert {".", "topics", "browse", "methods"} <= in_nav
    assert [p for p in in_nav if p.startswith("papers")] == []
    assert "health" not in in_nav  # a maintainer's page: linked from the footer instead
    footer = parse_file(site / "index.html").find("footer")
    about = [a for a in footer.find_all("a") if a.text() == "About this corpus"]
    assert len(about) == 1 and resolve(site, site / "index.html", about[0].attrs["href"])


def test_the_sidebar_marks_where_a_page_outside_it_belongs(built_site: BuiltSite) -> None:
    """A topic page marked nothing in the sidebar: "Topics" looked like any other link."""
    site = built_site.site
    papers = sorted((site / "papers").glob("*/index.html"))[:3]
    topics = sorted((site / "topics").glob("*/index.html"))[:3]
    years = sorted((site / "browse").glob("*/index.html"))[:3]
    assert papers and topics and years
    topics.append(site / "topics" / "index.html")  # its own page, as before
    expected = {"Topics": topics, "All papers": papers + years, "Home": [site / "index.html"]}
    for label, pages in expected.items():
        for page in pages:
            nav = parse_file(page).find("nav", cls="md-nav--primary")
            active = [
                " ".join(item.find("a").text().split())
                for item in nav.find_all("li")
                if "md-nav__item--active" in item.classes()
            ]
            assert active == [label], (page.relative_to(site), active)
    health = parse_file(site / "health" / "index.html").find("nav", cls="md-nav--primary")
    assert not [i for i in health.find_all("li") if "md-nav__item--active" in i.classes()]


def test_feeds_are_linked_from_page_heads_and_parse(built_site: BuiltSite) -> None:
    """The site's feed from every page's head, a topic's from its page's too; beside
    each, the empty sitemap Material fetches for a rel="alternate" link (not the site's
    own, which instant navigation downloads already)."""
    import feedparser

    site = built_site.site
    feeds = [site / "feed.xml", *sorted((site / "feeds").rglob("*.xml"))]
    feeds = [feed for feed in feeds if feed.name != "sitemap.xml"]
    assert len(feeds) > 2
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo and parsed.entries, feed
    topic_page = next(
        page
        for page in sorted((site / "topics").glob("*/index.html"))
        if 'class="ps-feed-link"' in page.read_text(encoding="utf-8")
    )
    topic_feed = site / "feeds" / "topics" / f"{topic_page.parent.name}.xml"
    paper_page = next((site / "papers").glob("*/index.html"))
    newest = (site / "feeds" / "newest.xml", "")
    for page, linked in (
        (site / "index.html", [newest]),
        (paper_page, [newest]),
        (topic_page, [newest, (topic_feed, "")]),
    ):
        links = [
            n.attrs["href"]
            for n in parse_file(page).find("head").find_all("link")
            if n.attrs.get("rel") == "alternate"
        ]
        assert [resolve(site, page, href) for href in links] == linked, page
        for feed, _ in linked:
            sitemap = (feed.parent / "sitemap.xml").read_text(encoding="utf-8")
            assert "<urlset" in sitemap and "<url>" not in sitemap, feed


def test_lists_show_titles_as_the_paper_page_does(bundled_site: BuiltSite) -> None:
    """U^2-Net reads U²-Net wherever its title is listed (the caret kept, hidden), not
    only in its page's heading."""
    raised = '<sup class="ps-sup"><span class="ps-caret">^</span>2</sup>-Net'
    pages = sorted((bundled_site.site / "browse").glob("title*/index.html"))
    pages.append(bundled_site.site / "methods" / "index.html")
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    showing = [page.parent.name for page, html in texts.items() if raised in html]
    assert "methods" in showing and len(showing) >= 2, showing  # All papers A-Z and Methods
    assert not [page for page, html in texts.items() if ">U^2-Net" in html]


def test_no_page_shows_a_markdown_escape_in_a_date(built_site: BuiltSite) -> None:
    """Values in a template's raw HTML are HTML-escaped (autoescape), not Markdown-escaped:
    inside HTML Markdown leaves "2025\\-09\\-19" as written. The home page's newest papers
    showed it once."""
    import re

    escaped = re.compile(r"\d\\-\d")
    shown = [
        page for page in html_pages(built_site.site) if escaped.search(page.read_text("utf-8"))
    ]
    assert not shown, shown[:5]


def test_the_not_found_page_offers_search_and_the_entry_points(built_site: BuiltSite) -> None:
    """Material's 404 said only "404 - Not found". Its links start at the site's path on
    its server, as the page is served at whatever address was asked for: "//topics/"
    (the root "/" joined to "/topics/") would name a host."""
    site = built_site.site
    page = site / "404.html"
    tree = parse_file(page)
    article = tree.find("article")
    assert article and article.find("h1").text() == "Page not found"
    assert article.find("button", "ps-home-search__box") is not None
    root = urlsplit(built_site.config.site_url or "/").path
    links = {a.text(): a.attrs["href"] for a in article.find_all("a")}
    assert list(links) == ["Home", "Topics", "All papers", "Paper finder", "Map"]
    for href in links.values():
        assert href.startswith(root) and not href.startswith("//"), href
        target = resolve(site, page, href, root)
        assert target and target[0].is_file(), href


def test_every_date_reads_as_on_the_paper_page(fixture_site: BuiltSite) -> None:
    """Lists showed "2022-10-12" where the paper's page says "12 Oct 2022": every date
    reads the page's way, its ISO form kept for machines (`datetime`)."""
    times = [
        node for tree in site_trees(fixture_site.site).values() for node in tree.find_all("time")
    ]
    assert len(times) > 10
    for node in times:
        year, month, day = (int(part) for part in node.attrs["datetime"].split("-"))
        assert node.text() == PaperDate(year, month, day).words(), node.attrs
    assert PaperDate(2022, 10, 2).words() == "2 Oct 2022"
