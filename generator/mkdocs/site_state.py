"""Skip MkDocs when the site it would build is the one already in site/.

MkDocs renders every page on each build, even when nothing it reads has changed: at
10,000 papers that is half a minute for a site byte-identical to the one on disk.
`papersite build` therefore keeps, beside site/, a key of everything the build reads
and a signature of site/ as that build left it. The key covers docs/ (every file's
path, size and modification time: generated pages and hand-made ones), mkdocs.yml, the
theme folders (papersite's and the project's overrides), the build options, the
installed MkDocs, Material, Markdown and Pagefind, and the state of the last `generate`
(its fingerprint covers the corpus, settings and papersite's code). When the key and
site/ both match, site/ is what the build would write again, and MkDocs does not run.

Only builds whose output depends on nothing else are ever skipped: no hooks, no
INHERIT, no !ENV values, no plugins but papersite and the tags plugin. The state is
written after site/ is in place, so a build killed before that is rebuilt next time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.config import PROJECT_OVERRIDES, Config
from generator.state import saved_state
from generator.write import write_text_atomic

STATE_SUFFIX = ".papersite-build.json"
# Plugins whose output depends only on docs/ and mkdocs.yml.
PURE_PLUGINS = frozenset({"papersite", "tags", "material/tags"})
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pagefind-bin")
THEME_DIR = Path(__file__).resolve().parent / "theme"


def site_key(config: Config, mkdocs_config: Any, options: dict[str, Any]) -> str | None:
    """The key of the build `mkdocs_config` would run with `options`, or None when its
    output may depend on more than the key covers (or docs/ has no generate state)."""
    state = saved_state(config.docs)
    config_file = Path(mkdocs_config.config_file_path)
    text = config_file.read_text(encoding="utf-8")
    if state is None or "INHERIT" in text or "!ENV" in text or mkdocs_config.get("hooks"):
        return None
    if set(mkdocs_config.plugins.keys()) - PURE_PLUGINS:
        return None
    digest = hashlib.sha256()
    facts = {
        "generate": state.fingerprint,
        "options": options,
        "mkdocs.yml": text,
        "packages": {name: _version(name) for name in PACKAGES},
    }
    digest.update(json.dumps(facts, sort_keys=True, default=str).encode())
    custom = mkdocs_config.theme.custom_dir
    themes = [THEME_DIR, Path(custom) if custom else config.root / PROJECT_OVERRIDES]
    for folder in themes:
        digest.update(_contents(folder))
    digest.update(_listing(config.docs, hidden=True))
    return digest.hexdigest()


def site_is_current(site: Path, key: str) -> bool:
    """Whether the last build saved `key` and site/ is still as it left it."""
    try:
        saved = json.loads(_state_file(site).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or saved.get("key") != key:
        return False
    return saved.get("site") == _listing(site, hidden=False).hex()


def save_site_state(site: Path, key: str) -> None:
    """Record, after a finished build, its key and the signature of the site it left."""
    state = {"key": key, "site": _listing(site, hidden=False).hex()}
    write_text_atomic(_state_file(site), json.dumps(state, indent=1) + "\n")


def forget_site_state(site: Path) -> None:
    """Forget the last build: site/ is being replaced by one the key does not describe."""
    _state_file(site).unlink(missing_ok=True)


def _state_file(site: Path) -> Path:
    return site.parent / f".{site.name}{STATE_SUFFIX}"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def _files(folder: Path, hidden: bool) -> Iterable[tuple[str, os.stat_result]]:
    """Every file under `folder` (relative path, stat), sorted; without `hidden`, the
    folder's own hidden entries (a gh-pages worktree's .git) are left out."""
    found = []
    for parent, dirs, files in os.walk(folder):
        top = parent == str(folder)
        dirs[:] = [d for d in dirs if hidden or not top or not d.startswith(".")]
        for name in files:
            if hidden or not top or not name.startswith("."):
                path = os.path.join(parent, name)
                found.append((os.path.relpath(path, folder), os.stat(path)))
    return sorted(found, key=lambda item: item[0])


def _listing(folder: Path, hidden: bool) -> bytes:
    """A digest of every file's path, size and modification time under `folder`."""
    digest = hashlib.sha256()
    try:
        for path, stat in _files(folder, hidden):
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    except OSError:
        digest.update(b"unreadable")
    return digest.digest()


def _contents(folder: Path) -> bytes:
    """A digest of every file's path and bytes under `folder` (none if it is missing)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path, _ in _files(folder, hidden=True):
            digest.update(path.encode() + b"\0" + (folder / path).read_bytes())
    return digest.digest()
