"""The spaCy component ``communique_times``: find, check, normalise, extend, merge.

:class:`TimeTagger` holds only what is loaded once (the lexicon, the compiled rules,
the handlers and checks); everything about one document lives in a
:class:`~.context.Context` made for it and passed to every call. It writes
``doc._.communique_times``, a list of frozen :class:`TimeMention`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .checks import Checks
from .context import Context
from .lexicon import DEFAULT_LEXICON, DEFAULT_RULES, _key
from .normalize import Normalizer
from .rules import Candidate, RuleMatcher, load_grammar
from .values import DAY_VALUE, Hit, _quarter_of



@dataclass(frozen=True)
class TimeMention:
    """One time expression: tokens ``doc[start:end]`` (the tokens that cover it), its
    TIMEX3 ``type`` and ``value``, and ``char_span``, its exact character offsets. The
    character offsets are kept because a few expressions end inside a token ("1980" of
    "1980–1987", "fourth quarter" of "fourth quarters": 9 of 2,511 on TimeBank's dev half
    and 200 Wikinews articles); the record's ``times[].span`` is ``char_span``."""
    start: int
    end: int
    type: str
    value: str
    char_span: tuple[int, int]


if not Doc.has_extension("communique_times"):
    Doc.set_extension("communique_times", default=None)


class TimeTagger:
    """The component: finds, normalises, extends and merges time expressions."""

    def __init__(self, lexicon: str = DEFAULT_LEXICON, rules: str = DEFAULT_RULES):
        self.lex, self.rules, self.extras = load_grammar(lexicon, rules)
        self.normalizer = Normalizer(self.lex, self.extras)
        self.checks = Checks(self.lex)
        self.matcher = RuleMatcher(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_times = self.find(doc, _parse_date(doc._.communique_published))
        return doc

    def find(self, doc: Doc, dct: date | None) -> list[TimeMention]:
        ctx = Context(doc, dct, self.lex)
        return self._resolve(ctx, self.matcher.candidates(doc.text))

    def _resolve(self, ctx: Context, candidates: list[Candidate]) -> list[TimeMention]:
        """Longest first, checked; then normalised in text order, extended and merged."""
        text, dct = ctx.text, ctx.dct
        candidates.sort(key=lambda c: (c.neg_length, c.order, c.start))
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
        return [_mention(ctx.doc, s, e, h) for s, e, h in found]

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


def _mention(doc: Doc, start: int, end: int, hit: Hit) -> TimeMention:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # not expected: expressions start and end on non-space characters
        tokens = [t.i for t in doc if t.idx < end and t.idx + len(t) > start] or [0]
        return TimeMention(tokens[0], tokens[-1] + 1, hit.type, hit.value, (start, end))
    return TimeMention(span.start, span.end, hit.type, hit.value, (start, end))


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
