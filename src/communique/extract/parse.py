"""Helpers on the dependency parse that every component uses, written once:
finding a verb's subjects (climbing open complements and conjuncts when it has
none of its own), a token's phrase, and turning token offsets into characters.

All spans here are token offsets ``(start, end)``, end exclusive; characters are
computed only by :func:`char_span` (called by ``communique.record.from_doc``).
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span, Token

ACTIVE_SUBJECTS = ("nsubj",)
SUBJECTS = ("nsubj", "nsubjpass")
SUBJECTS_AND_AGENT = ("nsubj", "nsubjpass", "agent")


def children_with(token: Token, deps: Iterable[str]) -> list[Token]:
    """The token's children whose dependency label is one of ``deps``, in order."""
    wanted = set(deps)
    return [child for child in token.children if child.dep_ in wanted]


def subjects(verb: Token, deps: Iterable[str] = SUBJECTS) -> list[Token]:
    """The verb's own subjects (nsubj, nsubjpass by default), in text order."""
    return children_with(verb, deps)


def first_subject(verb: Token, deps: Iterable[str] = SUBJECTS) -> Token | None:
    found = subjects(verb, deps)
    return found[0] if found else None


def clause_subject(verb: Token, deps: Iterable[str] = SUBJECTS, links: Iterable[str] = ("xcomp", "conj"),
                   limit: int = 4) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from through ``links`` when it
    has none of its own ("is willing to work": work -> willing -> is; "met and
    agreed": agreed -> met), climbing at most ``limit`` steps."""
    links = set(links)
    node = verb
    for _ in range(limit + 1):
        found = first_subject(node, deps)
        if found is not None:
            return found
        if node.dep_ not in links or node.head is node:
            return None
        node = node.head
    return None


def phrase(token: Token) -> tuple[int, int]:
    """The token's whole subtree as a token span."""
    return token.left_edge.i, token.right_edge.i + 1


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters of the token span ``(start, end)``: from the first token's start to
    the last token's end (its trailing whitespace left out)."""
    if end <= start:
        offset = doc[start].idx if start < len(doc) else len(doc.text)
        return offset, offset
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def token_chars(token: Token | Span) -> tuple[int, int]:
    """Characters of one token (or a Span)."""
    if isinstance(token, Span):
        return token.start_char, token.end_char
    return token.idx, token.idx + len(token.text)
