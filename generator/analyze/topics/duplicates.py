"""Topics that say the same thing: one label inside another, or mostly the same papers.

Two topics are near-duplicates when the content words of one label are all, in some
inflection, words of the other ("Semantic segmentation" and "Semantic image
segmentation", "CT" and "3D chest CT"), or when their member sets overlap by a
Jaccard index of MAX_OVERLAP or more. A reader sees either as one subject listed
twice. Discovery merges such topics (seeds.py, discover.py); tests check the result.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

from generator.analyze.features.word_families import same_family

# Jaccard index of two topics' members at or above which they are one topic: more of
# their papers shared than not. Papers may hold up to three topics, so related topics
# share some: on the bundled corpus before merging, 2,014 of 2,016 pairs of topics
# were below 0.2 and the highest was 0.30, "U-Net" (32) and "Medical image
# segmentation" (25), an architecture and a task with 13 papers in common and 31 not.
# Merged, that pair would be named "U-Net" (36 of its 44 papers name it) and lose the
# task, which only 26 of them (59%) name.
MAX_OVERLAP = 0.5


def subsumes(key: str, other: str) -> bool:
    """Whether every word of one phrase key is, in some inflection, a word of the other.

    Keys hold content words only (stop words and research-prose boilerplate are gone:
    tokens.py), so "semantic segmentation" is inside "semantic image segmentation",
    "ct" inside "3d chest ct", but "visualization" is not inside "visual
    representation learning" (word_families.same_family keeps such words apart).
    """
    short, long = sorted((key.split(" "), other.split(" ")), key=len)
    return all(any(same_family(word, w) for w in long) for word in short)


def jaccard(first: Collection[Hashable], second: Collection[Hashable]) -> float:
    """Jaccard index of two member sets (0 when both are empty)."""
    a, b = set(first), set(second)
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def duplicate_pairs(
    keys: Sequence[str], members: Sequence[Collection[Hashable]]
) -> list[tuple[int, int, str]]:
    """Index pairs (i < j) of near-duplicate topics, with the reason: "label" or "members".

    `keys` are the topics' label keys (tokens.phrase_key of the label); an empty key
    (a label of stop words only) never subsumes anything.
    """
    pairs: list[tuple[int, int, str]] = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if keys[i] and keys[j] and subsumes(keys[i], keys[j]):
                pairs.append((i, j, "label"))
            elif jaccard(members[i], members[j]) >= MAX_OVERLAP:
                pairs.append((i, j, "members"))
    return pairs
