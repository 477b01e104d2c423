"""Where one article's analysis spends its time, stage by stage, on real news: ingest
(reading and cleaning the JSONL record), each pipeline component in the pipeline's order
(spaCy's own and ours), and building the record. Components run one document at a time
here (nlp.pipe batches spaCy's neural stages; the shares are what matters), so the total is
a little above `analyze --jsonl`'s time.

    .venv/bin/python benchmarks/profile_stages.py [--n 300]
"""
from __future__ import annotations

import json
import time
from collections import defaultdict

from news import corpus_arguments, news_articles


def main() -> None:
    args = corpus_arguments(__doc__, 300)
    if args is None:
        return
    from communique.analyze import _make_doc, with_dateline
    from communique.ingest import document_from_record
    from communique.nlp import load_pipeline
    from communique.record import from_doc
    from communique.settings import Config

    config = Config()
    nlp = load_pipeline(config.model, config.actors)
    seconds: dict[str, float] = defaultdict(float)
    lines = [json.dumps(r) for r in news_articles(args.n)]
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    for number, line in enumerate(lines, 1):
        start = time.perf_counter()
        try:
            document = with_dateline(document_from_record(line, number, config.max_bytes), config)
        except Exception:  # noqa: BLE001 - a record ingest rejects costs only its ingest
            seconds["ingest"] += time.perf_counter() - start
            continue
        seconds["ingest"] += time.perf_counter() - start
        start = time.perf_counter()
        doc = _make_doc(nlp, document, config)
        seconds["tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - start
        start = time.perf_counter()
        from_doc(document, doc)
        seconds["record"] += time.perf_counter() - start
    total = sum(seconds.values())
    print(f"{len(lines)} articles, {words / len(lines):.0f} words each on average: {total:.1f} s, "
          f"{len(lines) / total:.1f} articles/s (one at a time)")
    spacy_names = {"tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                   "senter"}
    for group, members in (("spaCy", [n for n in seconds if n in spacy_names]),
                           ("communique", [n for n in seconds if n not in spacy_names])):
        share = sum(seconds[n] for n in members)
        print(f"{group}: {share:.1f} s ({share / total:.0%})")
        for name in sorted(members, key=lambda n: -seconds[n]):
            print(f"  {name:<28}{seconds[name]:>7.2f} s {seconds[name] / total:>5.0%}"
                  f"{seconds[name] / len(lines) * 1000:>8.1f} ms/article")


if __name__ == "__main__":
    main()
