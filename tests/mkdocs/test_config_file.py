"""mkdocs.yml is checked before MkDocs loads it: a tag that would run code is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import papersite
from hostile_corpora import YAML_BOMB
from sitebuild import project_with_mkdocs_lines

from generator.mkdocs.config_file import config_file_problem


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_tag_that_runs_code_is_refused_before_it_runs(tmp_path: Path, command: str) -> None:
    marker = tmp_path / "ran"
    root = project_with_mkdocs_lines(
        tmp_path / "project", f"extra:\n  x: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    result = papersite(root, command)
    assert result.exit_code == 2, result.output
    assert "mkdocs.yml:" in result.output and "would run code" in result.output
    assert not marker.exists()
    assert not (root / "docs").exists()  # refused before anything was generated


def test_names_and_mkdocs_own_tags_are_allowed_and_inherit_is_checked(tmp_path: Path) -> None:
    fine = tmp_path / "fine.yml"
    fine.write_text(
        "a: !!python/name:os.path.join\nb: !ENV [HOME, x]\nc: !relative $config_dir\n",
        encoding="utf-8",
    )
    assert config_file_problem(fine) == ""
    (tmp_path / "base.yml").write_text("x:\n  - !!python/object/new:os.system [ls]\n", "utf-8")
    child = tmp_path / "child.yml"
    child.write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
    assert config_file_problem(child).startswith(f"{tmp_path / 'base.yml'}:2: !!python/object/new")


def test_a_billion_laughs_mkdocs_yml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_name: x\nextra:\n" + "".join(f"  {line}\n" for line in YAML_BOMB.splitlines())
    )
    assert "expand to more than 100,000 values" in config_file_problem(path)


def test_nav_paths_are_the_pages_a_nav_names() -> None:
    from generator.mkdocs.config_file import nav_paths

    nav = [
        {"Home": "index.md"},
        {"More": ["a.md", {"B": "sub/b.md"}, {"Site": "https://example.org/"}]},
        "/c.md",
    ]
    assert nav_paths(nav, absolute_in_docs=True) == {"index.md", "a.md", "sub/b.md", "c.md"}
    assert nav_paths(nav) == {"index.md", "a.md", "sub/b.md"}  # "/c.md": an address
    assert nav_paths(None) == set()


def test_nav_paths_are_read_as_mkdocs_reads_them() -> None:
    from generator.mkdocs.config_file import nav_paths

    nav = [{"Home": "index.md"}, {"More": ["./methods.md", "/map.md", "https://x.org/"]}]
    assert nav_paths(nav, absolute_in_docs=True) == {"index.md", "methods.md", "map.md"}
    assert nav_paths([*nav, "mailto:lab@example.org"]) == {"index.md", "methods.md"}


def test_inherit_names_a_settings_file_inside_the_project(tmp_path: Path) -> None:
    """MkDocs merged a file that holds no mapping into the settings with a TypeError
    traceback; a file outside the project was read."""
    project = tmp_path / "project"
    project.mkdir()
    child = project / "mkdocs.yml"
    (project / "words.yml").write_text("just a string\n", encoding="utf-8")
    child.write_text("site_name: x\nINHERIT: words.yml\n", encoding="utf-8")
    problem = config_file_problem(child, project)
    assert problem.startswith(f"{child}:2: INHERIT") and problem.endswith("holds no settings")
    (tmp_path / "outside.yml").write_text("site_name: y\n", encoding="utf-8")
    child.write_text("INHERIT: ../outside.yml\n", encoding="utf-8")
    assert "is outside the project" in config_file_problem(child, project)
    (project / "link.yml").symlink_to(tmp_path / "outside.yml")
    child.write_text("INHERIT: link.yml\n", encoding="utf-8")
    assert config_file_problem(child, project).startswith(f"{child}:1: INHERIT")
    (project / "base.yml").write_text("site_name: z\n", encoding="utf-8")
    child.write_text("INHERIT: base.yml\n", encoding="utf-8")
    assert config_file_problem(child, project) == ""


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_inherited_file_without_settings_is_a_clear_error(tmp_path: Path, command: str) -> None:
    root = project_with_mkdocs_lines(tmp_path / "project", "INHERIT: words.yml\n")
    (root / "words.yml").write_text("[1, 2]\n", encoding="utf-8")
    result = papersite(root, command)
    assert result.exit_code == 2, result.output
    assert "holds no settings" in result.output and "Traceback" not in result.output


def test_hooks_and_snippets_stay_inside_the_project(tmp_path: Path) -> None:
    """MkDocs imports hooks while loading the file, and pymdownx.snippets copies files into
    pages: a hook or a snippet folder outside the project ran or was published."""
    project = tmp_path / "project"
    (project / "hooks").mkdir(parents=True)
    (project / "hooks" / "mine.py").write_text("", encoding="utf-8")
    (tmp_path / "evil.py").write_text("", encoding="utf-8")
    (project / "hooks" / "link.py").symlink_to(tmp_path / "evil.py")
    config = project / "mkdocs.yml"
    snippets = "markdown_extensions:\n  - pymdownx.snippets:\n      "
    cases = {
        "hooks: [hooks/mine.py]\n": "",
        "hooks:\n  - ../evil.py\n": ":2: hook '../evil.py' is outside the project",
        f"hooks: [{tmp_path / 'evil.py'}]\n": ":1: hook",
        "hooks: [hooks/link.py]\n": ":1: hook 'hooks/link.py' is outside",
        # check loads no hook: one that is missing or no file passed it, and the build failed.
        "hooks: [hooks/gone.py]\n": ":1: hook 'hooks/gone.py' is not a file",
        "hooks: [hooks]\n": ":1: hook 'hooks' is not a file",
        f"hooks: [{'h' * 300}.py]\n": f":1: hook '{'h' * 300}.py' is not a file",
        "hooks: [!ENV HOOK]\n": ":1: hooks must be a list of paths, written out",
        # A merge key hides the hook from a reading of the top-level keys alone.
        "x: &a {hooks: [../evil.py]}\n<<: *a\n": ":1: hook '../evil.py' is outside",
        f"{snippets}base_path: [docs, snippets]\n": "",
        f"{snippets}base_path: /etc\n": ":2: pymdownx.snippets base_path '/etc' is outside",
        f"{snippets}base_path: [., ../x]\n": ":2: pymdownx.snippets base_path '../x' is outside",
        f"{snippets}restrict_base_path: false\n": (
            ":2: pymdownx.snippets restrict_base_path would read files outside"
        ),
        # Python-Markdown reads null, "none", "n" as false.
        f"{snippets}restrict_base_path: null\n": ":2: pymdownx.snippets restrict_base_path",
        f"{snippets}restrict_base_path: n\n": ":2: pymdownx.snippets restrict_base_path",
        f"{snippets}url_download: true\n": ":2: pymdownx.snippets url_download would read",
        f"{snippets}url_download: false\n": "",
        f"{snippets}url_download: null\n": "",
        f"{snippets}restrict_base_path: !ENV [NOPE, false]\n": (
            ":2: pymdownx.snippets's options must be written out"
        ),
        # Other spellings MkDocs accepts: a mapping, the extension's class named.
        "markdown_extensions:\n  pymdownx.snippets: {restrict_base_path: false}\n": (
            ":2: pymdownx.snippets restrict_base_path"
        ),
        "markdown_extensions:\n  - pymdownx.snippets:SnippetExtension:\n"
        "      restrict_base_path: false\n": ":2: pymdownx.snippets:SnippetExtension",
        "markdown_extensions: !ENV [NOPE, [pymdownx.snippets]]\n": (
            ":1: markdown_extensions must be written out"
        ),
        # of the wrong type: written out, but no extensions ("must be written out" misled)
        "markdown_extensions: 5\n": (
            ":1: markdown_extensions must be a list of extension names (like - toc), not 5"
        ),
        "markdown_extensions:\n  - pymdownx.b64:\n      base_path: ../pictures\n": (
            ":2: pymdownx.b64 base_path '../pictures' is outside"
        ),
        # b64's own names: it read any file with restrict_path off or root_path at /.
        "markdown_extensions:\n  - pymdownx.b64:\n      restrict_path: false\n": (
            ":2: pymdownx.b64 restrict_path would read files outside"
        ),
        "markdown_extensions:\n  - pymdownx.b64:\n      root_path: /\n": (
            ":2: pymdownx.b64 root_path '/' is outside"
        ),
        # A setting's name computed while MkDocs loads the file passed every check.
        "!ENV [UNSET, hooks]: [../evil.py]\n": ":1: a setting's name must be written out",
        "markdown_extensions:\n  - pymdownx.snippets:\n      !ENV [X, url_download]: true\n": (
            ":3: a setting's name must be written out"
        ),
    }
    for text, expected in cases.items():
        config.write_text(text, encoding="utf-8")
        problem = config_file_problem(config, project)
        assert (problem == "") if not expected else problem.startswith(f"{config}{expected}"), (
            text,
            problem,
        )


def test_an_inherited_file_is_checked_as_mkdocs_reads_it(tmp_path: Path) -> None:
    """An INHERIT computed by !ENV was never checked (its default file ran code), and a
    hook in an INHERITed file is found from the main file's folder, as MkDocs finds it."""
    project = tmp_path / "project"
    (project / "settings").mkdir(parents=True)
    config = project / "mkdocs.yml"
    config.write_text("INHERIT: !ENV [NOPE, settings/base.yml]\n", encoding="utf-8")
    assert config_file_problem(config, project).startswith(f"{config}:1: INHERIT must name")
    base = project / "settings" / "base.yml"
    base.write_text("hooks: [../evil.py]\n", encoding="utf-8")  # next to settings/: inside
    config.write_text("INHERIT: settings/base.yml\n", encoding="utf-8")
    assert config_file_problem(config, project).startswith(f"{base}:1: hook '../evil.py'")
    base.write_text("hooks: [settings/mine.py]\n", encoding="utf-8")
    (project / "settings" / "mine.py").write_text("", encoding="utf-8")
    assert config_file_problem(config, project) == ""


def test_a_hook_outside_the_project_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "HOOK_RAN"
    (tmp_path / "evil.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n", encoding="utf-8"
    )
    root = project_with_mkdocs_lines(tmp_path / "project", "hooks: [../evil.py]\n")
    for command in ("check", "build"):
        result = papersite(root, command)
        assert result.exit_code == 2, result.output
        assert "is outside the project" in result.output and "Traceback" not in result.output
    assert not marker.exists()


def test_snippets_read_from_the_project_wherever_papersite_runs(tmp_path: Path) -> None:
    """pymdownx.snippets read its relative base_path (`.` by default) from the working
    folder: `papersite --root project build` run elsewhere included that folder's files."""
    extensions = "markdown_extensions:\n  - pymdownx.snippets\n"
    extensions += "validation:\n  nav:\n    omitted_files: info\n"  # own.md is in no nav
    root = project_with_mkdocs_lines(tmp_path / "project", extensions)
    (root / "shared.md").write_text("SHARED-TEXT\n", encoding="utf-8")
    assert papersite(root, "generate").exit_code == 0
    own = root / "docs" / "own.md"
    # README.md is in the working folder (the repository) but not in the project.
    own.write_text('# Own page\n\n--8<-- "shared.md"\n\n--8<-- "README.md"\n', encoding="utf-8")
    assert Path("README.md").is_file()
    result = papersite(root, "build")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "own" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article")[1].split("</article>")[0]
    assert "SHARED-TEXT" in article and "Set-up: two commands" not in article
    (root / "link").symlink_to(tmp_path, target_is_directory=True)
    result = papersite(root, "check")
    assert result.exit_code == 2 and "link links outside the project" in result.output
    assert "give base_path a folder of its own" in result.output


def test_the_loaded_settings_of_file_extensions_are_checked(tmp_path: Path) -> None:
    """Under plain `mkdocs build` only the loaded settings are seen: snippets with
    restrict_base_path off published a file outside; a base_path that is a file linking
    out was read through the link."""
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.exceptions import PluginError

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET\n", encoding="utf-8")
    for options, expected in (
        ("{restrict_base_path: false}", "restrict_base_path would read files outside"),
        ("{base_path: [notes.txt]}", "notes.txt links outside the project"),
    ):
        extensions = f"markdown_extensions:\n  - pymdownx.snippets: {options}\n"
        root = project_with_mkdocs_lines(tmp_path / f"project{len(expected)}", extensions)
        (root / "notes.txt").symlink_to(secret)
        (root / "docs").mkdir()  # MkDocs wants it before the plugin runs
        config = load_mkdocs_config(config_file=str(root / "mkdocs.yml"))
        plugin = config.plugins["papersite"]
        plugin.on_startup(command="build", dirty=False)
        with pytest.raises(PluginError, match=expected):
            plugin.on_config(config)
        plugin.on_shutdown()
