"""What every handler family shares: the lexicon, the named groups each handler reads,
and small helpers (a match's month, a shift word's step, a day as a Hit, the nearest
year of a month and day)."""
from __future__ import annotations

import calendar
from datetime import date

from ..context import Context
from ..lexicon import Lexicon, _key
from ..values import (Hit, _day, _nearest)

# The named groups each handler reads from its rule's match (directly or through a
# helper), plus those that only shape the match ("part", "prefix", ...): a rule whose
# pattern names another group is refused at load (C205).
HANDLER_GROUPS: dict[str, frozenset[str]] = {name: frozenset(groups.split()) for name, groups in {
    "ago": "dir num unit",
    "anchored_day": "unit which",
    "anchored_quarter": "ago what which",
    "calendar": "day mnum month shift year yshift",
    "century": "ord part",
    "clock": "ampm ampm2 hour minute second word zone",
    "decade": "decade part short word",
    "duration": "half half2 num phrase span unit vague",
    "event": "edge event",
    "frequency": "word",
    "half": "ord ord2 year yshift",
    "holiday": "holiday shift year",
    "part_of_day": "part pod shift",
    "quarter": "ago ofyear ord pyear q q2 year year2 yshift yshift2 yy",
    "reference": "word",
    "relative_day": "pod word",
    "relative_unit": "shift unit",
    "season": "part season shift year",
    "set_every": "count num span unit",
    "set_month": "month pod season",
    "set_weekday": "pod pods weekday weekday2 weekdays",
    "spelled_year": "hi lo",
    "the_year": "fiscal full",
    "weekday": "pod shift weekday",
    "weekend": "shift",
    "year": "part prefix year yy",
    "year_end": "shift",
}.items()}




class Handlers:
    """The base of every handler family: ``(context, groups, start, end) -> Hit | None``."""

    def __init__(self, lex: Lexicon, extras: dict):
        self.lex, self.extras = lex, extras

    # ----------------------------------------------------------- helpers
    def _month(self, g: dict) -> int | None:
        if g.get("mnum"):
            return int(g["mnum"])
        name = (g.get("month") or "").rstrip(".").lower()
        return self.lex.months.get(name)

    def _shift(self, word: str | None) -> int | None:
        return self.lex.shifts.get(_key(word)) if word else None

    def _day_hit(self, d: date, pod: str | None = None, anchor: bool = True) -> Hit:
        if pod:
            return Hit("TIME", f"{_day(d)}T{pod}", ("D", d) if anchor else None)
        return Hit("DATE", _day(d), ("D", d) if anchor else None)

    def _resolve_month_day(self, ctx: Context, month: int, day: int, start: int, end: int, shift: int | None):
        if ctx.dct is None:
            return None
        tense = ctx.tense(start, end)
        cands = []
        for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
            if day <= calendar.monthrange(y, month)[1]:
                cands.append(date(y, month, day))
        if not cands:
            return None
        return _nearest(cands, lambda d: d.toordinal(), ctx.dct.toordinal(), tense, strict=shift or 0, far=60)
