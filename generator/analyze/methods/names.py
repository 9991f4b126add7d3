"""Which titles name a method, and what the name is ("UNet++: ..." -> "UNet++")."""

from __future__ import annotations

import re
from collections.abc import Collection

# "Name: rest" or "Name -- rest"; "Name, a/an/the ..."; "... (Name) ...".
_COLON_RE = re.compile(r"^(?P<name>[^:]{2,40}?)\s*(?::|\s[-–—]{1,2}\s)\s*\S")
_APPOSITION_RE = re.compile(r"^(?P<name>\S{3,30}),\s+(?:a|an|the)\s", re.IGNORECASE)
_BRACKET_RE = re.compile(r"\((?P<name>[^()\s]{3,30})\)")
MAX_WORDS = 3
MIN_LETTERS = 3
# Title openers that are not method names.
_NOT_NAMES = frozenset(
    """
    preprint survey review tutorial position perspective erratum correction commentary
    editorial overview introduction abstract note report thesis dissertation benchmark
    dataset challenge workshop keynote lecture appendix supplementary chapter extended
    """.split()
)
# A title that calls its paper a dataset, database or benchmark ("ChestX-ray8: Hospital-scale
# Chest X-ray Database and Benchmarks ...", "MSWAL: ... Lesions Dataset"), not one that
# evaluates on or is for some ("... on Benchmark Datasets", "across four benchmarks", "A
# Clustering Method for Very Large Databases"): none of the three words before it is one
# of _EVALUATED_ON.
_DATASET_RE = re.compile(
    r"\b(?:datasets?|data sets?|databases?|benchmarks?|repository)\b", re.IGNORECASE
)
_EVALUATED_ON = frozenset(
    """
    on across over in for with several many multiple various diverse standard public existing
    popular common two three four five six seven eight nine ten
    """.split()
)
# "nnU-Net Revisited: ..." revisits a method defined elsewhere; it does not define one.
_REVISITS = frozenset("revisited reloaded redux returns again strikes explained".split())


def method_name(title: str, common_words: Collection[str]) -> str | None:
    """The method a title names, or None.

    `common_words` are word keys the corpus usually writes in lower case: a single
    capitalised word counts as a name only when it is not one of them ("Xception").
    """
    for pattern, strict in ((_COLON_RE, False), (_APPOSITION_RE, False), (_BRACKET_RE, True)):
        match = pattern.search(title)
        if match:
            name = match["name"].strip()
            if is_method_name(name, common_words, strict):
                return name
    return None


def is_method_name(name: str, common_words: Collection[str], strict: bool = False) -> bool:
    """Whether a title fragment is a coined method name.

    Every word must be coined or a capitalised uncommon word, and at least one coined
    ("Swin UNETR", "3D ShapeNets"); so "Self-Tuning Networks" or "Tensor Programs VI"
    are titles, not names. `strict` (bracketed names) also wants a digit, `++` or mixed
    case ("(R2U-Net)", not "(XAI)").
    """
    words = name.split()
    if not words or len(words) > MAX_WORDS or words[-1].lower() in _REVISITS:
        return False
    if words[0].lower() in _NOT_NAMES or sum(ch.isalpha() for ch in name) < MIN_LETTERS:
        return False
    if strict:
        return len(words) == 1 and _strongly_coined(name)
    if len(words) == 1:
        return coined(name) or _uncommon_capitalised(name, common_words)
    return any(coined(w) for w in words) and all(
        coined(w) or _uncommon_capitalised(w, common_words, min_length=3) for w in words
    )


def coined(word: str) -> bool:
    """A made-up name: "NeRF", "YOLOv13", "UNet++", "U-Net", "SMPLify" (not "Self-Tuning")."""
    if "++" in word or any(ch.isdigit() for ch in word):
        return True
    parts = [p for p in re.split(r"[-'’^]", word) if p]
    if len(parts) > 1 and any(len(p) == 1 and p.isupper() for p in parts):
        return True
    return any(any(ch.isupper() for ch in part[1:]) for part in parts)


def _strongly_coined(word: str) -> bool:
    """Digits, `++` or mixed case: unlike plain acronyms such as "XAI"."""
    letters = [ch for ch in word if ch.isalpha()]
    mixed = any(ch.isupper() for ch in letters) and any(ch.islower() for ch in letters)
    return "++" in word or any(ch.isdigit() for ch in word) or mixed


def _uncommon_capitalised(word: str, common_words: Collection[str], min_length: int = 4) -> bool:
    """A capitalised word the corpus does not use as an ordinary word ("Xception")."""
    flat = word.replace("-", "").replace("'", "").lower()
    return (
        len(flat) >= min_length
        and word[0].isupper()
        and flat.isalpha()
        and flat not in common_words
        and flat.rstrip("s") not in common_words
    )


def singular(name: str) -> str:
    """The name without a plural "s" ("MobileNets" -> "MobileNet"; "Class" stays)."""
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def name_forms(name: str) -> set[str]:
    """The name, its singular and its plural ("MobileNet", "MobileNets")."""
    stem = singular(name)
    return {name, stem, stem + "s"}


def names_a_dataset(title: str) -> bool:
    """Whether a title presents a dataset or benchmark ("LSUN: Construction of a
    Large-scale Image Dataset ..."), whose name is then a dataset's, not a method's."""
    for match in _DATASET_RE.finditer(title):
        before = title[max(0, match.start() - 60) : match.start()].lower().split()[-3:]
        if not _EVALUATED_ON.intersection(before):
            return True
    return False
