"""`papersite search`: the generated papers searched in the terminal."""

from __future__ import annotations

import json

from conftest import Run

from generator.search.terminal import DOCUMENTS_FORMAT, SEARCH_DOCUMENTS

LISTING = (
    "Get trending papers in your email inbox!\n"
    "SubscribeOptimal Transport for Domain Adaptation\n"
    "We align source and target distributions with a Wasserstein coupling between them.\n"
    "Image Inpainting with Diffusion Priors\n"
    "Missing regions of photographs are filled by a diffusion model conditioned on context.\n"
)


def test_search_lists_rank_score_slug_and_title(run: Run, project) -> None:
    root = project({"a.txt": LISTING})
    assert run(root, "generate").exit_code == 0
    result = run(root, "search", "wasserstein coupling")
    assert result.exit_code == 0, result.output
    rank, score, slug, title = result.stdout.splitlines()[0].split(maxsplit=3)
    assert (rank, slug) == ("1", "optimal-transport-for-domain-adaptation")
    assert float(score) > 0 and title == "Optimal Transport for Domain Adaptation"


def test_search_says_when_no_paper_has_every_word(run: Run, project) -> None:
    root = project({"a.txt": LISTING})
    run(root, "generate")
    either = run(root, "search", "wasserstein photographs")
    assert "No paper has all of these words" in either.stderr
    assert len(either.stdout.splitlines()) == 2
    none = run(root, "search", "zebra")
    assert none.exit_code == 0 and none.stdout == ""
    assert none.stderr.strip() == "No paper has the word \u201czebra\u201d."


def test_search_answers_a_typo_as_the_site_does(run: Run, project) -> None:
    """A word no paper has, one slip from the corpus's word: the site's header search
    answers the corrected query; the terminal listed papers with the other words (or
    said "No paper matches"), naming nothing."""
    root = project({"a.txt": LISTING})
    run(root, "generate")
    typo = run(root, "search", "wasserstien coupling")
    assert typo.exit_code == 0, typo.output
    assert typo.stderr.strip() == (
        "No paper has the word \u201cwasserstien\u201d; papers for "
        "\u201cWasserstein coupling\u201d:"  # the word as the abstracts write it
    )
    assert typo.stdout.split()[2] == "optimal-transport-for-domain-adaptation"
    # a word without a look-alike: nothing is corrected, the correction is offered
    offer = run(root, "search", "wasserstien qxqz")
    assert offer.stdout == ""
    assert offer.stderr.strip() == (
        "No paper has the words \u201cwasserstien\u201d, \u201cqxqz\u201d. "
        "Did you mean Wasserstein qxqz?"
    )
    other = run(root, "search", "qxqz photographs")
    assert other.stderr.startswith("No paper has the word \u201cqxqz\u201d; papers with the other")
    assert other.stdout.split()[2] == "image-inpainting-with-diffusion-priors"


def test_search_before_generate_says_what_to_run(run: Run, project) -> None:
    root = project({"a.txt": LISTING})
    result = run(root, "search", "transport")
    assert result.exit_code == 1 and "run `papersite generate` first" in result.stderr


def test_a_query_without_a_word_is_refused(run: Run, project) -> None:
    """`search ""` said "No paper matches." as if it had searched."""
    root = project({"a.txt": LISTING})
    run(root, "generate")
    for query in ("", "  ", "... !"):
        result = run(root, "search", query)
        assert result.exit_code == 1, (query, result.output)
        assert "the query has no word to search for" in result.stderr


def test_a_title_listed_above_a_higher_score_is_explained(run: Run, project) -> None:
    """The site lists papers titled with the query's words first among the first eight;
    so does the terminal, and says why its scores are then out of order."""
    root = project({"a.txt": LISTING})
    run(root, "generate")
    papers = [
        {
            "slug": "sc",
            "title": "Codes of neurons",
            "abstract": "Sparse coding. Sparse coding.",
            "aliases": ["sparse coding"],
            "year": None,
            "url": "papers/sc/",
        },
        {
            "slug": "v1",
            "title": "Sparse coding in V1",
            "abstract": "Neurons respond.",
            "aliases": [],
            "year": None,
            "url": "papers/v1/",
        },
    ]
    data = {"format": DOCUMENTS_FORMAT, "papers": papers}
    (root / "docs" / SEARCH_DOCUMENTS).write_text(json.dumps(data), encoding="utf-8")
    result = run(root, "search", "sparse coding")
    assert [line.split()[2] for line in result.stdout.splitlines()] == ["v1", "sc"]
    assert "papers whose title names the query come first" in result.stderr
    alone = run(root, "search", "sparse coding", "-n", "1")  # the one listed was lifted
    assert alone.stdout.split()[2] == "v1" and "come first" in alone.stderr
    plain = run(root, "search", "neurons")  # the titled paper scores higher: no note
    assert [line.split()[2] for line in plain.stdout.splitlines()] == ["sc", "v1"]
    assert "come first" not in plain.stderr, plain.stderr
