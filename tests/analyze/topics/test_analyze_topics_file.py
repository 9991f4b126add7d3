"""The topics file: the user's pins, merges, splits, renames and areas win over discovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from analyze_clusters import PAPERS
from analyze_helpers import corpus_of
from paths import REPO

from generator.analyze import (
    AnalysisSettings,
    TopicsFileError,
    analyze,
    load_topics_file,
    parse_topics,
)
from generator.model import Analysis, Corpus

ROOT = REPO


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_of(PAPERS)


def _analyse(corpus: Corpus, tmp_path: Path, text: str) -> Analysis:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return analyze(corpus, AnalysisSettings(topics_file=path))


def _topic(analysis: Analysis, slug: str):  # type: ignore[no-untyped-def]
    return next(t for t in analysis.topics if t.slug == slug)


def test_bundled_example_file_is_accepted() -> None:
    spec = load_topics_file(ROOT / "site_src" / "topics.yml")
    assert spec.path.endswith("topics.yml")


def test_missing_file_means_no_curation(tmp_path: Path) -> None:
    assert load_topics_file(tmp_path / "absent.yml").topics == ()
    assert load_topics_file(None).merge == ()


def test_pin_and_add_topics(corpus: Corpus, tmp_path: Path) -> None:
    analysis = _analyse(
        corpus,
        tmp_path,
        """
topics:
  - Optimal transport
  - label: Crop science
    keywords: [crop yield, satellite]
    slug: crops
    area: Agriculture
""",
    )
    assert _topic(analysis, "optimal-transport").label == "Optimal transport"
    crops = _topic(analysis, "crops")
    assert crops.area == "Agriculture" and len(crops.papers) == 1


def test_rename_merge_split_exclude_and_areas(corpus: Corpus, tmp_path: Path) -> None:
    analysis = _analyse(
        corpus,
        tmp_path,
        """
exclude: [music auto-tagging]
rename:
  Optimal transport:
    label: Transport of measures
    slug: optimal-transport
merge:
  - into: Images and transport
    topics: [Image inpainting, optimal-transport]
split:
  - topic: Images and transport
    into:
      - label: Inpainting
        keywords: [inpainting]
      - label: Transport
        keywords: [transport, Wasserstein]
areas:
  Vision: [Inpainting]
""",
    )
    labels = {t.label for t in analysis.topics}
    assert "Music auto-tagging" not in labels
    assert {"Inpainting", "Transport"} <= labels
    assert _topic(analysis, "inpainting").area == "Vision"
    assert len(_topic(analysis, "inpainting").papers) == 5
    assert len(_topic(analysis, "transport").papers) == 5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("topics: [\n  - unclosed", "topics.yml:2:3: not valid YAML"),
        (
            "topic:\n  - Optimal transport\n",
            "topics.yml:1: unknown key 'topic' in the topics file (did you mean 'topics'?)",
        ),
        ("topics:\n  - keywords: [x]\n", "topics.yml:2: a topic needs a 'label'"),
        (
            "merge:\n  - into: X\n    topics: [A]\n",
            "topics.yml:3: a merge needs at least two topics",
        ),
        (
            "split:\n  - topic: A\n    into:\n      - B\n      - label: C\n        keywords: [c]\n",
            "topics.yml:4: each part of a split needs a 'label' and 'keywords'",
        ),
        ("rename: [a, b]\n", "topics.yml:1: rename must be a mapping"),
        (  # review 7: the pin silently won
            "topics: [U-Net]\nexclude: [U-Net]\n",
            "topics.yml:2: 'U-Net' is excluded, but topic 'U-Net' is pinned at line 1",
        ),
        (  # as exclusions match: case and plurals aside
            "exclude:\n  - latent space\n  - optimal transports\n"
            "topics:\n  - label: Optimal Transport\n    keywords: [transport]\n",
            "topics.yml:3: 'optimal transports' is excluded, but topic 'Optimal Transport' "
            "is pinned at line 5",
        ),
        ("- just a list\n", "topics.yml:1: the topics file must be a mapping"),
    ],
)
def test_malformed_files_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(TopicsFileError) as error:
        parse_topics(text, "site_src/topics.yml")
    assert str(error.value).startswith("site_src/" + message)


def test_a_pin_and_an_exclusion_of_other_topics_agree() -> None:
    """Only the same topic both pinned and excluded is a contradiction."""
    spec = parse_topics("topics: [U-Net architectures, the]\nexclude: [U-Net, of]\n")
    assert [rule.label for rule in spec.topics] == ["U-Net architectures", "the"]
    assert [text for text, _ in spec.exclude] == ["U-Net", "of"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rename:\n  Optimal transprot: Transport\n",
            "topics.yml:2: no topic 'Optimal transprot' was found "
            "(did you mean 'Optimal transport'?)",
        ),
        (
            "topics:\n  - label: Quantum gravity\n    keywords: [quantum gravity]\n",
            "topics.yml:2: topic 'Quantum gravity': no paper mentions its keywords",
        ),
        (
            "rename:\n  Image inpainting: Optimal transport\n",
            "topics.yml:2: topic slug 'optimal-transport' is already used",
        ),
        (
            "rename:\n  Image inpainting: Sitemap\n",
            "topics.yml:2: topic slug 'sitemap' is the name of the feeds' sitemap",
        ),
        (
            "rename:\n  Image inpainting: Index\n",
            "topics.yml:2: topic slug 'index' is the name of the topics index page",
        ),
        (
            "topics:\n  - label: X\n    keywords: [inpainting]\n    papers: [no-such-paper]\n",
            "topics.yml:2: no paper with slug 'no-such-paper'",
        ),
        (  # pins sharing a keyword: the later ones got no paper, and would vanish
            "topics:\n"
            + "".join(f"  - label: Pin number {n}\n    keywords: [network]\n" for n in range(40)),
            "topics.yml:",
        ),
    ],
)
def test_impossible_requests_name_file_and_line(
    corpus: Corpus, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(TopicsFileError) as error:
        _analyse(corpus, tmp_path, text)
    assert str(error.value).startswith(str(tmp_path / message))
    if "Pin number" in text:
        assert "every paper that mentions its keywords went to other topics" in str(error.value)
