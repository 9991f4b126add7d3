"""Skip MkDocs when the site it would build is the one already in site/.

MkDocs renders every page on each build, even when nothing it reads has changed: at
10,000 papers that is half a minute for a site byte-identical to the one on disk.
`papersite build` therefore keeps, beside site/, a key of everything the build reads
and a signature of site/ as that build left it. The key covers docs/ (every generated
page by path, size and modification time: the generate fingerprint vouches for their
bytes; every other file by its bytes), mkdocs.yml, the theme folders (papersite's and
the project's overrides), the build options and SOURCE_DATE_EPOCH, every installed
package's version, and the state of the last `generate` (its fingerprint covers the
corpus, settings and papersite's code). When the key and site/ both match, site/ is
what the build would write again, and MkDocs does not run.

When in doubt, build: no key (so no skip) for a mkdocs.yml with hooks, INHERIT, !ENV,
`!!python/` names, plugins other than papersite and tags, or Markdown extensions
outside PURE_EXTENSIONS (pymdownx.snippets reads files outside docs/), nor when a file
under docs/ or the theme folders cannot be read. Linked folders are followed, as MkDocs
follows them. The state is written after site/ is in place, so a build killed before
that is rebuilt next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from generator.config import PROJECT_OVERRIDES, Config
from generator.project_paths import BUILD_STATE_SUFFIX, state_beside
from generator.state import saved_state
from generator.write import MANIFEST, generated_pages, write_text_atomic

EPOCH_ENV = "SOURCE_DATE_EPOCH"  # MkDocs' own setting for reproducible build dates
# Plugins whose output depends only on docs/ and mkdocs.yml.
PURE_PLUGINS = frozenset({"papersite", "tags", "material/tags"})
# Markdown extensions that read nothing but the page (no files, no network).
PURE_EXTENSIONS = frozenset(
    """
    abbr admonition attr_list def_list extra fenced_code footnotes legacy_attrs legacy_em
    md_in_html meta nl2br sane_lists smarty tables toc wikilinks codehilite
    pymdownx.arithmatex pymdownx.betterem pymdownx.caret pymdownx.critic pymdownx.details
    pymdownx.emoji pymdownx.escapeall pymdownx.fancylists pymdownx.highlight
    pymdownx.inlinehilite pymdownx.keys pymdownx.magiclink pymdownx.mark
    pymdownx.progressbar pymdownx.saneheaders pymdownx.smartsymbols pymdownx.striphtml
    pymdownx.superfences pymdownx.tabbed pymdownx.tasklist pymdownx.tilde
    """.split()
)
THEME_DIR = Path(__file__).resolve().parent / "theme"


class _Unsure(Exception):
    """Something the key would have to cover cannot be read: build."""


def site_key(config: Config, mkdocs_config: Any, options: dict[str, Any]) -> str | None:
    """The key of the build `mkdocs_config` would run with `options`, or None when its
    output may depend on more than the key covers (or docs/ has no generate state)."""
    state = saved_state(config.docs)
    text = Path(mkdocs_config.config_file_path).read_text(encoding="utf-8")
    if state is None or any(mark in text for mark in ("INHERIT", "!ENV", "!!python/")):
        return None
    if mkdocs_config.get("hooks") or set(mkdocs_config.plugins.keys()) - PURE_PLUGINS:
        return None
    if set(_extension_names(mkdocs_config.get("markdown_extensions"))) - PURE_EXTENSIONS:
        return None
    digest = hashlib.sha256()
    facts = {
        "generate": state.fingerprint,
        "options": options,
        "epoch": os.environ.get(EPOCH_ENV),
        "mkdocs.yml": text,
        "python": sys.version,
        "packages": sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions()),
    }
    digest.update(json.dumps(facts, sort_keys=True, default=str).encode())
    custom = mkdocs_config.theme.custom_dir
    try:
        for folder in (THEME_DIR, Path(custom) if custom else config.root / PROJECT_OVERRIDES):
            digest.update(_contents(folder, set()))
        digest.update(_contents(config.docs, generated_pages(config.docs) | {MANIFEST}))
    except _Unsure:
        return None
    return digest.hexdigest()


def site_is_current(site: Path, key: str) -> bool:
    """Whether the last build saved `key` and site/ is still as it left it."""
    try:
        saved = json.loads(_state_file(site).read_text(encoding="utf-8"))
        return (
            isinstance(saved, dict)
            and saved.get("key") == key
            and saved.get("site") == _signature(site)
        )
    except (OSError, ValueError, _Unsure):
        return False


def save_site_state(site: Path, key: str | None) -> None:
    """Record, after a finished build, its key and the signature of the site it left.

    Without a key (a build that cannot be skipped) or a signature, the record still
    says that papersite built site/ (`foreign_site_problem`), and vouches for nothing."""
    try:
        state = {"key": key, "site": _signature(site) if key is not None else None}
    except _Unsure:
        state = {"key": None, "site": None}
    write_text_atomic(_state_file(site), json.dumps(state, indent=1) + "\n")


def forget_site_state(site: Path) -> None:
    """Forget the last build: site/ is being replaced by one the key does not describe.
    A site/ that is there stays papersite's (a record without a key), so that a build
    that fails now does not leave a site/ the next build refuses to replace."""
    if site.is_dir() and not site.is_symlink():
        save_site_state(site, None)
    else:
        _state_file(site).unlink(missing_ok=True)


# What MkDocs (with Material) writes at the top of every site it builds.
MKDOCS_SITE_FILES = ("sitemap.xml", "sitemap.xml.gz")
MKDOCS_SITE_FOLDERS = ("assets",)


def foreign_site_problem(site: Path, shown: str) -> str:
    """Why a build must not replace `site` (mkdocs.yml's site_dir, shown as `shown`), or "".

    A build replaces site/ whole (hidden entries apart: a gh-pages worktree's `.git`
    and `.nojekyll` are carried over), so it replaces only a folder that holds nothing
    to lose: none yet, one that is empty or holds only hidden entries, one papersite
    built (its state file is beside it, written by every `papersite build`), or one that looks
    like a site MkDocs built (`sitemap.xml`, `sitemap.xml.gz` and `assets/` at its
    top). The last is for a site/ built before papersite kept that state file (an
    existing checkout, `make site` run again) or by plain `mkdocs build`, which cleans
    such a folder itself on every build: refusing it would stop those builds and
    protect nothing MkDocs does not already own; a folder of one's own files does
    not hold all three of MkDocs' marks. Anything else (`site_dir: mysite` pointing
    at a folder of documents) is refused, and nothing is removed."""
    if not site.exists() and not site.is_symlink():
        return ""
    # (A file or a link at site_dir was refused before: project_paths.output_folder_problem.)
    if _state_file(site).is_file():
        return ""
    try:
        visible = sorted(entry.name for entry in site.iterdir() if not entry.name.startswith("."))
    except OSError as error:
        return f"site_dir {shown!r} cannot be read ({error.strerror or error})"
    if not visible:
        return ""
    looks_built = all((site / name).is_file() for name in MKDOCS_SITE_FILES) and all(
        (site / name).is_dir() for name in MKDOCS_SITE_FOLDERS
    )
    if looks_built:
        return ""
    more = f" and {len(visible) - 3} more" if len(visible) > 3 else ""
    return (
        f"site_dir {shown!r} is a folder papersite did not build (it holds "
        f"{', '.join(visible[:3])}{more}): a build replaces the site folder whole, so "
        "it is left alone; choose another site_dir, or empty or remove that folder"
    )


def _state_file(site: Path) -> Path:
    return state_beside(site, BUILD_STATE_SUFFIX)


def _extension_names(extensions: Any) -> list[str]:
    """The names of mkdocs.yml's markdown_extensions (a list of names or {name: options})."""
    names: list[str] = []
    for entry in extensions or []:
        names.extend(entry.keys() if isinstance(entry, dict) else [str(entry)])
    return [name.removeprefix("markdown.extensions.") for name in names]


def _files(folder: Path, hidden: bool = True) -> list[tuple[str, os.stat_result]]:
    """Every file under `folder` (relative path, stat), sorted, linked folders followed
    (each real folder once); without `hidden`, the folder's own hidden entries (a gh-pages
    worktree's .git) are left out. _Unsure if something cannot be read."""
    found = []
    seen: set[str] = set()

    def fail(error: OSError) -> None:
        raise _Unsure(str(error))

    for parent, dirs, files in os.walk(folder, followlinks=True, onerror=fail):
        real = os.path.realpath(parent)
        if real in seen:  # a link back up: its files are listed once already
            dirs[:] = []
            continue
        seen.add(real)
        top = parent == str(folder)
        dirs[:] = [d for d in dirs if hidden or not top or not d.startswith(".")]
        for name in files:
            if hidden or not top or not name.startswith("."):
                path = os.path.join(parent, name)
                try:
                    found.append((os.path.relpath(path, folder), os.stat(path)))
                except OSError as error:
                    if not name.startswith("."):  # a dangling editor lock (.#page.md) is
                        raise _Unsure(str(error)) from None  # not MkDocs' business
    return sorted(found, key=lambda item: item[0])


def _stat_line(path: str, stat: os.stat_result) -> bytes:
    """A file by path, size and modification time, as a line of a digest."""
    return f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()


def _signature(site: Path) -> str:
    """site/'s files by path, size and modification time (its hidden entries apart)."""
    digest = hashlib.sha256()
    for path, stat in _files(site, hidden=False):
        digest.update(_stat_line(path, stat))
    return digest.hexdigest()


def _contents(folder: Path, by_time: set[str]) -> bytes:
    """A digest of the files under `folder`: those named in `by_time` by path, size and
    modification time, every other one by its bytes (none if the folder is missing)."""
    digest = hashlib.sha256()
    if not folder.is_dir():
        return digest.digest()
    for path, stat in _files(folder):
        if path in by_time:
            digest.update(_stat_line(path, stat))
            continue
        try:
            digest.update(path.encode() + b"\0" + (folder / path).read_bytes() + b"\n")
        except OSError as error:
            raise _Unsure(str(error)) from None
    return digest.digest()
