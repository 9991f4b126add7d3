"""The Paper finder of the built bundled site: query, filters with counts, sorting, and
the view kept in the URL, as a visitor uses them."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import PAGEFIND_PAPERS_JS, wait_for_h1
from sitebuild import BuiltSite

from generator.render.text import title_order

if TYPE_CHECKING:
    from conftest import NewTab, Tab
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

COUNT_RE = re.compile(r"^(\d+) papers?")


def _ready(page: Page) -> None:
    page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=15_000)


def _count(page: Page) -> int:
    text = page.locator(".ps-finder__status").first.text_content() or ""
    match = COUNT_RE.match(text)
    return int(match.group(1)) if match else 0


def _wait_for_count(page: Page, before: int | None = None) -> int:
    """Wait until the results were redrawn (their count is no longer `before`)."""
    page.wait_for_function(
        """n => { const c = document.querySelector('.ps-finder');
                 return c && c.dataset.ready === 'ready'
                   && (n === null || Number(c.dataset.results) !== n); }""",
        arg=before,
        timeout=15_000,
    )
    return _count(page)


def _options(page: Page, name: str) -> dict[str, int]:
    """The options of a filter with the counts they show."""
    labels = page.locator(f"select[name={name}] option").evaluate_all(
        "os => os.filter(o => o.value).map(o => [o.value, o.textContent])"
    )
    counts = {}
    for value, label in labels:
        match = re.search(r"\((\d+)(?:, [^)]*)?\)$", label)
        assert match, label
        counts[value] = int(match.group(1))
    return counts


def _metas(page: Page) -> list[str]:
    return page.locator(".ps-finder__result .ps-finder__meta").all_text_contents()


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_query_topic_and_code_filters_narrow_with_the_counts_they_show(tab: Tab) -> None:
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    page.fill(".ps-finder__query", "segmentation")
    everything = _wait_for_count(page, _count(page))
    assert everything >= 10
    topics = _options(page, "topic")
    assert sum(topics.values()) >= everything  # a paper has up to three topics
    topic, shown = max(topics.items(), key=lambda item: item[1])
    page.select_option("select[name=topic]", topic)
    in_topic = _wait_for_count(page, everything)
    assert in_topic == shown < everything
    assert all(topic in meta for meta in _metas(page)), _metas(page)
    code = page.locator("[data-ps-code]").text_content() or ""
    with_code = int(re.search(r"\((\d+)\)", code).group(1))  # type: ignore[union-attr]
    if with_code:
        page.check("input[name=code]")
        assert _wait_for_count(page, in_topic) == with_code
        assert all("has code" in meta.split(" · ") for meta in _metas(page))
    assert _query(page)["query"] == ["segmentation"] and _query(page)["topic"] == [topic]
    tab.assert_clean()


def test_year_range_says_how_few_papers_have_a_date(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    # A year the listings did not print says so, with how many of its papers it dates.
    dated = [p.published for p in e2e_site.corpus.papers if p.published]
    guessed = Counter(str(d.year) for d in dated if d.year_inferred)
    everyone = Counter(str(d.year) for d in dated)
    assert guessed  # the bundled daily listings print no year
    labels = dict(
        page.locator("select[name=from] option").evaluate_all(
            "os => os.filter(o => o.value).map(o => [o.value, o.textContent])"
        )
    )
    for year, label in labels.items():
        note = (
            ""
            if not guessed[year]
            else ", inferred"
            if guessed[year] == everyone[year]
            else f", {guessed[year]} inferred"
        )
        assert label == f"{year} ({everyone[year]}{note})"

    note = page.locator(".ps-finder__field", has_text="Year").locator(".ps-finder__note")
    assert re.fullmatch(r"Only \d+ of \d+ papers have a date\.", note.text_content() or "")
    # So few have one that the papers come A-Z; newest first, the sort's note does not
    # say the count again.
    assert page.locator("select[name=sort]").input_value() == "title"
    page.select_option("select[name=sort]", "newest")
    page.wait_for_function("() => location.search.includes('sort=newest')")
    sort_note = page.locator("[data-ps-note=sort]").text_content() or ""
    assert sort_note == "The papers with a date come first."
    everything = _count(page)
    years = sorted(_options(page, "from"))
    assert len(years) >= 2
    low, high = years[-2], years[-1]
    page.select_option("select[name=from]", low)
    page.select_option("select[name=to]", high)
    in_range = _wait_for_count(page, everything)
    assert 0 < in_range < everything
    found = [re.match(r"\d{4}", meta).group() for meta in _metas(page)]  # type: ignore[union-attr]
    assert found and all(low <= year <= high for year in found), found
    tab.assert_clean()


def test_newest_first_lists_dated_papers_newest_first(tab: Tab) -> None:
    page = tab.page
    tab.goto("finder/?sort=newest")
    _ready(page)
    metas = _metas(page)
    years = [int(m[:4]) for m in metas if re.match(r"\d{4}", m)]
    assert len(years) >= 10 and years == sorted(years, reverse=True), years
    assert page.locator("select[name=sort]").input_value() == "newest"
    tab.assert_clean()


def _sort_options(page: Page) -> list[str]:
    return page.locator("select[name=sort] option").all_text_contents()


def test_the_sort_control_names_the_order_shown(tab: Tab, e2e_site: BuiltSite) -> None:
    """Without a query the papers come newest first, or A-Z when fewer than half of them
    have a date (newest first listed a few dated papers, then hundreds in slug order),
    and the control says so: Relevance is offered only with a query (there is nothing to
    rank by without one)."""
    papers = e2e_site.corpus.papers
    dated = sum(p.published is not None for p in papers)
    plain = "title" if dated * 2 < len(papers) else "newest"
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    orders = ["Newest first", "Most upvoted", "Title A–Z"]
    assert _sort_options(page) == orders
    assert page.locator("select[name=sort]").input_value() == plain
    if plain == "title":  # as All papers lists them A-Z
        titles = page.locator(".ps-finder__results li a").first.text_content() or ""
        first = sorted(papers, key=lambda p: (title_order(p.title), p.slug))[0].title
        assert titles.strip() == first
    page.fill(".ps-finder__query", "segmentation")
    everything = _wait_for_count(page, _count(page))
    assert _sort_options(page) == ["Relevance", *orders]
    assert page.locator("select[name=sort]").input_value() == ""
    assert "sort" not in _query(page)  # the default order was shown, not chosen
    page.fill(".ps-finder__query", "")
    _wait_for_count(page, everything)
    assert page.locator("select[name=sort]").input_value() == plain
    page.select_option("select[name=sort]", "upvotes")
    page.wait_for_function("() => location.search.includes('sort=upvotes')")
    page.select_option("select[name=sort]", "newest")  # chosen: it sticks with a query
    page.wait_for_function("() => location.search.includes('sort=newest')")
    page.fill(".ps-finder__query", "segmentation")
    page.wait_for_function("() => location.search.includes('query=segmentation')")
    _ready(page)
    assert page.locator("select[name=sort]").input_value() == "newest"
    tab.assert_clean()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_code_checkbox_is_centred_on_its_words_and_lines_up(
    new_tab: NewTab, width: int
) -> None:
    """The box sits on the middle of its label, at the left edge of its field, and on a wide
    screen level with the selects of its row."""
    tab = new_tab(viewport={"width": width, "height": 900})
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    page.evaluate("document.querySelector('.ps-finder__panel').open = true")
    box = page.locator("input[name=code]").bounding_box()
    words = page.locator("[data-ps-code]").bounding_box()
    field = page.locator(".ps-finder__field--check").bounding_box()
    year = page.locator("select[name=from]").bounding_box()
    assert box and words and field and year
    middle = box["y"] + box["height"] / 2
    assert abs(middle - (words["y"] + words["height"] / 2)) <= 1.5
    assert abs(box["x"] - field["x"]) <= 1
    if width == 1280:
        assert abs(middle - (year["y"] + year["height"] / 2)) <= 1.5
    tab.assert_clean()


def test_on_a_phone_the_filters_keep_to_the_column(new_tab: NewTab) -> None:
    """A menu's longest option (an area's two names) pushed every field past the search
    box's right edge, 8 px nearer the screen's edge than the text's margin."""
    tab = new_tab(viewport={"width": 390, "height": 844})
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    page.evaluate("document.querySelector('.ps-finder__panel').open = true")
    column = page.locator(".ps-finder__query").bounding_box()
    assert column
    edges = page.evaluate(
        """() => [...document.querySelectorAll('.ps-finder__filters *')]
          .filter((e) => e.getClientRects().length)
          .map((e) => [e.className || e.tagName, e.getBoundingClientRect().right])"""
    )
    assert len(edges) >= 10
    beyond = [(name, right) for name, right in edges if right > column["x"] + column["width"] + 0.5]
    assert not beyond, beyond
    tab.assert_clean()


def test_a_shared_link_reopens_the_same_view_without_the_header_search(
    tab: Tab, new_tab: NewTab
) -> None:
    page = tab.page
    tab.goto("finder/")
    _ready(page)
    page.fill(".ps-finder__query", "segmentation")
    everything = _wait_for_count(page, _count(page))
    topic = max(_options(page, "topic").items(), key=lambda item: item[1])[0]
    page.select_option("select[name=topic]", topic)
    count = _wait_for_count(page, everything)
    titles = page.locator(".ps-finder__result .ps-finder__title").all_text_contents()
    shared = page.url

    other = new_tab(viewport={"width": 390, "height": 844})
    other.page.goto(shared)
    _ready(other.page)
    assert _count(other.page) == count
    # the open filters fill a phone's screen: the count is beside their heading too
    tally = other.page.locator(".ps-finder__panel > summary").inner_text()
    assert tally.endswith(f"\u00b7 {count} paper{'s' if count > 1 else ''}"), tally
    assert other.page.locator(".ps-finder__result .ps-finder__title").all_text_contents() == titles
    assert other.page.locator(".ps-finder__query").input_value() == "segmentation"
    assert other.page.locator("select[name=topic]").input_value() == topic
    assert other.page.locator("[data-ps-search-dialog][open]").count() == 0
    width = other.page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 391, f"the finder is {width}px wide on a 390px phone"

    link = other.page.locator(".ps-finder__result a.ps-finder__title").first
    title = (link.text_content() or "").strip()
    link.click()
    wait_for_h1(other.page, title)
    tab.assert_clean()
    other.assert_clean()


def test_show_more_is_gone_when_every_result_is_shown(tab: Tab) -> None:
    """Material's .md-button sets `display`, which used to beat the `hidden` attribute:
    a "Show more" that did nothing stayed under every short result list."""
    page = tab.page
    tab.goto("finder/?query=segment")
    _ready(page)
    more = page.locator(".ps-finder__more")
    assert _count(page) > 20 and more.is_visible()  # more than one screen of results
    # Shown by keyboard, the next results start where the focus goes (it stayed on the
    # button, now below them: Tab led past what was to be read next)
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.ps-finder__result').length > 20")
    focused = page.evaluate(
        "document.activeElement.closest('.ps-finder__result') === "
        "document.querySelectorAll('.ps-finder__result')[20]"
    )
    assert focused
    tab.goto("finder/?query=zzzzqqqq+segmentation")
    _ready(page)
    assert not more.is_visible()
    # A few over a page are shown with it: no "Show more" for one more result.
    for word in WORDS:
        tab.goto(f"finder/?query={word}")
        _ready(page)
        if 20 < _count(page) <= 25:
            break
    else:
        raise AssertionError("no word has 21 to 25 results")
    shown = page.locator(".ps-finder__result").count()
    assert shown == _count(page) and not more.is_visible(), (word, shown)
    tab.assert_clean()


# Common words, of which one has 21 to 25 results (the finder shows 20 at a time).
WORDS = "quantization transport pruning graph diffusion inpainting distillation".split()


def test_a_word_no_paper_has_and_a_reversed_range_are_not_widened(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """Pagefind answers a word no page has with the papers of its longest known start
    ("bert" as "be"), and a year range that ends before it starts searched every year:
    both listed papers that do not match."""
    page = tab.page
    word = "segmentationqzx"  # "segmentation" and letters no paper writes
    assert not any(word in (p.title + p.abstract).lower() for p in e2e_site.corpus.papers)
    tab.goto(f"finder/?query={word}")
    _ready(page)
    assert (
        page.locator(".ps-finder__status").text_content()
        == f"No paper has the word \u201c{word}\u201d."
    )
    assert page.locator(".ps-finder__result").count() == 0
    assert set(_options(page, "topic").values()) == {0}
    assert page.locator(".ps-finder__suggest").count() == 0  # three letters off: no typo
    # Two such words of different starts find nothing at all (nothing to judge them by):
    # each is named, a typo's word offered, not "No paper matches these words".
    other = "xqzvwk"
    assert not any(other in (p.title + p.abstract).lower() for p in e2e_site.corpus.papers)
    tab.goto(f"finder/?query=segmntation+{other}")
    _ready(page)
    assert (page.locator(".ps-finder__status").text_content() or "").startswith(
        f"No paper has the words \u201csegmntation\u201d, \u201c{other}\u201d."
    )
    # one offer, the query with the typo's word put in
    assert page.locator(".ps-finder__suggest").all_text_contents() == [f"segmentation {other}"]
    tab.goto("finder/?query=segmntation")  # a letter left out: the word is offered
    _ready(page)
    page.locator(".ps-finder__suggest", has_text="segmentation").click()
    page.wait_for_function("() => location.search.includes('query=segmentation')")
    _ready(page)
    assert page.locator(".ps-finder__query").input_value() == "segmentation"
    assert _count(page) > 0
    years = sorted({str(p.published.year) for p in e2e_site.corpus.papers if p.published})
    low, high = years[0], years[-1]
    tab.goto(f"finder/?from={high}&to={low}")
    _ready(page)
    assert page.locator("select[name=to]").input_value() == high
    in_year = sum(
        1 for p in e2e_site.corpus.papers if p.published and str(p.published.year) == high
    )
    status = page.locator(".ps-finder__status").text_content()
    assert (
        status == f"{in_year} paper{'s' if in_year > 1 else ''} match{'es' if in_year == 1 else ''}"
    )
    tab.assert_clean()


def test_names_with_a_superscript_read_as_on_the_paper_page(tab: Tab) -> None:
    page = tab.page
    tab.goto("finder/?query=nested+salient+object")
    _ready(page)
    title = page.locator(".ps-finder__result .ps-finder__title").first
    assert title.inner_text().startswith("U2-Net")  # shown raised: U²-Net
    assert title.locator("sup").first.inner_text() == "2"
    assert (title.text_content() or "").startswith("U^2-Net")  # the text as written
    tab.assert_clean()


def test_a_title_drawn_from_the_abstract_is_set_apart_in_the_results(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """As in the site's lists: the finder marks a made-up title, and only that."""
    inferred = [p for p in e2e_site.corpus.papers if p.title_inferred]
    assert inferred
    paper = inferred[0]
    words = " ".join(re.findall(r"[A-Za-z]{4,}", paper.title)[:3])
    tab.goto("finder/?query=" + words.replace(" ", "+"))
    _ready(tab.page)
    marked = tab.page.locator(".ps-finder__title").evaluate_all(
        """links => links.map(
             a => [new URL(a.href).pathname, a.classList.contains('ps-inferred-title')])"""
    )
    assert any(path.endswith(paper.url) for path, _ in marked)
    assert all(flag == any(path.endswith(p.url) for p in inferred) for path, flag in marked)
    # The mark is a filter, not searchable metadata: "yes" finds no page for its mark.
    tab.goto("finder/?query=yes")
    _ready(tab.page)
    found = tab.page.locator(".ps-finder__title").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    silent = [p for p in inferred if "yes" not in f"{p.title} {p.abstract}".lower()]
    assert not [p.url for p in silent if any(path.endswith(p.url) for path in found)]
    tab.assert_clean()


def test_a_topic_a_paper_is_in_by_resemblance_alone_says_close_to(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """As the paper's own tags and All papers do (Topic.close), in the finder and in
    the search dialog: the plain topic name read as if the paper were about it."""
    analysis = e2e_site.analysis
    topic = next(t for t in analysis.topics if t.close)
    paper = next(p for p in e2e_site.corpus.papers if p.slug == topic.close[0])
    words = " ".join(re.findall(r"[A-Za-z]{4,}", paper.title)[:4])
    tab.goto("finder/?query=" + words.replace(" ", "+"))
    _ready(tab.page)
    results = tab.page.locator(".ps-finder__result")
    mine = results.filter(has=tab.page.locator(f"a[href$='{paper.url}']"))
    assert mine.count() == 1
    assert f"close to {topic.label}" in mine.locator(".ps-finder__meta").inner_text()
    # Every "close to" shown is one: for each result, the topics it is close to.
    rows = results.evaluate_all(
        """items => items.map(li => [new URL(li.querySelector('a').href).pathname,
                                   li.querySelector('.ps-finder__meta').textContent])"""
    )
    by_url = {p.url: p.slug for p in e2e_site.corpus.papers}
    for path, meta in rows:
        slug = next(s for url, s in by_url.items() if path.endswith(url))
        for t in analysis.topics:
            if t.label in meta.split(" · "):
                assert slug not in t.close, (slug, t.label)
            if f"close to {t.label}" in meta.split(" · "):
                assert slug in t.close, (slug, t.label)
    tab.assert_clean()


def test_back_from_a_result_returns_to_the_results_shown_and_the_place_read(tab: Tab) -> None:
    """Three screens of results, a result far down followed, then Back: the finder shows
    the same results in the same order at the same place, not the first twenty at the top
    (Material puts the scroll back before the finder has drawn its results, on a page
    still too short)."""
    page = tab.page
    tab.goto("finder/?query=neural+network")
    _ready(page)
    assert _count(page) > 60
    results = page.locator(".ps-finder__result")
    for shown in (40, 60):
        page.locator(".ps-finder__more").click()
        page.wait_for_function(f"document.querySelectorAll('.ps-finder__result').length >= {shown}")
    first = page.locator(".ps-finder__title").evaluate_all("as => as.map(a => a.href)")[:20]
    ranked = page.evaluate(PAGEFIND_PAPERS_JS, ["neural network", 20])
    assert first[:8] != ranked[:8] and first[8:] == ranked[8:20]  # titles naming it first
    target = results.nth(50).locator(".ps-finder__title")
    target.scroll_into_view_if_needed()
    page.wait_for_timeout(200)  # past the scroll's own events
    title = (target.text_content() or "").strip()
    place = page.evaluate("window.scrollY")
    assert place > 2000
    tab.mark_document()
    target.click()
    wait_for_h1(page, title)
    page.go_back()
    page.wait_for_function(
        "n => document.querySelectorAll('.ps-finder__result').length >= n", arg=60
    )
    page.wait_for_function("y => Math.abs(window.scrollY - y) < 50", arg=place, timeout=5_000)
    assert tab.same_document()  # Material's instant navigation, as published
    assert results.nth(50).locator(".ps-finder__title").is_visible()
    # in the same order (titles that name the query first among the first rows)
    assert page.locator(".ps-finder__title").evaluate_all("as => as.map(a => a.href)")[:20] == first
    page.locator(".md-header a.md-logo").click()  # home, then the same view by a link:
    page.wait_for_url(re.compile(r"/reading-group/$"))  # a new visit, the first results
    page.locator("[data-ps-search-open]").first.click()
    page.locator("[data-ps-search-input]").fill("network")
    page.locator(".ps-search__more").click()
    _ready(page)
    assert results.count() == 20 and page.evaluate("window.scrollY") == 0
    page.locator(".md-header a.md-logo").click()  # and Back to it: as it was left
    page.wait_for_url(re.compile(r"/reading-group/$"))
    page.go_back()
    _ready(page)
    page.wait_for_timeout(300)  # a place put back would be there by now
    assert results.count() == 20 and page.evaluate("window.scrollY") == 0
    tab.assert_clean()
