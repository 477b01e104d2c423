"""Handlers that resolve against the last time named: "the quarter", "the year",
"the next day", the year's end."""
from __future__ import annotations

import re
from datetime import timedelta

from ..lexicon import _key
from ..values import (Hit, _add_quarters, _quarter_of)
from .base import Handlers


class AnaphoraHandlers(Handlers):
    """Expressions that resolve against the last time named."""

    def anchored_quarter(self, ctx, g, start, end):
        which = _key(g.get("which") or "")
        what = (g.get("what") or "period").lower()
        following = ctx.text[end:end + 40]
        m = self.extras["ended"].match(following)
        if what == "quarter" and m and ctx.dct:
            month = self.lex.months.get(m.group("month").rstrip(".").lower())
            day = int(re.match(r"\d+", m.group("day")).group())
            d = self._resolve_month_day(ctx, month, day, start, end, None) if month else None
            if d:
                y, q = _quarter_of(d)
                return Hit("DATE", f"{y:04d}-Q{q}", ("Q", (y, q)))
        if ctx.dct is None:
            return Hit("DATE", "XXXX-QX") if what == "quarter" else None
        year_ago = which in self.lex.cues["year_ago_words"] or bool(g.get("ago"))
        if which == "current" and what == "quarter":
            y, q = _quarter_of(ctx.dct)
            return Hit("DATE", f"{y:04d}-Q{q}", ("Q", (y, q)))
        if year_ago:
            period = ctx.period
            if period and period[0] == "Q":
                y, q = period[1]
                return Hit("DATE", f"{y - 1:04d}-Q{q}")
            if period and period[0] == "P" and g.get("what"):
                return Hit("DURATION", period[1])
            if what == "quarter":
                y, q = _add_quarters(_quarter_of(ctx.dct), -1)
                return Hit("DATE", f"{y - 1:04d}-Q{q}")
            return Hit("DATE", f"{ctx.dct.year - 1:04d}")
        if which == "previous" and what == "quarter":
            base = ctx.last_quarter or _quarter_of(ctx.dct)
            y, q = _add_quarters(base, -1)
            return Hit("DATE", f"{y:04d}-Q{q}")
        if ctx.last_quarter:
            y, q = ctx.last_quarter
        elif what == "quarter" or which:
            y, q = _add_quarters(_quarter_of(ctx.dct), -1)
        else:
            return None
        return Hit("DATE", f"{y:04d}-Q{q}", ("Q", (y, q)))

    def the_year(self, ctx, g, start, end):
        if self.extras["ended_any"].match(ctx.text[end:end + 20]):
            return Hit("DURATION", "P1Y")
        if ctx.dct is None:
            return Hit("DATE", "XXXX")
        y = ctx.dct.year
        return Hit("DATE", f"{y:04d}", ("Y", y))

    def year_end(self, ctx, g, start, end):
        if ctx.dct is None:
            return Hit("DATE", "XXXX-12-31")
        y = ctx.dct.year
        if g.get("shift"):
            y += self._shift(g["shift"])
        elif ctx.dct.month <= 2 and ctx.tense(start, end) == "past":
            y -= 1
        return Hit("DATE", f"{y:04d}-12-31", ("Y", y))

    def anchored_day(self, ctx, g, start, end):
        which = _key(g["which"])
        unit = g["unit"].lower()
        if not ctx.anchor or ctx.anchor[0] != "D":
            return None
        step = self.lex.anchored_steps[which]
        d = ctx.anchor[1] + timedelta(days=step)
        pod = self.lex.parts_of_day.get(unit)
        return self._day_hit(d, pod, anchor=False)
