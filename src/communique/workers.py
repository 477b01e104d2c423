"""Worker processes for a JSONL batch (``--workers N``).

Chunks of input lines go to N spawned processes, each of which loads the pipeline
once; results come back in input order, with a bounded number of chunks in
flight, so a large batch is never held in memory whole.

What the batch promises, and how it is kept:

- Workers die with their parent: each asks the kernel to kill it when its parent
  goes (Linux ``PR_SET_PDEATHSIG``) and, everywhere, a watcher thread ends it
  when its parent process is gone. Workers ignore Ctrl-C; the parent, on any
  exit that is not a normal finish, kills them before it returns.
- A worker that dies (killed, out of memory, a crash in compiled code) breaks the
  whole pool and every chunk in it. The pool is started again; the chunk being
  waited for is redone alone, so that if it breaks the pool again it is known to
  hold the cause, and its lines are then redone one at a time: a line that kills
  a worker on its own becomes error C111, and every other line is analysed. No
  line is lost or given twice.
- A pipeline that cannot load in the workers is error C201 for the whole run, as
  it is without workers (the model is also checked before any worker starts).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from .analyze import analyze_documents, analyze_lines, line_id
from .errors import CommuniqueError, error_object
from .ingest.jsonl import InputLine
from .record import Document
from .nlp import check_model, load_pipeline
from .settings import Config

CHUNKS_IN_FLIGHT_PER_WORKER = 3
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def analyze_in_workers(chunks: Iterator[list[InputLine]], config: Config,
                       published: str | None) -> Iterator[list[dict]]:
    """Output objects per chunk, in input order, from ``config.workers`` processes."""
    yield from _in_workers(chunks, config, published, documents=False)


def analyze_documents_in_workers(chunks: Iterator[list[Document]], config: Config) -> Iterator[list[dict]]:
    """Records (or error objects) per chunk of Documents already read, in order, from
    ``config.workers`` processes (``communique ingest``)."""
    yield from _in_workers(chunks, config, None, documents=True)


def _in_workers(chunks: Iterator[list], config: Config, published: str | None, documents: bool) -> Iterator[list[dict]]:
    check_model(config.model)
    pool = _Pool(config, published, documents)
    finished = False
    try:
        in_flight: deque[tuple[list, Future]] = deque()
        for chunk in chunks:
            in_flight.append((chunk, pool.submit(chunk)))
            if len(in_flight) >= config.workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield pool.settle(in_flight)
        while in_flight:
            yield pool.settle(in_flight)
        finished = True
    finally:
        pool.close(kill=not finished)


class _Pool:
    """A ProcessPoolExecutor that is started again when a worker dies."""

    def __init__(self, config: Config, published: str | None, documents: bool = False):
        self.config, self.published = config, published
        self.task = _worker_documents if documents else _worker_lines  # what a worker does with a chunk
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        with _interrupts_held():  # the resource tracker starts here
            return ProcessPoolExecutor(self.config.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_worker_init, initargs=(self.config, os.getpid()))

    def submit(self, chunk: list) -> Future:
        with _interrupts_held():  # workers are spawned on submit
            return self.executor.submit(self.task, chunk, self.published)

    def settle(self, in_flight: deque) -> list[dict]:
        """The first chunk's results; after a broken pool, the chunk is redone
        alone and the others are sent again to the new pool."""
        chunk, future = in_flight.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        self._restart()
        results = self._isolated(chunk)
        for k, (other, _) in enumerate(in_flight):
            in_flight[k] = (other, self.submit(other))
        return results

    def _isolated(self, chunk: list) -> list[dict]:
        """The chunk run with nothing else in the pool; if it breaks the pool, its
        lines one at a time, and a line that breaks it alone is error C111."""
        try:
            return self.submit(chunk).result()
        except BrokenProcessPool:
            self._restart()
        if len(chunk) > 1:
            return [result for line in chunk for result in self._isolated([line])]
        [item] = chunk
        where, item_id = ((f"document {item.id!r}", item.id) if isinstance(item, Document)
                          else (f"line {item.number}", line_id(item)))
        died = CommuniqueError("C111", source=where,
                               reason="the worker process analysing it died (killed, or out of memory)")
        return [error_object(item_id, died)]

    def _restart(self) -> None:
        self.close(kill=True)
        self.executor = self._start()

    def close(self, kill: bool) -> None:
        """Shut the pool down; ``kill``: without waiting for the work in flight."""
        if kill:
            # ProcessPoolExecutor (before 3.14) has no way to stop busy workers.
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
        self.executor.shutdown(wait=True, cancel_futures=kill)


@contextmanager
def _interrupts_held():
    """SIGINT blocked while child processes are spawned. A child inherits the blocked
    signal across exec, so Ctrl-C (sent to the whole process group by a terminal)
    never reaches a worker, even one still starting up before its initializer runs;
    in the parent the signal waits and is delivered as the block ends, so no Ctrl-C
    is lost."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


_worker_config: Config | None = None
_worker_error: CommuniqueError | None = None


def _worker_init(config: Config, parent_pid: int) -> None:
    global _worker_config, _worker_error
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _worker_config = config
    try:
        load_pipeline(config.model, config.actors)
    except CommuniqueError as exc:  # raised again with the first chunk, where the parent sees it
        _worker_error = exc


def _worker_lines(chunk: list[InputLine], published: str | None) -> list[dict]:
    if _worker_error is not None:
        raise _worker_error
    return analyze_lines(chunk, _worker_config, published)


def _worker_documents(chunk: list[Document], published: str | None) -> list[dict]:
    if _worker_error is not None:
        raise _worker_error
    return analyze_documents(chunk, _worker_config)


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the request above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="watch-parent").start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)
