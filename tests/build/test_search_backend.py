"""Which search engine a site gets, and the setting that chooses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ConfigError, load_config
from generator.search_backend import PAGEFIND_ABOVE_PAPERS, choose_backend


def test_auto_picks_material_for_small_and_pagefind_for_large_corpora() -> None:
    assert choose_backend("auto", 600) == "material"
    assert choose_backend("auto", PAGEFIND_ABOVE_PAPERS) == "material"
    assert choose_backend("auto", PAGEFIND_ABOVE_PAPERS + 1) == "pagefind"
    assert choose_backend("pagefind", 10) == "pagefind"
    assert choose_backend("material", 100_000) == "material"


def test_search_setting_is_checked(tmp_path: Path) -> None:
    (tmp_path / "papersite.yml").write_text("search: pagefind\n", encoding="utf-8")
    assert load_config(tmp_path).search == "pagefind"
    (tmp_path / "papersite.yml").write_text("search: lunr\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="search must be one of auto, material, pagefind"):
        load_config(tmp_path)
