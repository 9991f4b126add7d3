"""The corpus's words for the search's "Did you mean" (papersite.js `nearestOf`).

A typo's own results cannot say which word was meant: Pagefind answers "trasnformer"
with the papers of its start ("tra…": training, transfer), and the word meant is in
none of the first. So the site lists the words its papers are written in, the most
common first, and a visitor's browser fetches the list at the first word no page holds.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from generator.folding import fold

# Shorter words are not judged as typos ("bert" is no typo of "best").
MIN_LETTERS = 5
# The most common words kept: about 200 KB of JSON at 50,000 papers, fetched once.
MAX_WORDS = 20_000
# A word of letters alone: not part of a LaTeX command or of a name with digits
# ("\\mathcal", "ResNet50"), nor of an address ("https://github.com/lab/thing"), nor a
# command that lost its backslash before its argument or a script ("mathcal{O}",
# "Net^{dagger}"): the page shows that math as plain text ("O"), which holds no such word.
_WORD = rf"(?<![\w\\/.@{{^])[^\W\d_]{{{MIN_LETTERS},}}(?![\w{{^]|://)"
_WORD_RE = re.compile(_WORD)
# Such a word where a sentence starts (after a colon or a closing quote too), whose
# capital says nothing of the word.
_SENTENCE_START_RE = re.compile(rf"(?:\A|[.!?:][\"'”’)\]]*\s+)({_WORD})")


class Written(Protocol):
    """A paper as far as its words go (a Paper, or a search document of the terminal)."""

    @property
    def title(self) -> str: ...

    @property
    def abstract(self) -> str: ...


def search_words(papers: Sequence[Written]) -> list[str]:
    """Each word of the papers' titles and abstracts once, as the abstracts write it
    within sentences ("transformer", "ImageNet", "Fréchet"), by the number of papers
    that use it, most first, then A-Z. A capital at a sentence's start or in a title
    says nothing: a word written only so is given in small letters ("moreover")."""
    within: Counter[str] = Counter()  # written forms within sentences
    elsewhere: Counter[str] = Counter()  # in titles and at sentences' starts
    papers_using: Counter[str] = Counter()
    key_of: dict[str, str] = {}  # each written form folded once
    for paper in papers:
        title = _WORD_RE.findall(paper.title)
        abstract = _WORD_RE.findall(paper.abstract)
        starts = _SENTENCE_START_RE.findall(paper.abstract)
        within.update(abstract)
        within.subtract(starts)
        elsewhere.update(title)
        elsewhere.update(starts)
        used = set()
        for word in {*title, *abstract}:
            key = key_of.get(word)
            if key is None:
                key = key_of[word] = fold(word)
            used.add(key)
        papers_using.update(used)
    within_forms: dict[str, Counter[str]] = {}
    for word, times in within.items():
        if times > 0:
            within_forms.setdefault(key_of[word], Counter())[word] += times
    other_forms: dict[str, Counter[str]] = {}
    for word, times in elsewhere.items():
        spelled = word.lower() if word.istitle() else word
        other_forms.setdefault(key_of[word], Counter())[spelled] += times
    kept = sorted(papers_using, key=lambda key: (-papers_using[key], key))[:MAX_WORDS]
    return [_most_written(within_forms.get(key) or other_forms[key]) for key in kept]


def _most_written(forms: Counter[str]) -> str:
    """The form written most often; of two as often, one in small letters, else the
    first A-Z ("neighborhood", not "Neighborhood")."""
    return min(forms.items(), key=lambda item: (-item[1], item[0] != item[0].lower(), item[0]))[0]


def search_words_json(papers: Sequence[Written]) -> str:
    """The word list as compact JSON text (letters only: nothing to escape)."""
    text = json.dumps(search_words(papers), ensure_ascii=False, separators=(",", ":"))
    return text + "\n"
