"""The corpus store's ingest against `analyze --jsonl` alone, on real news, in one run:
the store's overhead (ratio of docs/s, ingest / analyze), 2 workers against 1, and the
database's size per 1,000 articles. Each pass is the CLI in a subprocess, timed from
start to end (pipeline load included, the same for every pass), over the same JSONL of
the first N articles of ../shared/corpus/news/ (Wikinews, then Reuters).

    .venv/bin/python benchmarks/store_ingest.py [--n 2000]
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news import corpus_arguments, news_articles

CLI = str(Path(sys.executable).with_name("communique"))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    args = corpus_arguments(__doc__, 2000)
    if args is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "in.jsonl"
        texts = news_articles(args.n)
        batch.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        analyse = timed([CLI, "analyze", "--jsonl", str(batch), "--out", str(Path(folder) / "out.jsonl")])
        one = timed([CLI, "ingest", str(batch), "--db", str(Path(folder) / "one.duckdb")])
        two = timed([CLI, "ingest", str(batch), "--db", str(Path(folder) / "two.duckdb"), "--workers", "2"])
        again = timed([CLI, "ingest", str(batch), "--db", str(Path(folder) / "one.duckdb")])
        size = (Path(folder) / "one.duckdb").stat().st_size
    n = len(texts)
    print(f"{n} articles; seconds: analyze --jsonl {analyse:.1f}, ingest {one:.1f}, ingest --workers 2 {two:.1f}, "
          f"ingest again (all stored) {again:.1f}")
    print(f"store overhead: ingest / analyze docs/s = {analyse / one:.2f} (aim >= 0.90)")
    print(f"2 workers vs 1: {one / two:.2f}x (aim >= 1.7x on 2 cores)")
    print(f"database size: {size / 1e6:.1f} MB, {size / n * 1000 / 1e6:.1f} MB per 1,000 articles")


if __name__ == "__main__":
    main()
