"""The Paper finder in headless Chromium: a static page with finder.js, vendored lunr.js and
an index prebuilt by generator.search, served on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import markdown
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve_folder
from markupsafe import Markup
from search_papers import make_paper

from generator.links import paper_url
from generator.model import Analysis, Corpus, Topic
from generator.render.environment import make_environment
from generator.search import build_search_index, index_json, query_terms

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "site_src" / "overrides" / "assets"
HOSTILE_TITLE = 'Naïve Bayes <img src=x onerror="window.pwned=1"> & <script>window.pwned=1</script>'


PAPERS = (
    make_paper(
        "nnu-net",
        "nnU-Net: Self-adapting Framework for U-Net-Based Segmentation",
        "A self-configuring method for medical image segmentation.",
        2018,
    ),
    make_paper(
        "unetpp",
        "UNet++: A Nested U-Net Architecture for Medical Image Segmentation",
        "Nested, dense skip pathways for segmentation.",
        2018,
    ),
    make_paper(
        "frechet",
        "Fréchet Inception Distance Revisited",
        "We study the evaluation of generative models.",
        2021,
    ),
    make_paper(
        "naive-bayes",
        HOSTILE_TITLE,
        "A classic baseline, with <b>markup</b> in the abstract.",
        None,
    ),
    make_paper(
        "segment-anything",
        "Segment Anything",
        "A promptable segmentation model trained on a billion masks.",
        2023,
    ),
)
ANALYSIS = Analysis(
    topics=(
        Topic("segmentation", "Segmentation", (), ("nnu-net", "unetpp", "segment-anything")),
        Topic("generative", "Generative models", (), ("frechet",)),
    ),
    paper_topics={
        "nnu-net": ("segmentation",),
        "unetpp": ("segmentation",),
        "segment-anything": ("segmentation",),
        "frechet": ("generative",),
    },
)


def _finder_html() -> str:
    """The finder page body: finder.md.j2 rendered as the generator would, then Markdown."""
    text = (
        make_environment()
        .get_template("finder.md.j2")
        .render(
            front=Markup(""),
            papers=len(PAPERS),
            index_url="../assets/search/papers.json",
            site_root="../",
            browse_url="../browse/",
            topics_url="../topics/",
        )
    )
    return markdown.markdown(text, extensions=["attr_list", "md_in_html"])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A minimal static site served on 127.0.0.1; yields its base URL."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api")
    root = tmp_path_factory.mktemp("finder-site")
    (root / "assets/search").mkdir(parents=True)
    (root / "assets/search/papers.json").write_text(
        index_json(build_search_index(Corpus(papers=PAPERS), ANALYSIS)), encoding="utf-8"
    )
    shutil.copy(ASSETS / "vendor/lunr/lunr.min.js", root / "assets/lunr.min.js")
    shutil.copy(ASSETS / "javascripts/finder.js", root / "assets/finder.js")
    (root / "finder").mkdir()
    (root / "finder/index.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Finder</title></head><body>"
        f"{_finder_html()}<script src='../assets/lunr.min.js'></script>"
        "<script src='../assets/finder.js'></script></body></html>",
        encoding="utf-8",
    )
    for paper in PAPERS:
        page = root / paper_url(paper.slug) / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<!doctype html><title>{paper.slug}</title>", encoding="utf-8")
    (root / "favicon.ico").write_bytes(b"")

    with serve_folder(root) as url:
        yield url.rstrip("/")


def test_finder_searches_filters_and_links(site: str) -> None:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: None if r.url.startswith(site) else outside.append(r.url))
            page.goto(f"{site}/finder/")
            page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=10_000)
            results = page.locator(".ps-finder__result a")

            page.fill(".ps-finder__query", "nnunet")
            assert results.first.text_content() == PAPERS[0].title
            page.fill(".ps-finder__query", "frechet")
            assert results.all_text_contents() == ["Fréchet Inception Distance Revisited"]
            page.fill(".ps-finder__query", "unet++")
            assert results.first.text_content().startswith("UNet++")

            page.fill(".ps-finder__query", "segmentation")
            assert results.count() == 3
            page.select_option(".ps-finder__year", "2018")
            assert sorted(results.all_text_contents()) == sorted(p.title for p in PAPERS[:2])
            assert page.text_content(".ps-finder__status") == "2 papers match."
            page.select_option(".ps-finder__year", "")
            page.select_option(".ps-finder__topic", "generative")
            assert results.count() == 0
            assert page.text_content(".ps-finder__status") == "No paper matches."

            page.select_option(".ps-finder__topic", "")
            page.fill(".ps-finder__query", "naive")
            assert results.all_text_contents() == [HOSTILE_TITLE]
            assert page.locator(".ps-finder__results img, .ps-finder__results script").count() == 0
            assert page.evaluate("window.pwned") is None

            for query in ["nnU-Net", "unet++ u2-net", "Fréchet NAÏVE", "title:gan^10 ~x*", "𝕊ẞİ"]:
                js_terms = page.evaluate("q => window.papersiteFinder.queryTerms(q)", query)
                assert js_terms == [asdict(t) for t in query_terms(query)], query

            page.fill(".ps-finder__query", "nnunet")
            results.first.click()
            page.wait_for_url(f"{site}/papers/nnu-net/")
        finally:
            browser.close()
    assert not problems
    assert not outside


def test_finder_explains_itself_without_javascript(site: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.goto(f"{site}/finder/")
            text = page.inner_text(".ps-finder")
            assert "needs JavaScript" in text
            assert page.locator(".ps-finder a[href='../browse/']").count() == 1
        finally:
            browser.close()
