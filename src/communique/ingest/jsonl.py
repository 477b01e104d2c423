"""JSON Lines input, read so that no line can stop a batch.

A batch is split on ``\\n`` alone (a raw CR or U+2028 inside a record stays in
it; a CRLF line end is one line end), read as bytes and decoded line by line (a
line that is not UTF-8 is decoded with replacement and carries warning W101; a
UTF-8 BOM before the first record is dropped), and never held whole: a line over
``max_bytes`` is skipped as it is read, so memory stays bounded by the limit.
Every physical line gives exactly one :class:`InputLine`, blank ones included,
so a batch can keep its promise of one output line per input line.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Iterator

from ..errors import CommuniqueError, warning_text

BOM = b"\xef\xbb\xbf"
READ_CHUNK = 1 << 20


@dataclass
class InputLine:
    number: int  # 1-based physical line number
    text: str = ""  # the line without its line end
    warnings: list[str] = field(default_factory=list)
    error: CommuniqueError | None = None  # the line could not even be read (C103)


def read_lines(source: BinaryIO | bytes | str | Iterable[bytes | str], max_bytes: int) -> Iterator[InputLine]:
    """One InputLine per line of ``source``: a binary stream (read with a bounded
    buffer), a whole batch as bytes or str, or an iterable of lines as bytes or
    str (each with or without its line end)."""
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    elif isinstance(source, str):  # a whole batch in a string: split on LF alone
        source = source.split("\n")[:-1] if source.endswith("\n") else source.split("\n")
    raw = _bounded_lines(source, max_bytes) if hasattr(source, "readline") else _given_lines(source)
    for number, (line, size) in enumerate(raw, start=1):
        where = f"line {number}"
        if line is None:
            yield InputLine(number, error=CommuniqueError("C103", source=where, size=size, limit=max_bytes))
            continue
        if isinstance(line, str):
            yield InputLine(number, _strip_end(line, "\n", "\r", "\ufeff" if number == 1 else None))
            continue
        line = _strip_end(line, b"\n", b"\r", BOM if number == 1 else None)
        try:
            yield InputLine(number, line.decode("utf-8"))
        except UnicodeDecodeError:
            warning = warning_text("W101", source=where, encoding="UTF-8")
            yield InputLine(number, line.decode("utf-8", errors="replace"), [warning])


def _strip_end(line, newline, carriage_return, bom):
    """The line without its line end (LF or CRLF) and, on the first line, a BOM."""
    if line.endswith(newline):
        line = line[: -len(newline)]
        if line.endswith(carriage_return):
            line = line[: -len(carriage_return)]
    if bom and line.startswith(bom):
        line = line[len(bom):]
    return line


def _given_lines(lines: Iterable[bytes | str]) -> Iterator[tuple[bytes | str | None, int]]:
    for line in lines:
        yield line, len(line)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """Lines of a binary stream; a line longer than ``max_bytes`` (plus its line
    end) is read through in chunks and given as (None, its size)."""
    limit = max_bytes + 2  # room for CRLF
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if line.endswith(b"\n") or len(line) < limit:
            yield line, len(line)
            continue
        size = len(line)
        while True:
            rest = stream.readline(READ_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield None, size


def parse_json(text: str):
    """``json.loads`` that raises only ValueError-family errors: numbers past
    Python's integer-string limit read as floats, nesting too deep is invalid."""
    try:
        return json.loads(text, parse_int=_int_or_float, strict=False)  # raw control characters (a CR) inside strings are kept
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _int_or_float(digits: str):
    try:
        return int(digits)
    except ValueError:  # more digits than int() takes from a string
        return float(digits)
