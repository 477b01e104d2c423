"""Quantities, sub-stage 5: ranges ("between 10 and 20", "10-20 troops", "3 to 4 L",
"8- to 16-meter") and a unit borrowed from the next number ("45 and 50 mg").
"""
from __future__ import annotations

import re

from .lexicon import MINUS, _key
from .classify import change_before, counted_plural
from .numbers import Number, read_number
from .units import PREFIX_SIGN, Tail, read_tail


def read_range(ctx, text, num: Number, value, tail: Tail, currency, mods, cur_start):
    """((a, b), unit, dimension, end) when a second number completes a range, else None."""
    lex = ctx.lex
    q_end = tail.end
    cm = lex.range_connector.match(text, q_end)
    if not cm:
        return None
    conn = re.sub(r"\s+", " ", cm.group().strip().lower())
    words = [w for w, _ in mods]
    between = "between" in words
    dash = conn in ("-", "–", "—")
    if conn == "and" and not between:
        return None
    anchor = min([s for w, s in mods if w not in ("between", "from")] + [cur_start])
    after_change = not dash and change_before(ctx, anchor)
    p = cm.end()
    negative = False
    if p < len(text) and text[p] in MINUS and p + 1 < len(text) and text[p + 1].isdigit() and not dash:
        negative, p = True, p + 1
    elif p < len(text) and text[p] in MINUS and dash and p + 1 < len(text) and text[p + 1].isdigit():
        return None
    cur2 = None
    pm = PREFIX_SIGN.match(text, p)
    if pm:
        cur2 = lex.prefix_symbols.get(_key(pm.group()))
        p = pm.end()
    m = lex.trigger.match(text, p)
    if not m or (m.group("d") is None and m.group("w") is None):
        return None
    second = read_number(ctx, text, m)
    if second is None or second.value != second.value or (dash and second.digits != num.digits):
        return None
    t2 = read_tail(ctx, text, second, cur2 or currency)
    if t2.skip:
        return None
    v2 = -t2.value if negative else t2.value
    name1, name2 = tail.name, t2.name
    if cur2 and not currency and tail.unit is None:
        return None
    if name1 and name2 and name1 != name2:
        return None  # "44 ml to 50 mg", "36% to 6B USD"
    if not num.scaled and second.scaled and num.value <= second.value:
        value *= t2.value / second.value  # "5 to 6 million": the second's scale
    if num.scaled and not second.scaled:
        v2 *= tail.value / num.value if num.value else 1
    if after_change and (name1 or not name2 or not (0 < value <= v2 <= 5 * value)):
        # "rose from 5% to 7%", "increase 36% to 6B USD", "fell 20 to 1,260 yen": a change, then
        # a level; but "could drop 1.3 to four mln barrels" is a range
        return None
    if re.fullmatch(r"\d{4}", text[num.start:num.end]) and 1000 <= abs(value) <= 2100 and not (name1 or name2):
        return None
    if not (value < v2 or value < 0 or v2 < 0 or (value == v2 and not dash)):
        if dash and not (name1 or name2) and num.digits:
            return "skip", t2.end  # "a 3-1 win": a score
        return None  # "49 percent to 42 percent": a contest, two quantities
    if dash:
        if not (name1 or name2) and not (between or "from" in words or counted_plural(ctx, text, t2.end)):
            return None
    name = name1 or name2
    dimension = tail.dimension if name1 else t2.dimension
    return (value, v2), name, dimension, t2.end


def borrowed_unit(ctx, text, pos):
    """The unit of the next number in "45 and 50 mg", "two or three percent"."""
    cm = ctx.lex.coordinated.match(text, pos)
    if not cm:
        return None
    m = ctx.lex.trigger.match(text, cm.end())
    if not m or (m.group("d") is None and m.group("w") is None):
        return None
    second = read_number(ctx, text, m)
    if second is None or second.value != second.value:
        return None
    t2 = read_tail(ctx, text, second, None)
    if t2.skip or t2.unit is None or t2.dimension in ("count", "time"):
        return None
    return t2.name, t2.dimension
