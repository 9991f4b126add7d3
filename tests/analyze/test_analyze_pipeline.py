"""The analysis as a whole: what it reads of each paper."""

from __future__ import annotations

from dataclasses import replace

from generator.analyze.pipeline import analyze
from generator.model import MAX_ANALYSED_WORDS, Corpus, Paper


def _paper(slug: str, abstract: str) -> Paper:
    return Paper(slug, slug, f"papers/{slug}/", slug.title(), False, abstract, (abstract,), ())


def test_the_analysis_reads_an_abstract_up_to_its_limit_and_code_links_from_all_of_it() -> None:
    """Words past MAX_ANALYSED_WORDS are not read (a corpus of such abstracts took 7.4 GB
    for 50 MB of text); a code link at the end still is (a cheap pattern, not vectors)."""
    filler = " ".join(f"filler{n % 50}" for n in range(MAX_ANALYSED_WORDS))
    tail = " quasicrystal lattices. Code: https://github.com/lab/late"
    long = _paper("long", "We study spin glasses. " + filler + tail)
    short = _paper("short", "We study quasicrystal lattices and their spin glasses.")
    other = _paper("other", "We train convolutional networks for image recognition.")
    analysis = analyze(Corpus((long, short, other)))
    assert analysis.code_urls["long"] == ("https://github.com/lab/late",)
    reasons = {r.slug: r.shared_terms for r in analysis.related["short"]}
    assert not any("quasicrystal" in term for term in reasons.get("long", ())), reasons
    whole = replace(long, abstract="We study spin glasses." + tail, versions=())
    again = analyze(Corpus((whole, short, other)))
    reasons = {r.slug: r.shared_terms for r in again.related["short"]}
    assert any("quasicrystal" in term for term in reasons.get("long", ())), reasons
