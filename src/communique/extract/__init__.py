"""Extractors: spaCy components, one per concern, registered by name (entry point
``spacy_factories``), each writing its results to a ``Doc._`` extension that
``communique.record`` turns into the communique/1 record.

    communique_blocks      (before the parser) every line is a block; sentences never cross one
    communique_segments    one segment per sentence, with its block and the block's kind
    communique_actors      actors with CAMEO codes, and every mention (token spans)
    communique_times       TIMEX3 expressions normalised against the published date
    communique_quantities  numeric claims: value, unit, kind, bounds, subject
    communique_statements  who said what: speaker, cue, content, direct or not
    communique_voice       the writer's own voice: segments cut into editorial and reported
    communique_events      CAMEO and PLOVER events with source, target and modality

They run in that order (``communique.nlp.COMPONENTS``); each later one reads what the
earlier ones wrote (statements read the actors' mentions, events read all of them).

``doc._.communique_published`` (YYYY-MM-DD or None) is set on the Doc before the
pipeline runs: the reference date that resolves offices, tenures and relative
times — the document's published date, else the ``reference_date`` setting, else
None (never today's date, so the same input gives the same output on any day).
"""
from spacy.tokens import Doc

if not Doc.has_extension("communique_published"):
    Doc.set_extension("communique_published", default=None)
