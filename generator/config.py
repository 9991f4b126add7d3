"""Project configuration: `papersite.yml` beside `mkdocs.yml`, every key optional."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAME = "papersite.yml"
DEFAULT_TOPICS_FILE = "site_src/topics.yml"
CORPUS_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".tsv")


class ConfigError(ValueError):
    """Configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Settings for one papersite project; paths are relative to `root`."""

    root: Path = Path(".")
    corpus: tuple[str, ...] = ("site_src/corpus",)
    listing_year: int | None = None
    site_name: str = "papersite"
    site_url: str | None = None
    related_k: int = 5
    topics_file: str = DEFAULT_TOPICS_FILE
    docs_dir: str = "docs"
    search: str = "auto"

    def corpus_files(self) -> list[Path]:
        """Every corpus file named by `corpus` (files, folders or glob patterns), sorted."""
        found: set[Path] = set()
        for entry in self.corpus:
            path = self.root / entry
            if any(ch in entry for ch in "*?["):
                found.update(p for p in self.root.glob(entry) if p.is_file())
            elif path.is_dir():
                found.update(
                    p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")
                )
            elif path.exists():
                found.add(path)
            else:
                raise ConfigError(f"{CONFIG_NAME}: corpus entry {entry!r}: no such file or folder")
        return sorted(found, key=lambda p: (p.name, str(p)))


_TYPES: dict[str, tuple[type, ...]] = {
    "corpus": (list, str),
    "listing_year": (int, type(None)),
    "site_name": (str,),
    "site_url": (str, type(None)),
    "related_k": (int,),
    "topics_file": (str,),
    "docs_dir": (str,),
    "search": (str,),
}
SEARCH_CHOICES = ("auto", "material", "pagefind")


def load_config(root: Path, path: Path | None = None) -> Config:
    """Read `papersite.yml` under `root` (or `path`); a missing default file means defaults."""
    config_path = path or root / CONFIG_NAME
    if not config_path.exists():
        if path is not None:
            raise ConfigError(f"{path}: no such configuration file")
        return Config(root=root)
    try:
        data = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ConfigError(_yaml_message(config_path, error)) from None
    except (UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{config_path}: cannot read: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_path}: expected a mapping of settings at the top level")
    return _apply(Config(root=root), data, config_path)


def _yaml_message(path: Path, error: yaml.YAMLError) -> str:
    """`file:line:column: not valid YAML: problem`, on one line."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    return f"{where}: not valid YAML: {' '.join(str(problem).split())}"


def _apply(config: Config, data: dict[str, Any], path: Path) -> Config:
    """Check every key and value of `data` and return the updated config."""
    known = {f.name for f in fields(Config)} - {"root"}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            hint = difflib.get_close_matches(str(key), sorted(known), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ConfigError(f"{path}: unknown setting {key!r}{suggestion}")
        if not isinstance(value, _TYPES[key]) or isinstance(value, bool):
            expected = " or ".join(t.__name__ for t in _TYPES[key]).replace("NoneType", "null")
            raise ConfigError(f"{path}: {key} must be {expected}, not {value!r}")
        values[key] = value
    if "corpus" in values:
        corpus = values["corpus"]
        if not isinstance(corpus, str) and not all(isinstance(e, str) for e in corpus):
            raise ConfigError(f"{path}: corpus must be a path or a list of paths, not {corpus!r}")
        values["corpus"] = (corpus,) if isinstance(corpus, str) else tuple(corpus)
    if values.get("listing_year") is not None and not 1000 <= values["listing_year"] <= 9999:
        raise ConfigError(f"{path}: listing_year must be a four-digit year")
    if values.get("search", "auto") not in SEARCH_CHOICES:
        choices = ", ".join(SEARCH_CHOICES)
        raise ConfigError(f"{path}: search must be one of {choices}, not {values['search']!r}")
    if values.get("related_k", 1) < 1:
        raise ConfigError(f"{path}: related_k must be at least 1")
    return replace(config, **values)
