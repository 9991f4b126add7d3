"""Slugs and page paths, in one place: templates and other modules never build URLs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from slugify import slugify

MAX_SLUG_LENGTH = 80


def base_slug(text: str, fallback: str) -> str:
    """Return a lower-case ASCII slug of at most MAX_SLUG_LENGTH characters."""
    slug = slugify(
        text,
        max_length=MAX_SLUG_LENGTH,
        word_boundary=True,
        save_order=True,
        replacements=[["++", "pp"]],
    )
    return slug or fallback


def unique_slugs(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each (id, text) to a unique slug; colliding slugs all get an id suffix.

    Suffixing every member of a collision (not all but the first) keeps a slug
    independent of the order in which papers were read.
    """
    wanted: dict[str, list[str]] = defaultdict(list)
    for item_id, text in items:
        wanted[base_slug(text, item_id)].append(item_id)
    slugs: dict[str, str] = {}
    for slug, ids in wanted.items():
        for item_id in ids:
            slugs[item_id] = slug if len(ids) == 1 else f"{slug}-{item_id[:8]}"
    if len(set(slugs.values())) != len(slugs):
        raise ValueError("slug collision after disambiguation")
    return slugs


def paper_url(slug: str) -> str:
    """Path of a paper's page relative to the site root."""
    return f"papers/{slug}/"


def topic_url(slug: str) -> str:
    """Path of a topic's page relative to the site root."""
    return f"topics/{slug}/"
