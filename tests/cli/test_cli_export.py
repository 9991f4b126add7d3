"""`papersite export PATH`: the JSON contract, stability, stdout, and configuration errors."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from cli_run import papersite
from listing_texts import ABSTRACT, OTHER
from paths import BUNDLED_CORPUS

from generator.render.export import export_json

GOOD = (
    f"Get trending papers in your email inbox!\nSubscribeGood One\n{ABSTRACT}\nGood Two\n{OTHER}\n"
)

LIST_OF_STR = "list[str]"
PAPER_KEYS = {
    "id": str,
    "slug": str,
    "url": str,
    "title": str,
    "title_inferred": bool,
    "abstract": str,
    "versions": LIST_OF_STR,
    "authors_count": (int, type(None)),
    "published": (str, type(None)),
    "date_inferred": bool,
    "upvotes": (int, type(None)),
    "sources": list,
    "possible_duplicates": LIST_OF_STR,
    "code_urls": LIST_OF_STR,
    "topics": LIST_OF_STR,
    "related": list,
    "mentions": LIST_OF_STR,
    "mentioned_by": LIST_OF_STR,
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_contract(data: dict) -> None:
    """Assert that `data` follows the export contract."""
    assert set(data) >= {"papers", "topics"}
    assert isinstance(data["papers"], list) and isinstance(data["topics"], list)
    slugs = {p["slug"] for p in data["papers"]}
    for paper in data["papers"]:
        assert set(paper) >= set(PAPER_KEYS), set(PAPER_KEYS) - set(paper)
        for key, kind in PAPER_KEYS.items():
            if kind == LIST_OF_STR:
                assert isinstance(paper[key], list), key
                assert all(isinstance(item, str) for item in paper[key]), key
            else:
                assert isinstance(paper[key], kind), (key, paper[key])
        assert not isinstance(paper["authors_count"], bool)
        assert paper["url"] == f"papers/{paper['slug']}/"
        assert paper["published"] is None or ISO_DATE.match(paper["published"])
        assert not paper["date_inferred"] or paper["published"] is not None
        assert paper["title"] and paper["versions"] and paper["abstract"] == paper["versions"][0]
        assert paper["sources"]
        for source in paper["sources"]:
            assert set(source) == {"file", "line"}
            assert isinstance(source["file"], str) and isinstance(source["line"], int)
            assert source["line"] >= 1
        assert set(paper["possible_duplicates"]) <= slugs - {paper["slug"]}
        assert set(paper["mentions"]) | set(paper["mentioned_by"]) <= slugs
    ids = [p["id"] for p in data["papers"]]
    assert len(set(ids)) == len(ids)
    assert len(slugs) == len(data["papers"])
    for topic in data["topics"]:
        assert set(topic) >= {"slug", "label", "url", "keywords", "papers", "close"}, topic
        # Members there by resemblance alone: some of its papers, never all of them.
        assert set(topic["close"]) <= set(topic["papers"]) <= slugs
        assert len(topic["close"]) < len(topic["papers"]) or not topic["papers"]


@pytest.fixture(scope="module")
def bundled_export(tmp_path_factory) -> bytes:
    """The bundled corpus exported by the command line (analysis included, so done once)."""
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(BUNDLED_CORPUS, root / "site_src" / "corpus")
    result = papersite(root, "-q", "export", str(root / "export.json"))
    assert result.exit_code == 0, result.output
    return (root / "export.json").read_bytes()


def test_export_of_the_bundled_corpus_follows_the_contract(bundled_export) -> None:
    data = json.loads(bundled_export)
    check_contract(data)
    assert len(data["papers"]) == 554
    assert sum(len(p["sources"]) for p in data["papers"]) == 583
    fcn = next(
        p
        for p in data["papers"]
        if p["slug"] == "fully-convolutional-networks-for-semantic-segmentation"
    )
    assert len(fcn["versions"]) == 2
    assert sum(p["title_inferred"] for p in data["papers"]) == 11
    assert sum(p["date_inferred"] for p in data["papers"]) == 14
    assert sum(bool(p["possible_duplicates"]) for p in data["papers"]) == 10
    assert any(p["published"] == "2024-09-16" and p["upvotes"] == 5 for p in data["papers"])


def test_export_is_byte_identical_across_runs(
    bundled_export, bundled_corpus, bundled_analysis
) -> None:
    """The same as the export of the analysis other tests share: another run, in another
    process when the tests run in several."""
    assert bundled_export == export_json(bundled_corpus, bundled_analysis).encode("utf-8")


def test_export_to_stdout_matches_the_file(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD})
    to_file = run(root, "export", str(tmp_path / "out.json"))
    assert to_file.exit_code == 0, to_file.output
    to_stdout = run(root, "export", "-")
    assert to_stdout.exit_code == 0, to_stdout.output
    assert to_stdout.stdout == (tmp_path / "out.json").read_text(encoding="utf-8")
    data = json.loads(to_stdout.stdout)
    check_contract(data)
    assert [p["title"] for p in sorted(data["papers"], key=lambda p: p["title"])] == [
        "Good One",
        "Good Two",
    ]
    assert [p["sources"] for p in sorted(data["papers"], key=lambda p: p["title"])] == [
        [{"file": "good.txt", "line": 2}],
        [{"file": "good.txt", "line": 4}],
    ]


def test_second_export_reports_unchanged(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD})
    out = tmp_path / "out.json"
    assert run(root, "export", str(out)).exit_code == 0
    again = run(root, "export", str(out))
    assert again.exit_code == 0
    assert "unchanged" in again.stderr


def test_export_with_a_bad_file_reports_it_and_exports_the_rest(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD, "bad.txt": "hello\n"})
    out = tmp_path / "out.json"
    result = run(root, "export", str(out))
    assert result.exit_code == 0, result.output
    assert "bad.txt:1: error: unrecognised format" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["papers"]) == 2


def test_strict_export_with_a_bad_file_fails_and_writes_nothing(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD, "bad.txt": "hello\n"})
    out = tmp_path / "out.json"
    result = run(root, "--strict", "export", str(out))
    assert result.exit_code == 1
    assert "bad.txt:1: error" in result.stderr
    assert not out.exists()
    assert "Traceback" not in result.output


CONFIG_ERRORS = {
    "bad YAML": ("corpus: [unclosed\n", "papersite.yml:2:1: not valid YAML"),
    "tab in YAML": ("corpus: corpus\n\tx: 1\n", "papersite.yml:2:1: not valid YAML"),
    "not a mapping": ("- corpus\n", "expected a mapping of settings"),
    "unknown key": ("corpsu: corpus\n", "unknown setting 'corpsu' (did you mean 'corpus'?)"),
    "wrong type": ("listing_year: soon\n", "listing_year must be int or null, not 'soon'"),
    "year out of range": ("listing_year: 20250\n", "listing_year must be a four-digit year"),
    "corpus not paths": ("corpus: [1, 2]\n", "corpus must be a path or a list of paths"),
    "corpus empty path": ('corpus: [a, " "]\n', "papersite.yml:1: corpus names an empty path"),
    "missing corpus": (
        "corpus: nowhere\n",
        "papersite.yml:1: corpus entry 'nowhere': no such file or folder",
    ),
    "related_k zero": ("related_k: 0\n", "papersite.yml:1: related_k must be from 1 to 50"),
    "related_k huge": ("related_k: 100000\n", "papersite.yml:1: related_k must be from 1 to 50"),
}


@pytest.mark.parametrize("command", ["check", "export"])
@pytest.mark.parametrize("config, message", CONFIG_ERRORS.values(), ids=CONFIG_ERRORS.keys())
def test_config_errors_exit_2_with_a_clear_message(
    run, project, tmp_path, command, config, message
) -> None:
    root = project({"good.txt": GOOD}, config=config)
    args = [command, str(tmp_path / "out.json")] if command == "export" else [command]
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out.json").exists()


def test_missing_explicit_config_file_is_an_error(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD})
    result = run(root, "--config", str(tmp_path / "nope.yml"), "check")
    assert result.exit_code == 2
    assert "no such configuration file" in result.stderr


def test_export_does_not_replace_a_file_that_is_not_an_export(run, project) -> None:
    root = project({"good.txt": GOOD})
    settings = root / "papersite.yml"
    result = run(root, "export", "--force", str(settings))
    assert result.exit_code == 2, result.output
    assert "is the project's papersite.yml" in result.stderr
    assert settings.read_text(encoding="utf-8") == "corpus: corpus\n"
    elsewhere = root / "notes.txt"
    elsewhere.write_text("my notes\n", encoding="utf-8")
    assert run(root, "export", str(elsewhere)).exit_code == 2
    forced = run(root, "export", "--force", str(elsewhere))
    assert forced.exit_code == 0, forced.output
    check_contract(json.loads(elsewhere.read_text(encoding="utf-8")))


def test_export_replaces_an_earlier_export(run, project, tmp_path) -> None:
    root = project({"good.txt": GOOD})
    out = tmp_path / "out.json"
    assert run(root, "export", str(out)).exit_code == 0
    (root / "corpus" / "good.txt").write_text(GOOD.replace("Good Two\n", "Good 2\n"), "utf-8")
    again = run(root, "export", str(out))
    assert again.exit_code == 0, again.output
    titles = {p["title"] for p in json.loads(out.read_text(encoding="utf-8"))["papers"]}
    assert titles == {"Good One", "Good 2"}


def test_export_refuses_the_places_papersite_reads_or_publishes(run, project) -> None:
    """An export into the corpus folder made the next build reject it as hundreds of
    broken records; one in docs/ was published as it is. --force does not change that."""
    root = project({"good.txt": GOOD}, "corpus: [corpus, extra/*.jsonl]\n")
    for place, said in (
        ("corpus/papers.json", "read as part of the corpus ('corpus')"),
        ("extra/papers.jsonl", "read as part of the corpus ('extra/*.jsonl')"),
        ("docs/papers.json", "inside docs/"),
        ("site_src/papers.json", "inside site_src/"),
    ):
        (root / place).parent.mkdir(parents=True, exist_ok=True)
        result = run(root, "export", "--force", str(root / place))
        assert result.exit_code == 2, (place, result.output)
        assert said in result.stderr and "Traceback" not in result.output, result.stderr
        assert not (root / place).exists(), place
    beside = run(root, "export", str(root / "extra" / "papers.json"))  # not the glob's
    assert beside.exit_code == 0, beside.output


def test_export_reads_a_corpus_glob_as_the_corpus_does(run, project, tmp_path) -> None:
    """`**` is any number of folders, none too (out.txt at the root was let through and
    then read as a broken corpus file); a place outside the project is no corpus file
    (fnmatch's `*` crossed folders: `../x.txt` was refused)."""
    root = project({"good.txt": GOOD}, "corpus: ['**/*.txt']\n")
    for place in ("out.txt", "a/b/out.txt"):
        result = run(root, "export", str(root / place))
        assert result.exit_code == 2 and "read as part of the corpus" in result.stderr, place
    outside = root.parent / f"{root.name}-export.txt"  # beside the project, not in it
    try:
        result = run(root, "export", str(outside))
        assert result.exit_code == 0, result.output
    finally:
        outside.unlink(missing_ok=True)
