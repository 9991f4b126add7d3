"""Choose the topics: user-pinned ones first, then the best non-redundant candidates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.topics.candidates import Candidate
from generator.links import OTHER_TOPIC_SLUG as OTHER_SLUG
from generator.links import base_slug

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
    taken = {s.slug for s in chosen} | {OTHER_SLUG}
    owners: dict[int, list[int]] = {}
    for number, seed in enumerate(chosen):
        for paper in seed.papers:
            owners.setdefault(paper, []).append(number)
    for candidate in candidates:
        label = surfaces.label(candidate.key)
        slug = topic_slug(candidate.key, surfaces)
        if slug in taken or _redundant(candidate.papers, owners):
            continue
        for paper in candidate.papers:
            owners.setdefault(paper, []).append(len(chosen))
        phrases = (candidate.key, *candidate.aliases)
        chosen.append(Seed(slug, label, candidate.papers, phrases, gated=candidate.gated))
        taken.add(slug)
    return chosen


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
