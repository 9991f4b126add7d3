"""`papersite init`: a new project laid out as the repository is, that builds as it is;
and papersite installed from a wheel (outside this checkout) does the same."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import REPO
from sitebuild import FIXTURE_CORPUS

from generator.cli import main
from generator.scaffold import FILES, ScaffoldError, init_project


def test_init_writes_the_project_files(tmp_path: Path) -> None:
    written = init_project(tmp_path / "new")
    names = sorted(str(p.relative_to(tmp_path / "new")) for p in written)
    assert names == [".gitignore", "mkdocs.yml", "papersite.yml", "site_src/topics.yml"]
    for folder in ("corpus", "templates", "overrides"):
        assert (tmp_path / "new" / "site_src" / folder).is_dir()


def test_init_never_overwrites_a_project(tmp_path: Path) -> None:
    init_project(tmp_path)
    with pytest.raises(ScaffoldError, match="exists already"):
        init_project(tmp_path)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="is a file"):
        init_project(tmp_path / "file")


@pytest.mark.parametrize("name", ["mkdocs.yml", "papersite.yml", "site_src/topics.yml"])
def test_the_repository_is_a_project_as_init_makes_it(name: str) -> None:
    assert (REPO / name).read_text(encoding="utf-8") == (FILES / name).read_text("utf-8")


@pytest.mark.slow
def test_an_initialised_project_builds(tmp_path: Path) -> None:
    root = tmp_path / "project"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    for path in FIXTURE_CORPUS.iterdir():
        shutil.copy(path, root / "site_src" / "corpus" / path.name)
    result = runner.invoke(main, ["--root", str(root), "build"])
    assert result.exit_code == 0, result.output
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert (root / "site" / "assets" / "javascripts" / "search.js").is_file()


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_initialises_and_builds_a_project(tmp_path: Path) -> None:
    """The wheel carries the templates, theme and scaffold; nothing is read from this
    checkout (the installed copy is imported first, from outside the checkout)."""
    wheels = tmp_path / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps",
             "-q", "-w", str(wheels), str(REPO)]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("papersite-*.whl")
    installed = tmp_path / "installed"
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
               str(installed), str(wheel)]
    subprocess.run(install, check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(installed)}
    work = tmp_path / "elsewhere"
    work.mkdir()

    def papersite(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "generator", *args]
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                              timeout=300)

    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    )
    assert where.stdout.strip().startswith(str(installed)), where.stdout
    assert papersite("init", "project").returncode == 0
    for path in FIXTURE_CORPUS.iterdir():
        shutil.copy(path, work / "project" / "site_src" / "corpus" / path.name)
    built = papersite("--root", "project", "build")
    assert built.returncode == 0, built.stderr
    site = work / "project" / "site"
    assert (site / "pagefind" / "pagefind.js").is_file()
    page = next((site / "papers").glob("*/index.html")).read_text(encoding="utf-8")
    assert "ps-search-data" in page and "papersite.js" in page
