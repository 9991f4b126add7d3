"""The bundled corpus (site_src/corpus/) end to end: counts, merge log, versions, duplicates."""

from __future__ import annotations

import re
from collections import Counter

from generator.model import MergeAction, PaperDate, Severity, SourceRef

FILES = {
    "000_2cf868ebae2d3eae.txt": ("bare-abstracts", 11),
    "001_d40257772ba45713.txt": ("search-listing", 118),
    "002_37f48f278cb7398b.txt": ("search-listing", 218),
    "003_529b8b2590b21ef5.txt": ("search-listing", 172),
    "004_585faca4712b7a6e.txt": ("daily-listing", 64),
}
DAILY = "004_585faca4712b7a6e.txt"


def test_records_per_file(bundled_corpus) -> None:
    assert {f.file: (f.format, f.records) for f in bundled_corpus.files} == FILES
    assert [f.file for f in bundled_corpus.files] == sorted(FILES)  # name order
    assert all(f.rejected == 0 for f in bundled_corpus.files)


def test_583_records_make_554_papers_through_29_merges(bundled_corpus, accounted) -> None:
    accounted(bundled_corpus)
    assert bundled_corpus.records_read == 583
    assert len(bundled_corpus.papers) == 554
    actions = Counter(e.action for e in bundled_corpus.merge_log)
    assert actions[MergeAction.MERGED] == 29
    assert actions[MergeAction.REJECTED] == 0
    assert sum(len(p.sources) for p in bundled_corpus.papers) == 583
    assert Counter(len(p.sources) for p in bundled_corpus.papers) == {1: 525, 2: 29}


def test_merge_log_names_each_merged_paper_and_its_sources(bundled_corpus) -> None:
    by_slug = {p.slug: p for p in bundled_corpus.papers}
    merged = [e for e in bundled_corpus.merge_log if e.action is MergeAction.MERGED]
    for entry in merged:
        assert entry.sources == by_slug[entry.paper].sources
    swin = by_slug["swin-unetr-swin-transformers-for-semantic-segmentation-of-brain-tumors-in-mri"]
    assert swin.sources == (
        SourceRef("001_d40257772ba45713.txt", 17),
        SourceRef("003_529b8b2590b21ef5.txt", 341),
    )
    assert any(e.paper == swin.slug for e in merged)


def test_paper_in_a_search_and_a_daily_listing_keeps_the_daily_metadata(bundled_corpus) -> None:
    (orex,) = [p for p in bundled_corpus.papers if p.title.startswith("OReX")]
    assert [s.file for s in orex.sources] == ["002_37f48f278cb7398b.txt", DAILY]
    assert orex.authors_count is not None and orex.published is not None


def test_fcn_is_one_paper_with_two_versions(bundled_corpus) -> None:
    (fcn,) = [
        p
        for p in bundled_corpus.papers
        if p.title == "Fully Convolutional Networks for Semantic Segmentation"
    ]
    assert fcn.sources == (
        SourceRef("001_d40257772ba45713.txt", 133),
        SourceRef("001_d40257772ba45713.txt", 135),
    )
    assert len(fcn.versions) == 2 and fcn.versions[0] != fcn.versions[1]
    assert "improve on the previous best" in fcn.versions[0]
    assert "exceed the state-of-the-art" in fcn.versions[1]
    assert fcn.abstract == fcn.versions[0]
    versions = [e for e in bundled_corpus.merge_log if e.action is MergeAction.VERSION]
    assert [(e.paper, e.sources) for e in versions] == [(fcn.slug, fcn.sources)]
    assert all(len(p.versions) == 1 for p in bundled_corpus.papers if p is not fcn)


def test_the_five_possible_duplicate_pairs(bundled_corpus) -> None:
    title = {p.slug: p.title for p in bundled_corpus.papers}
    pairs = {
        frozenset((title[p.slug], title[other]))
        for p in bundled_corpus.papers
        for other in p.possible_duplicates
    }
    assert pairs == {
        frozenset(
            (
                "TRP: Trained Rank Pruning for Efficient Deep Neural Networks",
                "Trained Rank Pruning for Efficient Deep Neural Networks",
            )
        ),
        frozenset(
            (
                "UNet++: A Nested U-Net Architecture for Medical Image Segmentation",
                "UNet++: Redesigning Skip Connections to Exploit Multiscale Features in "
                "Image Segmentation",
            )
        ),
        frozenset(
            (
                "DeepLab: Semantic Image Segmentation with Deep Convolutional Nets, Atrous "
                "Convolution, and Fully Connected CRFs",
                "Semantic Image Segmentation with Deep Convolutional Nets and Fully Connected CRFs",
            )
        ),
        frozenset(
            (
                "Concurrent Spatial and Channel Squeeze & Excitation in Fully Convolutional "
                "Networks",
                "Recalibrating Fully Convolutional Networks with Spatial and Channel "
                "'Squeeze & Excitation' Blocks",
            )
        ),
        frozenset(
            (
                "Diffusion Models Beat GANs on Image Classification",
                "Do text-free diffusion models learn discriminative visual representations?",
            )
        ),
    }
    logged = [e for e in bundled_corpus.merge_log if e.action is MergeAction.POSSIBLE_DUPLICATE]
    assert len(logged) == 5
    assert all("not merged" in e.detail for e in logged)


def test_eleven_generated_titles_are_readable(bundled_corpus) -> None:
    generated = [p for p in bundled_corpus.papers if p.title_inferred]
    assert len(generated) == 11
    assert {p.sources[0].file for p in generated} == {"000_2cf868ebae2d3eae.txt"}
    assert sorted(p.sources[0].line for p in generated) == list(range(1, 12))
    for paper in generated:
        words = paper.title.rstrip(" …").split()
        assert 3 <= len(words) <= 14, paper.title
        assert paper.title[0].isupper()
        abstract = set(re.findall(r"[\w-]+", paper.abstract.casefold()))
        for word in re.findall(r"[\w-]+", paper.title.casefold()):  # drawn from it
            assert (
                word in abstract
                or word in ("a", "an")
                or any(w.startswith(word[:4]) for w in abstract)
            ), (word, paper.title)
    resmlp = next(p for p in generated if p.sources[0].line == 4)
    assert resmlp.title.startswith("ResMLP: an architecture")  # "We present ResMLP, ..."


def test_dates_with_an_inferred_year_are_marked(bundled_corpus) -> None:
    daily = [p for p in bundled_corpus.papers if any(s.file == DAILY for s in p.sources)]
    inferred = [p for p in daily if p.date_inferred]
    assert len(inferred) == 14
    assert {p.published.year for p in inferred if p.published} == {2025}
    af_kan = next(p for p in daily if p.title.startswith("AF-KAN"))
    assert af_kan.published == PaperDate(2025, 3, 8, year_inferred=True)
    kat = next(p for p in daily if p.upvotes == 5)
    assert kat.published == PaperDate(2024, 9, 16) and not kat.date_inferred  # "Sep 16, 2024 5"
    assert sum(1 for p in daily if p.authors_count is None) == 2  # no metadata block
    warnings = [p for p in bundled_corpus.problems if p.severity is Severity.WARNING]
    assert [(w.source.file, "2025" in w.message) for w in warnings] == [(DAILY, True)]
    assert warnings[0].source.line > 0


def test_no_errors_and_every_paper_has_an_abstract(bundled_corpus) -> None:
    assert not bundled_corpus.has_errors()
    assert all(p.abstract for p in bundled_corpus.papers)
    assert all(p.title.strip() == p.title and p.title for p in bundled_corpus.papers)
    assert not any(p.title.startswith("Subscribe") for p in bundled_corpus.papers)
