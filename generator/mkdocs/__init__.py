"""The papersite MkDocs plugin (plugin.py), its theme (theme/) and its speed-ups, each
behind an option and the version gate (versions.py)."""
