"""A time budget for one unit of work (a record's ingest, one piece's analysis),
so that a runaway input becomes error C112 instead of stalling every record
behind it.

The budget is a SIGALRM timer. Python runs the handler between bytecodes and
inside ``re``'s matching loop, so it stops our code, trafilatura and a runaway
regular expression; a long call into compiled code (one parser pass of spaCy's)
is stopped when it returns. It only works in the main thread of a process on a
system with SIGALRM (Linux, macOS): elsewhere, and inside a budget already
running, the work runs without a limit of its own.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import CommuniqueError


class _Expired(BaseException):
    """Raised by the timer. A BaseException, so that an ``except Exception`` in the
    code being timed cannot swallow it."""


_running = False


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, source: str, stage: str) -> Iterator[None]:
    """Run the block within ``seconds`` (0: no limit), else raise C112 naming
    ``source`` and ``stage``."""
    global _running
    if not seconds or _running or not can_limit():
        yield
        return

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    _running = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise CommuniqueError("C112", source=source, limit=seconds, stage=stage) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _running = False
