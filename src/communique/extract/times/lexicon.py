"""The words of ``data/times/lexicon.yml``: lookups, and the regex placeholders rules use.

:class:`Lexicon` turns the checked data file into lookups (month name -> number,
unit word -> TIMEX3 unit, ...) and into the ``{PLACEHOLDER}`` alternations that
``data/times/rules.yml`` patterns are written with (:meth:`Lexicon.placeholders`), and
the trigger-word lists rules name (:meth:`Lexicon.trigger_lists`).
"""
from __future__ import annotations

import re

from ...resources import Schema

# The keys of lexicon.yml: tables (mappings) and lists; each is documented in the file.
_TABLES = (
    "weekdays", "weekday_abbreviations", "number_words", "multipliers",
    "ordinals", "units", "unit_split", "frequency_adverbs", "seasons", "parts_of_day", "clock_words", "time_zones",
    "relative_days", "shifts", "references", "vague_durations", "decade_words", "holidays_fixed",
    "holidays_weekday", "event_edges", "anchored_steps", "part_of_day_shifts", "spelled_centuries",
)
_LISTS = (
    "ambiguous_months", "month_cues", "vague_numbers", "calendar_units", "point_prefixes", "year_end_prefixes",
    "point_suffixes", "duration_prefixes", "future_auxiliaries", "future_participles", "measure_units",
    "reference_adjectives", "bare_unit_cues", "bare_units", "events",
    # cue words
    "year_determiners", "season_cues", "ambiguous_seasons", "ambiguous_season_cues", "rate_refusers",
    "duration_references", "duration_reference_words", "soon_refusers_before", "soon_refusers_after",
    "perfect_auxiliaries", "progressive_auxiliaries", "anchored_shifts", "duration_shifts", "relative_ordinals",
    "first_ordinals", "year_ago_words", "forward_directions", "pm_words", "period_end_cues", "period_range_cues",
    "joiner_words",
)
LEXICON_SCHEMA = Schema(required={**{k: dict for k in _TABLES}, **{k: list for k in _LISTS}})

DEFAULT_LEXICON = "times/lexicon.yml"
DEFAULT_RULES = "times/rules.yml"


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
        # cue words (the comments in lexicon.yml say what each is for)
        cue_lists = ("year_determiners", "season_cues", "ambiguous_seasons", "ambiguous_season_cues", "rate_refusers",
                     "duration_references", "duration_reference_words", "soon_refusers_before", "perfect_auxiliaries",
                     "progressive_auxiliaries", "anchored_shifts", "duration_shifts", "relative_ordinals",
                     "first_ordinals", "year_ago_words", "forward_directions", "pm_words")
        self.cues: dict[str, frozenset[str]] = {k: frozenset(_key(str(w)) for w in data[k]) for k in cue_lists}
        self.anchored_steps = {_key(k): v for k, v in data["anchored_steps"].items()}
        self.part_of_day_shifts = {_key(k): v for k, v in data["part_of_day_shifts"].items()}
        self.spelled_centuries = {_key(k): v for k, v in data["spelled_centuries"].items()}
        self.soon_refused_after = re.compile(r"\s*" + _alt(data["soon_refusers_after"]) + r"\b")

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



def _trigger_words(phrases) -> set[str]:
    """The word of each phrase that a text must contain for it: its last real word."""
    words = set()
    for phrase in phrases:
        parts = [w for w in re.findall(r"[^\W_]+", str(phrase).lower()) if w != "s"]
        if parts:
            words.add(parts[-1])
    return words

