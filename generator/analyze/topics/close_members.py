"""Members a topic holds by resemblance alone: listed apart, and not what it is about.

A paper joins a topic when it is about the topic's phrase or when its vector is close to
the topic's papers (members.py). Some of the second kind a researcher calls misfiled
("Disentanglement" held NeRF and two Gaussian-splatting papers through a member that
disentangles geometry from appearance, and its keywords were "volume rendering, scene,
synthesis"), and no score tells them from the right ones (manual/analysis.md). So they
stay members but say so: topic pages list them under "Close to this topic", keywords
describe the others, and paper pages mark the topic as close.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.analyze.features.tokens import Tokenizer, phrase_key
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.describe import Draft
from generator.analyze.topics.label_fit import content_words, fitting
from generator.model import MIN_DESCRIBED

# A label word the corpus uses in at most this share of the papers that use each other
# word of the label carries the label alone: the other words are broad ("detection",
# "image") and this one names the subject ("anomaly", "inpainting"). A paper that writes
# it names the topic ("industrial anomaly classification and segmentation"). Two words
# of like reach ("semantic" and "segmentation", "object" and "detection") both count:
# interest-point detection is no object detection. Measured in manual/analysis.md.
DISTINCT_SHARE = 0.2


def close_members(
    drafts: Sequence[Draft],
    uses: PhraseUse,
    tokenizer: Tokenizer,
    placed: Mapping[str, frozenset[int]],
) -> list[frozenset[int]]:
    """For each topic, the members that use none of its names (`names`) nor every word
    of its label (label_fit.fitting), leaving out those the topics file put in it
    (`placed`: papers by topic slug) and the whole topic when no member is left."""
    keys = [names(draft, tokenizer) for draft in drafts]
    fits = fitting(uses, keys)
    found = []
    for draft, fit, key in zip(drafts, fits, keys, strict=True):
        forced = frozenset().union(*(placed.get(name, frozenset()) for name in draft.names))
        named = fit | distinct_users(uses, key[0] if key else "")
        apart = frozenset(p for p in draft.papers if p not in named and p not in forced)
        found.append(apart if len(apart) < len(draft.papers) else frozenset())
    return found


def names(draft: Draft, tokenizer: Tokenizer) -> tuple[str, ...]:
    """Phrase keys a paper may name the topic by: its label (first: every word of it
    also counts), the phrases it was found by, each also written as one word ("low-rank"
    for "low rank": the tokenizer keeps a hyphenated word whole)."""
    keys = [k for k in (phrase_key(draft.label, tokenizer), *draft.phrases) if k]
    joined = [k.replace(" ", "") for k in keys if " " in k]
    return tuple(dict.fromkeys([*keys, *joined]))


def distinct_users(uses: PhraseUse, label: str) -> frozenset[int]:
    """The papers that use the label's distinct word (DISTINCT_SHARE), if it has one."""
    words = list(dict.fromkeys(content_words(label))) if label else []  # "graph graph"
    if len(words) < 2:
        return frozenset()
    papers = uses.papers(words)
    rarest = min(words, key=lambda word: (len(papers[word]), word))
    others = [len(papers[word]) for word in words if word != rarest]
    if len(papers[rarest]) > DISTINCT_SHARE * min(others):
        return frozenset()
    return papers[rarest]


def described(draft: Draft, apart: frozenset[int]) -> Draft:
    """The draft whose members the keywords describe: without those `apart`, when
    MIN_DESCRIBED members are left."""
    named = tuple(member for member in draft.members if member[0] not in apart)
    return replace(draft, members=named) if len(named) >= MIN_DESCRIBED else draft
