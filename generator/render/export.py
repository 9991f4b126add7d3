"""The corpus (and its analysis, when there is one) as JSON in the export contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.links import topic_url
from generator.model import Analysis, Corpus, Paper


def export_data(corpus: Corpus, analysis: Analysis | None = None) -> dict[str, Any]:
    """Return the export contract: `{"papers": [...], "topics": [...]}`."""
    analysis = analysis or Analysis()
    return {
        "papers": [_paper(p, analysis) for p in corpus.papers],
        "topics": [
            {
                "slug": t.slug,
                "label": t.label,
                "url": topic_url(t.slug),
                "area": t.area,
                "keywords": list(t.keywords),
                "papers": list(t.papers),
                "related_topics": list(t.related_topics),
                "close": list(t.close),
            }
            for t in analysis.topics
        ],
    }


def export_json(corpus: Corpus, analysis: Analysis | None = None) -> str:
    """Return the export contract as deterministic, human-readable JSON text."""
    return json.dumps(export_data(corpus, analysis), ensure_ascii=False, indent=1) + "\n"


def _paper(paper: Paper, analysis: Analysis) -> dict[str, Any]:
    """One paper of the contract, analysis fields included (empty lists until analysed)."""
    return {
        "id": paper.id,
        "slug": paper.slug,
        "url": paper.url,
        "title": paper.title,
        "title_inferred": paper.title_inferred,
        "abstract": paper.abstract,
        "versions": list(paper.versions),
        "authors_count": paper.authors_count,
        "authors": list(paper.authors),
        "published": paper.published.iso() if paper.published else None,
        "date_inferred": paper.date_inferred,
        "upvotes": paper.upvotes,
        "external_url": paper.external_url,
        "sources": [{"file": s.file, "line": s.line} for s in paper.sources],
        "possible_duplicates": list(paper.possible_duplicates),
        "code_urls": list(analysis.code_urls.get(paper.slug, ())),
        "topics": list(analysis.paper_topics.get(paper.slug, ())),
        "related": [
            {"slug": r.slug, "score": r.score, "shared_terms": list(r.shared_terms)}
            for r in analysis.related.get(paper.slug, ())
        ],
        "mentions": list(analysis.mentions.get(paper.slug, ())),
        "mentioned_by": list(analysis.mentioned_by.get(paper.slug, ())),
    }


EXPORT_OPENING = b'{\n "papers": ['


def is_replaceable_export(path: Path) -> bool:
    """True when writing an export to `path` loses nothing: no file is there, or the file
    opens as export_json's output does. A settings file, a corpus file or anything else
    named by mistake is kept (the opening is checked, not the whole file, which may be
    hundreds of megabytes)."""
    if not path.exists() and not path.is_symlink():
        return True
    try:
        with path.open("rb") as file:
            return file.read(len(EXPORT_OPENING)) == EXPORT_OPENING
    except OSError:
        return False
