"""Project configuration: `papersite.yml` beside `mkdocs.yml`, every key optional."""

from __future__ import annotations

import difflib
import fnmatch
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from generator.project_paths import (
    OUTSIDE,
    SPECIAL_FILE,
    Inside,
    as_written,
    fixed_part,
    output_folder_problem,
    path_problem,
    written_or_hidden,
)
from generator.setting_values import site_url_problem, text_problem
from generator.visible_text import has_visible_character, hidden_in_name
from generator.workers import default_workers
from generator.yaml_files import (
    MAX_YAML_VALUES,
    SAFE_LOADER,
    TOO_MANY_VALUES,
    alias_growth,
    yaml_message,
)

CONFIG_NAME = "papersite.yml"
# Longest texts of the settings: the site's name heads every page (a 300,000-character
# name made a 12-paper site of 64 MB), the intro opens the home page.
MAX_TEXT = {"site_name": 200, "intro": 5_000}
_TEXT_USE = {
    "site_name": "it heads every page; a longer text belongs in intro",
    "intro": "it opens the home page; link to a page of its own for more",
}
REDIRECTS_NAME = "redirects.yml"  # old addresses of pages (redirects.py)
SOURCE_DIR = "site_src"  # what a project writes: corpus, topics file, templates, overrides
DEFAULT_TOPICS_FILE = f"{SOURCE_DIR}/topics.yml"
# A project's own page templates and theme overrides: files here replace papersite's.
PROJECT_TEMPLATES = f"{SOURCE_DIR}/templates"
PROJECT_OVERRIDES = f"{SOURCE_DIR}/overrides"
CORPUS_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".tsv")
MAX_WORKERS = 256  # as --workers allows
# Each paper page lists this many related papers: pages and the build grow with n * k
# (a k of 100,000 made every page list every paper), and no reader goes past a few dozen.
MAX_RELATED_K = 50


class ConfigError(ValueError):
    """Configuration that cannot be used; the message names the file and the key."""


def _glob_matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether a relative path's `parts` match a glob's, as Path.glob reads it: `**` is
    any number of folders (none too), other parts match one name each."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_glob_matches(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return (
        bool(parts)
        and fnmatch.fnmatchcase(parts[0], pattern[0])
        and _glob_matches(parts[1:], pattern[1:])
    )


@dataclass(frozen=True)
class Config:
    """Settings for one papersite project; paths are relative to `root`."""

    root: Path = Path(".")
    corpus: tuple[str, ...] = (f"{SOURCE_DIR}/corpus",)
    listing_year: int | None = None
    site_name: str = "Research papers"
    # The home page's opening paragraph (plain text); None: one says what the site holds.
    intro: str | None = None
    site_url: str | None = None
    related_k: int = 5
    topics_file: str = DEFAULT_TOPICS_FILE
    docs_dir: str = "docs"
    # Worker processes for the steps that use them; None: one per core.
    workers: int | None = None
    # One-line messages about the file (settings that no longer do anything); not settings.
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def docs(self) -> Path:
        """The generated docs folder."""
        return self.root / self.docs_dir

    def worker_count(self) -> int:
        """How many worker processes to use."""
        return self.workers if self.workers is not None else default_workers()

    def inputs(self) -> list[str]:
        """What papersite reads, as written (corpus folders up to a glob's first wildcard,
        the topics file, site_src, the settings, mkdocs.yml and the redirects file, which
        it also writes): no output folder may overlap one."""
        corpus = (fixed_part(entry) for entry in self.corpus)
        return [*corpus, self.topics_file, SOURCE_DIR, CONFIG_NAME, "mkdocs.yml", REDIRECTS_NAME]

    def export_problem(self, path: Path) -> str:
        """Why `papersite export` must not write `path`, or "": a file the corpus would
        read (the next build rejected the export as hundreds of broken records), one in
        site_src/ or docs/ (published as it is), or a settings file."""
        target = os.path.realpath(path)
        root = os.path.realpath(self.root)

        def within(entry: str) -> bool:
            place = os.path.realpath(os.path.join(root, entry))
            return target == place or target.startswith(place + os.sep)

        relative = Path(os.path.relpath(target, root)).parts
        inside = bool(relative) and relative[0] != os.pardir
        for entry in self.corpus:
            wildcard = any(c in entry for c in "*?[")
            if (wildcard and inside and _glob_matches(relative, Path(entry).parts)) or (
                not wildcard and within(entry)
            ):
                return f"{path} would be read as part of the corpus ({entry!r})"
        for folder in (SOURCE_DIR, self.docs_dir):
            if within(folder):
                return f"{path} is inside {folder}/, which papersite reads or publishes"
        for name in (self.topics_file, CONFIG_NAME, "mkdocs.yml", REDIRECTS_NAME):
            if target == os.path.realpath(os.path.join(root, name)):
                return f"{path} is the project's {name}"
        return ""

    def site_dir_problem(self, site_dir: str) -> str:
        """Why MkDocs' site_dir (absolute, as MkDocs resolved it) cannot hold the site, or
        "" (project_paths.output_folder_problem)."""
        apart = [*self.inputs(), self.docs_dir]
        return output_folder_problem(self.root, as_written(self.root, site_dir), "site_dir", apart)

    def project_templates(self) -> list[Path]:
        """The project's own page-template folder, when it has one."""
        folder = self.root / PROJECT_TEMPLATES
        return [folder] if folder.is_dir() else []

    def corpus_files(self) -> list[Path]:
        """Every corpus file named by `corpus` (files, folders or glob patterns), sorted."""
        return self.corpus_listing()[0]

    def corpus_listing(self) -> tuple[list[Path], list[tuple[Path, str]]]:
        """The corpus files, and the entries that are not read, each with why: a folder's
        hidden files, subfolders and files of other kinds (`paper.html`, `a.txt~`), and
        anything that is not a regular file (a pipe would never end). A regular file
        named on its own, or by a glob pattern, is always read."""
        found: set[Path] = set()
        skipped: list[tuple[Path, str]] = []
        inside = Inside(self.root)
        settings = {CONFIG_NAME, "mkdocs.yml", REDIRECTS_NAME, Path(self.topics_file).as_posix()}
        written: dict[Path, bool] = {}  # folders papersite wrote, looked up once each
        for entry in self.corpus:
            path = self.root / entry
            if any(ch in entry for ch in "*?["):
                # Not papersite's own files: its output (docs/, site/), hidden ones
                # (`.git/`, its state) and its settings: `**/*.json` read points.json.
                matches = [
                    p
                    for p in self.root.glob(entry)
                    if not p.is_dir()
                    and not written_or_hidden(self.root, p, self.root / fixed_part(entry), written)
                    and p.relative_to(self.root).as_posix() not in settings
                ]
            elif path.is_dir():
                matches = []
                for file in path.iterdir():
                    why = why_not_read(file)
                    if why:
                        skipped.append((file, why))
                    else:
                        matches.append(file)
            elif path.exists() or path.is_symlink():
                matches = [path]
            else:
                raise ConfigError(f"{CONFIG_NAME}: corpus entry {entry!r}: no such file or folder")
            for match in matches:
                if hidden_in_name(match.relative_to(self.root).as_posix()):  # shown whole
                    skipped.append((match, HIDDEN_NAME))
                elif inside.leaves(match):  # (where to is not said: the report is published)
                    skipped.append((match, "a link to a file outside the project (copy it in)"))
                elif match.is_file():
                    found.add(match)
                else:
                    skipped.append((match, "not a regular file (a pipe, device or broken link)"))
        return sorted(found, key=lambda p: (p.name, str(p))), sorted(set(skipped))


HIDDEN_NAME = (
    "its name, or a folder's on its path, holds a control or invisible character (shown "
    "escaped; a line break or a right-to-left mark would garble the pages and messages "
    "that name it): rename it"
)


def _check_links(config: Config) -> None:
    """Refuse a setting whose path a symbolic link takes outside the project (the
    corpus, the topics file), and a link out of the project's templates and overrides
    (their files are published)."""
    inside = Inside(config.root)
    paths = [("corpus", fixed_part(entry)) for entry in config.corpus]
    for key, entry in [*paths, ("topics_file", config.topics_file)]:
        target = inside.leaves(config.root / entry)
        if target:
            raise _SettingError(key, f"{key} {entry!r} leads to {target!r}: {OUTSIDE}")
    for folder in (config.root / PROJECT_TEMPLATES, config.root / PROJECT_OVERRIDES):
        link = inside.first_unsafe_entry(folder) if folder.exists() else ""
        if link:
            target = inside.leaves(link)
            message = f"a link to {target!r}: {OUTSIDE}" if target else SPECIAL_FILE
            raise _SettingError("", message, path=link)


_TYPES: dict[str, tuple[type, ...]] = {
    "corpus": (list, str),
    "listing_year": (int, type(None)),
    "site_name": (str,),
    "intro": (str, type(None)),
    "site_url": (str, type(None)),
    "related_k": (int,),
    "topics_file": (str,),
    "docs_dir": (str,),
    "workers": (int, type(None)),
}
# Settings of earlier versions: read without error, with a notice saying why they go.
RETIRED = {
    "search": "Pagefind is the site's search at every corpus size",
}
NOT_SETTINGS = ("root", "notices")


def load_config(root: Path, path: Path | None = None) -> Config:
    """Read `papersite.yml` under `root` (or `path`); a missing default file means defaults."""
    config_path = path or root / CONFIG_NAME
    if not config_path.exists():
        if path is not None:
            raise ConfigError(f"{path}: no such configuration file")
        try:  # the defaults are checked too: docs/ may be a link out of the project
            return _apply(Config(root=root), {}, config_path)
        except _SettingError as error:
            where = error.path or f"{root} (no {CONFIG_NAME}, defaults)"
            raise ConfigError(f"{where}: {error.message}") from None
    if config_path.is_dir():
        raise ConfigError(f"{config_path}: a folder, not a configuration file")
    if not config_path.is_file():  # a pipe: reading it would wait forever
        raise ConfigError(f"{config_path}: {SPECIAL_FILE}")
    try:
        text = config_path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=SAFE_LOADER)
        if alias_growth(node) > MAX_YAML_VALUES:
            raise ConfigError(f"{config_path}: {TOO_MANY_VALUES}")
        _check_keys(config_path, node)
        data = SAFE_LOADER("").construct_document(node) if node is not None else {}
        data = {} if data is None else data
        lines = _key_lines(node)
    except yaml.YAMLError as error:
        raise ConfigError(yaml_message(config_path, error)) from None
    except (UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{config_path}: cannot read: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_path}: expected a mapping of settings at the top level")
    try:
        return _apply(Config(root=root), data, config_path)
    except _SettingError as error:
        where = f"{config_path}:{lines[error.key]}" if error.key in lines else str(config_path)
        raise ConfigError(f"{error.path or where}: {error.message}") from None


class _SettingError(Exception):
    """A setting that cannot be used: its key, and why."""

    def __init__(self, key: str, message: str, path: str = "") -> None:
        super().__init__(message)
        self.key = key
        self.message = message
        self.path = path  # the file at fault, when it is not the settings file


def _check_keys(path: Path, node: yaml.Node | None) -> None:
    """Refuse a setting named twice (YAML keeps the last, silently: which was meant?) and
    a name that is no word (`null:`, `1:`), each at its line."""
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key, _ in node.value:
        line = key.start_mark.line + 1
        if key.tag == "tag:yaml.org,2002:merge":  # `<<: *defaults`: its keys are settings
            continue
        if key.tag != "tag:yaml.org,2002:str" or not isinstance(key.value, str):
            written = key.value if isinstance(key.value, str) else "a list or mapping"
            raise ConfigError(f"{path}:{line}: a setting's name is a word, not {written}")
        if key.value in seen:
            message = f"{key.value} is set twice (lines {seen[key.value]} and {line}): keep one"
            raise ConfigError(f"{path}:{line}: {message}")
        seen[key.value] = line


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each top-level key of a YAML mapping."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def _apply(config: Config, data: dict[str, Any], path: Path) -> Config:
    """Check every key and value of `data` and return the updated config."""
    known = {f.name for f in fields(Config)} - set(NOT_SETTINGS)
    values: dict[str, Any] = {}
    notices = []
    for key, value in data.items():
        if key in RETIRED:
            notices.append(f"{path}: `{key}` is no longer used ({RETIRED[key]}); remove it")
            continue
        if key not in known:
            hint = difflib.get_close_matches(str(key), sorted(known), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise _SettingError(str(key), f"unknown setting {key!r}{suggestion}")
        if not isinstance(value, _TYPES[key]) or isinstance(value, bool):
            expected = " or ".join(t.__name__ for t in _TYPES[key]).replace("NoneType", "null")
            if key == "corpus":
                expected = "a path or a list of paths"
            raise _SettingError(key, f"{key} must be {expected}, not {value!r}")
        values[key] = value
    if "corpus" in values:
        corpus = values["corpus"]
        if not isinstance(corpus, str) and not all(isinstance(e, str) for e in corpus):
            message = f"corpus must be a path or a list of paths, not {corpus!r}"
            raise _SettingError("corpus", message)
        values["corpus"] = (corpus,) if isinstance(corpus, str) else tuple(corpus)
        if not values["corpus"]:
            raise _SettingError("corpus", "corpus must name at least one file, folder or pattern")
        if not all(entry.strip() for entry in values["corpus"]):
            raise _SettingError(
                "corpus", "corpus names an empty path: name a file, folder or pattern"
            )
        for entry in values["corpus"]:
            if any("**" in part and part != "**" for part in entry.split("/")):
                message = f"corpus pattern {entry!r}: ** must be a whole part of the path"
                raise _SettingError("corpus", message + " (site_src/**/*.txt)")
    if values.get("listing_year") is not None and not 1000 <= values["listing_year"] <= 9999:
        raise _SettingError("listing_year", "listing_year must be a four-digit year")
    problem = site_url_problem(values.get("site_url"))
    if problem:
        raise _SettingError("site_url", problem)
    if not 1 <= values.get("related_k", 1) <= MAX_RELATED_K:
        raise _SettingError("related_k", f"related_k must be from 1 to {MAX_RELATED_K}")
    if values.get("workers") is not None and not 1 <= values["workers"] <= MAX_WORKERS:
        message = f"workers must be from 1 to {MAX_WORKERS} (or null: one per core)"
        raise _SettingError("workers", message)
    for key in ("site_name", "intro"):
        problem = text_problem(key, values.get(key))
        if problem:
            raise _SettingError(key, problem)
        if len(values.get(key) or "") > MAX_TEXT[key]:
            message = f"{key} is longer than {MAX_TEXT[key]:,} characters: {_TEXT_USE[key]}"
            raise _SettingError(key, message)
    if "site_name" in values and not has_visible_character(values["site_name"]):
        message = "site_name is empty: it names every page (leave it out for the default)"
        raise _SettingError("site_name", message)
    checked = replace(config, **values, notices=tuple(notices))
    for key in ("docs_dir", "topics_file", *(["corpus"] if "corpus" in values else [])):
        problem = path_problem(key, checked.corpus if key == "corpus" else [getattr(checked, key)])
        if problem:
            raise _SettingError(key, problem)
    _check_links(checked)
    if "corpus" in values:  # named here: said at its line (a default is said when listed)
        for entry in checked.corpus:
            path = checked.root / entry
            if not any(ch in entry for ch in "*?[") and not (path.exists() or path.is_symlink()):
                raise _SettingError("corpus", f"corpus entry {entry!r}: no such file or folder")
    apart = [*checked.inputs(), "site"]
    problem = output_folder_problem(checked.root, checked.docs_dir, "docs_dir", apart)
    if problem:
        raise _SettingError("docs_dir", problem)
    topics = checked.root / checked.topics_file
    if topics.is_dir():
        raise _SettingError("topics_file", f"topics_file {checked.topics_file!r} is a folder")
    if topics.exists() and not topics.is_file():  # it was taken for no topics file
        raise _SettingError("topics_file", f"topics_file {checked.topics_file!r} is {SPECIAL_FILE}")
    return checked


def why_not_read(file: Path) -> str | None:
    """Why a corpus folder's entry is not read, or None if it is a corpus file."""
    if file.name.startswith("."):
        return "a hidden file"
    if file.is_dir():
        return "a folder (corpus folders are not read recursively: name it, or use a glob)"
    if file.suffix.lower() not in CORPUS_SUFFIXES:
        return f"not a corpus file (read from folders: {' '.join(CORPUS_SUFFIXES)})"
    return None
