"""An output file that appears whole or not at all.

A batch's output is written to a file with no name in the target's folder (Linux
``O_TMPFILE``) and given the target's name only when the batch has finished, in
one step (a hard link to a fresh name, then a rename over the target). A run that
fails, is interrupted or is killed with SIGKILL leaves the earlier file as it was
and no stray file behind. Where the system has no nameless files, a hidden
``.NAME.PID.partial`` beside the target is used and removed on any failure the
process lives through (a SIGKILL can leave that one behind).

Every failure to write is error C113, naming the target: found before the batch
starts where it can be (a folder, a missing folder, no permission), or as it
happens (disk full).
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import CommuniqueError
from .ingest.unicode_safety import printable_path


class AtomicOutput:
    def __init__(self, target: Path):
        self.target = Path(target)
        self.shown = printable_path(target)
        self.folder = self.target.parent
        self._named: Path | None = None  # the fallback's visible temporary file
        try:
            if self.target.is_dir():
                raise CommuniqueError("C113", path=self.shown, reason="it is a directory")
            if not self.folder.is_dir():
                raise CommuniqueError("C113", path=self.shown, reason=f"no folder {printable_path(self.folder)!r}")
            self._fd = self._open()
        except OSError as exc:
            raise self._error(exc) from None
        self.handle = os.fdopen(self._fd, "w", encoding="utf-8", newline="\n")

    def _open(self) -> int:
        flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
        if hasattr(os, "O_TMPFILE"):
            try:
                return os.open(self.folder, flags | os.O_TMPFILE, 0o644)
            except OSError as exc:  # a file system without nameless files: use a named one
                if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                    raise
        self._named = self.folder / f".{self.target.name}.{os.getpid()}.partial"
        return os.open(self._named, flags | os.O_CREAT | os.O_TRUNC, 0o644)

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:
            self.discard()
            raise self._error(exc) from None

    def write_bytes(self, data: bytes) -> None:
        """Binary content (a PNG): written under the same text handle's file."""
        try:
            self.handle.flush()
            self.handle.buffer.write(data)
        except OSError as exc:
            self.discard()
            raise self._error(exc) from None

    def commit(self) -> None:
        """Flush to disk and give the file the target's name."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            if self._named is None:
                fresh = self.folder / f".{self.target.name}.{os.getpid()}.new"
                fresh.unlink(missing_ok=True)
                # linkat(AT_SYMLINK_FOLLOW) on the /proc link names the open file; os.link
                # calls plain link() (which does not follow) unless a dir fd is given.
                folder_fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
                try:
                    os.link(f"/proc/self/fd/{self.handle.fileno()}", fresh, src_dir_fd=folder_fd,
                            follow_symlinks=True)
                finally:
                    os.close(folder_fd)
                os.replace(fresh, self.target)
            else:
                os.replace(self._named, self.target)
                self._named = None
            self.handle.close()
        except OSError as exc:
            self.discard()
            raise self._error(exc) from None

    def discard(self) -> None:
        """Drop what was written; the earlier file at the target is untouched."""
        try:
            self.handle.close()
        except OSError:
            pass
        if self._named is not None:
            self._named.unlink(missing_ok=True)
            self._named = None

    def _error(self, exc: OSError) -> CommuniqueError:
        return CommuniqueError("C113", path=self.shown, reason=exc.strerror or str(exc))
