"""The `papersite` command: Ctrl+C while the command's modules load (a few tenths of a
second) ends as an interrupted command does, "Aborted!" and exit 1, not with the
traceback of an import. From then on click says the same."""

from __future__ import annotations

import sys


def run() -> None:
    """Load the command line, then run it."""
    try:
        from generator.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(1) from None
    main()
