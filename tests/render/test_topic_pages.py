"""A topic page opens with one sentence that says what its papers are about; the topics
index lists every topic evenly."""

from __future__ import annotations

from dataclasses import replace

from generator.model import Analysis, Corpus, Paper, Topic
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.index_pages import render_home
from generator.render.text import title_order
from generator.render.topic_pages import (
    _about,
    _unbroken,
    render_topic,
    render_topics_index,
)


def _topic(label: str) -> Topic:
    return Topic(slug="t", label=label, keywords=("a",), papers=("p",))


def test_the_sentence_reads_the_label_as_words() -> None:
    """The line above counts the papers ("18 papers · Show on map"); the sentence did too
    ("18 papers on optimal transport; ...")."""
    assert _about(_topic("Diffusion models"), 12) == (
        "The abstracts of these papers on diffusion models stand out for"
    )
    assert _about(_topic("U-Net"), 1) == "The abstract of this paper on U-Net stands out for"
    on = "The abstracts of these papers on"
    assert _about(_topic("CT"), 3).startswith(f"{on} CT ")
    assert _about(_topic("ResNets"), 3).startswith(f"{on} ResNets ")
    assert _about(_topic("MixUp"), 3).startswith(f"{on} MixUp ")
    assert _about(_topic("3D point clouds"), 2).startswith(f"{on} 3D point clouds ")
    assert _about(_topic("K-means clustering"), 5).startswith(f"{on} k-means clustering ")
    assert _about(_topic("Vision transformers"), 2).startswith(f"{on} vision transf")


def test_with_close_members_the_sentence_counts_the_papers_it_describes() -> None:
    """The header counts every member ("22 papers (8 under “Close to this topic”)"); the
    keywords speak of the 14 that name the topic, and the sentence says so."""
    assert _about(_topic("ResNets"), 14, 22) == (
        "14 of its 22 papers name ResNets; their abstracts stand out for"
    )
    # Too few name it to be described apart: the keywords are of all.
    assert _about(_topic("Audio"), 2, 8).startswith("The abstracts of these papers on audio ")


def test_a_hyphenated_keyword_stays_on_one_line() -> None:
    """A phone's line broke "U-Net" after "U-"; keywords are text (escaped) either way."""
    assert _unbroken("U-Net") == '<span class="ps-nowrap">U-Net</span>'
    assert _unbroken("<b>-x") == '<span class="ps-nowrap">&lt;b&gt;-x</span>'
    assert _unbroken("decoder") == "decoder"


def test_the_topics_index_is_one_even_list_per_area_not_a_table() -> None:
    """Tables sized per area made uneven columns and tall cells on a phone; the lists share
    one layout (CSS), and every label and keyword stays escaped text."""
    paper = Paper("p", "p", "papers/p/", "P", False, "Text.", ("Text.",), ())
    topics = (
        Topic("a", "A <b>|</b> *x*", ("k<1>", "k|2"), ("p",), area="Area one"),
        Topic("b", "A much longer topic label than the first", ("k3",), ("p",), area="Area two"),
    )
    site = SiteContext(Corpus((paper,)), Analysis(topics=topics), "Site", None)
    page = render_topics_index(make_environment(), site)
    assert "<table" not in page and "| ---" not in page
    assert page.count('<ul class="ps-topic-list">') == 2
    assert (
        '<li><a class="ps-topic-list__name" href="a/">A &lt;b&gt;|&lt;/b&gt; *x*</a> '
        '<span class="ps-topic-list__count">1 paper</span> '
        '<span class="ps-topic-list__keys">k&lt;1&gt;, k|2</span></li>'
    ) in page


def test_other_is_not_counted_as_a_topic() -> None:
    """ "Other" holds the papers no topic describes: the counts say so instead of calling
    it one more topic."""
    papers = tuple(
        Paper(s, s, f"papers/{s}/", s.upper(), False, "Text.", ("Text.",), ()) for s in "pqr"
    )
    topics = (
        Topic("a", "Alpha", ("k",), ("p", "q")),
        Topic("b", "Beta", ("k",), ("q",)),
        Topic("other", "Other", (), ("r",)),
    )
    site = SiteContext(Corpus(papers), Analysis(topics=topics), "Site", None)
    page = render_topics_index(make_environment(), site)
    assert "2 topics found in 3 papers. A paper is in up to 2 of them; 1 " in page
    assert "; 1 paper fits none and is listed under [Other](other.md)." in page
    apart = (Topic("a", "Alpha", ("k",), ("p",)), Topic("b", "Beta", ("k",), ("q", "r")))
    page = render_topics_index(
        make_environment(), SiteContext(Corpus(papers), Analysis(topics=apart), "Site", None)
    )
    assert "2 topics found in 3 papers. No paper is in more than one of them.\n" in page
    home = render_home(make_environment(), site)
    assert "3 research papers in 2 topics" in home
    other = render_topic(make_environment(), site, topics[2])
    assert '<p>1 paper<span class="ps-topic-links"> · ' in other and "1 papers" not in other


def test_the_other_page_says_what_other_is_and_lists_its_papers_by_title() -> None:
    """ "Other" has no centre and no keywords: its page says why its papers are there
    (not "Most central to the topic first"), lists them A to Z, and its description is
    not "3 papers on Other: "."""
    papers = tuple(
        Paper(s, s, f"papers/{s}/", title, False, "Text.", ("Text.",), ())
        for s, title in (("p", "Zeta"), ("q", "alpha"), ("r", "Beta"), ("s", "Topic paper"))
    )
    topics = (Topic("a", "Alpha", ("k",), ("s",)), Topic("other", "Other", (), ("p", "q", "r")))
    site = SiteContext(Corpus(papers), Analysis(topics=topics), "Site", None)
    page = render_topic(make_environment(), site, topics[1])
    assert "3 papers fit no topic found in this corpus: their subjects are rare" in page
    assert "Most central" not in page and "By title, A to Z." in page
    assert page.index(">alpha<") < page.index(">Beta<") < page.index(">Zeta<")
    assert "description: 3 papers that fit no topic" in page
    assert "papers on Other" not in page
    named = render_topic(make_environment(), site, topics[0])
    assert "Most central to the topic first." in named and "fit none" not in named
    more = (Topic("b", "Beta", ("k",), ("s",)), Topic("other", "Other", (), ("é",)))
    papers += (Paper("é", "é", "papers/é/", "Émile", False, "Text.", ("Text.",), ()),)
    site = SiteContext(Corpus(papers), Analysis(topics=(*topics[:1], *more)), "Site", None)
    page = render_topic(make_environment(), site, more[1])
    assert "1 paper fits none of the 2 topics found in this corpus: its subject" in page
    assert "description: 1 paper that fits none of the 2 topics" in page


def test_titles_are_ordered_as_a_reader_looks_them_up() -> None:
    titles = ["Zeta", "Émile", "'Mad' networks", "emu", "$k$-means", "Alpha"]
    assert sorted(titles, key=title_order) == [
        "Alpha",
        "Émile",
        "emu",
        "$k$-means",
        "'Mad' networks",
        "Zeta",
    ]


def test_a_topic_lists_each_paper_with_what_it_does() -> None:
    """Under each title, the sentence that says what the paper does, not the abstract's
    opening background (ingest/titles.contribution_sentence)."""
    abstract = "Melanoma is a skin cancer. We propose a lesion segmenter."
    paper = Paper("p", "p", "papers/p/", "P", False, abstract, (abstract,), ())
    topic = Topic("t", "Lesions", ("lesion",), ("p",))
    site = SiteContext(Corpus((paper,)), Analysis(topics=(topic,)), "Site", None)
    page = render_topic(make_environment(), site, topic)
    assert '<span class="ps-summary">We propose a lesion segmenter.</span>' in page
    assert "Melanoma" not in page
    # A title drawn from that sentence is not said twice: the other sentence instead.
    titled = replace(paper, title="A lesion segmenter", title_inferred=True)
    site = SiteContext(Corpus((titled,)), Analysis(topics=(topic,)), "Site", None)
    page = render_topic(make_environment(), site, topic)
    assert '<span class="ps-summary">Melanoma is a skin cancer.</span>' in page
    # ... also when that sentence opens with a connective or a list's number, which
    # the summary leaves out ("1) We propose ..." was the summary again)
    for opening in ("Afterwards, we", "1) We"):
        text = f"{opening} propose a lesion segmenter. Melanoma is a skin cancer."
        listed = replace(titled, abstract=text, versions=(text,))
        site = SiteContext(Corpus((listed,)), Analysis(topics=(topic,)), "Site", None)
        page = render_topic(make_environment(), site, topic)
        assert '<span class="ps-summary">Melanoma is a skin cancer.</span>' in page, opening


def test_papers_close_to_a_topic_are_listed_apart() -> None:
    """Members there by resemblance alone (Topic.close) follow the others under their own
    heading, which says why they are there; the counts still hold every member."""
    papers = tuple(
        Paper(s, s, f"papers/{s}/", f"<b>{s.upper()}</b>", False, "We <i>do</i> it.", ("x",), ())
        for s in "pqr"
    )
    topic = Topic("t", "Diffusion models", ("noise",), ("p", "q", "r"), close=("q",))
    site = SiteContext(Corpus(papers), Analysis(topics=(topic,)), "Site", None)
    page = render_topic(make_environment(), site, topic)
    named, _, apart = page.partition("## Close to this topic")
    assert "papers/p/" in named and "papers/r/" in named and "papers/q/" not in named
    assert "papers/q/" in apart
    assert "This paper does not use the topic's name, “Diffusion models”" in apart
    link = '<a href="#close-to-this-topic">Close to this topic</a>'  # the section's id
    assert f"3 papers (1 under {link})<span" in named  # every member counted
    # Two name it: too few to be described apart, the keywords describe all three.
    assert "The abstracts of these papers on diffusion models stand out" in named
    assert "<b>Q</b>" not in apart and "&lt;b&gt;Q&lt;/b&gt;" in apart  # escaped
    assert "<i>do</i>" not in page
    # Without close members, no such heading.
    plain = replace(topic, close=())
    assert "Close to this topic" not in render_topic(make_environment(), site, plain)


def test_a_second_version_of_a_paper_is_listed_under_the_first() -> None:
    """Papers flagged as possibly the same work (a journal version and its conference
    paper) were two entries of one topic, often #1 and #2; the later one now sits under
    the first, and the counts still hold every paper and say so ("4 papers" over three
    entries)."""
    papers = tuple(
        Paper(s, s, f"papers/{s}/", s.upper(), False, "We do it.", ("x",), ())
        for s in ("a", "b", "c", "d")
    )
    papers = (
        replace(papers[0], possible_duplicates=("c",)),
        papers[1],
        replace(papers[2], possible_duplicates=("a",)),
        papers[3],
    )
    topic = Topic("t", "Diffusion models", ("noise",), ("a", "b", "c", "d"), close=("d",))
    site = SiteContext(Corpus(papers), Analysis(topics=(topic,)), "Site", None)
    page = render_topic(make_environment(), site, topic)
    named = page.partition("## Close to this topic")[0]
    items = [item for item in named.split("<li>")[1:]]
    assert len(items) == 2  # "a" with "c" under it, then "b"
    assert 'href="../../papers/a/"' in items[0] and "Possibly the same work" in items[0]
    assert 'href="../../papers/c/"' in items[0] and "papers/c/" not in items[1]
    assert (
        '4 papers (1 under <a href="#close-to-this-topic">Close to this topic</a>; '
        "1 shown with another as possibly the same work)" in page
    )
    assert "This paper does not use the topic's name" in page


def test_related_topics_come_before_the_papers() -> None:
    """Under the description, in one line: at the page's end a phone reader reached them
    only past every paper (no contents in Material's drawer for a page outside the nav)."""
    paper = Paper("p", "p", "papers/p/", "P", False, "A lesion.", ("A lesion.",), ())
    near = Topic("near", "Skin <b>&</b> lesions", ("skin",), ("p",))
    topic = Topic("t", "Lesions", ("lesion",), ("p",), related_topics=("near",))
    site = SiteContext(Corpus((paper,)), Analysis(topics=(topic, near)), "Site", None)
    page = render_topic(make_environment(), site, topic)
    line = (
        '<p class="ps-related-topics">Related topics: '
        '<a href="../near/">Skin &lt;b&gt;&amp;&lt;/b&gt; lesions</a></p>'
    )
    assert line in page and page.index(line) < page.index("## Papers")
    assert "## Related topics" not in page
    alone = replace(topic, related_topics=())
    site = SiteContext(Corpus((paper,)), Analysis(topics=(alone, near)), "Site", None)
    assert "Related topics" not in render_topic(make_environment(), site, alone)
