"""Quantities, sub-stage 4: exclusions, what is not a quantity. Dates, clock times,
years, list numbers, citations, names and labels ("Boeing 737", "Article 5"), numbers
that are a reference back or a pronoun, and durations that are calendar periods.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .classify import counted_plural
from .numbers import Number
from .scan import clock_like, identifier_end, next_word, prev_word, skip_space


@dataclass(frozen=True)
class Candidate:
    """A number read with its tail, as the exclusion checks see it."""
    ctx: object            # the DocContext
    num: Number
    value: float
    unit: object           # Unit | None
    currency: str | None
    start: int             # start of the quantity (currency sign included)
    end: int               # end of the quantity so far (unit included)

    @property
    def text(self) -> str:
        return self.ctx.text

    @cached_property
    def raw(self) -> str:
        return self.text[self.num.start:self.num.end]

    @property
    def has_unit(self) -> bool:
        return self.unit is not None or self.currency is not None

    @cached_property
    def next(self):
        """(word, start, end) of the word after, or None."""
        return next_word(self.ctx, self.text, self.end)

    @cached_property
    def prev(self):
        """(word, start) of the word right before, when only spaces stand between; else None."""
        prev = prev_word(self.ctx, self.text, self.start)
        if prev is not None and self.text[prev[1] + len(prev[0]):self.start].strip(" \t") == "":
            return prev
        return None

    @property
    def next_adjacent(self) -> bool:
        return bool(self.next) and self.text[self.end:self.next[1]].strip() == ""

    @property
    def bare_whole_figure(self) -> bool:
        return self.num.digits and not self.has_unit and self.value == int(self.value)


def _clock_time(c: Candidate) -> int:
    """"2 pm", "0355 EST", "10.30 a.m."."""
    if c.num.digits and c.next_adjacent and (c.unit is None or c.unit.alias == "pm"):
        w = c.next[0].lower()
        if (w in c.ctx.lex.clock_words or w.rstrip(".") in c.ctx.lex.clock_words) and (
                clock_like(c.raw) or re.fullmatch(r"[0-2]\d[0-5]\d", c.raw)):
            return c.next[2]
    return 0


def _clock_hours(c: Candidate) -> int:
    """"1000 hrs", "0600 hours": a clock time."""
    if c.num.digits and c.unit is not None and c.unit.name == "hour" and re.fullmatch(r"[0-2]\d[0-5]\d", c.raw):
        return c.end
    return 0


def _leading_zero(c: Candidate) -> int:
    """"0355", codes."""
    return c.end if c.num.digits and re.fullmatch(r"0\d+", c.raw) else 0


def _two_numbers_in_a_row(c: Candidate) -> int:
    """"245 23 yen": not a quantity we can read."""
    if c.num.digits and not c.has_unit and re.match(r"[ \t]+\d", c.text[c.end:c.end + 3]):
        return identifier_end(c.text, skip_space(c.text, c.end))
    return 0


def _date_month_before(c: Candidate) -> int:
    """"December 30", "May 2022", "December 30, 2022"."""
    if c.bare_whole_figure and c.prev and c.prev[0].lower().rstrip(".") in c.ctx.lex.months:
        return c.end
    return 0


def _date_month_after(c: Candidate) -> int:
    """"30 December", "30 of May"."""
    if c.bare_whole_figure and c.next and c.next[0].lower().rstrip(".") in c.ctx.lex.months and \
            c.text[c.end:c.next[1]].strip(" \t") in ("", "of"):
        return c.end
    return 0


def _year(c: Candidate) -> int:
    """"in 2023", "2013-14", "the 2022 budget" (but "1500 soldiers")."""
    if not (c.bare_whole_figure and re.fullmatch(r"\d{4}", c.raw) and 1000 <= c.value <= 2100):
        return 0
    ym = re.match(r"[ \t]*[-–/][ \t]*(\d{2}|\d{4})(?!\d)", c.text[c.end:c.end + 8])
    if ym:
        return c.end + ym.end()
    if c.value >= 1900 or not counted_plural(c.ctx, c.text, c.end) or (
            c.prev and c.prev[0].lower() in c.ctx.lex.definite):
        return c.end
    return 0


def _rate_denominator(c: Candidate) -> int:
    """"seven per 100,000 people"."""
    return c.end if c.prev and c.prev[0].lower() == "per" and not c.has_unit else 0


def _capitalised_word_name(c: Candidate) -> int:
    """A capitalised number word inside a sentence, before a name: "Six Flags", "Three Gorges"."""
    if not c.num.digits and c.text[c.num.start].isupper() and c.next_adjacent and c.next[0][:1].isupper() \
            and not starts_sentence(c.ctx, c.num.start):
        return c.next[2]
    return 0


def _label(c: Candidate) -> int:
    """"Article 5", "number 1/0"."""
    if c.prev and not c.has_unit and _is_label(c):
        return identifier_end(c.text, c.end)
    return 0


def _is_label(c: Candidate) -> bool:
    low = c.prev[0].lower()
    return low in c.ctx.lex.labels or low.rstrip(".") in c.ctx.lex.labels


def _name_before(c: Candidate) -> int:
    """"Boeing 737", "Voyager 2": a capitalised word that is not a month, a modifier or a function word."""
    if not c.prev or c.has_unit or _is_label(c) or not c.prev[0][:1].isupper():
        return 0
    lex = c.ctx.lex
    low = c.prev[0].lower()
    if low.rstrip(".") in lex.months or low in lex.approximate or low in lex.bounds or low in lex.number_words \
            or low in lex.not_name_words:
        return 0
    return identifier_end(c.text, c.end) if is_name_before(c.ctx, c.prev[1]) else 0


# In order; the first that answers decides.
EXCLUSIONS = (_clock_time, _clock_hours, _leading_zero, _two_numbers_in_a_row, _date_month_before,
              _date_month_after, _year, _rate_denominator, _capitalised_word_name, _label, _name_before)


def excluded_end(ctx, text, num: Number, value, unit, currency, start, end) -> int:
    """End of the text to skip when num is a date, a time, a year, a name or a label; else 0."""
    candidate = Candidate(ctx, num, value, unit, currency, start, end)
    for check in EXCLUSIONS:
        skip = check(candidate)
        if skip:
            return skip
    return 0


def bare_excluded(ctx, text: str, start: int, end: int) -> bool:
    """A bare number that is list numbering, a citation or a score."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() == "" and re.match(r"[.)]\s", text[end:end + 2]):
        return True
    if start > 0 and text[start - 1] == "[" and text[end:end + 1] == "]":
        return True
    return False


def starts_sentence(ctx, char: int) -> bool:
    t = ctx.token_at(char)
    return t is None or t.is_sent_start or (t.i > 0 and ctx.doc[t.i - 1].is_space and "\n" in ctx.doc[t.i - 1].text)


def is_name_before(ctx, word_start: int) -> bool:
    """A capitalised word before the number names it ("Boeing 737", "Voyager 2"),
    unless it only opens the sentence."""
    t = ctx.token_at(word_start)
    if t is None:
        return True
    if t.is_sent_start or (t.i > 0 and ctx.doc[t.i - 1].text in ("\n", '"', "“", "(", "•", "-", "—")):
        return ctx.has_tags and t.pos_ == "PROPN"
    return True


def anchored_duration(ctx, text: str, start: int, end: int) -> bool:
    lex = ctx.lex
    window = text[max(0, start - 30):start].lower()
    words = re.findall(r"[a-z]+", window)
    if words and words[-1] in lex.anchors_before:
        return True
    after = re.match(r"[\s']*([a-z]+)(?:\s+([A-Za-z]+))?", text[end:end + 30])
    if not after:
        return False
    word, then = after.group(1).lower(), after.group(2) or ""
    if word in lex.anchors_after or f"{word} {then.lower()}" in lex.anchors_after:
        # "three days ago", "two weeks later"; "three days before the vote", "a week into the war"
        return word not in lex.anchors_relative or then.lower() in lex.definite or then[:1].isupper()
    return False
