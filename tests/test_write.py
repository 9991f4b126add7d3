"""Writing docs/: only changed files are rewritten, stale generated files are removed,
hand-made files are left alone."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitebuild import (
    FIXTURE_CORPUS,
    FIXTURE_SITE_NAME,
    file_hashes,
    fixture_analyzer,
    fixture_slugs,
    make_project,
)

from generator.errors import SettingsError
from generator.links import paper_doc
from generator.pipeline import Pipeline
from generator.write import (
    MANIFEST,
    HandMadeCollision,
    recover_folder,
    write_docs,
    write_text_atomic,
)

PAGES = {
    "index.md": "# Home\n",
    "papers/a.md": "# A\n",
    "papers/b.md": "# B\n",
    "topics/t.md": "# T\n",
}


def _mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
    }


def _age(folder: Path) -> None:
    """Set every file's mtime in the past, so a rewrite would show."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def test_first_write_writes_everything(tmp_path: Path) -> None:
    assert write_docs(tmp_path, PAGES) == (len(PAGES), 0)
    assert {p: (tmp_path / p).read_text(encoding="utf-8") for p in PAGES} == PAGES
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8").split() == sorted(PAGES)


def test_unchanged_pages_are_not_rewritten(tmp_path: Path) -> None:
    write_docs(tmp_path, PAGES)
    _age(tmp_path)
    before = _mtimes(tmp_path)
    assert write_docs(tmp_path, PAGES) == (0, 0)
    assert _mtimes(tmp_path) == before


def test_only_the_changed_page_is_rewritten(tmp_path: Path) -> None:
    write_docs(tmp_path, PAGES)
    _age(tmp_path)
    before = _mtimes(tmp_path)
    assert write_docs(tmp_path, {**PAGES, "papers/a.md": "# A, changed\n"}) == (1, 0)
    after = _mtimes(tmp_path)
    assert [p for p in after if after[p] != before[p]] == ["papers/a.md"]
    assert (tmp_path / "papers/a.md").read_text(encoding="utf-8") == "# A, changed\n"


def test_stale_pages_go_and_hand_made_files_stay(tmp_path: Path) -> None:
    write_docs(tmp_path, PAGES)
    hand_made = [tmp_path / "notes.md", tmp_path / "papers" / "mine.md", tmp_path / "extra.css"]
    for path in hand_made:
        path.write_text("mine\n", encoding="utf-8")
    remaining = {p: t for p, t in PAGES.items() if p not in ("papers/b.md", "topics/t.md")}
    assert write_docs(tmp_path, remaining) == (0, 2)
    assert not (tmp_path / "papers/b.md").exists()
    assert not (tmp_path / "topics").exists()  # emptied by the removal
    assert all(path.read_text(encoding="utf-8") == "mine\n" for path in hand_made)
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8").split() == sorted(remaining)


def test_a_manifest_never_removes_files_outside_docs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    outside = tmp_path / "README.md"
    outside.write_text("keep me\n", encoding="utf-8")
    write_docs(docs, PAGES)
    (docs / MANIFEST).write_text("../README.md\n" + f"{outside}\n" + "index.md\n", encoding="utf-8")
    assert write_docs(docs, PAGES) == (0, 0)
    assert outside.read_text(encoding="utf-8") == "keep me\n"


def test_a_link_is_written_through_and_a_pipe_written_to(tmp_path: Path) -> None:
    """`export out.json` where out.json is a link (or a pipe): the link stays, its target
    gets the text; the pipe's reader gets it."""
    target = tmp_path / "elsewhere" / "target.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(target)
    assert write_text_atomic(tmp_path / "link.json", "new", through_links=True)
    assert (tmp_path / "link.json").is_symlink() and target.read_text(encoding="utf-8") == "new"
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)
    assert write_text_atomic(pipe, "through the pipe", through_links=True)
    assert reader.communicate(timeout=10)[0] == b"through the pipe"
    assert pipe.is_fifo()


def test_a_link_in_a_project_is_replaced_never_written_through(tmp_path: Path) -> None:
    """A cloned project may hold `.docs.papersite-state.json -> ../notes.txt`: every run
    wrote its state into notes.txt. The project's own files replace such a link."""
    outside = tmp_path / "notes.txt"
    outside.write_text("user notes\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    link = project / ".docs.papersite-state.json"
    link.symlink_to(outside)
    assert write_text_atomic(link, '{"state": 1}')
    assert outside.read_text(encoding="utf-8") == "user notes\n"
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == '{"state": 1}'
    # a link to a file that already holds the text is replaced too
    outside.write_text("same", encoding="utf-8")
    link.unlink()
    link.symlink_to(outside)
    assert write_text_atomic(link, "same") and not link.is_symlink()


def test_a_linked_previous_folder_is_never_restored(tmp_path: Path) -> None:
    """After a run that died, the previous docs/ comes back from `.docs.papersite-old`;
    a link of that name (a cloned project can hold one) brought an outside folder's files
    into docs/, and so onto the published site."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "id_rsa").write_text("key", encoding="utf-8")
    docs = tmp_path / "project" / "docs"
    docs.parent.mkdir()
    (docs.parent / ".docs.papersite-old").symlink_to(secret)
    recover_folder(docs)
    assert not docs.exists() and not (docs.parent / ".docs.papersite-old").exists()
    assert (secret / "id_rsa").read_text(encoding="utf-8") == "key"


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    write_text_atomic(tmp_path / "new.md", "x")
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o666 & ~umask
    (tmp_path / "old.md").write_text("x", encoding="utf-8")
    (tmp_path / "old.md").chmod(0o640)
    write_text_atomic(tmp_path / "old.md", "y")
    assert (tmp_path / "old.md").stat().st_mode & 0o777 == 0o640


def test_removing_a_paper_from_the_corpus_removes_its_page(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    docs = config.root / config.docs_dir
    first = Pipeline(config, analyzer=fixture_analyzer).generate()
    assert first.corpus is not None
    bare = fixture_slugs(first.corpus)["bare"]
    assert (first.written, first.removed) == (first.files, 0) and first.files > first.pages
    assert (docs / paper_doc(bare)).is_file()
    (docs / "notes.md").write_text("hand-made\n", encoding="utf-8")
    (docs / "papers" / "hand-made.md").write_text("hand-made\n", encoding="utf-8")

    before = set((docs / MANIFEST).read_text(encoding="utf-8").split())
    (config.root / "site_src" / "corpus" / "003_bare.txt").unlink()
    second = Pipeline(config, analyzer=fixture_analyzer).generate()

    gone = before - set((docs / MANIFEST).read_text(encoding="utf-8").split())
    # the paper's page, and the All papers order that opens the list when the share of
    # dated papers crosses one half (3 of 7 dated before, 3 of 6 after)
    assert gone - {"browse/title.md", "browse/newest.md"} == {paper_doc(bare)}
    assert second.removed == len(gone) and second.pages == first.pages - 1
    assert not (docs / paper_doc(bare)).exists()
    assert (docs / "notes.md").read_text(encoding="utf-8") == "hand-made\n"
    assert (docs / "papers" / "hand-made.md").read_text(encoding="utf-8") == "hand-made\n"
    assert 0 < second.written < second.pages  # pages listing the paper changed, no others
    assert paper_doc(bare) not in (docs / MANIFEST).read_text(encoding="utf-8")
    third = Pipeline(config, analyzer=fixture_analyzer).generate()
    assert (third.written, third.removed) == (0, 0)


def test_a_run_that_dies_mid_swap_leaves_the_previous_docs(tmp_path: Path) -> None:
    """Killed between the swap's two renames: the previous docs/ comes back whole."""
    docs = tmp_path / "docs"
    write_docs(docs, PAGES)
    docs.rename(tmp_path / ".docs.papersite-old")  # what the swap's first rename did
    (tmp_path / ".docs.papersite-new").mkdir()  # a half-built next version
    (tmp_path / ".docs.papersite-new" / "index.md").write_text("half", encoding="utf-8")
    recover_folder(docs)
    assert {p: (docs / p).read_text(encoding="utf-8") for p in PAGES} == PAGES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_a_previous_docs_that_cannot_be_removed_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder in docs/ kept the old version beside it, silently; every later
    run then failed with "Directory not empty" (root ignores modes: removal is refused
    here by replacing it)."""
    docs = tmp_path / "docs"
    write_docs(docs, PAGES)
    remove = shutil.rmtree

    def read_only(path: str | Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == ".docs.papersite-old" and not kwargs.get("ignore_errors"):
            raise PermissionError(13, "Permission denied", str(Path(path) / "papers" / "a.md"))
        remove(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", read_only)
    changed = {**PAGES, "papers/a.md": "# A, revised\n"}
    for _ in range(2):  # the run that leaves it, and the next one, which it stops
        with pytest.raises(OSError) as raised:
            write_docs(docs, changed)
        assert raised.value.filename == str(tmp_path / ".docs.papersite-old")
        assert raised.value.strerror == (
            "Permission denied: it holds the previous docs/, which could not be removed and "
            "stops every later run (make its folders writable, or delete it)"
        )
        assert (docs / "papers" / "a.md").read_text(encoding="utf-8") == "# A, revised\n"
    monkeypatch.setattr(shutil, "rmtree", remove)
    write_docs(docs, changed)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_a_killed_generate_leaves_the_previous_docs_whole(tmp_path: Path) -> None:
    """Generate, add papers, kill the next generate while it writes, take the papers out
    again: docs/ is exactly the first run's, and says so (issue 16, item 2)."""
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    root = config.root
    command = [sys.executable, "-m", "generator", "--root", str(root), "-q", "generate"]
    Pipeline(config).generate()  # in this process: only the run to kill needs its own
    docs = root / "docs"
    first = file_hashes(docs)
    extra = root / "site_src" / "corpus" / "009_more.txt"
    extra.write_text(_listing(400), encoding="utf-8")
    staging = root / ".docs.papersite-new"
    killed = False
    for _ in range(3):  # the kill must land while the next docs/ is being staged
        run = subprocess.Popen(command)
        while run.poll() is None and not (staging / "papers").is_dir():
            time.sleep(0.002)
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            run.wait()
            killed = True
            break
        shutil.rmtree(docs)  # it finished first: start again from the first run's docs/
        extra.unlink()
        Pipeline(config).generate()
        extra.write_text(_listing(400), encoding="utf-8")
    assert killed, "generate always finished before it could be killed"
    assert file_hashes(docs) == first  # the killed run changed nothing in docs/
    extra.unlink()
    Pipeline(config).generate()
    assert file_hashes(docs) == first
    assert not staging.exists()


def _listing(papers: int) -> str:
    """A search listing of `papers` made-up papers."""
    lines = ["Get trending papers in your email inbox!"]
    for n in range(papers):
        title = f"Synthetic Study Number {n} of Sparse Kernels"
        abstract = (
            f"We study sparse kernel number {n} and show that its spectrum decays quickly. "
            f"Experiments on benchmark {n % 7} confirm the bound for networks of depth {n % 5}."
        )
        lines += [("Subscribe" if n == 0 else "") + title, abstract]
    return "\n".join(lines) + "\n"


def test_a_hand_made_file_in_a_pages_place_is_refused_and_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs(docs, PAGES)
    (docs / "notes").mkdir()
    (docs / "notes" / "mine.md").write_text("my notes\n", encoding="utf-8")
    before = file_hashes(docs)

    with pytest.raises(HandMadeCollision) as refused:
        write_docs(docs, {**PAGES, "notes/mine.md": "# generated\n"})

    assert "notes/mine.md" in str(refused.value) and "did not write" in str(refused.value)
    assert file_hashes(docs) == before  # nothing written, nothing staged left over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_without_its_manifest_docs_is_not_overwritten(tmp_path: Path) -> None:
    """A lost manifest makes earlier pages look hand-made: refused (naming them), not lost;
    pages that are the same bytes as before are no collision."""
    docs = tmp_path / "docs"
    write_docs(docs, PAGES)
    (docs / MANIFEST).unlink()
    assert write_docs(docs, PAGES) == (0, 0)  # and the manifest is written again
    (docs / MANIFEST).unlink()
    with pytest.raises(HandMadeCollision) as refused:
        write_docs(docs, {**PAGES, "papers/a.md": "# A, new\n", "papers/b.md": "# B, new\n"})
    assert "papers/a.md (and 1 more: papers/b.md)" in str(refused.value)
    assert (docs / "papers" / "a.md").read_text(encoding="utf-8") == "# A\n"


def test_generate_refuses_a_hand_made_file_in_a_pages_place(tmp_path: Path) -> None:
    """Through the pipeline: a settings-kind error (exit 2) naming the file."""
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, FIXTURE_SITE_NAME)
    docs = config.root / config.docs_dir
    (docs / "papers").mkdir(parents=True)
    first = Pipeline(config, analyzer=fixture_analyzer).generate()
    assert first.corpus is not None
    page = docs / paper_doc(fixture_slugs(first.corpus)["bare"])
    (docs / MANIFEST).write_text("index.md\n", encoding="utf-8")  # the page is not listed
    page.write_text("my own page\n", encoding="utf-8")

    with pytest.raises(SettingsError) as refused:
        Pipeline(config, analyzer=fixture_analyzer).generate(force=True)
    assert refused.value.exit_code == 2 and page.name in str(refused.value)
    assert page.read_text(encoding="utf-8") == "my own page\n"


def test_hand_made_links_empty_folders_and_dotfiles_are_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs(docs, PAGES)
    (tmp_path / "extra").mkdir()
    (docs / "linked").symlink_to(tmp_path / "extra")
    (docs / "empty").mkdir()
    (docs / ".papersite-notes.md").write_text("mine\n", encoding="utf-8")
    write_docs(docs, {**PAGES, "papers/c.md": "# C\n"})
    assert (docs / "linked").is_symlink() and (docs / "linked").resolve() == tmp_path / "extra"
    assert (docs / "empty").is_dir()
    assert (docs / ".papersite-notes.md").read_text(encoding="utf-8") == "mine\n"


def test_a_link_where_a_pages_folder_goes_is_refused(tmp_path: Path) -> None:
    """Pages written into docs/papers/ must not land wherever a hand-made link points."""
    docs = tmp_path / "docs"
    (tmp_path / "elsewhere").mkdir()
    docs.mkdir()
    (docs / "papers").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(HandMadeCollision, match="papers"):
        write_docs(docs, PAGES)
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_the_same_corpus_gives_byte_identical_docs_in_fresh_projects(tmp_path: Path) -> None:
    """docs/ holds nothing that depends on when or where it was made (the run's state,
    with file times, is kept beside it)."""
    trees = []
    for name in ("first", "second"):
        config = make_project(tmp_path / name, FIXTURE_CORPUS, FIXTURE_SITE_NAME)
        Pipeline(config).generate()
        trees.append(file_hashes(config.root / config.docs_dir))
    assert trees[0] == trees[1] and trees[0]
