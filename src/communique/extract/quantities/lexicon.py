"""Quantities, sub-stage 1: the lexicon. Every word the component knows (number words,
scales, units, currencies, context words) is read from ``communique/data/quantities/``
through :func:`communique.resources.load_data`, each file checked against its
:class:`~communique.resources.Schema` (C205 at load time), and compiled once per
process into the regular expressions the other sub-stages use.

The component's config names the four files (``numbers``, ``units``, ``currencies``,
``context``; by default the shipped ``quantities/*.yml``): a path to a file of the
user's own replaces the shipped one, checked against the same schema.
:func:`lexicon` compiles one :class:`Lexicon` per combination of file names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...english import english
from ...resources import Schema, load_data

VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# Spacing inside a quantity: spaces, and at most one line break (hard-wrapped newswire).
WS = r"[ \t\u00a0]*(?:\n[ \t\u00a0]*)?"
DASHES = "-–—"
MINUS = "-−–"

# The shipped data files: the defaults of the component's config keys of the same names.
DEFAULT_NUMBERS = "quantities/numbers.yml"
DEFAULT_UNITS = "quantities/units.yml"
DEFAULT_CURRENCIES = "quantities/currencies.yml"
DEFAULT_CONTEXT = "quantities/context.yml"


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

# One schema per data file: a missing or unknown key is C205 when the file is loaded.
NUMBERS_SCHEMA = Schema(required={
    "ones": dict, "teens": dict, "tens": dict, "hundred": dict, "scales": dict, "dozens": dict,
    "scale_abbreviations": dict, "scale_letters": dict, "scale_letters_money": dict, "denominators": dict,
    "ordinal_suffixes": list, "fixed_phrases": dict})
# units.yml: one mapping per dimension (names chosen by the data), plus these lists
UNITS_SCHEMA = Schema(required={
    "needs_digits": list, "article_one_exclude": list, "time_dimensions": list, "age_suffixes": list,
    "age_prefixes": list}, any_keys=True, values=dict)
# currencies.yml: one mapping per ISO 4217 code, plus these keys
CURRENCIES_SCHEMA = Schema(required={
    "codes": list, "weak_names": list, "subunits": dict, "ambiguous_pound": list}, any_keys=True, values=dict)
CONTEXT_SCHEMA = Schema(required={
    "approximate": list, "approximate_after": list, "bounds": dict, "bound_not_duration": list,
    "change_verbs": list, "change_verbs_intransitive": list, "change_nouns": list, "change_adverbs": list,
    "change_units": list, "target_nouns": list, "target_verbs": list, "reach_verbs": list,
    "duration_anchors_before": list, "duration_anchors_after": list, "duration_anchors_relative": list,
    "clock_words": list, "label_nouns": list, "prefix_units": dict, "pronoun_numbers": list,
    "vague_nouns": list, "definite_determiners": list, "definite_max": (int, float), "not_name_words": list,
    "not_after_letter_unit": list, "pound_money_nouns": list, "per_nouns": list, "plural_nouns": list,
    "approximate_after_loose": list, "approximate_after_min": list, "weight_words": list})


@dataclass(frozen=True)
class Unit:
    name: str          # written to the record
    dimension: str     # percent, currency, length, time, count, ...
    alias: str         # as matched (lower case for names)
    weak: bool = False  # a currency name that is also an ordinary word


class Lexicon:
    """Everything the component knows about words, compiled once. Each argument names
    a data file: a shipped name (``quantities/units.yml``) or a path to the user's own."""

    def __init__(self, numbers: str = DEFAULT_NUMBERS, units: str = DEFAULT_UNITS,
                 currencies: str = DEFAULT_CURRENCIES, context: str = DEFAULT_CONTEXT):
        nums = load_data(numbers, NUMBERS_SCHEMA)
        units = load_data(units, UNITS_SCHEMA)
        money = load_data(currencies, CURRENCIES_SCHEMA)
        ctx = load_data(context, CONTEXT_SCHEMA)

        self._numbers(nums)
        self._units(units)
        self._currencies(money)
        self._context(ctx)
        self._compile(units)

    def _numbers(self, nums):
        """Number words, scales, fractions, ordinal suffixes, fixed phrases (numbers.yml)."""
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
        self.number_word_list = [*self.ones, *self.teens, *self.tens, *self.hundred, *self.scales, *self.dozens]
        self.number_words = set(self.number_word_list)

    def _units(self, units):
        """Units after a number: symbols (case-sensitive) and names with their plurals (units.yml)."""
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

    def _currencies(self, money):
        """Currency signs before a number, currency names after it, subunits (currencies.yml)."""
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

    def _context(self, ctx):
        """Context words: modifiers, change and target words, anchors, labels (context.yml)."""
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
        self.months = set(english().month_words())  # a shared class: data/english.yml
        self.clock_words = {c.lower() for c in ctx["clock_words"]}
        self.labels = {w.lower() for w in ctx["label_nouns"]}
        self.prefix_units = {k.lower(): v for k, v in ctx["prefix_units"].items()}
        self.pronoun_numbers = set(ctx["pronoun_numbers"])
        self.vague_nouns = set(ctx["vague_nouns"])
        self.definite = set(ctx["definite_determiners"])
        self.definite_max = float(ctx["definite_max"])
        self.not_name_words = set(ctx["not_name_words"])
        self.not_after_letter_unit = set(ctx["not_after_letter_unit"])
        self.pound_money_nouns = set(ctx["pound_money_nouns"])
        self.per_nouns = set(ctx["per_nouns"])
        self.plural_nouns = set(ctx["plural_nouns"])
        self.approximate_after_loose = set(ctx["approximate_after_loose"])
        self.approximate_after_min = set(ctx["approximate_after_min"])
        self.weight_words = re.compile("|".join(ctx["weight_words"]))

    def _compile(self, units):
        """The regular expressions the sub-stages match with."""
        nw = _alternation(self.number_word_list + ["half"], True)
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


@lru_cache(maxsize=8)
def lexicon(numbers: str = DEFAULT_NUMBERS, units: str = DEFAULT_UNITS, currencies: str = DEFAULT_CURRENCIES,
            context: str = DEFAULT_CONTEXT) -> Lexicon:
    """The compiled lexicon of these data files (once per process for each combination)."""
    return Lexicon(numbers, units, currencies, context)
