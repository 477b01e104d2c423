"""Extractors: spaCy components, one per concern, registered by name (entry point
``spacy_factories``), each writing its results to a ``Doc._`` extension that
``communique.record`` turns into the communique/1 record.

    component              module          writes (one writer per extension)
    communique_blocks      segments.py     token.is_sent_start (before the parser)
    communique_segments    segments.py     communique_segments: SegmentMention, one per sentence
    communique_actors      actors.py       communique_actors, communique_mentions (token spans)
    communique_times       times/          communique_times: TimeMention
    communique_quantities  quantities/     communique_quantities: QuantityMention
    communique_statements  statements/     communique_statements: StatementMention, and
                                           communique_statement_actors (candidate actors)
    communique_voice       voice.py        communique_voices: editorial stretches (token spans)
    communique_events      events/         communique_events: EventMention, and
                                           communique_event_actors (candidate actors)

They run in that order (``communique.nlp.COMPONENTS``); each later one reads what the
earlier ones wrote, actors through ``actor_view`` (the actors component's and every
candidate). Results are typed, in token offsets (times and quantities keep a ``char_span`` for
the few spans that end inside a token); ``communique.record.from_doc`` is the one place
that turns them into characters. ``parse.py`` holds the parse helpers they share; each
component's language data is loaded once through ``communique.resources.load_data``,
checked against its schema, and can be replaced through the component's config.

``doc._.communique_published`` (YYYY-MM-DD or None) is set on the Doc before the
pipeline runs: the reference date that resolves offices, tenures and relative
times — the document's published date, else the ``reference_date`` setting, else
None (never today's date, so the same input gives the same output on any day).
When a document has no published date but opens with a wire dateline that gives a
full date ("NICOSIA, August 8, 2023 (Xinhua) --"), that date is the reference date.

``doc._.communique_dateline`` (``(start, end)`` characters or None) is where the wire
dateline stands: its line is a block of kind ``dateline``, and no actor is found in
it (its place is the place of the story, ``document.dateline``, not an actor).
"""
from spacy.tokens import Doc

for _name in ("communique_published", "communique_dateline"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
