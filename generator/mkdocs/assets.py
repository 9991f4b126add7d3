"""papersite's theme files as the site serves them: scripts and styles minified, the
theme's icons added to papersite.css (icons.py), and Material's search assets left out
(the site searches with Pagefind).

The sources in theme/ stay readable, with their comments; a visitor downloads them
without comments and spaces (rjsmin and rcssmin keep every token, so the code runs the
same). Material copies its lunr language files and search worker into every site
whatever the search plugin does: about 1.2 MB nobody loads here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

# Material's files for its own search, unused with Pagefind.
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
STYLESHEET = "assets/stylesheets/papersite.css"
# A script MkDocs renders from the theme's template of that name (it writes the palette
# switch that Material writes into every page).
STATIC_TEMPLATES = ("assets/javascripts/palette.js",)


def prepare_theme_files(files: Any, papersite_theme: Path, icon_css: str = "") -> Any:
    """Minify papersite's own scripts and styles, with `icon_css` at the end of
    papersite.css; drop Material's search assets."""
    theme = str(papersite_theme)
    for file in list(files):
        if file.src_uri.startswith(MATERIAL_SEARCH_ASSETS):
            files.remove(file)
            continue
        source = file.abs_src_path
        if not source or not source.startswith(theme):
            continue
        if file.src_uri.endswith(".js"):
            file.content_string = rjsmin.jsmin(Path(source).read_text(encoding="utf-8"))
        elif file.src_uri.endswith(".css"):
            css = rcssmin.cssmin(Path(source).read_text(encoding="utf-8"))
            file.content_string = css + icon_css if file.src_uri == STYLESHEET else css
    return files
