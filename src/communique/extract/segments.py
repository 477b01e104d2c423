"""Blocks and segments.

``communique_blocks`` runs before the parser: every line of the cleaned text is a
block (paragraph, bullet item or heading; ingest joined hard-wrapped lines; the
line of a wire dateline, ``doc._.communique_dateline``, is a ``dateline``), and a
sentence never crosses a block boundary. ``communique_segments`` cuts the text into
one segment per sentence, each with its block, the block's kind, and a voice
(``reported`` here; the voice component refines it).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..english import english

HEADING_MAX_WORDS = 12


def _bullet_marks() -> tuple[str, ...]:
    return english().bullet_marks


if not Doc.has_extension("communique_segments"):
    Doc.set_extension("communique_segments", default=None)


def block_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each non-empty line, kind paragraph | bullet | heading."""
    marks = _bullet_marks()
    blocks, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            end = start + len(stripped)
            if stripped.startswith(marks) and len(stripped) > 2 and stripped[1] == " ":
                kind = "bullet"
            elif len(stripped.split()) <= HEADING_MAX_WORDS and not stripped.endswith((".", "!", "?", ":", ";", "”", '"')):
                kind = "heading"
            else:
                kind = "paragraph"
            blocks.append((start, end, kind))
        offset += len(line) + 1
    return blocks


class BlockBoundaries:
    """Before the parser: the first token of every line starts a sentence, and a
    bullet's mark is never a sentence of its own."""

    def __init__(self, bullet_marks: tuple[str, ...]):
        self.bullet_marks = set(bullet_marks)

    def __call__(self, doc: Doc) -> Doc:
        line_start = True
        for token in doc:
            if token.is_space:
                line_start = line_start or "\n" in token.text
                continue
            if line_start and token.i > 0:
                token.is_sent_start = True
            if line_start and token.text in self.bullet_marks and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False
            line_start = "\n" in token.whitespace_
        return doc


@dataclass(frozen=True)
class SegmentMention:
    """One sentence inside its block, in token offsets (``start``, ``end`` exclusive;
    a bullet's mark left out), with the block's number and kind."""
    start: int
    end: int
    block: int
    block_kind: str


class Segments:
    """One segment per sentence inside its block."""

    def __call__(self, doc: Doc) -> Doc:
        blocks = block_spans(doc.text)
        dateline = doc._.communique_dateline
        if dateline is not None:
            blocks = [(s, e, "dateline" if s == dateline[0] else kind) for s, e, kind in blocks]
        segments, b = [], 0
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            first, end = tokens[0], tokens[-1].i + 1
            while b < len(blocks) - 1 and blocks[b][1] <= first.idx:
                b += 1
            # A bullet's mark is not part of its first sentence's words.
            if blocks and blocks[b][2] == "bullet" and first.idx == blocks[b][0] and len(tokens) > 1:
                first = tokens[1]
            segments.append(SegmentMention(first.i, end, b, blocks[b][2] if blocks else "paragraph"))
        doc._.communique_segments = segments
        return doc


@Language.factory("communique_blocks", assigns=["token.is_sent_start"])
def make_blocks(nlp: Language, name: str) -> BlockBoundaries:
    return BlockBoundaries(_bullet_marks())


@Language.factory("communique_segments", assigns=["doc._.communique_segments"], requires=["token.is_sent_start"])
def make_segments(nlp: Language, name: str) -> Segments:
    return Segments()
