"""Analysis: related papers, topics, named methods and code links for a whole corpus.

The analysis functions are loaded on first use (scikit-learn takes most of a second to
import), so commands that do not analyse, such as a no-change `generate`, start fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from generator.analyze.settings import AnalysisSettings

if TYPE_CHECKING:
    from generator.analyze.pipeline import analyze, analyze_timed
    from generator.analyze.topics.topics_file import (
        TopicsFileError,
        load_topics_file,
        parse_topics,
    )

_LAZY = {
    "analyze": "pipeline",
    "analyze_timed": "pipeline",
    "TopicsFileError": "topics.topics_file",
    "load_topics_file": "topics.topics_file",
    "parse_topics": "topics.topics_file",
}

__all__ = [
    "AnalysisSettings",
    "TopicsFileError",
    "analyze",
    "analyze_timed",
    "load_topics_file",
    "parse_topics",
]


def __getattr__(name: str) -> Any:
    """The pipeline's and topics file's names, imported when first asked for."""
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
