"""Skip regeneration when nothing it reads has changed.

A fingerprint hashes every input of `generate`: the corpus files, the topics file,
redirects.yml, the settings, the page templates (papersite's and the project's) and
papersite's own code.
It is saved beside docs/ (`.docs.papersite-state.json`: outside docs/, whose bytes
depend only on the inputs) with the facts a later run or MkDocs build needs (the build date,
how many data problems the corpus has). The state file is the one channel between a
`papersite` command and the MkDocs plugin: when the next run finds the same
fingerprint and every page of the manifest still in docs/, it rewrites nothing and does
not even read the corpus.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from generator.config import NOT_SETTINGS, REDIRECTS_NAME, Config
from generator.project_paths import STATE_SUFFIX, state_beside
from generator.write import MANIFEST, write_text_atomic

_CODE_DIR = Path(__file__).resolve().parent
# Settings that change how fast the output is made, never what it is.
_NOT_OUTPUT = ("workers",)


@dataclass(frozen=True)
class GeneratedState:
    """What a generate run leaves for the next one and for the MkDocs build."""

    fingerprint: str
    source_date_epoch: int
    problems: int = 0  # data problems (warnings and errors) the corpus had
    docs: str = ""  # docs_signature of docs/ as this run left it


def inputs_fingerprint(config: Config) -> str:
    """SHA-256 over the corpus (and the entries of it not read), topics file, settings,
    templates and papersite's code."""
    digest = hashlib.sha256()
    skip = (*NOT_SETTINGS, *_NOT_OUTPUT)
    settings = {k: v for k, v in dataclasses.asdict(config).items() if k not in skip}
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    listed = [config.root / config.topics_file, config.root / REDIRECTS_NAME]
    corpus, skipped = config.corpus_listing()
    # The entries not read are reported on the corpus page: one added is a change.
    for path, why in skipped:
        digest.update(f"{_shown_path(path, config.root)}\0{why}\0".encode(errors="surrogateescape"))
    inputs = [*corpus, *(path for path in listed if path.is_file())]
    templates = [p for folder in config.project_templates() for p in sorted(folder.rglob("*"))]
    code = sorted([*_CODE_DIR.rglob("*.py"), *_CODE_DIR.rglob("*.j2")])
    inputs += [p for p in templates if p.is_file()]
    for path in [*inputs, *code]:  # named by path: a file moved is an input changed
        digest.update(_shown_path(path, config.root).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _shown_path(path: Path, root: Path) -> str:
    """`path` relative to the project (or to papersite's code), so that the fingerprint
    does not depend on where the project or papersite lives."""
    for base in (root, _CODE_DIR):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def state_file(docs_dir: Path) -> Path:
    """Where the state of `docs_dir` is kept: beside it, hidden."""
    return state_beside(docs_dir, STATE_SUFFIX)


def save_state(docs_dir: Path, state: GeneratedState) -> GeneratedState:
    """Record the state of a finished generate run, last, with the signature of the
    pages as they are now on disk; the state saved."""
    state = dataclasses.replace(state, docs=docs_signature(docs_dir))
    write_text_atomic(state_file(docs_dir), json.dumps(dataclasses.asdict(state), indent=1))
    return state


def docs_signature(docs_dir: Path) -> str:
    """A hash of every generated page's path, size and modification time: any page
    changed, cut or gone since the state was saved changes it."""
    try:
        pages = (docs_dir / MANIFEST).read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):
        return ""
    digest = hashlib.sha256()
    for page in sorted(p for p in pages if p):
        try:
            stat = (docs_dir / page).stat()
        except OSError:
            return ""
        digest.update(f"{page}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def forget_state(docs_dir: Path) -> None:
    """Forget the saved state: docs/ was generated in a way a fingerprint cannot tell."""
    state_file(docs_dir).unlink(missing_ok=True)


def saved_state(docs_dir: Path) -> GeneratedState | None:
    """The state the last generate run saved for `docs_dir`, if any."""
    try:
        return GeneratedState(**json.loads(state_file(docs_dir).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def unchanged_state(docs_dir: Path, fingerprint: str) -> GeneratedState | None:
    """The saved state if it has this fingerprint and docs/ still holds every page as
    that run left it."""
    saved = saved_state(docs_dir)
    if saved is None or saved.fingerprint != fingerprint or not saved.docs:
        return None
    if docs_signature(docs_dir) != saved.docs:
        return None
    return saved
