"""`papersite init`: a new project laid out as the repository is, that builds as it is;
and papersite installed from a wheel (outside this checkout) does the same."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import sysconfig
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


# Not sources: what builds, runs and tests leave in a checkout.
LEFT_OUT = (".git", ".venv", "build", "docs", "site", "*.egg-info", "__pycache__", ".*_cache")


def _fresh_environment(root: Path) -> Path:
    """A new virtual environment that sees this one's installed packages (a `.pth` line
    naming their folder), but not its editable install of papersite: `.pth` files in a
    folder added that way are not run, so the checkout is not importable from it."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    (site,) = (root / "lib").glob("python3*/site-packages")
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return root / "bin" / "python"


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_initialises_and_builds_a_project(tmp_path: Path) -> None:
    """The wheel carries every module, the templates, the theme and the scaffold: installed
    in a fresh environment, outside the checkout, it makes a project that builds as it is
    (with a corpus)."""
    source = tmp_path / "source"  # the checkout's files, without build/ left by earlier builds
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*LEFT_OUT))
    wheels = tmp_path / "wheels"
    # with the environment's setuptools (a dev dependency): an isolated build fetched
    # setuptools from the package index at test time
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    build += ["-w", str(wheels)]
    build.append(str(source))
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("papersite-*.whl")
    python = _fresh_environment(tmp_path / "venv")
    install = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "--no-deps",
        "-q",
        str(wheel),
    ]
    subprocess.run(install, check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), *args], cwd=work, capture_output=True, text=True, timeout=300
        )

    where = run("-c", "import generator; print(generator.__file__)")
    assert where.stdout.strip().startswith(str(tmp_path / "venv")), where.stdout + where.stderr
    created = run("-m", "generator", "init", "project")
    assert created.returncode == 0, created.stderr
    for path in FIXTURE_CORPUS.iterdir():
        shutil.copy(path, work / "project" / "site_src" / "corpus" / path.name)
    built = run("-m", "generator", "--root", "project", "build")
    assert built.returncode == 0, built.stderr
    site = work / "project" / "site"
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "assets" / "javascripts" / "search.js").is_file()
    page = next((site / "papers").glob("*/index.html")).read_text(encoding="utf-8")
    assert "ps-search-data" in page and "papersite.js" in page
    found = run("-m", "generator", "--root", "project", "search", "rank pruning")
    assert found.returncode == 0 and "rank-pruning" in found.stdout, found.stderr


def test_init_with_an_empty_name_or_a_dangling_link_says_so(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path) as here:
        empty = runner.invoke(main, ["init", ""])  # `papersite init "$DIR"`, DIR unset
        assert empty.exit_code == 2 and "no DIRECTORY named" in empty.output
        assert list(Path(here).iterdir()) == []  # nothing written in the current folder
        Path("gone").symlink_to(Path(here) / "nowhere")
        dangling = runner.invoke(main, ["init", "gone"])
        assert dangling.exit_code == 2 and "which is gone" in dangling.output
        assert dangling.exception is None or isinstance(dangling.exception, SystemExit)


def test_init_prints_a_command_that_can_be_pasted(tmp_path: Path) -> None:
    """A path with spaces is quoted in the hint: pasted as printed, it names the project."""
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["init", "sp ace/pr oj"])
        assert result.exit_code == 0, result.output
        command = result.output.split("then run `")[1].split("`")[0]
        assert shlex.split(command) == ["papersite", "--root", "sp ace/pr oj", "build"]
        dashed = runner.invoke(main, ["init", "--", "-weird"])  # not read as an option
        command = dashed.output.split("then run `")[1].split("`")[0]
        assert shlex.split(command) == ["papersite", "--root", "./-weird", "build"]
