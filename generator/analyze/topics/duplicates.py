"""Topics that say the same thing: one label inside another, or mostly the same papers.

Two topics are near-duplicates when the content words of one label are all, in some
inflection, words of the other ("Semantic segmentation" and "Semantic image
segmentation", "CT" and "3D chest CT"), or when their member sets overlap by a
Jaccard index of MAX_OVERLAP or more. A reader sees either as one subject listed
twice. Discovery merges such topics (seeds.py, discover.py); tests check the result
(tests/helpers/analyze_helpers.duplicate_pairs).

A third kind is two names of one task: labels with the same modifiers and different
last words ("Image classification", "Image recognition"), where most papers of one
fit the other's label (label_fit.py). Labels that differ in a modifier instead
("Diffusion models", "Generative models"; "Object detection", "Anomaly detection")
name a kind and its family, or two kinds, and stay apart however their papers talk.

A fourth is a subject and one kind of it written as one word: "Attention mechanism"
(attention: "mechanism" is a light head, label_fit.LIGHT_HEADS) and "Self-attention",
where most papers of the kind write the subject's word on its own. The reader sees
attention listed twice; the broader label names both. Whether a prefix makes a kind
("self-attention" is attention) or an opposite ("self-supervised" learning is not
supervised learning) is left to the papers: the kind's members must fit the broader
label.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable

from generator.analyze.features.word_families import same_family
from generator.analyze.topics.label_fit import MIN_FIT, content_words

# Jaccard index of two topics' members at or above which they are one topic: more of
# their papers shared than not. Papers may hold up to three topics, so related topics
# share some: on the bundled corpus before merging, 2,014 of 2,016 pairs of topics
# were below 0.2 and the highest was 0.30, "U-Net" (32) and "Medical image
# segmentation" (25), an architecture and a task with 13 papers in common and 31 not.
# Merged, that pair would be named "U-Net" (36 of its 44 papers name it) and lose the
# task, which only 26 of them (59%) name.
MAX_OVERLAP = 0.5
# A subject word ends a kind's compound when it has this many letters: shorter ones end
# words by chance ("ct" in "artifact", "gan" in "organ", "net" in "resnet").
MIN_SUBJECT_LETTERS = 4


def subsumes(key: str, other: str) -> bool:
    """Whether every word of one phrase key is, in some inflection, a word of the other.

    Keys hold content words only (stop words and research-prose boilerplate are gone:
    tokens.py), so "semantic segmentation" is inside "semantic image segmentation",
    "ct" inside "3d chest ct", but "visualization" is not inside "visual
    representation learning" (word_families.same_family keeps such words apart).
    """
    short, long = sorted((key.split(" "), other.split(" ")), key=len)
    return all(any(same_family(word, w) for w in long) for word in short)


def synonym_heads(key: str, other: str) -> bool:
    """Whether two phrase keys share every word but the last (the head), which differs:
    "image classification" and "image recognition", not "diffusion models" and
    "generative models" (a modifier differs) nor "ct" and "mri" (no shared modifier)."""
    first, second = key.split(" "), other.split(" ")
    return (
        len(first) == len(second) >= 2
        and all(same_family(a, b) for a, b in zip(first[:-1], second[:-1], strict=True))
        and not same_family(first[-1], second[-1])
    )


def kind_of(key: str, other: str) -> bool:
    """Whether phrase key `other` ends in a closed compound naming a kind of the one word
    `key` names (light head aside): "selfattention" and "local selfattention" of
    "attention mechanism", not "attention" itself nor "object detection" of "detection"."""
    words = content_words(key)
    last = other.split(" ")[-1]
    return (
        len(words) == 1
        and len(words[0]) >= MIN_SUBJECT_LETTERS
        and len(last) > len(words[0])
        and last.endswith(words[0])
    )


def fits_other_label(members: Collection[Hashable], fitting_other: Collection[Hashable]) -> bool:
    """Whether at least MIN_FIT of one topic's members fit the other topic's label, so
    that the other's label would describe them as well as every topic's label must."""
    return bool(members) and len(set(members) & set(fitting_other)) >= MIN_FIT * len(members)


def jaccard(first: Collection[Hashable], second: Collection[Hashable]) -> float:
    """Jaccard index of two member sets (0 when both are empty)."""
    a, b = set(first), set(second)
    union = len(a | b)
    return len(a & b) / union if union else 0.0
