"""All papers' pager: the steps, the numbers, and which numbers a phone leaves out."""

from __future__ import annotations

from generator.render.browse_pages import GAP, NEWEST, pager


def _numbers(number: int, count: int) -> list[str]:
    shown = pager("browse/newest-2.md", NEWEST, number, count, NEWEST)
    assert shown is not None
    return [item.label + ("(far)" if item.far else "") for item in shown.pages]


def test_one_page_needs_no_pager() -> None:
    assert pager("browse/index.md", NEWEST, 1, 1, NEWEST) is None


def test_steps_are_links_but_at_either_end() -> None:
    first = pager("browse/index.md", NEWEST, 1, 3, NEWEST)
    middle = pager("browse/newest-2.md", NEWEST, 2, 3, NEWEST)
    last = pager("browse/newest-3.md", NEWEST, 3, 3, NEWEST)
    assert first and middle and last
    assert (first.previous, first.next) == (None, "newest-2/")
    assert (middle.previous, middle.next) == ("../", "../newest-3/")
    assert (last.previous, last.next) == ("../newest-2/", None)
    assert [(item.label, item.href) for item in middle.pages] == [
        ("1", "../"),
        ("2", None),
        ("3", "../newest-3/"),
    ]


def test_a_phone_leaves_out_the_pages_two_away_that_a_gap_stands_beside() -> None:
    assert _numbers(500, 1000) == [
        "1",
        GAP,
        "498(far)",
        "499",
        "500",
        "501",
        "502(far)",
        GAP,
        "1000",
    ]
    # Page 2 is beside page 1, not a gap: leaving it out would hide it without a "…".
    assert _numbers(4, 12) == ["1", "2", "3", "4", "5", "6(far)", GAP, "12"]
    assert _numbers(3, 12) == ["1", "2", "3", "4", "5(far)", GAP, "12"]
    assert _numbers(10, 12) == ["1", GAP, "8(far)", "9", "10", "11", "12"]
    assert _numbers(3, 5) == ["1", "2", "3", "4", "5"]
