"""Extractors: spaCy components, one per concern, registered by name (entry point
``spacy_factories``), each writing its results to a ``Doc._`` extension that
``communique.record`` turns into the communique/1 record.

    communique_blocks     paragraph / bullet / heading boundaries -> sentence starts
    communique_segments   segments (block, sentence, voice)
    communique_actors     actors with CAMEO codes, and every mention (token spans)

``doc._.communique_published`` (YYYY-MM-DD or None) is set on the Doc before the
pipeline runs: the date that resolves offices, tenures and relative times.
"""
from spacy.tokens import Doc

if not Doc.has_extension("communique_published"):
    Doc.set_extension("communique_published", default=None)
