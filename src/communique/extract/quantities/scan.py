"""Quantities: small readers of the raw text around a number (the word before or
after, a phrase ending right before a position, identifiers, clock-like figures).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import Unit


class Word(NamedTuple):
    """A word of the raw text (or a phrase, for ``ends_with``) and its character offsets."""
    text: str
    start: int
    end: int


class UnitAt(NamedTuple):
    """A unit written at a position, and where it ends."""
    unit: Unit
    end: int


IDENTIFIER = re.compile(r"[\w:./+\-−]*")


def unit_at(ctx, text: str, pos: int, glued_only: bool = False) -> UnitAt | None:
    """The unit written at pos (after optional spaces), or None."""
    m = (ctx.lex.unit_glued if glued_only else ctx.lex.unit_after).match(text, pos)
    if not m or m.end() == pos:
        return None
    u = ctx.lex.unit_for(m.group().strip())
    return UnitAt(u, m.end()) if u else None


def prev_word(ctx, text: str, pos: int) -> Word | None:
    """The word right before pos (spaces and one line break between)."""
    m = ctx.lex.word_before_rev.match(text[max(0, pos - 40):pos][::-1])
    if not m:
        return None
    run = m.group(1)[::-1]
    start = pos - m.end()
    k = 0
    while k < len(run) and not (run[k].isascii() and (run[k].isalpha() or run[k] == "#")):
        k += 1
    return Word(run[k:], start + k, start + len(run)) if k < len(run) else None


def ends_with(ctx, pattern: re.Pattern, text: str, pos: int, size: int) -> Word | None:
    """The phrase (as matched, spaces included) when pattern (reversed) ends right before pos."""
    m = pattern.match(text[max(0, pos - size):pos][::-1])
    return Word(m.group(1)[::-1], pos - m.end(), pos - m.end() + len(m.group(1))) if m else None


def next_word(ctx, text: str, pos: int) -> Word | None:
    """The word after pos (spaces and one line break between)."""
    m = ctx.lex.word_after.match(text, pos)
    return Word(m.group(1), m.start(1), m.end(1)) if m else None


def skip_space(text, pos):
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def identifier_end(text, pos):
    m = IDENTIFIER.match(text, pos)
    return m.end() if m else pos


def clock_like(raw: str) -> bool:
    m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", raw)
    return bool(m) and int(m.group(1)) <= 24 and (m.group(2) is None or int(m.group(2)) < 60)
