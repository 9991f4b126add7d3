"""The `papersite` command: Ctrl+C while the command's modules load (a few tenths of a
second) ends as an interrupted command does, "Aborted!" and exit 1, not with the
traceback of an import. From then on click says the same. A file the system refuses
ends it with a message too.

SIGTERM (`kill`, a CI job's time limit, a container stopping) ends it as Ctrl+C does,
through the same clean-up (a half-built site's folder is removed, what was there stays),
with the shell's exit code for it, 143. Worker processes go back to the default
(workers.py): the pool stops them with SIGTERM; one stopped before it resets its
handler ends at once, as by default.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import NoReturn

TERMINATED = 128 + signal.SIGTERM  # what a shell reports for a process SIGTERM ended
_terminated = False
_command_pid = 0  # the command's process (run): a forked worker inherits the handler


def _exit_terminated() -> NoReturn:
    """Exit 143 now, the clean-up done: CPython ends a process whose interrupt passed
    through code run from a string (dataclasses make theirs so) by SIGINT at its exit,
    whatever SystemExit said (about 1 run in 8, a review found)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(TERMINATED)


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    global _terminated
    if os.getpid() != _command_pid:  # a worker just forked: end quietly, as by default
        os._exit(TERMINATED)
    _terminated = True
    raise KeyboardInterrupt


def run() -> None:
    """Load the command line, then run it. A file the system refuses (a name too long
    for it, a link that loops) ends the command with the file named, not a traceback."""
    global _command_pid
    _command_pid = os.getpid()
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        from generator.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        if _terminated:
            _exit_terminated()
        raise SystemExit(1) from None
    try:
        main()
    except SystemExit:
        if _terminated:  # click said "Aborted!" and exits 1, as for Ctrl+C
            _exit_terminated()
        raise
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"Error: {where}{error.strerror or error}\n")
        raise SystemExit(1) from None
    except RuntimeError as error:
        if "Symlink loop" not in str(error):  # pathlib's resolve(): a link that loops
            raise
        sys.stderr.write(f"Error: {error}\n")
        raise SystemExit(1) from None
