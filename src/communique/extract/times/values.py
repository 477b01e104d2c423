"""TIMEX3 value arithmetic: days, weeks, months, quarters and seasons, and the ``Hit``
a handler returns. Pure functions of dates; no text, no parse."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_ORDER = ("SP", "SU", "FA", "WI")
CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S"}
DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$|^(\d{4}|XXXX)-W(\d\d|XX)-\d$")


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _shift_date(d: date, n: int, unit: str) -> date:
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "C": 1200}.get(unit)
    if months is None:
        return d
    y, m = _add_months(d.year, d.month, n * months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _add_quarters(yq: tuple[int, int], n: int) -> tuple[int, int]:
    k = yq[0] * 4 + yq[1] - 1 + n
    return k // 4, k % 4 + 1


def _season_of(d: date) -> tuple[int, int]:
    """(season year, index in SEASON_ORDER); winter is named by the year it starts."""
    if d.month in (1, 2):
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3 if d.month < 12 else 3


_AT_UNIT = {
    "Y": lambda d: f"{d.year:04d}",
    "M": lambda d: f"{d.year:04d}-{d.month:02d}",
    "Q": lambda d: "{:04d}-Q{}".format(*_quarter_of(d)),
    "DE": lambda d: f"{d.year // 10:03d}",
    "C": lambda d: f"{d.year // 100:02d}XX",
    "D": lambda d: _day(d),
    "W": lambda d: _day(d),
}


def value_at(d: date, unit: str) -> str | None:
    """``d`` written at the granularity a duration unit counts in ("Y" -> "2022",
    "Q" -> "2022-Q4", "DE" -> "202", "W" -> the day); None for other units."""
    write = _AT_UNIT.get(unit)
    return write(d) if write else None


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


@dataclass
class Hit:
    type: str
    value: str
    anchor: tuple | None = None  # (granularity, key) this expression names, for later anaphora
    open_date: bool = False  # a clock time or part of day whose day is only the default


def _nearest(candidates: list, key, dct_key, tense: str | None, strict: int = 0, far: float | None = None):
    """The candidate nearest the reference: before it for the past (strict: not equal),
    after it for the future, either way otherwise. With far, the tense only overrides
    the nearest candidate when that one is more than far away on the wrong side."""
    if far is not None and not strict:
        best = min(candidates, key=lambda c: (abs(key(c) - dct_key), key(c) if tense == "past" else -key(c)))
        gap = key(best) - dct_key
        if (tense == "past" and gap > far) or (tense == "future" and gap < -far):
            return _nearest(candidates, key, dct_key, tense)
        return best
    if tense == "past" or strict < 0:
        pool = [c for c in candidates if (key(c) < dct_key if strict else key(c) <= dct_key)]
        return max(pool, key=key) if pool else None
    if tense == "future" or strict > 0:
        pool = [c for c in candidates if (key(c) > dct_key if strict else key(c) >= dct_key)]
        return min(pool, key=key) if pool else None
    return min(candidates, key=lambda c: abs(key(c) - dct_key))

