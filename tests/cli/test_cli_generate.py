"""`papersite generate`: a run with unchanged inputs reads and rewrites nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import Run
from listing_texts import ABSTRACT, OTHER

from generator.state import state_file

LISTING = f"Get trending papers in your email inbox!\nSubscribeAlpha Net\n{ABSTRACT}\n"
MORE = f"Get trending papers in your email inbox!\nSubscribeBeta Net\n{OTHER}\n"


def _mtimes(docs: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def test_second_generate_is_skipped_until_an_input_changes(run: Run, project) -> None:
    root = project({"a.txt": LISTING})
    first = run(root, "generate")
    assert first.exit_code == 0, first.output
    assert "pages, 0 topics" in first.output and "files in docs/ rewritten" in first.output
    docs = root / "docs"
    before = _mtimes(docs)
    assert state_file(docs).is_file() and state_file(docs).parent == root  # beside docs/

    again = run(root, "generate")
    assert again.exit_code == 0, again.output
    assert "up to date" in again.output and "Timings" not in again.output
    assert _mtimes(docs) == before  # nothing rewritten

    forced = run(root, "generate", "--force")
    assert ": 0 of " in forced.output

    (root / "corpus" / "b.txt").write_text(MORE, encoding="utf-8")
    changed = run(root, "generate")
    assert "up to date" not in changed.output and "files in docs/ rewritten" in changed.output
    assert any(p.name == "beta-net.md" for p in docs.rglob("*.md"))


def test_a_deleted_page_is_regenerated(run: Run, project) -> None:
    root = project({"a.txt": LISTING})
    assert run(root, "generate").exit_code == 0
    page = next((root / "docs" / "papers").glob("*.md"))
    page.unlink()
    again = run(root, "generate")
    assert "up to date" not in again.output
    assert page.is_file()


def test_no_change_generate_does_not_load_the_analysis(run: Run, project) -> None:
    """The skip is fast because scikit-learn is not even imported (checked in a new
    interpreter, as a user runs it)."""
    root = project({"a.txt": LISTING})
    assert run(root, "generate").exit_code == 0
    code = (
        "import sys; from generator.cli import main\n"
        "try:\n    main(['--root', sys.argv[1], 'generate'])\nexcept SystemExit:\n    pass\n"
        "print('sklearn' in sys.modules)"
    )
    command = [sys.executable, "-c", code, str(root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr
    assert "up to date" in result.stdout + result.stderr
