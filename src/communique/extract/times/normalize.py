"""The handlers named in ``data/times/rules.yml``: a matched expression -> its TIMEX3 value.

:class:`Normalizer` has one method per handler, ``(context, groups, start, end) -> Hit | None``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .context import Context
from .lexicon import Lexicon, _key
from .values import (CLOCK_UNITS, SEASON_ORDER, Hit, _add_months, _add_quarters, _day, _nearest, _num, _quarter_of,
                     _season_of, _shift_date, _week, value_at)

# Shift words that count from the last time named, not from the published date.

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


class Normalizer:
    """One method per handler named in rules.yml: (context, match, start, end) -> Hit | None."""

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

    # ----------------------------------------------------------- calendar dates
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

    # ----------------------------------------------------------- anaphora
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

    # ----------------------------------------------------------- relative to the published date
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

    # ----------------------------------------------------------- clock times
    def clock(self, ctx, g, start, end):
        if g.get("word"):
            hhmm = self.lex.clock_words[g["word"].lower()]
        else:
            h = int(g["hour"])
            minute = int(g["minute"]) if g.get("minute") else 0
            ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
            if ampm.startswith("p") or any(w in ampm for w in self.lex.cues["pm_words"]):
                h = h + 12 if h < 12 else h
            elif ampm.startswith("a") and h == 12:
                h = 0
            hhmm = f"{h:02d}:{minute:02d}"
            if g.get("second"):
                hhmm += f":{g['second']}"
        zone = self.lex.zones.get(_key(g["zone"])) if g.get("zone") else ""
        day = _day(ctx.dct) if ctx.dct else "XXXX-XX-XX"
        return Hit("TIME", f"{day}T{hhmm}{zone}", open_date=True)

    # ----------------------------------------------------------- durations and sets
    def _period(self, n: float | None, unit: str) -> str:
        if unit == "2W":
            unit, n = "W", (n * 2 if n is not None else None)
        t = "T" if unit in CLOCK_UNITS else ""
        u = CLOCK_UNITS.get(unit, unit)
        if n is None:
            return f"P{t}X{u}"
        if float(n).is_integer():
            return f"P{t}{int(n)}{u}"
        whole, frac = int(n), n - int(n)
        if unit in self.lex.unit_split:
            small, factor = self.lex.unit_split[unit]
            rest = frac * factor
            if float(rest).is_integer():
                head = f"{whole}{u}" if whole else ""
                st = "T" if small in CLOCK_UNITS else ""
                su = CLOCK_UNITS.get(small, small)
                if t:
                    return f"PT{head}{int(rest)}{su}"
                if st:
                    return f"P{head}T{int(rest)}{su}"
                return f"P{head}{int(rest)}{su}"
        return f"P{t}{_num(n)}{u}"

    def duration(self, ctx, g, start, end):
        if g.get("phrase"):
            return Hit("DURATION", self.lex.vague_durations[_key(g["phrase"])])
        unit = self.lex.units.get(g["unit"].lower())
        if unit is None:
            return None
        if g.get("vague"):
            return Hit("DURATION", self._period(None, unit))
        if g.get("span"):  # a bare plural unit: "for years"
            return Hit("DURATION", self._period(None, unit))
        if g.get("num"):
            if unit in ("S", "Q") and _key(g["num"]) in ("a", "an"):
                return None  # "a second term", "a quarter of"
            if unit == "Q" and re.match(r"\s+of\b", ctx.text[end:end + 4]):
                return None  # "three-quarters of its food"
            n = self.lex.number(g["num"])
            if n is None:
                return None
            if unit in ("Y", "DE", "C", "L") and (n > 10000 or re.fullmatch(r"1\d{3}|20\d\d", g["num"])):
                return None  # "1986 year net", a table's "187,000 Year"
            word = g["unit"]
            if word[0].isupper() and not word.isupper() and not g["num"][0].isupper():
                return None  # "profit 187,000\nYear Shr": a heading, not a duration
        else:
            n = 0.0
        if g.get("half") or g.get("half2"):
            n += 0.5
        if not n:
            return None
        if unit == "Y" and n >= 1000 and n % 1000 == 0:
            n, unit = n / 1000, "L"  # "two thousand years" -> P2L
        value = self._period(n, unit)
        if unit in ("M", "Y", "Q"):
            ctx.period = ("P", value)
        return Hit("DURATION", value)

    def set_every(self, ctx, g, start, end):
        unit = self.lex.units.get(g["unit"].lower())
        if unit is None or unit == "S" and not g.get("num"):
            return None
        n = 1.0
        if g.get("num"):
            n = 2.0 if g["num"].lower() == "other" else self.lex.number(g["num"])
            if n is None:
                return None
        return Hit("SET", self._period(n, unit))

    def set_weekday(self, ctx, g, start, end):
        name = g.get("weekday") or g.get("weekday2") or (g.get("weekdays") or "")[:-1]
        wd = self.lex.weekdays[name.rstrip(".").lower()]
        pod = self.lex.parts_of_day.get((g.get("pod") or g.get("pods") or "").lower())
        return Hit("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))

    def set_month(self, ctx, g, start, end):
        if g.get("month"):
            return Hit("SET", f"XXXX-{self._month(g):02d}")
        if g.get("season"):
            return Hit("SET", f"XXXX-{self.lex.seasons[g['season'].lower()]}")
        return Hit("SET", f"XXXX-XX-XXT{self.lex.parts_of_day[g['pod'].lower()]}")

    def frequency(self, ctx, g, start, end):
        return Hit("SET", self.lex.frequency[g["word"].lower()])

    def reference(self, ctx, g, start, end):
        return Hit("DATE", self.lex.references[_key(g["word"])])

    def event(self, ctx, g, start, end):
        edge = self.lex.event_edges[g["edge"].lower()]
        name = _key(g["event"])
        for regex, years in self.lex.events:
            if regex.match(name):
                y = years[1] if edge == "end" else years[0]
                return Hit("DATE", str(y), ("Y", y))
        return None

