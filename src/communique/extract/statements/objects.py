"""Object cues: the object of a stance or speech verb with no clause ("endorsed
Clinton", "asked the court to ...", "called for a ban"), ending before a
non-restrictive modifier; not a mere topic ("commented on the war"), a stance inside
the writer's inference, or one already inside a statement.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..parse import subjects
from .reading import Context


class ObjectCues(Context):
    """The objects of stance and speech verbs, and where an object phrase ends."""

    def _objects(self, found: list[dict], cues: list[Token]) -> list[dict]:
        """'He criticized Clinton's track record': the object as content, for a known speaker."""
        doc, out = self.doc, []
        taken = {s["cue_i"] for s in found}
        taken |= {i for s in found for i in range(*s["content"])}  # "said he would defend X": X is inside what he said
        for cue in cues:
            if cue.pos_ != "VERB" or cue.i in taken or cue.i in self.quoted:
                continue
            if any(c.dep_ in ("auxpass", "ccomp") for c in cue.children):
                continue
            objects = [c for c in cue.children if c.i > cue.i and (c.dep_ in ("dobj", "xcomp", "dative")
                                                                   or self._prepositional_object(c))]
            if not objects:
                continue
            prepositional = all(o.dep_ == "prep" for o in objects)
            if prepositional and cue.lemma_ not in self.cues.stance_cues \
                    and all(o.lower_ in self.cues.topic_prepositions for o in objects):
                continue  # "commented on the war": the topic, not what was said
            if prepositional and cue.tag_ == "VBG" and cue.head.i in taken:
                continue  # "said that A, agreeing to B": hung on the report, whose act it is is unclear
            if self._inferred(cue):
                continue
            start = min(o.left_edge.i for o in objects)
            end = max(o.right_edge.i for o in objects) + 1
            if any(i in taken for i in range(start, end)):  # a quotation already stated
                continue
            end = self._before_aside(start, end)
            while end > start and (doc[end - 1].is_punct and not doc[end - 1].is_quote or doc[end - 1].is_space):
                end -= 1
            end = self._closing_mark(start, end)
            subject = self._subject(cue)
            if end - start < 1 or not any(t.is_alpha and not t.is_stop for t in doc[start:end]):
                continue
            if subject is None or subject.pos_ == "PRON" and subject.i not in self.owner:
                continue
            if subject.i not in self.owner and subject.pos_ not in ("PROPN", "NOUN"):
                continue
            out.append(self._statement(cue, start, end, direct=False))
        return out

    def _inferred(self, cue: Token) -> bool:
        """A cue inside the writer's inference ("The call demonstrates that ... as both
        countries seek to ..."): the writer's reading, not a report."""
        root = cue.sent.root
        if root.i == cue.i or root.i in self.quoted or root.lemma_ not in self.cues.inference:
            return False
        if any(t.i in self.owner or t.lower_ in self.cues.personal for c in subjects(root) for t in c.subtree):
            return False  # "Lawyers for the family argue ...": somebody's inference, a report
        return any(c.dep_ == "ccomp" and c.left_edge.i <= cue.i <= c.right_edge.i for c in root.children)

    def _prepositional_object(self, prep: Token) -> bool:
        """"called for a ban", not "in a statement" or "on Monday"."""
        if prep.dep_ != "prep" or prep.lower_ in self.cues.adverbial_prepositions:
            return False
        return not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)

    def _before_aside(self, start: int, end: int) -> int:
        """An object ends before its non-restrictive modifier: "admired Pope Francis, who
        preaches ...", "voted for Ben Carson, a neurosurgeon ..."."""
        doc = self.doc
        for token in doc[start + 1:end - 1]:
            if token.text != "," or token.i in self.quoted:
                continue
            nxt = doc[token.i + 1]
            if nxt.lower_ in self.cues.aside_openers:
                return token.i
            for t in doc[token.i + 1:end]:
                if t.text == ",":
                    break
                if t.dep_ == "appos" and t.pos_ not in ("PROPN", "NUM") and t.head.i < token.i:
                    return token.i  # a description, not a list of names ("Trump, Carson, and Fiorina")
        return end

    def _closing_mark(self, start: int, end: int) -> int:
        """End extended over '.”' when the content opens a quotation it does not close."""
        doc = self.doc
        opened = sum(1 for t in doc[start:end] if t.text in self.cues.opening_marks)
        closed = sum(1 for t in doc[start:end] if t.text in self.cues.closing_marks)
        if opened > closed:
            for i in range(end, min(end + 2, len(doc))):
                if doc[i].text in self.cues.closing_marks:
                    return i + 1
                if not doc[i].is_punct:
                    break
        return end
