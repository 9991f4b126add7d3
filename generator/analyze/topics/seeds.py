"""Choose the topics: user-pinned ones first, then the best non-redundant candidates.

A candidate whose phrase says what a chosen seed's phrase says (one inside the other,
in any inflection: duplicates.py) joins that seed instead of making a second topic,
and seeds whose members mostly coincide are merged (merge_overlaps).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import scipy.sparse as sp

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.topics.candidates import Candidate
from generator.analyze.topics.duplicates import (
    MAX_OVERLAP,
    fits_other_label,
    jaccard,
    kind_of,
    subsumes,
    synonym_heads,
)
from generator.analyze.topics.label_fit import content_words
from generator.links import OTHER_TOPIC_SLUG, RESERVED_TOPIC_SLUGS, base_slug

OTHER_LABEL = "Other"
# A candidate whose key papers are more than half inside one chosen topic's key
# papers adds nothing new ("semantic image segmentation" after "semantic segmentation").
REDUNDANCY = 0.5


@dataclass(frozen=True)
class Seed:
    """A topic before membership: its identity and the papers that define it."""

    slug: str
    label: str
    papers: tuple[int, ...]
    # Phrase keys whose mention in a paper marks it as on topic.
    phrases: tuple[str, ...] = ()
    # Papers the user put in the topic by name (always members).
    forced: tuple[int, ...] = ()
    area: str = ""
    pinned: bool = False
    # Only papers about one of `phrases` may join (see Candidate.gated).
    gated: bool = False


def select_seeds(
    candidates: Iterable[Candidate], surfaces: Surfaces, chosen: Sequence[Seed] = ()
) -> list[Seed]:
    """Seeds already chosen (pinned), then candidates in order that add something new."""
    chosen = list(chosen)
    taken = {s.slug for s in chosen} | {OTHER_TOPIC_SLUG} | RESERVED_TOPIC_SLUGS
    owners: dict[int, list[int]] = {}
    for number, seed in enumerate(chosen):
        for paper in seed.papers:
            owners.setdefault(paper, []).append(number)
    for candidate in candidates:
        label = surfaces.label(candidate.key)
        slug = topic_slug(candidate.key, surfaces)
        if slug in taken or _redundant(candidate.papers, owners):
            continue
        same = next((i for i, s in enumerate(chosen) if _same_subject(candidate.key, s)), None)
        if same is not None:
            if not chosen[same].pinned:
                merged = _absorb(chosen[same], candidate, surfaces)
                taken.add(merged.slug)
                for paper in sorted(set(merged.papers) - set(chosen[same].papers)):
                    owners.setdefault(paper, []).append(same)
                chosen[same] = merged
            continue
        for paper in candidate.papers:
            owners.setdefault(paper, []).append(len(chosen))
        phrases = (candidate.key, *candidate.aliases)
        chosen.append(Seed(slug, label, candidate.papers, phrases, gated=candidate.gated))
        taken.add(slug)
    return chosen


def merge_overlaps(
    seeds: Sequence[Seed],
    members: Sequence[Sequence[int]],
    naming: sp.csc_matrix,
    fits: sp.csc_matrix,
) -> list[Seed] | None:
    """Seeds with the most overlapping discovered pair merged, or None when no pair is
    one subject (duplicates.py).

    Members overlapping by MAX_OVERLAP (Jaccard) or more make one subject that the reader
    would see twice. The merged seed keeps the phrase that more of the pair's members
    name (`naming`: papers x seeds, 1 where a paper names a seed's phrase), so that
    its label describes most of them. Without such a pair, two names of one task
    (`synonym_heads`) merge when one's members fit the other's label (`fits`: papers x
    seeds, label_fit.py); the label that fits more of their papers names both. Last, a
    subject and a kind of it (`kind_of`: "Attention mechanism", "Self-attention") merge
    under the subject when the kind's members fit its label. Pinned seeds are the
    user's and never merge.
    """
    pair, judge = _most_overlapping(seeds, members), naming
    if pair is None:
        pair, judge = _same_task(seeds, members, fits), fits
    if pair is not None:
        i, j = pair
        union = sorted({*members[i], *members[j]})
        named = [len(set(judge[:, k].indices.tolist()).intersection(union)) for k in (i, j)]
        keep, drop = (j, i) if named[1] > named[0] else (i, j)
    else:
        kind = _subject_and_kind(seeds, members, fits)
        if kind is None:
            return None
        keep, drop = kind
        # Named by the subject's word, which the kind's papers write ("Attention").
        subject = " ".join(content_words(seeds[keep].phrases[0]))
        seeds = [*seeds[:keep], _with_first(seeds[keep], subject), *seeds[keep + 1 :]]
    merged = _joined(seeds[keep], seeds[drop])
    return [merged if k == keep else s for k, s in enumerate(seeds) if k != drop]


def _discovered_pairs(seeds: Sequence[Seed]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of seeds that are not the user's."""
    for i in range(len(seeds)):
        for j in range(i + 1, len(seeds)):
            if not (seeds[i].pinned or seeds[j].pinned):
                yield i, j


def _most_overlapping(
    seeds: Sequence[Seed], members: Sequence[Sequence[int]]
) -> tuple[int, int] | None:
    """The pair whose members overlap most, at MAX_OVERLAP (Jaccard) or more."""
    best: tuple[float, int, int] | None = None
    for i, j in _discovered_pairs(seeds):
        overlap = round(jaccard(members[i], members[j]), 6)
        if overlap >= MAX_OVERLAP and (best is None or overlap > best[0]):
            best = (overlap, i, j)
    return None if best is None else (best[1], best[2])


def _same_task(
    seeds: Sequence[Seed], members: Sequence[Sequence[int]], fits: sp.csc_matrix
) -> tuple[int, int] | None:
    """The first pair of labels naming one task (`synonym_heads`) where one's members
    fit the other's label."""
    for i, j in _discovered_pairs(seeds):
        if not synonym_heads(seeds[i].phrases[0], seeds[j].phrases[0]):
            continue
        fitting = [fits[:, k].indices.tolist() for k in (i, j)]
        if fits_other_label(members[i], fitting[1]) or fits_other_label(members[j], fitting[0]):
            return i, j
    return None


def _subject_and_kind(
    seeds: Sequence[Seed], members: Sequence[Sequence[int]], fits: sp.csc_matrix
) -> tuple[int, int] | None:
    """The first (subject, kind) pair of seeds (`kind_of`) whose kind's members fit the
    subject's label."""
    for i, j in _discovered_pairs(seeds):
        for broad, narrow in ((i, j), (j, i)):
            if kind_of(seeds[broad].phrases[0], seeds[narrow].phrases[0]) and fits_other_label(
                members[narrow], fits[:, broad].indices.tolist()
            ):
                return broad, narrow
    return None


def _with_first(seed: Seed, phrase: str) -> Seed:
    """`seed` named by `phrase` (its other phrases kept after it)."""
    return replace(seed, phrases=tuple(dict.fromkeys((phrase, *seed.phrases))))


def topic_slug(key: str, surfaces: Surfaces) -> str:
    """URL slug of a discovered topic: its phrase, written in the singular.

    Labels may say "Diffusion models" or "Autoencoder" as the corpus prefers; the
    singular slug ("diffusion-model") does not flip when a few papers change that.
    """
    return base_slug(surfaces.phrase_singular(key), key.replace(" ", "-"))


def _redundant(papers: Sequence[int], owners: dict[int, list[int]]) -> bool:
    """True when most of `papers` are key papers of one already chosen seed."""
    shared = Counter(owner for paper in papers for owner in owners.get(paper, ()))
    return any(overlap > REDUNDANCY * len(papers) for overlap in shared.values())


def _same_subject(key: str, seed: Seed) -> bool:
    """Whether a candidate phrase and one of a seed's phrases are one inside the other."""
    return any(subsumes(key, phrase) for phrase in seed.phrases)


def _absorb(seed: Seed, candidate: Candidate, surfaces: Surfaces) -> Seed:
    """A seed joined by a candidate that says the same; the shorter phrase names both.

    "Semantic segmentation" names "semantic image segmentation" papers too, "CT" those
    of "3D chest CT": the general phrase describes the union, the narrow one does not.
    """
    phrases = (candidate.key, *candidate.aliases)
    gated = seed.gated and candidate.gated
    if len(candidate.key.split(" ")) < len(seed.phrases[0].split(" ")):
        seed = replace(
            seed,
            slug=topic_slug(candidate.key, surfaces),
            label=surfaces.label(candidate.key),
            phrases=(*phrases, *seed.phrases),
        )
        phrases = ()
        # A broader phrase admitted only with its gate (a residual topic: fillers.py)
        # brings the gate along: "regularization" renaming "Implicit regularization"
        # must not let every paper that says "regularization" in passing join.
        gated = candidate.gated
    joined = _joined(seed, replace(seed, papers=candidate.papers, phrases=phrases))
    return replace(joined, gated=gated)


def _joined(seed: Seed, other: Seed) -> Seed:
    """`seed` (its name and identity kept) with the papers and phrases of `other` added."""
    return replace(
        seed,
        papers=tuple(sorted({*seed.papers, *other.papers})),
        phrases=tuple(dict.fromkeys((*seed.phrases, *other.phrases))),
        forced=tuple(sorted({*seed.forced, *other.forced})),
        gated=seed.gated and other.gated,
    )
