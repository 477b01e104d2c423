"""Beyond one machine, measured in one run:

1. ingest of the first N news articles by one process against a Dask LocalCluster of 2
   workers (``--dask local:2``), each the CLI from start to end (pipeline loading and
   cluster start included), and the articles per second of each;
2. write throughput of the store on DuckDB against PostgreSQL: the same M analysed records
   (analysed once, before the timing) stored in batches of 64 (`Store.add`), documents per
   second; PostgreSQL is a throwaway cluster this script starts (initdb, pg_ctl, loopback),
   or ``--postgres URL``;
3. the road to a GDELT day (about 100,000 articles): the per-worker rate measured in (1),
   and the workers a day needs at it — within 24 hours, and at the issue's pace of 18.5
   articles a second — on these articles and converted, by words, to articles of 440 words.

    .venv/bin/python benchmarks/cluster.py [--n 2000] [--m 500] [--postgres URL]
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news import corpus_arguments, news_articles

CLI = str(Path(sys.executable).with_name("communique"))
GDELT_DAY = 100_000
GDELT_DAY_PACE = 18.5  # articles a second: a day's articles in 1.5 hours (issue #16)
GDELT_WORDS = 440  # words in an article of the estimate


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def write_throughput(records: list[dict], location: str) -> float:
    from communique.store import Store

    with Store(location) as store:
        start = time.perf_counter()
        for i in range(0, len(records), 64):
            store.add(records[i:i + 64])
        return len(records) / (time.perf_counter() - start)


def main() -> None:
    args = corpus_arguments(__doc__, 2000, m=(int, 500, "Analysed records for the write throughput."),
                            postgres=(str, None, "A PostgreSQL URL to write to (default: a throwaway cluster)."))
    if args is None:
        return
    texts = news_articles(max(args.n, args.m))
    words = sum(len(t["text"].split()) for t in texts[:args.n]) / args.n
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "in.jsonl"
        batch.write_text("".join(json.dumps(t) + "\n" for t in texts[:args.n]), encoding="utf-8")
        one = timed([CLI, "ingest", str(batch), "--db", f"{folder}/one.duckdb"])
        two = timed([CLI, "ingest", str(batch), "--db", f"{folder}/dask.duckdb", "--dask", "local:2"])
    print(f"{args.n} articles (about {words:.0f} words each): one process {one:.1f} s ({args.n / one:.1f} "
          f"articles/s), LocalCluster of 2 workers {two:.1f} s ({args.n / two:.1f} articles/s): "
          f"{one / two:.2f}x (aim >= 1.7x)")

    from communique.analyze import analyze_jsonl
    from communique.settings import Config

    records = [r for r in analyze_jsonl([json.dumps(t) for t in texts[:args.m]], Config()) if "error" not in r]
    from communique.store.throwaway import postgres_binaries, throwaway_postgres

    with tempfile.TemporaryDirectory() as folder:
        duck = write_throughput(records, f"{folder}/w.duckdb")
    if args.postgres:
        pg = write_throughput(records, args.postgres)
    elif postgres_binaries():
        with throwaway_postgres() as server:
            pg = write_throughput(records, f"{server}/postgres")
    else:
        pg = None
    print(f"store writes, {len(records)} analysed records in batches of 64: DuckDB {duck:.0f} documents/s"
          + (f", PostgreSQL {pg:.0f} documents/s ({pg / duck:.2f} of DuckDB's)" if pg else
             ", PostgreSQL not installed"))

    per_worker = args.n / one
    print(f"a GDELT day ({GDELT_DAY:,} articles): {per_worker:.1f} articles/s per worker process, so "
          f"{math.ceil(GDELT_DAY / 86_400 / per_worker)} worker(s) keep up over 24 hours, and "
          f"{math.ceil(GDELT_DAY_PACE / per_worker)} reach {GDELT_DAY_PACE} articles/s (a day's articles in 1.5 hours); "
          f"this machine's 2 cores give {args.n / two:.1f} articles/s")
    # The analysis costs about the same per word, so a rate on these articles converts to
    # the articles of GDELT_WORDS words by their lengths.
    long_rate = per_worker * words / GDELT_WORDS
    print(f"at {GDELT_WORDS} words an article ({per_worker * words:,.0f} words/s per worker): {long_rate:.1f} articles/s "
          f"per worker, so {math.ceil(GDELT_DAY / 86_400 / long_rate)} worker(s) keep up over 24 hours, and "
          f"{math.ceil(GDELT_DAY_PACE / long_rate)} reach {GDELT_DAY_PACE} articles/s; "
          f"this machine's 2 cores: {args.n / two * words / GDELT_WORDS:.1f} articles/s")


if __name__ == "__main__":
    main()
