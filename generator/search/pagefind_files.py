"""Make Pagefind's output byte-identical from one build to the next.

Pagefind (1.5) writes its filter indexes, and the list of sort orders in its metadata
file, in hash-map order, which changes from run to run, and names them (and the
metadata file) by a hash of their bytes; so two builds of the same site differ in a few
files. `stabilize` rewrites those files in a sorted order, under names hashed from their
new bytes, and points the metadata file and `pagefind-entry.json` at them. Every other
Pagefind file is already stable (sort keys must not tie: Pagefind orders ties as they
come).

Pagefind writes into an existing bundle without removing anything, and skips the files
whose name is there already. Index chunks and page fragments are named by a hash of
their content (`content_name`), so a rebuild can reuse the last build's: `keep_reusable`
leaves only those in a kept bundle, `prune` then removes every file the new metadata
does not name, and `misnamed` finds reused files whose content is not what their name
says (a name is only 28 bits of hash, and an interrupted run can leave a cut file).

The files are gzip-compressed: a `pagefind_dcd` signature followed by CBOR. A filter
file is `[filter name, [[value, [page numbers]], ...]]`; the metadata file holds the
pages as `[fragment hash, word count]` pairs at META_PAGES, the index chunks as
`[first word, last word, file hash]` at META_INDEX, the filters as `[filter name,
file hash]` pairs at META_FILTERS and the sort orders as `[sort name, [page numbers]]`
at META_SORTS.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import zlib
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
META_PAGES, META_INDEX, META_FILTERS, META_SORTS = 1, 2, 3, 4  # lists in the metadata file
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
        if len(meta) > META_SORTS and isinstance(meta[META_SORTS], list):
            meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda entry: str(entry[0]))
        meta_path.unlink()
        prefix = _prefix(language["hash"])
        language["hash"] = _write(bundle, "pagefind.{}.pf_meta", prefix, meta, 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


REUSABLE_FOLDERS = ("fragment", "index")  # files named by a hash of their content


def keep_reusable(bundle: Path) -> set[str]:
    """Delete all but the index chunks and fragments of a kept bundle; their paths."""
    for entry in bundle.iterdir():
        if entry.name not in REUSABLE_FOLDERS:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    folders = [bundle / name for name in REUSABLE_FOLDERS if (bundle / name).is_dir()]
    return {f"{folder.name}/{path.name}" for folder in folders for path in folder.iterdir()}


def content_name(body: bytes) -> str:
    """Pagefind's hash of a file's content (after the signature): the first 7 digits of
    its SHA-1, each byte written in hex without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(body).digest())[:7]


def misnamed(bundle: Path, paths: set[str]) -> list[str]:
    """Those of `paths` (relative to `bundle`; gone ones skipped) whose content does not
    match their name, or cannot be read."""
    wrong = []
    for relative in sorted(paths):
        path = bundle / relative
        try:
            data = gzip.decompress(path.read_bytes())
        except FileNotFoundError:
            continue
        except (OSError, EOFError, zlib.error):  # BadGzipFile is an OSError
            wrong.append(relative)
            continue
        expected = path.stem.split("_", 1)[-1]
        if not data.startswith(SIGNATURE) or content_name(data[len(SIGNATURE) :]) != expected:
            wrong.append(relative)
    return wrong


def prune(bundle: Path) -> int:
    """Remove the bundle's files that its metadata does not name; return how many."""
    entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    metas = {f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()}
    named: dict[str, set[str]] = {"fragment": set(), "index": set(), "filter": set()}
    for name in metas:
        meta = _read(bundle / name)
        if not isinstance(meta, list) or len(meta) <= META_FILTERS:
            raise PagefindFormatError(f"{bundle / name}: unexpected metadata layout")
        named["fragment"].update(str(page[0]) for page in meta[META_PAGES])
        named["index"].update(str(chunk[-1]) for chunk in meta[META_INDEX])
        named["filter"].update(str(pair[1]) for pair in meta[META_FILTERS])
    stale = [path for path in bundle.glob("pagefind.*.pf_meta") if path.name not in metas]
    for folder, hashes in named.items():
        if (bundle / folder).is_dir():
            suffix = f".pf_{folder}"
            stale += [
                p
                for p in (bundle / folder).iterdir()
                if p.suffix == suffix and p.stem not in hashes
            ]
    for path in stale:
        path.unlink()
    return len(stale)


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
