"""The communique/1 record: the one contract between extraction and everything after.

Typed classes for each part, and ``to_dict`` / ``from_dict`` for JSON. Every span is
``[start, end]`` character offsets into ``document.text`` (the cleaned body). The
formal JSON Schema is ``docs/communique-1.schema.json``; tests validate every
record they produce against it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal, Optional

from . import SCHEMA

Span = tuple[int, int]
Voice = Literal["reported", "editorial"]


@dataclass(slots=True)
class Document:
    id: str
    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    author_bio: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    sha256: str = ""
    source: Optional[str] = None  # where it came from: a path, "jsonl", "stdin"
    format: Optional[str] = None  # text | scraped | html
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    code: Optional[str]
    country: Optional[str]
    kind: Literal["person", "country", "organization", "group"]
    role: Optional[str] = None
    wikidata: Optional[str] = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    id: str
    speaker: Optional[str]
    cue: str
    content: Span
    direct: bool
    span: Span


@dataclass(slots=True)
class Event:
    id: str
    cameo: str
    goldstein: float
    quad_class: int
    plover: Optional[str]
    plover_mode: Optional[str]
    source: Optional[str]
    target: Optional[str]
    modality: Literal["asserted", "intended", "forecast", "hypothetical", "negated"]
    voice: Voice
    date: Optional[str]
    evidence: Span
    statement: Optional[str] = None


@dataclass(slots=True)
class Quantity:
    id: str
    value: float  # a range's midpoint
    unit: str
    kind: str
    approximate: bool
    span: Span
    statement: Optional[str] = None
    bound: Optional[str] = None  # min ("more than"), max ("up to"), exact, or None
    range: Optional[tuple[float, float]] = None
    subject: Optional[str] = None  # what it measures: "trade volume"
    subject_span: Optional[Span] = None


@dataclass(slots=True)
class TimeExpression:
    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    span: Span


@dataclass(slots=True)
class Segment:
    span: Span
    voice: Voice
    block: int  # index of the paragraph, bullet item or heading it belongs to
    block_kind: Literal["paragraph", "bullet", "heading"]


@dataclass(slots=True)
class Record:
    document: Document
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict:
        """Plain JSON-ready dict, ``schema`` first, spans as two-item lists."""
        out = {"schema": self.schema}
        for f in dataclasses.fields(self):
            if f.name != "schema":
                out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        def build(kind, item):
            names = {f.name for f in dataclasses.fields(kind)}
            return kind(**{k: _spans(v) for k, v in item.items() if k in names})

        return cls(
            document=build(Document, data["document"]),
            actors=[build(Actor, a) for a in data.get("actors", [])],
            statements=[build(Statement, s) for s in data.get("statements", [])],
            events=[build(Event, e) for e in data.get("events", [])],
            quantities=[build(Quantity, q) for q in data.get("quantities", [])],
            times=[build(TimeExpression, t) for t in data.get("times", [])],
            segments=[build(Segment, s) for s in data.get("segments", [])],
            schema=data.get("schema", SCHEMA),
        )


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _spans(value):
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return [_spans(v) for v in value]
    return value
