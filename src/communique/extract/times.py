"""Time expressions, normalised to TIMEX3 values against the published date.

``communique_times`` runs after spaCy's ``ner`` and the parser and sets
``doc._.communique_times``: a list of ``{"type", "value", "span"}`` in text order,
``type`` one of DATE, TIME, DURATION, SET and ``value`` a TIMEX3 value ("2022-12-30",
"2023-SP", "2022-W51", "P11M", "2022-12-30T03:55-05:00", "PRESENT_REF").

The cascade, per document:

1. *Find*: every rule of ``data/times/rules.yml`` (regular expressions over the text,
   built from the words of ``data/times/lexicon.yml``) proposes spans; a rule's check
   may refuse one on the parse ("May" the verb, "1998" a count, "current" a noun).
   The longest span wins; on equal length the rule listed first.
2. *Normalise*, in text order: each rule's handler computes the value against the
   reference date ``doc._.communique_published``. Weekdays and months without a year
   take the tense of their verb ("said Tuesday" -> the Tuesday before, "will meet
   Tuesday" -> the one after). Anaphoric expressions ("the quarter", "a year
   earlier", "the year-ago period") resolve against the last time named before them.
3. *Extend*: modifiers join the span ("late yesterday", "nearly two years", "the end
   of 2022"; the end of a year is its last day, 2022-12-31).
4. *Merge*: a clock time or part of day next to a day becomes one TIME
   ("10 p.m. Wednesday" -> 1998-02-11T22:00).

Without a published date, values relative to it keep TIMEX3 placeholders at their
granularity: "today" -> XXXX-XX-XX, "last week" -> XXXX-WXX, "last year" -> XXXX,
"this Spring" -> XXXX-SP, "Tuesday" -> XXXX-WXX-2, "10:30 a.m." -> XXXX-XX-XXT10:30;
absolute dates, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are unaffected.

Conventions (TimeBank's, where its annotation is consistent): decades "199", centuries
"19XX", duration units Y M W D Q DE (decade) C (century) L (millennium) and PTnH/PTnM/
PTnS; sets "P1W" ("every week", "weekly" used as an adverb), "XXXX-WXX-2" ("each
Tuesday"); "the quarter" / "the latest period" is the last quarter named (or the last
one completed before the published date).
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_yaml

if not Doc.has_extension("communique_times"):
    Doc.set_extension("communique_times", default=None)

DEFAULT_LEXICON = "times/lexicon.yml"
DEFAULT_RULES = "times/rules.yml"
SEASON_ORDER = ("SP", "SU", "FA", "WI")
# Shift words that count from the last time named, not from the published date.
ANCHORED_SHIFTS = {"the following", "the preceding", "the previous", "the prior"}
CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S"}
DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$|^(\d{4}|XXXX)-W(\d\d|XX)-\d$")


# --------------------------------------------------------------------------- data
def _read(name: str):
    """A data file: a path on disk, or a path under communique/data."""
    path = Path(name).expanduser()
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    return load_yaml(name)


def _alt(words, case_sensitive: bool = False, abbreviation: str | None = None) -> str:
    """A regex alternation of words, longest first; spaces match any whitespace,
    apostrophes both ' and ’. Case-sensitive words match as written or in capitals;
    abbreviation: "?" (optional dot) or "" (dot required) after abbreviations."""
    forms = set()
    for w in words:
        forms.add(w)
        if case_sensitive:
            forms.add(w.upper())
    parts = []
    for w in sorted(forms, key=lambda x: (-len(x), x)):
        p = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        if abbreviation is not None:
            p += r"\." + abbreviation
        parts.append(p)
    body = "|".join(parts)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


class Lexicon:
    """The words of lexicon.yml, as lookups and as regex placeholders."""

    def __init__(self, data: dict):
        self.data = data
        self.months = {k.lower(): v for k, v in {**data["months"], **data["month_abbreviations"]}.items()}
        self.ambiguous_months = {m.lower() for m in data["ambiguous_months"]}
        self.month_cues = {c.lower() for c in data["month_cues"]}
        self.weekdays = {k.lower(): v for k, v in {**data["weekdays"], **data["weekday_abbreviations"]}.items()}
        self.number_words = {_key(k): v for k, v in data["number_words"].items()}
        self.multipliers = data["multipliers"]
        self.vague = {_key(v) for v in data["vague_numbers"]}
        self.ordinals = {_key(k): v for k, v in data["ordinals"].items()}
        self.units = {k.lower(): v for k, v in data["units"].items()}
        self.unit_split = data["unit_split"]
        self.frequency = {k.lower(): v for k, v in data["frequency_adverbs"].items()}
        self.vague_durations = {_key(k): v for k, v in data["vague_durations"].items()}
        self.seasons = {k.lower(): v for k, v in data["seasons"].items()}
        self.season_months = data["season_months"]
        self.parts_of_day = {k.lower(): v for k, v in data["parts_of_day"].items()}
        self.clock_words = {k.lower(): v for k, v in data["clock_words"].items()}
        self.zones = {_key(k): v for k, v in data["time_zones"].items()}
        self.relative_days = {_key(k): v for k, v in data["relative_days"].items()}
        self.shifts = {_key(k): v for k, v in data["shifts"].items()}
        self.references = {_key(w): ref for ref, words in data["references"].items() for w in words}
        self.reference_adjectives = {_key(w) for w in data["reference_adjectives"]}
        self.decade_words = {k.lower(): v for k, v in data["decade_words"].items()}
        self.holidays_fixed = {_key(k): v for k, v in data["holidays_fixed"].items()}
        self.holidays_weekday = {_key(k): v for k, v in data["holidays_weekday"].items()}
        self.year_end_prefixes = {_key(p) for p in data["year_end_prefixes"]}
        self.future_auxiliaries = {w.lower() for w in data["future_auxiliaries"]}
        self.future_participles = {w.lower() for w in data["future_participles"]}
        self.measure_units = {w.lower() for w in data["measure_units"]}
        self.events = [(re.compile(r"(?i)^(?:" + "|".join(e["names"]) + r")$"), e["years"]) for e in data["events"]]
        self.event_edges = {k.lower(): v for k, v in data["event_edges"].items()}

    def trigger_lists(self) -> dict[str, set[str]]:
        """Lexicon lists that rules.yml may name as triggers."""
        d = self.data
        return {
            "MONTH": _trigger_words(list(d["months"]) + list(d["month_abbreviations"])),
            "WEEKDAY": _trigger_words(list(d["weekdays"]) + list(d["weekday_abbreviations"])),
            "WEEKDAYS": {w.lower() + "s" for w in d["weekdays"]},
            "HOLIDAY": _trigger_words(list(d["holidays_fixed"]) + list(d["holidays_weekday"])),
            "DECADE_WORD": _trigger_words(d["decade_words"]),
            "SEASON": _trigger_words(d["seasons"]),
            "RELATIVE_DAY": _trigger_words(d["relative_days"]),
            "POD": _trigger_words(d["parts_of_day"]),
            "CALENDAR_UNIT": _trigger_words(d["calendar_units"]),
            "CLOCK_WORD": _trigger_words(d["clock_words"]),
            "UNIT": _trigger_words(d["units"]),
            "BARE_UNIT": _trigger_words(d["bare_units"]),
            "VAGUE_DURATION": _trigger_words(d["vague_durations"]),
            "FREQUENCY": _trigger_words(d["frequency_adverbs"]),
            "REFERENCE": _trigger_words(w for words in d["references"].values() for w in words),
            "EVENT_EDGE": _trigger_words(d["event_edges"]),
        }

    def placeholders(self) -> dict[str, str]:
        d = self.data
        ones = "one|two|three|four|five|six|seven|eight|nine"
        tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        specials = _alt([k for k in d["number_words"] if " " in k])
        word_num = (rf"(?:(?:{tens})(?:[\s-](?:{ones}))?|{teens}|{ones}|{specials}|dozen|an?)"
                    rf"(?:[\s-]+(?:{_alt(d['multipliers'])}))*")
        holidays = list(d["holidays_fixed"]) + list(d["holidays_weekday"])
        return {
            "MONTH": rf"(?:{_alt(d['months'], True)}|{_alt(d['month_abbreviations'], True, '?')})",
            "MONTH_NAME": rf"(?:{_alt(d['months'], True)}|{_alt(d['month_abbreviations'], True, '')})",
            "WEEKDAY": rf"(?:{_alt(d['weekdays'], True)}|{_alt(d['weekday_abbreviations'], True, '')})",
            "WEEKDAY_NAME": _alt(d["weekdays"], True),
            "WEEKDAYS": _alt([w + "s" for w in d["weekdays"]], True),
            "DAY": r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?",
            "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})",
            "NUM": rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{word_num})",
            "VAGUE": _alt(d["vague_numbers"]),
            "VAGUE_DURATION": _alt(d["vague_durations"]),
            "ORD": _alt(d["ordinals"]),
            "UNIT": _alt(d["units"]),
            "CALENDAR_UNIT": _alt(d["calendar_units"]),
            "SHIFT": _alt(d["shifts"]),
            "SEASON": _alt(d["seasons"]),
            "POD": _alt([p for p in d["parts_of_day"] if not p.endswith("s")]),
            "ZONE": _alt(d["time_zones"], True),
            "CLOCK_WORD": _alt(d["clock_words"]),
            "RELATIVE_DAY": _alt(d["relative_days"]),
            "FREQUENCY": _alt(d["frequency_adverbs"]),
            "REFERENCE": _alt([w for words in d["references"].values() for w in words]),
            "HOLIDAY": _alt(holidays, True),
            "EVENT": "(?:" + "|".join(n for e in d["events"] for n in e["names"]) + ")",
            "EVENT_EDGE": _alt(d["event_edges"]),
            "DECADE_WORD": _alt(d["decade_words"]),
            "AMPM": r"(?:[ap]\.\s?m\.|[ap]\.m\b|(?-i:am|pm|AM|PM)\b)",
            "BARE_UNIT": _alt(d["bare_units"]),
            "BARE_CUE": _alt(d["bare_unit_cues"]),
        }

    def number(self, text: str) -> float | None:
        """A number written in digits or words ("48", "1,000", "eleven", "twenty-five")."""
        t = _key(text).replace(",", "")
        try:
            return float(t)
        except ValueError:
            pass
        if t in self.number_words:
            return self.number_words[t]
        total, current = 0.0, 0.0
        for w in re.split(r"[\s-]+", t):
            if w in self.number_words:
                current += self.number_words[w]
            elif w in self.multipliers:
                current = (current or 1) * self.multipliers[w]
                if self.multipliers[w] >= 1000:
                    total, current = total + current, 0.0
            elif w != "and":
                return None
        return total + current or None


@dataclass
class Rule:
    name: str
    handler: str
    regex: re.Pattern
    check: str | None
    triggers: frozenset[str]  # lower-case words; "DIGITS" for any number
    back: int  # how many word starts before a trigger a match may begin


WORD_START = re.compile(r"[^\W_]+|['’$€£¥]")


def _trigger_words(phrases) -> set[str]:
    """The word of each phrase that a text must contain for it: its last real word."""
    words = set()
    for phrase in phrases:
        parts = [w for w in re.findall(r"[^\W_]+", str(phrase).lower()) if w != "s"]
        if parts:
            words.add(parts[-1])
    return words


@lru_cache(maxsize=8)
def load_grammar(lexicon: str = DEFAULT_LEXICON, rules: str = DEFAULT_RULES) -> tuple[Lexicon, list[Rule], dict]:
    """The lexicon and the compiled rules (once per process)."""
    lex = Lexicon(_read(lexicon))
    holes = lex.placeholders()
    lists = lex.trigger_lists()
    compiled = []
    for r in _read(rules)["rules"]:
        pattern = r["pattern"].replace("'", "['’]")
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: holes[m.group(1)], pattern)
        triggers = set()
        for t in r["triggers"]:
            t = str(t)
            triggers |= lists[t] if t in lists else {t if t == "DIGITS" else t.lower()}
        compiled.append(Rule(r["name"], r["handler"], re.compile(pattern, re.IGNORECASE), r.get("check"),
                             frozenset(triggers), int(r.get("back", 5))))
    d = lex.data
    extras = {
        "point_prefix": re.compile(r"(?i)(?<![\w-])(" + _alt(d["point_prefixes"])[3:-1] + r")\s*$"),
        "duration_prefix": re.compile(r"(?i)(?<![\w-])(" + _alt(d["duration_prefixes"])[3:-1] + r")\s+$"),
        "point_suffix": re.compile(r"(?i)^\s+(" + _alt(d["point_suffixes"])[3:-1] + r")\b"),
        "ended": re.compile(r"(?i)^\s+(?:ended|ending|that\s+ended|which\s+ended|through|to)\s+(?:on\s+)?(?P<month>"
                            + holes["MONTH"] + r")\s+(?P<day>" + holes["DAY"] + r")"),
        "ended_any": re.compile(r"(?i)^\s+(?:ended|ending|that\s+ended|which\s+ended)\b"),
        "joiner": re.compile(r"(?i)^\s*,?\s*(?:(?:on|at|of|in\s+the)\s+)?$"),
    }
    return lex, compiled, extras


# --------------------------------------------------------------------------- values
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


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


@dataclass
class Hit:
    type: str
    value: str
    anchor: tuple | None = None  # (granularity, key) this expression names, for later anaphora
    open_date: bool = False  # a clock time or part of day whose day is only the default


class Context:
    """One document: its text, parse, reference date and the times named so far."""

    def __init__(self, doc: Doc, dct: date | None, lex: Lexicon):
        self.doc, self.text, self.dct, self.lex = doc, doc.text, dct, lex
        self.anchor: tuple | None = None  # the last point named: ("D", date) | ("M", (y, m)) | ("Q", (y, q)) | ("Y", y)
        self.last_quarter: tuple[int, int] | None = None
        self.period: tuple | None = None  # the last quarter or the last period-long duration
        self.has_pos = doc.has_annotation("TAG") or doc.has_annotation("POS")
        self.has_dep = doc.has_annotation("DEP")
        self.has_ner = doc.has_annotation("ENT_IOB")
        self._starts: list[int] | None = None

    # tokens
    def token_at(self, char: int):
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        i = bisect_right(self._starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def root(self, start: int, end: int):
        tok = self.token_at(start)
        if tok is None:
            return None
        while tok.head.i != tok.i and start <= tok.head.idx < end:
            tok = tok.head
        return tok

    def previous_word(self, start: int) -> str:
        m = re.search(r"([\w'’-]+)\W*$", self.text[max(0, start - 25):start])
        return m.group(1).lower() if m else ""

    def tense(self, start: int, end: int) -> str | None:
        """past | future | present | None: the tense of the verb the expression hangs on."""
        if not self.has_dep:
            return None
        tok = self.root(start, end)
        for _ in range(6):
            if tok is None:
                return None
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                break
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        else:
            return None
        return self._verb_tense(tok, 0)

    def _verb_tense(self, tok, depth: int) -> str | None:
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in auxes}
        if words & self.lex.future_auxiliaries:
            return "future"
        if "to" in words:
            # an infinitive takes its time from the verb it depends on: "plans to meet
            # Friday" (future), "had been due to expire Friday" (past)
            head = tok.head
            if depth < 3 and head.i != tok.i and head.pos_ in ("VERB", "AUX", "ADJ"):
                while head.pos_ == "ADJ" and head.head.i != head.i:
                    head = head.head
                if head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
                    return "future"  # "set to resume Monday", "expected to close Friday"
                return "past" if self._verb_tense(head, depth + 1) == "past" else "future"
            return "future"
        if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
            return "past"
        if tok.tag_ == "VBN" and not auxes and tok.lemma_.lower() in self.lex.future_participles:
            return "future"  # "expected in June", "scheduled for Tuesday"
        if tok.tag_ == "VBN" and (not auxes or words & {"has", "have", "'ve", "had", "'d"}):
            return "past"
        if tok.tag_ == "VBN":
            return "present"
        if tok.tag_ in ("VBZ", "VBP", "VBG", "VB"):
            if tok.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
                return "future"  # "is meeting Tuesday"
            return "present"
        return None


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
        base = {"nineteen": 1900, "eighteen": 1800, "two thousand": 2000}[hi]
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
        if not n or n > 21 or _key(o) in ("last", "final"):
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
        h = 1 if o in ("first", "1st") else 2
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
        year_ago = which in ("year-ago", "year-earlier", "prior-year", "year-before") or bool(g.get("ago"))
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
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the same": 0}[which]
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
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(shift, 0)
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
            if _key(g["shift"]) in ("the past", "the last", "the next", "the coming"):
                return Hit("DURATION", "P1C")
            if ctx.dct is None:
                return Hit("DATE", "XXXX")
            return Hit("DATE", f"{ctx.dct.year // 100 + shift:02d}XX")
        if _key(g["shift"]) in ANCHORED_SHIFTS and ctx.anchor and unit in ("week", "month", "year", "quarter"):
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
        sign = 1 if direction in ("hence", "from now") else -1
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
            gran, key = ctx.anchor
            if gran == "Q" and unit in ("Y", "Q"):
                y, q = _add_quarters(key, n * (4 if unit == "Y" else 1))
                return Hit("DATE", f"{y:04d}-Q{q}")
            if gran == "D":
                return Hit("DATE", _day(_shift_date(key, n, unit)))
            if gran == "M" and unit in ("Y", "M", "Q"):
                d = _shift_date(date(key[0], key[1], 1), n, unit)
                return Hit("DATE", f"{d.year:04d}-{d.month:02d}")
            if gran == "Y" and unit in ("Y", "DE", "C"):
                y = _shift_date(date(key, 1, 1), n, unit).year
                return Hit("DATE", f"{y:04d}")
        if unit in ("Y", "Q") and abs(n) == 1 and ctx.period and ctx.period[0] == "Q":
            y, q = _add_quarters(ctx.period[1], n * (4 if unit == "Y" else 1))
            return Hit("DATE", f"{y:04d}-Q{q}")
        d = _shift_date(ctx.dct, n, unit)
        if unit == "Y":
            return Hit("DATE", f"{d.year:04d}")
        if unit == "M":
            return Hit("DATE", f"{d.year:04d}-{d.month:02d}")
        if unit == "Q":
            y, q = _quarter_of(d)
            return Hit("DATE", f"{y:04d}-Q{q}")
        if unit == "DE":
            return Hit("DATE", f"{d.year // 10:03d}")
        if unit == "C":
            return Hit("DATE", f"{d.year // 100:02d}XX")
        if unit in ("D", "W"):
            return Hit("DATE", _day(d))
        return None

    # ----------------------------------------------------------- clock times
    def clock(self, ctx, g, start, end):
        if g.get("word"):
            hhmm = self.lex.clock_words[g["word"].lower()]
        else:
            h = int(g["hour"])
            minute = int(g["minute"]) if g.get("minute") else 0
            ampm = (g.get("ampm") or g.get("ampm2") or "").lower()
            if ampm.startswith("p") or any(w in ampm for w in ("afternoon", "evening", "night")):
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


class Checks:
    """Filters named in rules.yml: (context, match) -> keep the candidate?"""

    REFUSED_YEAR_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL", "PRODUCT", "FAC", "LAW"}
    YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "your", "my", "this", "that", "s", "'s"}
    NAME_ENTITIES = {"PERSON", "ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT", "NORP", "LOC", "EVENT"}

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def month_alone(self, ctx: Context, m: re.Match) -> bool:
        if m.group("shift"):
            return True
        tok = ctx.token_at(m.start("month"))
        ent = tok.ent_type_ if (tok is not None and ctx.has_ner) else ""
        if ent in self.NAME_ENTITIES:
            return False
        name = m.group("month").rstrip(".").lower()
        if name not in self.lex.ambiguous_months:
            return True
        if ent == "DATE":
            return True
        return ctx.previous_word(m.start()) in self.lex.month_cues

    def year_alone(self, ctx: Context, m: re.Match) -> bool:
        if m.group("prefix"):
            return True
        y = int(m.group("year"))
        tok = ctx.token_at(m.start("year"))
        if tok is None:
            return False
        if ctx.has_pos and tok.i + 1 < len(ctx.doc):
            nxt = ctx.doc[tok.i + 1]
            if (nxt.tag_ == "NNS" or nxt.pos_ == "NOUN" and nxt.lower_.endswith("s")) and \
                    ctx.previous_word(m.start()) not in self.YEAR_DETERMINERS and \
                    not ctx.previous_word(m.start()).endswith(("'s", "’s")):
                return False  # "sent 2000 soldiers", but "the 2016 elections"
        if ctx.has_ner and tok.ent_type_:
            if tok.ent_type_ == "DATE":
                return 1000 <= y <= 2099
            if tok.ent_type_ in self.REFUSED_YEAR_ENTITIES:
                return False
        return 1800 <= y <= 2099

    def season(self, ctx: Context, m: re.Match) -> bool:
        shift = _key(m.group("shift") or "")
        word = m.group("season").lower()
        after = ctx.text[m.end():m.end() + 6].lower()
        if m.group("year") or (shift and shift != "the") or m.group("part"):
            return True
        if not shift and ctx.previous_word(m.start()) == "the":
            return False  # judged with its article, as "the fall"
        if word in ("fall", "autumn") or shift == "the":
            if re.match(r"\s+(of|in)\b", after):
                return False
            cue = ctx.previous_word(m.start())
            return cue in ("in", "during", "this", "by", "until", "till", "since", "over", "through", "throughout",
                           "next", "last", "early", "late", "the", "before", "after")
        return ctx.previous_word(m.start()) in ("in", "during", "by", "until", "till", "since", "over", "through",
                                                 "throughout", "before", "after", "this", "last", "next")

    def half(self, ctx: Context, m: re.Match) -> bool:
        return bool(m.group("year") or m.group("yshift"))

    def anchored_quarter(self, ctx: Context, m: re.Match) -> bool:
        if m.group("what").lower() == "period":
            return bool(m.group("which") or m.group("ago"))
        tok = ctx.token_at(m.start("what"))
        return not (tok is not None and ctx.has_ner and tok.ent_type_ in self.NAME_ENTITIES)

    def relative_unit(self, ctx: Context, m: re.Match) -> bool:
        """Not a title: "This Week With David Brinkley"."""
        unit = m.group("unit")
        return not (unit[0].isupper() and not unit.isupper() and m.group("shift")[0].isupper()
                    and ctx.text[m.start() - 2:m.start()].strip() not in ("", ".", "!", "?"))

    def vague_duration(self, ctx: Context, m: re.Match) -> bool:
        unit = m.group("unit")
        title = unit[0].isupper() and m.group("vague")[0].isupper() and \
            ctx.text[m.start() - 2:m.start()].strip() not in ("", ".", "!", "?")  # "The Last Days of Dolwyn"
        return unit.lower().endswith("s") and not title

    def rate(self, ctx: Context, m: re.Match) -> bool:
        """"a year" as a rate: after a quantity ("50,000 cars a year"), not "for a year"."""
        if ctx.previous_word(m.start()) in ("for", "in", "within", "than", "about", "nearly", "almost", "over",
                                             "after", "once", "twice", "of", "half", "than", "only", "just"):
            return False
        if ctx.previous_word(m.start()) in self.lex.measure_units:
            return False  # "75 miles per hour"
        tok = ctx.token_at(m.start())
        if tok is None or not ctx.has_pos:
            return False
        window = ctx.doc[max(0, tok.i - 4):tok.i]
        return any(t.like_num or t.text in ("$", "€", "£", "%") for t in window) and \
            tok.i > 0 and ctx.doc[tok.i - 1].pos_ in ("NOUN", "NUM", "PROPN", "SYM")

    def not_a_speed(self, ctx: Context, m: re.Match) -> bool:
        return ctx.previous_word(m.start()) not in self.lex.measure_units

    def adverb(self, ctx: Context, m: re.Match) -> bool:
        tok = ctx.token_at(m.start())
        if tok is None or not ctx.has_pos:
            return True
        return tok.pos_ == "ADV" or tok.tag_ == "RB"

    def reference(self, ctx: Context, m: re.Match) -> bool:
        word = _key(m.group("word"))
        tok = ctx.token_at(m.start())
        if word in self.lex.reference_adjectives:
            if tok is None or not ctx.has_pos:
                return False
            nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
            return tok.pos_ == "ADJ" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
        if word in ("the past", "the future", "the near future"):
            # "the past three years" is a duration, not PAST_REF
            nxt = re.match(r"\s+([\w-]+)", ctx.text[m.end():m.end() + 20])
            w = nxt.group(1).lower() if nxt else ""
            if w in self.lex.units or w in self.lex.vague or w in ("few", "several", "couple") or \
                    self.lex.number(w) is not None:
                return False
        if word == "now" and m.group("word")[0] == "N":
            # a sentence that opens with "Now" is a discourse marker ("Now, he says")
            before = ctx.text[max(0, m.start() - 3):m.start()].strip()
            if before == "" or before[-1] in ".!?\"“”'`:":
                return False
        if word == "soon":
            after = ctx.text[m.end():m.end() + 12].lower()
            return ctx.previous_word(m.start()) not in ("as", "how", "too") and \
                not re.match(r"\s*(as|after|afterward|thereafter|enough)\b", after)
        return True


class TimeTagger:
    """The component: finds, normalises, extends and merges time expressions."""

    def __init__(self, lexicon: str = DEFAULT_LEXICON, rules: str = DEFAULT_RULES):
        self.lex, self.rules, self.extras = load_grammar(lexicon, rules)
        self.normalizer = Normalizer(self.lex, self.extras)
        self.checks = Checks(self.lex)
        self.by_word: dict[str, list[int]] = {}
        self.by_digit: list[int] = []
        for order, rule in enumerate(self.rules):
            for word in rule.triggers:
                if word == "DIGITS":
                    self.by_digit.append(order)
                else:
                    self.by_word.setdefault(word, []).append(order)

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_times = self.find(doc, _parse_date(doc._.communique_published))
        return doc

    def find(self, doc: Doc, dct: date | None) -> list[dict]:
        ctx = Context(doc, dct, self.lex)
        return self._resolve(ctx, self._candidates(doc.text))

    def _candidates(self, text: str) -> list[tuple]:
        """(-length, rule order, start, end, match) for every rule match: each rule is
        tried at its trigger words and the few word starts before them."""
        starts: list[int] = []
        tries: dict[int, set[int]] = {}
        for k, w in enumerate(WORD_START.finditer(text)):
            starts.append(w.start())
            word = w.group().lower()
            orders = self.by_digit if word[0].isdigit() else self.by_word.get(word)
            if orders:
                for order in orders:
                    tries.setdefault(order, set()).update(starts[max(0, k - self.rules[order].back):k + 1])
        candidates, seen = [], set()
        for order, positions in tries.items():
            rule = self.rules[order]
            has_span = "span" in rule.regex.groupindex
            for p in sorted(positions):
                m = rule.regex.match(text, p)
                if m is None:
                    continue
                s, e = m.span("span") if has_span and m.group("span") else m.span()
                if e > s and (order, s, e) not in seen:
                    seen.add((order, s, e))
                    candidates.append((s - e, order, s, e, m))
        return candidates

    def _resolve(self, ctx: Context, candidates: list[tuple]) -> list[dict]:
        """Longest first, checked; then normalised in text order, extended and merged."""
        text, dct = ctx.text, ctx.dct
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        taken = bytearray(len(text) + 1)
        chosen = []
        for _, order, s, e, m in candidates:
            if any(taken[s:e]):
                continue
            rule = self.rules[order]
            if rule.check and not getattr(self.checks, rule.check)(ctx, m):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, rule, m))
        chosen.sort(key=lambda c: c[0])

        found = []  # [start, end, Hit]
        for s, e, rule, m in chosen:
            hit = getattr(self.normalizer, rule.handler)(ctx, m.groupdict(), s, e)
            if hit is None:
                continue
            if hit.anchor:
                ctx.anchor = hit.anchor
                if hit.anchor[0] == "Q" and (dct is None or hit.anchor[1] <= _quarter_of(dct)):
                    # a quarter still to come is a forecast, not the period being reported
                    ctx.last_quarter = hit.anchor[1]
                    ctx.period = hit.anchor
            found.append([s, e, hit])
        self._extend(text, found)
        found = self._merge(text, found)
        return [{"type": h.type, "value": h.value, "span": (s, e)} for s, e, h in found]

    def _extend(self, text: str, found: list) -> None:
        for k, item in enumerate(found):
            s, e, hit = item
            floor = found[k - 1][1] if k else 0
            ceiling = found[k + 1][0] if k + 1 < len(found) else len(text)
            window = text[max(floor, s - 40):s]
            if hit.type == "DURATION":
                # "nearly two years", but not "over" + "the past decade"
                pm = None if text.startswith("the", s) else self.extras["duration_prefix"].search(window)
            elif hit.value.endswith("_REF") or hit.type == "SET":
                pm = None
            else:
                pm = self.extras["point_prefix"].search(window)
            if pm:
                item[0] = s - len(window) + pm.start(1)
                if hit.type == "DATE" and re.fullmatch(r"\d{4}", hit.value) and \
                        _key(pm.group(1)) in self.lex.year_end_prefixes:
                    item[2] = Hit("DATE", hit.value + "-12-31", hit.anchor)
            if hit.type in ("DATE", "TIME") and not hit.value.endswith("_REF"):
                sm = self.extras["point_suffix"].match(text[e:ceiling])
                if sm:
                    item[1] = e + sm.end(1)

    def _merge(self, text: str, found: list) -> list:
        """A clock time or part of day next to a day: one TIME on that day."""
        out = []
        for item in found:
            if out:
                prev = out[-1]
                a, b = prev[2], item[2]
                gap = text[prev[1]:item[0]]
                pair = None
                if a.open_date and b.type == "DATE" and DAY_VALUE.match(b.value):
                    pair = (b.value, a.value.split("T", 1)[1])
                elif b.open_date and a.type == "DATE" and DAY_VALUE.match(a.value):
                    pair = (a.value, b.value.split("T", 1)[1])
                if pair and self.extras["joiner"].match(gap):
                    out[-1] = [prev[0], item[1], Hit("TIME", f"{pair[0]}T{pair[1]}")]
                    continue
            out.append(item)
        return out


def _parse_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@Language.factory(
    "communique_times",
    assigns=["doc._.communique_times"],
    default_config={"lexicon": DEFAULT_LEXICON, "rules": DEFAULT_RULES},
)
def make_times(nlp: Language, name: str, lexicon: str, rules: str) -> TimeTagger:
    """Time expressions with TIMEX3 values. lexicon / rules: a data file under
    communique/data or a path of the user's own (same shape as the built-ins)."""
    return TimeTagger(lexicon, rules)
