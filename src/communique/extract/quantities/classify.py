"""Quantities, sub-stage 6: classify. Approximation and bound words before the number,
the counted noun, the kind (change, target, age, range, rate, duration, ratio,
amount) and the subject, what the quantity measures, from the parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..parse import first_subject
from .scan import ends_with


def modifiers_before(ctx, text, pos):
    """[(phrase, start)] of approximation, bound and range words right before pos, in text order."""
    lex = ctx.lex
    mods = []
    first = None
    p = pos
    for _ in range(3):
        got = ends_with(ctx, lex.modifier_before_rev, text, p, 40)
        if not got:
            break
        phrase = re.sub(r"\s+", " ", got[0].strip().lower())
        s = got[1] + (len(got[0]) - len(got[0].lstrip()))
        mods.append((phrase, s))
        first = s
        p = s
    mods.reverse()
    return mods, first


# ---- counted nouns
def counted_plural(ctx, text: str, pos: int) -> bool:
    """A plural common noun right after pos ("1500 soldiers", "5m people")."""
    t = ctx.token_after(pos)
    if t is None or t.idx - pos > 2 or not t.is_alpha or not t.is_lower:
        return False
    if ctx.has_tags:
        return t.tag_ == "NNS" or (t.pos_ == "NOUN" and t.text.lower() in ctx.lex.plural_nouns)
    return t.text.endswith("s")


def countable(ctx, t) -> bool:
    low = t.text.lower()
    return (t.pos_ == "NOUN" and t.is_alpha and len(low) > 1 and not t.is_title and not t.is_upper
            and low not in ctx.lex.clock_words and low not in ctx.lex.number_words)


def counted_noun(ctx, text: str, num_end: int, q_end: int):
    """The noun Token that the number counts ("two additional patrol vessels"), or None."""
    if not ctx.has_tags:
        return None
    num_tok = ctx.token_at(num_end - 1)
    if num_tok is None:
        return None
    if ctx.has_deps and num_tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "det"):
        head = num_tok.head
        between = ctx.doc[num_tok.i + 1:head.i] if head.i > num_tok.i else []
        if (head.i > num_tok.i and head.i - num_tok.i <= 5 and head.idx >= q_end and countable(ctx, head)
                and all(t.pos_ in ("ADJ", "NOUN", "PUNCT", "PROPN", "VERB", "ADV", "SPACE") and t.text not in ",;:()"
                        for t in between)):
            return head
    # the parse did not attach it: the noun right after ("50 cars", "two additional patrol vessels")
    t = ctx.token_after(q_end)
    if t is None or t.idx - q_end > 1:
        return None
    run = []
    while t is not None and t.pos_ in ("ADJ", "NOUN") and t.is_alpha and len(run) < 4:
        run.append(t)
        t = ctx.doc[t.i + 1] if t.i + 1 < len(ctx.doc) else None
    if run and countable(ctx, run[-1]):
        n = run[-1]
        return n
    return None


# ---- change and target
def prev_tokens(ctx, char: int, n: int = 8):
    t = ctx.token_before(char)
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
        t = ctx.doc[t.i - 1]
    return out


def change_before(ctx, start) -> bool:
    """A change verb right before ("rose from 5 to 7": two levels, not a range;
    "increase 36% to 6B": a change then a level)."""
    lex = ctx.lex
    prev = prev_tokens(ctx, start, 4)
    words = [ctx.lemma(t) for t in prev]
    if not words:
        return False
    if words[0] == "from" and any(w in lex.change_verbs or w in lex.change_nouns for w in words[1:4]):
        return True
    if words[0] in lex.change_verbs or words[0] == "by":
        return True
    return False


@dataclass(frozen=True)
class KindQuery:
    """What the kind checks look at: the quantity, the tokens before it (nearest
    first: ``prev``, their lemmas ``lem`` and lower-case texts ``low``) and the token after."""
    ctx: object
    text: str
    span: tuple[int, int]
    unit: str
    dimension: str
    is_range: bool
    prev: list
    lem: list
    low: list
    nxt: object            # the token right after (within one character), else None

    @classmethod
    def of(cls, ctx, text, span, unit, dimension, is_range) -> KindQuery:
        prev = prev_tokens(ctx, span[0], 8) if ctx.has_tags else []
        nxt = ctx.token_after(span[1])
        return cls(ctx, text, span, unit, dimension, is_range, prev, [ctx.lemma(t) for t in prev],
                   [t.text.lower() for t in prev], nxt if nxt is not None and nxt.idx - span[1] <= 1 else None)


def _change_by(q: KindQuery) -> str | None:
    """"grow by 25%", "an increase by 5%"."""
    lex = q.ctx.lex
    if q.lem and q.low[0] == "by" and any(w in lex.change_verbs or w in lex.change_nouns for w in q.lem[1:5]):
        return "change"
    return None


def _change_verb(q: KindQuery) -> str | None:
    """"increase 36%", "rose sharply 5 pct" (an adverb between is skipped)."""
    if not q.lem:
        return None
    lex = q.ctx.lex
    verb_at = 1 if (len(q.prev) > 1 and q.prev[0].pos_ == "ADV" and q.low[0] not in lex.change_adverbs) else 0
    if len(q.lem) > verb_at and q.lem[verb_at] in lex.change_verbs and q.prev[verb_at].pos_ in ("VERB", "AUX", "NOUN") \
            and (q.unit in lex.change_units or q.lem[verb_at] in lex.change_intransitive):
        return "change"
    return None


def _change_adverb(q: KindQuery) -> str | None:
    """"up 3%", "down 2 percent"."""
    lex = q.ctx.lex
    if q.lem and q.low[0] in lex.change_adverbs and (
            q.unit in lex.change_units or q.dimension in ("currency", "count", "")):
        return "change"
    return None


def _change_of_noun(q: KindQuery) -> str | None:
    """"an increase of 25%"."""
    if q.lem and q.low[0] == "of" and len(q.lem) > 1 and q.lem[1] in q.ctx.lex.change_nouns:
        return "change"
    return None


def _change_noun_after(q: KindQuery) -> str | None:
    """"a 5% rise", "a 25 basis point cut"."""
    if q.nxt is not None and q.ctx.lemma(q.nxt) in q.ctx.lex.change_nouns and (
            q.nxt.pos_ == "NOUN" or (q.low and q.low[0] in ("a", "an"))):
        return "change"
    return None


def _target_of_noun(q: KindQuery) -> str | None:
    """"his stated goal of 200B USD"."""
    if q.lem and q.low[0] == "of" and len(q.lem) > 1 and q.lem[1] in q.ctx.lex.target_nouns:
        return "target"
    return None


def _target_reach(q: KindQuery) -> str | None:
    """"aims to reach 1,000 stores"."""
    lex = q.ctx.lex
    window = q.lem[:8]
    if window and any(w in lex.reach_verbs for w in window[:3]) and any(
            w in lex.target_verbs or w in lex.target_nouns for w in window[1:8]) and "to" in q.low[:4]:
        return "target"
    return None


def _target_noun_after(q: KindQuery) -> str | None:
    """"a $5 billion target", "a 200B USD trade goal" (up to three words on)."""
    doc = q.ctx.doc
    t = q.nxt
    for _ in range(3 if t is not None else 0):
        if q.ctx.lemma(t) in q.ctx.lex.target_nouns and t.pos_ == "NOUN":
            return "target"
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.i + 1 >= len(doc):
            break
        t = doc[t.i + 1]
    return None


def _age(q: KindQuery) -> str | None:
    """"a 50-year-old man", "aged 41", "at the age of 99"."""
    if q.unit != "year":
        return None
    lex = q.ctx.lex
    aw = re.match(r"[\s-]*([a-z]+)", q.text[q.span[1]:q.span[1] + 6].lower())
    if (aw and aw.group(1) in lex.age_suffixes) or q.dimension == "age" or (q.low and q.low[0] in lex.age_prefixes):
        return "age"
    return None


def _by_form(q: KindQuery) -> str | None:
    """From the form alone: a range, a rate ("USD/barrel"), a duration, a ratio ("three times")."""
    if q.is_range:
        return "range"
    if "/" in q.unit:
        return "rate"
    if q.dimension in q.ctx.lex.time_dimensions:
        return "duration"
    if q.unit == "times":
        return "ratio"
    return None


# In order; the first that answers decides, else "amount".
KIND_CHECKS = (_change_by, _change_verb, _change_adverb, _change_of_noun, _change_noun_after,
               _target_of_noun, _target_reach, _target_noun_after, _age, _by_form)


def kind_of(ctx, text, span, unit, dimension, is_range) -> str:
    """change, target, age, range, rate, duration, ratio or amount (see the package docstring)."""
    query = KindQuery.of(ctx, text, span, unit, dimension, is_range)
    for check in KIND_CHECKS:
        kind = check(query)
        if kind:
            return kind
    return "amount"


# ---- subject
# A subject rule that applies but finds no subject ("of them") ends the search with None.
NO_SUBJECT = "no subject"


def _of_phrase(ctx, span, last, nxt):
    """"3.5 million barrels of oil" -> "oil"."""
    if nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(ctx.doc):
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        if pobj:
            return phrase(ctx, pobj[0], with_of=False) or NO_SUBJECT
    return None


def _modified_noun(ctx, span, last, nxt):
    """"200B USD trade volume": the quantity modifies the noun (compound) right after it."""
    doc = ctx.doc
    if nxt is not None and nxt.idx - span[1] <= 1 and nxt.pos_ == "NOUN":
        t = nxt
        while t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN" and t.dep_ == "compound":
            t = doc[t.i + 1]
        return doc[nxt.i:t.i + 1]
    return None


# Dependency labels a quantity's head may climb through to reach its verb.
CLIMB_DEPS = ("nummod", "quantmod", "compound", "pobj", "prep", "dobj", "attr", "npadvmod",
              "advmod", "nmod", "appos", "acomp", "oprd")


def _governing_verb(last):
    """The verb the quantity depends on, up to three steps up ("grow by 25%", "increase 36%")."""
    t = last
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        if t.dep_ not in CLIMB_DEPS:
            return None
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _verb_subject(ctx, span, last, nxt):
    """The subject of the verb it depends on ("trade will grow by 25%" -> "trade"), through
    one conj/xcomp link; not a pronoun, determiner or number, not inside the quantity."""
    verb = _governing_verb(last)
    for _ in range(2 if verb is not None else 0):
        s = first_subject(verb)
        if s is not None:
            if s.pos_ in ("PRON", "DET", "NUM") or span[0] <= s.idx < span[1]:
                return None
            return phrase(ctx, s, with_of=True)
        if not (verb.dep_ in ("conj", "xcomp") and verb.head is not verb):
            break
        verb = verb.head
    return None


# In order: the first that answers (a Span, or NO_SUBJECT) decides; the counted noun comes before all.
SUBJECT_RULES = (_of_phrase, _modified_noun, _verb_subject)


def subject(ctx, span, count_noun):
    """The Span of what the quantity measures, or None: the counted noun, an "of" phrase, the
    noun it modifies, or the subject of its verb (needs the parse)."""
    if not ctx.has_deps:
        return None
    if count_noun is not None:
        return phrase(ctx, count_noun, with_of=True)
    last = ctx.token_at(span[1] - 1)
    if last is None:
        return None
    nxt = ctx.token_after(span[1])
    for rule in SUBJECT_RULES:
        found = rule(ctx, span, last, nxt)
        if found is not None:
            return None if found is NO_SUBJECT else found
    return None


def phrase(ctx, head, with_of: bool):
    if head is None:
        return None
    doc = ctx.doc
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
    return span
