"""Known-item search: does a query made from a paper's title find that paper first?

For papers drawn at random (seeded) whose titles have three words to pick, a query of two
or three of the title's words (ASCII words of four letters or more, in the title's order)
is searched in headless Chromium with Pagefind's filter for papers, as the header search
searches them (without its compound splitting and any-word fallback: a query that finds
nothing counts as a miss). A paper is found by its title (the bundled corpus has no two
alike). Reported: how often the paper comes first and is
among the eight listed, the mean reciprocal rank within the eight, in Pagefind's order
and in the order shown (`papersite.titledFirst`), and how often `papersite search` puts
the same paper first as the site.

    python -m benchmarks.search_known_items --site site --docs docs --seed 11
    papersite export topics.json && python -m benchmarks.search_known_items --subjects topics.json

With `--subjects`, the queries are instead the topics' labels and keywords (subject
queries, which name no one title), and it reports how often `papersite search` puts
the site's first paper first and how many of the site's first three are among its own.

Such queries name their own paper's title, so they favour ordering by the title: read
the numbers with manual/search.md, which says what subject queries do.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN = 8  # the header search's list (papersite.js TITLED_AMONG)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9+-]*")
_SKIP = frozenset(
    "a an and for in of on the to with via from by using towards toward is are as at into "
    "its not".split()
)
RANKED_JS = """async (cases) => {
  const api = await window.papersite.pagefind();
  const out = [];
  for (const [query, title] of cases) {
    const found = await api.search(query, { filters: { not: { kind: "topic" } } });
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    out.push([data.map((d) => d.meta.title),
              window.papersite.titledFirst(data, query).map((d) => d.meta.title)]);
  }
  return out;
}""".replace("SHOWN", str(SHOWN))


def known_item_queries(
    papers: list[dict[str, object]], seed: int, count: int
) -> list[tuple[str, str]]:
    """(query, title) for `count` seeded random papers whose titles have three words to pick."""
    rng = random.Random(seed)
    cases = []
    for paper in rng.sample(papers, min(count, len(papers))):
        title = str(paper["title"])
        words = [w for w in _WORD_RE.findall(title) if w.lower() not in _SKIP and len(w) >= 4]
        if len(words) < 3:
            continue
        picked = sorted(rng.sample(range(len(words)), rng.choice([2, 3])))
        cases.append((" ".join(words[i] for i in picked), title))
    return cases


def subject_queries(topics: list[dict[str, object]]) -> list[str]:
    """Each topic's label and keywords, once each whatever their case (the first in
    sorted order kept: "Attention" for "attention" too), sorted."""
    every = set()
    for topic in topics:
        keywords = topic.get("keywords") or []
        assert isinstance(keywords, list)
        every.update(str(q) for q in [topic["label"], *keywords] if q)
    queries: dict[str, str] = {}
    for query in sorted(every):
        queries.setdefault(query.casefold(), query)
    return sorted(queries.values())


def summary(ranks: list[int]) -> str:
    """First, within the eight, and mean reciprocal rank (-1: not among the eight)."""
    first = sum(rank == 0 for rank in ranks)
    listed = sum(rank >= 0 for rank in ranks)
    mrr = sum(1 / (rank + 1) for rank in ranks if rank >= 0) / max(1, len(ranks))
    return f"first {first}/{len(ranks)}, among {SHOWN} {listed}, MRR@{SHOWN} {mrr:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="its docs/ folder")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--papers", type=int, default=200, help="papers drawn")
    parser.add_argument(
        "--subjects", type=Path, help="`papersite export` JSON: query its topics instead"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "helpers"))
    from browser_support import browsing

    from generator.search.terminal import SEARCH_DOCUMENTS, TerminalIndex, load_documents

    text = (args.docs / SEARCH_DOCUMENTS).read_text("utf-8")
    if args.subjects:
        topics = json.loads(args.subjects.read_text("utf-8"))["topics"]
        cases = [(query, "") for query in subject_queries(topics)]
    else:
        cases = known_item_queries(json.loads(text)["papers"], args.seed, args.papers)
    with browsing(args.site) as (url, browser):
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(url)
        page.wait_for_function("() => !!(window.papersite && window.papersite.titledFirst)")
        orders = page.evaluate(RANKED_JS, cases)
    index = TerminalIndex(load_documents(text))
    if args.subjects:
        terminal = [[hit.title for hit in index.search(query, 3).hits] for query, _ in cases]
        first = sum(t[:1] == o[1][:1] for t, o in zip(terminal, orders, strict=True))
        three = sum(len(set(t) & set(o[1][:3])) for t, o in zip(terminal, orders, strict=True))
        shown = sum(len(o[1][:3]) for o in orders)
        print(f"{len(cases)} subject queries (topic labels and keywords)")
        print(f"papersite search first = the site's first: {first}/{len(cases)}")
        print(f"the site's first three among papersite search's: {three}/{shown}")
        return 0
    ranked = [
        order[0].index(title) if title in order[0] else -1
        for (_, title), order in zip(cases, orders, strict=True)
    ]
    shown = [
        order[1].index(title) if title in order[1] else -1
        for (_, title), order in zip(cases, orders, strict=True)
    ]
    agree = sum(
        [hit.title for hit in index.search(query, 1).hits] == order[1][:1]
        for (query, _), order in zip(cases, orders, strict=True)
    )
    print(f"{len(cases)} known-item queries (seed {args.seed})")
    print(f"Pagefind's order: {summary(ranked)}")
    print(f"order shown:      {summary(shown)}")
    print(f"papersite search first = the site's first: {agree}/{len(cases)}")
    moved_down = [q for (q, _), a, b in zip(cases, ranked, shown, strict=True) if a >= 0 and b > a]
    print(
        f"papers moved down: {len(moved_down)}"
        + (f" ({', '.join(moved_down)})" if moved_down else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
