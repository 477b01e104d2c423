"""Quantities, sub-stage 4: exclusions, what is not a quantity. Dates, clock times,
years, list numbers, citations, names and labels ("Boeing 737", "Article 5"), numbers
that are a reference back or a pronoun, and durations that are calendar periods.
"""
from __future__ import annotations

import re

from .classify import counted_plural
from .numbers import Number
from .scan import clock_like, identifier_end, next_word, prev_word, skip_space


def excluded_end(ctx, text, num: Number, value, unit, currency, start, end) -> int:
    """End of the text to skip when num is a date, a time, a year, a name or a label; else 0."""
    lex = ctx.lex
    raw = text[num.start:num.end]
    has_unit = unit is not None or currency is not None
    nxt = next_word(ctx, text, end)
    prev = prev_word(ctx, text, start)
    gap_prev = prev is not None and text[prev[1] + len(prev[0]):start].strip(" \t") == ""
    # clock: "2 pm", "0355 EST", "10.30 a.m."
    if num.digits and nxt and text[end:nxt[1]].strip() == "" and (unit is None or unit.alias == "pm"):
        w = nxt[0].lower()
        if w in lex.clock_words or w.rstrip(".") in lex.clock_words:
            if clock_like(raw) or re.fullmatch(r"[0-2]\d[0-5]\d", raw):
                return nxt[2]
    if num.digits and unit is not None and unit.name == "hour" and re.fullmatch(r"[0-2]\d[0-5]\d", raw):
        return end  # "1000 hrs", "0600 hours": a clock time
    if num.digits and re.fullmatch(r"0\d+", raw):
        return end  # "0355", codes
    # two numbers in a row: "245 23 yen" (not a quantity we can read)
    if num.digits and not has_unit and re.match(r"[ \t]+\d", text[end:end + 3]):
        return identifier_end(text, skip_space(text, end))
    if num.digits and not has_unit and value == int(value):
        # dates: "December 30", "30 December", "May 2022", "December 30, 2022"
        if prev and gap_prev and prev[0].lower().rstrip(".") in lex.months:
            return end
        if nxt and nxt[0].lower().rstrip(".") in lex.months and text[end:nxt[1]].strip(" \t") in ("", "of"):
            return end
        # years: "in 2023", "2013-14", "the 2022 budget" (but "1500 soldiers")
        if re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2100:
            ym = re.match(r"[ \t]*[-–/][ \t]*(\d{2}|\d{4})(?!\d)", text[end:end + 8])
            if ym:
                return end + ym.end()
            if value >= 1900 or not counted_plural(ctx, text, end) or (
                    prev and gap_prev and prev[0].lower() in lex.definite):
                return end  # "in 2023", "the 2018 elections" (but "1500 soldiers")
    # the denominator of a rate: "seven per 100,000 people"
    if prev and gap_prev and prev[0].lower() == "per" and not has_unit:
        return end
    # a capitalised number word inside a sentence, before a name: "Six Flags", "Three Gorges"
    if not num.digits and text[num.start].isupper() and nxt and nxt[0][:1].isupper() and \
            text[end:nxt[1]].strip() == "" and not starts_sentence(ctx, num.start):
        return nxt[2]
    # labels and names: "Article 5", "number 1/0", "Boeing 737", "Voyager 2"
    if prev and gap_prev:
        word = prev[0]
        low = word.lower()
        if low in lex.labels or low.rstrip(".") in lex.labels:
            if not has_unit:
                return identifier_end(text, end)
        elif word[:1].isupper() and not has_unit and low.rstrip(".") not in lex.months:
            if not (low in lex.approximate or low in lex.bounds or low in lex.number_words
                    or low in ("between", "from", "and", "or", "to", "the", "a", "an")):
                if is_name_before(ctx, prev[1]):
                    return identifier_end(text, end)
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
