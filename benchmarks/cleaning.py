"""Cost of ingest cleaning by input size: is it linear?

    .venv/bin/python benchmarks/cleaning.py                 # 1 KB .. 10 MB, every kind (about 2 minutes)
    .venv/bin/python benchmarks/cleaning.py --max-mb 1      # quicker
    .venv/bin/python benchmarks/cleaning.py --kinds text:news,html:spans

Times the ingest's own functions on inputs of 1 KB, 10 KB, ... up to ``--max-mb``:

- text kinds: ``clean_text`` (``communique.ingest.page_text``), as for a text file;
- html kinds: ``looks_like_html``, ``extract_html`` and ``clean_text(extracted=True)``,
  as for a saved web page (trafilatura included).

Ordinary input is real: news articles from ../shared/corpus/news and pages from
../shared/corpus/html, concatenated up to the size. Adversarial input is the
shapes that once made cleaning quadratic or worse: one huge token, a huge
paragraph, many short lines, many repeated lines, long runs of punctuation or
spaces, ``a_`` everywhere, long bullet lists, a million sibling ``<span>``,
deep nesting, many ``<p>`` or ``<a>``, a long leading ``<script>``.

Each row gives seconds (the fastest of a few runs for small inputs), MB/s and
``k``, the growth exponent from the row above: time ~ size^k, so k = 1 is
linear and k = 2 quadratic. Below 100 KB fixed costs dominate and k reads low.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.ingest.html import extract_html, looks_like_html  # noqa: E402
from communique.ingest.page_text import clean_text  # noqa: E402

SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
SENTENCE = "Negotiators met again on Wednesday in Valletta to discuss night shifts and safety rules on the quays."
MIN_TIMED = 0.2   # seconds: small inputs are run again until this much time has passed
MAX_RUNS = 20


def repeat_to(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated + ``tail``, about ``size`` characters."""
    count = max(1, (size - len(head) - len(tail)) // max(1, len(unit)))
    return head + unit * count + tail


def news_text() -> str:
    texts = []
    for name in ("wikinews_2019_2020.jsonl.gz", "reuters21578.jsonl.gz"):
        path = SHARED / "corpus" / "news" / name
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle)
    return "\n\n".join(texts)


def html_pages() -> list[str]:
    folder = SHARED / "corpus" / "html" / "html"
    return [gzip.open(p).read().decode("utf-8", "replace") for p in sorted(folder.glob("*.html.gz"))]


def real_to(pieces: list[str], size: int, sep: str) -> str:
    """Real documents one after another (from the first) up to ``size`` characters."""
    out, total = [], 0
    while total < size:
        for piece in pieces:
            out.append(piece[: size - total])
            total += len(out[-1]) + len(sep)
            if total >= size:
                break
    return sep.join(out)


def kinds(news: str, pages: list[str]) -> dict:
    """name -> (pipeline, make(size) -> input)."""
    page = "<html><body><article>" + "".join(f"<p>{SENTENCE[:-1]}, day {i}.</p>" for i in range(5)) + "</article></body></html>"
    text = {
        "news": lambda n: real_to([news], n, ""),
        "one token": lambda n: "a" * n,
        "one paragraph": lambda n: repeat_to("word ", n, tail="end."),
        "short lines": lambda n: repeat_to("Home\nNews\n", n, head=SENTENCE + "\n"),
        "repeated lines": lambda n: repeat_to(SENTENCE + "\n", n),
        "punctuation": lambda n: "!" * n,
        "spaces": lambda n: repeat_to(" \t\u00a0", n, head="The talks", tail="resumed today."),
        "a_ line": lambda n: "a_" * (n // 2),
        "a_ lines": lambda n: repeat_to("a_\n", n, head=SENTENCE + "\n"),
        "bullet list": lambda n: repeat_to("- Item\n", n, head=SENTENCE[:-1] + " on these points:\n"),
        "wrapped lines": lambda n: repeat_to("and went on in lower case\n", n, head="The committee heard\n"),
    }
    html = {
        "pages": lambda n: real_to(pages, n, "\n") if pages else page,
        "spans": lambda n: repeat_to("<span>word</span> ", n, "<html><body><p>", "</p></body></html>"),
        "nested spans": lambda n: repeat_to("<span>w ", n // 2, "<html><body><div>") + "</span>" * (n // 16),
        "many p": lambda n: repeat_to(f"<p>{SENTENCE}</p>", n, "<html><body><div>", "</div></body></html>"),
        "many a": lambda n: repeat_to('<a href="/x">word</a> ', n, "<html><body><p>", "</p></body></html>"),
        "script lead": lambda n: repeat_to("var x = '<div>';\n", n, "<script>", "</script>" + page),
        "a_ words": lambda n: repeat_to("a_a a_a ", n, "<html><body><p>", "</p></body></html>"),
    }
    table = {f"text:{k}": (clean_pipeline, v) for k, v in text.items()}
    table.update({f"html:{k}": (html_pipeline, v) for k, v in html.items()})
    return table


def clean_pipeline(raw: str) -> None:
    clean_text(raw)


def html_pipeline(raw: str) -> None:
    looks_like_html(raw)
    page = extract_html(raw)
    clean_text(page.text, title=page.title, author=page.author, extracted=True)


def timed(pipeline, raw: str) -> float:
    best, spent, runs = math.inf, 0.0, 0
    while runs < MAX_RUNS and (runs == 0 or spent < MIN_TIMED):
        start = time.perf_counter()
        pipeline(raw)
        elapsed = time.perf_counter() - start
        best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-mb", type=float, default=10.0, help="largest input in MB (default 10)")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON lines")
    args = parser.parse_args()

    news, pages = news_text(), html_pages()
    if not news or not pages:
        print("note: ../shared/corpus is absent; the ordinary kinds use a made-up text", file=sys.stderr)
        news = news or "\n\n".join([SENTENCE] * 200)
    table = kinds(news, pages)
    chosen = [k for k in args.kinds.split(",") if k] or list(table)
    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000, 10_000_000) if s <= args.max_mb * 1_000_000]

    print(f"{'kind':<20} {'size':>8} {'seconds':>9} {'MB/s':>7} {'k':>5}")
    for name in chosen:
        pipeline, make = table[name]
        previous = None
        for size in sizes:
            raw = make(size)
            nbytes = len(raw.encode("utf-8", "surrogatepass"))
            seconds = timed(pipeline, raw)
            k = ""
            if previous is not None and seconds > 0 and previous[1] > 0:
                k = f"{math.log(seconds / previous[1]) / math.log(nbytes / previous[0]):.2f}"
            previous = (nbytes, seconds)
            mbps = nbytes / 1e6 / seconds if seconds else math.inf
            if args.json:
                print(json.dumps({"kind": name, "bytes": nbytes, "seconds": seconds, "mb_per_s": mbps, "k": k}))
            else:
                print(f"{name:<20} {_size(nbytes):>8} {seconds:>9.4f} {mbps:>7.1f} {k:>5}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MB", file=sys.stderr)
    return 0


def _size(nbytes: int) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if nbytes >= scale:
            return f"{nbytes / scale:.0f} {unit}"
    return f"{nbytes} B"


if __name__ == "__main__":
    sys.exit(main())
