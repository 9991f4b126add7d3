"""`papersite search` in the terminal: the site's matching rules, and its first result."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from paths import FIXTURES

from generator.model import Analysis, Corpus
from generator.search.terminal import (
    Hit,
    SearchDocument,
    TerminalIndex,
    documents_json,
    fold,
    load_documents,
    names_label,
    query_words,
    titled_first,
    tokens,
)

SAMPLE_QUERIES = json.loads((FIXTURES / "quality" / "search_queries.json").read_text("utf-8"))


def _index(*papers: tuple[str, str, str]) -> TerminalIndex:
    documents = [SearchDocument(slug, title, abstract, None) for slug, title, abstract in papers]
    return TerminalIndex(documents)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Fréchet", "frechet"), ("Naïve", "naive"), ("Straße", "strasse"), ("Ørsted", "orsted")],
)
def test_fold_lowers_and_removes_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # as Pagefind 1.5 indexed these titles' words (before stemming): its index files
        ("nnU-Net:", {"nn", "net", "nnunet"}),
        ("UNet++", {"net", "unet"}),
        ("U^2-Net", {"net", "u2net"}),
        ("Self-Supervised", {"self", "supervised", "selfsupervised"}),
        ("ResNeSt", {"res", "ne", "st", "resnest"}),
        ("MDUnet", {"md", "unet", "mdunet"}),
        ("DeepLab", {"deep", "lab", "deeplab"}),
        ("X-ray 3D", {"ray", "xray", "3d"}),
        ("a Fréchet", {"a", "frechet"}),
        # and as it indexed these words of test pages (a review, Pagefind 1.5.2)
        ("3DGS", {"dgs", "3dgs"}),
        ("node2vec", {"node", "vec", "node2vec"}),
        ("ADE20K", {"ade", "20", "ade20k"}),
        ("R2U-Net", {"net", "r2unet"}),
        ("GPT-4o", {"gpt", "gpt4o"}),
        ("CaféNet", {"cafe", "net", "cafenet"}),  # capitals beyond ASCII
        ("α-divergence", {"α", "divergence", "αdivergence"}),  # two bytes: a part
    ],
)
def test_tokens_hold_parts_and_the_joined_word(text: str, expected: set[str]) -> None:
    assert set(tokens(text)) == expected


def test_words_are_read_one_by_one_whatever_folding_does() -> None:
    """Folding a whole text changed its count of words ("x̂" loses its mark, "½" becomes
    three characters): words folded apart keep their neighbours' places."""
    found = tokens("the x̂-net and ½-step")
    assert {"the", "net", "and", "step"} <= set(found)
    assert all(word.isalnum() for word in found), found


def test_query_words_are_joined_and_stemmed_once_each() -> None:
    words = query_words("U-Net models Models nnunet")
    assert [w.typed for w in words] == ["unet", "models", "nnunet"]
    assert [w.stem for w in words] == ["unet", "model", "nnunet"]


def test_every_word_must_match_else_any_word_is_flagged() -> None:
    index = _index(
        ("a", "Optimal transport", "Wasserstein distances between measures."),
        ("b", "Image inpainting", "Filling holes in photographs with transport of patches."),
    )
    both = index.search("transport photographs")
    assert [h.slug for h in both.hits] == ["b"] and both.all_words
    either = index.search("wasserstein photographs")
    assert {h.slug for h in either.hits} == {"a", "b"} and not either.all_words
    assert index.search("xylophone").hits == ()


def test_math_is_searched_as_the_page_reads_it() -> None:
    """The page shows "ell_1" as ℓ₁ (Pagefind indexes that) and CO_2 as CO₂: "l1" and
    "co2" find them, "mathcal" (a font the page drops) does not."""
    index = _index(
        ("a", "Sparse coding", "An ell_1 penalty in mathcal{O}(n) time."),
        ("b", "Molecules", "A formula such as CO_2 is drawn."),
    )
    assert [h.slug for h in index.search("l1").hits] == ["a"]
    assert [h.slug for h in index.search("co2").hits] == ["b"]
    assert index.search("mathcal").hits == ()


def test_any_word_results_hold_the_most_words_first_and_never_only_small_ones() -> None:
    """As the site's search box (search.js `find`): "the xyzzq" listed every paper with
    "the"; a paper holding two of the words comes before one holding one, however much
    higher the one's score."""
    index = _index(
        ("a", "Sparse coding", "Sparse sparse sparse coding of the sparse signal."),
        ("b", "Other", "A sparse network and its coding."),
        ("c", "Third", "The network of the day."),
    )
    assert index.search("the xyzzq").hits == ()
    found = index.search("sparse network xyzzq")
    assert [h.slug for h in found.hits] == ["b", "a", "c"] and not found.all_words
    assert found.hits[1].score > found.hits[0].score  # one word, scored higher: after
    assert [h.slug for h in index.search("the sparse xyzzq").hits] == ["a", "b"]


def test_title_words_outrank_abstract_words_and_whole_words_outrank_extensions() -> None:
    """In the abstract a word of the query's stem counts more than one whose stem only
    starts with it; in the title each counts alike (Pagefind's title boost weighs the
    query words a title holds, not their length)."""
    index = _index(
        ("longer", "A study", "We use codebooks for images."),
        ("whole", "A study", "We use code for images."),
        ("title", "Codebooks for images", "A study of networks."),
    )
    assert [h.slug for h in index.search("code").hits] == ["title", "whole", "longer"]


def test_words_of_one_stem_match_alike_as_pagefind_stems_them() -> None:
    """Pagefind indexes and searches Snowball stems: `coding` finds *code*, `study`
    finds *studies*, and *Segmentations* ranks as *Segmentation* (one stem); a word
    that only starts alike (*codec*, *student*) is an extension, or no match."""
    index = _index(
        ("code", "Sparse code for images", "Networks."),
        ("studies", "Case studies of networks", "Networks."),
        ("student", "Student networks", "Networks."),
        ("plural", "Segmentations of images", "Networks."),
        ("singular", "Segmentation of images", "Networks."),
    )
    assert [h.slug for h in index.search("coding").hits] == ["code"]
    assert [h.slug for h in index.search("study").hits] == ["studies"]
    # Snowball's stem spelt otherwise than some forms: `code` -> coding, `studies` -> study
    spelt = _index(
        ("coding", "Sparse coding", "Networks."),
        ("study", "A case study", "Networks."),
        ("using", "Using networks", "Networks."),
    )
    assert [h.slug for h in spelt.search("code").hits] == ["coding"]
    assert [h.slug for h in spelt.search("studies").hits] == ["study"]
    assert [h.slug for h in spelt.search("use").hits] == ["using"]
    # a word matches when its stem extends the query's, not its spelling: `classifier`
    # (classifi) is not *classification* (classif), as on the site
    classes = _index(("noun", "Classification of images", "Networks."))
    assert classes.search("classifier").hits == ()
    scores = {h.slug: h.score for h in index.search("segmentation").hits}
    assert scores["plural"] == scores["singular"] > 0


def test_accents_hyphens_and_prefixes_match_as_on_the_site() -> None:
    index = _index(
        ("frechet", "Fréchet distances", "Distances."),
        ("nnunet", "nnU-Net for segmentation", "Self-configuring."),
        ("unetpp", "UNet++: nested", "Skip connections."),
    )
    assert [h.slug for h in index.search("frechet").hits] == ["frechet"]
    assert [h.slug for h in index.search("nnunet").hits] == ["nnunet"]
    assert [h.slug for h in index.search("unet++").hits] == ["unetpp"]
    assert [h.slug for h in index.search("nest").hits] == ["unetpp"]  # a prefix matches


def test_ties_are_broken_by_slug_and_limits_hold() -> None:
    index = _index(("b", "Same", "Text."), ("a", "Same", "Text."), ("c", "Same", "Text."))
    assert [h.slug for h in index.search("same", 2).hits] == ["a", "b"]
    assert index.search("same", 0).hits == () and index.search("  ").hits == ()


def test_a_search_alias_matches_as_a_title_word_does() -> None:
    """ "resnet" finds the paper that writes only "residual networks" (its alias), before
    one that names ResNet in passing, as a title would (the site gives the aliases the
    title's weight: He et al. was 38th of 44 for `resnet`); an alias alone makes no paper
    match another word."""
    documents = [
        SearchDocument("a", "Deep residual learning", "Residual networks of many layers.", None),
        SearchDocument("b", "Pruning", "We prune a ResNet and other networks.", None),
        SearchDocument("c", "Other", "Unrelated text.", None),
    ]
    aliased = [replace(documents[0], aliases=("ResNet",)), *documents[1:]]
    assert [h.slug for h in TerminalIndex(documents).search("resnet").hits] == ["b"]
    assert [h.slug for h in TerminalIndex(aliased).search("resnets").hits] == ["a", "b"]
    assert TerminalIndex(aliased).search("unrelated").hits[0].slug == "c"


def test_documents_round_trip_deterministically(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    aliases = bundled_analysis.search_aliases
    text = documents_json(bundled_corpus, aliases)
    assert documents_json(bundled_corpus, aliases) == text
    documents = load_documents(text)
    assert len(documents) == len(bundled_corpus.papers)
    assert [d.slug for d in documents] == sorted(p.slug for p in bundled_corpus.papers)
    assert {d.slug: d.aliases for d in documents if d.aliases} == aliases
    # A file written before aliases existed still loads.
    old = json.loads(text)
    for paper in old["papers"]:
        del paper["aliases"]
    assert [d.aliases for d in load_documents(json.dumps(old))] == [()] * len(documents)
    with pytest.raises(ValueError, match="known format"):
        load_documents('{"format": 99, "papers": []}')
    with pytest.raises(ValueError, match="malformed"):
        load_documents('{"format": 1, "papers": [{"slug": "x"}]}')


def test_sample_queries_find_their_paper_first(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """The same first paper as the site's header search (tests/browser checks the site)."""
    text = documents_json(bundled_corpus, bundled_analysis.search_aliases)
    index = TerminalIndex(load_documents(text))
    for query, titles in SAMPLE_QUERIES:
        hits = index.search(query, 3).hits
        assert hits and hits[0].title in titles, (query, [h.title for h in hits])


# (query, label, named): the rule papersite.js's namesLabel follows too (the browser
# test compares both on these).
NAMING = [
    ("diffusion models", "Diffusion models", True),
    ("diffusion model", "Diffusion models", True),  # singular or plural
    ("diffus", "Diffusion models", True),  # the last word while typed
    ("d", "Diffusion models", False),  # too short a start
    ("u-net", "U-Net", True),
    ("unet", "UNet++", False),
    ("net", "Dense networks", False),  # a start only for the last word of 4+ letters
    ("sparse coding", "Beyond ell_1 sparse coding in V1", True),
    ("sparse coding", "Learning to Distill Global Representation for Sparse-View CT", False),
    ("the optimal of transport", "Optimal Transport", True),  # stop words need not be there
    ("frechet", "Fréchet distance", True),
    ("case study", "Case Studies with Sparse Probing", True),  # y and ies
    ("studies", "A Case Study", True),
    ("robustness", "Interpolation for Robust Learning", False),  # other forms: no
    ("", "Anything", False),
]


@pytest.mark.parametrize(("query", "label", "named"), NAMING)
def test_a_query_names_a_label_holding_each_of_its_words(
    query: str, label: str, named: bool
) -> None:
    assert names_label(query, label) is named


def test_titles_naming_the_query_come_first_among_the_first_eight() -> None:
    """Scored by the abstract, a paper whose abstract holds "sparse" and "code" can
    outrank the paper titled "sparse coding"; among the first eight, titles that name
    the query come first, each group in its order, and the rest is left as it was."""
    titles = ["Sparse-View CT", "Sparse coding in V1", "A sparse code", "Coding sparse codes"]
    titles += [f"Other {i}" for i in range(5)] + ["Sparse coding again"]
    hits = [Hit(f"p{i}", title, 10.0 - i) for i, title in enumerate(titles)]
    ordered = [hit.title for hit in titled_first(hits, "sparse coding")]
    assert ordered[:2] == ["Sparse coding in V1", "Coding sparse codes"]
    assert ordered[2:8] == ["Sparse-View CT", "A sparse code"] + [f"Other {i}" for i in range(4)]
    assert ordered[8:] == ["Other 4", "Sparse coding again"]  # past the eighth: as ranked


def test_a_one_word_query_keeps_its_order_and_punctuation_sets_words_apart() -> None:
    """One word: the title boost is that word's, and the search matches its other forms
    ("sparse" finds "Sparsity-Constrained …"), which a word as typed would put last."""
    hits = [Hit("a", "Sparsity-Constrained Transport", 9.0), Hit("b", "Sparse Probing", 8.0)]
    assert [hit.slug for hit in titled_first(hits, "sparse")] == ["a", "b"]
    assert [hit.slug for hit in titled_first(hits, "the sparse")] == ["a", "b"]  # one counted
    hits = [Hit("a", "Vessels in Fundus Images", 9.0), Hit("b", "Artery/Vein Maps: Fundus", 8.0)]
    assert [hit.slug for hit in titled_first(hits, "vein fundus")] == ["b", "a"]


def test_the_first_hit_is_a_titled_paper_when_one_is_among_the_first_eight() -> None:
    """An alias boosts as a title does: the paper that also writes the words scores
    higher, the paper titled with them is listed first."""
    aliased = SearchDocument(
        "sc", "Codes of neurons", "Sparse coding. Sparse coding.", None, ("sparse coding",)
    )
    titled = SearchDocument("v1", "Sparse coding in V1", "Neurons respond to stimuli.", None)
    index = TerminalIndex([aliased, titled])
    ranked = index.search("sparse coding", 2).hits
    assert [hit.slug for hit in ranked] == ["v1", "sc"]
    assert ranked[0].score < ranked[1].score
    assert index.search("sparse coding", 1).lifted  # one listed, above a higher score
    alone = TerminalIndex([SearchDocument("a", "Codes", "Sparse coding.", None), titled])
    assert not alone.search("neurons", 2).lifted  # one paper found: nothing moved


def test_equal_scores_reordered_are_not_lifted() -> None:
    """Two papers of one score, the titled one second by slug: listed first, but no
    higher score is passed, so the terminal adds no note."""
    index = TerminalIndex(
        [
            SearchDocument("a", "Other words", "Sparse coding here.", None, ("sparse coding",)),
            SearchDocument("b", "Sparse coding", "Sparse coding here.", None),
        ]
    )
    result = index.search("sparse coding", 2)
    assert [hit.slug for hit in result.hits] == ["b", "a"]
    assert result.hits[0].score == result.hits[1].score and not result.lifted


def test_each_stem_of_a_query_word_in_the_title_adds_to_its_boost() -> None:
    """Pagefind adds a query word's idf to the title boost once per stem of it the title
    holds: "Sparse" and "Sparsity" for `sparse`; "Similarity" and the joined
    "Similarity-Distance" for `similarity`. "Focal-UNet: UNet-like" holds one for `unet`
    ("unetlike": Pagefind reads UNet as U and Net), as "UNet" does."""
    index = _index(
        ("two", "Sparse coding with sparsity", "Networks."),
        ("one", "Sparse coding with codes", "Networks."),
        ("joined", "Similarity-Distance maps", "Networks."),
        ("plain", "Similarity maps", "Networks."),
        ("other", "Other maps", "Networks and similarity."),
        ("camel", "Focal-UNet: UNet-like maps", "Networks."),
        ("unet", "UNet maps", "Networks."),
    )
    assert [h.slug for h in index.search("sparse").hits] == ["two", "one"]
    scores = {h.slug: h.score for h in index.search("similarity").hits}
    assert scores["joined"] > scores["plain"] > scores["other"]
    unet = {h.slug: h.score for h in index.search("unet").hits}
    assert unet["camel"] == unet["unet"]


def test_a_part_of_a_word_counts_less_in_the_abstract_than_a_whole_word() -> None:
    """Pagefind weighs "net" of "UNet" 13 against 25 for the word "net" (its index
    files): a paper whose abstract says UNet ranks below one that says net."""
    index = _index(
        ("part", "A study", "We train UNet today."),  # we train net unet today
        ("whole", "A study", "We train a net today."),  # as many words
    )
    scores = {h.slug: h.score for h in index.search("net").hits}
    assert scores["whole"] > scores["part"] > 0
