"""Quantities: the per-document context. One :class:`DocContext` is made for each Doc
and passed explicitly to every sub-stage; the component itself keeps no state about
the document. It holds the Doc, its text, the lexicon, whether the Doc has tags and a
parse, and finds the token at a character offset.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc

from .lexicon import Lexicon


@dataclass(frozen=True)
class DocContext:
    """What the component asks of one Doc: tokens at a character offset, the parse."""
    doc: Doc
    text: str
    lex: Lexicon
    has_tags: bool
    has_deps: bool
    starts: numpy.ndarray  # token start offsets

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon) -> DocContext:
        return cls(doc=doc, text=doc.text, lex=lex,
                   has_tags=doc.has_annotation("TAG") or doc.has_annotation("POS"),
                   has_deps=doc.has_annotation("DEP"), starts=doc.to_array(IDX))

    def _index(self, char: int, side: str) -> int:
        return int(self.starts.searchsorted(char, side=side))

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
