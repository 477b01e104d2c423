"""`ingest --dask`: the analysis on a real Dask LocalCluster gives what one process gives,
and a worker process killed mid-run loses and duplicates nothing."""
from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.errors import CommuniqueError
from communique.store import Store

from conftest import run_cli, shared_path

CLI = str(Path(sys.executable).with_name("communique"))


def news_batch(path: Path, n: int, chars: int = 900) -> Path:
    """The first n Wikinews articles, each cut to its first `chars` characters (the test is
    about where the analysis runs, not about long articles)."""
    source = shared_path("corpus/news/wikinews_2019_2020.jsonl.gz")
    lines = (json.loads(line) for line in gzip.open(source, "rt", encoding="utf-8"))
    chosen = itertools.islice((r for r in lines if r.get("text", "").strip()), n)
    path.write_text("".join(json.dumps({"id": str(r["id"]), "text": r["text"][:chars], "published": r.get("date")})
                            + "\n" for r in chosen), encoding="utf-8")
    return path


def stored_records(db: Path) -> dict[str, dict]:
    with Store(db, read_only=True) as store:
        rows = store.connection.execute("SELECT id, record FROM documents").fetchall()
    return {doc: json.loads(record) for doc, record in rows}


def test_a_local_cluster_stores_what_one_process_stores(tmp_path):
    batch = news_batch(tmp_path / "in.jsonl", 200)
    one = run_cli("ingest", str(batch), "--db", str(tmp_path / "one.duckdb"))
    # The cluster's tasks are pieces of a batch (cluster.TASK_DOCUMENTS): the records are the same.
    cluster = run_cli("ingest", str(batch), "--db", str(tmp_path / "dask.duckdb"), "--dask", "local:2")
    assert one.returncode == 0 and cluster.returncode == 0, cluster.stderr
    assert "200 new" in cluster.stderr.splitlines()[-1]
    alone, spread = stored_records(tmp_path / "one.duckdb"), stored_records(tmp_path / "dask.duckdb")
    assert len(spread) == 200 and spread == alone


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path):
    from distributed import Client, LocalCluster

    batch = news_batch(tmp_path / "in.jsonl", 80, chars=1500)
    db = tmp_path / "c.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        ingest = subprocess.Popen([CLI, "ingest", str(batch), "--db", str(db), "--batch-size", "4",
                                   "--dask", cluster.scheduler_address], stderr=subprocess.PIPE, text=True)
        deadline, victim = time.monotonic() + 180, None
        while victim is None and time.monotonic() < deadline and ingest.poll() is None:
            busy = [address for address, tasks in client.processing().items() if tasks]
            if busy and len(client.who_has()) >= 2:  # batches are running, and some have come back
                victim = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(victim, signal.SIGKILL)
            time.sleep(0.2)
        report = ingest.communicate(timeout=600)[1]
    assert victim is not None, "no worker was ever seen busy"
    assert ingest.returncode == 0, report
    assert report.strip().splitlines()[-1] == "80 new, 0 already stored, 0 errors"
    with Store(db, read_only=True) as store:
        documents = store.documents()
        assert len(documents) == 80 and documents.id.is_unique
        events = store.events()
        assert len(events) == len(events.drop_duplicates(subset=["doc", "id"]))


def test_a_bad_dask_address_is_a_coded_error():
    result = run_cli("ingest", "nothing.jsonl", "--dask", "somewhere")
    assert result.returncode == 1 and "C202" in result.stderr and "tcp://HOST:PORT" in result.stderr
    from communique.cluster import parse_address
    assert parse_address("local:3") == ("local", 3) and parse_address("tcp://10.0.0.1:8786") == ("tcp://10.0.0.1:8786",
                                                                                                  None)
    with pytest.raises(CommuniqueError):
        parse_address("local:0")
