"""Quantities, sub-stage 5: ranges ("between 10 and 20", "10-20 troops", "3 to 4 L",
"8- to 16-meter") and a unit borrowed from the next number ("45 and 50 mg").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import MINUS, _key
from .classify import change_before, counted_plural
from .numbers import Number, read_number
from .units import PREFIX_SIGN, Tail, read_tail


@dataclass(frozen=True)
class RangeReading:
    """What follows a first number: a range [low, high] (as written, not sorted) with its
    unit, ending at ``end``; or, when ``score`` is true, a score ("a 3-1 win"): no quantity
    up to ``end``."""
    low: float
    high: float
    name: str
    dimension: str
    end: int
    score: bool = False


@dataclass(frozen=True)
class _Pair:
    """Two numbers joined by a range connector, as the range checks see them."""
    ctx: object
    text: str
    num: Number            # the first number
    second: Number
    tail: Tail             # the first number's tail
    tail2: Tail
    value: float           # the first value, in the second's scale when it has none ("5 to 6 million")
    value2: float
    currency: str | None   # before the first number
    currency2: str | None  # before the second
    dash: bool             # "10-20", not "10 to 20"
    between: bool          # "between 10 and 20"
    from_: bool            # "from 10 to 20"
    after_change: bool     # a change verb before: "rose from 5% to 7%"

    @property
    def names(self) -> tuple[str, str]:
        return self.tail.name, self.tail2.name


def _connector(ctx, text, pos, mods):
    """(connector, end) of "-", "to", "through", "and" (only after "between") at pos, else None."""
    cm = ctx.lex.range_connector.match(text, pos)
    if not cm:
        return None
    conn = re.sub(r"\s+", " ", cm.group().strip().lower())
    if conn == "and" and "between" not in [w for w, _ in mods]:
        return None
    return conn, cm.end()


def _pair(ctx, text, num: Number, value, tail: Tail, currency, mods, cur_start, conn) -> _Pair | None:
    """The second number after the connector with its tail, both values in one scale."""
    lex = ctx.lex
    words = [w for w, _ in mods]
    dash = conn[0] in ("-", "–", "—")
    anchor = min([s for w, s in mods if w not in ("between", "from")] + [cur_start])
    p = conn[1]
    negative = False
    if p < len(text) and text[p] in MINUS and p + 1 < len(text) and text[p + 1].isdigit():
        if dash:
            return None
        negative, p = True, p + 1
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
    if not num.scaled and second.scaled and num.value <= second.value:
        value *= t2.value / second.value  # "5 to 6 million": the second's scale
    if num.scaled and not second.scaled:
        v2 *= tail.value / num.value if num.value else 1
    return _Pair(ctx, text, num, second, tail, t2, value, v2, currency, cur2, dash, "between" in words,
                 "from" in words, not dash and change_before(ctx, anchor))


def _currency_only_second(p: _Pair) -> bool:
    """"5 to $6": a currency on the second number alone."""
    return bool(p.currency2 and not p.currency and p.tail.unit is None)


def _different_units(p: _Pair) -> bool:
    """"44 ml to 50 mg", "36% to 6B USD"."""
    name1, name2 = p.names
    return bool(name1 and name2 and name1 != name2)


def _change_then_level(p: _Pair) -> bool:
    """"rose from 5% to 7%", "increase 36% to 6B USD", "fell 20 to 1,260 yen": a change, then a
    level; but "could drop 1.3 to four mln barrels" is a range."""
    name1, name2 = p.names
    return p.after_change and bool(name1 or not name2 or not (0 < p.value <= p.value2 <= 5 * p.value))


def _years(p: _Pair) -> bool:
    """"2013 to 2014": years, not a range of counts."""
    return bool(re.fullmatch(r"\d{4}", p.text[p.num.start:p.num.end]) and 1000 <= abs(p.value) <= 2100
                and not any(p.names))


def _not_increasing(p: _Pair) -> bool:
    """"49 percent to 42 percent": a contest, two quantities (a dash between bare digits is a score)."""
    v1, v2 = p.value, p.value2
    return not (v1 < v2 or v1 < 0 or v2 < 0 or (v1 == v2 and not p.dash))


def _bare_dash(p: _Pair) -> bool:
    """"10-20" with no unit, no "between"/"from" and no counted noun after: not read as a range."""
    return p.dash and not any(p.names) and not (p.between or p.from_ or counted_plural(p.ctx, p.text, p.tail2.end))


def _score(p: _Pair) -> bool:
    """"a 3-1 win"."""
    return p.dash and not any(p.names) and p.num.digits


# In order: the first that answers true means "no range here".
NOT_A_RANGE = (_currency_only_second, _different_units, _change_then_level, _years)


def read_range(ctx, text, num: Number, value, tail: Tail, currency, mods, cur_start) -> RangeReading | None:
    """The range that a second number completes ("between 10 and 20", "10-20 troops", "3 to 4 L",
    "8- to 16-meter", "-18 °C to -34 °C"), a score, or None."""
    conn = _connector(ctx, text, tail.end, mods)
    pair = _pair(ctx, text, num, value, tail, currency, mods, cur_start, conn) if conn else None
    if pair is None or any(check(pair) for check in NOT_A_RANGE):
        return None
    if _not_increasing(pair):
        return RangeReading(value, pair.value2, "", "", pair.tail2.end, score=True) if _score(pair) else None
    if _bare_dash(pair):
        return None
    name1, name2 = pair.names
    dimension = tail.dimension if name1 else pair.tail2.dimension
    return RangeReading(pair.value, pair.value2, name1 or name2, dimension, pair.tail2.end)


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
