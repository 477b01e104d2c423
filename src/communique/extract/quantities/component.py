"""Quantities, sub-stage 7: the component. The spaCy factory ``communique_quantities``
and the cascade over the trigger matches of one Doc: number (:mod:`.numbers`), tail
(:mod:`.units`), exclusions, modifiers, range, unit or counted noun, kind and subject
(:mod:`.classify`). Its one output is ``doc._.communique_quantities``.
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
from .lexicon import Lexicon, lexicon
from .numbers import Number, read_number
from .ranges import borrowed_unit, read_range
from .scan import ends_with, identifier_end, prev_word, skip_space, unit_at
from .units import prefix, read_tail

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


def quantity(ctx, text: str, num: Number):
    """The quantity that num starts (dict or None), and the end of the text it covers."""
    lex = ctx.lex
    if num.value != num.value:  # "1/0"
        return None, num.end
    start = num.start
    # glued to an identifier: "F-16", "COVID-19", "737-800", "#1", "10:30", "3:1" ("G20" never matches)
    if start >= 2 and text[start - 1] in "-+/.−–_" and text[start - 2].isalnum():
        return None, identifier_end(text, num.end)
    if start >= 1 and text[start - 1] in "#№":
        return None, identifier_end(text, num.end)
    if num.end < len(text) - 1 and text[num.end] == ":" and text[num.end + 1].isdigit():
        return None, identifier_end(text, num.end)

    currency, cur_start, negative = prefix(ctx, text, start)
    tail = read_tail(ctx, text, num, currency)
    if tail.skip:
        return None, tail.skip
    value = -tail.value if negative else tail.value
    unit, name, dimension, q_end = tail.unit, tail.name, tail.dimension, tail.end
    if not math.isfinite(value):  # a scale word or letter took it past a float's range
        return None, q_end

    excluded = excluded_end(ctx, text, num, value, unit, currency, cur_start, q_end)
    if excluded:
        return None, excluded

    mods, mod_start = modifiers_before(ctx, text, cur_start)
    span_start = cur_start if mod_start is None else mod_start

    # ranges: "between 10 and 20", "10-20 troops", "3 to 4 L", "8- to 16-meter", "-18 °C to -34 °C"
    rng = None
    got = read_range(ctx, text, num, value, tail, currency, mods, cur_start)
    if got and got[0] == "skip":
        return None, got[1]
    if got:
        (lo, hi), name, dimension, q_end = got
        rng = sorted((lo, hi))
        value = (lo + hi) / 2

    # no unit: one borrowed from the next number ("45 and 50 mg"), or the counted noun ("1,200 troops")
    count_noun = None
    if not name:
        borrowed = borrowed_unit(ctx, text, q_end)
        if borrowed:
            name, dimension = borrowed
    if not name:
        prev = prev_word(ctx, text, span_start)
        before = prev[0].lower() if prev and text[prev[1] + len(prev[0]):span_start].strip() == "" else ""
        if ends_with(ctx, lex.age_before_rev, text, span_start, 20):
            name, dimension = "year", "age"  # "aged 41", "at age 12", "at the age of 99"
        elif before in lex.prefix_units:
            name, dimension = lex.prefix_units[before], "other"  # "a magnitude 5.2 earthquake"
    if not name:
        count_noun = counted_noun(ctx, text, num.end if not num.scaled else tail.scale_end, q_end)
        if count_noun:
            name, dimension = count_noun[0], "count"

    # numbers that are not measurements
    if len(num.words) == 1 and num.words[0] in lex.pronoun_numbers and (
            not name or (count_noun and count_noun[0] in lex.vague_nouns)):
        return None, q_end  # "one of them", "that one", "one thing"
    if dimension in ("", "count") and not num.digits and abs(value) <= lex.definite_max:
        prev = prev_word(ctx, text, span_start)
        if prev and prev[0].lower() in lex.definite and text[prev[1] + len(prev[0]):span_start].strip() == "":
            return None, q_end  # "the two countries": a reference back
    if not name and bare_excluded(ctx, text, num.start, q_end):
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
    if is_time and anchored_duration(ctx, text, cur_start, q_end):
        return None, q_end

    for word, w_start in mods:
        if word in ("between", "from"):
            if rng is None:
                span_start = max(span_start, skip_space(text, w_start + len(word)))
            continue
        if is_time and word in lex.bound_not_duration:
            span_start = max(span_start, skip_space(text, w_start + len(word)))
            continue
        approx = approx or word in lex.approximate
        bound = lex.bounds.get(word, bound)

    span = (span_start, q_end)
    kind = kind_of(ctx, text, span, name, dimension, rng is not None)
    q = _item(value, name, kind, approx, bound, span, rng)
    subj = subject(ctx, span, count_noun)
    if subj is not None:
        q = replace(q, subject=subj.text, subject_tokens=(subj.start, subj.end))
    return q, q_end


class Quantities:
    """Find the quantities of a Doc (see the package docstring). Holds only the
    lexicon; everything about one document is in its :class:`DocContext`."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_quantities = find(self.lex, doc)
        return doc


@Language.factory("communique_quantities", assigns=["doc._.communique_quantities"],
                  requires=["token.tag", "token.dep"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(lexicon())
