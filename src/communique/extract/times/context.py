"""One document as the handlers and checks see it: its text, parse, reference date and
the times named so far (for anaphora), passed explicitly to every call."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from .lexicon import Lexicon


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
        if tok.tag_ == "VBN" and (not auxes or words & self.lex.cues["perfect_auxiliaries"]):
            return "past"
        if tok.tag_ == "VBN":
            return "present"
        if tok.tag_ in ("VBZ", "VBP", "VBG", "VB"):
            if tok.tag_ == "VBG" and words & self.lex.cues["progressive_auxiliaries"]:
                return "future"  # "is meeting Tuesday"
            return "present"
        return None

