"""A version mark on papersite's scripts and styles, so that a browser never runs an old
copy against a new page.

Material names its own bundles by their content (`bundle.a5f9d56c.min.js`); papersite's
keep their names (`papersite.js`, `papersite.css`, and the scripts papersite.js loads), so
a browser or CDN that cached them would serve the old ones with pages built by a newer
papersite or a changed theme: on a host that caches assets for a day (a CDN's default),
a day of broken search. Pages ask for `papersite.js?v=<mark>` instead, and papersite.js
asks for the files it loads with the same mark. The mark is a hash of what those files
are made of (the theme's files as served, the palette settings and the Material version
that palette.js is rendered from): the same for every build of the same theme, whatever
the corpus, so a new paper rewrites no other page.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.mkdocs.trim_styles import MATERIAL_THEME

GLOBAL = "papersite_asset_version"  # the query the theme appends: "v=…"
MARK_CHARACTERS = 8


def asset_version(files: Any, theme: Any) -> str:
    """The mark of the assets that `files` takes from the `theme`'s folders (papersite's
    and a project's overrides; not Material's, whose names carry their own hash) and of
    the settings the palette script is rendered with."""
    roots = [Path(d).resolve() for d in theme.dirs]
    roots = [root for root in roots if not root.is_relative_to(MATERIAL_THEME)]
    ours = [
        file
        for file in files
        if file.src_uri.startswith("assets/")
        and file.abs_src_path
        and any(Path(file.abs_src_path).resolve().is_relative_to(root) for root in roots)
    ]
    digest = hashlib.sha256()
    for file in sorted(ours, key=lambda f: f.src_uri):
        digest.update(file.src_uri.encode() + b"\0" + file.content_bytes + b"\0")
    settings = {key: theme.get(key) for key in ("palette", "language", "icon")}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    digest.update(version("mkdocs-material").encode())
    return "v=" + digest.hexdigest()[:MARK_CHARACTERS]
