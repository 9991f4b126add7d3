"""Synthetic papers built from the bundled corpus, for scale benchmarks.

Each synthetic paper takes a *seed* paper of the bundled corpus and one or two of its
neighbours (papers sharing a distinctive title word), samples sentences from them,
and rewrites most sentences from a random cut point on with an order-2 word Markov
chain trained on every abstract sentence. Titles are remixed the same way from the
seed's title, and some get a coined method name ("ProtoFormer-12: ..."). So the
vocabulary, sentence shapes and topical structure are the corpus's own, while the
texts are new. Paper i depends only on (seed, i): the first n papers of a larger run
are the same as a run of n, which is what a "add 10% papers" test wants.

The papers can be written in the three listing formats of DESIGN.md (bare abstracts,
search listing, daily listing), for ingest-at-scale tests:

    python -m benchmarks.synthetic --papers 10000 --format daily --out big.txt
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "site_src" / "corpus"
FORMATS = ("bare", "search", "daily")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_WORD_RE = re.compile(r"[A-Za-z][\w+-]*")
_END = "\0"
MAX_KEPT_WORDS = 5  # words of a source sentence kept before the Markov chain takes over
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_SYLLABLES = "pro to de con ar ix ul mo ra ve li sa tor neo gra fu zen ka ri om".split()
_SUFFIXES = ("Net", "Former", "GAN", "Seg", "Diff", "Mixer", "NAS", "KAN", "Fusion", "INR")


@dataclass(frozen=True)
class SyntheticPaper:
    """One generated paper with the metadata a daily listing prints."""

    title: str
    abstract: str
    authors: int
    year: int
    month: int
    day: int
    upvotes: int | None


class Markov:
    """An order-2 word chain: (w1, w2) -> counted next words, with sentence ends."""

    def __init__(self, sentences: Iterable[list[str]]) -> None:
        table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for words in sentences:
            padded = [*words, _END]
            for a, b, c in zip(padded, padded[1:], padded[2:], strict=False):
                table[(a, b)][c] += 1
        self.table = {key: (list(c), list(c.values())) for key, c in table.items()}

    def continue_from(self, words: list[str], rng: random.Random, limit: int) -> list[str]:
        """Extend `words` (at least two) until a sentence end or `limit` words."""
        out = list(words)
        while len(out) < limit:
            options = self.table.get((out[-2], out[-1]))
            if not options:
                break
            nxt = rng.choices(options[0], weights=options[1])[0]
            if nxt == _END:
                break
            out.append(nxt)
        return out


class SyntheticCorpus:
    """Generate papers that read like the bundled corpus (deterministic for a seed)."""

    def __init__(self, sources: Sequence[tuple[str, str]], seed: int = 0) -> None:
        if not sources:
            raise ValueError("no source papers to learn from")
        self.sources = list(sources)
        self.seed = seed
        self.sentences = [_sentences(abstract) for _, abstract in self.sources]
        self.abstract_chain = Markov(s.split() for ss in self.sentences for s in ss)
        self.title_chain = Markov(title.split() for title, _ in self.sources)

    @cached_property
    def neighbours(self) -> list[list[int]]:
        """For each source paper, the papers sharing a distinctive title word."""
        words = [{w.lower() for w in _WORD_RE.findall(t) if len(w) > 3} for t, _ in self.sources]
        df = Counter(w for ws in words for w in ws)
        by_word: dict[str, list[int]] = defaultdict(list)
        for i, ws in enumerate(words):
            for w in ws:
                if 2 <= df[w] <= 30:
                    by_word[w].append(i)
        return [
            sorted({j for w in ws for j in by_word.get(w, ()) if j != i})
            for i, ws in enumerate(words)
        ]

    def paper(self, index: int) -> SyntheticPaper:
        """The synthetic paper number `index`."""
        rng = random.Random(f"{self.seed}:{index}")
        seed_paper = rng.randrange(len(self.sources))
        mates = self.neighbours[seed_paper]
        pool = [seed_paper, *rng.sample(mates, min(2, len(mates)))]
        sentences = self._abstract(pool, rng)
        title = self._title(seed_paper, rng, index)
        year = rng.choice((2019, 2021, 2022, 2023, 2024, 2025))
        return SyntheticPaper(
            title=title,
            abstract=" ".join(sentences),
            authors=rng.randint(1, 12),
            year=year,
            month=rng.randint(1, 12),
            day=rng.randint(1, 28),
            upvotes=rng.randint(1, 60) if rng.random() < 0.4 else None,
        )

    def papers(self, n: int) -> list[SyntheticPaper]:
        """The first n synthetic papers, titles made unique."""
        seen: set[str] = set()
        out: list[SyntheticPaper] = []
        for i in range(n):
            paper = self.paper(i)
            if paper.title.casefold() in seen:
                paper = _renamed(paper, f"{_coined_name(random.Random(i))}-{i}")
            seen.add(paper.title.casefold())
            out.append(paper)
        return out

    def _abstract(self, pool: list[int], rng: random.Random) -> list[str]:
        """Sentences from the pool's papers, rewritten by the Markov chain after a few words."""
        count = rng.randint(5, 10)
        out: list[str] = []
        for _ in range(count):
            source = self.sentences[rng.choice(pool)] or ["We study neural networks."]
            words = rng.choice(source).split()
            if len(words) > 4:  # keep a short opening: shared text is rare, as in real corpora
                cut = rng.randint(2, min(MAX_KEPT_WORDS, len(words) - 2))
                words = self.abstract_chain.continue_from(words[:cut], rng, limit=45)
            sentence = " ".join(words)
            out.append(sentence if sentence.endswith((".", "!", "?")) else sentence + ".")
        return out

    def _title(self, seed_paper: int, rng: random.Random, index: int) -> str:
        """A remixed title, sometimes with a coined method name in front."""
        words = self.sources[seed_paper][0].split()
        if len(words) > 3 and rng.random() < 0.8:
            cut = rng.randint(2, len(words) - 1)
            words = self.title_chain.continue_from(words[:cut], rng, limit=16)
        title = " ".join(words).rstrip(":")
        if rng.random() < 0.3 and ":" not in title:
            title = f"{_coined_name(rng)}: {title}"
        return title


def _sentences(abstract: str) -> list[str]:
    """Sentences of an abstract."""
    return [s.strip() for s in _SENTENCE_RE.split(abstract) if len(s.split()) >= 3]


def _coined_name(rng: random.Random) -> str:
    """A made-up method name such as "Voraformer" or "KaZen-Net"."""
    stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 2))).capitalize()
    return stem + rng.choice(_SUFFIXES) + (str(rng.randint(2, 20)) if rng.random() < 0.3 else "")


def _renamed(paper: SyntheticPaper, prefix: str) -> SyntheticPaper:
    """The same paper with a distinguishing method name in front of its title."""
    return SyntheticPaper(
        f"{prefix}: {paper.title}",
        paper.abstract,
        paper.authors,
        paper.year,
        paper.month,
        paper.day,
        paper.upvotes,
    )


def bundled_sources() -> list[tuple[str, str]]:
    """(title, abstract) of every paper of the bundled corpus with a real title."""
    sys.path.insert(0, str(ROOT))
    from generator.ingest import ingest_files

    corpus = ingest_files(sorted(CORPUS.glob("*")))
    return [(p.title, p.abstract) for p in corpus.papers if not p.title_inferred]


def render(papers: Sequence[SyntheticPaper], fmt: str) -> str:
    """Papers as text in one of the listing formats: "bare", "search" or "daily"."""
    if fmt == "bare":
        return "".join(p.abstract + "\n" for p in papers)
    if fmt == "search":
        lines = [
            "Get trending papers in your email inbox once a day!",
            "Get trending papers in your email inbox!",
        ]
        for number, paper in enumerate(papers):
            lines.append(("Subscribe" if number == 0 else "") + paper.title)
            lines.append(paper.abstract)
        return "\n".join(lines) + "\n"
    if fmt == "daily":
        header = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
        header += "byAK and the research community\n\nOct 30\n\n"
        return header + "".join(_daily_block(p) for p in papers)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _daily_block(paper: SyntheticPaper) -> str:
    """One paper of a daily listing: title, abstract, authors, date and upvotes."""
    date = f"{_MONTHS[paper.month - 1]} {paper.day}, {paper.year}"
    if paper.upvotes is not None:
        date += f" {paper.upvotes}"
    return f"{paper.title}\n\n{paper.abstract}\n\n  • {paper.authors} authors\n·\n{date}\n\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Write n synthetic papers in a listing format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--format", choices=FORMATS, default="daily")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = render(SyntheticCorpus(bundled_sources(), args.seed).papers(args.papers), args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
