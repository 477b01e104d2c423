"""The communique/1 record: the one contract between extraction and everything after.

Typed classes for each part, and ``to_dict`` / ``from_dict`` for JSON. Every span is
``[start, end]`` character offsets into ``document.text`` (the cleaned body). The
formal JSON Schema is ``docs/communique-1.schema.json``; tests validate every
record they produce against it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Optional

from . import SCHEMA

if TYPE_CHECKING:  # the record module needs no spaCy to read or write records
    from spacy.tokens import Doc

Span = tuple[int, int]
Voice = Literal["reported", "editorial"]


@dataclass(slots=True)
class Dateline:
    """A wire dateline that opens the body ("NICOSIA, August 8 (Xinhua) --"), kept in
    ``document.text`` as a block of its own (``block_kind`` "dateline")."""
    text: str  # as written, separator included
    span: Optional[Span]  # where it stands in document.text (None only inside the analysis, for a later piece)
    place: str  # the place of the story as written: "NICOSIA"
    region: Optional[str] = None  # what follows the place: "Australia", "Bayonne, N.J."
    country: Optional[str] = None  # alpha-3 of the place or region, when the actor dictionaries know it
    date: Optional[str] = None  # YYYY-MM-DD (a missing year resolved), XXXX-MM-DD (no date to resolve it), or None
    agency: Optional[str] = None  # "Xinhua", "AP", "TASS"


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
    dateline: Optional[Dateline] = None

    def dateline_date(self) -> Optional[str]:
        """The dateline's date when it is a full date (YYYY-MM-DD), else None."""
        value = self.dateline.date if self.dateline else None
        return value if value and value[:1].isdigit() else None


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
    rule: Optional[str] = None  # the pattern that coded it: "events/patterns.yml pattern 12", "petrarch2/CAMEO.2.0.txt:3349 verb"


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
    block_kind: Literal["paragraph", "bullet", "heading", "dateline"]


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

        document = build(Document, data["document"])
        if isinstance(document.dateline, dict):
            document.dateline = build(Dateline, document.dateline)
        return cls(
            document=document,
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


def from_doc(document: Document, doc: Doc) -> Record:
    """The communique/1 record from a Document and its processed Doc: the components'
    results with ids (a1.., s1..) and character spans. The one place where the
    components' token offsets become character offsets: one function per part."""
    actors, actor_ids = actor_records(doc)
    statements = statement_records(doc, actor_ids)
    quantities = quantity_records(doc, statements)
    times = time_records(doc)
    segments = segment_records(doc)
    events = event_records(doc, document, actor_ids, statements, times, segments)
    return Record(document=document, actors=actors, statements=statements, events=events, quantities=quantities,
                  times=times, segments=segments)


def statement_records(doc: Doc, actor_ids: dict[str, str]) -> list[Statement]:
    """Statements numbered s1, s2, ... in the component's order, token spans as characters."""
    from .extract.parse import char_span

    return [Statement(id=f"s{n}", speaker=actor_ids.get(s.speaker), cue=s.cue,
                      content=char_span(doc, *s.content), direct=s.direct, span=char_span(doc, *s.span))
            for n, s in enumerate(doc._.communique_statements or [], start=1)]


def segment_records(doc: Doc) -> list[Segment]:
    """The segments component's sentences, cut into reported and editorial pieces by
    the voice component's editorial stretches."""
    from .extract.voice import voiced_segments

    return [Segment(**s) for s in voiced_segments(doc)]


def quantity_records(doc: Doc, statements: list[Statement]) -> list[Quantity]:
    """The component's QuantityMentions: ``char_span`` is already in characters (a
    quantity can lie inside a token), ``subject_tokens`` is a token span made characters here."""
    out = []
    for n, q in enumerate(doc._.communique_quantities or [], start=1):
        subject_span = None
        if q.subject_tokens is not None:
            words = doc[q.subject_tokens[0]:q.subject_tokens[1]]
            subject_span = (words.start_char, words.end_char)
        out.append(Quantity(id=f"q{n}", value=q.value, unit=q.unit, kind=q.kind, approximate=q.approximate,
                            span=q.char_span, statement=_statement_holding(q.char_span, statements), bound=q.bound,
                            range=q.range, subject=q.subject, subject_span=subject_span))
    return out


def time_records(doc: Doc) -> list[TimeExpression]:
    """The times, from ``TimeMention``s: their exact character offsets (``char_span``;
    a few end inside a token, as "1980" of "1980–1987", so tokens alone would not do)."""
    return [TimeExpression(id=f"t{n}", type=t.type, value=t.value, span=tuple(t.char_span))
            for n, t in enumerate(doc._.communique_times or [], start=1)]


def event_records(doc: Doc, document: Document, actor_ids: dict[str, str], statements: list[Statement],
                  times: list[TimeExpression], segments: list[Segment]) -> list[Event]:
    """Events with CAMEO and PLOVER fields from the codebook, voice from the segments,
    the date of a time expression in the same sentence (else the published date,
    else the date of the wire dateline)."""
    from .extract.events import load_codebook  # here, so reading records never imports the pipeline
    from .extract.parse import char_span, token_chars

    codebook = load_codebook()
    out = []
    for number, event in enumerate(doc._.communique_events or [], start=1):
        code = codebook[event.code]
        trigger = doc[event.trigger]
        evidence = char_span(doc, *event.evidence)
        sentence = (trigger.sent.start_char, trigger.sent.end_char)
        dated = [t for t in times if t.type in ("DATE", "TIME") and sentence[0] <= t.span[0] < sentence[1]
                 and t.value[:1].isdigit()]
        voice = next((s.voice for s in segments if s.span[0] <= trigger.idx < s.span[1]), "reported")
        out.append(Event(
            id=f"e{number}", cameo=code.code, goldstein=code.goldstein, quad_class=code.quad_class,
            plover=code.plover, plover_mode=code.plover_mode, source=actor_ids.get(event.source),
            target=actor_ids.get(event.target), modality=event.modality, voice=voice,
            date=dated[0].value if dated else document.published or document.dateline_date(), evidence=evidence,
            statement=_statement_holding(token_chars(trigger), statements), rule=event.rule or None))
    return out


def _statement_holding(span: tuple[int, int], statements: list[Statement]) -> str | None:
    """The id of the statement whose content holds ``span`` (the innermost one)."""
    holding = [s for s in statements if s.content[0] <= span[0] and span[1] <= s.content[1]]
    return min(holding, key=lambda s: s.content[1] - s.content[0]).id if holding else None


def actor_records(doc: Doc) -> tuple[list[Actor], dict[str, str]]:
    """Actors numbered a1, a2, ... in order of first mention, mentions as character
    spans; and the component's actor keys mapped to those ids."""
    from .extract.actor_view import all_actors
    from .extract.parse import char_span

    found = sorted((a for a in all_actors(doc) if a.mentions), key=lambda a: min(a.mentions))
    out, ids = [], {}
    for number, actor in enumerate(found, start=1):
        spans = sorted(char_span(doc, s, e) for s, e in actor.mentions)
        ids[actor.key] = f"a{number}"
        out.append(Actor(id=ids[actor.key], name=actor.name, code=actor.code, country=actor.country, kind=actor.kind,
                         role=actor.role, wikidata=actor.wikidata, mentions=spans))
    return out, ids


def join_pieces(document: Document, pieces: list[tuple[int, int, "Record"]]) -> Record:
    """One record for a long document analysed in pieces: ``pieces`` are
    (character offset, block offset, the piece's record), in text order. Spans move
    by the offset, blocks by the block offset, ids are numbered again through the
    whole document, and an actor found in several pieces (same name, code, kind,
    country and role) is one actor with all its mentions."""
    actors: dict[tuple, Actor] = {}
    statements, events, quantities, times, segments = [], [], [], [], []
    for offset, block_offset, piece in pieces:
        def moved(span):
            return None if span is None else (span[0] + offset, span[1] + offset)

        actor_ids = {}
        for actor in piece.actors:
            identity = (actor.name, actor.code, actor.kind, actor.country, actor.role)
            joined = actors.setdefault(identity, dataclasses.replace(actor, mentions=[]))
            joined.mentions.extend(moved(m) for m in actor.mentions)
            actor_ids[actor.id] = joined
        statement_ids = {}
        for s in piece.statements:
            statement_ids[s.id] = dataclasses.replace(s, content=moved(s.content), span=moved(s.span),
                                                      speaker=actor_ids.get(s.speaker))
            statements.append(statement_ids[s.id])
        events += [dataclasses.replace(e, evidence=moved(e.evidence), source=actor_ids.get(e.source),
                                       target=actor_ids.get(e.target), statement=statement_ids.get(e.statement))
                   for e in piece.events]
        quantities += [dataclasses.replace(q, span=moved(q.span), subject_span=moved(q.subject_span),
                                           statement=statement_ids.get(q.statement)) for q in piece.quantities]
        times += [dataclasses.replace(t, span=moved(t.span)) for t in piece.times]
        segments += [dataclasses.replace(s, span=moved(s.span), block=s.block + block_offset) for s in piece.segments]
    # Ids as a single analysis gives them: actors by first mention, the rest in order.
    ordered = sorted(actors.values(), key=lambda a: min(a.mentions))
    for number, actor in enumerate(ordered, start=1):
        actor.id = f"a{number}"
        actor.mentions.sort()
    for prefix, items in (("s", statements), ("e", events), ("q", quantities), ("t", times)):
        for number, item in enumerate(items, start=1):
            item.id = f"{prefix}{number}"
    for item in statements:
        item.speaker = item.speaker.id if item.speaker else None
    for item in events:
        item.source, item.target = (a.id if a else None for a in (item.source, item.target))
        item.statement = item.statement.id if item.statement else None
    for item in quantities:
        item.statement = item.statement.id if item.statement else None
    return Record(document=document, actors=ordered, statements=statements, events=events, quantities=quantities,
                  times=times, segments=segments)
