"""Merge records that describe the same paper; every decision goes into the merge log.

- Same title (compared case-, accent- and punctuation-insensitively): one paper.
  Abstracts that differ only in case, accents, punctuation or spacing are one version;
  any other difference (a changed number, a reworded claim) is kept as another version.
- A record without a title whose abstract matches a titled record joins that paper.
- Metadata is the union of the records'; differing values are logged as conflicts.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from generator.ingest.clean import normalize_key
from generator.links import is_web_address, paper_url, unique_slugs
from generator.model import MergeAction, MergeEntry, Paper, PaperDate, Record, SourceRef


@dataclass(frozen=True)
class MergedPaper:
    """A paper before slugs are assigned: its id, records and chosen fields."""

    id: str
    records: tuple[Record, ...]
    versions: tuple[str, ...]


def group_records(records: list[Record]) -> list[list[Record]]:
    """Group records by paper: same title key, or untitled with a known abstract."""
    groups: dict[str, list[Record]] = defaultdict(list)
    by_abstract: dict[str, str] = {}
    records = sorted(records, key=lambda r: r.source)
    for record in records:
        if not record.title_inferred:
            key = "t:" + text_key(record.title)
            groups[key].append(record)
            if record.abstract:
                by_abstract.setdefault(text_key(record.abstract), key)
    for record in records:
        if record.title_inferred:
            abstract_key = text_key(record.abstract)
            groups[by_abstract.get(abstract_key, "a:" + abstract_key)].append(record)
    return list(groups.values())


def text_key(text: str) -> str:
    """Comparison key of a title or abstract; text with no letter or digit is its own key."""
    return normalize_key(text) or " ".join(text.casefold().split())


def paper_id(head: Record) -> str:
    """Stable id of a paper from its first record: its title, or (untitled) its abstract."""
    key = "abstract:" + text_key(head.abstract) if head.title_inferred else text_key(head.title)
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def merge_group(records: list[Record]) -> tuple[MergedPaper, list[MergeEntry]]:
    """Merge one group of records into a paper, logging merges, versions and conflicts."""
    records = sorted(records, key=lambda r: (r.title_inferred, r.source))
    pid = paper_id(records[0])
    versions = _versions([r.abstract for r in records if r.abstract])
    paper = MergedPaper(pid, tuple(records), tuple(versions))
    log: list[MergeEntry] = []
    sources = tuple(r.source for r in records)
    if len(records) > 1:
        detail = f"{len(records)} records of one paper merged into one page"
        if len(versions) > 1:  # else "merged" and "kept" read as a contradiction
            detail += f"; its {len(versions)} abstracts differ and are all kept"
        log.append(MergeEntry(MergeAction.MERGED, pid, sources, detail))
    if len(versions) > 1:
        detail = (
            f"{len(versions)} different abstracts under one title: "
            "one page shows them all, as versions"
        )
        log.append(MergeEntry(MergeAction.VERSION, pid, sources, detail))
    log.extend(_conflicts(pid, records))
    return paper, log


def _versions(abstracts: list[str]) -> list[str]:
    """Distinct abstracts, in reading order; ones with the same normalised text count once."""
    versions: list[str] = []
    keys: list[str] = []
    for abstract in abstracts:
        key = text_key(abstract)
        if key not in keys:
            versions.append(abstract)
            keys.append(key)
    return versions


def _conflicts(pid: str, records: list[Record]) -> list[MergeEntry]:
    """A conflict entry for every metadata field whose records disagree."""
    entries = []
    fields: dict[str, Callable[[Record], object]] = {
        "title": lambda r: None if r.title_inferred else r.title,
        "date": lambda r: r.date.iso() if r.date else None,
        "authors": lambda r: "; ".join(r.authors) if r.authors else None,
        "authors_count": lambda r: r.authors_count,
        "upvotes": lambda r: r.upvotes,
        "url": lambda r: r.url,
    }
    for name, get in fields.items():
        # value as compared -> (value as read, where); author names alike but for case,
        # accents or punctuation are one list
        values: dict[str, tuple[str, SourceRef]] = {}
        for record in records:
            value = get(record)
            if value is not None:
                key = text_key(str(value)) if name == "authors" else str(value)
                values.setdefault(key, (str(value), record.source))
        if len(values) > 1:
            listed = "; ".join(f"{v!r} ({s})" for v, s in values.values())
            detail = f"{name} differs: {listed}; kept {_chosen(name, records)!r}"
            where = tuple(s for _, s in values.values())
            entries.append(MergeEntry(MergeAction.CONFLICT, pid, where, detail))
    return entries


def _chosen(name: str, records: list[Record]) -> object:
    """The value a merged paper keeps for a field, as shown in a conflict entry."""
    chosen = _pick_metadata(records)
    if name == "title":
        return records[0].title
    if name == "date":
        return chosen.date.iso() if chosen.date else None
    if name == "authors":
        return "; ".join(chosen.authors)
    return getattr(chosen, name)


@dataclass(frozen=True)
class _Metadata:
    """The metadata a merged paper keeps."""

    date: PaperDate | None
    authors_count: int | None
    upvotes: int | None
    url: str | None
    authors: tuple[str, ...]


def _pick_metadata(records: list[Record]) -> _Metadata:
    """Union of the records' metadata: a printed date beats an inferred one, the highest
    upvote count wins (counts only grow), the longest author list (the others are in the
    merge log), a web address over one that cannot be linked (`javascript:`), otherwise
    the first record read wins."""
    dates = [r.date for r in records if r.date is not None]
    printed = [d for d in dates if not d.year_inferred]
    return _Metadata(
        date=(printed or dates)[0] if dates else None,
        authors_count=next((r.authors_count for r in records if r.authors_count), None),
        upvotes=max((r.upvotes for r in records if r.upvotes is not None), default=None),
        url=next((r.url for r in records if r.url and is_web_address(r.url)), None)
        or next((r.url for r in records if r.url), None),
        authors=max((r.authors for r in records), key=len),
    )


def to_papers(merged: list[MergedPaper]) -> list[Paper]:
    """Give merged papers unique slugs and build the final Paper records, sorted by slug."""
    slugs = unique_slugs((m.id, m.records[0].title) for m in merged)
    papers = []
    for m in merged:
        records = list(m.records)
        meta = _pick_metadata(records)
        papers.append(
            Paper(
                id=m.id,
                slug=slugs[m.id],
                url=paper_url(slugs[m.id]),
                title=records[0].title,
                title_inferred=records[0].title_inferred,
                abstract=m.versions[0] if m.versions else "",
                versions=m.versions,
                sources=tuple(sorted(r.source for r in records)),
                authors_count=meta.authors_count,
                authors=meta.authors,
                published=meta.date,
                upvotes=meta.upvotes,
                external_url=meta.url,
            )
        )
    return sorted(papers, key=lambda p: p.slug)
