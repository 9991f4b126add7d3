"""papersite.yml: every key optional, every value checked, retired keys read with a notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpora import YAML_BOMB as BOMB

from generator.config import ConfigError, load_config


def test_a_corpus_pattern_glob_cannot_read_is_refused_at_its_line(tmp_path: Path) -> None:
    """`site_src/corpus/a**.txt` ended in a traceback from pathlib's glob."""
    (tmp_path / "papersite.yml").write_text("corpus:\n  - site_src/a**.txt\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"papersite.yml:1: corpus pattern .*\*\* must be"):
        load_config(tmp_path)
    (tmp_path / "papersite.yml").write_text("corpus: site_src/**/*.txt\n", encoding="utf-8")
    assert load_config(tmp_path).corpus == ("site_src/**/*.txt",)


def test_an_old_search_setting_is_read_with_a_notice(tmp_path: Path) -> None:
    """`search:` chose an engine before Pagefind was the only one: ignored, and said so."""
    (tmp_path / "papersite.yml").write_text("search: material\nrelated_k: 3\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.related_k == 3
    assert len(config.notices) == 1 and "`search` is no longer used" in config.notices[0]


def test_workers_is_a_positive_count_or_null(tmp_path: Path) -> None:
    settings = tmp_path / "papersite.yml"
    settings.write_text("workers: 3\n", encoding="utf-8")
    assert load_config(tmp_path).worker_count() == 3
    settings.write_text("workers: null\n", encoding="utf-8")
    assert load_config(tmp_path).worker_count() >= 1
    for count in (0, 257, 100_000):
        settings.write_text(f"workers: {count}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="workers must be from 1 to 256"):
            load_config(tmp_path)
    settings.write_text("workers: two\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="workers must be int or null"):
        load_config(tmp_path)


def test_related_k_is_a_count_from_1_to_50(tmp_path: Path) -> None:
    """Pages grow with n * related_k: 100,000 made every page list every paper (review 6)."""
    settings = tmp_path / "papersite.yml"
    settings.write_text("related_k: 50\n", encoding="utf-8")
    assert load_config(tmp_path).related_k == 50
    for count in (0, 51, 100_000):
        settings.write_text(f"site_name: x\nrelated_k: {count}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=r"papersite\.yml:2: related_k must be from 1 to 50"):
            load_config(tmp_path)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ('https://x.org/"><script>alert(1)</script>', "cannot hold unencoded: '\"' '<' '>'"),
        ("javascript:alert(1)", "must be an http:// or https:// address"),
        ("https:///no-host", "must be an http:// or https:// address"),
        ("https://x.org/a b", "cannot hold unencoded: ' '"),
        ("http://[::1/papers/", "is not a URL: Invalid IPv6 URL"),  # not a traceback
        ("https://[oops/", "is not a URL"),
        ("http://x.org:99999/", "is not a URL: Port out of range"),
        # Pages are added after it: canonical links read "?b=c&d=e/papers/x/".
        ("https://example.org/a?b=c&d=e", "without '?' or '#'"),
        ("https://example.org/#frag", "without '?' or '#'"),
        ("https://example.org/?", "without '?' or '#'"),
        # every page's canonical link would publish them
        ("https://user:pass@example.org/", "without a user name or password"),
    ],
)
def test_a_site_url_that_is_no_plain_web_address_is_refused(
    tmp_path: Path, url: str, words: str
) -> None:
    """MkDocs and Material write site_url into every page unescaped (issue 16)."""
    (tmp_path / "papersite.yml").write_text(f"site_name: x\nsite_url: '{url}'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(tmp_path)
    assert "papersite.yml:2: site_url" in str(refused.value) and words in str(refused.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # YAML keeps the last of two, silently: which one was meant?
        (
            "site_name: x\nrelated_k: 3\nrelated_k: 4\n",
            "3: related_k is set twice (lines 2 and 3): keep one",
        ),
        ("null: 3\n", "1: a setting's name is a word, not null"),  # was "unknown setting None"
        ("site_name: x\n1: 2\n", "2: a setting's name is a word, not 1"),
        ("corpus: {a: 1}\n", "1: corpus must be a path or a list of paths, not {'a': 1}"),
    ],
)
def test_a_setting_named_twice_or_by_no_word_is_refused_at_its_line(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "papersite.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(tmp_path)
    assert str(refused.value) == f"{tmp_path / 'papersite.yml'}:{message}"


def test_a_merge_key_still_gives_settings(tmp_path: Path) -> None:
    """`<<:` is no setting's name but YAML's merge: its keys are the settings."""
    (tmp_path / "papersite.yml").write_text("<<: {related_k: 7}\nsite_name: x\n", "utf-8")
    assert load_config(tmp_path).related_k == 7


def test_a_web_address_is_a_site_url(tmp_path: Path) -> None:
    url = "https://user.github.io/my%20repo/a&b~x/"
    (tmp_path / "papersite.yml").write_text(f"site_url: '{url}'\n", encoding="utf-8")
    assert load_config(tmp_path).site_url == url


def test_a_billion_laughs_settings_file_is_refused_before_it_is_walked(tmp_path: Path) -> None:
    (tmp_path / "papersite.yml").write_text(BOMB + "corpus: [*a11]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expand to more than 100,000 values"):
        load_config(tmp_path)


@pytest.mark.parametrize("name", ["''", "'   '", "'\u200b'", "'\u00a0'"])
def test_an_empty_site_name_is_refused(tmp_path: Path, name: str) -> None:
    """Every page's <title> and header show it: an empty one would leave them blank."""
    (tmp_path / "papersite.yml").write_text(f"site_name: {name}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="site_name is empty"):
        load_config(tmp_path)


def test_texts_too_long_for_their_place_are_refused(tmp_path: Path) -> None:
    """A 300,000-character site_name was taken: it heads every page (a 12-paper site grew
    from 3 to 64 MB)."""
    from generator.config import MAX_TEXT

    for key, limit in MAX_TEXT.items():
        (tmp_path / "papersite.yml").write_text(f"{key}: '{'x' * limit}'\n", encoding="utf-8")
        assert len(getattr(load_config(tmp_path), key)) == limit
        (tmp_path / "papersite.yml").write_text(f"{key}: '{'x' * (limit + 1)}'\n", "utf-8")
        with pytest.raises(ConfigError, match=f"{key} is longer than {limit:,} characters"):
            load_config(tmp_path)
