"""Make Pagefind's output byte-identical from one build to the next.

Pagefind (1.5) writes its filter indexes in hash-map order, which changes from run to
run, and names them (and the metadata file listing them) by a hash of their bytes; so
two builds of the same site differ in a few files. This module rewrites those files in
a sorted order, under names hashed from their new bytes, and points the metadata file
and `pagefind-entry.json` at them. Every other Pagefind file is already stable.

The files are gzip-compressed: a `pagefind_dcd` signature followed by CBOR. A filter
file is `[filter name, [[value, [page numbers]], ...]]`; the metadata file holds, at
META_FILTERS, the list of `[filter name, file hash]` pairs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # position of the filter list in the metadata file
ENTRY_FILE = "pagefind-entry.json"


class PagefindFormatError(ValueError):
    """Pagefind's output is not in the layout this module knows."""


def stabilize(bundle: Path) -> None:
    """Rewrite the filter and metadata files of the Pagefind bundle at `bundle` stably."""
    entry_path = bundle / ENTRY_FILE
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if not isinstance(meta, list) or len(meta) <= META_FILTERS:
            raise PagefindFormatError(f"{meta_path}: unexpected metadata layout")
        filters = []
        for name, old_hash in meta[META_FILTERS]:
            filters.append([name, _rewrite_filter(bundle / "filter", old_hash)])
        meta[META_FILTERS] = sorted(filters)
        meta_path.unlink()
        prefix = _prefix(language["hash"])
        language["hash"] = _write(bundle, "pagefind.{}.pf_meta", prefix, meta, 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _rewrite_filter(folder: Path, old_hash: str) -> str:
    """Sort one filter file's values (and their pages); return its new hash."""
    path = folder / f"{old_hash}.pf_filter"
    content = _read(path)
    if not (isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)):
        raise PagefindFormatError(f"{path}: unexpected filter layout")
    content[1] = sorted([value, sorted(pages)] for value, pages in content[1])
    path.unlink()
    return _write(folder, "{}.pf_filter", _prefix(old_hash), content, 7)


def _prefix(name: str) -> str:
    """The language part of a Pagefind hash (`en_3b84204f70` -> `en_`)."""
    return name.split("_", 1)[0] + "_" if "_" in name else ""


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise PagefindFormatError(f"{path}: no Pagefind signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, pattern: str, prefix: str, content: Any, digits: int) -> str:
    """Write `content` as a Pagefind file named by the hash of its bytes; return the hash."""
    data = SIGNATURE + cbor2.dumps(content)
    name = prefix + hashlib.sha256(data).hexdigest()[:digits]
    (folder / pattern.format(name)).write_bytes(gzip.compress(data, mtime=0))
    return name
