"""The news articles the store and brief benchmarks read: the first N with a text of
../shared/corpus/news/ (all of Wikinews, then Reuters-21578), as JSONL batch records."""
from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

CORPUS = Path(os.environ.get("COMMUNIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus" / "news"
FILES = ("wikinews_2019_2020.jsonl.gz", "reuters21578.jsonl.gz")


def available() -> bool:
    """Whether the corpus is there; if not, says so (the benchmark then stops)."""
    if all((CORPUS / name).is_file() for name in FILES):
        return True
    print(f"skipped: {CORPUS} has no news corpus (see ../shared/corpus/news/README.md)")
    return False


def news_articles(n: int) -> list[dict]:
    """Records {"id", "text", "published"}, in file order."""
    out = []
    for name in FILES:
        for line in gzip.open(CORPUS / name, "rt", encoding="utf-8"):
            record = json.loads(line)
            if record.get("text", "").strip():
                out.append({"id": str(record["id"]), "text": record["text"], "published": record.get("date")})
            if len(out) >= n:
                return out
    return out


def corpus_arguments(description: str, n: int, **options: tuple) -> argparse.Namespace | None:
    """A benchmark's command line: ``--n`` articles (default ``n``) and its own ``options``
    (name -> (type, default, help)); None, after saying so, when the corpus is absent."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--n", type=int, default=n, help="News articles to read.")
    for name, (kind, default, text) in options.items():
        parser.add_argument(f"--{name}", type=kind, default=default, help=text)
    args = parser.parse_args()
    return args if available() else None
