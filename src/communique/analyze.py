"""The analysis cascade, for one document or a batch. The CLI, the Python API and
the benchmark all call these functions.

    ingest (source -> Document)  ->  nlp.pipe (spaCy + communique components)
      ->  record (Doc._ results -> communique/1)  ->  dict, or an error object

A record that fails at any stage becomes ``{"id", "error", "code"}`` and the batch
goes on. With ``workers > 1`` chunks of records go to worker processes, each of
which loads the pipeline once; the output keeps the input order.
"""
from __future__ import annotations

import json
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .errors import error_object
from .ingest import document_from_record, document_from_text
from .nlp import load_pipeline
from .record import Actor, Document, Event, Quantity, Record, Segment, Statement, TimeExpression
from .settings import Config

CHUNKS_IN_FLIGHT_PER_WORKER = 3
LONG_DOCUMENT_CHARS = 30_000  # about 5,000 words


def _make_doc(nlp, document: Document) -> Doc:
    """The tokenised Doc, carrying the date the components resolve against."""
    doc = nlp.make_doc(document.text)
    doc._.communique_published = document.published
    return doc


def build_record(document: Document, doc: Doc) -> Record:
    """The communique/1 record from a Document and its processed Doc: the components'
    results with ids (a1.., s1..) and character spans."""
    actors, actor_ids = actor_records(doc)
    statements = [Statement(id=f"s{n}", speaker=actor_ids.get(s["speaker"]), cue=s["cue"], content=s["content"],
                            direct=s["direct"], span=s["span"])
                  for n, s in enumerate(doc._.communique_statements or [], start=1)]
    quantities = [Quantity(id=f"q{n}", value=q["value"], unit=q["unit"], kind=q["kind"], approximate=q["approximate"],
                           span=q["span"], statement=_statement_holding(q["span"], statements), bound=q.get("bound"),
                           range=tuple(q["range"]) if q.get("range") else None, subject=q.get("subject"),
                           subject_span=q.get("subject_span"))
                  for n, q in enumerate(doc._.communique_quantities or [], start=1)]
    times = [TimeExpression(id=f"t{n}", type=t["type"], value=t["value"], span=t["span"])
             for n, t in enumerate(doc._.communique_times or [], start=1)]
    segments = [Segment(**s) for s in (doc._.communique_segments or [])]
    events = event_records(doc, document, actor_ids, statements, times, segments)
    return Record(document=document, actors=actors, statements=statements, events=events, quantities=quantities,
                  times=times, segments=segments)


def event_records(doc: Doc, document: Document, actor_ids: dict[str, str], statements: list[Statement],
                  times: list[TimeExpression], segments: list[Segment]) -> list[Event]:
    """Events with CAMEO and PLOVER fields from the codebook, voice from the segments,
    the date of a time expression in the same sentence (else the published date)."""
    from .extract.events import load_codebook

    codebook = load_codebook()
    out = []
    for number, event in enumerate(doc._.communique_events or [], start=1):
        code = codebook[event["code"]]
        trigger = doc[event["trigger"]]
        start, end = event["evidence"]
        evidence = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        sentence = (trigger.sent.start_char, trigger.sent.end_char)
        dated = [t for t in times if t.type in ("DATE", "TIME") and sentence[0] <= t.span[0] < sentence[1]
                 and t.value[:1].isdigit()]
        voice = next((s.voice for s in segments if s.span[0] <= trigger.idx < s.span[1]), "reported")
        out.append(Event(
            id=f"e{number}", cameo=code.code, goldstein=code.goldstein, quad_class=code.quad_class,
            plover=code.plover, plover_mode=code.plover_mode, source=actor_ids.get(event["source"]),
            target=actor_ids.get(event["target"]), modality=event["modality"], voice=voice,
            date=dated[0].value if dated else document.published, evidence=evidence,
            statement=_statement_holding((trigger.idx, trigger.idx + len(trigger.text)), statements)))
    return out


def _statement_holding(span: tuple[int, int], statements: list[Statement]) -> str | None:
    """The id of the statement whose content holds ``span`` (the innermost one)."""
    holding = [s for s in statements if s.content[0] <= span[0] and span[1] <= s.content[1]]
    return min(holding, key=lambda s: s.content[1] - s.content[0]).id if holding else None


def actor_records(doc: Doc) -> tuple[list[Actor], dict[str, str]]:
    """Actors numbered a1, a2, ... in order of first mention, mentions as character
    spans; and the component's actor keys mapped to those ids."""
    found = sorted((a for a in doc._.communique_actors or [] if a.mentions), key=lambda a: min(a.mentions))
    out, ids = [], {}
    for number, actor in enumerate(found, start=1):
        spans = sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in actor.mentions)
        ids[actor.key] = f"a{number}"
        out.append(Actor(id=ids[actor.key], name=actor.name, code=actor.code, country=actor.country, kind=actor.kind,
                         role=actor.role, wikidata=actor.wikidata, mentions=spans))
    return out, ids


def analyze_text(text: str, doc_id: str = "text", config: Config | None = None, **metadata) -> dict:
    """One communique/1 record (as a dict) for a string: the Python API's front door.
    ``metadata``: title, url, published (YYYY-MM-DD), author. HTML is recognised.
    Raises CommuniqueError on bad input."""
    [result] = process_documents([document_from_text(text, doc_id, **metadata)], config or Config())
    if isinstance(result, Exception):
        raise result
    return result.to_dict()


def analyze_documents(documents: list[Document], config: Config) -> list[dict]:
    """Records (as dicts) for Documents, in order; a failing one becomes an error object."""
    return [error_object(document.id, result) if isinstance(result, Exception) else result.to_dict()
            for document, result in zip(documents, process_documents(documents, config))]


def process_documents(documents: list[Document], config: Config) -> list[Record | Exception]:
    """Run the pipeline over Documents in nlp.pipe batches: a Record per Document,
    or the exception that stopped it (one bad document never stops the others)."""
    nlp = load_pipeline(config.model, config.actors)
    docs: list = [None] * len(documents)
    # A very long document runs on its own: in a batch, spaCy's memory grows with the
    # longest text times the batch size (a 20,000-word article in a batch of 64 peaks
    # at 1.7 GB; alone, at 0.6 GB).
    long = [i for i, d in enumerate(documents) if len(d.text) > LONG_DOCUMENT_CHARS]
    short = [i for i in range(len(documents)) if i not in set(long)]
    for indices, batch_size in ((short, config.batch_size), (long, 1)):
        try:
            for i, doc in zip(indices, nlp.pipe((_make_doc(nlp, documents[i]) for i in indices), batch_size=batch_size)):
                docs[i] = doc
        except Exception:  # one bad document spoils its batch: redo them one by one
            for i in indices:
                try:
                    docs[i] = nlp(_make_doc(nlp, documents[i]))
                except Exception as exc:  # noqa: BLE001 - kept as that document's result
                    docs[i] = exc
    results: list[Record | Exception] = []
    for document, doc in zip(documents, docs):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
            results.append(build_record(document, doc))
        except Exception as exc:  # noqa: BLE001
            results.append(exc)
    return results


def analyze_lines(numbered_lines: list[tuple[int, str]], config: Config, published: str | None = None) -> list[dict]:
    """JSONL input lines -> output objects in the same order (records or error objects)."""
    slots: list[dict | None] = []
    documents: list[Document] = []
    for number, line in numbered_lines:
        try:
            documents.append(document_from_record(line, number, config.max_bytes, published))
            slots.append(None)
        except Exception as exc:  # noqa: BLE001 - every failure becomes that line's error object
            slots.append(error_object(_line_id(line, number), exc))
    processed = iter(analyze_documents(documents, config)) if documents else iter(())
    return [slot if slot is not None else next(processed) for slot in slots]


def analyze_jsonl(lines: Iterable[str], config: Config, published: str | None = None,
                  progress: Callable[[int], None] | None = None) -> Iterator[dict]:
    """Stream a JSONL batch: one output object per non-blank input line, in order."""
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    chunk_size = config.batch_size
    chunks = iter(lambda: list(islice(numbered, chunk_size)), [])
    if config.workers <= 1:
        results = (analyze_lines(chunk, config, published) for chunk in chunks)
        yield from _reported(results, progress)
        return
    yield from _reported(_in_workers(chunks, config, published), progress)


def _in_workers(chunks: Iterator[list], config: Config, published: str | None) -> Iterator[list[dict]]:
    """Chunks processed by worker processes, results in input order, with a bounded
    number of chunks in flight so a large batch is never held in memory whole."""
    context = multiprocessing.get_context("spawn")
    in_flight: deque = deque()
    with ProcessPoolExecutor(config.workers, mp_context=context, initializer=_worker_init, initargs=(config,)) as pool:
        for chunk in chunks:
            in_flight.append(pool.submit(_worker_lines, chunk, published))
            if len(in_flight) >= config.workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def _reported(results: Iterable[list[dict]], progress) -> Iterator[dict]:
    for chunk in results:
        yield from chunk
        if progress:
            progress(len(chunk))


_worker_config: Config | None = None


def _worker_init(config: Config) -> None:
    global _worker_config
    _worker_config = config
    load_pipeline(config.model, config.actors)


def _worker_lines(chunk: list[tuple[int, str]], published: str | None) -> list[dict]:
    return analyze_lines(chunk, _worker_config, published)


def _line_id(line: str, number: int):
    """The record's id if the line is a JSON object with one, else a line-based id."""
    try:
        value = json.loads(line)
        if isinstance(value, dict) and value.get("id") is not None:
            return str(value["id"])
    except (json.JSONDecodeError, RecursionError):
        pass
    return f"line-{number}"
