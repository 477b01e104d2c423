"""The analysis cascade, for one document or a batch. The CLI, the Python API and
the benchmark all call these functions.

    ingest (source -> Document)  ->  nlp.pipe (spaCy + communique components)
      ->  record (Doc._ results -> communique/1)  ->  dict, or an error object

A record that fails at any stage becomes ``{"id", "error", "code"}`` and the batch
goes on: every input line gives exactly one output object, in order. Each
record's ingest, and the analysis of each piece, runs within a time budget
(``timeout``, error C112). A document longer than ``PIECE_CHARS`` is analysed in
pieces cut at block ends, and the pieces' records are joined with their offsets
moved back (``record.join_pieces``). With ``workers > 1`` chunks of records go to
worker processes (``workers.py``), each of which loads the pipeline once.
"""
from __future__ import annotations

import dataclasses
import json
from itertools import islice
from typing import BinaryIO, Callable, Iterable, Iterator

from spacy.tokens import Doc

from .errors import CommuniqueError, error_object
from .extract.gazetteer import load_gazetteer
from .ingest import document_from_record, document_from_text, record_id
from .ingest.dateline import resolve_date
from .ingest.jsonl import InputLine, parse_json, read_lines
from .ingest.unicode_safety import printable
from .nlp import load_pipeline, make_doc
from .record import Document, Record, join_pieces
from .record import from_doc as build_record
from .settings import Config
from .time_limit import time_limit

LONG_DOCUMENT_CHARS = 30_000  # about 5,000 words: analysed alone, not in a batch
# Longer documents are analysed in pieces of at most this many characters: spaCy's
# memory grows with a document's length (and it refuses texts over nlp.max_length,
# 1,000,000 characters), while pieces keep it flat. Cut at block ends, so no
# sentence is split; what is lost is what crosses a cut (a pronoun whose person was
# named in the piece before).
PIECE_CHARS = 100_000


def _make_doc(nlp, document: Document, config: Config) -> Doc:
    """The tokenised Doc, carrying the date the components resolve against: the
    published date, else the date of the wire dateline, else the ``reference_date``
    setting, else none (never today's); and where the dateline stands."""
    doc = make_doc(nlp, document.text)
    doc._.communique_published = document.published or document.dateline_date() or config.reference_date
    if document.dateline is not None and document.dateline.span is not None:
        doc._.communique_dateline = tuple(document.dateline.span)
    return doc


def with_dateline(document: Document, config: Config) -> Document:
    """The document with its dateline completed for this analysis: a date without a
    year and no published date resolved against the ``reference_date`` setting, and
    the country of the place (alpha-3) when the actor dictionaries know it: the last
    region that names a country ("CANBERRA, Australia"), else, when there is no
    region, the place itself ("NICOSIA" -> CYP; "PARIS, Texas" stays unknown)."""
    dateline = document.dateline
    if dateline is None:
        return document
    day = dateline.date
    if day and day.startswith("XXXX") and config.reference_date:
        day = resolve_date(int(day[5:7]), int(day[8:10]), None, config.reference_date)
    gazetteer = load_gazetteer(tuple(config.actors))
    names = list(reversed(dateline.region.split(", "))) if dateline.region else [dateline.place]
    country = next((c for c in map(gazetteer.place_country, names) if c), None)
    return dataclasses.replace(document, dateline=dataclasses.replace(dateline, date=day, country=country))


def analyze_text(text: str, doc_id: str = "text", config: Config | None = None, **metadata) -> dict:
    """One communique/1 record (as a dict) for a string: the Python API's front door.
    ``metadata``: title, url, published (YYYY-MM-DD), author. HTML is recognised.
    Raises CommuniqueError on bad input."""
    config = config or Config()
    if not isinstance(text, str):
        raise CommuniqueError("C109", source=f"text {printable(str(doc_id))!r}", field="text", expected="a string",
                              got=type(text).__name__)
    with time_limit(config.timeout, f"text {printable(str(doc_id))!r}", "ingest"):
        document = document_from_text(text, doc_id, **metadata)
    [result] = process_documents([document], config)
    if isinstance(result, Exception):
        raise result
    return result.to_dict()


def analyze_documents(documents: list[Document], config: Config) -> list[dict]:
    """Records (as dicts) for Documents, in order; a failing one becomes an error object."""
    return [error_object(document.id, result) if isinstance(result, Exception) else result.to_dict()
            for document, result in zip(documents, process_documents(documents, config))]


def process_documents(documents: list[Document], config: Config) -> list[Record | Exception]:
    """Run the pipeline over Documents: a Record per Document, or the exception
    that stopped it (one bad document never stops the others). A long document is
    analysed in pieces (``text_pieces``) and its pieces' records joined."""
    nlp = load_pipeline(config.model, config.actors)
    documents = [with_dateline(document, config) for document in documents]
    work: list[Document] = []  # what the pipeline runs on: whole documents and pieces
    plans: list[list[tuple[int, int, int]]] = []  # per document: (work index, char offset, block offset)
    for document in documents:
        spans = text_pieces(document.text)
        if len(spans) == 1:
            plans.append([(len(work), 0, 0)])
            work.append(document)
            continue
        plan = []
        for start, end in spans:
            plan.append((len(work), start, _blocks_before(document.text, start)))
            # The dateline (its date anchors every piece) stands in the first piece only.
            dateline = document.dateline
            if dateline is not None and start > 0:
                dateline = dataclasses.replace(dateline, span=None)
            work.append(dataclasses.replace(document, text=document.text[start:end], dateline=dateline))
        plans.append(plan)
    analysed = _records(nlp, work, config)
    results: list[Record | Exception] = []
    for document, plan in zip(documents, plans):
        parts = [(offset, blocks, analysed[w]) for w, offset, blocks in plan]
        failed = next((part for _, _, part in parts if isinstance(part, Exception)), None)
        if failed is not None:
            results.append(failed)
        elif len(parts) == 1:
            results.append(parts[0][2])
        else:
            results.append(join_pieces(document, parts))
    return results


def _records(nlp, documents: list[Document], config: Config) -> list[Record | Exception]:
    """A Record (or the exception that stopped it) per Document. Short documents go
    through nlp.pipe in batches, long ones alone; each Doc becomes its record at
    once, so only one batch of Docs is ever held."""
    results: list[Record | Exception | None] = [None] * len(documents)
    # A very long document runs on its own: in a batch, spaCy's memory grows with the
    # longest text times the batch size (a 20,000-word article in a batch of 64 peaks
    # at 1.7 GB; alone, at 0.6 GB).
    short = [i for i, d in enumerate(documents) if len(d.text) <= LONG_DOCUMENT_CHARS]
    long = [i for i, d in enumerate(documents) if len(d.text) > LONG_DOCUMENT_CHARS]
    batches = [short[k:k + config.batch_size] for k in range(0, len(short), config.batch_size)]
    for batch in batches + [[i] for i in long]:
        try:
            where = f"a batch of {len(batch)} records" if len(batch) > 1 else documents[batch[0]].source
            with time_limit(config.timeout, where, "analysis"):
                docs = nlp.pipe((_make_doc(nlp, documents[i], config) for i in batch), batch_size=len(batch))
                for i, doc in zip(batch, docs):
                    results[i] = _record_or_error(documents[i], doc)
        except Exception:  # noqa: BLE001 - one bad document spoils its batch: redo the rest one by one
            for i in batch:
                if results[i] is None:
                    results[i] = _alone(nlp, documents[i], config)
    return results


def _alone(nlp, document: Document, config: Config) -> Record | Exception:
    try:
        with time_limit(config.timeout, document.source or document.id, "analysis"):
            return _record_or_error(document, nlp(_make_doc(nlp, document, config)))
    except Exception as exc:  # noqa: BLE001 - kept as that document's result
        return exc


def _record_or_error(document: Document, doc: Doc) -> Record | Exception:
    try:
        return build_record(document, doc)
    except Exception as exc:  # noqa: BLE001
        return exc


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of at most ``size`` characters covering
    ``text``: each ends after a line break (a block end) in its second half, else
    after a space, else it is cut where it must be (one unbroken 100,000-character
    token). Linear: each piece searches its own window once."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = (start + size // 2, start + size)
        cut = text.rfind("\n", *window)
        if cut == -1:
            cut = text.rfind(" ", *window)
        end = cut + 1 if cut != -1 else start + size
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _blocks_before(text: str, offset: int) -> int:
    """How many blocks (non-empty lines) start before ``offset``: the block number
    of a piece's first block. A line cut in two by ``offset`` is one block."""
    lines = text[:offset].split("\n")
    started = sum(1 for line in lines if line.strip())
    return started - 1 if lines[-1].strip() else started


def analyze_lines(lines: list[InputLine], config: Config, published: str | None = None) -> list[dict]:
    """JSONL input lines -> output objects in the same order (records or error objects)."""
    slots: list[dict | None] = []
    documents: list[Document] = []
    for line in lines:
        try:
            if line.error is not None:
                raise line.error
            with time_limit(config.timeout, f"line {line.number}", "ingest"):
                documents.append(document_from_record(line.text, line.number, config.max_bytes, published,
                                                      line.warnings))
            slots.append(None)
        except Exception as exc:  # noqa: BLE001 - every failure becomes that line's error object
            slots.append(error_object(line_id(line), exc))
    processed = iter(analyze_documents(documents, config)) if documents else iter(())
    return [slot if slot is not None else next(processed) for slot in slots]


def analyze_jsonl(lines: BinaryIO | bytes | str | Iterable[bytes | str], config: Config, published: str | None = None,
                  progress: Callable[[int], None] | None = None) -> Iterator[dict]:
    """Stream a JSONL batch: exactly one output object per input line (blank and
    unreadable lines give error objects), in order. ``lines``: a binary stream (best:
    split on LF only, read with bounded memory) or an iterable of lines as bytes or
    str (see ``ingest.jsonl.read_lines``)."""
    numbered = read_lines(lines, config.max_bytes)
    chunks = iter(lambda: list(islice(numbered, config.batch_size)), [])
    if config.workers <= 1:
        results = (analyze_lines(chunk, config, published) for chunk in chunks)
    else:
        from .workers import analyze_in_workers
        results = analyze_in_workers(chunks, config, published)
    for chunk in results:
        yield from chunk
        if progress:
            progress(len(chunk))


def to_json_line(result: dict) -> str:
    """One output line. Records and error objects are built from cleaned strings;
    should one still hold a lone surrogate, it is replaced rather than fail the
    write of the whole batch."""
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = printable(line)
    return line + "\n"


def line_id(line: InputLine) -> str:
    """The record's id if the line is a JSON object with one, else a line-based id."""
    try:
        value = parse_json(line.text) if line.error is None else None
    except ValueError:
        value = None
    return record_id(value, line.number) if isinstance(value, dict) else f"line-{line.number}"
