"""The `papersite` command: Ctrl+C while the command's modules load (a few tenths of a
second) ends as an interrupted command does, "Aborted!" and exit 1, not with the
traceback of an import. From then on click says the same. A file the system refuses
ends it with a message too."""

from __future__ import annotations

import sys


def run() -> None:
    """Load the command line, then run it. A file the system refuses (a name too long
    for it, a link that loops) ends the command with the file named, not a traceback."""
    try:
        from generator.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(1) from None
    try:
        main()
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"Error: {where}{error.strerror or error}\n")
        raise SystemExit(1) from None
    except RuntimeError as error:
        if "Symlink loop" not in str(error):  # pathlib's resolve(): a link that loops
            raise
        sys.stderr.write(f"Error: {error}\n")
        raise SystemExit(1) from None
