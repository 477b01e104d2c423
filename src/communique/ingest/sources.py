"""Read raw input (a file's bytes) safely: existence, size, gzip, binary data, encoding."""
from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CommuniqueError, warning_text

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


@dataclass
class RawText:
    source: str
    text: str
    warnings: list[str] = field(default_factory=list)


def read_file(path: str | Path, max_bytes: int) -> RawText:
    """Read a text or HTML file (optionally gzipped) with the checks every input gets."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise CommuniqueError("C101", path=source)
    if path.is_dir():
        raise CommuniqueError("C102", path=source, reason="it is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CommuniqueError("C103", source=source, size=size, limit=max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CommuniqueError("C102", path=source, reason=exc.strerror or str(exc)) from None
    return decode_bytes(data, source, max_bytes)


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
    check_not_binary(data, source)
    warnings = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        warnings.append(warning_text("W101", source=source))
    return RawText(source, text, warnings)


def check_not_binary(data: bytes | str, source: str) -> None:
    head = data[:8192]
    if isinstance(head, bytes):
        for signature, kind in BINARY_SIGNATURES.items():
            if head.startswith(signature):
                raise CommuniqueError("C104", source=source, reason=f"it starts like {kind}")
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
