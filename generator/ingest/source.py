"""Turn a corpus file's bytes into numbered text lines, reporting what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import MergeAction, MergeEntry, Problem, Severity, SourceRef

MAX_LINE_CHARS = 100_000
_BINARY_SAMPLE = 8192


@dataclass(frozen=True)
class Line:
    """One line of a corpus file: its 1-based number and its text (no line break)."""

    number: int
    text: str


@dataclass(frozen=True)
class SourceText:
    """A decoded corpus file: usable lines, plus problems and lines rejected on the way."""

    file: str
    lines: tuple[Line, ...]
    problems: tuple[Problem, ...]
    rejected: tuple[MergeEntry, ...]
    binary: bool = False


def decode_source(file: str, data: bytes) -> SourceText:
    """Split `data` into lines; non-UTF-8 lines fall back to cp1252 with a warning."""
    if b"\x00" in data[:_BINARY_SAMPLE] or _mostly_control(data[:_BINARY_SAMPLE]):
        problem = _problem(file, 0, Severity.ERROR, "binary file (not text): skipped")
        return SourceText(file, (), (problem,), (_rejection(file, 0, "binary file"),), True)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines: list[Line] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        text = _decode_line(file, number, raw, problems)
        if len(text) > MAX_LINE_CHARS:
            message = (
                f"line is {len(text):,} characters long, more than the {MAX_LINE_CHARS:,} "
                "a listing line may hold: rejected"
            )
            problems.append(_problem(file, number, Severity.ERROR, message))
            rejected.append(_rejection(file, number, f"overlong line ({len(text):,} characters)"))
            continue
        lines.append(Line(number, text))
    return SourceText(file, tuple(lines), tuple(problems), tuple(rejected))


def _decode_line(file: str, number: int, raw: bytes, problems: list[Problem]) -> str:
    """Decode one line as UTF-8, else as cp1252 (nothing lost), warning about it."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = (
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1}); "
            "read as Windows-1252"
        )
        problems.append(_problem(file, number, Severity.WARNING, message))
        return raw.decode("cp1252", errors="replace")


def _mostly_control(sample: bytes) -> bool:
    """True when many bytes of `sample` are control characters that text never holds."""
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample) > 0.1


def _problem(file: str, line: int, severity: Severity, message: str) -> Problem:
    return Problem(SourceRef(file, line), severity, message)


def _rejection(file: str, line: int, detail: str) -> MergeEntry:
    return MergeEntry(MergeAction.REJECTED, "", (SourceRef(file, line),), detail)
