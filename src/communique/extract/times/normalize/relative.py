"""Handlers relative to the published date: "yesterday", "this morning", "Tuesday",
"last week", "the weekend", "three years ago"."""
from __future__ import annotations

from datetime import date, timedelta

from ..lexicon import _key
from ..values import (CLOCK_UNITS, Hit, _add_months, _add_quarters, _day, _quarter_of,
                      _shift_date, _week, value_at)
from .base import Handlers


# "n units earlier" than the last time named: tried in order, the first value wins.
def _earlier_than_quarter(anchor, n: int, unit: str) -> str | None:
    gran, key = anchor
    if gran == "Q" and unit in ("Y", "Q"):
        y, q = _add_quarters(key, n * (4 if unit == "Y" else 1))
        return f"{y:04d}-Q{q}"
    return None


def _earlier_than_day(anchor, n: int, unit: str) -> str | None:
    gran, key = anchor
    return _day(_shift_date(key, n, unit)) if gran == "D" else None


def _earlier_than_month(anchor, n: int, unit: str) -> str | None:
    gran, key = anchor
    if gran == "M" and unit in ("Y", "M", "Q"):
        d = _shift_date(date(key[0], key[1], 1), n, unit)
        return f"{d.year:04d}-{d.month:02d}"
    return None


def _earlier_than_year(anchor, n: int, unit: str) -> str | None:
    gran, key = anchor
    if gran == "Y" and unit in ("Y", "DE", "C"):
        return f"{_shift_date(date(key, 1, 1), n, unit).year:04d}"
    return None


EARLIER_THAN_ANCHOR = (_earlier_than_quarter, _earlier_than_day, _earlier_than_month, _earlier_than_year)


class RelativeHandlers(Handlers):
    """Expressions relative to the published date."""

    def relative_day(self, ctx, g, start, end):
        offset, pod = self.lex.relative_days[_key(g["word"])]
        if g.get("pod"):
            pod = self.lex.parts_of_day[g["pod"].lower()]
        if ctx.dct is None:
            return Hit("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""))
        return self._day_hit(ctx.dct + timedelta(days=offset), pod)

    def part_of_day(self, ctx, g, start, end):
        pod = self.lex.parts_of_day[g["pod"].lower()]
        shift = _key(g.get("shift") or "")
        offset = self.lex.part_of_day_shifts.get(shift, 0)
        if shift == "last" and pod in ("MO", "AF"):
            return None  # "last morning" is not a day's morning
        if ctx.dct is None:
            return Hit("TIME", f"XXXX-XX-XXT{pod}", open_date=not shift)
        d = ctx.dct + timedelta(days=offset)
        return Hit("TIME", f"{_day(d)}T{pod}", open_date=not shift)

    def weekday(self, ctx, g, start, end):
        wd = self.lex.weekdays[g["weekday"].rstrip(".").lower()]
        pod = self.lex.parts_of_day.get((g.get("pod") or "").lower())
        shift = self._shift(g.get("shift"))
        if ctx.dct is None:
            value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
            return Hit("TIME" if pod else "DATE", value)
        delta = wd - ctx.dct.isoweekday()
        if shift == -1:
            d = ctx.dct - timedelta(days=(-delta) % 7 or 7)
        elif shift == 1:
            d = ctx.dct + timedelta(days=delta % 7 or 7)
        else:
            tense = ctx.tense(start, end)
            if tense == "future":
                d = ctx.dct + timedelta(days=delta % 7)
            elif shift == 0 and tense is None:
                d = ctx.dct + timedelta(days=delta)  # "this Tuesday": in the published date's week
            else:
                d = ctx.dct - timedelta(days=(-delta) % 7)
        return self._day_hit(d, pod)

    def relative_unit(self, ctx, g, start, end):
        unit = _key(g["unit"])
        shift = self._shift(g["shift"])
        if shift is None:
            return None
        if unit == "decade":
            if shift:
                return Hit("DURATION", "P1DE")
            return Hit("DATE", f"{ctx.dct.year // 10:03d}" if ctx.dct else "XXX")
        if unit == "century":
            if _key(g["shift"]) in self.lex.cues["duration_shifts"]:
                return Hit("DURATION", "P1C")
            if ctx.dct is None:
                return Hit("DATE", "XXXX")
            return Hit("DATE", f"{ctx.dct.year // 100 + shift:02d}XX")
        anchored = _key(g["shift"]) in self.lex.cues["anchored_shifts"]
        if anchored and ctx.anchor and unit in ("week", "month", "year", "quarter"):
            return self._from_anchor(ctx.anchor, shift, unit)
        if unit == "weekend":
            return self._weekend(ctx, shift, start, end)
        if ctx.dct is None:
            return Hit("DATE", {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX"))
        if unit == "week":
            d = ctx.dct + timedelta(weeks=shift)
            return Hit("DATE", _week(d), ("W", d))
        if unit == "month":
            ym = _add_months(ctx.dct.year, ctx.dct.month, shift)
            return Hit("DATE", f"{ym[0]:04d}-{ym[1]:02d}", ("M", ym))
        if unit == "quarter":
            y, q = _add_quarters(_quarter_of(ctx.dct), shift)
            return Hit("DATE", f"{y:04d}-Q{q}", ("Q", (y, q)))
        if unit == "day":
            return None
        y = ctx.dct.year + shift
        return Hit("DATE", f"{y:04d}", ("Y", y))

    def _from_anchor(self, anchor, shift, unit):
        """"the following month" after "March" -> April: a unit next to the last time named."""
        gran, key = anchor
        if gran == "D":
            base = key
        elif gran == "M":
            base = date(key[0], key[1], 1)
        elif gran == "Q":
            base = date(key[0], key[1] * 3 - 2, 1)
        elif gran == "Y":
            base = date(key, 1, 1)
        else:
            base = key
        if unit == "week":
            d = base + timedelta(weeks=shift)
            return Hit("DATE", _week(d))
        if unit == "month":
            y, m = _add_months(base.year, base.month, shift)
            return Hit("DATE", f"{y:04d}-{m:02d}")
        if unit == "quarter":
            y, q = _add_quarters(_quarter_of(base), shift)
            return Hit("DATE", f"{y:04d}-Q{q}")
        return Hit("DATE", f"{base.year + shift:04d}")

    def _weekend(self, ctx, shift, start, end):
        if ctx.dct is None:
            return Hit("DATE", "XXXX-WXX-WE")
        wd = ctx.dct.isoweekday()
        if shift == -1:
            d = ctx.dct - timedelta(weeks=1)
        elif shift == 1:
            d = ctx.dct + timedelta(weeks=1) if wd >= 6 else ctx.dct
        else:  # "the weekend": told in the past early in the week, the one just gone
            tense = ctx.tense(start, end)
            d = ctx.dct - timedelta(weeks=1) if (tense in ("past", "present") and wd < 5) else ctx.dct
        return Hit("DATE", _week(d) + "-WE")

    def weekend(self, ctx, g, start, end):
        word = _key(g.get("shift") or "")
        shift = None if word in ("", "the") else self._shift(word)
        return self._weekend(ctx, shift, start, end)

    def ago(self, ctx, g, start, end):
        unit = self.lex.units[g["unit"].lower()]
        direction = _key(g["dir"])
        sign = 1 if direction in self.lex.cues["forward_directions"] else -1
        n = None if _key(g["num"]) in self.lex.vague else self.lex.number(g["num"])
        if n is None:
            return Hit("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF")
        if unit == "2W":
            unit, n = "W", n * 2
        if unit in CLOCK_UNITS or not float(n).is_integer():
            return None
        n = int(n) * sign
        if ctx.dct is None:
            return Hit("DATE", {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX-XX-XX"))
        if direction == "earlier" and ctx.anchor:
            for step in EARLIER_THAN_ANCHOR:  # "a year earlier": from the last time named
                value = step(ctx.anchor, n, unit)
                if value:
                    return Hit("DATE", value)
        if unit in ("Y", "Q") and abs(n) == 1 and ctx.period and ctx.period[0] == "Q":
            y, q = _add_quarters(ctx.period[1], n * (4 if unit == "Y" else 1))
            return Hit("DATE", f"{y:04d}-Q{q}")
        value = value_at(_shift_date(ctx.dct, n, unit), unit)
        return Hit("DATE", value) if value else None
