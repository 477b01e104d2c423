"""The writer's voice apart from what was reported.

``editorial_stretches(doc)`` finds the candidate pieces of the writer's own judgment,
by general cues (``data/voice/lexicon.yml``):

- an *assessment*: a sentence that opens with an assessment opener ("All-in-all",
  "In sum"), and the rest of its paragraph; or a sentence whose main verb draws an
  inference ("The call demonstrates that ...") when nobody is reported saying it;
- a *forecast*: a sentence whose main verb is in the future or the conditional and
  is a verb of change, or hedged ("incidents ... will escalate, possibly ...");
- an *evaluative* or *hedged* stretch: the comma-delimited stretch around an
  evaluative word or a hedge ("Most interestingly", ", an apparent dig at ...").

Words inside quotation marks are never the writer's. ``editorial_stretches`` is pure
on the Doc (nothing is cached on it): the statements component calls it to trim
these stretches off the end of a reported content, and ``communique_voice`` (which
runs after statements) writes to ``doc._.communique_voices`` the stretches that lie
outside every attributed content, as token spans. ``voiced_segments(doc)`` cuts each
sentence's segment (``doc._.communique_segments``, written by the segments component
and never rewritten) into reported and editorial pieces; ``record.from_doc`` calls it.

Config: ``lexicon``, the lexicon file (default ``"voice/lexicon.yml"``, the shipped
one; or a path to a user's own copy, ``nlp.add_pipe("communique_voice",
config={"lexicon": "my_voice.yml"})``), checked against :data:`LEXICON_SCHEMA` (C205
naming the file on a missing, unknown or mistyped key). The statements component reads
the same lexicon (its ``voice_lexicon`` key) to trim these stretches and to leave the
writer's inference out; give both the same file. :func:`load_lexicon` loads a file
once per process; the lexicon is passed explicitly to every function that reads it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..english import english
from ..resources import Schema, load_data
from .parse import char_span, subjects
from .quotes import quoted_tokens

if not Doc.has_extension("communique_voices"):
    Doc.set_extension("communique_voices", default=None)


DEFAULT_LEXICON = "voice/lexicon.yml"
LEXICON_SCHEMA = Schema(required={"evaluative": list, "hedges": list, "assessment_openers": list,
                                  "inference_verbs": list, "forecast_verbs": list, "future_modals": list,
                                  "person_subjects": list, "delimiters": list})


@lru_cache(maxsize=None)
def load_lexicon(name: str = DEFAULT_LEXICON) -> dict:
    """The voice lexicon ``name`` (a shipped relative name or a path to a user's file),
    checked against :data:`LEXICON_SCHEMA` and prepared for matching; once per name."""
    data = load_data(name, LEXICON_SCHEMA)
    return {
        "evaluative": _phrases(data["evaluative"]),
        "hedges": _phrases(data["hedges"]),
        "openers": sorted((o.lower() for o in data["assessment_openers"]), key=len, reverse=True),
        "inference": set(data["inference_verbs"]),
        "forecast": set(data["forecast_verbs"]),
        "modals": set(data["future_modals"]),
        "person_subjects": set(data["person_subjects"]),
        "delimiters": set(data["delimiters"]),
        "quote_open": set(english().quote_open),
        "quote_close": set(english().quote_close),
    }


def inference_verbs(lex: dict | None = None) -> set[str]:
    """The verbs of inference (``inference_verbs`` in the voice lexicon ``lex``, default
    the shipped one): the statements component reads them too, to leave the writer's
    inference out of what was reported."""
    return set((lex or load_lexicon())["inference"])


def _phrases(words):
    """Single words as a set, multi-word phrases as token tuples."""
    single = {w.lower() for w in words if " " not in w}
    multi = [tuple(w.lower().split()) for w in words if " " in w]
    return single, multi


def _has(tokens, phrases) -> int | None:
    """Index (into tokens) of the first token that is, or starts, one of the phrases."""
    single, multi = phrases
    lowers = [t.lower_ for t in tokens]
    for i, word in enumerate(lowers):
        if word in single:
            return i
        for phrase in multi:
            if tuple(lowers[i:i + len(phrase)]) == phrase:
                return i
    return None


def editorial_stretches(doc: Doc, lex: dict | None = None) -> list[tuple[int, int, str]]:
    """Candidate editorial stretches (token start, token end, reason) by the voice
    lexicon ``lex`` (a :func:`load_lexicon` result; default the shipped one); pure on
    the Doc."""
    lex = lex or load_lexicon()
    quoted = quoted_tokens(doc)
    text = doc.text  # built afresh on every access: read it once
    found: list[tuple[int, int, str]] = []
    assessment_block = None
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or (t.is_punct and t.i == sent.start))]
        if not words:
            continue
        block = text.count("\n", 0, sent.start_char)  # the line (block) the sentence is on
        start, end = words[0].i, words[-1].i + 1
        opening = " ".join(t.lower_ for t in words[:6])
        opening = re.sub(r"\s*-\s*", "-", opening)
        if any(opening.startswith(o) for o in lex["openers"]):
            assessment_block = block
            found.append((start, end, "assessment"))
            continue
        if assessment_block is not None and block == assessment_block:
            found.append((start, end, "assessment"))
            continue
        root = sent.root
        if root.i not in quoted and _inference(root, lex):
            found.append((start, end, "assessment"))
            continue
        if root.i not in quoted and _forecast(sent, root, lex):
            found.append((start, end, "forecast"))
            continue
        for piece_start, piece_end in _comma_stretches(sent, lex):
            tokens = [t for t in doc[piece_start:piece_end] if t.i not in quoted]
            for phrases, reason in ((lex["evaluative"], "evaluative"), (lex["hedges"], "hedge")):
                if tokens and _has(tokens, phrases) is not None:
                    found.append((piece_start, piece_end, reason))
                    break
    return found


def _inference(root, lex) -> bool:
    if root.lemma_ not in lex["inference"]:
        return False
    found = subjects(root)
    # "The call demonstrates": an event or a thing concludes, not a person reporting.
    return bool(found) and all(s.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and s.pos_ in ("NOUN", "PRON")
                               and s.lower_ not in lex["person_subjects"] for s in found)


def _forecast(sent: Span, root, lex) -> bool:
    modal = any(c.dep_ == "aux" and c.lower_ in lex["modals"] for c in root.children)
    if not modal:
        return False
    return root.lemma_ in lex["forecast"] or _has(list(sent), lex["hedges"]) is not None


def _comma_stretches(sent: Span, lex) -> list[tuple[int, int]]:
    """The sentence cut at commas, semicolons, dashes and brackets (delimiters excluded)."""
    out, start = [], None
    for token in sent:
        if token.text in lex["delimiters"] or token.is_space:
            if start is not None:
                out.append((start, token.i))
            start = None
            continue
        if start is None:
            if token.is_punct and not token.text.isalnum() and token.text not in lex["quote_open"]:
                continue
            start = token.i
    if start is not None:
        last = sent.end
        while last > start and sent.doc[last - 1].is_punct and sent.doc[last - 1].text not in lex["quote_close"]:
            last -= 1
        out.append((start, last))
    return out


class Voice:
    """Final voice: the editorial stretches outside every attributed content, as token
    spans in ``doc._.communique_voices``. Holds only the lexicon."""

    def __init__(self, lexicon: str = DEFAULT_LEXICON):
        self.lex = load_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        contents = [char_span(doc, *s.content) for s in (doc._.communique_statements or [])]
        editorial = []
        for start, end, _ in editorial_stretches(doc, self.lex):
            if not _mostly_inside(*char_span(doc, start, end), contents):
                editorial.append((start, end))
        doc._.communique_voices = editorial
        return doc


def voiced_segments(doc: Doc) -> list[dict]:
    """The segments cut into editorial and reported pieces by the editorial stretches
    (character spans; the segments as the segments component wrote them when voice
    has not run)."""
    editorial = [char_span(doc, s, e) for s, e in doc._.communique_voices or []]
    segments, text = [], doc.text
    for segment in doc._.communique_segments or []:
        whole = {"span": char_span(doc, segment.start, segment.end), "voice": "reported", "block": segment.block,
                 "block_kind": segment.block_kind}
        segments.extend(_cut(text, whole, editorial))
    return segments


def _mostly_inside(start: int, end: int, contents: list[tuple[int, int]]) -> bool:
    size = max(1, end - start)
    return any(max(0, min(end, e) - max(start, s)) / size >= 0.5 for s, e in contents)


def _cut(text: str, segment: dict, editorial: list[tuple[int, int]]) -> list[dict]:
    """One segment cut into pieces by the editorial stretches inside it (character spans)."""
    seg_start, seg_end = segment["span"]
    if not any(s < seg_end and e > seg_start for s, e in editorial):
        return [segment]  # no editorial piece: the sentence stays whole, punctuation and all
    pieces, cursor = [], seg_start
    for s_char, e_char in sorted(editorial):
        if e_char <= seg_start or s_char >= seg_end:
            continue
        s_char, e_char = max(s_char, seg_start), min(e_char, seg_end)
        if s_char > cursor:
            pieces.append((cursor, s_char, "reported"))
        pieces.append((s_char, e_char, "editorial"))
        cursor = max(cursor, e_char)
    if cursor < seg_end:
        pieces.append((cursor, seg_end, "reported"))
    merged: list[tuple[int, int, str]] = []
    for s, e, voice in pieces:  # a piece of bare punctuation (the full stop) joins the one before
        if merged and not any(c.isalnum() for c in text[s:e]):
            merged[-1] = (merged[-1][0], e, merged[-1][2])
        else:
            merged.append((s, e, voice))
    out = []
    for s, e, voice in merged:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip(" ,;:—–("))
        e -= len(piece) - len(piece.rstrip(" ,;:—–("))
        if e > s:
            out.append({**segment, "span": (s, e), "voice": voice})
    return out


@Language.factory("communique_voice", assigns=["doc._.communique_voices"],
                  requires=["doc._.communique_statements", "token.dep", "token.lemma", "token.is_sent_start"],
                  default_config={"lexicon": DEFAULT_LEXICON})
def make_voice(nlp: Language, name: str, lexicon: str) -> Voice:
    """``lexicon``: the voice lexicon file (a shipped relative name or a user's path)."""
    return Voice(lexicon)
