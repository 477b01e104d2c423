"""The checks named in ``data/times/rules.yml``: filters on the parse that may refuse a
match ("May" the verb, "1998" a count, "current" a noun)."""
from __future__ import annotations

import re

from .context import Context
from .lexicon import Lexicon, _key

# The named groups each check reads from the match: a rule whose pattern lacks one is
# refused at load (C205), as is a check name not listed here.
CHECK_GROUPS: dict[str, frozenset[str]] = {name: frozenset(groups.split()) for name, groups in {
    "adverb": "",
    "anchored_quarter": "ago what which",
    "half": "year yshift",
    "month_alone": "month shift",
    "not_a_speed": "",
    "rate": "",
    "reference": "word",
    "relative_unit": "shift unit",
    "season": "part season shift year",
    "vague_duration": "unit vague",
    "year_alone": "prefix year",
}.items()}



class Checks:
    """Filters named in rules.yml: (context, match) -> keep the candidate?"""

    REFUSED_YEAR_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL", "PRODUCT", "FAC", "LAW"}
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
                    ctx.previous_word(m.start()) not in self.lex.cues["year_determiners"] and \
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
        if word in self.lex.cues["ambiguous_seasons"] or shift == "the":
            if re.match(r"\s+(of|in)\b", after):
                return False
            cue = ctx.previous_word(m.start())
            return cue in self.lex.cues["ambiguous_season_cues"]
        return ctx.previous_word(m.start()) in self.lex.cues["season_cues"]

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
        if ctx.previous_word(m.start()) in self.lex.cues["rate_refusers"]:
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
        """"now", "current", "the past", "soon": the first of the reference checks with
        an opinion (True or False) decides; the expression is kept when none has one."""
        word = _key(m.group("word"))
        for check in (self._reference_adjective, self._reference_before_a_count, self._now_opening_a_sentence,
                      self._soon_in_a_phrase):
            verdict = check(ctx, m, word)
            if verdict is not None:
                return verdict
        return True

    def _reference_adjective(self, ctx: Context, m: re.Match, word: str) -> bool | None:
        """"current" only before a noun it qualifies ("the current quarter")."""
        if word not in self.lex.reference_adjectives:
            return None
        tok = ctx.token_at(m.start())
        if tok is None or not ctx.has_pos:
            return False
        nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
        return tok.pos_ == "ADJ" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")

    def _reference_before_a_count(self, ctx: Context, m: re.Match, word: str) -> bool | None:
        """"the past three years" is a duration, not PAST_REF."""
        if word not in self.lex.cues["duration_references"]:
            return None
        nxt = re.match(r"\s+([\w-]+)", ctx.text[m.end():m.end() + 20])
        w = nxt.group(1).lower() if nxt else ""
        if w in self.lex.units or w in self.lex.vague or w in self.lex.cues["duration_reference_words"] or \
                self.lex.number(w) is not None:
            return False
        return None

    def _now_opening_a_sentence(self, ctx: Context, m: re.Match, word: str) -> bool | None:
        """A sentence that opens with "Now" is a discourse marker ("Now, he says")."""
        if word != "now" or m.group("word")[0] != "N":
            return None
        before = ctx.text[max(0, m.start() - 3):m.start()].strip()
        return False if before == "" or before[-1] in ".!?\"“”'`:" else None

    def _soon_in_a_phrase(self, ctx: Context, m: re.Match, word: str) -> bool | None:
        """Not "as soon as", "too soon", "soon after"."""
        if word != "soon":
            return None
        after = ctx.text[m.end():m.end() + 12].lower()
        return ctx.previous_word(m.start()) not in self.lex.cues["soon_refusers_before"] and \
            not self.lex.soon_refused_after.match(after)
