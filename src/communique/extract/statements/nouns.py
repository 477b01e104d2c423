"""Noun cues and stance nouns: "Putin's claim that ..." (the clause after the noun's
"that") and "Trump's attacks on Clinton" (what follows the stance noun), for the
possessor or the subject of the verb the noun is the object of.
"""
from __future__ import annotations

from spacy.tokens import Span

from .reading import Context


class NounCues(Context):
    """Noun cues with a that-clause, and stance nouns with a preposition."""

    def _noun_reports(self, sent: Span, nouns) -> list[dict]:
        """"Putin's claim that ...", "the minister's warning that ...": the clause after the
        noun's "that"; the speaker is its possessor, or the subject of the verb it is the
        object of ("X repeated the claim that ...")."""
        out = []
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.i in self.quoted:
                continue
            that = noun.i + 1
            if that >= sent.end - 2 or self.doc[that].lower_ != "that":
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None and noun.dep_ == "dobj":
                owner = self._subject(noun.head)
            if owner is None:
                continue
            content = self._clause_to_end(that + 1, sent, noun)
            if content is not None:
                out.append(self._statement(noun, *content, direct=False, subject=owner))
        return out

    def _noun_stances(self, nouns) -> list[dict]:
        """"Trump's attacks on Clinton", "her support for the plan": what the stance is about,
        for the possessor."""
        doc, out = self.doc, []
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.i in self.quoted:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                         and c.lower_ in self.cues.stance_prepositions), None)
            if owner is None or prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
                continue
            start, end = prep.i + 1, prep.right_edge.i + 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > start and not any(start <= i < end for i in self.quoted):
                out.append(self._statement(noun, start, end, direct=False, subject=owner))
        return out
