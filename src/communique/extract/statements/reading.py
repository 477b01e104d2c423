"""One document's reading: the Doc and what is looked up on it.

:class:`Context` is the base of every sub-stage's mixin: ``cues`` (the component's
:class:`~.lexicon.CueLexicon`), ``doc``, the token -> actor owner map, the quoted
tokens, the stretches trimmed off contents, token positions of commas and "that",
the sentences and their starts, the known actors, and the candidate actors found so
far. Kept off the component, which holds only the lexicons.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..actor_view import all_actors, mention_owner
from ..actors import Actor
from ..quotes import quoted_tokens
from ..voice import editorial_stretches
from .lexicon import CueLexicon


class Context:
    """One document's reading: the Doc and what is looked up on it, kept off the
    component (which holds only the cue lexicon)."""

    def __init__(self, cues: CueLexicon, doc: Doc):
        self.cues = cues
        self.doc = doc
        self.owner = mention_owner(doc)
        self.quoted = quoted_tokens(doc)
        stretches = editorial_stretches(doc, cues.voice_lexicon)
        self.trims = [(s, e) for s, e, reason in stretches if reason in ("evaluative", "hedge")]
        # Token positions looked up per cue: scanning the sentence for them each time made a
        # long sentence with many cues ("he said " x 5,000) quadratic.
        self.commas = [t.i for t in doc if t.text == ","]
        self.thats = [t.i for t in doc if t.lower_ == "that"]
        self.speech_verbs: dict[int, list[Token]] = {}  # sentence start -> its speech verbs
        self.sentences = list(doc.sents)  # Token.sent walks its whole sentence on every call
        self.sentence_starts = [sent.start for sent in self.sentences]
        self.known = {a.key: a for a in all_actors(doc)}
        self.candidates: dict[str, Actor] = {}  # new speakers, and new mentions of known actors


def _between(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted ``positions`` in [start, end)."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of span a inside span b."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / max(1, a[1] - a[0])
