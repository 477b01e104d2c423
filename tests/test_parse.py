"""The shared parse helpers, on hand-built Docs: what they find depends only on the
heads and labels given here, not on how the statistical model parses."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from communique.extract.parse import char_span, clause_subject, first_subject, phrase, subjects, token_chars

VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, pos=None, spaces=None):
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words), spaces=spaces)


# "China is willing to work with Russia ."
WILLING = _doc(["China", "is", "willing", "to", "work", "with", "Russia", "."],
               heads=[1, 1, 1, 4, 2, 4, 5, 1], deps=["nsubj", "ROOT", "acomp", "aux", "xcomp", "prep", "pobj", "punct"],
               pos=["PROPN", "AUX", "ADJ", "PART", "VERB", "ADP", "PROPN", "PUNCT"])


def test_subjects_are_the_verbs_own():
    assert [t.text for t in subjects(WILLING[1])] == ["China"]
    assert subjects(WILLING[4]) == [] and first_subject(WILLING[4]) is None


def test_clause_subject_climbs_open_complements():
    assert clause_subject(WILLING[4], links=("xcomp", "acomp")).text == "China"
    assert clause_subject(WILLING[4], links=("conj",)) is None  # not through a link it was not given


def test_clause_subject_stops_after_its_limit():
    assert clause_subject(WILLING[4], links=("xcomp", "acomp"), limit=1) is None


def test_passive_subjects_are_kept_apart_when_asked():
    doc = _doc(["Talks", "were", "held"], heads=[2, 2, 2], deps=["nsubjpass", "auxpass", "ROOT"])
    assert [t.text for t in subjects(doc[2])] == ["Talks"]
    assert subjects(doc[2], deps=("nsubj",)) == []


def test_phrase_is_the_subtree():
    assert phrase(WILLING[4]) == (3, 7)


def test_char_spans():
    doc = _doc(["Peace", "talks", "ended", "."], heads=[1, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "punct"],
               spaces=[True, True, False, False])
    assert doc.text == "Peace talks ended."
    assert char_span(doc, 0, 2) == (0, 11)
    assert char_span(doc, 2, 4) == (12, 18)
    assert char_span(doc, 1, 1) == (6, 6)
    assert token_chars(doc[2]) == (12, 17) and token_chars(doc[0:2]) == (0, 11)
