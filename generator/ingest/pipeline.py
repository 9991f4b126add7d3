"""Read every corpus file, merge the records, and account for all of them."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from generator.ingest.broken_words import rejoin_broken_words
from generator.ingest.detect import detect_format, unrecognised_because
from generator.ingest.duplicates import flag_possible_duplicates
from generator.ingest.merge import group_records, merge_group, to_papers
from generator.ingest.readers import READERS, ReadOptions, ReadResult
from generator.ingest.source import BINARY_SAMPLE, decode_source
from generator.model import (
    MAX_ANALYSED_WORDS,
    Corpus,
    FileSummary,
    MergeAction,
    MergeEntry,
    Paper,
    Problem,
    Record,
    Severity,
    SourceRef,
    first_words,
)
from generator.workers import balanced_chunks, run_chunks_async, worker_count

# Below this many bytes of corpus files, forking workers costs more than it saves.
PARALLEL_MIN_BYTES = 4_000_000
# A listing file this large holds some 500,000 papers: larger ones are split by hand.
MAX_FILE_BYTES = 1 << 30


def ingest_files(
    paths: Iterable[Path],
    options: ReadOptions | None = None,
    workers: int = 1,
    root: Path | None = None,
) -> Corpus:
    """Read corpus files (named by their file name) and return the merged corpus; large
    corpora of several files are read by up to `workers` worker processes. Messages show
    paths relative to `root` (the project), so the output never depends on where it is."""
    texts: list[tuple[str, bytes]] = []
    ordered = sorted(paths, key=lambda p: (p.name, str(p)))
    names = _source_names(ordered, root)
    problems: list[Problem] = []
    unreadable: list[MergeEntry] = []
    for path, name in zip(ordered, names, strict=True):
        try:
            data = read_corpus_file(path)
        except (OSError, _TooLarge) as error:
            reason = str(error) if isinstance(error, _TooLarge) else error.strerror or str(error)
            skipped = _unreadable(name, 0, f"cannot read file: {reason}", (), ())
            problems.extend(skipped.problems)
            unreadable.extend(skipped.rejected)
            continue
        texts.append((name, data))
    corpus = ingest_texts(texts, options, workers)
    return Corpus(
        corpus.papers,
        (*corpus.merge_log, *unreadable),
        (*corpus.files, *(FileSummary(e.sources[0].file, "unreadable", 0, 1) for e in unreadable)),
        (*problems, *corpus.problems),
    )


class _TooLarge(Exception):
    """A corpus file larger than MAX_FILE_BYTES."""


def read_corpus_file(path: Path) -> bytes:
    """The file's bytes; of a binary file only its start, which is all that is needed to
    report it (a stray video in the corpus folder is not read into memory whole)."""
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise _TooLarge(
                f"it is {size / 2**20:,.0f} MiB, more than the {MAX_FILE_BYTES // 2**20:,} MiB "
                "a corpus file may be (split it into several files)"
            )
        start = file.read(BINARY_SAMPLE)
        if decode_source(path.name, start).binary:
            return start
        return start + file.read(MAX_FILE_BYTES + 1 - len(start))


def _source_names(paths: list[Path], root: Path | None) -> list[str]:
    """How messages and pages name each corpus file (`paths` sorted by name): by its
    name, or, when two share it, by its path in the project (`a/x.txt`, `b/x.txt`)."""
    counts = Counter(path.name for path in paths)

    def shown(path: Path) -> str:
        if counts[path.name] == 1 or root is None:
            return path.name
        # As written, links not followed: `a/x.txt`, a link to `b/x.txt`, is `a/x.txt`.
        shown = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        return path.name if shown.startswith("..") else Path(shown).as_posix()

    return [shown(path) for path in paths]


def ingest_texts(
    files: Iterable[tuple[str, bytes]], options: ReadOptions | None = None, workers: int = 1
) -> Corpus:
    """Read (file name, content) pairs and return the merged corpus."""
    options = options or ReadOptions()
    files = list(files)
    records: list[Record] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    summaries: list[FileSummary] = []
    for (name, _), (fmt, result) in zip(files, read_all(files, options, workers), strict=True):
        records.extend(result.records)
        problems.extend(result.problems)
        rejected.extend(result.rejected)
        summaries.append(FileSummary(name, fmt, len(result.records), len(result.rejected)))
    merged, log = [], []
    for group in group_records(records):
        paper, entries = merge_group(group)
        merged.append(paper)
        log.extend(entries)
    papers, duplicate_log = flag_possible_duplicates(rejoin_broken_words(to_papers(merged)))
    problems.extend(_cut_for_analysis(papers))
    log = _with_slugs(log, {p.id: p.slug for p in papers})
    return Corpus(
        papers=tuple(papers),
        merge_log=tuple([*log, *duplicate_log, *rejected]),
        files=tuple(summaries),
        problems=tuple(sorted(problems, key=lambda p: p.source)),
    )


def read_all(
    files: Sequence[tuple[str, bytes]], options: ReadOptions, workers: int = 1
) -> list[tuple[str, ReadResult]]:
    """`read_one` for each file, in order; large corpora of several files are read by
    up to `workers` worker processes, each taking files of about equal total size."""
    sizes = [len(data) for _, data in files]
    count = worker_count(len(files), 1, workers) if sum(sizes) >= PARALLEL_MIN_BYTES else 1
    if count == 1:
        return [read_one(name, data, options) for name, data in files]

    def read_share(share: Sequence[int]) -> list[tuple[int, tuple[str, ReadResult]]]:
        return [(i, read_one(*files[i], options)) for i in share]

    shares = balanced_chunks(range(len(files)), sizes, count)
    read = dict(run_chunks_async(read_share, shares, len(shares)).get())
    return [read[i] for i in range(len(files))]


def read_one(name: str, data: bytes, options: ReadOptions) -> tuple[str, ReadResult]:
    """Decode, detect and read one file; an unreadable file yields a rejection, not a crash."""
    source = decode_source(name, data)
    if source.binary:
        return "binary", ReadResult((), source.problems, source.rejected)
    if not any(line.text.strip() for line in source.lines):
        if source.rejected:  # every line was rejected already, each with its own message
            return "unreadable", ReadResult((), source.problems, source.rejected)
        reason = "empty file" if not data else "empty file (only blank lines)"
        return "empty", _unreadable(name, 1, reason, source.problems, source.rejected)
    fmt = detect_format(name, source.lines)
    if fmt is None:
        first = next(line for line in source.lines if line.text.strip())
        because = unrecognised_because(source.lines)
        reason = (
            "unrecognised format (expected a search or daily listing, bare abstracts, "
            "JSON Lines or CSV); "
            + (f"{because}; " if because else "")
            + f"it starts {_excerpt(first.text)}"
        )
        return "unrecognised", _unreadable(
            name, first.number, reason, source.problems, source.rejected
        )
    result = READERS[fmt](source, options)
    return fmt, ReadResult(
        result.records,
        (*source.problems, *result.problems),
        (*source.rejected, *result.rejected),
    )


def _unreadable(
    name: str,
    line: int,
    reason: str,
    problems: tuple[Problem, ...],
    rejected: tuple[MergeEntry, ...],
) -> ReadResult:
    """A whole file skipped: one error and one rejection, both at `line`."""
    problem = Problem(SourceRef(name, line), Severity.ERROR, f"{reason}: file skipped")
    entry = MergeEntry(MergeAction.REJECTED, "", (SourceRef(name, line),), reason)
    return ReadResult((), (*problems, problem), (*rejected, entry))


def _excerpt(text: str, limit: int = 60) -> str:
    """A short quoted start of a line, for messages."""
    text = text.strip()
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _cut_for_analysis(papers: Iterable[Paper]) -> Iterator[Problem]:
    """A warning at each paper whose abstract the analysis reads only in part."""
    for paper in papers:
        cut = [v for v in paper.versions or (paper.abstract,) if first_words(v) is not v]
        if not cut or not paper.sources:
            continue
        words = max(len(version.split()) for version in cut)
        yield Problem(
            paper.sources[0],
            Severity.WARNING,
            f"an abstract of {words:,} words: topics and related papers read its first "
            f"{MAX_ANALYSED_WORDS:,}; the paper's page shows it whole",
        )


def _with_slugs(log: list[MergeEntry], slugs: dict[str, str]) -> list[MergeEntry]:
    """Name papers in the merge log by slug instead of internal id."""
    return [MergeEntry(e.action, slugs.get(e.paper, e.paper), e.sources, e.detail) for e in log]
