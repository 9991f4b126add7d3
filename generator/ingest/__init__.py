"""Ingest: read corpus files in any supported format, clean and merge them into a Corpus."""

from __future__ import annotations

from generator.ingest.pipeline import ingest_files, ingest_texts

__all__ = ["ingest_files", "ingest_texts"]
