"""Where the tests find the repository and its bundled corpus."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = REPO / "site_src" / "corpus"
FIXTURES = REPO / "tests" / "fixtures"
