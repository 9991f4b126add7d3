"""The `papersite` command as a process: how it ends when it is told to stop."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from paths import REPO
from sitebuild import BuiltSite, file_hashes

from generator.console import TERMINATED

# A hook that holds the build once MkDocs has written the new site (into its staging
# folder), and says so: the signal then always comes mid-build.
HOLD_HOOK = """
import pathlib, time

def on_post_build(config):
    pathlib.Path({marker!r}).write_text("built")
    time.sleep(60)
"""


def test_sigterm_mid_build_leaves_the_site_as_it_was_and_no_staging_folder(
    fixture_site: BuiltSite, tmp_path: Path
) -> None:
    """A CI job's time limit or `kill` stopped a build with SIGTERM's default: the half-
    built site's folder stayed beside site/ until the next run. It now ends as Ctrl+C
    does: the new folder removed, site/ untouched, exit code 143."""
    root = tmp_path / "project"
    shutil.copytree(fixture_site.config.root, root, symlinks=True)
    before = file_hashes(root / "site")
    marker = tmp_path / "held"
    (root / "hold.py").write_text(HOLD_HOOK.format(marker=str(marker)), encoding="utf-8")
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text("utf-8") + "\nhooks: [hold.py]\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "generator", "--root", str(root), "build", "--force"]
    build = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert build.poll() is None, build.communicate()[1]
            assert time.monotonic() < deadline, "the build never reached its hook"
            time.sleep(0.05)
        assert (root / ".site.papersite-new").is_dir()  # what the signal used to leave
        build.send_signal(signal.SIGTERM)
        _, stderr = build.communicate(timeout=60)
    finally:
        build.kill()
    assert "Traceback" not in stderr, stderr
    assert stderr.rstrip().endswith("Aborted!"), stderr
    assert build.returncode == TERMINATED == 143
    assert not (root / ".site.papersite-new").exists()
    assert file_hashes(root / "site") == before


FORKED_BEFORE_RESET = """
import os, signal
from generator import console

console._command_pid = os.getpid()  # as run() sets them
signal.signal(signal.SIGTERM, console._interrupt)
pid = os.fork()
if pid == 0:  # a worker between its fork and its own SIGTERM setting (workers.py)
    os.kill(os.getpid(), signal.SIGTERM)
    os._exit(0)  # not reached when the signal ends it
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""


def test_sigterm_in_a_worker_before_it_resets_the_handler_ends_it_quietly() -> None:
    """The pool stops workers with SIGTERM; one forked a moment before carries the
    command's handler, whose interrupt would print a traceback into the terminal."""
    run = subprocess.run(
        [sys.executable, "-c", FORKED_BEFORE_RESET], capture_output=True, text=True, timeout=30
    )
    assert run.stdout.split() == [str(TERMINATED)]
    assert run.stderr == ""
