"""The corpus store's ingest against `analyze --jsonl` alone, on real news, in one run:
the store's overhead (ratio of docs/s, ingest / analyze), 2 workers against 1, and the
database's size per 1,000 articles. Each pass is the CLI in a subprocess, timed from
start to end (pipeline load included, the same for every pass), over the same JSONL of
the first N articles of ../shared/corpus/news/ (Wikinews, then Reuters).

    .venv/bin/python benchmarks/store_ingest.py [--n 2000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared")) / "corpus" / "news"
CLI = str(Path(sys.executable).with_name("communique"))


def articles(n: int) -> list[dict]:
    out = []
    for name in ("wikinews_2019_2020.jsonl.gz", "reuters21578.jsonl.gz"):
        for line in gzip.open(CORPUS / name, "rt", encoding="utf-8"):
            record = json.loads(line)
            if record.get("text", "").strip():
                out.append({"id": record["id"], "text": record["text"], "published": record.get("date")})
            if len(out) >= n:
                return out
    return out


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    if not (CORPUS / "wikinews_2019_2020.jsonl.gz").is_file():
        print(f"skipped: {CORPUS} has no news corpus (see ../shared/corpus/news/README.md)")
        return
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "in.jsonl"
        texts = articles(args.n)
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
