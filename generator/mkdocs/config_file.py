"""The project's mkdocs.yml, checked before MkDocs loads it.

MkDocs reads mkdocs.yml with a YAML loader that builds Python objects from tags such as
`!!python/object/apply:os.system [...]`: loading the file would run that code, even for
`papersite check`. Settings are untrusted, so a tag that calls or builds something is
refused first, with its file and line. `!!python/name:` (a function's name, as
Material's emoji settings use) only looks a name up and stays allowed, as do MkDocs'
own `!ENV` and `!relative`. A file named by `INHERIT` is checked the same way.

MkDocs also imports the `hooks` it names while it loads the file, and
`pymdownx.snippets` copies files into pages: a hook outside the project, or snippets
read from outside it (an absolute or `..` base path, `restrict_base_path: false`,
`url_download`), are refused too, since papersite reads and publishes only what is
inside the project.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.yaml_files import MAX_YAML_VALUES, TOO_MANY_VALUES, alias_growth, all_nodes

PYTHON_TAG = "tag:yaml.org,2002:python/"
ALLOWED_PYTHON_TAGS = ("name:",)
_STRING = "tag:yaml.org,2002:str"
_RUNS = "papersite runs and publishes only what is inside it"
_MAX_INHERIT = 10


def config_file_problem(path: Path, project: Path | None = None) -> str:
    """Why MkDocs must not load the file at `path`, or "". A file it INHERITs must be a
    mapping of settings and, when the `project` folder is given, lie inside it (through
    any symbolic link)."""
    named_at = ""  # where the file being read was named by INHERIT
    inside = project.resolve() if project is not None else None
    for _ in range(_MAX_INHERIT):
        if named_at and inside is not None and not path.resolve().is_relative_to(inside):
            return f"{named_at}: INHERIT {str(path)!r} is outside the project (settings stay in it)"
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            return ""  # MkDocs reports a file it cannot read or parse, with its own words
        if alias_growth(root) > MAX_YAML_VALUES:
            return f"{path}: {TOO_MANY_VALUES}"
        problem = _old_hooks(path, text) or _code_tag(path, root)
        problem = problem or _reads_outside(path, root, inside or path.parent.resolve())
        if problem:
            return problem
        if not isinstance(root, yaml.MappingNode):  # MkDocs says so of mkdocs.yml itself
            return f"{named_at}: INHERIT {str(path)!r} holds no settings" if named_at else ""
        parent = next((v for k, v in root.value if k.value == "INHERIT"), None)
        if not isinstance(parent, yaml.ScalarNode):
            return ""
        named_at = f"{path}:{parent.start_mark.line + 1}"
        path = path.parent / str(parent.value)
    return f"{path}: INHERIT goes deeper than {_MAX_INHERIT} files"


def _code_tag(path: Path, root: yaml.Node | None) -> str:
    for node in all_nodes(root):
        tag = node.tag or ""
        if tag.startswith(PYTHON_TAG) and not tag[len(PYTHON_TAG) :].startswith(
            ALLOWED_PYTHON_TAGS
        ):
            short = "!!" + tag.removeprefix("tag:yaml.org,2002:")
            return (
                f"{path}:{node.start_mark.line + 1}: {short} would run code while the file is "
                "loaded: papersite refuses it (only !!python/name: is allowed)"
            )
    return ""


def _reads_outside(path: Path, root: yaml.Node | None, inside: Path) -> str:
    """Where the settings at `path` run or publish a file outside the `inside` folder."""
    if not isinstance(root, yaml.MappingNode):
        return ""
    for key, value in root.value:
        if key.value == "hooks" and isinstance(value, yaml.SequenceNode):
            for hook in value.value:
                line = f"{path}:{hook.start_mark.line + 1}"
                if not isinstance(hook, yaml.ScalarNode) or hook.tag != _STRING:
                    return f"{line}: a hook must be written as a path (MkDocs imports it)"
                if not (path.parent / str(hook.value)).resolve().is_relative_to(inside):
                    return f"{line}: hook {hook.value!r} is outside the project ({_RUNS})"
        if key.value == "markdown_extensions" and isinstance(value, yaml.SequenceNode):
            for extension in value.value:
                problem = _snippets_problem(path, extension)
                if problem:
                    return problem
    return ""


def _snippets_problem(path: Path, extension: yaml.Node) -> str:
    """Why a `markdown_extensions` entry lets pymdownx.snippets read outside the project."""
    if not isinstance(extension, yaml.MappingNode):
        return ""
    for name, options in extension.value:
        if name.value != "pymdownx.snippets" or not isinstance(options, yaml.MappingNode):
            continue
        for option, value in options.value:
            line = f"{path}:{option.start_mark.line + 1}: pymdownx.snippets {option.value}"
            if option.value == "base_path":
                entries = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for entry in entries:
                    written = Path(str(entry.value))
                    if written.is_absolute() or ".." in written.parts:
                        return f"{line} {entry.value!r} is outside the project ({_RUNS})"
            falsy = str(value.value).lower() in ("false", "no", "off", "0")
            if (option.value == "restrict_base_path" and falsy) or (
                option.value == "url_download" and not falsy
            ):
                return f"{line} would read files outside the project ({_RUNS})"
    return ""


def _old_hooks(path: Path, text: str) -> str:
    """A mkdocs.yml of papersite 0.1 loads generator/hooks.py, which is now the plugin."""
    for number, line in enumerate(text.splitlines(), 1):
        if "generator/hooks.py" in line and not line.lstrip().startswith("#"):
            return (
                f"{path}:{number}: generator/hooks.py is gone: papersite is a MkDocs plugin "
                "now; replace the `hooks:` entry with `plugins: [papersite]`"
            )
    return ""


def directory_urls_problem(mkdocs_config: Any) -> str:
    """Why MkDocs' loaded settings cannot build papersite's pages, or ""."""
    if not mkdocs_config.get("use_directory_urls", True):
        return (
            f"{mkdocs_config.config_file_path}: use_directory_urls must be true "
            "(papersite's pages link to each other as folder URLs such as ../other-paper/)"
        )
    return ""


def left_out_pages(files: Iterable[Any], generated: set[str]) -> str:
    """Why the build would lose generated pages that mkdocs.yml's exclude_docs or
    draft_docs leave out (links to them would lead nowhere), or ""."""
    lost = sorted(
        f.src_uri
        for f in files
        if f.src_uri in generated and f.src_uri.endswith(".md") and f.inclusion.is_excluded()
    )
    if not lost:
        return ""
    more = f" and {len(lost) - 3} more" if len(lost) > 3 else ""
    return (
        f"exclude_docs or draft_docs in mkdocs.yml leave out {len(lost)} generated pages "
        f"({', '.join(lost[:3])}{more}): other pages link to them; narrow the pattern"
    )


def nav_paths(nav: Any) -> set[str]:
    """The page paths a mkdocs.yml `nav` names (entries are paths, {title: entry} or lists
    of entries; links to other sites are left out)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            if "://" not in entry:  # as MkDocs reads it: `./methods.md` is methods.md
                found.add(posixpath.normpath(entry).lstrip("/"))
        elif isinstance(entry, dict):
            stack.extend(entry.values())
        elif isinstance(entry, list):
            stack.extend(entry)
    return found


def missing_nav_pages(
    nav: Any, is_page: Callable[[str], bool], open_folders: Iterable[str]
) -> list[str]:
    """The pages mkdocs.yml's `nav` names that the build will not have (a strict build
    stops on them), judged by `is_page`; paths under `open_folders`, whose pages depend
    on data this check does not render, are left to the build."""
    folders = tuple(f"{folder.strip('/')}/" for folder in open_folders)
    return sorted(
        path
        for path in nav_paths(nav)
        if path.endswith(".md") and not path.startswith(folders) and not is_page(path)
    )
