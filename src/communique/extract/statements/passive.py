"""Passive and raising cues: "Trump is expected to ...", "it was reported that ...",
"the deal appears to ...". The speaker is the "by" agent, or nobody by design.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..parse import first_subject
from .reading import Context


class PassiveCues(Context):
    """Passive and raising cues."""

    def _passive(self, sent: Span, cues) -> list[dict]:
        """"Trump is expected to visit ...": the whole clause, subject and all, is what is
        expected; "It was reported that ...": the that-clause. The speaker is the "by"
        agent, or none."""
        doc, out = self.doc, []
        for cue in cues:
            if cue.pos_ != "VERB" or cue.i in self.quoted:
                continue
            raising = cue.lemma_ in self.cues.raising  # "Trump seems to ...": nobody named holds the view
            if not raising and not any(c.dep_ == "auxpass" for c in cue.children):
                continue
            subject = first_subject(cue, ("nsubj",) if raising else ("nsubjpass",))
            agent = next((c for c in cue.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subject is None:
                continue
            if subject.lower_ in self.cues.expletives:
                that = self._that_after(cue, sent)
                content = self._clause_to_end(that + 1, sent, cue) if that is not None else None
            else:
                clause = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
                if clause is None:
                    continue
                start, end = subject.left_edge.i, clause.right_edge.i + 1
                while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
                content = (start, end) if end - start >= 3 else None
            if content is None:
                continue
            statement = self._statement(cue, *content, direct=False, subject=source)
            if source is None:
                statement["speaker"] = None
                statement["unattributed"] = True  # nobody is named by design
            out.append(statement)
        return out
