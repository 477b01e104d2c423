"""Handlers for named dates: calendar dates, holidays, years, decades, centuries,
seasons, quarters and halves."""
from __future__ import annotations

import calendar
import re
from datetime import date

from ..lexicon import _key
from ..values import (SEASON_ORDER, Hit, _nearest, _quarter_of,
                      _season_of)
from .base import Handlers


class DateHandlers(Handlers):
    """Calendar dates, holidays, years, decades, centuries, seasons, quarters, halves."""

    def calendar(self, ctx, g, start, end):
        month = self._month(g)
        if not month:
            return None
        year = int(g["year"]) if g.get("year") else None
        if g.get("day"):
            day = int(re.match(r"\d+", g["day"]).group())
            if year is not None:
                if day > calendar.monthrange(year, month)[1]:
                    return None
                return self._day_hit(date(year, month, day))
            if day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
                return None
            d = self._resolve_month_day(ctx, month, day, start, end, None)
            if d is None:
                return Hit("DATE", f"XXXX-{month:02d}-{day:02d}")
            return self._day_hit(d)
        if year is not None:
            return Hit("DATE", f"{year:04d}-{month:02d}", ("M", (year, month)))
        shift = self._shift(g.get("shift"))
        if ctx.dct is None:
            return Hit("DATE", f"XXXX-{month:02d}")
        y0 = ctx.dct.year
        if g.get("yshift"):  # "June of this year"
            y = y0 + self._shift(g["yshift"])
            return Hit("DATE", f"{y:04d}-{month:02d}", ("M", (y, month)))
        now = y0 * 12 + ctx.dct.month
        cands = [(y, month) for y in (y0 - 1, y0, y0 + 1)]
        if shift == 0:
            ym = (y0, month)
        elif shift:
            # "last February" said in March is a year back: the month just gone is "last month"
            ym = _nearest([c for c in cands if abs(c[0] * 12 + c[1] - now) >= 2], lambda c: c[0] * 12 + c[1], now,
                          None, strict=shift)
        else:
            ym = _nearest(cands, lambda c: c[0] * 12 + c[1], now, ctx.tense(start, end), far=2)
        if ym is None:
            return None
        return Hit("DATE", f"{ym[0]:04d}-{ym[1]:02d}", ("M", ym))

    def holiday(self, ctx, g, start, end):
        name = _key(g["holiday"])
        year = int(g["year"]) if g.get("year") else None
        shift = self._shift(g.get("shift"))

        def on(y: int) -> date | None:
            if name in self.lex.holidays_fixed:
                m, d = self.lex.holidays_fixed[name]
                return date(y, m, d)
            m, wd, n = self.lex.holidays_weekday[name]
            days = [date(y, m, k) for k in range(1, calendar.monthrange(y, m)[1] + 1)
                    if date(y, m, k).isoweekday() == wd]
            return days[n - 1] if n > 0 else days[n]

        if year is not None:
            return self._day_hit(on(year))
        if ctx.dct is None:
            fixed = self.lex.holidays_fixed.get(name)
            return Hit("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}") if fixed else None
        cands = [on(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        tense = None if shift is not None else ctx.tense(start, end)
        if shift == 0:
            d = on(ctx.dct.year)
        else:
            d = _nearest(cands, lambda d: d.toordinal(), ctx.dct.toordinal(), tense, strict=shift or 0)
        return self._day_hit(d) if d else None

    # ----------------------------------------------------------- years, decades, centuries
    def year(self, ctx, g, start, end):
        if g.get("yy"):
            yy = int(g["yy"])
            century = (ctx.dct.year // 100 * 100) if ctx.dct else 2000
            y = century + yy
            if ctx.dct and y > ctx.dct.year + 20:
                y -= 100
        else:
            y = int(g["year"])
        if (g.get("part") or "").lower() == "end":
            return Hit("DATE", f"{y:04d}-12-31", ("Y", y))  # "end-2022"
        return Hit("DATE", f"{y:04d}", ("Y", y))

    def spelled_year(self, ctx, g, start, end):
        hi = _key(g["hi"])
        base = self.lex.spelled_centuries[hi]
        lo = self.lex.number(g["lo"]) if g.get("lo") else 0
        if lo is None or lo >= 100:
            return None
        y = base + int(lo)
        return Hit("DATE", str(y), ("Y", y))

    def decade(self, ctx, g, start, end):
        if g.get("decade"):
            return Hit("DATE", g["decade"][:3])
        if g.get("short"):
            d = int(g["short"])
            full = 2000 + d
            if (ctx.dct and full > ctx.dct.year) or (not ctx.dct and d > 10):
                full = 1900 + d
            return Hit("DATE", str(full)[:3])
        return Hit("DATE", f"19{self.lex.decade_words[g['word'].lower()]}")

    def century(self, ctx, g, start, end):
        o = g["ord"].lower()
        n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else self.lex.ordinals.get(_key(o))
        if not n or n > 21 or _key(o) in self.lex.cues["relative_ordinals"]:
            return None
        return Hit("DATE", f"{n - 1:02d}XX")

    # ----------------------------------------------------------- seasons, quarters, halves
    def season(self, ctx, g, start, end):
        code = self.lex.seasons[g["season"].lower()]
        idx = SEASON_ORDER.index(code)
        if g.get("year"):
            return Hit("DATE", f"{g['year']}-{code}")
        if ctx.dct is None:
            return Hit("DATE", f"XXXX-{code}")
        sy, si = _season_of(ctx.dct)
        now = sy * 4 + si
        shift_word = g.get("shift")
        shift = None if not shift_word or _key(shift_word) == "the" else self._shift(shift_word)
        cands = [y * 4 + idx for y in (sy - 1, sy, sy + 1)]
        if shift == 0 and now in cands:
            k = now
        elif shift == 0:  # "this spring": the coming one, unless told in the past
            k = _nearest(cands, lambda c: c, now, "past" if ctx.tense(start, end) == "past" else "future")
        else:
            k = _nearest(cands, lambda c: c, now, None if shift else ctx.tense(start, end), strict=shift or 0)
        if k is None:
            return None
        return Hit("DATE", f"{k // 4:04d}-{code}")

    def _quarter_year(self, ctx, g, q, start, end) -> int | None:
        if g.get("year"):
            return int(g["year"])
        if g.get("pyear"):
            return int(g["pyear"])
        if ctx.dct is None:
            return None
        y = ctx.dct.year
        for key in ("yshift", "yshift2"):
            if g.get(key) and _key(g[key]) != "the":
                return y + self._shift(g[key])
        if g.get("ago"):
            return y - 1
        if q > _quarter_of(ctx.dct)[1] and ctx.tense(start, end) != "future":
            y -= 1  # "the fourth quarter" in a February report: last year's
        return y

    def quarter(self, ctx, g, start, end):
        if g.get("q") or g.get("q2"):
            q = int(g.get("q") or g["q2"])
            y = int(g.get("year") or g.get("year2")) if (g.get("year") or g.get("year2")) else 2000 + int(g["yy"])
        else:
            o = g["ord"].lower()
            q = int(o[0]) if o[0].isdigit() else self.lex.ordinals[_key(o)]
            y = self._quarter_year(ctx, g, q, start, end)
        if y is None:
            return Hit("DATE", f"XXXX-Q{q}")
        anchor = not g.get("ago")
        return Hit("DATE", f"{y:04d}-Q{q}", ("Q", (y, q)) if anchor else None)

    def half(self, ctx, g, start, end):
        o = (g.get("ord") or g.get("ord2")).lower()
        h = 1 if o in self.lex.cues["first_ordinals"] else 2
        if g.get("year"):
            return Hit("DATE", f"{g['year']}-H{h}", ("Y", int(g["year"])))
        if ctx.dct is None:
            return Hit("DATE", f"XXXX-H{h}")
        y = ctx.dct.year
        if g.get("yshift") and _key(g["yshift"]) != "the":
            y += self._shift(g["yshift"])
        return Hit("DATE", f"{y:04d}-H{h}")
