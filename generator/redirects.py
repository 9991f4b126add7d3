"""Old paper URLs that keep working after a title edit changes a paper's slug.

Each run compares the papers docs/ held before (their search documents: slug, title,
abstract) with the papers now read. A paper whose slug changed but whose abstract (or
title) is the same is the same paper, moved: the move is added to `redirects.yml` at
the project's root, which the user commits, so that a build from a clean clone (CI)
writes the same redirects. Each move becomes a small page at the old URL that sends
the reader on to the new one (generator/render/redirect_pages.py).

The file is the user's too: moves can be added, edited or removed by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.config import MAX_YAML_VALUES, SAFE_LOADER, TOO_MANY_VALUES, alias_growth
from generator.ingest.merge import text_key
from generator.links import SLUG_RE
from generator.model import Paper
from generator.search.terminal import SEARCH_DOCUMENTS, load_documents
from generator.write import write_text_atomic

REDIRECTS_NAME = "redirects.yml"
_HEADER = """\
# Paper pages that moved: old slug -> current slug. papersite adds a line when an edited
# title changes a paper's slug, and the old URL then sends readers to the new page.
# Commit this file so that every build (CI included) keeps the old links working.
"""


class RedirectsError(ValueError):
    """redirects.yml cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Redirects:
    """The moves written at the old URLs, and what the user should hear about."""

    moves: dict[str, str]  # old slug -> current slug, each with a paper page
    added: int = 0  # moves this run found (and wrote to redirects.yml)
    unused: tuple[str, ...] = ()  # messages: moves that lead to no paper


def notes(redirects: Redirects) -> list[str]:
    """What the user should hear about this run's redirects, one line each."""
    lines = list(redirects.unused)
    if redirects.added:
        lines.insert(
            0,
            f"{redirects.added} papers' pages moved (edited titles): their old URLs now "
            f"lead to the new pages; commit {REDIRECTS_NAME} to keep it so",
        )
    return lines


def load_moves(path: Path) -> dict[str, str]:
    """The moves in `path` (none when there is no such file); RedirectsError names the
    line of anything that is not `old-slug: new-slug` under `papers:`."""
    if not path.is_file():
        return {}
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RedirectsError(f"{where}: not valid YAML") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RedirectsError(f"{path}: cannot read: {error}") from None
    if node is None:
        return {}
    if alias_growth(node) > MAX_YAML_VALUES:
        raise RedirectsError(f"{path}: {TOO_MANY_VALUES}")
    if not isinstance(node, yaml.MappingNode):
        raise RedirectsError(f"{path}:1: expected `papers:` and a mapping of old: new slugs")
    moves: dict[str, str] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if key.value != "papers":
            raise RedirectsError(f"{path}:{line}: unknown key {str(key.value)[:40]!r}")
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode):
            raise RedirectsError(f"{path}:{line}: papers: expected old-slug: new-slug lines")
        for old, new in value.value:
            line = old.start_mark.line + 1
            for slug in (old, new):
                if not isinstance(slug, yaml.ScalarNode) or not SLUG_RE.fullmatch(slug.value):
                    shown = slug.value if isinstance(slug, yaml.ScalarNode) else "a list"
                    raise RedirectsError(
                        f"{path}:{line}: {str(shown)[:60]!r} is not a slug "
                        "(lower-case letters and digits joined by hyphens)"
                    )
            if old.value in moves:
                raise RedirectsError(f"{path}:{line}: {old.value!r} is listed twice")
            moves[old.value] = new.value
    return moves


def save_moves(path: Path, moves: Mapping[str, str]) -> None:
    """Write `moves` to `path`, sorted, in the format `load_moves` reads."""
    lines = [f"  {old}: {new}" for old, new in sorted(moves.items())]
    write_text_atomic(path, _HEADER + "papers:\n" + "".join(f"{line}\n" for line in lines))


def found_moves(
    previous: Iterable[tuple[str, str, str]], papers: Iterable[Paper]
) -> dict[str, str]:
    """Moves from the papers of the last run, (slug, title, abstract) each, to `papers`:
    a slug that is gone whose abstract (else title) is now one paper's, under another
    slug. A text shared by several papers proves nothing and moves nothing."""
    papers = list(papers)
    current = {p.slug for p in papers}
    by_text: dict[str, set[str]] = {}
    for paper in papers:
        for key in _keys(paper.title, paper.abstract):
            by_text.setdefault(key, set()).add(paper.slug)
    moves = {}
    for slug, title, abstract in previous:
        if slug in current:
            continue
        for key in _keys(title, abstract):
            found = by_text.get(key, set())
            if len(found) == 1:
                moves[slug] = next(iter(found))
                break
    return moves


def _keys(title: str, abstract: str) -> list[str]:
    keys = ["a:" + text_key(abstract)] if abstract.strip() else []
    return [*keys, "t:" + text_key(title)]


def previous_papers(docs_dir: Path) -> list[tuple[str, str, str]]:
    """(slug, title, abstract) of each paper docs/ holds from the last run; none when
    docs/ has no readable search documents."""
    try:
        documents = load_documents((docs_dir / SEARCH_DOCUMENTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [(d.slug, d.title, d.abstract) for d in documents]


def settle(moves: Mapping[str, str], current: set[str]) -> Redirects:
    """The moves to write: chains followed to their end (a -> b -> c becomes a -> c and
    b -> c), none from a slug a paper has now (its page wins), none to a slug no paper
    has (said in `unused`)."""
    settled: dict[str, str] = {}
    unused: list[str] = []
    for old in sorted(moves):
        if old in current:
            continue
        new, seen = moves[old], {old}
        while new in moves and new not in current and new not in seen:
            seen.add(new)
            new = moves[new]
        if new in current:
            settled[old] = new
        else:
            unused.append(f"{REDIRECTS_NAME}: {old} -> {moves[old]}: no paper has that slug now")
    return Redirects(settled, unused=tuple(unused))
