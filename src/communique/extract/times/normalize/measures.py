"""Handlers for clock times, durations, sets, references ("now") and named events."""
from __future__ import annotations

import re

from ..lexicon import _key
from ..values import (CLOCK_UNITS, Hit, _day, _num)
from .base import Handlers


class MeasureHandlers(Handlers):
    """Clock times, durations, sets, references and named events."""

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
