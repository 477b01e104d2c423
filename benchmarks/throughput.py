"""Throughput of the full communique pipeline against spaCy alone, on real news.

What it measures, in one run, with the same model, articles and nlp.pipe batch size:

  spacy  the plain spaCy model, ``spacy.load(resolve_model(model))`` WITHOUT the
         communique components, running ``nlp.pipe(texts, batch_size=...)`` over the
         raw article texts (docs consumed, nothing else done with them);
  full   ``analyze_jsonl`` over JSONL lines ``{"id", "text", "published"}`` built from
         the same articles, each output dict serialised with ``json.dumps`` as the
         CLI does: ingest (cleaning, language check), spaCy plus the communique
         components, building and serialising the communique/1 record.

The articles are the first N of ../shared/corpus/news/: all of Wikinews (295), then
the Reuters-21578 documents with a non-empty text, in file order.

Fairness: each pass runs in its own freshly spawned process, spaCy first, then full
(``--repeat R``: R times, alternating, and each pass's fastest run is reported), so
neither inherits the other's memory and ``ru_maxrss`` is that pass's peak. Each pass
first loads its pipeline and runs the same call over a few articles (warm-up, shown,
not counted), then is timed over all N. Records that ingest rejects (e.g. nothing
left after cleaning) become error objects without a spaCy run; the report says how
many documents and words did reach spaCy in the full pass.

With ``--workers N > 1`` the full pass uses N worker processes (``analyze_jsonl``)
and the spaCy pass ``n_process=N``; both start their processes per call, so the
timed figure includes starting the workers and loading the model in each (the
warm-up time shows roughly what that costs). That ratio compares two ways of
running in parallel as much as it measures communique's own cost. Peak RSS is then
given for the main process and for the largest worker.

Run (from the repo root; ``make bench`` runs it with the defaults):

    .venv/bin/python benchmarks/throughput.py [--n 2000] [--model sm] [--batch-size 64]
        [--workers 1] [--corpus DIR] [--repeat 1] [--json]

Reading the ratio: ``full docs/s / spacy docs/s``. 1.0 means communique adds no
cost over spaCy; 0.5 means the full pipeline runs at half spaCy's speed, i.e. half
the time goes to communique's own work. Words are the whitespace-split words of
the input texts, the same count for both passes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILES = ("wikinews_2019_2020.jsonl.gz", "reuters21578.jsonl.gz")  # in the order they are used
WARMUP_DOCS = 16


def default_corpus_dir() -> Path:
    """../shared/corpus/news beside the checkout, or under COMMUNIQUE_SHARED (as tests/conftest.py)."""
    shared = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
    return shared / "corpus" / "news"


def load_articles(corpus_dir: Path, n: int) -> list[dict]:
    """The first n articles with a non-empty text: all of Wikinews, then Reuters, in file order."""
    articles: list[dict] = []
    for name in CORPUS_FILES:
        with gzip.open(corpus_dir / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                if len(articles) == n:
                    return articles
                article = json.loads(line)
                if (article.get("text") or "").strip():
                    articles.append(article)
    return articles


def peak_rss_mb() -> tuple[float, float | None]:
    """Peak RSS of this process, and of its largest finished child (a worker), in MB."""
    while multiprocessing.active_children():  # reap spaCy's workers so RUSAGE_CHILDREN counts them
        time.sleep(0.05)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), (round(child, 1) if child else None)


def timed_pass(load, run, items: list) -> dict:
    """Load the pipeline and warm up on a few items (reported, not counted), then time a run over all."""
    started = time.perf_counter()
    pipeline = load()
    run(pipeline, items[:WARMUP_DOCS])
    warmup_seconds = time.perf_counter() - started
    started = time.perf_counter()
    docs, error_codes = run(pipeline, items)
    seconds = time.perf_counter() - started
    rss, worker_rss = peak_rss_mb()
    return {"docs": docs, "errors": sum(error_codes.values()), "error_codes": error_codes, "seconds": seconds, "warmup_seconds": warmup_seconds,
            "peak_rss_mb": rss, "worker_peak_rss_mb": worker_rss}


def spacy_pass(corpus_dir: Path, n: int, model: str, batch_size: int, workers: int) -> dict:
    import spacy

    from communique.nlp import resolve_model

    texts = [a["text"] for a in load_articles(corpus_dir, n)]

    def run(nlp, subset):
        return sum(1 for _ in nlp.pipe(subset, batch_size=batch_size, n_process=workers)), {}

    return timed_pass(lambda: spacy.load(resolve_model(model)), run, texts)


def full_pass(corpus_dir: Path, n: int, model: str, batch_size: int, workers: int) -> dict:
    from communique.analyze import analyze_jsonl
    from communique.settings import Config

    config = replace(Config(), model=model, batch_size=batch_size, workers=workers)
    lines = [json.dumps({"id": a["id"], "text": a["text"], "published": a.get("date")}, ensure_ascii=False)
             for a in load_articles(corpus_dir, n)]  # built before timing: the CLI reads them from a file

    def run(_, subset):
        docs, error_codes = 0, Counter()
        for result in analyze_jsonl(subset, config):
            json.dumps(result, ensure_ascii=False)
            docs += 1
            if "error" in result:
                error_codes[result.get("code")] += 1
        return docs, dict(error_codes)

    # analyze_jsonl loads the pipeline itself, once per process, so the warm-up run loads it
    # (in the workers only when there are workers, as in the CLI).
    figures = timed_pass(lambda: None, run, lines)
    figures["to_spacy_docs"], figures["to_spacy_words"] = words_reaching_spacy(lines, config)
    return figures


def words_reaching_spacy(lines: list[str], config) -> tuple[int, int]:
    """Documents and words the full pass hands to spaCy (untimed, after the run): the cleaned
    texts of the records that pass ingest; the others are error objects without a spaCy run,
    which is why the full pass can beat spaCy alone on the raw texts."""
    from communique.ingest import document_from_record

    docs = words = 0
    for number, line in enumerate(lines, start=1):
        try:
            text = document_from_record(line, number, config.max_bytes).text
        except Exception:  # noqa: BLE001 - counted as an error by the timed run
            continue
        docs += 1
        words += len(text.split())
    return docs, words


def in_own_process(phase, *args) -> dict:
    """Run one pass in a fresh spawned process, so its peak RSS and imports are its own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(phase, *args).result()


def main(argv: list[str] | None = None) -> int:
    from communique.nlp import resolve_model
    from communique.settings import load_config

    settings = load_config()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles to process (default 2000)")
    parser.add_argument("--model", default=settings.model, help=f"spaCy model (default {settings.model})")
    parser.add_argument("--batch-size", type=int, default=settings.batch_size,
                        help=f"nlp.pipe batch size for both passes (default {settings.batch_size})")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder with the two .jsonl.gz corpora (default ../shared/corpus/news, or "
                             "$COMMUNIQUE_SHARED/corpus/news)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the two passes this many times, alternating; report each one's fastest run")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if min(args.n, args.batch_size, args.workers, args.repeat) < 1:
        parser.error("--n, --batch-size, --workers and --repeat must be 1 or more")

    corpus_dir = (args.corpus or default_corpus_dir()).resolve()
    missing = [str(corpus_dir / name) for name in CORPUS_FILES if not (corpus_dir / name).is_file()]
    if missing:
        print(f"skipped: the news corpus is absent ({', '.join(missing)}); put the shared folder beside the "
              "checkout, set COMMUNIQUE_SHARED, or give --corpus DIR", file=sys.stderr)
        return 0

    load_before = os.getloadavg()[0]  # other work on the machine skews the figures: say how busy it was
    articles = load_articles(corpus_dir, args.n)
    words = sum(len(a["text"].split()) for a in articles)
    settings_args = (corpus_dir, args.n, args.model, args.batch_size, args.workers)
    runs = {"spacy": [], "full": []}
    for _ in range(args.repeat):  # spacy, full, spacy, full, ...: drift on the machine hits both alike
        runs["spacy"].append(in_own_process(spacy_pass, *settings_args))
        runs["full"].append(in_own_process(full_pass, *settings_args))
    passes = {name: min(results, key=lambda r: r["seconds"]) for name, results in runs.items()}
    for figures in passes.values():
        figures["words"] = words
        figures["docs_per_s"] = figures["docs"] / figures["seconds"]
        figures["words_per_s"] = words / figures["seconds"]
    report = {
        "n": len(articles), "words": words, "model": args.model, "model_name": str(resolve_model(args.model)),
        "batch_size": args.batch_size, "workers": args.workers, "repeat": args.repeat, "corpus": str(corpus_dir),
        "wikinews": sum(a["id"].startswith("wikinews-") for a in articles), "cpus": os.cpu_count(),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        **passes,
        "ratio": passes["full"]["docs_per_s"] / passes["spacy"]["docs_per_s"],
    }
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


def render(report: dict) -> str:
    lines = [
        f"{report['n']} articles ({report['wikinews']} Wikinews, {report['n'] - report['wikinews']} Reuters), "
        f"{report['words']:,} words; model {report['model']} ({report['model_name']}), "
        f"batch size {report['batch_size']}, workers {report['workers']}, {report['cpus']} CPUs"
        + (f"; fastest of {report['repeat']} alternating runs" if report["repeat"] > 1 else "")
        + "; load average {:.2f} before, {:.2f} after".format(*report["load_average"]),
        f"{'pass':<6} {'docs':>6} {'words':>9} {'seconds':>8} {'docs/s':>8} {'words/s':>8} "
        f"{'peak RSS MB':>11} {'worker RSS MB':>13} {'warm-up s':>9} {'errors':>6}",
    ]
    for name in ("spacy", "full"):
        p = report[name]
        worker_rss = f"{p['worker_peak_rss_mb']:.0f}" if p["worker_peak_rss_mb"] else "-"
        lines.append(f"{name:<6} {p['docs']:>6} {p['words']:>9} {p['seconds']:>8.1f} {p['docs_per_s']:>8.1f} "
                     f"{p['words_per_s']:>8.0f} {p['peak_rss_mb']:>11.0f} {worker_rss:>13} "
                     f"{p['warmup_seconds']:>9.1f} {p['errors']:>6}")
    full = report["full"]
    lines.append(f"full pass: {full['to_spacy_docs']} of {full['docs']} docs ({full['to_spacy_words']:,} words after "
                 f"cleaning) reach spaCy; the others are error objects from ingest")
    if full["errors"] > full["docs"] - full["to_spacy_docs"]:  # failures past ingest: a broken pipeline
        lines.append(f"WARNING: records failed after ingest {full['error_codes']}: the full pass did not measure a "
                     "working pipeline (see `communique analyze --jsonl` on a few of them)")
    lines.append(f"throughput ratio full/spacy (docs/s): {report['ratio']:.2f}  (1.0 = no overhead over spaCy)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
