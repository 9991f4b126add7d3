"""A paper page says how to cite it, for readers (Cite) and for reference managers
(Highwire citation tags, JSON-LD, Open Graph), with the site's public URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import papersite
from listing_texts import ABSTRACT, OTHER
from sitehtml import Node, parse

from generator.config import load_config
from generator.pipeline import Pipeline

pytestmark = pytest.mark.slow  # builds a site

SITE_URL = "https://lab.example.org/reading-group/"
RECORDS = [
    {
        "title": 'Deep Nets & "Quotes" <b>Bold</b>',
        "abstract": ABSTRACT,
        "authors": ["Ada Lovelace", "Alan Turing"],
        "date": "2021-03-08",
        "url": "https://arxiv.org/abs/2103.00001",
    },
    {"title": "Stochastic Descent Without Authors", "abstract": OTHER},
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("citations")
    (root / "site_src" / "corpus").mkdir(parents=True)
    lines = "\n".join(json.dumps(r) for r in RECORDS)
    (root / "site_src" / "corpus" / "papers.jsonl").write_text(lines, encoding="utf-8")
    mkdocs_yml = Path(__file__).resolve().parents[2] / "mkdocs.yml"
    (root / "mkdocs.yml").write_text(mkdocs_yml.read_text("utf-8"), encoding="utf-8")
    result = papersite(root, "-q", "build", "--site-url", SITE_URL)
    assert result.exit_code == 0, result.output
    return root


def _page(root: Path, title_start: str) -> tuple[Node, str]:
    corpus = Pipeline(load_config(root)).read_corpus()
    paper = next(p for p in corpus.papers if p.title.startswith(title_start))
    html = (root / "site" / paper.url / "index.html").read_text(encoding="utf-8")
    return parse(html), SITE_URL + paper.url


def _meta(tree: Node) -> list[tuple[str, str]]:
    head = tree.find("head")
    return [
        (m.attrs.get("name") or m.attrs.get("property", ""), m.attrs.get("content", ""))
        for m in head.find_all("meta")
    ]


def test_highwire_tags_for_reference_managers(built: Path) -> None:
    tree, url = _page(built, "Deep Nets")
    meta = _meta(tree)
    citation = [(k, v) for k, v in meta if k.startswith("citation_")]
    assert citation == [
        ("citation_title", 'Deep Nets & "Quotes" <b>Bold</b>'),
        ("citation_author", "Ada Lovelace"),
        ("citation_author", "Alan Turing"),
        ("citation_publication_date", "2021/03/08"),
        ("citation_public_url", url),
    ]
    assert ("og:type", "article") in meta and ("og:url", url) in meta
    assert ("og:title", 'Deep Nets & "Quotes" <b>Bold</b>') in meta


def test_json_ld_describes_the_article(built: Path) -> None:
    tree, url = _page(built, "Deep Nets")
    scripts = [
        s
        for s in tree.find("head").find_all("script")
        if s.attrs.get("type") == "application/ld+json"
    ]
    assert len(scripts) == 1 and "<" not in scripts[0].text()
    data = json.loads(scripts[0].text())
    assert data["@type"] == "ScholarlyArticle" and data["url"] == url
    assert data["headline"] == 'Deep Nets & "Quotes" <b>Bold</b>'
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Lovelace"},
        {"@type": "Person", "name": "Alan Turing"},
    ]
    assert data["datePublished"] == "2021-03-08"
    # Its summary is the page's description (meta and og:description), not repeated here.
    assert "description" not in data and data["keywords"]


def test_the_citation_names_the_page_at_the_sites_address(built: Path) -> None:
    tree, url = _page(built, "Deep Nets")
    bibtex = tree.find(cls="ps-cite").find("div", "ps-cite__text").text()
    assert bibtex.startswith("@misc{lovelace2021deep,\n  author = {Ada Lovelace and Alan Turing},")
    assert f"  url = {{{url}}}\n}}" in bibtex
    plain = tree.find(cls="ps-cite").find_all("div", "ps-cite__text")[1].text()
    assert plain == f'Ada Lovelace, Alan Turing. Deep Nets & "Quotes" <b>Bold</b>. 2021. {url}'


def test_a_paper_without_authors_or_date_claims_none(built: Path) -> None:
    tree, url = _page(built, "Stochastic Descent")
    meta = dict(_meta(tree))
    assert "citation_author" not in meta and "citation_publication_date" not in meta
    assert tree.find_all(cls="ps-facts") == []  # nothing known: no line of facts
    bibtex = tree.find(cls="ps-cite").find("div", "ps-cite__text").text()
    assert "author =" not in bibtex and "year =" not in bibtex and f"url = {{{url}}}" in bibtex
