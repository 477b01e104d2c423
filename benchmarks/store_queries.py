"""Query latency of the corpus store on a large synthetic store: a dyad's events and its
weekly timeline over N event rows (default 1,000,000) in N/10 documents, against the
same dyad query on a store of N/100 rows built the same way in the same run (the ratio
says how the query scales). Everything runs in a temporary folder; nothing is fetched.

    .venv/bin/python benchmarks/store_queries.py [--events N] [--repeat R]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from communique.store import Store

COUNTRIES = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "IRN", "ISR", "TUR", "UKR", "JPN", "KOR", "PRK",
             "SAU", "EGY", "PAK", "AFG", "SYR", "IRQ"]


def build(path: Path, events: int) -> Store:
    """A store with ``events`` synthetic event rows, ten per document, over two years."""
    store = Store(path)
    documents = max(events // 10, 1)
    codes = ", ".join(f"'{c}'" for c in COUNTRIES)
    store.connection.execute(f"""
        INSERT INTO documents SELECT 'd' || i, 'sha' || i, 'in' || i, NULL, NULL,
            strftime(DATE '2022-01-01' + CAST(i % 730 AS INTEGER), '%Y-%m-%d'), 'bench', 'd' || i,
            'bench', 'bench', now()::TIMESTAMP, '{{"document": {{"text": "synthetic"}}}}', NULL
        FROM range({documents}) t(i)""")
    store.connection.execute(f"""
        INSERT INTO events SELECT 'd' || (i // 10), 'e' || (i % 10),
            strftime(DATE '2022-01-01' + CAST((i // 10) % 730 AS INTEGER), '%Y-%m-%d'),
            lpad(CAST(10 + i % 10 AS TEXT), 3, '0'), NULL, NULL, (i % 21) - 10.0, 1 + i % 4, 'asserted', 'reported',
            'a1', [{codes}][1 + (i * 7) % {len(COUNTRIES)}] || 'GOV', 'src',
            'a2', [{codes}][1 + (i * 13 + i // 7 + 5) % {len(COUNTRIES)}], 'tgt', 0, 9, NULL, 'bench'
        FROM range({events}) t(i)""")
    return store


def timed(call, repeat: int) -> float:
    """The median of ``repeat`` runs, in milliseconds (one warm-up run first)."""
    call()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for label, size in (("small", max(args.events // 100, 10)), ("large", args.events)):
            start = time.perf_counter()
            store = build(Path(folder) / f"{label}.duckdb", size)
            built = time.perf_counter() - start
            dyad = timed(lambda s=store: s.events(dyad=("RUS", "CHN"), since="2022-12-01"), args.repeat)
            line = timed(lambda s=store: s.timeline("RUS", "CHN", by="week"), args.repeat)
            rows = len(store.events(dyad=("RUS", "CHN"), since="2022-12-01"))
            store.close()
            results[label] = (size, built, dyad, line, rows)
            print(f"{label:6s} {size:>10,} event rows (built in {built:.1f} s): dyad events {dyad:7.1f} ms "
                  f"({rows:,} rows), weekly timeline {line:7.1f} ms")
        small, large = results["small"], results["large"]
        print(f"dyad query: {large[2] / small[2]:.2f}x the time at {large[0] / small[0]:.0f}x the rows; "
              f"at {large[0]:,} rows: {large[2]:.0f} ms (aim: <= 200 ms), timeline {large[3]:.0f} ms")


if __name__ == "__main__":
    main()
