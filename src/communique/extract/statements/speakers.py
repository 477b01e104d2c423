"""The speaker: the cue's subject, climbing to the verb that has one, resolved through
the actors' mentions; a subject no dictionary knows becomes a candidate actor with a
null code, "I" outside quotation marks the writer, and an unresolved personal pronoun
no speaker. :meth:`_statement` builds the working dict every stage returns.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors import Actor
from ..parse import first_subject
from .reading import Context

CLIMB_DEPS = {"xcomp", "conj", "advcl", "dep"}
SPEAKER_ASIDE_DEPS = {"relcl", "acl"}  # "PACs supporting Cruz", "voters who back Trump": not the speaker
BRIDGE_DEPS = {"pcomp", "xcomp"}  # through a preposition or an adjective to the verb with the subject
MAX_SPEAKER_WORDS = 10


class Speakers(Context):
    """Finding and resolving speakers; candidate actors and their mentions."""

    def _statement(self, cue: Token, start: int, end: int, direct: bool, cue_text: str | None = None,
                   subject: Token | None = None) -> dict:
        relative = None
        if subject is None:
            subject, relative = self._subject_and_relative(cue)
        speaker = self._speaker_key(subject) if subject is not None else None
        if speaker is not None and relative is not None:  # "who" is a mention of the voters it stands for
            self._mention(speaker, relative.i, relative.i + 1)
        if cue_text is None:
            particle = self.cues.particles.get(cue.lemma_)
            following = self.doc[cue.i + 1] if cue.i + 1 < len(self.doc) else None
            cue_text = cue.text + (" " + following.text if particle and following is not None and following.lower_ == particle else "")
        bounds = [start, end, cue.i, cue.i + 1]
        if subject is not None:
            bounds += [subject.left_edge.i, subject.right_edge.i + 1]
        return {"speaker": speaker, "cue": cue_text, "content": (start, end), "direct": direct,
                "span": (min(bounds), max(bounds)), "cue_i": cue.i}

    def _subject(self, cue: Token) -> Token | None:
        return self._subject_and_relative(cue)[0]

    def _subject_and_relative(self, cue: Token) -> tuple[Token | None, Token | None]:
        """The cue's subject; and the relative pronoun standing for it ("voters who said")."""
        verb = cue
        for _ in range(6):
            subject = first_subject(verb)
            if subject is not None:
                if subject.lower_ in self.cues.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head, subject  # "voters who said ...": the voters
                return (None if subject.lower_ in self.cues.expletives else subject), None
            head = verb.head
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" \
                    and head.head.lemma_ in self.cues.speech and head.head.i not in self.quoted \
                    and self.doc[verb.i - 1].text == ",":
                verb = head.head  # "said A, agreeing to B": the parse hangs the participle on A; it is the speaker's
                continue
            if (verb.dep_ in CLIMB_DEPS or verb.pos_ == "ADV" and verb.dep_ == "advmod") and head.i != verb.i \
                    and head.pos_ in ("VERB", "AUX", "ADV"):
                verb = head  # through "going as far as to say": say <- far <- going
                continue
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head, None  # "super PACs supporting Cruz": the PACs
            bridge = verb.head  # "by saying", "before predicting", "quick to point out": the verb above
            if verb.dep_ in BRIDGE_DEPS and bridge.dep_ in ("prep", "acomp") and bridge.head.pos_ in ("VERB", "AUX"):
                verb = bridge.head
                continue
            break
        return self._name_beside(cue), None

    def _name_beside(self, cue: Token) -> Token | None:
        """A speaker the parse left unattached: '..., Ramos, 58, told' / 'said Ramos'."""
        doc = self.doc
        after = [t for t in doc[cue.i + 1:min(cue.sent.end, cue.i + 3)] if not self._object_of(t, cue)]
        window = list(doc[max(cue.sent.start, cue.i - 4):cue.i]) + after
        names = [t for t in window if t.ent_type_ == "PERSON" and t.i not in self.quoted]
        return min(names, key=lambda t: abs(t.i - cue.i)) if names else None

    @staticmethod
    def _object_of(token: Token, cue: Token) -> bool:
        """A token inside the cue's object or complement ("criticized Ramos"), not its subject."""
        node = token
        while node.head.i != node.i and node.head.i != cue.i:
            node = node.head
        return node.head.i == cue.i and node.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd")

    def _speaker_key(self, subject: Token) -> str | None:
        aside = {t.i for c in subject.children if c.dep_ in SPEAKER_ASIDE_DEPS for t in c.subtree}
        for i in (subject.i, *(t.i for t in subject.subtree if t.i not in aside)):
            if i in self.owner:
                return self.owner[i]
        if subject.lower_ == "i" and subject.i not in self.quoted:  # outside quotation marks, "I" is the writer
            return self._writer(subject)
        if subject.pos_ == "PRON" and subject.lower_ in self.cues.personal:
            return None  # "he" that coreference left unresolved: no speaker rather than a wrong one
        return self._new_speaker(subject)

    def _new_speaker(self, subject: Token) -> str:
        """A candidate actor for a speaker no dictionary knows: its noun phrase, code null."""
        doc = self.doc
        start = subject.left_edge.i
        while start < subject.i and doc[start].pos_ == "DET":
            start += 1
        end = min(subject.right_edge.i + 1, start + MAX_SPEAKER_WORDS)
        relative = [c for c in subject.children if c.dep_ in ("relcl", "acl") and c.i > subject.i]
        if relative:
            end = min(end, relative[0].left_edge.i)
        end = max(end, subject.i + 1)
        text = doc[start:end].text.strip(" ,")
        kind = "person" if subject.ent_type_ == "PERSON" or subject.tag_ == "NNP" and subject.ent_type_ in ("", "PERSON") \
            else "group"
        key = "S:" + text.lower()
        if key not in self.candidates and key not in self.known:
            self.candidates[key] = Actor(key=key, name=text, code=None, country=None, kind=kind)
        self._mention(key, start, end)
        return key

    def _writer(self, pronoun: Token) -> str:
        """The article's writer, a candidate actor of its own, with this "I" as a mention."""
        key = "S:the writer"
        if key not in self.candidates and key not in self.known:
            self.candidates[key] = Actor(key=key, name="the writer", code=None, country=None, kind="person")
        self._mention(key, pronoun.i, pronoun.i + 1)
        return key

    def _mention(self, key: str, start: int, end: int) -> None:
        """Tokens start..end as one more mention of actor ``key``: on its candidate (a
        known actor's becomes a candidate with its key, which all_actors merges)."""
        actor = self.candidates.get(key)
        if actor is None:
            known = self.known.get(key)
            if known is None:
                return
            actor = self.candidates[key] = replace(known, mentions=[])
        if (start, end) in actor.mentions or key in self.known and (start, end) in self.known[key].mentions:
            return
        actor.mentions.append((start, end))
        for i in range(start, end):
            self.owner.setdefault(i, key)
