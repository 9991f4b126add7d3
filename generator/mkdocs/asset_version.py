"""A version mark on papersite's scripts and styles, so that a browser never runs an old
copy against a new page.

Material names its own bundles by their content (`bundle.a5f9d56c.min.js`); papersite's
keep their names (`papersite.js`, `papersite.css`, and the scripts papersite.js loads), so
a browser or CDN that cached them would serve the old ones with pages built by a newer
papersite or a changed theme: on a host that caches assets for a day (a CDN's default),
a day of broken search. Pages ask for `papersite.js?v=<mark>` instead, and papersite.js
asks for the files it loads (and Pagefind's `pagefind.js`) with the same mark. The mark
is a hash of what those files are made of: the theme's files as served (after
minifying), its templates (palette.js is rendered from partials), the palette settings,
the Material and Pagefind versions. It is the same for every build of the same theme,
whatever the corpus, so a new paper rewrites no other page.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.mkdocs.trim_styles import MATERIAL_THEME

GLOBAL = "papersite_asset_version"  # the query the theme appends: "v=…"
MARK_CHARACTERS = 8
# palette.js is rendered from Material's partials; papersite.js loads Pagefind's
# pagefind.js (whose own name has no hash) with the mark too.
MARKED_PACKAGES = ("mkdocs-material", "pagefind-bin")


def own_folders(theme: Any) -> list[Path]:
    """The theme's folders but Material's (whose file names carry their own hash):
    a project's overrides, papersite's theme, MkDocs' own templates."""
    folders = [Path(d).resolve() for d in theme.dirs]
    return [folder for folder in folders if not folder.is_relative_to(MATERIAL_THEME)]


def theme_assets(files: Any, theme: Any) -> list[Any]:
    """The files of `assets/` that the build takes from the theme's own folders. Chosen
    before the build minifies them: a minified file no longer names its source."""
    folders = own_folders(theme)
    return [
        file
        for file in files
        if file.src_uri.startswith("assets/")
        and file.abs_src_path
        and any(Path(file.abs_src_path).resolve().is_relative_to(f) for f in folders)
    ]


def asset_version(assets: list[Any], theme: Any) -> str:
    """The mark of `assets` (theme_assets), as served (minified, icons added), of the
    templates palette.js is rendered from (every template of the theme's own folders: a
    changed partial changes the mark), of the settings it is rendered with, and of the
    versions of Material and Pagefind (whose `pagefind.js` is asked for with the mark)."""
    digest = hashlib.sha256()
    for file in sorted(assets, key=lambda f: f.src_uri):
        digest.update(file.src_uri.encode() + b"\0" + file.content_bytes + b"\0")
    for number, folder in enumerate(own_folders(theme)):
        for path in sorted(folder.rglob("*.html")):
            name = f"{number}/{path.relative_to(folder).as_posix()}"
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    settings = {key: theme.get(key) for key in ("palette", "language", "icon")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for package in MARKED_PACKAGES:
        with suppress(PackageNotFoundError):
            digest.update(f"{package} {version(package)}".encode())
    return "v=" + digest.hexdigest()[:MARK_CHARACTERS]
