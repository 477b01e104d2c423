"""Strings that can always be written as UTF-8.

Python strings may hold lone surrogates (from ``json.loads('"\\ud800"')``, from a
file name that is not UTF-8, decoded with ``surrogateescape``). Such a string
cannot be encoded, so one record holding one would stop a whole batch at the
moment its output line is written. Every string that comes from outside passes
through here before it reaches a record or a message.
"""
from __future__ import annotations

import os
import re

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def without_surrogates(text: str) -> tuple[str, bool]:
    """``text`` with each lone surrogate replaced by U+FFFD, and whether any was."""
    if SURROGATE.search(text) is None:
        return text, False
    return SURROGATE.sub(REPLACEMENT, text), True


def printable(text: str) -> str:
    """``text`` safe to print or serialise (lone surrogates replaced)."""
    return without_surrogates(text)[0]


def printable_path(path: str | os.PathLike) -> str:
    """A file name for messages and ids: the bytes of a non-UTF-8 name are
    decoded with replacement, so it prints on any UTF-8 terminal or file."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="replace")
