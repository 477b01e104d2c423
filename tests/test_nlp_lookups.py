"""communique.nlp.lookups: the indexed attribute ruler and the cached lemmatizer give
exactly the annotations of spaCy's own components, on real articles and on patterns
chosen to exercise every kind of test the index takes."""
from __future__ import annotations

import gzip
import json

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from communique.nlp import resolve_model
from communique.nlp.lookups import CachedLemmas, FixedPatternIndex, IndexedAttributeRuler, WordList, use_faster_lookups

from conftest import ROOT, SHARED

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def _texts() -> list[str]:
    """The shipped example, pieces written to reach the ruler's rarer patterns, and the
    first 40 articles of the news corpus when ../shared is there."""
    texts = [(ROOT / "examples" / "flash-readout.txt").read_text(encoding="utf-8"),
             "I ain't gonna say nothin' to y'all, let's go. There is a plan, and that was it. "
             "Gotta have it: you did, didn't you? Something's got to give; she's been there, he's being careful.",
             "Those who'd agreed said \"I'd do it\" — ol' Bill wasn't sure 'em folks had been told. "
             "It is what it is. Which of these is mine, theirs or yours?"]
    news = SHARED / "corpus" / "news" / "wikinews_2019_2020.jsonl.gz"
    if news.is_file():
        with gzip.open(news, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text", "")
                if text.strip():
                    texts.append(text)
                if len(texts) >= 43:
                    break
    return texts


@pytest.fixture(scope="module")
def pipelines():
    own = spacy.load(resolve_model("sm"))
    faster = use_faster_lookups(spacy.load(resolve_model("sm")))
    return own, faster


def test_the_faster_components_replace_spacys_under_the_same_names(pipelines):
    own, faster = pipelines
    assert own.pipe_names == faster.pipe_names
    assert type(faster.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert isinstance(faster.get_pipe("lemmatizer"), CachedLemmas)
    assert isinstance(faster.get_pipe("lemmatizer"), type(own.get_pipe("lemmatizer")))  # English's rules kept
    assert faster.get_pipe("attribute_ruler").patterns == own.get_pipe("attribute_ruler").patterns


def test_annotations_are_spacys_on_real_text(pipelines):
    own, faster = pipelines
    texts = _texts()
    checked = 0
    for expected, got in zip(own.pipe(texts), faster.pipe(texts)):
        assert got.text == expected.text
        differ = numpy.nonzero((expected.to_array(ANNOTATIONS) != got.to_array(ANNOTATIONS)).any(axis=1))[0]
        assert not len(differ), [(expected[i].text, expected[i].pos_, got[i].pos_, expected[i].lemma_, got[i].lemma_)
                                 for i in differ[:5]]
        checked += len(expected)
    assert checked > 200


def test_the_loaded_pipeline_uses_them(nlp):
    assert type(nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmas)


PATTERNS = [
    [{"TAG": "NN"}],
    [{"TAG": "NN", "LOWER": "plan"}],
    [{"LOWER": {"IN": ["the", "a"]}, "TAG": "DT"}],
    [{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["nsubj", "det"]}}],
    [{"LOWER": {"REGEX": "^th"}}],
    [{"LOWER": "the"}, {"TAG": "NN"}],
    [{"IS_SPACE": True}],
    [{"ORTH": "Plan", "IS_SPACE": False}],
    [{"LOWER": "the"}, {"LOWER": {"REGEX": "an$"}}, {"IS_PUNCT": True}],  # IS_PUNCT: not indexed
]


def _doc(vocab) -> Doc:
    words = ["The", "plan", "is", "the", "Plan", " ", "a", "man", "than", "the", "clan", "."]
    tags = ["DT", "NN", "VBZ", "DT", "NN", "_SP", "DT", "NN", "IN", "DT", "NN", "."]
    heads = [1, 2, 2, 4, 2, 4, 7, 2, 7, 10, 8, 2]
    deps = ["det", "nsubj", "ROOT", "det", "attr", "dep", "det", "conj", "prep", "det", "pobj", "punct"]
    return Doc(vocab, words=words, spaces=[True] * 4 + [False] * 8, tags=tags, heads=heads, deps=deps)


def test_the_index_finds_what_the_matcher_finds():
    vocab = spacy.blank("en").vocab
    doc = _doc(vocab)
    index, matcher = FixedPatternIndex(vocab), Matcher(vocab)
    taken = 0
    for number, pattern in enumerate(PATTERNS):
        matcher.add(str(number), [pattern])
        try:
            index.add(vocab.strings[str(number)], pattern)
            taken += 1
        except Exception:  # noqa: BLE001 - the index refuses what it cannot take
            index_refused = number
    assert taken == len(PATTERNS) - 1 and index_refused == len(PATTERNS) - 1
    expected = sorted(m for m in matcher(doc) if m[0] != vocab.strings[str(index_refused)])
    assert sorted(index(doc)) == expected
    assert len(expected) > 10


def test_a_later_rule_wins_and_unindexable_patterns_still_apply():
    vocab = spacy.blank("en").vocab
    rulers = []
    for cls in (AttributeRuler, IndexedAttributeRuler):
        ruler = cls(vocab)
        ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "first"})
        ruler.add([[{"TAG": "NN", "LOWER": "plan"}]], {"LEMMA": "second"})
        ruler.add([[{"LOWER": "the"}, {"TAG": "NN", "OP": "+"}]], {"POS": "PROPN"}, index=1)
        rulers.append(ruler)
    docs = [ruler(_doc(vocab)) for ruler in rulers]
    assert [t.lemma_ for t in docs[1]] == [t.lemma_ for t in docs[0]]
    assert [t.pos_ for t in docs[1]] == [t.pos_ for t in docs[0]]
    assert docs[1][1].lemma_ == "second" and docs[1][7].lemma_ == "first"
    assert docs[1][4].pos_ == "PROPN"  # "the Plan": the Matcher's pattern with an operator


def test_word_lists_answer_in_as_lists_do_and_save_as_lists(pipelines):
    words = WordList(["peace", "talk", "peace"])
    assert "talk" in words and "talks" not in words and list(words) == ["peace", "talk", "peace"]
    _, faster = pipelines
    lemmatizer = faster.get_pipe("lemmatizer")
    faster("The talks went on.")  # indexes the word lists
    table = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, WordList) for words in table.values())
    copy = spacy.load(resolve_model("sm")).get_pipe("lemmatizer").from_bytes(lemmatizer.to_bytes())
    assert {key: list(value) for key, value in copy.lookups.get_table("lemma_index").items()} == \
        {key: list(value) for key, value in table.items()}
