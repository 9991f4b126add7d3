"""The data-quality report printed by `papersite check`."""

from __future__ import annotations

from collections import Counter

from generator.model import Corpus, MergeAction, Severity

_LISTED = 50  # entries shown per section before "... and N more"


def quality_report(corpus: Corpus, verbose: bool = False) -> str:
    """Return a plain-text report: files, merges, duplicates, inferred data, problems."""
    lines = ["Corpus files:"]
    for f in corpus.files:
        rejected = f", {f.rejected} rejected" if f.rejected else ""
        lines.append(f"  {f.file}: {f.format}, {f.records} records{rejected}")
    actions = Counter(e.action for e in corpus.merge_log)
    lines.append(
        f"Read {corpus.records_read} records into {len(corpus.papers)} papers: "
        f"{actions[MergeAction.MERGED]} merges, {actions[MergeAction.VERSION]} multi-version "
        f"papers, {actions[MergeAction.CONFLICT]} metadata conflicts, "
        f"{actions[MergeAction.POSSIBLE_DUPLICATE]} possible duplicates, "
        f"{actions[MergeAction.REJECTED]} rejected."
    )
    limit = None if verbose else _LISTED
    for action, heading in [
        (MergeAction.MERGED, "Merged"),
        (MergeAction.VERSION, "Several versions"),
        (MergeAction.CONFLICT, "Metadata conflicts"),
        (MergeAction.POSSIBLE_DUPLICATE, "Possible duplicates (not merged)"),
        (MergeAction.REJECTED, "Rejected input"),
    ]:
        entries = [
            f"{e.paper or '-'}: {e.detail} [{', '.join(map(str, e.sources))}]"
            for e in corpus.merge_log
            if e.action is action
        ]
        lines.extend(_section(heading, entries, limit))
    inferred_titles = [
        f"{p.slug}: {p.title!r} [{p.sources[0]}]" for p in corpus.papers if p.title_inferred
    ]
    lines.extend(_section("Generated titles", inferred_titles, limit))
    inferred_dates = [
        f"{p.slug}: {p.published.iso()} [{', '.join(map(str, p.sources))}]"
        for p in corpus.papers
        if p.published is not None and p.published.year_inferred
    ]
    lines.extend(_section("Dates with an inferred year", inferred_dates, limit))
    for severity, heading in [(Severity.ERROR, "Errors"), (Severity.WARNING, "Warnings")]:
        lines.extend(
            _section(heading, [str(p) for p in corpus.problems if p.severity is severity], limit)
        )
    return "\n".join(lines) + "\n"


def _section(heading: str, entries: list[str], limit: int | None) -> list[str]:
    """A heading with its entries, cut at `limit` with a count of the rest."""
    if not entries:
        return []
    shown = entries if limit is None else entries[:limit]
    rest = len(entries) - len(shown)
    more = [f"  ... and {rest} more (use --verbose to list all)"] if rest else []
    return [f"{heading} ({len(entries)}):", *(f"  {e}" for e in shown), *more]
