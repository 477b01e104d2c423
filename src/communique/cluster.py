"""The analysis on a Dask cluster (`communique ingest --dask ...`): the same pipeline, from
a laptop to many machines, with no second code path — each worker runs `analyze_documents`
on batches of cleaned documents, as a worker process of `--workers` does.

- ``local`` or ``local:N``: a LocalCluster of N worker processes (default: one per core),
  one thread each, started here and stopped afterwards;
- ``tcp://HOST:PORT``: a running scheduler (its workers need communique installed).

Each worker loads the spaCy pipeline once, when it joins (a worker plugin). Batches travel
as lists of Documents; results come back in order and the caller (the client) writes them
to the store in transactions, so a worker that dies loses nothing (Dask runs its batches
again elsewhere) and duplicates nothing (only the client writes)."""
from __future__ import annotations

import logging
import os
import re
from collections import deque
from collections.abc import Iterator

from distributed.diagnostics.plugin import WorkerPlugin

from .analyze import analyze_documents
from .errors import CommuniqueError
from .ingest import Document
from .settings import Config

IN_FLIGHT_PER_WORKER = 3
TASK_DOCUMENTS = 16  # documents per task
ADDRESS = re.compile(r"^(local(?::(\d+))?|tls?://.+|tcp://.+)$")


def parse_address(value: str) -> tuple[str, int | None]:
    """("local", N) for local[:N], else (the scheduler address, None); C202 otherwise."""
    match = ADDRESS.match(value.strip())
    if not match or (match.group(2) is not None and int(match.group(2)) < 1):
        raise CommuniqueError("C202", name="dask", value=value,
                              reason="must be local, local:N (N workers) or a scheduler address tcp://HOST:PORT")
    if value.startswith("local"):
        return "local", int(match.group(2)) if match.group(2) else None
    return value.strip(), None


def _load(config: Config) -> None:
    from .nlp import load_pipeline

    load_pipeline(config.model, tuple(config.actors))


class PipelineLoader(WorkerPlugin):
    """A Dask worker plugin: the pipeline loaded once, as the worker starts."""
    name = "communique-pipeline"

    def __init__(self, config: Config):
        self.config = config

    def setup(self, worker) -> None:
        _load(self.config)


def _analyze(chunk: list[Document], config: Config) -> list[dict]:
    """One batch on a worker (the pipeline is loaded already; loaded here if not)."""
    return analyze_documents(chunk, config)


def analyze_documents_on_dask(chunks: Iterator[list[Document]], config: Config, address: str) -> Iterator[list[dict]]:
    """Records (or error objects) per chunk, in order, from the cluster at ``address``."""
    from distributed import Client, LocalCluster

    import dask

    where, workers = parse_address(address)
    # For the workers a LocalCluster starts (a running cluster keeps its own settings): fewer
    # wake-ups of the worker's event loop, each of which takes the GIL from the analysis
    # thread — no statistical profiler (every 10 ms), the loop's tick and memory checks once
    # a second (20 ms, 100 ms) — and glibc's own memory trimming rather than the nanny's
    # MALLOC_TRIM_THRESHOLD_. Measured on 800 news articles, 2 workers: 56-60 s before, 50 s after.
    dask.config.set({"distributed.worker.profile.enabled": False,
                     "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                     "distributed.admin.tick.interval": "1s",
                     "distributed.admin.system-monitor.gil.enabled": False,
                     "distributed.worker.memory.monitor-interval": "1s"})
    for name in ("distributed", "distributed.nanny", "distributed.worker", "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    if where == "local":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        try:
            client = Client(where, timeout=30)
        except OSError as exc:
            raise CommuniqueError("C202", name="dask", value=address, reason=f"no scheduler there ({exc})") from None
    try:
        client.register_plugin(PipelineLoader(config))
        slots = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
        in_flight: deque[list] = deque()  # per chunk, the futures of its pieces

        def settle() -> list[dict]:
            return [record for future in in_flight.popleft() for record in future.result()]

        for chunk in chunks:
            # Pieces smaller than a chunk: the workers finish together at the end of a run
            # instead of one waiting on the other's last chunk.
            in_flight.append([client.submit(_analyze, chunk[i:i + TASK_DOCUMENTS], config, pure=False)
                              for i in range(0, len(chunk), TASK_DOCUMENTS)])
            if sum(len(pieces) for pieces in in_flight) >= slots * 4:
                yield settle()
        while in_flight:
            yield settle()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
