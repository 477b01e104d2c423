"""The spaCy component ``communique_statements``.

:class:`Statements` holds only what it was made with (a :class:`~.lexicon.CueLexicon`);
each document is read by a :class:`_Reading`, the per-document context with every
sub-stage mixed in, whose :meth:`_Reading.run` is the order of the stages: per sentence,
indirect speech, noun reports, stance nouns, "according to" and passive cues; then
the outermost of those; then quotations; then object cues; then the paraphrases
whose speaker was not found are dropped. It writes ``doc._.communique_statements``, a
list of frozen :class:`StatementMention`, and ``doc._.communique_statement_actors``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..actors import Actor
from .direct import DirectSpeech
from .indirect import IndirectSpeech
from .lexicon import DEFAULT_CUES, DEFAULT_VOICE_LEXICON, CueLexicon
from .nouns import NounCues
from .objects import ObjectCues
from .passive import PassiveCues
from .speakers import Speakers

if not Doc.has_extension("communique_statements"):
    Doc.set_extension("communique_statements", default=None)


class Statements(CueLexicon):
    """The component: holds only the cue lexicon and the voice lexicon it was made with."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_statements, doc._.communique_statement_actors = _Reading(self, doc).run()
        return doc


@dataclass(frozen=True)
class StatementMention:
    """One statement, in token offsets: ``span`` the whole statement, ``content`` what
    was said, ``cue`` the cue's text and ``cue_i`` its token, ``speaker`` an actor key
    (or None: a passive or raising cue that names nobody, or a quotation without one)."""
    speaker: str | None
    cue: str
    content: tuple[int, int]
    direct: bool
    span: tuple[int, int]
    cue_i: int | None = None

    @classmethod
    def of(cls, found: dict) -> "StatementMention":
        """From the working dict the rules build and refine."""
        return cls(speaker=found["speaker"], cue=found["cue"], content=tuple(found["content"]),
                   direct=found["direct"], span=tuple(found["span"]), cue_i=found.get("cue_i"))


class _Reading(IndirectSpeech, NounCues, PassiveCues, DirectSpeech, ObjectCues, Speakers):
    """One document's reading: the context (:class:`~.reading.Context`) with every
    sub-stage; :meth:`run` orders them."""

    def run(self) -> tuple[list[StatementMention], list[Actor]]:
        """The statements (token spans: content, span, cue_i), and the candidate actors
        they found."""
        doc = self.doc
        statements: list[dict] = []
        object_cues: list[Token] = []
        lemma_kinds, lower_kinds = self.cues.lemma_kinds, self.cues.lower_kinds
        for sent in doc.sents:
            found: dict[str, list[Token]] = {}
            for token in sent:
                for kind in lemma_kinds.get(token.lemma, ()) + lower_kinds.get(token.lower, ()):
                    found.setdefault(kind, []).append(token)
            if not found:
                continue
            object_cues.extend(found.get("object", ()))
            statements.extend(self._indirect(sent, found.get("speech", ())))
            statements.extend(self._noun_reports(sent, found.get("noun", ())))
            statements.extend(self._noun_stances(found.get("stance_noun", ())))
            statements.extend(self._according_to(sent, found.get("according", ())))
            statements.extend(self._passive(sent, found.get("passive", ())))
        statements = _outermost(statements)
        statements.extend(self._direct(statements))
        statements.extend(self._objects(statements, object_cues))
        # A paraphrase whose speaker could not be found ("he said ..." with no antecedent)
        # says nothing of who said it; a quotation, or a passive that names nobody, stays.
        statements = [s for s in statements if s["speaker"] is not None or s["direct"] or s.get("unattributed")]
        statements.sort(key=lambda s: s["content"])
        return [StatementMention.of(s) for s in statements], list(self.candidates.values())


def _outermost(statements: list[dict]) -> list[dict]:
    """Drop a report made inside what another reported: in "she said they want X", "want X"
    is part of what she said, not a statement of its own. When two contain each other's
    cue ("A, said B" parsed both ways), the shorter content stays."""
    def inside(s: dict, host: dict) -> bool:
        return host is not s and host["content"][0] <= s["cue_i"] < host["content"][1]

    def length(s: dict) -> int:
        return s["content"][1] - s["content"][0]

    keep = []
    for s in statements:
        # Lazily: the first host that wins settles it (a list of every host made a chain of
        # reports in one long sentence quadratic).
        hosts = (h for h in statements if inside(s, h))
        if any(not inside(h, s) or length(h) < length(s) or length(h) == length(s) and h["cue_i"] < s["cue_i"]
               for h in hosts):
            continue
        keep.append(s)
    return keep


@Language.factory("communique_statements",
                  assigns=["doc._.communique_statements", "doc._.communique_statement_actors"],
                  requires=["doc._.communique_actors", "doc._.communique_mentions", "token.dep", "token.lemma",
                            "token.tag", "token.ent_type", "token.is_sent_start"],
                  default_config={"cues": DEFAULT_CUES, "voice_lexicon": DEFAULT_VOICE_LEXICON})
def make_statements(nlp: Language, name: str, cues: str, voice_lexicon: str) -> Statements:
    """``cues``: the cue lexicon file; ``voice_lexicon``: the voice lexicon (each a
    shipped relative name or a user's path)."""
    return Statements(nlp, cues, voice_lexicon)
