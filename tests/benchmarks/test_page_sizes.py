"""benchmarks/page_sizes.py: a paper page's bytes split into its parts."""

from __future__ import annotations

from pathlib import Path

from benchmarks.page_sizes import measure, page_parts, report

PAGE = (
    "<!doctype html><head>h</head><body><header>hh</header>"
    '<div class="md-sidebar md-sidebar--primary">n</div>'
    '<article>a<figure class="ps-links ps-graph-figure">g</figure>é</article>f'
)


def test_every_byte_is_in_one_part() -> None:
    parts = page_parts(PAGE)
    assert sum(parts.values()) == len(PAGE.encode())
    assert parts["toc sidebar"] == 0
    assert parts["graph"] == len('<figure class="ps-links ps-graph-figure">g')
    assert parts["article"] == len("<article>a") + len("</figure>é".encode())


def test_measure_and_report(tmp_path: Path) -> None:
    for slug in ("a", "b"):
        (tmp_path / "papers" / slug).mkdir(parents=True)
        (tmp_path / "papers" / slug / "index.html").write_text(PAGE * (2 if slug == "b" else 1))
    sizes = measure(tmp_path)
    assert sizes.pages == 2 and sizes.largest == 2 * len(PAGE.encode())
    table = report([("old", sizes), ("new", sizes)])
    assert table.splitlines()[0] == "| paper pages (KB = 1,024 bytes) | old | new |"
