"""Quantities: numbers with their units, what they measure, and how they are stated.

``communique_quantities`` runs after the parser and ``ner`` (it works without them, with
less: no counted nouns, kinds or subjects). It finds numbers with its own patterns
(digits, number words, fractions, scale words and newswire abbreviations), reads the
unit after them or the currency around them, and uses the tags, lemmas and parse for
what a number counts, what it measures and how it is used. It does not use the NER
labels: the small model tags "42" and "45" as DATE and misses most units. It sets
``doc._.communique_quantities`` to a list of dicts, in text order::

    value        float, fully expanded: "200B" -> 200000000000, "3.4 mln" -> 3400000,
                 "eleven" -> 11, "2 1/2" -> 2.5, "half a million" -> 500000; the sign of
                 a written minus kept ("-18 °C"); a range's midpoint ("between 10 and 20" -> 15)
    unit         ISO 4217 code for money ("USD", "EUR", "GBP", "CNY", "RUB", "INR"...; from
                 "$", "US$", "dlrs", "yuan", "roubles", "pounds sterling", "stg", "USD"...),
                 "cent"/"penny" for subunits, "percent", "percentage point", "basis point",
                 a unit's name ("metre", "kilogram", "tonne", "barrel", "degree Celsius",
                 "square kilometre", "year"...), "A/B" for a rate ("USD/barrel", "barrel/day",
                 "kilometre/hour", "cent/share"), "times" for a multiple, the counted noun as
                 written ("troops", "vessels", "people"), or "" for a bare number
    kind         amount   a size or a level (the default)
                 change   the size of a change: "grow by 25%", "increase 36%", "rose 5 pct",
                          "up 3%", "a 5% rise", "an increase of 25%"; the level reached
                          ("increase 36% to 6B USD") is an amount
                 target   a goal: "his stated goal of 200B USD", "a $5 billion target",
                          "aims to reach 1,000 stores"
                 range    "between 10 and 20", "10-20 troops", "3 to 4 L", "8- to 16-meter"
                 rate     a compound unit: "$80 a barrel", "3.5 million barrels per day"
                 duration a length of time: "three days", "a two-year period"
                 age      "a 50-year-old man", "aged 41", "at the age of 99" (unit "year")
                 ratio    a multiple: "three times"
    approximate  true after about, around, roughly, approximately, nearly, almost, some,
                 close to, an estimated, near... and with "-odd", "-ish", "or so"
    bound        None | "min" (more than, over, at least, "-plus", "or more"...) | "max" (up
                 to, less than, fewer than, no more than; also nearly, almost, just under,
                 which are approximate as well) | "exact" (exactly, precisely). "up to" is a
                 bound, not an approximation.
    range        [low, high] or None
    span         (start, end) character offsets, modifiers and unit included ("about 25%")
    subject      what is measured, from the parse, or None: the noun the quantity modifies
                 ("200B USD trade volume" -> "trade volume"), the "of" phrase ("barrels of
                 oil" -> "oil"), the counted noun, or the subject of the verb it depends on
                 ("trade will grow by 25%" -> "trade"); subject_span its offsets

Readings chosen: "from 5% to 7%" after a change verb is two levels, not a range ("rose
from"), unless the first number has no unit of its own ("could drop 1.3 to four mln
barrels"); "49 percent to 42 percent" (falling) is two quantities; "a dozen" is 12;
"pound(s)" is sterling unless it weighs ("weighs 200 pounds", "a twenty-pound bag",
"pounds of cocaine"); "5m" is metres unless money or a plural noun follows ("5m people").

Not quantities: dates ("December 30, 2022", "in 2023", "2013-14", "the 2018 elections"),
clock times ("0355 EST", "2 pm", "10:30", "1000 hrs"), ordinals and decades ("second",
"21st", "1990s"), names and labels ("G20", "Boeing 737", "COVID-19", "Article 5", "F-16",
"Six Flags"), scores ("won 3-1"), durations that are a period of the calendar ("over the
last eleven months", "three days ago": time expressions), "one" as a pronoun ("one of
them", "one thing"), "the two countries" (a reference back), list numbers and citations.

All words (number words, scales, currencies, units, modifiers, change and target words,
labels) are data files in ``communique/data/quantities/``, loaded once per process.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_yaml

if not Doc.has_extension("communique_quantities"):
    Doc.set_extension("communique_quantities", default=None)

VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# Spacing inside a quantity: spaces, and at most one line break (hard-wrapped newswire).
WS = r"[ \t\u00a0]*(?:\n[ \t\u00a0]*)?"
DASHES = "-–—"
MINUS = "-−–"


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _plurals(name: str) -> list[str]:
    """A name and its plural: the head word takes the -s ("degrees Celsius",
    "pounds sterling", "barrels of oil", "kilometres per hour", "square kilometres")."""
    words = name.split()
    if not words:
        return []
    head = len(words) - 1
    for i, w in enumerate(words):
        if i and w.lower() in ("per", "of", "an", "a"):
            head = i - 1
            break
    else:
        if len(words) > 1 and words[0].lower() in ("degree", "pound"):
            head = 0
    plural = words[:head] + [_plural(words[head])] + words[head + 1:]
    return [name, " ".join(plural)]


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _alternation(phrases, case_insensitive: bool) -> str:
    """Regex alternation, longest first, spaces matching any spacing, whole words.
    The word-start test stands once in front of the words (much faster than in each)."""
    words, others = [], []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s*".join(re.escape(w) for w in p.split())
        if p[-1:].isalnum():
            # a symbol may be followed by a power ("cm³", "km2"), a name may not
            body += r"(?![^\W_])" if case_insensitive else r"(?![^\W\d_²³¹])"
        (words if p[:1].isalnum() else others).append(body)
    parts = []
    if words:
        parts.append(r"(?<![^\W\d_])(?:" + "|".join(words) + ")")
    if others:
        parts.append("|".join(others))
    alt = "|".join(parts) or "(?!)"
    return f"(?i:{alt})" if case_insensitive else f"(?:{alt})"


def _reversed_alternation(phrases, case_insensitive: bool) -> str:
    """An alternation that matches the phrases written backwards, to test cheaply
    (with ``match`` on the reversed text) which of them ends right before a position."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s*".join(re.escape(w) for w in p[::-1].split())
        if p[:1].isalnum():
            body += r"(?![^\W\d_])"
        parts.append(body)
    alt = "|".join(parts) or "(?!)"
    return f"(?i:{alt})" if case_insensitive else f"(?:{alt})"


@dataclass(frozen=True)
class Unit:
    name: str          # written to the record
    dimension: str     # percent, currency, length, time, count, ...
    alias: str         # as matched (lower case for names)
    weak: bool = False  # a currency name that is also an ordinary word


class Lexicon:
    """Everything the component knows about words, compiled once."""

    def __init__(self):
        nums = load_yaml("quantities/numbers.yml")
        units = load_yaml("quantities/units.yml")
        money = load_yaml("quantities/currencies.yml")
        ctx = load_yaml("quantities/context.yml")

        # numbers
        self.ones = {**nums["ones"]}
        self.teens = nums["teens"]
        self.tens = nums["tens"]
        self.hundred = nums["hundred"]
        self.scales = {k: float(v) for k, v in nums["scales"].items()}
        self.dozens = nums["dozens"]
        self.denominators = nums["denominators"]
        self.scale_abbr = {k: float(v) for k, v in nums["scale_abbreviations"].items()}
        self.scale_letters = {k: float(v) for k, v in nums["scale_letters"].items()}
        self.scale_letters_money = {k: float(v) for k, v in nums["scale_letters_money"].items()}
        self.ordinal_suffixes = set(nums["ordinal_suffixes"])
        self.fixed = {k.lower(): (float(v[0]), v[1]) for k, v in nums["fixed_phrases"].items()}
        number_words = [*self.ones, *self.teens, *self.tens, *self.hundred, *self.scales, *self.dozens]
        self.number_words = set(number_words)

        # units after a number: symbols (case-sensitive) and names (any case)
        self.symbols: dict[str, Unit] = {}
        self.names: dict[str, Unit] = {}
        for dimension, entries in units.items():
            if not isinstance(entries, dict):
                continue
            for name, spec in entries.items():
                for s in spec.get("symbols") or []:
                    self.symbols[_key(str(s))] = Unit(name, dimension, str(s))
                for n in spec.get("names") or []:
                    for form in _plurals(str(n)):
                        self.names[_key(form.lower())] = Unit(name, dimension, form.lower())
        self.needs_digits = {str(s) for s in units["needs_digits"]}
        self.time_dimensions = set(units["time_dimensions"])
        self.age_suffixes = set(units["age_suffixes"])
        self.age_prefixes = set(units["age_prefixes"])

        # currencies
        self.prefix_symbols: dict[str, str] = {}
        weak = {w.lower() for w in money["weak_names"]}
        for code, spec in money.items():
            if not (isinstance(spec, dict) and "names" in spec):
                continue
            for s in spec.get("symbols") or []:
                self.prefix_symbols[_key(str(s))] = code
            for s in spec.get("prefix_names") or []:
                self.prefix_symbols[_key(str(s))] = code
            for n in spec.get("names") or []:
                for form in _plurals(str(n)):
                    self.names[_key(form.lower())] = Unit(code, "currency", form.lower(), form.lower() in weak or n.lower() in weak)
        for code in money["codes"]:
            self.prefix_symbols[code] = code
            self.symbols[code] = Unit(code, "currency", code)
        for sym, code in list(self.prefix_symbols.items()):
            if not sym[:1].isalpha():  # "-15€", "100 $"
                self.symbols.setdefault(sym, Unit(code, "currency", sym))
        for name, forms in money["subunits"].items():
            for f in forms:
                if f == "p":
                    continue  # only glued, handled below
                if f.isalpha():
                    self.names[_key(f.lower())] = Unit(name, "currency", f.lower())
                else:
                    self.symbols[_key(f)] = Unit(name, "currency", f)
        self.ambiguous_pound = {w.lower() for w in money["ambiguous_pound"]}
        for w in self.ambiguous_pound:
            self.names[w] = Unit("GBP", "currency", w)

        # context
        self.approximate = {p.lower() for p in ctx["approximate"]}
        self.approximate_after = {p.lower() for p in ctx["approximate_after"]}
        self.bounds = {p.lower(): b for b, ps in ctx["bounds"].items() for p in ps}
        self.bound_not_duration = set(ctx["bound_not_duration"])
        self.change_verbs = set(ctx["change_verbs"])
        self.change_intransitive = set(ctx["change_verbs_intransitive"])
        self.change_nouns = set(ctx["change_nouns"])
        self.change_adverbs = set(ctx["change_adverbs"])
        self.change_units = set(ctx["change_units"])
        self.target_nouns = set(ctx["target_nouns"])
        self.target_verbs = set(ctx["target_verbs"])
        self.reach_verbs = set(ctx["reach_verbs"])
        self.anchors_before = set(ctx["duration_anchors_before"])
        self.anchors_after = {a.lower() for a in ctx["duration_anchors_after"]}
        self.anchors_relative = {a.lower() for a in ctx["duration_anchors_relative"]}
        self.months = {m.lower().rstrip(".") for m in ctx["months"]}
        self.clock_words = {c.lower() for c in ctx["clock_words"]}
        self.labels = {w.lower() for w in ctx["label_nouns"]}
        self.prefix_units = {k.lower(): v for k, v in ctx["prefix_units"].items()}
        self.pronoun_numbers = set(ctx["pronoun_numbers"])
        self.vague_nouns = set(ctx["vague_nouns"])
        self.definite = set(ctx["definite_determiners"])
        self.definite_max = float(ctx["definite_max"])

        # compiled patterns
        nw = _alternation(number_words + ["half"], True)
        fixed = _alternation(list(self.fixed), True)
        exclude = {w.lower() for w in units["article_one_exclude"]}
        a_units = [n for n, u in self.names.items() if u.dimension not in ("time", "currency", "percent", "other")
                   and " " not in n and len(n) > 2 and n not in exclude and u.name not in exclude]
        self.trigger = re.compile(
            r"(?P<d>(?<![\w.,'’])\d+(?:[.,]\d+)*)"
            rf"|(?P<v>(?<![\w])[{VULGAR}])"
            rf"|(?P<w>{nw})"
            rf"|(?P<fixed>{fixed})"
            rf"|(?P<a>(?<![\w])[Aa]n?(?=[ \t]+{_alternation(a_units, True)}))"
        )
        self.digits = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?")
        self.exponent = re.compile(r"[eE]([-−+]?\d+)(?![\w])")
        self.science = re.compile(r"[ \t]*[×x*][ \t]*(\d+)(?:\^|\*\*)?([-−+]?\d+)(?![\w.])")
        self.fraction = re.compile(r"/(\d+)(?![\w/])")
        self.mixed = re.compile(r"(?:[ \t]+|-)(\d+)/(\d+)(?![\w/])")
        self.space_thousands = re.compile(r"[ \u00a0\u2009\u202f](\d{3})(?![\w.,])")
        self.pm = re.compile(r"[ \t]*(?:±|\+/-|\+-)[ \t]*\d+(?:\.\d+)?(?:[eE][-−+]?\d+)?")
        self.word_token = re.compile(r"([ \t]*)(?:(-|–|&|,|and\b)[ \t]*)?([A-Za-z]+)")
        scale_words = _alternation(list(self.scales), True)
        self.scale_after = re.compile(rf"(?:{WS}|-)({scale_words})")
        self.abbr_after = re.compile(rf"(?:{WS}|-)({_alternation(list(self.scale_abbr), True)})")
        self.dozen_after = re.compile(rf"{WS}({_alternation(list(self.dozens), True)})")
        unit_alt = (f"{_alternation([u.alias for u in self.symbols.values()], False)}"
                    f"|{_alternation([u.alias for u in self.names.values()], True)}")
        self.unit_after = re.compile(rf"{WS}(?:{unit_alt})")
        self.unit_glued = re.compile(rf"(?:{unit_alt})")
        self.power = re.compile(r"(?:\^?([23])|([²³]))(?![\w.])|[ \t]+(squared|cubed)\b")
        self.coordinated = re.compile(rf"{WS}(?:,|and|or|to){WS}(?=\w)", re.I)
        self.age_before_rev = re.compile(rf"{WS}({_reversed_alternation(self.age_prefixes, True)})")
        # matched on the reversed text before the number: "$", "US$ ", "Rs ", "USD "
        self.prefix_rev = re.compile(r"\s?(" + _reversed_alternation(list(self.prefix_symbols), False) + ")")
        mods = list(self.approximate | set(self.bounds) | {"between", "from"})
        self.modifier_before_rev = re.compile(rf"{WS}({_reversed_alternation(mods, True)})")
        self.modifier_after = re.compile(rf"{WS}-?[ \t]*(?:{_alternation(list(self.approximate_after), True)})")
        self.range_connector = re.compile(rf"{WS}(?:-[ \t]*to|[-–—]|to|through|thru|and){WS}", re.I)
        self.per = re.compile(rf"(?:{WS}(?:/|per\b|an?\b|each\b){WS}|-per-)", re.I)
        self.word_after = re.compile(rf"{WS}([A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z]))*)")
        self.word_before_rev = re.compile(rf"{WS}([\w.'’&#-]+)")
        self.glued_letters = re.compile(r"[^\W\d_]+")

    def unit_for(self, text: str) -> Unit | None:
        k = _key(text)
        return self.symbols.get(k) or self.names.get(k.lower())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


@dataclass
class Number:
    value: float
    start: int
    end: int
    digits: bool           # written with digits
    words: list[str]       # number words, lower case (for word numbers)
    scaled: bool = False


class Quantities:
    """Find the quantities of a Doc (see the module docstring)."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()

    # ------------------------------------------------------------------ numbers
    def _number(self, text: str, m: re.Match) -> Number | None:
        lex = self.lex
        if m.group("d") is not None:
            start = m.start()
            dm = lex.digits.match(text, start)
            if not dm:
                return None
            raw = dm.group()
            if len(raw) > MAX_FIGURE_CHARS:
                return None  # a serial, a hash or noise, not a figure (and float() of it is infinite)
            end = dm.end()
            value = float(raw.replace(",", ""))
            em = lex.exponent.match(text, end)
            if em:
                exponent = em.group(1).replace("−", "-")
                if len(exponent) > MAX_EXPONENT_CHARS or abs(int(exponent)) > MAX_EXPONENT:
                    return None  # "1e99999": no finite figure (10.0 ** 400 raises OverflowError)
                value *= 10.0 ** int(exponent)
                end = em.end()
            sm = lex.science.match(text, end)
            if sm and sm.group(2) and len(sm.group(1)) <= MAX_FIGURE_CHARS and len(sm.group(2)) <= MAX_EXPONENT_CHARS:
                base, exp = int(sm.group(1)), int(sm.group(2).replace("−", "-"))
                if abs(exp) < 40:
                    try:
                        value *= float(base) ** exp
                    except OverflowError:  # float ** int raises rather than giving inf
                        return None
                    end = sm.end()
            fm = lex.fraction.match(text, end)
            if fm and len(fm.group(1)) > MAX_FIGURE_CHARS:
                fm = None  # not a denominator: int() refuses more than 4,300 digits
            if fm and "," not in raw and "." not in raw and int(fm.group(1)) == 0:
                return Number(float("nan"), start, fm.end(), True, [])  # "1/0"
            if fm and "," not in raw and "." not in raw and value < int(fm.group(1)):
                value, end = value / int(fm.group(1)), fm.end()  # "1/4", "1/40" (not "1987/88", "24/7")
            elif end < len(text) and text[end] in VULGAR:
                value += unicodedata.numeric(text[end])
                end += 1
            else:
                mm = lex.mixed.match(text, end)
                if mm and max(len(mm.group(1)), len(mm.group(2))) > MAX_FIGURE_CHARS:
                    mm = None  # not a fraction: int() refuses more than 4,300 digits
                if mm and "." not in raw and int(mm.group(2)) and int(mm.group(1)) < int(mm.group(2)):
                    value += int(mm.group(1)) / int(mm.group(2))
                    end = mm.end()
                elif len(raw) <= 3 and raw.isdigit():
                    tm = lex.space_thousands.match(text, end)
                    while tm:
                        value = value * 1000 + int(tm.group(1))
                        end = tm.end()
                        tm = lex.space_thousands.match(text, end)
            pm = lex.pm.match(text, end)
            if pm:
                end = pm.end()
            if not math.isfinite(value):  # "9.9e307 x 10^9": past a float's range
                return None
            return Number(value, start, end, True, [])
        if m.group("v") is not None:
            return Number(unicodedata.numeric(m.group("v")), m.start(), m.end(), True, [])
        if m.group("w") is not None:
            return self._words(text, m.start())
        return None

    def _words(self, text: str, pos: int) -> Number | None:
        """A number in words from pos: "a hundred and two", "twenty-one",
        "three million, two hundred & forty", "two and a half", "two thirds"."""
        lex = self.lex
        total, current = 0.0, 0.0
        last = None
        words: list[str] = []
        start, end = pos, pos
        p = pos
        # "a hundred", "a dozen", "half a million": the article before counts as one
        before = text[max(0, pos - 3):pos].lower()
        article = bool(re.search(r"(?:^|\W)an? $", before)) if before else False
        while True:
            m = lex.word_token.match(text, p)
            if not m:
                break
            space, sep, w = m.group(1), m.group(2), m.group(3).lower()
            if words and not space and not sep:
                break
            if not words and sep:
                break
            if w == "a" and sep in ("and", "&") and last in ("ones", "teens", "tens", "hundred", "scale", "dozen"):
                hm = lex.word_token.match(text, m.end())
                if hm and hm.group(3).lower() == "half" and not hm.group(2):
                    current += 0.5
                    end = p = hm.end()
                    words.append("half")
                    last = "frac"
                    break
                break
            if w == "half" and not words:
                hm = re.match(r"[ \t]+an?[ \t]+([A-Za-z]+)", text[m.end():m.end() + 30])
                if hm and hm.group(1).lower() in lex.scales or (hm and hm.group(1).lower() in lex.dozens):
                    mult = lex.scales.get(hm.group(1).lower()) or lex.dozens[hm.group(1).lower()]
                    return Number(0.5 * mult, pos, m.end() + hm.end(), False, ["half", hm.group(1).lower()], True)
                return None
            classes = (("ones", lex.ones), ("teens", lex.teens), ("tens", lex.tens), ("hundred", lex.hundred),
                       ("scale", lex.scales), ("dozen", lex.dozens), ("frac", lex.denominators))
            cat = next((name for name, words in classes if w in words), None)
            if cat is None:
                break
            ok = False
            if cat == "ones":
                ok = (last is None or (last == "tens" and sep in (None, "-", "–"))
                      or (last in ("hundred", "scale") and sep in (None, "and", "&", ",")))
                if ok:
                    current += lex.ones[w]
            elif cat in ("teens", "tens"):
                ok = last is None or (last in ("hundred", "scale") and sep in (None, "and", "&", ","))
                if ok:
                    current += (lex.teens.get(w) or lex.tens.get(w))
            elif cat == "hundred":
                ok = sep is None and (last in ("ones", "teens", "tens") or (last is None and article))
                if ok:
                    current = (current or 1) * lex.hundred[w]
            elif cat == "scale":
                ok = sep is None and (last in ("ones", "teens", "tens", "hundred") or (last is None and article))
                if ok:
                    total += (current or 1) * lex.scales[w]
                    current = 0.0
            elif cat == "dozen":
                ok = sep is None and (last in ("ones", "teens", "tens") or (last is None and article))
                if ok:
                    current = (current or 1) * lex.dozens[w]
            elif cat == "frac":
                ok = last in ("ones", "teens", "tens") and total == 0 and sep in (None, "-", "–")
                if ok:
                    current = current / lex.denominators[w]
            if not ok:
                break
            if sep == "," and cat not in ("ones", "teens", "tens", "hundred"):
                break
            words.append(w)
            last = cat
            end = p = m.end()
            if cat == "frac":
                break
        if not words:
            return None
        if article and words[0] in ("hundred", "dozen", *lex.scales):
            start = pos - (3 if before.endswith("an ") else 2)
        return Number(total + current, start, end, False, words, last == "scale")

    # ------------------------------------------------------------------ helpers
    def _unit_at(self, text: str, pos: int, glued_only: bool = False):
        """(Unit, end) of a unit written at pos (after optional spaces), or None."""
        m = (self.lex.unit_glued if glued_only else self.lex.unit_after).match(text, pos)
        if not m or m.end() == pos:
            return None
        u = self.lex.unit_for(m.group().strip())
        return (u, m.end()) if u else None

    def _prev_word(self, text: str, pos: int) -> tuple[str, int] | None:
        """(word, start) of the word right before pos (spaces and one line break between)."""
        m = self.lex.word_before_rev.match(text[max(0, pos - 40):pos][::-1])
        if not m:
            return None
        run = m.group(1)[::-1]
        start = pos - m.end()
        k = 0
        while k < len(run) and not (run[k].isascii() and (run[k].isalpha() or run[k] == "#")):
            k += 1
        return (run[k:], start + k) if k < len(run) else None

    def _ends_with(self, pattern: re.Pattern, text: str, pos: int, size: int):
        """(matched phrase, its start) when pattern (reversed) ends right before pos."""
        m = pattern.match(text[max(0, pos - size):pos][::-1])
        return (m.group(1)[::-1], pos - m.end()) if m else None

    def _next_word(self, text: str, pos: int) -> tuple[str, int, int] | None:
        m = self.lex.word_after.match(text, pos)
        return (m.group(1), m.start(1), m.end(1)) if m else None

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_quantities = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[dict]:
        text = doc.text
        lex = self.lex
        out: list[dict] = []
        done = 0
        ctx = _DocContext(doc, lex)
        for m in lex.trigger.finditer(text):
            if m.start() < done:
                continue
            if m.group("fixed") is not None:
                value, unit = lex.fixed[re.sub(r"\s+", " ", m.group().lower())]
                out.append(_item(value, unit, "amount", False, None, (m.start(), m.end())))
                done = m.end()
                continue
            if m.group("a") is not None:
                q = self._article_unit(text, m, ctx)
                if q:
                    out.append(q)
                    done = q["span"][1]
                continue
            num = self._number(text, m)
            if num is None or not math.isfinite(num.value):  # "a billion billion ... billion" overflows too
                continue
            q, end = self._quantity(text, num, ctx)
            done = max(done, end)
            if q and _finite(q):
                out.append(q)
        out.sort(key=lambda q: q["span"][0])
        return out

    def _article_unit(self, text, m, ctx) -> dict | None:
        """"a gallon of beer", "a mile" -> 1 of the unit (physical units only)."""
        prev = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:\d|[%$€£¥])[ \t]*$", prev) or re.search(r"\b(?:per|than|times)[ \t]*$", prev, re.I):
            return None
        got = self._unit_at(text, m.end())
        if not got:
            return None
        unit, end = got
        return _item(1.0, unit.name, "amount", False, None, (m.start(), end))

    def _quantity(self, text: str, num: Number, ctx: "_DocContext"):
        """The quantity that num starts (dict or None), and the end of the text it covers."""
        lex = self.lex
        if num.value != num.value:  # "1/0"
            return None, num.end
        start = num.start
        # glued to an identifier: "F-16", "COVID-19", "737-800", "#1", "10:30", "3:1" ("G20" never matches)
        if start >= 2 and text[start - 1] in "-+/.−–_" and text[start - 2].isalnum():
            return None, self._identifier_end(text, num.end)
        if start >= 1 and text[start - 1] in "#№":
            return None, self._identifier_end(text, num.end)
        if num.end < len(text) - 1 and text[num.end] == ":" and text[num.end + 1].isdigit():
            return None, self._identifier_end(text, num.end)

        currency, cur_start, negative = self._prefix(text, start)
        tail = self._tail(text, num, currency, ctx)
        if tail.skip:
            return None, tail.skip
        value = -tail.value if negative else tail.value
        unit, name, dimension, q_end = tail.unit, tail.name, tail.dimension, tail.end
        if not math.isfinite(value):  # a scale word or letter took it past a float's range
            return None, q_end

        excluded = self._excluded(text, num, value, unit, currency, cur_start, q_end, ctx)
        if excluded:
            return None, excluded

        mods, mod_start = self._modifiers_before(text, cur_start)
        span_start = cur_start if mod_start is None else mod_start

        # ranges: "between 10 and 20", "10-20 troops", "3 to 4 L", "8- to 16-meter", "-18 °C to -34 °C"
        rng = None
        got = self._range(text, num, value, tail, currency, mods, cur_start, ctx)
        if got and got[0] == "skip":
            return None, got[1]
        if got:
            (lo, hi), name, dimension, q_end = got
            rng = sorted((lo, hi))
            value = (lo + hi) / 2

        # no unit: one borrowed from the next number ("45 and 50 mg"), or the counted noun ("1,200 troops")
        count_noun = None
        if not name:
            borrowed = self._borrowed_unit(text, q_end, ctx)
            if borrowed:
                name, dimension = borrowed
        if not name:
            prev = self._prev_word(text, span_start)
            before = prev[0].lower() if prev and text[prev[1] + len(prev[0]):span_start].strip() == "" else ""
            if self._ends_with(lex.age_before_rev, text, span_start, 20):
                name, dimension = "year", "age"  # "aged 41", "at age 12", "at the age of 99"
            elif before in lex.prefix_units:
                name, dimension = lex.prefix_units[before], "other"  # "a magnitude 5.2 earthquake"
        if not name:
            count_noun = ctx.counted_noun(text, num.end if not num.scaled else tail.scale_end, q_end)
            if count_noun:
                name, dimension = count_noun[0], "count"

        # numbers that are not measurements
        if len(num.words) == 1 and num.words[0] in lex.pronoun_numbers and (
                not name or (count_noun and count_noun[0] in lex.vague_nouns)):
            return None, q_end  # "one of them", "that one", "one thing"
        if dimension in ("", "count") and not num.digits and abs(value) <= lex.definite_max:
            prev = self._prev_word(text, span_start)
            if prev and prev[0].lower() in lex.definite and text[prev[1] + len(prev[0]):span_start].strip() == "":
                return None, q_end  # "the two countries": a reference back
        if not name and ctx.bare_excluded(text, num.start, q_end):
            return None, q_end

        approx, bound = tail.approx, tail.bound
        sm = lex.modifier_after.match(text, q_end)
        if sm:
            word = re.sub(r"\s+", " ", re.sub(r"^[\s-]+", "", sm.group().lower()))
            if word in lex.approximate_after:
                approx = approx or word in ("odd", "ish", "or so")
                bound = "min" if word in ("plus", "-plus", "or more") else bound
                q_end = sm.end()

        # durations that are calendar periods: "the last eleven months", "three days ago"
        is_time = dimension in lex.time_dimensions
        if is_time and ctx.anchored_duration(text, cur_start, q_end):
            return None, q_end

        for word, w_start in mods:
            if word in ("between", "from"):
                if rng is None:
                    span_start = max(span_start, self._skip_space(text, w_start + len(word)))
                continue
            if is_time and word in lex.bound_not_duration:
                span_start = max(span_start, self._skip_space(text, w_start + len(word)))
                continue
            approx = approx or word in lex.approximate
            bound = lex.bounds.get(word, bound)

        span = (span_start, q_end)
        kind = ctx.kind(text, span, name, dimension, rng is not None)
        q = _item(value, name, kind, approx, bound, span, rng)
        subj = ctx.subject(span, count_noun)
        if subj:
            q["subject"], q["subject_span"] = subj
        return q, q_end

    def _prefix(self, text, start):
        """(currency, start of the quantity, negative) from what stands before the digits."""
        lex = self.lex
        currency, cur_start, negative = None, start, False
        got = self._ends_with(lex.prefix_rev, text, start, 12)
        if got:
            currency = lex.prefix_symbols.get(_key(got[0]))
            if currency:
                cur_start = got[1]
        sign = cur_start - 1
        if sign >= 0 and text[sign] in MINUS and (sign == 0 or text[sign - 1] in " \t\n(\u00a0[/"):
            negative, cur_start = True, sign
        elif not currency and start >= 2 and text[start - 1] in MINUS:
            got = self._ends_with(lex.prefix_rev, text, start - 1, 12)  # "$-99.99"
            if got and lex.prefix_symbols.get(_key(got[0])):
                currency, negative, cur_start = lex.prefix_symbols[_key(got[0])], True, got[1]
        return currency, cur_start, negative

    def _tail(self, text: str, num: Number, currency, ctx) -> "_Tail":
        """Scale, unit and rate written after the number."""
        lex = self.lex
        value, pos = num.value, num.end
        scale_letter = None
        tail = _Tail(value)
        # glued letters: a scale ("200B", "1.5bn", "0.5k"), a unit ("10kg"), an ordinal or decade, or an identifier
        if num.digits and pos < len(text) and text[pos].isalpha():
            letters = lex.glued_letters.match(text, pos).group()
            raw = text[num.start:num.end]
            if letters == "s" and re.fullmatch(r"\d?\d0|1\d\d0|20\d0", raw):
                tail.skip = pos + 1  # "1990s", "80s"
                return tail
            if letters.lower() in lex.ordinal_suffixes and letters != "s":
                tail.skip = pos + len(letters)
                return tail
            if letters in lex.scale_letters:
                value *= lex.scale_letters[letters]
                pos += len(letters)
                num.scaled = True
            elif letters.lower() in lex.scale_abbr:
                value *= lex.scale_abbr[letters.lower()]
                pos += len(letters)
                num.scaled = True
            elif letters in lex.scale_letters_money:
                scale_letter = letters
                pos += len(letters)
                if letters != "m" and num.value < 1000:
                    # "200B in trade", "$2.174T": a scale even without a currency
                    value *= lex.scale_letters_money[letters]
                    num.scaled, scale_letter = True, None
            else:
                got = self._unit_at(text, pos, glued_only=True)
                if not got:
                    tail.skip = self._identifier_end(text, pos)
                    return tail
        elif num.digits and text[pos:pos + 1] in ("'", "’") and text[pos + 1:pos + 2] == "s":
            tail.skip = pos + 2  # "'90s", "1990's"
            return tail
        # scale words: "1.5 billion", "3.4 mln", "two dozen"
        if not num.scaled and scale_letter is None:
            sm = lex.scale_after.match(text, pos)
            if sm:
                value *= lex.scales[sm.group(1).lower()]
                pos = sm.end()
                num.scaled = True
            else:
                am = lex.abbr_after.match(text, pos)
                if am:
                    value *= lex.scale_abbr[am.group(1).lower()]
                    pos = am.end()
                    num.scaled = True
            if num.digits:
                dm = lex.dozen_after.match(text, pos)
                if dm:
                    value *= lex.dozens[dm.group(1).lower()]
                    pos = dm.end()
        tail.scale_end = pos
        # "20-odd", "360-ish", "20,000-plus"
        am = re.match(r"-(odd|ish|plus)\b", text[pos:pos + 6])
        if am:
            tail.approx = am.group(1) != "plus"
            tail.bound = "min" if am.group(1) == "plus" else None
            pos += am.end()
        unit, end, adjectival = self._unit(text, pos, num, currency, ctx)
        if scale_letter is not None:
            if currency or (unit is not None and unit.dimension == "currency") or (
                    unit is None and ctx.counted_plural(text, pos)):
                value *= lex.scale_letters_money[scale_letter]
                num.scaled = True
            elif scale_letter == "m" and unit is None:
                unit, end = lex.symbols["m"], pos
            else:
                tail.skip = self._identifier_end(text, num.end)
                return tail
        if unit is not None and unit.dimension == "currency" and currency and unit.name in ("cent", "penny"):
            unit = None
        tail.value, tail.unit, tail.adjectival = value, unit, adjectival
        if unit is not None:
            tail.name, tail.dimension, tail.end = unit.name, unit.dimension, end
        elif currency:
            tail.name, tail.dimension, tail.end = currency, "currency", pos
        else:
            tail.end = pos
        # rate: "$80 a barrel", "barrels per day", "$15.4/hour", "four times per week", "J/m^2 per year"
        if tail.dimension and tail.dimension != "percent":
            for _ in range(2):
                per = self._per(text, tail.end)
                if not per:
                    break
                word, per_end = per
                base = "count" if tail.name == "times" else tail.name
                tail.name, tail.dimension, tail.end = f"{base}/{word}", "rate", per_end
        return tail

    def _per(self, text, pos):
        """(unit or noun, end) of "/hour", "per day", "a barrel" at pos."""
        rm = self.lex.per.match(text, pos)
        if not rm:
            return None
        how = rm.group().strip().lower()
        got = self._unit_at(text, rm.end())
        if got and got[0].dimension not in ("currency", "percent", "other") and not (
                got[0].alias in self.lex.needs_digits and how in ("a", "an")):
            unit, end = got
            name = unit.name
            pw = self.lex.power.match(text, end)
            if pw and unit.dimension in ("length", "time"):
                name, end = ("square " if "2" in pw.group() or "squared" in pw.group() or "²" in pw.group() else "cubic ") + name, pw.end()
            return name, end
        nw = self._next_word(text, rm.end())
        if not nw or text[rm.end():nw[1]].strip() or not nw[0].isalpha() or not nw[0].islower():
            return None
        if how in ("per", "/") or nw[0].lower() in ("share", "head", "person", "capita", "piece", "unit", "kilo", "pound",
                                                     "ounce", "tonne", "ton", "barrel", "gallon", "litre", "liter"):
            return nw[0].lower(), nw[2]
        return None

    @staticmethod
    def _skip_space(text, pos):
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        return pos

    @staticmethod
    def _identifier_end(text, pos):
        m = IDENTIFIER.match(text, pos)
        return m.end() if m else pos

    def _unit(self, text, pos, num: Number, currency, ctx):
        """(Unit | None, end, adjectival) of the unit written at pos."""
        lex = self.lex
        # "27-kilometer", "50-year-old", "two-year", "twenty-pound bag", "16-meter"
        if pos + 1 < len(text) and text[pos] in DASHES and text[pos + 1].isalpha():
            got = self._unit_at(text, pos + 1, glued_only=True)
            if got:
                unit, end = got
                return self._check_pound(text, unit, end, num, True), end, True
            return None, pos, False
        got = self._unit_at(text, pos)
        if not got:
            return None, pos, False
        unit, end = got
        alias = unit.alias
        if currency and unit.dimension != "currency":
            return None, pos, False  # "$13,009 million in 2013"
        if alias in lex.needs_digits:
            if not num.digits or num.scaled:
                return None, pos, False
            if alias == "in" and ctx.has_tags:
                t = ctx.token_after(end)
                if t is not None and t.pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON"):
                    return None, pos, False  # "200B in trade", "3 in 10"
            nxt = self._next_word(text, end)
            if nxt and text[end:nxt[1]].strip() == "" and (
                    nxt[0][0].isupper() or nxt[0].lower() in lex.definite or nxt[0].lower() in NOT_AFTER_LETTER_UNIT):
                return None, pos, False  # "two in my car", "5 in March"
            if alias[:1].isalpha() and re.match(r"[ \t]*\d", text[end:end + 3]):
                return None, pos, False  # "3 in 10", "1 in 2005"
            if alias == "pm" and self._clock_like(text[num.start:num.end]):
                return None, pos, False
            if alias in ('"', "″") and text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 1:
                return None, pos, False  # a closing quotation mark: '"English 101"'
        if unit.weak and not (num.scaled or currency):
            prev = text[max(0, end - len(alias) - 20):end - len(alias)]
            if not re.search(r"[A-Z][a-z]+[ \t]+$", prev):
                return None, pos, False
        if unit.dimension == "currency" and alias in lex.ambiguous_pound:
            unit = self._check_pound(text, unit, end, num, False)
        if unit.dimension == "length":
            pw = lex.power.match(text, end)
            if pw:
                square = bool(pw.group(1) == "2" or pw.group(2) == "²" or pw.group(3) == "squared")
                full = ("square " if square else "cubic ") + unit.name
                return Unit(full, "area" if square else "volume", full), pw.end(), False
        return unit, end, False

    def _check_pound(self, text, unit: Unit, end: int, num: Number, adjectival: bool) -> Unit:
        """"pound(s)": sterling unless it weighs ("twenty-pound bag", "pounds of", "weighs")."""
        if unit.alias not in self.lex.ambiguous_pound:
            return unit
        mass = self.lex.symbols["lb"]
        if num.scaled:
            return unit
        if adjectival:
            return mass
        nxt = self._next_word(text, end)
        if nxt and nxt[0].lower() == "of":
            return mass
        if (unit.alias == "pound" and nxt and text[end:nxt[1]].strip() == "" and nxt[0].isalpha() and nxt[0].islower()
                and nxt[0] not in NOT_AFTER_LETTER_UNIT and nxt[0] not in ("note", "coin", "notes", "coins")):
            return mass
        left = max(text.rfind(c, max(0, num.start - 80), num.start) for c in ".;!?\n") + 1
        right = min([i for i in (text.find(c, end, end + 60) for c in ".;!?\n") if i >= 0] or [end + 60])
        if WEIGHT_WORDS.search(text[left:right].lower()):
            return mass
        return unit

    @staticmethod
    def _clock_like(raw: str) -> bool:
        m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", raw)
        return bool(m) and int(m.group(1)) <= 24 and (m.group(2) is None or int(m.group(2)) < 60)

    def _excluded(self, text, num: Number, value, unit, currency, start, end, ctx) -> int:
        """End of the text to skip when num is a date, a time, a year, a name or a label; else 0."""
        lex = self.lex
        raw = text[num.start:num.end]
        has_unit = unit is not None or currency is not None
        nxt = self._next_word(text, end)
        prev = self._prev_word(text, start)
        gap_prev = prev is not None and text[prev[1] + len(prev[0]):start].strip(" \t") == ""
        # clock: "2 pm", "0355 EST", "10.30 a.m."
        if num.digits and nxt and text[end:nxt[1]].strip() == "" and (unit is None or unit.alias == "pm"):
            w = nxt[0].lower()
            if w in lex.clock_words or w.rstrip(".") in lex.clock_words:
                if self._clock_like(raw) or re.fullmatch(r"[0-2]\d[0-5]\d", raw):
                    return nxt[2]
        if num.digits and unit is not None and unit.name == "hour" and re.fullmatch(r"[0-2]\d[0-5]\d", raw):
            return end  # "1000 hrs", "0600 hours": a clock time
        if num.digits and re.fullmatch(r"0\d+", raw):
            return end  # "0355", codes
        # two numbers in a row: "245 23 yen" (not a quantity we can read)
        if num.digits and not has_unit and re.match(r"[ \t]+\d", text[end:end + 3]):
            return self._identifier_end(text, self._skip_space(text, end))
        if num.digits and not has_unit and value == int(value):
            # dates: "December 30", "30 December", "May 2022", "December 30, 2022"
            if prev and gap_prev and prev[0].lower().rstrip(".") in lex.months:
                return end
            if nxt and nxt[0].lower().rstrip(".") in lex.months and text[end:nxt[1]].strip(" \t") in ("", "of"):
                return end
            # years: "in 2023", "2013-14", "the 2022 budget" (but "1500 soldiers")
            if re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2100:
                ym = re.match(r"[ \t]*[-–/][ \t]*(\d{2}|\d{4})(?!\d)", text[end:end + 8])
                if ym:
                    return end + ym.end()
                if value >= 1900 or not ctx.counted_plural(text, end) or (
                        prev and gap_prev and prev[0].lower() in lex.definite):
                    return end  # "in 2023", "the 2018 elections" (but "1500 soldiers")
        # the denominator of a rate: "seven per 100,000 people"
        if prev and gap_prev and prev[0].lower() == "per" and not has_unit:
            return end
        # a capitalised number word inside a sentence, before a name: "Six Flags", "Three Gorges"
        if not num.digits and text[num.start].isupper() and nxt and nxt[0][:1].isupper() and \
                text[end:nxt[1]].strip() == "" and not ctx.starts_sentence(num.start):
            return nxt[2]
        # labels and names: "Article 5", "number 1/0", "Boeing 737", "Voyager 2"
        if prev and gap_prev:
            word = prev[0]
            low = word.lower()
            if low in lex.labels or low.rstrip(".") in lex.labels:
                if not has_unit:
                    return self._identifier_end(text, end)
            elif word[:1].isupper() and not has_unit and low.rstrip(".") not in lex.months:
                if not (low in lex.approximate or low in lex.bounds or low in lex.number_words
                        or low in ("between", "from", "and", "or", "to", "the", "a", "an")):
                    if ctx.is_name_before(prev[1]):
                        return self._identifier_end(text, end)
        return 0

    def _modifiers_before(self, text, pos):
        """[(phrase, start)] of approximation, bound and range words right before pos, in text order."""
        lex = self.lex
        mods = []
        first = None
        p = pos
        for _ in range(3):
            got = self._ends_with(lex.modifier_before_rev, text, p, 40)
            if not got:
                break
            phrase = re.sub(r"\s+", " ", got[0].strip().lower())
            s = got[1] + (len(got[0]) - len(got[0].lstrip()))
            mods.append((phrase, s))
            first = s
            p = s
        mods.reverse()
        return mods, first

    def _range(self, text, num: Number, value, tail: "_Tail", currency, mods, cur_start, ctx):
        """((a, b), unit, dimension, end) when a second number completes a range, else None."""
        lex = self.lex
        q_end = tail.end
        cm = lex.range_connector.match(text, q_end)
        if not cm:
            return None
        conn = re.sub(r"\s+", " ", cm.group().strip().lower())
        words = [w for w, _ in mods]
        between = "between" in words
        dash = conn in ("-", "–", "—")
        if conn == "and" and not between:
            return None
        anchor = min([s for w, s in mods if w not in ("between", "from")] + [cur_start])
        after_change = not dash and ctx.change_before(anchor)
        p = cm.end()
        negative = False
        if p < len(text) and text[p] in MINUS and p + 1 < len(text) and text[p + 1].isdigit() and not dash:
            negative, p = True, p + 1
        elif p < len(text) and text[p] in MINUS and dash and p + 1 < len(text) and text[p + 1].isdigit():
            return None
        cur2 = None
        pm = PREFIX_SIGN.match(text, p)
        if pm:
            cur2 = lex.prefix_symbols.get(_key(pm.group()))
            p = pm.end()
        m = lex.trigger.match(text, p)
        if not m or (m.group("d") is None and m.group("w") is None):
            return None
        second = self._number(text, m)
        if second is None or second.value != second.value or (dash and second.digits != num.digits):
            return None
        t2 = self._tail(text, second, cur2 or currency, ctx)
        if t2.skip:
            return None
        v2 = -t2.value if negative else t2.value
        name1, name2 = tail.name, t2.name
        if cur2 and not currency and tail.unit is None:
            return None
        if name1 and name2 and name1 != name2:
            return None  # "44 ml to 50 mg", "36% to 6B USD"
        if not num.scaled and second.scaled and num.value <= second.value:
            value *= t2.value / second.value  # "5 to 6 million": the second's scale
        if num.scaled and not second.scaled:
            v2 *= tail.value / num.value if num.value else 1
        if after_change and (name1 or not name2 or not (0 < value <= v2 <= 5 * value)):
            # "rose from 5% to 7%", "increase 36% to 6B USD", "fell 20 to 1,260 yen": a change, then
            # a level; but "could drop 1.3 to four mln barrels" is a range
            return None
        if re.fullmatch(r"\d{4}", text[num.start:num.end]) and 1000 <= abs(value) <= 2100 and not (name1 or name2):
            return None
        if not (value < v2 or value < 0 or v2 < 0 or (value == v2 and not dash)):
            if dash and not (name1 or name2) and num.digits:
                return "skip", t2.end  # "a 3-1 win": a score
            return None  # "49 percent to 42 percent": a contest, two quantities
        if dash:
            if not (name1 or name2) and not (between or "from" in words or ctx.counted_plural(text, t2.end)):
                return None
        name = name1 or name2
        dimension = tail.dimension if name1 else t2.dimension
        return (value, v2), name, dimension, t2.end

    def _borrowed_unit(self, text, pos, ctx):
        """The unit of the next number in "45 and 50 mg", "two or three percent"."""
        cm = self.lex.coordinated.match(text, pos)
        if not cm:
            return None
        m = self.lex.trigger.match(text, cm.end())
        if not m or (m.group("d") is None and m.group("w") is None):
            return None
        second = self._number(text, m)
        if second is None or second.value != second.value:
            return None
        t2 = self._tail(text, second, None, ctx)
        if t2.skip or t2.unit is None or t2.dimension in ("count", "time"):
            return None
        return t2.name, t2.dimension


@dataclass
class _Tail:
    value: float
    unit: Unit | None = None
    name: str = ""
    dimension: str = ""
    end: int = 0
    scale_end: int = 0
    adjectival: bool = False
    approx: bool = False
    bound: str | None = None
    skip: int = 0


# Figures in running text are short; longer runs of digits are serials or noise, and
# past these lengths float() overflows or int() refuses the string (4,300 digits).
MAX_FIGURE_CHARS = 60
MAX_EXPONENT_CHARS = 5
MAX_EXPONENT = 300  # 10.0 ** 309 raises OverflowError
IDENTIFIER = re.compile(r"[\w:./+\-−]*")
PREFIX_SIGN = re.compile(r"(?:US\$|[$€£¥₹])")
WEIGHT_WORDS = re.compile(r"\bweigh|\bweight|\bheav(?:y|ier)|\blighter\b|\bbody\b")
# A one-letter or word-like unit symbol is not a unit before these ("two in my car").
NOT_AFTER_LETTER_UNIT = {"a", "an", "this", "that", "which", "who", "each", "every", "all", "some", "any", "other",
                         "total", "my", "your", "his", "her", "its", "our", "their", "the", "these", "those"}


def _finite(q: dict) -> bool:
    """A quantity JSON can carry: strict JSON has no Infinity or NaN (a range's
    midpoint or a rate can still overflow when its parts did not)."""
    return math.isfinite(q["value"]) and all(math.isfinite(v) for v in q["range"] or ())


def _item(value, unit, kind, approx, bound, span, rng=None) -> dict:
    return {"value": float(value), "unit": unit, "kind": kind, "approximate": bool(approx), "span": tuple(span),
            "bound": bound, "range": list(rng) if rng else None, "subject": None, "subject_span": None}


class _DocContext:
    """What the component asks of the Doc: tokens at a character offset, the parse."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self._starts = None
        self._tags = self._deps = None

    @property
    def has_tags(self) -> bool:
        if self._tags is None:
            self._tags = self.doc.has_annotation("TAG") or self.doc.has_annotation("POS")
        return self._tags

    @property
    def has_deps(self) -> bool:
        if self._deps is None:
            self._deps = self.doc.has_annotation("DEP")
        return self._deps

    def _index(self, char: int, side: str) -> int:
        if self._starts is None:
            self._starts = self.doc.to_array(IDX)  # token starts, made in C
        return int(self._starts.searchsorted(char, side=side))

    def token_at(self, char: int):
        i = self._index(char, "right") - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def token_after(self, char: int):
        """The first token that starts at or after char."""
        i = self._index(char, "left")
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        return self.doc[i] if i < len(self.doc) else None

    def token_before(self, char: int):
        """The last non-space token that ends at or before char."""
        i = self._index(char, "left") - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].idx + len(self.doc[i]) > char):
            i -= 1
        return self.doc[i] if i >= 0 else None

    @staticmethod
    def lemma(t) -> str:
        return (t.lemma_ or t.text).lower()

    # ---- counted nouns
    def counted_plural(self, text: str, pos: int) -> bool:
        """A plural common noun right after pos ("1500 soldiers", "5m people")."""
        t = self.token_after(pos)
        if t is None or t.idx - pos > 2 or not t.is_alpha or not t.is_lower:
            return False
        if self.has_tags:
            return t.tag_ == "NNS" or (t.pos_ == "NOUN" and t.text.lower() in ("people", "police", "cattle", "personnel"))
        return t.text.endswith("s")

    def _countable(self, t) -> bool:
        low = t.text.lower()
        return (t.pos_ == "NOUN" and t.is_alpha and len(low) > 1 and not t.is_title and not t.is_upper
                and low not in self.lex.clock_words and low not in self.lex.number_words)

    def counted_noun(self, text: str, num_end: int, q_end: int):
        """(noun as written, (start, end)) that the number counts: "two additional patrol vessels"."""
        if not self.has_tags:
            return None
        num_tok = self.token_at(num_end - 1)
        if num_tok is None:
            return None
        if self.has_deps and num_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "det"):
            head = num_tok.head
            between = self.doc[num_tok.i + 1:head.i] if head.i > num_tok.i else []
            if (head.i > num_tok.i and head.i - num_tok.i <= 5 and head.idx >= q_end and self._countable(head)
                    and all(t.pos_ in ("ADJ", "NOUN", "PUNCT", "PROPN", "VERB", "ADV", "SPACE") and t.text not in ",;:()"
                            for t in between)):
                return head.text.lower(), (head.idx, head.idx + len(head))
        # the parse did not attach it: the noun right after ("50 cars", "two additional patrol vessels")
        t = self.token_after(q_end)
        if t is None or t.idx - q_end > 1:
            return None
        run = []
        while t is not None and t.pos_ in ("ADJ", "NOUN") and t.is_alpha and len(run) < 4:
            run.append(t)
            t = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        if run and self._countable(run[-1]):
            n = run[-1]
            return n.text.lower(), (n.idx, n.idx + len(n))
        return None

    def bare_excluded(self, text: str, start: int, end: int) -> bool:
        """A bare number that is list numbering, a citation or a score."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() == "" and re.match(r"[.)]\s", text[end:end + 2]):
            return True
        if start > 0 and text[start - 1] == "[" and text[end:end + 1] == "]":
            return True
        return False

    def starts_sentence(self, char: int) -> bool:
        t = self.token_at(char)
        return t is None or t.is_sent_start or (t.i > 0 and self.doc[t.i - 1].is_space and "\n" in self.doc[t.i - 1].text)

    def is_name_before(self, word_start: int) -> bool:
        """A capitalised word before the number names it ("Boeing 737", "Voyager 2"),
        unless it only opens the sentence."""
        t = self.token_at(word_start)
        if t is None:
            return True
        if t.is_sent_start or (t.i > 0 and self.doc[t.i - 1].text in ("\n", '"', "“", "(", "•", "-", "—")):
            return self.has_tags and t.pos_ == "PROPN"
        return True

    def anchored_duration(self, text: str, start: int, end: int) -> bool:
        lex = self.lex
        window = text[max(0, start - 30):start].lower()
        words = re.findall(r"[a-z]+", window)
        if words and words[-1] in lex.anchors_before:
            return True
        after = re.match(r"[\s']*([a-z]+)(?:\s+([A-Za-z]+))?", text[end:end + 30])
        if not after:
            return False
        word, then = after.group(1).lower(), after.group(2) or ""
        if word in lex.anchors_after or f"{word} {then.lower()}" in lex.anchors_after:
            # "three days ago", "two weeks later"; "three days before the vote", "a week into the war"
            return word not in lex.anchors_relative or then.lower() in lex.definite or then[:1].isupper()
        return False

    # ---- change and target
    def _prev_tokens(self, char: int, n: int = 8):
        t = self.token_before(char)
        out = []
        while t is not None and len(out) < n:
            if t.is_sent_end and out:
                break
            if not t.is_space and not t.is_punct:
                out.append(t)
            elif t.text in (".", ";", ":", "!", "?", "\n"):
                break
            if t.i == 0 or t.is_sent_start:
                break
            t = self.doc[t.i - 1]
        return out

    def change_before(self, start) -> bool:
        """A change verb right before ("rose from 5 to 7": two levels, not a range;
        "increase 36% to 6B": a change then a level)."""
        lex = self.lex
        prev = self._prev_tokens(start, 4)
        words = [self.lemma(t) for t in prev]
        if not words:
            return False
        if words[0] == "from" and any(w in lex.change_verbs or w in lex.change_nouns for w in words[1:4]):
            return True
        if words[0] in lex.change_verbs or words[0] == "by":
            return True
        return False

    def kind(self, text, span, unit, dimension, is_range) -> str:
        lex = self.lex
        prev = self._prev_tokens(span[0], 8) if self.has_tags else []
        lem = [self.lemma(t) for t in prev]
        low = [t.text.lower() for t in prev]
        nxt = self.token_after(span[1])
        nxt_lemma = self.lemma(nxt) if nxt is not None and nxt.idx - span[1] <= 1 else ""
        # change
        if lem:
            if low[0] == "by" and any(w in lex.change_verbs or w in lex.change_nouns for w in lem[1:5]):
                return "change"
            verb_at = 1 if (len(prev) > 1 and prev[0].pos_ == "ADV" and low[0] not in lex.change_adverbs) else 0
            if len(lem) > verb_at and lem[verb_at] in lex.change_verbs and prev[verb_at].pos_ in ("VERB", "AUX", "NOUN"):
                if unit in lex.change_units or lem[verb_at] in lex.change_intransitive:
                    return "change"
            if low[0] in lex.change_adverbs and (unit in lex.change_units or dimension in ("currency", "count", "")):
                return "change"
            if low[0] == "of" and len(lem) > 1 and lem[1] in lex.change_nouns:
                return "change"
        if nxt_lemma in lex.change_nouns and nxt is not None and (
                nxt.pos_ == "NOUN" or (low and low[0] in ("a", "an"))):
            return "change"  # "a 5% rise", "a 25 basis point cut"
        # target
        if lem:
            if low[0] == "of" and len(lem) > 1 and lem[1] in lex.target_nouns:
                return "target"
            window = lem[:8]
            if any(w in lex.reach_verbs for w in window[:3]) and any(
                    w in lex.target_verbs or w in lex.target_nouns for w in window[1:8]) and "to" in low[:4]:
                return "target"
        if nxt is not None and nxt.idx - span[1] <= 1:
            t = nxt
            for _ in range(3):
                if self.lemma(t) in lex.target_nouns and t.pos_ == "NOUN":
                    return "target"
                if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.i + 1 >= len(self.doc):
                    break
                t = self.doc[t.i + 1]
        # age
        if unit == "year":
            after = text[span[1]:span[1] + 6].lower()
            aw = re.match(r"[\s-]*([a-z]+)", after)
            if (aw and aw.group(1) in lex.age_suffixes) or dimension == "age" or (low and low[0] in lex.age_prefixes):
                return "age"
        if is_range:
            return "range"
        if "/" in unit:
            return "rate"
        if dimension in lex.time_dimensions:
            return "duration"
        if unit == "times":
            return "ratio"
        return "amount"

    # ---- subject
    def subject(self, span, count_noun):
        """(text, (start, end)) of what the quantity measures, or None."""
        if not self.has_deps:
            return None
        doc = self.doc
        if count_noun:
            head = self.token_at(count_noun[1][0])
            return self._phrase(head, with_of=True)
        last = self.token_at(span[1] - 1)
        if last is None:
            return None
        # "3.5 million barrels of oil"
        nxt = self.token_after(span[1])
        if nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(doc):
            pobj = [c for c in nxt.children if c.dep_ == "pobj"]
            if pobj:
                return self._phrase(pobj[0], with_of=False)
        # "200B USD trade volume": the quantity modifies the noun after it
        if nxt is not None and nxt.idx - span[1] <= 1 and nxt.pos_ == "NOUN":
            t = nxt
            while t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN" and t.dep_ == "compound":
                t = doc[t.i + 1]
            return (doc[nxt.i:t.i + 1].text, (nxt.idx, t.idx + len(t)))
        # the verb it depends on ("grow by 25%", "increase 36%", "is 2 in"), and that verb's subject
        t = last
        for _ in range(3):
            if t.pos_ in ("VERB", "AUX") or t.head is t:
                break
            if t.dep_ not in ("nummod", "quantmod", "compound", "pobj", "prep", "dobj", "attr", "npadvmod",
                              "advmod", "nmod", "appos", "acomp", "oprd"):
                return None
            t = t.head
        if t.pos_ not in ("VERB", "AUX"):
            return None
        verb = t
        for _ in range(2):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                s = subj[0]
                if s.pos_ in ("PRON", "DET", "NUM") or span[0] <= s.idx < span[1]:
                    return None
                return self._phrase(s, with_of=True)
            if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
                verb = verb.head
            else:
                break
        return None

    def _phrase(self, head, with_of: bool):
        if head is None:
            return None
        doc = self.doc
        left = head.i
        for c in sorted(head.lefts, key=lambda c: -c.i):
            if c.i == left - 1 and c.dep_ in ("compound", "amod", "nmod", "poss") and not c.like_num:
                left = c.i
            else:
                break
        if head.pos_ in ("PRON", "DET", "NUM") or head.is_space:
            return None
        right = head.i
        if with_of:
            for c in head.rights:
                if c.dep_ == "prep" and c.lower_ == "of" and c.i == right + 1:
                    right = max(t.i for t in c.subtree)
                break
        while right > head.i and (doc[right].is_space or doc[right].is_punct or doc[right].lower_ == "of"):
            right -= 1
        span = doc[left:right + 1]
        return span.text, (span.start_char, span.end_char)


@Language.factory("communique_quantities", assigns=["doc._.communique_quantities"],
                  requires=["token.tag", "token.dep"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(lexicon())
