"""Analysis: related papers, topics, named methods and code links for a whole corpus."""

from __future__ import annotations

from generator.analyze.pipeline import StageTimes, analyze, analyze_timed
from generator.analyze.settings import AnalysisSettings
from generator.analyze.topics_file import TopicsFileError, load_topics_file, parse_topics

__all__ = [
    "AnalysisSettings",
    "StageTimes",
    "TopicsFileError",
    "analyze",
    "analyze_timed",
    "load_topics_file",
    "parse_topics",
]
