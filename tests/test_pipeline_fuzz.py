"""Fuzz the whole pipeline through the CLI: hostile tiny corpora, settings and topics files.

Whatever the input, `papersite generate` (and `build`) ends with exit 0, 1 or 2 and a
message, never a traceback; it reads no input differently on a second run; it writes
nothing outside its temporary project and changes none of its inputs; and when it
succeeds every record read is a paper with a page, merged, or reported as rejected.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from cli_run import papersite
from click.testing import Result
from hostile_corpora import INJECTIONS, check_accounting, corpora_with_papers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listing_texts import ABSTRACT, OTHER
from paths import REPO

from generator.config import load_config
from generator.links import paper_doc
from generator.pipeline import Pipeline

pytestmark = pytest.mark.slow

# Strings a careless or hostile settings file holds where a path, slug or name goes.
PATHS = [
    "docs",
    "out/generated docs",
    "..",
    "../outside",
    "a/../../b",
    "docs/../../x",
    "",
    ".",
    "./",
    "corpus",
    "corpus/inner",
    "site_src",
    "site",
    "papersite.yml",
    "~",
    "docs\x00",
    "/",
    "ABSOLUTE",  # replaced by an absolute path outside the project
]
SLUGS = ["../../x", "../papers/a-title", "index", "Index", "UPPER", "upper", "a/b", "..", ""]
_PAPERS = (
    f"Get trending papers in your email inbox!\nSubscribeA first title\n{ABSTRACT}\n"
    f"A second title\n{OTHER}\n"
).encode()
texts = st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=20))
# Any YAML value of the wrong type, where a string or a number belongs.
odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.integers(), max_size=2)
)


def _absolute(value: object, outside: Path) -> object:
    return str(outside / "elsewhere") if value == "ABSOLUTE" else value


# Settings a careful user writes (valid, though their text may be anything) ...
usable_settings = st.fixed_dictionaries(
    {"corpus": st.just("corpus")},
    optional={
        "site_name": texts,
        "docs_dir": st.sampled_from(["docs", "out/generated docs", "site-docs"]),
        "topics_file": st.just("topics.yml"),
        "related_k": st.integers(0, 30),
        "listing_year": st.integers(1900, 2099),
        "workers": st.integers(1, 2),
    },
)
# ... and what a careless or hostile one writes: one setting of it made wrong.
WRONG_VALUES = {
    "corpus": st.sampled_from(PATHS) | odd_values,
    "site_name": odd_values,
    "docs_dir": st.sampled_from(PATHS) | odd_values,
    "topics_file": st.sampled_from(PATHS) | odd_values,
    "related_k": st.integers(-2, 10**12) | odd_values,
    "listing_year": st.integers(-1, 10**6) | odd_values,
    "workers": st.integers(-1, 0) | odd_values,
    "no_such_setting": texts,
}
hostile_settings = st.tuples(
    usable_settings,
    st.sampled_from(sorted(WRONG_VALUES)).flatmap(
        lambda key: WRONG_VALUES[key].map(lambda value: (key, value))
    ),
).map(lambda case: {**case[0], case[1][0]: case[1][1]})
topic_entries = st.one_of(
    texts,
    st.fixed_dictionaries(
        {"label": st.one_of(texts, odd_values)},
        optional={
            "slug": st.one_of(st.sampled_from(SLUGS), texts, odd_values),
            "keywords": st.one_of(st.lists(texts, max_size=3), odd_values),
            "papers": st.lists(st.sampled_from(["a-title", "../x", ""]), max_size=2),
        },
    ),
)
topics_files = st.one_of(
    st.none(),
    st.text(max_size=60),  # not YAML, or YAML of the wrong shape
    st.fixed_dictionaries(
        {},
        optional={
            "topics": st.lists(topic_entries, max_size=3),
            "exclude": st.lists(texts, max_size=2),
            "rename": st.dictionaries(texts, st.one_of(texts, odd_values), max_size=2),
        },
    ).map(yaml.safe_dump),
)
FUZZ = settings(
    deadline=None,
    derandomize=True,  # the same examples on every run: CI cannot flake
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _tree(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (symlinks not followed), with a hash of files."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        found[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


def _project(outer: Path, files: dict[str, bytes], config: dict, topics: str | None) -> Path:
    root = outer / "project"
    (root / "corpus").mkdir(parents=True)
    for name, data in files.items():
        (root / "corpus" / name).write_bytes(data)
    config = {key: _absolute(value, outer) for key, value in config.items()}
    (root / "papersite.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    if topics is not None:
        (root / "topics.yml").write_text(topics, encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (outer / "outside").mkdir()
    (outer / "outside" / "keep.txt").write_text("not the project's\n", encoding="utf-8")
    (outer / "cwd").mkdir()
    return root


def _run(root: Path, *args: str) -> Result:
    result = papersite(root, "-q", *args)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code:
        assert "Error: " in result.output, result.output
    return result


def _check_output(root: Path) -> None:
    """Every record read is accounted for, and every paper has its page in docs/."""
    config = load_config(root)
    docs = config.docs.resolve()
    assert docs.is_relative_to(root.resolve()) and docs != root.resolve()
    corpus = Pipeline(config).read_corpus()
    check_accounting(corpus)
    for paper in corpus.papers:
        assert (docs / paper_doc(paper.slug)).is_file(), paper.slug


@contextlib.contextmanager
def _hostile_project(files: dict, config: dict, topics: str | None):
    """A project in a fresh temporary folder, run from an empty working folder; on leaving,
    checks that nothing outside the project, and none of its inputs, changed."""
    with tempfile.TemporaryDirectory() as folder:
        outer = Path(folder)
        root = _project(outer, files, config, topics)
        outside = {name: _tree(outer / name) for name in ("outside", "cwd")}
        inputs = _tree(root)
        with contextlib.chdir(outer / "cwd"):
            yield root
        assert sorted(p.name for p in outer.iterdir()) == ["cwd", "outside", "project"]
        assert {name: _tree(outer / name) for name in outside} == outside
        assert {k: v for k, v in _tree(root).items() if k in inputs} == inputs


@settings(FUZZ, max_examples=10)
@given(corpora_with_papers, usable_settings | hostile_settings, topics_files)
def test_generate_survives_hostile_projects(files, config, topics) -> None:
    with _hostile_project(files, config, topics) as root:
        first = _run(root, "generate")
        if first.exit_code == 0:
            _check_output(root)
            docs = load_config(root).docs
            generated = _tree(docs)
            again = _run(root, "generate", "--force")
            assert again.exit_code == 0 and _tree(docs) == generated  # deterministic


@settings(FUZZ, max_examples=5)
@given(corpora_with_papers, usable_settings | hostile_settings)
def test_build_survives_hostile_projects(files, config) -> None:
    with _hostile_project(files, config, None) as root:
        if _run(root, "build").exit_code == 0:
            _check_output(root)
            assert (root / "site" / "index.html").is_file()


@pytest.mark.parametrize("key", ["corpus", "docs_dir", "topics_file"])
@pytest.mark.parametrize("value", PATHS)
def test_every_hostile_path_in_every_path_setting(key: str, value: str) -> None:
    """Not left to chance: each hostile path in each path setting, through `generate`."""
    files = {"papers.txt": _PAPERS}
    config = {"corpus": "corpus", key: value}
    with _hostile_project(files, config, None) as root:
        if _run(root, "generate").exit_code == 0:
            _check_output(root)
