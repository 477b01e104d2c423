"""Quantities, sub-stage 3: units and currencies. What stands before the number (a
currency sign, a minus) and after it: glued letters ("200B", "10kg"), scale words ("1.5
billion", "3.4 mln"), "-odd"/"-plus", the unit ("km", "barrels", "dlrs"), pound sterling
or pound weight, and a rate ("$80 a barrel", "barrels per day"). The result is a
:class:`Tail`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import DASHES, MINUS, Unit, _key
from .classify import counted_plural
from .numbers import Number
from .scan import clock_like, ends_with, identifier_end, next_word, unit_at

PREFIX_SIGN = re.compile(r"(?:US\$|[$€£¥₹])")


@dataclass
class Tail:
    value: float
    unit: Unit | None = None
    name: str = ""
    dimension: str = ""
    end: int = 0
    scale_end: int = 0
    approx: bool = False
    bound: str | None = None
    skip: int = 0



class Prefix(NamedTuple):
    """What stands before the digits: a currency sign or code, a minus."""
    currency: str | None
    start: int             # the quantity's start, sign and currency included
    negative: bool


def prefix(ctx, text, start) -> Prefix:
    """The currency and sign written before the digits at start."""
    lex = ctx.lex
    currency, cur_start, negative = None, start, False
    got = ends_with(ctx, lex.prefix_rev, text, start, 12)
    if got:
        currency = lex.prefix_symbols.get(_key(got[0]))
        if currency:
            cur_start = got[1]
    sign = cur_start - 1
    if sign >= 0 and text[sign] in MINUS and (sign == 0 or text[sign - 1] in " \t\n(\u00a0[/"):
        negative, cur_start = True, sign
    elif not currency and start >= 2 and text[start - 1] in MINUS:
        got = ends_with(ctx, lex.prefix_rev, text, start - 1, 12)  # "$-99.99"
        if got and lex.prefix_symbols.get(_key(got[0])):
            currency, negative, cur_start = lex.prefix_symbols[_key(got[0])], True, got[1]
    return Prefix(currency, cur_start, negative)


@dataclass
class _Scan:
    """Reading the tail: the value so far, the position, a money scale letter not yet decided."""
    value: float
    pos: int
    scale_letter: str | None = None


def _glued_letters(ctx, text: str, num: Number, r: _Scan) -> int:
    """Letters glued to the digits: a scale ("200B", "1.5bn", "0.5k"), a unit ("10kg"), an
    ordinal or a decade ("21st", "1990s", "'90s"), or an identifier. The end of the text to
    skip when it is not a quantity, else 0."""
    lex = ctx.lex
    pos = r.pos
    if not num.digits:
        return 0
    if text[pos:pos + 1] in ("'", "’") and text[pos + 1:pos + 2] == "s":
        return pos + 2  # "'90s", "1990's"
    if not (pos < len(text) and text[pos].isalpha()):
        return 0
    letters = lex.glued_letters.match(text, pos).group()
    if letters == "s" and re.fullmatch(r"\d?\d0|1\d\d0|20\d0", text[num.start:num.end]):
        return pos + 1  # "1990s", "80s"
    if letters.lower() in lex.ordinal_suffixes and letters != "s":
        return pos + len(letters)
    scale = lex.scale_letters.get(letters) or lex.scale_abbr.get(letters.lower())
    if scale:
        r.value *= scale
        r.pos += len(letters)
        num.scaled = True
    elif letters in lex.scale_letters_money:
        r.scale_letter = letters
        r.pos += len(letters)
        if letters != "m" and num.value < 1000:
            # "200B in trade", "$2.174T": a scale even without a currency
            r.value *= lex.scale_letters_money[letters]
            num.scaled, r.scale_letter = True, None
    elif not unit_at(ctx, text, pos, glued_only=True):
        return identifier_end(text, pos)
    return 0


def _scale_words(ctx, text: str, num: Number, r: _Scan) -> None:
    """"1.5 billion", "3.4 mln", "two dozen"."""
    lex = ctx.lex
    if num.scaled or r.scale_letter is not None:
        return
    sm = lex.scale_after.match(text, r.pos)
    am = None if sm else lex.abbr_after.match(text, r.pos)
    if sm:
        r.value *= lex.scales[sm.group(1).lower()]
        r.pos = sm.end()
        num.scaled = True
    elif am:
        r.value *= lex.scale_abbr[am.group(1).lower()]
        r.pos = am.end()
        num.scaled = True
    dm = lex.dozen_after.match(text, r.pos) if num.digits else None
    if dm:
        r.value *= lex.dozens[dm.group(1).lower()]
        r.pos = dm.end()


def _scale_letter(ctx, text: str, num: Number, currency, r: _Scan, unit, end):
    """"5m": millions before money or a plural noun ("5m people"), else metres; (unit, end),
    or None when it is an identifier."""
    lex = ctx.lex
    if currency or (unit is not None and unit.dimension == "currency") or (
            unit is None and counted_plural(ctx, text, r.pos)):
        r.value *= lex.scale_letters_money[r.scale_letter]
        num.scaled = True
        return unit, end
    if r.scale_letter == "m" and unit is None:
        return lex.symbols["m"], r.pos
    return None


def _rate(ctx, text: str, tail: Tail) -> None:
    """"$80 a barrel", "barrels per day", "$15.4/hour", "four times per week", "J/m^2 per year"."""
    if not tail.dimension or tail.dimension == "percent":
        return
    for _ in range(2):
        per = per_after(ctx, text, tail.end)
        if not per:
            break
        word, per_end = per
        base = "count" if tail.name == "times" else tail.name
        tail.name, tail.dimension, tail.end = f"{base}/{word}", "rate", per_end


def read_tail(ctx, text: str, num: Number, currency) -> Tail:
    """Scale, unit and rate written after the number (``skip`` set when it is not a quantity)."""
    r = _Scan(num.value, num.end)
    skip = _glued_letters(ctx, text, num, r)
    if skip:
        return Tail(num.value, skip=skip)
    _scale_words(ctx, text, num, r)
    tail = Tail(num.value, scale_end=r.pos)
    # "20-odd", "360-ish", "20,000-plus"
    am = re.match(r"-(odd|ish|plus)\b", text[r.pos:r.pos + 6])
    if am:
        tail.approx = am.group(1) != "plus"
        tail.bound = "min" if am.group(1) == "plus" else None
        r.pos += am.end()
    unit, end = unit_after(ctx, text, r.pos, num, currency)
    if r.scale_letter is not None:
        got = _scale_letter(ctx, text, num, currency, r, unit, end)
        if got is None:
            return Tail(r.value, scale_end=tail.scale_end, approx=tail.approx, bound=tail.bound,
                        skip=identifier_end(text, num.end))
        unit, end = got
    if unit is not None and unit.dimension == "currency" and currency and unit.name in ("cent", "penny"):
        unit = None
    tail.value, tail.unit = r.value, unit
    if unit is not None:
        tail.name, tail.dimension, tail.end = unit.name, unit.dimension, end
    elif currency:
        tail.name, tail.dimension, tail.end = currency, "currency", r.pos
    else:
        tail.end = r.pos
    _rate(ctx, text, tail)
    return tail


def per_after(ctx, text, pos):
    """(unit or noun, end) of "/hour", "per day", "a barrel" at pos."""
    rm = ctx.lex.per.match(text, pos)
    if not rm:
        return None
    how = rm.group().strip().lower()
    got = unit_at(ctx, text, rm.end())
    if got and got[0].dimension not in ("currency", "percent", "other") and not (
            got[0].alias in ctx.lex.needs_digits and how in ("a", "an")):
        unit, end = got
        name = unit.name
        pw = ctx.lex.power.match(text, end)
        if pw and unit.dimension in ("length", "time"):
            name, end = ("square " if "2" in pw.group() or "squared" in pw.group() or "²" in pw.group() else "cubic ") + name, pw.end()
        return name, end
    nw = next_word(ctx, text, rm.end())
    if not nw or text[rm.end():nw[1]].strip() or not nw[0].isalpha() or not nw[0].islower():
        return None
    if how in ("per", "/") or nw[0].lower() in ctx.lex.per_nouns:
        return nw[0].lower(), nw[2]
    return None


def _letter_unit_refused(ctx, text, pos, end, alias, num: Number) -> bool:
    """A one-letter or word-like unit symbol ("in", "m", "pm", '"') that is not a unit here."""
    lex = ctx.lex
    if not num.digits or num.scaled:
        return True
    if alias == "in" and ctx.has_tags:
        t = ctx.token_after(end)
        if t is not None and t.pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON"):
            return True  # "200B in trade", "3 in 10"
    nxt = next_word(ctx, text, end)
    if nxt and text[end:nxt[1]].strip() == "" and (
            nxt[0][0].isupper() or nxt[0].lower() in lex.definite or nxt[0].lower() in lex.not_after_letter_unit):
        return True  # "two in my car", "5 in March"
    if alias[:1].isalpha() and re.match(r"[ \t]*\d", text[end:end + 3]):
        return True  # "3 in 10", "1 in 2005"
    if alias == "pm" and clock_like(text[num.start:num.end]):
        return True
    # a closing quotation mark: '"English 101"'
    return alias in ('"', "″") and text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 1


def unit_after(ctx, text, pos, num: Number, currency):
    """(Unit | None, end) of the unit written at pos ("27-kilometer" included)."""
    lex = ctx.lex
    # "27-kilometer", "50-year-old", "two-year", "twenty-pound bag", "16-meter"
    if pos + 1 < len(text) and text[pos] in DASHES and text[pos + 1].isalpha():
        got = unit_at(ctx, text, pos + 1, glued_only=True)
        if got:
            unit, end = got
            return check_pound(ctx, text, unit, end, num, True), end
        return None, pos
    got = unit_at(ctx, text, pos)
    if not got:
        return None, pos
    unit, end = got
    alias = unit.alias
    if currency and unit.dimension != "currency":
        return None, pos  # "$13,009 million in 2013"
    if alias in lex.needs_digits and _letter_unit_refused(ctx, text, pos, end, alias, num):
        return None, pos
    if unit.weak and not (num.scaled or currency):
        prev = text[max(0, end - len(alias) - 20):end - len(alias)]
        if not re.search(r"[A-Z][a-z]+[ \t]+$", prev):
            return None, pos
    if unit.dimension == "currency" and alias in lex.ambiguous_pound:
        unit = check_pound(ctx, text, unit, end, num, False)
    if unit.dimension == "length":
        pw = lex.power.match(text, end)
        if pw:
            square = bool(pw.group(1) == "2" or pw.group(2) == "²" or pw.group(3) == "squared")
            full = ("square " if square else "cubic ") + unit.name
            return Unit(full, "area" if square else "volume", full), pw.end()
    return unit, end


def check_pound(ctx, text, unit: Unit, end: int, num: Number, adjectival: bool) -> Unit:
    """"pound(s)": sterling unless it weighs ("twenty-pound bag", "pounds of", "weighs")."""
    if unit.alias not in ctx.lex.ambiguous_pound:
        return unit
    mass = ctx.lex.symbols["lb"]
    if num.scaled:
        return unit
    if adjectival:
        return mass
    nxt = next_word(ctx, text, end)
    if nxt and nxt[0].lower() == "of":
        return mass
    if (unit.alias == "pound" and nxt and text[end:nxt[1]].strip() == "" and nxt[0].isalpha() and nxt[0].islower()
            and nxt[0] not in ctx.lex.not_after_letter_unit and nxt[0] not in ctx.lex.pound_money_nouns):
        return mass
    left = max(text.rfind(c, max(0, num.start - 80), num.start) for c in ".;!?\n") + 1
    right = min([i for i in (text.find(c, end, end + 60) for c in ".;!?\n") if i >= 0] or [end + 60])
    if ctx.lex.weight_words.search(text[left:right].lower()):
        return mass
    return unit
