"""Ingest sources into the store: files and folders (recursive: .txt, .html, .htm, .jsonl,
each also gzipped; feeds .rss and .atom; WARC archives), glob patterns, JSONL batches as
for ``analyze --jsonl``, and URLs (a page, or an RSS/Atom feed whose entries are fetched:
:mod:`.remote`).

Each input is cleaned first (cheap) and known by its cleaned text's sha256, so what the
store holds already is skipped before the (costly) analysis; with ``reanalyze`` a
document analysed by another pipeline or dictionary version is analysed and stored
anew. Documents are analysed and written in batches, one transaction each: an
interruption loses at most the batch in hand, and running the same command again
stores each input exactly once. One bad source or record is reported with its code and
never stops the others.
"""
from __future__ import annotations

import glob
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..analyze import analyze_documents
from ..errors import CommuniqueError, error_object
from ..ingest import document_from_file, document_from_record
from ..ingest.jsonl import read_lines
from ..record import Document
from ..settings import Config
from . import Store, remote

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".warc")


@dataclass
class IngestReport:
    new: int = 0
    already: int = 0
    reanalysed: int = 0
    errors: list[dict] = field(default_factory=list)  # error objects: {"id", "error", "code"}

    def summary(self) -> str:
        line = f"{self.new} new, {self.already} already stored, {len(self.errors)} errors"
        return line + (f" ({self.reanalysed} re-analysed)" if self.reanalysed else "")


def expand_sources(sources: list[str]) -> Iterator[Path | CommuniqueError]:
    """Every file the sources name, in order: a folder's files recursively (sorted), a
    glob's matches; a source naming nothing is C101."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
        elif path.is_file():
            yield path
        elif any(ch in source for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
            yield from matches or [CommuniqueError("C101", path=source)]
        else:
            yield CommuniqueError("C101", path=source)


def _wanted(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(SUFFIXES)


def documents_from(sources: list[str], config: Config, published: str | None) -> Iterator[Document | dict]:
    """Documents, or error objects for what could not be read, source by source: URLs
    (a page or a feed), then files (JSONL, feed files, WARC archives, pages and texts)."""
    for source in sources:
        if remote.is_url(source):
            yield from remote.url_documents(source, config.max_bytes, published)
        else:
            yield from _file_documents(source, config, published)


def _file_documents(source: str, config: Config, published: str | None) -> Iterator[Document | dict]:
    for item in expand_sources([source]):
        if isinstance(item, CommuniqueError):
            yield error_object(item.fields.get("path", "?"), item)
            continue
        name = item.name.lower()
        if name.removesuffix(".gz").endswith(".jsonl"):
            yield from _jsonl_documents(item, config, published)
            continue
        if name.endswith(remote.WARC_SUFFIXES):
            yield from remote.warc_documents(item, config.max_bytes, published)
            continue
        if name.endswith(remote.FEED_SUFFIXES):
            yield from remote.feed_file_documents(item, config.max_bytes, published)
            continue
        try:
            yield document_from_file(item, config.max_bytes, published)
        except Exception as exc:  # noqa: BLE001 - a bad file is reported, the others go on
            yield error_object(str(item), exc)


def _jsonl_documents(path: Path, config: Config, published: str | None) -> Iterator[Document | dict]:
    import gzip

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for line in read_lines(handle, config.max_bytes):
                where = f"{path}:{line.number}"
                try:
                    if line.error is not None:
                        raise line.error
                    yield document_from_record(line.text, line.number, config.max_bytes, published, line.warnings)
                except Exception as exc:  # noqa: BLE001 - one bad record never stops the batch
                    yield error_object(where, exc)
    except OSError as exc:
        yield error_object(str(path), CommuniqueError("C102", path=str(path), reason=exc.strerror or str(exc)))


def ingest(sources: list[str], store: Store, config: Config, published: str | None = None,
           reanalyze: bool = False, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Clean, skip what is stored, analyse (in ``config.workers`` processes, or on the Dask
    cluster ``config.dask``) and store, a batch (one transaction) at a time."""
    report = IngestReport()
    pending: deque[tuple[list[Document], dict[str, str]]] = deque()  # chunks handed to the analysis

    def chunks() -> Iterator[list[Document]]:
        batch: list[Document] = []
        for item in documents_from(sources, config, published):
            if isinstance(item, dict):
                report.errors.append(item)
                if progress:
                    progress(1)
                continue
            batch.append(item)
            if len(batch) >= config.batch_size:
                yield from _unstored(batch, store, reanalyze, report, pending, progress)
                batch = []
        if batch:
            yield from _unstored(batch, store, reanalyze, report, pending, progress)

    if config.dask:
        from ..cluster import analyze_documents_on_dask
        results = analyze_documents_on_dask(chunks(), config, config.dask)
    elif config.workers > 1:
        from ..workers import analyze_documents_in_workers
        results = analyze_documents_in_workers(chunks(), config)
    else:
        results = (analyze_documents(chunk, config) for chunk in chunks())
    for analysed in results:
        todo, known = pending.popleft()
        records = []
        for result in analysed:
            if "error" in result:
                report.errors.append(result)
            else:
                records.append(result)
        replaced = sum(1 for r in records if r["document"]["sha256"] in known)
        written = store.add(records, replace=reanalyze)
        report.reanalysed += replaced
        report.new += written - replaced
        report.already += len(records) - written  # the same text in two chunks in flight: stored once
        if progress:
            progress(len(todo))
    return report


def _unstored(batch: list[Document], store: Store, reanalyze: bool, report: IngestReport,
              pending: deque, progress: Callable[[int], None] | None) -> Iterator[list[Document]]:
    """The batch without what the store holds (analysed by this version, unless
    ``reanalyze``); yielded (and remembered in ``pending``) when anything is left."""
    known = store.stored(d.sha256 for d in batch)
    current = store.current()
    todo, seen = [], set(known)
    for document in batch:
        if document.sha256 in seen and not (reanalyze and known.get(document.sha256) not in (None, current)):
            report.already += 1
            continue
        seen.add(document.sha256)  # the same text twice in one batch: analysed and stored once
        todo.append(document)
    if progress:
        progress(len(batch) - len(todo))
    if todo:
        pending.append((todo, known))
        yield todo
