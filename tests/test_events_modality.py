"""Events: modality cues are phrases matched whole, on hand-built Docs (words, heads,
deps, lemmas, tags), so the rule is tested apart from how the model parses; and one
end-to-end sentence on the real model."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import communique.extract.segments  # noqa: F401 - registers doc._.communique_segments
import communique.extract.statements  # noqa: F401 - registers doc._.communique_statements
from communique.extract.events import Events, _Extraction


NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def rules():
    return Events(NLP)


def parsed(rows: str) -> Doc:
    """A Doc from one line per token: word head dep lemma pos (head as a token index)."""
    table = [line.split() for line in rows.strip().splitlines()]
    return Doc(NLP.vocab, words=[r[0] for r in table], heads=[int(r[1]) for r in table],
               deps=[r[2] for r in table], lemmas=[r[3] for r in table], pos=[r[4] for r in table])


def modality(rules, rows: str, trigger: int) -> str:
    doc = parsed(rows)
    return _Extraction(rules, doc)._modality(doc[trigger])


def test_a_word_of_a_multi_word_cue_is_no_cue(rules):
    # "The Israeli court ruled that Israel must release Palestinian prisoners": "rule out"
    # negates, a bare "ruled" does not
    assert modality(rules, """
        The 2 det the DET
        Israeli 2 amod Israeli ADJ
        court 3 nsubj court NOUN
        ruled 3 ROOT rule VERB
        that 7 mark that SCONJ
        Israel 7 nsubj Israel PROPN
        must 7 aux must AUX
        release 3 ccomp release VERB
        Palestinian 9 amod Palestinian ADJ
        prisoners 7 dobj prisoner NOUN
        . 3 punct . PUNCT
    """, 7) == "asserted"


def test_multi_word_negation_cue(rules):
    assert modality(rules, """
        Israel 1 nsubj Israel PROPN
        ruled 1 ROOT rule VERB
        out 1 prt out ADP
        sending 1 xcomp send VERB
        troops 3 dobj troop NOUN
        to 3 prep to ADP
        Gaza 5 pobj Gaza PROPN
        . 1 punct . PUNCT
    """, 3) == "negated"
    assert modality(rules, """
        Chile 1 nsubj Chile PROPN
        refused 1 ROOT refuse VERB
        to 3 aux to PART
        sign 1 xcomp sign VERB
        the 5 det the DET
        treaty 3 dobj treaty NOUN
        . 1 punct . PUNCT
    """, 3) == "negated"


def test_single_word_negation_cue(rules):
    assert modality(rules, """
        Peru 1 nsubj Peru PROPN
        denied 1 ROOT deny VERB
        sending 1 xcomp send VERB
        troops 2 dobj troop NOUN
        . 1 punct . PUNCT
    """, 2) == "negated"


def test_intent_cues_are_phrases(rules):
    willing = """
        Japan 1 nsubj Japan PROPN
        is 1 ROOT be AUX
        willing 1 acomp willing ADJ
        to 4 aux to PART
        provide 2 xcomp provide VERB
        aid 4 dobj aid NOUN
        . 1 punct . PUNCT
    """
    assert modality(rules, willing, 4) == "intended"
    readiness = """
        Iran 1 nsubj Iran PROPN
        expressed 1 ROOT express VERB
        readiness 1 dobj readiness NOUN
        to 4 aux to PART
        negotiate 2 acl negotiate VERB
        . 1 punct . PUNCT
    """
    assert modality(rules, readiness, 4) == "intended"
    # "express readiness" is the cue: expressing opposition is no intent
    opposition = """
        Iran 1 nsubj Iran PROPN
        expressed 1 ROOT express VERB
        opposition 1 dobj opposition NOUN
        to 2 prep to ADP
        sending 3 pcomp send VERB
        troops 4 dobj troop NOUN
        . 1 punct . PUNCT
    """
    assert modality(rules, opposition, 4) == "asserted"


def test_hypothetical_mark(rules):
    assert modality(rules, """
        If 2 mark if SCONJ
        Chile 2 nsubj Chile PROPN
        signs 6 advcl sign VERB
        it 2 dobj it PRON
        , 6 punct , PUNCT
        Peru 6 nsubj Peru PROPN
        agrees 6 ROOT agree VERB
        . 6 punct . PUNCT
    """, 2) == "hypothetical"


def test_ruled_that_is_not_negated_end_to_end():
    from test_events import events
    found = events("The Israeli court ruled that Israel must release Palestinian prisoners.")
    assert found and not [e for e in found if e["modality"] == "negated"], found
