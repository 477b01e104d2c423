"""Quantities, sub-stage 7: the component. The spaCy factory ``communique_quantities``
and the cascade over the trigger matches of one Doc: number (:mod:`.numbers`), tail
(:mod:`.units`), exclusions, modifiers, range, unit or counted noun, kind and subject
(:mod:`.classify`). Its one output is ``doc._.communique_quantities``.

Config keys ``numbers``, ``units``, ``currencies``, ``context``: the data files, by default
the shipped ``quantities/*.yml``; a path to the user's own copy replaces one
(``nlp.add_pipe("communique_quantities", config={"units": "my_units.yml"})``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .classify import counted_noun, kind_of, modifiers_before, subject
from .context import DocContext
from .exclusions import anchored_duration, bare_excluded, excluded_end
from .lexicon import DEFAULT_CONTEXT, DEFAULT_CURRENCIES, DEFAULT_NUMBERS, DEFAULT_UNITS, Lexicon, lexicon
from .numbers import Number, read_number
from .ranges import borrowed_unit, read_range
from .scan import ends_with, identifier_end, prev_word, skip_space, unit_at
from .units import Tail, prefix, read_tail

if not Doc.has_extension("communique_quantities"):
    Doc.set_extension("communique_quantities", default=None)


@dataclass(frozen=True)
class QuantityMention:
    """One quantity found in a Doc (the item type of ``doc._.communique_quantities``).

    ``char_span`` is in CHARACTER offsets into ``doc.text``, not tokens: a quantity
    can start or end inside a token ("$2.174T", "CDN$11,000", "24/7", "2–4"; 7 of
    1,314 spans on quantulum3 + 200 wikinews articles), so it cannot be a token span.
    ``subject_tokens`` is a TOKEN span ``(start, end)`` of the Doc (it is built from
    the parse, so it always aligns); ``record.quantity_records`` turns it into characters.
    """
    value: float
    unit: str
    kind: str
    approximate: bool
    bound: str | None
    range: tuple[float, float] | None
    char_span: tuple[int, int]
    subject: str | None = None
    subject_tokens: tuple[int, int] | None = None

    @property
    def finite(self) -> bool:
        """A quantity JSON can carry: strict JSON has no Infinity or NaN (a range's
        midpoint or a rate can still overflow when its parts did not)."""
        return math.isfinite(self.value) and all(math.isfinite(v) for v in self.range or ())


def _item(value, unit, kind, approx, bound, span, rng=None) -> QuantityMention:
    return QuantityMention(value=float(value), unit=unit, kind=kind, approximate=bool(approx), bound=bound,
                           range=tuple(rng) if rng else None, char_span=tuple(span))


def find(lex: Lexicon, doc: Doc) -> list[QuantityMention]:
    text = doc.text
    out: list[QuantityMention] = []
    done = 0
    ctx = DocContext.of(doc, lex)
    for m in lex.trigger.finditer(text):
        if m.start() < done:
            continue
        if m.group("fixed") is not None:
            value, unit = lex.fixed[re.sub(r"\s+", " ", m.group().lower())]
            out.append(_item(value, unit, "amount", False, None, (m.start(), m.end())))
            done = m.end()
            continue
        if m.group("a") is not None:
            q = article_unit(ctx, text, m)
            if q:
                out.append(q)
                done = q.char_span[1]
            continue
        num = read_number(ctx, text, m)
        if num is None or not math.isfinite(num.value):  # "a billion billion ... billion" overflows too
            continue
        q, end = quantity(ctx, text, num)
        done = max(done, end)
        if q and q.finite:
            out.append(q)
    out.sort(key=lambda q: q.char_span[0])
    return out


def article_unit(ctx, text, m) -> QuantityMention | None:
    """"a gallon of beer", "a mile" -> 1 of the unit (physical units only)."""
    prev = text[max(0, m.start() - 12):m.start()]
    if re.search(r"(?:\d|[%$€£¥])[ \t]*$", prev) or re.search(r"\b(?:per|than|times)[ \t]*$", prev, re.I):
        return None
    got = unit_at(ctx, text, m.end())
    if not got:
        return None
    unit, end = got
    return _item(1.0, unit.name, "amount", False, None, (m.start(), end))


def _glued_to_identifier(text: str, num: Number) -> int:
    """End of the identifier when num is part of one: "F-16", "COVID-19", "737-800", "#1",
    "10:30", "3:1" ("G20" never matches); else 0."""
    start = num.start
    if (start >= 2 and text[start - 1] in "-+/.−–_" and text[start - 2].isalnum()) or (
            start >= 1 and text[start - 1] in "#№") or (
            num.end < len(text) - 1 and text[num.end] == ":" and text[num.end + 1].isdigit()):
        return identifier_end(text, num.end)
    return 0


@dataclass
class _Draft:
    """A quantity being read: what the stages after the tail fill in."""
    value: float
    name: str
    dimension: str
    start: int             # the span's start (modifiers included)
    end: int
    approx: bool
    bound: str | None
    rng: list | None = None
    count_noun: object = None  # the Token a bare number counts


def _unit_from_context(ctx, text: str, num: Number, tail: Tail, q: _Draft) -> None:
    """No unit: one borrowed from the next number ("45 and 50 mg"), an age ("aged 41"), a
    word before it ("a magnitude 5.2 earthquake"), or the counted noun ("1,200 troops")."""
    lex = ctx.lex
    borrowed = borrowed_unit(ctx, text, q.end)
    if borrowed:
        q.name, q.dimension = borrowed
        return
    prev = prev_word(ctx, text, q.start)
    before = prev[0].lower() if prev and text[prev[1] + len(prev[0]):q.start].strip() == "" else ""
    if ends_with(ctx, lex.age_before_rev, text, q.start, 20):
        q.name, q.dimension = "year", "age"  # "aged 41", "at age 12", "at the age of 99"
        return
    if before in lex.prefix_units:
        q.name, q.dimension = lex.prefix_units[before], "other"  # "a magnitude 5.2 earthquake"
        return
    q.count_noun = counted_noun(ctx, text, num.end if not num.scaled else tail.scale_end, q.end)
    if q.count_noun is not None:
        q.name, q.dimension = q.count_noun.text.lower(), "count"


def _not_a_measurement(ctx, text: str, num: Number, q: _Draft) -> bool:
    """"one of them", "that one", "one thing"; "the two countries" (a reference back); list
    numbers, citations."""
    lex = ctx.lex
    if len(num.words) == 1 and num.words[0] in lex.pronoun_numbers and (
            not q.name or (q.count_noun is not None and q.count_noun.text.lower() in lex.vague_nouns)):
        return True
    if q.dimension in ("", "count") and not num.digits and abs(q.value) <= lex.definite_max:
        prev = prev_word(ctx, text, q.start)
        if prev and prev[0].lower() in lex.definite and text[prev[1] + len(prev[0]):q.start].strip() == "":
            return True
    return not q.name and bare_excluded(ctx, text, num.start, q.end)


def _modifier_after(ctx, text: str, q: _Draft) -> None:
    """"20-odd", "a hundred or so", "5,000 or more"."""
    lex = ctx.lex
    sm = lex.modifier_after.match(text, q.end)
    if sm:
        word = re.sub(r"\s+", " ", re.sub(r"^[\s-]+", "", sm.group().lower()))
        if word in lex.approximate_after:
            q.approx = q.approx or word in lex.approximate_after_loose
            q.bound = "min" if word in lex.approximate_after_min else q.bound
            q.end = sm.end()


def _modifiers_before(ctx, text: str, mods, is_time: bool, q: _Draft) -> None:
    """Approximation and bound words before; "between"/"from" stay out of the span unless a range
    was read, and so do bound words before a duration ("over three years")."""
    lex = ctx.lex
    for word, w_start in mods:
        if word in ("between", "from"):
            if q.rng is None:
                q.start = max(q.start, skip_space(text, w_start + len(word)))
            continue
        if is_time and word in lex.bound_not_duration:
            q.start = max(q.start, skip_space(text, w_start + len(word)))
            continue
        q.approx = q.approx or word in lex.approximate
        q.bound = lex.bounds.get(word, q.bound)


def quantity(ctx, text: str, num: Number) -> tuple[QuantityMention | None, int]:
    """The quantity that num starts (or None), and the end of the text it covers."""
    if num.value != num.value:  # "1/0"
        return None, num.end
    glued = _glued_to_identifier(text, num)
    if glued:
        return None, glued
    currency, cur_start, negative = prefix(ctx, text, num.start)
    tail = read_tail(ctx, text, num, currency)
    if tail.skip:
        return None, tail.skip
    value = -tail.value if negative else tail.value
    if not math.isfinite(value):  # a scale word or letter took it past a float's range
        return None, tail.end
    excluded = excluded_end(ctx, text, num, value, tail.unit, currency, cur_start, tail.end)
    if excluded:
        return None, excluded

    mods, mod_start = modifiers_before(ctx, text, cur_start)
    q = _Draft(value, tail.name, tail.dimension, cur_start if mod_start is None else mod_start, tail.end,
               tail.approx, tail.bound)
    got = read_range(ctx, text, num, value, tail, currency, mods, cur_start)
    if got is not None and got.score:
        return None, got.end
    if got is not None:
        q.name, q.dimension, q.end = got.name, got.dimension, got.end
        q.rng = sorted((got.low, got.high))
        q.value = (got.low + got.high) / 2
    if not q.name:
        _unit_from_context(ctx, text, num, tail, q)
    if _not_a_measurement(ctx, text, num, q):
        return None, q.end
    _modifier_after(ctx, text, q)
    # durations that are calendar periods: "the last eleven months", "three days ago"
    is_time = q.dimension in ctx.lex.time_dimensions
    if is_time and anchored_duration(ctx, text, cur_start, q.end):
        return None, q.end
    _modifiers_before(ctx, text, mods, is_time, q)

    span = (q.start, q.end)
    kind = kind_of(ctx, text, span, q.name, q.dimension, q.rng is not None)
    item = _item(q.value, q.name, kind, q.approx, q.bound, span, q.rng)
    subj = subject(ctx, span, q.count_noun)
    if subj is not None:
        item = replace(item, subject=subj.text, subject_tokens=(subj.start, subj.end))
    return item, q.end


class Quantities:
    """Find the quantities of a Doc (see the package docstring). Holds only the
    lexicon; everything about one document is in its :class:`DocContext`."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_quantities = find(self.lex, doc)
        return doc


@Language.factory("communique_quantities", assigns=["doc._.communique_quantities"],
                  requires=["token.tag", "token.dep"],
                  default_config={"numbers": DEFAULT_NUMBERS, "units": DEFAULT_UNITS,
                                  "currencies": DEFAULT_CURRENCIES, "context": DEFAULT_CONTEXT})
def make_quantities(nlp: Language, name: str, numbers: str, units: str, currencies: str,
                    context: str) -> Quantities:
    """``numbers``, ``units``, ``currencies``, ``context``: the data files (shipped names
    or paths to the user's own, checked against the same schemas)."""
    return Quantities(lexicon(numbers, units, currencies, context))
