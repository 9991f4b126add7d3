"""The project's mkdocs.yml, checked before MkDocs loads it.

MkDocs reads mkdocs.yml with a YAML loader that builds Python objects from tags such as
`!!python/object/apply:os.system [...]`: loading the file would run that code, even for
`papersite check`. Settings are untrusted, so a tag that calls or builds something is
refused first, with its file and line. `!!python/name:` (a function's name, as
Material's emoji settings use) only looks a name up and stays allowed, as do MkDocs'
own `!ENV` and `!relative`. A file named by `INHERIT` is checked the same way.

MkDocs also imports the `hooks` it names while it loads the file, and
`pymdownx.snippets` and `pymdownx.b64` copy files into pages: a hook outside the project,
or such an extension reading from outside it (an absolute or `..` place, its
restriction off, `url_download`), are refused too, since papersite reads and publishes
only what is inside the project. So are settings these checks cannot read as written:
an `INHERIT`, a hook, an extension's options or any setting's name computed by `!ENV`.
The settings are read as MkDocs reads them (merge keys, `markdown_extensions` as a
list or a mapping); pin_file_extensions checks the loaded values again, for plain
`mkdocs build` too.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markdown.util import parseBoolValue

from generator.project_paths import SPECIAL_FILE, Inside
from generator.yaml_files import MAX_YAML_VALUES, TOO_MANY_VALUES, alias_growth, all_nodes

PYTHON_TAG = "tag:yaml.org,2002:python/"
ALLOWED_PYTHON_TAGS = ("name:",)
_STRING = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_RUNS = "papersite runs and publishes only what is inside it"
_MAX_INHERIT = 10


def config_file_problem(path: Path, project: Path | None = None) -> str:
    """Why MkDocs must not load the file at `path`, or "". A file it INHERITs must be a
    mapping of settings and, when the `project` folder is given, lie inside it (through
    any symbolic link)."""
    named_at = ""  # where the file being read was named by INHERIT
    inside = project.resolve() if project is not None else None
    main = path
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
        problem = _old_hooks(path, text) or _code_tag(path, root) or _computed_key(path, root)
        if root is not None and not problem:
            problem = _reads_outside(path, text, root, inside or main.parent.resolve(), main)
        if problem:
            return problem
        if not isinstance(root, yaml.MappingNode):  # MkDocs says so of mkdocs.yml itself
            return f"{named_at}: INHERIT {str(path)!r} holds no settings" if named_at else ""
        parent = next((v for k, v in root.value if k.value == "INHERIT"), None)
        if parent is None:
            return ""
        if not isinstance(parent, yaml.ScalarNode) or parent.tag != _STRING:
            return (
                f"{path}:{parent.start_mark.line + 1}: INHERIT must name a file, written out "
                "(a value computed while MkDocs loads it is never checked)"
            )
        named_at = f"{path}:{parent.start_mark.line + 1}"
        path = path.parent / str(parent.value)
    return f"{path}: INHERIT goes deeper than {_MAX_INHERIT} files"


def _computed_key(path: Path, root: yaml.Node | None) -> str:
    """A mapping key computed while MkDocs loads the file (`!ENV [X, hooks]: ...`): the
    checks below read keys as written, so it would pass them all."""
    for node in all_nodes(root):
        if isinstance(node, yaml.MappingNode):
            for key, _value in node.value:
                if key.tag not in (_STRING, _MERGE):
                    return (
                        f"{path}:{key.start_mark.line + 1}: a setting's name must be written "
                        "out, not computed while MkDocs loads the file"
                    )
    return ""


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


class _Computed:
    """A value MkDocs computes while it loads the file (`!ENV`, `!relative`): unknown
    until then, so never taken as a safe one."""


class _SettingsLoader(yaml.SafeLoader):
    """PyYAML's safe loader (merge keys `<<` flattened as MkDocs' loader does), with tagged
    values as _Computed."""


_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: _Computed())
_SettingsLoader.add_multi_constructor(PYTHON_TAG, lambda loader, suffix, node: _Computed())

# Extensions that read files into pages, from folders relative to where papersite runs
# (pin_file_extensions makes them the project's).
FILE_EXTENSIONS = ("pymdownx.snippets", "pymdownx.b64")


def _reads_outside(path: Path, text: str, root: yaml.Node, inside: Path, main: Path) -> str:
    """Where the settings at `path` (INHERITed by the file `main`, or `main` itself) run
    or publish a file outside the `inside` folder: a hook (MkDocs finds hooks from the
    main file's folder), or an extension that reads files from outside."""
    try:
        settings = yaml.load(text, Loader=_SettingsLoader)
    except yaml.YAMLError:
        return ""  # MkDocs reports it, with its own words
    if not isinstance(settings, dict):
        return ""
    hooks = settings.get("hooks")
    if hooks is not None:
        if not isinstance(hooks, list) or not all(isinstance(h, str) for h in hooks):
            return (
                f"{_at(path, root, 'hooks')}: hooks must be a list of paths, written out ({_RUNS})"
            )
        for hook in hooks:
            if not (main.parent / hook).resolve().is_relative_to(inside):
                where = _at(path, root, hook)
                return f"{where}: hook {hook!r} is outside the project ({_RUNS})"
            if not os.path.isfile(main.parent / hook):  # check loads no hook to find out
                where = _at(path, root, hook)
                return (
                    f"{where}: hook {hook!r} is not a file (a hook is a Python file in the project)"
                )
    for name, options in _extensions(settings.get("markdown_extensions")):
        if name is None:  # computed while MkDocs loads it (`!ENV`), or of no use
            needed = (
                "written out"
                if _holds_computed(options)
                else f"a list of extension names (like - toc), not {options!r}"
            )
            return f"{_at(path, root, 'markdown_extensions')}: markdown_extensions must be {needed}"
        if name.split(":")[0] not in FILE_EXTENSIONS:
            continue
        problem = _file_extension_problem(name, options)
        if problem:
            return f"{_at(path, root, name)}: {problem}"
    return ""


# Per extension that reads files: its options naming where from, and its switches that
# must be on (restricting reads to those folders) or off (downloads).
_PLACES = {"pymdownx.snippets": ("base_path",), "pymdownx.b64": ("base_path", "root_path")}
_MUST_BE = {
    "pymdownx.snippets": {"restrict_base_path": True, "url_download": False},
    "pymdownx.b64": {"restrict_path": True},
}


def pin_file_extensions(mkdocs_config: Any, root: Path) -> str:
    """Check the loaded settings of FILE_EXTENSIONS and make the places they read from the
    project's, or say why they may not read, as "": a switch that lets them read beyond
    those places (`restrict_base_path`, `url_download`, b64's `restrict_path`), or a
    place that is or holds a link out of the project. A relative place (the default `.`
    too) was relative to where papersite runs: `papersite --root proj build` from one's
    home folder read `~`. Values here are as loaded (an `!ENV` resolved), under plain
    `mkdocs build` too. Changes `mkdocs_config`'s extension settings in place."""
    inside = Inside(root)
    for name in mkdocs_config.markdown_extensions:
        base = name.split(":")[0]
        if base not in FILE_EXTENSIONS:
            continue
        options = mkdocs_config.mdx_configs.setdefault(name, {})
        problem = _switch_problem(name, options)
        if problem:
            return problem
        for key in _PLACES[base]:
            written = options.get(key, "." if key == "base_path" else "")
            if key == "root_path" and not written:
                continue  # b64 reads no absolute path then
            entries = written if isinstance(written, list) else [written]
            places = [os.path.normpath(root / str(entry)) for entry in entries]
            for place in places:
                link = inside.first_unsafe_entry(Path(place)) if os.path.isdir(place) else ""
                link = link or (place if os.path.lexists(place) and inside.leaves(place) else "")
                if link and not inside.leaves(link):
                    return f"{name} {key}: {link} is {SPECIAL_FILE}"
                if link:
                    return (
                        f"{name} {key}: {link} links outside the project ({_RUNS}); give "
                        f"{key} a folder of its own, such as site_src/snippets"
                    )
            options[key] = places if isinstance(written, list) else places[0]
    return ""


def _extensions(value: object) -> list[tuple[str | None, object]]:
    """(name, options) of each entry of `markdown_extensions`, a list of names or of
    {name: options}, or one mapping (MkDocs reads all three); (None, ...) for a value
    computed at load time."""
    if value is None:
        return []
    if isinstance(value, dict):
        value = [{name: options} for name, options in value.items()]
    if not isinstance(value, list):
        return [(None, value)]
    found: list[tuple[str | None, object]] = []
    for entry in value:
        if isinstance(entry, str):
            found.append((entry, None))
        elif isinstance(entry, dict):
            found += [(str(n), o) if isinstance(n, str) else (None, o) for n, o in entry.items()]
        else:
            found.append((None, entry))
    return found


def _file_extension_problem(name: str, options: object) -> str:
    """Why an extension that reads files (FILE_EXTENSIONS) may read outside the project,
    as written (pin_file_extensions checks the loaded values again)."""
    if options is None:
        return ""
    if not isinstance(options, dict) or _holds_computed(options):
        return f"{name}'s options must be written out ({_RUNS})"
    base = name.split(":")[0]
    for key in _PLACES[base]:
        entries = options.get(key, [])
        for entry in entries if isinstance(entries, list) else [entries]:
            written = Path(str(entry))
            if not isinstance(entry, str) or written.is_absolute() or ".." in written.parts:
                return f"{name} {key} {entry!r} is outside the project ({_RUNS})"
    return _switch_problem(name, options)


def _switch_problem(name: str, options: dict[str, Any]) -> str:
    """Why a switch of a file-reading extension (_MUST_BE) lets it read outside, or "".
    Read as Python-Markdown reads a setting (util.parseBoolValue): "no", "none", null
    are off; unset, a switch has its safe default."""
    for key, wanted in _MUST_BE[name.split(":")[0]].items():
        if parseBoolValue(options.get(key, wanted), fail_on_errors=False) is not wanted:
            return f"{name} {key} would read files outside the project ({_RUNS})"
    return ""


def _holds_computed(value: object) -> bool:
    if isinstance(value, _Computed):
        return True
    if isinstance(value, dict):
        return any(_holds_computed(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_computed(v) for v in value)
    return False


def _at(path: Path, root: yaml.Node, value: str) -> str:
    """`path:line` of the first place the file writes `value` (a key or a value), else
    `path`: constructed settings keep no lines."""
    for node in all_nodes(root):
        if isinstance(node, yaml.ScalarNode) and node.value == value:
            return f"{path}:{node.start_mark.line + 1}"
    return str(path)


def _old_hooks(path: Path, text: str) -> str:
    """A mkdocs.yml of papersite 0.1 loads generator/hooks.py, which is now the plugin."""
    for number, line in enumerate(text.splitlines(), 1):
        if "generator/hooks.py" in line and not line.lstrip().startswith("#"):
            return (
                f"{path}:{number}: generator/hooks.py is gone: papersite is a MkDocs plugin "
                "now; replace the `hooks:` entry with `plugins: [papersite]`"
            )
    return ""


def docs_dir_written(path: Path) -> tuple[str, int] | None:
    """mkdocs.yml's own `docs_dir` as written, and its line, if the file sets one:
    papersite.yml's decides where papersite's commands write and build pages, so a
    different one here is used only by plain `mkdocs`, and the user is told."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8", errors="replace"), yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None  # MkDocs reports it, with its own words
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "docs_dir" and isinstance(value, yaml.ScalarNode) and value.tag == _STRING:
            return str(value.value), key.start_mark.line + 1
    return None


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


# MkDocs' value of `validation: nav: absolute_links: relative_to_docs` (an IntEnum of
# mkdocs.structure.pages, not exported): "/x.md" in nav is then docs/x.md.
_RELATIVE_TO_DOCS = -1


def absolute_nav_links_in_docs(mkdocs_config: Any) -> bool:
    """Whether the loaded settings read a nav entry "/x.md" as docs/x.md; by default it
    is an address, left to the server."""
    try:
        return int(mkdocs_config.validation.nav.absolute_links) == _RELATIVE_TO_DOCS
    except (AttributeError, TypeError, ValueError):  # another MkDocs: as by default
        return False


def nav_paths(nav: Any, absolute_in_docs: bool = False) -> set[str]:
    """The page paths a mkdocs.yml `nav` names (entries are paths, {title: entry} or lists
    of entries; addresses are left out: links to other sites, and "/x" unless
    `absolute_in_docs`)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        entry = stack.pop()
        if isinstance(entry, str):
            address = urlsplit(entry)
            if address.scheme or address.netloc:
                continue
            if entry.startswith("/") and not absolute_in_docs:
                continue
            found.add(posixpath.normpath(entry).lstrip("/"))  # `./methods.md` is methods.md
        elif isinstance(entry, dict):
            stack.extend(entry.values())
        elif isinstance(entry, list):
            stack.extend(entry)
    return found


def missing_nav_pages(
    nav: Any,
    is_page: Callable[[str], bool],
    open_folders: Iterable[str],
    absolute_in_docs: bool = False,
) -> list[str]:
    """The pages mkdocs.yml's `nav` names that the build will not have (a strict build
    stops on them: MkDocs reads any entry that is no address as a file of docs/, `about`
    or `notes.html` too), judged by `is_page`; paths under `open_folders`, whose pages
    depend on data this check does not render, are left to the build."""
    folders = tuple(f"{folder.strip('/')}/" for folder in open_folders)
    return sorted(
        path
        for path in nav_paths(nav, absolute_in_docs)
        if not path.startswith(folders) and not is_page(path)
    )
