"""Built pages lose their templates' indentation, never a space that shows."""

from __future__ import annotations

from generator.mkdocs.compact_html import compact


def test_indentation_becomes_one_newline() -> None:
    html = "<nav>\n    <a href=x>A</a>  \n\n      <b>B</b>\n</nav>"
    assert compact(html) == "<nav>\n<a href=x>A</a>\n<b>B</b>\n</nav>"


def test_text_where_spaces_show_is_left_as_written() -> None:
    kept = [
        "<pre><code>def f():\n    return 1\n</code></pre>",
        '<div class="ps-cite__text"><code>@misc{a,\n  author = {A},\n}</code></div>',
        "<textarea>\n  typed\n</textarea>",
    ]
    for part in kept:
        assert compact(f"<div>\n    {part}\n    </div>") == f"<div>\n{part}\n</div>"


def test_words_stay_apart() -> None:
    assert compact("<p>one\n      two</p>") == "<p>one\ntwo</p>"
