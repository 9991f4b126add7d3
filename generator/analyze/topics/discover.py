"""Topic discovery: candidates -> seeds -> members -> user edits -> described topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.settings import AnalysisSettings
from generator.analyze.topics.areas import area_names, group_areas, own_centres
from generator.analyze.topics.candidates import MIN_TITLES, find_candidates
from generator.analyze.topics.close_members import close_members, described
from generator.analyze.topics.describe import Draft, keywords, related_topics, topic_centres
from generator.analyze.topics.duplicates import subsumes
from generator.analyze.topics.expansions import with_expansions
from generator.analyze.topics.fillers import FILLER_ROUNDS, find_fillers
from generator.analyze.topics.keyword_rules import half_terms, open_heads
from generator.analyze.topics.label_fit import MIN_FIT, fit_matrix
from generator.analyze.topics.members import Membership, assign_members, drop_unfit_extras
from generator.analyze.topics.overrides import apply_edits, areas_by_slug, pinned_seeds
from generator.analyze.topics.second_pass import SecondPass
from generator.analyze.topics.seeds import OTHER_LABEL, Seed, merge_overlaps, select_seeds
from generator.analyze.topics.topics_file import TopicsSpec
from generator.analyze.topics.whole_terms import WholeTerms
from generator.links import OTHER_TOPIC_SLUG, base_slug
from generator.model import Topic


@dataclass(frozen=True)
class TopicResult:
    """The topics and, for every paper slug, its topic slugs (best first)."""

    topics: tuple[Topic, ...]
    paper_topics: dict[str, tuple[str, ...]]


def discover_topics(
    docs: Documents,
    vectors: Vectors,
    stats: PhraseStats,
    settings: AnalysisSettings,
    spec: TopicsSpec,
    texts: Sequence[str],
    neighbours: Sequence[Sequence[int]] = (),
    works: NDArray[np.int64] | None = None,
) -> TopicResult:
    """Find topics, apply the user's topics file, and describe every topic.

    `texts` (title and abstract of each paper) decide singular or plural labels;
    `neighbours` (each paper's related papers, most related first) give papers left
    without a topic the topic most of them share; `works` (works.work_numbers) make
    papers flagged as one work count once in keywords.
    """
    uses = PhraseUse(docs)
    seeds, membership = _seeds_and_members(docs, vectors, stats, settings, spec, uses, neighbours)
    seeds = _labelled(seeds, membership, uses, stats, texts)
    _check_pins_have_papers(seeds, membership, spec)
    drafts = [
        Draft(seed.slug, seed.label, tuple(members), seed.phrases, seed.area)
        for seed, members in zip(seeds, membership.members, strict=True)
        if members
    ]
    drafts = apply_edits(drafts, spec, docs, vectors, stats)
    placed = {seed.slug: frozenset(seed.forced) for seed in seeds if seed.forced}
    close = close_members(drafts, uses, docs.tokenizer, placed)
    return _describe(drafts, docs, vectors, stats, spec, close, works, neighbours)


def _check_pins_have_papers(seeds: list[Seed], membership: Membership, spec: TopicsSpec) -> None:
    """A pinned topic always exists (manual/topics-file.md): one whose papers all went
    to other topics (pins sharing their keywords) is an error at its line, not a topic
    that silently is not there."""
    lines = {rule.slug or base_slug(rule.label, "topic"): rule.line for rule in spec.topics}
    for seed, members in zip(seeds, membership.members, strict=True):
        if seed.pinned and not members and seed.slug in lines:
            raise spec.error(
                lines[seed.slug],
                f"topic {seed.label!r}: every paper that mentions its keywords went to other "
                "topics; give it keywords of its own, or list its papers",
            )


def _seeds_and_members(
    docs: Documents,
    vectors: Vectors,
    stats: PhraseStats,
    settings: AnalysisSettings,
    spec: TopicsSpec,
    uses: PhraseUse,
    neighbours: Sequence[Sequence[int]],
) -> tuple[list[Seed], Membership]:
    """Pinned seeds, discovered seeds, fillers for papers left over, and the membership;
    then discovered topics whose members mostly coincide merged (seeds.merge_overlaps),
    papers left over adopted, close extra topics added against the members' centres and
    adoption tried again for papers that fit the labels (second_pass.py), and extra
    topics whose label a paper does not fit dropped (members.drop_unfit_extras)."""
    share, per_paper = settings.max_topic_share, settings.max_topics_per_paper
    excluded = spec.excluded_keys(docs.tokenizer)
    pinned = pinned_seeds(spec, docs, vectors, stats)
    candidates = find_candidates(stats, vectors.lsa, docs.surfaces, share, excluded)
    seeds = select_seeds(candidates, docs.surfaces, pinned)
    seeds = with_expansions(seeds, stats, docs.surfaces, uses)
    membership = assign_members(seeds, uses, vectors, share, per_paper)
    for rules in FILLER_ROUNDS:
        taken = {key for seed in seeds for key in seed.phrases}
        fillers = find_fillers(
            stats, vectors.lsa, docs.surfaces, membership.other, taken, rules, share, excluded
        )
        if fillers:
            seeds = with_expansions(
                select_seeds(fillers, docs.surfaces, seeds), stats, docs.surfaces, uses
            )
            membership = assign_members(seeds, uses, vectors, share, per_paper)
    while True:
        phrases = [seed.phrases for seed in seeds]
        naming = uses.hits(phrases)[0].tocsc()
        members = [[p for p, _ in papers] for papers in membership.members]
        fits = fit_matrix(uses, phrases, vectors.lsa.shape[0])
        merged = merge_overlaps(seeds, members, naming, fits)
        if merged is None:
            break
        seeds = merged  # one seed fewer each time round
        membership = assign_members(seeds, uses, vectors, share, per_paper)
    second = SecondPass(seeds, uses, vectors, share, fits)
    membership = second.adopt_leftovers(membership)
    membership = second.add_close_topics(membership, per_paper)
    membership = second.adopt_leftovers(membership, label_fit_only=True)
    membership = second.adopt_by_neighbours(membership, neighbours)
    return seeds, drop_unfit_extras(seeds, membership, fits)


def _labelled(
    seeds: Sequence[Seed],
    membership: Membership,
    uses: PhraseUse,
    stats: PhraseStats,
    texts: Sequence[str],
) -> list[Seed]:
    """Discovered seeds with their labels, singular or plural as their papers write them.

    A longer phrase holding a topic's name (_label_phrases) that MIN_FIT of its members
    write labels it ("Neural architecture search"). The address stays the shorter
    name's (architecture-search): it does not change when the longer phrase falls under
    the support floor (candidates.py).
    """
    longer = _label_phrases(stats)
    options = [
        [
            k
            for k in longer.get(seed.phrases[0].split(" ")[0], ())
            if k.count(" ") > seed.phrases[0].count(" ") and subsumes(seed.phrases[0], k)
        ]
        for seed in seeds
    ]
    found = uses.papers({k for keys in options for k in keys})  # one pass for all topics
    labelled = []
    for seed, papers, keys in zip(seeds, membership.members, options, strict=True):
        members = {p for p, _ in papers}
        named = {k: len(found[k] & members) for k in keys}
        written = [k for k in keys if members and named[k] >= MIN_FIT * len(members)]
        phrase = max(written, key=lambda k: (named[k], k.count(" "), k), default=seed.phrases[0])
        label = uses.docs.surfaces.label(phrase, [texts[p] for p in seed.papers])
        phrases = tuple(dict.fromkeys((*seed.phrases, phrase)))  # keywords skip the label
        labelled.append(seed if seed.pinned else replace(seed, label=label, phrases=phrases))
    return labelled


def _label_phrases(stats: PhraseStats) -> dict[str, list[str]]:
    """Phrases that could label a topic (noun phrases of several words in MIN_TITLES
    titles), under each of their words."""
    usable = np.flatnonzero(stats.readable() & (stats.title_papers >= MIN_TITLES))
    phrases: dict[str, list[str]] = {}
    for column in usable.tolist():
        words = stats.terms[column].split(" ")
        if len(words) > 1:
            for word in dict.fromkeys(words):
                phrases.setdefault(word, []).append(stats.terms[column])
    return phrases


def _describe(
    drafts: list[Draft],
    docs: Documents,
    vectors: Vectors,
    stats: PhraseStats,
    spec: TopicsSpec,
    close: Sequence[frozenset[int]],
    works: NDArray[np.int64] | None,
    neighbours: Sequence[Sequence[int]],
) -> TopicResult:
    """Turn drafts into `Topic`s (keywords, related topics, areas) plus "Other";
    keywords describe the members that are not `close` to it (close_members.py)."""
    presence = (vectors.counts > 0).astype(np.float32).tocsr()
    centres = topic_centres(drafts, vectors.lsa)
    partial = half_terms(stats) | open_heads(stats, docs)
    whole = WholeTerms(docs, stats, presence.tocsc())
    related = related_topics(drafts, centres, neighbours)
    areas = _areas(drafts, own_centres(drafts, vectors.lsa), stats, presence, docs, spec)
    topics = []
    for number, (draft, apart) in enumerate(zip(drafts, close, strict=True)):
        topics.append(
            Topic(
                slug=draft.slug,
                label=draft.label,
                keywords=keywords(
                    described(draft, apart), stats, presence, docs.surfaces, partial, whole, works
                ),
                papers=tuple(docs.slugs[p] for p in draft.papers),
                related_topics=related[number],
                area=areas[number],
                close=tuple(docs.slugs[p] for p in draft.papers if p in apart),
            )
        )
    paper_topics = _paper_topics(drafts, docs.slugs)
    other = tuple(slug for slug in docs.slugs if not paper_topics[slug])
    if other:
        topics.append(Topic(OTHER_TOPIC_SLUG, OTHER_LABEL, (), other, (), ""))
        for slug in other:
            paper_topics[slug] = (OTHER_TOPIC_SLUG,)
    topics.sort(key=lambda t: (t.slug == OTHER_TOPIC_SLUG, t.label.casefold(), t.slug))
    return TopicResult(tuple(topics), paper_topics)


def _areas(
    drafts: list[Draft],
    centres: np.ndarray,
    stats: PhraseStats,
    presence: sp.csr_matrix,
    docs: Documents,
    spec: TopicsSpec,
) -> list[str]:
    """The area of each topic: the user's choice, else its discovered group's name."""
    groups = group_areas(centres)
    names = area_names(drafts, groups, stats, presence, docs.surfaces) if drafts else {}
    chosen = areas_by_slug(spec, drafts)
    return [
        chosen.get(draft.slug) or draft.area or names.get(group, "")
        for draft, group in zip(drafts, groups, strict=True)
    ]


def _paper_topics(drafts: Sequence[Draft], slugs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each paper's topics, highest membership score first."""
    held: dict[int, list[tuple[float, str]]] = {}
    for draft in drafts:
        for paper, score in draft.members:
            held.setdefault(paper, []).append((-score, draft.slug))
    return {slug: tuple(s for _, s in sorted(held.get(i, []))) for i, slug in enumerate(slugs)}
