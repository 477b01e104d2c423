"""How much the parser would save if it ran only on the sentences that can hold an event
or a statement: the cut issue #16 suggests, measured before it is built.

A sentence "can hold" one when it has a reporting cue of the statements stage (speech,
evidence, quotation-only or noun cues, by lemma), a quotation mark, a number (for the
quantities' subjects), or an actor together with an event verb or noun of the events
stage (patterns.yml and the CAMEO verb dictionary, by lemma). An actor is a mention the
actors stage found, or a pronoun. The test reads the full parse's lemmas and mentions, so
it is the gate at its most selective: a gate that must decide before the parse knows less
and parses more.

Reported, in one run on the same articles: the sentences and tokens the gate would skip,
the parser's share of the whole analysis (timed here), so the most the gate could save, and
how many sentences that did yield an event, a statement or a quantity's subject the gate
would have skipped.

    .venv/bin/python benchmarks/parse_gate.py [--n 300]
"""
from __future__ import annotations

import bisect
import time

from news import corpus_arguments, news_articles

QUOTATION_MARKS = frozenset('"“”„«»')


def main() -> None:
    args = corpus_arguments(__doc__, 300)
    if args is None:
        return
    from communique.extract.actor_view import all_mentions
    from communique.nlp import load_pipeline

    nlp = load_pipeline()
    statements, events = nlp.get_pipe("communique_statements"), nlp.get_pipe("communique_events")
    cue_lemmas = statements.speech | statements.evidence | statements.quote_only | statements.noun_cues
    event_lemmas = set(events.by_verb) | set(events.by_noun) | set(events.dictionary.verbs)
    texts = [record["text"] for record in news_articles(args.n)]

    seconds = {name: 0.0 for name in nlp.pipe_names}
    docs = [nlp.make_doc(text) for text in texts]
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=64)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] += time.perf_counter() - start

    sentences = skipped = tokens = skipped_tokens = yielding = yielding_skipped = 0
    for doc in docs:
        sents = list(doc.sents)
        starts = [sent.start for sent in sents]
        actor_tokens = {i for start, end, _ in all_mentions(doc) for i in range(start, end)}
        used = set()
        for event in doc._.communique_events or []:
            used.add(bisect.bisect_right(starts, event.trigger) - 1)
        for statement in doc._.communique_statements or []:
            used.add(bisect.bisect_right(starts, statement.cue_i) - 1)
        for quantity in doc._.communique_quantities or []:
            if quantity.subject_tokens:
                used.add(bisect.bisect_right(starts, quantity.subject_tokens[0]) - 1)
        for number, sent in enumerate(sents):
            cue = any(t.lemma_.lower() in cue_lemmas or t.text in QUOTATION_MARKS or t.like_num for t in sent)
            actor = any(t.i in actor_tokens or t.pos_ == "PRON" for t in sent)
            event = any(t.lemma_.lower() in event_lemmas for t in sent)
            parse = cue or (actor and event)
            sentences += 1
            tokens += len(sent)
            if not parse:
                skipped += 1
                skipped_tokens += len(sent)
            if number in used:
                yielding += 1
                yielding_skipped += not parse

    total = sum(seconds.values())
    parser_share = seconds["parser"] / total
    print(f"{len(texts)} articles, {sentences} sentences, {tokens} tokens")
    print(f"the gate would skip {skipped / sentences:.1%} of the sentences, {skipped_tokens / tokens:.1%} of the tokens")
    print(f"the parser takes {parser_share:.1%} of the analysis ({seconds['parser']:.1f} s of {total:.1f} s), "
          f"so the gate could save at most {parser_share * skipped_tokens / tokens:.1%}")
    print(f"sentences that yielded an event, a statement or a quantity's subject: {yielding}; "
          f"the gate would skip {yielding_skipped} of them")


if __name__ == "__main__":
    main()
