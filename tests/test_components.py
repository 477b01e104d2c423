"""The spaCy components on their own: registered by entry point, usable in any
pipeline, and correct on small Docs built by hand."""
from __future__ import annotations

import spacy

from communique.extract.segments import block_spans
from communique.nlp import add_components


def test_components_are_registered_by_entry_point():
    nlp = spacy.blank("en")
    nlp.add_pipe("communique_blocks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("communique_segments")
    doc = nlp("First line here.\n• A bullet item. With two sentences.")
    spans = [doc[s.start:s.end].text for s in doc._.communique_segments]
    assert spans == ["First line here.", "A bullet item.", "With two sentences."]
    assert [s.block_kind for s in doc._.communique_segments] == ["paragraph", "bullet", "bullet"]


def test_add_components_puts_blocks_before_the_parser(nlp):
    from communique.nlp import COMPONENTS
    names = nlp.pipe_names
    assert names.index("communique_blocks") < names.index("parser")
    assert tuple(names[-len(COMPONENTS):]) == COMPONENTS, "our components run last, in the declared order"
    assert add_components(nlp) is nlp and nlp.pipe_names == names, "adding twice changes nothing"


def test_sentences_never_cross_a_line(nlp):
    doc = nlp("Officials met in Geneva\nThe talks ended without agreement and\nno date was set.")
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()


def test_block_kinds():
    text = "Talks Resume in Doha\n\nNegotiators met on Monday, officials said.\n- One item.\n• Another item."
    kinds = [kind for _, _, kind in block_spans(text)]
    assert kinds == ["heading", "paragraph", "bullet", "bullet"]
    assert [text[s:e] for s, e, _ in block_spans(text)][1] == "Negotiators met on Monday, officials said."
