"""Unit tests of the text helpers of rendering: Markdown escaping, front matter, first
sentences, safe external links and the papers-per-year chart."""

from __future__ import annotations

import html
from urllib.parse import unquote

import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from paths import REPO
from sitehtml import Node, parse

from generator.render.paper_page import abstract_html
from generator.render.rich_text import external_href
from generator.render.svg import year_chart
from generator.render.text import (
    first_sentence,
    front_matter,
    html_escape,
    in_words,
    md_escape,
)

MKDOCS_YML = REPO / "mkdocs.yml"


def _project_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions (and settings) of the project's mkdocs.yml."""
    entries = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))["markdown_extensions"]
    names, configs = [], {}
    for entry in entries:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = _project_markdown()


def to_html(source: str) -> str:
    """Render Markdown as MkDocs would (same extensions)."""
    MD.reset()
    return MD.convert(source)


def only_text(nodes: list[Node | str]) -> str:
    """The text of a list of children that must all be text (no element)."""
    assert all(isinstance(n, str) for n in nodes), nodes
    return "".join(str(n) for n in nodes)


# Arbitrary one-line text as corpus text is after cleaning: no leading or trailing
# whitespace (Markdown strips it from a paragraph, a cell, a heading), no line break (a
# line break is structure in Markdown: md_escape turns it into a space, tested below), no
# tab (Markdown expands tabs to spaces, changing only whitespace) and no STX/ETX (Python-
# Markdown deletes these two from any input: it uses them for its own placeholders).
one_line = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\t\n\r\x02\x03"),
    min_size=1,
).filter(lambda t: t == t.strip() and t != "")

PROPERTY = settings(max_examples=400, deadline=None)


@PROPERTY
@given(one_line)
def test_md_escape_paragraph_is_the_text(text: str) -> None:
    out = to_html(md_escape(text))
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[len("<p>") : -len("</p>")]
    assert "<" not in inner
    assert html.unescape(inner) == text


@PROPERTY
@given(one_line)
def test_md_escape_table_cell_keeps_the_table(text: str) -> None:
    out = to_html(f"| A | B |\n| --- | --- |\n| {md_escape(text)} | y |\n")
    cells = parse(out).find_all("td")
    assert len(cells) == 2
    assert only_text(cells[0].children) == text


@PROPERTY
@given(one_line)
def test_md_escape_heading_is_the_text(text: str) -> None:
    tree = parse(to_html(f"# {md_escape(text)}\n"))
    heading = tree.find("h1")
    assert [n for n in tree.children if isinstance(n, Node)] == [heading]
    permalink = heading.find_all("a", cls="headerlink")
    children = (
        heading.children[: heading.children.index(permalink[0])] if permalink else heading.children
    )
    assert only_text(children) == text


@PROPERTY
@given(one_line)
def test_md_escape_link_text_is_the_text(text: str) -> None:
    tree = parse(to_html(f"- [{md_escape(text)}](page.md) · note\n"))
    links = tree.find_all("a")
    assert [a.attrs["href"] for a in links] == ["page.md"]
    assert only_text(links[0].children) == text


@pytest.mark.parametrize(
    "text",
    [
        "a  \n# not a heading",
        "row | a\n| --- |\n| b",
        "one\r\n\r\ntwo",
        "- item\n- item",
    ],
)
def test_md_escape_line_breaks_never_make_structure(text: str) -> None:
    out = to_html(f"| A | B |\n| --- | --- |\n| {md_escape(text)} | y |\n")
    cells = parse(out).find_all("td")
    assert len(cells) == 2
    assert only_text(cells[0].children).split() == text.split()


def test_md_escape_examples() -> None:
    assert md_escape("a*b*") == r"a\*b\*"
    assert md_escape("[x](javascript:alert(1))") == r"\[x\]\(javascript\:alert\(1\)\)"
    assert md_escape("Fréchet α") == "Fréchet α"


def test_html_escape_quotes_everything() -> None:
    assert html_escape("<a href=\"x\" title='y'>&") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;"
    )


@PROPERTY
@given(one_line)
@example("@0^0")
def test_abstract_html_shows_the_exact_text(text: str) -> None:
    """The abstract is a raw HTML block: Markdown changes no character of it.

    The only elements inside are the math spans, whose text is the fragment itself or
    reads as plain text with the fragment in its tooltip ("ℓ₁" for "ell_1"), and
    a name's raised superscript, whose caret and braces stay in it, hidden ("@0^0", found
    by this test, is "@0" with "^0" raised: rich_text._scripts).
    """
    tree = parse(to_html(f"## Abstract\n\n{abstract_html(text)}\n\nAfter.\n"))
    shown = tree.find_all("p", cls="ps-abstract")
    assert len(shown) == 1
    parts = []
    for child in shown[0].children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "sup":
            assert child.attrs.get("class") == "ps-sup", child
            parts.append(child.text())
        else:
            assert child.tag == "span" and child.attrs.get("class") == "ps-math", child
            parts.append(child.attrs.get("title") or only_text(child.children))
    assert "".join(parts) == text


@PROPERTY
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x02\x03")))
def test_abstract_html_keeps_every_word(text: str) -> None:
    """Any text at all, line breaks and tabs included: the same words, in order."""
    if not text:
        assert "ps-missing" in abstract_html(text)
        return
    tree = parse(to_html(f"{abstract_html(text)}\n\nAfter.\n"))
    shown = tree.find_all(cls="ps-abstract")
    assert len(shown) == 1
    assert shown[0].written_text().split() == text.split()


# --- front matter ---------------------------------------------------------------------------

any_text = st.text(st.characters(exclude_categories=("Cs",)))


@PROPERTY
@given(any_text, any_text)
def test_front_matter_reads_back_as_written(title: str, tag: str) -> None:
    """Whatever the text, MkDocs reads back exactly the values written (and the body)."""
    meta = {"title": title, "tags": [tag], "topic_urls": {tag: "topics/x/"}}
    body, read = get_data(str(front_matter(meta)) + "\n# Body\n")
    assert read == meta
    assert body.strip() == "# Body"


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\ufeff"])
def test_front_matter_keeps_yaml_line_breaks(char: str) -> None:
    meta = {"title": f"a{char}b", "tags": [char]}
    assert get_data(str(front_matter(meta)) + "body")[1] == meta


# --- first sentence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence. Two sentences.", "One sentence."),
        ("Is it? Yes.", "Is it?"),
        ("No end at all", "No end at all"),
        ("  Leading space. Next.", "Leading space."),
        ("Version 2.0 is out. Then", "Version 2.0 is out."),
        ('Ends with (a quote). "Quoted" next.', "Ends with (a quote)."),
        ("", ""),
    ],
)
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


def test_first_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "word " * 100 + "end."
    cut = first_sentence(text, 50)
    assert len(cut) <= 50
    assert cut.endswith("word…")
    assert text.startswith(cut[:-1])


@PROPERTY
@given(any_text, st.integers(min_value=2, max_value=300))
def test_first_sentence_never_exceeds_the_limit(text: str, limit: int) -> None:
    sentence = first_sentence(text, limit)
    assert len(sentence) <= limit
    assert text.strip().startswith(sentence.removesuffix("…"))


# --- external links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/owner/repo", "https://github.com/owner/repo"),
        ("http://example.com/a_b?q=1&r=2#x", "http://example.com/a_b?q=1&amp;r=2#x"),
        ("  https://example.com/x  ", "https://example.com/x"),
        ("https://example.com/a(b)", "https://example.com/a%28b%29"),
        ('https://example.com/"><script>', "https://example.com/%22%3E%3Cscript%3E"),
        ("HTTPS://example.com/`x`", "HTTPS://example.com/%60x%60"),
        ("https://example.com/a'b'", "https://example.com/a%27b%27"),
        ("https://example.com/a;b?c=&lt;&#60", "https://example.com/a;b?c=&amp;lt;&amp;#60"),
        # an IPv6 host keeps its brackets (encoded, the link named no host); a path's go
        ("http://[2001:db8::1]:8080/a[0]", "http://[2001:db8::1]:8080/a%5B0%5D"),
        ("http://[::1]?q=[1]", "http://[::1]?q=%5B1%5D"),
        ("https://example.com/[::1]", "https://example.com/%5B::1%5D"),
    ],
)
def test_external_href_keeps_http_urls(url: str, expected: str) -> None:
    assert external_href(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.com/x",
        "mailto:a@example.com",
        "//github.com/owner/repo",
        "github.com/owner/repo",
        "http:///path-only",
        "https://example.com/a b",
        "https://example.com/a\nb",
        "",
    ],
)
def test_external_href_refuses_other_urls(url: str) -> None:
    assert external_href(url) is None


url_paths = st.text(
    st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_categories=("Cs",))
)


@PROPERTY
@given(st.sampled_from(["http", "https"]), url_paths)
def test_external_href_makes_one_markdown_link(scheme: str, path: str) -> None:
    """Whatever the URL holds, `[text](href)` renders one link that goes to that URL."""
    url = f"{scheme}://example.com/{path}"
    href = external_href(url)
    assert href is not None
    links = parse(to_html(f"- [{md_escape('code')}]({href}) · x\n")).find_all("a")
    assert [a.text() for a in links] == ["code"]
    followed = links[0].attrs["href"]  # as the browser reads it: references decoded
    assert followed == html.unescape(href)
    # `%` is kept as written (an escape the URL already had), the rest escaped as needed:
    # the link leads where the URL does, escape for escape.
    assert unquote(followed) == unquote(url.strip())


# --- papers-per-year chart --------------------------------------------------------------------


def _bars(svg: str) -> list[tuple[str, int]]:
    chart = parse(svg).find("svg", cls="ps-chart")
    return [
        (group.find("title").text(), int(group.find("rect").attrs["height"]))
        for group in chart.find_all("g")
    ]


def test_year_chart_has_a_bar_for_every_year_zeros_included() -> None:
    svg = year_chart([2021, 2019, 2019, 2022, 2022, 2022, 2022], "Papers per year")
    assert _bars(svg) == [
        ("2019: 2 papers", 45),
        ("2020: 0 papers", 0),
        ("2021: 1 paper", 22),
        ("2022: 4 papers", 90),
    ]
    labels = [t.text() for t in parse(svg).find_all("text", cls="ps-chart-year")]
    assert labels == ["2019", "2020", "2021", "2022"]


def test_year_chart_of_one_year_and_of_none() -> None:
    assert _bars(year_chart([2020], "x")) == [("2020: 1 paper", 90)]
    assert year_chart([], "x") == ""


def test_year_chart_shortens_year_labels_over_long_spans() -> None:
    labels = [
        t.text() for t in parse(year_chart([1990, 2010], "x")).find_all("text", cls="ps-chart-year")
    ]
    assert len(labels) == 21 and labels[0] == "90" and labels[-1] == "10"


def test_year_chart_escapes_its_label() -> None:
    label = 'Papers on <script>alert(1)</script> & "x"'
    svg = year_chart([2020, 2021], label)
    tree = parse(svg)
    chart = tree.find("svg")
    assert chart.attrs["aria-label"] == label
    assert chart.children[0] == chart.find("title") and chart.find("title").text() == label
    assert tree.find_all("script") == []
    assert "<script>" not in svg


def test_keywords_are_listed_as_in_a_sentence() -> None:
    assert in_words([]) == ""
    assert in_words(["denoising"]) == "denoising"
    assert in_words(["denoising", "score matching"]) == "denoising and score matching"
    assert in_words(["a", "b", "c"]) == "a, b and c"
