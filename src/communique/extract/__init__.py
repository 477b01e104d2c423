"""Extractors: spaCy components, one per concern, registered by name (entry point
``spacy_factories``), each writing its results to a ``Doc._`` extension that
``communique.record`` turns into the communique/1 record.

    communique_blocks     paragraph / bullet / heading boundaries -> sentence starts
    communique_segments   segments (block, sentence, voice)
"""
