"""Quotation marks: which stretches of a Doc are quoted.

Any mark pairs (“ ” " ' ‘ ’ « »). A quote never crosses a line: one left open at the
end of a paragraph ends there (news opens each paragraph of a long quote again and
closes only the last). A ‘ or ' opens only before a word and after a space, so
apostrophes ("Russia's", "’90s") are not taken for quotation marks.
"""
from __future__ import annotations

from spacy.tokens import Doc

if not Doc.has_extension("communique_quotes"):
    Doc.set_extension("communique_quotes", default=None)

PAIRS = {"“": "”", "«": "»", '"': '"', "‘": "’", "'": "'", "„": "“"}


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """(first, last + 1) token indices of each quotation's inside, cached on the Doc."""
    if doc._.communique_quotes is not None:
        return doc._.communique_quotes
    spans, open_at, closer = [], None, None
    previous = None  # the token before, once (doc[i] builds a new Token on every call)
    for token in doc:
        new_line = open_at is not None and previous is not None \
            and ("\n" in previous.whitespace_ or "\n" in previous.text)
        previous = token
        if new_line:
            if token.i - 1 > open_at:
                spans.append((open_at + 1, _line_end(doc, token.i)))
            open_at = None
        text = token.text
        if open_at is not None and text == closer:
            if token.i > open_at + 1:
                spans.append((open_at + 1, token.i))
            open_at = None
        elif open_at is None and text in PAIRS and _can_open(doc, token):
            open_at, closer = token.i, PAIRS[text]
    if open_at is not None and len(doc) > open_at + 1:
        spans.append((open_at + 1, _line_end(doc, len(doc))))
    doc._.communique_quotes = spans
    return spans


def quoted_tokens(doc: Doc) -> set[int]:
    return {i for start, end in quote_spans(doc) for i in range(start, end)}


def _can_open(doc: Doc, token) -> bool:
    if token.i + 1 >= len(doc) or doc[token.i + 1].is_space:
        return False
    if token.text in ("‘", "'"):
        return token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_punct
    return True


def _line_end(doc: Doc, end: int) -> int:
    """Back off trailing spaces and punctuation from a quote left open at a line end."""
    while end > 0 and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in ".?!")):
        end -= 1
    return end
