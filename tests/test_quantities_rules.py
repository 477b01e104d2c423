"""Quantities: rules tested on hand-built Docs (words, heads, deps, tags, pos, lemmas set
by hand, as spaCy's own tests do), so that each rule that reads the parse is tested
independently of how the small model happens to parse; and the data files checked at
load (C205 for an unknown or missing key)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.errors import CommuniqueError
from communique.extract.quantities import Quantities, QuantityMention, lexicon
from communique.extract.quantities.lexicon import (CONTEXT_SCHEMA, CURRENCIES_SCHEMA, NUMBERS_SCHEMA,
                                                   UNITS_SCHEMA)
from communique.resources import check, load_data


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def component():
    return Quantities(lexicon())


def parsed(vocab, rows, spaces=None):
    """A Doc from rows of (word, head index, dep, tag, pos, lemma)."""
    words, heads, deps, tags, pos, lemmas = (list(c) for c in zip(*rows))
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def only(component, doc) -> QuantityMention:
    found = component(doc)._.communique_quantities
    assert len(found) == 1, found
    return found[0]


def subject_text(doc, q: QuantityMention):
    return None if q.subject_tokens is None else doc[q.subject_tokens[0]:q.subject_tokens[1]].text


# "Trade will grow by 25%."
GROW = [("Trade", 2, "nsubj", "NN", "NOUN", "trade"), ("will", 2, "aux", "MD", "AUX", "will"),
        ("grow", 2, "ROOT", "VB", "VERB", "grow"), ("by", 2, "prep", "IN", "ADP", "by"),
        ("25", 5, "nummod", "CD", "NUM", "25"), ("%", 3, "pobj", "NN", "NOUN", "%"),
        (".", 2, "punct", ".", "PUNCT", ".")]
GROW_SPACES = [True, True, True, True, False, False, False]


def test_subject_is_the_nsubj_of_the_verb_and_by_after_a_change_verb_is_a_change(vocab, component):
    doc = parsed(vocab, GROW, GROW_SPACES)
    assert doc.text == "Trade will grow by 25%."
    q = only(component, doc)
    assert (q.value, q.unit, q.kind, q.char_span) == (25.0, "percent", "change", (19, 22))
    assert subject_text(doc, q) == "Trade" and q.subject == "Trade"


def test_a_pronoun_subject_is_no_subject(vocab, component):
    rows = [("It", 2, "nsubj", "PRP", "PRON", "it")] + GROW[1:]
    doc = parsed(vocab, rows, GROW_SPACES)
    q = only(component, doc)
    assert q.kind == "change" and q.subject is None and q.subject_tokens is None


def test_the_subject_comes_from_the_parse_not_from_word_order(vocab, component):
    # same words, but "Trade" attached as a direct object of nothing useful: no nsubj, no subject
    rows = [("Trade", 2, "dobj", "NN", "NOUN", "trade")] + GROW[1:]
    q = only(component, parsed(vocab, rows, GROW_SPACES))
    assert q.subject is None


def test_the_subject_of_a_governing_verb_through_xcomp(vocab, component):
    # "Trade is expected to grow by 25%."
    rows = [("Trade", 2, "nsubjpass", "NN", "NOUN", "trade"), ("is", 2, "auxpass", "VBZ", "AUX", "be"),
            ("expected", 2, "ROOT", "VBN", "VERB", "expect"), ("to", 4, "aux", "TO", "PART", "to"),
            ("grow", 2, "xcomp", "VB", "VERB", "grow"), ("by", 4, "prep", "IN", "ADP", "by"),
            ("25", 7, "nummod", "CD", "NUM", "25"), ("%", 5, "pobj", "NN", "NOUN", "%"),
            (".", 2, "punct", ".", "PUNCT", ".")]
    doc = parsed(vocab, rows, [True] * 6 + [False] * 3)
    q = only(component, doc)
    assert q.kind == "change" and subject_text(doc, q) == "Trade"


def change_verb_doc(vocab, pos_of_verb):
    # "Sales rose 5 pct." with "rose" tagged as given
    rows = [("Sales", 1, "nsubj", "NNS", "NOUN", "sale"), ("rose", 1, "ROOT", "VBD", pos_of_verb, "rise"),
            ("5", 3, "nummod", "CD", "NUM", "5"), ("pct", 1, "dobj", "NN", "NOUN", "pct"),
            (".", 1, "punct", ".", "PUNCT", ".")]
    return parsed(vocab, rows, [True, True, True, False, False])


def test_a_change_verb_before_makes_a_change_only_when_it_is_a_verb(vocab, component):
    q = only(component, change_verb_doc(vocab, "VERB"))
    assert (q.value, q.unit, q.kind) == (5.0, "percent", "change")
    q = only(component, change_verb_doc(vocab, "ADJ"))
    assert q.kind == "amount"


def test_a_goal_of_is_a_target_and_the_modified_noun_is_the_subject(vocab, component):
    # "his goal of 200B USD trade volume"
    rows = [("his", 1, "poss", "PRP$", "PRON", "his"), ("goal", 1, "ROOT", "NN", "NOUN", "goal"),
            ("of", 1, "prep", "IN", "ADP", "of"), ("200B", 4, "nummod", "CD", "NUM", "200b"),
            ("USD", 6, "compound", "NNP", "PROPN", "USD"), ("trade", 6, "compound", "NN", "NOUN", "trade"),
            ("volume", 2, "pobj", "NN", "NOUN", "volume")]
    doc = parsed(vocab, rows)
    q = only(component, doc)
    assert (q.value, q.unit, q.kind) == (200e9, "USD", "target")
    assert subject_text(doc, q) == "trade volume"


def test_the_counted_noun_is_the_head_of_the_number(vocab, component):
    # "They lost eleven patrol ships."
    rows = [("They", 1, "nsubj", "PRP", "PRON", "they"), ("lost", 1, "ROOT", "VBD", "VERB", "lose"),
            ("eleven", 4, "nummod", "CD", "NUM", "eleven"), ("patrol", 4, "compound", "NN", "NOUN", "patrol"),
            ("ships", 1, "dobj", "NNS", "NOUN", "ship"), (".", 1, "punct", ".", "PUNCT", ".")]
    doc = parsed(vocab, rows, [True, True, True, True, False, False])
    q = only(component, doc)
    assert (q.value, q.unit, q.kind) == (11.0, "ships", "amount")
    assert subject_text(doc, q) == "patrol ships"


def test_the_two_is_a_reference_back_not_a_count(vocab, component):
    rows = [("the", 2, "det", "DT", "DET", "the"), ("two", 2, "nummod", "CD", "NUM", "two"),
            ("countries", 2, "ROOT", "NNS", "NOUN", "country")]
    assert component(parsed(vocab, rows))._.communique_quantities == []


def test_results_are_frozen(vocab, component):
    q = only(component, parsed(vocab, GROW, GROW_SPACES))
    with pytest.raises(AttributeError):
        q.value = 1.0


# ---- data checked at load

@pytest.mark.parametrize("relative, schema", [
    ("quantities/numbers.yml", NUMBERS_SCHEMA), ("quantities/units.yml", UNITS_SCHEMA),
    ("quantities/currencies.yml", CURRENCIES_SCHEMA), ("quantities/context.yml", CONTEXT_SCHEMA)])
def test_each_data_file_fits_its_schema(relative, schema):
    assert check(load_data(relative), schema, relative)


def test_an_unknown_key_is_c205():
    data = dict(load_data("quantities/context.yml", CONTEXT_SCHEMA))
    data["aproximate"] = ["about"]  # misspelled: would silently turn a rule off
    with pytest.raises(CommuniqueError) as caught:
        check(data, CONTEXT_SCHEMA, "data/quantities/context.yml")
    assert caught.value.code == "C205" and "aproximate" in str(caught.value)


def test_a_missing_key_is_c205():
    data = dict(load_data("quantities/numbers.yml", NUMBERS_SCHEMA))
    del data["scales"]
    with pytest.raises(CommuniqueError) as caught:
        check(data, NUMBERS_SCHEMA, "data/quantities/numbers.yml")
    assert caught.value.code == "C205" and "scales" in str(caught.value)


def test_a_list_key_of_the_wrong_type_is_c205():
    data = dict(load_data("quantities/units.yml", UNITS_SCHEMA))
    data["needs_digits"] = "in"
    with pytest.raises(CommuniqueError) as caught:
        check(data, UNITS_SCHEMA, "data/quantities/units.yml")
    assert caught.value.code == "C205" and "needs_digits" in str(caught.value)
