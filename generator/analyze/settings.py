"""Settings of the analysis stage; every default was chosen by measurement (manual/analysis.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AnalysisSettings:
    """What analysis computes and how; defaults are the measured choices."""

    # Related papers per paper (issue 3: k = 5 by default).
    related_k: int = 5
    # Curated topics (`site_src/topics.yml`); None or a missing file means none.
    topics_file: Path | None = None
    # Workers (threads for the similarity search, processes for shared terms and the
    # map); results do not depend on it.
    workers: int = 1
    # Seed of every randomised step (the truncated SVD).
    seed: int = 0
    # Shared terms listed per related pair ("why related").
    shared_terms: int = 5
    # Pairs scoring below this are not shown as related at all.
    min_related_score: float = 0.05
    # Largest topic, as a share of the corpus (issue 3: about 15%).
    max_topic_share: float = 0.15
    # Topics per paper, at most (issue 3: 1 to 3).
    max_topics_per_paper: int = 3
