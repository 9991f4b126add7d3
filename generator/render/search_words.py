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

from generator.folding import fold
from generator.model import Paper

# Shorter words are not judged as typos ("bert" is no typo of "best").
MIN_LETTERS = 5
# The most common words kept: about 200 KB of JSON at 50,000 papers, fetched once.
MAX_WORDS = 20_000
# A word of letters alone: not part of a LaTeX command or of a name with digits
# ("\\mathcal", "ResNet50"), nor of an address ("https://github.com/lab/thing").
_WORD_RE = re.compile(rf"(?<![\w\\/.@])[^\W\d_]{{{MIN_LETTERS},}}(?!\w|://)")


def search_words(papers: Sequence[Paper]) -> list[str]:
    """Each word of the papers' titles and abstracts once, as it is most often written
    ("transformer", "ImageNet", "Fréchet"), by the number of papers that use it, most
    first, then A-Z. A capitalised word ("Transformer", at a sentence's or a title's
    start) counts as its small-letter form where the corpus writes that too (a name,
    "Fréchet", keeps its capital)."""
    times_written: Counter[str] = Counter()
    papers_using: Counter[str] = Counter()
    key_of: dict[str, str] = {}  # each written form folded once
    for paper in papers:
        words = _WORD_RE.findall(f"{paper.title}\n{paper.abstract}")
        times_written.update(words)
        used = set()
        for word in set(words):
            key = key_of.get(word)
            if key is None:
                key = key_of[word] = fold(word)
            used.add(key)
        papers_using.update(used)
    forms: dict[str, Counter[str]] = {}
    for word, times in times_written.items():
        form = word.lower() if word.istitle() and word.lower() in times_written else word
        forms.setdefault(key_of[word], Counter())[form] += times
    kept = sorted(papers_using, key=lambda key: (-papers_using[key], key))[:MAX_WORDS]
    return [min(forms[key].items(), key=lambda item: (-item[1], item[0]))[0] for key in kept]


def search_words_json(papers: Sequence[Paper]) -> str:
    """The word list as compact JSON text (letters only: nothing to escape)."""
    text = json.dumps(search_words(papers), ensure_ascii=False, separators=(",", ":"))
    return text + "\n"
