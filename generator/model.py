"""Frozen dataclasses passed between pipeline stages (no stage shares mutable state)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from generator.links import OTHER_TOPIC_SLUG


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a record was read: a corpus file name and a 1-based line number (0: whole file)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Severity(StrEnum):
    """How bad a problem is: warnings keep the data, errors mean some input was rejected."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """A data-quality problem found while reading the corpus, with its location."""

    source: SourceRef
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.severity}: {self.message}"


@dataclass(frozen=True, order=True)
class PaperDate:
    """A calendar date; `year_inferred` marks a year that the listing did not print."""

    year: int
    month: int
    day: int
    year_inferred: bool = False

    def iso(self) -> str:
        """Return the date as YYYY-MM-DD."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def words(self) -> str:
        """The date as pages show it, "7 Jun 2024" (English, whatever the locale)."""
        return f"{self.day} {MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"


# English, whatever the locale: pages, listings' dates and BibTeX's month macros.
MONTH_ABBREVIATIONS = tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


@dataclass(frozen=True)
class Record:
    """One paper listing as read from one input file, text already cleaned."""

    source: SourceRef
    title: str
    abstract: str
    title_inferred: bool = False
    authors_count: int | None = None
    authors: tuple[str, ...] = ()
    date: PaperDate | None = None
    upvotes: int | None = None
    url: str | None = None


@dataclass(frozen=True)
class Paper:
    """One paper of the corpus after merging every record that describes it."""

    id: str
    slug: str
    url: str
    title: str
    title_inferred: bool
    abstract: str
    versions: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    authors_count: int | None = None
    authors: tuple[str, ...] = ()
    published: PaperDate | None = None
    upvotes: int | None = None
    external_url: str | None = None
    possible_duplicates: tuple[str, ...] = ()

    @property
    def date_inferred(self) -> bool:
        """True when the publication year was inferred rather than read."""
        return self.published is not None and self.published.year_inferred


class MergeAction(StrEnum):
    """Kinds of decision recorded in the merge log."""

    MERGED = "merged"
    VERSION = "version"
    CONFLICT = "conflict"
    POSSIBLE_DUPLICATE = "possible-duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class MergeEntry:
    """One decision of the merge step: what happened to which input records, and why."""

    action: MergeAction
    paper: str
    sources: tuple[SourceRef, ...]
    detail: str


@dataclass(frozen=True)
class FileSummary:
    """What one corpus file held: its detected format and how many records were read."""

    file: str
    format: str
    records: int
    rejected: int = 0


@dataclass(frozen=True)
class Corpus:
    """Everything ingest produced: the papers, the merge log, files read and problems met."""

    papers: tuple[Paper, ...]
    merge_log: tuple[MergeEntry, ...] = ()
    files: tuple[FileSummary, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    @property
    def records_read(self) -> int:
        """Number of input records read (rejected ones included)."""
        return sum(f.records + f.rejected for f in self.files)

    def has_errors(self) -> bool:
        """True when some input could not be read and was rejected."""
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True)
class RelatedPaper:
    """A paper related to another, with its similarity score and the terms they share."""

    slug: str
    score: float
    shared_terms: tuple[str, ...]


# A topic's keywords describe its members that are not close to it when at least this
# many are left: from one or two papers they would say what those papers are about, not
# the topic (analyze/topics/close_members.py; topic pages count what they describe).
MIN_DESCRIBED = 3

# The analysis reads at most this many words of each abstract (each version's): real
# abstracts run to a few hundred, and a listing of 500 lines of 14,000 random words each
# (50 MB, every line under the reader's limit) took 7.4 GB while the vectors were built.
# A paper's page shows every word; ingest warns of each abstract cut for the analysis.
MAX_ANALYSED_WORDS = 2000


def first_words(text: str, count: int = MAX_ANALYSED_WORDS) -> str:
    """`text` up to its `count`-th word (whitespace-separated), or `text` itself when
    it has no more (the same object: a caller can tell nothing was cut)."""
    if len(text) <= count:  # fewer characters than words wanted: nothing to cut
        return text
    parts = text.split(None, count)
    if len(parts) <= count:
        return text
    return text[: len(text) - len(parts[count])].rstrip()


@dataclass(frozen=True)
class Topic:
    """A group of papers under a readable label; `papers` are ranked most central first.

    `close`: those of `papers` that use none of the topic's names nor every word of its
    label, and that the topics file did not place in it: they are members because their
    wording resembles its papers' (analyze/topics/close_members.py).
    """

    slug: str
    label: str
    keywords: tuple[str, ...]
    papers: tuple[str, ...]
    related_topics: tuple[str, ...] = ()
    area: str = ""
    close: tuple[str, ...] = ()
    # Another name search finds it by: the acronym of its label, or the phrase of the
    # acronym it is labelled by (analyze/acronym_aliases.py).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Method:
    """A named method (or dataset) defined by a paper's title (`NeRF: …`) or coined in its
    abstract ("we introduce … (DenseNet)"), and the papers mentioning it.

    `also`: other papers whose titles name the same method and whose content is close to
    `paper`'s (a journal version, a follow-up by the same group): one method, not two.
    """

    name: str
    paper: str
    mentioned_by: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    # The name is a dataset's or benchmark's: its paper's title says so ("LSUN:
    # Construction of a Large-scale Image Dataset ...": names.names_a_dataset).
    dataset: bool = False


@dataclass(frozen=True)
class Analysis:
    """What analysis finds between papers; every mapping is keyed by paper slug."""

    related: Mapping[str, tuple[RelatedPaper, ...]] = field(default_factory=dict)
    topics: tuple[Topic, ...] = ()
    paper_topics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    mentioned_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # closest first
    code_urls: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    methods: tuple[Method, ...] = ()
    # Each paper's place on the corpus map, (x, y) in the unit square (analyze/projection.py).
    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    # Words a search finds the paper by that it does not write: the acronym of a phrase it
    # writes, or the phrase of an acronym (analyze/acronym_aliases.py).
    search_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # What each alias stands for in the paper's own words, in `search_aliases`' order.
    alias_sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def named_topics(self) -> list[Topic]:
        """The topics but "Other" (which holds the papers no topic describes)."""
        return [t for t in self.topics if t.slug != OTHER_TOPIC_SLUG]
