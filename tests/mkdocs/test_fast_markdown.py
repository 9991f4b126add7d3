"""The HTML-blocks fast path gives exactly Python-Markdown's result, or steps aside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_pages import by_fast_path, by_markdown

from generator.mkdocs.fast_markdown import HeadingStyle, convert, heading_style
from generator.render.text import html_escape, md_escape

NASTY = "Naïve α-Net: 1 < 2 </script> & 'q' {: onclick=\"y\" } *em* `c` [l](u) #5 数据"

PAGE = f"""# {md_escape(NASTY)}

<div class="admonition note">
<p class="admonition-title">Generated title</p>
<p>Drawn from the abstract.</p>
</div>

<div class="ps-facts">
<ul>
<li><strong>Published:</strong> 2021-06-28</li>
</ul>
</div>

<p class="ps-abstract">{html_escape(NASTY)} <span data-tex="\\mathcal{{O}}(n)">O(n)</span></p>

## Abstract

<details class="ps-version"><summary>Version 2</summary><p>two</p></details>

## Related papers {{ data-search-exclude data-pagefind-ignore }}

<ul class="ps-links" data-search-exclude data-pagefind-ignore>
<li><a href="../a/">A &amp; B</a><br>
<span class="ps-why">Shared: x</span></li>
</ul>

<figure><svg viewBox="0 0 4 4"><a xlink:href="../a/"><circle r="7"/></a></svg></figure>

## Related papers {{ data-b data-a data-c }}

<p id="anchor-in-html">x</p>

### Deeper \\& deeper

<div><div>nested</div>
<div>twice</div></div>"""


def test_a_page_of_headings_and_html_blocks_converts_as_python_markdown_does() -> None:
    fast = by_fast_path(PAGE)
    assert fast is not None
    assert fast == by_markdown(PAGE)
    content, toc, title, anchors = fast
    assert "</script>" not in content
    assert "anchor-in-html" in anchors and "related-papers_1" in anchors
    assert toc[0][3][-1][3][0][0] == "Deeper &amp; deeper"  # nested under the h2
    assert title is not None and title.startswith("Naïve α-Net: 1 &lt; 2 &lt;/script&gt;")


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()),
    heading=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30).filter(
        lambda t: t.strip()
    ),
    body=st.text(max_size=60),
)
def test_any_escaped_text_converts_as_python_markdown_does(
    title: str, heading: str, body: str
) -> None:
    page = (
        f"# {md_escape(title)}\n\n<p>{html_escape(body)}</p>\n\n"
        f"## {md_escape(heading)}\n\n## {md_escape(heading)}\n\n<ul>\n<li>x</li>\n</ul>"
    )
    fast = by_fast_path(page)
    if fast is not None:  # text Markdown changes (control characters) steps aside
        assert fast == by_markdown(page)


@pytest.mark.parametrize(
    "page",
    [
        "# T\n\n- a Markdown list",
        "# T\n\nplain paragraph",
        "# T\n\n<p>unclosed",
        "# T\n\n<p>a</p>\n<p>two elements, one block</p>",
        '# T\n\n<div markdown="1">\n*em*\n</div>',
        "# T\n\n<div markdown>\n*em*\n</div>",
        '# T\n\n<div class="a" markdown = "block">\n*em*\n</div>',
        "## Heading { title }",
        "## Heading { data-a id }",
        "# T\n\n<!-- comment -->",
        "# T\n\n<span>inline tag</span>",
        "# T *emphasis*",
        "# T [link](other.md)",
        "# T\n\n<p>tab\there</p>",
        "# T\n\n<p>a\n```\nfence</p>",
        "# T\n\n<p>a\n~~~\nfence</p>",
        "```\n# T\n```",
        "# T\n\n<p>carriage\rreturn</p>",
        "# T\n\n<p>a</p>\n   \n<p>b</p>",
        "# T\n\n<p>a</p>\n   ",
        "## Heading ##",
        "# A \\<script\\> tag",
    ],
)
def test_anything_else_goes_through_python_markdown(page: str) -> None:
    assert by_fast_path(page) is None


def test_a_page_without_a_leading_h1_has_no_title() -> None:
    page = "<p>x</p>\n\n# Late title"
    assert by_fast_path(page) == by_markdown(page)
    fast = by_fast_path(page)
    assert fast is not None and fast[2] is None


def test_unknown_extensions_or_toc_options_turn_the_fast_path_off() -> None:
    assert heading_style(["toc", "smarty"], {}) is None
    assert heading_style(["toc"], {"toc": {"permalink": True, "slugify": str}}) is None
    assert heading_style(["attr_list"], {}) is None  # no toc: headings get no ids
    style = heading_style(["toc"], {"toc": {"permalink": "#"}})
    assert style == HeadingStyle("#", "Permanent link", "headerlink")
    converted = convert("# T", HeadingStyle(None, "Permanent link", "headerlink"))
    assert converted is not None and converted.content == '<h1 id="t">T</h1>'
