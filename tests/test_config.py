"""papersite.yml: every key optional, every value checked, retired keys read with a notice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_corpora import YAML_BOMB as BOMB

from generator.config import ConfigError, custom_dir_problem, load_config


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


def _outside(tmp_path: Path) -> tuple[Path, Path]:
    """A project folder, and a secret file beside it (outside it)."""
    project, secret = tmp_path / "project", tmp_path / "secret.txt"
    (project / "site_src" / "corpus").mkdir(parents=True)
    secret.write_text("CONFIDENTIAL\n", encoding="utf-8")
    return project, secret


def test_a_corpus_file_linked_from_outside_the_project_is_not_read(tmp_path: Path) -> None:
    """It was read and published (a hostile review found "CONFIDENTIAL" on pages)."""
    project, secret = _outside(tmp_path)
    corpus = project / "site_src" / "corpus"
    (corpus / "s.txt").symlink_to(secret)
    (corpus / "own.txt").write_text("x\n", encoding="utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "own.txt")  # a link inside is fine
    files, skipped = load_config(project).corpus_listing()
    assert [f.name for f in files] == ["alias.txt", "own.txt"]
    assert skipped == [(corpus / "s.txt", "a link to a file outside the project (copy it in)")]
    assert str(secret) not in skipped[0][1]  # the reason is published: no path of the machine


def test_settings_that_a_link_takes_outside_the_project_are_refused(tmp_path: Path) -> None:
    project, secret = _outside(tmp_path)
    (project / "site_src" / "topics.yml").symlink_to(secret)
    with pytest.raises(ConfigError, match=r"topics_file 'site_src/topics\.yml' leads to .*outside"):
        load_config(project)
    (project / "site_src" / "topics.yml").unlink()
    (project / "papersite.yml").write_text("site_name: x\ncorpus: [shared]\n", encoding="utf-8")
    (project / "shared").symlink_to(tmp_path)
    with pytest.raises(ConfigError, match=r"papersite.yml:2: corpus 'shared' leads to"):
        load_config(project)


@pytest.mark.parametrize("folder", ["site_src/overrides", "site_src/templates"])
def test_a_link_out_of_the_projects_theme_files_is_refused(tmp_path: Path, folder: str) -> None:
    """Their files are published (overrides/assets/pw.txt -> /etc/passwd was)."""
    project, secret = _outside(tmp_path)
    (project / folder / "assets").mkdir(parents=True)
    (project / folder / "assets" / "pw.txt").symlink_to(secret)
    with pytest.raises(ConfigError) as refused:
        load_config(project)
    assert str(refused.value).startswith(f"{project / folder / 'assets' / 'pw.txt'}: a link to")
    (project / folder / "assets" / "pw.txt").unlink()
    load_config(project)  # fine again
    (project / folder / "assets").rmdir()
    (project / folder).rmdir()
    (project / folder).symlink_to(tmp_path)
    with pytest.raises(ConfigError, match=re.escape(f"{project / folder}: a link to")):
        load_config(project)


def test_a_theme_custom_dir_stays_inside_the_project(tmp_path: Path) -> None:
    project, secret = _outside(tmp_path)
    config = load_config(project)
    assert custom_dir_problem(config, None) == ""
    assert "is outside the project" in custom_dir_problem(config, str(tmp_path))
    (project / "theme").mkdir()
    assert custom_dir_problem(config, str(project / "theme")) == ""
    (project / "theme" / "x.txt").symlink_to(secret)
    assert "x.txt links outside the project" in custom_dir_problem(config, str(project / "theme"))
