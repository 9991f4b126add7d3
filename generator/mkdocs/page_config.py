"""Material's settings script (`<script id="__config">`) without what this site never reads.

Material writes its settings as JSON into every page: the base URL, the features, and
translations for its search, its code-copy button and its version selector. The site
searches with Pagefind (Material's search plugin is off), so Material's search never
starts and never reads its translations or its worker's path (a file the site does not
ship, generator/mkdocs/assets.py): 0.5 KB of every page. Settings that are unset
(`null`: code annotations, the tags plugin's, the version selector's) go too, and the
version selector's label with the last: Material's script (9.8) reads each of them as
optional (`config.version?.provider`, `config.annotate && …`), and a key that is not there
reads the same as `null`; that is how its script reads them, not a documented promise,
so the plugin leaves them in (`drop_unset`) under a Material version outside the tested
range (versions.py). `slim_config` keeps every other setting as Material wrote it.
"""

from __future__ import annotations

import json
import re

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

GLOBAL = "papersite_slim_config"  # the function, as the theme calls it
_SCRIPT_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
SEARCH_KEY = "search"  # the search worker's path
SEARCH_TRANSLATIONS = "search."  # the prefix of the search's translations
UNSET_LEFT_OUT = ("annotate", "tags", "version")  # left out when null
VERSION_TRANSLATION = "select.version"  # the version selector's label


def slim_config(html: str, drop_unset: bool = True) -> Markup:
    """Material's config block with the search settings (and, with `drop_unset`, the
    unset ones) left out of its JSON; anything else (or JSON that does not parse) as it
    was."""
    match = _SCRIPT_RE.search(html)
    if match is None:
        return Markup(html)
    try:
        app = json.loads(match.group(2))
    except ValueError:
        return Markup(html)
    if not isinstance(app, dict):
        return Markup(html)
    app.pop(SEARCH_KEY, None)
    for key in UNSET_LEFT_OUT if drop_unset else ():
        if key in app and app[key] is None:
            del app[key]
    translations = app.get("translations")
    if isinstance(translations, dict):
        app["translations"] = {
            key: text
            for key, text in translations.items()
            if not key.startswith(SEARCH_TRANSLATIONS)
            and (key != VERSION_TRANSLATION or "version" in app or not drop_unset)
        }
    slim = str(htmlsafe_json_dumps(app, sort_keys=True, separators=(",", ":")))
    return Markup(html[: match.start(2)] + slim + html[match.end(2) :])
