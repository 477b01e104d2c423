"""Indirect speech: a speech verb with a complement clause, and "according to".

The content starts after the cue's "that" or is its clausal complement on the parse,
or the rest of the sentence when the cue's own clause only reports it ("..., he said",
"As the Post reported, ..."); it runs to the clause's end (:meth:`_clause_to_end`),
and a chained claim ("A and that B") is a statement of its own (:meth:`_claims`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..parse import ACTIVE_SUBJECTS, first_subject, subjects
from .reading import Context, _between

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
TRIM_START_POS = {"DET", "ADV", "ADJ", "ADP", "SCONJ"}


class IndirectSpeech(Context):
    """Speech verbs with a complement clause, and "according to X, ..."."""

    def _indirect(self, sent: Span, cues) -> list[dict]:
        out = []
        for cue in cues:
            if not self._is_cue(cue) or cue.pos_ not in ("VERB", "AUX") or cue.i in self.quoted:
                continue
            if any(c.dep_ == "auxpass" for c in cue.children):  # "she is assured of ...", "it was reported"
                continue
            content = self._complement(cue, sent)
            if content is None:
                continue
            for start, end in self._claims(content):
                out.append(self._statement(cue, start, end, direct=False))
        return out

    def _is_cue(self, verb: Token) -> bool:
        if verb.lemma_ in self.cues.speech:
            return True
        if verb.lemma_ in self.cues.evidence:
            subject = first_subject(verb, ACTIVE_SUBJECTS)
            return subject is not None and subject.lemma_.lower() in self.cues.evidence_subjects
        return False

    def _complement(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        doc = self.doc
        that = self._that_after(cue, sent)
        if that is not None and self._relative(doc[that]):  # "pointed to tools that have ...": the tools
            antecedent = doc[that].head.head
            if self._object_of(antecedent, cue):
                return self._clause_to_end(antecedent.left_edge.i, sent, cue)
        elif that is not None:
            return self._clause_to_end(that + 1, sent, cue)
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if clauses:
            clause = clauses[0]
            start, end = clause.left_edge.i, clause.right_edge.i + 1
            if start < cue.i < end:  # "which she said “opens ...”": the clause after the cue
                start = cue.i + 1
            while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
                start += 1
            if start >= cue.i:
                return self._clause_to_end(start, sent, cue, limit=end)
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return (start, end) if end - start >= 2 else None
        if cue.dep_ == "parataxis" and cue.head.i not in self.quoted or self._reporting_clause(cue, sent):
            inner = {t.i for t in cue.subtree}  # "The deal, he said, is done."
            tokens = [t.i for t in sent if t.i not in inner and not t.is_punct and not t.is_space]
            return (tokens[0], tokens[-1] + 1) if len(tokens) >= 2 else None
        return None

    def _reporting_clause(self, cue: Token, sent: Span) -> bool:
        """A cue whose own clause only reports the rest of the sentence: "As the Post
        reported, ..." or a closing "..., she said." the parse hung on the main verb."""
        if cue.dep_ != "advcl" or cue.head.i in self.quoted or cue.tag_ not in FINITE_TAGS:
            return False
        if not subjects(cue, ACTIVE_SUBJECTS):
            return False
        if any(c.dep_ in ("dobj", "xcomp", "advcl", "attr") for c in cue.children):
            return False
        marks = [c.lower_ for c in cue.children if c.dep_ == "mark"]
        if marks:
            return marks == ["as"]
        doc, right = self.doc, cue.right_edge.i + 1
        closing = all(t.is_punct or t.is_space for t in doc[right:sent.end])
        return closing and cue.left_edge.i > sent.start and doc[cue.left_edge.i - 1].text == ","

    @staticmethod
    def _relative(that: Token) -> bool:
        """A "that" that is the subject of a relative clause ("a policy that could ..."), not
        a complementizer ("predicted at the debate that Republicans will ...")."""
        return that.dep_ in ("nsubj", "nsubjpass") and that.head.dep_ == "relcl"

    def _that_after(self, cue: Token, sent: Span) -> int | None:
        """The "that" opening the cue's clause, when no finite verb comes between."""
        for token in self.doc[cue.i + 1:min(sent.end, cue.i + 12)]:
            if token.lower_ == "that" and token.i + 1 < sent.end:
                return token.i
            if token.tag_ in FINITE_TAGS or token.text in (".", ";", ":") or token.i in self.quoted:
                return None
        return None

    def _clause_to_end(self, start: int, sent: Span, cue: Token, limit: int | None = None) -> tuple[int, int] | None:
        """From ``start`` to the clause's end: the sentence end, cut at a participle
        of the main clause or the writer's trailing aside."""
        doc = self.doc
        end = sent.end if limit is None else max(limit, start)
        end = sent.end if limit is not None and limit < sent.end and self._runs_on(limit, sent) else end
        for comma in _between(self.commas, start, end):
            if comma + 1 < end:
                nxt = doc[comma + 1]
                if nxt.tag_ == "VBG" and (nxt.head.i < start or self._reports(nxt)):
                    end = comma
                    break
        for other in cue.children:  # "said that A, but in a later interview said B": B is another report
            if other.dep_ == "conj" and other.pos_ in ("VERB", "AUX") and start < other.i < end:
                end = min(end, other.left_edge.i)
                while end > start and doc[end - 1].lower_ in self.cues.report_joiners:
                    end -= 1
        for trim_start, trim_end in self.trims:
            if start < trim_start < end and trim_end >= end - 1 and doc[trim_start].pos_ in TRIM_START_POS:
                end = trim_start
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in self.cues.content_closing_marks or doc[end - 1].is_space
                               or doc[end - 1].text == ","):
            end -= 1
        return (start, end) if end - start >= 2 else None

    def _reports(self, token: Token) -> bool:
        """A participle that opens a new report (", going as far as to say that ...")."""
        return any(t.lemma_ in self.cues.speech and t.pos_ in ("VERB", "AUX")
                   for t in token.subtree)

    def _runs_on(self, limit: int, sent: Span) -> bool:
        """After the parsed clause, ", but it will ..." still belongs to the claim."""
        doc = self.doc
        return limit + 1 < sent.end and doc[limit].text == "," and doc[limit + 1].lower_ in self.cues.run_on_joiners

    def _claims(self, content: tuple[int, int]) -> list[tuple[int, int]]:
        """One claim per "that": "A and that B" -> A, B."""
        doc, (start, end) = self.doc, content
        cuts = [i for i in _between(self.thats, start, end)
                if i - 1 >= start and doc[i - 1].lower_ in self.cues.claim_joiners
                and doc[i].dep_ == "mark"]  # not "and that will continue ...": there "that" is a pronoun
        pieces, cursor = [], start
        for cut in cuts:
            left_end = cut - 1
            while left_end > cursor and doc[left_end - 1].text == ",":
                left_end -= 1
            pieces.append((cursor, left_end))
            cursor = cut + 1
        pieces.append((cursor, end))
        return [(s, e) for s, e in pieces if e - s >= 2]

    def _according_to(self, sent: Span, firsts) -> list[dict]:
        doc, out = self.doc, []
        for first in firsts:
            for phrase in self.cues.according:
                if first.i + len(phrase) > sent.end or first.lower_ != phrase[0] \
                        or any(doc[first.i + j].lower_ != word for j, word in enumerate(phrase[1:], 1)):
                    continue
                cue_start = first.i
                obj = doc[cue_start + len(phrase) - 1]
                objects = [c for c in obj.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                source = objects[0]
                inner = set(range(cue_start, source.right_edge.i + 1))
                rest = [t.i for t in sent if t.i not in inner and not t.is_punct and not t.is_space]
                if len(rest) < 3:
                    continue
                out.append(self._statement(doc[cue_start], rest[0], rest[-1] + 1, direct=False,
                                           cue_text=" ".join(phrase), subject=source))
        return out
