"""Old paper and topic URLs that keep working after their slugs change.

Each run compares the papers docs/ held before (their search documents: slug, title,
abstract) with the papers now read. A paper whose slug changed but whose abstract (or
title) is the same is the same paper, moved: the move is added to `redirects.yml` at
the project's root, which the user commits, so that a build from a clean clone (CI)
writes the same redirects. Each move becomes a small page at the old URL that sends
the reader on to the new one (generator/render/redirect_pages.py).

Topics move too: as a corpus grows, a topic can be renamed by a broader phrase
("Implicit regularization" becoming "Regularization") or merged into another. A topic
of the last run (docs/ keeps each topic's papers: TOPICS_RECORD) whose slug is gone has
moved to the topic that now holds most of its papers, when that is at least half of
them; its old URL then leads there, as a paper's does.

The file is the user's too: moves can be added, edited or removed by hand. papersite
removes a line only when a move it records leads back to that line's old slug (the
slug has a page again, so the line is stale: `without_stale`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from generator.config import REDIRECTS_NAME
from generator.ingest.merge import text_key
from generator.links import OTHER_TOPIC_SLUG, SLUG_RE
from generator.model import Paper, Topic
from generator.search.terminal import SEARCH_DOCUMENTS, load_documents
from generator.write import write_text_atomic
from generator.yaml_files import (
    MAX_YAML_VALUES,
    SAFE_LOADER,
    TOO_MANY_VALUES,
    alias_growth,
    yaml_message,
)

KINDS = ("papers", "topics")  # the sections of redirects.yml
# Each topic's papers, written under docs/ with the pages (MkDocs skips dotfiles): the
# next run finds where a topic whose slug is gone went.
TOPICS_RECORD = ".papersite-topics.json"
TOPICS_RECORD_FORMAT = 1
# Share of a gone topic's papers that must now be in one topic for its URL to lead there.
TOPIC_MOVE_SHARE = 0.5
_HEADER = """\
# Pages that moved: old slug -> current slug. papersite adds a line when an edited title
# changes a paper's slug, or when a topic's slug changes as the corpus grows (its URL then
# leads to the topic that holds most of its papers), and the old URL sends readers on.
# Commit this file so that every build (CI included) keeps the old links working.
"""


# The longest file or folder name most file systems take (ext4, APFS, NTFS: 255).
MAX_FOLDER_NAME = 255


class RedirectsError(ValueError):
    """redirects.yml cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Redirects:
    """The moves written at the old URLs, and what the user should hear about."""

    moves: dict[str, str]  # old slug -> current slug, each with a paper page
    added: int = 0  # moves this run found (and wrote to redirects.yml)
    unused: tuple[str, ...] = ()  # messages: moves that lead to no paper or topic
    topics: dict[str, str] = field(default_factory=dict)  # old -> current topic slug
    added_topics: int = 0


def notes(redirects: Redirects) -> list[str]:
    """What the user should hear about this run's redirects, one line each."""
    lines = []
    keep = f"commit {REDIRECTS_NAME} to keep it so"
    if redirects.added == 1:
        lines.append(
            f"1 paper's page moved (edited title): its old URL now leads to the new page; {keep}"
        )
    elif redirects.added:
        lines.append(
            f"{redirects.added} papers' pages moved (edited titles): their old URLs now lead "
            f"to the new pages; {keep}"
        )
    if redirects.added_topics == 1:
        lines.append(
            "1 topic's page moved (the topics changed with the corpus): its old URL now "
            f"leads to the topic holding most of its papers; {keep}"
        )
    elif redirects.added_topics:
        lines.append(
            f"{redirects.added_topics} topics' pages moved (the topics changed with the "
            "corpus): their old URLs now lead to the topics holding most of their papers; "
            f"{keep}"
        )
    return lines + list(redirects.unused)


def update_redirects(
    path: Path,
    papers: Sequence[Paper],
    topics: Sequence[Topic],
    previous: list[tuple[str, str, str]],
    previous_topic_papers: Mapping[str, tuple[str, ...]],
) -> Redirects:
    """The moves of redirects.yml at `path` plus those found since the previous run's
    papers and topics (saved to the file), settled against the papers and topics now.
    RedirectsError names the line of a file that cannot be used."""
    moves = load_moves(path)
    found = {
        "papers": found_moves(previous, papers),
        "topics": found_topic_moves(previous_topic_papers, topics),
    }
    added = {
        kind: {old: new for old, new in found[kind].items() if moves[kind].get(old) != new}
        for kind in found
    }
    if any(added.values()):
        for kind, new_moves in added.items():
            moves[kind] = without_stale({**moves[kind], **new_moves}, new_moves)
        save_moves(path, moves)
    settled_papers = settle(moves["papers"], {p.slug for p in papers})
    settled_topics = settle(moves["topics"], {t.slug for t in topics}, kind="topic")
    return replace(
        settled_papers,
        added=len(added["papers"]),
        unused=settled_papers.unused + (settled_topics.unused if topics else ()),
        topics=settled_topics.moves,
        added_topics=len(added["topics"]),
    )


def load_moves(path: Path) -> dict[str, dict[str, str]]:
    """The moves in `path`, by kind (`papers`, `topics`; empty when there is no such
    file); RedirectsError names the line of anything that is not `old-slug: new-slug`
    under `papers:` or `topics:`."""
    if not path.is_file():
        return {kind: {} for kind in KINDS}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RedirectsError(f"{path}: cannot read: {error}") from None
    return _moves_in(text, path)


def _moves_in(text: str, path: Path) -> dict[str, dict[str, str]]:
    """The moves `text` (the file at `path`) holds, as load_moves reads them."""
    found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise RedirectsError(yaml_message(path, error)) from None
    if node is None:
        return found
    if alias_growth(node) > MAX_YAML_VALUES:
        raise RedirectsError(f"{path}: {TOO_MANY_VALUES}")
    if not isinstance(node, yaml.MappingNode):
        raise RedirectsError(f"{path}:1: expected `papers:` and a mapping of old: new slugs")
    for key, value in node.value:
        line = key.start_mark.line + 1
        if key.value not in KINDS:
            raise RedirectsError(f"{path}:{line}: unknown key {str(key.value)[:40]!r}")
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode):
            raise RedirectsError(f"{path}:{line}: {key.value}: expected old-slug: new-slug lines")
        moves = found[key.value]
        for old, new in value.value:
            line = old.start_mark.line + 1
            for slug in (old, new):
                if not isinstance(slug, yaml.ScalarNode) or not SLUG_RE.fullmatch(slug.value):
                    shown = slug.value if isinstance(slug, yaml.ScalarNode) else "a list"
                    raise RedirectsError(
                        f"{path}:{line}: {str(shown)[:60]!r} is not a slug "
                        "(lower-case letters and digits joined by hyphens)"
                    )
                if len(slug.value) > MAX_FOLDER_NAME:  # a page's folder is named by it
                    raise RedirectsError(
                        f"{path}:{line}: {slug.value[:60]!r}… is longer than "
                        f"{MAX_FOLDER_NAME} characters, more than a folder's name can be"
                    )
            if old.value in moves:
                raise RedirectsError(f"{path}:{line}: {old.value!r} is listed twice")
            moves[old.value] = new.value
    return found


# A line and its ending, as YAML counts lines (str.splitlines also splits at \x0c and
# others, which YAML reads as text).
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")
# What line-by-line editing does not handle: a document's end marker (a section added
# at the end would follow it), and characters YAML reads as line breaks that the lines
# above do not split at.
_ODD_LAYOUT_RE = re.compile(r"^\.\.\.(?:\s|$)|[\x85\u2028\u2029]")
_LINE_END_RE = re.compile(r"\r\n|\r|\n")


def save_moves(path: Path, moves: Mapping[str, Mapping[str, str]]) -> None:
    """Write `moves` (by kind) to `path` in the format `load_moves` reads. An existing
    file is edited line by line (`_edited`: the user's comments and order stay); a new
    one is written sorted, each kind without moves left out but `papers:`."""
    text = _edited(path, moves) if path.is_file() else None
    if text is not None and not _reads_back(text, path, moves):
        text = None  # a layout the line editing got wrong: never write a broken file
    if text is None:
        text = _HEADER
        for kind in KINDS:
            lines = [f"  {old}: {new}\n" for old, new in sorted(moves.get(kind, {}).items())]
            if lines or kind == "papers":
                text += f"{kind}:\n" + "".join(lines)
    write_text_atomic(path, text)


def _reads_back(text: str, path: Path, moves: Mapping[str, Mapping[str, str]]) -> bool:
    """Whether `text` holds exactly `moves`, as the next run will read it."""
    try:
        found = _moves_in(text, path)
    except RedirectsError:
        return False
    return all(found[kind] == dict(moves.get(kind, {})) for kind in KINDS)


def _edited(path: Path, moves: Mapping[str, Mapping[str, str]]) -> str | None:
    """The file's text with only the lines of moves that changed edited: a move gone is
    its line removed, a move changed its new slug replaced (a comment after it kept), a
    move added a line after the last of its kind. The file is the user's too: their
    comments were lost when it was written afresh. None for a file that is not one
    move per line (`papers: {a: b}`): it is written afresh."""
    try:
        with path.open(encoding="utf-8", newline="") as file:  # its own line endings kept
            text = file.read()
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    lines = _LINE_RE.findall(text)
    first_end = _LINE_END_RE.search(text)
    eol = first_end.group() if first_end else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += eol
    if node is not None and (not isinstance(node, yaml.MappingNode) or node.flow_style):
        return None  # `{papers: ~}`
    keys = [key.value for key, _ in node.value] if node else []
    root = " " * node.value[0][0].start_mark.column if node and node.value else ""
    if any(_ODD_LAYOUT_RE.search(line) for line in lines) or len(keys) != len(set(keys)):
        return None  # an end marker, other line breaks, a kind written twice
    sections = {key.value: (key, value) for key, value in node.value} if node else {}
    after: dict[int, list[str]] = {}  # new lines to put after line n (-1: at the end)
    for kind in KINDS:
        wanted = moves.get(kind, {})
        if kind not in sections:
            if wanted:
                after.setdefault(-1, []).append(f"{root}{kind}:{eol}")
                after[-1] += [f"{root}  {old}: {new}{eol}" for old, new in sorted(wanted.items())]
            continue
        key, value = sections[kind]
        pairs = value.value if isinstance(value, yaml.MappingNode) else []
        if isinstance(value, yaml.MappingNode) and (value.flow_style or not pairs):
            return None
        if isinstance(value, yaml.ScalarNode) and value.style:  # `papers: ''`
            return None
        last, indent, kept = key.start_mark.line, " " * (key.start_mark.column + 2), set()
        if not pairs and value.value:  # `papers: ~`: the `~` goes, a comment stays
            at = value.start_mark.line
            bom = int(at == 0 and text[:1] == "\ufeff")  # YAML's columns do not count it
            start, end = value.start_mark.column + bom, value.end_mark.column + bom
            lines[at] = lines[at][:start].rstrip(" ") + lines[at][end:]
        for old, new in pairs:
            line = old.start_mark.line
            if new.start_mark.line != line or new.end_mark.line != line:
                return None
            last, indent = line, " " * old.start_mark.column
            if old.value not in wanted:
                lines[line] = ""
            elif wanted[old.value] != new.value:
                start, end = new.start_mark.column, new.end_mark.column
                lines[line] = lines[line][:start] + wanted[old.value] + lines[line][end:]
            kept.add(old.value)
        added = sorted(old for old in wanted if old not in kept)
        after.setdefault(last, []).extend(f"{indent}{old}: {wanted[old]}{eol}" for old in added)
    edited = [line + "".join(after.get(n, [])) for n, line in enumerate(lines)]
    return "".join(edited) + "".join(after.get(-1, []))


def without_stale(moves: Mapping[str, str], added: Mapping[str, str]) -> dict[str, str]:
    """`moves` without the lines the `added` moves make stale. A move papersite just
    found leads to a live page: a line sending that page's slug elsewhere was written
    when the slug was gone, and now its page wins. Dropping it keeps a slug that comes
    back (`a: b`, then `b: a`) from leaving a cycle and a "remove the line" note on
    every run; other lines, the user's included, are kept."""
    live = set(added.values())
    return {old: new for old, new in moves.items() if old not in live}


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
    # only slugs: the file is in docs/, which anyone may edit, and an old slug names the
    # folder of the page written at the old URL
    return [(d.slug, d.title, d.abstract) for d in documents if SLUG_RE.fullmatch(d.slug)]


def topics_record(topics: Sequence[Topic]) -> str:
    """Each topic's papers as deterministic JSON (TOPICS_RECORD, written with the pages)."""
    papers = {t.slug: list(t.papers) for t in sorted(topics, key=lambda t: t.slug)}
    record = {"format": TOPICS_RECORD_FORMAT, "topics": papers}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def previous_topics(docs_dir: Path) -> dict[str, tuple[str, ...]]:
    """Each topic's papers as the last run wrote them; none when docs/ has no readable
    record (a first run, or one from before the record)."""
    try:
        record = json.loads((docs_dir / TOPICS_RECORD).read_text(encoding="utf-8"))
        topics = record["topics"] if record.get("format") == TOPICS_RECORD_FORMAT else {}
        return {  # only slugs: the record is a file in docs/, which anyone may edit
            slug: tuple(papers)
            for slug, papers in topics.items()
            if isinstance(slug, str)
            and SLUG_RE.fullmatch(slug)
            and isinstance(papers, list)
            and all(isinstance(p, str) for p in papers)
        }
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


def found_topic_moves(
    previous: Mapping[str, Sequence[str]], topics: Sequence[Topic]
) -> dict[str, str]:
    """Moves from the topics of the last run (slug -> papers) whose slug is gone: to the
    topic now holding most of their papers, when that is at least TOPIC_MOVE_SHARE of
    them (ties: the first slug in order). "Other" neither moves nor takes moves."""
    current = {t.slug for t in topics}
    holders: dict[str, list[str]] = {}
    for topic in topics:
        if topic.slug != OTHER_TOPIC_SLUG:
            for paper in topic.papers:
                holders.setdefault(paper, []).append(topic.slug)
    moves = {}
    for slug, papers in sorted(previous.items()):
        if slug in current or slug == OTHER_TOPIC_SLUG or not papers:
            continue
        counts = Counter(holder for paper in papers for holder in holders.get(paper, ()))
        if counts:
            best, held = min(counts.items(), key=lambda item: (-item[1], item[0]))
            if held >= TOPIC_MOVE_SHARE * len(papers):
                moves[slug] = best
    return moves


def settle(moves: Mapping[str, str], current: set[str], kind: str = "paper") -> Redirects:
    """The moves to write: chains followed to their end (a -> b -> c becomes a -> c and
    b -> c), none from a slug a paper (a topic, for `kind` "topic") has now (its page
    wins), none to a slug none has (both said in `unused`)."""
    settled: dict[str, str] = {}
    unused: list[str] = []
    for old in sorted(moves):
        if old in current:
            unused.append(
                f"{REDIRECTS_NAME}: {old} -> {moves[old]}: a {kind} has that old slug now: "
                "its page wins (remove the line)"
            )
            continue
        new, seen = moves[old], {old}
        while new in moves and new not in current and new not in seen:
            seen.add(new)
            new = moves[new]
        if new in current:
            settled[old] = new
        else:
            unused.append(f"{REDIRECTS_NAME}: {old} -> {moves[old]}: no {kind} has that slug now")
    return Redirects(settled, unused=tuple(unused))
