"""Quantities, sub-stage 2: numbers. A number at a trigger match: digits ("1,200",
"3.5", "1e6", "2 1/2", "1 000 000"), vulgar fractions ("½"), or number words ("a hundred
and two", "twenty-one", "two and a half", "half a million", "two thirds"). Scale words
and units after it are read by :mod:`.units`.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .lexicon import VULGAR


@dataclass
class Number:
    value: float
    start: int
    end: int
    digits: bool           # written with digits
    words: list[str]       # number words, lower case (for word numbers)
    scaled: bool = False


# Figures in running text are short; longer runs of digits are serials or noise, and
# past these lengths float() overflows or int() refuses the string (4,300 digits).
MAX_FIGURE_CHARS = 60
MAX_EXPONENT_CHARS = 5
MAX_EXPONENT = 300  # 10.0 ** 309 raises OverflowError


@dataclass
class _Figure:
    """A figure being read from digits: as written so far, its value, its end."""
    raw: str
    value: float
    end: int


def _exponent(lex, text: str, f: _Figure) -> bool:
    """"1e6", "2.5E-3"; False when there is no finite figure ("1e99999")."""
    em = lex.exponent.match(text, f.end)
    if em:
        exponent = em.group(1).replace("−", "-")
        if len(exponent) > MAX_EXPONENT_CHARS or abs(int(exponent)) > MAX_EXPONENT:
            return False  # 10.0 ** 400 raises OverflowError
        f.value *= 10.0 ** int(exponent)
        f.end = em.end()
    return True


def _times_power(lex, text: str, f: _Figure) -> bool:
    """"3 x 10^8", "1.6 × 10−19"; False when it overflows."""
    sm = lex.science.match(text, f.end)
    if sm and sm.group(2) and len(sm.group(1)) <= MAX_FIGURE_CHARS and len(sm.group(2)) <= MAX_EXPONENT_CHARS:
        base, exp = int(sm.group(1)), int(sm.group(2).replace("−", "-"))
        if abs(exp) < 40:
            try:
                f.value *= float(base) ** exp
            except OverflowError:  # float ** int raises rather than giving inf
                return False
            f.end = sm.end()
    return True


def _divided_by_zero(lex, text: str, f: _Figure) -> bool:
    """A fraction "1/4", "1/40" (not "1987/88", "24/7"), a vulgar fraction "2½", a mixed number
    "2 1/2", or thousands written with spaces "1 000 000". True for "1/0" (f.end past it)."""
    fm = lex.fraction.match(text, f.end)
    if fm and len(fm.group(1)) > MAX_FIGURE_CHARS:
        fm = None  # not a denominator: int() refuses more than 4,300 digits
    whole = "," not in f.raw and "." not in f.raw
    if fm and whole and int(fm.group(1)) == 0:
        f.end = fm.end()
        return True
    if fm and whole and f.value < int(fm.group(1)):
        f.value, f.end = f.value / int(fm.group(1)), fm.end()
    elif f.end < len(text) and text[f.end] in VULGAR:
        f.value += unicodedata.numeric(text[f.end])
        f.end += 1
    else:
        _mixed_or_thousands(lex, text, f)
    return False


def _mixed_or_thousands(lex, text: str, f: _Figure) -> None:
    mm = lex.mixed.match(text, f.end)
    if mm and max(len(mm.group(1)), len(mm.group(2))) > MAX_FIGURE_CHARS:
        mm = None  # not a fraction: int() refuses more than 4,300 digits
    if mm and "." not in f.raw and int(mm.group(2)) and int(mm.group(1)) < int(mm.group(2)):
        f.value += int(mm.group(1)) / int(mm.group(2))
        f.end = mm.end()
    elif len(f.raw) <= 3 and f.raw.isdigit():
        tm = lex.space_thousands.match(text, f.end)
        while tm:
            f.value = f.value * 1000 + int(tm.group(1))
            f.end = tm.end()
            tm = lex.space_thousands.match(text, f.end)


def read_digits(ctx, text: str, start: int) -> Number | None:
    """A number written with digits at start ("1,200", "3.5", "1e6", "2 1/2", "1 000 000", "5 ± 0.2")."""
    lex = ctx.lex
    dm = lex.digits.match(text, start)
    if not dm:
        return None
    raw = dm.group()
    if len(raw) > MAX_FIGURE_CHARS:
        return None  # a serial, a hash or noise, not a figure (and float() of it is infinite)
    f = _Figure(raw, float(raw.replace(",", "")), dm.end())
    if not _exponent(lex, text, f) or not _times_power(lex, text, f):
        return None
    if _divided_by_zero(lex, text, f):
        return Number(float("nan"), start, f.end, True, [])  # "1/0"
    pm = lex.pm.match(text, f.end)
    if pm:
        f.end = pm.end()
    if not math.isfinite(f.value):  # "9.9e307 x 10^9": past a float's range
        return None
    return Number(f.value, start, f.end, True, [])


def read_number(ctx, text: str, m: re.Match) -> Number | None:
    """The number at a trigger match: digits, a vulgar fraction, or number words."""
    if m.group("d") is not None:
        return read_digits(ctx, text, m.start())
    if m.group("v") is not None:
        return Number(unicodedata.numeric(m.group("v")), m.start(), m.end(), True, [])
    if m.group("w") is not None:
        return read_words(ctx, text, m.start())
    return None


@dataclass
class _Words:
    """The running sum while number words are read: "three million, two hundred" ->
    total 3e6, current 200, last "hundred"."""
    article: bool          # "a"/"an" stands right before the first word ("a hundred")
    total: float = 0.0
    current: float = 0.0
    last: str | None = None

    def after_units(self, sep) -> bool:
        """After "hundred" or a scale, with nothing or "and"/"&"/"," between ("a hundred and two")."""
        return self.last in ("hundred", "scale") and sep in (None, "and", "&", ",")

    def multiplies(self, sep, after: tuple) -> bool:
        """A multiplier glued to what it multiplies ("two hundred"), or to the article ("a dozen")."""
        return sep is None and (self.last in after or (self.last is None and self.article))


def _ones(st: _Words, sep, n) -> bool:
    if st.last is None or (st.last == "tens" and sep in (None, "-", "–")) or st.after_units(sep):
        st.current += n
        return True
    return False


def _teens_tens(st: _Words, sep, n) -> bool:
    if st.last is None or st.after_units(sep):
        st.current += n
        return True
    return False


def _hundred(st: _Words, sep, n) -> bool:
    if st.multiplies(sep, ("ones", "teens", "tens")):
        st.current = (st.current or 1) * n
        return True
    return False


def _scale(st: _Words, sep, n) -> bool:
    if st.multiplies(sep, ("ones", "teens", "tens", "hundred")):
        st.total += (st.current or 1) * n
        st.current = 0.0
        return True
    return False


def _fraction(st: _Words, sep, n) -> bool:
    if st.last in ("ones", "teens", "tens") and st.total == 0 and sep in (None, "-", "–"):
        st.current = st.current / n
        return True
    return False


# (category, lexicon table, step): the first table that holds the word gives its category;
# the step says whether it may follow what came before, and adds it.
WORD_CLASSES = (("ones", "ones", _ones), ("teens", "teens", _teens_tens), ("tens", "tens", _teens_tens),
                ("hundred", "hundred", _hundred), ("scale", "scales", _scale), ("dozen", "dozens", _hundred),
                ("frac", "denominators", _fraction))


def _and_a_half(ctx, text: str, m: re.Match, st: _Words):
    """"two and a half": the end of "half", or None."""
    hm = ctx.lex.word_token.match(text, m.end())
    if hm and hm.group(3).lower() == "half" and not hm.group(2):
        st.current += 0.5
        st.last = "frac"
        return hm.end()
    return None


def _half_a(ctx, text: str, pos: int, m: re.Match) -> Number | None:
    """"half a million", "half a dozen"."""
    lex = ctx.lex
    hm = re.match(r"[ \t]+an?[ \t]+([A-Za-z]+)", text[m.end():m.end() + 30])
    if hm and hm.group(1).lower() in lex.scales or (hm and hm.group(1).lower() in lex.dozens):
        mult = lex.scales.get(hm.group(1).lower()) or lex.dozens[hm.group(1).lower()]
        return Number(0.5 * mult, pos, m.end() + hm.end(), False, ["half", hm.group(1).lower()], True)
    return None


def _word_class(lex, w: str):
    return next(((cat, getattr(lex, table)[w], step) for cat, table, step in WORD_CLASSES
                 if w in getattr(lex, table)), None)


def read_words(ctx, text: str, pos: int) -> Number | None:
    """A number in words from pos: "a hundred and two", "twenty-one",
    "three million, two hundred & forty", "two and a half", "two thirds"."""
    lex = ctx.lex
    words: list[str] = []
    end = p = pos
    # "a hundred", "a dozen", "half a million": the article before counts as one
    before = text[max(0, pos - 3):pos].lower()
    st = _Words(article=bool(re.search(r"(?:^|\W)an? $", before)) if before else False)
    while (m := lex.word_token.match(text, p)) is not None:
        space, sep, w = m.group(1), m.group(2), m.group(3).lower()
        if (words and not space and not sep) or (not words and sep):
            break
        if w == "a" and sep in ("and", "&") and st.last in ("ones", "teens", "tens", "hundred", "scale", "dozen"):
            half_end = _and_a_half(ctx, text, m, st)
            if half_end is not None:
                end = half_end
                words.append("half")
            break
        if w == "half" and not words:
            return _half_a(ctx, text, pos, m)
        found = _word_class(lex, w)
        if found is None or not found[2](st, sep, found[1]):
            break
        cat = found[0]
        if sep == "," and cat not in ("ones", "teens", "tens", "hundred"):
            break
        words.append(w)
        st.last = cat
        end = p = m.end()
        if cat == "frac":
            break
    if not words:
        return None
    start = pos
    if st.article and words[0] in ("hundred", "dozen", *lex.scales):
        start = pos - (3 if before.endswith("an ") else 2)
    return Number(st.total + st.current, start, end, False, words, st.last == "scale")
