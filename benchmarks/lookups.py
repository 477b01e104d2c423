"""spaCy's attribute ruler and rule lemmatizer against communique's indexed equivalents
(``communique.nlp.lookups``), in one run, on the same news articles: the seconds of the two
components, the whole pipeline's articles per second (communique's components included), and
a check that every token's annotations are the same.

Both pipelines are the spaCy model plus communique's components; one keeps spaCy's own
attribute ruler and lemmatizer, the other has ours. The whole-pipeline passes alternate
(``--repeat`` times each) and each pipeline's fastest is reported. Each pipeline has
analysed a warm-up article first (the lemmatizer's cache then fills the same way in both).

    .venv/bin/python benchmarks/lookups.py [--n 300] [--repeat 2]
"""
from __future__ import annotations

import time

from news import corpus_arguments, news_articles


def main() -> None:
    args = corpus_arguments(__doc__, 300, repeat=(int, 2, "Whole-pipeline passes of each; the fastest counts."))
    if args is None:
        return
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from communique.nlp import add_components, resolve_model
    from communique.nlp.lookups import use_faster_lookups

    texts = [record["text"] for record in news_articles(args.n)]
    words = sum(len(text.split()) for text in texts)
    pipelines = {"spaCy's": add_components(spacy.load(resolve_model("sm"))),
                 "communique's": add_components(use_faster_lookups(spacy.load(resolve_model("sm"))))}
    for nlp in pipelines.values():
        nlp(texts[0])

    # The two components alone, on the same parsed Docs (each pipeline's own copies).
    component_seconds = {}
    for label, nlp in pipelines.items():
        later = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]
        docs = list(nlp.pipe(texts, disable=later))
        seconds = {}
        for name in ("attribute_ruler", "lemmatizer"):
            component = nlp.get_pipe(name)
            start = time.perf_counter()
            docs = [component(doc) for doc in docs]
            seconds[name] = time.perf_counter() - start
        component_seconds[label] = seconds

    whole = {label: float("inf") for label in pipelines}
    outputs = {}
    for _ in range(args.repeat):
        for label, nlp in pipelines.items():
            start = time.perf_counter()
            outputs[label] = list(nlp.pipe(texts, batch_size=64))
            whole[label] = min(whole[label], time.perf_counter() - start)

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    tokens = sum(len(doc) for doc in outputs["spaCy's"])
    # The same tokenizer in both, so the Docs align token for token.
    differing = sum(int((a.to_array(attrs) != b.to_array(attrs)).any(axis=1).sum())
                    for a, b in zip(outputs["spaCy's"], outputs["communique's"]))

    print(f"{len(texts)} articles, {words / len(texts):.0f} words each on average, {tokens} tokens")
    print(f"{'':<16}{'attribute ruler':>16}{'lemmatizer':>12}{'pipeline':>11}{'articles/s':>12}")
    for label in pipelines:
        seconds = component_seconds[label]
        print(f"{label:<16}{seconds['attribute_ruler']:>14.2f} s{seconds['lemmatizer']:>10.2f} s"
              f"{whole[label]:>9.1f} s{len(texts) / whole[label]:>12.2f}")
    own, ours = component_seconds["spaCy's"], component_seconds["communique's"]
    speedup = whole["spaCy's"] / whole["communique's"]
    print(f"the two components: {sum(own.values()) / sum(ours.values()):.1f}x faster; "
          f"the whole pipeline: {speedup:.3f}x")
    print(f"tokens whose tag, part of speech, morphology, lemma, head or dependency differ: {differing}")


if __name__ == "__main__":
    main()
