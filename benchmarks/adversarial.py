"""Cost of each stage on adversarial input, against ordinary news text of the same size.

    .venv/bin/python benchmarks/adversarial.py                     # every input, 10k/40k/100k chars (~2-3 min here)
    .venv/bin/python benchmarks/adversarial.py --sizes 10000,100000 --units '$' '"' 'he said '
    .venv/bin/python benchmarks/adversarial.py --units affix cues --json

The speed side of tests/test_fuzz.py (which checks only that the output is sound).
Inputs, each a unit repeated to the size:

- ``token``: one huge whitespace-free token of each unit in tests/fuzz_strategies.py
  ``HUGE_UNITS`` (word and digit characters, punctuation, CJK, emoji, a combining mark,
  ...), and a URL ``http://x/a/a/a/...``. Some are runs of affix characters (``"``,
  ``$``, ``(``, ``_``, ``'``, ``=``, an emoji, a URL) on which spaCy's own tokenizer is
  quadratic: it splits prefixes and suffixes off the chunk one at a time, rescanning
  the rest. ``communique.nlp.make_doc`` cuts a whitespace-free chunk of 1,000
  characters or more into 100-character tokens instead.
- ``cue``: one endless "sentence" of speech cues, quotation marks or names
  (``he said``, ``"a``, ``NATO``, ``Russia,``, ``Putin said that``), which the
  components once rescanned for every cue.
- ``news``, the baseline: real articles from ../shared/corpus/news/*.jsonl.gz one
  after another (a built-in ordinary paragraph, repeated, when the corpus is absent).

Stages, each timed on its own:

- ``clean``: ``communique.ingest.page_text.clean_text`` on the text;
- ``html``: ``communique.ingest.html.extract_html`` on a page holding the text in a ``<p>``;
- ``tokenize``: ``communique.nlp.make_doc``;
- ``spaCy tok``: plain ``nlp.make_doc``, for reference, only at the small
  ``--plain-sizes`` (default 2,000 and 4,000 characters; 100,000 ``$`` would take
  about half an hour); ``est`` extrapolates it to the largest size with its own k;
- ``components``: the pipeline run pipe by pipe on the ``make_doc`` Doc, as
  tests/test_fuzz.py's ``_run_components`` does, summing the time of the pipes whose
  name starts with ``communique_`` (the spaCy model's own pipes run but are not
  counted; their time is in the JSON as ``spacy_pipes``).

Per stage the table gives the time at the largest size, ``k`` = log(time ratio) /
log(size ratio) from the smallest size to the largest (1 = linear, 2 = quadratic; a
wide range keeps it steady on a busy machine; fixed costs make it read low when times
are tiny, and a quadratic part on top of a linear one reads between 1 and 2: the JSON
has every size, for k between any two), and ``x news`` = the time over
that of the news baseline at the largest size, measured in the same run. Small
timings are repeated and the fastest kept.
"""
from __future__ import annotations

import argparse
import gzip
import html
import json
import math
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.ingest.html import extract_html  # noqa: E402
from communique.ingest.page_text import clean_text  # noqa: E402
from communique.nlp import load_pipeline, make_doc  # noqa: E402

SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
NEWS_FILES = ("wikinews_2019_2020.jsonl.gz", "reuters21578.jsonl.gz")
PARAGRAPH = ("Negotiators met again on Wednesday in Valletta to discuss night shifts and safety rules on the "
             "quays. \"We are not there yet,\" the union's spokesperson, Maria Borg, told reporters after the "
             "talks, adding that 1,200 workers would vote on any deal by the end of March. The port authority "
             "said it expected an agreement within two weeks.\n\n")

# The same units as tests/fuzz_strategies.py HUGE_UNITS (the huge-token units of
# tests/test_fuzz.py are among them), kept here so that the benchmark does not need hypothesis.
HUGE_UNITS = ("a", "1", "-", "http://x/", "a/", ".", '"', "A", "1.", "1,", "_", "a_", "\u4e2d", "'", "(",
              "$", "1e", "\U0001f600", "\u0301", "=", "0", "9" * 7 + ".")
AFFIX_UNITS = ('"', "$", "(", "_", ".", "'", "=", "\U0001f600", "URL")
CUES = ("he said ", '"a ', "NATO ", "Russia, ", "Putin said that ")
URL = "URL"  # the label of http://x/a/a/a/...

MIN_TIMED = 0.2  # seconds: a cheap stage is run again until this much time has passed
MAX_RUNS = 10


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def news_text(size: int) -> tuple[str, str]:
    """Real news, articles one after another, and where it came from."""
    texts, total = [], 0
    for name in NEWS_FILES:
        path = SHARED / "corpus" / "news" / name
        if not path.is_file():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                text = (json.loads(line).get("text") or "").strip()
                if text:
                    texts.append(text)
                    total += len(text) + 2
                if total >= size:
                    return "\n\n".join(texts)[:size], f"{SHARED / 'corpus' / 'news'} ({len(texts)} articles)"
    if texts:
        return repeat("\n\n".join(texts) + "\n\n", size), f"{SHARED / 'corpus' / 'news'} (repeated)"
    return repeat(PARAGRAPH, size), "built-in paragraph (the news corpus is absent)"


def inputs(units: list[str]) -> dict[str, tuple[str, object]]:
    """label -> (kind, make(size) -> text). The news baseline comes first."""
    table: dict[str, tuple[str, object]] = {"news": ("news", None)}
    wanted = set(units)
    everything = not wanted or "all" in wanted

    def chosen(unit: str, group: str) -> bool:
        return everything or unit in wanted or group in wanted or (unit in AFFIX_UNITS and "affix" in wanted)

    for unit in HUGE_UNITS:
        if chosen(unit, "tokens"):
            table[repr(unit)] = ("token", lambda n, u=unit: repeat(u, n))
    if chosen(URL, "tokens") or "http://x/a/" in wanted:
        table["http://x/a/a/..."] = ("token", lambda n: repeat("http://x/" + "a/" * n, n))
    for unit in CUES:
        if chosen(unit, "cues"):
            table[repr(unit)] = ("cue", lambda n, u=unit: repeat(u, n))
    return table


def fastest(run, min_time: float = MIN_TIMED, max_runs: int = MAX_RUNS):
    """The fastest of a few runs of ``run() -> seconds or dict of seconds``."""
    best, spent, runs = None, 0.0, 0
    while runs < max_runs and (runs == 0 or spent < min_time):
        started = time.perf_counter()
        result = run()
        spent += time.perf_counter() - started
        runs += 1
        if isinstance(result, dict):
            best = result if best is None or result["components"] < best["components"] else best
        else:
            best = result if best is None else min(best, result)
    return best


def timer(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def run_pipeline(nlp, text: str) -> dict:
    """The pipeline pipe by pipe on communique.nlp.make_doc's Doc: seconds in our
    components (in total and each) and in the model's own pipes."""
    doc = make_doc(nlp, text)
    doc._.communique_published = "2024-01-01"
    ours, theirs, each = 0.0, 0.0, {}
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        doc = proc(doc)
        seconds = time.perf_counter() - started
        if name.startswith("communique_"):
            ours += seconds
            each[name] = seconds
        else:
            theirs += seconds
    return {"components": ours, "spacy_pipes": theirs, "each": each, "tokens": len(doc)}


def page(text: str) -> str:
    return f"<html><body><article><p>{html.escape(text, quote=False)}</p></article></body></html>"


def measure(nlp, text: str) -> dict:
    row = {
        "clean": fastest(lambda: timer(clean_text, text)),
        "html": fastest(lambda: timer(extract_html, page(text))),
        "tokenize": fastest(lambda: timer(make_doc, nlp, text)),
    }
    pipe = fastest(lambda: run_pipeline(nlp, text), min_time=0.3, max_runs=3)
    row.update(components=pipe["components"], spacy_pipes=pipe["spacy_pipes"], tokens=pipe["tokens"],
               slowest_component=max(pipe["each"], key=pipe["each"].get), slowest_component_s=max(pipe["each"].values()))
    return row


def growth(t1: float, t2: float, n1: int, n2: int) -> float | None:
    if t1 <= 0 or t2 <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def _ms(seconds: float | None) -> str:
    """Milliseconds, or minutes / hours for an extrapolation."""
    if seconds is None:
        return "-"
    if seconds >= 60:
        return f"~{seconds / 60:.0f} min" if seconds < 3600 else f"~{seconds / 3600:.1f} h"
    ms = seconds * 1000
    return f"{ms:.2f}" if ms < 10 else (f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}")


def _k(k: float | None) -> str:
    return "-" if k is None else f"{k:.2f}"


def _x(ratio: float | None) -> str:
    return "-" if ratio is None else (f"{ratio:.2f}" if ratio < 10 else f"{ratio:.0f}")


def summarize(results: dict, sizes: list[int], plain_sizes: list[int]) -> dict:
    """Per input and stage: seconds at the largest size, k from the smallest size to
    the largest, ratio to news."""
    small, large = sizes[0], sizes[-1]
    news = results["news"]["sizes"][large]
    summary = {}
    for label, result in results.items():
        at = result["sizes"]
        row = {"kind": result["kind"]}
        for stage in ("clean", "html", "tokenize", "components", "spacy_pipes"):
            seconds = at[large][stage]
            row[stage] = {"seconds": seconds, "k": growth(at[small][stage], seconds, small, large),
                          "x_news": seconds / news[stage] if news[stage] > 0 else None}
        if plain_sizes:
            p_small, p_large = plain_sizes[0], plain_sizes[-1]
            plain = result["plain"]
            seconds = plain[p_large]["spacy_tokenizer"]
            k = growth(plain[p_small]["spacy_tokenizer"], seconds, p_small, p_large)
            # extrapolated with its own k when the time is large enough for k to mean something
            # (at least linear), linearly otherwise
            exponent = max(1.0, k or 1.0) if seconds >= 0.05 else 1.0
            estimate = seconds * (large / p_large) ** exponent
            row["spacy_tokenizer"] = {"size": p_large, "seconds": seconds, "k": k, "estimate_at_largest": estimate}
        row["slowest_component"] = at[large]["slowest_component"]
        summary[label] = row
    return summary


def print_table(summary: dict, sizes: list[int], plain_sizes: list[int]) -> None:
    large = sizes[-1]
    plain_at = plain_sizes[-1] if plain_sizes else None
    head = (f"{'input':<22} | {'clean ms':>8} {'k':>5} {'x news':>6} | {'html ms':>7} {'k':>5} {'x news':>6} | "
            f"{'tokenize ms':>11} {'k':>5} {'x news':>6} | ")
    if plain_at:
        head += f"{'spaCy tok ' + _n(plain_at) + ' ms':>16} {'k':>5} {'est ' + _n(large):>9} | "
    head += f"{'components ms':>13} {'k':>5} {'x news':>6}  slowest component"
    print(f"sizes {', '.join(_n(s) for s in sizes)} characters; milliseconds at {_n(large)}, k from {_n(sizes[0])}"
          f" to {_n(large)}, x news = time / news time at {_n(large)}")
    print(head)
    print("-" * len(head))
    for label, row in summary.items():
        name = "news (baseline)" if row["kind"] == "news" else f"{row['kind']} {label}"
        line = f"{name[:22]:<22} | "
        for stage, width in (("clean", 8), ("html", 7), ("tokenize", 11)):
            cell = row[stage]
            line += f"{_ms(cell['seconds']):>{width}} {_k(cell['k']):>5} {_x(cell['x_news']):>6} | "
        if plain_at:
            cell = row["spacy_tokenizer"]
            line += f"{_ms(cell['seconds']):>16} {_k(cell['k']):>5} {_ms(cell['estimate_at_largest']):>9} | "
        cell = row["components"]
        line += (f"{_ms(cell['seconds']):>13} {_k(cell['k']):>5} {_x(cell['x_news']):>6}  "
                 f"{row['slowest_component'].removeprefix('communique_')}")
        print(line, flush=True)


def _n(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,40000,100000", help="input sizes in characters (default 10000,40000,100000)")
    parser.add_argument("--plain-sizes", default="2000,4000",
                        help="sizes for plain spaCy make_doc, for reference (default 2000,4000; '' = none)")
    parser.add_argument("--units", nargs="+", default=[],
                        help="inputs to run, by unit ('$', 'he said ', URL) or group (tokens, affix, cues; default all); "
                             "the news baseline always runs")
    parser.add_argument("--model", default="sm", help="spaCy model, as for the CLI (default sm)")
    parser.add_argument("--json", action="store_true", help="print the measurements as one JSON object")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    plain_sizes = sorted(int(s) for s in args.plain_sizes.split(",") if s.strip())
    table = inputs(args.units)
    if len(table) == 1 and args.units:
        parser.error(f"no input matches {args.units}")

    wall = time.perf_counter()
    load = os.getloadavg()[0]
    nlp = load_pipeline(args.model)
    nlp("Warm up. The minister said so.")
    news_source = news_text(sizes[-1])[1]
    if "absent" in news_source:
        print(f"note: no news corpus under {SHARED / 'corpus' / 'news'}: the baseline is a built-in paragraph",
              file=sys.stderr)

    results = {}
    for label, (kind, make) in table.items():
        texts = {n: news_text(n)[0] if make is None else make(n) for n in set(sizes) | set(plain_sizes)}
        results[label] = {"kind": kind, "sizes": {n: measure(nlp, texts[n]) for n in sizes},
                          "plain": {n: {"spacy_tokenizer": fastest(lambda t=texts[n]: timer(nlp.make_doc, t),
                                                                   min_time=0.05, max_runs=3)}
                                    for n in plain_sizes}}
        if not args.json:
            print(f"  measured {label} ({time.perf_counter() - wall:.0f} s)", file=sys.stderr, flush=True)
    summary = summarize(results, sizes, plain_sizes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    elapsed = time.perf_counter() - wall
    if args.json:
        print(json.dumps({"sizes": sizes, "plain_sizes": plain_sizes, "news": news_source, "model": args.model,
                          "seconds": elapsed, "peak_rss_mb": peak, "load": [load, os.getloadavg()[0]],
                          "summary": summary, "measurements": results}, indent=1, default=str))
        return 0
    print(f"baseline: {news_source}; model {args.model}; load {load:.2f} -> {os.getloadavg()[0]:.2f}")
    print_table(summary, sizes, plain_sizes)
    print(f"whole run {elapsed:.0f} s, peak RSS {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
