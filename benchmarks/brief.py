"""The flash brief's cost and its integrity, on real news, in one run.

For each of the first N articles of ../shared/corpus/news/ (Wikinews, then Reuters) the
article is analysed (the baseline: ``analyze_jsonl``, timed), then briefed: the
communique-brief/1 document built from the record and drawn as Markdown and as HTML
(timed, each its own figure). Every brief goes through the integrity check the contract
promises (items.integrity_problems): each item cites a span, a quote is its cited span's
text, every number in an item's text occurs in its cited text. The report gives the
milliseconds per brief, their ratio to the analysis of the same article, and what the
check covered (items, citations, quotes, numbers) and found. Then the records are stored
(a temporary DuckDB store) and a corpus brief is timed: the busiest actor's, over the
30 days ending on its latest event, drawn as HTML.

    .venv/bin/python benchmarks/brief.py [--n 300]
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from news import corpus_arguments, news_articles



def main() -> None:
    args = corpus_arguments(__doc__, 300)
    if args is None:
        return
    from communique.analyze import analyze_jsonl
    from communique.brief import brief_article, integrity_problems, render_brief
    from communique.brief.items import NUMBER
    from communique.settings import Config

    lines = [json.dumps(record) for record in news_articles(args.n)]
    list(analyze_jsonl(lines[:5], Config()))  # load the pipeline: not counted
    start = time.perf_counter()
    records = [r for r in analyze_jsonl(lines, Config()) if "error" not in r]
    analysed = time.perf_counter() - start

    build = markdown = html = 0.0
    items = citations = quotes = numbers = 0
    problems: list[str] = []
    for record in records:
        doc = record["document"]["id"]
        t0 = time.perf_counter()
        brief = brief_article(record)
        t1 = time.perf_counter()
        render_brief(brief, {doc: record}, "md")
        t2 = time.perf_counter()
        render_brief(brief, {doc: record}, "html")
        t3 = time.perf_counter()
        build, markdown, html = build + t1 - t0, markdown + t2 - t1, html + t3 - t2
        names = tuple(a["name"] for a in record["actors"])
        problems += [f"{doc}: {p}" for p in integrity_problems(brief, {doc: record["document"]["text"]}, names)]
        for section in brief["sections"]:
            for entry in section["items"]:
                items += 1
                citations += len(entry["citations"])
                quotes += "quote" in entry
                numbers += len(NUMBER.findall(entry["text"]))
    n = len(records)
    per = {name: seconds / n * 1000 for name, seconds in
           (("analyze", analysed), ("brief", build), ("markdown", markdown), ("html", html))}
    whole = per["brief"] + per["markdown"] + per["html"]
    print(f"{n} articles analysed and briefed")
    print("ms per article: " + ", ".join(f"{name} {ms:.1f}" for name, ms in per.items()))
    print(f"a brief (built, drawn as md and html) = {whole:.1f} ms, {whole / per['analyze']:.3f} of its analysis")
    print(f"integrity: {items} items, {citations} citations, {quotes} quotes, {numbers} numbers checked; "
          f"{len(problems)} problems")
    for problem in problems[:20]:
        print("  " + problem)
    window_brief(records)


def window_brief(records: list[dict]) -> None:
    import tempfile
    from collections import Counter
    from datetime import date, timedelta

    from communique.brief import brief_window, integrity_problems, render_brief
    from communique.store import Store

    busiest = Counter(a["code"][:3] for r in records for a in r["actors"] if a.get("code")).most_common(1)[0][0]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "b.duckdb") as store:
        store.add(records)
        latest = max(d[:10] for d in store.events(actor=busiest).date if d and len(d) >= 10 and d[:4].isdigit())
        since = (date.fromisoformat(latest) - timedelta(days=29)).isoformat()
        start = time.perf_counter()
        brief, cited = brief_window(store, (busiest,), since=since, until=latest)
        render_brief(brief, cited, "html")
        seconds = time.perf_counter() - start
    texts = {doc: r["document"]["text"] for doc, r in cited.items()}
    names = tuple(a["name"] for r in cited.values() for a in r["actors"])
    items = sum(len(s["items"]) for s in brief["sections"])
    print(f"corpus brief of {busiest}, {since} to {latest}: {items} items from {len(cited)} documents of "
          f"{len(records)} stored, {seconds * 1000:.0f} ms (built and drawn as html); "
          f"{len(integrity_problems(brief, texts, names))} integrity problems")


if __name__ == "__main__":
    main()
