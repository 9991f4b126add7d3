"""Apply the user's topics file: pinned topics before discovery, edits after it."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.tokens import contains_phrase, phrase_key
from generator.analyze.features.vectors import Vectors
from generator.analyze.topics.describe import Draft, topic_centres
from generator.analyze.topics.seeds import Seed
from generator.analyze.topics.topics_file import Merge, Split, TopicRule, TopicsSpec
from generator.links import OTHER_TOPIC_SLUG, RESERVED_SLUGS, RESERVED_TOPIC_SLUGS, base_slug

# Members of a split part score this much more when they name one of its keywords.
KEYWORD_BONUS = 0.1


def pinned_seeds(
    spec: TopicsSpec, docs: Documents, vectors: Vectors, stats: PhraseStats
) -> list[Seed]:
    """Seeds for the topics the user pins or adds, in file order."""
    seeds: list[Seed] = []
    index = {slug: i for i, slug in enumerate(docs.slugs)}
    for rule in spec.topics:
        keys = _keys(rule, spec, docs)
        papers = _mentioning(keys, docs, vectors, stats)
        forced = tuple(_paper(slug, index, rule.line, spec) for slug in rule.papers)
        if not papers and not forced:
            raise spec.error(rule.line, f"topic {rule.label!r}: no paper mentions its keywords")
        slug = rule.slug or base_slug(rule.label, "topic")
        _check_slug(slug, [s.slug for s in seeds], rule.line, spec)
        seeds.append(Seed(slug, rule.label, papers, keys, forced, rule.area or "", True))
    return seeds


def apply_edits(
    drafts: list[Draft], spec: TopicsSpec, docs: Documents, vectors: Vectors, stats: PhraseStats
) -> list[Draft]:
    """Rename, merge and split topics as the topics file says, in that order.

    Entries may name a topic by any label or slug it had before (a merge may name a
    topic by its discovered label even when a rename changed it).
    """
    for rename in spec.rename:
        number = find_topic(rename.topic, drafts, rename.line, spec)
        slug = rename.slug or base_slug(rename.label, drafts[number].slug)
        _check_slug(slug, [d.slug for i, d in enumerate(drafts) if i != number], rename.line, spec)
        old = drafts[number]
        drafts[number] = replace(old, slug=slug, label=rename.label, aliases=old.names)
    for merge in spec.merge:
        drafts = _merge(drafts, merge, spec, vectors)
    for split in spec.split:
        drafts = _split(drafts, split, spec, docs, vectors, stats)
    return drafts


def areas_by_slug(spec: TopicsSpec, drafts: Sequence[Draft]) -> dict[str, str]:
    """The area the topics file gives each topic it names, by topic slug."""
    chosen: dict[str, str] = {}
    for rule in spec.areas:
        for ref in rule.topics:
            chosen[drafts[find_topic(ref, drafts, rule.line, spec)].slug] = rule.area
    return chosen


def find_topic(ref: str, drafts: Sequence[Draft], line: int, spec: TopicsSpec) -> int:
    """Index of the topic a file entry names by label or slug; an error if there is none."""
    wanted = {ref.casefold(), base_slug(ref, "")}
    for number, draft in enumerate(drafts):
        if wanted & {name.casefold() for name in draft.names}:
            return number
    labels = [d.label for d in drafts]
    hint = difflib.get_close_matches(ref, labels, n=1, cutoff=0.5)
    suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
    raise spec.error(line, f"no topic {ref!r} was found{suggestion}")


def _merge(drafts: list[Draft], merge: Merge, spec: TopicsSpec, vectors: Vectors) -> list[Draft]:
    """Join the named topics into one, members re-ranked around the joint centre."""
    numbers = [find_topic(ref, drafts, merge.line, spec) for ref in merge.topics]
    if len(set(numbers)) < len(numbers):
        raise spec.error(merge.line, "a merge names the same topic twice")
    papers = sorted({p for n in numbers for p in drafts[n].papers})
    slug = merge.slug or base_slug(merge.label, drafts[numbers[0]].slug)
    others = [d.slug for i, d in enumerate(drafts) if i not in numbers]
    _check_slug(slug, others, merge.line, spec)
    phrases = tuple(k for n in numbers for k in drafts[n].phrases)
    aliases = tuple(name for n in numbers for name in drafts[n].names)
    members = _ranked(papers, vectors)
    joined = Draft(slug, merge.label, members, phrases, drafts[numbers[0]].area, aliases)
    kept = [d for i, d in enumerate(drafts) if i not in numbers]
    kept.insert(min(numbers), joined)
    return kept


def _split(
    drafts: list[Draft],
    split: Split,
    spec: TopicsSpec,
    docs: Documents,
    vectors: Vectors,
    stats: PhraseStats,
) -> list[Draft]:
    """Divide a topic's papers among parts defined by keywords (closest part wins)."""
    number = find_topic(split.topic, drafts, split.line, spec)
    source = drafts[number]
    keys = [_keys(part, spec, docs) for part in split.parts]
    members = set(source.papers)
    named = [set(_mentioning(k, docs, vectors, stats)) & members for k in keys]
    for part, found in zip(split.parts, named, strict=True):
        if not found:
            raise spec.error(
                part.line,
                f"split part {part.label!r}: no paper of {source.label!r} mentions its keywords",
            )
    seeds = [
        Draft(p.label, p.label, tuple((i, 1.0) for i in sorted(f)))
        for p, f in zip(split.parts, named, strict=True)
    ]
    centres = topic_centres(seeds, vectors.lsa)
    shares: list[list[tuple[int, float]]] = [[] for _ in split.parts]
    for paper in sorted(members):
        scores = vectors.lsa[paper] @ centres.T + KEYWORD_BONUS * np.array(
            [paper in f for f in named]
        )
        best = int(np.argmax(np.round(scores, 4)))
        shares[best].append((paper, round(float(scores[best]), 4)))
    parts = []
    taken = [d.slug for i, d in enumerate(drafts) if i != number]
    for part, keys_of, share in zip(split.parts, keys, shares, strict=True):
        slug = part.slug or base_slug(part.label, "topic")
        _check_slug(slug, taken, part.line, spec)
        taken.append(slug)
        ranked = tuple(sorted(share, key=lambda ps: (-ps[1], ps[0])))
        if ranked:
            parts.append(Draft(slug, part.label, ranked, keys_of, part.area or source.area))
    return [*drafts[:number], *parts, *drafts[number + 1 :]]


def _ranked(papers: Sequence[int], vectors: Vectors) -> tuple[tuple[int, float], ...]:
    """Papers with their cosine to the centre of all of them, most central first."""
    centre = topic_centres([Draft("", "", tuple((p, 1.0) for p in papers))], vectors.lsa)[0]
    scores = np.round(vectors.lsa[list(papers)] @ centre, 4)
    pairs = [(p, float(s)) for p, s in zip(papers, scores, strict=True)]
    return tuple(sorted(pairs, key=lambda ps: (-ps[1], ps[0])))


def _keys(rule: TopicRule, spec: TopicsSpec, docs: Documents) -> tuple[str, ...]:
    """Phrase keys of a rule's keywords; an error when none is made of real words."""
    keys = tuple(k for k in (phrase_key(w, docs.tokenizer) for w in rule.keywords) if k)
    if not keys:
        raise spec.error(rule.line, f"topic {rule.label!r}: its keywords are all stop words")
    return keys


def _mentioning(
    keys: Sequence[str], docs: Documents, vectors: Vectors, stats: PhraseStats
) -> tuple[int, ...]:
    """Papers whose title or abstract contains one of the phrase keys."""
    found: set[int] = set()
    counts = vectors.counts.tocsc()
    for key in keys:
        column = stats.index.get(key)
        if column is not None:
            found.update(int(p) for p in counts[:, column].indices)
            continue
        words = key.split(" ")
        found.update(i for i in range(len(docs)) if contains_phrase(docs.full(i), words))
    return tuple(sorted(found))


def _paper(slug: str, index: dict[str, int], line: int, spec: TopicsSpec) -> int:
    """Index of a paper named by slug; an error if there is none."""
    if slug not in index:
        hint = difflib.get_close_matches(slug, list(index), n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise spec.error(line, f"no paper with slug {slug!r}{suggestion}")
    return index[slug]


def _check_slug(slug: str, taken: Sequence[str], line: int, spec: TopicsSpec) -> None:
    """Slugs are URLs: a collision is an error, never a silent overwrite. Slugs differing
    only in case are one file on case-insensitive file systems: a collision too."""
    if slug.casefold() in RESERVED_TOPIC_SLUGS:
        page = "topics index page" if slug.casefold() in RESERVED_SLUGS else "feeds' sitemap"
        raise spec.error(line, f"topic slug {slug!r} is the name of the {page}: give a `slug:`")
    if slug.casefold() == OTHER_TOPIC_SLUG or slug.casefold() in {t.casefold() for t in taken}:
        raise spec.error(line, f"topic slug {slug!r} is already used by another topic")
