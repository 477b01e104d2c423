"""Read raw input (a file's bytes) safely: existence, size, gzip, binary data, encoding.

Every failure is a coded error naming the input (its name made printable, see
``unicode_safety.printable_path``), never a traceback. Text in UTF-16 or UTF-32
(with a byte order mark, or UTF-16 without one when its NUL bytes alternate as
ASCII text in UTF-16 makes them) is decoded, and the binary check then runs on
the decoded text: its NUL bytes are the encoding's, not binary data.
"""
from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CommuniqueError, warning_text
from .unicode_safety import printable_path

GZIP_MAGIC = b"\x1f\x8b"
BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
CONTROL_SHARE_LIMIT = 0.05
# Byte order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
UTF16_SAMPLE = 4096
UTF16_NUL_SHARE = 0.3   # of the bytes on one side (odd or even offsets) at least
UTF16_OTHER_SIDE = 0.02  # and of those on the other side at most
NOT_FOUND = (errno.ENOENT, errno.ENOTDIR)


@dataclass
class RawText:
    source: str
    text: str
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path, max_bytes: int) -> RawText:
    """Read a text or HTML file (optionally gzipped) with the checks every input gets."""
    source = printable_path(path)
    try:
        path = Path(os.fsdecode(path))  # a bytes name too (decoded as the file system does)
        info = path.stat()  # not path.exists(): it lets PermissionError and ENAMETOOLONG through
    except OSError as exc:
        if exc.errno in NOT_FOUND:
            raise CommuniqueError("C101", path=source) from None
        raise CommuniqueError("C102", path=source, reason=_reason(exc)) from None
    except (TypeError, ValueError) as exc:  # e.g. an embedded NUL in the name
        raise CommuniqueError("C102", path=source, reason=str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise CommuniqueError("C102", path=source, reason="it is a directory")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise CommuniqueError("C103", source=source, size=info.st_size, limit=max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CommuniqueError("C102", path=source, reason=_reason(exc)) from None
    if len(data) > max_bytes:  # a file that grew, or a device or pipe without a size
        raise CommuniqueError("C103", source=source, size=len(data), limit=max_bytes)
    return decode_bytes(data, source, max_bytes)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def decode_bytes(data: bytes, source: str, max_bytes: int) -> RawText:
    """Bytes to text: gunzip if needed, refuse binary data, decode UTF-8 with
    replacement (and a warning) rather than fail."""
    if data.startswith(GZIP_MAGIC):
        try:
            data = _gunzip(data, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            raise CommuniqueError("C104", source=source, reason=f"a damaged gzip stream: {exc}") from None
        if len(data) > max_bytes:
            raise CommuniqueError("C103", source=source + " (uncompressed)", size=len(data), limit=max_bytes)
    _check_signatures(data, source)
    warnings = []
    encoding, bom = _wide_encoding(data)
    if encoding is not None:
        try:
            text = data[bom:].decode(encoding)
        except UnicodeDecodeError:
            text = data[bom:].decode(encoding, errors="replace")
            warnings.append(warning_text("W101", source=source, encoding=encoding.upper()))
        check_not_binary(text, source)
        return RawText(source, text, warnings)
    check_not_binary(data, source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        warnings.append(warning_text("W101", source=source, encoding="UTF-8"))
    return RawText(source, text, warnings)


def _wide_encoding(data: bytes) -> tuple[str | None, int]:
    """(encoding, length of its byte order mark) for UTF-16 or UTF-32 text, else (None, 0).

    Without a mark, UTF-16 is recognised by its NUL bytes: text that is mostly
    ASCII has a NUL in every other byte, on the odd offsets in little-endian
    order and on the even ones in big-endian, and almost none on the other side
    (binary data with NULs has them on both sides)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    sample = data[:UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None, 0
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= UTF16_NUL_SHARE * half and even <= UTF16_OTHER_SIDE * half:
        return "utf-16-le", 0
    if even >= UTF16_NUL_SHARE * half and odd <= UTF16_OTHER_SIDE * half:
        return "utf-16-be", 0
    return None, 0


def _check_signatures(data: bytes, source: str) -> None:
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise CommuniqueError("C104", source=source, reason=f"it starts like {kind}")


def check_not_binary(data: bytes | str, source: str) -> None:
    head = data[:8192]
    if isinstance(head, bytes):
        _check_signatures(head, source)
        nul = b"\x00"
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    else:
        nul = "\x00"
        controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\f\r")
    if nul in head:
        raise CommuniqueError("C104", source=source, reason="it contains NUL bytes")
    if head and controls / len(head) > CONTROL_SHARE_LIMIT:
        raise CommuniqueError("C104", source=source, reason=f"{controls} control characters in its first {len(head)} bytes")


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        return handle.read(max_bytes + 1)
