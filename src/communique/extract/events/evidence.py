"""Events, sub-stage 8: the evidence span. A verb's clause (with its subject, at most
``EVIDENCE_MAX_TOKENS`` tokens), an event noun's phrase, trimmed of punctuation and
space. Mixed into :class:`.component._Extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..parse import SUBJECTS_AND_AGENT, phrase, subjects
from .state import ExtractionState

EVIDENCE_MAX_TOKENS = 40


class Evidence(ExtractionState):
    """The token span an event is read from."""

    def _clause(self, verb: Token) -> tuple[int, int]:
        """The trigger's clause as evidence; a verb inside a prepositional phrase ("play a
        role in resolving ...") takes the clause of the verb above it."""
        while verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "NOUN"):
            verb = verb.head.head
            if verb.pos_ == "NOUN" and verb.head.pos_ == "VERB":
                verb = verb.head
        sent = verb.sent
        tokens = [t.i for t in verb.subtree if sent.start <= t.i < sent.end]
        start = min([verb.i] + [phrase(s)[0] for s in subjects(verb, SUBJECTS_AND_AGENT)])
        start = max(start, min(tokens))
        end = min(max(tokens) + 1, max(verb.i + 1, start + EVIDENCE_MAX_TOKENS))
        return self._trim(start, end)

    def _span_of(self, noun: Token) -> tuple[int, int]:
        start, end = phrase(noun)
        return self._trim(start, min(end, noun.i + EVIDENCE_MAX_TOKENS))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return start, end
