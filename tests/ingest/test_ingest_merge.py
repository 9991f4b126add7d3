"""Merging records into papers, versions, possible duplicates, stable ids and slugs."""

from __future__ import annotations

import json

import pytest
from listing_texts import ABSTRACT, HEADER, OTHER

from generator.links import MAX_SLUG_LENGTH, paper_url, unique_slugs
from generator.model import MergeAction, PaperDate, SourceRef
from generator.render.export import export_json

THIRD = (
    "Sparse attention lets transformers read long documents. Our kernel cuts memory "
    "by half and keeps accuracy on question answering and summarisation tasks."
)


def search(*pairs: tuple[str, str]) -> str:
    """A search listing holding (title, abstract) pairs, first title on line 2."""
    return HEADER + "".join(f"{title}\n{abstract}\n" for title, abstract in pairs)


def entries(corpus, action):
    return [e for e in corpus.merge_log if e.action is action]


def test_same_paper_in_several_files_is_one_paper(ingest, accounted) -> None:
    files = {
        "a.txt": search(("Segmentation Net for Medical Images", ABSTRACT), ("SGD Rates", OTHER)),
        "b.txt": (
            "Daily Papers\n\nSegmentation net for medical images.\n\n"
            f"{ABSTRACT}\n\n  • 4 authors\n·\nMar 8, 2022 3\n"
        ),
        "c.jsonl": json.dumps(
            {
                "title": "SEGMENTATION NET FOR MEDICAL IMAGES",
                "abstract": ABSTRACT,
                "url": "https://example.org/seg",
            }
        )
        + "\n",
    }
    corpus = ingest(files)
    accounted(corpus)
    assert len(corpus.papers) == 2
    paper = next(p for p in corpus.papers if p.title != "SGD Rates")
    assert paper.title == "Segmentation Net for Medical Images"  # first file read wins
    assert paper.sources == (SourceRef("a.txt", 2), SourceRef("b.txt", 3), SourceRef("c.jsonl", 1))
    assert paper.versions == (ABSTRACT,)
    # union of the metadata: each field comes from the one record that has it
    assert (paper.authors_count, paper.published, paper.upvotes, paper.external_url) == (
        4,
        PaperDate(2022, 3, 8),
        3,
        "https://example.org/seg",
    )
    (merged,) = entries(corpus, MergeAction.MERGED)
    assert merged.paper == paper.slug and merged.sources == paper.sources
    assert "3 records" in merged.detail
    conflicts = entries(corpus, MergeAction.CONFLICT)
    assert [c.detail.split(" differs")[0] for c in conflicts] == ["title"]  # spelling differs


def test_conflicting_metadata_is_logged_and_one_value_kept(ingest) -> None:
    rows = [
        {"title": "SGD Rates", "abstract": OTHER, "date": "2021-10-12", "authors_count": 3},
        {"title": "SGD Rates", "abstract": OTHER, "date": "2022-01-05", "authors_count": 3},
    ]
    text = "\n".join(json.dumps(r) for r in rows)
    corpus = ingest({"a.jsonl": text})
    (paper,) = corpus.papers
    assert paper.published == PaperDate(2021, 10, 12)  # first record read wins
    assert paper.authors_count == 3
    (conflict,) = entries(corpus, MergeAction.CONFLICT)
    assert conflict.paper == paper.slug
    assert conflict.sources == (SourceRef("a.jsonl", 1), SourceRef("a.jsonl", 2))
    assert "2021-10-12" in conflict.detail and "2022-01-05" in conflict.detail
    assert "kept '2021-10-12'" in conflict.detail


def test_differing_author_lists_are_a_conflict_naming_both(ingest) -> None:
    """The list not kept was dropped without a word ("Dave Second" nowhere)."""
    rows = [
        {"title": "SGD Rates", "abstract": OTHER, "authors": ["Carol First"]},
        {"title": "SGD Rates", "abstract": OTHER, "authors": ["Dave Second", "Eve Third"]},
        {"title": "SGD Rates", "abstract": OTHER, "authors": ["carol first."]},
    ]
    corpus = ingest({"a.jsonl": "\n".join(json.dumps(r) for r in rows)})
    (paper,) = corpus.papers
    assert paper.authors == ("Dave Second", "Eve Third")  # the longest list
    details = [c.detail for c in entries(corpus, MergeAction.CONFLICT)]
    (authors,) = [d for d in details if d.startswith("authors differs")]
    assert "Carol First" in authors and "Dave Second; Eve Third" in authors
    assert "kept 'Dave Second; Eve Third'" in authors
    assert "carol first." not in authors  # Carol's name again, differently written


def test_a_web_address_beats_one_that_cannot_be_linked(ingest) -> None:
    rows = [
        {"title": "SGD Rates", "abstract": OTHER, "url": "javascript:alert(1)"},
        {"title": "SGD Rates", "abstract": OTHER, "url": "https://example.org/sgd"},
    ]
    corpus = ingest({"a.jsonl": "\n".join(json.dumps(r) for r in rows)})
    (paper,) = corpus.papers
    assert paper.external_url == "https://example.org/sgd"
    (conflict,) = entries(corpus, MergeAction.CONFLICT)
    assert "kept 'https://example.org/sgd'" in conflict.detail


def test_printed_date_beats_inferred_one_and_highest_upvotes_win(ingest) -> None:
    daily = (
        "Daily Papers\n\nSGD Rates\n\n" + OTHER + "\n\n  • 3 authors\n·\nMar 8 7\n\n"
        "Other\n\n" + THIRD + "\n\n  • 1 author\n·\nJan 2, 2020\n"
    )
    jsonl = (
        json.dumps({"title": "SGD Rates", "abstract": OTHER, "date": "2021-03-08", "upvotes": 2})
        + "\n"
    )
    corpus = ingest({"a.txt": daily, "b.jsonl": jsonl})
    paper = next(p for p in corpus.papers if p.title == "SGD Rates")
    assert paper.published == PaperDate(2021, 3, 8) and not paper.date_inferred
    assert paper.upvotes == 7


def test_one_title_with_two_abstracts_is_one_paper_with_two_versions(ingest, accounted) -> None:
    revised = ABSTRACT.replace("three", "four")
    corpus = ingest(
        {"a.txt": search(("Segmentation Net", ABSTRACT), ("Segmentation Net", revised))}
    )
    accounted(corpus)
    (paper,) = corpus.papers
    assert paper.versions == (ABSTRACT, revised)  # reading order, both kept
    assert paper.abstract == ABSTRACT
    assert paper.sources == (SourceRef("a.txt", 2), SourceRef("a.txt", 4))
    (version,) = entries(corpus, MergeAction.VERSION)
    assert version.paper == paper.slug and "2 different abstracts" in version.detail
    # The merge's entry says so too: "merged" beside "kept as versions" read as a clash.
    (merged,) = entries(corpus, MergeAction.MERGED)
    assert merged.detail.endswith("; its 2 abstracts differ and are all kept")


def test_abstracts_differing_only_in_spacing_and_punctuation_are_one_version(ingest) -> None:
    variant = ABSTRACT.replace(". ", ".  ").replace("images", "Images,")
    corpus = ingest(
        {"a.txt": search(("Segmentation Net", ABSTRACT), ("Segmentation Net", variant))}
    )
    (paper,) = corpus.papers
    assert paper.versions == (ABSTRACT,)
    assert entries(corpus, MergeAction.VERSION) == []
    assert len(entries(corpus, MergeAction.MERGED)) == 1


def test_untitled_abstract_joins_the_titled_record_with_the_same_abstract(
    ingest, accounted
) -> None:
    bare = ABSTRACT.replace("We propose", "We  propose") + "\n" + OTHER + "\n"
    corpus = ingest({"a.txt": bare, "b.txt": search(("Segmentation Net", ABSTRACT))})
    accounted(corpus)
    assert len(corpus.papers) == 2
    titled = next(p for p in corpus.papers if p.title == "Segmentation Net")
    assert not titled.title_inferred
    assert titled.sources == (SourceRef("a.txt", 1), SourceRef("b.txt", 2))
    untitled = next(p for p in corpus.papers if p is not titled)
    assert untitled.title_inferred and untitled.sources == (SourceRef("a.txt", 2),)


DUPLICATE_CASES = {
    "name prefix": (
        "TRP: Trained Rank Pruning for Efficient Deep Neural Networks",
        "Trained Rank Pruning for Efficient Deep Neural Networks",
        "name prefix",
    ),
    "shared method name": (
        "UNet++: A Nested U-Net Architecture for Medical Image Segmentation",
        "UNet++: Redesigning Skip Connections to Exploit Multiscale Features",
        "unet++",
    ),
}


@pytest.mark.parametrize(
    "first, second, reason", DUPLICATE_CASES.values(), ids=DUPLICATE_CASES.keys()
)
def test_near_duplicate_titles_are_flagged_not_merged(ingest, first, second, reason) -> None:
    corpus = ingest({"a.txt": search((first, ABSTRACT), (second, OTHER))})
    assert len(corpus.papers) == 2
    one, two = corpus.papers
    assert one.possible_duplicates == (two.slug,) and two.possible_duplicates == (one.slug,)
    (entry,) = entries(corpus, MergeAction.POSSIBLE_DUPLICATE)
    assert reason in entry.detail and "not merged" in entry.detail
    assert set(entry.sources) == {SourceRef("a.txt", 2), SourceRef("a.txt", 4)}
    assert entries(corpus, MergeAction.MERGED) == []


def test_abstracts_sharing_many_5_grams_are_flagged(ingest) -> None:
    journal = ABSTRACT + " " + OTHER
    conference = ABSTRACT + " " + THIRD
    corpus = ingest(
        {"a.txt": search(("Segmentation Net", journal), ("A Medical Segmenter", conference))}
    )
    one, two = corpus.papers
    assert one.possible_duplicates == (two.slug,)
    (entry,) = entries(corpus, MergeAction.POSSIBLE_DUPLICATE)
    assert "5-grams" in entry.detail


def test_unrelated_papers_and_short_names_are_not_flagged(ingest) -> None:
    corpus = ingest(
        {
            "a.txt": search(
                ("AI: Segmentation Net", ABSTRACT),
                ("AI: Gradient Rates", OTHER),
                ("Sparse Attention", THIRD),
            )
        }
    )
    assert all(p.possible_duplicates == () for p in corpus.papers)
    assert entries(corpus, MergeAction.POSSIBLE_DUPLICATE) == []


FILES = {
    "a.txt": search(("Segmentation Net", ABSTRACT), ("SGD Rates", OTHER)),
    "b.txt": f"{ABSTRACT}\n{THIRD}\n",
    "c.jsonl": json.dumps({"title": "SGD rates", "abstract": OTHER, "date": "2020-01-01"}) + "\n",
}


def test_ids_and_slugs_are_stable_across_runs_and_input_order(ingest) -> None:
    first = ingest(FILES)
    again = ingest(FILES)
    reordered = ingest(dict(reversed(FILES.items())))
    assert first == again
    assert export_json(first) == export_json(reordered)
    assert sorted(first.merge_log, key=repr) == sorted(reordered.merge_log, key=repr)
    assert [(p.id, p.slug) for p in first.papers] == [(p.id, p.slug) for p in reordered.papers]


def test_ids_slugs_and_urls_are_unique_and_well_formed(ingest) -> None:
    corpus = ingest(FILES)
    ids = [p.id for p in corpus.papers]
    slugs = [p.slug for p in corpus.papers]
    assert len(set(ids)) == len(ids) and len(set(slugs)) == len(slugs)
    for paper in corpus.papers:
        assert paper.url == paper_url(paper.slug) == f"papers/{paper.slug}/"
        assert paper.slug == paper.slug.lower() and " " not in paper.slug


def test_colliding_slugs_all_get_an_id_suffix(ingest) -> None:
    # Different titles (C++ and Cpp do not merge) that slugify alike.
    text = search(("UNet++ Segmentation", ABSTRACT), ("UNetpp Segmentation", OTHER))
    corpus = ingest({"a.txt": text})
    slugs = sorted(p.slug for p in corpus.papers)
    assert len(corpus.papers) == 2 and slugs[0] != slugs[1]
    for paper in corpus.papers:
        assert paper.slug == f"unetpp-segmentation-{paper.id[:8]}"
    reordered = ingest(
        {"a.txt": search(("UNetpp Segmentation", OTHER), ("UNet++ Segmentation", ABSTRACT))}
    )
    assert sorted(p.slug for p in reordered.papers) == slugs


def test_unique_slugs_never_collides_with_another_papers_slug() -> None:
    # A title that spells out another paper's disambiguated slug.
    slugs = unique_slugs(
        [
            ("aaaaaaaa1111", "Deep Nets"),
            ("bbbbbbbb2222", "Deep Nets"),
            ("cccccccc3333", "Deep Nets aaaaaaaa"),
        ]
    )
    assert len(set(slugs.values())) == 3
    assert slugs["cccccccc3333"] == "deep-nets-aaaaaaaa"
    assert slugs["aaaaaaaa1111"] == "deep-nets-aaaaaaaa1111"
    assert slugs["bbbbbbbb2222"] == "deep-nets-bbbbbbbb"


def test_slugs_are_short_and_fall_back_to_the_id() -> None:
    slugs = unique_slugs([("0123456789ab", "A " * 200), ("ba9876543210", "???")])
    assert len(slugs["0123456789ab"]) <= MAX_SLUG_LENGTH
    assert slugs["ba9876543210"] == "ba9876543210"


def test_title_and_abstract_with_the_same_text_are_different_papers(ingest, accounted) -> None:
    # A bare abstract equal to another record's title must not share that paper's id.
    untitled = json.dumps({"abstract": "Segmentation Net"}) + "\n"
    corpus = ingest({"a.txt": search(("Segmentation Net", ABSTRACT)), "b.jsonl": untitled})
    accounted(corpus)
    assert len({p.id for p in corpus.papers}) == len(corpus.papers) == 2


def test_titles_without_letters_are_not_merged_together(ingest, accounted) -> None:
    corpus = ingest({"a.txt": search(("???", ABSTRACT), ("***", OTHER))})
    accounted(corpus)
    assert sorted(p.title for p in corpus.papers) == ["***", "???"]
    assert len({p.slug for p in corpus.papers}) == 2
