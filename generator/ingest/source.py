"""Turn a corpus file's bytes into numbered text lines, reporting what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import MergeAction, MergeEntry, Problem, Severity, SourceRef

MAX_LINE_CHARS = 100_000
BINARY_SAMPLE = 8192
_TEXT_CONTROLS = frozenset({9, 10, 12, 13})  # tab, line feed, form feed, carriage return


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
    # Rejected lines holding an odd number of `"`: a CSV cell opens or closes in them.
    odd_quotes: frozenset[int] = frozenset()


def decode_source(file: str, data: bytes) -> SourceText:
    """Split `data` into lines; non-UTF-8 lines fall back to cp1252 with a warning.

    UTF-16 is read with or without a byte-order mark. A file is binary (skipped) only
    when control bytes are a tenth of its start; a stray NUL byte is removed from its
    line, with a warning, and the file read as the text it is.
    """
    problems: list[Problem] = []
    data, encoding, bad_line = _from_utf16(data)
    if encoding:
        message = f"no byte-order mark: read as {encoding}"
        problems.append(_problem(file, 1, Severity.WARNING, message))
    if bad_line:
        message = "bytes that are not UTF-16 text (the first on this line) shown as \ufffd"
        problems.append(_problem(file, bad_line, Severity.WARNING, message))
    if _mostly_control(data[:BINARY_SAMPLE]):
        line = _binary_line(data[:BINARY_SAMPLE])
        message = "binary file, not text (first control byte on this line): skipped"
        problem = _problem(file, line, Severity.ERROR, message)
        return SourceText(file, (), (problem,), (_rejection(file, line, "binary file"),), True)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines: list[Line] = []
    rejected: list[MergeEntry] = []
    odd_quotes: set[int] = set()
    raw_lines, lone_cr = _split_lines(data)
    if lone_cr:
        message = (
            "a carriage return inside a line (the first on this line; the file's lines end "
            "with line feeds) read as a space: if it ends a line, convert the line ends"
        )
        problems.append(_problem(file, lone_cr, Severity.WARNING, message))
    for number, raw in enumerate(raw_lines, start=1):
        if b"\x00" in raw:
            raw = raw.replace(b"\x00", b"")
            message = "NUL bytes (corrupted text?) removed from this line"
            problems.append(_problem(file, number, Severity.WARNING, message))
        text = _decode_line(file, number, raw, problems)
        if len(text) > MAX_LINE_CHARS:
            message = (
                f"line is {len(text):,} characters long, more than the {MAX_LINE_CHARS:,} "
                "a listing line may hold: rejected"
            )
            problems.append(_problem(file, number, Severity.ERROR, message))
            rejected.append(_rejection(file, number, f"overlong line ({len(text):,} characters)"))
            if text.count('"') % 2:
                odd_quotes.add(number)
            continue
        lines.append(Line(number, text))
    return SourceText(
        file, tuple(lines), tuple(problems), tuple(rejected), False, frozenset(odd_quotes)
    )


def _split_lines(data: bytes) -> tuple[list[bytes], int]:
    """The lines of `data` and the number of the first line holding a lone carriage
    return read as a space (else 0). Where lone CRs are at least as many as LFs, CR ends
    lines (a classic Mac file, an old Excel CSV whose cells break at LF, or such a file
    joined to another): split at every line end, as before. Where they are rarer, a lone
    CR is a stray character and reads as a space: split there, it cut an abstract in
    two, which then read as a title and a paper (and every later line number was one
    off)."""
    lone = data.count(b"\r") - data.count(b"\r\n")
    if not lone or lone >= data.count(b"\n"):
        return data.splitlines(), 0
    lines = data.split(b"\n")
    if not lines[-1]:
        lines.pop()
    lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]
    first = next((n for n, line in enumerate(lines, start=1) if b"\r" in line), 0)
    return [line.replace(b"\r", b" ") for line in lines], first


def _decode_line(file: str, number: int, raw: bytes, problems: list[Problem]) -> str:
    """Decode one line as UTF-8, else as cp1252 (nothing lost), warning about it."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        text = raw.decode("cp1252", errors="replace")
        unmapped = text.count("\ufffd")
        message = (
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1}); "
            "read as Windows-1252"
            + (f" ({unmapped} bytes it has no character for shown as \ufffd)" if unmapped else "")
        )
        problems.append(_problem(file, number, Severity.WARNING, message))
        return text


def _from_utf16(data: bytes) -> tuple[bytes, str, int]:
    """Re-encode UTF-16 text as UTF-8: with a byte-order mark, or without one when every
    other byte of its start is zero (ASCII-range text). Returns the text, the encoding
    guessed (else "") and the line of the first bytes that are not UTF-16 (else 0): a
    stray byte or a lone surrogate is kept as U+FFFD, so it costs no line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf8, bad_line = _utf16_as_utf8(data, "utf-16")
        return utf8, "", bad_line
    sample = data[:BINARY_SAMPLE]
    if len(sample) >= 4:
        sample = sample[: len(sample) // 2 * 2]
        even, odd = sample[0::2], sample[1::2]
        for encoding, zeros, text in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
            if zeros.count(0) > 0.9 * len(zeros) and text.count(0) < 0.1 * len(text):
                utf8, bad_line = _utf16_as_utf8(data, encoding.lower())
                return utf8, encoding, bad_line
    return data, "", 0


def _utf16_as_utf8(data: bytes, encoding: str) -> tuple[bytes, int]:
    """`data` decoded from UTF-16 and encoded as UTF-8, and the line of the first bytes
    that could not be decoded (now U+FFFD), else 0."""
    try:
        return data.decode(encoding).encode("utf-8"), 0
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        return data.decode(encoding, errors="replace").encode("utf-8"), line


def _binary_line(sample: bytes) -> int:
    """The line holding the first byte that text never holds."""
    first = next((i for i, b in enumerate(sample) if b < 32 and b not in _TEXT_CONTROLS), 0)
    return sample[:first].count(b"\n") + 1


def _mostly_control(sample: bytes) -> bool:
    """True when many bytes of `sample` are control characters that text never holds."""
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return control / len(sample) > 0.1


def _problem(file: str, line: int, severity: Severity, message: str) -> Problem:
    return Problem(SourceRef(file, line), severity, message)


def _rejection(file: str, line: int, detail: str) -> MergeEntry:
    return MergeEntry(MergeAction.REJECTED, "", (SourceRef(file, line),), detail)
