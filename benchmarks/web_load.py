"""Load on the web app, loopback only and bounded in time: `communique serve` over a store of
N news articles, then C concurrent clients for S seconds, each sending requests in turn to
GET /api/events (a dyad, one page), GET /api/documents/{id} (a stored record) and POST
/api/analyze (a short article). Reports per endpoint the requests, errors (anything but
2xx, or no answer), p50 and p95 latency, and requests per second.

    .venv/bin/python benchmarks/web_load.py [--clients 50] [--seconds 30] [--n 100]
"""
from __future__ import annotations

import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from communique.store.throwaway import free_port
from news import corpus_arguments, news_articles

CLI = str(Path(sys.executable).with_name("communique"))
ARTICLE = ("Japan and South Korea held talks in Seoul on Tuesday. The Japanese foreign minister said both "
           "countries would expand their maritime patrols, and South Korea pledged 40 million dollars in aid.")


def client(port: int, stop: float, doc_ids: list[str], dyad: str, results: dict, lock: threading.Lock,
           seed: int) -> None:
    order = ["events", "document", "analyze"]
    random.Random(seed).shuffle(order)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    turn = 0
    while time.monotonic() < stop:
        kind = order[turn % 3]
        turn += 1
        if kind == "events":
            method, path, body = "GET", f"/api/events?dyad={dyad}&limit=50", None
        elif kind == "document":
            method, path, body = "GET", f"/api/documents/{doc_ids[turn % len(doc_ids)]}", None
        else:
            method, path, body = "POST", "/api/analyze", json.dumps({"id": f"c{seed}-{turn}", "text": ARTICLE})
        start = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            ok = 200 <= response.status < 300
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        elapsed = time.perf_counter() - start
        with lock:
            results[kind].append((elapsed, ok))
    connection.close()


def main() -> None:
    args = corpus_arguments(__doc__, 100, clients=(int, 50, "Concurrent clients."),
                            seconds=(float, 30.0, "How long the load lasts."))
    if args is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        batch, db = Path(folder) / "in.jsonl", Path(folder) / "load.duckdb"
        batch.write_text("".join(json.dumps(r) + "\n" for r in news_articles(args.n)), encoding="utf-8")
        subprocess.run([CLI, "ingest", str(batch), "--db", str(db)], check=True, stderr=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen([CLI, "serve", "--db", str(db), "--port", str(port)],
                                  env={**os.environ, "COMMUNIQUE_TOKEN": "load-test"},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    probe.request("GET", "/api/documents?limit=1000")
                    doc_ids = [row["id"] for row in json.loads(probe.getresponse().read())]
                    probe.request("GET", "/api/events?limit=1000")
                    pairs = [(e["source_code"] or "")[:3] + ":" + (e["target_code"] or "")[:3]
                             for e in json.loads(probe.getresponse().read())]
                    dyad = max(set(pairs), key=pairs.count)  # the busiest dyad
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            results: dict[str, list] = {"events": [], "document": [], "analyze": []}
            lock = threading.Lock()
            stop = time.monotonic() + args.seconds
            started = time.monotonic()
            threads = [threading.Thread(target=client, args=(port, stop, doc_ids, dyad, results, lock, i))
                       for i in range(args.clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.monotonic() - started
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    print(f"{args.clients} clients for {args.seconds:g} s against a store of {len(doc_ids)} articles "
          f"(wall {wall:.1f} s, loopback; events of {dyad})")
    print(f"{'endpoint':<28}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>8}")
    total = errors = 0
    for kind, label in (("events", "GET /api/events"), ("document", "GET /api/documents/{id}"),
                        ("analyze", "POST /api/analyze")):
        times = sorted(t for t, _ in results[kind])
        failed = sum(1 for _, ok in results[kind] if not ok)
        total, errors = total + len(times), errors + failed
        p50 = statistics.median(times) * 1000 if times else float("nan")
        p95 = times[int(0.95 * (len(times) - 1))] * 1000 if times else float("nan")
        print(f"{label:<28}{len(times):>9}{failed:>8}{p50:>9.0f}{p95:>9.0f}{len(times) / wall:>8.1f}")
    print(f"{'all':<28}{total:>9}{errors:>8}{'':>18}{total / wall:>8.1f}")


if __name__ == "__main__":
    main()
